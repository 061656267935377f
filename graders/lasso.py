"""Hidden checks for lasso.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with the reference solution (the first sweeps, exactly) and with
scikit-learn's Lasso (the converged solution and its zeros, both run at a tight tolerance).

The intercept may be handled by centring (as the README says) or as an unpenalised coordinate
updated in each sweep: both are correct and reach the same optimum, so every exact trajectory
check runs on centred data, where the two coincide, and the intercept is judged at convergence.
The sparsity pattern is compared only on problems drawn so that no coefficient sits near the
threshold: each zero of scikit-learn's solution has |x_jᵀ r| / n well below alpha and each
non-zero is well away from 0.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

PRELOAD = ["sklearn.linear_model"]  # imported while the sandbox starts (see mlkata.judge)
TOL = {
    "trajectory": dict(rtol=1e-8, atol=1e-10),   # same updates in the same order: only rounding differs
    "converged": dict(rtol=1e-6, atol=1e-7),     # both stopped at a tight tolerance
    "self_consistent": dict(rtol=1e-9, atol=1e-12),
}
TIGHT = {"tol": 1e-10, "max_iter": 10_000}
UPDATE = ("for each j in order: rho = x_j @ (r + x_j * coef_j) / n, coef_j = sign(rho) * max(|rho| - alpha, 0) / (||x_j||² / n), "
          "then r -= x_j * (new - old), on centred data, starting from coef_ = 0")
MISTAKES = {
    "alpha_over_n": ("soft-thresholding without the 1/n scaling: rho and ||x_j||² are not divided by n_samples, so the threshold "
                     "acts as alpha / n. With the objective (1/(2n))||r||² + alpha||w||₁ use rho = x_j @ r_j / n, z_j = ||x_j||² / n"),
    "alpha_times_n": ("soft-thresholding without the 1/n scaling: the threshold is alpha * n_samples. With the objective "
                      "(1/(2n))||r||² + alpha||w||₁, rho = x_j @ r_j / n is compared with alpha itself"),
    "positive": ("the soft-threshold does not keep the sign: max(0, rho - alpha) zeroes every negative coefficient. "
                 "Use sign(rho) * max(|rho| - alpha, 0)"),
    "jacobi": ("stale residual: every rho_j of a sweep is computed from the residual at the start of the sweep (Jacobi). "
               "Update r -= x_j * (new - old) right after each coordinate, so the next one sees it (Gauss-Seidel)"),
    "no_self": ("rho_j uses the full residual: add back feature j's own contribution, rho_j = x_j @ (r + x_j * coef_j) / n "
                "(equivalently x_j @ r / n + z_j * coef_j)"),
}
INTERCEPT = ("the intercept is penalised or wrong: it must not be shrunk. Centre X and y, run coordinate descent on coef_ only, "
             "then intercept_ = mean(y) - mean(X, axis=0) @ coef_")


def make_data(rng, n=150, d=8, offset=2.0, noise=1.0):
    """Correlated features with uneven scales and means, a sparse true coef with both signs, and an offset."""
    Z = rng.normal(size=(n, d))
    X = (Z + 0.5 * np.roll(Z, 1, axis=1)) * rng.uniform(0.5, 2.0, size=d) + rng.uniform(-offset, offset, size=d)
    signs = np.resize([1.0, -1.0], d)
    w = np.where(np.arange(d) % 3 == 2, 0.0, signs * rng.uniform(1.0, 3.0, size=d))
    y = X @ rng.permutation(w) + 2.0 * offset + rng.normal(scale=noise, size=n)
    return X, y


def centred_data(rng, n=150, d=8):
    X, y = make_data(rng, n, d)
    return X - X.mean(axis=0), y - y.mean()


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, y, params):
    model = mod.Lasso(**params)
    returned = model.fit(X, y)
    return {
        "returned_self": returned is model,
        "coef": np.asarray(model.coef_, dtype=float),
        "intercept_type": type(model.intercept_).__name__,
        "intercept": float(model.intercept_),
        "n_iter_type": type(model.n_iter_).__name__,
        "n_iter": float(model.n_iter_),
    }


def predict_probe(mod, X, y, params, X_new):
    model = mod.Lasso(**params).fit(X, y)
    pred = np.asarray(model.predict(X_new), dtype=float)
    return {"coef": np.asarray(model.coef_, dtype=float), "intercept": float(model.intercept_), "pred": pred,
            "X_after": X, "y_after": y, "X_new_after": X_new}


def fit_only_probe(mod, X, y, params):
    mod.Lasso(**params).fit(X, y)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sklearn(X, y, alpha, fit_intercept=True):
    from sklearn.linear_model import Lasso

    return Lasso(alpha=alpha, fit_intercept=fit_intercept, tol=1e-12, max_iter=100_000).fit(X, y)


def _sweeps(X, y, alpha, sweeps, variant):
    """``sweeps`` sweeps of a wrong coordinate descent on centred X, y (to name the learner's mistake)."""
    n = len(y)
    z = (X ** 2).sum(axis=0) / n
    w, r = np.zeros(X.shape[1]), y.copy()
    for _ in range(sweeps):
        start = r.copy()
        for j in range(X.shape[1]):
            rho = X[:, j] @ (start if variant == "jacobi" else r) / n + (0.0 if variant == "no_self" else z[j] * w[j])
            if variant == "positive":
                new = max(rho - alpha, 0.0) / z[j]
            else:
                a = {"alpha_over_n": alpha / n, "alpha_times_n": alpha * n}.get(variant, alpha)
                new = np.sign(rho) * max(abs(rho) - a, 0.0) / z[j]
            if variant != "jacobi":
                r = r - X[:, j] * (new - w[j])
            w[j] = new
        if variant == "jacobi":
            r = y - X @ w
    return w


def _diagnose(coef, X, y, alpha, sweeps):
    """The wrong coordinate descent whose first sweeps the learner's coef_ equals, else the update rule."""
    if coef.shape == (X.shape[1],) and np.all(coef == 0):
        return ("coef_ is still all zeros: either the threshold is far too strong (alpha * n_samples instead of alpha: "
                "rho_j = x_j @ r / n is compared with alpha itself) or the new coef_j is never stored")
    for variant in MISTAKES:
        wrong = _sweeps(X, y, alpha, sweeps, variant)
        if coef.shape == wrong.shape and np.allclose(coef, wrong, rtol=1e-6, atol=1e-9):
            return MISTAKES[variant]
    return UPDATE


def _converged_cause(coef, X, y, alpha, sk):
    """Name the mistake from the converged coef_: a rescaled alpha, clipped negatives or a penalised intercept."""
    if coef.shape != sk.coef_.shape:
        return UPDATE
    for variant, a in (("alpha_over_n", alpha / len(y)), ("alpha_times_n", alpha * len(y))):
        if np.allclose(coef, _sklearn(X, y, a).coef_, rtol=1e-5, atol=1e-6):
            return MISTAKES[variant]
    if np.any(sk.coef_ < 0) and np.all(coef[sk.coef_ < 0] == 0):
        return MISTAKES["positive"]
    penalised = _sklearn(np.column_stack([np.ones(len(y)), X]), y, alpha, fit_intercept=False).coef_  # ones column inside the L1 term
    if np.allclose(coef, penalised[1:], rtol=1e-5, atol=1e-6):
        return INTERCEPT
    return UPDATE


def sparse_problem(rng, alpha_scale, n=150, d=8, attempts=50):
    """Data and alpha whose lasso solution has zeros and non-zeros all well away from the threshold."""
    for _ in range(attempts):
        X, y = make_data(rng, n, d)
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        alpha = alpha_scale * np.max(np.abs(Xc.T @ yc)) / n
        sk = _sklearn(X, y, alpha)
        zero = sk.coef_ == 0
        slack = np.abs(Xc.T @ (yc - Xc @ sk.coef_)) / n            # = alpha on the support, < alpha off it
        curvature = (Xc ** 2).sum(axis=0) / n
        if 0 < zero.sum() < d and np.all(slack[zero] < 0.8 * alpha) and np.all(curvature[~zero] * np.abs(sk.coef_[~zero]) > 0.2 * alpha):
            return X, y, alpha, sk
    raise AssertionError("no well-separated lasso problem found")  # grader bug: never expected


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self and sets coef_ (n_features,), a float intercept_ (0.0 without intercept) and an int n_iter_"""
    X, y = make_data(ctx.rng, d=5)
    for fit_intercept in (True, False):
        got = ctx.run(fit_probe, X, y, {"alpha": 0.1, "fit_intercept": fit_intercept})
        expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
        expect_shape(got["coef"], (5,), "coef_")
        expect(got["intercept_type"] in ("float", "float64"), f"intercept_ is a {got['intercept_type']}, expected a float", "convert with float(...)")
        expect(got["n_iter_type"] in ("int", "int64", "int32", "intp"), f"n_iter_ is a {got['n_iter_type']}, expected an int", "count the sweeps with an int")
    expect(got["intercept"] == 0.0, f"Lasso(fit_intercept=False).intercept_ is {got['intercept']:.6g}, expected 0.0",
           "without an intercept the model goes through the origin: do not centre and set intercept_ = 0.0")


@check(points=3)
def first_sweeps_match_reference(ctx):
    """the first coordinate-descent sweeps from zero match the reference exactly"""
    X, y = centred_data(ctx.rng)      # centred: centring and an unpenalised intercept coordinate coincide
    alpha = 0.3 * np.max(np.abs(X.T @ y)) / len(y)
    for sweeps in (1, 3):
        params = {"alpha": alpha, "max_iter": sweeps, "tol": 0.0}
        got, want = ctx.run(fit_probe, X, y, params), ctx.reference(fit_probe, X, y, params)
        coef = as_array(got["coef"], "coef_")
        cause = _diagnose(coef, X, y, alpha, sweeps)
        expect_close(coef, want["coef"], f"coef_ after {sweeps} sweep(s) (alpha={alpha:.3g}, tol=0)", cause=cause, **TOL["trajectory"])


@check(points=3)
def matches_sklearn(ctx):
    """converged coef_, intercept_ and predictions equal scikit-learn's Lasso"""
    X, y, alpha, sk = sparse_problem(ctx.rng, 0.15)
    X_new = make_data(ctx.rng, n=40)[0]
    got = ctx.run(predict_probe, X, y, {"alpha": alpha, **TIGHT}, X_new)
    against = f"scikit-learn's Lasso(alpha={alpha:.3g})"
    coef = as_array(got["coef"], "coef_")
    close = coef.shape == sk.coef_.shape and np.allclose(coef, sk.coef_, **TOL["converged"])
    cause = UPDATE if close else _converged_cause(coef, X, y, alpha, sk)
    expect_close(coef, sk.coef_, "coef_ at convergence (tol=1e-10)", cause=cause, against=against, **TOL["converged"])
    expect_close(got["intercept"], sk.intercept_, "intercept_ at convergence", cause=INTERCEPT, against=against, **TOL["converged"])
    expect_close(got["pred"], sk.predict(X_new), "predict on new data", cause="predict(X) is X @ coef_ + intercept_", against=against, **TOL["converged"])


@check(points=2)
def exact_zeros_where_sklearn_has_zeros(ctx):
    """with a strong penalty, coef_ is exactly 0.0 where scikit-learn's is, and clearly non-zero elsewhere"""
    X, y, alpha, sk = sparse_problem(ctx.rng, 0.4)
    got = ctx.run(fit_probe, X, y, {"alpha": alpha, **TIGHT})
    coef = expect_shape(as_array(got["coef"], "coef_"), sk.coef_.shape, "coef_")
    zero = sk.coef_ == 0
    should_be_zero = np.flatnonzero(zero & (coef != 0))
    if should_be_zero.size:
        j = should_be_zero[0]
        tiny = abs(coef[j]) < 1e-6
        raise Failed(f"coef_[{j}] = {coef[j]:.3g} where scikit-learn's Lasso(alpha={alpha:.3g}) has exactly 0.0 "
                     f"({should_be_zero.size} such features: {should_be_zero.tolist()})\nLikely cause: " +
                     ("the coefficient is tiny but not exactly zero: soft-thresholding, sign(rho) * max(|rho| - alpha, 0), gives 0.0 "
                      "exactly; do not approximate it (e.g. with a smooth penalty or gradient steps)" if tiny else
                      "the threshold is too weak: " + MISTAKES["alpha_over_n"]))
    lost = np.flatnonzero(~zero & (coef == 0))
    if lost.size:
        j = lost[0]
        negative = np.all(sk.coef_[lost] < 0)
        raise Failed(f"coef_[{j}] = 0.0 where scikit-learn's Lasso(alpha={alpha:.3g}) has {sk.coef_[j]:.4g} "
                     f"({lost.size} such features: {lost.tolist()})\nLikely cause: " +
                     (MISTAKES["positive"] if negative else "the threshold is too strong: " + MISTAKES["alpha_times_n"]))


@check(points=2)
def intercept_is_not_penalised(ctx):
    """the intercept is free: with a large offset it matches scikit-learn's, and above alpha_max it is mean(y)"""
    X, y = make_data(ctx.rng, offset=6.0)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    alpha = 0.2 * np.max(np.abs(Xc.T @ yc)) / len(y)
    got = ctx.run(fit_probe, X, y, {"alpha": alpha, **TIGHT})
    sk = _sklearn(X, y, alpha)
    coef = as_array(got["coef"], "coef_")
    cause = INTERCEPT
    if not (coef.shape == sk.coef_.shape and np.allclose(coef, sk.coef_, **TOL["converged"])):
        cause = "coef_ is wrong too, and intercept_ = mean(y) - mean(X, axis=0) @ coef_ inherits it: " + _converged_cause(coef, X, y, alpha, sk)
    expect_close(got["intercept"], sk.intercept_, f"intercept_ with alpha={alpha:.3g} on data far from the origin",
                 cause=cause, against="scikit-learn's Lasso", **TOL["converged"])
    alpha_max = np.max(np.abs(Xc.T @ yc)) / len(y)          # the smallest alpha whose solution is all zeros
    got = ctx.run(fit_probe, X, y, {"alpha": 1.5 * alpha_max})
    coef = as_array(got["coef"], "coef_")
    expect(np.all(coef == 0), f"with alpha = 1.5 * max|x_jᵀ yc| / n every coefficient should be exactly 0.0, got {coef}", UPDATE)
    expect(np.isclose(got["intercept"], y.mean(), rtol=1e-9, atol=1e-9),
           f"with coef_ = 0 intercept_ is {got['intercept']:.6g}; the best constant prediction, mean(y) = {y.mean():.6g}, was expected", INTERCEPT)


@check(points=1)
def without_intercept(ctx):
    """Lasso(fit_intercept=False) matches scikit-learn's fit through the origin"""
    X, y = make_data(ctx.rng, offset=1.0)
    alpha = 0.1 * np.max(np.abs(X.T @ y)) / len(y)
    got = ctx.run(fit_probe, X, y, {"alpha": alpha, "fit_intercept": False, **TIGHT})
    sk = _sklearn(X, y, alpha, fit_intercept=False)
    expect_close(got["coef"], sk.coef_, "coef_ with fit_intercept=False", against="scikit-learn's Lasso(fit_intercept=False)",
                 cause="without an intercept, run coordinate descent on X and y as given (no centring) and set intercept_ = 0.0", **TOL["converged"])


@check(points=2)
def stops_after_the_first_small_sweep(ctx):
    """n_iter_ counts the sweeps, stopping at the first whose largest change is below tol, and max_iter caps it"""
    X, y = centred_data(ctx.rng)
    alpha = 0.05 * np.max(np.abs(X.T @ y)) / len(y)
    tol = 1e-4
    want = ctx.reference(fit_probe, X, y, {"alpha": alpha, "tol": tol})
    n_ref = int(want["n_iter"])
    # the largest change of each sweep near the stop, from the reference's coefficients after k sweeps
    coefs = {k: ctx.reference(fit_probe, X, y, {"alpha": alpha, "tol": 0.0, "max_iter": k})["coef"] for k in range(max(n_ref - 2, 1), n_ref + 2)}
    coefs[0] = np.zeros(X.shape[1])
    change = {k: np.max(np.abs(coefs[k] - coefs[k - 1])) for k in (n_ref - 1, n_ref)}
    clear = change[n_ref] < 0.999 * tol and change[n_ref - 1] > 1.001 * tol     # no rounding can move the stop
    got = ctx.run(fit_probe, X, y, {"alpha": alpha, "tol": tol})
    n_got = got["n_iter"]
    if n_got != n_ref and (clear or abs(n_got - n_ref) > 1):
        cause = {n_ref + 1: "one sweep too many: stop right after the first sweep whose largest change is below tol",
                 n_ref - 1: "n_iter_ is one short: it counts every sweep run, the last (small) one included, starting from 1"}.get(
            n_got, "stop after the first sweep in which max_j |new coef_j - old coef_j| < tol; n_iter_ is the number of sweeps run")
        if n_got == 1000:
            cause = "it never stops early: after each sweep, stop if the largest coefficient change is below tol"
        raise Failed(f"n_iter_ = {n_got:g} with tol={tol:g}, expected {n_ref} (the largest change was {change[n_ref - 1]:.3g} "
                     f"in sweep {n_ref - 1} and {change[n_ref]:.3g} in sweep {n_ref})\nLikely cause: {cause}")
    expect_close(got["coef"], coefs[int(n_got)], f"coef_ after stopping at tol={tol:g} ({n_got:g} sweeps)",
                 cause="the coefficients of the sweep where it stopped: " + UPDATE, **TOL["trajectory"])
    got = ctx.run(fit_probe, X, y, {"alpha": alpha, "tol": 0.0, "max_iter": 2})
    expect(got["n_iter"] == 2, f"n_iter_ = {got['n_iter']:g} with max_iter=2 and tol=0, expected 2", "run at most max_iter sweeps and count them")


@check(points=1)
def constant_feature_gets_zero(ctx):
    """a constant feature gets coef_ exactly 0.0 (no division by zero) and leaves the others unchanged"""
    X, y = make_data(ctx.rng, d=5)
    X_const = np.column_stack([X[:, :2], np.full(len(y), 3.0), X[:, 2:]])
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    alpha = 0.1 * np.max(np.abs(Xc.T @ yc)) / len(y)
    got = ctx.run(fit_probe, X_const, y, {"alpha": alpha, **TIGHT})
    coef = expect_shape(as_array(got["coef"], "coef_"), (6,), "coef_")
    cause = ("a constant column is all zeros once centred, so ||x_j||² = 0: skip it (coef_j stays 0) rather than divide "
             "0 by 0, which gives NaN")
    if np.isfinite(coef[2]) and coef[2] != 0.0:
        cause = ("a constant feature cannot improve the fit when the intercept is free: once X is centred the column is all "
                 "zeros and its coef_ stays 0. A non-zero weight means X is not centred, or the intercept is penalised")
    expect(coef[2] == 0.0, f"coef_ of the constant feature is {coef[2]}, expected exactly 0.0", cause)
    sk = _sklearn(X, y, alpha)
    expect_close(np.delete(coef, 2), sk.coef_, "coef_ of the other features", cause="a constant column must not change the other "
                 "coefficients: once centred it is all zeros, so it plays no part in the residual; " + UPDATE,
                 against="scikit-learn's Lasso without the constant column", **TOL["converged"])


@check(points=1)
def predictions_follow_the_model(ctx):
    """predict is X @ coef_ + intercept_"""
    X, y = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=60)[0] * 2
    got = ctx.run(predict_probe, X, y, {"alpha": 0.1}, X_new)
    want = X_new @ as_array(got["coef"], "coef_") + got["intercept"]
    expect_close(got["pred"], want, "predict", against="X @ coef_ + intercept_ of your own coef_",
                 cause="predict(X) should return X @ coef_ + intercept_, shape (n_samples,)", **TOL["self_consistent"])


