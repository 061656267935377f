"""Lasso regression by cyclic coordinate descent.

Implement the methods marked TODO; exercises/lasso/README.md has the maths and the rules
(numpy only). Check your work with `make check exercise=lasso`.
"""

import numpy as np


class Lasso:
    """Linear regression with an L1 penalty, fitted by cyclic coordinate descent.

    Minimises (1 / (2 * n_samples)) * ||y - X @ coef_ - intercept_||² + alpha * ||coef_||₁.

    Parameters
    ----------
    alpha : float, default=1.0
        Strength of the penalty alpha * ||coef_||₁.
    fit_intercept : bool, default=True
        Whether to fit the intercept (never penalised); if False the model goes through
        the origin and ``intercept_`` is 0.0.
    max_iter : int, default=1000
        Maximum number of sweeps over the features.
    tol : float, default=1e-4
        Stop after the first sweep in which no coefficient changed by ``tol`` or more.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        The weights, learned by ``fit``; many are exactly 0.0.
    intercept_ : float
        The bias, learned by ``fit``.
    n_iter_ : int
        The number of sweeps run.
    """

    def __init__(self, alpha=1.0, fit_intercept=True, max_iter=1000, tol=1e-4):
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X, y):
        """Fit by cyclic coordinate descent, starting from coef_ = 0.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)

        Returns
        -------
        self : Lasso
        """
        # TODO: set self.coef_, self.intercept_ and self.n_iter_
        raise NotImplementedError("Lasso.fit")

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
        raise NotImplementedError("Lasso.predict")
