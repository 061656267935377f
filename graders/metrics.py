"""Hidden checks for metrics.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with scikit-learn (``confusion_matrix``, ``precision_recall_fscore_support``
with ``zero_division=0.0``, ``roc_auc_score``), whose semantics the exercise copies exactly.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "score": dict(rtol=1e-9, atol=1e-12),      # same counts, same divisions: only rounding differs
    "auc": dict(rtol=1e-9, atol=1e-12),        # Mann-Whitney U vs sklearn's trapezoids: equal up to rounding
}
NAMES = np.array(["ant", "bee", "cat", "dog", "eel", "fox"])


def make_labels(rng, n=150, k=4, accuracy=0.6):
    """Imbalanced multiclass labels 0..k-1 and noisy predictions whose class frequencies differ."""
    y_true = rng.choice(k, size=n, p=rng.dirichlet(np.full(k, 2.0)))
    noise = rng.choice(k, size=n, p=rng.dirichlet(np.full(k, 2.0)))
    y_pred = np.where(rng.random(n) < accuracy, y_true, noise)
    return y_true, y_pred


def make_scores(rng, n=150, separation=1.0):
    """Binary 0/1 labels (both present) and continuous scores that separate them partly."""
    y = (rng.random(n) < rng.uniform(0.3, 0.7)).astype(int)
    y[:2] = [0, 1]
    rng.shuffle(y)
    return y, rng.normal(size=n) + separation * y


# -- probes: run in the sandbox ---------------------------------------------------------

def cm_probe(mod, cases):
    out = []
    for case in cases:
        if case["labels"] is None:
            C = mod.confusion_matrix(case["y_true"], case["y_pred"])
        else:
            C = mod.confusion_matrix(case["y_true"], case["y_pred"], labels=case["labels"])
        out.append({"C": np.asarray(C, dtype=float), "type": type(C).__name__, "dtype": np.asarray(C).dtype.str})
    return out


def prf_probe(mod, cases):
    out = []
    for case in cases:
        kwargs = {k: case[k] for k in ("average", "pos_label") if k in case}
        result = mod.precision_recall_f1(case["y_true"], case["y_pred"], **kwargs)
        values = list(result)
        out.append({"values": np.asarray([float(v) for v in values], dtype=float),
                    "types": [type(v).__name__ for v in values], "container": type(result).__name__})
    return out


def auc_probe(mod, cases):
    out = []
    for case in cases:
        auc = mod.roc_auc(case["y_true"], case["y_score"])
        out.append({"auc": float(auc), "type": type(auc).__name__})
    return out


def all_probe(mod, y_true, y_pred, y_bin, y_score, labels):
    mod.confusion_matrix(y_true, y_pred)
    mod.confusion_matrix(y_true, y_pred, labels=labels)
    for average in ("micro", "macro", "weighted"):
        mod.precision_recall_f1(y_true, y_pred, average=average)
    mod.precision_recall_f1(y_bin, y_bin[::-1], average="binary", pos_label=1)
    mod.roc_auc(y_bin, y_score)
    return {"y_true": y_true, "y_pred": y_pred, "y_bin": y_bin, "y_score": y_score, "labels": labels}


def cm_only_probe(mod, y_true, y_pred):
    mod.confusion_matrix(y_true, y_pred)
    return 0


def prf_only_probe(mod, y_true, y_pred):
    for average in ("micro", "macro", "weighted"):
        mod.precision_recall_f1(y_true, y_pred, average=average)
    return 0


def auc_only_probe(mod, y_true, y_score):
    mod.roc_auc(y_true, y_score)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sk_prf(y_true, y_pred, average, pos_label=1):
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average=average, pos_label=pos_label, zero_division=0.0)
    return np.array([p, r, f], dtype=float)


def _per_class(y_true, y_pred):
    """Per-class TP, predicted counts and true counts over the sorted union of labels."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    labels = np.unique(np.concatenate([y_true, y_pred]))
    T, P = y_true[:, None] == labels, y_pred[:, None] == labels
    return (T & P).sum(0), P.sum(0), T.sum(0)


