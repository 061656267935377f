"""What a notebook's graded cells call (mlkata.classroom.kernel.check) and the code they
grade (the solution cells, mlkata.classroom.extract), on the fixture kit's `toy` exercise.
The same calls run inside real nbgrader kernels in test_classroom_nbgrader.py."""

import sys
import warnings

import nbformat
import pytest

from mlkata.classroom import kernel
from mlkata.classroom.extract import UnreadableNotebook, solution_source
from mlkata.classroom.kernel import CheckFailed, check

from .conftest import FIXTURE_KIT

GOOD = "import numpy as np\n\ndef double(x):\n    return 2 * np.asarray(x, dtype=float)\n\ndef triple(x):\n    return 3 * np.asarray(x, dtype=float)\n"
WRONG = GOOD.replace("3 * np", "2 * np")


def cell(source, solution=False, **nbgrader):
    meta = {"nbgrader": {"solution": solution, "grade": False, "grade_id": f"c{abs(hash(source))}", "locked": not solution, "schema_version": 3, **nbgrader}}
    return nbformat.v4.new_code_cell(source, metadata=meta)


def notebook(*cells):
    return nbformat.writes(nbformat.v4.new_notebook(cells=list(cells)))


@pytest.fixture
def graded_folder(tmp_path, monkeypatch):
    """An autograded/STUDENT/ASSIGNMENT folder of a course, as nbgrader's kernel sees it."""
    kernel._REPORTS.clear()
    (tmp_path / "mlkata_course.toml").write_text(f'seed = 4242\nkit = "{FIXTURE_KIT}"\n\n[assignments]\nhw1 = ["toy"]\n')
    folder = tmp_path / "autograded" / "ann" / "hw1"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    monkeypatch.delenv("MLKATA_COURSE", raising=False)
    return folder


def test_a_passing_check_returns_and_a_failing_one_raises_its_message(graded_folder):
    (graded_folder / "toy.ipynb").write_text(notebook(cell(WRONG, solution=True), cell("assert False  # a test cell: never graded")))
    check("toy", "double_matches")
    check("toy", "test_double")
    with pytest.raises(CheckFailed) as failure:
        check("toy", "triple_matches")
    lines = failure.value._render_traceback_()  # what IPython shows instead of a traceback
    assert lines[0] == "failed: triple(x) is 3 * x"
    assert any("triple(x) differs from the reference" in line for line in lines)
    assert len(kernel._REPORTS) == 1 and next(iter(kernel._REPORTS.values())).seed == 4242  # graded once, with the course seed


def test_the_stub_fails_every_check_as_not_attempted(graded_folder):
    (graded_folder / "toy.ipynb").write_text(notebook(cell((FIXTURE_KIT / "exercises" / "toy" / "toy.py").read_text(), solution=True)))
    for name in ("test_double", "double_matches", "triple_matches", "double_vectorised"):
        with pytest.raises(CheckFailed, match="not attempted"):
            check("toy", name)


def test_misconfigurations_fail_the_cell_with_a_reason(graded_folder, tmp_path):
    (graded_folder / "toy.ipynb").write_text(notebook(cell(GOOD, solution=True)))
    with pytest.raises(CheckFailed, match="has no check 'nonsense'"):
        check("toy", "nonsense")
    (tmp_path / "mlkata_course.toml").unlink()
    with pytest.raises(CheckFailed, match="no mlkata_course.toml"):
        check("toy", "double_matches")


def test_grading_writes_nothing_to_stderr(capfd):
    # nbgrader gives a graded cell 0 points for any stderr output, warnings included.
    with kernel._quiet():
        warnings.warn("a ConvergenceWarning, say", RuntimeWarning)
        print("noise", file=sys.stderr)
    assert capfd.readouterr().err == ""


def test_only_solution_cells_are_graded():
    text = notebook(nbformat.v4.new_markdown_cell("# toy"), cell("x = 1", solution=True), cell("raise SystemExit"), cell("y = 2", solution=True))
    assert solution_source(text) == "x = 1\n\ny = 2\n"


def test_magics_are_left_out_and_cell_magics_keep_their_body():
    text = notebook(cell("%%time\nimport numpy as np\n%timeit np.zeros(3)\nif True:\n    !ls\nz = 1 % 2", solution=True))
    source = solution_source(text)
    compile(source, "toy.py", "exec")
    assert "import numpy as np" in source and "z = 1 % 2" in source
    assert "    pass  # IPython magic left out when grading: !ls" in source


def test_a_notebook_without_nbgrader_metadata_is_graded_on_all_its_code():
    plain = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("a = 1"), nbformat.v4.new_markdown_cell("text"), nbformat.v4.new_code_cell("b = 2")])
    assert solution_source(nbformat.writes(plain)) == "a = 1\n\nb = 2\n"


@pytest.mark.parametrize("text, phrase", [
    ("not json at all", "is not a readable notebook"),
    ('{"cells": 3}', "is not a readable notebook"),
    ('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": "x", "metadata": {"nbgrader": 3}}]}', "has no solution cell"),
    (notebook(cell("x = 1")), "has no solution cell"),
])
def test_unreadable_notebooks_say_why(text, phrase):
    with pytest.raises(UnreadableNotebook, match=phrase):
        solution_source(text, "sub.ipynb")
