"""The kit's operations as a Python API; the CLI (and notebooks) are thin layers over it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import catalogue as catalogue_module
from .catalogue import Catalogue, Exercise
from .errors import MlkataError, SolutionLocked
from .progress import Progress, workspace
from .results import Report
from .workspace_files import Backup


@dataclass
class NextStep:
    """What to do now: ``kind`` is "drill" (active or due), "exercise", or "done"."""

    kind: str
    exercise: str | None
    message: str


@dataclass
class Drill:
    """An open drill."""

    id: int
    exercise: str
    path: Path
    minutes: float
    started: float
    resumed: bool = False

    @property
    def minutes_used(self) -> float:
        from .clock import timestamp

        return (timestamp() - self.started) / 60


@dataclass
class DrillResult:
    """A finished drill and its next review."""

    exercise: str
    passed: bool
    minutes_taken: float
    hints: int
    rating: str
    next_review: object  # datetime


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
        """Grade ``impl`` (default: the learner's file) and record the attempt.

        Another file (a reference, a classmate's) is recorded as not the learner's own, so
        it never makes the exercise passed.
        """
        from .judge import grade  # the judge imports numpy: keep `mlkata list` fast

        exercise = self.exercise(name)
        report = grade(exercise, impl, seed)
        if record:
            mine = impl is None or Path(impl).resolve() == exercise.stub.resolve()
            self.progress.record_attempt(report, own=mine)
        return report

    def check_source(self, name: str, source: str, seed: int | None = None, label: str | None = None) -> Report:
        """Grade the learner's own code given as text (e.g. a notebook's cells) and record it."""
        from .judge import grade_source

        report = grade_source(self.exercise(name), source, seed, label=label)
        self.progress.record_attempt(report)
        return report

    def hint(self, name: str) -> Hint:
        """Reveal the next hint of ``name`` (the last one again once all are shown).

        During a drill of ``name`` the hints start again from the first, and count against
        the drill.
        """
        exercise = self.exercise(name)
        if not exercise.hints:
            raise MlkataError(f"{name} has no hints")
        drill = self.progress.active_drill()
        drill_id = drill[0] if drill and drill[1] == name else None
        shown = self.progress.drill_hints(drill_id) if drill_id else self.progress.exercise(name).hints_used
        level = min(shown + 1, len(exercise.hints))
        self.progress.record_hint(name, level, drill_id)
        return Hint(name, level, len(exercise.hints), exercise.hints[level - 1])

    def solution(self, name: str, force: bool = False) -> str:
        """The reference solution's source, once the exercise has passed or with ``force``."""
        exercise = self.exercise(name)
        if not force and not self.progress.exercise(name).passed:
            raise SolutionLocked(f"the solution of {name} unlocks once your file passes every check; use --force to see it now (this is recorded)")
        self.progress.record_solution_view(name, forced=force)
        return exercise.reference.read_text(encoding="utf-8")

    # -- the learner's files ------------------------------------------------------------

    @property
    def workspace(self) -> Path:
        return workspace(self.root)

    def reset(self, name: str, drill: Drill | None = None) -> Backup | None:
        """Restore the stub of ``name``, saving the file to a backup first.

        With ``drill``, the drill's file is reset instead, its backups kept apart.
        """
        from .workspace_files import reset

        if drill is None:
            return reset(self.workspace, self.exercise(name))
        return reset(self.workspace, self.exercise(name), target=drill.path, backup_as=f"{name}.drill")

    def backups(self, name: str) -> list[Backup]:
        from .workspace_files import backups

        return backups(self.workspace, self.exercise(name).name)

    def restore(self, name: str, backup: str | None = None):
        """Put a backup (default: the newest) back, backing up the current file first."""
        from .workspace_files import restore

        return restore(self.workspace, self.exercise(name), backup)

    # -- what next, drills, stats -----------------------------------------------------

    def _schedule(self):
        from .drill import schedule

        return schedule(self.progress.cards())

    def next_step(self) -> NextStep:
        """An open drill, else a due drill, else the first unsolved exercise in catalogue order."""
        active = self.active_drill()
        if active:
            return NextStep("drill", active.exercise, f"finish your drill of {active.exercise}: edit {active.path}, then `mlkata drill --check`")
        upcoming = self._schedule()
        if upcoming and upcoming[0].is_due():
            return NextStep("drill", upcoming[0].exercise, f"a drill of {upcoming[0].exercise} is due: `mlkata drill`")
        for exercise in self.catalogue:
            if not self.progress.exercise(exercise.name).passed:
                return NextStep("exercise", exercise.name, f"{exercise.name}: {exercise.title}. Edit {exercise.stub.relative_to(self.root)}, then `make check exercise={exercise.name}`")
        later = f"; the next drill is {upcoming[0].exercise} on {upcoming[0].due:%Y-%m-%d}" if upcoming else ""
        return NextStep("done", None, f"every exercise passed{later}")

    def active_drill(self) -> Drill | None:
        row = self.progress.active_drill()
        return Drill(row[0], row[1], Path(row[4]), row[3], row[2]) if row else None

    def start_drill(self, name: str | None = None, minutes: float | None = None) -> Drill:
        """Open a drill: a fresh stub of ``name`` (default: the most overdue review) in the drill workspace."""
        from .drill import drill_path

        active = self.active_drill()
        if active:
            if name in (None, active.exercise):
                active.resumed = True
                return active
            raise MlkataError(f"a drill of {active.exercise} is open: finish it (`mlkata drill --check`) or `mlkata drill --give-up` first")
        if name is None:
            upcoming = self._schedule()  # soonest first: the due ones lead
            scheduled = {d.exercise for d in upcoming}
            fresh = [e.name for e in self.catalogue if e.name not in scheduled and self.progress.exercise(e.name).passed]
            candidates = [d.exercise for d in upcoming if d.is_due()] + fresh
            if not candidates:
                when = f" The next review is {upcoming[0].exercise} on {upcoming[0].due:%Y-%m-%d}." if upcoming else ""
                raise MlkataError(f"no drill is due.{when} Drill any exercise with `mlkata drill NAME`; `mlkata next` says what to learn next", )
            name = candidates[0]
        exercise = self.exercise(name)
        minutes = float(minutes if minutes is not None else exercise.minutes)
        from .clock import timestamp

        drill = Drill(0, name, drill_path(self.workspace, name), minutes, timestamp())
        self.reset(name, drill)  # a fresh stub; an old drill file is backed up first
        drill.id = self.progress.start_drill(name, minutes, str(drill.path))
        return self.active_drill() or drill

    def check_drill(self, seed: int | None = None) -> tuple[Report, DrillResult | None]:
        """Grade the open drill; when it passes, rate it and schedule the next review."""
        from .judge import grade

        drill = self.active_drill()
        if drill is None:
            raise MlkataError("no drill is open; start one with `mlkata drill [NAME]`")
        report = grade(self.exercise(drill.exercise), drill.path, seed)
        self.progress.record_attempt(report, drill_id=drill.id)
        result = self._finish_drill(drill, report) if report.passed else None
        return report, result

    def give_up_drill(self) -> DrillResult:
        """End the open drill as failed: its next review comes soon."""
        drill = self.active_drill()
        if drill is None:
            raise MlkataError("no drill is open")
        return self._finish_drill(drill, None)

    def _finish_drill(self, drill: Drill, report: Report | None) -> DrillResult:
        from .clock import now
        from .drill import rate, review

        minutes_taken = drill.minutes_used
        hints = self.progress.drill_hints(drill.id)
        passed = report is not None and report.passed
        rating = rate(passed, hints, minutes_taken, drill.minutes)
        card_json = self.progress.cards().get(drill.exercise, (None, 0))[0]
        card, log = review(card_json, rating, now())
        self.progress.save_card(drill.exercise, card.to_json(), card.due.timestamp(), log)
        self.progress.finish_drill(drill.id, passed, report.score if report else 0.0, report.max_score if report else 0.0, hints, int(rating))
        return DrillResult(drill.exercise, passed, minutes_taken, hints, rating.name, card.due)

    def stats(self):
        """Progress statistics (see :mod:`mlkata.stats`)."""
        from .stats import compute

        return compute(self.catalogue, self.progress)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.close()
