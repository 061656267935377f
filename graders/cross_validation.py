"""Hidden checks for cross_validation.

Probes (``*_probe``) run in the sandbox on the learner's module; checks compare in the
grader's process with scikit-learn's splitters (identical without shuffling) and test the
shuffled splitters by their properties: a partition, balanced sizes, stratified, seeded.
"""

import numpy as np

from mlkata.expect import as_array, expect, expect_close, expect_vectorised
from mlkata.grading import Failed, check

TOL = {"scores": dict(rtol=1e-12, atol=1e-12)}   # the same fits on the same folds: only rounding could differ

# -- probes: run in the sandbox ---------------------------------------------------------


def split_probe(mod, kind, params, X, y, calls):
    cv = getattr(mod, kind)(**params)
    runs = [[[np.asarray(train), np.asarray(test)] for train, test in cv.split(X, y)] for _ in range(calls)]
    n_splits = cv.get_n_splits(X, y) if kind == "LeaveOneOut" else cv.get_n_splits()
    return {"runs": runs, "n_splits": int(n_splits)}


def split_only_probe(mod, kind, params, X, y):
    for _ in getattr(mod, kind)(**params).split(X, y):
        pass
    return 0


def too_many_splits_probe(mod, n_splits, X):
    try:
        list(mod.KFold(n_splits=n_splits).split(X))
    except ValueError:
        return "ValueError"
    return "no error"


def nearest_centroid_cv_probe(mod, X, y, n_stratified):
    class NearestCentroid:
        """Predicts the class whose training mean is nearest; score is the accuracy."""

        def fit(self, X, y):
            self.classes_ = np.unique(y)
            self.centroids_ = np.stack([X[y == c].mean(axis=0) for c in self.classes_])
            return self

        def score(self, X, y):
            distances = ((X[:, None, :] - self.centroids_[None, :, :]) ** 2).sum(axis=2)
            return float(np.mean(self.classes_[np.argmin(distances, axis=1)] == y))

    default = mod.cross_val_score(NearestCentroid(), X, y)
    stratified = mod.cross_val_score(NearestCentroid(), X, y, cv=mod.StratifiedKFold(n_splits=n_stratified))
    return {"default": np.asarray(default, dtype=float), "stratified": np.asarray(stratified, dtype=float)}


def spy_cv_probe(mod, X, y, folds):
    log = []

    class Spy:
        """Remembers every training set it is fitted on (rebinding, so a copy never shares it)."""

        def __init__(self, offset=0.0):
            self.offset = offset

        def fit(self, X, y=None):
            self.fitted_on_ = getattr(self, "fitted_on_", []) + [np.asarray(X)[:, 0].astype(int)]
            return self

        def score(self, X, y=None):
            test = np.asarray(X)[:, 0].astype(int)
            log.append({"test": test, "fits": list(getattr(self, "fitted_on_", [])), "offset": float(self.offset)})
            return float(test.sum()) + self.offset

    class FixedFolds:
        """A splitter yielding the given test folds, the rest of the samples as training set."""

        def __init__(self, folds):
            self.folds = folds

        def get_n_splits(self, X=None, y=None, groups=None):
            return len(self.folds)

        def split(self, X, y=None, groups=None):
            for test in self.folds:
                train = np.setdiff1d(np.arange(len(X)), test)
                yield train, np.asarray(test)

    estimator = Spy(offset=0.25)
    scores = mod.cross_val_score(estimator, X, y, cv=FixedFolds(folds))
    return {"scores": np.asarray(scores, dtype=float), "log": log, "original_fitted": hasattr(estimator, "fitted_on_")}


# -- helpers ----------------------------------------------------------------------------


def _ids(n):
    """X whose first column is the sample's index (a spy can read it back), y a binary label."""
    return np.column_stack([np.arange(n, dtype=float), np.zeros(n)])


