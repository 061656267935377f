"""``mlkata watch``: re-grade on every save and take single-key commands.

Two threads feed one queue: one waits for file changes (watchfiles, debounced), one reads
single keys from the terminal. The main thread grades and redraws, so grading never races
with itself and a key pressed mid-grading is handled right after.
"""

from __future__ import annotations

import queue
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from .report import render

KEYS_HELP = "[dim]keys: [bold]h[/] hint · [bold]r[/] reset · [bold]n[/] next exercise · [bold]q[/] quit[/]"
DEBOUNCE_MS = 200


@contextmanager
def single_keys(stream):
    """Put the terminal in cbreak mode (keys arrive one at a time, unechoed) while inside."""
    if not stream.isatty():
        yield
        return
    import termios
    import tty

    saved = termios.tcgetattr(stream.fileno())
    try:
        tty.setcbreak(stream.fileno())
        yield
    finally:
        termios.tcsetattr(stream.fileno(), termios.TCSADRAIN, saved)


def _read_keys(stream, events: queue.Queue, stop: threading.Event) -> None:
    while not stop.is_set():
        key = stream.read(1)
        if not key:  # end of input: nothing more will come
            events.put(("key", "q"))
            return
        events.put(("key", key.lower()))


def _watch_files(directories: list[Path], events: queue.Queue, stop: threading.Event) -> None:
    from watchfiles import watch

    for changes in watch(*directories, debounce=DEBOUNCE_MS, step=50, stop_event=stop, raise_interrupt=False):
        events.put(("files", {Path(p).resolve() for _, p in changes}))


class Watcher:
    """The watch loop over one exercise (or, following, the learner's current one).

    Parameters
    ----------
    kit : mlkata.api.Kit
    name : str, optional
        The exercise to watch; None follows the first unsolved one and moves on when it passes.
    drill : bool
        Watch the open drill's file instead of the learner's own.
    console : rich.console.Console
    keys : file, optional
        Where single keys come from (default: standard input).
    """

    def __init__(self, kit, name, drill, console, keys=None):
        self.kit, self.console, self.keys = kit, console, keys or sys.stdin
        self.follow = name is None and not drill
        self.drill = kit.active_drill() if drill else None
        if drill and self.drill is None:
            from .errors import MlkataError

            raise MlkataError("no drill is open; start one with `mlkata drill [NAME]`")
        self.name = self.drill.exercise if self.drill else (name or self._first_unsolved())
        self.note = ""
        self.confirming = False

    def _first_unsolved(self) -> str:
        step = self.kit.next_step()
        return step.exercise if step.kind == "exercise" else self.kit.catalogue.names[0]

    @property
    def path(self) -> Path:
        return (self.drill.path if self.drill else self.kit.exercise(self.name).stub).resolve()

    def grade_and_draw(self) -> bool:
        self.console.clear()
        if self.drill:
            report, result = self.kit.check_drill()
            if result:
                self.note = f"[green]Drill passed in {result.minutes_taken:.0f} min[/] ({result.rating}); next review {result.next_review:%Y-%m-%d}."
                self.drill = None
        else:
            report = self.kit.check(self.name)
        hints = self.kit.exercise(self.name).hints
        render(report, self.console, hints[0] if hints else "", "press h")
        self.console.print(f"\nwatching {self.path}")
        if self.note:
            self.console.print(self.note)
            self.note = ""
        self.console.print(KEYS_HELP)
        return report.passed

    def run(self) -> int:
        events: queue.Queue = queue.Queue()
        stop = threading.Event()
        directories = sorted({self.kit.root / "exercises", self.kit.workspace / "drills"} if self.drill else {self.kit.root / "exercises"})
        for directory in directories:
            directory.mkdir(parents=True, exist_ok=True)
        threading.Thread(target=_watch_files, args=(directories, events, stop), daemon=True).start()
        with single_keys(self.keys):
            threading.Thread(target=_read_keys, args=(self.keys, events, stop), daemon=True).start()
            passed = self.grade_and_draw()
            self._move_on_if_passed(passed)
            try:
                while True:
                    kind, value = events.get()
                    if kind == "files" and self.path in value:
                        self._move_on_if_passed(self.grade_and_draw())
                    elif kind == "key" and not self._on_key(value):
                        break
            finally:
                stop.set()
        return 0

    def _move_on_if_passed(self, passed: bool) -> None:
        if self.follow and passed:
            step = self.kit.next_step()
            if step.kind == "exercise" and step.exercise != self.name:
                self.name = step.exercise
                self.note = f"[green]Passed![/] On to [bold]{self.name}[/]: {self.kit.exercise(self.name).title}."
                self.grade_and_draw()

    def _on_key(self, key: str) -> bool:
        """Act on one key; False means quit. A reset waits for the next key to confirm it."""
        if self.confirming:
            self.confirming = False
            if key == "y":
                self._reset()
            else:
                self.console.print("kept.")
            return True
        if key == "q":
            return False
        if key == "h":
            hint = self.kit.hint(self.name)
            self.console.print(f"\n[bold]Hint {hint.level}/{hint.total}[/]: {hint.text}")
        elif key == "r":
            self.console.print(f"\nReset {self.name} to the stub? Your file is backed up first. [y/N] ", end="")
            self.confirming = True
        elif key == "n" and not self.drill:
            names = self.kit.catalogue.names
            self.name = names[(names.index(self.name) + 1) % len(names)]
            self.grade_and_draw()
        return True

    def _reset(self) -> None:
        saved = self.kit.reset(self.name, self.drill)
        self.note = f"Reset; your file was saved as backup {saved.name}." if saved else "Reset."
        self.grade_and_draw()
