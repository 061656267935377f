"""Mutant: every sample is its own threshold: tied scores are not merged into one threshold.

Expect: tied scores must form one threshold

ROC curve, precision-recall curve and average precision (reference solution).

Sort the samples by decreasing score. Each distinct score s is a threshold ("predict positive
when score >= s"); at the last sample of each run of tied scores, with i samples above it,
    tps = positives among the top i,   fps = i - tps.
ROC:  fpr = fps / n_negatives,  tpr = tps / n_positives, from (0, 0) at threshold +inf.
PR:   precision = tps / (tps + fps),  recall = tps / n_positives, by increasing threshold,
      ending at (precision 1, recall 0), which has no threshold.
AP = Σ_n (R_n - R_{n-1}) P_n over the thresholds, the step-function area under the PR curve.
"""

import numpy as np


def _counts(y_true, y_score, pos_label):
    """fps, tps and thresholds at each distinct score, by decreasing score."""
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=float)
    positive = y_true == (np.max(y_true) if pos_label is None else pos_label)
    order = np.argsort(-y_score, kind="stable")                      # decreasing score
    score, positive = y_score[order], positive[order]
    last = np.arange(len(score))                                      # one threshold per sample
    tps = np.cumsum(positive)[last]                                  # positives with score >= threshold
    fps = last + 1 - tps                                             # negatives with score >= threshold
    return fps, tps, score[last]


def roc_curve(y_true, y_score, *, pos_label=None, drop_intermediate=True):
    """Receiver operating characteristic curve.

    Parameters
    ----------
    y_true : ndarray of shape (n_samples,)
        Two distinct labels.
    y_score : ndarray of shape (n_samples,)
        Higher means more likely positive.
    pos_label : label, default=None
        The positive class; None means the larger of the two labels.
    drop_intermediate : bool, default=True
        Drop thresholds whose point lies on a straight segment between its neighbours.

    Returns
    -------
    fpr : ndarray of shape (n_thresholds + 1,)
        Increasing false positive rates, fps / n_negatives, starting at 0.
    tpr : ndarray of shape (n_thresholds + 1,)
        Increasing true positive rates, tps / n_positives, starting at 0.
    thresholds : ndarray of shape (n_thresholds + 1,)
        Decreasing thresholds; ``thresholds[0]`` is ``np.inf``.
    """
    fps, tps, thresholds = _counts(y_true, y_score, pos_label)
    if drop_intermediate and len(fps) > 2:
        # a point is intermediate when both counts change by the same step before and after it
        keep = np.r_[True, (np.diff(fps, 2) != 0) | (np.diff(tps, 2) != 0), True]
        fps, tps, thresholds = fps[keep], tps[keep], thresholds[keep]
    fps, tps = np.r_[0, fps], np.r_[0, tps]                          # threshold +inf: nothing predicted positive
    return fps / fps[-1], tps / tps[-1], np.r_[np.inf, thresholds]


def precision_recall_curve(y_true, y_score, *, pos_label=None):
    """Precision-recall pairs for each threshold.

    Parameters
    ----------
    y_true : ndarray of shape (n_samples,)
    y_score : ndarray of shape (n_samples,)
    pos_label : label, default=None
        The positive class; None means the larger of the two labels.

    Returns
    -------
    precision : ndarray of shape (n_thresholds + 1,)
        tps / (tps + fps) by increasing threshold, then 1.
    recall : ndarray of shape (n_thresholds + 1,)
        tps / n_positives, decreasing, then 0.
    thresholds : ndarray of shape (n_thresholds,)
        The distinct scores, increasing.
    """
    fps, tps, thresholds = _counts(y_true, y_score, pos_label)
    precision = tps / (tps + fps)
    recall = tps / tps[-1]
    return np.r_[precision[::-1], 1.0], np.r_[recall[::-1], 0.0], thresholds[::-1]


def average_precision_score(y_true, y_score, *, pos_label=1):
    """Average precision: Σ_n (R_n - R_{n-1}) P_n, without interpolation.

    Parameters
    ----------
    y_true : ndarray of shape (n_samples,)
    y_score : ndarray of shape (n_samples,)
    pos_label : label, default=1

    Returns
    -------
    average_precision : float
    """
    precision, recall, _ = precision_recall_curve(y_true, y_score, pos_label=pos_label)
    return float(max(0.0, -np.sum(np.diff(recall) * precision[:-1])))   # recall decreases along the arrays
