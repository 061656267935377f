"""Visible tests for nmf: run them with `pytest exercises/nmf` or `make check exercise=nmf`."""

import numpy as np

from nmf import NMF


def make_data(seed=0, n=50, d=20, k=3):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 1, (n, k)) @ rng.uniform(0, 1, (k, d)) + 0.05 * rng.uniform(0, 1, (n, d))


def test_shapes_and_attributes():
    X = make_data()
    model = NMF(n_components=3, max_iter=30, random_state=0)
    W = model.fit_transform(X)
    assert W.shape == (50, 3), "fit_transform returns W, shape (n_samples, n_components)"
    assert model.components_.shape == (3, 20), "components_ is H, shape (n_components, n_features)"
    assert model.n_iter_ == len(model.loss_history_) <= 30
    np.testing.assert_allclose(model.reconstruction_err_, np.linalg.norm(X - W @ model.components_), rtol=1e-10)
    assert NMF(n_components=3, max_iter=5, random_state=0).fit(X).n_iter_ >= 1, "fit returns self"


def test_factors_stay_non_negative_and_error_never_increases():
    X = make_data()
    model = NMF(n_components=3, max_iter=100, tol=0.0, random_state=1)
    W = model.fit_transform(X)
    assert np.all(W >= 0) and np.all(model.components_ >= 0)
    history = np.asarray(model.loss_history_)
    assert np.all(np.diff(history) <= 1e-9 * history[0]), "multiplicative updates never increase ||X - W H||_F"


def test_one_iteration_from_a_custom_start():
    X = make_data()
    rng = np.random.default_rng(5)
    W0, H0 = rng.uniform(0.1, 1, (50, 3)), rng.uniform(0.1, 1, (3, 20))
    model = NMF(n_components=3, init="custom", max_iter=1, tol=0.0)
    W = model.fit_transform(X, W=W0.copy(), H=H0.copy())
    # W first, then H with the new W (as scikit-learn)...
    W1 = W0 * (X @ H0.T) / (W0 @ H0 @ H0.T)
    H1 = H0 * (W1.T @ X) / (W1.T @ W1 @ H0)
    # ...or H first, then W with the new H: both orders are correct
    H1_alt = H0 * (W0.T @ X) / (W0.T @ W0 @ H0)
    W1_alt = W0 * (X @ H1_alt.T) / (W0 @ H1_alt @ H1_alt.T)
    w_first = np.allclose(W, W1, rtol=1e-8) and np.allclose(model.components_, H1, rtol=1e-8)
    h_first = np.allclose(W, W1_alt, rtol=1e-8) and np.allclose(model.components_, H1_alt, rtol=1e-8)
    assert w_first or h_first, "one iteration is one multiplicative update of W and one of H"


def test_fits_low_rank_data():
    X = make_data()
    model = NMF(n_components=3, max_iter=500, tol=1e-6, random_state=0).fit(X)
    relative = model.reconstruction_err_ / np.linalg.norm(X)
    assert relative < 0.05, f"the relative error {relative:.3f} should be small on rank-3 data plus a little noise"
