"""One submission: read its code (a ``.py`` file or a notebook's solution cells).

Every classroom path then grades that code with :func:`mlkata.judge.grade_source`: the same
static rules, the same sandbox, the same checks and scores as ``mlkata check``.
"""

from __future__ import annotations

from pathlib import Path


MAX_BYTES = 5 * 1024 * 1024  # far above any honest solution; keeps a hostile file from eating memory
SUFFIXES = (".py", ".ipynb")


class UnreadableSubmission(ValueError):
    """The submission cannot be turned into code to grade (the message says why)."""


def read_source(path: Path) -> str:
    """The code to grade from ``path``: the file itself, or a notebook's solution cells.

    Raises
    ------
    UnreadableSubmission
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableSubmission(f"{path.name} is {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit for one submission")
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise UnreadableSubmission(f"{path.name} cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UnreadableSubmission(f"{path.name} is not UTF-8 text") from None
    if path.suffix == ".ipynb":
        from .extract import UnreadableNotebook, solution_source

        try:
            return solution_source(text, path.name)
        except UnreadableNotebook as error:
            raise UnreadableSubmission(str(error)) from None
    return text
