"""A second correct pca, written differently from the reference: it diagonalises the sample
covariance matrix with np.linalg.eigh (increasing eigenvalues, so it reverses them), keeps the
components as the transposed eigenvector columns, and derives the singular values from the
eigenvalues. It must get full marks."""

import numpy as np


class PCA:
    def __init__(self, n_components=None, whiten=False):
        self.n_components = n_components
        self.whiten = whiten

    def fit(self, X):
        data = np.array(X, dtype=float)
        n, d = data.shape
        self.mean_ = data.mean(axis=0)
        centred = data - self.mean_
        covariance = centred.T @ centred / (n - 1)
        eigenvalues, eigenvectors = np.linalg.eigh(covariance)
        order = np.argsort(eigenvalues)[::-1]
        eigenvalues = np.clip(eigenvalues[order], 0.0, None)
        eigenvectors = eigenvectors[:, order]
        rank = min(n, d)
        k = rank if self.n_components is None else self.n_components
        self.n_components_ = int(k)
        self.components_ = np.ascontiguousarray(eigenvectors[:, :k].T)
        self.explained_variance_ = eigenvalues[:k].copy()
        self.explained_variance_ratio_ = self.explained_variance_ / np.trace(covariance)
        self.singular_values_ = np.sqrt(self.explained_variance_ * (n - 1))
        return self

    def _scale(self):
        return np.sqrt(self.explained_variance_) if self.whiten else np.ones(self.n_components_)

    def transform(self, X):
        return np.einsum("ij,kj->ik", np.asarray(X, dtype=float) - self.mean_, self.components_) / self._scale()

    def fit_transform(self, X):
        self.fit(X)
        return self.transform(X)

    def inverse_transform(self, Z):
        return np.einsum("ik,kj->ij", np.asarray(Z, dtype=float) * self._scale(), self.components_) + self.mean_
