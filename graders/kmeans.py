"""Hidden checks for kmeans.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with the reference solution and scikit-learn.

Lloyd's iterations are deterministic given an array init, so they are compared exactly with the
reference and with scikit-learn's ``KMeans(algorithm="lloyd")`` (on inputs where no cluster ever
empties: scikit-learn relocates empty clusters, this exercise keeps their centre). k-means++ is
random: its picks are tested statistically, with a false-fail probability below 1e-6.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised, same_partition
from mlkata.grading import Failed, check

TOL = {
    "trajectory": dict(rtol=1e-7, atol=1e-9),   # same arithmetic up to rounding, a few discrete steps
    "self_consistent": dict(rtol=1e-7, atol=1e-9),
    "tie": 1e-9,                                # distance slack when checking "nearest centre"
}
ALPHA = 1e-6             # false-fail probability budget of each statistical check
N_SEEDINGS = 600         # k-means++ calls in the distribution test
UPDATE = "the update is c_j = mean of the points labelled j (sum divided by the count), from the labels of the nearest current centre"
STALE = ("labels_ must be the nearest *final* centre: after the last update, assign the points again "
         "(labels computed from the previous iteration's centres are stale)")


def mixture(rng, n=240, k=4, d=2, spread=2.0):
    """Overlapping Gaussian blobs: Lloyd needs several iterations and no cluster empties."""
    means = rng.normal(size=(k, d)) * spread
    return means[rng.integers(k, size=n)] + rng.normal(size=(n, d))


def separated_blobs(rng, n=200):
    """Four well-separated blobs on a 12-unit grid: every sensible seeding finds them."""
    grid = np.array([[0, 0], [0, 1], [1, 0], [1, 1]]) * 12.0 + rng.uniform(-2, 2, size=(4, 2))
    y = rng.permutation(np.arange(n) % 4)
    return grid[y] + rng.normal(size=(n, 2)), y


def rows(rng, X, k):
    return X[rng.choice(len(X), size=k, replace=False)].copy()


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, params):
    model = mod.KMeans(**params)
    returned = model.fit(X)
    labels = np.asarray(model.labels_)
    return {
        "returned_self": returned is model,
        "centers": np.asarray(model.cluster_centers_, dtype=float),
        "labels": labels.astype(float),
        "labels_dtype": labels.dtype.str,
        "inertia": float(model.inertia_),
        "inertia_type": type(model.inertia_).__name__,
        "n_iter": float(model.n_iter_),
        "n_iter_type": type(model.n_iter_).__name__,
    }


def predict_probe(mod, X, params, X_new):
    model = mod.KMeans(**params).fit(X)
    labels = np.asarray(model.predict(X_new))
    return {"centers": np.asarray(model.cluster_centers_, dtype=float), "labels": labels.astype(float),
            "labels_dtype": labels.dtype.str}


def untouched_probe(mod, X, params, X_new):
    init = params["init"]
    model = mod.KMeans(**params).fit(X)
    model.predict(X_new)
    mod.kmeans_plusplus(X, 3, random_state=0)
    return {"X": X, "init": init, "X_new": X_new}


def plusplus_probe(mod, X, n_clusters, seed):
    centers, indices = mod.kmeans_plusplus(X, n_clusters, random_state=seed)
    indices = np.asarray(indices)
    return {"centers": np.asarray(centers, dtype=float), "indices": indices.astype(float), "indices_dtype": indices.dtype.str}


def seedings_probe(mod, X, n_clusters, seeds):
    picks = []
    for seed in seeds:
        picks.append(np.asarray(mod.kmeans_plusplus(X, n_clusters, random_state=int(seed))[1], dtype=float))
    return picks


def random_state_probe(mod, X, seed):
    first = np.asarray(mod.kmeans_plusplus(X, 3, random_state=seed)[1], dtype=float)
    again = np.asarray(mod.kmeans_plusplus(X, 3, random_state=seed)[1], dtype=float)
    generator = np.asarray(mod.kmeans_plusplus(X, 3, random_state=np.random.default_rng(seed))[1], dtype=float)
    unseeded = np.asarray(mod.kmeans_plusplus(X, 3)[1], dtype=float)
    fit_a = np.asarray(mod.KMeans(3, n_init=2, random_state=seed).fit(X).cluster_centers_, dtype=float)
    fit_b = np.asarray(mod.KMeans(3, n_init=2, random_state=seed).fit(X).cluster_centers_, dtype=float)
    fit_gen = np.asarray(mod.KMeans(3, n_init=2, random_state=np.random.default_rng(seed)).fit(X).cluster_centers_, dtype=float)
    fit_none = np.asarray(mod.KMeans(3, n_init=2).fit(X).cluster_centers_, dtype=float)
    return {"first": first, "again": again, "generator": generator, "unseeded": unseeded,
            "fit_a": fit_a, "fit_b": fit_b, "fit_gen": fit_gen, "fit_none": fit_none}


def repeated_fits_probe(mod, X, params, seeds):
    fits = []
    for seed in seeds:
        model = mod.KMeans(**params, random_state=int(seed)).fit(X)
        fits.append({"labels": np.asarray(model.labels_, dtype=float), "inertia": float(model.inertia_)})
    return fits


def work_probe(mod, X, init, n_clusters):
    mod.KMeans(len(init), init=init, n_init=1, max_iter=5).fit(X)
    mod.kmeans_plusplus(X, n_clusters, random_state=0)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _squared_distances(X, centers):
    return ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)


def _fit_result(got, k, d, n):
    """The learner's fit as arrays, after checking shapes."""
    centers = expect_shape(as_array(got["centers"], "cluster_centers_"), (k, d), "cluster_centers_")
    labels = expect_shape(as_array(got["labels"], "labels_"), (n,), "labels_")
    expect(np.all(np.isin(labels, np.arange(k))), f"labels_ holds values outside 0..{k - 1}: {np.unique(labels)[:8]}",
           "labels_[i] is the index of the centre assigned to sample i")
    return centers, labels.astype(int)


