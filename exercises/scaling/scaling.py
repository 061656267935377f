"""Feature scaling: StandardScaler and MinMaxScaler.

Implement the methods marked TODO; exercises/scaling/README.md has the maths and the rules
(numpy only). Check your work with `make check exercise=scaling`.
"""

import numpy as np


class StandardScaler:
    """Standardise features: subtract the mean and divide by the standard deviation.

    Parameters
    ----------
    with_mean : bool, default=True
        Subtract ``mean_`` in ``transform``.
    with_std : bool, default=True
        Divide by ``scale_`` in ``transform``.

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,) or None
        Column means of the training data (None when both options are False).
    var_ : ndarray of shape (n_features,) or None
        Column variances, ddof=0 (None when ``with_std`` is False).
    scale_ : ndarray of shape (n_features,) or None
        sqrt(var_), with 1.0 for constant columns (None when ``with_std`` is False).
    """

    def __init__(self, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X, y=None):
        """Learn the column statistics.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ignored

        Returns
        -------
        self : StandardScaler
        """
        # TODO: set self.mean_, self.var_ and self.scale_
        raise NotImplementedError("StandardScaler.fit")

    def transform(self, X):
        """Standardise X with the statistics learned in fit.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        X_scaled : ndarray of shape (n_samples, n_features)
        """
        raise NotImplementedError("StandardScaler.transform")

    def fit_transform(self, X, y=None):
        """fit(X), then transform(X).

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ignored

        Returns
        -------
        X_scaled : ndarray of shape (n_samples, n_features)
        """
        raise NotImplementedError("StandardScaler.fit_transform")

    def inverse_transform(self, X):
        """Undo transform.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
            Scaled data.

        Returns
        -------
        X_original : ndarray of shape (n_samples, n_features)
        """
        raise NotImplementedError("StandardScaler.inverse_transform")


class MinMaxScaler:
    """Scale each feature linearly so that the training data spans ``feature_range``.

    Parameters
    ----------
    feature_range : tuple (lo, hi), default=(0, 1)

    Attributes
    ----------
    data_min_ : ndarray of shape (n_features,)
        Column minima of the training data.
    data_max_ : ndarray of shape (n_features,)
        Column maxima of the training data.
    data_range_ : ndarray of shape (n_features,)
        data_max_ - data_min_.
    scale_ : ndarray of shape (n_features,)
        (hi - lo) / data_range_, with the range taken as 1 for constant columns.
    min_ : ndarray of shape (n_features,)
        lo - data_min_ * scale_.
    """

    def __init__(self, feature_range=(0, 1)):
        self.feature_range = feature_range

    def fit(self, X, y=None):
        """Learn the column minima and maxima.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ignored

        Returns
        -------
        self : MinMaxScaler
        """
        # TODO: set data_min_, data_max_, data_range_, scale_ and min_
        raise NotImplementedError("MinMaxScaler.fit")

    def transform(self, X):
        """Scale X with the statistics learned in fit: X * scale_ + min_.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        X_scaled : ndarray of shape (n_samples, n_features)
        """
        raise NotImplementedError("MinMaxScaler.transform")

    def fit_transform(self, X, y=None):
        """fit(X), then transform(X).

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ignored

        Returns
        -------
        X_scaled : ndarray of shape (n_samples, n_features)
        """
        raise NotImplementedError("MinMaxScaler.fit_transform")

    def inverse_transform(self, X):
        """Undo transform.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
            Scaled data.

        Returns
        -------
        X_original : ndarray of shape (n_samples, n_features)
        """
        raise NotImplementedError("MinMaxScaler.inverse_transform")
