"""Visible tests for hierarchical: run `pytest exercises/hierarchical` or `make check exercise=hierarchical`."""

import numpy as np

from hierarchical import AgglomerativeClustering

# Five points on a line, all gaps different: 0, 1, 3, 7, 12 -> gaps 1, 2, 4, 5
LINE = np.array([[0.0], [1.0], [3.0], [7.0], [12.0]])


def test_fit_returns_self_and_sets_shapes():
    model = AgglomerativeClustering(n_clusters=2, linkage="single")
    assert model.fit(LINE) is model, "fit must return self"
    assert model.children_.shape == (4, 2), "one row per merge: n_samples - 1 rows"
    assert model.distances_.shape == (4,)
    assert model.labels_.shape == (5,)
    np.testing.assert_array_equal(model.fit_predict(LINE), model.labels_)


def test_single_linkage_on_a_line():
    model = AgglomerativeClustering(n_clusters=2, linkage="single").fit(LINE)
    # single linkage merges along the gaps in increasing order: heights 1, 2, 4, 5
    np.testing.assert_allclose(model.distances_, [1, 2, 4, 5])
    # step 0 merges samples 0 and 1 into node 5; step 1 merges node 5 with sample 2 into node 6 ...
    np.testing.assert_array_equal(np.sort(model.children_, axis=1), [[0, 1], [2, 5], [3, 6], [4, 7]])
    labels = model.labels_
    assert len(set(labels[:4])) == 1 and labels[4] != labels[0], "cutting the last merge isolates the point at 12"


def test_complete_and_average_linkage_on_a_line():
    complete = AgglomerativeClustering(linkage="complete").fit(LINE).distances_
    average = AgglomerativeClustering(linkage="average").fit(LINE).distances_
    # complete: {0,1} at 1, {0,1}+{3} at max(3, 2) = 3, {7,12} at 5, then everything at 12
    np.testing.assert_allclose(complete, [1, 3, 5, 12])
    # average: {0,1} at 1, {0,1}+{3} at (3+2)/2 = 2.5, {7,12} at 5, then the mean of the 3 x 2 distances: 49/6
    np.testing.assert_allclose(average, [1, 2.5, 5, 49 / 6])


def test_ward_merge_height_of_two_points():
    X = np.array([[0.0, 0.0], [3.0, 4.0], [100.0, 0.0]])
    model = AgglomerativeClustering(n_clusters=2, linkage="ward").fit(X)
    # two singletons: the Ward height is their Euclidean distance, 5
    assert np.isclose(model.distances_[0], 5.0)
    assert model.labels_[0] == model.labels_[1] != model.labels_[2]
