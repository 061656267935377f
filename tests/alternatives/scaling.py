"""A second correct scaling, written differently from the reference: statistics from sums,
no-op options folded into an offset of 0 and a divisor of 1, MinMaxScaler transforming in the
(x - min) / range * (hi - lo) + lo form and inverting it step by step, constant columns
handled with np.divide(where=...). It must get full marks."""

import numpy as np


class StandardScaler:
    def __init__(self, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X, y=None):
        data = np.array(X, dtype=float)
        n = data.shape[0]
        mean = data.sum(axis=0) / n
        var = ((data - mean) ** 2).sum(axis=0) / n
        self.mean_ = mean if (self.with_mean or self.with_std) else None
        self.var_ = var if self.with_std else None
        if self.with_std:
            std = np.sqrt(var)
            std[std == 0.0] = 1.0
            self.scale_ = std
        else:
            self.scale_ = None
        return self

    def _offset_divisor(self, n_features):
        offset = self.mean_ if self.with_mean else np.zeros(n_features)
        divisor = self.scale_ if self.with_std else np.ones(n_features)
        return offset, divisor

    def transform(self, X):
        data = np.asarray(X, dtype=float)
        offset, divisor = self._offset_divisor(data.shape[1])
        return (data - offset) / divisor

    def fit_transform(self, X, y=None):
        self.fit(X, y)
        return self.transform(X)

    def inverse_transform(self, X):
        data = np.asarray(X, dtype=float)
        offset, divisor = self._offset_divisor(data.shape[1])
        return data * divisor + offset


class MinMaxScaler:
    def __init__(self, feature_range=(0, 1)):
        self.feature_range = feature_range

    def fit(self, X, y=None):
        data = np.asarray(X, dtype=float)
        lo, hi = map(float, self.feature_range)
        self.data_min_ = np.min(data, axis=0)
        self.data_max_ = np.max(data, axis=0)
        self.data_range_ = self.data_max_ - self.data_min_
        safe = np.ones_like(self.data_range_)
        np.divide(1.0, self.data_range_, out=safe, where=self.data_range_ != 0)
        self.scale_ = (hi - lo) * safe
        self.min_ = lo - self.data_min_ * self.scale_
        return self

    def transform(self, X):
        lo, hi = map(float, self.feature_range)
        span = np.where(self.data_range_ == 0, 1.0, self.data_range_)
        return (np.asarray(X, dtype=float) - self.data_min_) / span * (hi - lo) + lo

    def fit_transform(self, X, y=None):
        return self.fit(X).transform(X)

    def inverse_transform(self, X):
        lo, hi = map(float, self.feature_range)
        span = np.where(self.data_range_ == 0, 1.0, self.data_range_)
        return (np.asarray(X, dtype=float) - lo) / (hi - lo) * span + self.data_min_
