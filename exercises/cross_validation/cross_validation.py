"""K-fold, stratified k-fold and leave-one-out cross-validation, and cross_val_score.

Implement the methods marked TODO; exercises/cross_validation/README.md has the rules
(numpy, plus copy from the standard library). Check your work with
`make check exercise=cross_validation`.
"""

import copy  # noqa: F401 - cross_val_score fits copy.deepcopy(estimator) on each fold

import numpy as np


class KFold:
    """K-fold cross-validator: k folds of consecutive samples (shuffled first if ``shuffle``).

    Parameters
    ----------
    n_splits : int, default=5
        Number of folds, at least 2.
    shuffle : bool, default=False
        Shuffle the samples before cutting them into folds.
    random_state : int or None, default=None
        Seed of ``np.random.default_rng`` when ``shuffle`` is True: every call to ``split``
        with the same int gives the same folds.
    """

    def __init__(self, n_splits=5, *, shuffle=False, random_state=None):
        self.n_splits = n_splits
        self.shuffle = shuffle
        self.random_state = random_state

    def get_n_splits(self, X=None, y=None, groups=None):
        """Number of folds.

        Returns
        -------
        n_splits : int
        """
        raise NotImplementedError("KFold.get_n_splits")

    def split(self, X, y=None, groups=None):
        """Generate the indices of each fold's training and test sets.

        The first ``n_samples % n_splits`` test folds have ``n_samples // n_splits + 1``
        samples, the others ``n_samples // n_splits``. Raises ValueError when
        ``n_splits > n_samples``.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,), default=None
            Ignored.
        groups : ignored

        Yields
        ------
        train_index : ndarray of shape (n_samples - n_test,), dtype int
        test_index : ndarray of shape (n_test,), dtype int
        """
        raise NotImplementedError("KFold.split")


class StratifiedKFold:
    """K-fold cross-validator whose folds keep the proportion of each class.

    Parameters
    ----------
    n_splits : int, default=5
    shuffle : bool, default=False
        Shuffle the samples of each class before assigning them to folds.
    random_state : int or None, default=None
        Seed of ``np.random.default_rng`` when ``shuffle`` is True.
    """

    def __init__(self, n_splits=5, *, shuffle=False, random_state=None):
        self.n_splits = n_splits
        self.shuffle = shuffle
        self.random_state = random_state

    def get_n_splits(self, X=None, y=None, groups=None):
        """Number of folds.

        Returns
        -------
        n_splits : int
        """
        raise NotImplementedError("StratifiedKFold.get_n_splits")

    def split(self, X, y, groups=None):
        """Generate the indices of each fold's training and test sets.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)
            Class labels (ints or strings).
        groups : ignored

        Yields
        ------
        train_index : ndarray of shape (n_samples - n_test,), dtype int
        test_index : ndarray of shape (n_test,), dtype int
        """
        # TODO: see the README for how many samples of each class go to each fold
        raise NotImplementedError("StratifiedKFold.split")


class LeaveOneOut:
    """Leave-one-out cross-validator: each sample is the test set once."""

    def get_n_splits(self, X, y=None, groups=None):
        """Number of splits.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        n_splits : int
            ``n_samples``.
        """
        raise NotImplementedError("LeaveOneOut.get_n_splits")

    def split(self, X, y=None, groups=None):
        """Generate (train_index, test_index) with test_index = [i] for i = 0, ..., n_samples - 1.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y, groups : ignored

        Yields
        ------
        train_index : ndarray of shape (n_samples - 1,), dtype int
        test_index : ndarray of shape (1,), dtype int
        """
        raise NotImplementedError("LeaveOneOut.split")


def cross_val_score(estimator, X, y=None, cv=5):
    """Score of a fresh copy of ``estimator`` on each fold.

    Parameters
    ----------
    estimator : object with fit(X, y) and score(X, y)
        Left unfitted: each fold fits its own ``copy.deepcopy(estimator)``.
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,) or None, default=None
    cv : int or splitter, default=5
        An int k means ``KFold(n_splits=k)``; otherwise any object with a
        ``split(X, y)`` method yielding (train_index, test_index).

    Returns
    -------
    scores : ndarray of shape (n_splits,)
        ``scores[i]`` is the i-th fold's model's score on that fold's test set.
    """
    raise NotImplementedError("cross_val_score")
