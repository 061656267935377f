"""The API a grader file (``graders/NAME.py``) is written against.

A grader is a list of checks, like scikit-learn's ``check_estimator``: plain functions
decorated with :func:`check`, collected in the order they are defined. Each receives a
:class:`Context` and either returns (passed) or raises :class:`Failed` with a message that
says what differed, by how much, and the likely cause.

Learner code runs only through :meth:`Context.run` and :meth:`Context.trace`, which send a
*probe* to the sandbox. A probe is a module-level function ``probe(mod, *args)`` whose source
is sent to the child, so it must be self-contained: it may use ``np`` and its arguments only,
and must return data (arrays, numbers, strings, and lists or str-keyed dicts of them).
"""

from __future__ import annotations

import inspect
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Callable

import numpy as np


class Failed(Exception):
    """Raised by a check when the learner's output is wrong; the message is shown as is."""


class LearnerStopped(Exception):
    """The learner's code did not produce a value: it raised, timed out or is not attempted.

    Raised by :meth:`Context.run`; the judge turns it into the check's status.
    """

    def __init__(self, status: str, message: str, output: str = ""):
        super().__init__(message)
        self.status, self.message, self.output = status, message, output


@dataclass(frozen=True)
class CheckSpec:
    """A check's declaration: its function and how many points it is worth."""

    name: str
    title: str
    points: float
    function: Callable
    timeout_s: float | None = None


def check(points: float = 1, timeout_s: float | None = None):
    """Declare a grader function as a hidden check worth ``points``.

    The first line of the function's docstring is the check's title in reports.
    """

    def decorate(function):
        title = (inspect.getdoc(function) or function.__name__.replace("_", " ")).splitlines()[0]
        function.mlkata_check = CheckSpec(function.__name__, title, points, function, timeout_s)
        return function

    return decorate


def collect(module) -> list[CheckSpec]:
    """The checks a grader module declares, in definition order."""
    return [v.mlkata_check for v in vars(module).values() if hasattr(v, "mlkata_check")]


@dataclass
class Trace:
    """A probe's value with the learner's executed lines counted per line number."""

    value: object
    lines: Counter

    @property
    def total(self) -> int:
        return sum(self.lines.values())


def probe_source(probe: Callable) -> str:
    return inspect.getsource(probe)


class Context:
    """What a check sees: its seeded random generator and the way to run learner code.

    Parameters
    ----------
    seed : int
        The grading run's seed; each check gets its own generator derived from it and the
        check's name, so adding a check never changes another check's data.
    sandbox : mlkata.sandbox.process.Sandbox
        Where the learner's code runs.
    reference_module : module
        The reference solution, loaded in this (trusted) process.
    timeout_s : float
        The learner's time budget for this whole check.
    source : str
        The learner's file, to quote lines in messages.
    """

    def __init__(self, seed, sandbox, reference_module, timeout_s, source, filename):
        self.seed = seed
        self.rng = None
        self.sandbox = sandbox
        self.reference_module = reference_module
        self.timeout_s = timeout_s
        self.source_lines = source.splitlines()
        self.filename = filename
        self.learner_time_s = 0.0
        self.output = []

    def for_check(self, name: str) -> "Context":
        self.rng = np.random.default_rng([self.seed, zlib.crc32(name.encode())])
        self.learner_time_s = 0.0
        self.output = []
        return self

    def run(self, probe: Callable, *args):
        """Run ``probe(learner_module, *args)`` in the sandbox and return its value."""
        return self._request(probe, args, trace=False)["value"]

    def trace(self, probe: Callable, *args) -> Trace:
        """Like :meth:`run`, also counting the Python lines the learner's file executes."""
        reply = self._request(probe, args, trace=True)
        if not reply.get("tracer_intact", False):
            raise Failed("the code switched off the line counter (sys.settrace), so vectorisation cannot be measured")
        lines = reply.get("lines")
        if not isinstance(lines, dict):
            raise Failed("the line counts could not be read")
        return Trace(reply["value"], Counter({int(k): int(v) for k, v in lines.items()}))

    def reference(self, probe: Callable, *args):
        """Run ``probe(reference_module, *args)`` here, on copies of the arguments."""
        return probe(self.reference_module, *_copies(args))

    def line(self, number: int) -> str:
        """Line ``number`` of the learner's file, stripped, for messages."""
        if 1 <= number <= len(self.source_lines):
            return self.source_lines[number - 1].strip()
        return ""

    def _request(self, probe, args, trace):
        remaining = self.timeout_s - self.learner_time_s
        message = {"op": "probe", "source": probe_source(probe), "function": probe.__name__, "args": list(args), "trace": trace}
        reply = self.sandbox.request(message, timeout=max(remaining, 0.05))
        self.learner_time_s += reply.get("duration_s", 0.0)
        if reply.get("output"):
            self.output.append(reply["output"])
        if reply["status"] != "ok":
            message = reply.get("message", "")
            if reply.get("traceback"):
                message += "\n" + reply["traceback"]
            raise LearnerStopped(reply["status"], message)
        return reply


def _copies(args):
    return [a.copy() if isinstance(a, np.ndarray) else a for a in args]
