"""DBSCAN: density-based clustering with noise.

Implement the methods marked TODO; exercises/dbscan/README.md has the definitions and the
rules (numpy only). Check your work with `make check exercise=dbscan`.
"""

import numpy as np


class DBSCAN:
    """Density-based spatial clustering of applications with noise.

    Parameters
    ----------
    eps : float, default=0.5
        Radius of a neighbourhood; points at distance exactly eps are neighbours.
    min_samples : int, default=5
        Number of points within eps (the point itself included) that makes a point core.

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,), dtype int
        Cluster index 0..n_clusters-1 of each point, -1 for noise.
    core_sample_indices_ : ndarray of shape (n_core_samples,), dtype int
        Indices of the core points, in increasing order.
    components_ : ndarray of shape (n_core_samples, n_features)
        The core points themselves, X[core_sample_indices_].
    """

    def __init__(self, eps=0.5, min_samples=5):
        self.eps = eps
        self.min_samples = min_samples

    def fit(self, X):
        """Cluster X.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        self : DBSCAN
        """
        # TODO: set self.labels_, self.core_sample_indices_ and self.components_
        raise NotImplementedError("DBSCAN.fit")

    def fit_predict(self, X):
        """Cluster X and return the labels.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,), dtype int
            labels_ after fit(X).
        """
        raise NotImplementedError("DBSCAN.fit_predict")