def _diagnose_update(X, init, got_centers):
    """Name the classic mistakes of the centre update from one step's result."""
    labels = _squared_distances(X, init).argmin(axis=1)
    k = len(init)
    members = [X[labels == j] for j in range(k)]
    sums = np.array([m.sum(axis=0) for m in members])
    medians = np.array([np.median(m, axis=0) for m in members])
    got = np.asarray(got_centers, dtype=float)
    if got.shape != init.shape:
        return UPDATE
    if np.allclose(got, sums, rtol=1e-6):
        return "the centres are the sums of their points, not divided by the count: c_j = sum / n_j, the mean"
    if np.allclose(got, medians, rtol=1e-6):
        return "the centres were updated with the median; k-means uses the mean of each cluster's points"
    if np.allclose(got, init, rtol=1e-9):
        return "the centres did not move from init: " + UPDATE
    return UPDATE


def _agreeing_with_sklearn(ctx, make_X, k, params, tries=8):
    """Data and init where the reference and scikit-learn's Lloyd agree (no empty cluster, no borderline stop)."""
    from sklearn.cluster import KMeans

    for _ in range(tries):
        X = make_X()
        init = rows(ctx.rng, X, k)
        want = ctx.reference(fit_probe, X, {"n_clusters": k, "init": init, "n_init": 1, **params})
        sk = KMeans(k, init=init, n_init=1, algorithm="lloyd", **params).fit(X)
        if (np.array_equal(want["labels"], sk.labels_) and np.allclose(want["centers"], sk.cluster_centers_, rtol=1e-9, atol=1e-12)
                and want["n_iter"] == sk.n_iter_):
            return X, init, sk
    raise AssertionError("grader: no data where the reference matches scikit-learn; report this")


