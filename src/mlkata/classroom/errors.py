"""Failures of the classroom commands that the instructor can fix (one line, exit status 2)."""

from ..errors import MlkataError


class CourseError(MlkataError):
    """The course directory or its settings cannot be used as asked."""


class SubmissionsError(MlkataError):
    """The submissions folder holds nothing gradable, or is ambiguous."""


class MissingExtra(MlkataError):
    """An optional dependency (nbgrader, nbformat, Dask) is not installed."""

    def __init__(self, package: str, purpose: str):
        super().__init__(f"{purpose} needs {package}, which is not installed; install the classroom extra: .venv/bin/pip install -e '.[classroom]'")


def require(module: str, package: str, purpose: str):
    """Import ``module`` or raise :class:`MissingExtra` naming ``package``."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(package, purpose) from None
