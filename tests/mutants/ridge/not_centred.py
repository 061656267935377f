"""Mutant: solves for coef_ on the raw X and y as if there were no intercept, then sets the intercept from the means.

Expect: not centred
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
        x_mean = X.mean(axis=0) if self.fit_intercept else np.zeros(X.shape[1])
        y_mean = y.mean() if self.fit_intercept else 0.0
        Xc, yc = X, y
        gram = Xc.T @ Xc + self.alpha * np.eye(X.shape[1])       # Xcᵀ Xc + alpha I: no entry for the intercept
        self.coef_ = np.linalg.solve(gram, Xc.T @ yc)             # w = (Xcᵀ Xc + alpha I)⁻¹ Xcᵀ yc
        self.intercept_ = float(y_mean - x_mean @ self.coef_)     # b = ȳ - x̄·w
        return self

    def predict(self, X):
        """Predictions X @ coef_ + intercept_, shape (n_samples,)."""
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
