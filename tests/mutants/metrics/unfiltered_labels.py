"""Mutant: maps labels with searchsorted without checking membership, so samples whose label is not in labels are counted under a neighbouring label.

Expect: not in labels must be ignored

Classification metrics from scratch (reference solution).

Confusion matrix:  C[i, j] = #{n : y_true_n = labels_i and y_pred_n = labels_j}  (rows true, columns predicted)
Per class k:       precision_k = TP_k / (TP_k + FP_k),  recall_k = TP_k / (TP_k + FN_k),  F1_k = 2 P_k R_k / (P_k + R_k)
ROC AUC:           P(score of a random positive > score of a random negative), ties counting 1/2,
                   = (sum of the positives' midranks - n_pos (n_pos + 1) / 2) / (n_pos n_neg)   (Mann-Whitney U)
"""

import numpy as np


def _one_hot(y, labels):
    # indicator matrix M[n, k] = [y_n == labels_k], shape (n_samples, n_labels); a y outside labels gives a zero row
    return (np.asarray(y)[:, None] == np.asarray(labels)[None, :]).astype(np.int64)


def _divide(numerator, denominator):
    # numerator / denominator, and 0.0 where the denominator is 0 (scikit-learn's zero_division=0.0)
    numerator, denominator = np.asarray(numerator, dtype=float), np.asarray(denominator, dtype=float)
    return np.divide(numerator, denominator, out=np.zeros_like(numerator), where=denominator != 0)


def confusion_matrix(y_true, y_pred, labels=None):
    """Count each (true, predicted) pair of labels.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    y_pred : array-like of shape (n_samples,)
    labels : array-like of shape (n_labels,), default=None
        Row and column order; samples whose true or predicted label is not in ``labels`` are
        ignored. Defaults to the sorted union of the labels in ``y_true`` and ``y_pred``.

    Returns
    -------
    C : ndarray of shape (n_labels, n_labels), dtype int
        ``C[i, j]`` counts the samples of true label ``labels[i]`` predicted as ``labels[j]``.
    """
    if labels is None:
        labels = np.unique(np.concatenate([np.asarray(y_true), np.asarray(y_pred)]))
    # C = T.T @ P with T, P the one-hot matrices of y_true and y_pred: C[i, j] = Σ_n T[n, i] P[n, j]
    labels = np.asarray(labels)
    order = np.argsort(labels)
    rows = order[np.minimum(np.searchsorted(labels, y_true, sorter=order), len(labels) - 1)]
    cols = order[np.minimum(np.searchsorted(labels, y_pred, sorter=order), len(labels) - 1)]
    return np.bincount(rows * len(labels) + cols, minlength=len(labels) ** 2).reshape(len(labels), len(labels))


def precision_recall_f1(y_true, y_pred, average="binary", pos_label=1):
    """Precision, recall and F1 score.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    y_pred : array-like of shape (n_samples,)
    average : {"binary", "micro", "macro", "weighted"}, default="binary"
        "binary" scores the class ``pos_label`` only; "micro" pools the counts of all classes;
        "macro" averages the per-class scores; "weighted" averages them weighted by support
        (the number of true samples of each class).
    pos_label : int, str or bool, default=1
        The positive class when ``average="binary"``.

    Returns
    -------
    precision : float
    recall : float
    f1 : float
        0.0 wherever a denominator is zero.
    """
    if average == "binary":
        labels = np.asarray([pos_label])
    else:
        labels = np.unique(np.concatenate([np.asarray(y_true), np.asarray(y_pred)]))
    T, P = _one_hot(y_true, labels), _one_hot(y_pred, labels)
    tp, n_true, n_pred = (T * P).sum(axis=0), T.sum(axis=0), P.sum(axis=0)  # TP_k, TP_k + FN_k, TP_k + FP_k
    if average == "micro":
        tp, n_true, n_pred = tp.sum(), n_true.sum(), n_pred.sum()  # pool the counts before dividing
    precision, recall = _divide(tp, n_pred), _divide(tp, n_true)
    f1 = _divide(2 * precision * recall, precision + recall)  # harmonic mean, per class
    if average == "weighted":
        weights = n_true  # support of each class
    elif average == "macro":
        weights = np.ones(len(labels))
    elif average in ("binary", "micro"):
        return float(precision.item()), float(recall.item()), float(f1.item())
    else:
        raise ValueError(f"average must be 'binary', 'micro', 'macro' or 'weighted', got {average!r}")
    # average the per-class scores (macro F1 is the mean of the F1s, not the F1 of the means)
    return tuple(float(np.average(score, weights=weights)) for score in (precision, recall, f1))


def roc_auc(y_true, y_score):
    """Area under the ROC curve of a binary problem.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Two distinct labels; the larger one (in sorted order) is the positive class.
    y_score : array-like of shape (n_samples,)
        Higher means more likely positive.

    Returns
    -------
    auc : float
    """
    y_true, y_score = np.asarray(y_true), np.asarray(y_score, dtype=float)
    positive = y_true == np.unique(y_true)[-1]
    n_pos = positive.sum()
    n_neg = len(y_true) - n_pos
    _, group, counts = np.unique(y_score, return_inverse=True, return_counts=True)
    # a tie group fills ranks end - count + 1 .. end: its midrank is end - (count - 1) / 2
    midranks = (np.cumsum(counts) - (counts - 1) / 2)[group]
    # U = Σ ranks of positives - n_pos (n_pos + 1) / 2 counts the (positive, negative) pairs ordered right, ties 1/2
    return float((midranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
