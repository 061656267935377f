"""ROC curve, precision-recall curve and average precision, as in sklearn.metrics.

Implement the functions marked TODO; exercises/roc_pr_curves/README.md has the conventions
and the rules (numpy only). Check your work with `make check exercise=roc_pr_curves`.
"""

import numpy as np


def roc_curve(y_true, y_score, *, pos_label=None, drop_intermediate=True):
    """Receiver operating characteristic curve.

    Parameters
    ----------
    y_true : ndarray of shape (n_samples,)
        Two distinct labels, both present.
    y_score : ndarray of shape (n_samples,)
        Scores: higher means more likely positive.
    pos_label : label, default=None
        The positive class; None means the larger of the two labels.
    drop_intermediate : bool, default=True
        Drop the points that lie on a straight segment between their two neighbours.

    Returns
    -------
    fpr : ndarray of shape (n_points,)
        Increasing false positive rates: negatives scored >= threshold / negatives.
    tpr : ndarray of shape (n_points,)
        Increasing true positive rates: positives scored >= threshold / positives.
    thresholds : ndarray of shape (n_points,)
        Decreasing thresholds: ``np.inf`` (the point (0, 0)), then distinct scores.
    """
    # TODO
    raise NotImplementedError("roc_curve")


def precision_recall_curve(y_true, y_score, *, pos_label=None):
    """Precision and recall at each distinct score used as a threshold.

    Parameters
    ----------
    y_true : ndarray of shape (n_samples,)
    y_score : ndarray of shape (n_samples,)
    pos_label : label, default=None
        The positive class; None means the larger of the two labels.

    Returns
    -------
    precision : ndarray of shape (n_thresholds + 1,)
        Precision at each threshold, by increasing threshold, then 1.
    recall : ndarray of shape (n_thresholds + 1,)
        Recall at each threshold (decreasing), then 0.
    thresholds : ndarray of shape (n_thresholds,)
        The distinct scores, increasing.
    """
    # TODO
    raise NotImplementedError("precision_recall_curve")


def average_precision_score(y_true, y_score, *, pos_label=1):
    """Average precision, Σ_n (R_n - R_(n-1)) P_n over the thresholds, without interpolation.

    Parameters
    ----------
    y_true : ndarray of shape (n_samples,)
    y_score : ndarray of shape (n_samples,)
    pos_label : label, default=1
        The positive class.

    Returns
    -------
    average_precision : float
    """
    # TODO
    raise NotImplementedError("average_precision_score")
