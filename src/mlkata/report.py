"""Reporters: they only read a :class:`~mlkata.results.Report` and render it."""

from __future__ import annotations

import json

from .results import NOT_ATTEMPTED, PASSED, REJECTED, Report

ICONS = {"passed": "[green]✔[/]", "failed": "[red]✘[/]", "error": "[red]![/]", "timeout": "[yellow]⏱[/]", "not attempted": "[dim]·[/]"}


def to_json(report: Report) -> str:
    """The ``--json`` document: exactly one JSON object."""
    return json.dumps(report.to_dict())


def render(report: Report, console, first_hint: str, hint_command: str) -> None:
    """Print ``report`` for a person: visible tests, hidden checks, what went wrong, the score.

    ``first_hint`` is shown when nothing is attempted yet; ``hint_command`` reveals more.
    """
    from rich.markup import escape

    console.print(f"[bold]{report.exercise}[/]  {report.impl}  [dim](seed {report.seed}, sandbox: {report.isolation})[/]")
    if report.status == REJECTED:
        console.print("[red]Not graded[/]: the file breaks the exercise's rules, so none of it ran.")
        for problem in report.problems:
            console.print(f"  [red]✘[/] {escape(problem)}")
    elif report.status == NOT_ATTEMPTED:
        reason = next((c.message for c in report.checks if c.message), "")
        console.print(f"[yellow]Not attempted yet[/]: {escape(reason)}")
        console.print("Read the exercise's README.md, implement the stub, and run this again.")
        console.print(f"[bold]First hint:[/] {escape(first_hint)}")
        console.print(f"[dim]More hints, one at a time:[/] [bold]{hint_command}[/]")
    else:
        for visibility, heading in (("visible", "Visible tests"), ("hidden", "Hidden checks")):
            checks = [c for c in report.checks if c.visibility == visibility]
            if not checks:
                continue
            got = sum(c.score for c in checks)
            console.print(f"\n[bold]{heading}[/]  {got:g}/{sum(c.max_score for c in checks):g}")
            for c in checks:
                console.print(f"  {ICONS[c.status]} {escape(c.title)} [dim]({c.score:g}/{c.max_score:g})[/]" + ("" if c.status == PASSED else f" [dim]{c.status}[/]"))
                if c.status != PASSED and c.message:
                    for line in c.message.splitlines():
                        console.print(f"      {escape(line)}", highlight=False)
                if c.status != PASSED and c.output:
                    console.print("      [dim]printed:[/] " + escape(c.output.strip().splitlines()[0][:120]), highlight=False)
    colour = "green" if report.passed else "red"
    console.print(f"\n[bold {colour}]Score {report.score:g}/{report.max_score:g}[/] — {report.status}")
