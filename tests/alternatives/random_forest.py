"""A second correct random forest, written differently from the reference: legacy RandomState,
trees fitted on the resampled rows X[rows] with the original labels (so a tree may miss a
class and its predict_proba columns are mapped back through tree.classes_), and the OOB sums
accumulated tree by tree instead of one einsum. Full marks expected."""

import numpy as np
from sklearn.tree import DecisionTreeClassifier


class RandomForestClassifier:
    def __init__(self, n_estimators=100, max_features="sqrt", bootstrap=True, oob_score=False, random_state=None, max_depth=None):
        self.n_estimators = n_estimators
        self.max_features = max_features
        self.bootstrap = bootstrap
        self.oob_score = oob_score
        self.random_state = random_state
        self.max_depth = max_depth

    def _columns(self, tree, data):
        full = np.zeros((data.shape[0], self.n_classes_))
        full[:, np.searchsorted(self.classes_, tree.classes_)] = tree.predict_proba(data)
        return full

    def fit(self, X, y):

        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        self.n_classes_ = int(self.classes_.shape[0])
        n_samples = X.shape[0]
        state = np.random.RandomState(self.random_state)
        seeds = state.randint(np.iinfo(np.int32).max, size=self.n_estimators)
        self.estimators_ = []
        self.estimators_samples_ = []
        for seed in seeds:
            if self.bootstrap:
                rows = state.randint(0, n_samples, n_samples)
            else:
                rows = np.arange(n_samples)
            tree = DecisionTreeClassifier(max_depth=self.max_depth, max_features=self.max_features, random_state=seed)
            tree.fit(X[rows], y[rows])
            self.estimators_.append(tree)
            self.estimators_samples_.append(rows)
        if self.oob_score:
            total = np.zeros((n_samples, self.n_classes_))
            seen = np.zeros(n_samples)
            for tree, rows in zip(self.estimators_, self.estimators_samples_):
                out = np.setdiff1d(np.arange(n_samples), rows)
                if out.size == 0:
                    continue
                total[out] += self._columns(tree, X[out])
                seen[out] += 1
            seen[seen == 0] = 1
            self.oob_decision_function_ = total / seen[:, None]
            hits = self.classes_[self.oob_decision_function_.argmax(axis=1)] == y
            self.oob_score_ = hits.sum() / n_samples
        return self

    def predict_proba(self, X):
        X = np.asarray(X, dtype=float)
        total = sum(self._columns(tree, X) for tree in self.estimators_)
        return total / len(self.estimators_)

    def predict(self, X):
        return self.classes_.take(np.argmax(self.predict_proba(X), axis=1))
