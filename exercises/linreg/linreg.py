"""Linear regression by least squares and by batch gradient descent.

Implement the methods marked TODO; exercises/linreg/README.md has the maths and the rules
(numpy only). Check your work with `make check exercise=linreg`.
"""

import numpy as np


class LinearRegression:
    """Ordinary least squares linear regression.

    Parameters
    ----------
    fit_intercept : bool, default=True
        Whether to fit the intercept; if False the model goes through the origin
        and ``intercept_`` is 0.0.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        The weights, learned by ``fit``. When several weight vectors fit equally well
        (rank-deficient X), the one of smallest Euclidean norm.
    intercept_ : float
        The bias, learned by ``fit``.
    """

    def __init__(self, fit_intercept=True):
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Fit by least squares: minimise ||y - X @ coef_ - intercept_||².

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)

        Returns
        -------
        self : LinearRegression
        """
        # TODO: set self.coef_ and self.intercept_
        raise NotImplementedError("LinearRegression.fit")

    def predict(self, X):
        """Predicted targets.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
            X @ coef_ + intercept_.
        """
        raise NotImplementedError("LinearRegression.predict")


class GDLinearRegression:
    """Linear regression fitted by batch gradient descent on the mean squared error.

    Parameters
    ----------
    learning_rate : float, default=0.01
        Step size of each gradient step.
    n_iter : int, default=1000
        Maximum number of gradient steps.
    tol : float, default=1e-6
        Stop once the mean squared error decreases by less than ``tol`` in one step.
    fit_intercept : bool, default=True
        Whether to fit the intercept; if False it stays 0.0.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        The weights, learned by ``fit``.
    intercept_ : float
        The bias, learned by ``fit``.
    loss_history_ : list of float
        The mean squared error mean((X @ coef_ + intercept_ - y)²) after each step.
    """

    def __init__(self, learning_rate=0.01, n_iter=1000, tol=1e-6, fit_intercept=True):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.tol = tol
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Fit by batch gradient descent, starting from zeros.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)

        Returns
        -------
        self : GDLinearRegression
        """
        # TODO: set self.coef_, self.intercept_ and self.loss_history_
        raise NotImplementedError("GDLinearRegression.fit")

    def predict(self, X):
        """Predicted targets.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
            X @ coef_ + intercept_.
        """
        raise NotImplementedError("GDLinearRegression.predict")
