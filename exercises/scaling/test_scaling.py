"""Visible tests for scaling: run them with `pytest exercises/scaling` or `make check exercise=scaling`."""

import numpy as np

from scaling import MinMaxScaler, StandardScaler

X_TRAIN = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [6.0, 60.0]])


def test_standard_scaler_statistics():
    scaler = StandardScaler()
    assert scaler.fit(X_TRAIN) is scaler, "fit must return self"
    np.testing.assert_allclose(scaler.mean_, [3.0, 30.0])
    np.testing.assert_allclose(scaler.var_, [3.5, 350.0])          # ddof=0: mean of squared deviations
    np.testing.assert_allclose(scaler.scale_, np.sqrt([3.5, 350.0]))


def test_standard_scaler_transform():
    Z = StandardScaler().fit_transform(X_TRAIN)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0)


def test_transform_uses_the_training_statistics():
    scaler = StandardScaler().fit(X_TRAIN)
    X_new = np.array([[3.0, 30.0]])                                 # one row: the training mean
    np.testing.assert_allclose(scaler.transform(X_new), [[0.0, 0.0]], atol=1e-12)


def test_constant_column():
    X = np.column_stack([X_TRAIN[:, 0], np.full(4, 7.0)])
    scaler = StandardScaler().fit(X)
    np.testing.assert_allclose(scaler.scale_, [np.sqrt(3.5), 1.0])
    assert np.all(np.isfinite(scaler.transform(X)))
    np.testing.assert_allclose(MinMaxScaler().fit_transform(X)[:, 1], 0.0)


def test_minmax_scaler():
    scaler = MinMaxScaler(feature_range=(-1, 1)).fit(X_TRAIN)
    np.testing.assert_allclose(scaler.data_min_, [1.0, 10.0])
    np.testing.assert_allclose(scaler.data_max_, [6.0, 60.0])
    np.testing.assert_allclose(scaler.transform(X_TRAIN)[:, 0], [-1.0, -0.6, -0.2, 1.0])
    np.testing.assert_allclose(scaler.transform(np.array([[11.0, 110.0]])), [[3.0, 3.0]])  # beyond the training range: no clipping


def test_inverse_transform_round_trip():
    X_new = np.array([[0.5, -4.0], [9.0, 100.0]])
    for scaler in (StandardScaler().fit(X_TRAIN), MinMaxScaler(feature_range=(2, 5)).fit(X_TRAIN)):
        np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(X_new)), X_new)
