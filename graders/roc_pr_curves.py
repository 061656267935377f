"""Hidden checks for roc_pr_curves.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with scikit-learn's ``roc_curve`` (exactly with drop_intermediate=False; by
its vertices with the default drop_intermediate=True, so that dropping every collinear point
is accepted too), ``precision_recall_curve`` and ``average_precision_score``.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_vectorised
from mlkata.grading import Failed, check

TOL = {"exact": dict(rtol=1e-12, atol=1e-12)}   # counts divided by counts: only rounding could differ

# -- probes: run in the sandbox ---------------------------------------------------------


def curves_probe(mod, y_true, y_score, roc_params, pr_params, ap_params):
    inputs = [(y_true.copy(), y_score.copy()) for _ in range(3)]  # each function gets its own copies
    fpr, tpr, roc_thresholds = mod.roc_curve(*inputs[0], **roc_params)
    precision, recall, pr_thresholds = mod.precision_recall_curve(*inputs[1], **pr_params)
    ap = mod.average_precision_score(*inputs[2], **ap_params)
    return {"fpr": np.asarray(fpr, dtype=float), "tpr": np.asarray(tpr, dtype=float), "roc_thresholds": np.asarray(roc_thresholds, dtype=float),
            "precision": np.asarray(precision, dtype=float), "recall": np.asarray(recall, dtype=float),
            "pr_thresholds": np.asarray(pr_thresholds, dtype=float), "ap": float(ap),
            "inputs_after": [[t, s] for t, s in inputs]}


def roc_probe(mod, y_true, y_score, params):
    fpr, tpr, thresholds = mod.roc_curve(y_true, y_score, **params)
    return {"fpr": np.asarray(fpr, dtype=float), "tpr": np.asarray(tpr, dtype=float), "thresholds": np.asarray(thresholds, dtype=float)}


def all_probe(mod, y_true, y_score):
    mod.roc_curve(y_true, y_score)
    mod.precision_recall_curve(y_true, y_score)
    mod.average_precision_score(y_true, y_score)
    return 0


# -- data and helpers -------------------------------------------------------------------


def make_scores(rng, n=120, ties=False):
    y = rng.integers(0, 2, size=n)
    y[:2] = [0, 1]
    score = rng.normal(size=n) + 1.0 * y
    if ties:
        score = np.round(score * 2) / 2  # about a dozen distinct values: many ties, mixed classes within them
    return y, score


def _collinear_case():
    """Scores whose ROC curve has collinear runs, with equal steps (scikit-learn drops them) and unequal ones (it keeps them)."""
    y = np.array([1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0])
    score = np.array([20, 19, 18, 17, 16, 15, 14, 14, 13, 13, 12, 12, 11, 11, 10, 10, 10, 10, 9, 9, 8, 7, 6, 5, 5], dtype=float)
    return y, score


def _diagnose_roc(got_fpr, got_tpr, want_fpr, want_tpr, got_thr, want_thr, y, pos):
    n_pos, n_neg = int(np.sum(y == pos)), int(np.sum(y != pos))
    if got_fpr.shape == want_fpr.shape:
        if np.allclose(got_fpr, want_tpr) and np.allclose(got_tpr, want_fpr):
            return "fpr and tpr are swapped: fpr = false positives / negatives is the x axis, tpr = true positives / positives the y axis"
        fps, tps = want_fpr * n_neg, want_tpr * n_pos
        for name, got, counts, right in (("fpr", got_fpr, fps, "negatives"), ("tpr", got_tpr, tps, "positives")):
            for wrong, d in (("n_samples", len(y)), ("the number of positives", n_pos), ("the number of negatives", n_neg)):
                if d != (n_neg if name == "fpr" else n_pos) and np.allclose(got, counts / d):
                    return f"{name} normalised by {wrong} instead of the number of {right}"
    if got_thr.shape == (len(y) + 1,) and want_thr.shape != got_thr.shape:
        return "one threshold per sample: tied scores must form one threshold (keep only the last sample of each run of equal scores)"
    if got_fpr.shape == (want_fpr.shape[0] - 1,) and np.allclose(got_fpr, want_fpr[1:]):
        return "the curve must start at (0, 0), at threshold np.inf, where nothing is predicted positive"
    if got_thr.size and want_thr.size and got_thr[0] != np.inf and got_thr.shape == want_thr.shape:
        return "thresholds[0] must be np.inf (the point (0, 0)), as scikit-learn >= 1.3 returns"
    return "sort by decreasing score; at each distinct score count tps and fps among the samples scored at least that high; fpr = fps / negatives, tpr = tps / positives"


def _expect_roc_exact(got, want, y, pos, what):
    g_fpr, g_tpr, g_thr = (as_array(got[k], f"{what}: {k}") for k in ("fpr", "tpr", "thresholds"))
    w_fpr, w_tpr, w_thr = want
    cause = _diagnose_roc(g_fpr, g_tpr, w_fpr, w_tpr, g_thr, w_thr, y, pos)
    against = "sklearn.metrics.roc_curve(..., drop_intermediate=False)"
    expect_close(g_thr, w_thr, f"{what}: thresholds", cause=cause, against=against, **TOL["exact"])
    expect_close(g_fpr, w_fpr, f"{what}: fpr", cause=cause, against=against, **TOL["exact"])
    expect_close(g_tpr, w_tpr, f"{what}: tpr", cause=cause, against=against, **TOL["exact"])


def _diagnose_pr(got, want, y, pos):
    g_p, g_r, g_t = got
    w_p, w_r, w_t = want
    if g_t.shape == (len(y),) and w_t.shape != g_t.shape:
        return "one threshold per sample: tied scores must form one threshold (keep only the last sample of each run of equal scores)"
    if g_p.shape == w_t.shape and np.allclose(g_p, w_p[:-1]) and np.allclose(g_r, w_r[:-1]):
        return "the final (precision 1, recall 0) point is missing: append precision 1 and recall 0, which have no threshold"
    if g_t.shape == w_t.shape and np.allclose(g_t, w_t[::-1]):
        return "the order is reversed: scikit-learn returns thresholds increasing (recall decreasing), then the final (precision 1, recall 0) point"
    return "precision = tps / (tps + fps), recall = tps / positives at each distinct score, by increasing threshold, then precision 1 and recall 0"


# -- checks ------------------------------------------------------------------------------


@check(points=3)
def roc_curve_matches_sklearn(ctx):
    """roc_curve(drop_intermediate=False) equals scikit-learn's, with and without tied scores"""
    from sklearn.metrics import roc_curve

    for ties in (False, True):
        y, score = make_scores(ctx.rng, ties=ties)
        got = ctx.run(roc_probe, y, score, {"drop_intermediate": False})
        _expect_roc_exact(got, roc_curve(y, score, drop_intermediate=False), y, 1, f"roc_curve on {'tied' if ties else 'distinct'} scores")


