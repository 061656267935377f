"""`mlkata grade`: a class graded in parallel, each submission in its own sandbox, with the
scores of `mlkata check`; broken and hostile submissions cost only themselves.

These run on the fixture kit's `toy` exercise (2 s per check) to stay fast; the real
exercises go through the same code in test_classroom_nbgrader.py and test_batch_dask.py."""

import csv
import io
import json
import time

import nbformat
import pytest

from mlkata import catalogue
from mlkata.classroom.batch import grade_class
from mlkata.classroom.config import SeedChoice
from mlkata.classroom.discover import Submission, discover
from mlkata.classroom.errors import SubmissionsError
from mlkata.judge import grade

from .conftest import FIXTURE_KIT, run_cli

KIT = catalogue.load(FIXTURE_KIT)
GOOD = "import numpy as np\n\ndef double(x):\n    return 2 * np.asarray(x, dtype=float)\n\ndef triple(x):\n    return 3 * np.asarray(x, dtype=float)\n"
WRONG = GOOD.replace("3 * np", "2 * np")  # triple is wrong: loses triple_matches only
LOOPING = GOOD.replace("    return 2 * np.asarray(x, dtype=float)", "    while True:\n        pass")
HOSTILE = {
    "exits": "import os\nos._exit(3)\n",
    "forks": "import os\n\ndef double(x):\n    os.fork()\n    return x\n\ndef triple(x):\n    return x\n",
    "memory": "import numpy as np\n\ndef double(x):\n    return np.ones((50_000, 50_000))\n\ndef triple(x):\n    return 3 * np.asarray(x, dtype=float)\n",
    "syntax": "def double(x)\n    return x\n",
    "forged": "import numpy as np\nprint('{\"score\": 99}')\n\ndef double(x):\n    print('passed ' * 1000)\n    return 2 * np.asarray(x, dtype=float)\n\ndef triple(x):\n    return 3 * np.asarray(x, dtype=float)\n",
}


def cli(*args, **kwargs):
    return run_cli(*args, root=FIXTURE_KIT, **kwargs)


def read_grades(path):
    with open(path, newline="") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def notebook_with(code):
    """A submitted notebook: a markdown cell, the solution cell, a test cell the student changed."""
    cells = [nbformat.v4.new_markdown_cell("# toy"),
             nbformat.v4.new_code_cell(code, metadata={"nbgrader": {"solution": True, "grade": False, "grade_id": "s", "locked": False, "schema_version": 3}}),
             nbformat.v4.new_code_cell("raise SystemExit('a test cell is never graded')", metadata={"nbgrader": {"solution": False, "grade": False, "grade_id": "t", "locked": True, "schema_version": 3}})]
    return nbformat.writes(nbformat.v4.new_notebook(cells=cells))


def make_classroom(directory):
    """A folder of submissions in every accepted layout, good, wrong and hostile."""
    subs = directory / "submissions"
    subs.mkdir()
    (subs / "ada.py").write_text(GOOD)
    (subs / "bert").mkdir()
    (subs / "bert" / "toy.py").write_text(WRONG)
    (subs / "cleo" / "hw1").mkdir(parents=True)
    (subs / "cleo" / "hw1" / "toy.ipynb").write_text(notebook_with(GOOD))
    (subs / "dan.py").write_text(KIT["toy"].stub.read_text())
    (subs / "eve").mkdir()  # submitted nothing
    (subs / "fay.ipynb").write_text("this is not a notebook")
    for name, code in HOSTILE.items():
        (subs / f"hostile-{name}.py").write_text(code)
    (subs / ".ipynb_checkpoints").mkdir()  # ignored
    return subs


