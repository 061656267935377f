"""Hidden checks for linreg.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with the reference solution and scikit-learn's LinearRegression.

Gradient descent may be written with the intercept as a parameter stepped from zero (as the
README says) or by centring X and y first and stepping coef_ alone: both are correct. So the
exact trajectory checks use centred data (where the two coincide) or fit_intercept=False, and
the intercept is judged at convergence against scikit-learn.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

PRELOAD = ["sklearn.linear_model"]  # imported while the sandbox starts (see mlkata.judge)
TOL = {
    "solver": dict(rtol=1e-7, atol=1e-9),       # SVD, QR or pinv vs scipy's lstsq: rounding only
    "rank_deficient": dict(rtol=1e-6, atol=1e-8),
    "trajectory": dict(rtol=1e-7, atol=1e-9),   # same arithmetic, a few steps: only rounding differs
    "converged": dict(rtol=1e-5, atol=1e-5),    # gradient descent stopped at a tiny tol vs the exact optimum
    "self_consistent": dict(rtol=1e-9, atol=1e-12),
}
INTERCEPT = ("the intercept is missing or wrong: centre X and y (subtract their column means), solve on the centred "
             "data, then intercept_ = mean(y) - mean(X, axis=0) @ coef_ (or append a column of ones)")
INVERSE = ("normal equations solved with np.linalg.inv(X.T @ X) (or solve): that matrix is singular when features are "
           "dependent. Use np.linalg.lstsq(Xc, yc, rcond=None) or np.linalg.pinv, which return the minimum-norm solution")
GRADIENT = ("the gradient of the mean squared error is 2 * X.T @ r / n_samples for coef_ and 2 * mean(r) for intercept_, "
            "r = X @ coef_ + intercept_ - y, both starting from zero")


def make_data(rng, n=200, d=3, noise=0.5, offset=True):
    """Well-conditioned features (uneven scales, non-zero means when offset) and a linear target."""
    X = rng.normal(size=(n, d)) * rng.uniform(0.7, 1.5, size=d)
    if offset:
        X = X + rng.uniform(-1.0, 1.0, size=d)
    y = X @ rng.normal(scale=2.0, size=d) + (rng.uniform(2.0, 4.0) if offset else 0.0) + rng.normal(scale=noise, size=n)
    return X, y


def centred_data(rng, n=200, d=3):
    X, y = make_data(rng, n, d)
    return X - X.mean(axis=0), y - y.mean()


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, name, X, y, params):
    model = getattr(mod, name)(**params)
    returned = model.fit(X, y)
    history = getattr(model, "loss_history_", None)
    return {
        "returned_self": returned is model,
        "coef": np.asarray(model.coef_, dtype=float),
        "intercept_type": type(model.intercept_).__name__,
        "intercept": float(model.intercept_),
        "loss_history": None if history is None else np.asarray(history, dtype=float),
        "history_is_list": isinstance(history, list),
    }


def rank_deficient_probe(mod, X, y):
    try:
        model = mod.LinearRegression().fit(X, y)
    except np.linalg.LinAlgError as error:  # a singular matrix: reported as data so the check can name the cause
        return {"error": "LinAlgError: " + str(error)}
    return {"error": None, "coef": np.asarray(model.coef_, dtype=float), "intercept": float(model.intercept_)}


def predict_probe(mod, name, X, y, params, X_new):
    model = getattr(mod, name)(**params).fit(X, y)
    pred = np.asarray(model.predict(X_new), dtype=float)
    return {"coef": np.asarray(model.coef_, dtype=float), "intercept": float(model.intercept_), "pred": pred,
            "X_after": X, "y_after": y, "X_new_after": X_new}


def fit_both_probe(mod, X, y, params):
    mod.LinearRegression().fit(X, y)
    mod.GDLinearRegression(**params).fit(X, y)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sklearn(X, y, fit_intercept=True):
    from sklearn.linear_model import LinearRegression

    return LinearRegression(fit_intercept=fit_intercept).fit(X, y)


def _diagnose_step(got, want, n):
    """Name the classic gradient mistakes from the ratio of the learner's step to the reference's."""
    if np.allclose(got, want * n, rtol=1e-6):
        return "the gradient is summed over the samples instead of averaged: divide by n_samples"
    if np.allclose(got, want / 2, rtol=1e-6):
        return ("the step is half the expected one: the gradient of the mean squared error has a factor 2, "
                "2 * X.T @ r / n_samples (you differentiated half the MSE)")
    if np.allclose(got, -want, rtol=1e-6):
        return "the step goes up the gradient: update with coef_ -= learning_rate * gradient"
    return GRADIENT


# -- checks: least squares ----------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self and sets coef_ (n_features,), a float intercept_ (0.0 without intercept) and a list loss_history_"""
    X, y = make_data(ctx.rng, d=4)
    for name, params in (("LinearRegression", {}), ("GDLinearRegression", {"n_iter": 20})):
        for fit_intercept in (True, False):
            got = ctx.run(fit_probe, name, X, y, {**params, "fit_intercept": fit_intercept})
            expect(got["returned_self"], f"{name}.fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
            expect_shape(got["coef"], (4,), f"{name}.coef_")
            expect(got["intercept_type"] in ("float", "float64"), f"{name}.intercept_ is a {got['intercept_type']}, expected a float", "convert with float(...)")
            if not fit_intercept:
                expect(got["intercept"] == 0.0, f"{name}(fit_intercept=False).intercept_ is {got['intercept']:.6g}, expected 0.0",
                       "without an intercept the model goes through the origin: do not centre and set intercept_ = 0.0")
    expect(got["history_is_list"], "GDLinearRegression.loss_history_ is not a list")
    expect(1 <= len(got["loss_history"]) <= 20, f"loss_history_ has {len(got['loss_history'])} entries after n_iter=20; expected between 1 and 20, one per step")


@check(points=3)
def least_squares_matches_sklearn(ctx):
    """LinearRegression gives scikit-learn's coef_, intercept_ and predictions on data with an offset"""
    X, y = make_data(ctx.rng, d=4)
    X_new = make_data(ctx.rng, n=50, d=4)[0]
    got = ctx.run(predict_probe, "LinearRegression", X, y, {}, X_new)
    sk = _sklearn(X, y)
    coef = as_array(got["coef"], "coef_")
    no_intercept = np.linalg.lstsq(X, y, rcond=None)[0]
    cause = INTERCEPT if coef.shape == no_intercept.shape and np.allclose(coef, no_intercept, rtol=1e-6) else \
        "least squares on the centred data: coef_ = lstsq(X - x̄, y - ȳ), intercept_ = ȳ - x̄·coef_"
    against = "scikit-learn's LinearRegression"
    expect_close(got["coef"], sk.coef_, "coef_", cause=cause, against=against, **TOL["solver"])
    expect_close(got["intercept"], sk.intercept_, "intercept_", cause=INTERCEPT, against=against, **TOL["solver"])
    expect_close(got["pred"], sk.predict(X_new), "predict on new data", cause="predict(X) is X @ coef_ + intercept_", against=against, **TOL["solver"])


@check(points=1)
def least_squares_without_intercept(ctx):
    """LinearRegression(fit_intercept=False) gives scikit-learn's fit through the origin"""
    X, y = make_data(ctx.rng)
    got = ctx.run(fit_probe, "LinearRegression", X, y, {"fit_intercept": False})
    sk = _sklearn(X, y, fit_intercept=False)
    expect_close(got["coef"], sk.coef_, "coef_ with fit_intercept=False", against="scikit-learn's LinearRegression(fit_intercept=False)",
                 cause="without an intercept, solve least squares on X and y as given: no centring, intercept_ = 0.0", **TOL["solver"])


@check(points=3)
def rank_deficient_gives_minimum_norm(ctx):
    """with duplicated and proportional features, coef_ is scikit-learn's minimum-norm solution"""
    base, y = make_data(ctx.rng, d=3)
    # column 3 copies column 0 and column 4 is twice column 1 (exact in floating point): rank 3 of 5
    X = np.column_stack([base, base[:, 0], 2.0 * base[:, 1]])
    new = make_data(ctx.rng, n=50, d=3)[0]
    X_new = np.column_stack([new, new[:, 0], 2.0 * new[:, 1]])
    got = ctx.run(rank_deficient_probe, X, y)
    if got["error"] is not None:
        raise Failed(f"fit raised {got['error']} on X with a duplicated feature (rank 3 of 5 columns)\nLikely cause: {INVERSE}")
    sk = _sklearn(X, y)
    coef = as_array(got["coef"], "coef_")
    expect_shape(coef, (5,), "coef_")
    expect(np.all(np.isfinite(coef)), f"coef_ has non-finite values {coef} on rank-deficient X", INVERSE)
    fitted = X_new @ coef + got["intercept"]
    against = "scikit-learn's LinearRegression"
    if not np.allclose(fitted, sk.predict(X_new), rtol=1e-5, atol=1e-5):
        cause = INTERCEPT if got["intercept"] == 0.0 else INVERSE
        raise Failed(f"on rank-deficient X the predictions X @ coef_ + intercept_ are not the least-squares ones (largest difference "
                     f"{np.max(np.abs(fitted - sk.predict(X_new))):.3g}; ||coef_|| = {np.linalg.norm(coef):.4g}, "
                     f"intercept_ = {got['intercept']:.4g})\nLikely cause: {cause}")
    expect_close(coef, sk.coef_, "coef_ on rank-deficient X", against=against + " (minimum norm)",
                 cause=f"a least-squares solution, but not the minimum-norm one (||coef_|| = {np.linalg.norm(coef):.4g}, "
                       f"minimum {np.linalg.norm(sk.coef_):.4g}): {INVERSE}", **TOL["rank_deficient"])
    expect_close(got["intercept"], sk.intercept_, "intercept_ on rank-deficient X", against=against, cause=INTERCEPT, **TOL["rank_deficient"])


@check(points=1)
def predictions_follow_the_model(ctx):
    """predict is X @ coef_ + intercept_ for both classes"""
    X, y = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=60)[0] * 2
    for name, params in (("LinearRegression", {}), ("GDLinearRegression", {"n_iter": 50})):
        got = ctx.run(predict_probe, name, X, y, params, X_new)
        want = X_new @ as_array(got["coef"], "coef_") + got["intercept"]
        expect_close(got["pred"], want, f"{name}.predict", against="X @ coef_ + intercept_ of your own coef_",
                     cause="predict(X) should return X @ coef_ + intercept_, shape (n_samples,)", **TOL["self_consistent"])


