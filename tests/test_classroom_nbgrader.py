"""End to end with real nbgrader, a real gradebook and real kernels: a course built by
`mlkata classroom build` goes through nbgrader's generate_assignment, autograde,
generate_feedback and export unchanged, scores follow the checks, hidden checks never leak,
and `mlkata grade` gives the submitted notebooks the very scores in the gradebook."""

import ast
import csv
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest

from .conftest import ROOT, run_cli

pytestmark = pytest.mark.slow

EXERCISES = ["logreg", "metrics", "kmeans"]
ASSIGNMENT = "hw1"
CORRECT = {name: ROOT / "tests" / "alternatives" / f"{name}.py" for name in EXERCISES}  # not the reference in the notebook
MUTANT = {"logreg": "summed_gradient", "metrics": "micro_as_macro", "kmeans": "median_update"}
BIN = Path(sys.executable).parent


def nbgrader(course, *args):
    # nbgrader runs `alembic` from PATH when it opens the gradebook.
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    result = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def with_solution(release, code):
    """The released notebook with its solution cell replaced by ``code``, as a student would."""
    notebook = nbformat.read(str(release), as_version=4)
    cells = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(cells) == 1
    cells[0].source = code
    return notebook


def code_lines(path):
    """The stripped lines of ``path`` that are code: docstrings and comments left out."""
    source = path.read_text()
    strings = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            strings.update(range(node.lineno, node.end_lineno + 1))
    lines = source.splitlines()
    return [lines[i - 1].strip() for i in range(1, len(lines) + 1) if i not in strings and lines[i - 1].strip() and not lines[i - 1].strip().startswith("#")]


def hidden_lines(name, submitted=""):
    """Lines that belong to the hidden logic: the grader's comparisons, and the reference's
    own code (lines the stub does not have) unless the student wrote them too."""
    stub = (ROOT / "exercises" / name / f"{name}.py").read_text()
    logic = [line for line in code_lines(ROOT / "graders" / f"{name}.py") if "ctx." in line or line.startswith("expect")]
    code = [line for line in code_lines(ROOT / "solutions" / f"{name}.py") if len(line) > 25 and line not in stub and line not in submitted]
    assert logic
    return ["BEGIN HIDDEN TESTS", "mlkata.classroom.kernel", *logic, *code]


def make_course(course):
    """Build, release, submit for three students, autograde, give feedback, export."""
    built = run_cli("classroom", "build", ASSIGNMENT, *EXERCISES, "--course", str(course))
    assert built.returncode == 0, built.stderr
    nbgrader(course, "generate_assignment", ASSIGNMENT)
    release = course / "release" / ASSIGNMENT
    students = {
        "alice": {name: nbformat.read(str(release / f"{name}.ipynb"), as_version=4) for name in EXERCISES},  # (a) untouched
        "bob": {name: with_solution(release / f"{name}.ipynb", CORRECT[name].read_text()) for name in EXERCISES},  # (b) correct
        "carol": {name: with_solution(release / f"{name}.ipynb", (ROOT / "tests" / "mutants" / name / f"{MUTANT[name]}.py").read_text()) for name in EXERCISES},  # (c)
    }
    for student, notebooks in students.items():
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        for name, notebook in notebooks.items():
            nbformat.write(notebook, str(folder / f"{name}.ipynb"))
    nbgrader(course, "autograde", ASSIGNMENT)
    nbgrader(course, "generate_feedback", ASSIGNMENT)
    nbgrader(course, "export")


def test_nbgrader_end_to_end(tmp_path):
    # One test, so that the course (the slow part) is made once even when tests run in parallel.
    course = tmp_path / "course"
    make_course(course)
    check_the_gradebook_scores_zero_full_and_partial(course)
    check_mlkata_grade_gives_the_submitted_notebooks_the_gradebooks_scores(course, tmp_path / "grades")
    check_hidden_checks_appear_neither_in_the_release_nor_in_the_feedback(course)
    check_students_get_the_stub_and_visible_tests_that_need_only_numpy(course)


def gradebook(course):
    """{student: {notebook: (score, max_score, {grade_id: score})}} from nbgrader's database."""
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as book:
        for student in ("alice", "bob", "carol"):
            for name in EXERCISES:
                submission = book.find_submission_notebook(name, ASSIGNMENT, student)
                cells = {grade.name: grade.score for grade in submission.grades}
                scores.setdefault(student, {})[name] = (submission.score, submission.max_score, cells)
    return scores


