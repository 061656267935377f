"""Hidden checks for dbscan.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with scikit-learn's DBSCAN. What DBSCAN defines uniquely is compared
exactly: the core points, the noise points, and how the core points are grouped (up to a
renaming of the clusters). A border point within eps of core points of two clusters may
join either, so border points are graded by a property: each must share its label with a
core point within eps of it. Random data keeps every pairwise distance away from eps, so
rounding can never decide a neighbourhood; the grid check uses integer coordinates, whose
distances are exact, to test that eps itself is included.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_equal, expect_shape, expect_vectorised, same_partition
from mlkata.grading import Failed, check

MARGIN = 1e-6  # no pairwise distance of random data lies within this of eps

ITSELF = ("a point's neighbourhood includes the point itself: it is core when at least min_samples points, itself included, "
          "lie within eps (counting neighbours excluding the point itself, or testing count > min_samples, loses core points)")
STRICT = "neighbours are the points at distance <= eps, inclusive as scikit-learn; a strict < eps test drops the points at exactly eps"
BORDER_EXPANDS = ("border points expand clusters: only core points may add their neighbours to a cluster; a border (non-core) point "
                  "joins the cluster but does not extend it, so points reachable only through it stay noise")
NEVER_RELABELLED = ("noise points never relabelled as border: a point first found non-core is marked -1, but it must join the "
                    "cluster when a core point of that cluster reaches it later")


def make_data(rng, n_noise=30):
    """Four Gaussian blobs of random sizes and spreads, uniform noise, shuffled."""
    centres = rng.uniform(-8, 8, size=(4, 2))
    parts = [c + rng.normal(scale=s, size=(m, 2)) for c, s, m in zip(centres, rng.uniform(0.3, 0.7, 4), rng.integers(25, 50, 4))]
    parts.append(rng.uniform(-10, 10, size=(n_noise, 2)))
    X = np.vstack(parts)
    return X[rng.permutation(len(X))]


def distances(X):
    return np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))


def safe_eps(X, eps):
    """eps nudged until no pairwise distance is within MARGIN of it."""
    D = distances(X)
    while np.any(np.abs(D - eps) < MARGIN):
        eps += 1e-4
    return eps


def crafted(rng):
    """Border cases, border points first in index order (so they are visited before their cluster).

    With eps=1, min_samples=4: a tight blob of 5 points is core; b lies 0.9 from the blob (a border
    point); c lies 0.9 from b only (noise: reachable through a border point, never from a core
    point); s lies 0.9 from two blobs 1.8 apart (a border point either cluster may claim).
    """
    blob = np.array([[0, 0], [0.2, 0], [0.4, 0], [0.2, 0.2], [0.2, -0.2]])
    firsts, blobs = [], []
    for k in range(3):  # three rotated, translated copies of the whole pattern
        angle = rng.uniform(0, 2 * np.pi)
        rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
        shift = np.array([30.0 * k, rng.uniform(-5, 5)])
        place = lambda P: np.asarray(P, dtype=float) @ rotation.T + shift  # noqa: E731
        firsts.append(place([[1.3, 0], [2.2, 0], [11.3, 0]]))             # b, c, s
        blobs += [place(blob), place(blob + [10, 0]), place(blob + [12.2, 0])]
    return np.vstack(firsts + blobs)


def grid():
    """Two integer grids (spacing 1, exact distances) 3 apart, and isolated points: eps=1 is hit exactly."""
    g = np.array([(i, j) for i in range(6) for j in range(5)], dtype=float)
    return np.vstack([g, g[:12] + [9, 0], [[20, 20], [20, 22], [-5, 0]]])


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, params):
    model = mod.DBSCAN(**params)
    returned = model.fit(X)
    labels = np.asarray(model.labels_)
    core = np.asarray(model.core_sample_indices_)
    return {"returned_self": returned is model, "labels": labels, "labels_kind": labels.dtype.kind,
            "core": core, "core_kind": core.dtype.kind, "X_after": X}


def fit_predict_probe(mod, X, params):
    model = mod.DBSCAN(**params)
    predicted = np.asarray(model.fit_predict(X))
    return {"fit_predict": predicted, "labels": np.asarray(model.labels_)}


def fit_only_probe(mod, X, params):
    mod.DBSCAN(**params).fit(X)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sklearn(X, eps, min_samples):
    from sklearn.cluster import DBSCAN

    return DBSCAN(eps=eps, min_samples=min_samples).fit(X)


def _labels_and_core(got, n):
    labels = expect_shape(as_array(got["labels"], "labels_"), (n,), "labels_")
    expect(np.all(labels == np.round(labels)), "labels_ holds non-integer values", "labels are cluster indices 0, 1, ... and -1 for noise")
    core = as_array(got["core"], "core_sample_indices_").ravel()
    expect(np.all(core == np.round(core)) and np.all((core >= 0) & (core < n)),
           "core_sample_indices_ holds values that are not indices of X", "core_sample_indices_ lists the row indices of the core points")
    mask = np.zeros(n, dtype=bool)
    mask[core.astype(int)] = True
    return labels.astype(int), mask


def _core_problem(mask, X, eps, ms, sk):
    """None when the core points equal scikit-learn's, else (message, likely cause)."""
    want = np.zeros(len(X), dtype=bool)
    want[sk.core_sample_indices_] = True
    if np.array_equal(mask, want):
        return None
    counts_inclusive = (distances(X) <= eps).sum(1)
    counts_strict = (distances(X) < eps).sum(1)
    if np.array_equal(mask, counts_inclusive - 1 >= ms):
        cause = ITSELF
    elif np.array_equal(mask, counts_strict >= ms):
        cause = STRICT
    elif np.array_equal(mask, counts_strict - 1 >= ms):
        cause = STRICT + "; and " + ITSELF
    else:
        cause = "a point is core when at least min_samples points (itself included) lie within eps (<= eps) of it"
    missing, extra = np.flatnonzero(want & ~mask), np.flatnonzero(mask & ~want)
    message = (f"the core points differ from scikit-learn's DBSCAN(eps={eps:g}, min_samples={ms}): "
               f"{len(missing)} missing (e.g. {missing[:5].tolist()}, with {counts_inclusive[missing[:5]].tolist()} points within eps, itself included), "
               f"{len(extra)} extra (e.g. {extra[:5].tolist()})")
    return message, cause


