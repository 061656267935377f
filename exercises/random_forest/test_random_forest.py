"""Visible tests for random_forest: run them with `pytest exercises/random_forest` or `make check exercise=random_forest`."""

import numpy as np

from random_forest import RandomForestClassifier


def make_data(seed=0, n=200):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    y = (X[:, 0] + X[:, 1] * X[:, 2] + rng.normal(scale=0.5, size=n) > 0).astype(int)
    return X, y


def test_fit_returns_self_and_builds_the_trees():
    X, y = make_data()
    forest = RandomForestClassifier(n_estimators=10, random_state=0)
    assert forest.fit(X, y) is forest, "fit must return self"
    assert len(forest.estimators_) == 10
    assert len(forest.estimators_samples_) == 10
    assert all(tree.max_features_ == 2 for tree in forest.estimators_), "max_features='sqrt' of 4 features is 2"
    np.testing.assert_array_equal(forest.classes_, [0, 1])


def test_bootstrap_samples_draw_with_replacement():
    X, y = make_data()
    forest = RandomForestClassifier(n_estimators=10, random_state=0).fit(X, y)
    for rows in forest.estimators_samples_:
        assert rows.shape == (200,)
        assert 0.5 < len(np.unique(rows)) / 200 < 0.75, "about 63% of the rows appear in a bootstrap sample"
    everything = RandomForestClassifier(n_estimators=2, bootstrap=False).fit(X, y)
    np.testing.assert_array_equal(np.sort(everything.estimators_samples_[0]), np.arange(200))


def test_predict_proba_averages_the_trees():
    X, y = make_data()
    forest = RandomForestClassifier(n_estimators=10, max_depth=2, random_state=0).fit(X, y)
    mean = np.mean([tree.predict_proba(X) for tree in forest.estimators_], axis=0)
    np.testing.assert_allclose(forest.predict_proba(X), mean)
    np.testing.assert_array_equal(forest.predict(X), forest.classes_[np.argmax(mean, axis=1)])


def test_reproducible_with_random_state():
    X, y = make_data()
    a = RandomForestClassifier(n_estimators=5, random_state=3).fit(X, y).predict_proba(X)
    b = RandomForestClassifier(n_estimators=5, random_state=3).fit(X, y).predict_proba(X)
    np.testing.assert_array_equal(a, b)


def test_oob_score_is_honest():
    X, y = make_data()
    forest = RandomForestClassifier(n_estimators=25, oob_score=True, random_state=0).fit(X, y)
    assert forest.oob_decision_function_.shape == (200, 2)
    training_accuracy = np.mean(forest.predict(X) == y)
    assert 0.6 < forest.oob_score_ < training_accuracy, "the out-of-bag accuracy estimates the test accuracy, below the training accuracy"
