"""Mutant: takes the eigenvectors of the covariance from np.linalg.eigh without sorting them
by decreasing eigenvalue (eigh returns them in increasing order), so it keeps the k axes of
*least* variance.

Expect: not sorted
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
        Xc = X - self.mean_
        values, vectors = np.linalg.eigh(Xc.T @ Xc / (n - 1))
        values = np.clip(values, 0, None)
        self.n_components_ = k
        self.components_ = vectors[:, :k].T
        self.explained_variance_ = values[:k]
        self.explained_variance_ratio_ = values[:k] / values.sum()
        self.singular_values_ = np.sqrt(values[:k] * (n - 1))
        return self

    def transform(self, X):
        Z = (np.asarray(X, dtype=float) - self.mean_) @ self.components_.T
        return Z / np.sqrt(self.explained_variance_) if self.whiten else Z

    def fit_transform(self, X):
        return self.fit(X).transform(X)

    def inverse_transform(self, Z):
        Z = np.asarray(Z, dtype=float)
        if self.whiten:
            Z = Z * np.sqrt(self.explained_variance_)
        return Z @ self.components_ + self.mean_
