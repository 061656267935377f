"""Hidden checks for nmf.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process. From the same custom start W0, H0 the multiplicative updates are
deterministic, so the first iterations are compared exactly with scikit-learn's
NMF(solver="mu", init="custom"), which updates W then H; updating H then W is just as
correct, so that order (simulated here) is accepted too. From random starts, different
random streams give different factors, so random initialisation is graded statistically:
the median reconstruction error over several seeds against scikit-learn's, on data with an
exact non-negative low-rank structure plus a little non-negative noise (the error then
settles near the noise floor from any start, so the comparison is stable).
"""

import warnings

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "trajectory": dict(rtol=1e-6, atol=1e-9),   # same updates from the same start: rounding and the epsilon only
    "history": dict(rtol=1e-6, atol=1e-9),
    "self_consistent": dict(rtol=1e-6, atol=1e-9),
    "median_ratio": 1.05,                        # median error over random starts vs scikit-learn's (measured over seeds 0-9: 0.995-1.008)
    "monotone": 1e-9,                            # allowed relative increase of the error in one iteration (rounding)
}
UPDATES = ("the multiplicative updates are W ← W * (X @ H.T) / (W @ H @ H.T) and H ← H * (W.T @ X) / (W.T @ W @ H), "
           "element-wise, starting from the given W and H")
NEGATIVE = ("negative entries: an additive gradient step (W -= lr * gradient) leaves the non-negative orthant; the multiplicative "
            "updates W ← W * (X Hᵀ) / (W H Hᵀ) multiply by a non-negative ratio and keep every entry >= 0")
SWAPPED = "numerator and denominator are swapped: W ← W * (X @ H.T) / (W @ H @ H.T), the data term X Hᵀ on top"
EPSILON = ("division without epsilon: a zero row of X makes its row of W zero after one update, then 0 / 0 = nan at the next; "
           "guard the denominators, e.g. np.maximum(denominator, 1e-12) or denominator + 1e-12")
SQUARED = "reconstruction_err_ is the Frobenius norm ||X - W H||_F, as scikit-learn, not its square (squared error) or half its square"


def make_data(rng, n=60, d=30, k=3, noise=0.3):
    """X = W H + noise, all non-negative, with an anchor feature per component (a well-posed structure)."""
    W = rng.uniform(0, 1, (n, k))
    H = rng.uniform(0, 1, (k, d))
    H[np.arange(k), rng.choice(d, k, replace=False)] += 2.0
    return W @ H + noise * rng.uniform(0, 1, (n, d))


def start(rng, X, k):
    """A random non-negative start at scikit-learn's scale sqrt(X.mean() / k)."""
    scale = np.sqrt(X.mean() / k)
    return scale * np.abs(rng.standard_normal((X.shape[0], k))), scale * np.abs(rng.standard_normal((k, X.shape[1])))


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, params, W0, H0):
    model = mod.NMF(**params)
    if W0 is None:
        W = model.fit_transform(X)
    else:
        W = model.fit_transform(X, W=W0, H=H0)
    return {
        "W": np.asarray(W, dtype=float),
        "H": np.asarray(model.components_, dtype=float),
        "err": float(model.reconstruction_err_),
        "n_iter": float(model.n_iter_),
        "n_iter_type": type(model.n_iter_).__name__,
        "history": np.asarray(model.loss_history_, dtype=float).ravel(),
        "X_after": X, "W0_after": W0, "H0_after": H0,
    }


def fit_returns_self_probe(mod, X, params):
    model = mod.NMF(**params)
    return model.fit(X) is model


def errors_probe(mod, X, params, seeds):
    errors = []
    for seed in seeds:
        model = mod.NMF(random_state=int(seed), **params)
        W = np.asarray(model.fit_transform(X), dtype=float)
        errors.append(float(np.linalg.norm(X - W @ np.asarray(model.components_, dtype=float))))
    return np.asarray(errors)


def fit_only_probe(mod, X, params, W0, H0):
    mod.NMF(**params).fit_transform(X, W=W0, H=H0)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sklearn_custom(X, W0, H0, k, max_iter):
    from sklearn.decomposition import NMF

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning: max_iter reached on purpose
        model = NMF(k, solver="mu", init="custom", max_iter=max_iter, tol=0.0)
        W = model.fit_transform(X, W=W0.copy(), H=H0.copy())
    return W, model.components_


