"""Hidden checks for bias_variance.

The bootstrap draws of a correct solution need not match the reference's, so the checks use
exact identities (loss = bias² + variance; zero variance for a model that ignores its
training data), spy estimators that report what they were fitted on, and statistical
bounds (with wide margins, measured over hundreds of seeds) against known values and against
the reference.
"""

import numpy as np

from mlkata.expect import expect, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "identity": 1e-10,           # loss - bias² - variance, relative to the loss: rounding only
    "variance_ratio": (0.5, 2.0),    # learner / reference variance, both from 300 rounds (observed 0.71..1.36)
    "bias_ratio": (0.8, 1.25),       # learner / reference bias² (observed 0.96..1.05)
    "mean_variance": (0.6, 1.5),     # mean predictor: variance / (s² / n) from 400 rounds (observed 0.77..1.22)
}

# -- probes: run in the sandbox ---------------------------------------------------------


def ols_probe(mod, X_train, y_train, X_test, y_test, n_rounds, random_state):
    class LeastSquares:
        def fit(self, X, y):
            self.coef_ = np.linalg.lstsq(X, y, rcond=None)[0]
            return self

        def predict(self, X):
            return X @ self.coef_

    return [float(v) for v in mod.bias_variance_decomp(LeastSquares, X_train, y_train, X_test, y_test, n_rounds=n_rounds, random_state=random_state)]


def mean_probe(mod, X_train, y_train, X_test, y_test, n_rounds, random_state):
    class TrainingMean:
        def fit(self, X, y):
            self.mean_ = float(np.mean(y))
            return self

        def predict(self, X):
            return np.full(len(X), self.mean_)

    return [float(v) for v in mod.bias_variance_decomp(TrainingMean, X_train, y_train, X_test, y_test, n_rounds=n_rounds, random_state=random_state)]


def fixed_function_probe(mod, X_train, y_train, X_test, y_test, n_rounds):
    class FixedFunction:
        """Ignores its training data: predicts 0.5 x_0 + 1 whatever it was fitted on."""

        def fit(self, X, y):
            return self

        def predict(self, X):
            return 0.5 * X[:, 0] + 1.0

    return [float(v) for v in mod.bias_variance_decomp(FixedFunction, X_train, y_train, X_test, y_test, n_rounds=n_rounds, random_state=0)]


def spy_probe(mod, X_train, y_train, X_test, y_test, n_rounds):
    fits = []

    def make(mode):
        class Spy:
            """Predicts, at every test point, a statistic of the set it was fitted on (ids in X[:, 0])."""

            def fit(self, X, y):
                ids = np.asarray(X)[:, 0]
                self.fit_count_ = getattr(self, "fit_count_", 0) + 1
                fits.append(1)
                self.value_ = {
                    "size": len(ids),
                    "distinct": len(np.unique(ids)),
                    "in_order": float(np.array_equal(ids, np.arange(len(ids)))),
                    "broken_pairs": float(np.sum(np.asarray(y) != 2 * ids + 1)),
                    "fit_count": self.fit_count_,
                }[mode]
                return self

            def predict(self, X):
                return np.full(len(X), float(self.value_))

        return Spy

    out = {}
    for mode in ("size", "distinct", "in_order", "broken_pairs", "fit_count"):
        out[mode] = [float(v) for v in mod.bias_variance_decomp(make(mode), X_train, y_train, X_test, y_test, n_rounds=n_rounds, random_state=1)]
    del fits[:]
    mod.bias_variance_decomp(make("size"), X_train, y_train, X_test, y_test)
    out["default_fits"] = len(fits)
    return out


def ols_only_probe(mod, X_train, y_train, X_test, y_test, n_rounds):
    class LeastSquares:
        def fit(self, X, y):
            self.coef_ = np.linalg.lstsq(X, y, rcond=None)[0]
            return self

        def predict(self, X):
            return X @ self.coef_

    mod.bias_variance_decomp(LeastSquares, X_train, y_train, X_test, y_test, n_rounds=n_rounds, random_state=0)
    return 0


# -- data and helpers ---------------------------------------------------------------------


def linear_data(rng, n, d=3, sigma=0.5, n_test=300, w=None):
    w = rng.normal(size=d) if w is None else w
    X, X_test = rng.normal(size=(n, d)), rng.normal(size=(n_test, d))
    return X, X @ w + sigma * rng.normal(size=n), X_test, X_test @ w + sigma * rng.normal(size=n_test), w


