"""Hidden checks for hierarchical.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with scipy.cluster.hierarchy.linkage (the merge heights) and scikit-learn's
AgglomerativeClustering(compute_full_tree=True, compute_distances=True) (children_ and the
labels, up to a renaming). The data are continuous random points, redrawn until no two merge
heights of any linkage are within rounding of each other, so the order of the merges, hence
every node id, is unambiguous. Each row of children_ is compared as an unordered pair.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised, same_partition
from mlkata.grading import Failed, check

TOL = {"heights": dict(rtol=1e-7, atol=1e-9)}  # Lance–Williams vs a direct formula: rounding only
LINKAGES = ("single", "complete", "average", "ward")
FORMULA = {
    "single": "single linkage: d(k, i∪j) = min(d(k, i), d(k, j))",
    "complete": "complete linkage: d(k, i∪j) = max(d(k, i), d(k, j))",
    "average": "average linkage (UPGMA): d(k, i∪j) = (n_i d(k, i) + n_j d(k, j)) / (n_i + n_j), weighted by the cluster sizes",
    "ward": ("Ward: d(k, i∪j)² = ((n_i + n_k) d(k, i)² + (n_j + n_k) d(k, j)² - n_k d(i, j)²) / (n_i + n_j + n_k), "
             "with the size weighting and on squared distances"),
}
NOT_UPDATED = ("the merged cluster's distances are not updated: after merging i and j, its row and column must hold the "
               "Lance–Williams distances from i∪j to every other cluster, not the old distances of i")
MISTAKES = {  # (expected linkage, linkage whose heights the learner reproduced) -> likely cause
    ("complete", "single"): "complete linkage uses the max of d(k, i) and d(k, j); using min gives single linkage",
    ("single", "complete"): "single linkage uses the min of d(k, i) and d(k, j); using max gives complete linkage",
    ("average", "weighted"): ("average linkage is unweighted in name only: UPGMA weights by the cluster sizes, (n_i d(k, i) + n_j d(k, j)) / (n_i + n_j); "
                              "the plain mean (d(k, i) + d(k, j)) / 2 is WPGMA (scipy's 'weighted')"),
    ("ward", "median"): ("Ward's Lance–Williams coefficients lack the size weighting: (d(k, i)² + d(k, j)²) / 2 - d(i, j)² / 4 is the median "
                         "method; " + FORMULA["ward"]),
    ("ward", "centroid"): "Ward's Lance–Williams coefficients lack the size weighting of n_k (this is the centroid method); " + FORMULA["ward"],
    ("ward", "unsquared"): "Ward's Lance–Williams update works on squared distances: square d(k, i), d(k, j), d(i, j), then take the root",
}


def make_data(rng, n=70, d=3):
    """Continuous random points in a few loose blobs, redrawn until every linkage's heights are well apart."""
    from scipy.cluster.hierarchy import linkage

    while True:
        centres = rng.normal(scale=3.0, size=(4, d))
        X = centres[rng.integers(0, 4, n)] + rng.normal(size=(n, d))
        heights = [np.sort(linkage(X, method)[:, 2]) for method in LINKAGES]
        if all(np.min(np.diff(h)) > 1e-7 * h[-1] for h in heights):
            return X


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, params):
    model = mod.AgglomerativeClustering(**params)
    returned = model.fit(X)
    labels = np.asarray(model.labels_)
    children = np.asarray(model.children_)
    return {
        "returned_self": returned is model,
        "labels": labels, "labels_kind": labels.dtype.kind,
        "children": children, "children_kind": children.dtype.kind,
        "distances": np.asarray(model.distances_, dtype=float),
        "n_clusters": float(model.n_clusters_),
        "X_after": X,
    }


def fit_predict_probe(mod, X, params):
    model = mod.AgglomerativeClustering(**params)
    predicted = np.asarray(model.fit_predict(X))
    return {"fit_predict": predicted, "labels": np.asarray(model.labels_)}


