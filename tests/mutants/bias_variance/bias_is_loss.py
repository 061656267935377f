"""Mutant: bias² is the mean over rounds of (prediction - y)², which is the expected loss, not (main prediction - y)².

Expect: which is the expected loss

Bias-variance decomposition of the squared error by bootstrap rounds (reference solution).

Round r fits a fresh model on a bootstrap sample of the training set (n draws with replacement)
and predicts the test set: predictions P[r, j]. With the main prediction m_j = mean_r P[r, j]:
    expected loss = mean_{r,j} (P[r, j] - y_j)²
    bias²         = mean_j (m_j - y_j)²
    variance      = mean_j mean_r (P[r, j] - m_j)²
and expected loss = bias² + variance exactly, since Σ_r (P[r, j] - m_j) = 0.
"""

import numpy as np


def bias_variance_decomp(make_estimator, X_train, y_train, X_test, y_test, n_rounds=200, random_state=None):
    """Expected squared error, squared bias and variance of a learning algorithm.

    Parameters
    ----------
    make_estimator : callable
        ``make_estimator()`` returns a fresh, unfitted model with fit(X, y) and predict(X).
    X_train : ndarray of shape (n_train, n_features)
    y_train : ndarray of shape (n_train,)
    X_test : ndarray of shape (n_test, n_features)
    y_test : ndarray of shape (n_test,)
    n_rounds : int, default=200
        Number of bootstrap rounds.
    random_state : int or None, default=None
        Seed of ``np.random.default_rng`` drawing the bootstrap samples.

    Returns
    -------
    expected_loss : float
    bias_squared : float
    variance : float
    """
    rng = np.random.default_rng(random_state)
    X_train, y_train = np.asarray(X_train), np.asarray(y_train)
    n = len(X_train)
    predictions = np.empty((n_rounds, len(X_test)))
    for r in range(n_rounds):
        sample = rng.integers(0, n, size=n)                      # bootstrap: n draws with replacement
        model = make_estimator()                                 # a fresh model every round
        model.fit(X_train[sample], y_train[sample])
        predictions[r] = model.predict(X_test)
    main = predictions.mean(axis=0)                              # m_j, the main prediction
    expected_loss = np.mean((predictions - y_test) ** 2)         # mean_{r,j} (P[r, j] - y_j)²
    bias_squared = np.mean([np.mean((p - y_test) ** 2) for p in predictions])
    variance = np.mean(predictions.var(axis=0))                  # mean_j of the variance over rounds (ddof=0)
    return float(expected_loss), float(bias_squared), float(variance)
