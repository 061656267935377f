"""The learner's progress: one SQLite file in the workspace (``.mlkata/progress.sqlite``).

Every grading run, hint and solution view is a row. Concurrent runs are safe (WAL journal,
a busy timeout, one short transaction per write). A database that cannot be opened or read
is moved aside with a warning and a fresh one started; grading never fails because of it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from .clock import timestamp

SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY, time REAL NOT NULL, exercise TEXT NOT NULL, score REAL NOT NULL,
    max_score REAL NOT NULL, status TEXT NOT NULL, duration_s REAL NOT NULL, seed INTEGER,
    impl TEXT, hints_used INTEGER NOT NULL, solution_viewed INTEGER NOT NULL, drill_id INTEGER,
    own INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS hints (id INTEGER PRIMARY KEY, time REAL NOT NULL, exercise TEXT NOT NULL, level INTEGER NOT NULL, drill_id INTEGER);
CREATE TABLE IF NOT EXISTS solution_views (id INTEGER PRIMARY KEY, time REAL NOT NULL, exercise TEXT NOT NULL, forced INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS drills (
    id INTEGER PRIMARY KEY, exercise TEXT NOT NULL, started REAL NOT NULL, minutes REAL NOT NULL,
    path TEXT NOT NULL, finished REAL, passed INTEGER, score REAL, max_score REAL, hints INTEGER, rating INTEGER
);
CREATE TABLE IF NOT EXISTS cards (exercise TEXT PRIMARY KEY, card TEXT NOT NULL, due REAL NOT NULL);
CREATE TABLE IF NOT EXISTS review_logs (id INTEGER PRIMARY KEY, time REAL NOT NULL, exercise TEXT NOT NULL, log TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS attempts_by_exercise ON attempts (exercise, time);
"""

# Columns added after the first release of the schema, added in place to older stores.
ADDED_COLUMNS = [("attempts", "drill_id", "INTEGER"), ("hints", "drill_id", "INTEGER"), ("attempts", "own", "INTEGER NOT NULL DEFAULT 1")]


def workspace(root: Path) -> Path:
    """Where progress lives: ``$MLKATA_HOME``, else ``ROOT/.mlkata``."""
    return Path(os.environ.get("MLKATA_HOME") or root / ".mlkata")


@dataclass
class ExerciseProgress:
    """What the store knows of one exercise."""

    attempts: int
    best_score: float
    passed: bool
    hints_used: int
    solution_viewed: bool

    @property
    def status(self) -> str:
        if self.passed:
            return "passed"
        return "attempted" if self.attempts else "not started"