def check_the_gradebook_scores_zero_full_and_partial(course):
    scores = gradebook(course)
    for name in EXERCISES:
        alice, bob, carol = (scores[s][name] for s in ("alice", "bob", "carol"))
        assert alice[0] == 0 and alice[1] > 0, (name, alice)
        assert bob[0] == bob[1], (name, {k: v for k, v in bob[2].items() if v == 0})
        assert 0 < carol[0] < carol[1], (name, carol)
    # partial credit follows the checks: one graded cell per check, worth its points
    logreg = scores["carol"]["logreg"][2]
    assert logreg["logreg-first_steps_match_reference"] == 0 and logreg["logreg-vectorised"] == 2
    with open(course / "grades.csv", newline="") as handle:  # nbgrader export
        exported = {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)}
    assert exported == {s: sum(scores[s][n][0] for n in EXERCISES) for s in ("alice", "bob", "carol")}


def check_mlkata_grade_gives_the_submitted_notebooks_the_gradebooks_scores(course, tmp_path):
    scores = gradebook(course)
    seed = tomllib.loads((course / "mlkata_course.toml").read_text())["seed"]
    assert seed != 0
    for name in EXERCISES:
        out = tmp_path / name
        result = run_cli("grade", name, str(course / "submitted"), "--out", str(out))  # the course seed is found above
        assert result.returncode == 0, result.stderr
        assert "course's secret seed" in result.stdout
        with open(out / "grades.csv", newline="") as handle:
            rows = {row["student"]: row for row in csv.DictReader(handle)}
        for student in ("alice", "bob", "carol"):
            score, max_score, cells = scores[student][name]
            assert float(rows[student]["score"]) == score and float(rows[student]["max_score"]) == max_score, (name, student)
            assert {f"{name}-{check}": float(rows[student][check]) for check in rows[student] if check not in ("student", "score", "max_score")} == cells
        assert json.loads((out / "carol" / "results.json").read_text())["extra_data"]["seed"] == seed


def check_hidden_checks_appear_neither_in_the_release_nor_in_the_feedback(course):
    release = {name: (course / "release" / ASSIGNMENT / f"{name}.ipynb").read_text() for name in EXERCISES}
    feedback = {(s, name): (course / "feedback" / s / ASSIGNMENT / f"{name}.html").read_text() for s in ("alice", "bob", "carol") for name in EXERCISES}
    autograded = (course / "autograded" / "carol" / ASSIGNMENT / "logreg.ipynb").read_text()
    assert "mlkata.classroom.kernel" in autograded  # nbgrader did restore the hidden code to grade...
    for name in EXERCISES:
        assert len(hidden_lines(name)) > 10  # the grader's logic and the reference's code
        for line in hidden_lines(name):  # ...yet students never see it, nor the reference
            assert line not in release[name], (name, line)
        for student in ("alice", "bob", "carol"):
            submitted = nbformat.read(str(course / "submitted" / student / ASSIGNMENT / f"{name}.ipynb"), as_version=4)
            own = "\n".join(c.source for c in submitted.cells if c.metadata.get("nbgrader", {}).get("solution"))
            for line in hidden_lines(name, own):
                assert line not in feedback[student, name], (student, name, line)
    # the feedback does say why a check failed
    assert "the gradient is summed over the samples instead of averaged" in feedback["carol", "logreg"]


def check_students_get_the_stub_and_visible_tests_that_need_only_numpy(course):
    for name in EXERCISES:
        notebook = nbformat.read(str(course / "release" / ASSIGNMENT / f"{name}.ipynb"), as_version=4)
        solution = next(c.source for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution"))
        stub = (ROOT / "exercises" / name / f"{name}.py").read_text()
        body = stub[stub.index('"""', stub.index('"""') + 3) + 3:].strip()  # the stub without its module docstring
        assert solution.strip() == body + "\n\n\n# YOUR CODE HERE"
        # The student's environment needs numpy only: run every released code cell in a
        # plain interpreter with the stub in place; visible tests then fail as not implemented.
        code = "\n\n".join(c.source for c in notebook.cells if c.cell_type == "code")
        runner = "import sys\nsys.modules['mlkata'] = None  # not installed for students\nfor cell in CELLS:\n    try:\n        exec(cell, globals())\n    except NotImplementedError:\n        pass\nprint('ran', len(CELLS))\n"
        cells = [c.source for c in notebook.cells if c.cell_type == "code"]
        result = subprocess.run([sys.executable, "-I", "-c", f"CELLS = {cells!r}\n{runner}"], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0 and f"ran {len(cells)}" in result.stdout, (name, result.stderr[-2000:], code[:200])
