"""Bias-variance decomposition of the squared error by bootstrap rounds.

Implement the function marked TODO; exercises/bias_variance/README.md has the definitions and
the rules (numpy only). Check your work with `make check exercise=bias_variance`.
"""

import numpy as np


def bias_variance_decomp(make_estimator, X_train, y_train, X_test, y_test, n_rounds=200, random_state=None):
    """Expected squared error, squared bias and variance of a learning algorithm.

    Each round fits ``make_estimator()`` on a bootstrap sample of the training set and
    predicts ``X_test``.

    Parameters
    ----------
    make_estimator : callable
        ``make_estimator()`` returns a fresh, unfitted model with ``fit(X, y)`` and
        ``predict(X)`` (predictions of shape (n_samples,)).
    X_train : ndarray of shape (n_train, n_features)
    y_train : ndarray of shape (n_train,)
    X_test : ndarray of shape (n_test, n_features)
    y_test : ndarray of shape (n_test,)
    n_rounds : int, default=200
        Number of bootstrap rounds.
    random_state : int or None, default=None
        Seed of ``np.random.default_rng``, which draws the bootstrap samples.

    Returns
    -------
    expected_loss : float
        Mean over rounds and test points of (prediction - y_test)².
    bias_squared : float
        Mean over test points of (main prediction - y_test)², the main prediction being the
        mean prediction over rounds.
    variance : float
        Mean over test points of the variance of the predictions over rounds.
    """
    # TODO
    raise NotImplementedError("bias_variance_decomp")
