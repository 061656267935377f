"""`make bench`: timings measured side by side in one run, printed as ratios.

These machines are noisy, so absolute times are not stable: every comparison alternates its
two sides in the same run and reports medians and their ratio.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
# Benchmark runs record their attempts in a throw-away workspace, not in the learner's progress.
ENV = dict(os.environ, MLKATA_HOME=tempfile.mkdtemp(prefix="mlkata-bench-"))


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def alternate(a: list[str], b: list[str], rounds: int) -> tuple[float, float]:
    """Median wall times of commands ``a`` and ``b``, run alternately ``rounds`` times each."""
    wall(a), wall(b)  # warm the page cache
    times_a, times_b = [], []
    for _ in range(rounds):
        times_a.append(wall(a))
        times_b.append(wall(b))
    return statistics.median(times_a), statistics.median(times_b)


def check_vs_import(rounds: int = 9) -> None:
    check = ["make", "-s", "check", "exercise=logreg", "impl=solutions/logreg.py"]
    imports = [PYTHON, "-c", "import numpy, sklearn.linear_model"]
    t_check, t_import = alternate(check, imports, rounds)
    print("## make check vs importing numpy and scikit-learn (target: ratio <= 1.5)")
    print(f"make check exercise=logreg impl=solutions/logreg.py   median {t_check:.3f} s")
    print(f"python -c 'import numpy, sklearn.linear_model'         median {t_import:.3f} s")
    print(f"ratio {t_check / t_import:.2f}  ({rounds} alternated rounds)\n")


def best_of(function, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def references_vs_sklearn(rounds: int = 5) -> None:
    """Each exercise's reference next to scikit-learn on its grader's canonical input."""
    sys.path.insert(0, str(ROOT / "src"))
    from mlkata import catalogue
    from mlkata.judge import load_trusted

    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    print(f"## reference solutions vs scikit-learn (median of {rounds} alternated runs, BLAS threads: {threads}; ratio > 1: the reference is slower)")
    print(f"{'exercise':<18} {'reference':>10} {'sklearn':>10} {'ratio':>7}  input")
    for exercise in catalogue.load(ROOT):
        grader = load_trusted(exercise.grader, "mlkata_grader")
        if not hasattr(grader, "benchmark"):
            print(f"{exercise.name:<18} {'—':>10} {'—':>10} {'—':>7}  (no benchmark in graders/{exercise.name}.py)")
            continue
        case = grader.benchmark(load_trusted(exercise.reference, "mlkata_reference"))
        case["reference"](), case["sklearn"]()  # warm up: imports, caches
        ref, sk = [], []
        for _ in range(rounds):
            ref.append(best_of(case["reference"], 1))
            sk.append(best_of(case["sklearn"], 1))
        r, s = statistics.median(ref), statistics.median(sk)
        print(f"{exercise.name:<18} {r * 1000:>8.1f}ms {s * 1000:>8.1f}ms {r / s:>7.2f}  {case['input']}")
    print()


if __name__ == "__main__":
    check_vs_import(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
    references_vs_sklearn()
    # The classroom figure grades N notebook submissions with nbgrader and with mlkata (about
    # 13 minutes at the default 100 on two cores); MLKATA_BENCH_CLASSROOM=0 skips it.
    classroom_n = int(os.environ.get("MLKATA_BENCH_CLASSROOM", "100"))
    if classroom_n:
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_classroom import classroom_throughput

        classroom_throughput(classroom_n)
