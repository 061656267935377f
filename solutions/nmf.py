"""Non-negative matrix factorisation by multiplicative updates (reference solution).

Model:      X ≈ W H,  W >= 0 of shape (n_samples, k),  H >= 0 of shape (k, n_features)
Objective:  ½ ||X - W H||²_F   (Frobenius norm)
Updates:    W ← W ∘ (X Hᵀ) / (W H Hᵀ),   then   H ← H ∘ (Wᵀ X) / (Wᵀ W H)     (Lee & Seung, 2001)
            Each is a gradient step with an element-wise step size W / (W H Hᵀ) chosen so the
            negative part of the gradient cancels: products and ratios of non-negative numbers
            stay non-negative, and the objective never increases.
"""

import numpy as np

EPS = 1e-12  # guards 0 / 0 where a row of X (hence of W) or a column of X (hence of H) is zero


class NMF:
    """Non-negative matrix factorisation X ≈ W H by Lee & Seung's multiplicative updates.

    Parameters
    ----------
    n_components : int
        Number of components k.
    init : {"random", "custom"}, default="random"
        "random": W, H = |N(0, 1)| · sqrt(X.mean() / n_components), drawn with ``random_state``;
        "custom": start from the W and H given to ``fit_transform``.
    max_iter : int, default=200
        Maximum number of iterations (one W update and one H update each).
    tol : float, default=1e-4
        Stop once an iteration decreases ||X - W H||_F by less than tol times its initial value.
    random_state : int or None, default=None
        Seed of the random initialisation.

    Attributes
    ----------
    components_ : ndarray of shape (n_components, n_features)
        The factor H.
    reconstruction_err_ : float
        ||X - W H||_F at the end.
    n_iter_ : int
        Number of iterations run.
    loss_history_ : list of float
        ||X - W H||_F after each iteration.
    """

    def __init__(self, n_components, init="random", max_iter=200, tol=1e-4, random_state=None):
        self.n_components = n_components
        self.init = init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit_transform(self, X, y=None, W=None, H=None):
        """Fit to X of shape (n_samples, n_features); return W of shape (n_samples, n_components)."""
        X = np.asarray(X, dtype=float)
        k = self.n_components
        if self.init == "custom":
            W, H = np.array(W, dtype=float), np.array(H, dtype=float)     # copies: updated in place below
        else:
            rng = np.random.default_rng(self.random_state)
            scale = np.sqrt(X.mean() / k)                                  # so that W H has the mean of X, as scikit-learn
            H = scale * np.abs(rng.standard_normal((k, X.shape[1])))
            W = scale * np.abs(rng.standard_normal((X.shape[0], k)))
        initial = error = np.linalg.norm(X - W @ H)                        # ||X - W H||_F
        self.loss_history_ = []
        for _ in range(self.max_iter):
            W *= (X @ H.T) / np.maximum(W @ (H @ H.T), EPS)                # W ← W ∘ X Hᵀ / (W H Hᵀ)
            H *= (W.T @ X) / np.maximum((W.T @ W) @ H, EPS)                # H ← H ∘ Wᵀ X / (Wᵀ W H)
            previous, error = error, float(np.linalg.norm(X - W @ H))
            self.loss_history_.append(error)
            if previous - error < self.tol * initial:                      # relative decrease below tol
                break
        self.components_ = H
        self.reconstruction_err_ = float(error)
        self.n_iter_ = len(self.loss_history_)
        return W

    def fit(self, X, y=None, W=None, H=None):
        """Fit to X of shape (n_samples, n_features); returns self."""
        self.fit_transform(X, W=W, H=H)
        return self
