"""An exercise's checks, listed without grading anything.

The notebook builder needs them (one graded cell each), so do grades.csv (one column each)
and the reports of missing submissions (every check at 0 points).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue import Exercise
from ..results import ERROR, CheckResult, Report


@dataclass(frozen=True)
class CheckInfo:
    """One visible test or hidden check, as the judge will report it."""

    name: str
    title: str
    visibility: str
    points: float
    timeout_s: float


def outline(exercise: Exercise) -> list[CheckInfo]:
    """The visible tests then the hidden checks of ``exercise``, in the judge's order."""
    from ..grading import collect
    from ..judge import VISIBLE_POINTS, load_trusted, visible_test_names

    checks = [CheckInfo(t, t.removeprefix("test_").replace("_", " "), "visible", VISIBLE_POINTS, exercise.timeout_s) for t in visible_test_names(exercise)]
    for spec in collect(load_trusted(exercise.grader, "mlkata_grader")):
        checks.append(CheckInfo(spec.name, spec.title, "hidden", spec.points, spec.timeout_s or exercise.timeout_s))
    return checks


def worst_case_seconds(exercise: Exercise) -> float:
    """The longest one grading of ``exercise`` can take: every check at its time limit."""
    from ..sandbox.process import BOOT_ALLOWANCE_S

    return BOOT_ALLOWANCE_S + exercise.timeout_s + sum(c.timeout_s for c in outline(exercise))


def blank_report(exercise: Exercise, seed: int, message: str, impl: str = "") -> Report:
    """A report giving every check 0 points with ``message`` (nothing was graded)."""
    report = Report(exercise.name, impl, seed, "none")
    report.checks = [CheckResult(c.name, c.title, c.visibility, ERROR, 0.0, c.points, message) for c in outline(exercise)]
    return report
