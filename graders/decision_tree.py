"""Hidden checks for decision_tree.

scikit-learn's DecisionTreeClassifier breaks ties between equally good splits at random
(random_state). Every comparison with it is therefore made on data drawn until the fitted tree
has no tie at any of its splits (:func:`_tie_free`): the best split of every node beats the
second best by a clear margin, and consecutive feature values are at least 1e-6 apart. On such
data CART has one answer. Everything else is tested by properties that hold whatever the ties.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_vectorised, same_partition
from mlkata.grading import Failed, check

TOL = {
    "proba": dict(rtol=1e-9, atol=1e-12),  # leaf class fractions: the same counts, divided once
    "tie": 1e-9,                            # relative margin below which two split costs count as a tie
    "near_threshold": 1e-9,                 # test points this close to a threshold are dropped
}
SPLIT = ("the best split minimises n_left·I(left) + n_right·I(right) (the children's impurities weighted by their sizes) "
         "over every feature and every cut between consecutive distinct sorted values, with at least min_samples_leaf samples on each side")
MIDPOINT = "thresholds must sit at the midpoint between the two consecutive distinct training values around the cut, (x[i] + x[i+1]) / 2, as in scikit-learn"


def make_data(rng, n=300, d=4, k=3, noise=0.7):
    """Continuous features with gaps above 1e-6 (scikit-learn merges closer values) and k classes."""
    while True:
        X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d)
        W = rng.normal(size=(d, k))
        score = 2 * np.tanh(X @ W) + X[:, :k] ** 2 + rng.normal(scale=noise, size=(n, k))
        y = np.argmax(score, axis=1)
        if np.diff(np.sort(X, axis=0), axis=0).min() > 1e-6 and len(np.unique(y)) == k:
            return X, y


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, y, params, X_test):
    model = mod.DecisionTreeClassifier(**params)
    returned = model.fit(X, y)
    proba = np.asarray(model.predict_proba(X_test), dtype=float)
    return {
        "returned_self": returned is model,
        "classes": np.asarray(model.classes_),
        "n_classes": int(model.n_classes_),
        "proba": proba,
        "pred": np.asarray(model.predict(X_test)),
        "leaves": np.asarray(model.apply(X)).astype(np.int64),
        "depth": int(model.get_depth()),
        "X_after": X, "y_after": y, "X_test_after": X_test,
    }


def rescaled_probe(mod, X, y, params, X_rescaled):
    a = mod.DecisionTreeClassifier(**params).fit(X, y)
    b = mod.DecisionTreeClassifier(**params).fit(X_rescaled, y)
    return {"proba": np.asarray(a.predict_proba(X), dtype=float), "proba_rescaled": np.asarray(b.predict_proba(X_rescaled), dtype=float),
            "leaves": np.asarray(a.apply(X)).astype(np.int64), "leaves_rescaled": np.asarray(b.apply(X_rescaled)).astype(np.int64)}


def work_probe(mod, X, y, params):
    model = mod.DecisionTreeClassifier(**params).fit(X, y)
    model.predict(X)
    model.predict_proba(X)
    return np.asarray(model.apply(X)).astype(np.int64)


# -- helpers ----------------------------------------------------------------------------

def _impurity(p, criterion):
    if criterion == "gini":
        return 1.0 - np.sum(p**2, axis=-1)
    return -np.sum(p * np.log2(np.where(p > 0, p, 1.0)), axis=-1)


def _cuts(X, Y, criterion, min_leaf, mistake=None):
    """Every cut of one node: (cost (n-1, d), valid mask, sorted order); cost = n_L·I(L) + n_R·I(R).

    ``mistake`` computes a classic wrong cost instead: "unweighted" (I(L) + I(R)) or "counts"
    (the impurity of the class counts instead of the proportions).
    """
    n = len(X)
    order = np.argsort(X, axis=0, kind="stable")
    xs = np.take_along_axis(X, order, axis=0)
    left = np.cumsum(Y[order], axis=0)[:-1]
    right = Y.sum(axis=0) - left
    n_left = np.arange(1, n)[:, None]
    n_right = n - n_left
    if mistake == "counts":
        i_left, i_right = _impurity(left, criterion), _impurity(right, criterion)
    else:
        i_left, i_right = _impurity(left / n_left[..., None], criterion), _impurity(right / n_right[..., None], criterion)
    cost = i_left + i_right if mistake == "unweighted" else n_left * i_left + n_right * i_right
    valid = (xs[1:] > xs[:-1]) & (n_left >= min_leaf) & (n_right >= min_leaf)
    return cost, valid, order


def _no_ties(X, y, sk, criterion, min_leaf):
    """Whether every split of scikit-learn's fitted tree is the unique best by a clear margin."""
    Y = np.eye(y.max() + 1)[y]
    tree = sk.tree_
    members = sk.decision_path(X).tocsc()
    for node in np.flatnonzero(tree.children_left >= 0):
        rows = members[:, node].nonzero()[0]
        cost, valid, _ = _cuts(X[rows], Y[rows], criterion, min_leaf)
        c = np.sort(cost[valid])
        if len(c) > 1 and c[1] - c[0] <= TOL["tie"] * len(rows):
            return False
    return True


