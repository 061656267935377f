"""Hidden checks for pipeline.

The final model of every pipeline is a tiny least-squares regressor defined inside the probe,
which records the data it was fitted on and asked to predict; in this process the expected
values come from scikit-learn's Pipeline(SimpleImputer, StandardScaler, LinearRegression).
The test data comes from a very different distribution (shifted, wider, with more missing
values), so any statistic computed on it instead of on the training data shows.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "exact": dict(rtol=1e-10, atol=1e-12),
    "transformed": dict(rtol=1e-9, atol=1e-9),
    "predictions": dict(rtol=1e-7, atol=1e-7),   # least squares: lstsq here, LinearRegression in sklearn
}
LEAK = ("the transforms are re-fitted on the test data at predict time (fit_transform instead of transform): a leak; "
        "predict must only call transform, with the statistics learned in fit on the training data")
CONCAT = "the transforms were fitted on training and test data together: a leak; fit them on the training data only"
ORDER = "the transforms are applied in the wrong order: run the steps first to last, in fit and in predict"
UNTRANSFORMED = "the final estimator is fitted on untransformed data: fit it on the output of the last transform"


def make_data(rng, n=80, d=4, missing=0.15):
    """Training data with missing values and a linear target; test data far from it."""
    means, scales = rng.uniform(-3, 3, size=d), rng.uniform(0.5, 3.0, size=d)
    X = means + scales * rng.normal(size=(n, d))
    y = X @ rng.normal(size=d) + 0.1 * rng.normal(size=n)
    X_test = means + 8.0 + 4.0 * scales * rng.normal(size=(40, d))
    X[rng.random(X.shape) < missing] = np.nan
    X_test[rng.random(X_test.shape) < 2 * missing] = np.nan
    for A in (X, X_test):
        A[0] = np.nan_to_num(A[0], nan=1.0)     # a complete first row: no column is entirely missing
    return X, y, X_test


def _same(a, b):
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and np.array_equal(a, b, equal_nan=True)


# -- probes: run in the sandbox ---------------------------------------------------------

def imputer_probe(mod, params, X, X_test):
    imputer = mod.SimpleImputer(**params)         # copies everywhere: in-place filling is checked elsewhere
    returned = imputer.fit(X.copy())
    statistics = np.asarray(imputer.statistics_, dtype=float)
    test = np.asarray(imputer.transform(X_test.copy()), dtype=float)
    other = mod.SimpleImputer(**params)
    return {"returned_self": returned is imputer, "statistics": statistics, "test": test,
            "fit_transform": np.asarray(other.fit_transform(X.copy()), dtype=float)}


def scaler_probe(mod, X, X_test):
    scaler = mod.StandardScaler()
    returned = scaler.fit(X)
    return {"returned_self": returned is scaler, "mean": np.asarray(scaler.mean_, dtype=float),
            "scale": np.asarray(scaler.scale_, dtype=float), "test": np.asarray(scaler.transform(X_test), dtype=float),
            "fit_transform": np.asarray(mod.StandardScaler().fit_transform(X), dtype=float)}


def pipeline_probe(mod, X, y, X_test, strategy):
    class LeastSquares:
        """A final estimator that records what it sees."""

        def fit(self, X, y):
            self.fit_X_ = np.array(X, dtype=float)
            A = np.column_stack([np.ones(len(self.fit_X_)), np.nan_to_num(self.fit_X_)])   # survives a missed imputer
            self.coef_ = np.linalg.lstsq(A, np.asarray(y, dtype=float), rcond=None)[0]
            return self

        def predict(self, X):
            self.predict_X_ = np.array(X, dtype=float)
            return np.column_stack([np.ones(len(self.predict_X_)), np.nan_to_num(self.predict_X_)]) @ self.coef_

    imputer, scaler, model = mod.SimpleImputer(strategy=strategy), mod.StandardScaler(), LeastSquares()
    steps = [("impute", imputer), ("scale", scaler), ("model", model)]
    pipe = mod.Pipeline(steps)
    returned = pipe.fit(X, y)
    final = pipe.steps[-1][1]
    fit_X = getattr(final, "fit_X_", np.zeros(0))
    predictions = np.asarray(pipe.predict(X_test), dtype=float)
    predict_X = getattr(final, "predict_X_", np.zeros(0))
    head = np.asarray(pipe.predict(X_test[:3]), dtype=float)
    one = np.asarray(pipe.predict(X_test[5:6]), dtype=float)
    return {"returned_self": returned is pipe, "fit_X": fit_X, "predict_X": predict_X, "predictions": predictions,
            "head": head, "one": one, "X_after": X, "X_test_after": X_test}


def named_steps_probe(mod, X, y):
    class Mean:
        def fit(self, X, y):
            self.value_ = float(np.mean(y))
            return self

        def predict(self, X):
            return np.full(len(X), self.value_)

    imputer, scaler, model = mod.SimpleImputer(), mod.StandardScaler(), Mean()
    pipe = mod.Pipeline([("impute", imputer), ("scale", scaler), ("model", model)])
    returned = pipe.fit(X, y)
    named = pipe.named_steps
    return {"returned_self": returned is pipe, "names": [str(name) for name, _ in pipe.steps],
            "same_objects": [named["impute"] is imputer, named["scale"] is scaler, named["model"] is model],
            "imputer_fitted": hasattr(imputer, "statistics_"), "scaler_fitted": hasattr(scaler, "mean_"),
            "model_fitted": hasattr(model, "value_")}


def order_probe(mod, X, y, X_test):
    class Centre:
        def fit(self, X, y=None):
            self.mean_ = np.asarray(X, dtype=float).mean(axis=0)
            return self

        def transform(self, X):
            return np.asarray(X, dtype=float) - self.mean_

        def fit_transform(self, X, y=None):
            return self.fit(X, y).transform(X)

    class Square:
        def fit(self, X, y=None):
            return self

        def transform(self, X):
            return np.asarray(X, dtype=float) ** 2

        def fit_transform(self, X, y=None):
            return self.fit(X, y).transform(X)

    class Record:
        def fit(self, X, y):
            self.fit_X_ = np.array(X, dtype=float)
            return self

        def predict(self, X):
            self.predict_X_ = np.array(X, dtype=float)
            return self.predict_X_.sum(axis=1)

    pipe = mod.Pipeline([("centre", Centre()), ("square", Square()), ("record", Record())])
    pipe.fit(X, y)
    pipe.predict(X_test)
    final = pipe.steps[-1][1]
    return {"fit_X": getattr(final, "fit_X_", np.zeros(0)), "predict_X": getattr(final, "predict_X_", np.zeros(0))}


def transformers_probe(mod, X, X_test):
    pipe = mod.Pipeline([("impute", mod.SimpleImputer()), ("scale", mod.StandardScaler())])
    fitted = np.asarray(pipe.fit_transform(X), dtype=float)
    test = np.asarray(pipe.transform(X_test), dtype=float)
    other = mod.Pipeline([("impute", mod.SimpleImputer()), ("scale", mod.StandardScaler())])
    returned = other.fit(X)
    return {"fit_transform": fitted, "test": test, "fit_then_transform": np.asarray(other.transform(X_test), dtype=float),
            "returned_self": returned is other}


def run_only_probe(mod, X, y, X_test):
    class LeastSquares:
        def fit(self, X, y):
            A = np.column_stack([np.ones(len(X)), np.nan_to_num(np.asarray(X, dtype=float))])
            self.coef_ = np.linalg.lstsq(A, y, rcond=None)[0]
            return self

        def predict(self, X):
            return np.column_stack([np.ones(len(X)), np.nan_to_num(np.asarray(X, dtype=float))]) @ self.coef_

    pipe = mod.Pipeline([("impute", mod.SimpleImputer()), ("scale", mod.StandardScaler()), ("model", LeastSquares())])
    pipe.fit(X, y).predict(X_test)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sk_transforms(strategy="mean"):
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    return Pipeline([("impute", SimpleImputer(strategy=strategy)), ("scale", StandardScaler())])


def _sk_pipeline(X, y, strategy="mean"):
    from sklearn.linear_model import LinearRegression
    from sklearn.pipeline import Pipeline

    transforms = _sk_transforms(strategy)
    return Pipeline(transforms.steps + [("model", LinearRegression())]).fit(X, y)


def _diagnose_predict_input(got, X, X_test, strategy):
    """Name the leak or ordering mistake whose model input matches ``got``."""
    got = np.asarray(got)
    if got.shape != X_test.shape:
        return None
    fitted = _sk_pipeline(X, np.zeros(len(X)), strategy)
    imputer, scaler = fitted.named_steps["impute"], fitted.named_steps["scale"]
    with np.errstate(all="ignore"):
        variants = [
            (_sk_transforms(strategy).fit_transform(X_test), LEAK),
            (_sk_transforms(strategy).fit(np.vstack([X, X_test])).transform(X_test), CONCAT),
            (scaler.transform(imputer.__class__(strategy=strategy).fit(X_test).transform(X_test)),
             "the imputer fills the test data with the test set's own means (it re-fits in transform): use statistics_ from fit"),
            (imputer.transform(scaler.transform(X_test)), ORDER),
            (imputer.transform(X_test), "predict skips the scaler: apply every transform, in order"),
            (X_test, "predict passes the raw data to the final estimator: apply the fitted transforms first"),
        ]
    for want, message in variants:
        if np.allclose(got, want, equal_nan=True, **TOL["transformed"]):
            return message
    return None


# -- checks ------------------------------------------------------------------------------

@check(points=2)
def imputer_matches_sklearn(ctx):
    """SimpleImputer learns statistics_ (mean or median of the observed values) and fills test data with them"""
    from sklearn.impute import SimpleImputer

    X, _, X_test = make_data(ctx.rng)
    X_minus = np.where(np.isnan(X), -1.0, X)
    for params, A, B in (({}, X, X_test), ({"strategy": "median"}, X, X_test),
                         ({"missing_values": -1.0}, X_minus, np.where(np.isnan(X_test), -1.0, X_test))):
        got = ctx.run(imputer_probe, params, A, B)
        label = f"SimpleImputer({', '.join(f'{k}={v!r}' for k, v in params.items())})"
        sk = SimpleImputer(**params).fit(A)
        expect(got["returned_self"], f"{label}.fit does not return self", "end fit with `return self`")
        strategy = params.get("strategy", "mean")
        expect_close(got["statistics"], sk.statistics_, f"{label}.statistics_", against="scikit-learn",
                     cause=f"statistics_[j] is the {strategy} of the observed (non-missing) values of column j; "
                           + ("missing_values=-1.0 marks the missing entries, not NaN" if "missing_values" in params else "skip NaN with np.nanmean / np.nanmedian"),
                     **TOL["exact"])
        test = as_array(got["test"], f"{label}.transform(X_test)")
        cause = "transform fills the missing entries of column j with statistics_[j], the value learned in fit"
        if test.shape == B.shape and np.allclose(test, SimpleImputer(**params).fit_transform(B), **TOL["exact"]):
            cause = "transform imputes with the test set's mean (it re-computes the statistics on the data it transforms): use statistics_ from fit"
        expect_close(test, sk.transform(B), f"{label}.transform(X_test) after fit(X_train)", against="scikit-learn", cause=cause, **TOL["exact"])
        expect_close(got["fit_transform"], sk.transform(A), f"{label}.fit_transform(X)", against="scikit-learn", cause="fit_transform(X) is fit(X).transform(X)", **TOL["exact"])


@check(points=1)
def scaler_matches_sklearn(ctx):
    """StandardScaler learns mean_ and scale_ (ddof=0, 1.0 for constant columns) and applies them to new data"""
    from sklearn.preprocessing import StandardScaler

    rng = ctx.rng
    X = rng.normal(size=(30, 3)) * [1.0, 3.0, 1.0] + [0.0, 5.0, 0.0]
    X[:, 2] = 2.5                                      # exactly constant
    X_test = rng.normal(size=(20, 3)) * 4 + 6
    got = ctx.run(scaler_probe, X, X_test)
    sk = StandardScaler().fit(X)
    expect(got["returned_self"], "StandardScaler.fit does not return self", "end fit with `return self`")
    expect_close(got["mean"], sk.mean_, "StandardScaler.mean_", against="scikit-learn", cause="mean_ is the column mean", **TOL["exact"])
    expect_close(got["scale"], sk.scale_, "StandardScaler.scale_", against="scikit-learn",
                 cause="scale_ is np.std(X, axis=0) (ddof=0), with 1.0 for a constant column", **TOL["exact"])
    test = as_array(got["test"], "StandardScaler.transform(X_test)")
    cause = "transform computes (X - mean_) / scale_ with the statistics of fit"
    if test.shape == X_test.shape and np.allclose(test, StandardScaler().fit_transform(X_test), **TOL["transformed"]):
        cause = "transform re-fits on the data it transforms (a leak): use mean_ and scale_ from fit"
    expect_close(test, sk.transform(X_test), "StandardScaler.transform(X_test) after fit(X_train)", against="scikit-learn", cause=cause, **TOL["transformed"])
    expect_close(got["fit_transform"], sk.transform(X), "StandardScaler.fit_transform(X)", against="scikit-learn", cause="fit_transform(X) is fit(X).transform(X)", **TOL["transformed"])


@check(points=1)
def pipeline_fits_the_given_steps(ctx):
    """Pipeline.fit returns self, fits the step objects it was given, and named_steps maps names to them"""
    X, y, _ = make_data(ctx.rng)
    got = ctx.run(named_steps_probe, X, y)
    expect(got["returned_self"], "Pipeline.fit does not return self", "end fit with `return self`, as scikit-learn does")
    expect(got["names"] == ["impute", "scale", "model"], f"Pipeline.steps has names {got['names']}, expected ['impute', 'scale', 'model']",
           "keep the steps list as given: self.steps = steps")
    expect(all(got["same_objects"]), "named_steps[name] is not the step object passed to Pipeline",
           "named_steps maps each name to the very estimator given in steps (scikit-learn fits the steps in place, no copies)")
    for key, name in (("imputer_fitted", "the imputer"), ("scaler_fitted", "the scaler"), ("model_fitted", "the final estimator")):
        expect(got[key], f"after Pipeline.fit, {name} passed in steps is not fitted", "fit the step objects themselves, not copies")


@check(points=2)
def final_estimator_fitted_on_transformed_data(ctx):
    """the final estimator is fitted on the imputed, standardised training data"""
    X, y, X_test = make_data(ctx.rng)
    got = ctx.run(pipeline_probe, X, y, X_test, "mean")
    fit_X = as_array(got["fit_X"], "the data the final estimator was fitted on")
    expect(fit_X.size > 0, "the final estimator's fit was never called", "Pipeline.fit must end with final.fit(X_transformed, y)")
    want = _sk_transforms().fit_transform(X)
    cause = "fit each transform on the previous one's output (imputer, then scaler), then fit the final estimator on the result"
    if _same(fit_X, X) or (fit_X.shape == X.shape and np.isnan(fit_X).any()):
        cause = UNTRANSFORMED
    elif fit_X.shape == X.shape:
        imputer = _sk_transforms().named_steps["impute"].fit(X)
        if np.allclose(fit_X, imputer.transform(X), **TOL["transformed"]):
            cause = "the final estimator is fitted on the imputed but unscaled data: every transform's output feeds the next step"
    expect_close(fit_X, want, "the data the final estimator was fitted on", against="scikit-learn's Pipeline(SimpleImputer(), StandardScaler())[:-1].fit_transform(X)",
                 cause=cause, **TOL["transformed"])


@check(points=3)
def predictions_match_sklearn(ctx):
    """predict on test data from another distribution matches scikit-learn's Pipeline(SimpleImputer, StandardScaler, LinearRegression)"""
    X, y, X_test = make_data(ctx.rng)
    for strategy in ("mean", "median"):
        got = ctx.run(pipeline_probe, X, y, X_test, strategy)
        want = _sk_pipeline(X, y, strategy).predict(X_test)
        cause = _diagnose_predict_input(got["predict_X"], X, X_test, strategy)
        if cause is None and np.asarray(got["fit_X"]).shape == X.shape and np.isnan(np.asarray(got["fit_X"], dtype=float)).any():
            cause = UNTRANSFORMED
        expect_close(got["predictions"], want, f"Pipeline.predict(X_test) with SimpleImputer(strategy={strategy!r})",
                     against="scikit-learn's Pipeline with LinearRegression",
                     cause=cause or "predict transforms X_test with the fitted transforms (transform only), then calls the final estimator's predict",
                     **TOL["predictions"])


