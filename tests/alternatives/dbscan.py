"""A second correct dbscan, written differently from the reference: the textbook algorithm.
Distances by the dot-product identity, neighbour index lists, and a depth-first expansion with
an explicit stack that walks each core point's neighbour list (per point, never per pair of
all points). It must get full marks."""

import numpy as np

UNVISITED, NOISE = -2, -1


class DBSCAN:
    def __init__(self, eps=0.5, min_samples=5):
        self.eps = eps
        self.min_samples = min_samples

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        squared = (X * X).sum(axis=1)
        d2 = np.maximum(squared[:, None] + squared[None, :] - 2.0 * X @ X.T, 0.0)
        np.fill_diagonal(d2, 0.0)
        within = d2 <= self.eps * self.eps
        neighbourhoods = [np.flatnonzero(row) for row in within]
        is_core = within.sum(axis=1) >= self.min_samples
        labels = np.full(len(X), UNVISITED)
        next_label = 0
        for point in range(len(X)):
            if labels[point] != UNVISITED:
                continue
            if not is_core[point]:
                labels[point] = NOISE  # may become a border point later
                continue
            labels[point] = next_label
            stack = [point]
            while stack:
                current = stack.pop()
                for other in neighbourhoods[current]:
                    if labels[other] == NOISE:
                        labels[other] = next_label          # a border point, found after being marked noise
                    elif labels[other] == UNVISITED:
                        labels[other] = next_label
                        if is_core[other]:
                            stack.append(other)
            next_label += 1
        self.labels_ = labels
        self.core_sample_indices_ = np.flatnonzero(is_core)
        self.components_ = X[self.core_sample_indices_]
        return self

    def fit_predict(self, X):
        self.fit(X)
        return self.labels_
