"""A second correct bias_variance, written differently from the reference: all bootstrap
indices are drawn up front with rng.choice (so its draws differ from the reference's), the
predictions are stacked from a list comprehension, and the statistics are written with
explicit deviations instead of np.var."""

import numpy as np


def _fit_predict(make_estimator, X, y, X_test):
    model = make_estimator()
    model.fit(X, y)
    return np.asarray(model.predict(X_test), dtype=float)


def bias_variance_decomp(make_estimator, X_train, y_train, X_test, y_test, n_rounds=200, random_state=None):
    X_train, y_train = np.asarray(X_train), np.asarray(y_train)
    y_test = np.asarray(y_test, dtype=float)
    n = X_train.shape[0]
    draws = np.random.default_rng(random_state).choice(n, size=(n_rounds, n), replace=True)
    P = np.stack([_fit_predict(make_estimator, X_train[rows], y_train[rows], X_test) for rows in draws])
    errors = P - y_test[None, :]
    central = P.sum(axis=0) / n_rounds
    deviations = P - central[None, :]
    loss = (errors ** 2).sum() / errors.size
    bias_squared = ((central - y_test) ** 2).sum() / y_test.size
    variance = (deviations ** 2).sum() / deviations.size
    return float(loss), float(bias_squared), float(variance)
