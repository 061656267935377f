"""Hidden checks for pca.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with scikit-learn's PCA(svd_solver="full"). The sign of a singular vector
is arbitrary (scikit-learn fixes it with svd_flip, learners need not), so every component
and every projected column is compared after flipping it onto scikit-learn's sign.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_equal, expect_shape, expect_vectorised
from mlkata.grading import Failed, check

TOL = {
    "svd": dict(rtol=1e-6, atol=1e-8),       # SVD vs SVD, or eigh of the covariance: rounding only
    "round_trip": dict(rtol=1e-8, atol=1e-8),
}
AS_ROWS = ("components_ holds the principal axes as rows, shape (n_components, n_features): take Vt[:k] "
           "(or the eigenvectors' transpose), not the components as columns")
CENTRE = "the data is not centred: subtract mean_ = X.mean(axis=0) before the SVD and before projecting"
DDOF = "explained_variance_ uses ddof=0 (divides S² by n); scikit-learn divides by n - 1: S² / (n_samples - 1)"
SORTED = ("the components are not sorted by decreasing variance: np.linalg.eigh returns eigenvalues in increasing "
          "order, so reverse them (or use the SVD, whose singular values are already decreasing)")


def make_data(rng, n=200, d=6):
    """A rotated, shifted Gaussian cloud with well separated variances (no ambiguous axes)."""
    scales = np.geomspace(4.0, 0.5, d) * rng.uniform(0.95, 1.05, size=d)
    rotation = np.linalg.qr(rng.normal(size=(d, d)))[0]
    mean = rng.normal(scale=3.0, size=d) + 8.0          # far from the origin: centring matters
    return rng.normal(size=(n, d)) * scales @ rotation + mean


# -- probes: run in the sandbox ---------------------------------------------------------

def fit_probe(mod, X, params):
    model = mod.PCA(**params)
    returned = model.fit(X)
    return {
        "returned_self": returned is model,
        "components": np.asarray(model.components_, dtype=float),
        "explained_variance": np.asarray(model.explained_variance_, dtype=float),
        "explained_variance_ratio": np.asarray(model.explained_variance_ratio_, dtype=float),
        "singular_values": np.asarray(model.singular_values_, dtype=float),
        "mean": np.asarray(model.mean_, dtype=float),
        "n_components": float(model.n_components_),
        "n_components_type": type(model.n_components_).__name__,
    }


def transform_probe(mod, X, X_new, params):
    model = mod.PCA(**params)
    Z_fit = np.asarray(model.fit_transform(X), dtype=float)
    Z_new = np.asarray(model.transform(X_new), dtype=float)
    back = np.asarray(model.inverse_transform(Z_new), dtype=float)
    return {"components": np.asarray(model.components_, dtype=float), "fit_transform": Z_fit, "transform": Z_new,
            "inverse": back, "X_after": X, "X_new_after": X_new}


def fit_only_probe(mod, X, params):
    mod.PCA(**params).fit(X).transform(X)
    return 0


# -- helpers ----------------------------------------------------------------------------

def _sklearn(X, **params):
    from sklearn.decomposition import PCA

    return PCA(svd_solver="full", **params).fit(X)


def _flip(got, want, axis):
    """got with each component's sign flipped to agree with want (rows: axis=1, columns: axis=0)."""
    signs = np.sign(np.sum(got * want, axis=axis, keepdims=True))
    return got * np.where(signs == 0, 1.0, signs)


def _close(got, want, axis):
    return got.shape == want.shape and np.allclose(_flip(got, want, axis), want, rtol=1e-5, atol=1e-6)


def _diagnose_components(got, X, k):
    """Name the classic mistakes from the components a learner returned (shape already right)."""
    full = _sklearn(X).components_
    raw_axes = np.linalg.svd(X, full_matrices=False)[2][:k]     # SVD of the uncentred data
    if _close(got, raw_axes, 1):
        return CENTRE
    if got.shape[0] == got.shape[1] and _close(got.T, full[:k], 1):
        return AS_ROWS
    similarity = np.abs(got @ full.T)                           # |cos| between each row and every true axis
    best = similarity.argmax(axis=1)
    if np.all(similarity.max(axis=1) > 1 - 1e-6) and not np.array_equal(best, np.arange(k)):
        return SORTED + f" (your rows are the true axes number {best.tolist()}, expected {list(range(k))})"
    return "components_ should be the first k right singular vectors of the centred data, Vt[:k], as rows"


# -- checks ------------------------------------------------------------------------------