def _tie_free(rng, params, k=3, labels=None, **data):
    """Data (X, y) and scikit-learn's tree on it, drawn until the tree has no tied split."""
    from sklearn.tree import DecisionTreeClassifier

    for _ in range(100):
        X, codes = make_data(rng, k=k, **data)
        sk = DecisionTreeClassifier(random_state=0, **params).fit(X, codes)
        if _no_ties(X, codes, sk, params.get("criterion", "gini"), params.get("min_samples_leaf", 1)):
            y = codes if labels is None else np.asarray(labels)[codes]
            return X, y, DecisionTreeClassifier(random_state=0, **params).fit(X, y)
    raise RuntimeError("no tie-free data set found in 100 draws")  # probability below 1e-20


def _gap_points(X, sk, per_node=4):
    """Points placed at 1/4 and 3/4 of the gap around each threshold, reaching that node."""
    tree = sk.tree_
    members = sk.decision_path(X).tocsc()
    points = []
    for node in np.flatnonzero(tree.children_left >= 0):
        rows = members[:, node].nonzero()[0]
        f, t = tree.feature[node], tree.threshold[node]
        lo, hi = X[rows, f][X[rows, f] <= t].max(), X[rows, f][X[rows, f] > t].min()
        for frac in (0.25, 0.75):
            p = X[rows[:per_node]].copy()
            p[:, f] = lo + frac * (hi - lo)
            points.append(p)
    return np.vstack(points)


def _test_points(rng, X, sk, n=400):
    """Random points and gap points, minus any within TOL['near_threshold'] of a threshold."""
    spread = X.std(axis=0)
    random = rng.normal(size=(n, X.shape[1])) * spread * 1.2
    gaps = _gap_points(X, sk)
    tree = sk.tree_
    inner = tree.children_left >= 0
    feats, thresholds = tree.feature[inner], tree.threshold[inner]
    def keep(P):
        return P[np.all(np.abs(P[:, feats] - thresholds) > TOL["near_threshold"], axis=1)]
    return keep(random), keep(gaps)


