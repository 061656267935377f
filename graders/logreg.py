"""Hidden checks for logreg.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with the reference solution and scikit-learn.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

PRELOAD = ["sklearn.linear_model"]  # imported while the sandbox starts (see mlkata.judge)
TOL = {
    "trajectory": dict(rtol=1e-7, atol=1e-9),   # same arithmetic, a few steps: only rounding differs
    "converged": dict(rtol=2e-3, atol=2e-3),    # gradient descent stopped at tol vs sklearn's lbfgs optimum
    "proba": dict(rtol=0, atol=2e-3),
    "self_consistent": dict(rtol=1e-9, atol=1e-12),
}
GRADIENT = "the gradient of the mean log-loss is X.T @ (p - y) / n_samples for coef_ (plus l2 * coef_) and mean(p - y) for intercept_, both starting from zero"


def make_data(rng, n=200, d=3, noise=1.0, offset=0.3):
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d)
    w = rng.normal(size=d)
    y = (X @ w + offset + rng.normal(scale=noise, size=n) > 0).astype(int)
    return X, y


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, y, params):
    model = mod.LogisticRegression(**params)
    returned = model.fit(X, y)
    return {
        "returned_self": returned is model,
        "coef": np.asarray(model.coef_, dtype=float),
        "intercept_type": type(model.intercept_).__name__,
        "intercept": float(model.intercept_),
        "loss_history": np.asarray(model.loss_history_, dtype=float),
        "history_is_list": isinstance(model.loss_history_, list),
    }


def predict_probe(mod, X, y, params, X_new):
    model = mod.LogisticRegression(**params).fit(X, y)
    proba = np.asarray(model.predict_proba(X_new))
    labels = np.asarray(model.predict(X_new))
    return {"coef": np.asarray(model.coef_, dtype=float), "intercept": float(model.intercept_),
            "proba": proba, "labels": labels, "labels_dtype": labels.dtype.str,
            "loss_history": np.asarray(model.loss_history_, dtype=float),
            "X_after": X, "y_after": y, "X_new_after": X_new}


def fit_only_probe(mod, X, y, params):
    mod.LogisticRegression(**params).fit(X, y)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sklearn(X, y, l2):
    from sklearn.linear_model import LogisticRegression

    C = np.inf if l2 == 0 else 1.0 / (l2 * len(y))  # sklearn: 0.5||w||² + C Σ loss  ∝  mean loss + (l2/2)||w||²
    return LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(X, y)


def _diagnose_first_step(got, want, n):
    """Name the classic mistakes from the shape of the first step's error."""
    if np.allclose(got, want * n, rtol=1e-6):
        return "the gradient is summed over the samples instead of averaged: divide by n_samples"
    if np.allclose(got, -want, rtol=1e-6):
        return "the step goes up the gradient: update with coef_ -= learning_rate * gradient"
    return GRADIENT


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit returns self and sets coef_ (n_features,), a float intercept_ and a list loss_history_"""
    X, y = make_data(ctx.rng, d=4)
    got = ctx.run(fit_probe, X, y, {"n_iter": 20})
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    expect_shape(got["coef"], (4,), "coef_")
    expect(got["intercept_type"] in ("float", "float64"), f"intercept_ is a {got['intercept_type']}, expected a float", "convert with float(...)")
    expect(got["history_is_list"], "loss_history_ is not a list")
    expect(1 <= len(got["loss_history"]) <= 20, f"loss_history_ has {len(got['loss_history'])} entries after n_iter=20; expected between 1 and 20, one per step")


@check(points=3)
def first_steps_match_reference(ctx):
    """the first gradient steps from zero match the reference exactly"""
    X, y = make_data(ctx.rng)
    for steps in (1, 5):
        params = {"n_iter": steps, "tol": -np.inf, "learning_rate": 0.1}
        got, want = ctx.run(fit_probe, X, y, params), ctx.reference(fit_probe, X, y, params)
        cause = _diagnose_first_step(as_array(got["coef"], "coef_"), want["coef"], len(y)) if steps == 1 else GRADIENT
        expect_close(got["coef"], want["coef"], f"coef_ after {steps} step(s)", cause=cause, **TOL["trajectory"])
        expect_close(got["intercept"], want["intercept"], f"intercept_ after {steps} step(s)", cause=cause, **TOL["trajectory"])


@check(points=2)
def loss_history_is_the_objective(ctx):
    """loss_history_[i] is mean log-loss + (l2/2)·||coef_||² after step i"""
    X, y = make_data(ctx.rng)
    params = {"n_iter": 8, "tol": -np.inf, "l2": 0.5}
    got, want = ctx.run(fit_probe, X, y, params), ctx.reference(fit_probe, X, y, params)
    expect_close(got["loss_history"], want["loss_history"], "loss_history_ with l2=0.5",
                 cause="record the objective after each update, including the (l2/2)·||coef_||² term and never the intercept", **TOL["trajectory"])


@check(points=2)
def intercept_is_not_penalised(ctx):
    """with l2 > 0 the intercept is free: only coef_ is shrunk"""
    X, y = make_data(ctx.rng, offset=2.5)  # mostly ones: the intercept carries the fit
    params = {"n_iter": 300, "tol": -np.inf, "l2": 1.0, "learning_rate": 0.5}
    got, want = ctx.run(fit_probe, X, y, params), ctx.reference(fit_probe, X, y, params)
    cause = "the intercept must not be penalised: its gradient is mean(p - y) with no l2 term"
    expect_close(got["intercept"], want["intercept"], "intercept_ with l2=1", cause=cause, **TOL["trajectory"])
    expect_close(got["coef"], want["coef"], "coef_ with l2=1", cause="the L2 penalty adds l2 * coef_ to coef_'s gradient", **TOL["trajectory"])


def _matches_sklearn(ctx, l2):
    X, y = make_data(ctx.rng, noise=1.5)
    X = (X - X.mean(0)) / X.std(0)  # well conditioned, so gradient descent converges in time
    X_new = ctx.rng.normal(size=(100, X.shape[1]))
    params = {"learning_rate": 1.0, "n_iter": 20_000, "tol": 1e-14, "l2": l2}
    got = ctx.run(predict_probe, X, y, params, X_new)
    sk = _sklearn(X, y, l2)
    against = "scikit-learn's LogisticRegression" + (f"(C=1/(l2·n)={1 / (l2 * len(y)):.3g})" if l2 else "(C=inf)")
    cause = "at convergence the gradient must vanish: check the gradient and the l2 term"
    expect_close(got["coef"], sk.coef_[0], "coef_", cause=cause, against=against, **TOL["converged"])
    expect_close(got["intercept"], sk.intercept_[0], "intercept_", cause=cause, against=against, **TOL["converged"])
    expect_close(got["proba"], sk.predict_proba(X_new)[:, 1], "predict_proba on new data", cause=cause, against=against, **TOL["proba"])


@check(points=3)
def matches_sklearn_with_l2(ctx):
    """converges to scikit-learn's optimum with l2 = 0.05 (C = 1/(l2·n))"""
    _matches_sklearn(ctx, 0.05)