def _triple(got, what):
    try:
        values = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise Failed(f"{what}: bias_variance_decomp should return three floats (expected_loss, bias_squared, variance), got {str(got)[:80]}") from None
    expect(values.shape == (3,), f"{what}: bias_variance_decomp returned {values.size} values, expected three: (expected_loss, bias_squared, variance)")
    expect(np.all(np.isfinite(values)), f"{what}: bias_variance_decomp returned {values.tolist()}, which are not all finite")
    return values


def _identity_cause(loss, bias2, var, n_rounds):
    if np.isclose(bias2, loss, rtol=1e-9, atol=1e-12) and var > 1e-9 * loss:
        return ("bias² equals the expected loss: it was computed as the mean over rounds of (prediction - y)², which is the expected loss; "
                "bias² is (main prediction - y)², with the main prediction the mean over rounds")
    if np.isclose(loss, bias2 + var * (n_rounds - 1) / n_rounds, rtol=1e-9, atol=1e-12):
        return "the variance over rounds uses ddof=1; use the population variance (ddof=0, np.var's default) so that loss = bias² + variance exactly"
    return ("loss = mean over rounds and points of (P[r, j] - y_j)², bias² = mean_j (m_j - y_j)², variance = mean_j of the variance over rounds of P[r, j], "
            "with m_j = mean_r P[r, j] at each test point")


# -- checks --------------------------------------------------------------------------------


@check(points=3)
def loss_is_bias_squared_plus_variance(ctx):
    """expected_loss = bias_squared + variance exactly, for a model with non-zero variance"""
    X, y, X_test, y_test, _ = linear_data(ctx.rng, n=30, n_test=40)
    n_rounds = 50
    loss, bias2, var = _triple(ctx.run(ols_probe, X, y, X_test, y_test, n_rounds, 0), "least squares on 30 samples")
    expect(var > 0, f"variance is {var:g} for least squares refitted on 30 resampled points, expected a positive number",
           "each round must fit on its own bootstrap sample, and the variance is taken over rounds at each test point")
    gap = loss - bias2 - var
    expect(abs(gap) <= TOL["identity"] * loss,
           f"expected_loss - bias_squared - variance = {gap:.3g} (loss {loss:.6g}, bias² {bias2:.6g}, variance {var:.6g}); the decomposition of the squared error is exact",
           _identity_cause(loss, bias2, var, n_rounds))


@check(points=2)
def model_ignoring_its_training_data_has_no_variance(ctx):
    """a model that ignores its training data has variance 0 and bias² = loss = its squared error"""
    X, y, X_test, y_test, _ = linear_data(ctx.rng, n=25, n_test=40)
    loss, bias2, var = _triple(ctx.run(fixed_function_probe, X, y, X_test, y_test, 20), "a model predicting 0.5 x_0 + 1 whatever its training set")
    error = float(np.mean((0.5 * X_test[:, 0] + 1.0 - y_test) ** 2))
    if var > 1e-9:
        spread = float(np.var(0.5 * X_test[:, 0] + 1.0))
        cause = ("variance computed across test points instead of across rounds: the variance is over rounds at each test point (predictions.var(axis=0) "
                 "for predictions of shape (n_rounds, n_test)), then averaged over points") if np.isclose(var, spread, rtol=1e-6) else \
            "the variance is over rounds at each test point, averaged over the test points; this model predicts the same in every round"
        raise Failed(f"variance is {var:.6g} for a model that predicts the same values in every round (0.5 x_0 + 1, whatever it is fitted on), expected 0\nLikely cause: {cause}")
    expect(np.isclose(bias2, error, rtol=1e-9, atol=1e-12), f"bias_squared is {bias2:.6g}, expected the model's squared error {error:.6g}",
           "bias² = mean over test points of (main prediction - y_test)²; here every round predicts the same, so it is the squared error")
    expect(np.isclose(loss, error, rtol=1e-9, atol=1e-12), f"expected_loss is {loss:.6g}, expected the model's squared error {error:.6g}",
           "expected loss = mean over rounds and test points of (prediction - y_test)²")


