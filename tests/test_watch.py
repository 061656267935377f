"""Watch mode driven as a user would: a real terminal (pty), real file saves, single keys."""

import os
import sys

import pexpect

from .conftest import FIXTURE_KIT, MLKATA

SOLUTION = (FIXTURE_KIT / "solutions" / "toy.py").read_text()
TIMEOUT = 60


def spawn(kit, workspace, *args):
    env = dict(os.environ, MLKATA_ROOT=str(kit), MLKATA_HOME=str(workspace), COLUMNS="120", LINES="50", TERM="xterm")
    return pexpect.spawn(MLKATA, ["watch", *args], env=env, encoding="utf-8", timeout=TIMEOUT, dimensions=(50, 120))


def test_regrades_on_save_and_answers_keys(kit_copy, private_workspace):
    learner = kit_copy / "exercises" / "toy" / "toy.py"
    child = spawn(kit_copy, private_workspace, "toy")
    child.logfile_read = sys.stdout
    child.expect("Not attempted yet")
    child.expect("keys:")
    learner.write_text(SOLUTION)  # a real save
    child.expect("Score 5/5")
    child.send("h")
    child.expect(r"Hint 1/3")
    child.send("r")
    child.expect(r"Reset toy to the stub\? Your file is backed up first")
    child.send("n")  # answering no keeps the file
    child.expect("kept")
    assert learner.read_text() == SOLUTION
    child.send("r")
    child.expect("backed up first")
    child.send("y")
    child.expect("Reset; your file was saved as backup")
    child.expect("Not attempted yet")
    assert "NotImplementedError" in learner.read_text()
    assert [p.read_text() for p in (private_workspace / "backups" / "toy").glob("*.py")] == [SOLUTION]
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_following_moves_on_when_the_exercise_passes(kit_copy, private_workspace):
    child = spawn(kit_copy, private_workspace)
    child.expect("exercises/toy/toy.py")
    (kit_copy / "exercises" / "toy" / "toy.py").write_text(SOLUTION)
    child.expect("watching .*exercises/strict/strict.py")
    child.expect(r"Passed!\S* On to \S*strict")
    child.send("q")
    child.expect(pexpect.EOF)


def test_n_goes_to_the_next_exercise(kit_copy, private_workspace):
    child = spawn(kit_copy, private_workspace, "toy")
    child.expect("keys:")
    child.send("n")
    child.expect("exercises/strict/strict.py")
    child.send("q")
    child.expect(pexpect.EOF)


def test_watching_a_drill_grades_the_drill_file(kit_copy, private_workspace):
    from .conftest import run_cli

    (kit_copy / "exercises" / "toy" / "toy.py").write_text(SOLUTION)
    assert run_cli("check", "toy", root=kit_copy).returncode == 0
    assert run_cli("drill", "toy", root=kit_copy).returncode == 0
    drill_file = private_workspace / "drills" / "toy" / "toy.py"
    child = spawn(kit_copy, private_workspace, "--drill")
    child.expect("Not attempted yet")
    child.expect("keys:")
    drill_file.write_text(SOLUTION)
    child.expect("Drill passed in")
    child.send("q")
    child.expect(pexpect.EOF)
    assert "no drill is open" in run_cli("drill", "--check", root=kit_copy).stderr