def _ratio(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.divide(a, b, out=np.zeros_like(a), where=b != 0)


def _hmean(p, r):
    return _ratio(2 * p * r, p + r)


def _describe(case):
    y = np.asarray(case["y_true"])
    kind = {"U": "string", "b": "bool"}.get(y.dtype.kind, "int")
    source = "lists" if isinstance(case["y_true"], list) else "arrays"
    extra = "".join(f", {k}={np.asarray(case[k]).tolist()!r}" for k in ("average", "pos_label", "labels") if case.get(k) is not None)
    return f"{kind} labels as {source} (n={len(y)}{extra})"


def _expect_counts(C, want, what, cause, against):
    """Compare two confusion matrices and show both in full when they differ (they are small)."""
    C = expect_shape(as_array(C, what), want.shape, what, cause)
    bad = C != want
    if bad.any():
        shown = C.astype(int) if np.array_equal(C, np.round(C)) else C
        raise Failed(f"{what} differs from {against} in {int(bad.sum())} of {bad.size} entries.\n"
                     f"got:\n{np.array2string(shown)}\nexpected:\n{np.array2string(want)}\nLikely cause: {cause}")


PRF_RULE = {
    "binary": "for the class pos_label: precision = TP / (TP + FP) (over predicted positives), recall = TP / (TP + FN) (over true positives)",
    "micro": "micro sums TP, FP and FN over all classes first, then computes precision, recall and F1 once (with every class counted, micro P = R = F1 = accuracy)",
    "macro": "macro is the unweighted mean of the per-class precision, recall and F1, over the sorted union of the labels in y_true and y_pred",
    "weighted": "weighted is the mean of the per-class precision, recall and F1 weighted by the support in y_true (the number of true samples of each class)",
}


def _prf_cause(values, want, case):
    """Name the classic mistake whose output ``values`` reproduces, else state the rule."""
    average = case["average"]
    if values.shape != (3,) or np.allclose(values, want, **TOL["score"]):
        return PRF_RULE[average]
    candidates = []
    if average == "binary":
        other = [v for v in np.unique(np.r_[case["y_true"], case["y_pred"]]).tolist() if v != case["pos_label"]]
        candidates.append((want[[1, 0, 2]], "precision and recall swapped: precision divides TP by the predicted positives (TP + FP), recall by the true positives (TP + FN)"))
        if other:
            candidates.append((_sk_prf(case["y_true"], case["y_pred"], "binary", other[0]),
                               f"these are the scores of the class {other[0]!r}: score the class equal to pos_label={case['pos_label']!r}"))
    else:
        tp, n_pred, n_true = _per_class(case["y_true"], case["y_pred"])
        p, r = _ratio(tp, n_pred), _ratio(tp, n_true)
        per_class = (p, r, _hmean(p, r))
        by_pred = np.array([np.average(v, weights=n_pred) for v in per_class])
        macro, micro = (_sk_prf(case["y_true"], case["y_pred"], a) for a in ("macro", "micro"))
        if average == "micro":
            candidates.append((macro, "micro average computed as macro: micro pools TP, FP and FN over all classes before dividing, rather than averaging per-class scores"))
        else:
            candidates.append((np.r_[want[:2], _hmean(want[0], want[1])],
                               f"{average} F1 computed as the F1 of the averaged precision and recall, 2·P̄·R̄ / (P̄ + R̄); "
                               f"scikit-learn's {average} F1 is the {average} mean of the per-class F1 scores"))
            candidates.append((micro, f"{average} average computed as micro (pooled counts): average the per-class scores instead"))
        if average == "weighted":
            candidates.append((by_pred, "the weights must be the support in y_true (true samples per class), not the number of predictions per class"))
            candidates.append((macro, "weighted average computed as macro: weight each class by its support in y_true (true samples per class)"))
    for candidate, cause in candidates:
        if np.allclose(values, candidate, **TOL["score"]):
            return cause
    return PRF_RULE[average]


def _expect_scores(got, want, case, note=""):
    what = f"precision_recall_f1 with {_describe(case)}{note}"
    against = "scikit-learn's precision_recall_fscore_support(zero_division=0.0)"
    values = expect_shape(as_array(got["values"], what), (3,), what + " (precision, recall, f1)",
                          "return the tuple (precision, recall, f1)")
    if np.isnan(values).any():
        raise Failed(f"{what} returned {values.tolist()}, expected {want.tolist()} ({against})\n"
                     "Likely cause: a division by zero gives nan: when TP + FP = 0 (a class never predicted) or TP + FN = 0 "
                     "(a class absent from y_true), or P + R = 0 in the F1, the score is 0.0 (scikit-learn's zero_division=0.0)")
    cause = _prf_cause(values, want, case)
    for i, name in enumerate(("precision", "recall", "f1")):
        expect_close(values[i], want[i], f"{name} for {what}", cause=cause, against=against, **TOL["score"])


AUC_RULE = "AUC = P(score of a random positive > score of a random negative) = (Σ ranks of the positives - n_pos (n_pos + 1) / 2) / (n_pos · n_neg)"


def _auc_cause(auc, want, case, rule):
    """Point at the positive class when the AUC is nan, reversed, or wrong on labels other than 0/1."""
    labels = np.unique(case["y_true"]).tolist()
    if not np.isfinite(auc) or np.isclose(auc, 1 - want, rtol=1e-9) or labels != [0, 1]:
        return (f"the positive class is the larger label in sorted order ({labels[1]!r} here, not {labels[0]!r} or 1): "
                "positive = (y_true == np.unique(y_true)[-1]); " + rule)
    return rule


def _auc_pairs(y_true, y_score, tie):
    """AUC by counting (positive, negative) pairs, a tie worth ``tie``: for diagnosis only."""
    y_true, y_score = np.asarray(y_true), np.asarray(y_score, dtype=float)
    pos = y_true == np.unique(y_true)[-1]
    diff = y_score[pos][:, None] - y_score[~pos][None, :]
    return float(np.mean((diff > 0) + tie * (diff == 0)))


# -- checks: confusion_matrix -------------------------------------------------------------

@check(points=2)
def confusion_matrix_matches_sklearn(ctx):
    """confusion_matrix matches scikit-learn: rows true, columns predicted, sorted union of labels"""
    from sklearn.metrics import confusion_matrix

    y_true, y_pred = make_labels(ctx.rng, k=4)
    y_pred[ctx.rng.choice(len(y_pred), 5, replace=False)] = 4  # a label only ever predicted: labels are the union
    s_true, s_pred = make_labels(ctx.rng, n=60, k=3)
    cases = [{"y_true": y_true, "y_pred": y_pred, "labels": None},
             {"y_true": NAMES[s_true + 1].tolist(), "y_pred": NAMES[s_pred + 1].tolist(), "labels": None}]
    for case, got in zip(cases, ctx.run(cm_probe, cases)):
        want = confusion_matrix(case["y_true"], case["y_pred"])
        what = f"confusion_matrix with {_describe(case)}"
        C = expect_shape(as_array(got["C"], what), want.shape, what,
                         "labels default to the sorted union of the labels in y_true AND y_pred (np.unique of both)")
        cause = "C[i, j] counts the samples whose true label is labels[i] and predicted label labels[j]; labels are sorted (np.unique)"
        if np.array_equal(C, want.T) and not np.array_equal(want, want.T):
            cause = "rows and columns swapped: rows are the true labels, columns the predicted labels (C[true, pred])"
        _expect_counts(C, want, what, cause=cause, against="scikit-learn's confusion_matrix")


@check(points=2)
def confusion_matrix_labels_argument(ctx):
    """labels= sets the row/column order, gives zero rows for unseen labels and drops other samples"""
    from sklearn.metrics import confusion_matrix

    y_true, y_pred = make_labels(ctx.rng, k=5, accuracy=0.5)
    keep = ctx.rng.permutation(5)[:3]                         # two present labels left out: their samples are ignored
    labels = ctx.rng.permutation(np.r_[keep, 7])             # 7 never occurs; a shuffled, unsorted order
    while np.all(np.diff(labels) > 0):
        labels = ctx.rng.permutation(labels)
    cases = [{"y_true": y_true, "y_pred": y_pred, "labels": labels},
             {"y_true": NAMES[y_true], "y_pred": NAMES[y_pred], "labels": np.r_[NAMES, ["zebra"]][np.where(labels == 7, 6, labels)].tolist()}]
    for case, got in zip(cases, ctx.run(cm_probe, cases)):
        want = confusion_matrix(case["y_true"], case["y_pred"], labels=case["labels"])
        what = f"confusion_matrix with {_describe(case)}"
        C = expect_shape(as_array(got["C"], what), want.shape, what,
                         "with labels given the matrix is (len(labels), len(labels)), whatever occurs in y_true and y_pred")
        cause = "C[i, j] counts the samples with true label labels[i] and predicted label labels[j]"
        in_sorted = confusion_matrix(case["y_true"], case["y_pred"], labels=sorted(case["labels"]))
        if np.array_equal(C, want.T):
            cause = "rows and columns swapped: rows are the true labels, columns the predicted labels (C[true, pred])"
        elif np.array_equal(C, in_sorted):
            cause = "the rows and columns must follow the order of labels as given, not the sorted order of labels"
        elif C.sum() > want.sum():
            cause = (f"the matrix counts {int(C.sum())} samples but only {int(want.sum())} have both labels in labels: "
                     "samples whose true or predicted label is not in labels must be ignored, not mapped to a neighbouring label")
        _expect_counts(C, want, what, cause=cause, against="scikit-learn's confusion_matrix(labels=...)")


# -- checks: precision, recall, F1 ----------------------------------------------------------

@check(points=2)
def binary_scores_match_sklearn(ctx):
    """average="binary" matches scikit-learn for pos_label 1, 0, a string and True"""
    y, p = make_labels(ctx.rng, n=120, k=2, accuracy=0.7)
    b, q = make_labels(ctx.rng, n=80, k=2, accuracy=0.6)
    cases = [{"y_true": y, "y_pred": p, "average": "binary", "pos_label": 1},
             {"y_true": y.tolist(), "y_pred": p.tolist(), "average": "binary", "pos_label": 0},
             {"y_true": np.array(["ham", "spam"])[b], "y_pred": np.array(["ham", "spam"])[q], "average": "binary", "pos_label": "spam"},
             {"y_true": b.astype(bool), "y_pred": q.astype(bool), "average": "binary", "pos_label": True}]
    for case, got in zip(cases, ctx.run(prf_probe, cases)):
        _expect_scores(got, _sk_prf(case["y_true"], case["y_pred"], "binary", case["pos_label"]), case)


def _average_cases(ctx, average):
    y_true, y_pred = make_labels(ctx.rng, n=150, k=4)
    s_true, s_pred = make_labels(ctx.rng, n=70, k=3, accuracy=0.5)
    return [{"y_true": y_true, "y_pred": y_pred, "average": average},
            {"y_true": NAMES[s_true * 2].tolist(), "y_pred": NAMES[s_pred * 2].tolist(), "average": average}]


@check(points=1)
def micro_average(ctx):
    """average="micro" pools TP, FP and FN over the classes (as scikit-learn)"""
    cases = _average_cases(ctx, "micro")
    for case, got in zip(cases, ctx.run(prf_probe, cases)):
        _expect_scores(got, _sk_prf(case["y_true"], case["y_pred"], "micro"), case)


@check(points=2)
def macro_average(ctx):
    """average="macro" is the mean of the per-class precision, recall and F1 (as scikit-learn)"""
    cases = _average_cases(ctx, "macro")
    for case, got in zip(cases, ctx.run(prf_probe, cases)):
        _expect_scores(got, _sk_prf(case["y_true"], case["y_pred"], "macro"), case)


@check(points=1)
def weighted_average(ctx):
    """average="weighted" weights the per-class scores by their support in y_true (as scikit-learn)"""
    cases = _average_cases(ctx, "weighted")
    for case, got in zip(cases, ctx.run(prf_probe, cases)):
        _expect_scores(got, _sk_prf(case["y_true"], case["y_pred"], "weighted"), case)


@check(points=2)
def zero_division_gives_zero(ctx):
    """0 / 0 counts as 0.0, never nan: classes never predicted, never true, or absent"""
    y_true, y_pred = make_labels(ctx.rng, n=60, k=3)
    y_true[:2] = [1, 2]                                    # every class is true at least once
    never_predicted = np.where(y_pred == 2, 0, y_pred)     # class 2 is true but never predicted: its precision is 0/0
    never_true = np.where(y_true == 1, 0, y_true)          # class 1 is predicted but never true: its recall is 0/0
    y_bin = (y_true == 1).astype(int)
    cases = [{"y_true": y_true, "y_pred": never_predicted, "average": "macro"},
             {"y_true": y_true, "y_pred": never_predicted, "average": "weighted"},
             {"y_true": never_true, "y_pred": y_pred, "average": "macro"},
             {"y_true": y_bin, "y_pred": np.zeros_like(y_bin), "average": "binary", "pos_label": 1},   # TP + FP = 0, P = R = 0
             {"y_true": np.zeros(20, dtype=int), "y_pred": np.zeros(20, dtype=int), "average": "binary", "pos_label": 1}]  # all 0/0
    notes = ["class 2 never predicted", "class 2 never predicted", "class 1 never true", "nothing predicted positive", "no positive at all"]
    for case, note, got in zip(cases, notes, ctx.run(prf_probe, cases)):
        want = _sk_prf(case["y_true"], case["y_pred"], case["average"], case.get("pos_label", 1))
        _expect_scores(got, want, case, f", {note}")


# -- checks: roc_auc ----------------------------------------------------------------------

@check(points=2)
def roc_auc_matches_sklearn(ctx):
    """roc_auc matches scikit-learn for 0/1, -1/1, bool and string labels (the larger label is positive)"""
    from sklearn.metrics import roc_auc_score

    cases = []
    for labels, as_list in ((np.array([0, 1]), False), (np.array([-1, 1]), True), (np.array([False, True]), False), (np.array(["ham", "spam"]), False)):
        y, s = make_scores(ctx.rng, n=int(ctx.rng.integers(60, 150)), separation=ctx.rng.uniform(0.3, 1.5))
        cases.append({"y_true": labels[y].tolist() if as_list else labels[y], "y_score": s.tolist() if as_list else s})
    for case, got in zip(cases, ctx.run(auc_probe, cases)):
        want = roc_auc_score(case["y_true"], case["y_score"])
        cause = _auc_cause(got["auc"], want, case, AUC_RULE)
        expect_close(got["auc"], want, f"roc_auc with {_describe(case)}", cause=cause, against="scikit-learn's roc_auc_score", **TOL["auc"])


@check(points=2)
def roc_auc_counts_ties_as_half(ctx):
    """tied scores count one half, as scikit-learn's trapezoids do"""
    from sklearn.metrics import roc_auc_score

    cases = []
    for decimals, n in ((0, 150), (1, 120)):
        y, s = make_scores(ctx.rng, n=n, separation=0.8)
        cases.append({"y_true": y, "y_score": np.round(s, decimals)})   # a handful of distinct values: many ties
    y, _ = make_scores(ctx.rng, n=30)
    cases.append({"y_true": y, "y_score": np.full(30, 0.25)})           # every pair tied: AUC = 1/2
    y, s = make_scores(ctx.rng, n=40, separation=2.0)
    cases.append({"y_true": np.array(["cat", "dog"])[y], "y_score": np.round(s)})
    for case, got in zip(cases, ctx.run(auc_probe, cases)):
        want = roc_auc_score(case["y_true"], case["y_score"])
        cause = _auc_cause(got["auc"], want, case, "a (positive, negative) pair with equal scores counts 1/2: give tied scores their average rank (midrank)")
        for tie in (0.0, 1.0):
            if np.isclose(got["auc"], _auc_pairs(case["y_true"], case["y_score"], tie), rtol=1e-9) and not np.isclose(got["auc"], want, rtol=1e-9):
                cause = (f"ties in y_score counted as {tie:g} instead of 1/2 (strict comparison, ordinal ranks from argsort, "
                         "or searchsorted on one side only): give tied scores their average rank (midrank)")
        n_distinct = len(np.unique(case["y_score"]))
        expect_close(got["auc"], want, f"roc_auc with {_describe(case)} and {n_distinct} distinct score(s)",
                     cause=cause, against="scikit-learn's roc_auc_score", **TOL["auc"])


@check(points=1)
def roc_auc_depends_only_on_the_order(ctx):
    """roc_auc is unchanged by increasing transforms of the scores and becomes 1 - AUC when they are negated"""
    y, s = make_scores(ctx.rng, n=120, separation=0.7)
    s = np.round(s, 2)                                   # some ties too
    transforms = {"y_score": s, "exp(y_score)": np.exp(s), "1000 · y_score - 5000": 1000 * s - 5000,
                  "y_score ** 3": s ** 3, "-y_score": -s}
    cases = [{"y_true": y, "y_score": v} for v in transforms.values()]
    got = {name: g["auc"] for name, g in zip(transforms, ctx.run(auc_probe, cases))}
    base = got["y_score"]
    cause = ("the AUC depends only on the order of the scores (ranks); a fixed grid of thresholds (np.linspace over the "
             "score range), binning, or using the score values themselves makes it depend on the values")
    for name in ("exp(y_score)", "1000 · y_score - 5000", "y_score ** 3"):
        expect_close(got[name], base, f"roc_auc of {name}", cause=cause, against="roc_auc of y_score", **TOL["auc"])
    expect_close(got["-y_score"], 1 - base, "roc_auc of -y_score", cause=cause + "; negating the scores reverses every pair",
                 against="1 - roc_auc of y_score", **TOL["auc"])


# -- checks: all three ----------------------------------------------------------------------

@check(points=1)
def return_types(ctx):
    """confusion_matrix returns an int ndarray; precision_recall_f1 three floats; roc_auc a float"""
    y_true, y_pred = make_labels(ctx.rng, n=50, k=3)
    cm = ctx.run(cm_probe, [{"y_true": y_true, "y_pred": y_pred, "labels": None}])[0]
    expect(cm["type"] == "ndarray", f"confusion_matrix returns a {cm['type']}, expected a numpy ndarray", "return np.asarray(...)")
    expect(np.dtype(cm["dtype"]).kind in "iu", f"confusion_matrix has dtype {cm['dtype']}, expected integer counts",
           "build the counts as integers (np.bincount does), or convert with .astype(int)")
    for average in ("binary", "macro"):
        yb, pb = (y_true == 1).astype(int), (y_pred == 1).astype(int)
        case = {"y_true": yb, "y_pred": pb, "average": average} if average == "binary" else {"y_true": y_true, "y_pred": y_pred, "average": average}
        got = ctx.run(prf_probe, [case])[0]
        expect(len(got["types"]) == 3, f"precision_recall_f1(average={average!r}) returns {len(got['types'])} values, expected (precision, recall, f1)")
        bad = [t for t in got["types"] if t not in ("float", "float64", "float32")]
        expect(not bad, f"precision_recall_f1(average={average!r}) returns values of type {got['types']}, expected floats",
               "convert each score with float(...), e.g. float(np.mean(...)) instead of a 0-d or 1-element array")
    y, s = make_scores(ctx.rng, n=40)
    auc = ctx.run(auc_probe, [{"y_true": y, "y_score": s}])[0]
    expect(auc["type"] in ("float", "float64", "float32"), f"roc_auc returns a {auc['type']}, expected a float", "convert with float(...)")


@check(points=1)
def inputs_not_modified(ctx):
    """the three functions leave their input arrays unchanged"""
    y_true, y_pred = make_labels(ctx.rng, n=80, k=3)
    y_bin, y_score = make_scores(ctx.rng, n=80)
    labels = np.array([2, 0, 1])
    got = ctx.run(all_probe, y_true, y_pred, y_bin, y_score, labels)
    cause = "an in-place operation (sort(), y[...] = ..., +=) on the caller's array; work on a copy or use np.sort / np.argsort"
    for key, name, want in (("y_true", "y_true", y_true), ("y_pred", "y_pred", y_pred), ("y_bin", "y_true of roc_auc", y_bin),
                            ("y_score", "y_score", y_score), ("labels", "labels", labels)):
        expect_equal(got[key], want, f"{name} after the call", against="before the call", cause=cause)


@check(points=2)
def vectorised(ctx):
    """no Python loop over samples or over (positive, negative) pairs"""
    y_true, y_pred = make_labels(ctx.rng, n=100, k=4)
    # Tiling keeps the set of labels (and every per-class ratio): only the sample count grows.
    big_true, big_pred = np.tile(y_true, 4), np.tile(y_pred, 4)
    expect_vectorised(ctx, cm_only_probe, (y_true, y_pred), (big_true, big_pred), 100, 400, "confusion_matrix")
    expect_vectorised(ctx, prf_only_probe, (y_true, y_pred), (big_true, big_pred), 100, 400, "precision_recall_f1")
    # Fresh scores (not tiled): a loop over distinct thresholds grows with n as well.
    small, large = make_scores(ctx.rng, n=100), make_scores(ctx.rng, n=400)
    expect_vectorised(ctx, auc_only_probe, small, large, 100, 400, "roc_auc")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support, roc_auc_score

    rng = np.random.default_rng(0)
    y_true, y_pred = make_labels(rng, n=200_000, k=5)
    y_bin, y_score = make_scores(rng, n=200_000)

    def ours():
        reference.confusion_matrix(y_true, y_pred)
        reference.precision_recall_f1(y_true, y_pred, average="macro")
        reference.roc_auc(y_bin, y_score)

    def theirs():
        confusion_matrix(y_true, y_pred)
        precision_recall_fscore_support(y_true, y_pred, average="macro", zero_division=0.0)
        roc_auc_score(y_bin, y_score)

    return {
        "input": "confusion_matrix + macro precision_recall_f1 on 200000 labels of 5 classes, roc_auc on 200000 scores",
        "reference": ours,
        "sklearn": theirs,
    }
