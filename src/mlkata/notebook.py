"""Exercises in Jupyter, in the style of Kaggle's learntools.

::

    from mlkata import exercise
    ex = exercise("logreg")
    ex.check(LogisticRegression)    # graded in the sandbox, shown as HTML
    ex.hint()
    ex.solution()

``check`` sends *source code* to the sandbox, never the live objects: the source of what it
is given, plus the notebook's imports and the top-level definitions that source uses (found
in the kernel's input history when ``inspect`` cannot see a notebook's classes).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from pathlib import Path


class Shown:
    """A value that renders as HTML in Jupyter and as text elsewhere."""

    def __init__(self, html: str, text: str, value=None):
        self.html, self.text, self.value = html, text, value

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def _rendered(draw) -> Shown:
    from rich.console import Console

    import io

    # force_jupyter=False: render into a buffer we return, not straight into the notebook
    console = Console(record=True, width=100, force_terminal=False, force_jupyter=False, highlight=False, file=io.StringIO())
    draw(console)
    return Shown(console.export_html(inline_styles=True, clear=False), console.export_text())


def _history_cells() -> list[str]:
    """The code cells the kernel has run, oldest first (empty outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return []
    shell = get_ipython()
    return list(shell.user_ns.get("In", [])) if shell else []


def _definitions(cells: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The latest import and top-level definition binding each name, from source cells."""
    imports, definitions = {}, {}
    for cell in cells:
        try:
            tree = ast.parse(cell)
        except SyntaxError:
            continue
        for node in tree.body:
            segment = ast.get_source_segment(cell, node)
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    imports[(alias.asname or alias.name).split(".")[0]] = segment
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                definitions[node.name] = segment
            elif isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    definitions[target.id] = segment
    return imports, definitions


def _used_names(source: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}


def source_of(objects) -> str:
    """A module's source holding ``objects`` (classes or functions) and what they use.

    Only the imports and helpers the objects refer to (transitively) are included, so the
    notebook's own ``from mlkata import exercise`` never reaches the sandbox.
    """
    imports, definitions = _definitions(_history_cells())
    wanted = {}
    for obj in objects:
        try:
            wanted[obj.__name__] = textwrap.dedent(inspect.getsource(obj))
        except (OSError, TypeError):
            if obj.__name__ not in definitions:
                raise ValueError(f"cannot find the source of {obj.__name__}; define it in a notebook cell or a .py file") from None
            wanted[obj.__name__] = definitions[obj.__name__]
        module = inspect.getmodule(obj)
        if module is not None and getattr(module, "__file__", None) and module.__name__ != "__main__":
            module_imports, module_definitions = _definitions([Path(module.__file__).read_text()])
            imports, definitions = {**module_imports, **imports}, {**module_definitions, **definitions}
    needed_imports = []
    todo = list(wanted.values())
    while todo:  # pull in the helpers and imports the wanted code uses, transitively
        for name in _used_names(todo.pop()):
            if name in definitions and name not in wanted:
                wanted[name] = definitions[name]
                todo.append(definitions[name])
            elif name in imports and imports[name] not in needed_imports:
                needed_imports.append(imports[name])
    return "\n".join(needed_imports) + "\n\n\n" + "\n\n\n".join(wanted.values()) + "\n"


class NotebookExercise:
    """One exercise, driven from a notebook.

    Parameters
    ----------
    name : str
        The exercise's name in the catalogue.
    root : Path, optional
        The kit; found from the current directory when omitted.
    """

    def __init__(self, name: str, root: Path | None = None):
        from .api import Kit

        self.kit = Kit(root)
        self.exercise = self.kit.exercise(name)

    def check(self, *objects, seed: int | None = None) -> Shown:
        """Grade ``objects`` (the classes and functions the exercise asks for) in the sandbox."""
        from .report import render

        if not objects:
            raise ValueError(f"pass what you implemented, e.g. ex.check({', '.join(self.exercise.requires)})")
        report = self.kit.check_source(self.exercise.name, source_of(objects), seed, label="the notebook's code")
        hints = self.exercise.hints
        shown = _rendered(lambda console: render(report, console, hints[0] if hints else "", "ex.hint()"))
        shown.value = report
        return shown

    def hint(self) -> Shown:
        """The next hint (recorded, as `mlkata hint`)."""
        hint = self.kit.hint(self.exercise.name)
        return _rendered(lambda console: console.print(f"[bold]Hint {hint.level}/{hint.total}[/]: {hint.text}"))

    def solution(self, force: bool = False) -> Shown:
        """The reference, once the exercise has passed (or with ``force``, recorded)."""
        from rich.syntax import Syntax

        text = self.kit.solution(self.exercise.name, force)
        return _rendered(lambda console: console.print(Syntax(text, "python")))


def write_notebook(name: str, out: Path, root: Path | None = None) -> Path:
    """Write a ready notebook for exercise ``name``: its README, its stub, a check cell."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    from .catalogue import load

    exercise = load(root)[name]
    calls = ", ".join(exercise.requires)
    cells = [
        new_markdown_cell(exercise.readme.read_text(encoding="utf-8")),
        new_code_cell(exercise.stub.read_text(encoding="utf-8")),
        new_code_cell(f'from mlkata import exercise\n\nex = exercise("{name}")\nex.check({calls})'),
        new_code_cell("ex.hint()  # run again for the next hint"),
    ]
    notebook = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():  # never overwrite the learner's notebook without a copy
        from .workspace_files import back_up
        from .progress import workspace

        back_up(workspace(exercise.root), f"{name}.notebook", out)
    nbformat.write(notebook, str(out))
    return out