@check(points=2)
def no_leak_from_test_data(ctx):
    """at predict time the model sees test data transformed with training statistics; a row's prediction ignores the other rows"""
    X, y, X_test = make_data(ctx.rng)
    got = ctx.run(pipeline_probe, X, y, X_test, "mean")
    want = _sk_transforms().fit(X).transform(X_test)
    predict_X = as_array(got["predict_X"], "the data the final estimator was asked to predict")
    expect(predict_X.size > 0, "the final estimator's predict was never called", "Pipeline.predict must end with final.predict(X_transformed)")
    expect_close(predict_X, want, "the test data as the final estimator received it", against="X_test transformed with the statistics of the training data",
                 cause=_diagnose_predict_input(predict_X, X, X_test, "mean") or "predict must only call transform on each fitted step", **TOL["transformed"])
    predictions = as_array(got["predictions"], "Pipeline.predict(X_test)")
    expect_close(got["head"], predictions[:3], "Pipeline.predict(X_test[:3])", against="Pipeline.predict(X_test)[:3]", cause=LEAK, **TOL["predictions"])
    expect_close(got["one"], predictions[5:6], "Pipeline.predict(X_test[5:6]) (a single row)", against="Pipeline.predict(X_test)[5:6]", cause=LEAK, **TOL["predictions"])