def _bernstein(variance, n_statistics):
    """Deviation t with P(|O - E| > t) <= ALPHA / n_statistics for a sum of independent Bernoullis (Bernstein).

    The picks of different seedings are independent; given every seeding's earlier picks, the
    j-th picks are independent Bernoullis per group, so Bernstein's inequality holds for each
    (pick, group) count, and a union bound over all of them keeps the total below ALPHA.
    """
    L = np.log(2 * n_statistics / ALPHA)
    return L / 3 + np.sqrt(L ** 2 / 9 + 2 * L * variance)


def _pick_probabilities(X, picks, j, model):
    """P(pick j = x | picks 0..j-1) under a sampling model, per seeding: (n_seedings, n_samples)."""
    chosen = X[picks[:, :j]]                                                  # (N, j, d)
    d2 = ((X[None, None, :, :] - chosen[:, :, None, :]) ** 2).sum(axis=3)     # (N, j, n)
    nearest = d2.min(axis=1)
    if model == "D²":
        w = nearest
    elif model == "D":
        w = np.sqrt(nearest)
    elif model == "last":
        w = d2[:, -1]
    elif model == "uniform":
        w = np.ones_like(nearest)
    else:  # "farthest": deterministic argmax of D²
        w = (nearest == nearest.max(axis=1, keepdims=True)).astype(float)
    return w / w.sum(axis=1, keepdims=True)


def _seeding_deviation(X, groups, picks, model):
    """Worst |observed - expected| / Bernstein bound over picks 2..k and groups, and the worst pick's table."""
    onehot = (groups[:, None] == np.arange(groups.max() + 1)).astype(float)
    k = picks.shape[1]
    n_statistics = k * onehot.shape[1]          # the first pick's counts are tested too: one union bound
    worst, table = 0.0, None
    for j in range(1, k):
        p = _pick_probabilities(X, picks, j, model) @ onehot                  # (N, n_groups)
        observed = onehot[picks[:, j]].sum(axis=0)
        expected = p.sum(axis=0)
        bound = _bernstein((p * (1 - p)).sum(axis=0), n_statistics)
        z = np.max(np.abs(observed - expected) / bound)
        if z > worst:
            worst, table = z, (j, observed, expected, bound)
    return worst, table


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self and sets cluster_centers_ (k, d), int labels_ (n,), a float inertia_ and an int n_iter_"""
    X = mixture(ctx.rng, n=120, d=3)
    got = ctx.run(fit_probe, X, {"n_clusters": 3, "init": rows(ctx.rng, X, 3), "n_init": 1})
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    _fit_result(got, 3, 3, 120)
    expect(np.dtype(got["labels_dtype"]).kind in "iu", f"labels_ has dtype {got['labels_dtype']}, expected integers", "use argmin, which returns integers")
    expect(got["inertia_type"] in ("float", "float64"), f"inertia_ is a {got['inertia_type']}, expected a float", "convert with float(...)")
    expect(got["n_iter_type"] in ("int", "int64", "int32"), f"n_iter_ is a {got['n_iter_type']}, expected an int", "count the Lloyd iterations in an int")
    expect(got["n_iter"] >= 1, f"n_iter_ = {got['n_iter']:g}; at least one Lloyd iteration runs")


@check(points=3)
def first_iterations_match_reference(ctx):
    """from an array init, the centres and labels after 1 and 3 Lloyd iterations match the reference"""
    X = mixture(ctx.rng)
    init = rows(ctx.rng, X, 4)
    for steps in (1, 3):
        params = {"n_clusters": 4, "init": init, "n_init": 1, "max_iter": steps, "tol": 0.0}
        got, want = ctx.run(fit_probe, X, params), ctx.reference(fit_probe, X, params)
        centers, labels = _fit_result(got, 4, 2, len(X))
        cause = _diagnose_update(X, init, centers) if steps == 1 else UPDATE
        expect_close(centers, want["centers"], f"cluster_centers_ after max_iter={steps}", cause=cause, **TOL["trajectory"])
        expect_equal(labels, want["labels"].astype(int), f"labels_ after max_iter={steps}", cause=STALE)


@check(points=3)
def matches_sklearn_lloyd(ctx):
    """with an array init and n_init=1, converges exactly like scikit-learn's KMeans(algorithm="lloyd")"""
    X, init, sk = _agreeing_with_sklearn(ctx, lambda: mixture(ctx.rng, n=300, k=5), 5, {})
    got = ctx.run(fit_probe, X, {"n_clusters": 5, "init": init, "n_init": 1})
    centers, labels = _fit_result(got, 5, 2, len(X))
    against = 'scikit-learn\'s KMeans(algorithm="lloyd", init=<same array>, n_init=1)'
    cause = "Lloyd's loop: assign each point to its nearest centre, move each centre to the mean of its points, repeat until the labels stop changing or the centres move by at most tol·mean(var(X, axis=0))"
    expect_close(centers, sk.cluster_centers_, "cluster_centers_", cause=cause, against=against, **TOL["trajectory"])
    expect_equal(labels, sk.labels_, "labels_", cause=STALE, against=against)
    expect_close(got["inertia"], sk.inertia_, "inertia_", cause="inertia_ = Σ_i ||x_i - c_{labels_i}||² with the final centres", against=against, **TOL["trajectory"])
    expect(abs(got["n_iter"] - sk.n_iter_) <= 1, f"n_iter_ = {got['n_iter']:g} but scikit-learn ran {sk.n_iter_} iterations (one more or fewer is accepted)",
           "count one iteration per assignment + update, and stop as soon as the labels no longer change")


