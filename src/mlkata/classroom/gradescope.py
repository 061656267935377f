"""A Gradescope autograder bundle, and what runs inside it for each submission.

``mlkata classroom gradescope NAME... --out autograder.zip`` writes a zip holding:

- ``setup.sh``: run once by Gradescope when it builds the image: a Python >= 3.11 virtual
  environment with the kit installed from the zip, at the versions of numpy, scipy and
  scikit-learn the instructor graded with (``kit/constraints.txt``);
- ``run_autograder``: run for each submission; grades every exercise's file found in
  ``/autograder/submission`` (``NAME.py``, or ``NAME.ipynb`` whose solution cells are graded)
  and writes ``/autograder/results/results.json``;
- ``mlkata_autograder.toml``: the exercises and the secret seed;
- ``kit/``: the engine, and only the chosen exercises' stubs, tests, references and graders.

Gradescope's layout is the default; ``MLKATA_AUTOGRADER_DIR`` moves its root (``/autograder``)
and ``MLKATA_AUTOGRADER_PYTHON`` names the interpreter, so tests can run the real scripts.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..catalogue import Catalogue
from .config import SeedChoice, load, new_seed
from .errors import CourseError

CONFIG_NAME = "mlkata_autograder.toml"
PINNED = ("numpy", "scipy", "scikit-learn", "nbformat")  # what decides the numbers the checks compare

SETUP_SH = r"""#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image.
set -euo pipefail
SOURCE="$(cd "$(dirname "$0")" && pwd)"
VENV="${MLKATA_AUTOGRADER_DIR:-/autograder}/mlkata-venv"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# bubblewrap confines each submission further where the container allows it; without it
# mlkata grades under resource limits and an audit hook.
apt-get install -y -q python3 python3-venv bubblewrap
PYTHON=python3
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    apt-get install -y -q python3.11 python3.11-venv  # mlkata needs Python >= 3.11
    PYTHON=python3.11
fi
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet --constraint "$SOURCE/kit/constraints.txt" "$SOURCE/kit" nbformat
# Fail the image build now rather than at the first submission.
MLKATA_ROOT="$SOURCE/kit" "$VENV/bin/python" -c 'import mlkata.judge, sklearn, nbformat; from mlkata.catalogue import load; load()'
"""

RUN_AUTOGRADER = r"""#!/usr/bin/env bash
# Gradescope runs this for each submission (as /autograder/run_autograder, from /autograder).
set -euo pipefail
AUTOGRADER="${MLKATA_AUTOGRADER_DIR:-/autograder}"
PYTHON="${MLKATA_AUTOGRADER_PYTHON:-$AUTOGRADER/mlkata-venv/bin/python}"
SOURCE="$AUTOGRADER/source"
mkdir -p "$AUTOGRADER/results"
export MLKATA_ROOT="$SOURCE/kit"
MLKATA_HOME="$(mktemp -d)"
export MLKATA_HOME
exec "$PYTHON" -m mlkata.classroom.gradescope --config "$SOURCE/mlkata_autograder.toml" \
    --submission "$AUTOGRADER/submission" --results "$AUTOGRADER/results/results.json"