@check(points=2)
def steps_run_in_order(ctx):
    """the steps run first to last, in fit and in predict (checked with two transforms that do not commute)"""
    rng = ctx.rng
    X, X_test = rng.normal(size=(30, 3)) + 2.0, rng.normal(size=(10, 3)) * 3 - 1.0
    y = rng.normal(size=30)
    got = ctx.run(order_probe, X, y, X_test)
    mean = X.mean(axis=0)
    for key, data, what in (("fit_X", X, "fit"), ("predict_X", X_test, "predict")):
        seen = as_array(got[key], f"the data the final estimator received in {what}")
        want = (data - mean) ** 2                    # Centre (with the training mean), then Square
        cause = "apply the steps first to last: centre, then square"
        if seen.shape == want.shape:
            if np.allclose(seen, data ** 2 - (X ** 2).mean(axis=0), **TOL["transformed"]):
                cause = ORDER
            elif np.allclose(seen, (data - data.mean(axis=0)) ** 2, **TOL["transformed"]):
                cause = LEAK
            elif np.allclose(seen, data, **TOL["transformed"]):
                cause = UNTRANSFORMED if what == "fit" else "predict passes the raw data to the final estimator: apply the fitted transforms first"
            elif np.allclose(seen, data - mean, **TOL["transformed"]) or np.allclose(seen, data ** 2, **TOL["transformed"]):
                cause = "a step is skipped: every transform's output feeds the next step"
        expect_close(seen, want, f"the data the final estimator received in {what}", against="Square(Centre(X)) with Centre fitted on the training data",
                     cause=cause, **TOL["transformed"])


