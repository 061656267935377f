"""Mutant: correct maths, but the distance matrix is filled by a double loop over pairs.

Expect: not vectorised
"""

import numpy as np


class KNeighborsClassifier:
    def __init__(self, n_neighbors=5, weights="uniform"):
        self.n_neighbors = n_neighbors
        self.weights = weights

    def fit(self, X, y):
        self._fit_X = np.array(X, dtype=float)
        self.classes_, self._y = np.unique(y, return_inverse=True)
        return self

    def kneighbors(self, X, n_neighbors=None, return_distance=True):
        k = self.n_neighbors if n_neighbors is None else n_neighbors
        X = np.asarray(X, dtype=float)
        D = np.zeros((len(X), len(self._fit_X)))
        for i in range(len(X)):
            for j in range(len(self._fit_X)):
                D[i, j] = np.sqrt(np.sum((X[i] - self._fit_X[j]) ** 2))
        indices = np.argsort(D, axis=1, kind="stable")[:, :k]
        distances = np.take_along_axis(D, indices, axis=1)
        return (distances, indices) if return_distance else indices

    def predict_proba(self, X):
        distances, indices = self.kneighbors(X)
        if self.weights == "uniform":
            w = np.ones_like(distances)
        else:
            exact = distances == 0
            with np.errstate(divide="ignore"):
                w = 1.0 / distances
            w = np.where(exact.any(axis=1, keepdims=True), exact, w)
        one_hot = self._y[indices][:, :, None] == np.arange(len(self.classes_))
        votes = (w[:, :, None] * one_hot).sum(axis=1)
        return votes / votes.sum(axis=1, keepdims=True)

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
