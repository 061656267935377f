"""One submission: read it (a ``.py`` file or a notebook) and grade it in the sandbox.

Every classroom path grades through :func:`grade_source`, which hands the code to
:func:`mlkata.judge.grade` as a file named after the exercise: the same static rules, the
same sandbox, the same checks and scores as ``mlkata check``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..catalogue import Exercise
from ..results import Report

MAX_BYTES = 5 * 1024 * 1024  # far above any honest solution; keeps a hostile file from eating memory
SUFFIXES = (".py", ".ipynb")


class UnreadableSubmission(ValueError):
    """The submission cannot be turned into code to grade (the message says why)."""


def read_source(path: Path) -> str:
    """The code to grade from ``path``: the file itself, or a notebook's solution cells.

    Raises
    ------
    UnreadableSubmission
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableSubmission(f"{path.name} is {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit for one submission")
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise UnreadableSubmission(f"{path.name} cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UnreadableSubmission(f"{path.name} is not UTF-8 text") from None
    if path.suffix == ".ipynb":
        from .extract import UnreadableNotebook, solution_source

        try:
            return solution_source(text, path.name)
        except UnreadableNotebook as error:
            raise UnreadableSubmission(str(error)) from None
    return text


def grade_source(exercise: Exercise, source: str, seed: int, label: str) -> Report:
    """Grade ``source`` as the learner's file of ``exercise`` with ``seed``.

    Parameters
    ----------
    exercise : Exercise
    source : str
        The learner's code.
    seed : int
        The seed of the hidden checks' data.
    label : str
        What the report names as the graded file (e.g. the submission's path).
    """
    from ..judge import grade

    with tempfile.TemporaryDirectory(prefix="mlkata-submission-") as directory:
        impl = Path(directory) / f"{exercise.name}.py"
        impl.write_text(source, encoding="utf-8")
        report = grade(exercise, impl, seed)
    report.impl = label
    return report
