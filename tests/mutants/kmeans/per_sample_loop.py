"""Mutant: correct maths, but each sample is assigned to its nearest centre in a Python loop.

Expect: not vectorised
"""

import numpy as np


def _assign(X, centers):
    labels = np.empty(len(X), dtype=int)
    for i in range(len(X)):
        labels[i] = np.argmin(((centers - X[i]) ** 2).sum(axis=1))
    return labels


def kmeans_plusplus(X, n_clusters, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    indices = [int(rng.integers(len(X)))]
    closest = ((X - X[indices[0]]) ** 2).sum(axis=1)
    for _ in range(1, n_clusters):
        indices.append(int(rng.choice(len(X), p=closest / closest.sum())))
        closest = np.minimum(closest, ((X - X[indices[-1]]) ** 2).sum(axis=1))
    indices = np.array(indices)
    return X[indices], indices


class KMeans:
    def __init__(self, n_clusters=8, init="k-means++", n_init=10, max_iter=300, tol=1e-4, random_state=None):
        self.n_clusters, self.init, self.n_init = n_clusters, init, n_init
        self.max_iter, self.tol, self.random_state = max_iter, tol, random_state

    def _lloyd(self, X, centers, tol):
        previous = None
        for n_iter in range(1, self.max_iter + 1):
            labels = _assign(X, centers)
            new_centers = centers.copy()
            for j in range(len(centers)):
                if np.any(labels == j):
                    new_centers[j] = X[labels == j].mean(axis=0)
            shift = ((new_centers - centers) ** 2).sum()
            centers = new_centers
            if np.array_equal(labels, previous) or shift <= tol:
                break
            previous = labels
        labels = _assign(X, centers)
        return centers, labels, float(((X - centers[labels]) ** 2).sum()), n_iter

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        tol = self.tol * np.mean(np.var(X, axis=0))
        if isinstance(self.init, str):
            rng = np.random.default_rng(self.random_state)
            starts = [kmeans_plusplus(X, self.n_clusters, rng)[0] for _ in range(self.n_init)]
        else:
            starts = [np.array(self.init, dtype=float)]
        runs = [self._lloyd(X, start, tol) for start in starts]
        self.cluster_centers_, self.labels_, self.inertia_, self.n_iter_ = min(runs, key=lambda run: run[2])
        return self

    def predict(self, X):
        return _assign(np.asarray(X, dtype=float), self.cluster_centers_)