# -- checks: gradient descent -------------------------------------------------------------

@check(points=3)
def gd_first_steps_match_reference(ctx):
    """the first gradient steps from zero match the reference exactly"""
    X, y = centred_data(ctx.rng)          # centred: stepping the intercept and centring first coincide
    X_raw, y_raw = make_data(ctx.rng)     # without an intercept, the raw data has one trajectory only
    runs = [(X, y, 1, True), (X, y, 5, True), (X_raw, y_raw, 3, False)]
    for data_X, data_y, steps, fit_intercept in runs:
        params = {"n_iter": steps, "tol": -np.inf, "learning_rate": 0.05, "fit_intercept": fit_intercept}
        got = ctx.run(fit_probe, "GDLinearRegression", data_X, data_y, params)
        want = ctx.reference(fit_probe, "GDLinearRegression", data_X, data_y, params)
        cause = _diagnose_step(as_array(got["coef"], "coef_"), want["coef"], len(data_y)) if steps == 1 else GRADIENT
        label = f"coef_ after {steps} step(s)" + ("" if fit_intercept else " with fit_intercept=False")
        expect_close(got["coef"], want["coef"], label, cause=cause, **TOL["trajectory"])
        expect_close(got["intercept"], want["intercept"], label.replace("coef_", "intercept_"), cause=cause, **TOL["trajectory"])


