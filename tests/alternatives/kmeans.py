"""A second correct kmeans, written differently from the reference: distances by the expansion
||x||² - 2 x·c + ||c||², k-means++ by inverse-CDF sampling (cumsum + searchsorted), cluster sums
by np.add.at, a while loop that tests label convergence *before* the update (so its n_iter_ can
be one less than scikit-learn's), and the best run tracked by hand. It must get full marks."""

import numpy as np


def _pairwise_sq(A, B):
    sq = (A * A).sum(1)[:, None] - 2.0 * A @ B.T + (B * B).sum(1)[None, :]
    return np.maximum(sq, 0.0)


def kmeans_plusplus(X, n_clusters, random_state=None):
    data = np.asarray(X, dtype=float)
    generator = np.random.default_rng(random_state)
    n = data.shape[0]
    chosen = np.empty(n_clusters, dtype=np.intp)
    chosen[0] = generator.integers(0, n)
    weights = _pairwise_sq(data, data[chosen[:1]])[:, 0]
    for j in range(1, n_clusters):
        cdf = np.cumsum(weights)
        u = generator.random() * cdf[-1]
        chosen[j] = min(int(np.searchsorted(cdf, u, side="right")), n - 1)
        weights = np.minimum(weights, _pairwise_sq(data, data[chosen[j:j + 1]])[:, 0])
    return data[chosen].copy(), chosen


def _single_run(data, start, max_iter, threshold):
    k = start.shape[0]
    centroids = start.copy()
    old_labels = np.full(data.shape[0], -1)
    iterations = 0
    while iterations < max_iter:
        labels = _pairwise_sq(data, centroids).argmin(axis=1)
        if np.all(labels == old_labels):
            break                                   # centroids are already the means of these labels
        iterations += 1
        totals = np.zeros_like(centroids)
        np.add.at(totals, labels, data)
        sizes = np.bincount(labels, minlength=k)
        updated = centroids.copy()
        filled = sizes > 0
        updated[filled] = totals[filled] / sizes[filled, None]
        moved = np.sum((updated - centroids) ** 2)
        centroids = updated
        if moved <= threshold:
            break
        old_labels = labels
    labels = _pairwise_sq(data, centroids).argmin(axis=1)
    inertia = np.sum((data - centroids[labels]) ** 2)
    return centroids, labels, float(inertia), iterations


class KMeans:
    def __init__(self, n_clusters=8, init="k-means++", n_init=10, max_iter=300, tol=1e-4, random_state=None):
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit(self, X):
        data = np.asarray(X, dtype=float)
        threshold = self.tol * data.var(axis=0).mean()
        if isinstance(self.init, str):
            generator = np.random.default_rng(self.random_state)
            starts = (kmeans_plusplus(data, self.n_clusters, generator)[0] for _ in range(self.n_init))
        else:
            starts = [np.array(self.init, dtype=float, copy=True)]
        best = None
        for start in starts:
            result = _single_run(data, start, self.max_iter, threshold)
            if best is None or result[2] < best[2]:
                best = result
        self.cluster_centers_, self.labels_, self.inertia_, self.n_iter_ = best
        return self

    def predict(self, X):
        return _pairwise_sq(np.asarray(X, dtype=float), self.cluster_centers_).argmin(axis=1)
