"""A second correct GaussianNB, written differently from the reference: a loop over the
classes with boolean masks in fit, variances as E[x²] - E[x]², the joint log-likelihood
expanded into matrix products (x²/σ² - 2xθ/σ² + θ²/σ²), and np.logaddexp.reduce for the
normaliser. It must get full marks."""

import math

import numpy as np


class GaussianNB:
    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        means, variances, counts = [], [], []
        for label in self.classes_:
            rows = X[y == label]
            mu = rows.mean(axis=0)
            means.append(mu)
            variances.append(np.maximum((rows * rows).mean(axis=0) - mu * mu, 0.0))
            counts.append(len(rows))
        self.class_count_ = np.array(counts, dtype=float)
        self.class_prior_ = self.class_count_ / self.class_count_.sum()
        self.theta_ = np.vstack(means)
        self.epsilon_ = float(self.var_smoothing * np.max(np.var(X, axis=0)))
        self.var_ = np.vstack(variances) + self.epsilon_
        return self

    def _jll(self, X):
        X = np.asarray(X, dtype=float)
        precision = 1.0 / self.var_
        quadratic = (X * X) @ precision.T - 2.0 * X @ (self.theta_ * precision).T + (self.theta_ ** 2 * precision).sum(axis=1)
        log_norm = -0.5 * (self.var_.shape[1] * math.log(2 * math.pi) + np.log(self.var_).sum(axis=1))
        return np.log(self.class_prior_) + log_norm - 0.5 * quadratic

    def predict_log_proba(self, X):
        jll = self._jll(X)
        return jll - np.logaddexp.reduce(jll, axis=1)[:, None]

    def predict_proba(self, X):
        return np.exp(self.predict_log_proba(X))

    def predict(self, X):
        return self.classes_[self._jll(X).argmax(axis=1)]
