"""The exercise contract of ../shared/DESIGN.md, enforced for every exercise in the catalogue.

1. the untouched stub is graded "not attempted" with score 0;
2. the visible tests fail on the stub and pass on the reference;
3. the reference gets full marks on several seeds (every scikit-learn comparison included);
4. every mutant in tests/mutants/NAME/ loses points, and a failing check's message names
   the mistake (the phrase after ``Expect:`` in the mutant's docstring);
5. a second correct solution in another style (tests/alternatives/NAME.py) gets full marks;
6. the reference obeys the import rules; README and at least three hints exist.
"""

import ast
from pathlib import Path

import pytest

from mlkata import catalogue, rules
from mlkata.judge import grade
from mlkata.results import NOT_ATTEMPTED, PASSED

ROOT = Path(__file__).resolve().parents[1]
KIT = catalogue.load(ROOT).exercises
NAMES = [e.name for e in KIT]
SEEDS = (0, 1, 2)


def mutants():
    for exercise in KIT:
        for path in sorted((ROOT / "tests" / "mutants" / exercise.name).glob("*.py")):
            yield pytest.param(exercise, path, id=f"{exercise.name}-{path.stem}")


def expected_phrase(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text())) or ""
    phrases = [line.split(":", 1)[1].strip() for line in doc.splitlines() if line.startswith("Expect:")]
    assert phrases, f"{path} needs an 'Expect: <phrase>' line in its docstring"
    return phrases[0]


def describe(report) -> str:
    return "\n".join(f"{c.name}: {c.status} {c.message}" for c in report.checks if c.status != PASSED)


@pytest.mark.parametrize("exercise", KIT, ids=NAMES)
def test_stub_is_not_attempted(exercise):
    report = grade(exercise)
    assert report.status == NOT_ATTEMPTED, describe(report)
    assert report.score == 0
    assert all(c.status == NOT_ATTEMPTED for c in report.checks if c.visibility == "visible")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("exercise", KIT, ids=NAMES)
def test_reference_gets_full_marks(exercise, seed):
    report = grade(exercise, exercise.reference, seed=seed)
    assert report.passed, describe(report)
    assert report.score == report.max_score > 0
    assert any(c.visibility == "visible" for c in report.checks), "every exercise has visible tests"


@pytest.mark.parametrize("seed", SEEDS[:2])
@pytest.mark.parametrize("exercise", KIT, ids=NAMES)
def test_second_correct_solution_gets_full_marks(exercise, seed):
    alternative = ROOT / "tests" / "alternatives" / f"{exercise.name}.py"
    assert alternative.is_file(), f"write a second correct solution in another style at {alternative}"
    report = grade(exercise, alternative, seed=seed)
    assert report.passed, describe(report)


@pytest.mark.parametrize("exercise", KIT, ids=NAMES)
def test_at_least_three_mutants(exercise):
    assert len(list((ROOT / "tests" / "mutants" / exercise.name).glob("*.py"))) >= 3


@pytest.mark.parametrize(("exercise", "mutant"), list(mutants()))
def test_mutant_is_caught_with_a_message_naming_the_mistake(exercise, mutant):
    report = grade(exercise, mutant)
    assert report.score < report.max_score, f"{mutant.name} got full marks"
    phrase = expected_phrase(mutant).lower()
    messages = [c.message.lower() for c in report.checks if c.status != PASSED]
    assert any(phrase in m for m in messages), f"no failing check mentions {phrase!r}:\n{describe(report)}"


@pytest.mark.parametrize("exercise", KIT, ids=NAMES)
def test_reference_obeys_the_import_rules(exercise):
    source = exercise.reference.read_text()
    assert rules.check_source(source, exercise.reference.name, exercise.requires, rules.ImportPolicy(exercise.imports)) == []


@pytest.mark.parametrize("exercise", KIT, ids=NAMES)
def test_readme_and_hints(exercise):
    readme = exercise.readme.read_text()
    for section in ("## The interview question", "## Task", "## API", "## Rules"):
        assert section in readme, f"{exercise.readme} lacks a '{section}' section"
    assert len(exercise.hints) >= 3


@pytest.mark.parametrize("exercise", KIT, ids=NAMES)
def test_grader_has_a_benchmark_for_make_bench(exercise):
    from mlkata.judge import load_trusted

    grader = load_trusted(exercise.grader, "mlkata_grader")
    assert hasattr(grader, "benchmark"), f"graders/{exercise.name}.py needs benchmark(reference) for `make bench`"
    case = grader.benchmark(load_trusted(exercise.reference, "mlkata_reference"))
    assert set(case) == {"input", "reference", "sklearn"} and callable(case["reference"]) and callable(case["sklearn"])
