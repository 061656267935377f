"""Hidden checks for ridge.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with scikit-learn's Ridge, which minimises the same objective
||y - Xw - b||² + alpha ||w||² with the intercept unpenalised. When a comparison fails, the
learner's coef_ is matched against the classic wrong solutions to name the mistake.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

PRELOAD = ["sklearn.linear_model"]  # imported while the sandbox starts (see mlkata.judge)
TOL = {
    "solver": dict(rtol=1e-7, atol=1e-9),    # solve, Cholesky, SVD or lstsq vs scikit-learn: rounding only
    "self_consistent": dict(rtol=1e-9, atol=1e-12),
}
CLOSED_FORM = ("on centred data Xc = X - x̄, yc = y - ȳ: coef_ = solve(Xc.T @ Xc + alpha * I, Xc.T @ yc), "
               "intercept_ = ȳ - x̄ @ coef_")
MISTAKES = {
    "penalised": ("the intercept is penalised: alpha was added to the intercept's diagonal entry (a column of ones "
                  "inside the penalty). Centre X and y instead, or leave the intercept's entry of alpha * I at 0"),
    "times_n": ("alpha is scaled by n_samples: scikit-learn's objective is the sum ||y - Xw - b||² + alpha ||w||², "
                "not the mean, so the system is Xc.T @ Xc + alpha * I with alpha as given"),
    "over_n": ("alpha is divided by n_samples: scikit-learn's objective is the sum ||y - Xw - b||² + alpha ||w||², "
               "so the system is Xc.T @ Xc + alpha * I with alpha as given"),
    "not_centred": ("X and y are not centred: coef_ was solved on the raw X as if there were no intercept. "
                    "Subtract the column means first, then intercept_ = ȳ - x̄ @ coef_"),
}


def make_data(rng, n=60, d=4, offset=3.0):
    """Features with uneven scales and non-zero means, and a target with an offset."""
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d) + rng.uniform(-offset, offset, size=d)
    y = X @ rng.normal(scale=2.0, size=d) + rng.uniform(2.0, 6.0) * offset + rng.normal(size=n)
    return X, y


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, y, params):
    model = mod.Ridge(**params)
    returned = model.fit(X, y)
    return {
        "returned_self": returned is model,
        "coef": np.asarray(model.coef_, dtype=float),
        "intercept_type": type(model.intercept_).__name__,
        "intercept": float(model.intercept_),
    }


def predict_probe(mod, X, y, params, X_new):
    model = mod.Ridge(**params).fit(X, y)
    pred = np.asarray(model.predict(X_new), dtype=float)
    return {"coef": np.asarray(model.coef_, dtype=float), "intercept": float(model.intercept_), "pred": pred,
            "X_after": X, "y_after": y, "X_new_after": X_new}


def fit_only_probe(mod, X, y, params):
    mod.Ridge(**params).fit(X, y)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sklearn(X, y, alpha, fit_intercept=True):
    from sklearn.linear_model import Ridge

    return Ridge(alpha=alpha, fit_intercept=fit_intercept).fit(X, y)


def _ridge(X, y, alpha):
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    return np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ yc)


def _diagnose(coef, X, y, alpha):
    """The classic mistake whose solution the learner's coef_ equals, else the closed form."""
    n, d = X.shape
    A = np.column_stack([np.ones(n), X])
    candidates = {
        "penalised": np.linalg.solve(A.T @ A + alpha * np.eye(d + 1), A.T @ y)[1:],
        "times_n": _ridge(X, y, alpha * n),
        "over_n": _ridge(X, y, alpha / n),
        "not_centred": np.linalg.solve(X.T @ X + alpha * np.eye(d), X.T @ y),
    }
    for name, wrong in candidates.items():
        if coef.shape == wrong.shape and np.allclose(coef, wrong, rtol=1e-6, atol=1e-9):
            return MISTAKES[name]
    return CLOSED_FORM


def _compare(ctx, X, y, alpha, X_new, label):
    got = ctx.run(predict_probe, X, y, {"alpha": alpha}, X_new)
    sk = _sklearn(X, y, alpha)
    coef = as_array(got["coef"], "coef_")
    cause = _diagnose(coef, X, y, alpha)
    against = f"scikit-learn's Ridge(alpha={alpha:g})"
    expect_close(coef, sk.coef_, f"coef_ {label}", cause=cause, against=against, **TOL["solver"])
    expect_close(got["intercept"], sk.intercept_, f"intercept_ {label}", cause=cause, against=against, **TOL["solver"])
    expect_close(got["pred"], sk.predict(X_new), f"predict on new data {label}", against=against,
                 cause="predict(X) is X @ coef_ + intercept_", **TOL["solver"])


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self and sets coef_ (n_features,) and a float intercept_ (0.0 without intercept)"""
    X, y = make_data(ctx.rng, d=5)
    for fit_intercept in (True, False):
        got = ctx.run(fit_probe, X, y, {"fit_intercept": fit_intercept})
        expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
        expect_shape(got["coef"], (5,), "coef_")
        expect(got["intercept_type"] in ("float", "float64"), f"intercept_ is a {got['intercept_type']}, expected a float", "convert with float(...)")
    expect(got["intercept"] == 0.0, f"Ridge(fit_intercept=False).intercept_ is {got['intercept']:.6g}, expected 0.0",
           "without an intercept the model goes through the origin: do not centre and set intercept_ = 0.0")


@check(points=3)
def matches_sklearn(ctx):
    """coef_, intercept_ and predictions equal scikit-learn's Ridge for alpha in 0.1, 3 and 30"""
    X, y = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=40)[0]
    for alpha in (0.1, 3.0, 30.0):
        _compare(ctx, X, y, alpha, X_new, f"with alpha={alpha:g}")