@check(points=1)
def pipeline_of_transforms(ctx):
    """a pipeline of transforms only: fit_transform and transform match scikit-learn's Pipeline"""
    X, _, X_test = make_data(ctx.rng)
    got = ctx.run(transformers_probe, X, X_test)
    sk = _sk_transforms().fit(X)
    expect(got["returned_self"], "Pipeline.fit does not return self", "end fit with `return self`")
    expect_close(got["fit_transform"], sk.transform(X), "Pipeline.fit_transform(X_train)", against="scikit-learn",
                 cause="fit_transform fits every step in turn and returns the last step's output", **TOL["transformed"])
    for key in ("test", "fit_then_transform"):
        expect_close(got[key], sk.transform(X_test), "Pipeline.transform(X_test)", against="scikit-learn",
                     cause=_diagnose_predict_input(got[key], X, X_test, "mean") or "transform applies every step's transform, in order", **TOL["transformed"])


@check(points=2)
def inputs_not_modified(ctx):
    """Pipeline.fit and predict leave the caller's arrays (with their missing values) unchanged"""
    X, y, X_test = make_data(ctx.rng)
    got = ctx.run(pipeline_probe, X, y, X_test, "mean")
    cause = "the missing values were filled in place (X[mask] = ...) or the data scaled in place (X -= mean_); work on a copy"
    expect(_same(got["X_after"], X), "Pipeline.fit changed the caller's training array", cause)
    expect(_same(got["X_test_after"], X_test), "Pipeline.predict changed the caller's test array", cause)