@check(points=1)
def inputs_not_modified(ctx):
    """fit and predict leave their input arrays unchanged"""
    X, y = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=30)[0]
    got = ctx.run(predict_probe, X, y, {"alpha": 0.1}, X_new)
    cause = "an in-place operation (X -= X.mean(0), y -= ..., or a residual that is a view of y) on the caller's array; work on a copy"
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause=cause)
    expect_equal(got["y_after"], y, "y after fit", against="y before fit", cause=cause)
    expect_equal(got["X_new_after"], X_new, "X after predict", against="X before predict", cause=cause)


@check(points=2)
def vectorised(ctx):
    """fit loops over sweeps and features only, never over samples"""
    X, y = make_data(ctx.rng, n=100, d=5)
    params = {"alpha": 0.05, "max_iter": 3, "tol": 0.0}
    # Tiling leaves every x_jᵀ r / n and ||x_j||² / n unchanged: same sweeps, same path, only more samples.
    expect_vectorised(ctx, fit_only_probe, (X, y, params), (np.tile(X, (4, 1)), np.tile(y, 4), params), 100, 400, "fit")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import Lasso

    X, y = make_data(np.random.default_rng(0), n=5000, d=40)
    sweeps = 100

    def sklearn_fit():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter reached on purpose: tol=0
            Lasso(alpha=0.1, max_iter=sweeps, tol=0.0).fit(X, y)

    return {
        "input": f"fit, 5000 samples × 40 features, alpha=0.1, {sweeps} coordinate-descent sweeps each (tol=0)",
        "reference": lambda: reference.Lasso(alpha=0.1, max_iter=sweeps, tol=0.0).fit(X, y),
        "sklearn": sklearn_fit,
    }
