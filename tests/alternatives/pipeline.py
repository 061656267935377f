"""A second correct pipeline, written differently from the reference: the imputer works with
numpy masked arrays, the scaler computes its statistics by hand, and the Pipeline fits each
step with fit() then transform() (not fit_transform) and chains predict with
functools.reduce. It must get full marks."""

import functools
import math

import numpy as np


class SimpleImputer:
    def __init__(self, missing_values=np.nan, strategy="mean"):
        self.missing_values = missing_values
        self.strategy = strategy

    def _mask(self, X):
        if isinstance(self.missing_values, float) and math.isnan(self.missing_values):
            return np.isnan(X)
        return np.equal(X, self.missing_values)

    def fit(self, X, y=None):
        data = np.array(X, dtype=float)
        masked = np.ma.masked_array(data, mask=self._mask(data))
        reducer = {"mean": np.ma.mean, "median": np.ma.median}[self.strategy]
        self.statistics_ = np.ma.getdata(reducer(masked, axis=0)).astype(float)
        return self

    def transform(self, X):
        filled = np.array(X, dtype=float)          # a copy
        rows, cols = np.nonzero(self._mask(filled))
        filled[rows, cols] = self.statistics_[cols]
        return filled

    def fit_transform(self, X, y=None):
        return self.fit(X, y).transform(X)


class StandardScaler:
    def fit(self, X, y=None):
        data = np.asarray(X, dtype=float)
        n = len(data)
        self.mean_ = data.sum(axis=0) / n
        std = np.sqrt(((data - self.mean_) ** 2).sum(axis=0) / n)
        self.scale_ = np.where(std > 0, std, 1.0)
        return self

    def transform(self, X):
        return np.subtract(X, self.mean_) / self.scale_

    def fit_transform(self, X, y=None):
        return self.fit(X, y).transform(X)


class Pipeline:
    def __init__(self, steps):
        self.steps = steps

    @property
    def named_steps(self):
        return {name: estimator for name, estimator in self.steps}

    def _fit_transforms(self, X, y):
        for _, transformer in self.steps[:-1]:
            transformer.fit(X, y)
            X = transformer.transform(X)
        return X

    def _apply(self, X, steps):
        return functools.reduce(lambda data, step: step[1].transform(data), steps, X)

    def fit(self, X, y=None):
        Xt = self._fit_transforms(X, y)
        self.steps[-1][1].fit(Xt, y)
        return self

    def predict(self, X):
        *transforms, (_, final) = self.steps
        return final.predict(self._apply(X, transforms))

    def transform(self, X):
        return self._apply(X, self.steps)

    def fit_transform(self, X, y=None):
        Xt = self._fit_transforms(X, y)
        last = self.steps[-1][1]
        last.fit(Xt, y)
        return last.transform(Xt)
