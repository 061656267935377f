"""A second correct gradient boosting, written differently from the reference: estimators_ is an
(n_estimators, 1) object array as in scikit-learn, the trees share one RandomState, X is cast to
float32 up front, the residuals are recomputed from the sum of all previous trees' training
predictions, and predict is the last item of staged_predict. Full marks expected."""

import numpy as np
from sklearn.tree import DecisionTreeRegressor


class GradientBoostingRegressor:
    def __init__(self, n_estimators=100, learning_rate=0.1, max_depth=3, random_state=None):
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.random_state = random_state

    def fit(self, X, y):

        X = np.asarray(X, dtype=np.float32)
        target = np.asarray(y, dtype=np.float64)
        state = np.random.RandomState(self.random_state)
        self.init_prediction_ = target.sum() / target.size
        self.estimators_ = np.empty((self.n_estimators, 1), dtype=object)
        outputs = np.zeros((self.n_estimators, target.size))
        scores = []
        for m in range(self.n_estimators):
            current = self.init_prediction_ + self.learning_rate * outputs[:m].sum(axis=0)
            tree = DecisionTreeRegressor(max_depth=self.max_depth, random_state=state)
            tree.fit(X, target - current)
            outputs[m] = tree.predict(X)
            self.estimators_[m, 0] = tree
            scores.append(np.mean(np.square(target - current - self.learning_rate * outputs[m])))
        self.train_score_ = np.array(scores)
        return self

    def staged_predict(self, X):
        X = np.asarray(X, dtype=np.float32)
        contributions = np.array([tree.predict(X) for tree in self.estimators_[:, 0]])
        running = self.init_prediction_ + self.learning_rate * np.cumsum(contributions, axis=0)
        yield from running

    def predict(self, X):
        *_, last = self.staged_predict(X)
        return last
