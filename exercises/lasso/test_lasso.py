"""Visible tests for lasso: run them with `pytest exercises/lasso` or `make check exercise=lasso`."""

import numpy as np

from lasso import Lasso


def orthogonal_data(n=100):
    """Centred columns with Xᵀ X / n = I: there the lasso is soft-thresholding of Xᵀ y / n."""
    Z = np.random.default_rng(0).normal(size=(n, 4))
    # Z's centred columns sum to 0, so do the orthonormal columns spanning them; scaled so that Xᵀ X / n = I
    Q = np.linalg.qr(Z - Z.mean(axis=0))[0] * np.sqrt(n)
    y = Q @ np.array([3.0, -2.0, 0.3, -0.1]) + 1.0
    return Q, y


def test_fit_returns_self_and_sets_attributes():
    X, y = orthogonal_data()
    model = Lasso(alpha=0.5)
    assert model.fit(X, y) is model, "fit must return self"
    assert np.shape(model.coef_) == (4,), "coef_ has one weight per feature"
    assert isinstance(model.intercept_, float), "intercept_ is a float"
    assert int(model.n_iter_) >= 1
    np.testing.assert_allclose(model.predict(X), X @ model.coef_ + model.intercept_)


def test_orthogonal_design_is_soft_thresholding():
    X, y = orthogonal_data()
    model = Lasso(alpha=0.5).fit(X, y)
    # soft-threshold [3, -2, 0.3, -0.1] at 0.5: shrink by 0.5 towards 0, keep the sign, zero the small ones
    np.testing.assert_allclose(model.coef_, [2.5, -1.5, 0.0, 0.0], atol=1e-10)
    assert model.coef_[2] == 0.0 and model.coef_[3] == 0.0, "soft-thresholding gives exact zeros"
    np.testing.assert_allclose(model.intercept_, 1.0, atol=1e-10)
    assert model.n_iter_ == 2, "independent coordinates: the first sweep solves it, the second changes nothing"


def test_large_alpha_gives_all_zeros():
    X, y = orthogonal_data()
    model = Lasso(alpha=10.0).fit(X, y)
    assert np.all(model.coef_ == 0.0)
    np.testing.assert_allclose(model.intercept_, y.mean(), err_msg="with coef_ = 0 the intercept is the mean of y: it is not penalised")


def test_tiny_alpha_is_least_squares():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(80, 3)) + 2.0
    y = X @ np.array([1.0, -2.0, 0.5]) + 3.0 + rng.normal(scale=0.1, size=80)
    model = Lasso(alpha=1e-8, tol=1e-12, max_iter=10_000).fit(X, y)
    A = np.column_stack([np.ones(80), X])
    np.testing.assert_allclose(model.coef_, np.linalg.lstsq(A, y, rcond=None)[0][1:], atol=1e-5)
