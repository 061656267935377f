"""The learner's files: resetting to the stub, and the backups that make it safe.

Nothing the learner wrote is ever lost: every overwrite first copies the file to
``WORKSPACE/backups/NAME/TIMESTAMP.py`` (fsynced), and writes go through a temporary file
and an atomic rename, so a crash or a kill at any point leaves either the old or the new
file, never half of one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Exercise
from .clock import now
from .errors import MlkataError


@dataclass(frozen=True)
class Backup:
    """One saved copy of a learner's file."""

    exercise: str
    path: Path

    @property
    def name(self) -> str:
        return self.path.stem


def backup_dir(workspace: Path, exercise: str) -> Path:
    return workspace / "backups" / exercise


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one rename, after the data is on disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def back_up(workspace: Path, exercise: str, path: Path) -> Backup | None:
    """Copy ``path`` to a new timestamped backup; None when there is no file to save."""
    if not path.is_file():
        return None
    directory = backup_dir(workspace, exercise)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = now().strftime("%Y%m%d-%H%M%S-%f")
    target = directory / f"{stamp}{path.suffix}"
    for n in range(1000):  # two backups within one microsecond (a frozen clock) still get their own file
        if not target.exists():
            break
        target = directory / f"{stamp}-{n + 1}{path.suffix}"
    atomic_write(target, path.read_text(encoding="utf-8"))
    return Backup(exercise, target)


def backups(workspace: Path, exercise: str) -> list[Backup]:
    """The backups of ``exercise``, oldest first."""
    directory = backup_dir(workspace, exercise)
    return [Backup(exercise, p) for p in sorted(directory.glob("[0-9]*"))] if directory.is_dir() else []


def reset(workspace: Path, exercise: Exercise, target: Path | None = None, backup_as: str | None = None) -> Backup | None:
    """Back up a file, then put the pristine stub (see :func:`pristine_stub`) in its place.

    ``target`` defaults to the learner's file ``exercises/NAME/NAME.py``; ``backup_as`` names
    the backup folder (default: the exercise's name; drills keep theirs apart).
    """
    target = target or exercise.stub
    stub_text = pristine_stub(exercise)  # before touching anything: no stub, no reset
    saved = back_up(workspace, backup_as or exercise.name, target)
    atomic_write(target, stub_text)
    return saved


def restore(workspace: Path, exercise: Exercise, backup_name: str | None = None) -> tuple[Backup, Backup | None]:
    """Bring back a backup (default: the newest), backing up the current file first.

    Returns the backup restored and the backup made of the file it replaced.
    """
    available = backups(workspace, exercise.name)
    if not available:
        raise MlkataError(f"{exercise.name} has no backups yet")
    chosen = available[-1] if backup_name is None else next((b for b in available if b.name == backup_name), None)
    if chosen is None:
        names = ", ".join(b.name for b in available[-5:])
        raise MlkataError(f"{exercise.name} has no backup '{backup_name}'; the newest are: {names}")
    text = chosen.path.read_text(encoding="utf-8")
    saved = back_up(workspace, exercise.name, exercise.stub)
    atomic_write(exercise.stub, text)
    return chosen, saved


def pristine_stub(exercise: Exercise) -> str:
    """The stub as the kit ships it, recovered from git.

    The learner edits the stub in place, so the shipped version comes from the kit's history:
    the upstream branch the clone tracks (which the learner does not push to), else ``HEAD``.
    """
    relative = exercise.stub.relative_to(exercise.root).as_posix()
    for ref in ("@{upstream}", "HEAD"):
        text = _git_show(exercise.root, f"{ref}:{relative}")
        if text is not None:
            return text
    raise MlkataError(f"cannot find the original stub of {exercise.name}: {exercise.root} is not a git clone of the kit")


def _git_show(root: Path, spec: str) -> str | None:
    import subprocess

    if not shutil.which("git"):
        return None
    result = subprocess.run(["git", "show", spec], cwd=root, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None
