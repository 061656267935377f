"""A leak-free data pipeline: SimpleImputer -> StandardScaler -> model, chained by Pipeline.

Implement the methods marked TODO; exercises/pipeline/README.md has the semantics and the
rules (numpy only). Check your work with `make check exercise=pipeline`.
"""

import numpy as np


class SimpleImputer:
    """Replace missing values by a per-column statistic learned in fit.

    Parameters
    ----------
    missing_values : float, default=np.nan
        The placeholder for a missing value (NaN, or a number such as -1).
    strategy : {"mean", "median"}, default="mean"

    Attributes
    ----------
    statistics_ : ndarray of shape (n_features,)
        The fill value of each column: the mean (or median) of its observed values.
    """

    def __init__(self, missing_values=np.nan, strategy="mean"):
        self.missing_values = missing_values
        self.strategy = strategy

    def fit(self, X, y=None):
        """Learn the fill value of each column.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
            Every column has at least one observed value.
        y : ignored

        Returns
        -------
        self : SimpleImputer
        """
        # TODO: set self.statistics_
        raise NotImplementedError("SimpleImputer.fit")

    def transform(self, X):
        """Fill the missing entries of each column with its statistic from fit.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        X_filled : ndarray of shape (n_samples, n_features)
            A new array; X itself is left unchanged.
        """
        raise NotImplementedError("SimpleImputer.transform")

    def fit_transform(self, X, y=None):
        """fit(X), then transform(X).

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ignored

        Returns
        -------
        X_filled : ndarray of shape (n_samples, n_features)
        """
        raise NotImplementedError("SimpleImputer.fit_transform")


class StandardScaler:
    """Standardise features: z = (x - mean_) / scale_.

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,)
        Column means of the training data.
    scale_ : ndarray of shape (n_features,)
        Column standard deviations (ddof=0), 1.0 for constant columns.
    """

    def fit(self, X, y=None):
        """Learn mean_ and scale_.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ignored

        Returns
        -------
        self : StandardScaler
        """
        # TODO: set self.mean_ and self.scale_
        raise NotImplementedError("StandardScaler.fit")

    def transform(self, X):
        """Standardise X with the statistics of fit.

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


class Pipeline:
    """Chain transforms and a final estimator, fitted on training data only.

    Parameters
    ----------
    steps : list of (str, estimator)
        Every step but the last has ``fit``, ``transform`` and ``fit_transform``; the last
        has ``fit`` and ``predict`` (or ``transform`` and ``fit_transform``).

    Attributes
    ----------
    named_steps : dict
        The step objects by name: the very objects given in ``steps``.
    """

    def __init__(self, steps):
        self.steps = steps

    @property
    def named_steps(self):
        """dict mapping each step's name to its estimator."""
        raise NotImplementedError("Pipeline.named_steps")

    def fit(self, X, y=None):
        """Fit each transform on the previous one's output, then the final estimator.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
            Training data.
        y : ndarray of shape (n_samples,), optional
            Passed to every step's fit.

        Returns
        -------
        self : Pipeline
        """
        raise NotImplementedError("Pipeline.fit")

    def predict(self, X):
        """Transform X with the fitted transforms, then call the final estimator's predict.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        raise NotImplementedError("Pipeline.predict")

    def transform(self, X):
        """Apply every step's transform, in order (the last step must be a transformer).

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        X_transformed : ndarray of shape (n_samples, n_features_out)
        """
        raise NotImplementedError("Pipeline.transform")

    def fit_transform(self, X, y=None):
        """Fit every step in turn and return the last step's output on X.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,), optional

        Returns
        -------
        X_transformed : ndarray of shape (n_samples, n_features_out)
        """
        raise NotImplementedError("Pipeline.fit_transform")