def _folds(got, n, what):
    """The learner's splits as a list of (train, test) int arrays, failing unless they partition 0..n-1."""
    splits = []
    for i, pair in enumerate(got):
        if not isinstance(pair, list) or len(pair) != 2:
            raise Failed(f"{what}: split() should yield (train_index, test_index) pairs")
        train, test = (np.asarray(a) for a in pair)
        for name, part in (("train_index", train), ("test_index", test)):
            expect(part.ndim == 1 and (part.size == 0 or part.dtype.kind in "iu"),
                   f"{what}: {name} of fold {i} is an array of dtype {part.dtype} and shape {part.shape}, expected 1-D integer indices",
                   "yield integer index arrays (np.flatnonzero(mask), np.arange(...)), not boolean masks or floats")
        expect(np.all((0 <= test) & (test < n)) and np.all((0 <= train) & (train < n)), f"{what}: fold {i} has indices outside 0..{n - 1}")
        overlap = np.intersect1d(train, test)
        expect(overlap.size == 0, f"{what}: fold {i}'s test indices {overlap[:5].tolist()} are also included in train_index",
               "test indices included in train: an off-by-one in the slices that cut the training set around the test fold")
        expect(len(np.unique(test)) == len(test) and len(np.unique(train)) == len(train), f"{what}: fold {i} repeats an index")
        missing = np.setdiff1d(np.arange(n), np.concatenate([train, test]))
        expect(missing.size == 0, f"{what}: fold {i} leaves samples {missing[:5].tolist()} out of both train_index and test_index",
               "the training set is everything that is not in the test fold")
        splits.append((np.sort(train), np.sort(test)))
    tests = np.concatenate([t for _, t in splits]) if splits else np.array([], dtype=int)
    counts = np.bincount(tests.astype(int), minlength=n)
    expect(np.all(counts == 1), f"{what}: the test folds do not partition the samples: sample {int(np.argmax(counts != 1))} is in {int(counts[np.argmax(counts != 1)])} test folds",
           "every sample must be in exactly one test fold")
    return splits


