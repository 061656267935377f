"""Mutant: correct maths, but the gradient is accumulated in a Python loop over samples.

Expect: not vectorised
"""

import numpy as np


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0, tol=1e-6):
        self.learning_rate, self.n_iter, self.l2, self.tol = learning_rate, n_iter, l2, tol

    def _objective(self, X, y, w, b):
        z = X @ w + b
        return float(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * self.l2 * (w @ w))

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            grad_w, grad_b = np.zeros(d), 0.0
            for i in range(n):
                r = np.exp(-np.logaddexp(0.0, -(X[i] @ w + b))) - y[i]
                grad_w += r * X[i]
                grad_b += r
            w = w - self.learning_rate * (grad_w / n + self.l2 * w)
            b = b - self.learning_rate * grad_b / n
            self.loss_history_.append(self._objective(X, y, w, b))
            if len(self.loss_history_) > 1 and self.loss_history_[-2] - self.loss_history_[-1] < self.tol:
                break
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict_proba(self, X):
        return np.exp(-np.logaddexp(0.0, -(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)))

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(int)