def _expect_core(problem, what):
    if problem:
        raise Failed(f"{what}: {problem[0]}\nLikely cause: {problem[1]}")


def _expect_noise(labels, core, X, eps, sk, what, problem):
    got, want = labels == -1, sk.labels_ == -1
    if np.array_equal(got, want):
        return
    near_core = ((distances(X) <= eps) & core[None, :]).any(axis=1)
    extra, missing = np.flatnonzero(got & ~want), np.flatnonzero(want & ~got)
    if problem:
        cause = f"{problem[0]}, so the clusters grow differently; {problem[1]}"
    elif extra.size and np.all(near_core[extra]) and not np.any(core[extra]):
        cause = NEVER_RELABELLED
    elif missing.size:
        cause = BORDER_EXPANDS if not np.any(near_core[missing]) else "noise is exactly the points with no core point within eps"
    else:
        cause = "every core point and every point within eps of a core point belongs to a cluster; only the rest is noise (-1)"
    raise Failed(f"{what}: the noise points (label -1) differ from scikit-learn's: {len(extra)} labelled noise that should be in a cluster "
                 f"(e.g. {extra[:5].tolist()}), {len(missing)} in a cluster that should be noise (e.g. {missing[:5].tolist()})\nLikely cause: {cause}")


def _expect_clusters(labels, core, X, eps, sk, what, problem):
    """Core points grouped as scikit-learn groups them; every border point next to a core point of its cluster."""
    if not same_partition(labels[core], sk.labels_[core]):
        got_ids, want_ids = np.unique(labels[core]), np.unique(sk.labels_[core])
        coarser = all(len(np.unique(labels[core][sk.labels_[core] == c])) == 1 for c in want_ids)
        if problem:
            cause = f"{problem[0]}, so the clusters grow differently; {problem[1]}"
        elif coarser and len(got_ids) < len(want_ids):
            cause = "clusters that scikit-learn keeps apart were merged: " + BORDER_EXPANDS
        elif len(got_ids) > len(want_ids):
            cause = ("a cluster was split: keep expanding from every core point the cluster reaches (a queue or stack of core points), "
                     "not only from the first point's own neighbours")
        else:
            cause = "a cluster is the set of core points linked by chains of core points within eps of each other"
        raise Failed(f"{what}: the core points are grouped into {len(got_ids)} clusters where scikit-learn finds {len(want_ids)} "
                     f"(compared up to a renaming of the clusters)\nLikely cause: {cause}")
    D = distances(X)
    border = np.flatnonzero((labels >= 0) & ~core)
    supported = ((D[border] <= eps) & core[None, :] & (labels[None, :] == labels[border, None])).any(axis=1)
    if not supported.all():
        bad = border[~supported]
        cause = f"{problem[0]}; {problem[1]}" if problem else BORDER_EXPANDS
        raise Failed(f"{what}: {len(bad)} non-core point(s) (e.g. {bad[:5].tolist()}) are in a cluster none of whose core points lies within eps of them\n"
                     f"Likely cause: {cause}")
    ids = np.unique(labels[labels >= 0])
    expect(np.array_equal(ids, np.arange(len(ids))), f"{what}: cluster labels are {ids[:8].tolist()}, expected 0..{len(ids) - 1}",
           "number the clusters 0, 1, 2, ... in the order they are found, and keep -1 for noise")


