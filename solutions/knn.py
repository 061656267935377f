"""k-nearest neighbours classification (reference solution).

Distances:  ||a - b||² = ||a||² - 2 a·b + ||b||²  for every (query, training point) pair at once
Votes:      proba[q, c] = Σ_{j in the k nearest} w_qj [y_j = c] / Σ_j w_qj
Weights:    w = 1 ("uniform") or w = 1 / distance ("distance"); a query that coincides with
            training points gives those points weight 1 and the others 0, as scikit-learn does.
"""

import numpy as np


class KNeighborsClassifier:
    """Classifier voting among the k nearest training points (Euclidean distance).

    Parameters
    ----------
    n_neighbors : int, default=5
        Number of neighbours that vote.
    weights : {"uniform", "distance"}, default="uniform"
        "uniform": every neighbour has one vote; "distance": a neighbour's vote is 1 / distance.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels seen in ``fit``.
    """

    def __init__(self, n_neighbors=5, weights="uniform"):
        self.n_neighbors = n_neighbors
        self.weights = weights

    def fit(self, X, y):
        """Store X of shape (n_samples, n_features) and y of shape (n_samples,); return self."""
        self._fit_X = np.array(X, dtype=float)                          # a copy: fit keeps the data
        self.classes_, self._y = np.unique(y, return_inverse=True)    # _y: class index of each sample
        return self

    def kneighbors(self, X, n_neighbors=None, return_distance=True):
        """Distances and indices of the nearest training points, nearest first.

        Returns ``(distances, indices)``, both of shape (n_queries, n_neighbors), or only
        ``indices`` when ``return_distance`` is False.
        """
        k = self.n_neighbors if n_neighbors is None else n_neighbors
        X = np.asarray(X, dtype=float)
        # ||a - b||² = ||a||² - 2 a·b + ||b||², clipped at 0 where rounding makes it negative
        squared = (X ** 2).sum(1)[:, None] - 2 * X @ self._fit_X.T + (self._fit_X ** 2).sum(1)[None, :]
        squared = np.maximum(squared, 0.0)
        nearest = np.argpartition(squared, k - 1, axis=1)[:, :k] if k < squared.shape[1] else np.argsort(squared, axis=1)
        order = np.argsort(np.take_along_axis(squared, nearest, axis=1), axis=1, kind="stable")  # sort only those k
        indices = np.take_along_axis(nearest, order, axis=1)              # the k nearest, nearest first
        distances = np.sqrt(np.take_along_axis(squared, indices, axis=1))
        return (distances, indices) if return_distance else indices

    def predict_proba(self, X):
        """Vote shares, shape (n_queries, n_classes), columns in the order of ``classes_``."""
        distances, indices = self.kneighbors(X)
        if self.weights == "uniform":
            w = np.ones_like(distances)
        elif self.weights == "distance":
            exact = distances == 0
            with np.errstate(divide="ignore"):
                w = 1.0 / distances                                    # w = 1 / d
            w = np.where(exact.any(axis=1, keepdims=True), exact, w)   # exact matches take all the weight
        else:
            raise ValueError(f"weights must be 'uniform' or 'distance', got {self.weights!r}")
        one_hot = self._y[indices][:, :, None] == np.arange(len(self.classes_))   # (q, k, n_classes)
        votes = (w[:, :, None] * one_hot).sum(axis=1)                  # Σ_j w_qj [y_j = c]
        return votes / votes.sum(axis=1, keepdims=True)

    def predict(self, X):
        """The class with the largest vote share, shape (n_queries,); ties go to the first class."""
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
