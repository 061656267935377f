"""The exercise catalogue: ``exercises/catalogue.toml`` and the paths derived from a name.

Every path is computed from the exercise name and the kit root, never stored twice.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadCatalogue, KitNotFound, UnknownExercise

CATALOGUE = Path("exercises") / "catalogue.toml"
TOPICS = ("supervised", "evaluation", "preprocessing", "unsupervised")


@dataclass(frozen=True)
class Exercise:
    """One catalogue entry.

    Attributes
    ----------
    name : str
        Identifier, also the stem of every file of the exercise.
    root : Path
        The kit root the paths below are derived from.
    title, topic, difficulty : str
        What ``mlkata list`` shows.
    minutes : int
        Time budget for an interview-style attempt.
    requires : tuple of str
        Top-level names the learner's file must define.
    imports : tuple of str
        Modules the learner may import beyond the safe standard library
        (``"numpy"``, or a submodule such as ``"sklearn.tree"``).
    hints : tuple of str
        Progressive hints, vaguest first.
    timeout_s : float
        Time limit of the learner's code per check.
    memory_mb : int
        Address-space limit of the sandbox child.
    """

    name: str
    root: Path
    title: str
    topic: str
    difficulty: str
    minutes: int
    requires: tuple[str, ...]
    imports: tuple[str, ...]
    hints: tuple[str, ...]
    timeout_s: float = 10.0
    memory_mb: int = 2048

    @property
    def directory(self) -> Path:
        return self.root / "exercises" / self.name

    @property
    def stub(self) -> Path:
        return self.directory / f"{self.name}.py"

    @property
    def visible_tests(self) -> Path:
        return self.directory / f"test_{self.name}.py"

    @property
    def readme(self) -> Path:
        return self.directory / "README.md"

    @property
    def reference(self) -> Path:
        return self.root / "solutions" / f"{self.name}.py"

    @property
    def grader(self) -> Path:
        return self.root / "graders" / f"{self.name}.py"


@dataclass
class Catalogue:
    """The ordered exercises of one kit."""

    root: Path
    exercises: list[Exercise] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [e.name for e in self.exercises]

    def __getitem__(self, name: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.name == name:
                return exercise
        raise UnknownExercise(name, self.names)

    def __iter__(self):
        return iter(self.exercises)


def find_root(start: Path | None = None) -> Path:
    """Locate the kit: ``$MLKATA_ROOT``, else the nearest directory holding the catalogue.

    The search starts at ``start`` (default: the current directory) and falls back to the
    checkout this package was installed from in editable mode.
    """
    if os.environ.get("MLKATA_ROOT"):
        root = Path(os.environ["MLKATA_ROOT"]).resolve()
        if not (root / CATALOGUE).is_file():
            raise KitNotFound(f"MLKATA_ROOT={root} has no {CATALOGUE}")
        return root
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents, Path(__file__).resolve().parents[2]):
        if (candidate / CATALOGUE).is_file():
            return candidate
    raise KitNotFound(f"no {CATALOGUE} here or above {here}; run mlkata inside the kit")


def load(root: Path | None = None) -> Catalogue:
    """Read and validate the catalogue of the kit at ``root`` (default: :func:`find_root`)."""
    root = root or find_root()
    path = root / CATALOGUE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise BadCatalogue(f"{path}: {error}") from None
    catalogue = Catalogue(root)
    for entry in data.get("exercise", []):
        catalogue.exercises.append(_entry(root, entry, path))
    return catalogue


def _entry(root: Path, entry: dict, path: Path) -> Exercise:
    name = entry.get("name", "?")
    try:
        exercise = Exercise(
            name=entry["name"],
            root=root,
            title=entry["title"],
            topic=entry["topic"],
            difficulty=entry["difficulty"],
            minutes=int(entry["minutes"]),
            requires=tuple(entry["requires"]),
            imports=tuple(entry.get("imports", ["numpy"])),
            hints=tuple(entry["hints"]),
            timeout_s=float(entry.get("timeout_s", 10.0)),
            memory_mb=int(entry.get("memory_mb", 2048)),
        )
    except KeyError as missing:
        raise BadCatalogue(f"{path}: exercise '{name}' lacks the field {missing}") from None
    if exercise.topic not in TOPICS:
        raise BadCatalogue(f"{path}: exercise '{name}' has topic '{exercise.topic}', not one of {TOPICS}")
    return exercise


def by_topic(catalogue: Catalogue) -> list[tuple[str, list[Exercise]]]:
    """The exercises grouped by topic, topics in :data:`TOPICS` order, each in catalogue order."""
    return [(topic, [e for e in catalogue if e.topic == topic]) for topic in TOPICS if any(e.topic == topic for e in catalogue)]


README_BEGIN = "<!-- catalogue:begin"
README_END = "<!-- catalogue:end -->"


def markdown_table(catalogue: Catalogue) -> str:
    """The README's catalogue table, generated from the catalogue file."""
    rows = ["| topic | exercise | what you implement | difficulty | minutes |", "| --- | --- | --- | --- | --- |"]
    for topic, exercises in by_topic(catalogue):
        rows += [f"| {topic} | [{e.name}](exercises/{e.name}/README.md) | {e.title} | {e.difficulty} | {e.minutes} |" for e in exercises]
    return "\n".join(rows)


def readme_with_table(readme: str, catalogue: Catalogue) -> str:
    """``readme`` with the text between the catalogue markers replaced by the current table."""
    start = readme.index(README_BEGIN)
    start = readme.index("\n", start) + 1
    end = readme.index(README_END)
    return readme[:start] + markdown_table(catalogue) + "\n" + readme[end:]
