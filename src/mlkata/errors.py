"""User-facing failures, one class each.

The CLI prints ``str(error)`` on one line and exits with ``error.exit_code``; it never
shows a traceback for these.
"""


class MlkataError(Exception):
    """Base class of every failure the user can cause and fix."""

    exit_code = 2


class UnknownExercise(MlkataError):
    """A name that is not in the catalogue."""

    def __init__(self, name, known):
        import difflib

        close = difflib.get_close_matches(name, known, n=1)
        guess = f"; did you mean '{close[0]}'?" if close else "."
        super().__init__(f"no exercise '{name}'{guess} Exercises: {', '.join(known)}")
        self.name = name


class MissingFile(MlkataError):
    """A file the user named does not exist or cannot be read."""


class KitNotFound(MlkataError):
    """No exercises/catalogue.toml above the current directory."""


class BadCatalogue(MlkataError):
    """The catalogue file is malformed; the message names the entry and the field."""


class SolutionLocked(MlkataError):
    """The reference is shown only after the exercise passes, or with --force."""

    exit_code = 1
