"""Gaussian naive Bayes.

Implement the methods marked TODO; exercises/naive_bayes/README.md has the maths and the
rules (numpy only). Check your work with `make check exercise=naive_bayes`.
"""

import numpy as np


class GaussianNB:
    """Gaussian naive Bayes classifier.

    Parameters
    ----------
    var_smoothing : float, default=1e-9
        Fraction of the largest feature variance (over the whole training set) added to
        every variance, for numerical stability.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels (``np.unique(y)``).
    class_count_ : ndarray of shape (n_classes,)
        Number of training samples in each class (float).
    class_prior_ : ndarray of shape (n_classes,)
        Fraction of training samples in each class.
    theta_ : ndarray of shape (n_classes, n_features)
        Mean of each feature per class.
    var_ : ndarray of shape (n_classes, n_features)
        Variance of each feature per class (ddof=0), plus ``epsilon_``.
    epsilon_ : float
        ``var_smoothing * np.var(X, axis=0).max()``.
    """

    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        """Estimate the class priors, means and variances.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)
            Class labels.

        Returns
        -------
        self : GaussianNB
        """
        # TODO: set classes_, class_count_, class_prior_, theta_, var_ and epsilon_
        raise NotImplementedError("GaussianNB.fit")

    def predict_log_proba(self, X):
        """Log of the posterior probability of each class.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        log_proba : ndarray of shape (n_samples, n_classes)
            log p(c | x), columns in the order of ``classes_``.
        """
        raise NotImplementedError("GaussianNB.predict_log_proba")

    def predict_proba(self, X):
        """Posterior probability of each class.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            p(c | x), columns in the order of ``classes_``; each row sums to 1.
        """
        raise NotImplementedError("GaussianNB.predict_proba")

    def predict(self, X):
        """The most probable class.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            Labels from ``classes_``.
        """
        raise NotImplementedError("GaussianNB.predict")
