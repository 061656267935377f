"""Hidden checks for knn.

Every data set is dyadic (multiples of 1/256), so squared distances are exact in float64
whatever formula computes them (broadcast differences or the ||a||² - 2ab + ||b||²
identity): ties are exact ties, and queries with a tie between the k-th and (k+1)-th
neighbour are dropped before any comparison with scikit-learn. Vote ties are allowed to go
either way.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "distance": dict(rtol=1e-9, atol=1e-12),   # exact arithmetic on dyadic data; only sqrt rounds
    "proba": dict(rtol=1e-7, atol=1e-7),       # tolerant of a 1e-12 guard added to distances
    "zero_distance": dict(rtol=0, atol=1e-6),  # a learner's identity may leave 1e-8 instead of 0
    "sums_to_one": dict(rtol=0, atol=1e-9),
}
LABELS = np.array([3, 7, 10])
VOTES = "proba[q, c] is the share of the (weighted) votes of the n_neighbors nearest training points that belong to classes_[c]"


def _dyadic(X):
    return np.round(np.asarray(X, dtype=float) * 256) / 256


def make_data(rng, n=150, n_queries=120, d=3, spread=1.3):
    """Three overlapping classes labelled 3, 7, 10, and queries from the same mixture."""
    centers = rng.normal(scale=spread, size=(3, d))
    index = np.r_[np.arange(3), rng.integers(0, 3, size=n + n_queries - 3)]
    rng.shuffle(index)
    X = _dyadic(centers[index] + rng.normal(size=(len(index), d)))
    return X[:n], LABELS[index[:n]], X[n:]


def _squared(Xq, X):
    return ((Xq[:, None, :] - X[None, :, :]) ** 2).sum(-1)   # exact on dyadic data


def tie_free(X, Xq, ks):
    """The queries whose k-th and (k+1)-th nearest training points are at different distances."""
    ordered = np.sort(_squared(Xq, X), axis=1)
    keep = np.ones(len(Xq), dtype=bool)
    for k in ks:
        keep &= ordered[:, k] > ordered[:, k - 1]
    return Xq[keep]


def _votes(X, y, Xq, k, weights, metric="euclidean", skip=0, inverse=True):
    """Vote shares of a KNN variant, to recognise classic mistakes from the output."""
    classes, yi = np.unique(y, return_inverse=True)
    D = np.sqrt(_squared(Xq, X)) if metric == "euclidean" else np.abs(Xq[:, None, :] - X[None, :, :]).sum(-1)
    ind = np.argsort(D, axis=1, kind="stable")[:, skip:skip + k]
    d = np.take_along_axis(D, ind, axis=1)
    if weights == "uniform":
        w = np.ones_like(d)
    elif inverse:
        with np.errstate(divide="ignore"):
            w = np.where((d == 0).any(1, keepdims=True), d == 0, 1 / d)
    else:
        w = d
    votes = (w[:, :, None] * (yi[ind][:, :, None] == np.arange(len(classes)))).sum(1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return votes / votes.sum(1, keepdims=True)


def _diagnose_proba(got, X, y, Xq, k, weights):
    """Name the mistake whose output matches ``got``, or None."""
    if got.shape != (len(Xq), len(np.unique(y))):
        return None
    variants = [
        (dict(k=k + 1), "the votes match n_neighbors + 1 neighbours: one neighbour too many (an off-by-one; take argsort(...)[:, :n_neighbors])"),
        (dict(k=k, skip=1), "the votes match neighbours 2 .. n_neighbors + 1: the code skips the nearest neighbour (argsort(...)[:, 1:k + 1] drops the closest point, which is the query itself only when it is a training point)"),
        (dict(k=k - 1), "the votes match n_neighbors - 1 neighbours: one neighbour too few (an off-by-one)"),
        (dict(k=k, metric="manhattan"), "the votes match the Manhattan (L1) distance sum|a - b|: KNN here uses the Euclidean distance sqrt(sum (a - b)²)"),
    ]
    if weights == "distance":
        variants.append((dict(k=k, inverse=False), "the weights are the distances themselves instead of 1 / distance: nearer neighbours must count more, not less"))
    for variant, message in variants:
        if variant.get("k", 1) < 1:
            continue
        params = dict(variant)
        kk = params.pop("k")
        want = _votes(X, y, Xq, kk, weights, **params)
        if np.all(np.isfinite(want)) and np.allclose(got, want, rtol=1e-9, atol=1e-9):
            return message
    return None


def _diagnose_distances(got, X, Xq, k):
    exact = np.sqrt(np.sort(_squared(Xq, X), axis=1))
    manhattan = np.sort(np.abs(Xq[:, None, :] - X[None, :, :]).sum(-1), axis=1)
    if got.shape == (len(Xq), k + 1):
        return "kneighbors returns n_neighbors + 1 columns: one neighbour too many (an off-by-one; take argsort(...)[:, :n_neighbors])"
    if got.shape != (len(Xq), k):
        return None
    if np.allclose(got, exact[:, 1:k + 1], rtol=1e-9):
        return "these are neighbours 2 .. n_neighbors + 1: the code skips the nearest neighbour (argsort(...)[:, 1:k + 1])"
    if np.allclose(got, manhattan[:, :k], rtol=1e-9):
        return "these are Manhattan (L1) distances sum|a - b|: use the Euclidean distance sqrt(sum (a - b)²)"
    if np.allclose(got, exact[:, :k] ** 2, rtol=1e-9):
        return "these are squared distances: take the square root"
    if np.allclose(np.sort(got, axis=1), exact[:, :k], rtol=1e-9):
        return "the right neighbours, but not sorted by distance: np.argpartition leaves the k nearest in arbitrary order; sort them (nearest first)"
    return None


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, y, Xq, params):
    model = mod.KNeighborsClassifier(**params)
    returned = model.fit(X, y)
    proba = np.asarray(model.predict_proba(Xq), dtype=float)
    labels = np.asarray(model.predict(Xq))
    dist, ind = model.kneighbors(Xq)
    return {"returned_self": returned is model, "classes": np.asarray(model.classes_), "proba": proba,
            "labels": labels, "dist": np.asarray(dist, dtype=float), "ind": np.asarray(ind)}


def kneighbors_probe(mod, X, y, Xq, params, k_override):
    model = mod.KNeighborsClassifier(**params).fit(X, y)
    dist, ind = model.kneighbors(Xq)
    dist_k, ind_k = model.kneighbors(Xq, n_neighbors=k_override)
    only = model.kneighbors(Xq, return_distance=False)
    return {"dist": np.asarray(dist, dtype=float), "ind": np.asarray(ind),
            "dist_k": np.asarray(dist_k, dtype=float), "ind_k": np.asarray(ind_k),
            "only_type": type(only).__name__, "only": np.asarray(only) if not isinstance(only, tuple) else np.zeros(0)}


def proba_probe(mod, X, y, Xq, params):
    model = mod.KNeighborsClassifier(**params).fit(X, y)
    return {"proba": np.asarray(model.predict_proba(Xq), dtype=float), "labels": np.asarray(model.predict(Xq)),
            "X_after": X, "y_after": y, "Xq_after": Xq}


def run_only_probe(mod, X, y, Xq, params):
    model = mod.KNeighborsClassifier(**params).fit(X, y)
    model.predict(Xq)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sklearn(X, y, k, weights):
    from sklearn.neighbors import KNeighborsClassifier

    return KNeighborsClassifier(n_neighbors=k, weights=weights).fit(X, y)


def _expect_proba(ctx, got, X, y, Xq, k, weights):
    proba = as_array(got, "predict_proba")
    want = _sklearn(X, y, k, weights).predict_proba(Xq)
    cause = _diagnose_proba(proba, X, y, Xq, k, weights) if proba.shape == want.shape else None
    against = f"scikit-learn's KNeighborsClassifier(n_neighbors={k}, weights={weights!r}).predict_proba"
    expect_close(proba, want, f"predict_proba with n_neighbors={k}, weights={weights!r}", against=against,
                 cause=cause or VOTES, **TOL["proba"])


def _expect_labels(labels, want_proba, classes, what):
    """Labels must be the argmax of the expected vote shares; on a vote tie any tied class is right."""
    labels = expect_shape(labels, (len(want_proba),), what)
    best = want_proba.max(axis=1, keepdims=True)
    allowed = want_proba >= best - 1e-9
    chosen = labels[:, None] == classes[None, :]
    ok = (chosen & allowed).any(axis=1)
    if not ok.all():
        i = int(np.flatnonzero(~ok)[0])
        raise Failed(f"{what} differs from the class with the most votes in {int((~ok).sum())} of {len(ok)} queries, first at query {i} "
                     f"(got {labels[i]!r}, expected one of {classes[allowed[i]].tolist()}, vote shares {np.round(want_proba[i], 4).tolist()})\n"
                     "Likely cause: predict must return classes_[argmax(predict_proba)], labels from classes_ rather than column indices")


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def fitted_attributes(ctx):
    """fit returns self; classes_ holds the sorted labels; predict_proba has one column per class"""
    X, y, Xq = make_data(ctx.rng, n_queries=40)
    got = ctx.run(fit_probe, X, y, Xq, {})
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    expect_equal(got["classes"], LABELS, "classes_", against="np.unique(y)", cause="classes_ is np.unique(y): the sorted labels (here 3, 7, 10), not 0 .. n_classes - 1")
    proba = expect_shape(as_array(got["proba"], "predict_proba"), (40, 3), "predict_proba", "one row per query, one column per class of classes_")
    expect_close(proba.sum(axis=1), np.ones(40), "the rows of predict_proba", against="1", cause="divide the votes by their total", **TOL["sums_to_one"])
    labels = expect_shape(got["labels"], (40,), "predict")
    expect(np.isin(labels, LABELS).all(), f"predict returns {sorted(set(np.asarray(labels).tolist()) - set(LABELS.tolist()))[:3]}, which are not labels of y",
           "return classes_[argmax(proba)], the labels themselves, not their column indices")
    dist = as_array(got["dist"], "kneighbors(X)[0]")
    expect_shape(dist, (40, 5), "kneighbors(X)[0] with the default n_neighbors",
                 _diagnose_distances(dist, X, Xq, 5) or "the default is n_neighbors=5, as in scikit-learn")


@check(points=3)
def kneighbors_match_sklearn(ctx):
    """kneighbors returns the n_neighbors nearest points, nearest first, with their Euclidean distances"""
    X, y, Xq = make_data(ctx.rng)
    Xq = tie_free(X, Xq, (5, 3))
    got = ctx.run(kneighbors_probe, X, y, Xq, {"n_neighbors": 5}, 3)
    sk = _sklearn(X, y, 5, "uniform")
    exact = np.sqrt(_squared(Xq, X))
    for k, dkey, ikey in ((5, "dist", "ind"), (3, "dist_k", "ind_k")):
        want_dist, want_ind = sk.kneighbors(Xq, n_neighbors=k)
        dist = as_array(got[dkey], f"kneighbors distances (n_neighbors={k})")
        what = f"kneighbors(X{'' if k == 5 else ', n_neighbors=3'}) distances"
        expect_close(dist, want_dist, what, against="scikit-learn's kneighbors", cause=_diagnose_distances(dist, X, Xq, k)
                     or "the Euclidean distances to the n_neighbors nearest training points, sorted nearest first", **TOL["distance"])
        ind = expect_shape(as_array(got[ikey], f"kneighbors indices (n_neighbors={k})", dtype=np.int64), want_ind.shape, f"kneighbors indices (n_neighbors={k})")
        expect(((ind >= 0) & (ind < len(X))).all(), "kneighbors returns indices outside 0 .. n_train - 1")
        expect_close(np.take_along_axis(exact, ind, axis=1), dist, f"the distance of each index kneighbors returns (n_neighbors={k})",
                     against="the distance kneighbors reports beside it", cause="indices and distances must be taken with the same sort order", **TOL["distance"])
        same_sets = (np.sort(ind, axis=1) == np.sort(want_ind, axis=1)).all(axis=1)
        expect(same_sets.all(), f"kneighbors (n_neighbors={k}) returns other neighbours than scikit-learn for {int((~same_sets).sum())} of {len(Xq)} queries",
               "the neighbours are the training points with the smallest Euclidean distances")
    expect(got["only_type"] != "tuple", "kneighbors(X, return_distance=False) returns a tuple", "with return_distance=False return the indices alone, as scikit-learn does")
    expect_equal(got["only"], as_array(got["ind"], "kneighbors indices", dtype=np.int64), "kneighbors(X, return_distance=False)", against="the indices of kneighbors(X)")


@check(points=3)
def uniform_proba_matches_sklearn(ctx):
    """predict_proba with uniform weights matches scikit-learn (n_neighbors = 5 and 8)"""
    X, y, Xq = make_data(ctx.rng)
    Xq = tie_free(X, Xq, (5, 8))
    for k in (5, 8):
        got = ctx.run(proba_probe, X, y, Xq, {"n_neighbors": k})
        _expect_proba(ctx, got["proba"], X, y, Xq, k, "uniform")


@check(points=3)
def distance_weights_match_sklearn(ctx):
    """predict_proba with weights="distance" (votes 1 / distance) matches scikit-learn"""
    X, y, Xq = make_data(ctx.rng)
    Xq = tie_free(X, Xq, (7,))
    got = ctx.run(proba_probe, X, y, Xq, {"n_neighbors": 7, "weights": "distance"})
    _expect_proba(ctx, got["proba"], X, y, Xq, 7, "distance")


@check(points=2)
def predict_matches_sklearn(ctx):
    """predict is the class with the most votes (n_neighbors 1 and 5, both weightings; vote ties either way)"""
    X, y, Xq = make_data(ctx.rng)
    Xq = tie_free(X, Xq, (1, 5))
    for k, weights in ((1, "uniform"), (5, "uniform"), (5, "distance")):
        got = ctx.run(proba_probe, X, y, Xq, {"n_neighbors": k, "weights": weights})
        want_proba = _sklearn(X, y, k, weights).predict_proba(Xq)
        cause = _diagnose_proba(as_array(got["proba"], "predict_proba"), X, y, Xq, k, weights)
        if cause and k == 1:
            raise Failed(f"predict with n_neighbors=1 is not the label of the nearest training point\nLikely cause: {cause}")
        try:
            _expect_labels(got["labels"], want_proba, LABELS, f"predict with n_neighbors={k}, weights={weights!r}")
        except Failed as failure:
            raise Failed(f"{failure}\nThe vote shares show: {cause}" if cause else str(failure)) from None


@check(points=2)
def zero_distance_takes_all_the_weight(ctx):
    """with weights="distance", training points at distance 0 from a query get all the weight, as in scikit-learn"""
    X, y, Xq = make_data(ctx.rng, n_queries=30)
    twins = ctx.rng.choice(len(X), size=12, replace=False)
    X2 = np.vstack([X, X[twins]])                                    # duplicated points ...
    y2 = np.r_[y, LABELS[(np.searchsorted(LABELS, y[twins]) + 1) % 3]]  # ... with another label
    queries = np.vstack([X[twins], X[ctx.rng.choice(len(X), size=12, replace=False)], Xq])
    queries = tie_free(X2, queries, (5,))
    got = ctx.run(proba_probe, X2, y2, queries, {"n_neighbors": 5, "weights": "distance"})
    proba = as_array(got["proba"], "predict_proba")
    cause = ("1 / 0 = inf, and inf / inf = nan: when a query coincides with training points, scikit-learn gives those points "
             "all the weight (weight 1 each, the other neighbours 0); handle rows with a zero distance before dividing")
    expect(not np.isnan(proba).any(), f"predict_proba has NaN in {int(np.isnan(proba).any(axis=1).sum())} rows for queries that are training points", cause)
    want = _sklearn(X2, y2, 5, "distance").predict_proba(queries)
    expect_close(proba, want, "predict_proba for queries that coincide with training points", against="scikit-learn (zero distances take all the weight)",
                 cause=_diagnose_proba(proba, X2, y2, queries, 5, "distance") or cause, **TOL["zero_distance"])
    _expect_labels(got["labels"], want, LABELS, "predict for queries that coincide with training points")


@check(points=1)
def inputs_not_modified(ctx):
    """fit, predict_proba and predict leave their input arrays unchanged"""
    X, y, Xq = make_data(ctx.rng, n_queries=30)
    got = ctx.run(proba_probe, X, y, Xq, {"weights": "distance"})
    cause = "an in-place operation (X -= ..., X **= 2, sort in place) on the caller's array; work on a copy"
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause=cause)
    expect_equal(got["y_after"], y, "y after fit", against="y before fit", cause=cause)
    expect_equal(got["Xq_after"], Xq, "X after predict", against="X before predict", cause=cause)


@check(points=2)
def vectorised(ctx):
    """distances, neighbours and votes are computed without a Python loop over samples or pairs"""
    X, y, Xq = make_data(ctx.rng, n=60, n_queries=60)
    params = {"weights": "distance"}
    # Tiling both sets keeps the code path; only the number of samples grows (60 -> 240 each).
    expect_vectorised(ctx, run_only_probe, (X, y, Xq, params), (np.tile(X, (4, 1)), np.tile(y, 4), np.tile(Xq, (4, 1)), params),
                      60, 240, "fit + predict")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.neighbors import KNeighborsClassifier

    X, y, Xq = make_data(np.random.default_rng(0), n=2000, n_queries=1000, d=10)
    return {
        "input": "fit + predict_proba, 2000 training points × 10 features, 1000 queries, n_neighbors=5, brute force on both sides "
                 "(scikit-learn: algorithm='brute'): all n_q × n_train distances",
        "reference": lambda: reference.KNeighborsClassifier(n_neighbors=5).fit(X, y).predict_proba(Xq),
        "sklearn": lambda: KNeighborsClassifier(n_neighbors=5, algorithm="brute").fit(X, y).predict_proba(Xq),
    }
