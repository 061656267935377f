"""The catalogue file, the README table generated from it, and the list grouped by topic."""

from pathlib import Path

import pytest

from mlkata import catalogue
from mlkata.errors import BadCatalogue, UnknownExercise

from .conftest import FIXTURE_KIT, run_cli

ROOT = Path(__file__).resolve().parents[1]


def test_readme_table_is_in_step_with_the_catalogue():
    kit = catalogue.load(ROOT)
    readme = (ROOT / "README.md").read_text()
    assert catalogue.readme_with_table(readme, kit) == readme, "run: .venv/bin/python -m mlkata.catalogue_table"


def test_every_catalogued_exercise_has_its_files():
    for exercise in catalogue.load(ROOT):
        for path in (exercise.stub, exercise.visible_tests, exercise.readme, exercise.reference, exercise.grader):
            assert path.is_file(), f"{exercise.name}: missing {path.relative_to(ROOT)}"


def test_every_exercise_directory_is_catalogued():
    names = set(catalogue.load(ROOT).names)
    directories = {p.name for p in (ROOT / "exercises").iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert directories == names


def test_paths_are_derived_from_the_name():
    toy = catalogue.load(FIXTURE_KIT)["toy"]
    assert toy.stub == FIXTURE_KIT / "exercises" / "toy" / "toy.py"
    assert toy.grader == FIXTURE_KIT / "graders" / "toy.py"
    assert toy.reference == FIXTURE_KIT / "solutions" / "toy.py"


def test_unknown_name_suggests_the_closest():
    with pytest.raises(UnknownExercise, match=r"no exercise 'tyo'; did you mean 'toy'\?"):
        catalogue.load(FIXTURE_KIT)["tyo"]


def test_a_malformed_entry_names_itself(tmp_path):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "catalogue.toml").write_text('[[exercise]]\nname = "x"\ntitle = "t"\n')
    with pytest.raises(BadCatalogue, match="exercise 'x' lacks the field 'topic'"):
        catalogue.load(tmp_path)


def test_list_groups_by_topic_in_learning_order():
    listing = run_cli("list", root=FIXTURE_KIT).stdout
    assert listing.index("supervised") < listing.index("toy") < listing.index("evaluation") < listing.index("strict")