def _simulate(X, W, H, steps, h_first=False, swapped=False):
    """The multiplicative updates, here in the grader: W then H (or H then W), optionally with the ratio upside down."""
    return _simulate_quietly(X, W.copy(), H.copy(), steps, h_first, swapped)


@np.errstate(all="ignore")  # the upside-down variant diverges: that is the point of simulating it
def _simulate_quietly(X, W, H, steps, h_first, swapped):
    history = []
    ratio = (lambda num, den: den / num) if swapped else (lambda num, den: num / np.maximum(den, 1e-300))  # noqa: E731
    for _ in range(steps):
        if h_first:
            H = H * ratio(W.T @ X, W.T @ W @ H)
        W = W * ratio(X @ H.T, W @ H @ H.T)
        if not h_first:
            H = H * ratio(W.T @ X, W.T @ W @ H)
        history.append(np.linalg.norm(X - W @ H))
    return W, H, np.array(history)


def _factors(got, n, d, k):
    W = expect_shape(as_array(got["W"], "W (returned by fit_transform)"), (n, k), "W returned by fit_transform",
                     cause="fit_transform returns W, shape (n_samples, n_components)")
    H = expect_shape(as_array(got["H"], "components_"), (k, d), "components_", cause="components_ is H, shape (n_components, n_features)")
    return W, H


def _order(X, W0, H0, W, H, steps):
    """Which update order the learner's factors follow (False: W first, as scikit-learn; True: H first)."""
    W_alt, H_alt, _ = _simulate(X, W0, H0, steps, h_first=True)
    return bool(np.allclose(W, W_alt, **TOL["trajectory"]) and np.allclose(H, H_alt, **TOL["trajectory"]))


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_types(ctx):
    """fit_transform returns W (n, k); components_ (k, d), reconstruction_err_, n_iter_ and loss_history_ are set; fit returns self"""
    X = make_data(ctx.rng, n=40, d=20)
    got = ctx.run(fit_probe, X, {"n_components": 3, "max_iter": 20, "random_state": 0}, None, None)
    _factors(got, 40, 20, 3)
    expect(got["n_iter_type"] in ("int", "int64", "int32"), f"n_iter_ is a {got['n_iter_type']}, expected an int")
    expect(1 <= got["n_iter"] <= 20, f"n_iter_ is {got['n_iter']:g} with max_iter=20", "n_iter_ counts the iterations run, at most max_iter")
    expect(len(got["history"]) == got["n_iter"], f"loss_history_ has {len(got['history'])} entries but n_iter_ is {got['n_iter']:g}",
           "append ||X - W H||_F once per iteration, so len(loss_history_) == n_iter_")
    expect(ctx.run(fit_returns_self_probe, X, {"n_components": 3, "max_iter": 5, "random_state": 0}) is True, "fit does not return self",
           "end fit with `return self`, as scikit-learn estimators do")


@check(points=3)
def first_iterations_match_sklearn(ctx):
    """from the same custom W and H, the first iterations equal scikit-learn's NMF(solver="mu") (W first) or H-first updates"""
    X = make_data(ctx.rng, n=40, d=25, k=4)
    k = 4
    W0, H0 = start(ctx.rng, X, k)
    for steps in (1, 5):
        got = ctx.run(fit_probe, X, {"n_components": k, "init": "custom", "max_iter": steps, "tol": 0.0}, W0, H0)
        W, H = _factors(got, *X.shape, k)
        if np.any(W < 0) or np.any(H < 0):
            raise Failed(f"after {steps} iteration(s) from a non-negative start, W has {int(np.sum(W < 0))} and H {int(np.sum(H < 0))} "
                         f"negative entries\nLikely cause: {NEGATIVE}")
        if _order(X, W0, H0, W, H, steps):
            continue  # H then W: as correct as scikit-learn's W then H
        W_sk, H_sk = _sklearn_custom(X, W0, H0, k, steps)
        cause = UPDATES
        if not (np.allclose(W, W_sk, **TOL["trajectory"]) and np.allclose(H, H_sk, **TOL["trajectory"])):
            for h_first in (False, True):
                W_sw, H_sw, _ = _simulate(X, W0, H0, steps, h_first=h_first, swapped=True)
                if np.allclose(W, W_sw, rtol=1e-6) or np.allclose(H, H_sw, rtol=1e-6):
                    cause = SWAPPED
        against = f"scikit-learn's NMF(solver='mu', init='custom', max_iter={steps}) (H-first updates are accepted too, and differ as much)"
        expect_close(W, W_sk, f"W after {steps} iteration(s)", against=against, cause=cause, **TOL["trajectory"])
        expect_close(H, H_sk, f"components_ after {steps} iteration(s)", against=against, cause=cause, **TOL["trajectory"])


