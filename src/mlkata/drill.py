"""Timed interview drills, scheduled by spaced repetition with FSRS (the ``fsrs`` library).

A drill is a fresh stub of an exercise the learner has solved before, written to the drill
workspace (the learner's own solution stays untouched and out of sight), to be solved again
within the exercise's time budget. When it passes, or the learner gives up, the review is
rated and FSRS schedules the next one: a pass without hints well inside the budget spaces it
further out, a slow pass or a hint less far, a failure brings it back soon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from .clock import now

# Coding drills are reviewed over days, not minutes: no intra-day learning steps, and no
# fuzzing, so a schedule is reproducible.
SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rate(passed: bool, hints: int, minutes_taken: float, budget_minutes: float) -> Rating:
    """How well a drill went, as an FSRS rating.

    Again: not passed. Hard: passed with hints, or over the time budget. Easy: passed without
    hints in at most half the budget. Good: passed without hints within the budget.
    """
    if not passed:
        return Rating.Again
    if hints or minutes_taken > budget_minutes:
        return Rating.Hard
    return Rating.Easy if minutes_taken <= budget_minutes / 2 else Rating.Good


def review(card_json: str | None, rating: Rating, when: datetime) -> tuple[Card, str]:
    """Apply one review to an exercise's card (a new card when None); return it and the log."""
    card = Card.from_json(card_json) if card_json else Card(due=when)
    card, log = SCHEDULER.review_card(card, rating, review_datetime=when)
    return card, log.to_json()


@dataclass(frozen=True)
class Due:
    """An exercise's next review."""

    exercise: str
    due: datetime

    def is_due(self, at: datetime | None = None) -> bool:
        return self.due <= (at or now())


def schedule(cards: dict[str, tuple[str, float]]) -> list[Due]:
    """Every scheduled exercise, soonest first."""
    return sorted((Due(name, datetime.fromtimestamp(due, timezone.utc)) for name, (_, due) in cards.items()), key=lambda d: d.due)


def drill_path(workspace: Path, exercise: str) -> Path:
    """Where a drill of ``exercise`` is solved: away from the learner's own file."""
    return workspace / "drills" / exercise / f"{exercise}.py"