def _compare_with_sklearn(ctx, params, labels=None, **data):
    X, y, sk = _tie_free(ctx.rng, params, labels=labels, **data)
    random, gaps = _test_points(ctx.rng, X, sk)
    X_test = np.vstack([random, gaps, X])
    got = ctx.run(fit_probe, X, y, params, X_test)
    against = f"scikit-learn's DecisionTreeClassifier({', '.join(f'{k}={v!r}' for k, v in params.items())})"
    want_proba = sk.predict_proba(X_test)
    depth, want_depth = got["depth"], sk.get_depth()
    max_depth = params.get("max_depth")
    if max_depth is not None and depth != want_depth and abs(depth - want_depth) == 1 and want_depth == max_depth:
        raise Failed(f"get_depth() is {depth} with max_depth={max_depth}, {against} grows to depth {want_depth}\n"
                     "Likely cause: max_depth off by one: the root has depth 0, and a node at depth max_depth is a leaf (split only while depth < max_depth)")
    leaves = as_array(got["leaves"], "apply(X_train)", dtype=np.int64)
    expect(leaves.shape == (len(X),), f"apply(X) has shape {leaves.shape}, expected ({len(X)},)")
    if not same_partition(leaves, sk.apply(X)):
        cause = SPLIT
        smallest = np.unique(leaves, return_counts=True)[1].min()
        if smallest < params.get("min_samples_leaf", 1):
            cause = (f"a leaf holds {smallest} training samples although min_samples_leaf={params['min_samples_leaf']}: "
                     "only consider cuts leaving at least min_samples_leaf samples on each side")
        raise Failed(f"the training samples are grouped into leaves differently from {against} (apply(X_train) is not the same partition): "
                     f"{len(np.unique(leaves))} leaves against {sk.get_n_leaves()}\nLikely cause: {cause}")
    expect(depth == want_depth, f"get_depth() is {depth}, {against} has depth {want_depth} with the same leaves",
           "get_depth() is the depth of the deepest leaf, the root alone having depth 0")
    proba = as_array(got["proba"], "predict_proba")
    expect(proba.shape == want_proba.shape, f"predict_proba has shape {proba.shape}, expected {want_proba.shape} (n_samples, n_classes)")
    train = len(X_test) - len(X)  # the training points come last in X_test
    expect_close(proba[train:], want_proba[train:], "predict_proba on the training points", against=against,
                 cause="a leaf predicts the fraction of its training samples in each class, columns in the order of classes_ (sorted)", **TOL["proba"])
    n_random = len(random)
    expect_close(proba[:n_random], want_proba[:n_random], "predict_proba on random test points", against=against,
                 cause=f"the leaves hold the same training samples, so the thresholds differ: {MIDPOINT}; a point goes left when x[feature] <= threshold", **TOL["proba"])
    expect_close(proba[n_random:train], want_proba[n_random:train], "predict_proba on test points between the training values around a threshold",
                 against=against, cause=f"the leaves hold the same training samples, so the thresholds differ: {MIDPOINT}", **TOL["proba"])
    pred = np.asarray(got["pred"])
    top = want_proba == want_proba.max(axis=1, keepdims=True)
    ok = top[np.arange(len(X_test)), np.searchsorted(sk.classes_, pred)] if np.isin(pred, sk.classes_).all() and pred.shape == (len(X_test),) else False
    expect(np.all(ok), f"predict disagrees with the most probable class of predict_proba on {int(np.size(ok) - np.sum(ok)) if np.ndim(ok) else 'all'} test points",
           "predict returns classes_[argmax(predict_proba)], the original labels (not their indices)")


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self; classes_ sorted, n_classes_, predict_proba (n, n_classes), original labels, inputs unchanged"""
    X, codes = make_data(ctx.rng, n=120, k=3)
    y = np.array(["setosa", "versicolor", "virginica"])[2 - codes]  # labels not in order of first appearance
    X_test = ctx.rng.normal(size=(50, X.shape[1]))
    got = ctx.run(fit_probe, X, y, {"max_depth": 3}, X_test)
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    expect_equal(got["classes"], np.unique(y), "classes_", against="the sorted unique labels", cause="classes_ = np.unique(y)")
    expect(got["n_classes"] == 3, f"n_classes_ is {got['n_classes']}, expected 3")
    proba = as_array(got["proba"], "predict_proba")
    expect(proba.shape == (50, 3), f"predict_proba has shape {proba.shape}, expected (50, 3): one column per class")
    expect_close(proba.sum(axis=1), np.ones(50), "the rows of predict_proba summed", cause="each row holds class fractions summing to 1", rtol=0, atol=1e-9)
    pred = np.asarray(got["pred"])
    expect(pred.shape == (50,) and np.isin(pred, y).all(), f"predict returns {pred[:3]}..., expected labels among {np.unique(y)}",
           "predict maps the argmax back to the labels: classes_[argmax]")
    cause = "an in-place operation on the caller's array; work on a copy"
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause=cause)
    expect_equal(got["y_after"], y, "y after fit", against="y before fit", cause=cause)
    expect_equal(got["X_test_after"], X_test, "X after predict", against="X before predict", cause=cause)


MISTAKES = {
    "unweighted": "the children's impurities are added (or averaged) without weights: they must be weighted by their sizes, "
                  "n_left·I(left) + n_right·I(right), or a split that peels off a few pure samples wins",
    "counts": "the impurity is computed from class counts instead of proportions: gini = 1 - Σ_k p_k² with p_k = count_k / n_node",
}


def _diagnose_stump(X, codes, leaves, criterion):
    """Name the classic mistake whose best root split is the learner's, if one is."""
    Y = np.eye(codes.max() + 1)[codes]
    for mistake, cause in MISTAKES.items():
        with np.errstate(divide="ignore", invalid="ignore"):
            cost, valid, order = _cuts(X, Y, criterion, 1, mistake)
        i, f = np.unravel_index(np.argmin(np.where(valid, cost, np.inf)), cost.shape)
        left = np.zeros(len(X), dtype=bool)
        left[order[: i + 1, f]] = True
        if same_partition(left, leaves):
            return cause
    return SPLIT


