"""k-means: Lloyd's algorithm with k-means++ seeding.

Implement the functions marked TODO; exercises/kmeans/README.md has the maths and the rules
(numpy only). Check your work with `make check exercise=kmeans`.
"""

import numpy as np


def kmeans_plusplus(X, n_clusters, random_state=None):
    """Choose ``n_clusters`` rows of X as initial centres by k-means++ (D²) sampling.

    The first centre is a row drawn uniformly at random; each next one is a row drawn with
    probability D(x)² / Σ D², where D(x) is the distance from x to the nearest centre chosen so far.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    n_clusters : int
        Number of centres to choose.
    random_state : None, int or numpy.random.Generator, default=None
        Seed of ``np.random.default_rng(random_state)``, the only source of randomness.

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        The chosen rows, ``X[indices]``.
    indices : ndarray of shape (n_clusters,), dtype int
        Their row numbers in X, in the order they were chosen.
    """
    # TODO
    raise NotImplementedError("kmeans_plusplus")


class KMeans:
    """k-means clustering by Lloyd's algorithm.

    Parameters
    ----------
    n_clusters : int, default=8
        Number of clusters k.
    init : "k-means++" or ndarray of shape (n_clusters, n_features), default="k-means++"
        "k-means++": seed each run with ``kmeans_plusplus``; an array: the initial centres
        (then a single run is made, whatever ``n_init``).
    n_init : int, default=10
        Number of k-means++ seedings; the run with the lowest inertia is kept.
    max_iter : int, default=300
        Maximum number of Lloyd iterations (assignment + update) per run.
    tol : float, default=1e-4
        Stop once the total squared centre shift Σ_j ||c_j_new - c_j||² is at most
        ``tol * np.mean(np.var(X, axis=0))``.
    random_state : None, int or numpy.random.Generator, default=None
        Seed of the one generator used by all the seedings.

    Attributes
    ----------
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
        The final centres.
    labels_ : ndarray of shape (n_samples,), dtype int
        Index of the nearest final centre for each training sample.
    inertia_ : float
        Σ_i ||x_i - cluster_centers_[labels_[i]]||².
    n_iter_ : int
        Number of Lloyd iterations of the kept run.
    """

    def __init__(self, n_clusters=8, init="k-means++", n_init=10, max_iter=300, tol=1e-4, random_state=None):
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit(self, X):
        """Cluster X.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        self : KMeans
        """
        # TODO: set self.cluster_centers_, self.labels_, self.inertia_ and self.n_iter_
        raise NotImplementedError("KMeans.fit")

    def predict(self, X):
        """Index of the nearest centre for each sample.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,), dtype int
        """
        raise NotImplementedError("KMeans.predict")
