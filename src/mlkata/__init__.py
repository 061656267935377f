"""mlkata: self-grading machine-learning interview exercises.

The package root stays import-light: the sandbox child imports ``mlkata.sandbox.child``
through it, and every millisecond here is paid by every grading run.
"""

__version__ = "0.1.0"


def exercise(name: str, root=None):
    """An exercise to work on in a notebook: ``ex = exercise("logreg"); ex.check(LogisticRegression)``.

    See :class:`mlkata.notebook.NotebookExercise`.
    """
    from .notebook import NotebookExercise

    return NotebookExercise(name, root)
