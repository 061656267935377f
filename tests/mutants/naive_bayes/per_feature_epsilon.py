"""Mutant: smooths each feature with its own variance instead of the largest one.

Expect: largest variance over all features

Gaussian naive Bayes (the reference solution with one mistake).

Fit:      per class c: prior π_c = n_c / n,  mean θ_c = mean of its rows,
          variance σ²_c = mean of (x - θ_c)² (ddof=0) + ε,  ε = var_smoothing · max_j Var(X[:, j])
Predict:  jll_c(x) = log π_c - ½ Σ_j [ log(2π σ²_cj) + (x_j - θ_cj)² / σ²_cj ]      (log p(c) p(x | c))
          log p(c | x) = jll_c(x) - logsumexp_c' jll_c'(x)                        (Bayes, in log space)
"""

import numpy as np


class GaussianNB:
    """Gaussian naive Bayes classifier.

    Parameters
    ----------
    var_smoothing : float, default=1e-9
        Fraction of the largest feature variance added to every variance, for stability.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
    class_count_ : ndarray of shape (n_classes,)
    class_prior_ : ndarray of shape (n_classes,)
    theta_ : ndarray of shape (n_classes, n_features)
        Mean of each feature per class.
    var_ : ndarray of shape (n_classes, n_features)
        Variance of each feature per class, plus ``epsilon_``.
    epsilon_ : float
        The amount added to the variances.
    """

    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        """Fit to X of shape (n_samples, n_features) and labels y of shape (n_samples,); return self."""
        X = np.asarray(X, dtype=float)
        self.classes_, codes, counts = np.unique(y, return_inverse=True, return_counts=True)
        one_hot = (codes[:, None] == np.arange(len(self.classes_))).astype(float)   # (n, n_classes)
        self.class_count_ = counts.astype(float)
        self.class_prior_ = counts / len(X)                                 # π_c = n_c / n
        self.theta_ = one_hot.T @ X / counts[:, None]                       # θ_c = mean of class c's rows
        self.epsilon_ = self.var_smoothing * X.var(axis=0)            # ε = var_smoothing · max_j Var(X_j)
        squared = one_hot.T @ (X - self.theta_[codes]) ** 2 / counts[:, None]
        self.var_ = squared + self.epsilon_                                 # σ²_c = mean (x - θ_c)² + ε  (ddof=0)
        return self

    def _joint_log_likelihood(self, X):
        X = np.asarray(X, dtype=float)
        # log π_c - ½ Σ_j [log(2π σ²_cj) + (x_j - θ_cj)² / σ²_cj], shape (n_samples, n_classes)
        squared = ((X[:, None, :] - self.theta_) ** 2 / self.var_).sum(axis=2)
        return np.log(self.class_prior_) - 0.5 * np.log(2 * np.pi * self.var_).sum(axis=1) - 0.5 * squared

    def predict_log_proba(self, X):
        """log p(c | x), shape (n_samples, n_classes), columns in the order of ``classes_``."""
        jll = self._joint_log_likelihood(X)
        top = jll.max(axis=1, keepdims=True)
        # log Σ_c e^jll_c = m + log Σ_c e^(jll_c - m): no underflow, however far x is
        return jll - (top + np.log(np.exp(jll - top).sum(axis=1, keepdims=True)))

    def predict_proba(self, X):
        """p(c | x), shape (n_samples, n_classes); rows sum to 1."""
        return np.exp(self.predict_log_proba(X))

    def predict(self, X):
        """The most probable class, shape (n_samples,)."""
        return self.classes_[np.argmax(self._joint_log_likelihood(X), axis=1)]
