"""Visible tests for kmeans: run them with `pytest exercises/kmeans` or `make check exercise=kmeans`."""

import numpy as np

from kmeans import KMeans, kmeans_plusplus


def make_blobs(seed=0, n=150):
    rng = np.random.default_rng(seed)
    means = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    y = np.arange(n) % 3
    return means[y] + rng.normal(size=(n, 2)), y


def same_groups(a, b):
    """Whether two labelings split the samples the same way, whatever the label numbers."""
    pairs = set(zip(np.asarray(a).tolist(), np.asarray(b).tolist()))
    return len(pairs) == len(set(np.asarray(a).tolist())) == len(set(np.asarray(b).tolist()))


def test_kmeans_plusplus_returns_distinct_rows_of_X():
    X, _ = make_blobs()
    centers, indices = kmeans_plusplus(X, 3, random_state=0)
    assert centers.shape == (3, 2) and indices.shape == (3,)
    np.testing.assert_array_equal(centers, X[indices])
    assert len(set(indices.tolist())) == 3, "a chosen point has D = 0 and is never chosen again"


def test_kmeans_plusplus_is_reproducible():
    X, _ = make_blobs()
    _, a = kmeans_plusplus(X, 3, random_state=42)
    _, b = kmeans_plusplus(X, 3, random_state=42)
    np.testing.assert_array_equal(a, b)


def test_one_lloyd_iteration_by_hand():
    X = np.array([[0.0], [1.0], [2.0], [10.0], [11.0]])
    model = KMeans(n_clusters=2, init=np.array([[0.0], [2.5]]), n_init=1, max_iter=1).fit(X)
    # assign: {0, 1} -> centre 0 and {2, 10, 11} -> centre 1; update: means 0.5 and 23/3
    np.testing.assert_allclose(model.cluster_centers_, [[0.5], [23 / 3]])
    # labels_ describe the final centres: 2 is now nearer to 0.5 than to 7.67
    np.testing.assert_array_equal(model.labels_, [0, 0, 0, 1, 1])
    assert model.n_iter_ == 1


def test_fit_returns_self_and_finds_the_blobs():
    X, y = make_blobs()
    model = KMeans(n_clusters=3, random_state=0)
    assert model.fit(X) is model, "fit must return self"
    assert model.cluster_centers_.shape == (3, 2) and model.labels_.shape == (150,)
    assert same_groups(model.labels_, y), "three blobs 10 apart are found by any sensible run"
    assert model.n_iter_ < 300, "Lloyd converges in a few iterations here"


def test_inertia_labels_and_predict_agree():
    X, _ = make_blobs()
    model = KMeans(n_clusters=3, random_state=0).fit(X)
    distances = ((X[:, None, :] - model.cluster_centers_[None, :, :]) ** 2).sum(axis=2)
    np.testing.assert_array_equal(model.labels_, distances.argmin(axis=1))
    np.testing.assert_allclose(model.inertia_, distances.min(axis=1).sum())
    np.testing.assert_array_equal(model.predict(X), model.labels_)
