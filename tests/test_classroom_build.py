"""`mlkata classroom build`: any exercise of the catalogue becomes an nbgrader notebook whose
student version is the stub, whose visible tests need only numpy, and whose graded cells
carry the checks' points; the course's settings keep a secret seed.

nbgrader's own preprocessors (the ones generate_assignment runs) make the student version
here; test_classroom_nbgrader.py runs the whole nbgrader pipeline."""

import json
import subprocess
import sys

import nbformat
import pytest
from nbgrader.nbgraderformat import MetadataValidator
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions
from traitlets.config import Config

from mlkata import catalogue
from mlkata.classroom.build import BEGIN, END
from mlkata.classroom.config import CONFIG_NAME, load
from mlkata.classroom.notebooks import build_notebook
from mlkata.classroom.outline import outline

from .conftest import ROOT, run_cli

KIT = catalogue.load(ROOT)
READY = [e.name for e in KIT if e.stub.is_file() and e.reference.is_file() and e.grader.is_file() and e.readme.is_file()]


def copy(notebook):
    return nbformat.reads(nbformat.writes(notebook), as_version=4)


def student_version(notebook):
    """What nbgrader's generate_assignment does to the solution and hidden-test regions,
    with the course's configuration."""
    config = Config()
    config.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE"}
    resources = {"language": "python"}
    notebook, _ = ClearSolutions(config=config).preprocess(copy(notebook), resources)
    notebook, _ = ClearHiddenTests(config=config).preprocess(notebook, resources)
    return notebook


def run_cells(notebooks, forbid_mlkata, stub=False):
    """Run each notebook's code cells in order in a fresh namespace of a plain interpreter;
    return {name: the first exception, or None}. With ``stub``, NotImplementedError is expected."""
    script = """
import json, sys
data = json.load(sys.stdin)
NOTEBOOKS, FORBID, STUB = data["notebooks"], data["forbid"], data["stub"]
if FORBID:
    sys.modules["mlkata"] = None  # students do not have the kit
failures = {}
for name, cells in NOTEBOOKS.items():
    namespace = {"__name__": "__main__"}
    failures[name] = None
    for cell in cells:
        try:
            exec(compile(cell, name, "exec"), namespace)
        except NotImplementedError:
            if not STUB:
                failures[name] = f"NotImplementedError in cell: {cell[:300]}"
                break
        except BaseException as error:
            failures[name] = f"{type(error).__name__}: {error} in cell: {cell[:300]}"
            break
print(json.dumps(failures))
"""
    cells = {name: [c.source for c in nb.cells if c.cell_type == "code"] for name, nb in notebooks.items()}
    result = subprocess.run([sys.executable, "-c", script], input=json.dumps({"notebooks": cells, "forbid": forbid_mlkata, "stub": stub}),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def notebooks():
    return {name: build_notebook(KIT[name]) for name in READY}


def test_the_catalogue_has_exercises_to_build():
    assert {"logreg", "metrics", "kmeans"} <= set(READY)


def test_every_notebook_is_valid_for_nbgrader_with_one_graded_cell_per_check(notebooks):
    for name, notebook in notebooks.items():
        nbformat.validate(notebook)
        MetadataValidator().validate_nb(notebook)
        graded = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"] for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")}
        assert graded == {f"{name}-{c.name}": c.points for c in outline(KIT[name])}, name
        solutions = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]
        assert len(solutions) == 1 and "### BEGIN SOLUTION" in solutions[0].source, name


def test_the_student_version_is_the_stub_and_hides_every_check(notebooks):
    for name, notebook in notebooks.items():
        released = student_version(notebook)
        solution = next(c.source for c in released.cells if c.metadata.get("nbgrader", {}).get("solution"))
        stub = KIT[name].stub.read_text()
        body = stub[stub.index('"""', stub.index('"""') + 3) + 3:].strip()  # without its module docstring
        assert solution.strip() == body + "\n\n\n# YOUR CODE HERE", name
        text = nbformat.writes(released)
        assert "mlkata" not in text and "HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text, name