def fit_only_probe(mod, X, params):
    mod.AgglomerativeClustering(**params).fit(X)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _naive(X, update):
    """Merge heights of the greedy algorithm with a given (possibly wrong) distance update."""
    n = len(X)
    D = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    np.fill_diagonal(D, np.inf)
    size = np.ones(n)
    heights = []
    with np.errstate(invalid="ignore"):
        for _ in range(n - 1):
            i, j = sorted(np.unravel_index(np.argmin(D), D.shape))
            heights.append(D[i, j])
            row = update(D[i], D[j], D[i, j], size[i], size[j], size)
            D[i, :] = D[:, i] = np.where(np.isfinite(D[i]), row, np.inf)
            D[j, :] = D[:, j] = np.inf
            D[i, i] = np.inf
            size[i] += size[j]
    return np.array(heights)


def _variants(X):
    from scipy.cluster.hierarchy import linkage

    heights = {m: linkage(X, m)[:, 2] for m in ("single", "complete", "average", "weighted", "centroid", "median", "ward")}
    heights["unsquared"] = _naive(X, lambda ki, kj, ij, ni, nj, nk: ((ni + nk) * ki + (nj + nk) * kj - nk * ij) / (ni + nj + nk))
    return heights


def _cause(X, method, got):
    if got.shape != (len(X) - 1,) or not np.all(np.isfinite(got)):
        return FORMULA[method]
    for name, heights in _variants(X).items():
        if name != method and np.allclose(got, heights, rtol=1e-6):
            return MISTAKES.get((method, name), f"your merge heights are those of {name} linkage; {FORMULA[method]}")
    if np.allclose(got, _naive(X, lambda ki, kj, ij, ni, nj, nk: ki), rtol=1e-6):  # row i kept as it was
        return NOT_UPDATED
    return FORMULA[method] + " (and after each merge write these distances into the merged cluster's row and column)"


def _sklearn(X, n_clusters, method):
    from sklearn.cluster import AgglomerativeClustering

    return AgglomerativeClustering(n_clusters=n_clusters, linkage=method, compute_full_tree=True, compute_distances=True).fit(X)


