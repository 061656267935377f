"""A second correct metrics, written differently from the reference: labels are encoded as
integer codes (np.unique with return_inverse) and counted with np.add.at, precision and recall
are read off the confusion matrix, and the AUC is the trapezoidal area under the ROC curve
built from the scores sorted in decreasing order (as scikit-learn does). It must get full marks."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    both = np.concatenate([y_true, y_pred])
    if labels is None:
        labels = np.unique(both)
    labels = np.asarray(labels)
    # codes of every sample's label in the union of everything seen, then a lookup table to positions in labels
    seen, codes = np.unique(np.concatenate([labels, both]), return_inverse=True)
    position = np.full(len(seen), -1)
    position[codes[: len(labels)]] = np.arange(len(labels))
    rows = position[codes[len(labels): len(labels) + len(y_true)]]
    cols = position[codes[len(labels) + len(y_true):]]
    keep = (rows >= 0) & (cols >= 0)
    C = np.zeros((len(labels), len(labels)), dtype=int)
    np.add.at(C, (rows[keep], cols[keep]), 1)
    return C


def _safe_ratio(num, den):
    num = np.atleast_1d(np.asarray(num, dtype=float))
    den = np.atleast_1d(np.asarray(den, dtype=float))
    out = np.zeros(num.shape)
    ok = den > 0
    out[ok] = num[ok] / den[ok]
    return out


def precision_recall_f1(y_true, y_pred, average="binary", pos_label=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if average == "binary":
        t, p = y_true == pos_label, y_pred == pos_label
        C = confusion_matrix(t, p, labels=[False, True])
        tp, fp, fn = C[1, 1], C[0, 1], C[1, 0]
        support = None
    else:
        C = confusion_matrix(y_true, y_pred)
        tp = np.diag(C)
        fp = C.sum(axis=0) - tp
        fn = C.sum(axis=1) - tp
        support = C.sum(axis=1)
        if average == "micro":
            tp, fp, fn = tp.sum(), fp.sum(), fn.sum()
    precision = _safe_ratio(tp, tp + fp)
    recall = _safe_ratio(tp, tp + fn)
    f1 = _safe_ratio(2 * tp, 2 * tp + fp + fn)          # = 2PR / (P + R), without dividing twice
    if average in ("binary", "micro"):
        return float(precision[0]), float(recall[0]), float(f1[0])
    w = np.ones_like(precision) if average == "macro" else support / support.sum()
    w = w / w.sum()
    return float(precision @ w), float(recall @ w), float(f1 @ w)


def roc_auc(y_true, y_score):
    y_true = np.asarray(y_true)
    score = np.asarray(y_score, dtype=float)
    is_pos = (y_true == max(set(y_true.tolist()))).astype(float)
    order = np.argsort(-score, kind="stable")
    score, is_pos = score[order], is_pos[order]
    # the last index of every run of equal scores: one ROC point per distinct threshold
    last = np.r_[np.flatnonzero(np.diff(score) != 0), len(score) - 1]
    tps = np.cumsum(is_pos)[last]
    fps = (last + 1) - tps
    tpr = np.r_[0.0, tps / tps[-1]]
    fpr = np.r_[0.0, fps / fps[-1]]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
