"""Visible tests for cross_validation: run them with `pytest exercises/cross_validation` or `make check exercise=cross_validation`."""

import numpy as np

from cross_validation import KFold, LeaveOneOut, StratifiedKFold, cross_val_score


def test_kfold_gives_the_first_folds_the_extra_samples():
    X = np.zeros((11, 2))
    folds = [test.tolist() for _, test in KFold(n_splits=3).split(X)]
    assert folds == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10]], f"got {folds}: the first 11 % 3 = 2 folds get one extra sample"
    assert KFold(n_splits=3).get_n_splits() == 3


def test_train_is_everything_but_the_test_fold():
    X = np.zeros((10, 1))
    for train, test in KFold(n_splits=4, shuffle=True, random_state=0).split(X):
        assert len(np.intersect1d(train, test)) == 0, "a test index is also in train"
        np.testing.assert_array_equal(np.sort(np.concatenate([train, test])), np.arange(10))


def test_stratified_folds_keep_the_class_balance():
    y = np.array([0] * 12 + [1] * 6)
    X = np.zeros((18, 1))
    for _, test in StratifiedKFold(n_splits=3).split(X, y):
        assert np.sum(y[test] == 0) == 4 and np.sum(y[test] == 1) == 2, f"fold {test} is not stratified"


def test_leave_one_out():
    X = np.zeros((4, 1))
    assert LeaveOneOut().get_n_splits(X) == 4
    assert [test.tolist() for _, test in LeaveOneOut().split(X)] == [[0], [1], [2], [3]]


class MeanRegressor:
    """Predicts the training mean; score is minus the mean squared error."""

    def fit(self, X, y):
        self.mean_ = float(np.mean(y))
        return self

    def score(self, X, y):
        return -float(np.mean((y - self.mean_) ** 2))


def test_cross_val_score_fits_each_fold():
    X = np.zeros((6, 1))
    y = np.array([0.0, 0.0, 1.0, 1.0, 2.0, 2.0])
    estimator = MeanRegressor()
    scores = cross_val_score(estimator, X, y, cv=3)
    # fold 0 tests [0, 1] with a model fitted on [1, 1, 2, 2] (mean 1.5), and so on
    np.testing.assert_allclose(scores, [-2.25, -0.0, -2.25])
    assert not hasattr(estimator, "mean_"), "each fold fits a copy: the estimator passed in stays unfitted"
