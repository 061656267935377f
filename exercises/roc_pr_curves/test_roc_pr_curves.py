"""Visible tests for roc_pr_curves: run them with `pytest exercises/roc_pr_curves` or `make check exercise=roc_pr_curves`."""

import numpy as np

from roc_pr_curves import average_precision_score, precision_recall_curve, roc_curve

Y = np.array([0, 0, 1, 1])
SCORE = np.array([0.1, 0.4, 0.35, 0.8])


def test_roc_curve_small_example():
    fpr, tpr, thresholds = roc_curve(Y, SCORE, drop_intermediate=False)
    np.testing.assert_allclose(fpr, [0, 0, 0.5, 0.5, 1])
    np.testing.assert_allclose(tpr, [0, 0.5, 0.5, 1, 1])
    np.testing.assert_allclose(thresholds, [np.inf, 0.8, 0.4, 0.35, 0.1])


def test_tied_scores_form_one_threshold():
    fpr, tpr, thresholds = roc_curve(np.array([0, 1, 0, 1]), np.array([0.5, 0.5, 0.2, 0.9]), drop_intermediate=False)
    np.testing.assert_allclose(thresholds, [np.inf, 0.9, 0.5, 0.2])
    np.testing.assert_allclose(fpr, [0, 0, 0.5, 1])
    np.testing.assert_allclose(tpr, [0, 0.5, 1, 1])


def test_drop_intermediate_removes_collinear_points():
    y = np.array([1, 1, 1, 1, 0, 0])
    fpr, tpr, thresholds = roc_curve(y, np.array([6.0, 5, 4, 3, 2, 1]))
    points = {(float(f), float(t)) for f, t in zip(fpr, tpr)}
    assert {(0, 0), (0, 1), (1, 1)} <= points, f"the corners must stay: got {sorted(points)}"
    assert not {(0, 0.5), (0, 0.75), (0.5, 1)} & points, f"the points between collinear neighbours must go: got {sorted(points)}"
    assert thresholds[0] == np.inf and thresholds[-1] == 1


def test_precision_recall_curve_small_example():
    precision, recall, thresholds = precision_recall_curve(Y, SCORE)
    np.testing.assert_allclose(precision, [0.5, 2 / 3, 0.5, 1, 1])
    np.testing.assert_allclose(recall, [1, 1, 0.5, 0.5, 0])
    np.testing.assert_allclose(thresholds, [0.1, 0.35, 0.4, 0.8])


def test_average_precision_small_example():
    # recall steps 0 -> 0.5 at precision 1, then 0.5 -> 1 at precision 2/3
    np.testing.assert_allclose(average_precision_score(Y, SCORE), 0.5 * 1 + 0.5 * 2 / 3)
