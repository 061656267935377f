"""Mutant: counts a point's neighbours without the point itself, so fewer points are core.

Expect: itself


DBSCAN: density-based clustering with noise.

Neighbourhood:  N(i) = {j : ||x_i - x_j|| <= eps}            (i itself included)
Core point:     |N(i)| >= min_samples
Clusters:       the core points linked by chains of core neighbours, plus every point within
                eps of one of them (border points); border points never extend a cluster.
Noise:          everything else, label -1.
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
    labels_ : ndarray of shape (n_samples,)
        Cluster index 0..n_clusters-1 of each point, -1 for noise.
    core_sample_indices_ : ndarray of shape (n_core_samples,)
        Indices of the core points, increasing.
    components_ : ndarray of shape (n_core_samples, n_features)
        The core points themselves.
    """

    def __init__(self, eps=0.5, min_samples=5):
        self.eps = eps
        self.min_samples = min_samples

    def fit(self, X):
        """Cluster X of shape (n_samples, n_features); returns self."""
        X = np.asarray(X, dtype=float)
        distances = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)   # ||x_i - x_j||, (n, n)
        neighbours = distances <= self.eps                                      # N(i) as a boolean row, i included
        core = neighbours.sum(axis=1) - 1 >= self.min_samples                       # |N(i)| >= min_samples
        labels = np.full(len(X), -1)
        cluster = 0
        for seed in np.flatnonzero(core):          # each unlabelled core point starts a new cluster
            if labels[seed] != -1:
                continue
            labels[seed] = cluster
            frontier = np.array([seed])
            while frontier.size:                   # breadth-first, one layer of core points at a time
                reached = neighbours[frontier].any(axis=0) & (labels == -1)    # unlabelled points within eps of the layer
                labels[reached] = cluster          # core or border: both join (noise so far included)
                frontier = np.flatnonzero(reached & core)                       # only core points expand further
            cluster += 1
        self.labels_ = labels
        self.core_sample_indices_ = np.flatnonzero(core)
        self.components_ = X[core]
        return self

    def fit_predict(self, X):
        """Cluster X and return labels_, shape (n_samples,)."""
        return self.fit(X).labels_