def _grade(ctx, X, eps, ms, what, parts=("core", "noise", "clusters")):
    got = ctx.run(fit_probe, X, {"eps": eps, "min_samples": ms})
    sk = _sklearn(X, eps, ms)
    labels, core = _labels_and_core(got, len(X))
    want_core = np.zeros(len(X), dtype=bool)
    want_core[sk.core_sample_indices_] = True
    problem = _core_problem(core, X, eps, ms, sk)
    if "core" in parts:
        _expect_core(problem, what)
    if "noise" in parts:
        _expect_noise(labels, want_core, X, eps, sk, what, problem)
    if "clusters" in parts:
        _expect_clusters(labels, want_core, X, eps, sk, what, problem)


SETTINGS = ((0.5, 5), (0.8, 4), (1.2, 10), (0.35, 3))


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self; labels_ are ints, core_sample_indices_ sorted ints, fit_predict returns labels_"""
    X = make_data(ctx.rng)
    eps = safe_eps(X, 0.6)
    got = ctx.run(fit_probe, X, {"eps": eps, "min_samples": 5})
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    expect_shape(got["labels"], (len(X),), "labels_")
    expect(got["labels_kind"] in "iu", f"labels_ has dtype kind {got['labels_kind']!r}, expected integers", "use an int array, e.g. np.full(n, -1)")
    expect(got["core_kind"] in "iu", f"core_sample_indices_ has dtype kind {got['core_kind']!r}, expected integers",
           "np.flatnonzero(core_mask) gives the indices as ints")
    core = as_array(got["core"], "core_sample_indices_").ravel()
    expect(np.all(np.diff(core) > 0), "core_sample_indices_ is not strictly increasing", "list each core point once, in increasing index order (np.flatnonzero)")
    got = ctx.run(fit_predict_probe, X, {"eps": eps, "min_samples": 5})
    expect_equal(got["fit_predict"], got["labels"], "fit_predict(X)", against="the labels_ it sets", cause="fit_predict(X) returns fit(X).labels_")


@check(points=3)
def core_samples_match_sklearn(ctx):
    """core_sample_indices_ equal scikit-learn's exactly, for three (eps, min_samples)"""
    X = make_data(ctx.rng)
    for eps, ms in SETTINGS:
        eps = safe_eps(X, eps)
        _grade(ctx, X, eps, ms, f"eps={eps:g}, min_samples={ms}", parts=("core",))


