"""A second correct nmf, written differently from the reference: it updates H first and then
W with the new H, adds the epsilon to the denominators instead of clipping them, draws the
random start with the legacy RandomState (as scikit-learn does), computes the error by the
trace identity ||X - W H||² = ||X||² - 2 <Wᵀ X, H> + <Wᵀ W, H Hᵀ> without forming W H, and
runs a while loop. It must get full marks."""

import numpy as np


class NMF:
    def __init__(self, n_components, init="random", max_iter=200, tol=1e-4, random_state=None):
        self.n_components = n_components
        self.init = init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def _start(self, X, W, H):
        if self.init == "custom":
            return W.astype(float, copy=True), H.astype(float, copy=True)
        rng = np.random.RandomState(self.random_state)
        avg = np.sqrt(X.mean() / self.n_components)
        H = np.abs(avg * rng.randn(self.n_components, X.shape[1]))
        W = np.abs(avg * rng.randn(X.shape[0], self.n_components))
        return W, H

    @staticmethod
    def _error(X_norm2, X, W, H):
        WtX = W.T @ X
        value = X_norm2 - 2.0 * np.sum(WtX * H) + np.sum((W.T @ W) * (H @ H.T))
        return float(np.sqrt(max(value, 0.0)))

    def fit_transform(self, X, y=None, W=None, H=None):
        X = np.asarray(X, dtype=float)
        W, H = self._start(X, None if W is None else np.asarray(W), None if H is None else np.asarray(H))
        X_norm2 = float(np.sum(X * X))
        eps = 1e-15
        first = last = self._error(X_norm2, X, W, H)
        history = []
        while len(history) < self.max_iter:
            H = H * (W.T @ X) / (W.T @ W @ H + eps)
            W = W * (X @ H.T) / (W @ (H @ H.T) + eps)
            current = self._error(X_norm2, X, W, H)
            history.append(current)
            if (last - current) / first < self.tol:
                break
            last = current
        self.components_ = H
        self.loss_history_ = history
        self.n_iter_ = len(history)
        self.reconstruction_err_ = history[-1] if history else first
        return W

    def fit(self, X, y=None, W=None, H=None):
        self.fit_transform(X, y, W, H)
        return self
