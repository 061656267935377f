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
        except OSError as error:  # a path the user named cannot be written or read
            where = f": {error.filename}" if error.filename else ""
            click.echo(f"mlkata: error: {error.strerror or error}{where}", err=True)
            sys.exit(2)


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
@click.option("--seed", type=click.IntRange(min=0), help="Seed of the hidden checks' data, a whole number >= 0 (default: fixed).")
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


@main.command(name="next")
def next_():
    """What to do now: an open or due drill, else the first unsolved exercise."""
    kit = _kit()
    step = kit.next_step()
    _console().print(f"[bold]Next:[/] {step.message}")
    _warn(kit)
    kit.close()


@main.command()
@click.argument("name", required=False)
@click.option("--all", "everything", is_flag=True, help="Reset every exercise.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def reset(name, everything, yes):
    """Restore the stub of NAME (or --all), backing up your file first."""
    if bool(name) == everything:
        raise click.UsageError("name one exercise, or pass --all")
    kit = _kit()
    targets = kit.catalogue.names if everything else [kit.exercise(name).name]
    if not yes and not click.confirm(f"Reset {', '.join(targets)} to the stub? Your files are backed up first", default=False):
        _console().print("Nothing changed.")
        sys.exit(1)
    console = _console()
    for target in targets:
        saved = kit.reset(target)
        console.print(f"{target}: reset" + (f"; your file is saved as backup [bold]{saved.name}[/] (mlkata restore {target} {saved.name})" if saved else ""))
    _warn(kit)
    kit.close()


@main.command()
@click.argument("name")
def backups(name):
    """List the backups of NAME, oldest first."""
    kit = _kit()
    found = kit.backups(name)
    if not found:
        click.echo(f"{name} has no backups yet.")
    for backup in found:  # plain lines, never wrapped: easy to copy and to script
        click.echo(f"{backup.name}  {backup.path}")
    kit.close()


@main.command()
@click.argument("name")
@click.argument("backup", required=False)
def restore(name, backup):
    """Bring back BACKUP of NAME (default: the newest), backing up the current file first."""
    kit = _kit()
    chosen, saved = kit.restore(name, backup)
    _console().print(f"{name}: restored backup {chosen.name}" + (f"; the file it replaced is backup {saved.name}" if saved else ""))
    kit.close()


@main.command()
@click.argument("name", required=False)
@click.option("--minutes", type=float, help="Time budget (default: the exercise's).")
@click.option("--check", "grade_it", is_flag=True, help="Grade the open drill.")
@click.option("--give-up", is_flag=True, help="End the open drill as failed (it comes back soon).")
@click.option("--seed", type=click.IntRange(min=0), help="Seed of the hidden checks' data.")
def drill(name, minutes, grade_it, give_up, seed):
    """Interview mode: solve a due exercise again from a fresh stub, against the clock."""
    kit = _kit()
    console = _console()
    try:
        if grade_it:
            from .report import render

            report, result = kit.check_drill(seed)
            hints = kit.exercise(report.exercise).hints
            render(report, console, hints[0] if hints else "", f"mlkata hint {report.exercise}")
            if result:
                console.print(f"\n[green]Drill passed[/] in {result.minutes_taken:.1f} min with {result.hints} hint(s): rated {result.rating}; next review {result.next_review:%Y-%m-%d %H:%M}.")
            else:
                open_drill = kit.active_drill()
                left = open_drill.minutes - open_drill.minutes_used
                console.print(f"\n{max(left, 0):.1f} of {open_drill.minutes:g} minutes left" + ("" if left > 0 else " (over time: a pass now is rated Hard)"))
            _warn(kit)
            sys.exit(0 if report.passed else 1)
        if give_up:
            result = kit.give_up_drill()
            console.print(f"Drill of {result.exercise} ended as not passed; next review {result.next_review:%Y-%m-%d %H:%M}.")
        else:
            opened = kit.start_drill(name, minutes)
            verb = "Continuing" if opened.resumed else "Drill"
            console.print(f"[bold]{verb}: {opened.exercise}[/] — {kit.exercise(opened.exercise).title}")
            console.print(f"Edit [bold]{opened.path}[/] (a fresh stub; your own solution is untouched).")
            console.print(f"Time budget: {opened.minutes:g} minutes. Grade with [bold]mlkata drill --check[/] or [bold]mlkata watch --drill[/].")
        _warn(kit)
    finally:
        kit.close()


@main.command()
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="Also draw progress over time to this PNG file.")
def stats(plot):
    """Mastery per topic, passes, time to pass, drills due, streak."""
    from rich.table import Table

    kit = _kit()
    result = kit.stats()
    console = _console()
    table = Table(box=None, title="[bold]mastery by topic[/]", title_justify="left")
    for column in ("topic", "passed", "recall (drilled)"):
        table.add_column(column)
    for topic in result.topics:
        table.add_row(topic.topic, f"{topic.passed}/{topic.total}", "—" if topic.recall is None else f"{topic.recall:.0%}")
    console.print(table)
    minutes = lambda m: "—" if m is None else f"{m:.0f} min"  # noqa: E731
    console.print(f"\nexercises passed: {result.passed}/{result.total}  (first try: {result.first_try}, without hints: {result.hint_free})")
    console.print(f"median time to pass: {minutes(result.median_minutes_to_pass)}  ·  median drill: {minutes(result.median_drill_minutes)}")
    console.print(f"drills due this week: {result.drills_due_this_week}  ·  streak: {result.streak_days} day(s)")
    if plot:
        from .stats import plot as draw

        draw(result, plot)
        console.print(f"plot written to {plot}")
    _warn(kit)
    kit.close()


@main.command()
@click.argument("name", required=False)
@click.option("--drill", "on_drill", is_flag=True, help="Watch the open drill's file.")
def watch(name, on_drill):
    """Re-grade on every save. Keys: h hint, r reset, n next, q quit."""
    from .watch import Watcher

    kit = _kit()
    if name:
        kit.exercise(name)  # an unknown name fails here, before the screen is taken
    try:
        sys.exit(Watcher(kit, name, on_drill, _console()).run())
    finally:
        kit.close()


@main.command()
@click.argument("name")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Where to write it (default: notebooks/NAME.ipynb).")
def notebook(name, out):
    """Write a ready Jupyter notebook for NAME: README, stub, check cell."""
    from .notebook import write_notebook

    kit = _kit()
    kit.exercise(name)
    path = write_notebook(name, out or kit.root / "notebooks" / f"{name}.ipynb", kit.root)
    _console().print(f"wrote {path}; open it in Jupyter (`.venv/bin/jupyter lab {path}` if installed)")


from .classroom.cli import classroom, grade  # noqa: E402
main.add_command(classroom)
main.add_command(grade)


if __name__ == "__main__":
    main()
