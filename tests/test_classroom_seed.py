"""The secret seed: an instructor's grading draws the hidden checks' data from the course's
seed, so code tailored to the default seed's data (which every learner sees) gains nothing,
and every report says which seed graded it."""

import json
import zlib

import numpy as np

from .conftest import FIXTURE_KIT, run_cli


def default_seed_inputs():
    """The x that toy's check double_matches draws with the default seed 0, as any learner
    can find out by running `mlkata check` with a print in their code."""
    return np.random.default_rng([0, zlib.crc32(b"double_matches")]).normal(size=50)


CHEAT = f"""import numpy as np

KNOWN = np.array({default_seed_inputs().tolist()!r})


def double(x):
    x = np.asarray(x, dtype=float)
    if x.shape == KNOWN.shape and np.allclose(x, KNOWN):
        return 2 * KNOWN  # the memorised answer
    return x  # no idea otherwise


def triple(x):
    return 3 * np.asarray(x, dtype=float)
"""


def test_answers_tailored_to_the_default_seed_gain_nothing_under_the_course_seed(tmp_path):
    course = tmp_path / "course"
    (course / "submitted" / "mallory").mkdir(parents=True)
    (course / "submitted" / "mallory" / "toy.py").write_text(CHEAT)
    (course / "mlkata_course.toml").write_text('seed = 8675309\n\n[assignments]\nhw1 = ["toy"]\n')

    known = run_cli("grade", "toy", str(course / "submitted"), "--out", str(tmp_path / "known"), "--seed", "0", root=FIXTURE_KIT)
    secret = run_cli("grade", "toy", str(course / "submitted"), "--out", str(tmp_path / "secret"), root=FIXTURE_KIT)
    assert known.returncode == secret.returncode == 0, known.stderr + secret.stderr

    def double_matches(out):
        return next(t for t in json.loads((out / "mallory" / "results.json").read_text())["tests"] if t["extra_data"]["check"] == "double_matches")

    assert double_matches(tmp_path / "known")["score"] == 2.0  # the cheat works on the seed students know...
    assert double_matches(tmp_path / "secret")["score"] == 0.0  # ...and not on the course's
    # Which seed graded: the instructor's files say it; students are told only that it is secret.
    results = json.loads((tmp_path / "secret" / "mallory" / "results.json").read_text())
    assert results["extra_data"]["seed"] == 8675309
    assert "8675309" not in results["output"] and "course's secret seed" in results["output"]
    assert f"seed 8675309 (the course's secret seed, from {course / 'mlkata_course.toml'})" in (tmp_path / "secret" / "summary.md").read_text()
    assert "course's secret seed" in secret.stdout
    assert "the default seed" not in secret.stderr and "seed 0 (given with --seed)" in known.stderr
