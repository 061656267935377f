"""Mutant: correct merges, but the Lance–Williams update loops over the other clusters in
Python at every merge (a loop over pairs of samples overall).

Expect: not vectorised
"""

import numpy as np


class AgglomerativeClustering:
    def __init__(self, n_clusters=2, linkage="ward"):
        self.n_clusters = n_clusters
        self.linkage = linkage

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        n = len(X)
        D = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
        np.fill_diagonal(D, np.inf)
        size = np.ones(n)
        node = np.arange(n)
        slot = np.arange(n)
        labels = slot.copy()
        active = list(range(n))
        self.children_ = np.empty((n - 1, 2), dtype=int)
        self.distances_ = np.empty(n - 1)
        for step in range(n - 1):
            i, j = sorted(np.unravel_index(np.argmin(D), D.shape))
            self.children_[step] = node[i], node[j]
            self.distances_[step] = d_ij = D[i, j]
            active.remove(j)
            for k in active:
                if k == i:
                    continue
                n_i, n_j, n_k = size[i], size[j], size[k]
                if self.linkage == "single":
                    d = min(D[k, i], D[k, j])
                elif self.linkage == "complete":
                    d = max(D[k, i], D[k, j])
                elif self.linkage == "average":
                    d = (n_i * D[k, i] + n_j * D[k, j]) / (n_i + n_j)
                else:
                    d = np.sqrt(((n_i + n_k) * D[k, i] ** 2 + (n_j + n_k) * D[k, j] ** 2 - n_k * d_ij**2) / (n_i + n_j + n_k))
                D[i, k] = D[k, i] = d
            D[j, :] = D[:, j] = np.inf
            size[i], node[i] = size[i] + size[j], n + step
            slot[slot == j] = i
            if step == n - self.n_clusters - 1:
                labels = slot.copy()
        self.labels_ = np.unique(labels, return_inverse=True)[1]
        self.n_clusters_ = int(self.labels_.max()) + 1
        return self

    def fit_predict(self, X):
        return self.fit(X).labels_
