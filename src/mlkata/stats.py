"""Progress statistics over weeks: what ``mlkata stats`` shows and plots."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from .catalogue import Catalogue, by_topic
from .clock import now
from .drill import SCHEDULER, schedule
from .progress import Progress


@dataclass
class TopicMastery:
    topic: str
    passed: int
    total: int
    recall: float | None  # mean FSRS retrievability of the topic's drilled exercises, now


@dataclass
class Stats:
    """Everything ``mlkata stats`` reports."""

    topics: list[TopicMastery]
    passed: int
    total: int
    first_try: int
    hint_free: int
    median_minutes_to_pass: float | None
    median_drill_minutes: float | None
    drills_due_this_week: int
    streak_days: int
    attempts: list[tuple] = field(default_factory=list)


def _day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp, timezone.utc).date()


def streak(days: set[date], today: date) -> int:
    """Consecutive days with practice, ending today (or yesterday, if today has none yet)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def compute(catalogue: Catalogue, progress: Progress) -> Stats:
    """Statistics of ``progress`` over the exercises of ``catalogue``."""
    from fsrs import Card

    moment = now()
    attempts = progress.attempts()
    own = [a for a in attempts if a[6] is None]  # (time, exercise, score, max, status, hints, drill_id)
    first_attempt, first_pass, hint_free = {}, {}, set()
    for time, exercise, _score, _max, status, hints, _drill in own:
        first_attempt.setdefault(exercise, (time, status))
        if status == "passed":
            first_pass.setdefault(exercise, time)
            if hints == 0:
                hint_free.add(exercise)
    cards = progress.cards()
    recall = {name: SCHEDULER.get_card_retrievability(Card.from_json(card), moment) for name, (card, _) in cards.items()}
    topics = []
    for topic, exercises in by_topic(catalogue):
        names = [e.name for e in exercises]
        drilled = [recall[n] for n in names if n in recall]
        topics.append(TopicMastery(topic, sum(n in first_pass for n in names), len(names), statistics.fmean(drilled) if drilled else None))
    to_pass = [(first_pass[e] - first_attempt[e][0]) / 60 for e in first_pass]
    drills = progress.drills()  # (exercise, started, finished, passed, hints, rating)
    drill_minutes = [(finished - started) / 60 for _e, started, finished, passed, _h, _r in drills if passed]
    week = moment + timedelta(days=7)
    return Stats(
        topics=topics,
        passed=len(first_pass),
        total=len(catalogue.exercises),
        first_try=sum(status == "passed" for _t, status in first_attempt.values()),
        hint_free=len(hint_free),
        median_minutes_to_pass=statistics.median(to_pass) if to_pass else None,
        median_drill_minutes=statistics.median(drill_minutes) if drill_minutes else None,
        drills_due_this_week=sum(d.due <= week for d in schedule(cards)),
        streak_days=streak({_day(a[0]) for a in attempts}, moment.date()),
        attempts=attempts,
    )


def plot(stats: Stats, path) -> None:
    """Draw progress over time to ``path`` (PNG): exercises passed, and each attempt's score."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt

    figure, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6), sharex=True)
    passed_at, seen = [], set()
    for time, exercise, _s, _m, status, _h, drill in stats.attempts:
        if status == "passed" and drill is None and exercise not in seen:
            seen.add(exercise)
            passed_at.append(datetime.fromtimestamp(time, timezone.utc))
    if passed_at:
        top.step(passed_at, range(1, len(passed_at) + 1), where="post")
    top.set_ylabel("exercises passed")
    top.set_ylim(0, max(stats.total, 1))
    times = [datetime.fromtimestamp(a[0], timezone.utc) for a in stats.attempts]
    fractions = [a[2] / a[3] if a[3] else 0 for a in stats.attempts]
    colours = ["tab:orange" if a[6] is not None else "tab:blue" for a in stats.attempts]
    bottom.scatter(times, fractions, c=colours, s=12)
    bottom.set_ylabel("score (orange: drills)")
    bottom.set_ylim(-0.05, 1.05)
    figure.autofmt_xdate()
    figure.suptitle("mlkata progress")
    figure.savefig(path, dpi=100)
    plt.close(figure)
