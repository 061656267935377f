"""Shared fixtures: the real kit, a private progress workspace per test."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_KIT = ROOT / "tests" / "fixtures" / "kit"
MLKATA = str(Path(sys.executable).with_name("mlkata"))


@pytest.fixture(autouse=True)
def private_workspace(tmp_path, monkeypatch):
    """Every test records progress in its own directory, never in the learner's."""
    monkeypatch.setenv("MLKATA_HOME", str(tmp_path / "workspace"))
    monkeypatch.delenv("MLKATA_ROOT", raising=False)
    return tmp_path / "workspace"


def run_cli(*args, root=None, env=None, timeout=300):
    """Run the real ``mlkata`` executable; return the CompletedProcess."""
    import subprocess

    environment = dict(os.environ, **(env or {}))
    if root is not None:
        environment["MLKATA_ROOT"] = str(root)
    return subprocess.run([MLKATA, *args], capture_output=True, text=True, timeout=timeout, cwd=root or ROOT, env=environment)


@pytest.fixture
def kit_copy(tmp_path):
    """A private git clone-like copy of the fixture kit, for tests that edit learner files."""
    import shutil
    import subprocess

    root = tmp_path / "kit"
    shutil.copytree(FIXTURE_KIT, root, ignore=shutil.ignore_patterns(".mlkata"))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "kit"], check=True)
    return root