@check(points=2)
def roc_curve_drops_intermediate_points(ctx):
    """roc_curve by default keeps every corner and drops the points scikit-learn drops"""
    from sklearn.metrics import roc_curve

    cases = [_collinear_case(), make_scores(ctx.rng, n=200, ties=True), make_scores(ctx.rng, n=60)]
    for case, (y, score) in enumerate(cases):
        got = ctx.run(roc_probe, y, score, {})
        g_fpr, g_tpr, g_thr = (as_array(got[k], k) for k in ("fpr", "tpr", "thresholds"))
        f_fpr, f_tpr, f_thr = roc_curve(y, score, drop_intermediate=False)
        kept = roc_curve(y, score)[2]
        what = f"roc_curve(y_true, y_score) (case {case})"
        expect(g_fpr.shape == g_tpr.shape == g_thr.shape and g_thr.ndim == 1, f"{what}: fpr, tpr and thresholds have shapes {g_fpr.shape}, {g_tpr.shape}, {g_thr.shape}; expected three equal 1-D shapes")
        expect(g_thr.size > 0 and g_thr[0] == np.inf, f"{what}: thresholds[0] is {g_thr[0] if g_thr.size else None}, expected np.inf",
               "the curve must start at (0, 0), at threshold np.inf, where nothing is predicted positive")
        unknown = ~np.isin(g_thr, f_thr)
        expect(not unknown.any(), f"{what}: thresholds {g_thr[unknown][:4].tolist()} are not distinct scores of y_score",
               "a threshold is a distinct score: predict positive when score >= threshold")
        index = np.searchsorted(-f_thr, -g_thr)  # f_thr is decreasing
        expect_close(g_fpr, f_fpr[index], f"{what}: fpr at your thresholds", against="scikit-learn's fpr at the same thresholds",
                     cause=_diagnose_roc(g_fpr, g_tpr, f_fpr[index], f_tpr[index], g_thr, g_thr, y, 1), **TOL["exact"])
        expect_close(g_tpr, f_tpr[index], f"{what}: tpr at your thresholds", against="scikit-learn's tpr at the same thresholds", **TOL["exact"])
        # corners: vertices where the curve turns, and both ends; every correct curve keeps them
        fps, tps = np.rint(f_fpr * np.sum(y != 1)), np.rint(f_tpr * np.sum(y == 1))
        turn = np.diff(fps)[:-1] * np.diff(tps)[1:] != np.diff(tps)[:-1] * np.diff(fps)[1:]
        corners = f_thr[np.r_[True, turn, True]]
        lost = corners[~np.isin(corners, g_thr)]
        expect(lost.size == 0, f"{what}: the corner at threshold {lost[:1].tolist()} is missing from the curve",
               "drop only points that lie on a straight segment between their neighbours")
        extra = g_thr[~np.isin(g_thr, kept)]
        expect(extra.size == 0, f"{what}: returns {g_thr.size} points, keeping {extra.size} intermediate points that scikit-learn drops (e.g. at threshold {extra[:1].tolist()})",
               "drop_intermediate=True (the default) must drop the points that lie between two collinear neighbours: "
               "where neither fps nor tps changes its step (np.diff(fps, 2) == 0 and np.diff(tps, 2) == 0)")


