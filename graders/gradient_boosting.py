"""Hidden checks for gradient_boosting.

scikit-learn's GradientBoostingRegressor(loss="squared_error") fits, at each stage, a
DecisionTreeRegressor(criterion="squared_error") to the residuals y - F (scikit-learn 1.9; the
former default "friedman_mse" ranks splits identically for unit weights), so a learner using the
same trees reproduces it exactly, with one caveat: when two features separate a node's training
samples identically, the tree picks one at random (random_state), which changes predictions
*between* training points but never *at* them. Comparisons with scikit-learn are therefore made
on the training points; predictions elsewhere are checked against the learner's own trees.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "same_trees": dict(rtol=1e-9, atol=1e-9),   # the same trees and sums, maybe in another order
    "init": dict(rtol=1e-12, atol=1e-12),
}


def make_data(rng, n=200, d=4, offset=10.0):
    X = rng.normal(size=(n, d))
    y = offset + 3 * np.sin(2 * X[:, 0]) + X[:, 1] ** 2 - X[:, 2] * X[:, 3] + rng.normal(scale=0.5, size=n)
    return X, y


# -- probes: run in the sandbox ---------------------------------------------------------

def boost_probe(mod, X, y, params, X_test):

    model = mod.GradientBoostingRegressor(**params)
    returned = model.fit(X, y)
    trees = list(np.asarray(model.estimators_, dtype=object).ravel())
    return {
        "returned_self": returned is model,
        "init": float(model.init_prediction_),
        "tree_types": [type(t).__name__ for t in trees],
        "depths": np.array([int(t.get_depth()) for t in trees]),
        "tree_train": np.array([np.asarray(t.predict(X), dtype=float) for t in trees]),
        "tree_test": np.array([np.asarray(t.predict(X_test), dtype=float) for t in trees]),
        "pred_train": np.asarray(model.predict(X), dtype=float),
        "pred_test": np.asarray(model.predict(X_test), dtype=float),
        "staged_train": [np.array(p, dtype=float) for p in model.staged_predict(X)],
        "staged_test": [np.array(p, dtype=float) for p in model.staged_predict(X_test)],
        "train_score": np.asarray(model.train_score_, dtype=float),
        "X_after": X, "y_after": y, "X_test_after": X_test,
    }


def work_probe(mod, X, y, params):

    model = mod.GradientBoostingRegressor(**params).fit(X, y)
    for _ in model.staged_predict(X):
        pass
    return np.asarray(model.predict(X), dtype=float)


# -- helpers ----------------------------------------------------------------------------

def _trees(got, n_estimators, max_depth):
    types = got["tree_types"]
    expect(len(types) == n_estimators, f"estimators_ holds {len(types)} trees, expected n_estimators={n_estimators}")
    wrong = sorted(set(types) - {"DecisionTreeRegressor"})
    expect(not wrong, f"estimators_ holds {wrong}, expected fitted sklearn.tree.DecisionTreeRegressor objects")
    expect(np.all(got["depths"] <= max_depth), f"with max_depth={max_depth} the trees have depths {got['depths']}", "pass max_depth to every tree")


def _stages(got, n_estimators, n, which):
    stages = got[f"staged_{which}"]
    expect(len(stages) == n_estimators, f"staged_predict yields {len(stages)} predictions, expected one per stage ({n_estimators})",
           "yield F_m(X) after each of the n_estimators stages")
    stages = np.array([as_array(s, "a staged_predict item") for s in stages]) if stages else np.zeros((0, n))
    expect(stages.shape == (n_estimators, n), f"staged_predict items have shape {stages.shape[1:]}, expected ({n},)")
    return stages


def _sklearn(X, y, params):
    from sklearn.ensemble import GradientBoostingRegressor

    return GradientBoostingRegressor(loss="squared_error", random_state=0, **params).fit(X, y)


def _fit_tree(X, target, max_depth):
    from sklearn.tree import DecisionTreeRegressor

    return DecisionTreeRegressor(max_depth=max_depth, random_state=0).fit(X, target).predict(X)


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self; estimators_ are n_estimators regression trees of max_depth; train_score_ (n_estimators,); inputs unchanged"""
    X, y = make_data(ctx.rng, n=100)
    X_test = ctx.rng.normal(size=(30, X.shape[1]))
    got = ctx.run(boost_probe, X, y, {"n_estimators": 4, "max_depth": 2}, X_test)
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    _trees(got, 4, 2)
    expect(as_array(got["train_score"], "train_score_").shape == (4,), f"train_score_ has shape {np.shape(got['train_score'])}, expected (4,)")
    expect(as_array(got["pred_test"], "predict").shape == (30,), f"predict returns shape {np.shape(got['pred_test'])}, expected (30,)")
    cause = "an in-place operation on the caller's array; work on a copy"
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause=cause)
    expect_equal(got["y_after"], y, "y after fit", against="y before fit", cause=cause)
    expect_equal(got["X_test_after"], X_test, "X after predict", against="X before predict", cause=cause)