@check(points=2)
def labels_are_nearest_final_centre(ctx):
    """labels_ is the nearest of the final cluster_centers_, even when max_iter stops Lloyd early"""
    X = mixture(ctx.rng, n=300, k=5)
    got = ctx.run(fit_probe, X, {"n_clusters": 5, "init": rows(ctx.rng, X, 5), "n_init": 1, "max_iter": 2, "tol": 0.0})
    centers, labels = _fit_result(got, 5, 2, len(X))
    d2 = _squared_distances(X, centers)
    mine = d2[np.arange(len(X)), labels]
    wrong = mine > d2.min(axis=1) + TOL["tie"] * (1 + d2.min(axis=1))
    expect(not wrong.any(), f"{int(wrong.sum())} of {len(X)} samples are labelled with a centre that is not their nearest of cluster_centers_ (after max_iter=2)", STALE)


@check(points=1)
def inertia_matches_labels_and_centres(ctx):
    """inertia_ is the sum of squared distances from each sample to its assigned centre"""
    X = mixture(ctx.rng, n=300, k=5)
    got = ctx.run(fit_probe, X, {"n_clusters": 5, "init": rows(ctx.rng, X, 5), "n_init": 1, "max_iter": 2, "tol": 0.0})
    centers, labels = _fit_result(got, 5, 2, len(X))
    want = ((X - centers[labels]) ** 2).sum()
    cause = "inertia_ = Σ_i ||x_i - c_{labels_i}||², squared distances (not distances), summed (not averaged), with the final centres and labels_"
    if np.isclose(got["inertia"], want / len(X), rtol=1e-6):
        cause = "inertia_ is averaged over the samples; scikit-learn's inertia_ is the sum"
    expect_close(got["inertia"], want, "inertia_", against="Σ ||x_i - cluster_centers_[labels_[i]]||² of your own attributes", cause=cause, **TOL["self_consistent"])


@check(points=2)
def empty_cluster_keeps_its_centre(ctx):
    """a centre that no point is nearest to stays where it is (no NaN)"""
    X = mixture(ctx.rng, n=200, k=3, spread=3.0)
    far = X.max(axis=0) + 100.0                                  # nearer to no sample than the other centres
    init = np.vstack([rows(ctx.rng, X, 3), far])
    params = {"n_clusters": 4, "init": init, "n_init": 1}
    got, want = ctx.run(fit_probe, X, params), ctx.reference(fit_probe, X, params)
    centers = expect_shape(as_array(got["centers"], "cluster_centers_"), (4, 2), "cluster_centers_")
    cause = "an empty cluster has no points to average: 0/0 gives NaN. Keep its previous centre (counts > 0 ? sum / count : old centre)"
    expect(np.all(np.isfinite(centers)), f"cluster_centers_ contains NaN or inf when one cluster is empty: row 3 = {centers[3]}", cause)
    expect_close(centers[:3], want["centers"][:3], "the three non-empty clusters' centres", cause=UPDATE, **TOL["trajectory"])
    expect_close(centers[3], far, "the empty cluster's centre", against="its initial position", cause=cause, **TOL["trajectory"])


