"""The code a notebook submission is graded on: its solution cells, joined.

Only the cells nbgrader marks as solution cells count (``metadata.nbgrader.solution``), in
notebook order: the test cells and anything else the student ran are left out, so what is
graded is exactly what the student wrote where the notebook asked for it. A notebook with no
nbgrader metadata at all (not built by ``mlkata classroom build``) is graded on all its code
cells. The kernel path (:mod:`.kernel`) and ``mlkata grade`` both call :func:`solution_source`,
which is why they give the same scores.
"""

from __future__ import annotations

import ast
import re

MAGIC = re.compile(r"^(\s*)([%!].*)$")  # an IPython magic or shell escape starting a line


class UnreadableNotebook(ValueError):
    """The file is not a notebook, or holds no code to grade (the message says which)."""


def solution_source(text: str, filename: str = "notebook") -> str:
    """The Python source of the solution cells of the notebook ``text``.

    Parameters
    ----------
    text : str
        The ``.ipynb`` file's content.
    filename : str
        Its name, for messages.

    Returns
    -------
    str
        The cells' code joined by blank lines, IPython magics replaced by ``pass``.

    Raises
    ------
    UnreadableNotebook
    """
    from nbformat import convert, reader

    try:
        # reader.reads parses without validating: nbformat's validation logs to stderr, and
        # inside a kernel anything on stderr costs nbgrader's cell its points.
        notebook = convert(reader.reads(text), 4)
    except Exception as error:  # noqa: BLE001 - any malformed file is the submission's problem
        raise UnreadableNotebook(f"{filename} is not a readable notebook ({type(error).__name__}: {str(error)[:120]})") from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise UnreadableNotebook(f"{filename} is not a readable notebook (it has no list of cells)")
    cells = [c for c in cells if isinstance(c, dict)]
    code = [c for c in cells if c.get("cell_type") == "code"]
    if any("nbgrader" in _metadata(c) for c in cells):
        code = [c for c in code if _nbgrader(c).get("solution") is True]
    if not code:
        raise UnreadableNotebook(f"{filename} has no solution cell: write your code in the cell marked as the solution")
    return "\n\n".join(_without_magics(_text(c.get("source", ""))).rstrip() for c in code) + "\n"


def _metadata(cell: dict) -> dict:
    metadata = cell.get("metadata")
    return metadata if isinstance(metadata, dict) else {}


def _nbgrader(cell: dict) -> dict:
    nbgrader = _metadata(cell).get("nbgrader")
    return nbgrader if isinstance(nbgrader, dict) else {}


def _text(source) -> str:
    if isinstance(source, list):
        return "".join(s for s in source if isinstance(s, str))
    return source if isinstance(source, str) else ""


def _without_magics(source: str) -> str:
    """``source`` with lines such as ``%timeit ...`` or ``!pip ...`` turned into ``pass``.

    Valid Python never starts a logical line with ``%`` or ``!``, so a cell that parses is
    left exactly as it is; a ``%%time`` cell magic leaves its body to run as plain code.
    """
    try:
        ast.parse(source)
        return source
    except (SyntaxError, ValueError):
        pass
    return "\n".join(MAGIC.sub(r"\1pass  # IPython magic left out when grading: \2", line) for line in source.splitlines())
