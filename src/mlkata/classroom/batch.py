"""``mlkata grade``: a whole class's submissions of one exercise, graded in parallel.

Each submission is graded by :func:`mlkata.judge.grade_source` in a worker
process (or on a Dask worker), each in its own sandbox with its own time and memory limits:
a broken or hostile submission costs its own checks and its own time, nothing else. The
results land in ``OUT``:

- ``grades.csv``: ``student, score, max_score`` and one column per check;
- ``STUDENT/results.json``: Gradescope's format, hidden checks ``after_published``;
- ``STUDENT/NAME.py``: the code that was graded (a notebook's solution cells);
- ``summary.md``: per check, how many students failed it and the most common failure.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from ..catalogue import Catalogue, Exercise
from ..results import CheckResult, Report
from .config import SeedChoice
from .discover import discover
from .errors import SubmissionsError, require
from .outline import CheckInfo, blank_report, outline
from ..judge import grade_source
from .submission import UnreadableSubmission, read_source


@dataclass
class ClassGrades:
    """The outcome of grading a class.

    Attributes
    ----------
    out : Path
        Where the files were written.
    reports : dict of str to Report
        Each student's report (every check at 0 for a submission that was not graded).
    not_graded : dict of str to str
        Students whose submission was missing, unreadable or crashed its grader, and why.
    crashed : list of str
        Students whose grading failed for a reason of the grader's, not of their code.
    """

    out: Path
    seed: SeedChoice
    checks: list[CheckInfo]
    reports: dict[str, Report] = field(default_factory=dict)
    not_graded: dict[str, str] = field(default_factory=dict)
    crashed: list[str] = field(default_factory=list)
    duration_s: float = 0.0


# -- in the workers ------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _exercise(root: str, name: str) -> Exercise:
    from ..catalogue import load

    return load(Path(root))[name]


def warm_up(root: str, name: str) -> None:
    """Load the grader, the reference and their heavy imports once per worker process."""
    from ..judge import load_trusted

    exercise = _exercise(root, name)
    grader = load_trusted(exercise.grader, "mlkata_grader")
    load_trusted(exercise.reference, "mlkata_reference")
    for module in getattr(grader, "PRELOAD", ()):
        importlib.import_module(module)


def grade_task(task: dict) -> dict:
    """Grade one submission; a task and its result are plain data (see :mod:`.runner`)."""
    exercise = _exercise(task["root"], task["exercise"])
    return asdict(grade_source(exercise, task["source"], task["seed"], label=task["label"]))


def report_from_data(data: dict) -> Report:
    """The :class:`Report` that :func:`grade_task` returned as plain data."""
    data = dict(data)
    checks = [CheckResult(**c) for c in data.pop("checks")]
    return Report(**data, checks=checks)


# -- in the instructor's process -------------------------------------------------------------

def grade_class(catalogue: Catalogue, name: str, submissions: Path, out: Path, seed: SeedChoice, jobs: int | None = None,
                assignment: str | None = None, scheduler: str | None = None,
                on_start: Callable[[int], None] | None = None, on_graded: Callable[[str, Report], None] | None = None) -> ClassGrades:
    """Grade every submission of exercise ``name`` found in ``submissions``; write ``out``.

    Parameters
    ----------
    catalogue : Catalogue
    name : str
        The exercise.
    submissions : Path
        The folder of submissions (layouts in :mod:`.discover`).
    out : Path
        Where grades.csv, summary.md and the per-student folders go.
    seed : SeedChoice
        The seed every submission is graded with.
    jobs : int, optional
        Worker processes (default: the number of cores); ignored with ``scheduler``.
    assignment : str, optional
        nbgrader's assignment folder, when students have several.
    scheduler : str, optional
        A Dask scheduler's address: grade on that cluster instead of local processes.
    on_start, on_graded : callable, optional
        Progress callbacks: ``on_start(total)``, then ``on_graded(student, report)`` as each ends.

    Returns
    -------
    ClassGrades
    """
    started = time.monotonic()
    exercise = catalogue[name]
    submissions, out = Path(submissions).resolve(), Path(out).resolve()
    if out == submissions or submissions in out.parents:
        raise SubmissionsError(f"--out {out} is inside the submissions folder; write the grades elsewhere")
    if scheduler:
        from .runner import check_scheduler

        check_scheduler(scheduler)  # before anything is written
    result = ClassGrades(out, seed, outline(exercise))
    found = discover(submissions, name, assignment)
    if any(s.path is not None and s.path.suffix == ".ipynb" for s in found):
        require("nbformat", "nbformat", "grading notebooks")
    out.mkdir(parents=True, exist_ok=True)
    tasks, owners = [], []
    for submission in found:
        if submission.path is None:
            _not_graded(result, exercise, submission.student, f"no {name}.py or {name}.ipynb was submitted")
            continue
        try:
            source = read_source(submission.path)
        except UnreadableSubmission as error:
            _not_graded(result, exercise, submission.student, str(error), str(submission.path))
            continue
        _write(out / submission.student / f"{name}.py", source)
        tasks.append({"root": str(catalogue.root), "exercise": name, "source": source, "seed": seed.seed, "label": str(submission.path)})
        owners.append(submission.student)
    if on_start:
        on_start(len(found))
    for student in result.not_graded:
        _finish(result, student, result.reports[student], on_graded)

    def on_result(index: int, value) -> None:
        student = owners[index]
        if isinstance(value, BaseException):
            report = blank_report(exercise, seed.seed, f"not graded: {value}", tasks[index]["label"])
            result.not_graded[student] = f"grading failed ({value})"
            result.crashed.append(student)
        else:
            report = report_from_data(value)
        result.reports[student] = report
        _finish(result, student, report, on_graded)

    if tasks:
        from .runner import run_dask, run_local

        if scheduler:
            run_dask(grade_task, tasks, scheduler, on_result)
        else:
            jobs = max(1, min(jobs or cores(), len(tasks)))
            run_local(grade_task, tasks, jobs, on_result, initializer=warm_up, initargs=(str(catalogue.root), name))
    result.duration_s = time.monotonic() - started
    _write_class_files(result, name)
    return result


def cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container or cgroup)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _not_graded(result: ClassGrades, exercise: Exercise, student: str, why: str, impl: str = "") -> None:
    result.reports[student] = blank_report(exercise, result.seed.seed, why, impl)
    result.not_graded[student] = why


def _seed_note(seed: SeedChoice) -> str:
    return "Graded with the course's secret seed." if seed.secret else f"Graded with seed {seed.seed}."


def _finish(result: ClassGrades, student: str, report: Report, on_graded) -> None:
    results = _results_json(report, result.seed)
    _write(result.out / student / "results.json", json.dumps(results, indent=2) + "\n")
    if on_graded:
        on_graded(student, report)


def _results_json(report: Report, seed: SeedChoice) -> dict:
    from .outputs import results_json

    return results_json([report], _seed_note(seed), {"seed_source": seed.source})


def _write_class_files(result: ClassGrades, name: str) -> None:
    from .outputs import grades_csv, summary

    _write(result.out / "grades.csv", grades_csv(result.reports, result.checks))
    _write(result.out / "summary.md", summary(name, result.reports, result.checks, result.seed.describe(), result.not_graded))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