@check(points=3)
def precision_recall_curve_matches_sklearn(ctx):
    """precision_recall_curve equals scikit-learn's, final (1, 0) point and threshold order included"""
    from sklearn.metrics import precision_recall_curve

    for ties in (False, True):
        y, score = make_scores(ctx.rng, ties=ties)
        got = ctx.run(curves_probe, y, score, {}, {}, {})
        mine = tuple(as_array(got[k], k) for k in ("precision", "recall", "pr_thresholds"))
        want = precision_recall_curve(y, score)
        cause = _diagnose_pr(mine, want, y, 1)
        what = f"precision_recall_curve on {'tied' if ties else 'distinct'} scores"
        expect_close(mine[2], want[2], f"{what}: thresholds", cause=cause, against="sklearn.metrics.precision_recall_curve", **TOL["exact"])
        expect_close(mine[0], want[0], f"{what}: precision", cause=cause, against="sklearn.metrics.precision_recall_curve", **TOL["exact"])
        expect_close(mine[1], want[1], f"{what}: recall", cause=cause, against="sklearn.metrics.precision_recall_curve", **TOL["exact"])


@check(points=3)
def average_precision_matches_sklearn(ctx):
    """average_precision_score equals scikit-learn's: Σ (R_n - R_(n-1)) P_n, not interpolated"""
    from sklearn.metrics import average_precision_score, precision_recall_curve

    for ties in (False, True, False):
        y, score = make_scores(ctx.rng, n=80, ties=ties)
        got = ctx.run(curves_probe, y, score, {}, {}, {})["ap"]
        want = average_precision_score(y, score)
        p, r, _ = precision_recall_curve(y, score)
        trapezoid = -np.sum(np.diff(r) * (p[1:] + p[:-1]) / 2)
        interpolated = -np.sum(np.diff(r) * np.maximum.accumulate(p[::-1])[::-1][:-1])
        if np.isclose(got, trapezoid, rtol=1e-9, atol=0) and not np.isclose(trapezoid, want, rtol=1e-9, atol=0):
            cause = "trapezoidal interpolation between PR points: average precision is the step sum Σ (R_n - R_(n-1)) P_n, which scikit-learn does not interpolate"
        elif np.isclose(got, interpolated, rtol=1e-9, atol=0) and not np.isclose(interpolated, want, rtol=1e-9, atol=0):
            cause = "interpolated precision (the maximum precision at higher recall, as in PASCAL VOC): scikit-learn uses the precision P_n at each threshold as is"
        else:
            cause = "AP = Σ_n (R_n - R_(n-1)) P_n, summed over the thresholds from the precision-recall curve"
        expect_close(got, want, f"average_precision_score on {'tied' if ties else 'distinct'} scores", cause=cause,
                     against="sklearn.metrics.average_precision_score", **TOL["exact"])


