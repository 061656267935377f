"""``mlkata``: the command line, a thin layer over :mod:`mlkata.api`.

Exit status: 0 when every check passed, 1 when some check did not (or the solution is
still locked), 2 for a usage error. Errors the user can fix print one line, never a
traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import MlkataError


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _warn(kit) -> None:
    if kit._progress is not None:
        for warning in kit.progress.warnings:
            _console(stderr=True).print(f"[yellow]warning:[/] {warning}")


class _Group(click.Group):
    """Turns usage errors and :class:`MlkataError` into one line and their exit status."""

    def main(self, *args, **kwargs):
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as error:
            where = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
            click.echo(f"mlkata: error: {error.format_message()}{where}", err=True)
            sys.exit(2)
        except click.exceptions.Abort:
            click.echo("mlkata: interrupted", err=True)
            sys.exit(130)
        except MlkataError as error:
            click.echo(f"mlkata: error: {error}", err=True)
            sys.exit(error.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mlkata")
def main():
    """Self-grading machine-learning interview exercises.

    Edit exercises/NAME/NAME.py, then `mlkata check NAME`.
    """


def _kit():
    from .api import Kit

    return Kit()


@main.command()
@click.argument("name")
@click.option("--impl", type=click.Path(dir_okay=False, path_type=Path), help="Grade this file instead of exercises/NAME/NAME.py.")
@click.option("--json", "as_json", is_flag=True, help="Print exactly one JSON object on stdout.")
@click.option("--seed", type=int, help="Seed of the hidden checks' data (default: fixed).")
def check(name, impl, as_json, seed):
    """Grade your implementation of exercise NAME."""
    kit = _kit()
    try:
        report = kit.check(name, impl, seed)
        if as_json:
            from .report import to_json

            click.echo(to_json(report))
        else:
            from .report import render

            hints = kit.exercise(name).hints
            render(report, _console(), hints[0] if hints else "", f"make hint exercise={name}")
        _warn(kit)
    finally:
        kit.close()
    sys.exit(0 if report.passed else 1)


@main.command(name="list")
def list_():
    """Every exercise, grouped by topic in learning order, with your status."""
    from rich.table import Table

    from .catalogue import by_topic

    kit = _kit()
    console = _console()
    counts = {"passed": 0, "attempted": 0, "not started": 0}
    colours = {"passed": "green", "attempted": "yellow", "not started": "dim"}
    for topic, exercises in by_topic(kit.catalogue):
        table = Table(box=None, title=f"[bold]{topic}[/]", title_justify="left", pad_edge=False)
        for column in ("exercise", "title", "difficulty", "minutes", "status", "hints"):
            table.add_column(column)
        for exercise in exercises:
            state = kit.progress.exercise(exercise.name)
            counts[state.status] += 1
            table.add_row(exercise.name, exercise.title, exercise.difficulty, str(exercise.minutes),
                          f"[{colours[state.status]}]{state.status}[/]", f"{state.hints_used}/{len(exercise.hints)}")
        console.print(table)
        console.print()
    console.print(f"{len(kit.catalogue.exercises)} exercises: {counts['passed']} passed, {counts['attempted']} attempted, {counts['not started']} not started")
    _warn(kit)
    kit.close()


@main.command()
@click.argument("name")
def hint(name):
    """Reveal the next hint for exercise NAME (recorded in your progress)."""
    kit = _kit()
    shown = kit.hint(name)
    _console().print(f"[bold]Hint {shown.level}/{shown.total}[/] for {name}: {shown.text}")
    if shown.level < shown.total:
        _console().print(f"[dim]Run it again for hint {shown.level + 1}.[/]")
    _warn(kit)
    kit.close()


@main.command()
@click.argument("name")
@click.option("--force", is_flag=True, help="Show it before you have passed (recorded).")
def solution(name, force):
    """Show the reference solution of NAME once your file passes."""
    kit = _kit()
    try:
        text = kit.solution(name, force)
    finally:
        kit.close()
    from rich.syntax import Syntax

    _console().print(Syntax(text, "python", line_numbers=True))


if __name__ == "__main__":
    main()
