"""The classroom figure: the same class of notebook submissions graded by `mlkata grade` and
by `nbgrader autograde`, side by side in one run, and the speed-up of `mlkata grade --jobs`.

Run alone: `.venv/bin/python benchmarks/bench_classroom.py [N] [EXERCISE]` (default 100 logreg);
`benchmarks/bench.py` calls :func:`classroom_throughput`.

Both graders see the very same notebooks (nbgrader's submitted/ folder of a course built by
`mlkata classroom build`): a class made of correct solutions, classic mistakes (the kit's
mutants) and untouched stubs. Both use the course's secret seed, and the run checks that they
agree on every student's score. Targets: at least 5x nbgrader's throughput on 2 cores, and
near-linear speed-up with --jobs.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
ASSIGNMENT = "bench"


def _run(command: list[str], cwd: Path, work: Path) -> float:
    """Wall time of ``command``; nbgrader runs `alembic` from PATH, and nothing is recorded in
    the learner's progress (MLKATA_HOME is the benchmark's own)."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}", MLKATA_HOME=str(work / "progress"))
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def _class(exercise: str, n: int) -> list[str]:
    """Solutions for ``n`` students: correct ones, every mutant, and the untouched stub, in turn."""
    correct = [ROOT / "tests" / "alternatives" / f"{exercise}.py", ROOT / "solutions" / f"{exercise}.py"]
    mutants = sorted((ROOT / "tests" / "mutants" / exercise).glob("*.py"))
    pool = [p.read_text() for p in correct + mutants if p.is_file()] + [None]  # None: the stub as released
    return [pool[i % len(pool)] for i in range(n)]


def _submit(course: Path, exercise: str, solutions: list[str | None]) -> None:
    import nbformat

    release = course / "release" / ASSIGNMENT / f"{exercise}.ipynb"
    for i, code in enumerate(solutions):
        notebook = nbformat.read(str(release), as_version=4)
        if code is not None:
            for cell in notebook.cells:
                if cell.metadata.get("nbgrader", {}).get("solution"):
                    cell.source = code
        folder = course / "submitted" / f"student{i:03d}" / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(notebook, str(folder / f"{exercise}.ipynb"))


def _scores(path: Path, student: str, score: str) -> dict[str, float]:
    with open(path, newline="") as handle:
        return {row[student]: float(row[score]) for row in csv.DictReader(handle)}


def classroom_throughput(n: int = 100, exercise: str = "logreg") -> dict:
    """Grade ``n`` notebook submissions of ``exercise`` with both graders; print and return the figures."""
    work = Path(tempfile.mkdtemp(prefix="mlkata-bench-classroom-"))
    try:
        return _measure(work, n, exercise)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _measure(work: Path, n: int, exercise: str) -> dict:
    course = work / "course"
    mlkata, nbgrader = str(BIN / "mlkata"), str(BIN / "nbgrader")
    _run([mlkata, "classroom", "build", ASSIGNMENT, exercise, "--course", str(course)], ROOT, work)
    _run([nbgrader, "generate_assignment", ASSIGNMENT], course, work)
    _submit(course, exercise, _class(exercise, n))

    def grade(jobs: int, out: str) -> float:
        return _run([mlkata, "grade", exercise, str(course / "submitted"), "--out", str(work / out), "--jobs", str(jobs)], ROOT, work)

    # In turn, so a change in the machine's load hits both sides: mlkata before and after nbgrader.
    t_two = [grade(2, "jobs2")]
    t_one = grade(1, "jobs1")
    t_nbgrader = _run([nbgrader, "autograde", ASSIGNMENT], course, work)
    t_two.append(grade(2, "jobs2-again"))
    _run([nbgrader, "export"], course, work)
    t_jobs2 = sum(t_two) / len(t_two)

    ours = _scores(work / "jobs2" / "grades.csv", "student", "score")
    theirs = _scores(course / "grades.csv", "student_id", "score")
    agree = sum(1 for s in ours if s in theirs and ours[s] == theirs[s])
    figures = {"n": n, "exercise": exercise, "nbgrader_s": t_nbgrader, "jobs1_s": t_one, "jobs2_s": t_jobs2,
               "ratio_vs_nbgrader": t_nbgrader / t_jobs2, "speedup_jobs": t_one / t_jobs2, "same_scores": agree}
    print(f"## classroom: {n} notebook submissions of {exercise}, graded by nbgrader and by mlkata (target: >= 5x nbgrader on 2 cores)")
    print(f"nbgrader autograde          {t_nbgrader:8.1f} s   {n / t_nbgrader:6.2f} submissions/s")
    print(f"mlkata grade --jobs 1       {t_one:8.1f} s   {n / t_one:6.2f} submissions/s   {t_nbgrader / t_one:5.1f}x nbgrader")
    print(f"mlkata grade --jobs 2       {t_jobs2:8.1f} s   {n / t_jobs2:6.2f} submissions/s   {t_nbgrader / t_jobs2:5.1f}x nbgrader"
          f"   (mean of 2 runs: {', '.join(f'{t:.1f}' for t in t_two)} s)")
    print(f"speed-up of --jobs 2 over --jobs 1: {t_one / t_jobs2:.2f}x on {os.cpu_count()} cores")
    print(f"same score in nbgrader's gradebook and mlkata's grades.csv: {agree}/{n} students\n")
    return figures


if __name__ == "__main__":
    classroom_throughput(int(sys.argv[1]) if len(sys.argv) > 1 else 100, sys.argv[2] if len(sys.argv) > 2 else "logreg")
