"""Point 9: the SQLite progress store under concurrent runs and after corruption (a real file)."""

import multiprocessing
import sqlite3
import subprocess

from mlkata.progress import Progress
from mlkata.results import CheckResult, Report

from .conftest import FIXTURE_KIT, MLKATA, run_cli


def a_report(exercise="toy", score=3.0):
    report = Report(exercise, "toy.py", 0, "rlimits")
    report.checks = [CheckResult("c", "c", "hidden", "passed" if score == 5 else "failed", score, 5.0)]
    return report


def _record_many(path, count):
    store = Progress(path)
    for _ in range(count):
        store.record_attempt(a_report())
        store.record_hint("toy", 1)
    assert store.warnings == []
    store.close()


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "progress.sqlite"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_record_many, args=(path, 40)) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    store = Progress(path)
    assert len(store.attempts("toy")) == 240
    assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_concurrent_cli_checks_are_all_recorded(private_workspace):
    reference = str(FIXTURE_KIT / "solutions" / "toy.py")
    env = {"MLKATA_ROOT": str(FIXTURE_KIT), "MLKATA_HOME": str(private_workspace)}
    import os

    runs = [subprocess.Popen([MLKATA, "check", "toy", "--impl", reference, "--json"], stdout=subprocess.DEVNULL, env=dict(os.environ, **env)) for _ in range(4)]
    assert [run.wait(120) for run in runs] == [0, 0, 0, 0]
    store = Progress(private_workspace / "progress.sqlite")
    rows = store.connection.execute("SELECT status, own FROM attempts WHERE exercise = 'toy'").fetchall()
    assert rows == [("passed", 0)] * 4, "every run recorded; another file's pass is not the learner's"
    assert not store.exercise("toy").passed


def test_what_an_attempt_records(tmp_path):
    store = Progress(tmp_path / "p.sqlite")
    store.record_hint("toy", 1)
    store.record_hint("toy", 2)
    store.record_solution_view("toy", forced=True)
    store.record_attempt(a_report(score=5.0))
    row = store.connection.execute("SELECT exercise, score, max_score, status, hints_used, solution_viewed, time > 0, duration_s >= 0 FROM attempts").fetchone()
    assert row == ("toy", 5.0, 5.0, "passed", 2, 1, 1, 1)
    summary = store.exercise("toy")
    assert (summary.status, summary.hints_used, summary.solution_viewed) == ("passed", 2, True)
    assert store.exercise("strict").status == "not started"


def test_a_corrupt_database_is_moved_aside_with_a_warning(tmp_path):
    path = tmp_path / "progress.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    store = Progress(path)
    assert len(store.warnings) == 1 and "moved it to progress.sqlite.corrupt-" in store.warnings[0]
    assert [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    store.record_attempt(a_report())
    assert len(store.attempts()) == 1


def test_a_damaged_page_is_detected(tmp_path):
    path = tmp_path / "progress.sqlite"
    store = Progress(path)
    for _ in range(200):
        store.record_attempt(a_report())
    store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2: 4096 * 2 + 512] = b"\xff" * 512  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    reopened = Progress(path)
    assert reopened.warnings and "could not be used" in reopened.warnings[0]
    reopened.record_attempt(a_report())


def test_an_unopenable_database_is_moved_aside(tmp_path):
    path = tmp_path / "progress.sqlite"
    path.mkdir()  # a directory where the file should be
    store = Progress(path)
    assert store.warnings
    store.record_attempt(a_report())
    assert len(store.attempts()) == 1


def test_the_cli_grades_through_a_corrupt_database(private_workspace):
    private_workspace.mkdir(parents=True)
    (private_workspace / "progress.sqlite").write_bytes(b"garbage" * 1000)
    result = run_cli("check", "toy", "--impl", str(FIXTURE_KIT / "solutions" / "toy.py"), root=FIXTURE_KIT)
    assert result.returncode == 0
    assert "warning:" in result.stderr and "moved it to" in result.stderr
    assert "Traceback" not in result.stderr
    assert sqlite3.connect(private_workspace / "progress.sqlite").execute("SELECT COUNT(*) FROM attempts").fetchone() == (1,)


def test_a_store_from_an_earlier_schema_gains_the_new_columns(tmp_path):
    path = tmp_path / "progress.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE attempts (id INTEGER PRIMARY KEY, time REAL NOT NULL, exercise TEXT NOT NULL, score REAL NOT NULL, max_score REAL NOT NULL, status TEXT NOT NULL, duration_s REAL NOT NULL, seed INTEGER, impl TEXT, hints_used INTEGER NOT NULL, solution_viewed INTEGER NOT NULL)")
    old.execute("INSERT INTO attempts (time, exercise, score, max_score, status, duration_s, hints_used, solution_viewed) VALUES (1, 'toy', 5, 5, 'passed', 0.1, 0, 0)")
    old.commit()
    old.close()
    store = Progress(path)
    assert store.warnings == []
    store.record_attempt(a_report())
    assert store.exercise("toy").passed and len(store.attempts("toy")) == 2