@check(points=2)
def errors_are_recorded(ctx):
    """loss_history_ holds ||X - W H||_F after each iteration and reconstruction_err_ is the final one"""
    X = make_data(ctx.rng, n=40, d=25)
    k = 3
    W0, H0 = start(ctx.rng, X, k)
    got = ctx.run(fit_probe, X, {"n_components": k, "init": "custom", "max_iter": 8, "tol": 0.0}, W0, H0)
    W, H = _factors(got, *X.shape, k)
    own = float(np.linalg.norm(X - W @ H))
    err = got["err"]
    if own > 0 and (np.isclose(err, own**2, rtol=1e-6) or np.isclose(err, own**2 / 2, rtol=1e-6)):
        raise Failed(f"reconstruction_err_ is {err:.6g}, but ||X - W H||_F of your own W and components_ is {own:.6g} (its square is {own**2:.6g})\n"
                     f"Likely cause: {SQUARED}")
    expect_close(err, own, "reconstruction_err_", against="||X - W H||_F of your own W and components_", cause=SQUARED, **TOL["self_consistent"])
    h_first = _order(X, W0, H0, W, H, 8)
    W_want, H_want, want = _simulate(X, W0, H0, 8, h_first=h_first)
    history = as_array(got["history"], "loss_history_")
    cause = "append ||X - W H||_F (the Frobenius norm, not its square) after each iteration, once both W and H are updated"
    if not (np.allclose(W, W_want, **TOL["trajectory"]) and np.allclose(H, H_want, **TOL["trajectory"])):
        cause = ("the factors after 8 iterations already differ from the multiplicative updates' (see the check of the first "
                 "iterations), so the errors differ too; " + UPDATES)
    if history.shape == want.shape and (np.allclose(history, want**2, rtol=1e-6) or np.allclose(history, want**2 / 2, rtol=1e-6)):
        cause = "loss_history_ records the squared error; record the Frobenius norm ||X - W H||_F itself, the same quantity as reconstruction_err_"
    expect_close(history, want, "loss_history_ over 8 iterations", against="||X - W H||_F after each multiplicative update", cause=cause, **TOL["history"])


@check(points=2)
def non_negative_and_monotone(ctx):
    """W and H stay non-negative and the error never increases over 200 iterations"""
    X = make_data(ctx.rng)
    got = ctx.run(fit_probe, X, {"n_components": 4, "max_iter": 200, "tol": 0.0, "random_state": 1}, None, None)
    W, H = _factors(got, *X.shape, 4)
    expect(np.all(np.isfinite(W)) and np.all(np.isfinite(H)), "W or components_ holds non-finite values (nan or inf)",
           "an overflow or 0 / 0; " + EPSILON)
    if np.any(W < 0) or np.any(H < 0):
        raise Failed(f"W has {int(np.sum(W < 0))} negative entries (min {W.min():.3g}) and components_ {int(np.sum(H < 0))} (min {H.min():.3g})\n"
                     f"Likely cause: {NEGATIVE}")
    history = as_array(got["history"], "loss_history_")
    expect(len(history) > 1, "loss_history_ has fewer than two entries after fitting with max_iter=200, tol=0")
    rises = np.flatnonzero(np.diff(history) > TOL["monotone"] * history[0])
    expect(rises.size == 0, f"the error increased at iteration {rises[0] + 2 if rises.size else 0}: "
           f"{history[rises[0]] if rises.size else 0:.6g} -> {history[rises[0] + 1] if rises.size else 0:.6g}",
           "Lee & Seung's multiplicative updates never increase ||X - W H||_F: " + UPDATES)