@check(points=2)
def intercept_is_not_penalised(ctx):
    """with a large offset and a strong penalty, only coef_ is shrunk: the intercept stays free"""
    X, y = make_data(ctx.rng, offset=10.0)
    X_new = make_data(ctx.rng, n=40, offset=10.0)[0]
    _compare(ctx, X, y, 100.0, X_new, "with alpha=100 on data far from the origin")
    got = ctx.run(fit_probe, X, y, {"alpha": 1e12})
    coef = as_array(got["coef"], "coef_")
    expect(np.all(np.abs(coef) < 1e-6), f"with alpha=1e12 coef_ should be shrunk to about 0, got {coef}", CLOSED_FORM)
    expect(abs(got["intercept"] - y.mean()) < 1e-4 * max(1.0, abs(y.mean())),
           f"with alpha=1e12 (coef_ ≈ 0) intercept_ is {got['intercept']:.6g}; the best constant prediction, mean(y) = {y.mean():.6g}, was expected",
           _diagnose(coef, X, y, 1e12) if not np.allclose(got["intercept"], 0.0) else MISTAKES["penalised"])


@check(points=2)
def more_features_than_samples(ctx):
    """with more features than samples (XᵀX singular) the penalty still gives scikit-learn's unique solution"""
    X, y = make_data(ctx.rng, n=25, d=40)
    X_new = make_data(ctx.rng, n=20, d=40)[0]
    _compare(ctx, X, y, 2.0, X_new, "with 25 samples and 40 features")


@check(points=1)
def without_intercept(ctx):
    """Ridge(fit_intercept=False) gives scikit-learn's fit through the origin"""
    X, y = make_data(ctx.rng)
    got = ctx.run(fit_probe, X, y, {"alpha": 3.0, "fit_intercept": False})
    sk = _sklearn(X, y, 3.0, fit_intercept=False)
    coef, n, d = as_array(got["coef"], "coef_"), len(y), X.shape[1]
    cause = "without an intercept, solve (X.T @ X + alpha * I) coef_ = X.T @ y on X and y as given (no centring)"
    for name, alpha in (("times_n", 3.0 * n), ("over_n", 3.0 / n)):
        wrong = np.linalg.solve(X.T @ X + alpha * np.eye(d), X.T @ y)
        if coef.shape == wrong.shape and np.allclose(coef, wrong, rtol=1e-6, atol=1e-9):
            cause = MISTAKES[name]
    expect_close(coef, sk.coef_, "coef_ with fit_intercept=False", against="scikit-learn's Ridge(alpha=3, fit_intercept=False)",
                 cause=cause, **TOL["solver"])


@check(points=1)
def predictions_follow_the_model(ctx):
    """predict is X @ coef_ + intercept_"""
    X, y = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=60)[0] * 2
    got = ctx.run(predict_probe, X, y, {"alpha": 1.0}, X_new)
    want = X_new @ as_array(got["coef"], "coef_") + got["intercept"]
    expect_close(got["pred"], want, "predict", against="X @ coef_ + intercept_ of your own coef_",
                 cause="predict(X) should return X @ coef_ + intercept_, shape (n_samples,)", **TOL["self_consistent"])


@check(points=1)
def inputs_not_modified(ctx):
    """fit and predict leave their input arrays unchanged"""
    X, y = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=30)[0]
    got = ctx.run(predict_probe, X, y, {"alpha": 1.0}, X_new)
    cause = "an in-place operation (X -= X.mean(0), y -= ...) on the caller's array; work on a copy"
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause=cause)
    expect_equal(got["y_after"], y, "y after fit", against="y before fit", cause=cause)
    expect_equal(got["X_new_after"], X_new, "X after predict", against="X before predict", cause=cause)


@check(points=2)
def vectorised(ctx):
    """fit does not loop over samples in Python"""
    X, y = make_data(ctx.rng, n=100)
    params = {"alpha": 1.0}
    # Tiling changes only the sample count: the code takes the same path.
    expect_vectorised(ctx, fit_only_probe, (X, y, params), (np.tile(X, (4, 1)), np.tile(y, 4), params), 100, 400, "fit")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.linear_model import Ridge

    X, y = make_data(np.random.default_rng(0), n=20_000, d=100)
    return {
        "input": "fit, 20000 samples × 100 features, alpha=1, closed form (solve vs scikit-learn's Cholesky)",
        "reference": lambda: reference.Ridge(alpha=1.0).fit(X, y),
        "sklearn": lambda: Ridge(alpha=1.0).fit(X, y),
    }
