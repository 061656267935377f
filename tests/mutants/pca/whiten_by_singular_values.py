"""Mutant: whitens by dividing by the singular values instead of sqrt(explained_variance_).

Expect: singular values S instead of sqrt


Principal component analysis by the singular value decomposition.

Centre:     Xc = X - mean_                         (PCA describes variance around the mean)
Decompose:  Xc = U S Vt,  S sorted decreasing      (np.linalg.svd already sorts S)
Axes:       components_ = Vt[:k]                    (rows: unit directions of largest variance)
Variances:  explained_variance_ = S[:k]² / (n - 1)  (eigenvalues of the sample covariance)
Project:    Z = Xc @ components_.T,   whitened: Z / sqrt(explained_variance_)
"""

import numpy as np


class PCA:
    """Principal component analysis (linear dimensionality reduction) by full SVD.

    Parameters
    ----------
    n_components : int or None, default=None
        Number of components to keep; None keeps min(n_samples, n_features).
    whiten : bool, default=False
        If True, ``transform`` scales each component to unit variance.

    Attributes
    ----------
    components_ : ndarray of shape (n_components_, n_features)
    explained_variance_ : ndarray of shape (n_components_,)
    explained_variance_ratio_ : ndarray of shape (n_components_,)
    singular_values_ : ndarray of shape (n_components_,)
    mean_ : ndarray of shape (n_features,)
    n_components_ : int
    """

    def __init__(self, n_components=None, whiten=False):
        self.n_components = n_components
        self.whiten = whiten

    def fit(self, X):
        """Fit to X of shape (n_samples, n_features); returns self."""
        X = np.asarray(X, dtype=float)
        n_samples, n_features = X.shape
        k = min(n_samples, n_features) if self.n_components is None else int(self.n_components)
        self.mean_ = X.mean(axis=0)
        _, S, Vt = np.linalg.svd(X - self.mean_, full_matrices=False)  # Xc = U diag(S) Vt, S decreasing
        variance = S**2 / (n_samples - 1)                              # λ_j of Xc.T Xc / (n - 1)
        self.n_components_ = k
        self.components_ = Vt[:k]                                      # principal axes as rows
        self.explained_variance_ = variance[:k]
        self.explained_variance_ratio_ = variance[:k] / variance.sum()  # λ_j / total variance
        self.singular_values_ = S[:k]
        return self

    def transform(self, X):
        """Project X of shape (n_samples, n_features) to shape (n_samples, n_components_)."""
        Z = (np.asarray(X, dtype=float) - self.mean_) @ self.components_.T  # coordinates on the axes
        if self.whiten:
            Z = Z / self.singular_values_                      # unit variance per component
        return Z

    def fit_transform(self, X):
        """Fit to X, then return its projection, shape (n_samples, n_components_)."""
        return self.fit(X).transform(X)

    def inverse_transform(self, Z):
        """Map Z of shape (n_samples, n_components_) back to shape (n_samples, n_features)."""
        Z = np.asarray(Z, dtype=float)
        if self.whiten:
            Z = Z * self.singular_values_                       # undo the whitening
        return Z @ self.components_ + self.mean_                            # X ≈ Z Vt_k + mean
