"""`mlkata classroom gradescope`: the zip holds setup.sh and run_autograder; run_autograder,
run for real against a submission laid out as Gradescope lays it out, writes a results.json
with the scores `mlkata check` gives, with the course's secret seed."""

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile

import nbformat
import pytest

from mlkata import catalogue
from mlkata.judge import grade

from .conftest import ROOT, run_cli

MUTANT = ROOT / "tests" / "mutants" / "logreg" / "summed_gradient.py"
SEED = 424242


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    directory = tmp_path_factory.mktemp("gradescope")
    (directory / "course").mkdir()
    (directory / "course" / "mlkata_course.toml").write_text(f'seed = {SEED}\n\n[assignments]\nhw1 = ["logreg", "metrics"]\n')
    result = run_cli("classroom", "gradescope", "logreg", "metrics", "--out", str(directory / "autograder.zip"), "--course", str(directory / "course"))
    assert result.returncode == 0, result.stderr
    return directory / "autograder.zip"


def test_the_zip_holds_the_scripts_and_only_the_chosen_exercises(bundle):
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
        settings = archive.read("mlkata_autograder.toml").decode()
        constraints = archive.read("kit/constraints.txt").decode()
        setup = archive.read("setup.sh").decode()
    assert {"setup.sh", "run_autograder", "kit/pyproject.toml", "kit/src/mlkata/judge.py", "kit/src/mlkata/classroom/gradescope.py",
            "kit/graders/logreg.py", "kit/solutions/metrics.py", "kit/exercises/logreg/logreg.py", "kit/exercises/catalogue.toml"} <= names
    assert not any(n.startswith(("kit/graders/knn", "kit/solutions/knn", "kit/tests/")) for n in names)
    assert modes["setup.sh"] & stat.S_IXUSR and modes["run_autograder"] & stat.S_IXUSR
    assert f"seed = {SEED}" in settings and '"logreg", "metrics"' in settings
    import numpy
    assert f"numpy=={numpy.__version__}" in constraints.splitlines()  # the instructor's numerics
    check = subprocess.run(["bash", "-n"], input=setup, text=True, capture_output=True)
    assert check.returncode == 0, check.stderr


def test_run_autograder_grades_a_gradescope_submission(bundle, tmp_path):
    # Gradescope's layout: the zip in source/, run_autograder copied to the root, the
    # student's upload in submission/ (here a notebook in a folder, and no metrics at all).
    root = tmp_path / "autograder"
    (root / "source").mkdir(parents=True)
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(root / "source")
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    (root / "run_autograder").chmod(0o755)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(MUTANT.read_text(), metadata={"nbgrader": {"solution": True, "grade": False, "grade_id": "s", "locked": False, "schema_version": 3}})])
    (root / "submission" / "hw1").mkdir(parents=True)
    nbformat.write(notebook, str(root / "submission" / "hw1" / "logreg.ipynb"))
    env = dict(os.environ, MLKATA_AUTOGRADER_DIR=str(root), MLKATA_AUTOGRADER_PYTHON=sys.executable)
    env.pop("MLKATA_ROOT", None)
    run = subprocess.run([str(root / "run_autograder")], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    results = json.loads((root / "results" / "results.json").read_text())

    expected = grade(catalogue.load(ROOT)["logreg"], MUTANT, seed=SEED)  # what `mlkata check --seed` gives
    tests = {(t["extra_data"]["exercise"], t["extra_data"]["check"]): t for t in results["tests"]}
    assert {c.name: c.score for c in expected.checks} == {check: t["score"] for (ex, check), t in tests.items() if ex == "logreg"}
    assert 0 < expected.score < expected.max_score
    metrics = [t for (ex, _), t in tests.items() if ex == "metrics"]
    assert metrics and all(t["score"] == 0 and "no metrics.py or metrics.ipynb" in t["output"] for t in metrics)
    assert results["score"] == expected.score
    assert results["extra_data"]["seed"] == SEED and str(SEED) not in results["output"]
    assert {t["visibility"] for t in results["tests"] if t["extra_data"]["check"].startswith("test_")} == {"visible"}
    assert {t["visibility"] for t in results["tests"] if not t["extra_data"]["check"].startswith("test_")} == {"after_published"}
    assert "score 13" in run.stdout  # the instructor's log
