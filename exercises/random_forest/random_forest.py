"""A random forest classifier built on scikit-learn's decision trees.

Implement the methods marked TODO; exercises/random_forest/README.md has the algorithm and
the rules (numpy and sklearn.tree only). Check your work with `make check exercise=random_forest`.
"""

import numpy as np
from sklearn.tree import DecisionTreeClassifier


class RandomForestClassifier:
    """Bagged decision trees with a random subset of features at each split.

    Parameters
    ----------
    n_estimators : int, default=100
        The number of trees.
    max_features : {"sqrt", "log2"}, int, float or None, default="sqrt"
        The number of features each tree considers at each split (passed to the trees).
    bootstrap : bool, default=True
        Fit each tree on a bootstrap sample (n_samples rows drawn with replacement);
        False fits every tree on all rows.
    oob_score : bool, default=False
        Compute the out-of-bag decision function and accuracy after fitting.
    random_state : int or None, default=None
        Seed of every random choice: the bootstrap samples and the trees' feature draws.
    max_depth : int or None, default=None
        Maximum depth of each tree.

    Attributes
    ----------
    estimators_ : list of DecisionTreeClassifier
        The n_estimators fitted trees.
    estimators_samples_ : list of ndarray of shape (n_samples,)
        For each tree, the indices of the rows it was fitted on, repetitions included
        (np.arange(n_samples) when bootstrap=False).
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels.
    n_classes_ : int
    oob_decision_function_ : ndarray of shape (n_samples, n_classes)
        For each training row, the mean predict_proba of the trees whose sample did not
        draw it (only when oob_score=True).
    oob_score_ : float
        The accuracy of argmax(oob_decision_function_) (only when oob_score=True).
    """

    def __init__(self, n_estimators=100, max_features="sqrt", bootstrap=True, oob_score=False, random_state=None, max_depth=None):
        self.n_estimators = n_estimators
        self.max_features = max_features
        self.bootstrap = bootstrap
        self.oob_score = oob_score
        self.random_state = random_state
        self.max_depth = max_depth

    def fit(self, X, y):
        """Fit the forest.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)
            Class labels: integers or strings.

        Returns
        -------
        self : RandomForestClassifier
        """

        # TODO: set estimators_, estimators_samples_, classes_, n_classes_ (and the oob attributes)
        raise NotImplementedError("RandomForestClassifier.fit")

    def predict_proba(self, X):
        """The trees' predict_proba averaged.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            Columns in the order of classes_.
        """
        raise NotImplementedError("RandomForestClassifier.predict_proba")

    def predict(self, X):
        """The class with the highest averaged probability.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            Values from classes_.
        """
        raise NotImplementedError("RandomForestClassifier.predict")
