"""Mutant: correct maths, but the Gram matrix and Xᵀy are accumulated in a Python loop over samples.

Expect: not vectorised
"""

import numpy as np


class Ridge:
    def __init__(self, alpha=1.0, fit_intercept=True):
        self.alpha, self.fit_intercept = alpha, fit_intercept

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        x_mean = X.mean(axis=0) if self.fit_intercept else np.zeros(X.shape[1])
        y_mean = y.mean() if self.fit_intercept else 0.0
        d = X.shape[1]
        gram, xty = self.alpha * np.eye(d), np.zeros(d)
        for xi, yi in zip(X - x_mean, y - y_mean):
            gram += np.outer(xi, xi)
            xty += xi * yi
        self.coef_ = np.linalg.solve(gram, xty)
        self.intercept_ = float(y_mean - x_mean @ self.coef_)
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
