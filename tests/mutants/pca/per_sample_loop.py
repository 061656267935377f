"""Mutant: correct maths, but centres and projects the samples one at a time in Python loops.

Expect: not vectorised
"""

import numpy as np


class PCA:
    def __init__(self, n_components=None, whiten=False):
        self.n_components = n_components
        self.whiten = whiten

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        n, d = X.shape
        k = min(n, d) if self.n_components is None else self.n_components
        self.mean_ = X.mean(axis=0)
        Xc = np.empty_like(X)
        for i in range(n):
            Xc[i] = X[i] - self.mean_
        _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
        variance = S**2 / (n - 1)
        self.n_components_ = k
        self.components_ = Vt[:k]
        self.explained_variance_ = variance[:k]
        self.explained_variance_ratio_ = variance[:k] / variance.sum()
        self.singular_values_ = S[:k]
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        Z = np.empty((len(X), self.n_components_))
        for i, row in enumerate(X):
            Z[i] = self.components_ @ (row - self.mean_)
        return Z / np.sqrt(self.explained_variance_) if self.whiten else Z

    def fit_transform(self, X):
        return self.fit(X).transform(X)

    def inverse_transform(self, Z):
        Z = np.asarray(Z, dtype=float)
        if self.whiten:
            Z = Z * np.sqrt(self.explained_variance_)
        return Z @ self.components_ + self.mean_
