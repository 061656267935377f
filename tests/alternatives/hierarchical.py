"""A second correct hierarchical, written differently from the reference: no Lance–Williams.
Clusters are indexed by their node id in a (2n - 1) x (2n - 1) matrix, and after each merge
the new cluster's distances are recomputed from the samples: per-sample minima, maxima or
sums over its members reduced per cluster with np.minimum.at / np.maximum.at / np.add.at,
and Ward from the centroids, sqrt(2 n_a n_b / (n_a + n_b)) ||c_a - c_b||. It must get full marks."""

import numpy as np


class AgglomerativeClustering:
    def __init__(self, n_clusters=2, linkage="ward"):
        self.n_clusters = n_clusters
        self.linkage = linkage

    def _row(self, X, P, owner, sizes, new, alive):
        """Distances from cluster `new` to every node id (inf where the node is not alive)."""
        members = owner == new
        total = len(sizes)
        if self.linkage == "ward":
            sums = np.zeros((total, X.shape[1]))
            np.add.at(sums, owner, X)
            with np.errstate(invalid="ignore", divide="ignore"):
                centroids = sums / sizes[:, None]
                factor = 2.0 * sizes[new] * sizes / (sizes[new] + sizes)
            out = np.sqrt(factor) * np.linalg.norm(centroids - centroids[new], axis=1)
        elif self.linkage == "single":
            out = np.full(total, np.inf)
            np.minimum.at(out, owner, P[members].min(axis=0))
        elif self.linkage == "complete":
            out = np.full(total, -np.inf)
            np.maximum.at(out, owner, P[members].max(axis=0))
        else:  # average
            out = np.zeros(total)
            np.add.at(out, owner, P[members].sum(axis=0))
            with np.errstate(invalid="ignore", divide="ignore"):
                out = out / (sizes[new] * sizes)
        others = alive.copy()
        others[new] = False
        return np.where(others, out, np.inf)

    def fit(self, X):
        X = np.array(X, dtype=float)
        n = X.shape[0]
        total = 2 * n - 1
        P = np.sqrt(np.maximum(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2), 0.0))
        C = np.full((total, total), np.inf)
        C[:n, :n] = P
        C[np.arange(n), np.arange(n)] = np.inf
        sizes = np.zeros(total)
        sizes[:n] = 1
        owner = np.arange(n)
        alive = np.zeros(total, dtype=bool)
        alive[:n] = True
        children, heights = [], []
        cut = owner.copy()
        for step in range(n - 1):
            flat = np.argmin(C)
            a, b = divmod(flat, total)
            new = n + step
            children.append((min(a, b), max(a, b)))
            heights.append(C[a, b])
            C[[a, b], :] = np.inf
            C[:, [a, b]] = np.inf
            sizes[new] = sizes[a] + sizes[b]
            owner = np.where((owner == a) | (owner == b), new, owner)
            alive[[a, b]] = False
            alive[new] = True
            row = self._row(X, P, owner, sizes, new, alive)
            C[new, :] = row
            C[:, new] = row
            if step + 1 == n - self.n_clusters:
                cut = owner.copy()
        if self.n_clusters >= n:
            cut = np.arange(n)
        self.children_ = np.array(children, dtype=int).reshape(-1, 2)
        self.distances_ = np.array(heights, dtype=float)
        _, self.labels_ = np.unique(cut, return_inverse=True)
        self.n_clusters_ = len(np.unique(cut))
        return self

    def fit_predict(self, X):
        return self.fit(X).labels_