@check(points=2)
def gd_loss_history_is_the_mse(ctx):
    """loss_history_[i] is the mean squared error after step i"""
    X, y = centred_data(ctx.rng)
    params = {"n_iter": 8, "tol": -np.inf, "learning_rate": 0.05}
    got = ctx.run(fit_probe, "GDLinearRegression", X, y, params)
    want = ctx.reference(fit_probe, "GDLinearRegression", X, y, params)["loss_history"]
    history = as_array(got["loss_history"], "loss_history_")
    cause = "append mean((X @ coef_ + intercept_ - y)²) after each update"
    if history.shape == want.shape and np.allclose(history[0], np.mean(y ** 2)) and np.allclose(history[1:], want[:-1], rtol=1e-6):
        cause = "the loss is recorded before the step (loss_history_[0] is the loss at zero): compute it after updating coef_ and intercept_"
    elif history.shape == want.shape and np.allclose(history, want / 2, rtol=1e-6):
        cause = "loss_history_ holds half the mean squared error: record mean(r²) itself, not mean(r²) / 2"
    elif history.shape == want.shape and np.allclose(history, want * len(y), rtol=1e-6):
        cause = "loss_history_ holds the sum of squared errors: record the mean, mean(r²)"
    expect_close(history, want, "loss_history_", cause=cause, **TOL["trajectory"])


