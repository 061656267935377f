"""Principal component analysis by the singular value decomposition.

Implement the methods marked TODO; exercises/pca/README.md has the maths and the rules
(numpy only). Check your work with `make check exercise=pca`.
"""

import numpy as np


class PCA:
    """Principal component analysis (linear dimensionality reduction) by full SVD.

    Parameters
    ----------
    n_components : int or None, default=None
        Number of components to keep; None keeps min(n_samples, n_features).
    whiten : bool, default=False
        If True, ``transform`` divides each component by the square root of its explained
        variance, so the projected training data has unit variance per component.

    Attributes
    ----------
    components_ : ndarray of shape (n_components_, n_features)
        The principal axes as rows, by decreasing explained variance.
    explained_variance_ : ndarray of shape (n_components_,)
        Variance along each axis, with the (n_samples - 1) denominator.
    explained_variance_ratio_ : ndarray of shape (n_components_,)
        explained_variance_ divided by the total variance of the data.
    singular_values_ : ndarray of shape (n_components_,)
        The singular values of the centred data for the kept components.
    mean_ : ndarray of shape (n_features,)
        The per-feature mean of the training data.
    n_components_ : int
        The number of components kept.
    """

    def __init__(self, n_components=None, whiten=False):
        self.n_components = n_components
        self.whiten = whiten

    def fit(self, X):
        """Fit the model to X.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        self : PCA
        """
        # TODO: set every attribute listed in the class docstring
        raise NotImplementedError("PCA.fit")

    def transform(self, X):
        """Project X on the principal axes.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        Z : ndarray of shape (n_samples, n_components_)
        """
        raise NotImplementedError("PCA.transform")

    def fit_transform(self, X):
        """Fit to X, then return its projection.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        Z : ndarray of shape (n_samples, n_components_)
        """
        raise NotImplementedError("PCA.fit_transform")

    def inverse_transform(self, Z):
        """Map projected data back to the original space.

        Parameters
        ----------
        Z : ndarray of shape (n_samples, n_components_)

        Returns
        -------
        X_back : ndarray of shape (n_samples, n_features)
        """
        raise NotImplementedError("PCA.inverse_transform")
