"""A second correct lasso, written differently from the reference: covariance updates instead of
a residual. It never centres: the intercept is the weight of a column of ones, an unpenalised
coordinate refitted first in every sweep. Every coordinate update reads the precomputed Gram
matrix G = AᵀA / n and c = Aᵀy / n (rho_j = c_j - G_j·w + G_jj w_j), as scikit-learn's
precompute=True path does, so nothing inside the loops touches the samples. It reaches the same
optimum as the reference, by a different path on uncentred data. It must get full marks."""

import numpy as np


def soft_threshold(value, threshold):
    if value > threshold:
        return value - threshold
    if value < -threshold:
        return value + threshold
    return 0.0


class Lasso:
    def __init__(self, alpha=1.0, fit_intercept=True, max_iter=1000, tol=1e-4):
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X, y):
        X = np.array(X, dtype=float)
        y = np.array(y, dtype=float)
        first = 1 if self.fit_intercept else 0
        A = np.hstack([np.ones((len(X), first)), X])
        G = A.T @ A / len(y)
        c = A.T @ y / len(y)
        theta = np.zeros(A.shape[1])
        sweeps = 0
        while sweeps < self.max_iter:
            sweeps += 1
            if first:
                theta[0] = (c[0] - G[0] @ theta + G[0, 0] * theta[0]) / G[0, 0]
            largest = 0.0
            for j in range(first, A.shape[1]):
                if G[j, j] <= 0.0:
                    continue
                old = theta[j]
                theta[j] = soft_threshold(c[j] - G[j] @ theta + G[j, j] * old, self.alpha) / G[j, j]
                largest = max(largest, abs(theta[j] - old))
            if largest < self.tol:
                break
        self.n_iter_ = sweeps
        self.intercept_ = float(theta[0]) if first else 0.0
        self.coef_ = theta[first:].copy()
        return self

    def predict(self, X):
        return np.dot(X, self.coef_) + self.intercept_
