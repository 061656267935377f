"""Mutant: fits every tree to y instead of the residual y - F.

Expect: instead of the residual
"""

import numpy as np
from sklearn.tree import DecisionTreeRegressor


class GradientBoostingRegressor:
    """Least-squares gradient boosting with scikit-learn's regression trees.

    Parameters
    ----------
    n_estimators : int, default=100
    learning_rate : float, default=0.1
    max_depth : int, default=3
    random_state : int or None, default=None
        Passed to every tree (it only breaks ties between equally good splits).

    Attributes
    ----------
    init_prediction_ : float
        F_0, the mean of the training targets.
    estimators_ : list of fitted sklearn.tree.DecisionTreeRegressor, length n_estimators
    train_score_ : ndarray of shape (n_estimators,)
        The mean squared error on the training data after each stage.
    """

    def __init__(self, n_estimators=100, learning_rate=0.1, max_depth=3, random_state=None):
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.random_state = random_state

    def fit(self, X, y):
        """Fit n_estimators trees, each to the residuals of the previous stages.

        X : ndarray of shape (n_samples, n_features), y : ndarray of shape (n_samples,)
        """

        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        self.init_prediction_ = float(np.mean(y))                    # F_0 = argmin_c Σ ½(y_i - c)² = mean(y)
        F = np.full(len(y), self.init_prediction_)
        self.estimators_, self.train_score_ = [], np.empty(self.n_estimators)
        for m in range(self.n_estimators):
            residual = y - F                                          # -∂L/∂F = y - F
            tree = DecisionTreeRegressor(max_depth=self.max_depth, random_state=self.random_state).fit(X, y)
            F = F + self.learning_rate * tree.predict(X)              # F_m = F_{m-1} + ν h_m
            self.estimators_.append(tree)
            self.train_score_[m] = np.mean((y - F) ** 2)
        return self

    def staged_predict(self, X):
        """Yield F_m(X), shape (n_samples,), after each stage m = 1 .. n_estimators."""
        F = np.full(len(X), self.init_prediction_)
        for tree in self.estimators_:
            F = F + self.learning_rate * tree.predict(X)
            yield F

    def predict(self, X):
        """F_M(X) = F_0 + learning_rate · Σ_m h_m(X), shape (n_samples,)."""
        X = np.asarray(X, dtype=float)
        return self.init_prediction_ + self.learning_rate * np.sum([tree.predict(X) for tree in self.estimators_], axis=0)
