"""Visible tests for linreg: run them with `pytest exercises/linreg` or `make check exercise=linreg`."""

import numpy as np

from linreg import GDLinearRegression, LinearRegression


def make_data(seed=0, n=100):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2)) + [1.0, -2.0]
    y = X @ np.array([3.0, -1.0]) + 4.0 + rng.normal(scale=0.1, size=n)
    return X, y


def test_least_squares_recovers_the_line():
    X, y = make_data()
    model = LinearRegression()
    assert model.fit(X, y) is model, "fit must return self"
    assert np.shape(model.coef_) == (2,), "coef_ has one weight per feature"
    assert isinstance(model.intercept_, float), "intercept_ is a float"
    np.testing.assert_allclose(model.coef_, [3.0, -1.0], atol=0.05)
    np.testing.assert_allclose(model.intercept_, 4.0, atol=0.1)
    np.testing.assert_allclose(model.predict(X), X @ model.coef_ + model.intercept_)


def test_exact_fit_on_noiseless_data():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = 2.0 * X[:, 0] + 1.0
    model = LinearRegression().fit(X, y)
    np.testing.assert_allclose(model.coef_, [2.0])
    np.testing.assert_allclose(model.intercept_, 1.0)


def test_duplicated_feature_splits_the_weight():
    X, y = make_data()
    X_dup = np.column_stack([X[:, 0], X[:, 0], X[:, 1]])   # rank-deficient: columns 0 and 1 are equal
    coef = LinearRegression().fit(X_dup, y).coef_
    full = LinearRegression().fit(X, y).coef_
    # the smallest-norm solution shares the weight equally between the two copies
    np.testing.assert_allclose(coef, [full[0] / 2, full[0] / 2, full[1]], atol=1e-8)


def test_gradient_descent_loss_history():
    X, y = make_data()
    gd = GDLinearRegression(learning_rate=0.05, n_iter=10)
    assert gd.fit(X, y) is gd, "fit must return self"
    history = np.asarray(gd.loss_history_)
    assert len(history) == 10, "with tol=1e-6 the first 10 steps all decrease the loss by more than tol"
    assert history[0] < np.mean(y ** 2), "one step from zeros must go below the starting loss mean(y²)"
    assert np.all(np.diff(history) < 0), "with a small learning rate, gradient descent never increases the loss"
    np.testing.assert_allclose(history[-1], np.mean((gd.predict(X) - y) ** 2), err_msg="the last entry is the MSE of the final model")


def test_gradient_descent_reaches_least_squares():
    X, y = make_data()
    gd = GDLinearRegression(learning_rate=0.1, n_iter=5000, tol=1e-12).fit(X, y)
    ols = LinearRegression().fit(X, y)
    np.testing.assert_allclose(gd.coef_, ols.coef_, atol=1e-3)
    np.testing.assert_allclose(gd.intercept_, ols.intercept_, atol=1e-3)