@check(points=3)
def rounds_fit_bootstrap_samples(ctx):
    """every round fits on n_train draws with replacement, X and y drawn together"""
    n, n_rounds = 50, 60
    X = np.column_stack([np.arange(n, dtype=float), ctx.rng.normal(size=n)])
    y = 2 * np.arange(n, dtype=float) + 1  # y_i = 2 id_i + 1: a spy sees whether (x, y) pairs stay together
    X_test, y_test = ctx.rng.normal(size=(10, 2)), np.zeros(10)
    got = ctx.run(spy_probe, X, y, X_test, y_test, n_rounds)
    # with y_test = 0 and a constant prediction per round, bias² = (mean over rounds of the statistic)²
    mean_of = {k: float(np.sqrt(max(_triple(got[k], f"spy {k}")[1], 0.0))) for k in ("size", "distinct", "in_order", "broken_pairs")}
    expect(np.isclose(mean_of["size"], n), f"the models were fitted on {mean_of['size']:.4g} samples on average, expected {n} (the training set's size)",
           "a bootstrap sample has as many draws as the training set: rng.integers(0, n_train, size=n_train)")
    expect(mean_of["broken_pairs"] == 0, f"on average {mean_of['broken_pairs']:.3g} of the {n} training pairs (x_i, y_i) were broken apart in a round",
           "X and y resampled with different indices: draw one index array per round and use it for both, X_train[idx], y_train[idx]")
    distinct = mean_of["distinct"] / n
    if distinct > 0.999:
        cause = ("no resampling: every round was fitted on the full training set, in order; draw a bootstrap sample (rng.integers(0, n, size=n)) each round"
                 if mean_of["in_order"] > 0.999 else
                 "sampling without replacement gives a permutation of the training set, the same data every round; a bootstrap sample is drawn with replacement")
        raise Failed(f"every round's training set holds all {n} distinct samples, but a bootstrap sample of {n} draws holds about 63% of them\nLikely cause: {cause}")
    expect(0.55 < distinct < 0.72, f"the bootstrap samples hold {100 * distinct:.1f}% distinct training samples on average, expected about {100 * (1 - (1 - 1 / n) ** n):.1f}%",
           "draw n_train indices uniformly with replacement, rng.integers(0, n_train, size=n_train)")


@check(points=1)
def fresh_model_each_round(ctx):
    """each round fits a fresh model from make_estimator(), and n_rounds defaults to 200"""
    n = 30
    X = np.column_stack([np.arange(n, dtype=float), np.zeros(n)])
    got = ctx.run(spy_probe, X, 2 * np.arange(n, dtype=float) + 1, np.zeros((5, 2)), np.zeros(5), 20)
    _, bias2, var = _triple(got["fit_count"], "a model counting its own fits")
    expect(np.isclose(bias2, 1.0) and var < 1e-12, f"models were fitted {np.sqrt(bias2):.3g} times on average before predicting, expected once each",
           "the estimator is reused across rounds: call make_estimator() in every round for a fresh, unfitted model")
    expect(200 <= got["default_fits"] <= 201, f"with the default n_rounds, {got['default_fits']} models were fitted, expected 200", "n_rounds defaults to 200, one fit per round")


@check(points=2)
def mean_predictor_matches_theory(ctx):
    """for the training-mean predictor, variance ≈ s²/n and bias² ≈ mean (ȳ - y_test)²"""
    n, n_test, n_rounds = 50, 30, 400
    y = 2.0 * ctx.rng.normal(size=n) + 1.0
    y_test = ctx.rng.normal(size=n_test)
    loss, bias2, var = _triple(ctx.run(mean_probe, np.zeros((n, 1)), y, np.zeros((n_test, 1)), y_test, n_rounds, 3), "the training-mean predictor")
    theory = y.var() / n  # variance of the mean of n draws with replacement from y
    low, high = TOL["mean_variance"]
    if var < 1e-9 * theory:
        raise Failed(f"variance is {var:.3g} for a model predicting the mean of its training targets, expected about s²/n = {theory:.4g}\n"
                     "Likely cause: every round fits the same data (no resampling, or sampling without replacement): draw a bootstrap sample with replacement each round")
    expect(low < var / theory < high, f"variance is {var:.4g} for a model predicting the mean of its training targets, expected about s²/n = {theory:.4g} "
           f"(ratio {var / theory:.3g}, accepted {low}..{high})",
           "the variance over rounds of the bootstrap mean is s²/n; check that each round draws n samples with replacement and that the variance is over rounds")
    delta = 6 * np.sqrt(theory / n_rounds)  # the main prediction is ȳ within 6 standard errors
    want = float(np.mean((y.mean() - y_test) ** 2))
    slack = 2 * abs(np.mean(y.mean() - y_test)) * delta + delta ** 2
    expect(abs(bias2 - want) <= slack, f"bias_squared is {bias2:.5g}, expected {want:.5g} ± {slack:.2g} (the main prediction is the training mean ȳ)",
           "bias² = mean over test points of (main prediction - y_test)², the main prediction being the mean of the predictions over rounds")


