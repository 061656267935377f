"""Mutant: inverse_transform adds the mean before multiplying by the scale.

Expect: order of operations

Feature scaling: standardisation and min-max scaling (the reference solution with one mistake).

StandardScaler:  z = (x - μ) / σ,  μ = mean, σ = sqrt(mean (x - μ)²) (ddof=0), σ := 1 where σ = 0
MinMaxScaler:    z = x · scale_ + min_,  scale_ = (hi - lo) / (max - min),  min_ = lo - min · scale_,
                 with max - min := 1 where a column is constant
Both learn their statistics in fit and only apply them in transform / inverse_transform.
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
        Column means (None when both options are False).
    var_ : ndarray of shape (n_features,) or None
        Column variances, ddof=0 (None when ``with_std`` is False).
    scale_ : ndarray of shape (n_features,) or None
        sqrt(var_), with 1.0 for constant columns (None when ``with_std`` is False).
    """

    def __init__(self, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X, y=None):
        """Learn the column statistics of X of shape (n_samples, n_features); return self."""
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0) if (self.with_mean or self.with_std) else None    # μ
        self.var_ = X.var(axis=0) if self.with_std else None                          # σ² = mean (x - μ)², ddof=0
        self.scale_ = np.where(self.var_ == 0, 1.0, np.sqrt(self.var_)) if self.with_std else None   # σ, 1 if constant
        return self

    def transform(self, X):
        """(X - mean_) / scale_ with the statistics of fit, shape (n_samples, n_features)."""
        Z = np.asarray(X, dtype=float)
        if self.with_mean:
            Z = Z - self.mean_
        if self.with_std:
            Z = Z / self.scale_
        return Z

    def fit_transform(self, X, y=None):
        """fit(X), then transform(X)."""
        return self.fit(X).transform(X)

    def inverse_transform(self, X):
        """Undo transform: X * scale_ + mean_ (multiply first, then add)."""
        X = np.asarray(X, dtype=float)
        if self.with_mean:
            X = X + self.mean_
        if self.with_std:
            X = X * self.scale_
        return X


class MinMaxScaler:
    """Scale each feature linearly so that the training data spans ``feature_range``.

    Parameters
    ----------
    feature_range : tuple (lo, hi), default=(0, 1)

    Attributes
    ----------
    data_min_, data_max_, data_range_ : ndarray of shape (n_features,)
        Column minimum, maximum and max - min on the training data.
    scale_ : ndarray of shape (n_features,)
        (hi - lo) / data_range_, with data_range_ taken as 1 for constant columns.
    min_ : ndarray of shape (n_features,)
        lo - data_min_ * scale_.
    """

    def __init__(self, feature_range=(0, 1)):
        self.feature_range = feature_range

    def fit(self, X, y=None):
        """Learn the column minima and maxima of X of shape (n_samples, n_features); return self."""
        X = np.asarray(X, dtype=float)
        lo, hi = self.feature_range
        self.data_min_, self.data_max_ = X.min(axis=0), X.max(axis=0)
        self.data_range_ = self.data_max_ - self.data_min_
        self.scale_ = (hi - lo) / np.where(self.data_range_ == 0, 1.0, self.data_range_)   # (hi - lo) / (max - min)
        self.min_ = lo - self.data_min_ * self.scale_                                      # so that min -> lo
        return self

    def transform(self, X):
        """X * scale_ + min_ with the statistics of fit, shape (n_samples, n_features)."""
        return np.asarray(X, dtype=float) * self.scale_ + self.min_

    def fit_transform(self, X, y=None):
        """fit(X), then transform(X)."""
        return self.fit(X).transform(X)

    def inverse_transform(self, X):
        """Undo transform: (X - min_) / scale_ (subtract first, then divide)."""
        return (np.asarray(X, dtype=float) - self.min_) / self.scale_
