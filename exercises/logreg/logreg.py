"""Logistic regression by batch gradient descent.

Implement the methods marked TODO; exercises/logreg/README.md has the maths and the rules
(numpy only). Check your work with `make check exercise=logreg`.
"""

import numpy as np


class LogisticRegression:
    """Binary logistic regression fitted by batch gradient descent.

    Parameters
    ----------
    learning_rate : float, default=0.1
        Step size of each gradient step.
    n_iter : int, default=1000
        Maximum number of gradient steps.
    l2 : float, default=0.0
        Strength of the (l2 / 2) * ||coef_||² penalty; the intercept is not penalised.
    tol : float, default=1e-6
        Stop once the objective decreases by less than ``tol`` in one step.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        The weights, learned by ``fit``.
    intercept_ : float
        The bias, learned by ``fit``.
    loss_history_ : list of float
        The objective (mean log-loss + (l2 / 2) * ||coef_||²) after each step.
    """

    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0, tol=1e-6):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2
        self.tol = tol

    def fit(self, X, y):
        """Fit the model by batch gradient descent, starting from zeros.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,), values in {0, 1}

        Returns
        -------
        self : LogisticRegression
        """
        # TODO: set self.coef_, self.intercept_ and self.loss_history_
        raise NotImplementedError("LogisticRegression.fit")

    def predict_proba(self, X):
        """Probability of class 1 for each sample.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples,)
        """
        raise NotImplementedError("LogisticRegression.predict_proba")

    def predict(self, X):
        """Class labels, 1 where the probability of class 1 is at least 0.5.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,), dtype int
        """
        raise NotImplementedError("LogisticRegression.predict")
