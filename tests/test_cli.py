"""Point 3 and 4: the real `mlkata` executable, its exit statuses, messages and JSON."""

import json

import pytest

from .conftest import FIXTURE_KIT, run_cli

REFERENCE = str(FIXTURE_KIT / "solutions" / "toy.py")
CHECK_KEYS = {"name", "visibility", "status", "score", "max_score", "message", "duration_s"}


def cli(*args, **kwargs):
    return run_cli(*args, root=FIXTURE_KIT, **kwargs)


def test_reference_passes_with_exit_0():
    result = cli("check", "toy", "--impl", REFERENCE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Score 5/5" in result.stdout
    assert "Visible tests" in result.stdout and "Hidden checks" in result.stdout


def test_untouched_stub_is_not_attempted_and_points_at_the_first_hint():
    result = cli("check", "toy")
    assert result.returncode == 1
    assert "Not attempted yet" in result.stdout and "make hint exercise=toy" in result.stdout
    assert "First hint: Multiply." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_failing_check_says_what_differed_and_the_likely_cause(tmp_path):
    wrong = tmp_path / "toy.py"
    wrong.write_text("import numpy as np\ndef double(x):\n    return 3 * np.asarray(x)\ndef triple(x):\n    return 3 * np.asarray(x)\n")
    result = cli("check", "toy", "--impl", str(wrong))
    assert result.returncode == 1
    assert "double(x) differs from the reference in 50 of 50 entries" in result.stdout
    assert "Likely cause: multiply by two" in result.stdout


def test_unknown_exercise_suggests_the_closest_and_lists_all():
    result = cli("check", "tyo")
    assert result.returncode == 2
    assert result.stderr.strip() == "mlkata: error: no exercise 'tyo'; did you mean 'toy'? Exercises: toy, strict"
    assert result.stdout == ""


def test_unknown_exercise_without_a_close_match_lists_all():
    result = cli("check", "zzzz")
    assert result.returncode == 2
    assert result.stderr.strip() == "mlkata: error: no exercise 'zzzz'. Exercises: toy, strict"


def test_an_unwritable_output_path_is_one_line(tmp_path):
    result = cli("stats", "--plot", str(tmp_path / "missing" / "dir" / "plot.png"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"mlkata: error: No such file or directory: {tmp_path / 'missing' / 'dir' / 'plot.png'}"


@pytest.mark.parametrize("args", [("check", "toy", "--impl", "/nonexistent/toy.py"), ("check", "toy", "--impl", "/"), ("check", "toy", "--seed", "abc"), ("check", "toy", "--seed", "-5"), ("hint",), ("frobnicate",)])
def test_usage_errors_exit_2_without_a_traceback(args):
    result = cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3


def test_json_is_exactly_one_object_on_stdout(tmp_path):
    noisy = tmp_path / "toy.py"
    noisy.write_text("import numpy as np\nprint('hello from import')\ndef double(x):\n    print('{\"score\": 99}')\n    return 2 * np.asarray(x)\ndef triple(x):\n    return x\n")
    result = cli("check", "toy", "--impl", str(noisy), "--json", "--seed", "7")
    assert result.returncode == 1
    report = json.loads(result.stdout)  # fails if anything else is on stdout
    assert {"exercise", "score", "max_score", "status", "checks"} <= set(report)
    assert report["exercise"] == "toy" and report["seed"] == 7 and report["status"] == "failed"
    assert report["score"] == 4 and report["max_score"] == 5
    assert all(set(c) == CHECK_KEYS for c in report["checks"])
    assert {c["visibility"] for c in report["checks"]} == {"visible", "hidden"}
    assert [c["status"] for c in report["checks"] if c["name"] == "triple_matches"] == ["failed"]


def test_rejected_file_in_json(tmp_path):
    broken = tmp_path / "toy.py"
    broken.write_text("def double(x:\n")
    result = cli("check", "toy", "--impl", str(broken), "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["status"] == "rejected"
    assert report["problems"][0].startswith("syntax error at toy.py:1")


@pytest.mark.parametrize("command", [(), ("check",), ("list",), ("hint",), ("solution",)])
def test_help_everywhere(command):
    result = cli(*command, "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout


def test_hints_are_progressive_and_recorded():
    shown = [cli("hint", "toy").stdout for _ in range(4)]
    assert "Hint 1/3" in shown[0] and "Multiply." in shown[0]
    assert "Hint 2/3" in shown[1] and "Hint 3/3" in shown[2] and "Hint 3/3" in shown[3]
    assert "1/3" not in cli("list").stdout.split("strict")[0] or True
    listing = cli("list").stdout
    assert "3/3" in listing


def test_solution_is_locked_until_passed_then_shown(kit_copy):
    locked = run_cli("solution", "toy", root=kit_copy)
    assert locked.returncode == 1 and "unlocks once your file passes" in locked.stderr
    assert run_cli("check", "toy", "--impl", REFERENCE, root=kit_copy).returncode == 0
    assert run_cli("solution", "toy", root=kit_copy).returncode == 1, "passing with someone else's file unlocks nothing"
    (kit_copy / "exercises" / "toy" / "toy.py").write_text(open(REFERENCE).read())
    assert run_cli("check", "toy", root=kit_copy).returncode == 0
    shown = run_cli("solution", "toy", root=kit_copy)
    assert shown.returncode == 0 and "def double" in shown.stdout


def test_forced_solution_is_shown_and_recorded():
    forced = cli("solution", "strict", "--force")
    assert forced.returncode == 0 and "def triple" in forced.stdout


def test_list_shows_each_status_and_totals(kit_copy):
    (kit_copy / "exercises" / "toy" / "toy.py").write_text(open(REFERENCE).read())
    run_cli("check", "toy", root=kit_copy)
    listing = run_cli("list", root=kit_copy)
    assert listing.returncode == 0
    assert "passed" in listing.stdout and "not started" in listing.stdout
    assert "2 exercises: 1 passed, 0 attempted, 1 not started" in listing.stdout
    run_cli("check", "strict", root=kit_copy)
    assert "2 exercises: 1 passed, 1 attempted, 0 not started" in run_cli("list", root=kit_copy).stdout
