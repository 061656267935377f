"""Visible tests for dbscan: run them with `pytest exercises/dbscan` or `make check exercise=dbscan`."""

import numpy as np

from dbscan import DBSCAN


def two_blobs_and_an_outlier(seed=0):
    rng = np.random.default_rng(seed)
    blobs = np.vstack([rng.normal(loc=(0, 0), scale=0.2, size=(30, 2)), rng.normal(loc=(5, 5), scale=0.2, size=(30, 2))])
    return np.vstack([blobs, [[10.0, -10.0]]])


def test_fit_returns_self_and_sets_attributes():
    X = two_blobs_and_an_outlier()
    model = DBSCAN(eps=0.5, min_samples=5)
    assert model.fit(X) is model, "fit must return self"
    assert model.labels_.shape == (61,)
    assert np.all(np.diff(model.core_sample_indices_) > 0), "core_sample_indices_ are increasing indices"
    np.testing.assert_array_equal(DBSCAN(eps=0.5, min_samples=5).fit_predict(X), model.labels_)


def test_finds_two_blobs_and_the_outlier():
    labels = DBSCAN(eps=0.5, min_samples=5).fit_predict(two_blobs_and_an_outlier())
    assert labels[-1] == -1, "the far outlier is noise"
    assert len(set(labels[:30])) == 1 and len(set(labels[30:60])) == 1, "each blob is one cluster"
    assert labels[0] != labels[30] and sorted(set(labels[:60])) == [0, 1], "two clusters, numbered 0 and 1"


def test_a_point_counts_itself_and_eps_is_inclusive():
    # three points 1 apart on a line: with eps=1 the middle one has 3 points within eps, itself included
    X = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]])
    model = DBSCAN(eps=1.0, min_samples=3).fit(X)
    np.testing.assert_array_equal(model.core_sample_indices_, [1])
    # the two ends are border points of the middle one's cluster
    np.testing.assert_array_equal(model.labels_, [0, 0, 0])


def test_border_points_do_not_extend_a_cluster():
    # a tight core blob, a border point 0.9 away, and a point 0.9 beyond the border point
    blob = np.array([[0, 0], [0.2, 0], [0.4, 0], [0.2, 0.2], [0.2, -0.2]])
    X = np.vstack([[[1.3, 0.0], [2.2, 0.0]], blob])
    labels = DBSCAN(eps=1.0, min_samples=4).fit_predict(X)
    assert labels[0] == labels[2] == 0, "the border point (listed first) joins the blob's cluster"
    assert labels[1] == -1, "a point reachable only through a border point is noise"
