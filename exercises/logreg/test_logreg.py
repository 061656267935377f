"""Visible tests for logreg: run them with `pytest exercises/logreg` or `make check exercise=logreg`."""

import numpy as np

from logreg import LogisticRegression


def make_data(seed=0, n=200):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    y = (X @ np.array([2.0, -1.0]) + 0.5 + rng.normal(scale=0.5, size=n) > 0).astype(int)
    return X, y


def test_fit_returns_self_and_sets_attributes():
    X, y = make_data()
    model = LogisticRegression(n_iter=10)
    assert model.fit(X, y) is model, "fit must return self"
    assert np.shape(model.coef_) == (2,), "coef_ has one weight per feature"
    assert isinstance(model.intercept_, float), "intercept_ is a float"
    assert len(model.loss_history_) == 10, "with tol=1e-6 the first 10 steps all decrease the loss by more than tol"


def test_loss_history_decreases():
    X, y = make_data()
    history = np.asarray(LogisticRegression(n_iter=50).fit(X, y).loss_history_)
    assert history[0] < np.log(2), "one step from zeros must go below the starting loss log(2)"
    assert np.all(np.diff(history) <= 0), "with a small learning rate, gradient descent never increases the loss"


def test_predict_proba_is_a_probability():
    X, y = make_data()
    proba = LogisticRegression().fit(X, y).predict_proba(X)
    assert proba.shape == (200,)
    assert np.all((proba > 0) & (proba < 1))


def test_learns_an_easy_problem():
    X, y = make_data()
    model = LogisticRegression(learning_rate=0.5).fit(X, y)
    accuracy = np.mean(model.predict(X) == y)
    assert accuracy > 0.85, f"training accuracy {accuracy:.2f} should exceed 0.85 on this nearly separable problem"
    np.testing.assert_allclose(model.coef_ / np.linalg.norm(model.coef_), [2, -1] / np.sqrt(5), atol=0.1)