@check(points=1)
def vectorised(ctx):
    """the imputer, the scaler and the pipeline do not loop over samples in Python"""
    X, y, X_test = make_data(ctx.rng, n=100)
    # Tiling leaves every mean, median and standard deviation unchanged: only the sample count grows.
    expect_vectorised(ctx, run_only_probe, (X, y, X_test), (np.tile(X, (4, 1)), np.tile(y, 4), np.tile(X_test, (4, 1))),
                      100, 400, "Pipeline.fit + predict")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LinearRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    X, y, X_test = make_data(np.random.default_rng(0), n=100_000, d=20)

    def fit_reference():
        steps = [("impute", reference.SimpleImputer(strategy="mean")), ("scale", reference.StandardScaler()), ("model", LinearRegression())]
        return reference.Pipeline(steps).fit(X, y).predict(X_test)

    def fit_sklearn():
        steps = [("impute", SimpleImputer(strategy="mean")), ("scale", StandardScaler()), ("model", LinearRegression())]
        return Pipeline(steps).fit(X, y).predict(X_test)

    return {
        "input": "Pipeline(SimpleImputer(mean), StandardScaler, scikit-learn's LinearRegression on both sides): fit on 100000 samples × 20 features "
                 "with 15% missing, predict 40 rows",
        "reference": fit_reference,
        "sklearn": fit_sklearn,
    }
