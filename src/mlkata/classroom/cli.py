"""The classroom commands: ``mlkata classroom build|gradescope`` and ``mlkata grade``.

Imported by every ``mlkata`` start, so it imports click only: nbgrader, nbformat, Dask and
numpy are imported inside the commands that use them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click


def _kit():
    from ..api import Kit

    return Kit()


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)  # paths stay whole when piped


@click.group()
def classroom():
    """nbgrader courses and Gradescope autograders from the catalogue."""


@classroom.command()
@click.argument("assignment")
@click.argument("names", nargs=-1, required=True)
@click.option("--course", type=click.Path(file_okay=False, path_type=Path), required=True, help="The nbgrader course directory (created if missing).")
@click.option("--force", is_flag=True, help="Overwrite source notebooks that already exist.")
def build(assignment, names, course, force):
    """Write an nbgrader course: one notebook per exercise NAME in source/ASSIGNMENT/.

    Then, in the course directory: nbgrader generate_assignment ASSIGNMENT, ... autograde,
    generate_feedback and export work as usual.
    """
    from .build import build_course

    built = build_course(_kit().catalogue, assignment, list(names), course, force)
    console = _console()
    for path in built.notebooks:
        console.print(f"wrote {path}")
    console.print(f"wrote {built.nbgrader_config} (the block between the mlkata markers)")
    console.print(f"wrote {built.config.path} [dim](private: it holds the course's secret seed)[/]")
    console.print(f"next: cd {built.course} && nbgrader generate_assignment {assignment}")


@classroom.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("autograder.zip"), show_default=True, help="The zip to upload to Gradescope.")
@click.option("--course", type=click.Path(file_okay=False, exists=True, path_type=Path), help="Use this course's secret seed (default: a new secret seed).")
@click.option("--seed", type=click.IntRange(min=0), help="Grade with this seed instead.")
def gradescope(names, out, course, seed):
    """Write a Gradescope autograder for the exercises NAME... (setup.sh, run_autograder, the kit)."""
    from .gradescope import build_bundle

    bundle = build_bundle(_kit().catalogue, list(names), out, course=course, seed=seed)
    console = _console()
    console.print(f"wrote {bundle.path}: {', '.join(names)}; students submit {', '.join(f'{n}.py or {n}.ipynb' for n in names)}")
    console.print(f"[dim]graded with {bundle.seed.describe()}; keep the zip private[/]")


@click.command()
@click.argument("name")
@click.argument("submissions", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Where grades.csv, summary.md and STUDENT/results.json go [default: grades/NAME].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Submissions graded at once [default: the number of cores].")
@click.option("--seed", type=click.IntRange(min=0), help="Seed of the hidden checks' data [default: the course's secret seed].")
@click.option("--course", type=click.Path(file_okay=False, exists=True, path_type=Path), help="The course whose secret seed grades [default: found above SUBMISSIONS].")
@click.option("--assignment", help="In nbgrader's submitted/ layout, the assignment folder to grade.")
@click.option("--scheduler", metavar="ADDRESS", help="Grade on the Dask cluster whose scheduler is at ADDRESS.")
def grade(name, submissions, out, jobs, seed, course, assignment, scheduler):
    """Grade a class: every submission of exercise NAME in SUBMISSIONS, in parallel.

    SUBMISSIONS holds STUDENT.py, STUDENT/NAME.py, or notebooks laid out as nbgrader's
    submitted/ folder (STUDENT/ASSIGNMENT/NAME.ipynb). Each is graded in its own sandbox with
    the checks and scores of `mlkata check`. Exit status 0 once every submission is graded,
    1 when some could not be graded, 2 for a usage error.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .batch import cores, grade_class
    from .config import choose_seed

    kit = _kit()
    exercise = kit.exercise(name)  # an unknown name is a usage error before anything starts
    chosen = choose_seed(seed, course, submissions)
    out = out or Path("grades") / exercise.name
    stderr = _console(stderr=True)
    if not chosen.secret:
        stderr.print(f"[yellow]note:[/] grading with {chosen.describe()}")
    where = f"on the Dask cluster at {scheduler}" if scheduler else f"with {jobs or cores()} jobs"
    columns = (TextColumn("[bold]grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=stderr, transient=False) as progress:
        task = progress.add_task("", total=None)
        result = grade_class(
            kit.catalogue, name, submissions, out, chosen, jobs, assignment, scheduler,
            on_start=lambda total: progress.update(task, total=total, description=where),
            on_graded=lambda student, report: progress.update(task, advance=1, description=f"{student}: {report.score:g}/{report.max_score:g}"),
        )
    _print_summary(result, where)
    sys.exit(1 if result.crashed else 0)


def _print_summary(result, where: str) -> None:
    console = _console()
    n = len(result.reports)
    full = sum(1 for r in result.reports.values() if r.passed)
    console.print(f"graded {n - len(result.not_graded)} of {n} submissions in {result.duration_s:.1f} s {where}, with {result.seed.describe()}; {full} with full marks")
    for student, why in sorted(result.not_graded.items()):
        console.print(f"  [yellow]not graded[/] {student}: {why}")
    console.print(f"wrote {result.out / 'grades.csv'}, {result.out / 'summary.md'} and {result.out}/STUDENT/results.json")