@check(points=2)
def stops_when_converged(ctx):
    """stops once the labels no longer change, or once the squared centre shift is <= tol · mean(var(X, axis=0))"""
    # (a) tol=0: only the labels can stop Lloyd, long before max_iter
    X = mixture(ctx.rng, n=300, k=5)
    params = {"n_clusters": 5, "init": rows(ctx.rng, X, 5), "n_init": 1, "tol": 0.0, "max_iter": 300}
    got, want = ctx.run(fit_probe, X, params), ctx.reference(fit_probe, X, params)
    m = int(want["n_iter"])
    expect(got["n_iter"] < 300, f"ran all max_iter=300 iterations although the labels stop changing at iteration {m}",
           "stop as soon as an assignment gives the same labels as the previous one: Lloyd has converged, ran all max_iter iterations for nothing")
    expect(abs(got["n_iter"] - m) <= 1, f"n_iter_ = {got['n_iter']:g}, but with tol=0 the labels stop changing at iteration {m} (one more or fewer is accepted)",
           "stop when the labels no longer change, not earlier and not later")
    expect_close(got["centers"], want["centers"], "cluster_centers_ at convergence", cause=UPDATE, **TOL["trajectory"])

    # (b) a tol that stops Lloyd by the centre shift, on data whose mean variance is far from 1
    for _ in range(10):
        X = mixture(ctx.rng, n=300, k=5) * 25.0 + 100.0
        init = rows(ctx.rng, X, 5)
        base = {"n_clusters": 5, "init": init, "n_init": 1, "tol": 0.0}
        path = [init] + [ctx.reference(fit_probe, X, {**base, "max_iter": i})["centers"] for i in range(1, 16)]
        shifts = np.array([((b - a) ** 2).sum() for a, b in zip(path[:-1], path[1:])])      # shifts[i - 1] after iteration i
        for t in range(2, 14):
            earlier = shifts[: t - 1].min()
            if 0 < shifts[t - 1] < earlier / 1.5 and shifts[t] > 0:
                break
        else:
            continue
        threshold = np.sqrt(shifts[t - 1] * earlier)             # stops at iteration t, clearly
        tol = threshold / np.mean(np.var(X, axis=0))
        params = {**base, "tol": tol, "max_iter": 300}
        got, want = ctx.run(fit_probe, X, params), ctx.reference(fit_probe, X, params)
        cause = (f"tol is relative: stop once Σ_j ||c_j_new - c_j||² <= tol · mean(np.var(X, axis=0)) (here {tol:.3g} × the mean feature variance "
                 f"{np.mean(np.var(X, axis=0)):.4g}), checked after each update; the reference stops after iteration {t} by this rule")
        expect_close(got["centers"], want["centers"], f"cluster_centers_ with tol={tol:.3g}", cause=cause, **TOL["trajectory"])
        expect(abs(got["n_iter"] - t) <= 1, f"n_iter_ = {got['n_iter']:g}, but the centre shift falls below tol after iteration {t}", cause)
        return
    raise AssertionError("grader: no data with a clear tol-based stop; report this")


