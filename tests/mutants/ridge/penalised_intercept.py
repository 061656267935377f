"""Mutant: appends a column of ones and adds alpha to the whole diagonal, penalising the intercept too.

Expect: intercept is penalised
"""

import numpy as np


class Ridge:
    """Linear least squares with an L2 penalty on the weights (not on the intercept).

    Parameters
    ----------
    alpha : float, default=1.0
        Strength of the penalty alpha * ||coef_||²; must be positive.
    fit_intercept : bool, default=True
        Whether to fit the intercept; if False the model goes through the origin.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : float
    """

    def __init__(self, alpha=1.0, fit_intercept=True):
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Fit to X of shape (n_samples, n_features) and y of shape (n_samples,); returns self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        if not self.fit_intercept:
            self.coef_ = np.linalg.solve(X.T @ X + self.alpha * np.eye(X.shape[1]), X.T @ y)
            self.intercept_ = 0.0
            return self
        A = np.column_stack([np.ones(len(X)), X])
        theta = np.linalg.solve(A.T @ A + self.alpha * np.eye(A.shape[1]), A.T @ y)
        self.coef_, self.intercept_ = theta[1:], float(theta[0])
        return self

    def predict(self, X):
        """Predictions X @ coef_ + intercept_, shape (n_samples,)."""
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