@check(points=2)
def noise_matches_sklearn(ctx):
    """exactly the same points as scikit-learn are noise (label -1)"""
    X = make_data(ctx.rng)
    for eps, ms in SETTINGS:
        eps = safe_eps(X, eps)
        _grade(ctx, X, eps, ms, f"eps={eps:g}, min_samples={ms}", parts=("noise",))


@check(points=3)
def clusters_match_sklearn(ctx):
    """core points grouped as scikit-learn groups them, and each border point joins a cluster with a core point within eps"""
    X = make_data(ctx.rng)
    for eps, ms in SETTINGS:
        eps = safe_eps(X, eps)
        _grade(ctx, X, eps, ms, f"eps={eps:g}, min_samples={ms}", parts=("clusters",))


@check(points=2)
def eps_is_inclusive(ctx):
    """points at distance exactly eps are neighbours (integer grid, exact distances)"""
    X = grid()
    X = X[ctx.rng.permutation(len(X))]
    for ms in (4, 5):
        _grade(ctx, X, 1.0, ms, f"integer grid with spacing 1, eps=1, min_samples={ms}")


@check(points=2)
def border_points(ctx):
    """border points join a cluster but never extend it; border points found before their cluster are relabelled"""
    X = crafted(ctx.rng)
    _grade(ctx, X, 1.0, 4, "border cases (border points first, a point behind a border point, a border shared by two clusters)",
           parts=("noise", "core", "clusters"))


@check(points=1)
def inputs_not_modified(ctx):
    """fit leaves X unchanged"""
    X = make_data(ctx.rng)
    got = ctx.run(fit_probe, X, {"eps": safe_eps(X, 0.6), "min_samples": 5})
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause="an in-place operation on the caller's array; work on a copy")


@check(points=2)
def vectorised(ctx):
    """neighbourhoods are computed with whole-array operations: Python work grows per point, never per pair"""
    centres = np.array([[2.0, 2.0], [7.0, 3.0], [4.0, 8.0]]) + ctx.rng.uniform(-1, 1, size=(3, 2))
    base = np.vstack([c + ctx.rng.normal(scale=0.3, size=(15, 2)) for c in centres] + [ctx.rng.uniform(0, 10, size=(15, 2))])
    eps = safe_eps(base, 0.35)                                 # about 6 neighbours per point on average
    large = np.vstack([base + [100.0 * k, 0.0] for k in range(4)])  # four far-apart copies: same neighbourhoods
    # Expansion visits each point (and may walk its neighbour list), so some Python work per point is
    # expected; a loop over all pairs of points grows with n² and fails.
    expect_vectorised(ctx, fit_only_probe, (base, {"eps": eps, "min_samples": 4}), (large, {"eps": eps, "min_samples": 4}),
                      len(base), len(large), "fit", per_unit=100, unit="point")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.cluster import DBSCAN

    rng = np.random.default_rng(0)
    X = np.vstack([make_data(rng) + [40.0 * k, 0.0] for k in range(10)])  # ten draws of the grader's data, 40 apart
    return {
        "input": f"fit, {len(X)} points in 2-D (40 blobs and noise), eps=0.6, min_samples=5: all n² distances vs a k-d tree",
        "reference": lambda: reference.DBSCAN(eps=0.6, min_samples=5).fit(X),
        "sklearn": lambda: DBSCAN(eps=0.6, min_samples=5).fit(X),
    }