@check(points=3)
def well_specified_linear_model(ctx):
    """least squares on linear data: bias² ≈ the noise, variance ≈ σ²d/n shrinking with n, close to the reference"""
    sigma, d, n_rounds = 0.5, 3, 300
    results = {}
    w = ctx.rng.normal(size=d)
    for n in (40, 320):
        X, y, X_test, y_test, _ = linear_data(ctx.rng, n, d, sigma, w=w)
        got = _triple(ctx.run(ols_probe, X, y, X_test, y_test, n_rounds, 5), f"least squares on {n} samples")
        want = np.asarray(ctx.reference(ols_probe, X, y, X_test, y_test, n_rounds, 6))
        results[n] = got
        expect(got[2] > 1e-9 * want[2], f"least squares on {n} samples: variance is {got[2]:.3g}, although refitting on resampled data moves the fitted line",
               "every round fits the same data (no resampling, or sampling without replacement): draw a bootstrap sample with replacement each round")
        noise = float(np.mean((X_test @ w - y_test) ** 2))
        for name, i, (low, high) in (("variance", 2, TOL["variance_ratio"]), ("bias_squared", 1, TOL["bias_ratio"])):
            ratio = got[i] / want[i]
            expect(low < ratio < high, f"least squares on {n} samples: {name} is {got[i]:.4g}, the reference's (other bootstrap draws) is {want[i]:.4g}: ratio {ratio:.3g}, accepted {low}..{high}",
                   "bias² uses the main prediction (mean over rounds) per test point; the variance is over rounds per test point; each round fits a bootstrap sample")
        if n == 320:
            expect(abs(got[1] - noise) < 0.25 * sigma ** 2, f"bias_squared is {got[1]:.4g} for a well-specified linear model on 320 samples; expected about the noise on y_test, {noise:.4g}",
                   "bias² = mean_j (m_j - y_j)²: with a correct model and enough data, the main prediction is the true function and only the noise remains")
            theory = sigma ** 2 * d / n
            expect(0.4 < got[2] / theory < 2.5, f"variance is {got[2]:.4g} for least squares on {n} samples, expected about σ²·d/n = {theory:.4g}",
                   "the variance over rounds of the predictions at each test point, averaged over the test points")
    expect(results[40][2] > 3 * results[320][2], f"variance is {results[40][2]:.4g} with 40 training samples and {results[320][2]:.4g} with 320; it should shrink about 8 times",
           "the variance must come from refitting on bootstrap samples of the training set, at each test point over rounds")


@check(points=1)
def reproducible_with_random_state(ctx):
    """the same random_state gives the same result, another gives another"""
    X, y, X_test, y_test, _ = linear_data(ctx.rng, n=30, n_test=20)
    first, again, other = (ctx.run(ols_probe, X, y, X_test, y_test, 20, seed) for seed in (11, 11, 12))
    expect(np.array_equal(_triple(first, "random_state=11"), _triple(again, "random_state=11")),
           f"two calls with random_state=11 returned {list(first)} and {list(again)}", "random_state ignored: draw the bootstrap samples from np.random.default_rng(random_state)")
    expect(not np.array_equal(_triple(first, "random_state=11"), _triple(other, "random_state=12")), "random_state=11 and random_state=12 returned the same result",
           "random_state ignored: draw the bootstrap samples from np.random.default_rng(random_state)")


@check(points=2)
def vectorised(ctx):
    """no Python loop over training samples or test points (one loop over rounds is fine)"""
    X, y, X_test, y_test, _ = linear_data(ctx.rng, n=50, n_test=50)
    # Tiling the training and test sets: the same rounds, only more samples and test points.
    expect_vectorised(ctx, ols_only_probe, (X, y, X_test, y_test, 10), (np.tile(X, (4, 1)), np.tile(y, 4), np.tile(X_test, (4, 1)), np.tile(y_test, 4), 10),
                      100, 400, "bias_variance_decomp", unit="sample (training + test)")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.ensemble import BaggingRegressor
    from sklearn.linear_model import LinearRegression

    X, y, X_test, y_test, _ = linear_data(np.random.default_rng(0), n=1000, d=5, n_test=1000)
    n_rounds = 50

    def bagging():
        bag = BaggingRegressor(LinearRegression(), n_estimators=n_rounds, random_state=0).fit(X, y)
        P = np.stack([e.predict(X_test[:, f]) for e, f in zip(bag.estimators_, bag.estimators_features_)])
        main = P.mean(axis=0)
        return np.mean((P - y_test) ** 2), np.mean((main - y_test) ** 2), np.mean(P.var(axis=0))

    return {
        "input": f"{n_rounds} bootstrap rounds of scikit-learn's LinearRegression on 1000 samples × 5 features, 1000 test points "
                 "(scikit-learn: BaggingRegressor, then the same three means)",
        "reference": lambda: reference.bias_variance_decomp(LinearRegression, X, y, X_test, y_test, n_rounds=n_rounds, random_state=0),
        "sklearn": bagging,
    }