@check(points=2)
def gd_converges_to_least_squares(ctx):
    """GDLinearRegression converges to scikit-learn's least-squares fit, intercept included"""
    X, y = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=50)[0]
    params = {"learning_rate": 0.1, "n_iter": 20_000, "tol": 1e-15}
    got = ctx.run(predict_probe, "GDLinearRegression", X, y, params, X_new)
    sk = _sklearn(X, y)
    against = "scikit-learn's LinearRegression"
    cause = "at convergence the gradient must vanish: check the gradient of coef_ and of intercept_ (2 * mean(r))"
    expect_close(got["coef"], sk.coef_, "coef_ after convergence", cause=cause, against=against, **TOL["converged"])
    expect_close(got["intercept"], sk.intercept_, "intercept_ after convergence", cause=INTERCEPT, against=against, **TOL["converged"])
    expect_close(got["pred"], sk.predict(X_new), "predict on new data", cause=cause, against=against, **TOL["converged"])


@check(points=1)
def gd_stops_early_at_tol(ctx):
    """gradient descent stops at the first step whose MSE decrease is below tol"""
    X, y = make_data(ctx.rng)
    tol = 1e-4
    got = ctx.run(fit_probe, "GDLinearRegression", X, y, {"n_iter": 5000, "tol": tol, "learning_rate": 0.05})
    history = as_array(got["loss_history"], "loss_history_")
    expect(len(history) >= 2, f"loss_history_ has {len(history)} entries; the loss keeps decreasing by more than tol for many steps",
           "stop only once loss_history_[-2] - loss_history_[-1] < tol")
    decreases = -np.diff(history)
    expect(len(history) < 5000, f"ran all 5000 steps although the loss settles long before; last decrease {decreases[-1]:.3g}",
           "stop as soon as loss_history_[-2] - loss_history_[-1] < tol")
    expect(decreases[-1] < tol, f"stopped after step {len(history)} although the last decrease {decreases[-1]:.3g} is not below tol={tol:g}",
           "stop only once the loss decreases by less than tol")
    early = np.flatnonzero(decreases[:-1] < tol)
    expect(early.size == 0, f"the decrease after step {early[0] + 2 if early.size else 0} was already below tol={tol:g}, yet fitting went on to step {len(history)}",
           "check the stopping rule after every step, comparing the last two losses")


# -- checks: both -------------------------------------------------------------------------

@check(points=1)
def inputs_not_modified(ctx):
    """fit and predict leave their input arrays unchanged"""
    X, y = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=40)[0]
    cause = "an in-place operation (X -= X.mean(0), y -= ...) on the caller's array; work on a copy"
    for name, params in (("LinearRegression", {}), ("GDLinearRegression", {"n_iter": 20})):
        got = ctx.run(predict_probe, name, X, y, params, X_new)
        expect_equal(got["X_after"], X, f"X after {name}.fit", against="X before fit", cause=cause)
        expect_equal(got["y_after"], y, f"y after {name}.fit", against="y before fit", cause=cause)
        expect_equal(got["X_new_after"], X_new, f"X after {name}.predict", against="X before predict", cause=cause)


@check(points=2)
def vectorised(ctx):
    """neither fit loops over samples in Python"""
    X, y = make_data(ctx.rng, n=100)
    params = {"n_iter": 5, "tol": -np.inf}
    # Tiling leaves every mean, hence the solution and every step, unchanged: only the sample count grows.
    expect_vectorised(ctx, fit_both_probe, (X, y, params), (np.tile(X, (4, 1)), np.tile(y, 4), params), 100, 400, "fit")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.linear_model import LinearRegression

    X, y = make_data(np.random.default_rng(0), n=20_000, d=50)
    return {
        "input": "LinearRegression.fit (least squares; not the gradient descent), 20000 samples × 50 features: numpy's lstsq vs scipy's",
        "reference": lambda: reference.LinearRegression().fit(X, y),
        "sklearn": lambda: LinearRegression().fit(X, y),
    }
