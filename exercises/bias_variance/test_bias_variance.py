"""Visible tests for bias_variance: run them with `pytest exercises/bias_variance` or `make check exercise=bias_variance`."""

import numpy as np

from bias_variance import bias_variance_decomp


class TrainingMean:
    """Predicts the mean of its training targets everywhere."""

    def fit(self, X, y):
        self.mean_ = float(np.mean(y))
        return self

    def predict(self, X):
        return np.full(len(X), self.mean_)


class Constant:
    """Predicts 3 whatever it was fitted on."""

    def fit(self, X, y):
        return self

    def predict(self, X):
        return np.full(len(X), 3.0)


def make_data(seed=0, n=40):
    rng = np.random.default_rng(seed)
    return np.zeros((n, 1)), rng.normal(size=n), np.zeros((10, 1)), rng.normal(size=10)


def test_returns_three_floats_that_add_up():
    loss, bias2, var = bias_variance_decomp(TrainingMean, *make_data(), n_rounds=50, random_state=0)
    assert all(isinstance(v, float) for v in (loss, bias2, var))
    np.testing.assert_allclose(loss, bias2 + var, rtol=1e-10, err_msg="expected_loss = bias_squared + variance exactly")
    assert var > 0, "refitting on bootstrap samples moves the training mean: the variance is positive"


def test_a_model_that_ignores_its_data_has_no_variance():
    X, y, X_test, y_test = make_data()
    loss, bias2, var = bias_variance_decomp(Constant, X, y, X_test, y_test, n_rounds=20, random_state=0)
    assert var == 0
    np.testing.assert_allclose(bias2, np.mean((3.0 - y_test) ** 2))
    np.testing.assert_allclose(loss, bias2)


def test_variance_of_the_mean_is_about_s2_over_n():
    X, y, X_test, y_test = make_data(n=50)
    _, _, var = bias_variance_decomp(TrainingMean, X, y, X_test, y_test, n_rounds=400, random_state=1)
    assert 0.6 < var / (y.var() / 50) < 1.5, f"variance {var:.4g}, expected about s²/n = {y.var() / 50:.4g}"


def test_same_random_state_same_result():
    a = bias_variance_decomp(TrainingMean, *make_data(), n_rounds=30, random_state=7)
    b = bias_variance_decomp(TrainingMean, *make_data(), n_rounds=30, random_state=7)
    assert a == b
