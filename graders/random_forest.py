"""Hidden checks for random_forest.

A forest is random, so nothing is compared value by value with scikit-learn's forest. The
learner's trees are fitted sklearn DecisionTreeClassifiers, which makes the construction
inspectable: the probes read each tree's bootstrap sample (estimators_samples_), its root class
counts, max_features_ and predict_proba, and the checks verify the forest's predictions and its
out-of-bag estimate exactly against those trees. Only the final accuracy is compared with
scikit-learn's RandomForestClassifier, statistically, over several seeds.
"""

import warnings

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "average": dict(rtol=1e-9, atol=1e-12),   # a mean of the same numbers, maybe in another order
    "root_counts": dict(rtol=1e-9, atol=1e-9),
    "distinct": (0.50, 0.78),                  # fraction of distinct rows in a bootstrap sample: 0.634 ± 0.02 (n=200)
    "accuracy_vs_sklearn": 0.06,               # |mean held-out accuracy difference| over 3 seeds: sd ≈ 0.012 (5 sd)
    "oob_vs_sklearn": 0.10,                    # |mean oob_score_ difference| over 3 seeds: sd ≈ 0.02 (5 sd)
}


def make_data(rng, n=200, d=9, k=3, noise=1.0):
    X = rng.normal(size=(n, d))
    W = rng.normal(size=(d, k))
    score = X @ W + np.sin(2 * X[:, :k]) + rng.normal(scale=noise, size=(n, k))
    return X, np.argmax(score, axis=1)


# -- probes: run in the sandbox ---------------------------------------------------------

def forest_probe(mod, X, y, params, X_test):
    """Fit, then read every tree. Labels are 0..K-1, so a tree's classes_ index the forest's columns."""
    model = mod.RandomForestClassifier(**params)
    returned = model.fit(X, y)
    K = len(np.unique(y))
    trees = list(model.estimators_)

    def proba(tree, data):
        P = np.zeros((len(data), K))
        P[:, np.asarray(tree.classes_).astype(np.int64)] = tree.predict_proba(data)
        return P

    def root_counts(tree):
        counts = np.zeros(K)
        value = np.asarray(tree.tree_.value[0, 0], dtype=float)
        counts[np.asarray(tree.classes_).astype(np.int64)] = value / value.sum() * tree.tree_.weighted_n_node_samples[0]
        return counts

    out = {
        "returned_self": returned is model,
        "n_trees": len(trees),
        "tree_types": [type(t).__name__ for t in trees],
        "samples": [np.asarray(s).astype(np.int64) for s in model.estimators_samples_] if hasattr(model, "estimators_samples_") else None,
        "root_counts": np.array([root_counts(t) for t in trees]),
        "max_features": np.array([int(t.max_features_) for t in trees]),
        "n_features_in": np.array([int(t.n_features_in_) for t in trees]),
        "depths": np.array([int(t.get_depth()) for t in trees]),
        "tree_proba_train": np.array([proba(t, X) for t in trees]),
        "tree_proba_test": np.array([proba(t, X_test) for t in trees]),
        "proba": np.asarray(model.predict_proba(X_test), dtype=float),
        "pred": np.asarray(model.predict(X_test)),
    }
    if params.get("oob_score"):
        out["oob_score"] = float(model.oob_score_)
        out["oob_decision"] = np.asarray(model.oob_decision_function_, dtype=float)
    return out


def labels_probe(mod, X, y, params, X_test):
    model = mod.RandomForestClassifier(**params)
    returned = model.fit(X, y)
    return {"returned_self": returned is model, "classes": np.asarray(model.classes_), "n_classes": int(model.n_classes_),
            "n_trees": len(model.estimators_), "tree_types": [type(t).__name__ for t in model.estimators_],
            "proba": np.asarray(model.predict_proba(X_test), dtype=float), "pred": np.asarray(model.predict(X_test)),
            "X_after": X, "y_after": y}


def twice_probe(mod, X, y, params, other_state, X_test):
    a = mod.RandomForestClassifier(**params).fit(X, y)
    b = mod.RandomForestClassifier(**params).fit(X, y)
    c = mod.RandomForestClassifier(**dict(params, random_state=other_state)).fit(X, y)
    return {"proba": [np.asarray(m.predict_proba(X_test), dtype=float) for m in (a, b, c)],
            "samples": [[np.asarray(s).astype(np.int64) for s in m.estimators_samples_] for m in (a, b, c)]}


