"""Notebooks: `mlkata notebook NAME` writes one; executed in a real Jupyter kernel (nbclient),
its check cell grades the learner's code in the sandbox and shows the report as HTML."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .conftest import FIXTURE_KIT, run_cli

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path, cwd: Path):
    notebook = nbformat.read(str(path), as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return notebook


def outputs(cell, kind="text/plain") -> str:
    texts = []
    for output in cell.get("outputs", []):
        texts.append(output.get("data", {}).get(kind, "") + output.get("text", ""))
    return "\n".join(texts)


def test_written_notebook_grades_functions_in_a_real_kernel(tmp_path, monkeypatch):
    monkeypatch.setenv("MLKATA_ROOT", str(FIXTURE_KIT))
    path = tmp_path / "toy.ipynb"
    assert run_cli("notebook", "toy", "--out", str(path), root=FIXTURE_KIT).returncode == 0
    notebook = nbformat.read(str(path), as_version=4)
    assert notebook.cells[0].cell_type == "markdown" and "## The interview question" in notebook.cells[0].source
    assert "raise NotImplementedError" in notebook.cells[1].source
    notebook.cells[1].source = (FIXTURE_KIT / "solutions" / "toy.py").read_text()  # the learner solves it
    nbformat.write(notebook, str(path))
    executed = execute(path, tmp_path)
    report = outputs(executed.cells[2])
    assert "Score 5/5" in report
    assert "<pre" in outputs(executed.cells[2], "text/html"), "the check cell shows the report as HTML"
    assert "Hint 1/3" in outputs(executed.cells[3])


def test_a_class_defined_in_a_cell_travels_as_source(tmp_path, monkeypatch):
    monkeypatch.setenv("MLKATA_ROOT", str(ROOT))
    reference = (ROOT / "solutions" / "logreg.py").read_text()
    helper, _, rest = reference.partition("class LogisticRegression")
    cells = [
        nbformat.v4.new_code_cell(helper),  # imports and the _sigmoid helper in one cell
        nbformat.v4.new_code_cell("class LogisticRegression" + rest),  # the class in another
        nbformat.v4.new_code_cell('from mlkata import exercise\nex = exercise("logreg")\nex.check(LogisticRegression)'),
        nbformat.v4.new_code_cell('ex.check(LogisticRegression).value.score'),
    ]
    path = tmp_path / "logreg.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), str(path))
    executed = execute(path, tmp_path)
    assert "Score 26/26" in outputs(executed.cells[2])
    assert outputs(executed.cells[3]).strip() == "26.0"
