"""Visible tests for pca: run them with `pytest exercises/pca` or `make check exercise=pca`."""

import numpy as np

from pca import PCA


def make_data(seed=0, n=300):
    rng = np.random.default_rng(seed)
    # an elongated cloud around (5, -2, 1): standard deviations 3, 1 and 0.2 along rotated axes
    rotation = np.linalg.qr(rng.normal(size=(3, 3)))[0]
    return rng.normal(size=(n, 3)) * [3.0, 1.0, 0.2] @ rotation + [5.0, -2.0, 1.0], rotation


def test_fit_returns_self_and_sets_shapes():
    X, _ = make_data()
    pca = PCA(n_components=2)
    assert pca.fit(X) is pca, "fit must return self"
    assert pca.components_.shape == (2, 3), "components_ holds the axes as rows: (n_components, n_features)"
    assert pca.explained_variance_.shape == (2,)
    assert pca.n_components_ == 2
    assert PCA().fit(X).n_components_ == 3, "n_components=None keeps min(n_samples, n_features) components"


def test_components_are_orthonormal_and_find_the_long_axis():
    X, rotation = make_data()
    pca = PCA().fit(X)
    np.testing.assert_allclose(pca.components_ @ pca.components_.T, np.eye(3), atol=1e-10)
    # the first axis is the direction of largest spread, up to its sign
    assert abs(pca.components_[0] @ rotation[0]) > 0.99
    np.testing.assert_allclose(pca.mean_, X.mean(axis=0))


def test_explained_variance_is_the_variance_of_the_projection():
    X, _ = make_data()
    pca = PCA(n_components=2)
    Z = pca.fit_transform(X)
    np.testing.assert_allclose(pca.explained_variance_, Z.var(axis=0, ddof=1), rtol=1e-10)
    assert np.all(np.diff(pca.explained_variance_) < 0), "components come by decreasing variance"
    total = X.var(axis=0, ddof=1).sum()
    np.testing.assert_allclose(pca.explained_variance_ratio_, pca.explained_variance_ / total, rtol=1e-10)


def test_whitened_projection_has_unit_variance():
    X, _ = make_data()
    Z = PCA(n_components=3, whiten=True).fit_transform(X)
    np.testing.assert_allclose(Z.var(axis=0, ddof=1), np.ones(3), rtol=1e-8)


def test_inverse_transform_round_trip():
    X, _ = make_data()
    pca = PCA().fit(X)
    np.testing.assert_allclose(pca.inverse_transform(pca.transform(X)), X, atol=1e-9)
