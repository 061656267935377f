"""The kit's operations as a Python API; the CLI (and notebooks) are thin layers over it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import catalogue as catalogue_module
from .catalogue import Catalogue, Exercise
from .errors import MlkataError, SolutionLocked
from .progress import Progress, workspace
from .results import Report


@dataclass
class Hint:
    """One revealed hint: ``level`` of ``total``."""

    exercise: str
    level: int
    total: int
    text: str


class Kit:
    """One kit checkout with its learner's progress.

    Parameters
    ----------
    root : Path, optional
        The kit root; found from the current directory when omitted.
    """

    def __init__(self, root: Path | None = None):
        self.catalogue: Catalogue = catalogue_module.load(root)
        self.root = self.catalogue.root
        self._progress = None

    @property
    def progress(self) -> Progress:
        if self._progress is None:  # opened lazily: `mlkata list --help` should not touch it
            self._progress = Progress(workspace(self.root) / "progress.sqlite")
        return self._progress

    def exercise(self, name: str) -> Exercise:
        return self.catalogue[name]

    def check(self, name: str, impl: Path | None = None, seed: int | None = None, record: bool = True) -> Report:
        """Grade ``impl`` (default: the learner's file) and record the attempt."""
        from .judge import grade  # the judge imports numpy: keep `mlkata list` fast

        report = grade(self.exercise(name), impl, seed)
        if record:
            self.progress.record_attempt(report)
        return report

    def hint(self, name: str) -> Hint:
        """Reveal the next hint of ``name`` (the last one again once all are shown)."""
        exercise = self.exercise(name)
        level = min(self.progress.exercise(name).hints_used + 1, len(exercise.hints))
        if not exercise.hints:
            raise MlkataError(f"{name} has no hints")
        self.progress.record_hint(name, level)
        return Hint(name, level, len(exercise.hints), exercise.hints[level - 1])

    def solution(self, name: str, force: bool = False) -> str:
        """The reference solution's source, once the exercise has passed or with ``force``."""
        exercise = self.exercise(name)
        if not force and not self.progress.exercise(name).passed:
            raise SolutionLocked(f"the solution of {name} unlocks once your file passes every check; use --force to see it now (this is recorded)")
        self.progress.record_solution_view(name, forced=force)
        return exercise.reference.read_text(encoding="utf-8")

    def close(self) -> None:
        if self._progress is not None:
            self._progress.close()