def accuracy_probe(mod, X, y, params, X_test):
    model = mod.RandomForestClassifier(**params).fit(X, y)
    return {"pred": np.asarray(model.predict(X_test)), "oob_score": float(model.oob_score_)}


def work_probe(mod, X, y, params):
    model = mod.RandomForestClassifier(**params).fit(X, y)
    model.predict_proba(X)
    return np.asarray(model.predict(X))


# -- helpers ----------------------------------------------------------------------------

def _trees(got, n_trees):
    expect(got["n_trees"] == n_trees, f"estimators_ holds {got['n_trees']} trees, expected n_estimators={n_trees}")
    wrong = sorted(set(got["tree_types"]) - {"DecisionTreeClassifier"})
    expect(not wrong, f"estimators_ holds {wrong}, expected fitted sklearn.tree.DecisionTreeClassifier objects")


def _samples(got, n, n_trees):
    samples = got["samples"]
    expect(samples is not None, "the forest has no estimators_samples_ attribute",
           "store each tree's drawn row indices in estimators_samples_ (a list of n_estimators arrays of shape (n_samples,))")
    expect(len(samples) == n_trees, f"estimators_samples_ has {len(samples)} entries, expected one per tree ({n_trees})")
    for t, s in enumerate(samples):
        s = as_array(s, f"estimators_samples_[{t}]", dtype=np.int64)
        expect(s.shape == (n,) and s.min() >= 0 and s.max() < n,
               f"estimators_samples_[{t}] has shape {s.shape} and values in [{s.min()}, {s.max()}], expected {n} row indices in [0, {n})",
               "a bootstrap sample is n_samples row indices drawn with replacement")
    return [np.asarray(s, dtype=np.int64) for s in samples]


