"""Mutant: applies the transforms last to first at predict time.

Expect: wrong order

A data pipeline: SimpleImputer -> StandardScaler -> model, chained by Pipeline (the reference solution with one mistake).

SimpleImputer:   statistics_[j] = mean (or median) of the observed values of column j; transform
                 fills the missing entries of column j with statistics_[j].
StandardScaler:  z = (x - mean_) / scale_, scale_ = std (ddof=0), 1.0 for constant columns.
Pipeline:        fit:     X_0 = X,  X_i = step_i.fit_transform(X_{i-1}, y) for every transform,
                          then final.fit(X_last, y)             (statistics come from training data only)
                 predict: X_i = step_i.transform(X_{i-1}), then final.predict(X_last)   (nothing is re-fitted)
"""

import numpy as np


class SimpleImputer:
    """Replace missing values by a per-column statistic learned in fit.

    Parameters
    ----------
    missing_values : float, default=np.nan
        The placeholder for a missing value (NaN, or any number such as -1).
    strategy : {"mean", "median"}, default="mean"

    Attributes
    ----------
    statistics_ : ndarray of shape (n_features,)
        The fill value of each column: the mean (or median) of its observed values.
    """

    def __init__(self, missing_values=np.nan, strategy="mean"):
        self.missing_values = missing_values
        self.strategy = strategy

    def _missing(self, X):
        if self.missing_values != self.missing_values:     # NaN is the only value not equal to itself
            return np.isnan(X)
        return X == self.missing_values

    def fit(self, X, y=None):
        """Learn statistics_ from X of shape (n_samples, n_features); return self."""
        X = np.asarray(X, dtype=float)
        observed = np.where(self._missing(X), np.nan, X)   # missing -> nan, so nanmean / nanmedian skip them
        if self.strategy == "mean":
            self.statistics_ = np.nanmean(observed, axis=0)
        elif self.strategy == "median":
            self.statistics_ = np.nanmedian(observed, axis=0)
        else:
            raise ValueError(f"strategy must be 'mean' or 'median', got {self.strategy!r}")
        return self

    def transform(self, X):
        """X with each missing entry of column j replaced by statistics_[j] (a new array)."""
        X = np.asarray(X, dtype=float)
        return np.where(self._missing(X), self.statistics_, X)   # broadcasting fills column by column

    def fit_transform(self, X, y=None):
        """fit(X), then transform(X)."""
        return self.fit(X).transform(X)


class StandardScaler:
    """Standardise features: z = (x - mean_) / scale_.

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,)
    scale_ : ndarray of shape (n_features,)
        The standard deviation (ddof=0), 1.0 for constant columns.
    """

    def fit(self, X, y=None):
        """Learn mean_ and scale_ from X of shape (n_samples, n_features); return self."""
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0)
        std = X.std(axis=0)
        self.scale_ = np.where(std == 0, 1.0, std)
        return self

    def transform(self, X):
        """(X - mean_) / scale_ with the statistics of fit."""
        return (np.asarray(X, dtype=float) - self.mean_) / self.scale_

    def fit_transform(self, X, y=None):
        """fit(X), then transform(X)."""
        return self.fit(X).transform(X)


class Pipeline:
    """Chain transforms and a final estimator, fitted on training data only.

    Parameters
    ----------
    steps : list of (str, estimator)
        Every step but the last has fit, transform and fit_transform; the last has fit
        (and predict, or transform).

    Attributes
    ----------
    named_steps : dict
        The step objects by name (the very objects given in ``steps``).
    """

    def __init__(self, steps):
        self.steps = steps

    @property
    def named_steps(self):
        return dict(self.steps)

    def _transform(self, X, steps):
        for _, step in reversed(steps):
            X = step.transform(X)            # the statistics of fit, never re-fitted on X
        return X

    def fit(self, X, y=None):
        """Fit each transform on the previous one's output, then the final estimator; return self."""
        for _, step in self.steps[:-1]:
            X = step.fit_transform(X, y)     # X_i = step_i.fit_transform(X_{i-1})
        self.steps[-1][1].fit(X, y)
        return self

    def predict(self, X):
        """Transform X with the fitted transforms, then the final estimator's predict."""
        return self.steps[-1][1].predict(self._transform(X, self.steps[:-1]))

    def transform(self, X):
        """Apply every step's transform (the last step must be a transformer)."""
        return self._transform(X, self.steps)

    def fit_transform(self, X, y=None):
        """fit(X, y), then transform(X), with the last step fitted by its fit_transform."""
        for _, step in self.steps[:-1]:
            X = step.fit_transform(X, y)
        return self.steps[-1][1].fit_transform(X, y)
