"""Mutant: treats the intercept as the weight of a column of ones and soft-thresholds it like the others.

Expect: intercept is penalised
"""

import numpy as np


class Lasso:
    def __init__(self, alpha=1.0, fit_intercept=True, max_iter=1000, tol=1e-4):
        self.alpha, self.fit_intercept, self.max_iter, self.tol = alpha, fit_intercept, max_iter, tol

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        A = np.column_stack([np.ones(len(X)), X]) if self.fit_intercept else X
        n, d = A.shape
        z = (A ** 2).sum(axis=0) / n
        w, r = np.zeros(d), y.copy()
        for self.n_iter_ in range(1, self.max_iter + 1):
            max_change = 0.0
            for j in range(d):
                if z[j] == 0.0:
                    continue
                rho = A[:, j] @ r / n + z[j] * w[j]
                new = np.sign(rho) * max(abs(rho) - self.alpha, 0.0) / z[j]
                r -= A[:, j] * (new - w[j])
                max_change = max(max_change, abs(new - w[j]))
                w[j] = new
            if max_change < self.tol:
                break
        if self.fit_intercept:
            self.intercept_, self.coef_ = float(w[0]), w[1:]
        else:
            self.intercept_, self.coef_ = 0.0, w
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
