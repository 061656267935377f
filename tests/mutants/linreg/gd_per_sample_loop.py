"""Mutant: correct maths, but the gradient is accumulated in a Python loop over samples.

Expect: not vectorised
"""

import numpy as np


class LinearRegression:
    def __init__(self, fit_intercept=True):
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        x_mean = X.mean(axis=0) if self.fit_intercept else np.zeros(X.shape[1])
        y_mean = y.mean() if self.fit_intercept else 0.0
        self.coef_ = np.linalg.pinv(X - x_mean) @ (y - y_mean)
        self.intercept_ = float(y_mean - x_mean @ self.coef_)
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_


class GDLinearRegression:
    def __init__(self, learning_rate=0.01, n_iter=1000, tol=1e-6, fit_intercept=True):
        self.learning_rate, self.n_iter, self.tol, self.fit_intercept = learning_rate, n_iter, tol, fit_intercept

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            grad_w, grad_b = np.zeros(d), 0.0
            for i in range(n):
                r = X[i] @ w + b - y[i]
                grad_w += 2 * r * X[i] / n
                grad_b += 2 * r / n
            w = w - self.learning_rate * grad_w
            if self.fit_intercept:
                b = b - self.learning_rate * grad_b
            self.loss_history_.append(float(np.mean((X @ w + b - y) ** 2)))
            if len(self.loss_history_) > 1 and self.loss_history_[-2] - self.loss_history_[-1] < self.tol:
                break
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
