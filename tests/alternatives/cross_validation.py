"""A second correct cross_validation, written differently from the reference: KFold cuts with
np.array_split and yields boolean-mask complements, StratifiedKFold computes each class's
fold counts in closed form from the class counts and fills a per-class loop, LeaveOneOut
builds its own masks, and cross_val_score is a list comprehension over folds."""

import copy

import numpy as np


def _seeded(random_state):
    return np.random.default_rng(random_state)


class KFold:
    def __init__(self, n_splits=5, *, shuffle=False, random_state=None):
        self.n_splits, self.shuffle, self.random_state = n_splits, shuffle, random_state

    def get_n_splits(self, X=None, y=None, groups=None):
        return int(self.n_splits)

    def _test_blocks(self, X, y):
        indices = np.arange(len(X))
        if self.shuffle:
            indices = _seeded(self.random_state).permutation(indices)
        return np.array_split(indices, self.n_splits)   # array_split gives the first n % k pieces one more

    def split(self, X, y=None, groups=None):
        n = len(X)
        if self.n_splits > n or self.n_splits < 2:
            raise ValueError("cannot have more folds than samples")
        for test in self._test_blocks(X, y):
            in_test = np.zeros(n, dtype=bool)
            in_test[test] = True
            yield np.arange(n)[~in_test], np.arange(n)[in_test]


class StratifiedKFold(KFold):
    def _test_blocks(self, X, y):
        y = np.asarray(y)
        k = self.n_splits
        labels, first, counts = np.unique(y, return_index=True, return_counts=True)
        appearance = np.argsort(first)
        labels, counts = labels[appearance], counts[appearance]
        ends = np.cumsum(counts)
        starts = ends - counts
        f = np.arange(k)[:, None]
        # positions p in [start, end) of the class-sorted samples with p % k == f, counted in closed form
        per_fold = (ends[None, :] - f + k - 1) // k - (starts[None, :] - f + k - 1) // k
        rng = _seeded(self.random_state) if self.shuffle else None
        fold_of = np.empty(len(y), dtype=int)
        for c, label in enumerate(labels):
            members = np.flatnonzero(y == label)
            if rng is not None:
                members = rng.permutation(members)
            fold_of[members] = np.repeat(np.arange(k), per_fold[:, c])
        return [np.flatnonzero(fold_of == i) for i in range(k)]


class LeaveOneOut:
    def get_n_splits(self, X, y=None, groups=None):
        return len(X)

    def split(self, X, y=None, groups=None):
        n = len(X)
        if n < 2:
            raise ValueError("need two samples")
        eye = np.eye(n, dtype=bool)
        for i in range(n):
            yield np.flatnonzero(~eye[i]), np.flatnonzero(eye[i])


def cross_val_score(estimator, X, y=None, cv=5):
    X = np.asarray(X)
    if isinstance(cv, (int, np.integer)):
        cv = KFold(n_splits=int(cv))
    pick = (lambda idx: None) if y is None else (lambda idx: np.asarray(y)[idx])
    return np.array([copy.deepcopy(estimator).fit(X[tr], pick(tr)).score(X[te], pick(te)) for tr, te in cv.split(X, y)], dtype=float)