def _linkage_check(ctx, method):
    from scipy.cluster.hierarchy import linkage

    X = make_data(ctx.rng)
    n = len(X)
    got = ctx.run(fit_probe, X, {"n_clusters": 3, "linkage": method})
    want = linkage(X, method)[:, 2]
    heights = expect_shape(as_array(got["distances"], "distances_"), (n - 1,), "distances_", cause="one merge height per merge: n_samples - 1")
    cause = None if np.allclose(heights, want, **TOL["heights"]) else _cause(X, method, heights)  # diagnose only a failure
    expect_close(heights, want, f"distances_ (the merge heights) with linkage='{method}'", against=f"scipy's linkage(X, '{method}')[:, 2]",
                 cause=cause, **TOL["heights"])
    children = expect_shape(as_array(got["children"], "children_"), (n - 1, 2), "children_", cause="one row per merge: shape (n_samples - 1, 2)")
    sk = _sklearn(X, 3, method)
    expect_equal(np.sort(children, axis=1), np.sort(sk.children_, axis=1), f"children_ with linkage='{method}' (each row as an unordered pair)",
                 against="scikit-learn's children_",
                 cause="row s lists the two nodes merged at step s, merges in increasing height; samples are nodes 0..n-1 and the cluster created "
                       "at step s is node n + s")


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self; labels_, children_ (n-1, 2), distances_ (n-1,) and n_clusters_ have their documented types"""
    X = make_data(ctx.rng, n=30)
    got = ctx.run(fit_probe, X, {"n_clusters": 4, "linkage": "average"})
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    expect_shape(got["labels"], (30,), "labels_")
    expect(got["labels_kind"] in "iu", f"labels_ has dtype kind {got['labels_kind']!r}, expected integers")
    expect(got["children_kind"] in "iu", f"children_ has dtype kind {got['children_kind']!r}, expected integers", "node ids are ints")
    expect_shape(got["children"], (29, 2), "children_", cause="one row per merge: shape (n_samples - 1, 2)")
    heights = expect_shape(as_array(got["distances"], "distances_"), (29,), "distances_")
    expect(np.all(np.diff(heights) >= -1e-12), "distances_ is not non-decreasing",
           "merge the closest pair first: with these four linkages the merge heights never decrease")
    expect(got["n_clusters"] == 4, f"n_clusters_ is {got['n_clusters']:g}, expected 4")
    got = ctx.run(fit_predict_probe, X, {"n_clusters": 4, "linkage": "average"})
    expect_equal(got["fit_predict"], got["labels"], "fit_predict(X)", against="the labels_ it sets", cause="fit_predict(X) returns fit(X).labels_")


@check(points=2)
def single_linkage_matches_scipy(ctx):
    """single linkage: merge heights equal scipy's, children_ scikit-learn's"""
    _linkage_check(ctx, "single")


@check(points=2)
def complete_linkage_matches_scipy(ctx):
    """complete linkage: merge heights equal scipy's, children_ scikit-learn's"""
    _linkage_check(ctx, "complete")


@check(points=2)
def average_linkage_matches_scipy(ctx):
    """average linkage (UPGMA): merge heights equal scipy's, children_ scikit-learn's"""
    _linkage_check(ctx, "average")


@check(points=3)
def ward_linkage_matches_scipy(ctx):
    """Ward linkage: merge heights equal scipy's, children_ scikit-learn's"""
    _linkage_check(ctx, "ward")


@check(points=2)
def labels_match_sklearn(ctx):
    """labels_ equal scikit-learn's up to a renaming, for every linkage and several n_clusters"""
    X = make_data(ctx.rng)
    for method in LINKAGES:
        for k in (2, 5):
            got = ctx.run(fit_probe, X, {"n_clusters": k, "linkage": method})
            labels = expect_shape(as_array(got["labels"], "labels_"), (len(X),), "labels_")
            expect(np.array_equal(np.unique(labels), np.arange(k)), f"labels_ with n_clusters={k}, linkage='{method}' take the values "
                   f"{np.unique(labels)[:8].tolist()}, expected 0..{k - 1}", "cut the tree after n_samples - n_clusters merges and number the clusters 0..n_clusters-1")
            want = _sklearn(X, k, method).labels_
            expect(same_partition(labels, want), f"labels_ with n_clusters={k}, linkage='{method}' group the samples differently from scikit-learn "
                   f"(compared up to a renaming; cluster sizes {np.sort(np.bincount(labels.astype(int)))[::-1].tolist()} vs {np.sort(np.bincount(want))[::-1].tolist()})",
                   "the clusters are the groups alive after the first n_samples - n_clusters merges; " + FORMULA[method])
    for k in (1, 12):
        got = ctx.run(fit_probe, X[:12], {"n_clusters": k, "linkage": "ward"})
        labels = as_array(got["labels"], "labels_")
        expect(len(np.unique(labels)) == k, f"with n_clusters={k} on 12 samples, labels_ has {len(np.unique(labels))} distinct values",
               "n_clusters=1 keeps every merge (one cluster); n_clusters=n_samples keeps none (every sample alone)")


@check(points=1)
def inputs_not_modified(ctx):
    """fit leaves X unchanged"""
    X = make_data(ctx.rng, n=40)
    got = ctx.run(fit_probe, X, {"n_clusters": 3, "linkage": "ward"})
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause="an in-place operation on the caller's array; work on a copy")


@check(points=2)
def vectorised(ctx):
    """each merge updates the distances with whole-array operations: Python work grows per merge, never per pair"""
    small, large = make_data(ctx.rng, n=40), make_data(ctx.rng, n=200)
    params = {"n_clusters": 3, "linkage": "average"}
    # n - 1 merges are inherently sequential, so a fixed amount of Python work per merge is expected
    # (the reference spends 15 lines, a long-winded solution 30); a loop over the other clusters at
    # every merge adds about n²/2 = 19,200 lines between these sizes and fails.
    expect_vectorised(ctx, fit_only_probe, (small, params), (large, params), 39, 199, "fit", per_unit=60, unit="merge")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.cluster import AgglomerativeClustering

    X = make_data(np.random.default_rng(0), n=500)
    return {
        "input": "fit, 500 samples × 3 features, Ward linkage, full tree: n argmins over the n × n matrix vs scipy's nearest-neighbour chain",
        "reference": lambda: reference.AgglomerativeClustering(n_clusters=3, linkage="ward").fit(X),
        "sklearn": lambda: AgglomerativeClustering(n_clusters=3, linkage="ward", compute_full_tree=True, compute_distances=True).fit(X),
    }
