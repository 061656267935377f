"""Classification metrics from scratch: confusion matrix, precision / recall / F1, ROC AUC.

Implement the functions marked TODO; exercises/metrics/README.md has the definitions and the
rules (numpy only). Check your work with `make check exercise=metrics`.
"""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    """Count each (true, predicted) pair of labels.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels (ints, strings or bools).
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    labels : array-like of shape (n_labels,), default=None
        Row and column order; samples whose true or predicted label is not in ``labels`` are
        ignored. Defaults to the sorted union of the labels in ``y_true`` and ``y_pred``.

    Returns
    -------
    C : ndarray of shape (n_labels, n_labels), dtype int
        ``C[i, j]`` counts the samples of true label ``labels[i]`` predicted as ``labels[j]``.
    """
    # TODO: rows are true labels, columns predicted labels
    raise NotImplementedError("confusion_matrix")


def precision_recall_f1(y_true, y_pred, average="binary", pos_label=1):
    """Precision, recall and F1 score.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    average : {"binary", "micro", "macro", "weighted"}, default="binary"
        "binary" scores the class ``pos_label`` only; "micro" pools the counts of all classes;
        "macro" averages the per-class scores; "weighted" averages them weighted by support
        (the number of true samples of each class). The classes are the sorted union of the
        labels in ``y_true`` and ``y_pred``.
    pos_label : int, str or bool, default=1
        The positive class when ``average="binary"``.

    Returns
    -------
    precision : float
    recall : float
    f1 : float
        Each is 0.0 wherever a denominator is zero.
    """
    # TODO
    raise NotImplementedError("precision_recall_f1")


def roc_auc(y_true, y_score):
    """Area under the ROC curve of a binary problem.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Two distinct labels; the larger one (in sorted order) is the positive class.
    y_score : array-like of shape (n_samples,)
        Scores, higher meaning more likely positive.

    Returns
    -------
    auc : float
        P(score of a random positive > score of a random negative), a tie counting 1/2.
    """
    # TODO
    raise NotImplementedError("roc_auc")
