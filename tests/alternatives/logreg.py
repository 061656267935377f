"""A second correct logreg, written differently from the reference: the intercept is folded
into the weights as a column of ones, the sigmoid and the loss use clipping instead of
logaddexp, and the penalty is masked off the intercept. It must get full marks."""

import numpy as np

EPS = 1e-300


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0, tol=1e-6):
        self.learning_rate, self.n_iter, self.l2, self.tol = learning_rate, n_iter, l2, tol

    @staticmethod
    def _proba(z):
        z = np.clip(z, -500, 500)
        return 1.0 / (1.0 + np.exp(-z))

    def fit(self, X, y):
        A = np.hstack([np.ones((len(X), 1)), np.asarray(X, dtype=float)])
        t = np.asarray(y, dtype=float)
        theta = np.zeros(A.shape[1])
        penalised = np.r_[0.0, np.ones(A.shape[1] - 1)]
        history = []
        step = 0
        while step < self.n_iter:
            p = self._proba(A @ theta)
            theta = theta - self.learning_rate * (A.T @ (p - t) / len(t) + self.l2 * penalised * theta)
            z = A @ theta
            loss = np.mean(np.where(t == 1, np.log1p(np.exp(-np.abs(z))) + np.maximum(-z, 0), np.log1p(np.exp(-np.abs(z))) + np.maximum(z, 0)))
            history.append(float(loss + self.l2 / 2 * np.sum((penalised * theta) ** 2)))
            step += 1
            if step >= 2 and not history[-2] - history[-1] >= self.tol:
                break
        self.intercept_ = float(theta[0])
        self.coef_ = theta[1:].copy()
        self.loss_history_ = history
        return self

    def predict_proba(self, X):
        return self._proba(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X):
        return np.where(self.predict_proba(X) >= 0.5, 1, 0)
