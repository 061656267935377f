"""`mlkata grade --scheduler`: the same class graded on a real Dask cluster (a LocalCluster
started here, worker processes and all) writes the same grades.csv as the local pool."""

import json

import pytest
from distributed import LocalCluster

from .conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_a_dask_cluster_grades_like_the_local_pool(cluster, tmp_path):
    subs = tmp_path / "submitted"
    for student, source in (("ref", ROOT / "solutions" / "logreg.py"),
                            ("summed", ROOT / "tests" / "mutants" / "logreg" / "summed_gradient.py"),
                            ("stub", ROOT / "exercises" / "logreg" / "logreg.py")):
        (subs / student).mkdir(parents=True)
        (subs / student / "logreg.py").write_text(source.read_text())
    local, remote = tmp_path / "local", tmp_path / "dask"
    by_pool = run_cli("grade", "logreg", str(subs), "--out", str(local), "--seed", "11", "--jobs", "2")
    by_dask = run_cli("grade", "logreg", str(subs), "--out", str(remote), "--seed", "11", "--scheduler", cluster.scheduler_address)
    assert by_pool.returncode == 0, by_pool.stderr
    assert by_dask.returncode == 0, by_dask.stderr
    assert f"on the Dask cluster at {cluster.scheduler_address}" in by_dask.stdout
    assert (remote / "grades.csv").read_text() == (local / "grades.csv").read_text()
    scores = {line.split(",")[0]: line.split(",")[1:3] for line in (remote / "grades.csv").read_text().splitlines()[1:]}
    assert scores == {"ref": ["26", "26"], "stub": ["0", "26"], "summed": ["13", "26"]}
    for student in ("ref", "summed", "stub"):
        assert json.loads((remote / student / "results.json").read_text())["tests"] == json.loads((local / student / "results.json").read_text())["tests"]


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "a.py").write_text((ROOT / "solutions" / "logreg.py").read_text())
    result = run_cli("grade", "logreg", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "--seed", "0", "--scheduler", "tcp://127.0.0.1:9")
    assert result.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()  # nothing written