def _oob_expected(tree_proba, samples, n):
    out = np.ones((len(samples), n), dtype=bool)
    for t, s in enumerate(samples):
        out[t, s] = False
    counts = out.sum(axis=0)
    votes = np.einsum("tn,tnk->nk", out, tree_proba)
    return votes / np.maximum(counts, 1)[:, None], counts


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self; estimators_ are fitted trees; classes_ sorted; predict returns labels"""
    X, codes = make_data(ctx.rng, n=120)
    y = np.array(["ant", "bee", "cat"])[2 - codes]
    X_test = ctx.rng.normal(size=(40, X.shape[1]))
    got = ctx.run(labels_probe, X, y, {"n_estimators": 5, "random_state": 0}, X_test)
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    _trees(got, 5)
    expect_equal(got["classes"], np.unique(y), "classes_", against="the sorted unique labels", cause="classes_ = np.unique(y)")
    expect(got["n_classes"] == 3, f"n_classes_ is {got['n_classes']}, expected 3")
    proba = as_array(got["proba"], "predict_proba")
    expect(proba.shape == (40, 3), f"predict_proba has shape {proba.shape}, expected (40, 3): one column per class, in classes_ order",
           "averaging over the wrong axis: stack the trees' probabilities as (n_trees, n_samples, n_classes) and average over axis 0")
    expect_close(proba.sum(axis=1), np.ones(40), "the rows of predict_proba summed", cause="the average of probability rows sums to 1", rtol=0, atol=1e-9)
    pred = np.asarray(got["pred"])
    expect(pred.shape == (40,) and np.isin(pred, y).all(), f"predict returns {pred[:3]}... of shape {pred.shape}, expected 40 labels among {np.unique(y)}",
           "predict is classes_[argmax(predict_proba, axis=1)]: the original labels, one per sample")
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause="an in-place operation on the caller's array; work on a copy")
    expect_equal(got["y_after"], y, "y after fit", against="y before fit", cause="an in-place operation on the caller's array; work on a copy")


@check(points=3)
def trees_grow_on_bootstrap_samples(ctx):
    """each tree is fitted on its own bootstrap sample: n rows drawn with replacement"""
    X, y = make_data(ctx.rng)
    n, K = len(y), 3
    got = ctx.run(forest_probe, X, y, {"n_estimators": 15, "random_state": 1}, X[:5])
    _trees(got, 15)
    samples = _samples(got, n, 15)
    distinct = np.array([len(np.unique(s)) for s in samples]) / n
    if np.all(distinct == 1.0):
        raise Failed("every tree's estimators_samples_ holds each of the n rows exactly once: no bootstrap\n"
                     "Likely cause: a bootstrap sample draws n_samples rows with replacement (rng.integers(0, n, n)); "
                     "about 63% of the rows appear, some several times")
    lo, hi = TOL["distinct"]
    expect(np.all((distinct >= lo) & (distinct <= hi)),
           f"the fraction of distinct rows per bootstrap sample ranges over [{distinct.min():.2f}, {distinct.max():.2f}], expected about 0.63 (within [{lo}, {hi}])",
           "a bootstrap sample is n_samples uniform draws with replacement")
    expect(len({s.tobytes() for s in samples}) == len(samples), "two trees have the same bootstrap sample",
           "draw a new sample for every tree from one random generator seeded with random_state")
    want = np.array([np.bincount(y[s], minlength=K) for s in samples], dtype=float)
    counts = as_array(got["root_counts"], "the trees' root class counts")
    if counts.shape == want.shape and np.allclose(counts, np.bincount(y, minlength=K), rtol=1e-9):
        raise Failed("the trees' root class counts equal those of the whole training set, not of their bootstrap samples\n"
                     "Likely cause: each tree must be fitted on its own bootstrap sample: tree.fit(X[rows], y[rows]) or "
                     "tree.fit(X, y, sample_weight=np.bincount(rows, minlength=n_samples))")
    expect_close(counts, want, "each tree's weighted class counts at its root", against="the class counts of its estimators_samples_",
                 cause="fit tree t on the rows estimators_samples_[t], repetitions included (as rows or as sample weights)", **TOL["root_counts"])
    got = ctx.run(forest_probe, X, y, {"n_estimators": 3, "bootstrap": False, "random_state": 1}, X[:5])
    for s in _samples(got, n, 3):
        expect_equal(np.sort(s), np.arange(n), "sorted estimators_samples_ with bootstrap=False", against="every row once",
                     cause="bootstrap=False grows every tree on all the rows")
    expect_close(got["root_counts"], np.tile(np.bincount(y, minlength=K), (3, 1)), "root class counts with bootstrap=False",
                 against="the class counts of the whole training set", cause="bootstrap=False grows every tree on all the rows", **TOL["root_counts"])


@check(points=2)
def max_features_reaches_the_trees(ctx):
    """every tree draws max_features features per split ("sqrt", int, None, "log2") over all n_features, and obeys max_depth"""
    X, y = make_data(ctx.rng, n=100, d=9)
    for value, want in ((None, 9), ("sqrt", 3), (2, 2), ("log2", 3), ("default", 3)):
        params = {"n_estimators": 2, "random_state": 2}
        if value != "default":
            params["max_features"] = value
        got = ctx.run(forest_probe, X, y, params, X[:5])
        _trees(got, 2)
        expect(np.all(got["n_features_in"] == 9), f"the trees were fitted on {got['n_features_in']} features, expected all 9",
               "the feature subset is drawn at each split by the tree (pass max_features to DecisionTreeClassifier), not once per tree")
        what = "max_features left at its default" if value == "default" else f"max_features={value!r}"
        expect(np.all(got["max_features"] == want), f"with {what} the trees' max_features_ is {got['max_features']}, expected {want} for 9 features",
               "max_features is ignored: pass it to every DecisionTreeClassifier(max_features=...), default 'sqrt'")
    got = ctx.run(forest_probe, X, y, {"n_estimators": 2, "max_depth": 2, "random_state": 2}, X[:5])
    expect(np.all(got["depths"] <= 2), f"with max_depth=2 the trees have depths {got['depths']}", "pass max_depth to every tree")


@check(points=2)
def predict_proba_averages_the_trees(ctx):
    """predict_proba is the mean of the trees' predict_proba; predict is its argmax"""
    X, y = make_data(ctx.rng)
    X_test = ctx.rng.normal(size=(300, X.shape[1]))
    got = ctx.run(forest_probe, X, y, {"n_estimators": 15, "max_depth": 3, "random_state": 3}, X_test)
    _trees(got, 15)
    want = as_array(got["tree_proba_test"], "the trees' predict_proba").mean(axis=0)
    proba = as_array(got["proba"], "predict_proba")
    expect(proba.shape == want.shape, f"predict_proba has shape {proba.shape}, expected {want.shape} (n_samples, n_classes)",
           "averaging over the wrong axis: the trees are axis 0 of the stacked (n_trees, n_samples, n_classes) probabilities")
    expect_close(proba, want, "predict_proba", against="the mean of estimators_[t].predict_proba over the trees",
                 cause="the forest averages its trees' probabilities (soft voting, as scikit-learn), over the trees axis", **TOL["average"])
    pred = np.asarray(got["pred"])
    expect(pred.shape == (len(X_test),), f"predict has shape {pred.shape}, expected ({len(X_test)},)",
           "voting over the wrong axis: each sample gets the class with the largest average probability over the trees")
    top = want >= want.max(axis=1, keepdims=True) - 1e-12
    ok = np.isin(pred, [0, 1, 2])
    ok[ok] = top[np.flatnonzero(ok), pred[ok].astype(np.int64)]
    expect(np.all(ok), f"predict is not the argmax of the averaged probabilities for {int(np.sum(~ok))} of {len(pred)} samples",
           "scikit-learn predicts classes_[argmax(predict_proba)], the soft vote, not the majority of the trees' hard votes")