@check(points=1)
def init_prediction_is_the_mean(ctx):
    """init_prediction_ is F_0 = mean(y), the constant that minimises the squared error"""
    X, y = make_data(ctx.rng, offset=50.0)
    got = ctx.run(boost_probe, X, y, {"n_estimators": 2}, X[:3])
    expect_close(got["init"], y.mean(), "init_prediction_", against="mean(y)",
                 cause="start from the mean of y (the best constant for the squared error), not from 0", **TOL["init"])


@check(points=3)
def each_tree_fits_the_residuals(ctx):
    """tree m is the regression tree of max_depth fitted to y - F_{m-1}(X), F including learning_rate"""
    X, y = make_data(ctx.rng)
    params = {"n_estimators": 3, "learning_rate": 0.3, "max_depth": 2}
    got = ctx.run(boost_probe, X, y, params, X[:3])
    _trees(got, 3, 2)
    trees = as_array(got["tree_train"], "the trees' predictions")
    F = np.full(len(y), got["init"])
    for m in range(3):
        want = _fit_tree(X, y - F, 2)
        if not np.allclose(trees[m], want, **TOL["same_trees"]):
            cause = "fit tree m to the residuals y - F_{m-1}(x) (the negative gradient of ½(y - F)²)"
            if np.allclose(trees[m], _fit_tree(X, y, 2), **TOL["same_trees"]):
                cause = "each tree is fitted to y instead of the residual y - F_{m-1}(x): boosting fits what the previous stages missed"
            elif np.allclose(trees[m], _fit_tree(X, F - y, 2), **TOL["same_trees"]):
                cause = "the residual's sign is flipped: fit the trees to y - F (the negative gradient), then add them"
            elif m > 0 and np.allclose(trees[m], _fit_tree(X, y - got["init"] - trees[:m].sum(axis=0), 2), **TOL["same_trees"]):
                cause = "the residuals use F without the learning rate: F_m = F_{m-1} + learning_rate · h_m"
            raise Failed(f"tree {m} (estimators_[{m}]) predicts differently on the training points from a DecisionTreeRegressor(max_depth=2) "
                         f"fitted to the residuals y - F_{m}(X) of the previous stages (learning_rate=0.3)\nLikely cause: {cause}")
        F = F + 0.3 * trees[m]


def _matches_sklearn(ctx, params):
    X, y = make_data(ctx.rng)
    got = ctx.run(boost_probe, X, y, params, X[:3])
    sk = _sklearn(X, y, params)
    n_estimators = params["n_estimators"]
    against = f"scikit-learn's GradientBoostingRegressor({', '.join(f'{k}={v!r}' for k, v in params.items())})"
    pred = as_array(got["pred_train"], "predict")
    want = sk.predict(X)
    unscaled = y.mean() + np.sum([t.predict(X) for t in np.ravel(sk.estimators_)], axis=0)   # F_0 = mean(y), trees not shrunk
    if pred.shape == want.shape and np.allclose(pred, unscaled, **TOL["same_trees"]) and not np.allclose(pred, want, **TOL["same_trees"]):
        raise Failed(f"predict on the training points equals init + Σ_m h_m(X) of {against}: the trees are summed without the learning rate\n"
                     "Likely cause: predict must shrink every tree by learning_rate, as fit does: F_0 + learning_rate · Σ_m h_m(X)")
    cause = ("F_0 = mean(y); each stage fits a DecisionTreeRegressor(max_depth) to y - F and adds learning_rate times its prediction; "
             "compare each_tree_fits_the_residuals")
    expect_close(pred, want, "predict on the training points", against=against, cause=cause, **TOL["same_trees"])
    stages = _stages(got, n_estimators, len(y), "train")
    expect_close(stages, np.array(list(sk.staged_predict(X))), "staged_predict on the training points", against=against,
                 cause="staged_predict yields F_1(X), ..., F_M(X): the prediction after each stage, not each tree alone", **TOL["same_trees"])
    expect_close(got["train_score"], sk.train_score_, "train_score_", against=against,
                 cause="train_score_[m] is the mean squared error mean((y - F_{m+1}(X))²) on the training data after stage m + 1", **TOL["same_trees"])


