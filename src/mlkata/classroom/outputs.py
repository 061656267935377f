"""What a class's grading writes: grades.csv, Gradescope's results.json, the class summary.

Reporters only read :class:`~mlkata.results.Report` objects; they never grade.
"""

from __future__ import annotations

import csv
import io
import re
import statistics
from collections import Counter

from ..results import NOT_ATTEMPTED, PASSED, Report
from .outline import CheckInfo

DIGITS = re.compile(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _points(value: float) -> str:
    return f"{value:g}"


def grades_csv(reports: dict[str, Report], checks: list[CheckInfo]) -> str:
    """One row per student: ``student, score, max_score`` and each check's points.

    Rows are sorted by student and numbers written with ``%g``, so two gradings that agree
    write the same bytes.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "score", "max_score", *(c.name for c in checks)])
    for student in sorted(reports):
        report = reports[student]
        scores = {c.name: c.score for c in report.checks}
        writer.writerow([student, _points(report.score), _points(report.max_score), *(_points(scores.get(c.name, 0.0)) for c in checks)])
    return out.getvalue()


def results_json(reports: list[Report], seed_note: str, extra: dict | None = None) -> dict:
    """Gradescope's ``results.json`` for one submission graded on one or more exercises.

    Visible tests are shown at once; hidden checks are ``after_published``: students see
    their results when the instructor publishes the grades. The seed goes into
    ``extra_data``, which Gradescope stores but never shows to students.

    Parameters
    ----------
    reports : list of Report
        One per exercise of the assignment.
    seed_note : str
        What students are told of the seed (never the secret seed itself).
    extra : dict, optional
        Merged into the top-level ``extra_data``.
    """
    prefix = len(reports) > 1
    tests, lines = [], []
    for report in reports:
        lines.append(f"{report.exercise}: {_points(report.score)}/{_points(report.max_score)} points ({report.status}).")
        lines += [f"  {problem}" for problem in report.problems]
        for check in report.checks:
            name = f"{report.exercise}: {check.title}" if prefix else check.title
            output = "" if check.status == PASSED else f"{check.status}: {check.message}".strip()
            tests.append({
                "name": name,
                "number": str(len(tests) + 1),
                "score": check.score,
                "max_score": check.max_score,
                "status": "passed" if check.status == PASSED else "failed",
                "output": output,
                "visibility": "visible" if check.visibility == "visible" else "after_published",
                "extra_data": {"exercise": report.exercise, "check": check.name, "mlkata_status": check.status},
            })
    lines.append(seed_note)
    lines.append("Hidden checks show their results once grades are published.")
    data = {
        "score": round(sum(r.score for r in reports), 6),
        "output": "\n".join(lines),
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
        "extra_data": {"seed": reports[0].seed if reports else None,
                       "exercises": {r.exercise: {"score": r.score, "max_score": r.max_score, "status": r.status, "isolation": r.isolation} for r in reports}},
    }
    data["extra_data"].update(extra or {})
    return data


def _failure_key(message: str) -> str:
    """A failure message with its numbers masked, so the same mistake groups across students."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    if not lines:
        return ""
    cause = next((line for line in lines[1:] if line.startswith("Likely cause:")), "")
    return DIGITS.sub("#", " ".join(filter(None, (lines[0], cause))))


def _example(message: str, width: int = 200) -> str:
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    cause = next((line for line in lines[1:] if line.startswith("Likely cause:")), "")
    text = " ".join(filter(None, (lines[0] if lines else "", cause)))
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(exercise: str, reports: dict[str, Report], checks: list[CheckInfo], seed_description: str, notes: dict[str, str] | None = None) -> str:
    """The class-wide view, in markdown: per check, how many students failed it and the
    most common failure among them (numbers masked to group the same mistake).

    Parameters
    ----------
    exercise : str
    reports : dict of str to Report
        Each student's report.
    checks : list of CheckInfo
        The exercise's checks, in report order.
    seed_description : str
        Which seed graded the class.
    notes : dict of str to str, optional
        Students whose submission was missing, unreadable or crashed, with why.
    """
    notes = notes or {}
    graded = {s: r for s, r in reports.items() if s not in notes}  # the table is about code that ran
    n = len(graded)
    scores = [r.score for r in reports.values()]
    max_score = max((r.max_score for r in reports.values()), default=0.0)
    lines = [
        f"# {exercise}: {len(reports)} student{'s' if len(reports) != 1 else ''}, {n} graded",
        "",
        f"Graded with {seed_description}.",
        "",
        f"- score: mean {statistics.fmean(scores) if scores else 0:.2f}, median {statistics.median(scores) if scores else 0:g}, out of {max_score:g}",
        f"- full marks: {sum(1 for r in graded.values() if r.passed)}; not attempted: {sum(1 for r in graded.values() if r.status == NOT_ATTEMPTED)}; "
        f"rejected by the static rules: {sum(1 for r in graded.values() if r.status == 'rejected')}",
    ]
    if notes:
        lines.append(f"- not graded (0 points): {', '.join(f'{s} ({why})' for s, why in sorted(notes.items()))}")
    lines += ["", "| check | points | failed by | not attempted | most common failure of the others | students |",
              "| --- | --- | --- | --- | --- | --- |"]
    for check in checks:
        failures = [c for r in graded.values() for c in r.checks if c.name == check.name and c.status != PASSED]
        # Students who did not attempt it are counted apart: the table is about mistakes.
        attempted = [c for c in failures if c.status != NOT_ATTEMPTED]
        groups = Counter(_failure_key(c.message) for c in attempted)
        common, count = groups.most_common(1)[0] if groups else ("", 0)
        example = next((_example(c.message) for c in attempted if _failure_key(c.message) == common), "")
        lines.append(f"| {check.name} | {check.points:g} | {len(failures)} of {n} | {len(failures) - len(attempted)} | "
                     f"{example.replace('|', '/')} | {count or ''} |")
    return "\n".join(lines) + "\n"