@check(points=2)
def zero_rows_and_columns(ctx):
    """a zero row or column in X leaves W and H finite and non-negative (no 0 / 0)"""
    X = make_data(ctx.rng, n=40, d=20)
    X[[3, 17, 30]] = 0.0
    X[:, [5, 11]] = 0.0
    got = ctx.run(fit_probe, X, {"n_components": 3, "max_iter": 50, "tol": 0.0, "random_state": 2}, None, None)
    W, H = _factors(got, *X.shape, 3)
    finite = np.all(np.isfinite(W)) and np.all(np.isfinite(H)) and np.isfinite(got["err"])
    expect(finite, f"with zero rows and columns in X, W has {int(np.sum(~np.isfinite(W)))} and components_ {int(np.sum(~np.isfinite(H)))} "
           f"non-finite entries, reconstruction_err_ = {got['err']}", EPSILON)
    expect(np.all(W >= 0) and np.all(H >= 0), "with zero rows and columns in X, W or components_ has negative entries", NEGATIVE)
    expect(np.allclose(W[[3, 17, 30]], 0, atol=1e-8), "the rows of W for the zero rows of X are not zero after 50 iterations",
           "a zero row of X gives a zero numerator X Hᵀ for that row of W: it must shrink to 0")


@check(points=3)
def matches_sklearn_error(ctx):
    """from random starts, the median reconstruction error over 5 seeds is as low as scikit-learn's NMF(solver="mu", init="random")"""
    from sklearn.decomposition import NMF

    X = make_data(ctx.rng)
    params = {"n_components": 3, "max_iter": 300, "tol": 1e-6}
    seeds = np.arange(5)
    errors = as_array(ctx.run(errors_probe, X, params, seeds), "errors")
    expect(np.all(np.isfinite(errors)), f"some reconstruction errors are not finite: {errors}", EPSILON)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sk = np.array([NMF(solver="mu", init="random", random_state=int(s), **params).fit(X).reconstruction_err_ for s in seeds])
    singular = np.linalg.svd(X, compute_uv=False)
    floor = np.sqrt(np.sum(singular[3:] ** 2))  # the best rank-3 error, with or without signs (Eckart–Young)
    scale = np.linalg.norm(X)
    expect(np.all(errors >= floor * (1 - 1e-9)), f"an error {errors.min():.6g} is below the best possible rank-3 error {floor:.6g}",
           "the reported W and components_ are not the factors of rank n_components")
    ratio = np.median(errors) / np.median(sk)
    expect(ratio <= TOL["median_ratio"],
           f"median ||X - W H||_F over random_state 0..4 is {np.median(errors):.5g} ({np.median(errors) / scale:.2%} of ||X||), "
           f"scikit-learn's NMF(solver='mu', init='random', max_iter=300) reaches {np.median(sk):.5g} ({np.median(sk) / scale:.2%}); "
           f"ratio {ratio:.3f}, allowed {TOL['median_ratio']}; best possible rank-3 error {floor:.5g}",
           "the factorisation does not converge: check the updates (" + UPDATES + "), the stopping rule and the random start's scale")


