"""Hidden checks for naive_bayes.

GaussianNB is deterministic and scikit-learn's formulas are the textbook ones, so the
fitted parameters and the probabilities are compared with scikit-learn at tight
tolerances; classic mistakes are recognised by recomputing the variants that make them.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "parameters": dict(rtol=1e-9, atol=1e-12),
    "log_proba": dict(rtol=1e-7, atol=1e-7),
    "proba": dict(rtol=1e-7, atol=1e-9),
    # log-probabilities of -1e4 .. -1e12, and variances of ~1e-9 where (x - θ)²/σ² may be expanded
    # into x²/σ² - 2xθ/σ² + θ²/σ² (cancellation of ~1e-6 in jll): relative accuracy only
    "extreme_log_proba": dict(rtol=1e-6, atol=1e-5),
    "extreme_proba": dict(rtol=0, atol=1e-6),
}
LABELS = np.array([0, 3, 5])
BAYES = "jll_c = log π_c - ½ Σ_j [log(2π σ²_cj) + (x_j - θ_cj)² / σ²_cj], then log p(c | x) = jll_c - logsumexp_c jll_c"


def make_data(rng, n=200, d=4, sizes=(0.55, 0.3, 0.15)):
    """Three Gaussian classes (labels 0, 3, 5) with unequal priors, means and spreads."""
    counts = np.maximum(5, (np.asarray(sizes) * n).astype(int))
    codes = np.repeat(np.arange(3), counts)
    rng.shuffle(codes)
    means = rng.normal(scale=2.0, size=(3, d))
    spreads = rng.uniform(0.5, 2.0, size=(3, d))
    X = means[codes] + spreads[codes] * rng.normal(size=(len(codes), d))
    return X, LABELS[codes], means, spreads


def queries(rng, means, spreads, n=150):
    codes = rng.integers(0, 3, size=n)
    return means[codes] + 1.5 * spreads[codes] * rng.normal(size=(n, means.shape[1]))


def _parameters(X, y, var_smoothing, ddof=0, smoothing="max"):
    """GaussianNB's parameters, or a classic mistake's (ddof=1, no smoothing, per-feature smoothing)."""
    classes = np.unique(y)
    theta = np.array([X[y == c].mean(0) for c in classes])
    var = np.array([X[y == c].var(0, ddof=ddof) for c in classes])
    eps = {"max": var_smoothing * X.var(0).max(), "none": 0.0, "per_feature": var_smoothing * X.var(0),
           "plain": var_smoothing}[smoothing]
    prior = np.array([np.mean(y == c) for c in classes])
    return theta, var + eps, prior


def _log_proba(theta, var, prior, X, use_prior=True, use_logvar=True):
    jll = -0.5 * (((X[:, None, :] - theta) ** 2) / var).sum(-1)
    if use_logvar:
        jll = jll - 0.5 * np.log(2 * np.pi * var).sum(1)
    if use_prior:
        jll = jll + np.log(prior)
    top = jll.max(1, keepdims=True)
    return jll - top - np.log(np.exp(jll - top).sum(1, keepdims=True))


def _diagnose(got, X, y, Xq, var_smoothing):
    """Name the classic mistake whose log-probabilities match ``got``."""
    with np.errstate(all="ignore"):
        return _match_variant(got, X, y, Xq, var_smoothing)


def _match_variant(got, X, y, Xq, var_smoothing):
    theta, var, prior = _parameters(X, y, var_smoothing)
    variants = [
        (_log_proba(theta, var, prior, Xq, use_prior=False), "the class prior is missing: jll_c starts with log π_c (π_c = n_c / n)"),
        (_log_proba(*_parameters(X, y, var_smoothing, ddof=1), Xq), "the variances are the unbiased ones (ddof=1); GaussianNB uses np.var's default ddof=0"),
        (_log_proba(*_parameters(X, y, var_smoothing, smoothing="none"), Xq), "var_smoothing is not applied: add ε = var_smoothing · max variance over all features to every variance"),
        (_log_proba(*_parameters(X, y, var_smoothing, smoothing="per_feature"), Xq), "ε must be var_smoothing times the largest variance over all features (one number), not each feature's own variance"),
        (_log_proba(theta, var, prior, Xq, use_logvar=False), "the normalising term -½ Σ_j log(2π σ²_cj) of the Gaussian density is missing; it differs between classes"),
    ]
    for want, message in variants:
        if got.shape == want.shape and np.allclose(got, want, **TOL["log_proba"]):
            return message
    return None


def _sklearn(X, y, var_smoothing=1e-9):
    from sklearn.naive_bayes import GaussianNB

    return GaussianNB(var_smoothing=var_smoothing).fit(X, y)


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, y, params):
    model = mod.GaussianNB(**params)
    returned = model.fit(X, y)
    epsilon = np.asarray(model.epsilon_, dtype=float)   # a 0-d array would cross the wire as shape (1,)
    return {"returned_self": returned is model, "classes": np.asarray(model.classes_),
            "class_count": np.asarray(model.class_count_, dtype=float),
            "class_prior": np.asarray(model.class_prior_, dtype=float), "theta": np.asarray(model.theta_, dtype=float),
            "var": np.asarray(model.var_, dtype=float), "epsilon": epsilon if epsilon.size != 1 else float(epsilon.ravel()[0])}


def predict_probe(mod, X, y, params, Xq):
    model = mod.GaussianNB(**params).fit(X, y)
    return {"log_proba": np.asarray(model.predict_log_proba(Xq), dtype=float), "var": np.asarray(model.var_, dtype=float),
            "proba": np.asarray(model.predict_proba(Xq), dtype=float), "labels": np.asarray(model.predict(Xq)),
            "X_after": X, "y_after": y, "Xq_after": Xq}


def run_only_probe(mod, X, y, Xq):
    model = mod.GaussianNB().fit(X, y)
    model.predict_proba(Xq)
    model.predict(Xq)
    return 0


# -- checks ------------------------------------------------------------------------------

def _expect_predictions(got, X, y, Xq, var_smoothing, what, extreme=False):
    sk = _sklearn(X, y, var_smoothing)
    want_log = sk.predict_log_proba(Xq)
    log_proba = as_array(got["log_proba"], "predict_log_proba")
    against = f"scikit-learn's GaussianNB(var_smoothing={var_smoothing:g})"
    if log_proba.shape == want_log.shape and np.isnan(log_proba).any():
        rows = int(np.isnan(log_proba).any(1).sum())
        raise Failed(f"predict_log_proba has NaN in {rows} of {len(Xq)} rows {what}\n"
                     "Likely cause: the normalisation happens in linear space: exp(jll) underflows to 0 for every class and 0/0 = nan; "
                     "normalise in log space with log-sum-exp: log p = jll - (m + log Σ exp(jll - m)), m = max jll")
    cause = _diagnose(log_proba, X, y, Xq, var_smoothing) or BAYES
    expect_close(log_proba, want_log, f"predict_log_proba {what}", against=against, cause=cause,
                 **TOL["extreme_log_proba" if extreme else "log_proba"])
    proba = as_array(got["proba"], "predict_proba")
    if proba.shape == want_log.shape and np.isnan(proba).any():
        raise Failed(f"predict_proba has NaN in {int(np.isnan(proba).any(1).sum())} rows {what}\n"
                     "Likely cause: the normalisation happens in linear space (0/0 = nan when every exp(jll) underflows): use log-sum-exp, then exp")
    expect_close(proba, sk.predict_proba(Xq), f"predict_proba {what}", against=against,
                 cause="predict_proba is exp(predict_log_proba); normalise with log-sum-exp, not by summing exp(jll)",
                 **TOL["extreme_proba" if extreme else "proba"])
    return sk


@check(points=1)
def fitted_attributes(ctx):
    """fit returns self and sets classes_, class_prior_, theta_, var_ and epsilon_ with the documented shapes"""
    X, y, _, _ = make_data(ctx.rng, d=3)
    got = ctx.run(fit_probe, X, y, {})
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    expect_equal(got["classes"], LABELS, "classes_", against="np.unique(y)", cause="classes_ is np.unique(y): the sorted labels (here 0, 3, 5)")
    expect_shape(got["class_prior"], (3,), "class_prior_", "one prior per class")
    expect_shape(got["theta"], (3, 3), "theta_", "one row of feature means per class: (n_classes, n_features)")
    expect_shape(got["var"], (3, 3), "var_", "one row of feature variances per class: (n_classes, n_features)")


@check(points=3)
def parameters_match_sklearn(ctx):
    """class_count_, class_prior_, theta_, var_ (ddof=0, plus ε) and epsilon_ match scikit-learn"""
    X, y, _, _ = make_data(ctx.rng, n=60)           # small classes: ddof=1 differs by n_c / (n_c - 1)
    for var_smoothing in (1e-9, 0.05):
        got = ctx.run(fit_probe, X, y, {"var_smoothing": var_smoothing})
        sk = _sklearn(X, y, var_smoothing)
        against = f"scikit-learn's GaussianNB(var_smoothing={var_smoothing:g})"
        prior = as_array(got["class_prior"], "class_prior_")
        prior_cause = "class_prior_ is n_c / n, the fraction of training samples in each class"
        if prior.shape == (3,) and np.allclose(prior, sk.class_count_):
            prior_cause = "class_prior_ holds the counts n_c: divide by n"
        expect_close(got["class_count"], sk.class_count_, "class_count_", against=against, cause="class_count_[c] is the number of training samples of class classes_[c]", **TOL["parameters"])
        expect_close(prior, sk.class_prior_, "class_prior_", against=against, cause=prior_cause, **TOL["parameters"])
        expect_close(got["theta"], sk.theta_, "theta_", against=against, cause="theta_[c] is the mean of the rows of class classes_[c]", **TOL["parameters"])
        var = as_array(got["var"], "var_")
        cause = "var_[c] is np.var of class c's rows (ddof=0) plus epsilon_ = var_smoothing · max over features of np.var(X, axis=0)"
        for smoothing, ddof, message in (
            ("max", 1, "the variances are the unbiased ones (ddof=1); GaussianNB uses np.var's default ddof=0"),
            ("none", 0, "var_smoothing is not applied: add epsilon_ = var_smoothing · np.var(X, axis=0).max() to every variance"),
            ("per_feature", 0, "epsilon_ must be var_smoothing times the largest variance over all features (one number), not each feature's own variance"),
            ("plain", 0, "epsilon_ is var_smoothing times the largest feature variance of the whole X, not var_smoothing itself"),
        ):
            if var.shape == sk.var_.shape and np.allclose(var, _parameters(X, y, var_smoothing, ddof, smoothing)[1], rtol=1e-9, atol=0):
                cause = message
                break
        expect_close(var, sk.var_, "var_", against=against, cause=cause, **TOL["parameters"])
        expect_close(got["epsilon"], sk.epsilon_, "epsilon_", against=against,
                     cause="epsilon_ = var_smoothing · np.var(X, axis=0).max(), over the whole training set", **TOL["parameters"])


@check(points=3)
def probabilities_match_sklearn(ctx):
    """predict_log_proba and predict_proba match scikit-learn (Bayes' theorem with unequal priors)"""
    X, y, means, spreads = make_data(ctx.rng)
    Xq = queries(ctx.rng, means, spreads)
    got = ctx.run(predict_probe, X, y, {}, Xq)
    _expect_predictions(got, X, y, Xq, 1e-9, "on new points")


@check(points=2)
def predict_matches_sklearn(ctx):
    """predict returns the most probable class, a label from classes_"""
    X, y, means, spreads = make_data(ctx.rng)
    Xq = queries(ctx.rng, means, spreads, n=300)
    sk = _sklearn(X, y)
    top2 = np.sort(sk.predict_log_proba(Xq), axis=1)[:, -2:]   # gaps of log p(c | x) are gaps of jll
    Xq = Xq[top2[:, 1] - top2[:, 0] > 1e-6]          # no near-ties between the two best classes
    got = ctx.run(predict_probe, X, y, {}, Xq)
    labels = expect_shape(got["labels"], (len(Xq),), "predict")
    cause = _diagnose(as_array(got["log_proba"], "predict_log_proba"), X, y, Xq, 1e-9)
    expect_equal(labels, sk.predict(Xq), "predict", against="scikit-learn's GaussianNB.predict",
                 cause=cause or "predict is classes_[argmax_c jll_c(x)]: labels from classes_, not column indices")


@check(points=2)
def far_away_points_stay_finite(ctx):
    """points far from every class get finite probabilities (log-sum-exp, not exp then divide)"""
    X, y, means, spreads = make_data(ctx.rng)
    Xq = queries(ctx.rng, means, spreads, n=40)
    Xq[20:] = Xq[20:] * 100 + 300                   # every exp(jll) underflows to 0 here
    got = ctx.run(predict_probe, X, y, {}, Xq)
    _expect_predictions(got, X, y, Xq, 1e-9, "for points far from every class", extreme=True)
    expect_equal(got["labels"], _sklearn(X, y).predict(Xq), "predict for points far from every class", against="scikit-learn's GaussianNB.predict",
                 cause="take the argmax of the joint log-likelihoods (or of the log-probabilities), which stay finite")


@check(points=2)
def zero_variance_feature_is_smoothed(ctx):
    """a feature that is constant within each class gets variance ε, not 0: finite, scikit-learn's probabilities"""
    X, y, means, spreads = make_data(ctx.rng, d=3)
    X[:, 0] = np.searchsorted(LABELS, y) + 1.0       # constant 1, 2 or 3 within each class
    Xq = queries(ctx.rng, means, spreads, n=60)
    Xq[:, 0] = ctx.rng.choice([1.0, 2.0, 3.0, 1.5], size=60)
    got = ctx.run(predict_probe, X, y, {}, Xq)
    log_proba = as_array(got["log_proba"], "predict_log_proba")
    var = as_array(got["var"], "var_")
    if (var <= 0).any():
        cause = ("var_smoothing is not applied: a zero variance makes (x - θ)² / σ² = 0/0 or x/0; add ε = var_smoothing · "
                 "np.var(X, axis=0).max() to every variance")
    else:
        cause = ("the variances are positive, so the NaN comes from normalising in linear space: when every exp(jll) underflows, "
                 "0/0 = nan; use log-sum-exp")
    expect(not np.isnan(log_proba).any(),
           f"predict_log_proba has {int(np.isnan(log_proba).sum())} NaN values when a feature is constant within each class", cause)
    expect(np.isfinite(as_array(got["proba"], "predict_proba")).all(), "predict_proba is not finite when a feature is constant within each class", cause)
    _expect_predictions(got, X, y, Xq, 1e-9, "with a feature constant within each class", extreme=True)


@check(points=1)
def inputs_not_modified(ctx):
    """fit, predict_log_proba, predict_proba and predict leave their input arrays unchanged"""
    X, y, means, spreads = make_data(ctx.rng)
    Xq = queries(ctx.rng, means, spreads, n=30)
    got = ctx.run(predict_probe, X, y, {}, Xq)
    cause = "an in-place operation (X -= ..., X **= 2) on the caller's array; work on a copy"
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause=cause)
    expect_equal(got["y_after"], y, "y after fit", against="y before fit", cause=cause)
    expect_equal(got["Xq_after"], Xq, "X after predict", against="X before predict", cause=cause)


@check(points=2)
def vectorised(ctx):
    """fit and predict do not loop over samples in Python (a loop over classes is fine)"""
    X, y, means, spreads = make_data(ctx.rng, n=100)
    Xq = queries(ctx.rng, means, spreads, n=100)
    # Tiling leaves every mean and (ddof=0) variance unchanged: only the sample count grows.
    expect_vectorised(ctx, run_only_probe, (X, y, Xq), (np.tile(X, (4, 1)), np.tile(y, 4), np.tile(Xq, (4, 1))), 100, 400, "fit + predict")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.naive_bayes import GaussianNB

    rng = np.random.default_rng(0)
    X, y, means, spreads = make_data(rng, n=100_000, d=20)
    Xq = queries(rng, means, spreads, n=100_000)
    return {
        "input": "fit + predict_proba, 100000 samples × 20 features of 3 classes, 100000 queries, var_smoothing=1e-9",
        "reference": lambda: reference.GaussianNB(var_smoothing=1e-9).fit(X, y).predict_proba(Xq),
        "sklearn": lambda: GaussianNB(var_smoothing=1e-9).fit(X, y).predict_proba(Xq),
    }
