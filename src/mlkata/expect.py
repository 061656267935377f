"""Comparisons for checks: each raises :class:`~mlkata.grading.Failed` with a message that
says what differed, by how much, and (when the check knows it) the likely cause.

Tolerances are arguments, so graders keep them as data in one table at the top of the file.
"""

from __future__ import annotations

import numpy as np

from .grading import Context, Failed, Trace


def _fail(text: str, cause: str | None):
    raise Failed(f"{text}\nLikely cause: {cause}" if cause else text)


def as_array(value, what: str, dtype=float) -> np.ndarray:
    """``value`` as an array of ``dtype``, or :class:`Failed` naming what it was."""
    try:
        array = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError):
        raise Failed(f"{what} should be an array of {np.dtype(dtype).name}s, got {type(value).__name__}: {str(value)[:80]}") from None
    return array


def expect_shape(value, shape: tuple, what: str, cause: str | None = None) -> np.ndarray:
    """``value`` as an array, failing unless its shape is ``shape``."""
    array = np.asarray(value)
    if array.shape != tuple(shape):
        _fail(f"{what} has shape {array.shape}, expected {tuple(shape)}", cause)
    return array


def expect_close(got, want, what: str, rtol: float = 1e-6, atol: float = 1e-8, cause: str | None = None, against: str = "the reference"):
    """Fail unless ``got`` equals ``want`` within ``atol + rtol * |want|`` everywhere."""
    want = np.asarray(want, dtype=float)
    got = expect_shape(as_array(got, what), want.shape, what, cause)
    if np.isnan(got).any() and not np.isnan(want).any():
        _fail(f"{what} contains NaN where {against} has numbers", cause or "an overflow or a division by zero; look at exp and log")
    bad = ~np.isclose(got, want, rtol=rtol, atol=atol, equal_nan=True)
    if bad.any():
        diff = np.where(bad, np.abs(got - want), -1.0)
        index = np.unravel_index(np.argmax(diff), diff.shape) if diff.ndim else ()
        where = f" at index {tuple(int(i) for i in index)}" if diff.ndim else ""
        _fail(
            f"{what} differs from {against} in {int(bad.sum())} of {bad.size} entries: largest difference "
            f"{float(diff[index]):.3g}{where} (got {float(got[index]):.6g}, expected {float(want[index]):.6g}; "
            f"tolerance {atol:g} + {rtol:g}·|expected|)",
            cause,
        )


def expect_equal(got, want, what: str, cause: str | None = None, against: str = "the reference"):
    """Fail unless ``got`` and ``want`` are equal element by element (labels, counts, flags)."""
    want = np.asarray(want)
    got = expect_shape(got, want.shape, what, cause)
    bad = got != want
    if np.any(bad):
        index = tuple(int(i) for i in np.argwhere(bad)[0]) if want.ndim else ()
        at = f" first at index {index}" if index else ""
        _fail(f"{what} differs from {against} in {int(np.sum(bad))} of {want.size} entries,{at} (got {_plain(got[index])!r}, expected {_plain(want[index])!r})", cause)


def _plain(value):
    """A numpy scalar as the Python value it holds, so messages read `1.0`, not `np.float64(1.0)`."""
    return value.item() if isinstance(value, np.generic) else value


def expect(condition: bool, message: str, cause: str | None = None):
    """Fail with ``message`` unless ``condition`` holds."""
    if not condition:
        _fail(message, cause)


def same_partition(a, b) -> bool:
    """Whether two labelings group the samples identically, whatever the label values."""
    a, b = np.asarray(a).ravel(), np.asarray(b).ravel()
    if a.shape != b.shape:
        return False
    pairs = np.unique(np.stack([np.unique(a, return_inverse=True)[1], np.unique(b, return_inverse=True)[1]]), axis=1)
    return len(np.unique(pairs[0])) == pairs.shape[1] == len(np.unique(pairs[1]))


def expect_vectorised(ctx: Context, probe, small_args: tuple, large_args: tuple, n_small: int, n_large: int, what: str,
                      per_unit: float = 0.25, unit: str = "sample"):
    """Fail if the Python lines the learner's file executes grow faster than ``per_unit`` per unit.

    Vectorised code runs the same lines whatever ``n``; a per-sample loop runs some line
    at least once more per extra sample. ``small_args`` and ``large_args`` must make the
    algorithm take the same path (e.g. the large data is the small data tiled), so only
    the size differs. Algorithms that loop by nature (a tree grows node by node, DBSCAN
    expands point by point) pass their sizes in that unit (nodes, points, merges) and
    the lines they may spend on each as ``per_unit``: a loop over pairs still fails.
    """
    small: Trace = ctx.trace(probe, *small_args)
    large: Trace = ctx.trace(probe, *large_args)
    growth = large.total - small.total
    if growth > per_unit * (n_large - n_small):
        grown = sorted(large.lines, key=lambda n: large.lines[n] - small.lines.get(n, 0), reverse=True)[:2]
        where = "; ".join(
            f"line {n} `{ctx.line(n)}` ran {small.lines.get(n, 0):,} times for {n_small} {unit}s and {large.lines[n]:,} for {n_large}"
            for n in grown
        )
        raise Failed(
            f"{what} is not vectorised: the Python lines your file executes grew from {small.total:,} "
            f"({n_small} {unit}s) to {large.total:,} ({n_large} {unit}s), more than {per_unit:g} per {unit}. {where}.\n"
            + ("Likely cause: a Python loop over samples (or pairs of them)" if unit == "sample"
               else f"Likely cause: a Python loop over samples (or pairs) inside each {unit}, where one array operation per {unit} suffices")
            + "; replace it with whole-array numpy operations."
        )
