"""Mutant: correct coordinate descent, but rho_j and the residual update loop over the samples in Python.

Expect: not vectorised
"""

import numpy as np


class Lasso:
    def __init__(self, alpha=1.0, fit_intercept=True, max_iter=1000, tol=1e-4):
        self.alpha, self.fit_intercept, self.max_iter, self.tol = alpha, fit_intercept, max_iter, tol

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        n, d = X.shape
        x_mean = X.mean(axis=0) if self.fit_intercept else np.zeros(d)
        y_mean = y.mean() if self.fit_intercept else 0.0
        Xc = X - x_mean
        z = (Xc ** 2).sum(axis=0) / n
        w, r = np.zeros(d), y - y_mean
        for self.n_iter_ in range(1, self.max_iter + 1):
            max_change = 0.0
            for j in range(d):
                if z[j] == 0.0:
                    continue
                rho = z[j] * w[j]
                for i in range(n):
                    rho += Xc[i, j] * r[i] / n
                new = np.sign(rho) * max(abs(rho) - self.alpha, 0.0) / z[j]
                for i in range(n):
                    r[i] -= Xc[i, j] * (new - w[j])
                max_change = max(max_change, abs(new - w[j]))
                w[j] = new
            if max_change < self.tol:
                break
        self.coef_, self.intercept_ = w, float(y_mean - x_mean @ w)
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
