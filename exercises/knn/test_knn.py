"""Visible tests for knn: run them with `pytest exercises/knn` or `make check exercise=knn`."""

import numpy as np

from knn import KNeighborsClassifier

# Six training points on a line: three of class 10 near 0, three of class 20 near 10.
X_LINE = np.array([[0.0], [1.0], [2.0], [10.0], [11.0], [13.0]])
Y_LINE = np.array([10, 10, 10, 20, 20, 20])


def test_fit_returns_self_and_sets_classes():
    model = KNeighborsClassifier(n_neighbors=3)
    assert model.fit(X_LINE, Y_LINE) is model, "fit must return self"
    np.testing.assert_array_equal(model.classes_, [10, 20])


def test_kneighbors_nearest_first():
    model = KNeighborsClassifier(n_neighbors=3).fit(X_LINE, Y_LINE)
    distances, indices = model.kneighbors(np.array([[1.8], [12.0]]))
    np.testing.assert_allclose(distances, [[0.2, 0.8, 1.8], [1.0, 1.0, 2.0]])
    np.testing.assert_array_equal(indices[0], [2, 1, 0])
    assert set(indices[1][:2]) == {4, 5} and indices[1][2] == 3, "ties may come in either order"


def test_kneighbors_uses_euclidean_distance():
    X = np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 0.0]])
    model = KNeighborsClassifier(n_neighbors=2).fit(X, np.array([0, 1, 1]))
    distances, indices = model.kneighbors(np.array([[0.0, 0.0]]))
    np.testing.assert_allclose(distances, [[0.0, 5.0]], atol=1e-7)  # sqrt(3² + 4²), not |3| + |4|
    np.testing.assert_array_equal(indices, [[0, 1]])


def test_uniform_votes():
    model = KNeighborsClassifier(n_neighbors=5).fit(X_LINE, Y_LINE)
    proba = model.predict_proba(np.array([[3.0], [9.0]]))
    np.testing.assert_allclose(proba, [[0.6, 0.4], [0.4, 0.6]])
    np.testing.assert_array_equal(model.predict(np.array([[3.0], [9.0]])), [10, 20])


def test_distance_weights():
    X = np.array([[0.0], [1.0], [4.0]])
    model = KNeighborsClassifier(n_neighbors=3, weights="distance").fit(X, np.array([0, 1, 1]))
    # weights 1/2, 1/1, 1/2 at x = 2: class 0 gets 0.5 / 2.0 of the votes
    np.testing.assert_allclose(model.predict_proba(np.array([[2.0]])), [[0.25, 0.75]])


def test_distance_weights_at_a_training_point():
    model = KNeighborsClassifier(n_neighbors=3, weights="distance").fit(X_LINE, Y_LINE)
    proba = model.predict_proba(np.array([[11.0]]))  # coincides with a class-20 point
    np.testing.assert_allclose(proba, [[0.0, 1.0]], atol=1e-6)