class Progress:
    """The progress store of one workspace.

    Parameters
    ----------
    path : Path
        The SQLite file; its directory is created if needed.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.warnings: list[str] = []
        self.connection = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect(self.path)
        except (sqlite3.Error, OSError) as error:
            moved = self._move_aside()
            self.warnings.append(f"progress store {self.path} could not be used ({error}); " + (f"moved it to {moved.name} and started a fresh one" if moved else "keeping this run's progress in memory only"))
        try:
            return self._connect(self.path)
        except (sqlite3.Error, OSError):
            return self._connect(":memory:")

    @staticmethod
    def _connect(path) -> sqlite3.Connection:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        try:
            connection.execute("PRAGMA busy_timeout = 30000")
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            connection.execute("PRAGMA journal_mode = WAL")
            with connection:  # one transaction, so concurrent first runs agree on the schema
                connection.execute("BEGIN IMMEDIATE")
                for statement in filter(str.strip, SCHEMA.split(";")):
                    connection.execute(statement)
                for table, column, kind in ADDED_COLUMNS:  # stores made by earlier versions
                    if column not in {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}:
                        connection.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _move_aside(self) -> Path | None:
        if not self.path.exists():
            return None
        target = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
        try:
            self.path.rename(target)
        except OSError:
            return None
        for suffix in ("-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        return target

    def _write(self, sql: str, params: tuple) -> None:
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                self.connection.execute(sql, params)
        except sqlite3.Error as error:
            self.warnings.append(f"could not record progress in {self.path}: {error}")

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self.connection.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            self.warnings.append(f"could not read progress from {self.path}: {error}")
            return []

    # -- writes -----------------------------------------------------------------------

    def record_attempt(self, report, drill_id: int | None = None, own: bool = True) -> None:
        """Record one grading run (a :class:`~mlkata.results.Report`).

        ``drill_id`` marks a drill's attempt; ``own=False`` another file graded with
        ``--impl``. Only the learner's own attempts make an exercise attempted or passed.
        """
        summary = self.exercise(report.exercise)
        self._write(
            "INSERT INTO attempts (time, exercise, score, max_score, status, duration_s, seed, impl, hints_used, solution_viewed, drill_id, own) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (timestamp(), report.exercise, report.score, report.max_score, report.status, report.duration_s, report.seed, report.impl, summary.hints_used, int(summary.solution_viewed), drill_id, int(own)),
        )

    def record_hint(self, exercise: str, level: int, drill_id: int | None = None) -> None:
        self._write("INSERT INTO hints (time, exercise, level, drill_id) VALUES (?,?,?,?)", (timestamp(), exercise, level, drill_id))

    def record_solution_view(self, exercise: str, forced: bool) -> None:
        self._write("INSERT INTO solution_views (time, exercise, forced) VALUES (?,?,?)", (timestamp(), exercise, int(forced)))

    def start_drill(self, exercise: str, minutes: float, path: str) -> int:
        """Open a drill and return its id."""
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                cursor = self.connection.execute("INSERT INTO drills (exercise, started, minutes, path) VALUES (?,?,?,?)", (exercise, timestamp(), minutes, path))
                return cursor.lastrowid
        except sqlite3.Error as error:
            self.warnings.append(f"could not record the drill in {self.path}: {error}")
            return 0

    def finish_drill(self, drill_id: int, passed: bool, score: float, max_score: float, hints: int, rating: int) -> None:
        self._write("UPDATE drills SET finished = ?, passed = ?, score = ?, max_score = ?, hints = ?, rating = ? WHERE id = ?",
                    (timestamp(), int(passed), score, max_score, hints, rating, drill_id))

    def save_card(self, exercise: str, card_json: str, due: float, log_json: str) -> None:
        """Store an exercise's spaced-repetition card and the review that produced it, atomically."""
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                self.connection.execute("INSERT OR REPLACE INTO cards (exercise, card, due) VALUES (?,?,?)", (exercise, card_json, due))
                self.connection.execute("INSERT INTO review_logs (time, exercise, log) VALUES (?,?,?)", (timestamp(), exercise, log_json))
        except sqlite3.Error as error:
            self.warnings.append(f"could not record the review in {self.path}: {error}")

    # -- reads ------------------------------------------------------------------------

    def exercise(self, name: str) -> ExerciseProgress:
        """Attempts, best score, hints and solution views of one exercise."""
        (count, best, passed), = self._read("SELECT COUNT(*), COALESCE(MAX(score), 0), COALESCE(MAX(status = 'passed'), 0) FROM attempts WHERE exercise = ? AND drill_id IS NULL AND own = 1", (name,)) or [(0, 0, 0)]
        (hints,), = self._read("SELECT COALESCE(MAX(level), 0) FROM hints WHERE exercise = ? AND drill_id IS NULL", (name,)) or [(0,)]
        (views,), = self._read("SELECT COUNT(*) FROM solution_views WHERE exercise = ?", (name,)) or [(0,)]
        return ExerciseProgress(count, best, bool(passed), hints, bool(views))

    def attempts(self, exercise: str | None = None) -> list[tuple]:
        """The learner's own rows ``(time, exercise, score, max_score, status, hints_used, drill_id)``, oldest first."""
        where, params = ("WHERE own = 1 AND exercise = ?", (exercise,)) if exercise else ("WHERE own = 1", ())
        return self._read(f"SELECT time, exercise, score, max_score, status, hints_used, drill_id FROM attempts {where} ORDER BY id", params)

    def active_drill(self) -> tuple | None:
        """The open drill ``(id, exercise, started, minutes, path)``, if any (the newest)."""
        rows = self._read("SELECT id, exercise, started, minutes, path FROM drills WHERE finished IS NULL ORDER BY id DESC LIMIT 1")
        return rows[0] if rows else None

    def drills(self) -> list[tuple]:
        """Finished drills ``(exercise, started, finished, passed, hints, rating)``, oldest first."""
        return self._read("SELECT exercise, started, finished, passed, hints, rating FROM drills WHERE finished IS NOT NULL ORDER BY id")

    def drill_hints(self, drill_id: int) -> int:
        (count,), = self._read("SELECT COUNT(*) FROM hints WHERE drill_id = ?", (drill_id,)) or [(0,)]
        return count

    def cards(self) -> dict[str, tuple[str, float]]:
        """Every exercise's card: ``{exercise: (card_json, due_timestamp)}``."""
        return {exercise: (card, due) for exercise, card, due in self._read("SELECT exercise, card, due FROM cards")}

    def close(self) -> None:
        self.connection.close()