@check(points=3)
def root_split_is_the_best(ctx):
    """with max_depth=1 the root split is CART's best one, for gini and entropy"""
    for criterion in ("gini", "entropy"):
        params = {"criterion": criterion, "max_depth": 1}
        X, y, sk = _tie_free(ctx.rng, params, n=200)
        X_test = ctx.rng.normal(size=(5, X.shape[1]))
        got = ctx.run(fit_probe, X, y, params, X_test)
        leaves = as_array(got["leaves"], "apply(X_train)", dtype=np.int64)
        expect(leaves.shape == (len(X),), f"apply(X) has shape {leaves.shape}, expected ({len(X)},)")
        if len(np.unique(leaves)) == 1:
            raise Failed(f"with criterion={criterion!r}, max_depth=1 the root is not split\n"
                         "Likely cause: max_depth off by one: the root has depth 0, so max_depth=1 splits it once (split while depth < max_depth)")
        if not same_partition(leaves, sk.apply(X)):
            raise Failed(f"with criterion={criterion!r}, max_depth=1 the root split differs from the best one (scikit-learn's): "
                         f"{np.bincount(np.unique(leaves, return_inverse=True)[1])} samples per leaf against {np.bincount(np.unique(sk.apply(X), return_inverse=True)[1])}\n"
                         f"Likely cause: {_diagnose_stump(X, y, leaves, criterion)}")


@check(points=3)
def matches_sklearn_gini(ctx):
    """gini, max_depth=3: same leaves, depth, predict_proba and predict as scikit-learn (tie-free data)"""
    _compare_with_sklearn(ctx, {"criterion": "gini", "max_depth": 3}, labels=[-2, 5, 9])


@check(points=2)
def matches_sklearn_entropy(ctx):
    """entropy, max_depth=3: same tree as scikit-learn (tie-free data)"""
    _compare_with_sklearn(ctx, {"criterion": "entropy", "max_depth": 3})


@check(points=2)
def matches_sklearn_min_samples(ctx):
    """min_samples_leaf=12 and min_samples_split=60 (max_depth=5): same tree as scikit-learn"""
    _compare_with_sklearn(ctx, {"criterion": "gini", "max_depth": 5, "min_samples_leaf": 12})
    _compare_with_sklearn(ctx, {"criterion": "entropy", "max_depth": 5, "min_samples_split": 60})


@check(points=2)
def grows_until_pure(ctx):
    """with no depth limit on distinct points the leaves are pure: training accuracy 1"""
    X, _ = make_data(ctx.rng, n=150)
    y = ctx.rng.integers(0, 3, size=150)  # pure noise: the tree must grow deep to separate it
    for criterion in ("gini", "entropy"):
        got = ctx.run(fit_probe, X, y, {"criterion": criterion}, X)
        pred, proba = np.asarray(got["pred"]), as_array(got["proba"], "predict_proba")
        cause = ("keep splitting every impure node with at least min_samples_split samples (a node is a leaf only when it is pure, "
                 "too small, or at max_depth); with distinct points some cut always separates two classes")
        expect(pred.shape == y.shape and np.all(pred == y), f"training accuracy is {np.mean(pred == y) if pred.shape == y.shape else 0:.3f} with criterion={criterion!r} "
               "and no depth limit, expected 1.0 on distinct points", cause)
        expect_close(proba, np.eye(3)[y], "predict_proba on the training points", against="one-hot labels (pure leaves)", cause=cause, rtol=0, atol=1e-12)
        n_leaves = len(np.unique(got["leaves"]))
        expect(np.ceil(np.log2(n_leaves)) <= got["depth"] <= n_leaves - 1,
               f"get_depth() is {got['depth']} for a tree with {n_leaves} leaves: impossible (a binary tree with L leaves has depth between log2(L) and L - 1)",
               "get_depth() is the depth of the deepest leaf, the root alone having depth 0")


