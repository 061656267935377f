"""Visible tests for decision_tree: run them with `pytest exercises/decision_tree` or `make check exercise=decision_tree`."""

import numpy as np

from decision_tree import DecisionTreeClassifier


def make_data(seed=0, n=200):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 3))
    y = (X[:, 0] + X[:, 1] ** 2 + rng.normal(scale=0.5, size=n) > 1).astype(int)
    return X, y


def test_fit_returns_self_and_sorts_classes():
    X, y = make_data()
    labels = np.array(["no", "yes"])[y]
    tree = DecisionTreeClassifier(max_depth=2)
    assert tree.fit(X, labels) is tree, "fit must return self"
    assert list(tree.classes_) == ["no", "yes"]
    assert tree.n_classes_ == 2
    assert set(tree.predict(X)) <= {"no", "yes"}, "predict returns the original labels"


def test_one_split_at_the_midpoint():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([0, 0, 1, 1])
    tree = DecisionTreeClassifier().fit(X, y)
    assert tree.get_depth() == 1, "one split separates the classes"
    np.testing.assert_array_equal(tree.predict(np.array([[1.4], [1.6]])), [0, 1])  # threshold (1 + 2) / 2 = 1.5
    np.testing.assert_allclose(tree.predict_proba(np.array([[-5.0], [5.0]])), [[1, 0], [0, 1]])


def test_predict_proba_is_leaf_class_fractions():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0]])
    y = np.array([0, 0, 1, 1, 1])
    tree = DecisionTreeClassifier(max_depth=0).fit(X, y)   # a lone root: the class fractions of all samples
    np.testing.assert_allclose(tree.predict_proba(X[:2]), [[0.4, 0.6], [0.4, 0.6]])
    np.testing.assert_array_equal(tree.predict(X[:2]), [1, 1])
    assert tree.get_depth() == 0


def test_grows_until_pure_without_limits():
    X, y = make_data()
    tree = DecisionTreeClassifier().fit(X, y)
    assert np.all(tree.predict(X) == y), "with no limit every leaf is pure on distinct points"
    proba = tree.predict_proba(X)
    assert proba.shape == (200, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)


def test_limits_are_respected():
    X, y = make_data()
    assert DecisionTreeClassifier(max_depth=2).fit(X, y).get_depth() <= 2
    for criterion in ("gini", "entropy"):
        leaves = DecisionTreeClassifier(criterion=criterion, min_samples_leaf=10).fit(X, y).apply(X)
        assert np.unique(leaves, return_counts=True)[1].min() >= 10, "every leaf keeps min_samples_leaf samples"