@check(points=1)
def labels_and_pos_label(ctx):
    """labels {-1, 1} take 1 as positive; pos_label picks the positive class"""
    from sklearn.metrics import average_precision_score, precision_recall_curve, roc_curve

    y, score = make_scores(ctx.rng, n=70, ties=True)
    for labels, pos_label in (((-1, 1), None), ((1, 2), 1), ((3, 7), 7)):
        positive = max(labels) if pos_label is None else pos_label
        y_lab = np.where(y == 1, positive, sum(labels) - positive)
        params = {} if pos_label is None else {"pos_label": pos_label}
        got = ctx.run(curves_probe, y_lab, score, dict(params, drop_intermediate=False), params, {"pos_label": 1 if pos_label is None else pos_label})
        sk_pos = 1 if pos_label is None else pos_label
        what = f"labels {labels} with pos_label={pos_label}"
        want_roc = roc_curve(y_lab, score, pos_label=sk_pos, drop_intermediate=False)
        flipped = roc_curve(y_lab, score, pos_label=sum(labels) - sk_pos, drop_intermediate=False)
        if np.shape(got["tpr"]) == flipped[1].shape and np.allclose(got["tpr"], flipped[1]):
            cause = "the wrong class is positive: the positive class is y_true == pos_label (the larger label when pos_label is None); every other sample is negative"
        else:
            cause = "the positive class is y_true == pos_label (the larger label when pos_label is None), every other sample negative; if other checks fail too, fix those first"
        expect_close(got["tpr"], want_roc[1], f"{what}: roc_curve tpr", cause=cause, against="scikit-learn", **TOL["exact"])
        expect_close(got["fpr"], want_roc[0], f"{what}: roc_curve fpr", cause=cause, against="scikit-learn", **TOL["exact"])
        want_pr = precision_recall_curve(y_lab, score, pos_label=sk_pos)
        expect_close(got["precision"], want_pr[0], f"{what}: precision", cause=cause, against="scikit-learn", **TOL["exact"])
        expect_close(got["ap"], average_precision_score(y_lab, score, pos_label=sk_pos), f"{what}: average_precision_score", cause=cause, against="scikit-learn", **TOL["exact"])


@check(points=1)
def inputs_not_modified(ctx):
    """the functions leave y_true and y_score unchanged"""
    y, score = make_scores(ctx.rng, n=50)
    got = ctx.run(curves_probe, y, score, {}, {}, {})
    cause = "an in-place operation (y_score.sort(), y_score *= -1, ...) on the caller's array; sort with np.argsort and index a copy"
    for name, (y_after, score_after) in zip(("roc_curve", "precision_recall_curve", "average_precision_score"), got["inputs_after"]):
        expect_equal(score_after, score, f"y_score after {name}", against="y_score before", cause=cause)
        expect_equal(y_after, y, f"y_true after {name}", against="y_true before", cause=cause)


@check(points=2)
def vectorised(ctx):
    """the curves do not loop over samples or thresholds in Python"""
    # Distinct scores: one threshold per sample, so a loop over thresholds grows with n too.
    # Vectorised code runs the same lines on any data of any size.
    small, large = make_scores(ctx.rng, n=100), make_scores(ctx.rng, n=400)
    expect_vectorised(ctx, all_probe, small, large, 100, 400, "roc_curve, precision_recall_curve and average_precision_score",
                      unit="distinct score")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn import metrics

    y, score = make_scores(np.random.default_rng(0), n=200_000)

    def all_three(module):
        module.roc_curve(y, score)
        module.precision_recall_curve(y, score)
        module.average_precision_score(y, score)

    return {
        "input": "roc_curve, precision_recall_curve and average_precision_score of 200000 continuous scores",
        "reference": lambda: all_three(reference),
        "sklearn": lambda: all_three(metrics),
    }
