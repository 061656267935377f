"""Ridge regression in closed form.

Implement the methods marked TODO; exercises/ridge/README.md has the maths and the rules
(numpy only). Check your work with `make check exercise=ridge`.
"""

import numpy as np


class Ridge:
    """Linear least squares with an L2 penalty on the weights (not on the intercept).

    Minimises ||y - X @ coef_ - intercept_||² + alpha * ||coef_||².

    Parameters
    ----------
    alpha : float, default=1.0
        Strength of the penalty alpha * ||coef_||²; must be positive.
    fit_intercept : bool, default=True
        Whether to fit the intercept; if False the model goes through the origin
        and ``intercept_`` is 0.0.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        The weights, learned by ``fit``.
    intercept_ : float
        The bias, learned by ``fit``; it is not penalised.
    """

    def __init__(self, alpha=1.0, fit_intercept=True):
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        """Fit the closed-form ridge solution.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)

        Returns
        -------
        self : Ridge
        """
        # TODO: set self.coef_ and self.intercept_
        raise NotImplementedError("Ridge.fit")

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
        raise NotImplementedError("Ridge.predict")