@pytest.fixture
def classroom(tmp_path):
    return make_classroom(tmp_path)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The class above graded once by the real CLI, shared by the tests that read its files."""
    directory = tmp_path_factory.mktemp("graded")
    subs, out = make_classroom(directory), directory / "grades"
    result = cli("grade", "toy", str(subs), "--out", str(out), "--jobs", "2", "--seed", "5")
    return subs, out, result


def test_a_class_is_graded_with_the_scores_of_mlkata_check(graded, tmp_path):
    _, out, result = graded
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    grades = read_grades(out / "grades.csv")
    header = next(csv.reader(io.StringIO((out / "grades.csv").read_text())))
    assert header == ["student", "score", "max_score", "test_double", "double_matches", "triple_matches", "double_vectorised"]
    assert set(grades) == {"ada", "bert", "cleo", "dan", "eve", "fay", *(f"hostile-{n}" for n in HOSTILE)}
    # The same checks and scores as `mlkata check` (the judge) on the same code and seed.
    for student, code in {"ada": GOOD, "bert": WRONG, "cleo": GOOD, "dan": KIT["toy"].stub.read_text(), **{f"hostile-{n}": c for n, c in HOSTILE.items()}}.items():
        path = tmp_path / "one" / student / "toy.py"
        path.parent.mkdir(parents=True)
        path.write_text(code)
        expected = grade(KIT["toy"], path, seed=5)
        row = grades[student]
        assert float(row["score"]) == expected.score, (student, row, expected.to_dict())
        assert {c.name: float(row[c.name]) for c in expected.checks} == {c.name: c.score for c in expected.checks}, student
    assert grades["ada"]["score"] == "5" and grades["bert"]["score"] == "4" and grades["cleo"]["score"] == "5"
    assert grades["bert"]["triple_matches"] == "0" and grades["dan"]["score"] == "0"
    assert grades["eve"]["score"] == grades["fay"]["score"] == "0"
    assert grades["hostile-forged"]["score"] == "5"  # printing cannot forge a score, nor cost one
    assert grades["hostile-memory"]["double_matches"] == "0" and grades["hostile-memory"]["triple_matches"] == "1"
    assert "not graded eve: no toy.py or toy.ipynb was submitted" in " ".join(result.stdout.split())
    assert "fay.ipynb is not a readable notebook" in " ".join(result.stdout.split())


def test_results_json_is_gradescopes_format(graded):
    _, out, _ = graded
    results = json.loads((out / "bert" / "results.json").read_text())
    assert results["score"] == 4.0 and results["extra_data"]["seed"] == 5
    assert {"score", "output", "tests", "visibility", "stdout_visibility"} <= set(results)
    tests = {t["extra_data"]["check"]: t for t in results["tests"]}
    assert set(tests) == {"test_double", "double_matches", "triple_matches", "double_vectorised"}
    for test in results["tests"]:
        assert set(test) >= {"name", "score", "max_score", "status", "output", "visibility"}
        assert test["status"] in ("passed", "failed")
    assert tests["test_double"]["visibility"] == "visible"
    assert tests["triple_matches"]["visibility"] == "after_published"
    assert tests["triple_matches"]["status"] == "failed" and "triple(x) differs from the reference" in tests["triple_matches"]["output"]
    assert tests["double_matches"] == {**tests["double_matches"], "status": "passed", "score": 2.0, "max_score": 2.0}
    # What was graded is kept: a notebook's solution cells, without its test cells.
    graded = (out / "cleo" / "toy.py").read_text()
    assert "def triple" in graded and "SystemExit" not in graded


def test_the_summary_gives_the_class_wide_view(graded):
    _, out, _ = graded
    summary = (out / "summary.md").read_text()
    rows = {line.split("|")[1].strip(): [cell.strip() for cell in line.split("|")[2:-1]] for line in summary.splitlines() if line.startswith("| ") and "---" not in line}
    # Of the 9 graded, triple_matches fails for bert and hostile-forks (both return 2x: the
    # same mistake), dan (not attempted), and exits and syntax (nothing of theirs ran).
    points, failed, not_attempted, message, count = rows["triple_matches"]
    assert (points, failed, not_attempted, count) == ("1", "5 of 9", "1", "2")
    assert message.startswith("triple(x) differs from the reference") and "Likely cause: multiply by three" in message
    assert rows["double_matches"][1] == "5 of 9"  # dan, exits, syntax, memory (out of memory), forks (fork refused)
    assert "Graded with seed 5 (given with --seed)" in summary
    assert "eve (no toy.py or toy.ipynb was submitted)" in summary and "fay (fay.ipynb is not a readable notebook" in summary


def test_one_slow_submission_delays_only_itself(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "looping.py").write_text(LOOPING)  # every check of double runs into its 2 s limit
    for i in range(5):
        (subs / f"good{i}.py").write_text(GOOD)
    finished = {}
    started = time.monotonic()
    result = grade_class(KIT, "toy", subs, tmp_path / "out", SeedChoice(0, "test", False), jobs=2,
                         on_graded=lambda student, report: finished.setdefault(student, time.monotonic() - started))
    assert result.reports["looping"].score == 1.0  # triple's check still passes
    assert {c.status for c in result.reports["looping"].checks if "double" in c.name} == {"timeout"}
    assert all(result.reports[f"good{i}"].score == 5.0 for i in range(5))
    # The other worker grades the five good ones while the looping one uses up its limits.
    assert max(finished[f"good{i}"] for i in range(5)) < finished["looping"]


def test_jobs_do_not_change_the_grades(graded, tmp_path):
    subs, two, _ = graded
    one = tmp_path / "one"
    assert cli("grade", "toy", str(subs), "--out", str(one), "--jobs", "1", "--seed", "5").returncode == 0
    assert (one / "grades.csv").read_bytes() == (two / "grades.csv").read_bytes()


def test_discovery_of_every_layout(classroom):
    found = discover(classroom, "toy")
    by_student = {s.student: s.path for s in found}
    assert by_student["ada"].name == "ada.py"
    assert by_student["bert"].name == "toy.py"
    assert by_student["cleo"].parts[-2:] == ("hw1", "toy.ipynb")
    assert by_student["eve"] is None
    assert ".ipynb_checkpoints" not in by_student
    assert [s.student for s in found] == sorted(by_student)


def test_several_assignments_need_choosing(tmp_path):
    for assignment in ("hw1", "hw2"):
        (tmp_path / "ann" / assignment).mkdir(parents=True)
        (tmp_path / "ann" / assignment / "toy.ipynb").write_text(notebook_with(GOOD))
    with pytest.raises(SubmissionsError, match="pass --assignment"):
        discover(tmp_path, "toy")
    assert discover(tmp_path, "toy", assignment="hw2") == [Submission("ann", tmp_path / "ann" / "hw2" / "toy.ipynb")]


def files(*paths):
    """A layout maker: writes a correct solution at each relative path."""
    def make(directory):
        for relative in paths:
            (directory / relative).parent.mkdir(parents=True, exist_ok=True)
            (directory / relative).write_text(GOOD)
    return make


@pytest.mark.parametrize("make, args, phrase", [
    (files(), ["grade", "toy", "{d}/missing"], "does not exist"),
    (lambda d: (d / "empty").mkdir(), ["grade", "toy", "{d}/empty"], "no submission of toy in"),
    (files("s/a.py"), ["grade", "tyo", "{d}/s"], "no exercise 'tyo'"),
    (files("s/a.py"), ["grade", "toy", "{d}/s", "--out", "{d}/s/out"], "inside the submissions folder"),
    (files("s/a.py"), ["grade", "toy", "{d}/s", "--jobs", "0"], "--jobs"),
    (files("s/a/toy.py", "s/a.py"), ["grade", "toy", "{d}/s"], "student 'a' has both"),
    (files("s/a/toy.py", "s/a/toy.ipynb"), ["grade", "toy", "{d}/s"], "student 'a' has several submissions of toy"),
])
def test_usage_errors_exit_2_with_one_line(tmp_path, make, args, phrase):
    make(tmp_path)
    args = [a.format(d=tmp_path) for a in args] + (["--out", str(tmp_path / "out")] if "--out" not in args else [])
    result = cli(*args, "--seed", "0")
    assert result.returncode == 2, result.stdout + result.stderr
    assert phrase in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3


def test_a_missing_seed_is_said(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "a.py").write_text(GOOD)
    result = cli("grade", "toy", str(tmp_path / "s"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0
    assert "the default seed, which students know" in " ".join(result.stderr.split())
    assert json.loads((tmp_path / "out" / "a" / "results.json").read_text())["extra_data"]["seed"] == 0
