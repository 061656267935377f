"""Mutant: correct splits, but the candidate cuts are scanned in a Python loop (one impurity computation per cut).

Expect: not vectorised
"""

import numpy as np


def _impurity(p, criterion):
    """Impurity of class proportions p, shape (..., n_classes) -> (...)."""
    if criterion == "gini":
        return 1.0 - np.sum(p**2, axis=-1)                                   # 1 - Σ p_k²
    return -np.sum(p * np.log2(np.where(p > 0, p, 1.0)), axis=-1)           # -Σ p_k log2 p_k, 0 log 0 = 0


class DecisionTreeClassifier:
    """A CART classification tree grown greedily, depth first.

    Parameters
    ----------
    criterion : {"gini", "entropy"}, default="gini"
    max_depth : int or None, default=None
        The root has depth 0; None grows until the leaves are pure or cannot be split.
    min_samples_split : int, default=2
        A node with fewer samples is a leaf.
    min_samples_leaf : int, default=1
        Every leaf keeps at least this many training samples.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels.
    n_classes_ : int
    """

    def __init__(self, criterion="gini", max_depth=None, min_samples_split=2, min_samples_leaf=1):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf

    def fit(self, X, y):
        """Grow the tree on X of shape (n_samples, n_features) and labels y of shape (n_samples,)."""
        X = np.asarray(X, dtype=float)
        self.classes_, codes = np.unique(np.asarray(y), return_inverse=True)
        self.n_classes_ = len(self.classes_)
        Y = np.eye(self.n_classes_)[codes]                  # one-hot labels, (n_samples, n_classes)
        # the nodes, in depth-first order (node 0 is the root); left = right = -1 at a leaf
        self._feature, self._threshold, self._left, self._right, self._proba = [], [], [], [], []
        self._depth = 0
        self._grow(X, Y, np.arange(len(X)), 0)
        self._feature, self._threshold, self._left, self._right, self._proba = map(
            np.array, (self._feature, self._threshold, self._left, self._right, self._proba))
        return self

    def _grow(self, X, Y, rows, depth):
        node = len(self._proba)
        counts = Y[rows].sum(axis=0)
        self._proba.append(counts / len(rows))              # leaf prediction: class proportions
        self._feature.append(-1), self._threshold.append(0.0), self._left.append(-1), self._right.append(-1)
        self._depth = max(self._depth, depth)
        deep = self.max_depth is not None and depth >= self.max_depth
        if deep or len(rows) < self.min_samples_split or np.count_nonzero(counts) == 1:
            return node
        split = self._best_split(X[rows], Y[rows])
        if split is None:                                    # no cut leaves min_samples_leaf each side
            return node
        feature, threshold = split
        goes_left = X[rows, feature] <= threshold
        self._feature[node], self._threshold[node] = feature, threshold
        self._left[node] = self._grow(X, Y, rows[goes_left], depth + 1)
        self._right[node] = self._grow(X, Y, rows[~goes_left], depth + 1)
        return node

    def _best_split(self, X, Y):
        n = len(X)
        best, split = np.inf, None
        for feature in range(X.shape[1]):
            order = np.argsort(X[:, feature])
            xs, ys = X[order, feature], Y[order]
            for i in range(self.min_samples_leaf - 1, n - self.min_samples_leaf):   # every candidate cut, one at a time
                if xs[i + 1] <= xs[i]:
                    continue
                left, right = ys[: i + 1].sum(axis=0), ys[i + 1:].sum(axis=0)
                cost = (i + 1) * _impurity(left / (i + 1), self.criterion) + (n - i - 1) * _impurity(right / (n - i - 1), self.criterion)
                if cost < best:
                    best, split = cost, (feature, (xs[i] + xs[i + 1]) / 2)
        return split

    def apply(self, X):
        """Index of the leaf each sample of X (n_samples, n_features) lands in, shape (n_samples,)."""
        X = np.asarray(X, dtype=float)
        node = np.zeros(len(X), dtype=int)
        inner = self._left[node] >= 0
        while inner.any():                                   # one pass per tree level, all samples at once
            rows, at = np.flatnonzero(inner), node[inner]
            goes_left = X[rows, self._feature[at]] <= self._threshold[at]
            node[rows] = np.where(goes_left, self._left[at], self._right[at])
            inner = self._left[node] >= 0
        return node

    def predict_proba(self, X):
        """Class proportions of the leaf of each sample, shape (n_samples, n_classes), columns in classes_ order."""
        return self._proba[self.apply(X)]

    def predict(self, X):
        """The most frequent class in each sample's leaf, shape (n_samples,)."""
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def get_depth(self):
        """The depth of the deepest leaf (a lone root has depth 0)."""
        return self._depth