@check(points=2)
def matches_sklearn_without_penalty(ctx):
    """converges to scikit-learn's unpenalised optimum"""
    _matches_sklearn(ctx, 0.0)


@check(points=2)
def predictions_follow_the_model(ctx):
    """predict_proba is sigmoid(X @ coef_ + intercept_) and predict thresholds it at 0.5 as ints"""
    X, y = make_data(ctx.rng)
    X_new = ctx.rng.normal(size=(300, X.shape[1])) * 2
    got = ctx.run(predict_probe, X, y, {"n_iter": 200}, X_new)
    z = X_new @ as_array(got["coef"], "coef_") + got["intercept"]
    expect_close(got["proba"], 1 / (1 + np.exp(-z)), "predict_proba", against="sigmoid(X @ coef_ + intercept_) of your own coef_",
                 cause="predict_proba(X) should be 1 / (1 + exp(-(X @ coef_ + intercept_))), shape (n_samples,): P(y = 1)", **TOL["self_consistent"])
    expect(np.dtype(got["labels_dtype"]).kind in "iu", f"predict returns dtype {got['labels_dtype']}, expected integers", "convert with .astype(int)")
    expect_equal(got["labels"], (z >= 0).astype(int), "predict", against="predict_proba >= 0.5", cause="predict is 1 where P(y = 1) >= 0.5, else 0")