@check(points=1)
def attributes_and_shapes(ctx):
    """fit returns self and sets every attribute with its documented shape"""
    X = make_data(ctx.rng, n=60, d=5)
    got = ctx.run(fit_probe, X, {"n_components": 3})
    expect(got["returned_self"], "fit does not return self", "end fit with `return self`, as scikit-learn estimators do")
    expect_shape(got["components"], (3, 5), "components_ with n_components=3 on 5 features", cause=AS_ROWS)
    for name in ("explained_variance", "explained_variance_ratio", "singular_values"):
        expect_shape(got[name], (3,), f"{name}_")
    expect_shape(got["mean"], (5,), "mean_")
    expect(got["n_components"] == 3 and got["n_components_type"] in ("int", "int64", "int32"),
           f"n_components_ is {got['n_components']!r} ({got['n_components_type']}), expected the int 3")
    for shape in ((60, 5), (4, 6)):  # None keeps min(n_samples, n_features)
        data = make_data(ctx.rng, n=shape[0], d=shape[1])
        keep = min(shape)
        got = ctx.run(fit_probe, data, {})
        expect(got["n_components"] == keep, f"with n_components=None on X of shape {shape}, n_components_ is {got['n_components']:g}, expected {keep}",
               "None keeps min(n_samples, n_features) components, as scikit-learn")
        expect_shape(got["components"], (keep, shape[1]), f"components_ with n_components=None on X of shape {shape}", cause=AS_ROWS)


@check(points=3)
def components_match_sklearn(ctx):
    """components_ and mean_ equal scikit-learn's, up to the sign of each component"""
    X = make_data(ctx.rng)
    for k in (3, 6):
        got = ctx.run(fit_probe, X, {"n_components": k})
        sk = _sklearn(X, n_components=k)
        against = f"scikit-learn's PCA(n_components={k}, svd_solver='full')"
        expect_close(got["mean"], sk.mean_, "mean_", against=against, cause="mean_ is X.mean(axis=0), the per-feature mean", **TOL["svd"])
        components = expect_shape(as_array(got["components"], "components_"), sk.components_.shape, f"components_ (n_components={k})", cause=AS_ROWS)
        expect(np.all(np.isfinite(components)), f"components_ (n_components={k}) has non-finite values")
        cause = _diagnose_components(components, X, k)
        expect_close(_flip(components, sk.components_, 1), sk.components_, f"components_ (n_components={k}, each row's sign flipped to match)",
                     against=against, cause=cause, **TOL["svd"])


@check(points=2)
def explained_variance_matches_sklearn(ctx):
    """explained_variance_ (ddof=1), explained_variance_ratio_ and singular_values_ equal scikit-learn's"""
    X = make_data(ctx.rng)
    n = len(X)
    got = ctx.run(fit_probe, X, {"n_components": 4})
    sk = _sklearn(X, n_components=4)
    against = "scikit-learn's PCA(n_components=4, svd_solver='full')"
    variance = as_array(got["explained_variance"], "explained_variance_")
    cause = "explained_variance_ = S[:k]**2 / (n_samples - 1), the largest eigenvalues of the covariance, in decreasing order"
    if variance.shape == (4,):
        if np.allclose(variance, sk.explained_variance_ * (n - 1) / n, rtol=1e-6):
            cause = DDOF
        elif np.allclose(np.sort(variance), np.sort(_sklearn(X).explained_variance_)[:4], rtol=1e-6) or np.allclose(variance, sk.explained_variance_[::-1], rtol=1e-6):
            cause = SORTED
        elif np.allclose(variance, sk.singular_values_, rtol=1e-6):
            cause = "explained_variance_ holds the singular values: the variance is S**2 / (n_samples - 1)"
    expect_close(variance, sk.explained_variance_, "explained_variance_", against=against, cause=cause, **TOL["svd"])
    expect_close(got["singular_values"], sk.singular_values_, "singular_values_", against=against,
                 cause="singular_values_ are the singular values S[:k] of the centred data", **TOL["svd"])
    expect_close(got["explained_variance_ratio"], sk.explained_variance_ratio_, "explained_variance_ratio_", against=against,
                 cause="divide by the total variance, the sum of the variances of all min(n_samples, n_features) components "
                       "(X.var(axis=0, ddof=1).sum()), not only of the k kept", **TOL["svd"])


