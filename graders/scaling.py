"""Hidden checks for scaling.

StandardScaler and MinMaxScaler are deterministic closed forms, so everything is compared
with scikit-learn at tight tolerances. Constant columns hold an exactly representable value
(2.5), so their variance and range are exactly 0 in every implementation.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "exact": dict(rtol=1e-10, atol=1e-12),      # closed forms: only the order of rounding differs
    "round_trip": dict(rtol=1e-9, atol=1e-9),
}
STANDARD_ATTRS = ["mean_", "var_", "scale_"]
MINMAX_ATTRS = ["data_min_", "data_max_", "data_range_", "scale_", "min_"]
LEAK = ("transform re-fits on the data it transforms: it must apply the statistics learned in fit on the training data "
        "(re-fitting on test data is a leak, and makes a single test row meaningless)")


def make_data(rng, n=20, d=4, constant=False):
    """Training data, and test data from a shifted, wider distribution (so re-fitting shows)."""
    means, scales = rng.uniform(-5, 5, size=d), rng.uniform(0.5, 4.0, size=d)
    X = means + scales * rng.normal(size=(n, d))
    X_test = means + 6.0 + 3.0 * scales * rng.normal(size=(30, d))
    if constant:
        X[:, 1] = 2.5                                   # exactly constant: variance and range are exactly 0
    return X, X_test


# -- probes: run in the sandbox ---------------------------------------------------------

def scaler_probe(mod, cls, params, attrs, X, X_test, Z):
    def read(obj):
        out = {}
        for name in attrs:
            value = getattr(obj, name, "missing")
            out[name] = value if value is None or isinstance(value, str) else np.asarray(value, dtype=float)
        return out

    # Every call gets its own copy, so an in-place bug shows only in the *_after arrays.
    X_fit, X_test_in, Z_in = X.copy(), X_test.copy(), Z.copy()
    scaler = getattr(mod, cls)(**params)
    returned = scaler.fit(X_fit)
    fitted = read(scaler)
    train = np.asarray(scaler.transform(X.copy()), dtype=float)
    test = np.asarray(scaler.transform(X_test_in), dtype=float)
    after = read(scaler)
    inverse = np.asarray(scaler.inverse_transform(Z_in), dtype=float)
    round_trip = np.asarray(scaler.inverse_transform(scaler.transform(X_test.copy())), dtype=float)
    other = getattr(mod, cls)(**params)
    fit_transform = np.asarray(other.fit_transform(X.copy()), dtype=float)
    return {"returned_self": returned is scaler, "fitted": fitted, "after_transform": after, "train": train, "test": test,
            "inverse": inverse, "round_trip": round_trip, "fit_transform": fit_transform,
            "fit_transform_fitted": read(other), "X_after": X_fit, "X_test_after": X_test_in, "Z_after": Z_in}


def run_only_probe(mod, X):
    for scaler in (mod.StandardScaler(), mod.MinMaxScaler()):
        scaler.inverse_transform(scaler.fit(X).transform(X))
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sklearn(cls, params, X):
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    return {"StandardScaler": StandardScaler, "MinMaxScaler": MinMaxScaler}[cls](**params).fit(X)


def _run(ctx, cls, params, X, X_test, Z=None):
    Z = X_test if Z is None else Z
    attrs = STANDARD_ATTRS if cls == "StandardScaler" else MINMAX_ATTRS
    return ctx.run(scaler_probe, cls, params, attrs, X, X_test, Z), _sklearn(cls, params, X)


def _label(cls, params):
    return f"{cls}({', '.join(f'{k}={v!r}' for k, v in params.items())})"


def _expect_attributes(got, sk, cls, params, causes=None):
    causes = causes or {}
    for name, value in got.items():
        want = getattr(sk, name)
        what = f"{_label(cls, params)}.{name}"
        if isinstance(value, str) and value == "missing":
            raise Failed(f"{what} is not set by fit", causes.get(name, f"fit must set {name}, as scikit-learn does"))
        if want is None:
            expect(value is None, f"{what} is set although scikit-learn leaves it None with these options", f"set {name} = None when it is not used")
            continue
        expect(value is not None, f"{what} is None", causes.get(name, f"fit must set {name}"))
        expect_close(value, want, what, against="scikit-learn", cause=causes.get(name), **TOL["exact"])


def _fit_transform_of(cls, params, X):
    return _sklearn(cls, params, X).transform(X)


def _transform_cause(got, cls, params, X_new, default):
    """LEAK when the learner's transform(X_new) is what re-fitting on X_new would give."""
    got = np.asarray(got)
    if got.shape == X_new.shape and np.allclose(got, _fit_transform_of(cls, params, X_new), **TOL["round_trip"]):
        return LEAK
    return default


