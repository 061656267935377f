"""Agglomerative (bottom-up hierarchical) clustering.

Implement the methods marked TODO; exercises/hierarchical/README.md has the maths and the
rules (numpy only). Check your work with `make check exercise=hierarchical`.
"""

import numpy as np


class AgglomerativeClustering:
    """Agglomerative clustering: build the full merge tree, then cut it into n_clusters.

    Parameters
    ----------
    n_clusters : int, default=2
        Number of clusters to cut the tree into.
    linkage : {"ward", "complete", "average", "single"}, default="ward"
        Distance between two clusters (Euclidean distances between samples).

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,), dtype int
        Cluster of each sample, 0..n_clusters-1.
    children_ : ndarray of shape (n_samples - 1, 2), dtype int
        The two nodes merged at each step: samples are nodes 0..n_samples-1, and the
        cluster created at step s is node n_samples + s.
    distances_ : ndarray of shape (n_samples - 1,)
        The linkage distance between the two clusters merged at each step.
    n_clusters_ : int
        The number of clusters found (n_clusters).
    """

    def __init__(self, n_clusters=2, linkage="ward"):
        self.n_clusters = n_clusters
        self.linkage = linkage

    def fit(self, X):
        """Build the merge tree of X and cut it.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        self : AgglomerativeClustering
        """
        # TODO: set self.children_, self.distances_, self.labels_ and self.n_clusters_
        raise NotImplementedError("AgglomerativeClustering.fit")

    def fit_predict(self, X):
        """Fit and return the cluster labels.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,), dtype int
            labels_ after fit(X).
        """
        raise NotImplementedError("AgglomerativeClustering.fit_predict")