@check(points=2)
def transform_matches_sklearn(ctx):
    """fit_transform and transform of new data equal scikit-learn's, up to each component's sign"""
    X = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=40)
    got = ctx.run(transform_probe, X, X_new, {"n_components": 3})
    sk = _sklearn(X, n_components=3)
    against = "scikit-learn's PCA(n_components=3).transform"
    cause = "transform(X) = (X - mean_) @ components_.T, with the training mean_"
    for key, data in (("fit_transform", X), ("transform", X_new)):
        want = sk.transform(data)
        Z = expect_shape(as_array(got[key], key), want.shape, f"{key} output", cause="the projection has one column per component: shape (n_samples, n_components_)")
        this_cause = CENTRE if _close(Z, data @ sk.components_.T, 0) else cause
        expect_close(_flip(Z, want, 0), want, f"{key} output (each column's sign flipped to match)", against=against, cause=this_cause, **TOL["svd"])


@check(points=2)
def whitening_matches_sklearn(ctx):
    """with whiten=True the projection equals scikit-learn's and has unit variance per component"""
    X = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=40)
    got = ctx.run(transform_probe, X, X_new, {"n_components": 4, "whiten": True})
    sk = _sklearn(X, n_components=4, whiten=True)
    against = "scikit-learn's PCA(n_components=4, whiten=True).transform"
    cause = "whitening divides each projected column by sqrt(explained_variance_), its standard deviation"
    for key, data in (("fit_transform", X), ("transform", X_new)):
        want = sk.transform(data)
        Z = expect_shape(as_array(got[key], key), want.shape, f"whitened {key} output")
        if _close(Z * np.sqrt(len(X) - 1), want, 0):
            cause = ("whitening divides by the singular values S instead of sqrt(explained_variance_) = S / sqrt(n - 1): "
                     "the output variance is 1 / (n - 1) instead of 1")
        expect_close(_flip(Z, want, 0), want, f"whitened {key} output (each column's sign flipped to match)", against=against, cause=cause, **TOL["svd"])
    variance = as_array(got["fit_transform"], "fit_transform").var(axis=0, ddof=1)
    expect_close(variance, np.ones(4), "variance (ddof=1) of the whitened training projection", against="1 for every component", cause=cause, **TOL["svd"])


@check(points=2)
def inverse_transform_round_trip(ctx):
    """inverse_transform undoes transform exactly with all components, and matches scikit-learn with fewer"""
    X = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=40)
    for whiten in (False, True):
        got = ctx.run(transform_probe, X, X_new, {"n_components": 6, "whiten": whiten})
        expect_close(got["inverse"], X_new, f"inverse_transform(transform(X)) with all 6 components, whiten={whiten}", against="X itself",
                     cause="inverse_transform(Z) = Z @ components_ + mean_, after multiplying Z by sqrt(explained_variance_) when whitening",
                     **TOL["round_trip"])
        got = ctx.run(transform_probe, X, X_new, {"n_components": 2, "whiten": whiten})
        sk = _sklearn(X, n_components=2, whiten=whiten)
        expect_close(got["inverse"], sk.inverse_transform(sk.transform(X_new)), f"inverse_transform(transform(X)) with 2 components, whiten={whiten}",
                     against="scikit-learn's reconstruction", cause="the rank-2 reconstruction is Z @ components_ + mean_ (undo the whitening first)", **TOL["svd"])


@check(points=1)
def inputs_not_modified(ctx):
    """fit, transform and inverse_transform leave their input arrays unchanged"""
    X = make_data(ctx.rng)
    X_new = make_data(ctx.rng, n=40)
    got = ctx.run(transform_probe, X, X_new, {"n_components": 3, "whiten": True})
    cause = "an in-place operation (X -= mean, X /= std) on the caller's array; work on a copy (X - self.mean_)"
    expect_equal(got["X_after"], X, "X after fit_transform", against="X before", cause=cause)
    expect_equal(got["X_new_after"], X_new, "X after transform", against="X before", cause=cause)


@check(points=1)
def vectorised(ctx):
    """fit and transform do not loop over samples in Python"""
    X = make_data(ctx.rng, n=100)
    params = {"n_components": 3}
    # Tiling leaves the mean and the axes unchanged: only the sample count grows.
    expect_vectorised(ctx, fit_only_probe, (X, params), (np.tile(X, (4, 1)), params), 100, 400, "fit + transform")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn.decomposition import PCA

    X = make_data(np.random.default_rng(0), n=5000, d=100)
    return {
        "input": "fit_transform, 5000 samples × 100 features, 10 components, full SVD (svd_solver='full')",
        "reference": lambda: reference.PCA(n_components=10).fit_transform(X),
        "sklearn": lambda: PCA(n_components=10, svd_solver="full").fit_transform(X),
    }
