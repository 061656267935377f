"""k-nearest neighbours classifier.

Implement the methods marked TODO; exercises/knn/README.md has the maths and the rules
(numpy only). Check your work with `make check exercise=knn`.
"""

import numpy as np


class KNeighborsClassifier:
    """Classifier voting among the k nearest training points (Euclidean distance).

    Parameters
    ----------
    n_neighbors : int, default=5
        Number of neighbours that vote.
    weights : {"uniform", "distance"}, default="uniform"
        "uniform": every neighbour has one vote; "distance": a neighbour's vote is
        1 / distance, and a query that coincides with training points gives those points
        weight 1 and every other neighbour weight 0.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels seen in ``fit`` (``np.unique(y)``).
    """

    def __init__(self, n_neighbors=5, weights="uniform"):
        self.n_neighbors = n_neighbors
        self.weights = weights

    def fit(self, X, y):
        """Store the training data.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)
            Class labels (any integers or strings).

        Returns
        -------
        self : KNeighborsClassifier
        """
        # TODO: keep X and y (copies) and set self.classes_
        raise NotImplementedError("KNeighborsClassifier.fit")

    def kneighbors(self, X, n_neighbors=None, return_distance=True):
        """The nearest training points of each query, nearest first.

        Parameters
        ----------
        X : ndarray of shape (n_queries, n_features)
        n_neighbors : int, optional
            How many neighbours; defaults to ``self.n_neighbors``.
        return_distance : bool, default=True
            Whether to return the distances too.

        Returns
        -------
        distances : ndarray of shape (n_queries, n_neighbors)
            Euclidean distances, ascending along each row. Only when ``return_distance``.
        indices : ndarray of shape (n_queries, n_neighbors)
            Row indices into the training X of the neighbours, in the same order.
        """
        raise NotImplementedError("KNeighborsClassifier.kneighbors")

    def predict_proba(self, X):
        """Share of the (weighted) neighbour votes for each class.

        Parameters
        ----------
        X : ndarray of shape (n_queries, n_features)

        Returns
        -------
        proba : ndarray of shape (n_queries, n_classes)
            Columns in the order of ``classes_``; each row sums to 1.
        """
        raise NotImplementedError("KNeighborsClassifier.predict_proba")

    def predict(self, X):
        """The class with the largest vote share.

        Parameters
        ----------
        X : ndarray of shape (n_queries, n_features)

        Returns
        -------
        labels : ndarray of shape (n_queries,)
            Labels from ``classes_``.
        """
        raise NotImplementedError("KNeighborsClassifier.predict")
