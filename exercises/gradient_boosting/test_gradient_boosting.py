"""Visible tests for gradient_boosting: run them with `pytest exercises/gradient_boosting` or `make check exercise=gradient_boosting`."""

import numpy as np

from gradient_boosting import GradientBoostingRegressor


def make_data(seed=0, n=200):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, size=(n, 3))
    y = 5 + np.sin(2 * X[:, 0]) + X[:, 1] ** 2 + rng.normal(scale=0.2, size=n)
    return X, y


def test_fit_returns_self_and_starts_from_the_mean():
    X, y = make_data()
    model = GradientBoostingRegressor(n_estimators=5)
    assert model.fit(X, y) is model, "fit must return self"
    assert np.isclose(model.init_prediction_, y.mean()), "F_0 is the mean of y"
    assert np.size(model.estimators_) == 5, "one tree per stage"
    assert np.shape(model.train_score_) == (5,)


def test_first_tree_fits_the_residuals():
    from sklearn.tree import DecisionTreeRegressor

    X, y = make_data()
    model = GradientBoostingRegressor(n_estimators=1, max_depth=2).fit(X, y)
    expected = DecisionTreeRegressor(max_depth=2).fit(X, y - y.mean()).predict(X)
    first_tree = np.ravel(model.estimators_)[0]   # a list, or an (n_estimators, 1) array as in scikit-learn
    np.testing.assert_allclose(first_tree.predict(X), expected)


def test_predict_shrinks_every_tree():
    X, y = make_data()
    model = GradientBoostingRegressor(n_estimators=10, learning_rate=0.3).fit(X, y)
    trees = np.sum([tree.predict(X) for tree in np.ravel(model.estimators_)], axis=0)
    np.testing.assert_allclose(model.predict(X), model.init_prediction_ + 0.3 * trees)


def test_staged_predict_ends_at_predict():
    X, y = make_data()
    model = GradientBoostingRegressor(n_estimators=10).fit(X, y)
    stages = [np.array(p) for p in model.staged_predict(X)]
    assert len(stages) == 10
    np.testing.assert_allclose(stages[-1], model.predict(X))
    errors = [np.mean((y - p) ** 2) for p in stages]
    np.testing.assert_allclose(model.train_score_, errors)
    assert np.all(np.diff(errors) < 0), "every stage lowers the training error"


def test_learns_a_smooth_function():
    X, y = make_data()
    model = GradientBoostingRegressor(n_estimators=30, learning_rate=0.3).fit(X, y)
    X_new, y_new = make_data(seed=1)
    assert np.mean((model.predict(X_new) - y_new) ** 2) < 0.15, "30 stages of depth-3 trees fit this function well (the variance of y is 1.7)"
