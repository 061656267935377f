"""Visible tests for ridge: run them with `pytest exercises/ridge` or `make check exercise=ridge`."""

import numpy as np

from ridge import Ridge


def make_data(seed=0, n=50):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 3)) + [2.0, -1.0, 0.5]
    y = X @ np.array([1.5, -2.0, 0.5]) + 3.0 + rng.normal(scale=0.3, size=n)
    return X, y


def test_fit_returns_self_and_sets_attributes():
    X, y = make_data()
    model = Ridge()
    assert model.fit(X, y) is model, "fit must return self"
    assert np.shape(model.coef_) == (3,), "coef_ has one weight per feature"
    assert isinstance(model.intercept_, float), "intercept_ is a float"
    np.testing.assert_allclose(model.predict(X), X @ model.coef_ + model.intercept_)


def test_one_feature_by_hand():
    # one centred feature: coef = Σ xc yc / (Σ xc² + alpha), intercept = ȳ - x̄ coef
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = np.array([3.0, 5.0, 7.0, 9.0])          # y = 2x + 1; Σ xc² = 5, Σ xc yc = 10
    model = Ridge(alpha=5.0).fit(X, y)
    np.testing.assert_allclose(model.coef_, [10.0 / (5.0 + 5.0)])
    np.testing.assert_allclose(model.intercept_, 6.0 - 2.5 * 1.0)


def test_small_alpha_is_least_squares():
    X, y = make_data()
    coef = Ridge(alpha=1e-10).fit(X, y).coef_
    A = np.column_stack([np.ones(len(X)), X])
    np.testing.assert_allclose(coef, np.linalg.lstsq(A, y, rcond=None)[0][1:], rtol=1e-6)


def test_large_alpha_shrinks_weights_but_not_the_intercept():
    X, y = make_data()
    model = Ridge(alpha=1e9).fit(X, y)
    np.testing.assert_allclose(model.coef_, 0.0, atol=1e-5)
    # with coef_ ≈ 0 the best constant prediction is the mean of y: the intercept is not shrunk
    np.testing.assert_allclose(model.intercept_, y.mean(), atol=1e-4)
