"""``mlkata classroom build``: an nbgrader course from exercises of the catalogue.

It writes, in the course directory:

- ``source/ASSIGNMENT/NAME.ipynb`` for each exercise (see :mod:`.notebooks`);
- ``nbgrader_config.py``, creating it or updating only the block between the mlkata
  markers, so the instructor's own settings survive a rebuild;
- ``mlkata_course.toml``, the course's private settings with its secret seed
  (see :mod:`.config`).

nbgrader's own commands then work unchanged: ``generate_assignment``, ``autograde``,
``generate_feedback``, ``export``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import Catalogue
from . import config as course_config
from .errors import CourseError, require

ASSIGNMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
BEGIN, END = "# --- mlkata begin", "# --- mlkata end ---"
EXECUTE_MARGIN_S = 60  # importing numpy and scikit-learn in a fresh kernel, on a loaded machine


@dataclass
class BuiltCourse:
    """What a build wrote."""

    course: Path
    assignment: str
    notebooks: list[Path] = field(default_factory=list)
    config: course_config.CourseConfig | None = None
    nbgrader_config: Path | None = None


def build_course(catalogue: Catalogue, assignment: str, names: list[str], course: Path, force: bool = False) -> BuiltCourse:
    """Write the nbgrader course for ``assignment`` made of the exercises ``names``.

    Parameters
    ----------
    catalogue : Catalogue
        The kit the exercises come from.
    assignment : str
        nbgrader's assignment id (letters, digits, ``-`` and ``_``).
    names : list of str
        Exercise names, in the order students should meet them.
    course : Path
        The course directory (created if missing).
    force : bool
        Overwrite source notebooks that already exist.

    Returns
    -------
    BuiltCourse
    """
    require("nbformat", "nbgrader", "mlkata classroom build")
    from nbformat import write

    from .notebooks import BuildError, build_notebook

    if not ASSIGNMENT_NAME.match(assignment):
        raise CourseError(f"assignment name '{assignment}' must be letters, digits, '-' and '_' (nbgrader uses it as a folder name)")
    if len(set(names)) != len(names):
        raise CourseError(f"an exercise is named twice: {' '.join(names)}")
    exercises = [catalogue[name] for name in names]
    course = Path(course).resolve()
    if course.exists() and not course.is_dir():
        raise CourseError(f"{course} exists and is not a directory")
    target = course / "source" / assignment
    existing = [target / f"{name}.ipynb" for name in names if (target / f"{name}.ipynb").exists()]
    if existing and not force:
        raise CourseError(f"{existing[0]} exists; pass --force to rebuild it (the instructor's edits to it would be lost)")
    try:
        notebooks = {e.name: build_notebook(e) for e in exercises}
    except BuildError as error:
        raise CourseError(str(error)) from None
    target.mkdir(parents=True, exist_ok=True)
    built = BuiltCourse(course, assignment)
    for name, notebook in notebooks.items():
        path = target / f"{name}.ipynb"
        write(notebook, str(path))
        built.notebooks.append(path)
    built.config = course_config.record_assignment(course, catalogue.root, assignment, names)
    built.nbgrader_config = write_nbgrader_config(course, _execute_timeout(catalogue, built.config))
    return built


def _execute_timeout(catalogue: Catalogue, config: course_config.CourseConfig) -> int:
    """nbgrader's per-cell time limit: the first graded cell of a notebook grades every check,
    so it must fit the slowest exercise of the course with every check at its own limit."""
    from .outline import worst_case_seconds

    names = {n for names in config.assignments.values() for n in names if n in catalogue.names}
    return int(max((worst_case_seconds(catalogue[n]) for n in names), default=0) + EXECUTE_MARGIN_S)


def nbgrader_block(execute_timeout: int) -> str:
    """The settings the course's notebooks rely on, as nbgrader_config.py lines."""
    return f"""{BEGIN} (managed by `mlkata classroom build`: edit outside these markers) ---
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades

# A solution cell holds the exercise's stub, then the reference between BEGIN/END SOLUTION:
# the students' version keeps the stub itself, so the region becomes a comment (nbgrader's
# default would add `raise NotImplementedError()` at module level, breaking the whole cell).
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE"}}
# The first graded cell of a notebook grades every check in a sandbox, each within its own
# time limit; give that cell time for all of them.
c.Execute.timeout = {execute_timeout}
# A graded cell a student deleted comes back, so every check is graded.
c.OverwriteCells.add_missing_cells = True
# Feedback shows each check's result, never its hidden code (nbgrader restores hidden tests
# when autograding and would otherwise render them in the feedback).
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
# A student's own cell holding the hidden-test markers then loses that text, instead of
# stopping nbgrader from writing the feedback.
c.ClearHiddenTests.enforce_metadata = False
{END}
"""


def write_nbgrader_config(course: Path, execute_timeout: int) -> Path:
    """Create ``nbgrader_config.py`` or replace the mlkata block in it, keeping the rest."""
    path = course / "nbgrader_config.py"
    block = nbgrader_block(execute_timeout)
    if not path.exists():
        path.write_text(f"c = get_config()  # noqa: F821 - nbgrader provides get_config\n\n{block}", encoding="utf-8")
        return path
    text = path.read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start >= 0 and end > start:
        text = text[:start] + block + text[end + len(END):].lstrip("\n")
    else:
        if "get_config()" not in text:
            raise CourseError(f"{path} does not call get_config(); add `c = get_config()` at its top and build again")
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
    return path