def test_visible_tests_pass_on_the_reference_and_need_only_numpy(notebooks):
    # The instructor's notebook (the stub, then the reference): every visible test passes.
    # Its graded cells are left out here: they grade inside a course (test_classroom_nbgrader).
    ungraded = {}
    for name, notebook in notebooks.items():
        notebook = copy(notebook)
        notebook.cells = [c for c in notebook.cells if not c.metadata.get("nbgrader", {}).get("grade")]
        ungraded[name] = notebook
    assert run_cells(ungraded, forbid_mlkata=False) == {n: None for n in notebooks}
    # The students' version runs without the kit: the stub raises NotImplementedError...
    released = {n: student_version(nb) for n, nb in notebooks.items()}
    assert run_cells(released, forbid_mlkata=True, stub=True) == {n: None for n in notebooks}
    # ...and once a correct solution is in the solution cell, every cell runs clean.
    with_reference = {}
    for name, notebook in released.items():
        notebook = copy(notebook)
        for cell in notebook.cells:
            if cell.metadata.get("nbgrader", {}).get("solution"):
                cell.source = KIT[name].reference.read_text()
        with_reference[name] = notebook
    assert run_cells(with_reference, forbid_mlkata=True) == {n: None for n in notebooks}


def test_build_writes_a_course_and_keeps_its_seed_and_the_instructors_settings(tmp_path):
    course = tmp_path / "course"
    result = run_cli("classroom", "build", "hw1", "logreg", "--course", str(course))
    assert result.returncode == 0, result.stderr
    assert (course / "source" / "hw1" / "logreg.ipynb").is_file()
    config = load(course)
    assert config.seed != 0 and config.assignments == {"hw1": ["logreg"]} and config.kit == ROOT
    assert oct((course / CONFIG_NAME).stat().st_mode & 0o777) == "0o600"
    settings = course / "nbgrader_config.py"
    settings.write_text(settings.read_text() + "c.CourseDirectory.course_id = 'ml101'  # the instructor's own\n")
    again = run_cli("classroom", "build", "hw2", "metrics", "kmeans", "--course", str(course))
    assert again.returncode == 0, again.stderr
    config2 = load(course)
    assert config2.seed == config.seed and config2.assignments == {"hw1": ["logreg"], "hw2": ["metrics", "kmeans"]}
    text = settings.read_text()
    assert text.count(BEGIN) == 1 and text.count(END) == 1 and "course_id = 'ml101'" in text
    assert "c.ClearSolutions.code_stub" in text and "ClearHiddenTests" in text
    namespace = {"get_config": Config}  # the file is valid Python for nbgrader
    exec(compile(text, str(settings), "exec"), namespace)
    assert namespace["c"].Execute.timeout >= 60


@pytest.mark.parametrize("args, phrase", [
    (["classroom", "build", "hw 1", "logreg"], "assignment name 'hw 1'"),
    (["classroom", "build", "hw1", "logerg"], "no exercise 'logerg'; did you mean 'logreg'?"),
    (["classroom", "build", "hw1", "logreg", "logreg"], "an exercise is named twice"),
    (["classroom", "build", "hw1"], "Missing argument 'NAMES...'"),
])
def test_build_usage_errors_exit_2(tmp_path, args, phrase):
    result = run_cli(*args, "--course", str(tmp_path / "course"))
    assert result.returncode == 2
    assert phrase in result.stderr and "Traceback" not in result.stderr


def test_rebuilding_a_notebook_needs_force(tmp_path):
    course = tmp_path / "course"
    assert run_cli("classroom", "build", "hw1", "logreg", "--course", str(course)).returncode == 0
    again = run_cli("classroom", "build", "hw1", "logreg", "--course", str(course))
    assert again.returncode == 2 and "pass --force" in again.stderr
    assert run_cli("classroom", "build", "hw1", "logreg", "--course", str(course), "--force").returncode == 0
