"""Mutant: LinearRegression solves least squares on X as given, forgetting the intercept.

Expect: intercept is missing
"""

import numpy as np


class LinearRegression:
    """Ordinary least squares, solved with the SVD (minimum-norm when X is rank-deficient).

    Parameters
    ----------
    fit_intercept : bool, default=True
        Whether to fit the intercept; if False the model goes through the origin.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : float
    """

    def __init__(self, fit_intercept=True):
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Fit to X of shape (n_samples, n_features) and y of shape (n_samples,); returns self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        x_mean = np.zeros(X.shape[1])
        y_mean = 0.0
        # w = argmin ||(y - ȳ) - (X - x̄) w||² of smallest norm; lstsq uses the SVD, never inv(XᵀX)
        self.coef_ = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
        self.intercept_ = float(y_mean - x_mean @ self.coef_)   # b = ȳ - x̄·w
        return self

    def predict(self, X):
        """Predictions X @ coef_ + intercept_, shape (n_samples,)."""
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_


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
        Whether to fit the intercept; if False it stays 0.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : float
    loss_history_ : list of float
        The mean squared error after each step.
    """

    def __init__(self, learning_rate=0.01, n_iter=1000, tol=1e-6, fit_intercept=True):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.tol = tol
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Fit to X of shape (n_samples, n_features) and y of shape (n_samples,); returns self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        w, b = np.zeros(X.shape[1]), 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            r = X @ w + b - y                                        # residual, before the step
            w = w - self.learning_rate * 2 * X.T @ r / len(y)        # dJ/dw = 2 Xᵀr / n
            if self.fit_intercept:
                b = b - self.learning_rate * 2 * r.mean()            # dJ/db = 2 mean(r)
            self.loss_history_.append(float(np.mean((X @ w + b - y) ** 2)))   # J after the step
            if len(self.loss_history_) > 1 and self.loss_history_[-2] - self.loss_history_[-1] < self.tol:
                break
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict(self, X):
        """Predictions X @ coef_ + intercept_, shape (n_samples,)."""
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