@check(points=2)
def stops_at_tol(ctx):
    """stops at the first iteration whose error decrease is below tol times the initial error"""
    X = make_data(ctx.rng)
    k = 3
    W0, H0 = start(ctx.rng, X, k)
    tol, max_iter = 1e-3, 2000
    got = ctx.run(fit_probe, X, {"n_components": k, "init": "custom", "max_iter": max_iter, "tol": tol}, W0, H0)
    initial = np.linalg.norm(X - W0 @ H0)
    history = as_array(got["history"], "loss_history_")
    expect(history.ndim == 1 and len(history) >= 1, "loss_history_ is empty")
    decreases = -np.diff(np.concatenate([[initial], history]))
    threshold = tol * initial
    expect(len(history) < max_iter, f"ran all {max_iter} iterations although the error settles long before",
           "stop as soon as (previous error - error) < tol * initial error, checked after every iteration")
    expect(decreases[-1] < threshold * (1 + 1e-7), f"stopped after iteration {len(history)} although its decrease {decreases[-1]:.4g} "
           f"is not below tol * initial error = {threshold:.4g}", "stop only once an iteration decreases ||X - W H||_F by less than tol * its initial value")
    early = np.flatnonzero(decreases[:-1] < threshold * (1 - 1e-7))
    expect(early.size == 0, f"the decrease at iteration {early[0] + 1 if early.size else 0} was already below tol * initial error = "
           f"{threshold:.4g}, yet fitting went on to iteration {len(history)}",
           "check the stopping rule after every iteration, comparing the error before and after it to tol * the initial error ||X - W0 H0||_F")
    expect(got["n_iter"] == len(history), f"n_iter_ is {got['n_iter']:g} but {len(history)} iterations were recorded")


@check(points=1)
def random_state_is_used(ctx):
    """the same random_state gives the same factors; another gives others"""
    X = make_data(ctx.rng, n=30, d=15)
    params = {"n_components": 3, "max_iter": 10}
    first = ctx.run(fit_probe, X, dict(params, random_state=7), None, None)
    again = ctx.run(fit_probe, X, dict(params, random_state=7), None, None)
    other = ctx.run(fit_probe, X, dict(params, random_state=8), None, None)
    cause = "draw the random start from np.random.default_rng(random_state) (or RandomState), not from the global generator or a fixed seed"
    expect_equal(again["W"], first["W"], "W with random_state=7, fitted twice", against="the first fit", cause=cause)
    expect(not np.allclose(as_array(other["W"], "W"), first["W"]), "random_state=7 and random_state=8 give the same W", cause)


@check(points=1)
def inputs_not_modified(ctx):
    """fit_transform leaves X and the custom W and H it was given unchanged"""
    X = make_data(ctx.rng, n=30, d=15)
    W0, H0 = start(ctx.rng, X, 3)
    got = ctx.run(fit_probe, X, {"n_components": 3, "init": "custom", "max_iter": 5, "tol": 0.0}, W0, H0)
    cause = "the factors were updated in place (W *= ...) on the caller's arrays: start from copies, W = np.array(W, dtype=float)"
    expect_equal(got["X_after"], X, "X after fit_transform", against="X before", cause=cause)
    expect_equal(got["W0_after"], W0, "the W passed to fit_transform", against="its value before", cause=cause)
    expect_equal(got["H0_after"], H0, "the H passed to fit_transform", against="its value before", cause=cause)


@check(points=2)
def vectorised(ctx):
    """the updates do not loop over samples in Python"""
    X = make_data(ctx.rng, n=50, d=20)
    W0, H0 = start(ctx.rng, X, 3)
    params = {"n_components": 3, "init": "custom", "max_iter": 10, "tol": 0.0}
    # Tiling X and W0 leaves every update ratio unchanged: only the sample count grows.
    expect_vectorised(ctx, fit_only_probe, (X, params, W0, H0), (np.tile(X, (4, 1)), params, np.tile(W0, (4, 1)), H0), 50, 200, "fit_transform")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.decomposition import NMF

    rng = np.random.default_rng(0)
    X = make_data(rng, n=500, d=200, k=10)
    W0, H0 = start(rng, X, 10)
    n_iter = 200

    def fit_sklearn():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ConvergenceWarning: max_iter reached on purpose (tol=0)
            NMF(10, solver="mu", init="custom", max_iter=n_iter, tol=0.0).fit_transform(X, W=W0.copy(), H=H0.copy())

    return {
        "input": f"fit_transform, 500 samples × 200 features, 10 components, {n_iter} multiplicative updates each from the same start "
                 "(tol=0); the reference also computes ||X - WH|| after every update, scikit-learn only at the end",
        "reference": lambda: reference.NMF(10, init="custom", max_iter=n_iter, tol=0.0).fit_transform(X, W=W0, H=H0),
        "sklearn": fit_sklearn,
    }
