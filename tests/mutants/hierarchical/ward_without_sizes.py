"""Mutant: Ward's Lance–Williams update without the size weighting: (d(k,i)² + d(k,j)²)/2 - d(i,j)²/4.

Expect: size weighting


Agglomerative (bottom-up hierarchical) clustering with the Lance–Williams update.

Start with every sample its own cluster; repeatedly merge the two closest clusters i, j and
compute the distance from the merged cluster to every other cluster k from d(k, i), d(k, j)
and d(i, j) alone (Lance–Williams), with n_i, n_j, n_k the cluster sizes:

    single    d(k, i∪j) = min(d(k, i), d(k, j))
    complete  d(k, i∪j) = max(d(k, i), d(k, j))
    average   d(k, i∪j) = (n_i d(k, i) + n_j d(k, j)) / (n_i + n_j)                       (UPGMA)
    ward      d(k, i∪j)² = ((n_i + n_k) d(k, i)² + (n_j + n_k) d(k, j)² - n_k d(i, j)²) / (n_i + n_j + n_k)
"""

import numpy as np


def _lance_williams(linkage, d_ki, d_kj, d_ij, n_i, n_j, n_k):
    """Distance from the merged cluster i∪j to every cluster k (vectors over k)."""
    if linkage == "single":
        return np.minimum(d_ki, d_kj)
    if linkage == "complete":
        return np.maximum(d_ki, d_kj)
    if linkage == "average":
        return (n_i * d_ki + n_j * d_kj) / (n_i + n_j)
    if linkage == "ward":
        return np.sqrt(np.maximum(d_ki**2 / 2 + d_kj**2 / 2 - d_ij**2 / 4, 0))
    raise ValueError(f"unknown linkage {linkage!r}")


class AgglomerativeClustering:
    """Agglomerative clustering: build the full merge tree, cut it at n_clusters.

    Parameters
    ----------
    n_clusters : int, default=2
        Number of clusters to cut the tree into.
    linkage : {"ward", "complete", "average", "single"}, default="ward"
        Distance between clusters.

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,)
    children_ : ndarray of shape (n_samples - 1, 2)
    distances_ : ndarray of shape (n_samples - 1,)
    n_clusters_ : int
    """

    def __init__(self, n_clusters=2, linkage="ward"):
        self.n_clusters = n_clusters
        self.linkage = linkage

    def fit(self, X):
        """Build the tree of X, shape (n_samples, n_features); returns self."""
        X = np.asarray(X, dtype=float)
        n = len(X)
        D = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)   # Euclidean distances between singletons
        np.fill_diagonal(D, np.inf)
        size = np.ones(n)                       # size of the cluster held in each row of D
        node = np.arange(n)                     # its node id: samples 0..n-1, merge s creates node n + s
        slot = np.arange(n)                     # the row of D holding each sample's current cluster
        labels = slot.copy()
        self.children_ = np.empty((n - 1, 2), dtype=int)
        self.distances_ = np.empty(n - 1)
        for step in range(n - 1):
            i, j = sorted(np.unravel_index(np.argmin(D), D.shape))    # the closest pair of clusters
            self.children_[step] = node[i], node[j]
            self.distances_[step] = D[i, j]
            merged = _lance_williams(self.linkage, D[i], D[j], D[i, j], size[i], size[j], size)
            D[i, :] = D[:, i] = merged          # row i now holds i∪j ...
            D[j, :] = D[:, j] = np.inf          # ... and row j is retired
            D[i, i] = np.inf
            size[i], node[i] = size[i] + size[j], n + step
            slot[slot == j] = i
            if step == n - self.n_clusters - 1:  # n - n_clusters merges done: cut here
                labels = slot.copy()
        self.labels_ = np.unique(labels, return_inverse=True)[1]   # rows -> 0..n_clusters-1
        self.n_clusters_ = int(self.labels_.max()) + 1
        return self

    def fit_predict(self, X):
        """Fit and return labels_, shape (n_samples,)."""
        return self.fit(X).labels_
