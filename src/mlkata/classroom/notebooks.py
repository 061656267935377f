"""An exercise as an nbgrader notebook, built from the kit's files.

The notebook, in order:

1. the exercise's README (markdown);
2. the **solution cell**: the stub the learner would edit, then the reference solution
   between ``### BEGIN SOLUTION`` and ``### END SOLUTION``. nbgrader's student version drops
   that region, so students get the stub itself: its signatures, docstrings and
   ``NotImplementedError`` bodies (the course's ``ClearSolutions.code_stub`` is a comment,
   see :mod:`.build`);
3. the visible tests, locked: plain functions needing only numpy, each in its own cell and
   called there, so students run them as they work;
4. one **graded cell per check** (each visible test and each hidden check), worth that
   check's points. Its code, between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``,
   only calls :func:`mlkata.classroom.kernel.check`: the checks' logic stays in the kit's
   ``graders/`` and never appears in a notebook, and partial credit follows the checks.
"""

from __future__ import annotations

import ast
import re

from ..catalogue import Exercise
from .outline import CheckInfo, outline

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
MAKE_COMMAND = re.compile(r"`make \w+")  # README lines about the kit's make targets mean nothing here


class BuildError(ValueError):
    """The exercise's files cannot be turned into a notebook (the message says why)."""


def build_notebook(exercise: Exercise):
    """The nbgrader source notebook of ``exercise`` (an ``nbformat`` v4 node)."""
    from nbformat import v4

    cells = [
        _markdown(v4, _readme(exercise)),
        _markdown(v4, _instructions(exercise)),
        _code(v4, _solution_cell(exercise), f"{exercise.name}-solution", solution=True),
    ]
    checks = outline(exercise)
    prelude, tests = _visible_tests(exercise)
    if tests:
        cells.append(_markdown(v4, "## Visible tests\n\nRun each cell below to test your solution as you go; they need only numpy. "
                                   "The graded cell after each one runs the same test on your solution cell in a sandbox."))
        if prelude:
            cells.append(_code(v4, prelude, f"{exercise.name}-tests-setup", locked=True))
    visible = {c.name: c for c in checks if c.visibility == "visible"}
    for name, source in tests:
        cells.append(_code(v4, f"{source}\n\n\n{name}()", f"{exercise.name}-{name}-visible", locked=True))
        if name in visible:
            cells.append(_graded(v4, exercise, visible[name], "Graded: the test above, run in a sandbox on your solution cell"))
    hidden = [c for c in checks if c.visibility == "hidden"]
    if hidden:
        cells.append(_markdown(v4, "## Hidden checks\n\nEach cell below is one hidden check, graded after you submit: randomized data, "
                                   "comparisons with a reference and with scikit-learn, properties and vectorisation."))
    cells += [_graded(v4, exercise, check, f"Hidden check: {check.title}") for check in hidden]
    for index, cell in enumerate(cells):
        cell["id"] = f"{exercise.name[:40]}-{index:03d}"  # stable ids: rebuilding gives the same file
    notebook = v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def hidden_cell_code(exercise: str, check: str) -> str:
    """The code of a graded cell: a call into the installed kit, nothing of the check itself."""
    return f"from mlkata.classroom.kernel import check\ncheck({exercise!r}, {check!r})"


def _graded(v4, exercise: Exercise, check: CheckInfo, heading: str):
    source = (f"# {heading} ({check.points:g} point{'s' if check.points != 1 else ''})\n"
              f"### BEGIN HIDDEN TESTS\n{hidden_cell_code(exercise.name, check.name)}\n### END HIDDEN TESTS")
    return _code(v4, source, f"{exercise.name}-{check.name}", grade=True, locked=True, points=check.points)


def _markdown(v4, text: str):
    return v4.new_markdown_cell(text)


def _code(v4, source: str, grade_id: str, *, solution=False, grade=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution, "task": False}
    if grade:
        meta["points"] = float(points)
    metadata = {"nbgrader": meta}
    if locked:
        metadata.update(deletable=False, editable=False)
    return v4.new_code_cell(source, metadata=metadata)


def _readme(exercise: Exercise) -> str:
    try:
        text = exercise.readme.read_text(encoding="utf-8")
    except OSError as error:
        raise BuildError(f"{exercise.name}: cannot read {exercise.readme}: {error}") from None
    return "\n".join(line for line in text.splitlines() if not MAKE_COMMAND.search(line)).strip()


def _instructions(exercise: Exercise) -> str:
    names = ", ".join(f"`{n}`" for n in exercise.requires)
    allowed = ", ".join(f"`{m}`" for m in exercise.imports)
    return (f"## Your work\n\nImplement {names} in the solution cell below: the code graded is the code of that cell "
            f"(helpers included), so keep all of it there. Import only {allowed} and the standard library's pure modules "
            f"(`math`, `itertools`, ...). Each check has a time limit of {exercise.timeout_s:g} s.")


def _solution_cell(exercise: Exercise) -> str:
    stub, reference = _read(exercise.stub), _read(exercise.reference)
    return (f"{_without_module_docstring(stub).rstrip()}\n\n\n"
            "### BEGIN SOLUTION\n"
            "# The reference solution (not in the students' version, which keeps only the stub above).\n"
            f"{reference.rstrip()}\n"
            "### END SOLUTION\n")


def _read(path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise BuildError(f"cannot read {path}: {error}") from None


def _without_module_docstring(source: str) -> str:
    """``source`` without its module docstring, which speaks of the kit's files and commands."""
    tree = ast.parse(source)
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        lines = source.splitlines()
        return "\n".join(lines[first.end_lineno:]).lstrip("\n")
    return source


def _visible_tests(exercise: Exercise) -> tuple[str, list[tuple[str, str]]]:
    """The visible test file split into its shared part and one source per test function.

    The import of the learner's module goes: in the notebook, the solution cell defines
    those names.
    """
    if not exercise.visible_tests.is_file():
        return "", []
    source = _read(exercise.visible_tests)
    tree = ast.parse(source)
    lines = source.splitlines()
    prelude, tests, start = [], [], 0
    for index, node in enumerate(tree.body):
        chunk = "\n".join(lines[start:node.end_lineno]).strip("\n")
        start = node.end_lineno
        if index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the module docstring
        if isinstance(node, ast.ImportFrom) and node.module == exercise.name:
            continue
        if isinstance(node, ast.Import) and any(a.name == exercise.name for a in node.names):
            raise BuildError(f"{exercise.visible_tests}: write `from {exercise.name} import ...`; `import {exercise.name}` has no equivalent in a notebook")
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            tests.append((node.name, chunk))
        else:
            prelude.append(chunk)
    return "\n\n".join(prelude).strip(), tests
