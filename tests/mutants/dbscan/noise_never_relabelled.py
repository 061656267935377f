"""Mutant: the textbook loop with a `visited` flag: a point visited before its cluster reaches
it is marked noise and, being visited, is never relabelled as a border point.

Expect: never relabelled
"""

import numpy as np


class DBSCAN:
    def __init__(self, eps=0.5, min_samples=5):
        self.eps = eps
        self.min_samples = min_samples

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        within = np.linalg.norm(X[:, None] - X[None], axis=-1) <= self.eps
        core = within.sum(axis=1) >= self.min_samples
        labels = np.full(len(X), -1)
        visited = np.zeros(len(X), dtype=bool)
        cluster = 0
        for i in range(len(X)):
            if visited[i]:
                continue
            visited[i] = True
            if not core[i]:
                continue  # noise for now... and forever, since it is visited
            labels[i] = cluster
            stack = [i]
            while stack:
                p = stack.pop()
                fresh = np.flatnonzero(within[p] & ~visited)
                visited[fresh] = True
                labels[fresh] = cluster
                stack.extend(fresh[core[fresh]].tolist())
            cluster += 1
        self.labels_ = labels
        self.core_sample_indices_ = np.flatnonzero(core)
        self.components_ = X[core]
        return self

    def fit_predict(self, X):
        return self.fit(X).labels_
