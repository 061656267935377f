"""A CART decision tree classifier.

Implement the methods marked TODO; exercises/decision_tree/README.md has the algorithm and the
rules (numpy only). Check your work with `make check exercise=decision_tree`.
"""

import numpy as np


class DecisionTreeClassifier:
    """A CART classification tree, grown greedily from the root.

    Parameters
    ----------
    criterion : {"gini", "entropy"}, default="gini"
        The impurity a split minimises: gini = 1 - Σ_k p_k², entropy = -Σ_k p_k log2 p_k.
    max_depth : int or None, default=None
        Maximum depth of the tree (the root has depth 0). None: grow until every leaf is
        pure or cannot be split.
    min_samples_split : int, default=2
        A node with fewer training samples is a leaf.
    min_samples_leaf : int, default=1
        A split is allowed only if it leaves at least this many training samples on each side.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels, sorted (np.unique(y)).
    n_classes_ : int
        The number of classes.
    """

    def __init__(self, criterion="gini", max_depth=None, min_samples_split=2, min_samples_leaf=1):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf

    def fit(self, X, y):
        """Grow the tree.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)
            Class labels: integers or strings.

        Returns
        -------
        self : DecisionTreeClassifier
        """
        # TODO: set self.classes_, self.n_classes_ and store the tree (your own structure)
        raise NotImplementedError("DecisionTreeClassifier.fit")

    def apply(self, X):
        """The leaf each sample falls into.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        leaves : ndarray of shape (n_samples,), dtype int
            An identifier of the leaf reached by each sample (any integers, one per leaf).
        """
        raise NotImplementedError("DecisionTreeClassifier.apply")

    def predict_proba(self, X):
        """Class probabilities: the class fractions of the training samples in each sample's leaf.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            Columns in the order of classes_.
        """
        raise NotImplementedError("DecisionTreeClassifier.predict_proba")

    def predict(self, X):
        """The most probable class of each sample.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,)
            Values from classes_.
        """
        raise NotImplementedError("DecisionTreeClassifier.predict")

    def get_depth(self):
        """The depth of the tree: the largest depth of a leaf, the root alone having depth 0.

        Returns
        -------
        depth : int
        """
        raise NotImplementedError("DecisionTreeClassifier.get_depth")
