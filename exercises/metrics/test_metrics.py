"""Visible tests for metrics: run them with `pytest exercises/metrics` or `make check exercise=metrics`."""

import numpy as np

from metrics import confusion_matrix, precision_recall_f1, roc_auc


def test_confusion_matrix_rows_are_true_labels():
    y_true = [0, 0, 0, 1, 1, 2]
    y_pred = [0, 1, 1, 1, 2, 2]
    C = confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(C, [[1, 2, 0], [0, 1, 1], [0, 0, 1]])
    assert np.asarray(C).dtype.kind in "iu", "counts are integers"


def test_confusion_matrix_labels_argument():
    y_true = np.array(["cat", "dog", "dog", "bird"])
    y_pred = np.array(["cat", "cat", "dog", "dog"])
    # rows/columns follow labels; "fox" never occurs; the "bird" sample is ignored
    C = confusion_matrix(y_true, y_pred, labels=["dog", "fox", "cat"])
    np.testing.assert_array_equal(C, [[1, 0, 1], [0, 0, 0], [0, 0, 1]])


def test_binary_precision_recall_f1():
    y_true = [1, 1, 1, 0, 0, 0, 0, 0]
    y_pred = [1, 1, 0, 1, 1, 1, 0, 0]  # TP = 2, FN = 1, FP = 3
    p, r, f = precision_recall_f1(y_true, y_pred)
    np.testing.assert_allclose([p, r, f], [2 / 5, 2 / 3, 2 * (2 / 5) * (2 / 3) / (2 / 5 + 2 / 3)])
    assert all(isinstance(v, float) for v in (p, r, f)), "return Python floats"
    np.testing.assert_allclose(precision_recall_f1(y_true, y_pred, pos_label=0), [2 / 3, 2 / 5, 1 / 2])


def test_averages():
    y_true = ["a", "a", "a", "a", "b", "b", "c"]
    y_pred = ["a", "a", "a", "b", "b", "c", "c"]
    # per class: P = (1, 1/2, 1/2), R = (3/4, 1/2, 1), F1 = (6/7, 1/2, 2/3), support = (4, 2, 1)
    np.testing.assert_allclose(precision_recall_f1(y_true, y_pred, average="micro"), [5 / 7, 5 / 7, 5 / 7])
    np.testing.assert_allclose(precision_recall_f1(y_true, y_pred, average="macro"), [2 / 3, 3 / 4, (6 / 7 + 1 / 2 + 2 / 3) / 3])
    np.testing.assert_allclose(precision_recall_f1(y_true, y_pred, average="weighted"),
                               [(4 + 1 + 0.5) / 7, (3 + 1 + 1) / 7, (4 * 6 / 7 + 1 + 2 / 3) / 7])


def test_zero_division_is_zero():
    # class 2 is never predicted (precision 0/0) and the positive class 1 never occurs
    # per class: P = (2/3, 0/0 -> 0), R = (1, 0), F1 = (4/5, 0)
    np.testing.assert_allclose(precision_recall_f1([0, 0, 2], [0, 0, 0], average="macro"), [1 / 3, 1 / 2, 2 / 5])
    assert precision_recall_f1([0, 0, 0], [0, 0, 0]) == (0.0, 0.0, 0.0), "0/0 counts as 0.0, not nan"


def test_roc_auc_counts_ties_as_half():
    assert roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
    assert roc_auc([0, 1], [0.5, 0.5]) == 0.5
    # "dog" > "cat": dog is the positive class
    np.testing.assert_allclose(roc_auc(["cat", "dog", "dog", "cat"], [0.2, 0.9, 0.2, 0.1]), (1 + 1 + 1 + 0.5) / 4)
