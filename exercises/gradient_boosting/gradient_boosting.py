"""Gradient boosting for regression (squared error) on scikit-learn's regression trees.

Implement the methods marked TODO; exercises/gradient_boosting/README.md has the algorithm and
the rules (numpy and sklearn.tree only). Check your work with `make check exercise=gradient_boosting`.
"""

import numpy as np
from sklearn.tree import DecisionTreeRegressor


class GradientBoostingRegressor:
    """Least-squares gradient boosting: a sum of shrunk regression trees.

    Parameters
    ----------
    n_estimators : int, default=100
        The number of boosting stages (one tree each).
    learning_rate : float, default=0.1
        The shrinkage ν applied to every tree's contribution.
    max_depth : int, default=3
        Maximum depth of each tree.
    random_state : int or None, default=None
        Passed to every tree (it only breaks ties between equally good splits).

    Attributes
    ----------
    init_prediction_ : float
        F_0, the initial constant prediction: the mean of the training targets.
    estimators_ : list of DecisionTreeRegressor
        The n_estimators fitted trees, in order.
    train_score_ : ndarray of shape (n_estimators,)
        train_score_[m] is the mean squared error on the training data after stage m + 1.
    """

    def __init__(self, n_estimators=100, learning_rate=0.1, max_depth=3, random_state=None):
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.random_state = random_state

    def fit(self, X, y):
        """Fit the stages one after the other.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)

        Returns
        -------
        self : GradientBoostingRegressor
        """

        # TODO: set init_prediction_, estimators_ and train_score_
        raise NotImplementedError("GradientBoostingRegressor.fit")

    def staged_predict(self, X):
        """The prediction after each stage, as a generator (or any iterable).

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Yields
        ------
        y_pred : ndarray of shape (n_samples,)
            F_m(X) for m = 1, ..., n_estimators.
        """
        raise NotImplementedError("GradientBoostingRegressor.staged_predict")

    def predict(self, X):
        """The prediction of the full model, F_M(X).

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        raise NotImplementedError("GradientBoostingRegressor.predict")
