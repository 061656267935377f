"""A second correct roc_pr_curves, written differently from the reference: the thresholds come
from np.unique, the counts from np.searchsorted on the sorted scores of each class (no
cumulative sum), drop_intermediate removes *every* collinear point with a cross product
(more than scikit-learn drops, which the README allows), and AP sums over thresholds from
the top down."""

import numpy as np


def _rates(y_true, y_score, pos_label):
    y_true, y_score = np.asarray(y_true), np.asarray(y_score, dtype=float)
    if pos_label is None:
        pos_label = np.unique(y_true)[-1]
    is_pos = y_true == pos_label
    pos_sorted = np.sort(y_score[is_pos])
    neg_sorted = np.sort(y_score[~is_pos])
    thresholds = np.unique(y_score)[::-1]                       # decreasing distinct scores
    tps = len(pos_sorted) - np.searchsorted(pos_sorted, thresholds, side="left")
    fps = len(neg_sorted) - np.searchsorted(neg_sorted, thresholds, side="left")
    return fps, tps, thresholds


def roc_curve(y_true, y_score, *, pos_label=None, drop_intermediate=True):
    fps, tps, thresholds = _rates(y_true, y_score, pos_label)
    fps = np.concatenate([[0], fps])
    tps = np.concatenate([[0], tps])
    thresholds = np.concatenate([[np.inf], thresholds])
    if drop_intermediate and len(fps) > 2:
        dx1, dy1 = fps[1:-1] - fps[:-2], tps[1:-1] - tps[:-2]
        dx2, dy2 = fps[2:] - fps[1:-1], tps[2:] - tps[1:-1]
        corner = dx1 * dy2 - dy1 * dx2 != 0                      # the direction changes at this point
        keep = np.concatenate([[True], corner, [True]])
        fps, tps, thresholds = fps[keep], tps[keep], thresholds[keep]
    return fps / fps.max(), tps / tps.max(), thresholds


def precision_recall_curve(y_true, y_score, *, pos_label=None):
    fps, tps, thresholds = _rates(y_true, y_score, pos_label)
    flip = slice(None, None, -1)
    precision = np.append((tps / (tps + fps))[flip], 1.0)
    recall = np.append((tps / tps.max())[flip], 0.0)
    return precision, recall, thresholds[flip]


def average_precision_score(y_true, y_score, *, pos_label=1):
    fps, tps, _ = _rates(y_true, y_score, pos_label)
    recall = tps / tps[-1]
    gained = np.diff(np.concatenate([[0.0], recall]))           # R_n - R_(n-1), from the highest threshold down
    return float(np.sum(gained * tps / (tps + fps)))
