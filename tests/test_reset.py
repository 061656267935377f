"""Reset, backups and restore: nothing the learner wrote is ever lost."""

import os
import signal
import subprocess
import time

from .conftest import MLKATA, run_cli

MINE = "import numpy as np\n\ndef double(x):\n    return 2 * np.asarray(x)  # my work\n\ndef triple(x):\n    return 3 * np.asarray(x)\n"


def stub_of(root, name="toy"):
    return subprocess.run(["git", "-C", str(root), "show", f"HEAD:exercises/{name}/{name}.py"], capture_output=True, text=True, check=True).stdout


def test_reset_backs_up_then_restores_the_stub_and_restore_brings_it_back(kit_copy, private_workspace):
    learner = kit_copy / "exercises" / "toy" / "toy.py"
    learner.write_text(MINE)
    result = run_cli("reset", "toy", "--yes", root=kit_copy)
    assert result.returncode == 0, result.stderr
    assert learner.read_text() == stub_of(kit_copy)
    listed = run_cli("backups", "toy", root=kit_copy).stdout.split()
    backup_name = listed[0]
    assert (private_workspace / "backups" / "toy" / f"{backup_name}.py").read_text() == MINE
    assert run_cli("restore", "toy", root=kit_copy).returncode == 0
    assert learner.read_text() == MINE
    # the stub it replaced is itself a backup now: two backups, nothing lost
    assert len(run_cli("backups", "toy", root=kit_copy).stdout.splitlines()) == 2
    assert run_cli("restore", "toy", backup_name, root=kit_copy).returncode == 0
    assert learner.read_text() == MINE


def test_reset_all_backs_up_every_file(kit_copy, private_workspace):
    (kit_copy / "exercises" / "toy" / "toy.py").write_text(MINE)
    (kit_copy / "exercises" / "strict" / "strict.py").write_text(MINE.replace("my work", "strict work"))
    assert run_cli("reset", "--all", "--yes", root=kit_copy).returncode == 0
    saved = {p.parent.name: p.read_text() for p in (private_workspace / "backups").glob("*/*.py")}
    assert saved == {"toy": MINE, "strict": MINE.replace("my work", "strict work")}
    assert (kit_copy / "exercises" / "strict" / "strict.py").read_text() == stub_of(kit_copy, "strict")


def test_reset_asks_first_and_no_means_no(kit_copy):
    learner = kit_copy / "exercises" / "toy" / "toy.py"
    learner.write_text(MINE)
    result = subprocess.run([MLKATA, "reset", "toy"], input="n\n", capture_output=True, text=True, env=dict(os.environ, MLKATA_ROOT=str(kit_copy)))
    assert result.returncode == 1 and "Nothing changed" in result.stdout
    assert learner.read_text() == MINE


def test_restore_of_an_unknown_backup_is_a_clear_error(kit_copy):
    run_cli("reset", "toy", "--yes", root=kit_copy)
    result = run_cli("restore", "toy", "19990101-000000-000000", root=kit_copy)
    assert result.returncode == 2 and "has no backup '19990101-000000-000000'" in result.stderr


def test_reset_without_a_name_or_all_is_a_usage_error(kit_copy):
    assert run_cli("reset", root=kit_copy).returncode == 2


def test_a_kill_at_any_moment_loses_nothing(kit_copy, private_workspace):
    """Kill `mlkata reset` at staggered moments; the learner's text always survives whole."""
    learner = kit_copy / "exercises" / "toy" / "toy.py"
    stub = stub_of(kit_copy)
    env = dict(os.environ, MLKATA_ROOT=str(kit_copy))
    for attempt in range(12):
        mine = MINE.replace("my work", f"my work, version {attempt}")
        learner.write_text(mine)
        process = subprocess.Popen([MLKATA, "reset", "toy", "--yes"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.05 * attempt)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = learner.read_text()
        assert now in (mine, stub), "the learner's file is never half written"
        saved = [p.read_text() for p in (private_workspace / "backups" / "toy").glob("*.py")] if (private_workspace / "backups" / "toy").exists() else []
        assert now == mine or mine in saved, "if the file was reset, its text is in a backup"
