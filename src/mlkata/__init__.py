"""mlkata: self-grading machine-learning interview exercises.

The package root stays import-light: the sandbox child imports ``mlkata.sandbox.child``
through it, and every millisecond here is paid by every grading run.
"""

__version__ = "0.1.0"
