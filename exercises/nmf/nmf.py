"""Non-negative matrix factorisation by multiplicative updates.

Implement the methods marked TODO; exercises/nmf/README.md has the maths and the rules
(numpy only). Check your work with `make check exercise=nmf`.
"""

import numpy as np


class NMF:
    """Non-negative matrix factorisation X ≈ W H by Lee & Seung's multiplicative updates.

    Parameters
    ----------
    n_components : int
        Number of components k.
    init : {"random", "custom"}, default="random"
        "random": W and H are |N(0, 1)| draws times sqrt(X.mean() / n_components), from
        ``random_state``; "custom": start from the W and H given to ``fit_transform``.
    max_iter : int, default=200
        Maximum number of iterations (one update of W and one of H each).
    tol : float, default=1e-4
        Stop after the first iteration that decreases ||X - W H||_F by less than
        ``tol`` times its value at the start.
    random_state : int or None, default=None
        Seed of the random initialisation.

    Attributes
    ----------
    components_ : ndarray of shape (n_components, n_features)
        The factor H.
    reconstruction_err_ : float
        The Frobenius norm ||X - W H||_F at the end of fitting.
    n_iter_ : int
        The number of iterations run.
    loss_history_ : list of float
        ||X - W H||_F after each iteration; len(loss_history_) == n_iter_.
    """

    def __init__(self, n_components, init="random", max_iter=200, tol=1e-4, random_state=None):
        self.n_components = n_components
        self.init = init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit_transform(self, X, y=None, W=None, H=None):
        """Factorise X and return W.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features), non-negative
        y : ignored
        W : ndarray of shape (n_samples, n_components), optional
            Starting W when init="custom" (do not modify it).
        H : ndarray of shape (n_components, n_features), optional
            Starting H when init="custom" (do not modify it).

        Returns
        -------
        W : ndarray of shape (n_samples, n_components)
        """
        # TODO: set self.components_, self.reconstruction_err_, self.n_iter_, self.loss_history_
        raise NotImplementedError("NMF.fit_transform")

    def fit(self, X, y=None, W=None, H=None):
        """Factorise X.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features), non-negative
        y : ignored
        W, H : ndarrays, optional
            Starting factors when init="custom", as in ``fit_transform``.

        Returns
        -------
        self : NMF
        """
        raise NotImplementedError("NMF.fit")
