"""A second correct knn, written differently from the reference: distances by broadcasting
differences, the k nearest by np.argpartition followed by a sort of those k only, votes
accumulated with np.bincount on flattened (query, class) codes, and the zero-distance rule
applied with masks. It must get full marks."""

import numpy as np


class KNeighborsClassifier:
    def __init__(self, n_neighbors=5, weights="uniform"):
        self.n_neighbors = n_neighbors
        self.weights = weights

    def fit(self, X, y):
        self.X_train = np.asarray(X, dtype=float).copy()
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        self.codes = np.searchsorted(self.classes_, y)
        return self

    def kneighbors(self, X, n_neighbors=None, return_distance=True):
        k = n_neighbors or self.n_neighbors
        diff = np.asarray(X, dtype=float)[:, np.newaxis, :] - self.X_train[np.newaxis, :, :]
        D = np.linalg.norm(diff, axis=2)
        if k < D.shape[1]:
            part = np.argpartition(D, k - 1, axis=1)[:, :k]
        else:
            part = np.tile(np.arange(D.shape[1]), (D.shape[0], 1))
        rows = np.arange(D.shape[0])[:, np.newaxis]
        order = np.argsort(D[rows, part], axis=1)
        idx = part[rows, order]
        if not return_distance:
            return idx
        return D[rows, idx], idx

    def predict_proba(self, X):
        dist, idx = self.kneighbors(X)
        if self.weights == "distance":
            on_point = dist == 0.0
            hit = np.any(on_point, axis=1)
            w = np.empty_like(dist)
            w[hit] = on_point[hit].astype(float)
            w[~hit] = 1.0 / dist[~hit]
        else:
            w = np.ones(dist.shape)
        m = len(self.classes_)
        flat = (np.arange(len(idx))[:, np.newaxis] * m + self.codes[idx]).ravel()
        tally = np.bincount(flat, weights=w.ravel(), minlength=len(idx) * m).reshape(len(idx), m)
        return tally / tally.sum(axis=1)[:, np.newaxis]

    def predict(self, X):
        p = self.predict_proba(X)
        return self.classes_[p.argmax(axis=1)]