@check(points=3)
def oob_uses_only_out_of_bag_trees(ctx):
    """oob_decision_function_ averages, for each row, only the trees that did not draw it; oob_score_ is its accuracy"""
    X, y = make_data(ctx.rng)
    n = len(y)
    got = ctx.run(forest_probe, X, y, {"n_estimators": 20, "oob_score": True, "random_state": 4}, X[:5])
    _trees(got, 20)
    samples = _samples(got, n, 20)
    tree_proba = as_array(got["tree_proba_train"], "the trees' predict_proba")
    want, counts = _oob_expected(tree_proba, samples, n)
    covered = counts > 0
    decision = as_array(got["oob_decision"], "oob_decision_function_")
    expect(decision.shape == want.shape, f"oob_decision_function_ has shape {decision.shape}, expected {want.shape} (n_samples, n_classes)")
    drawn = np.array([np.isin(np.arange(n), s) for s in samples])          # (n_trees, n_samples): in bag
    in_bag = np.einsum("tn,tnk->nk", drawn, tree_proba) / np.maximum(drawn.sum(axis=0), 1)[:, None]
    wrong = not np.allclose(decision[covered], want[covered], **TOL["average"])
    if wrong and (np.allclose(decision, in_bag, atol=1e-9) or np.allclose(decision, tree_proba.mean(axis=0), atol=1e-9)):
        raise Failed(f"oob_decision_function_ averages trees that were fitted on the row itself; oob_score_ = {got['oob_score']:.3f} is optimistic\n"
                     "Likely cause: row i must be scored only by the trees whose bootstrap sample did not draw it "
                     "(out of bag: i not in estimators_samples_[t])")
    expect_close(decision[covered], want[covered], "oob_decision_function_", against="the mean predict_proba of the trees for which the row is out of bag",
                 cause="for each row average predict_proba over the trees t with i not in estimators_samples_[t] (divide by their number)", **TOL["average"])
    top = want >= want.max(axis=1, keepdims=True) - 1e-12
    sure = covered & (top.sum(axis=1) == 1)
    right_if_tie_broken_well = top[np.arange(n), y]
    lo = np.mean(sure & right_if_tie_broken_well)
    hi = np.mean(right_if_tie_broken_well | ~covered)
    score = got["oob_score"]
    expect(lo - 1e-9 <= score <= hi + 1e-9, f"oob_score_ is {score:.4f}, but the accuracy of argmax(oob_decision_function_) is "
           f"{lo:.4f}" + (f" to {hi:.4f} (depending on ties)" if hi > lo else ""),
           "oob_score_ is the accuracy of the out-of-bag predictions argmax(oob_decision_function_) against y")