def _expect_test_transform(got, sk, cls, params, X_test):
    test = as_array(got["test"], "transform(X_test)")
    cause = _transform_cause(test, cls, params, X_test, "transform applies the statistics learned in fit")
    expect_close(test, sk.transform(X_test), f"{_label(cls, params)}.transform(X_test) after fit(X_train)", against="scikit-learn",
                 cause=cause, **TOL["round_trip"])
    for name, value in got["after_transform"].items():
        before = got["fitted"][name]
        if isinstance(before, np.ndarray) and isinstance(value, np.ndarray) and (value.shape != before.shape or not np.array_equal(value, before)):
            raise Failed(f"{_label(cls, params)}.{name} changed when transform was called on new data", LEAK)


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def fit_returns_self_and_fit_transform(ctx):
    """fit returns self and fit_transform(X) equals fit(X).transform(X), for both scalers"""
    X, X_test = make_data(ctx.rng)
    for cls in ("StandardScaler", "MinMaxScaler"):
        got, sk = _run(ctx, cls, {}, X, X_test)
        expect(got["returned_self"], f"{cls}.fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
        expect_close(got["fit_transform"], got["train"], f"{cls}().fit_transform(X)", against=f"{cls}().fit(X).transform(X)",
                     cause="fit_transform(X) is fit(X) followed by transform(X)", **TOL["exact"])
        for name, value in got["fit_transform_fitted"].items():
            expect(not (isinstance(value, str) and value == "missing"), f"{cls}.fit_transform does not set {name}", "fit_transform must fit the scaler too")


@check(points=3)
def standard_scaler_matches_sklearn(ctx):
    """StandardScaler: mean_, var_ (ddof=0), scale_ and transform match scikit-learn"""
    X, X_test = make_data(ctx.rng)
    got, sk = _run(ctx, "StandardScaler", {}, X, X_test)
    scale = got["fitted"]["scale_"]
    cause = "scale_ = sqrt(var_) = np.std(X, axis=0), the biased standard deviation (ddof=0)"
    var_cause = "var_ = np.var(X, axis=0), the biased variance (ddof=0)"
    if isinstance(scale, np.ndarray) and scale.shape == (X.shape[1],) and np.allclose(scale, X.std(0, ddof=1), rtol=1e-9):
        cause = var_cause = "the variance is the unbiased one (ddof=1); StandardScaler uses ddof=0 (np.var's and np.std's default)"
    _expect_attributes(got["fitted"], sk, "StandardScaler", {}, {"scale_": cause, "var_": var_cause})
    expect_close(got["train"], sk.transform(X), "StandardScaler().fit(X).transform(X)", against="scikit-learn", cause="z = (x - mean_) / scale_", **TOL["exact"])


@check(points=1)
def standard_scaler_options(ctx):
    """StandardScaler with with_mean=False or with_std=False matches scikit-learn"""
    X, X_test = make_data(ctx.rng)
    Z = ctx.rng.normal(size=X_test.shape)
    for params in ({"with_mean": False}, {"with_std": False}, {"with_mean": False, "with_std": False}):
        got, sk = _run(ctx, "StandardScaler", params, X, X_test, Z)
        label = _label("StandardScaler", params)
        expect_close(got["test"], sk.transform(X_test), f"{label}.transform", against="scikit-learn",
                     cause=_transform_cause(got["test"], "StandardScaler", params, X_test,
                                            "with_mean=False skips subtracting the mean; with_std=False skips dividing by the scale"), **TOL["round_trip"])
        expect_close(got["inverse"], sk.inverse_transform(Z), f"{label}.inverse_transform", against="scikit-learn",
                     cause="undo only the steps transform applies", **TOL["exact"])


@check(points=3)
def minmax_scaler_matches_sklearn(ctx):
    """MinMaxScaler: data_min_, data_max_, data_range_, scale_, min_ and transform match scikit-learn, for two feature ranges"""
    X, X_test = make_data(ctx.rng)
    for params in ({}, {"feature_range": (-1.0, 2.0)}):
        got, sk = _run(ctx, "MinMaxScaler", params, X, X_test)
        label = _label("MinMaxScaler", params)
        lo, hi = params.get("feature_range", (0, 1))
        causes = {"scale_": f"scale_ = (hi - lo) / (data_max_ - data_min_), here hi - lo = {hi - lo:g}",
                  "min_": "min_ = lo - data_min_ * scale_, so that transform(x) = x * scale_ + min_ sends data_min_ to lo"}
        scale = got["fitted"]["scale_"]
        if params and isinstance(scale, np.ndarray) and scale.shape == sk.scale_.shape and np.allclose(scale, 1 / sk.data_range_, rtol=1e-9):
            causes["scale_"] = causes["min_"] = "feature_range is ignored: scale_ maps the data onto [0, 1]; use scale_ = (hi - lo) / data_range_ and min_ = lo - data_min_ * scale_"
        _expect_attributes(got["fitted"], sk, "MinMaxScaler", params, causes)
        train = as_array(got["train"], "transform(X)")
        cause = "transform(x) = x * scale_ + min_, which maps [data_min_, data_max_] onto feature_range"
        if params and train.shape == X.shape and np.allclose(train, (X - X.min(0)) / (X.max(0) - X.min(0)), **TOL["round_trip"]):
            cause = "feature_range is ignored: the output spans [0, 1] instead of [lo, hi]; scale by hi - lo and shift by lo"
        expect_close(train, sk.transform(X), f"{label}.fit(X).transform(X)", against="scikit-learn", cause=cause, **TOL["exact"])


@check(points=2)
def constant_columns(ctx):
    """a constant column gets StandardScaler scale_ 1.0 and MinMaxScaler range 1, as scikit-learn: no nan or inf"""
    X, X_test = make_data(ctx.rng, constant=True)
    cause = ("a constant column has variance (and range) 0: dividing by it gives nan or inf; scikit-learn replaces a zero scale "
             "by 1.0, so the column becomes 0 (StandardScaler) or lo (MinMaxScaler)")
    for cls, params in (("StandardScaler", {}), ("MinMaxScaler", {"feature_range": (-1.0, 2.0)})):
        got, sk = _run(ctx, cls, params, X, X_test)
        label = _label(cls, params)
        for key, what in (("train", "transform(X_train)"), ("test", "transform(X_test)"), ("round_trip", "inverse_transform(transform(X_test))")):
            values = as_array(got[key], what)
            expect(np.isfinite(values).all(), f"{label}.{what} has {int((~np.isfinite(values)).sum())} nan/inf values with a constant column", cause)
        _expect_attributes(got["fitted"], sk, cls, params, {"scale_": cause, "min_": cause})
        expect_close(got["train"], sk.transform(X), f"{label}.transform(X_train) with a constant column", against="scikit-learn", cause=cause, **TOL["exact"])
        expect_close(got["test"], sk.transform(X_test), f"{label}.transform(X_test) with a constant column", against="scikit-learn",
                     cause=_transform_cause(got["test"], cls, params, X_test, cause), **TOL["round_trip"])


@check(points=3)
def transform_uses_training_statistics(ctx):
    """transform(X_test) applies the statistics learned on the training data (no re-fitting, no leak)"""
    X, X_test = make_data(ctx.rng)
    for cls, params in (("StandardScaler", {}), ("MinMaxScaler", {})):
        got, sk = _run(ctx, cls, params, X, X_test)
        _expect_test_transform(got, sk, cls, params, X_test)


@check(points=2)
def inverse_transform_undoes_transform(ctx):
    """inverse_transform undoes transform and matches scikit-learn on arbitrary inputs"""
    X, X_test = make_data(ctx.rng)
    Z = ctx.rng.normal(size=X_test.shape) * 2
    for cls, params in (("StandardScaler", {}), ("MinMaxScaler", {"feature_range": (-1.0, 2.0)})):
        got, sk = _run(ctx, cls, params, X, X_test, Z)
        label = _label(cls, params)
        inverse = as_array(got["inverse"], "inverse_transform(Z)")
        if cls == "StandardScaler":
            cause = "inverse_transform(z) = z * scale_ + mean_: multiply first, then add"
            wrong = (Z + sk.mean_) * sk.scale_
        else:
            cause = "inverse_transform(z) = (z - min_) / scale_: subtract first, then divide"
            wrong = Z / sk.scale_ - sk.min_
        if inverse.shape == Z.shape and np.allclose(inverse, wrong, **TOL["round_trip"]):
            cause = "wrong order of operations: " + cause
        expect_close(got["round_trip"], X_test, f"{label}.inverse_transform(transform(X_test))", against="X_test",
                     cause=f"the inverse must undo transform exactly; {cause}", **TOL["round_trip"])
        expect_close(inverse, sk.inverse_transform(Z), f"{label}.inverse_transform(Z)", against="scikit-learn", cause=cause, **TOL["round_trip"])


@check(points=2)
def inputs_not_modified(ctx):
    """fit, transform and inverse_transform leave their input arrays unchanged"""
    X, X_test = make_data(ctx.rng)
    Z = ctx.rng.normal(size=X_test.shape)
    cause = "an in-place operation (X -= mean_, X /= scale_, X *= ...) on the caller's array; compute X - mean_ into a new array"
    for cls in ("StandardScaler", "MinMaxScaler"):
        got, _ = _run(ctx, cls, {}, X, X_test, Z)
        expect_equal(got["X_after"], X, f"X after {cls}.fit", against="X before", cause=cause)
        expect_equal(got["X_test_after"], X_test, f"X_test after {cls}.transform", against="X_test before", cause=cause)
        expect_equal(got["Z_after"], Z, f"Z after {cls}.inverse_transform", against="Z before", cause=cause)


@check(points=1)
def vectorised(ctx):
    """fit, transform and inverse_transform do not loop over samples in Python"""
    X, _ = make_data(ctx.rng, n=100)
    # Tiling leaves every mean, variance, minimum and maximum unchanged: only the sample count grows.
    expect_vectorised(ctx, run_only_probe, (X,), (np.tile(X, (4, 1)),), 100, 400, "fit + transform + inverse_transform")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    X, _ = make_data(np.random.default_rng(0), n=100_000, d=20)

    def run(scalers):
        for scaler in scalers:
            scaler.inverse_transform(scaler.fit(X).transform(X))

    return {
        "input": "fit, transform and inverse_transform of StandardScaler and of MinMaxScaler, 100000 samples × 20 features",
        "reference": lambda: run((reference.StandardScaler(), reference.MinMaxScaler())),
        "sklearn": lambda: run((StandardScaler(), MinMaxScaler())),
    }
