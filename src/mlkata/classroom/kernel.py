"""What the graded cells of a course notebook run while nbgrader autogrades it.

A graded cell holds, between its hidden-test markers, only::

    from mlkata.classroom.kernel import check
    check("logreg", "first_steps_match_reference")

The first such call in a kernel reads the notebook being graded (``NAME.ipynb`` in the
kernel's working directory, where nbgrader runs it), takes the code of its solution cells
(:func:`mlkata.classroom.extract.solution_source`, as ``mlkata grade`` does) and grades it
once, in the sandbox, through :func:`mlkata.judge.grade`, with the course's secret seed
from ``mlkata_course.toml`` above the notebook. Every call then passes or raises
:class:`CheckFailed` with that check's message, so nbgrader gives the cell its points or 0.

No check ever runs against the objects living in the kernel: what the student's code did
to the kernel cannot change a verdict's data. (Code in a kernel can still tamper with the
kernel itself, this module included; ``mlkata grade`` runs no student code outside the
sandbox at all.)
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import warnings
from pathlib import Path

_REPORTS: dict = {}  # (exercise, code digest, seed, kit) -> Report: one grading per notebook


class CheckFailed(AssertionError):
    """A check that did not pass; nbgrader gives its cell 0 points.

    IPython renders :meth:`_render_traceback_` instead of a traceback, so the feedback
    shows the check's verdict and message, not the frames of the grading machinery.
    """

    def __init__(self, heading: str, message: str = ""):
        super().__init__(f"{heading}\n{message}".strip())
        self.heading, self.message = heading, message

    def _render_traceback_(self) -> list[str]:
        return [self.heading, *self.message.splitlines()]


def check(exercise: str, name: str) -> None:
    """Pass if check ``name`` of ``exercise`` passes on this notebook's solution cells.

    Parameters
    ----------
    exercise : str
        The exercise, also the notebook's file name (``exercise.ipynb``).
    name : str
        A visible test's or hidden check's name.

    Raises
    ------
    CheckFailed
        The check did not pass, or the notebook could not be graded.
    """
    report = _graded(exercise)
    result = next((c for c in report.checks if c.name == name), None)
    if result is None:
        raise CheckFailed(f"mlkata: {exercise} has no check '{name}'", "the notebook was built from another version of the kit; rebuild the course")
    if result.status != "passed":
        raise CheckFailed(f"{result.status}: {result.title}", result.message)


def _graded(exercise: str):
    from ..catalogue import find_root, load
    from .config import find

    notebook = Path.cwd() / f"{exercise}.ipynb"
    config = find(Path.cwd())
    if config is None:
        raise CheckFailed("mlkata: no mlkata_course.toml in the notebook's folder or above it",
                          "grade inside the course built by `mlkata classroom build`, or set MLKATA_COURSE to its directory")
    kit = config.kit if config.kit is not None and config.kit.is_dir() else find_root()
    catalogue = load(kit)
    try:
        text = notebook.read_text(encoding="utf-8")
    except OSError as error:
        raise CheckFailed(f"mlkata: cannot read {notebook.name}", str(error)) from None
    from .extract import UnreadableNotebook, solution_source

    try:
        source = solution_source(text, notebook.name)
    except UnreadableNotebook as error:
        raise CheckFailed("error: nothing to grade", str(error)) from None
    key = (exercise, hashlib.sha256(source.encode()).hexdigest(), config.seed, str(kit))
    if key not in _REPORTS:
        from ..judge import grade_source

        with _quiet():
            _REPORTS[key] = grade_source(catalogue[exercise], source, config.seed, label=notebook.name)
    return _REPORTS[key]


@contextlib.contextmanager
def _quiet():
    """Keep the grading's own warnings off the cell's output.

    nbgrader gives a graded cell 0 points when anything reaches its stderr, and a
    scikit-learn ConvergenceWarning in a check must not cost a student points.
    """
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        yield