@check(points=3)
def matches_sklearn(ctx):
    """predict, staged_predict and train_score_ on the training data equal scikit-learn's, for two settings"""
    _matches_sklearn(ctx, {"n_estimators": 25, "learning_rate": 0.1, "max_depth": 3})
    _matches_sklearn(ctx, {"n_estimators": 10, "learning_rate": 0.5, "max_depth": 2})


@check(points=2)
def predict_adds_the_shrunk_trees(ctx):
    """on new points predict = init_prediction_ + learning_rate · Σ_m estimators_[m].predict"""
    X, y = make_data(ctx.rng)
    X_test = ctx.rng.normal(size=(300, X.shape[1])) * 1.5
    params = {"n_estimators": 8, "learning_rate": 0.2, "max_depth": 3}
    got = ctx.run(boost_probe, X, y, params, X_test)
    _trees(got, 8, 3)
    trees = as_array(got["tree_test"], "the trees' predictions")
    want = got["init"] + 0.2 * trees.sum(axis=0)
    pred = as_array(got["pred_test"], "predict")
    if pred.shape == want.shape and np.allclose(pred, got["init"] + trees.sum(axis=0), **TOL["same_trees"]):
        raise Failed("predict adds the trees without the learning rate (init + Σ_m h_m(X))\n"
                     "Likely cause: the learning_rate applied in fit must be applied in predict too: F_0 + learning_rate · Σ_m h_m(X)")
    expect_close(pred, want, "predict on new points", against="init_prediction_ + learning_rate · Σ_m estimators_[m].predict(X)",
                 cause="predict starts from init_prediction_ and adds every tree's prediction times learning_rate", **TOL["same_trees"])


@check(points=2)
def staged_predict_follows_the_stages(ctx):
    """staged_predict yields F_m(X) after each stage m = 1..M; the last one is predict(X)"""
    X, y = make_data(ctx.rng)
    X_test = ctx.rng.normal(size=(200, X.shape[1]))
    params = {"n_estimators": 6, "learning_rate": 0.3, "max_depth": 2}
    got = ctx.run(boost_probe, X, y, params, X_test)
    stages = _stages(got, 6, len(X_test), "test")
    trees = as_array(got["tree_test"], "the trees' predictions")
    want = got["init"] + 0.3 * np.cumsum(trees, axis=0)
    expect_close(stages, want, "staged_predict", against="init_prediction_ + learning_rate · (cumulative sum of the trees' predictions)",
                 cause="yield the running prediction after each stage, starting from init_prediction_ (one item per tree, each of shape (n_samples,))",
                 **TOL["same_trees"])
    expect_close(stages[-1], got["pred_test"], "the last item of staged_predict", against="predict", cause="the last stage is the final model",
                 **TOL["same_trees"])


@check(points=1)
def train_score_tracks_the_fit(ctx):
    """train_score_[m] is the training mean squared error after stage m + 1, and decreases"""
    X, y = make_data(ctx.rng)
    got = ctx.run(boost_probe, X, y, {"n_estimators": 10}, X[:3])
    stages = _stages(got, 10, len(y), "train")
    expect_close(got["train_score"], np.mean((y - stages) ** 2, axis=1), "train_score_", against="mean((y - staged_predict(X_train))²) per stage",
                 cause="record the training mean squared error after adding each tree", **TOL["same_trees"])
    expect(np.all(np.diff(got["train_score"]) <= 1e-12), "train_score_ increases at some stage",
           "with learning_rate <= 1, adding a least-squares tree fitted to the residuals never increases the training error")


@check(points=2)
def vectorised(ctx):
    """no Python loop over samples (the loop over stages is fine)"""
    X, y = make_data(ctx.rng, n=400)
    params = {"n_estimators": 5, "max_depth": 2}
    expect_vectorised(ctx, work_probe, (X[:100], y[:100], params), (X, y, params), 100, 400, "fit, staged_predict and predict")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.ensemble import GradientBoostingRegressor

    rng = np.random.default_rng(0)
    X, y = make_data(rng, n=1000)
    X_test, _ = make_data(rng, n=1000)
    params = dict(n_estimators=100, learning_rate=0.1, max_depth=3, random_state=0)
    return {
        "input": "fit + predict, 100 stages of depth-3 scikit-learn regression trees, learning_rate=0.1, 1000 samples × 4 features, "
                 "1000 test rows: the same trees on both sides",
        "reference": lambda: reference.GradientBoostingRegressor(**params).fit(X, y).predict(X_test),
        "sklearn": lambda: GradientBoostingRegressor(loss="squared_error", **params).fit(X, y).predict(X_test),
    }