@check(points=1)
def predict_is_nearest_centre(ctx):
    """predict gives, for new samples, the index of the nearest centre as ints"""
    X, _ = separated_blobs(ctx.rng)
    X_new = ctx.rng.uniform(X.min(axis=0), X.max(axis=0), size=(150, 2))
    got = ctx.run(predict_probe, X, {"n_clusters": 4, "n_init": 2, "random_state": 0}, X_new)
    centers = expect_shape(as_array(got["centers"], "cluster_centers_"), (4, 2), "cluster_centers_")
    expect(np.dtype(got["labels_dtype"]).kind in "iu", f"predict returns dtype {got['labels_dtype']}, expected integers", "use argmin over the centres")
    labels = expect_shape(as_array(got["labels"], "predict(X)"), (150,), "predict(X)")
    expect_equal(labels, _squared_distances(X_new, centers).argmin(axis=1), "predict(X_new)", against="the nearest of your cluster_centers_",
                 cause="predict(X) = argmin_j ||x - cluster_centers_[j]||² for each row of X")


@check(points=1)
def kmeans_plusplus_returns_rows_of_X(ctx):
    """kmeans_plusplus returns (centers, indices) with centers == X[indices] and no point picked twice"""
    X = ctx.rng.normal(size=(12, 3))
    got = ctx.run(plusplus_probe, X, 12, 0)      # k = n: every point exactly once
    indices = expect_shape(as_array(got["indices"], "indices"), (12,), "indices", "indices has one entry per centre")
    expect(np.dtype(got["indices_dtype"]).kind in "iu", f"indices has dtype {got['indices_dtype']}, expected integers")
    expect(np.all((indices >= 0) & (indices < 12)), f"indices outside 0..11: {indices}")
    expect_close(got["centers"], X[indices.astype(int)], "centers", against="X[indices]", cause="centers are the chosen rows: centers = X[indices]", **TOL["self_consistent"])
    expect(len(np.unique(indices)) == 12, f"with n_clusters = n_samples = 12 some point was picked twice: indices = {indices.astype(int)}",
           "D(x) is the distance to the nearest centre chosen so far, so a chosen point has D = 0 and D² sampling never picks it again; "
           "sampling uniformly, or measuring D to the last centre only, can pick a point twice")


@check(points=3)
def kmeans_plusplus_samples_by_squared_distance(ctx):
    """over 600 seedings, the first centre is uniform and each next one follows D(x)² (false-fail probability < 1e-6)"""
    # Three tight groups on a line at 0, 1 and 4 (15, 10 and 5 points): the D² probabilities
    # differ clearly from D, uniform, distance-to-the-last-centre and farthest-point picks.
    direction = ctx.rng.normal(size=2)
    direction /= np.linalg.norm(direction)
    sizes, positions = np.array([15, 10, 5]), np.array([0.0, 1.0, 4.0])
    groups = np.repeat(np.arange(3), sizes)
    X = positions[groups, None] * direction + ctx.rng.normal(scale=1e-3, size=(30, 2)) + ctx.rng.normal(size=2)
    seeds = np.arange(N_SEEDINGS) + int(ctx.rng.integers(10 ** 6))
    got = ctx.run(seedings_probe, X, 3, seeds)
    expect(isinstance(got, list) and len(got) == N_SEEDINGS, "kmeans_plusplus did not return one result per call")
    picks = np.array([expect_shape(as_array(p, "indices"), (3,), "indices") for p in got])
    expect(np.all((picks >= 0) & (picks < 30) & (picks == np.round(picks))), "indices are not row numbers of X")
    picks = picks.astype(int)
    names = "groups at 0, 1 and 4 (15, 10 and 5 points)"

    # first centre: uniform over the rows, so each group in proportion to its size
    first = np.bincount(groups[picks[:, 0]], minlength=3)
    expected = N_SEEDINGS * sizes / 30
    bound = _bernstein(expected * (1 - sizes / 30), 3 * 3)     # 3 picks x 3 groups share ALPHA
    expect(np.all(np.abs(first - expected) <= bound),
           f"the first centre fell in the {names} {first.tolist()} times out of {N_SEEDINGS}; uniform sampling expects {np.round(expected).astype(int).tolist()} (± {np.round(bound).astype(int).tolist()})",
           "the first centre is drawn uniformly among the rows of X (rng.integers(n_samples)), not fixed and not weighted")

    z, (j, observed, expected, bound) = _seeding_deviation(X, groups, picks, "D²")
    if z > 1:
        fits = {model: _seeding_deviation(X, groups, picks, model)[0] for model in ("D", "uniform", "last", "farthest")}
        best = min(fits, key=fits.get)
        likely = {
            "D": "the picks follow the distance D(x), not its square: use probabilities D(x)² / Σ D²",
            "uniform": "the next centres are drawn uniformly instead of with probability D(x)² / Σ D²",
            "last": "D(x) is measured to the last centre only; it must be the distance to the nearest centre chosen so far (a running minimum)",
            "farthest": "the next centre is the farthest point (argmax), not a random draw with probability D(x)² / Σ D²",
        }[best] if fits[best] <= 1 else "the next centre is drawn with probability D(x)² / Σ D², D(x) the distance to the nearest centre chosen so far"
        raise Failed(
            f"centre {j + 1} fell in the {names} {observed.astype(int).tolist()} times out of {N_SEEDINGS} seedings; "
            f"given each seeding's earlier picks, D² sampling expects {np.round(expected).astype(int).tolist()} (± {np.round(bound).astype(int).tolist()})\n"
            f"Likely cause: {likely}")


