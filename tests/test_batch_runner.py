"""The process pool behind `mlkata grade`: a task that kills its worker process is the only
one reported as crashed, and every other task still gets its own result."""

import os

from mlkata.classroom.runner import WorkerCrashed, run_local


def square_or_die(n):
    """A task: n squared, except 3, which kills its worker (as the OOM killer would)."""
    if n == 3:
        os._exit(9)
    if n == 5:
        raise ValueError("five is refused")
    return n * n


def collect(tasks, jobs):
    """Each task's result, by task index; each reported exactly once."""
    results = {}

    def on_result(index, value):
        assert index not in results, f"task {index} reported twice"
        results[index] = value

    run_local(square_or_die, tasks, jobs, on_result)
    return [results[i] for i in range(len(tasks))]


def test_a_dying_worker_costs_only_its_own_task():
    results = collect(list(range(8)), jobs=2)
    assert isinstance(results[3], WorkerCrashed)
    assert isinstance(results[5], ValueError) and str(results[5]) == "five is refused"
    assert {n: results[n] for n in (0, 1, 2, 4, 6, 7)} == {n: n * n for n in (0, 1, 2, 4, 6, 7)}


def test_two_dying_tasks_in_flight_together_are_both_found():
    results = collect([3, 3, 2], jobs=2)  # both 3s run at once and break the pool together
    assert [type(r).__name__ for r in results[:2]] == ["WorkerCrashed", "WorkerCrashed"] and results[2] == 4
