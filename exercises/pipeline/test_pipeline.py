"""Visible tests for pipeline: run them with `pytest exercises/pipeline` or `make check exercise=pipeline`."""

import numpy as np

from pipeline import Pipeline, SimpleImputer, StandardScaler

NAN = np.nan
X_TRAIN = np.array([[1.0, 10.0], [NAN, 20.0], [3.0, NAN], [4.0, 50.0]])
Y_TRAIN = np.array([1.0, 2.0, 3.0, 4.0])


class MeanOfFirstColumn:
    """A tiny final estimator: remembers what it was fitted on and what it was asked to predict."""

    def fit(self, X, y=None):
        self.fit_X_ = np.array(X)
        return self

    def predict(self, X):
        self.predict_X_ = np.array(X)
        return self.predict_X_[:, 0]


def test_imputer_fills_with_training_means():
    imputer = SimpleImputer()
    assert imputer.fit(X_TRAIN) is imputer, "fit must return self"
    np.testing.assert_allclose(imputer.statistics_, [8 / 3, 80 / 3])
    np.testing.assert_allclose(imputer.transform(np.array([[NAN, NAN], [0.0, 1.0]])), [[8 / 3, 80 / 3], [0.0, 1.0]])


def test_imputer_median_and_placeholder():
    X = np.array([[1.0, -1.0], [-1.0, 4.0], [7.0, 2.0], [9.0, 6.0]])
    imputer = SimpleImputer(missing_values=-1.0, strategy="median").fit(X)
    np.testing.assert_allclose(imputer.statistics_, [7.0, 4.0])


def test_imputer_leaves_its_input_unchanged():
    X = X_TRAIN.copy()
    SimpleImputer().fit_transform(X)
    np.testing.assert_array_equal(X, X_TRAIN)  # NaNs included


def test_scaler():
    Z = StandardScaler().fit_transform(np.array([[1.0, 5.0], [3.0, 5.0]]))
    np.testing.assert_allclose(Z, [[-1.0, 0.0], [1.0, 0.0]])  # constant column: scale 1, no nan


def test_pipeline_fit_and_named_steps():
    imputer, model = SimpleImputer(), MeanOfFirstColumn()
    pipe = Pipeline([("impute", imputer), ("scale", StandardScaler()), ("model", model)])
    assert pipe.fit(X_TRAIN, Y_TRAIN) is pipe, "fit must return self"
    assert pipe.named_steps["impute"] is imputer and pipe.named_steps["model"] is model
    assert not np.isnan(model.fit_X_).any(), "the model must be fitted on imputed data"
    np.testing.assert_allclose(model.fit_X_.mean(axis=0), 0.0, atol=1e-12)  # and scaled


def test_pipeline_predict_uses_training_statistics():
    model = MeanOfFirstColumn()
    pipe = Pipeline([("impute", SimpleImputer()), ("scale", StandardScaler()), ("model", model)]).fit(X_TRAIN, Y_TRAIN)
    X_new = np.array([[NAN, 100.0]])  # a single row: its own mean would be meaningless
    first = pipe.predict(X_new)
    # the NaN becomes the training mean 8/3, which the scaler (fitted on the imputed training data) maps to 0
    np.testing.assert_allclose(first, [0.0], atol=1e-12)