def _sizes_message(sizes, n, k):
    sizes = list(map(int, sizes))
    if sizes == [n // k] * (k - 1) + [n // k + n % k]:
        return "the last fold gets all the remainder: give the first n % k folds one extra sample each (fold sizes n // k + 1, ..., n // k)"
    if sizes == [n // k] * (k - 1) + [n - (k - 1) * (n // k)] or sizes == [-(-n // k)] * (k - 1) + [n - (k - 1) * -(-n // k)]:
        return "fold sizes computed with a rounded fold size, so the last fold takes what is left: the first n % k folds get n // k + 1 samples, the others n // k"
    return "fold sizes must be n // k + 1 for the first n % k folds and n // k for the others"


def _compare_with_sklearn(got, want, n, what, cause):
    if len(got) != len(want):
        raise Failed(f"{what} yields {len(got)} folds, expected {len(want)}")
    for i, ((_, g_test), (_, w_test)) in enumerate(zip(got, want)):
        if not np.array_equal(g_test, np.sort(w_test)):
            raise Failed(f"{what}: test fold {i} is {g_test[:8].tolist()}{'...' if len(g_test) > 8 else ''} ({len(g_test)} samples), "
                         f"scikit-learn's is {np.sort(w_test)[:8].tolist()}{'...' if len(w_test) > 8 else ''} ({len(w_test)} samples)\nLikely cause: {cause}")


def _sklearn_splits(splitter, X, y):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(np.asarray(tr), np.asarray(te)) for tr, te in splitter.split(X, y)]


def _stratified_labels(rng, counts):
    """Labels with the given class counts in random order, each class first appearing in label order."""
    y = rng.permutation(np.repeat(np.arange(len(counts)), counts))
    for c in range(len(counts)):  # swap a sample of class c to position c, so y starts 0, 1, 2, ...
        j = c + int(np.flatnonzero(y[c:] == c)[0])
        y[[c, j]] = y[[j, c]]
    return y


def _check_stratified(splits, y, k, what):
    classes, codes = np.unique(y, return_inverse=True)
    n_c = np.bincount(codes)
    for i, (_, test) in enumerate(splits):
        per_class = np.bincount(codes[test], minlength=len(classes))
        bad = (per_class < n_c // k) | (per_class > -(-n_c // k))
        if bad.any():
            c = int(np.argmax(bad))
            low, high = int(n_c[c] // k), int(-(-n_c[c] // k))
            raise Failed(f"{what}: test fold {i} has {int(per_class[c])} samples of class {classes[c].item()!r}, expected {low}{f' or {high}' if high > low else ''} "
                         f"(the class has {int(n_c[c])} samples and there are {k} folds)\n"
                         "Likely cause: stratification ignored: every fold must hold n_c / k samples of each class c (rounded down or up)")
    sizes = [len(t) for _, t in splits]
    expect(max(sizes) - min(sizes) <= 1, f"{what}: test fold sizes {sizes} differ by more than one",
           "deal the samples, sorted by class, round robin into the folds to decide how many of each class each fold gets; splitting each class on its own gives its first folds all the extras")


# -- checks ------------------------------------------------------------------------------


@check(points=3)
def kfold_matches_sklearn(ctx):
    """KFold without shuffling yields scikit-learn's folds: consecutive, the first n % k one larger"""
    from sklearn.model_selection import KFold

    for n, k in ((23, 5), (10, 3), (40, 4), (7, 7)):
        X, y = _ids(n), ctx.rng.integers(0, 2, size=n)
        got = ctx.run(split_probe, "KFold", {"n_splits": k}, X, y, 1)
        what = f"KFold(n_splits={k}) on {n} samples"
        expect(got["n_splits"] == k, f"{what}: get_n_splits() returned {got['n_splits']}, expected {k}")
        splits = _folds(got["runs"][0], n, what)
        sizes = [len(t) for _, t in splits]
        want = _sklearn_splits(KFold(n_splits=k), X, y)
        want_sizes = [len(t) for _, t in want]
        expect(sizes == want_sizes, f"{what}: test fold sizes are {sizes}, expected {want_sizes}", _sizes_message(sizes, n, k) if len(sizes) == k else f"yield exactly n_splits={k} folds")
        _compare_with_sklearn(splits, want, n, what, "without shuffling, fold i is the next block of consecutive indices 0, 1, ..., n - 1")


@check(points=2)
def folds_partition_the_samples(ctx):
    """every splitter's test folds partition the samples, and train is exactly the rest"""
    n = 37
    X, y = _ids(n), ctx.rng.integers(0, 3, size=n)
    for kind, params in (("KFold", {"n_splits": 4}), ("KFold", {"n_splits": 5, "shuffle": True, "random_state": 3}),
                         ("StratifiedKFold", {"n_splits": 3}), ("StratifiedKFold", {"n_splits": 4, "shuffle": True, "random_state": 1}),
                         ("LeaveOneOut", {})):
        got = ctx.run(split_probe, kind, params, X, y, 1)
        what = f"{kind}({', '.join(f'{k}={v!r}' for k, v in params.items())})"
        splits = _folds(got["runs"][0], n, what)
        want_k = params.get("n_splits", n)
        expect(len(splits) == want_k and got["n_splits"] == want_k,
               f"{what} yields {len(splits)} folds and get_n_splits returns {got['n_splits']}, expected {want_k}")


@check(points=3)
def stratified_matches_sklearn(ctx):
    """StratifiedKFold without shuffling yields scikit-learn's folds"""
    from sklearn.model_selection import StratifiedKFold

    for counts, k in (((23, 14, 9), 5), ((11, 6), 3), ((8, 8, 8, 5), 4), ((30, 3), 3)):
        y = _stratified_labels(ctx.rng, counts)
        n = len(y)
        X = _ids(n)
        got = ctx.run(split_probe, "StratifiedKFold", {"n_splits": k}, X, y, 1)
        what = f"StratifiedKFold(n_splits={k}) on class counts {list(counts)}"
        expect(got["n_splits"] == k, f"{what}: get_n_splits() returned {got['n_splits']}, expected {k}")
        splits = _folds(got["runs"][0], n, what)
        _check_stratified(splits, y, k, what)
        _compare_with_sklearn(splits, _sklearn_splits(StratifiedKFold(n_splits=k), X, y), n, what,
                              "fold f gets, of class c, the samples of c dealt to it when the class-sorted samples are dealt round robin; "
                              "each class then fills fold 0 first, then fold 1, ..., in its order of appearance")


@check(points=2)
def stratified_keeps_class_proportions(ctx):
    """StratifiedKFold, shuffled or not, gives every fold n_c / k samples of each class c"""
    labels = np.array(["cat", "dog", "emu"])
    for counts, k, shuffle in (((40, 25, 12), 5, False), ((40, 25, 12), 5, True), ((9, 21), 4, True)):
        y = labels[ctx.rng.permutation(np.repeat(np.arange(len(counts)), counts))]
        y = y[np.argsort(y == labels[0], kind="stable")]  # the first class last: plain KFold would put it all in the last folds
        params = {"n_splits": k, "shuffle": shuffle, "random_state": 0 if shuffle else None}
        got = ctx.run(split_probe, "StratifiedKFold", params, _ids(len(y)), y, 1)
        what = f"StratifiedKFold(n_splits={k}, shuffle={shuffle}) on string labels with class counts {list(counts)}"
        _check_stratified(_folds(got["runs"][0], len(y), what), y, k, what)


@check(points=2)
def shuffle_is_seeded(ctx):
    """shuffle=True shuffles, reproducibly for a given random_state and differently for another"""
    n = 60
    X, y = _ids(n), ctx.rng.permutation(np.repeat([0, 1, 2], [30, 20, 10]))
    for kind in ("KFold", "StratifiedKFold"):
        what = f"{kind}(n_splits=5, shuffle=True, random_state=7)"
        got = ctx.run(split_probe, kind, {"n_splits": 5, "shuffle": True, "random_state": 7}, X, y, 2)
        first, second = (_folds(run, n, what) for run in got["runs"])
        again = _folds(ctx.run(split_probe, kind, {"n_splits": 5, "shuffle": True, "random_state": 7}, X, y, 1)["runs"][0], n, what)
        other = _folds(ctx.run(split_probe, kind, {"n_splits": 5, "shuffle": True, "random_state": 8}, X, y, 1)["runs"][0], n, f"{kind}(..., random_state=8)")
        plain = _folds(ctx.run(split_probe, kind, {"n_splits": 5}, X, y, 1)["runs"][0], n, f"{kind}(n_splits=5)")
        same = lambda a, b: all(np.array_equal(s[1], t[1]) for s, t in zip(a, b))  # noqa: E731
        expect(not same(first, plain), f"{what} yields the same folds as shuffle=False", "shuffle ignored: permute the indices (np.random.default_rng(random_state).permutation) before cutting folds")
        expect(same(first, again), f"{what}: two splitters with the same random_state yield different folds",
               "random_state ignored: seed the generator with it, np.random.default_rng(self.random_state)")
        expect(same(first, second), f"{what}: two calls to split() on the same object yield different folds",
               "create the generator from random_state inside split(), so that every call with an int random_state gives the same folds")
        expect(not same(first, other), f"{kind}(n_splits=5, shuffle=True) yields the same folds for random_state=7 and random_state=8",
               "random_state ignored: seed the generator with it, np.random.default_rng(self.random_state)")
        sizes = [len(t) for _, t in first]
        expect(max(sizes) - min(sizes) <= 1, f"{what}: test fold sizes {sizes} differ by more than one", "shuffle the indices, then cut them as without shuffling")


@check(points=1)
def leave_one_out_matches_sklearn(ctx):
    """LeaveOneOut yields test fold [i] for i = 0, 1, ..., n - 1, and get_n_splits(X) = n"""
    n = int(ctx.rng.integers(5, 12))
    X = _ids(n)
    got = ctx.run(split_probe, "LeaveOneOut", {}, X, None, 1)
    expect(got["n_splits"] == n, f"LeaveOneOut().get_n_splits(X) returned {got['n_splits']} for {n} samples, expected {n}")
    splits = _folds(got["runs"][0], n, "LeaveOneOut")
    tests = [t.tolist() for _, t in splits]
    expect(tests == [[i] for i in range(n)], f"LeaveOneOut yields test folds {tests}, expected [[0], [1], ..., [{n - 1}]]",
           "each sample is the test set once, in order, and all the others are the training set")


@check(points=1)
def too_many_splits_raise(ctx):
    """KFold raises ValueError when n_splits exceeds the number of samples"""
    got = ctx.run(too_many_splits_probe, 6, _ids(4))
    expect(got == "ValueError", "KFold(n_splits=6).split(X) on 4 samples did not raise ValueError",
           "a fold would be empty: raise ValueError when n_splits > n_samples (as scikit-learn does)")


@check(points=3)
def cross_val_score_matches_sklearn(ctx):
    """cross_val_score gives scikit-learn's fold scores, with cv=5 and with a StratifiedKFold"""
    from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score
    from sklearn.neighbors import NearestCentroid

    n = 83
    y = ctx.rng.integers(0, 3, size=n)
    X = ctx.rng.normal(size=(n, 2)) + 1.2 * np.stack([np.cos(2 * y), np.sin(2 * y)], axis=1)
    got = ctx.run(nearest_centroid_cv_probe, X, y, 4)
    cause = "fit a fresh copy on X[train], y[train] and score it on X[test], y[test], fold by fold; cv=5 means KFold(n_splits=5)"
    expect_close(got["default"], cross_val_score(NearestCentroid(), X, y, cv=KFold(5)), "cross_val_score(estimator, X, y) (cv=5)",
                 against="sklearn.model_selection.cross_val_score(NearestCentroid(), X, y, cv=KFold(5))", cause=cause, **TOL["scores"])
    expect_close(got["stratified"], cross_val_score(NearestCentroid(), X, y, cv=StratifiedKFold(4)), "cross_val_score(estimator, X, y, cv=StratifiedKFold(4))",
                 against="scikit-learn's cross_val_score with StratifiedKFold(4)", cause=cause, **TOL["scores"])


@check(points=3)
def cross_val_score_fits_a_fresh_copy_per_fold(ctx):
    """each fold fits a fresh copy of the estimator, once, on exactly its training samples"""
    n = 20
    perm = ctx.rng.permutation(n)
    folds = [np.sort(perm[:3]), np.sort(perm[3:10]), np.sort(perm[10:])]  # uneven folds from a custom splitter
    got = ctx.run(spy_cv_probe, _ids(n), ctx.rng.integers(0, 2, size=n), folds)
    log = got["log"]
    expect(len(log) == len(folds), f"score was called {len(log)} times for a splitter with {len(folds)} folds", "score each fold's model once, on X[test], y[test]")
    for i, (entry, test) in enumerate(zip(log, folds)):
        scored_on = np.sort(as_array(entry["test"], "test samples", dtype=int))
        expect(np.array_equal(scored_on, test), f"fold {i} was scored on samples {scored_on[:8].tolist()}, expected its test fold {test[:8].tolist()}",
               "use the folds the splitter yields, in order: score on X[test_index]")
        fits = [np.sort(as_array(f, "training samples", dtype=int)) for f in entry["fits"]]
        train = np.setdiff1d(np.arange(n), test)
        expect(len(fits) >= 1, f"the model scored on fold {i} was never fitted", "fit each fold's copy before scoring it")
        leaked = np.intersect1d(np.concatenate(fits), test)
        if len(fits) == 1 and leaked.size:
            raise Failed(f"the model scored on test fold {i} was fitted on {len(fits[0])} samples including {leaked.size} of that test fold\n"
                         "Likely cause: the model was fitted on all the data, test fold included (fit once outside the loop?): the score leaks; fit on X[train_index] only")
        expect(len(fits) == 1, f"the model scored on fold {i} had been fitted {len(fits)} times (on {[len(f) for f in fits]} samples): it carries state from earlier folds",
               "the loop reuses one estimator across folds: fit a fresh copy.deepcopy(estimator) in each fold")
        expect(np.array_equal(fits[0], train), f"the model scored on fold {i} was fitted on {len(fits[0])} samples, expected its {len(train)} training samples",
               "fit on X[train_index], y[train_index]")
        expect(entry["offset"] == 0.25, f"the copy fitted on fold {i} has offset={entry['offset']}, the estimator passed in has offset=0.25",
               "the copy lost the estimator's parameters: copy it with copy.deepcopy(estimator), not type(estimator)()")
    expect(not got["original_fitted"], "the estimator passed to cross_val_score was fitted",
           "fit copy.deepcopy(estimator) on each fold and leave the caller's estimator unfitted")
    want = [float(t.sum()) + 0.25 for t in folds]
    expect_close(got["scores"], want, "the returned scores", against="the score of each fold's model, in split order",
                 cause="return np.array of estimator.score(X[test], y[test]) for each fold, in the order the splitter yields them", **TOL["scores"])


@check(points=2)
def vectorised(ctx):
    """KFold and StratifiedKFold do not loop over samples in Python"""
    n = 60
    X, y = _ids(n), ctx.rng.permutation(np.repeat([0, 1, 2], [30, 20, 10]))
    big_X, big_y = np.tile(X, (4, 1)), np.tile(y, 4)
    for kind in ("KFold", "StratifiedKFold"):
        for shuffle in (False, True):
            params = {"n_splits": 5, "shuffle": shuffle, "random_state": 0 if shuffle else None}
            expect_vectorised(ctx, split_only_probe, (kind, params, X, y), (kind, params, big_X, big_y), n, 4 * n,
                              f"{kind}(shuffle={shuffle}).split")


def benchmark(reference):
    """`make bench`: the reference next to scikit-learn on one canonical input."""
    from sklearn import model_selection

    n = 200_000
    X, y = _ids(n), _stratified_labels(np.random.default_rng(0), [n // 2, 3 * n // 10, n // 5])

    def all_splits(module):
        splitters = (module.KFold(5), module.KFold(5, shuffle=True, random_state=0),
                     module.StratifiedKFold(5), module.StratifiedKFold(5, shuffle=True, random_state=0))
        return [list(cv.split(X, y)) for cv in splitters]

    return {
        "input": f"every fold of KFold(5) and StratifiedKFold(5), unshuffled and shuffled, on {n} samples of 3 classes",
        "reference": lambda: all_splits(reference),
        "sklearn": lambda: all_splits(model_selection),
    }
