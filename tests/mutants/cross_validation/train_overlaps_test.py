"""Mutant: the training set is cut around the test fold with an off-by-one, so one test index is also in train.

Expect: test indices included in train

K-fold, stratified k-fold and leave-one-out splitters, and cross_val_score (reference solution).

Every splitter assigns each sample a fold number; fold i's test set is {j : fold[j] == i} and
its training set everything else, so the test folds partition the samples by construction.

KFold:            fold sizes n // k, the first n % k folds one larger, consecutive samples.
StratifiedKFold:  deal the samples, sorted by class, round robin into the k folds: that fixes how
                  many samples of each class each fold gets (within one of n_c / k, and fold
                  sizes within one of n / k); each class then fills fold 0 first, then fold 1, ...
cross_val_score:  score_i = copy_i.fit(X[train_i], y[train_i]).score(X[test_i], y[test_i]),
                  with copy_i a fresh deep copy of the unfitted estimator.
"""

import copy
import numbers

import numpy as np


class KFold:
    """K-fold cross-validator: k consecutive folds (shuffled first if ``shuffle``).

    Parameters
    ----------
    n_splits : int, default=5
        Number of folds, at least 2.
    shuffle : bool, default=False
        Shuffle the samples before cutting them into folds.
    random_state : int or None, default=None
        Seed of ``np.random.default_rng`` when ``shuffle`` is True.
    """

    def __init__(self, n_splits=5, *, shuffle=False, random_state=None):
        self.n_splits = n_splits
        self.shuffle = shuffle
        self.random_state = random_state

    def get_n_splits(self, X=None, y=None, groups=None):
        """Number of folds, ``n_splits``."""
        return self.n_splits

    def _test_folds(self, X, y):
        """Fold number of every sample, shape (n_samples,)."""
        n, k = len(X), self.n_splits
        order = np.random.default_rng(self.random_state).permutation(n) if self.shuffle else np.arange(n)
        sizes = np.full(k, n // k)
        sizes[: n % k] += 1                                   # the first n % k folds get one extra sample
        folds = np.empty(n, dtype=int)
        folds[order] = np.repeat(np.arange(k), sizes)         # order[j] goes to the fold covering position j
        return folds

    def split(self, X, y=None, groups=None):
        """Generate (train_index, test_index) for each fold.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
        y : array-like of shape (n_samples,), default=None
            Ignored by KFold; class labels for StratifiedKFold.
        groups : ignored

        Yields
        ------
        train_index : ndarray of shape (n_samples - n_test,), dtype int
        test_index : ndarray of shape (n_test,), dtype int
        """
        if not 2 <= self.n_splits <= len(X):
            raise ValueError(f"n_splits={self.n_splits} must be between 2 and n_samples={len(X)}")
        folds = self._test_folds(X, y)
        for i in range(self.n_splits):
            test = np.flatnonzero(folds == i)
            yield np.r_[np.flatnonzero(folds < i), test[-1:], np.flatnonzero(folds > i)], test


class StratifiedKFold(KFold):
    """K-fold cross-validator whose folds keep each class's proportion.

    Parameters
    ----------
    n_splits : int, default=5
    shuffle : bool, default=False
        Shuffle each class's samples before assigning them to folds.
    random_state : int or None, default=None
    """

    def _test_folds(self, X, y):
        y = np.asarray(y)
        n, k = len(y), self.n_splits
        _, first, inverse = np.unique(y, return_index=True, return_inverse=True)
        codes = np.argsort(np.argsort(first))[inverse.ravel()]  # classes numbered by first appearance
        n_classes = len(first)
        # allocation[f, c]: samples of class c among positions f, f + k, f + 2k, ... of the class-sorted y
        allocation = np.bincount(np.arange(n) % k * n_classes + np.sort(codes), minlength=k * n_classes).reshape(k, n_classes)
        folds_by_class = np.repeat(np.tile(np.arange(k), n_classes), allocation.T.ravel())  # class 0's folds, then class 1's...
        if self.shuffle:
            order = np.lexsort((np.random.default_rng(self.random_state).random(n), codes))  # each class in random order
        else:
            order = np.argsort(codes, kind="stable")          # each class in order of appearance
        folds = np.empty(n, dtype=int)
        folds[order] = folds_by_class
        return folds


class LeaveOneOut:
    """Leave-one-out cross-validator: each sample is the test set once."""

    def get_n_splits(self, X, y=None, groups=None):
        """Number of splits, ``n_samples``."""
        return len(X)

    def split(self, X, y=None, groups=None):
        """Generate (train_index, test_index): test_index is [i] for i = 0, ..., n_samples - 1."""
        if len(X) < 2:
            raise ValueError("LeaveOneOut needs at least 2 samples")
        yield from KFold(n_splits=len(X)).split(X)            # leave-one-out is n-fold


def cross_val_score(estimator, X, y=None, cv=5):
    """Score of a fresh copy of ``estimator`` on each fold.

    Parameters
    ----------
    estimator : object with fit(X, y) and score(X, y)
        Not modified: each fold fits ``copy.deepcopy(estimator)``.
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,) or None, default=None
    cv : int or splitter, default=5
        An int k means ``KFold(n_splits=k)``; otherwise an object with ``split(X, y)``.

    Returns
    -------
    scores : ndarray of shape (n_splits,)
        ``scores[i]`` is the score on the i-th test fold, in the order ``cv.split`` yields them.
    """
    X = np.asarray(X)
    y = None if y is None else np.asarray(y)
    splitter = KFold(n_splits=cv) if isinstance(cv, numbers.Integral) else cv
    scores = []
    for train, test in splitter.split(X, y):
        model = copy.deepcopy(estimator)                      # fresh and unfitted: nothing leaks between folds
        model.fit(X[train], None if y is None else y[train])
        scores.append(model.score(X[test], None if y is None else y[test]))
    return np.asarray(scores, dtype=float)
