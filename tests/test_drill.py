"""Drills with a controllable clock (MLKATA_NOW), spaced repetition, `next` and `stats`."""

from datetime import datetime, timedelta, timezone

from fsrs import Rating

from mlkata.drill import rate, review

from .conftest import FIXTURE_KIT, run_cli

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
SOLUTION = (FIXTURE_KIT / "solutions" / "toy.py").read_text()


def at(moment):
    return {"MLKATA_NOW": moment.isoformat()}


def cli(kit, moment, *args):
    return run_cli(*args, root=kit, env=at(moment))


def pass_toy(kit):
    (kit / "exercises" / "toy" / "toy.py").write_text(SOLUTION)
    assert cli(kit, T0, "check", "toy").returncode == 0


def test_ratings_follow_hints_time_and_failure():
    assert rate(True, 0, 2, 5) == Rating.Easy
    assert rate(True, 0, 4, 5) == Rating.Good
    assert rate(True, 1, 2, 5) == Rating.Hard
    assert rate(True, 0, 6, 5) == Rating.Hard
    assert rate(False, 0, 1, 5) == Rating.Again


def test_better_drills_are_spaced_further_out():
    dues = [review(None, rating, T0)[0].due for rating in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)]
    assert dues == sorted(dues) and dues[1] < dues[2] < dues[3]  # FSRS's shortest interval is a day: Again and Hard share it
    card, _ = review(None, Rating.Good, T0)
    again, _ = review(card.to_json(), Rating.Again, card.due)
    good, _ = review(card.to_json(), Rating.Good, card.due)
    assert again.due < good.due and good.due - card.due > card.due - T0


def test_a_drill_from_start_to_schedule(kit_copy, private_workspace):
    pass_toy(kit_copy)
    mine = (kit_copy / "exercises" / "toy" / "toy.py").read_text()
    started = cli(kit_copy, T0, "drill")
    assert started.returncode == 0 and "Drill: toy" in started.stdout and "Time budget: 5 minutes" in started.stdout
    drill_file = private_workspace / "drills" / "toy" / "toy.py"
    assert "NotImplementedError" in drill_file.read_text(), "the drill starts from a fresh stub"
    assert (kit_copy / "exercises" / "toy" / "toy.py").read_text() == mine, "the learner's own solution is untouched"
    failing = cli(kit_copy, T0 + timedelta(minutes=1), "drill", "--check")
    assert failing.returncode == 1 and "4.0 of 5 minutes left" in failing.stdout
    drill_file.write_text(SOLUTION)
    passing = cli(kit_copy, T0 + timedelta(minutes=2), "drill", "--check")
    assert passing.returncode == 0, passing.stdout
    assert "Drill passed in 2.0 min with 0 hint(s): rated Easy" in passing.stdout
    assert "next review" in passing.stdout
    assert "no drill is due" in cli(kit_copy, T0 + timedelta(minutes=3), "drill").stderr
    assert "strict" in cli(kit_copy, T0 + timedelta(minutes=3), "next").stdout, "next: the first unsolved exercise"
    later = T0 + timedelta(days=60)
    assert "a drill of toy is due" in cli(kit_copy, later, "next").stdout
    again = cli(kit_copy, later, "drill")
    assert "Drill: toy" in again.stdout
    assert len(list((private_workspace / "backups" / "toy.drill").glob("*.py"))) == 1, "the old drill file was backed up"


def _drill_once(kit, hints=0, give_up=False):
    pass_toy(kit)
    cli(kit, T0, "drill", "toy")
    for _ in range(hints):
        assert "Hint 1/3" in cli(kit, T0, "hint", "toy").stdout  # hints restart in a drill
    if give_up:
        return cli(kit, T0 + timedelta(minutes=1), "drill", "--give-up").stdout
    drill_file = kit.parent / "workspace" / "drills" / "toy" / "toy.py"
    drill_file.write_text(SOLUTION)
    return cli(kit, T0 + timedelta(minutes=1), "drill", "--check").stdout


def _next_review(output):
    stamp = output.split("next review ")[1].strip().rstrip(".")
    return datetime.strptime(stamp, "%Y-%m-%d %H:%M")


def test_a_hint_brings_the_next_review_closer(kit_copy, private_workspace):
    cli(kit_copy, T0, "hint", "toy")  # a hint before the drill does not count against it
    output = _drill_once(kit_copy, hints=1)
    assert "with 1 hint(s): rated Hard" in output


def test_giving_up_brings_it_back_soonest(kit_copy, private_workspace):
    output = _drill_once(kit_copy, give_up=True)
    assert "ended as not passed" in output
    assert _next_review(output) - T0.replace(tzinfo=None) <= timedelta(days=1, minutes=1)


def test_only_one_drill_at_a_time(kit_copy):
    pass_toy(kit_copy)
    (kit_copy / "exercises" / "strict" / "strict.py").write_text(SOLUTION)
    cli(kit_copy, T0, "check", "strict")
    cli(kit_copy, T0, "drill", "toy")
    refused = cli(kit_copy, T0, "drill", "strict")
    assert refused.returncode == 2 and "a drill of toy is open" in refused.stderr
    assert "Continuing: toy" in cli(kit_copy, T0, "drill").stdout


def test_stats_and_plot(kit_copy, tmp_path):
    (kit_copy / "exercises" / "toy" / "toy.py").write_text(SOLUTION.replace("2 * np", "3 * np"))
    cli(kit_copy, T0, "check", "toy")  # a failed first try
    (kit_copy / "exercises" / "toy" / "toy.py").write_text(SOLUTION)
    cli(kit_copy, T0 + timedelta(minutes=30), "check", "toy")
    (kit_copy / "exercises" / "strict" / "strict.py").write_text(SOLUTION)
    cli(kit_copy, T0 + timedelta(days=1), "check", "strict")  # first try, next day
    cli(kit_copy, T0 + timedelta(days=1), "drill", "toy")
    (kit_copy.parent / "workspace" / "drills" / "toy" / "toy.py").write_text(SOLUTION)
    cli(kit_copy, T0 + timedelta(days=1, minutes=4), "drill", "--check")
    plot = tmp_path / "progress.png"
    result = cli(kit_copy, T0 + timedelta(days=1, hours=1), "stats", "--plot", str(plot))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "exercises passed: 2/2  (first try: 1, without hints: 2)" in out
    assert "median time to pass: 15 min" in out and "median drill: 4 min" in out
    assert "streak: 2 day(s)" in out
    assert "drills due this week: 1" in out, "a Good drill comes back within days"
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
