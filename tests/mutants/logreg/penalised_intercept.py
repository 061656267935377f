"""Mutant: penalises the intercept with l2 too.

Expect: intercept must not be penalised


Model:      p = sigmoid(X @ w + b)
Objective:  J(w, b) = mean(log(1 + e^z) - y z) + (l2 / 2) ||w||²,   z = X @ w + b
Gradient:   dJ/dw = X.T @ (p - y) / n + l2 w,   dJ/db = mean(p - y)   (b is not penalised)
"""

import numpy as np


def _sigmoid(z):
    # 1 / (1 + e^-z) without overflow: e^-log(1 + e^-z), and logaddexp never overflows
    return np.exp(-np.logaddexp(0.0, -z))


class LogisticRegression:
    """Binary logistic regression fitted by batch gradient descent.

    Parameters
    ----------
    learning_rate : float, default=0.1
        Step size of each gradient step.
    n_iter : int, default=1000
        Maximum number of gradient steps.
    l2 : float, default=0.0
        Strength of the (l2 / 2) * ||coef_||² penalty; the intercept is not penalised.
    tol : float, default=1e-6
        Stop once the objective decreases by less than ``tol`` in one step.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : float
    loss_history_ : list of float
        The objective after each step.
    """

    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0, tol=1e-6):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2
        self.tol = tol

    def _objective(self, X, y, w, b):
        z = X @ w + b
        # log-loss of one sample is log(1 + e^z) - y z; logaddexp keeps it finite for large |z|
        return float(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * self.l2 * (w @ w))

    def fit(self, X, y):
        """Fit to X of shape (n_samples, n_features) and y in {0, 1} of shape (n_samples,)."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n_samples, n_features = X.shape
        w, b = np.zeros(n_features), 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            residual = _sigmoid(X @ w + b) - y            # p - y
            w = w - self.learning_rate * (X.T @ residual / n_samples + self.l2 * w)
            b = b - self.learning_rate * (residual.mean() + self.l2 * b)
            self.loss_history_.append(self._objective(X, y, w, b))
            if len(self.loss_history_) > 1 and self.loss_history_[-2] - self.loss_history_[-1] < self.tol:
                break
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict_proba(self, X):
        """P(y = 1 | x) for each row of X, shape (n_samples,)."""
        return _sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X):
        """Class labels 0 or 1, shape (n_samples,): 1 where P(y = 1 | x) >= 0.5."""
        return (self.predict_proba(X) >= 0.5).astype(int)