"""


@dataclass
class Bundle:
    """A written autograder zip."""

    path: Path
    exercises: list[str]
    seed: SeedChoice


def build_bundle(catalogue: Catalogue, names: list[str], out: Path, course: Path | None = None, seed: int | None = None) -> Bundle:
    """Write the autograder zip for the exercises ``names``.

    Parameters
    ----------
    catalogue : Catalogue
        The kit to take the engine and the exercises from.
    names : list of str
        The exercises of the assignment.
    out : Path
        The zip to write.
    course : Path, optional
        Grade with this course's secret seed (``mlkata_course.toml``).
    seed : int, optional
        Grade with this seed; without it or ``course``, a new secret seed.
    """
    if course is not None and seed is not None:
        raise CourseError("give --course or --seed, not both")
    exercises = [catalogue[name] for name in dict.fromkeys(names)]
    if seed is not None:
        chosen = SeedChoice(int(seed), "given with --seed", secret=False)
    elif course is not None:
        config = load(course)
        chosen = SeedChoice(config.seed, f"the course's secret seed, from {config.path}", secret=True)
    else:
        chosen = SeedChoice(new_seed(), "a new secret seed, kept in the zip", secret=True)
    root = catalogue.root
    files: dict[str, bytes] = {}
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        files[f"kit/src/mlkata/{path.relative_to(package).as_posix()}"] = path.read_bytes()
    for name in ("pyproject.toml", "README.md", "exercises/catalogue.toml"):
        files[f"kit/{name}"] = (root / name).read_bytes()
    for exercise in exercises:
        for path in sorted(p for p in exercise.directory.iterdir() if p.is_file() and p.suffix in (".py", ".md")):
            files[f"kit/exercises/{exercise.name}/{path.name}"] = path.read_bytes()
        files[f"kit/solutions/{exercise.name}.py"] = exercise.reference.read_bytes()
        files[f"kit/graders/{exercise.name}.py"] = exercise.grader.read_bytes()
    files["kit/constraints.txt"] = _constraints().encode()
    settings = (f"# The autograder's settings. The seed is secret: this zip goes to Gradescope, never to students.\n"
                f"seed = {chosen.seed}\nexercises = {json.dumps([e.name for e in exercises])}\n")
    files[CONFIG_NAME] = settings.encode()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for script, text in (("setup.sh", SETUP_SH), ("run_autograder", RUN_AUTOGRADER)):
            info = zipfile.ZipInfo(script)
            info.external_attr = 0o100755 << 16  # executable: Gradescope runs both directly
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
        for name, data in files.items():
            archive.writestr(name, data)
    return Bundle(out, [e.name for e in exercises], chosen)


def _constraints() -> str:
    lines = []
    for package in PINNED:
        try:
            lines.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            continue
    return "\n".join(lines) + "\n"


def find_in_submission(folder: Path, name: str) -> Path | None:
    """``NAME.py`` (preferred) or ``NAME.ipynb`` in Gradescope's submission folder, at the
    shallowest depth: students upload files, a zip, or a repository."""
    candidates = [p for suffix in (".py", ".ipynb") for p in Path(folder).rglob(f"{name}{suffix}")
                  if p.is_file() and not any(part.startswith(".") or part == "__MACOSX" for part in p.relative_to(folder).parts)]
    return min(candidates, key=lambda p: (len(p.relative_to(folder).parts), p.suffix != ".py", str(p)), default=None)


def run(config_path: Path, submission: Path, results: Path) -> dict:
    """Grade a Gradescope submission on every exercise of the bundle; write ``results``."""
    from ..catalogue import load as load_catalogue
    from .outline import blank_report
    from .outputs import results_json
    from ..judge import grade_source
    from .submission import UnreadableSubmission, read_source

    settings = tomllib.loads(Path(config_path).read_text(encoding="utf-8"))
    seed = int(settings["seed"])
    catalogue = load_catalogue()
    reports = []
    for name in settings["exercises"]:
        exercise = catalogue[name]
        path = find_in_submission(submission, name)
        if path is None:
            reports.append(blank_report(exercise, seed, f"your submission has no {name}.py or {name}.ipynb"))
            continue
        label = str(path.relative_to(submission))
        try:
            reports.append(grade_source(exercise, read_source(path), seed, label=label))
        except UnreadableSubmission as error:
            reports.append(blank_report(exercise, seed, str(error), label))
    data = results_json(reports, "Graded in a sandbox with the course's secret seed.")
    Path(results).parent.mkdir(parents=True, exist_ok=True)
    Path(results).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> int:
    """``python -m mlkata.classroom.gradescope``: what ``run_autograder`` runs."""
    parser = argparse.ArgumentParser(prog="python -m mlkata.classroom.gradescope", description=run.__doc__)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--submission", type=Path, required=True)
    parser.add_argument("--results", type=Path, required=True)
    args = parser.parse_args(argv)
    data = run(args.config, args.submission, args.results)
    out = io.StringIO()
    for test in data["tests"]:
        out.write(f"{test['score']:g}/{test['max_score']:g}  {test['name']}\n")
    sys.stdout.write(out.getvalue() + f"score {data['score']:g}\n")  # the instructor's log on Gradescope
    return 0


if __name__ == "__main__":
    sys.exit(main())
