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


if __name__ == "__main__":
    check_vs_import(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
