"""Mutant: correct clusters, but the neighbourhoods come from a Python double loop over all
pairs of points.

Expect: not vectorised
"""

import math

import numpy as np


class DBSCAN:
    def __init__(self, eps=0.5, min_samples=5):
        self.eps = eps
        self.min_samples = min_samples

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        n = len(X)
        neighbours = [[] for _ in range(n)]
        for i in range(n):
            for j in range(n):
                if math.dist(X[i], X[j]) <= self.eps:
                    neighbours[i].append(j)
        core = np.array([len(nb) >= self.min_samples for nb in neighbours])
        labels = np.full(n, -1)
        cluster = 0
        for i in np.flatnonzero(core):
            if labels[i] != -1:
                continue
            labels[i] = cluster
            stack = [i]
            while stack:
                p = stack.pop()
                for q in neighbours[p]:
                    if labels[q] == -1:
                        labels[q] = cluster
                        if core[q]:
                            stack.append(q)
            cluster += 1
        self.labels_ = labels
        self.core_sample_indices_ = np.flatnonzero(core)
        self.components_ = X[core]
        return self

    def fit_predict(self, X):
        return self.fit(X).labels_
