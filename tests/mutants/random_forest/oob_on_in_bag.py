"""Mutant: averages, for each row, the trees that were fitted on it (in bag) instead of the out-of-bag ones.

Expect: optimistic
"""

import numpy as np
from sklearn.tree import DecisionTreeClassifier


class RandomForestClassifier:
    """A random forest: bagged CART trees with a random feature subset at each split.

    Parameters
    ----------
    n_estimators : int, default=100
    max_features : {"sqrt", "log2"}, int, float or None, default="sqrt"
        Features drawn at each split, passed to every tree.
    bootstrap : bool, default=True
        Draw a bootstrap sample per tree; False grows every tree on all rows.
    oob_score : bool, default=False
        Compute oob_score_ and oob_decision_function_.
    random_state : int or None, default=None
    max_depth : int or None, default=None

    Attributes
    ----------
    estimators_ : list of fitted sklearn.tree.DecisionTreeClassifier, length n_estimators
    estimators_samples_ : list of ndarray of shape (n_samples,)
        The row indices drawn for each tree (with repetitions).
    classes_ : ndarray of shape (n_classes,)
    n_classes_ : int
    oob_decision_function_ : ndarray of shape (n_samples, n_classes)
    oob_score_ : float
    """

    def __init__(self, n_estimators=100, max_features="sqrt", bootstrap=True, oob_score=False, random_state=None, max_depth=None):
        self.n_estimators = n_estimators
        self.max_features = max_features
        self.bootstrap = bootstrap
        self.oob_score = oob_score
        self.random_state = random_state
        self.max_depth = max_depth

    def fit(self, X, y):
        """Grow n_estimators trees on X of shape (n_samples, n_features) and labels y of shape (n_samples,)."""

        X = np.asarray(X, dtype=float)
        self.classes_, codes = np.unique(np.asarray(y), return_inverse=True)
        self.n_classes_ = len(self.classes_)
        n = len(X)
        rng = np.random.default_rng(self.random_state)
        self.estimators_, self.estimators_samples_ = [], []
        for _ in range(self.n_estimators):
            rows = rng.integers(0, n, size=n) if self.bootstrap else np.arange(n)   # n draws with replacement
            tree = DecisionTreeClassifier(max_features=self.max_features, max_depth=self.max_depth,
                                          random_state=int(rng.integers(2**31 - 1)))
            # weights = draw counts: the same tree as fitting X[rows], and every tree sees every class,
            # so all predict_proba have the same n_classes columns
            tree.fit(X, codes, sample_weight=np.bincount(rows, minlength=n))
            self.estimators_.append(tree)
            self.estimators_samples_.append(rows)
        if self.oob_score:
            in_bag = np.zeros((self.n_estimators, n), dtype=bool)
            in_bag[np.repeat(np.arange(self.n_estimators), n), np.concatenate(self.estimators_samples_)] = True
            probas = self._tree_probas(X)                                  # (n_trees, n_samples, n_classes)
            out = in_bag
            votes = np.einsum("tn,tnk->nk", out, probas)                   # Σ over out-of-bag trees only
            self.oob_decision_function_ = votes / np.maximum(out.sum(axis=0), 1)[:, None]
            self.oob_score_ = float(np.mean(np.argmax(self.oob_decision_function_, axis=1) == codes))
        return self

    def _tree_probas(self, X):
        return np.stack([tree.predict_proba(X) for tree in self.estimators_])

    def predict_proba(self, X):
        """The trees' class probabilities averaged, shape (n_samples, n_classes), columns in classes_ order."""
        return self._tree_probas(np.asarray(X, dtype=float)).mean(axis=0)   # (1/T) Σ_t P_t

    def predict(self, X):
        """classes_[argmax of predict_proba], shape (n_samples,)."""
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
