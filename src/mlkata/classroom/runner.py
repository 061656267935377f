"""Running one function over many tasks in parallel: a local process pool or a Dask cluster.

Tasks and results are plain data made by our own processes (the graders' workers): nothing
from a learner's sandbox is ever unpickled. Grading is CPU-bound Python, hence processes,
never threads of one process.

A worker process that dies (killed by the kernel's OOM killer, say) must not stop the batch:
the tasks that were running then are run again one at a time, and only one that kills its
worker while running alone is reported as crashed.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable


class WorkerCrashed(Exception):
    """The process running a task died (the message says how it was noticed)."""


def run_local(function: Callable, tasks: list, jobs: int, on_result: Callable[[int, object], None],
              initializer: Callable | None = None, initargs: tuple = ()) -> None:
    """Call ``function(task)`` for every task on ``jobs`` worker processes.

    Parameters
    ----------
    function : callable
        A module-level function (workers import it by name).
    tasks : list
        Its arguments, one per call.
    jobs : int
        Worker processes.
    on_result : callable
        ``on_result(index, value)`` in this process as each task ends, in completion order;
        ``value`` is the function's return value, or the exception it raised, or a
        :class:`WorkerCrashed`.
    initializer, initargs
        Run once in each worker before its first task (e.g. to import the grader).
    """
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    queue, suspects = deque(range(len(tasks))), deque()
    while queue or suspects:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer, initargs=initargs) as pool:
            _drain(pool, function, tasks, jobs, queue, suspects, on_result)


def _drain(pool, function, tasks, jobs, queue, suspects, on_result) -> None:
    """Run tasks on ``pool`` until all are done or the pool breaks."""
    in_flight, alone = {}, False
    while True:
        if not in_flight:
            # A suspect runs alone, so a crash while it runs can only be its own.
            alone = bool(suspects)
            if alone:
                index = suspects.popleft()
                in_flight[pool.submit(function, tasks[index])] = index
        if not alone:
            while queue and len(in_flight) < jobs:
                index = queue.popleft()
                in_flight[pool.submit(function, tasks[index])] = index
        if not in_flight:
            return
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        broken = []
        for future in done:
            index = in_flight.pop(future)
            try:
                value = future.result()
            except BrokenProcessPool:
                broken.append(index)
                continue
            except Exception as error:  # noqa: BLE001 - the task's own failure is its result
                value = error
            on_result(index, value)
        if broken:
            if alone:
                on_result(broken[0], WorkerCrashed("the grading process died while grading this submission"))
            else:  # every task in flight fails together when the pool breaks
                suspects.extend(sorted(broken + list(in_flight.values())))
            return


def run_dask(function: Callable, tasks: list, address: str, on_result: Callable[[int, object], None]) -> None:
    """Like :func:`run_local`, on the Dask cluster whose scheduler is at ``address``.

    Every worker needs mlkata installed and the kit at the path the tasks name (or
    ``MLKATA_ROOT`` set). A task whose worker dies is retried by Dask on another worker;
    one that keeps killing workers ends as a :class:`WorkerCrashed`.
    """
    from .errors import SubmissionsError, require

    distributed = require("distributed", "dask[distributed]", "--scheduler")
    check_scheduler(address)
    try:
        client = distributed.Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as error:
        raise SubmissionsError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    with client:
        futures = client.map(function, tasks, pure=False)
        index = {future.key: i for i, future in enumerate(futures)}
        for future in distributed.as_completed(futures):
            try:
                value = future.result()
            except distributed.KilledWorker as error:
                value = WorkerCrashed(f"the grading process died on every worker that tried ({error})")
            except Exception as error:  # noqa: BLE001 - the task's own failure is its result
                value = error
            on_result(index[future.key], value)


def check_scheduler(address: str) -> None:
    """Fail at once when Dask is missing or the scheduler refuses connections (Dask itself
    would retry until its timeout)."""
    import socket
    from urllib.parse import urlsplit

    from .errors import SubmissionsError, require

    require("distributed", "dask[distributed]", "--scheduler")

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in ("tcp", "tls") or not parts.hostname:
        return  # other protocols (inproc, ucx): let Dask judge
    try:
        socket.create_connection((parts.hostname, parts.port or 8786), timeout=10).close()
    except OSError as error:
        raise SubmissionsError(f"cannot reach the Dask scheduler at {address}: {error.strerror or error}") from None