@check(points=1)
def random_state_reproducible(ctx):
    """the same int random_state gives the same result; a Generator and None are accepted"""
    X, _ = separated_blobs(ctx.rng, n=60)
    seed = int(ctx.rng.integers(1000))
    got = ctx.run(random_state_probe, X, seed)
    cause = "build the generator once with rng = np.random.default_rng(random_state) and draw every random number from it"
    expect(np.array_equal(got["first"], got["again"]), f"kmeans_plusplus(X, 3, random_state={seed}) gave {got['first']} then {got['again']}", cause)
    expect(np.allclose(got["fit_a"], got["fit_b"]), f"KMeans(random_state={seed}) gave different cluster_centers_ in two fits", cause)
    for key in ("generator", "unseeded"):
        expect(np.shape(got[key]) == (3,), f"kmeans_plusplus with random_state={'a Generator' if key == 'generator' else 'None'} returned indices of shape {np.shape(got[key])}", cause)
    for key in ("fit_gen", "fit_none"):
        expect(np.shape(got[key]) == (3, 2), f"KMeans with random_state={'a Generator' if key == 'fit_gen' else 'None'} gave cluster_centers_ of shape {np.shape(got[key])}", cause)


@check(points=2)
def n_init_keeps_the_best_run(ctx):
    """with n_init=20, every fit reaches the best partition on data where one seeding misses it a third of the time"""
    # Corners of a 1.3 x 1 rectangle, 15 points at each left corner and 5 at each right one,
    # k=2. The best split is left | right; top | bottom is a Lloyd fixed point that one plain
    # k-means++ seeding reaches with probability 0.32 (measured over 3000 seeds). A correct
    # fit misses only if all 20 runs do: 0.32**20 ≈ 1e-10, so 20 fits fail with p < 1e-8.
    # Keeping the last run (or one run) misses in each fit with p = 0.32: 20 fits catch it with p > 0.999.
    corners = np.array([[0.0, 1.0], [0.0, 0.0], [1.3, 1.0], [1.3, 0.0]])
    sizes = [15, 15, 5, 5]
    left = np.repeat([True, True, False, False], sizes)
    X = np.repeat(corners, sizes, axis=0) + ctx.rng.normal(scale=0.02, size=(40, 2))
    best = sum(((X[side] - X[side].mean(axis=0)) ** 2).sum() for side in (left, ~left))
    seeds = np.arange(20) + int(ctx.rng.integers(10 ** 6))
    fits = ctx.run(repeated_fits_probe, X, {"n_clusters": 2, "n_init": 20}, seeds)
    expect(isinstance(fits, list) and len(fits) == 20, "KMeans.fit did not return one result per fit")
    missed = [i for i, fit in enumerate(fits) if not (same_partition(fit["labels"], left) or fit["inertia"] <= best * (1 + 1e-9))]
    if missed:
        worst = max(fits[i]["inertia"] for i in missed)
        raise Failed(
            f"{len(missed)} of 20 fits with n_init=20 ended in a worse partition (inertia_ up to {worst:.4g}, best {best:.4g}); "
            f"a single k-means++ seeding misses the best partition here about a third of the time, so 20 runs all miss it with probability < 1e-9\n"
            "Likely cause: n_init runs must each start from a new seeding (one generator for all runs) and fit must keep the run with the lowest inertia, not the last one")


