"""k-means: Lloyd's algorithm with k-means++ seeding (reference solution).

Seeding:   c_1 ~ uniform over the rows of X;   c_j ~ P(x) ∝ D(x)² = min_{i<j} ||x - c_i||²
Lloyd:     assign  l_i = argmin_j ||x_i - c_j||²;   update  c_j = mean{x_i : l_i = j}
           (an empty cluster keeps its centre); stop when the labels repeat or when
           Σ_j ||c_j_new - c_j||² <= tol · mean(var(X, axis=0)); then re-assign to the final centres.
Inertia:   Σ_i ||x_i - c_{l_i}||²
"""

import numpy as np


def _squared_distances(X, centers):
    # ||x_i - c_j||² = ||x_i||² - 2 x_i·c_j + ||c_j||² for every (sample, centre) pair, shape
    # (n_samples, n_clusters): one matrix product instead of an (n, k, d) array; clipped at 0
    # where rounding makes it slightly negative
    return np.maximum((X ** 2).sum(axis=1)[:, None] - 2 * X @ centers.T + (centers ** 2).sum(axis=1)[None, :], 0.0)


def kmeans_plusplus(X, n_clusters, random_state=None):
    """Pick ``n_clusters`` rows of X by D² sampling.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    n_clusters : int
    random_state : None, int or numpy.random.Generator

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        ``X[indices]``.
    indices : ndarray of shape (n_clusters,), dtype int
        The chosen rows, in the order they were chosen.
    """
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    indices = [int(rng.integers(len(X)))]                        # c_1: uniform
    closest = ((X - X[indices[0]]) ** 2).sum(axis=1)             # D(x)²: squared distance to the nearest centre so far
    for _ in range(1, n_clusters):
        indices.append(int(rng.choice(len(X), p=closest / closest.sum())))  # P(x) = D(x)² / Σ D²
        closest = np.minimum(closest, ((X - X[indices[-1]]) ** 2).sum(axis=1))
    indices = np.array(indices)
    return X[indices], indices


class KMeans:
    """k-means clustering by Lloyd's algorithm, seeded by k-means++ or by given centres.

    Parameters
    ----------
    n_clusters : int, default=8
    init : "k-means++" or ndarray of shape (n_clusters, n_features), default="k-means++"
    n_init : int, default=10
        Number of k-means++ seedings; the run with the lowest inertia is kept (one run with an array init).
    max_iter : int, default=300
    tol : float, default=1e-4
        Relative to the mean feature variance of X.
    random_state : None, int or numpy.random.Generator, default=None

    Attributes
    ----------
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
    labels_ : ndarray of shape (n_samples,), dtype int
    inertia_ : float
    n_iter_ : int
    """

    def __init__(self, n_clusters=8, init="k-means++", n_init=10, max_iter=300, tol=1e-4, random_state=None):
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def _lloyd(self, X, centers, tol):
        """One run from ``centers``: (centers, labels, inertia, n_iter)."""
        previous = None
        for n_iter in range(1, self.max_iter + 1):
            labels = _squared_distances(X, centers).argmin(axis=1)               # l_i = argmin_j ||x_i - c_j||²
            members = labels[:, None] == np.arange(len(centers))                 # one-hot, (n_samples, n_clusters)
            counts = members.sum(axis=0)[:, None]
            new_centers = np.where(counts > 0, members.T @ X / np.maximum(counts, 1), centers)  # mean; empty: unchanged
            shift = ((new_centers - centers) ** 2).sum()                         # Σ_j ||c_j_new - c_j||²
            centers = new_centers
            if np.array_equal(labels, previous) or shift <= tol:
                break
            previous = labels
        labels = _squared_distances(X, centers).argmin(axis=1)                   # labels of the final centres
        inertia = float(((X - centers[labels]) ** 2).sum())                      # Σ_i ||x_i - c_{l_i}||²
        return centers, labels, inertia, n_iter

    def fit(self, X):
        """Cluster X of shape (n_samples, n_features); return self."""
        X = np.asarray(X, dtype=float)
        tol = self.tol * np.mean(np.var(X, axis=0))                              # tol is relative to the data's spread
        if isinstance(self.init, str):
            rng = np.random.default_rng(self.random_state)
            starts = [kmeans_plusplus(X, self.n_clusters, rng)[0] for _ in range(self.n_init)]
        else:
            starts = [np.array(self.init, dtype=float)]                           # a copy: the caller's array stays intact
        runs = [self._lloyd(X, start, tol) for start in starts]
        self.cluster_centers_, self.labels_, self.inertia_, self.n_iter_ = min(runs, key=lambda run: run[2])
        return self

    def predict(self, X):
        """Index of the nearest centre for each row of X, shape (n_samples,)."""
        return _squared_distances(np.asarray(X, dtype=float), self.cluster_centers_).argmin(axis=1)
