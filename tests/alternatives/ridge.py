"""A second correct ridge, written differently from the reference: no centring and no normal
equations. The penalty is written as extra rows (the data-augmentation trick): least squares on
[[1, X], [0, sqrt(alpha) I]] @ [b, w] ≈ [y, 0] minimises ||y - Xw - b||² + alpha ||w||², and
the zero under the column of ones leaves the intercept unpenalised. It must get full marks."""

import numpy as np


class Ridge:
    def __init__(self, alpha=1.0, fit_intercept=True):
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        X = np.array(X, dtype=float)
        n, d = X.shape
        ones = np.ones((n, 1)) if self.fit_intercept else np.empty((n, 0))
        top = np.hstack([ones, X])
        bottom = np.hstack([np.zeros((d, ones.shape[1])), np.sqrt(self.alpha) * np.eye(d)])
        theta = np.linalg.lstsq(np.vstack([top, bottom]), np.concatenate([y, np.zeros(d)]), rcond=None)[0]
        self.intercept_ = float(theta[0]) if self.fit_intercept else 0.0
        self.coef_ = theta[ones.shape[1]:]
        return self

    def predict(self, X):
        return np.dot(X, self.coef_) + self.intercept_
