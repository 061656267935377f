"""Finding every student's submission of one exercise in a folder.

Accepted layouts, one student per entry of ``SUBMISSIONS``:

- ``SUBMISSIONS/STUDENT.py`` or ``SUBMISSIONS/STUDENT.ipynb``;
- ``SUBMISSIONS/STUDENT/NAME.py`` or ``SUBMISSIONS/STUDENT/NAME.ipynb``;
- ``SUBMISSIONS/STUDENT/ASSIGNMENT/NAME.ipynb`` (or ``.py``): nbgrader's ``submitted/``.

Entries whose name starts with a dot (``.ipynb_checkpoints``, ``.DS_Store``) are ignored.
A student folder holding no file for the exercise is reported as a missing submission.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import SubmissionsError
from .submission import SUFFIXES


@dataclass(frozen=True)
class Submission:
    """One student's file, or ``path=None`` when their folder holds none."""

    student: str
    path: Path | None


def discover(folder: Path, name: str, assignment: str | None = None) -> list[Submission]:
    """Every student's submission of exercise ``name`` in ``folder``, sorted by student.

    Parameters
    ----------
    folder : Path
        The submissions folder.
    name : str
        The exercise (the file stem looked for in student folders).
    assignment : str, optional
        In nbgrader's layout, the assignment folder to look in when a student has several.

    Raises
    ------
    SubmissionsError
        Nothing to grade, or a student with two candidate files.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise SubmissionsError(f"{folder} is not a directory")
    found: dict[str, Submission] = {}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_file() and entry.suffix in SUFFIXES:
            submission = Submission(entry.stem, entry)
        elif entry.is_dir():
            submission = Submission(entry.name, _in_student_folder(entry, name, assignment))
        else:
            continue
        if submission.student in found:
            raise SubmissionsError(f"student '{submission.student}' has both {found[submission.student].path or entry} and {entry}; keep one")
        found[submission.student] = submission
    if not found or all(s.path is None for s in found.values()):
        where = f"{folder}/STUDENT.py, {folder}/STUDENT/{name}.py or {folder}/STUDENT/ASSIGNMENT/{name}.ipynb"
        raise SubmissionsError(f"no submission of {name} in {folder}: expected files such as {where}")
    return [found[s] for s in sorted(found)]


def _in_student_folder(folder: Path, name: str, assignment: str | None) -> Path | None:
    direct = [folder / f"{name}{suffix}" for suffix in SUFFIXES]
    nested = [d / f"{name}{suffix}" for d in sorted(folder.iterdir()) if d.is_dir() and not d.name.startswith(".")
              and (assignment is None or d.name == assignment) for suffix in SUFFIXES]
    candidates = [p for p in (direct if assignment is None else []) + nested if p.is_file()]
    if len(candidates) > 1:
        listed = ", ".join(str(p.relative_to(folder.parent)) for p in candidates)
        hint = " (pass --assignment to choose an nbgrader assignment)" if any(p.parent != folder for p in candidates) else ""
        raise SubmissionsError(f"student '{folder.name}' has several submissions of {name}: {listed}; keep one{hint}")
    return candidates[0] if candidates else None
