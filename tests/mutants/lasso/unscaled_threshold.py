"""Mutant: soft-thresholds x_jᵀ r against alpha without dividing by n_samples (the threshold acts as alpha / n).

Expect: without the 1/n scaling
"""

import numpy as np


class Lasso:
    """Linear regression with an L1 penalty, fitted by cyclic coordinate descent.

    Parameters
    ----------
    alpha : float, default=1.0
        Strength of the penalty alpha * ||coef_||₁.
    fit_intercept : bool, default=True
        Whether to fit the (unpenalised) intercept.
    max_iter : int, default=1000
        Maximum number of sweeps over the features.
    tol : float, default=1e-4
        Stop after the first sweep whose largest coefficient change is below ``tol``.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : float
    n_iter_ : int
        The number of sweeps run.
    """

    def __init__(self, alpha=1.0, fit_intercept=True, max_iter=1000, tol=1e-4):
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X, y):
        """Fit to X of shape (n_samples, n_features) and y of shape (n_samples,); returns self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n_samples, n_features = X.shape
        x_mean = X.mean(axis=0) if self.fit_intercept else np.zeros(n_features)
        y_mean = y.mean() if self.fit_intercept else 0.0
        Xc = X - x_mean
        z = (Xc ** 2).sum(axis=0)          # z_j = ||x_j||² / n, the curvature along coordinate j
        w = np.zeros(n_features)
        r = y - y_mean                                  # residual yc - Xc w, with w = 0
        for self.n_iter_ in range(1, self.max_iter + 1):
            max_change = 0.0
            for j in range(n_features):                 # Gauss-Seidel: each update sees the latest residual
                if z[j] == 0.0:
                    continue                            # a constant feature keeps w_j = 0
                rho = Xc[:, j] @ r + z[j] * w[j]                  # ρ_j = x_jᵀ(r + x_j w_j) / n
                new = np.sign(rho) * max(abs(rho) - self.alpha, 0.0) / z[j]   # w_j = S(ρ_j, alpha) / z_j
                r -= Xc[:, j] * (new - w[j])            # keep r = yc - Xc w up to date
                max_change = max(max_change, abs(new - w[j]))
                w[j] = new
            if max_change < self.tol:
                break
        self.coef_ = w
        self.intercept_ = float(y_mean - x_mean @ w)    # b = ȳ - x̄·w: not penalised
        return self

    def predict(self, X):
        """Predictions X @ coef_ + intercept_, shape (n_samples,)."""
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