@check(points=2)
def stops_early_at_tol(ctx):
    """stops at the first step whose objective decrease is below tol"""
    X, y = make_data(ctx.rng)
    tol = 1e-4
    history = as_array(ctx.run(fit_probe, X, y, {"n_iter": 5000, "tol": tol})["loss_history"], "loss_history_")
    decreases = -np.diff(history)
    expect(len(history) < 5000, f"ran all 5000 steps although the loss settles long before; loss_history_[-1] - loss_history_[-2] = {-decreases[-1]:.3g}",
           "stop as soon as loss_history_[-2] - loss_history_[-1] < tol")
    expect(decreases[-1] < tol, f"stopped after step {len(history)} although the last decrease {decreases[-1]:.3g} is not below tol={tol:g}",
           "stop only once the objective decreases by less than tol")
    early = np.flatnonzero(decreases[:-1] < tol)
    expect(early.size == 0, f"the decrease after step {early[0] + 2 if early.size else 0} was already below tol={tol:g}, yet fitting went on to step {len(history)}",
           "check the stopping rule after every step, comparing the last two objectives")


@check(points=2)
def numerically_stable(ctx):
    """finite loss and probabilities when |X @ coef_| is huge"""
    X, y = make_data(ctx.rng, noise=0.0)
    X = X * 1000.0  # separable with logits in the thousands: e^z overflows, log(0) appears
    got = ctx.run(predict_probe, X, y, {"n_iter": 50}, X)
    cause = "np.exp(-z) overflows and log(p) hits log(0) for large |z|: use np.logaddexp(0, z) - y*z for the loss, and a sigmoid that cannot overflow"
    history = as_array(got["loss_history"], "loss_history_")
    expect(np.all(np.isfinite(history)), f"loss_history_ has non-finite values ({history[~np.isfinite(history)][:3]}) on data with large logits", cause)
    proba = as_array(got["proba"], "predict_proba")
    expect(np.all(np.isfinite(proba)) and np.all((proba >= 0) & (proba <= 1)), "predict_proba is not a finite probability everywhere on data with large logits", cause)


@check(points=1)
def inputs_not_modified(ctx):
    """fit, predict_proba and predict leave their input arrays unchanged"""
    X, y = make_data(ctx.rng)
    X_new = ctx.rng.normal(size=(50, X.shape[1]))
    got = ctx.run(predict_probe, X, y, {"n_iter": 20}, X_new)
    cause = "an in-place operation (X -= ..., X /= ...) on the caller's array; work on a copy"
    expect_equal(got["X_after"], X, "X after fit", against="X before fit", cause=cause)
    expect_equal(got["y_after"], y, "y after fit", against="y before fit", cause=cause)
    expect_equal(got["X_new_after"], X_new, "X after predict", against="X before predict", cause=cause)


@check(points=2)
def vectorised(ctx):
    """fit does not loop over samples in Python"""
    X, y = make_data(ctx.rng, n=100)
    params = {"n_iter": 5, "tol": -np.inf}
    # Tiling leaves every mean, hence every step, unchanged: only the sample count grows.
    expect_vectorised(ctx, fit_only_probe, (X, y, params), (np.tile(X, (4, 1)), np.tile(y, 4), params), 100, 400, "fit")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.linear_model import LogisticRegression

    X, y = make_data(np.random.default_rng(0), n=5000, d=20)
    return {
        "input": "fit, 5000 samples × 20 features, 300 gradient steps vs lbfgs to convergence",
        "reference": lambda: reference.LogisticRegression(learning_rate=0.5, n_iter=300, tol=-np.inf).fit(X, y),
        "sklearn": lambda: LogisticRegression(C=np.inf).fit(X, y),
    }
