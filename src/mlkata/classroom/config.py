"""The course's private settings: ``mlkata_course.toml`` at the root of an nbgrader course.

It holds the **secret seed**: every hidden check draws its data from it, so a student who
hard-codes the answers to the default seed (which every learner sees) gains nothing. Both
grading paths read the same file: ``mlkata grade`` (found above the submissions folder, or
given with ``--course``) and the hidden cells that nbgrader runs (found above the notebook
being graded). nbgrader never copies it: only ``source/ASSIGNMENT/`` is released.
"""

from __future__ import annotations

import json
import os
import secrets
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CourseError

CONFIG_NAME = "mlkata_course.toml"
COURSE_ENV = "MLKATA_COURSE"  # overrides the search upwards, e.g. for a custom nbgrader layout


@dataclass
class CourseConfig:
    """What ``mlkata_course.toml`` holds.

    Attributes
    ----------
    path : Path
        The file itself; its directory is the course root.
    seed : int
        The secret seed of every grading run of the course.
    kit : Path or None
        The mlkata kit (catalogue, graders, references) the course was built from.
    assignments : dict of str to list of str
        Each assignment's exercises, in notebook order.
    """

    path: Path
    seed: int
    kit: Path | None = None
    assignments: dict[str, list[str]] = field(default_factory=dict)

    @property
    def course(self) -> Path:
        return self.path.parent

    def to_toml(self) -> str:
        # Strings are written as JSON strings, which TOML reads as basic strings.
        lines = [
            "# mlkata classroom settings of this nbgrader course, written by `mlkata classroom build`.",
            "# Keep this file private. `seed` decides the data of every hidden check: students who knew",
            "# it could tailor their code to it. Changing it changes every grade at the next grading.",
            f"seed = {self.seed}",
        ]
        if self.kit is not None:
            lines.append(f"kit = {json.dumps(str(self.kit))}")
        lines += ["", "[assignments]"]
        lines += [f"{json.dumps(name)} = {json.dumps(list(names))}" for name, names in sorted(self.assignments.items())]
        return "\n".join(lines) + "\n"


def new_seed() -> int:
    """A fresh secret seed: never 0, the default every learner sees."""
    return secrets.randbelow(2**31 - 1) + 1


def load(path: Path) -> CourseConfig:
    """Read ``path`` (a course directory or the file itself)."""
    path = Path(path)
    if path.is_dir():
        path = path / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CourseError(f"{path} does not exist; build the course with `mlkata classroom build`") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CourseError(f"{path} cannot be read: {error}") from None
    seed = data.get("seed")
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise CourseError(f"{path}: `seed` must be a non-negative integer, found {seed!r}")
    assignments = data.get("assignments", {})
    if not isinstance(assignments, dict) or not all(isinstance(v, list) for v in assignments.values()):
        raise CourseError(f"{path}: [assignments] must map each assignment to a list of exercises")
    kit = data.get("kit")
    return CourseConfig(path.resolve(), seed, Path(kit) if kit else None, {k: [str(n) for n in v] for k, v in assignments.items()})


def find(start: Path) -> CourseConfig | None:
    """The settings of the course ``start`` lies in: ``$MLKATA_COURSE``, else the nearest
    ``mlkata_course.toml`` in ``start`` or above it; None when there is none."""
    if os.environ.get(COURSE_ENV):
        return load(Path(os.environ[COURSE_ENV]))
    start = Path(start).resolve()
    for directory in (start, *start.parents) if start.is_dir() else start.parents:
        if (directory / CONFIG_NAME).is_file():
            return load(directory)
    return None


def record_assignment(course: Path, kit: Path, assignment: str, names: list[str]) -> CourseConfig:
    """Create the course's settings (with a new secret seed) or add ``assignment`` to them.

    An existing seed is never changed: grades already given stay reproducible.
    """
    path = Path(course) / CONFIG_NAME
    config = load(path) if path.exists() else CourseConfig(path.resolve(), new_seed())
    config.kit = Path(kit).resolve()
    config.assignments[assignment] = list(names)
    path.write_text(config.to_toml(), encoding="utf-8")
    os.chmod(path, 0o600)  # the seed is a secret: readable by the instructor only
    return config


@dataclass(frozen=True)
class SeedChoice:
    """The seed a grading run uses and where it came from (said in every report)."""

    seed: int
    source: str
    secret: bool

    def describe(self) -> str:
        return f"seed {self.seed} ({self.source})"


def choose_seed(seed: int | None, course: Path | None, near: Path) -> SeedChoice:
    """``--seed`` if given, else the course's secret seed (``--course``, or found above
    ``near``), else the default seed, which students know."""
    from ..judge import DEFAULT_SEED

    if seed is not None:
        return SeedChoice(int(seed), "given with --seed", secret=False)
    config = load(course) if course is not None else find(near)
    if config is not None:
        return SeedChoice(config.seed, f"the course's secret seed, from {config.path}", secret=True)
    return SeedChoice(DEFAULT_SEED, "the default seed, which students know: pass --course or --seed for a secret one", secret=False)