@check(points=2)
def default_fit_matches_sklearn_on_blobs(ctx):
    """with the default k-means++ and n_init=10, finds the same partition as scikit-learn on well-separated blobs"""
    from sklearn.cluster import KMeans

    X, _ = separated_blobs(ctx.rng)
    seed = int(ctx.rng.integers(1000))
    got = ctx.run(fit_probe, X, {"n_clusters": 4, "random_state": seed})
    centers, labels = _fit_result(got, 4, 2, len(X))
    sk = KMeans(4, random_state=seed).fit(X)
    if same_partition(labels, sk.labels_) or got["inertia"] < sk.inertia_ * (1 - 1e-9):
        expect_close(got["inertia"], min(got["inertia"], sk.inertia_), "inertia_", against="scikit-learn's KMeans(4) on the same partition",
                     cause="inertia_ = Σ_i ||x_i - c_{labels_i}||²", **TOL["trajectory"])
        return
    raise Failed(
        f"on four well-separated blobs the partition differs from scikit-learn's KMeans(4) (inertia_ {got['inertia']:.5g} vs {sk.inertia_:.5g}); "
        "a plain k-means++ seeding misses these blobs in about 6% of runs, so ten runs all miss with probability ~1e-12\n"
        "Likely cause: the seeding or Lloyd's loop: check that fit draws n_init k-means++ seedings and keeps the run with the lowest inertia")


@check(points=1)
def inputs_not_modified(ctx):
    """fit, predict and kmeans_plusplus leave their input arrays (X and init) unchanged"""
    X = mixture(ctx.rng, n=150, k=3)
    init = rows(ctx.rng, X, 3)
    X_new = ctx.rng.normal(size=(40, 2))
    got = ctx.run(untouched_probe, X, {"n_clusters": 3, "init": init, "n_init": 1}, X_new)
    cause = "an in-place update of the caller's array (centers = init, then centers[j] = ...; or X -= mean); work on a copy: np.array(init, dtype=float)"
    expect_equal(got["init"], init, "init after fit", against="init before fit", cause=cause)
    expect_equal(got["X"], X, "X after fit and kmeans_plusplus", against="X before", cause=cause)
    expect_equal(got["X_new"], X_new, "X after predict", against="X before predict", cause=cause)


@check(points=2)
def vectorised(ctx):
    """Lloyd's iterations and kmeans_plusplus do not loop over samples in Python"""
    X = mixture(ctx.rng, n=100, k=3, spread=4.0)
    init = rows(ctx.rng, X, 3)
    # Tiling leaves every assignment and mean, hence every Lloyd step, unchanged; k-means++ loops over the centres only.
    expect_vectorised(ctx, work_probe, (X, init, 4), (np.tile(X, (4, 1)), init, 4), 100, 400, "fit / kmeans_plusplus")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.cluster import KMeans

    rng = np.random.default_rng(0)
    X = mixture(rng, n=10_000, k=8, d=10)
    init = rows(rng, X, 8)
    return {
        "input": "fit, 10000 samples × 10 features, 8 clusters, one Lloyd run (n_init=1) from the same array init to convergence: same iterations",
        "reference": lambda: reference.KMeans(8, init=init, n_init=1).fit(X),
        "sklearn": lambda: KMeans(8, init=init, n_init=1, algorithm="lloyd").fit(X),
    }