@check(points=2)
def accuracy_close_to_sklearn(ctx):
    """held-out accuracy and oob_score_ are statistically those of scikit-learn's forest (3 seeds)"""
    from sklearn.ensemble import RandomForestClassifier

    params = {"n_estimators": 20, "oob_score": True}
    ours, theirs = [], []
    for seed in range(3):
        X, y = make_data(ctx.rng, n=700)
        X, y, X_test, y_test = X[:200], y[:200], X[200:], y[200:]
        got = ctx.run(accuracy_probe, X, y, dict(params, random_state=seed), X_test)
        with warnings.catch_warnings():  # "some inputs do not have OOB scores": rare rows never out of bag
            warnings.simplefilter("ignore")
            sk = RandomForestClassifier(random_state=seed, **params).fit(X, y)
        ours.append((np.mean(np.asarray(got["pred"]) == y_test), got["oob_score"]))
        theirs.append((np.mean(sk.predict(X_test) == y_test), sk.oob_score_))
    (acc, oob), (sk_acc, sk_oob) = np.mean(ours, axis=0), np.mean(theirs, axis=0)
    expect(abs(acc - sk_acc) <= TOL["accuracy_vs_sklearn"],
           f"mean held-out accuracy over 3 seeds is {acc:.3f}, scikit-learn's RandomForestClassifier(n_estimators=20) reaches {sk_acc:.3f} "
           f"(allowed difference {TOL['accuracy_vs_sklearn']})",
           "check the bootstrap (with replacement), max_features='sqrt' passed to the trees, and the averaging of predict_proba")
    expect(abs(oob - sk_oob) <= TOL["oob_vs_sklearn"],
           f"mean oob_score_ over 3 seeds is {oob:.3f}, scikit-learn's is {sk_oob:.3f} (allowed difference {TOL['oob_vs_sklearn']})"
           + (": optimistic, as if the trees had seen the rows they score" if oob > sk_oob else ""),
           "score each row only with the trees whose bootstrap sample missed it (out of bag)")


@check(points=1)
def reproducible_with_random_state(ctx):
    """the same random_state gives the same forest; another gives another"""
    X, y = make_data(ctx.rng, n=120)
    X_test = ctx.rng.normal(size=(200, X.shape[1]))
    got = ctx.run(twice_probe, X, y, {"n_estimators": 5, "random_state": 11}, 12, X_test)
    (a, b, c), (sa, sb, sc) = got["proba"], got["samples"]
    same = len(sa) == len(sb) and all(np.array_equal(u, v) for u, v in zip(sa, sb))
    expect(same, "two fits with random_state=11 draw different bootstrap samples", "seed one generator with random_state and draw every sample from it")
    expect_equal(np.asarray(b), np.asarray(a), "predict_proba of a second fit with random_state=11", against="the first fit",
                 cause="the trees pick features at random: pass each tree a seed drawn from the forest's random_state "
                       "(DecisionTreeClassifier(random_state=...)), never leave it None")
    expect(not all(np.array_equal(u, v) for u, v in zip(sa, sc)), "random_state=11 and random_state=12 give the same bootstrap samples",
           "seed the generator with random_state")


@check(points=2)
def vectorised(ctx):
    """no Python loop over samples (loops over trees are fine)"""
    X, y = make_data(ctx.rng, n=400)
    params = {"n_estimators": 6, "oob_score": True, "random_state": 0}
    expect_vectorised(ctx, work_probe, (X[:100], y[:100], params), (X, y, params), 100, 400, "fit (with oob_score=True), predict_proba and predict")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.ensemble import RandomForestClassifier

    rng = np.random.default_rng(0)
    X, y = make_data(rng, n=1000)
    X_test, _ = make_data(rng, n=1000)
    params = dict(n_estimators=30, max_features="sqrt", max_depth=None, random_state=0)
    return {
        "input": "fit + predict_proba, 30 fully grown scikit-learn trees (max_features='sqrt') on bootstrap samples of 1000 × 9 features, "
                 "1000 test rows; random_state=0 on both sides, but each side draws its own bootstrap samples",
        "reference": lambda: reference.RandomForestClassifier(**params).fit(X, y).predict_proba(X_test),
        "sklearn": lambda: RandomForestClassifier(**params).fit(X, y).predict_proba(X_test),
    }