@check(points=2)
def leaf_size_and_depth_limits(ctx):
    """every leaf keeps min_samples_leaf training samples; the depth never exceeds max_depth"""
    X, y = make_data(ctx.rng, n=200, noise=1.5)
    for params in ({"min_samples_leaf": 7}, {"criterion": "entropy", "min_samples_leaf": 3}):
        got = ctx.run(fit_probe, X, y, params, X[:2])
        sizes = np.unique(as_array(got["leaves"], "apply(X_train)", dtype=np.int64), return_counts=True)[1]
        expect(sizes.min() >= params["min_samples_leaf"],
               f"with {params} a leaf holds only {sizes.min()} training samples (apply(X_train) counts)",
               "min_samples_leaf is ignored: only consider cuts with at least min_samples_leaf samples on each side")
    for max_depth in (2, 4):
        got = ctx.run(fit_probe, X, y, {"max_depth": max_depth}, X[:2])
        n_leaves = len(np.unique(got["leaves"]))
        expect(got["depth"] <= max_depth and n_leaves <= 2**max_depth,
               f"with max_depth={max_depth} the tree has depth {got['depth']} and {n_leaves} leaves (at most {2**max_depth} allowed)",
               "max_depth is ignored or off by one: a node at depth max_depth (the root has depth 0) is a leaf")


@check(points=2)
def invariant_to_monotone_rescaling(ctx):
    """the tree is the same after an increasing transformation of each feature"""
    params = {"max_depth": 3}
    X, y, _ = _tie_free(ctx.rng, params, n=200)
    # increasing, non-linear, slope >= 1 everywhere (gaps never shrink)
    X_rescaled = np.column_stack([X[:, 0] + X[:, 0] ** 3, X[:, 1] + np.exp(X[:, 1]), 3 * X[:, 2] + 2 * np.sin(X[:, 2]), 5 * X[:, 3] + 40][: X.shape[1]])
    got = ctx.run(rescaled_probe, X, y, params, X_rescaled)
    cause = ("CART depends only on the order of each feature's values: candidate cuts must lie between consecutive sorted distinct values, "
             "not on a grid (np.linspace between min and max), at the mean or at quantiles; the tree must not be monotone-invariant by accident only")
    expect(same_partition(as_array(got["leaves"], "apply", dtype=np.int64), as_array(got["leaves_rescaled"], "apply", dtype=np.int64)),
           "after an increasing (monotone) transformation of every feature, apply(X_train) groups the training samples differently", cause)
    expect_close(got["proba_rescaled"], got["proba"], "predict_proba on the rescaled training points", against="predict_proba before rescaling",
                 cause=cause, rtol=0, atol=1e-12)


@check(points=2)
def vectorised(ctx):
    """the split search is vectorised over samples: lines run grow with nodes, not with n"""
    X, y = make_data(ctx.rng, n=400)
    # a stump: three nodes whatever n, so every line the learner's code runs more for 400 samples
    # than for 100 comes from a loop over samples or over candidate thresholds
    expect_vectorised(ctx, work_probe, (X[:100], y[:100], {"max_depth": 1}), (X, y, {"max_depth": 1}), 100, 400, "a depth-1 tree (fit, predict, apply)")
    # a full tree on 60 distinct points, then the same points four times: the same splits, the same nodes
    X, y = X[:60], ctx.rng.integers(0, 2, size=60)
    expect_vectorised(ctx, work_probe, (X, y, {}), (np.tile(X, (4, 1)), np.tile(y, 4), {}), 60, 240,
                      "a fully grown tree on duplicated samples (same tree, 4x the samples)")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.tree import DecisionTreeClassifier

    # make_data's formula without its redraw loop: gaps above 1e-6 in every feature are rare at this size
    rng = np.random.default_rng(0)
    X = rng.normal(size=(4000, 10)) * rng.uniform(0.5, 3.0, size=10)
    score = 2 * np.tanh(X @ rng.normal(size=(10, 3))) + X[:, :3] ** 2 + rng.normal(scale=0.7, size=(4000, 3))
    y = np.argmax(score, axis=1)
    return {
        "input": "fit, 4000 samples × 10 features, 3 classes, gini, fully grown (max_depth=None): the same splits up to ties",
        "reference": lambda: reference.DecisionTreeClassifier(criterion="gini", max_depth=None).fit(X, y),
        "sklearn": lambda: DecisionTreeClassifier(criterion="gini", max_depth=None, random_state=0).fit(X, y),
    }
