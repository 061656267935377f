"""Mutant: correct maths, but updates W one row (one sample) at a time in a Python loop.

Expect: not vectorised
"""

import numpy as np


class NMF:
    def __init__(self, n_components, init="random", max_iter=200, tol=1e-4, random_state=None):
        self.n_components = n_components
        self.init = init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit_transform(self, X, y=None, W=None, H=None):
        X = np.asarray(X, dtype=float)
        k = self.n_components
        if self.init == "custom":
            W, H = np.array(W, dtype=float), np.array(H, dtype=float)
        else:
            rng = np.random.default_rng(self.random_state)
            scale = np.sqrt(X.mean() / k)
            H = scale * np.abs(rng.standard_normal((k, X.shape[1])))
            W = scale * np.abs(rng.standard_normal((X.shape[0], k)))
        initial = error = np.linalg.norm(X - W @ H)
        self.loss_history_ = []
        for _ in range(self.max_iter):
            HHt = H @ H.T
            for i in range(X.shape[0]):
                W[i] *= (X[i] @ H.T) / np.maximum(W[i] @ HHt, 1e-12)
            H *= (W.T @ X) / np.maximum((W.T @ W) @ H, 1e-12)
            previous, error = error, float(np.linalg.norm(X - W @ H))
            self.loss_history_.append(error)
            if previous - error < self.tol * initial:
                break
        self.components_ = H
        self.reconstruction_err_ = float(error)
        self.n_iter_ = len(self.loss_history_)
        return W

    def fit(self, X, y=None, W=None, H=None):
        self.fit_transform(X, W=W, H=H)
        return self
