"""Visible tests for naive_bayes: run them with `pytest exercises/naive_bayes` or `make check exercise=naive_bayes`."""

import numpy as np

from naive_bayes import GaussianNB

# Class "a": x in {0, 2}, class "b": x in {4, 6, 8} (one feature).
X_SMALL = np.array([[0.0], [2.0], [4.0], [6.0], [8.0]])
Y_SMALL = np.array(["a", "a", "b", "b", "b"])


def make_blobs(seed=0, n=300):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=n)
    X = rng.normal(size=(n, 2)) + np.where(y[:, None] == 1, 3.0, 0.0)
    return X, y


def test_fit_returns_self_and_estimates_parameters():
    model = GaussianNB(var_smoothing=0.0)
    assert model.fit(X_SMALL, Y_SMALL) is model, "fit must return self"
    np.testing.assert_array_equal(model.classes_, ["a", "b"])
    np.testing.assert_allclose(model.class_prior_, [0.4, 0.6])
    np.testing.assert_allclose(model.theta_, [[1.0], [6.0]])
    np.testing.assert_allclose(model.var_, [[1.0], [8 / 3]])  # ddof=0: mean squared deviation


def test_var_smoothing_adds_a_fraction_of_the_largest_variance():
    X = np.column_stack([X_SMALL[:, 0], [1.0, 1.0, 5.0, 5.0, 5.0]])  # feature 2 is constant within each class
    model = GaussianNB(var_smoothing=0.01).fit(X, Y_SMALL)
    epsilon = 0.01 * X.var(axis=0).max()
    np.testing.assert_allclose(model.epsilon_, epsilon)
    np.testing.assert_allclose(model.var_, [[1.0 + epsilon, epsilon], [8 / 3 + epsilon, epsilon]])


def test_posterior_by_bayes_theorem():
    model = GaussianNB(var_smoothing=0.0).fit(X_SMALL, Y_SMALL)
    x = 3.0
    likelihood = np.exp(-0.5 * (x - model.theta_[:, 0]) ** 2 / model.var_[:, 0]) / np.sqrt(2 * np.pi * model.var_[:, 0])
    joint = model.class_prior_ * likelihood
    np.testing.assert_allclose(model.predict_proba(np.array([[x]])), [joint / joint.sum()])
    np.testing.assert_allclose(model.predict_log_proba(np.array([[x]])), [np.log(joint / joint.sum())])


def test_predicts_labels():
    X, y = make_blobs()
    model = GaussianNB().fit(X, y)
    proba = model.predict_proba(X)
    assert proba.shape == (300, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert np.mean(model.predict(X) == y) > 0.9
    np.testing.assert_array_equal(GaussianNB().fit(X_SMALL, Y_SMALL).predict(np.array([[0.5], [7.0]])), ["a", "b"])


def test_far_away_points_do_not_give_nan():
    X, y = make_blobs()
    model = GaussianNB().fit(X, y)
    far = np.array([[100.0, 100.0], [-80.0, -80.0]])
    proba, log_proba = model.predict_proba(far), model.predict_log_proba(far)
    assert np.all(np.isfinite(proba)), "exp(jll) underflows to 0 here: normalise in log space"
    assert not np.any(np.isnan(log_proba))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_array_equal(model.predict(far), model.classes_[np.argmax(log_proba, axis=1)])
