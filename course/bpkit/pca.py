"""Principal components of the training inputs, and folding a projection onto them into a
network's first layer.

Neighbouring pixels of a photo move together, so most of the variation of X (n_x, m) lies in
a few hundred directions. P (k, n_x), whose orthonormal rows are the k directions of largest
variance, turns every column into k numbers, Z = P X (k, m), and a network trained on Z is
k / n_x times cheaper in its first layer. Projecting is linear, so that network reads the
pixels if its first layer does the projection: W1 (n_1, k) acting on P X is W1 @ P
(n_1, n_x) acting on X. ``fold_projection`` builds that network; it works with
L_model_forward and predict unchanged.
"""

import numpy as np


def principal_components(X, k, iterations=4, seed=0):
    """(P, variances): the k leading principal directions of X (n_x, m) and their variances.

    X must already be centred (standardised inputs are). P (k, n_x) has orthonormal rows,
    largest variance first; variances (k,) are the variances of X along them. Computed by
    subspace iteration on the covariance X X^T / m from a random start of k + 32 directions
    (seeded, so the result is the same on every run): a few multiplications by the
    covariance instead of its full eigendecomposition, which takes seconds for 32 x 32 photos.
    """
    X = np.asarray(X, dtype=float)
    n_x = X.shape[0]
    if not 0 < k <= n_x:
        raise ValueError(f"k must be between 1 and n_x = {n_x}, got {k}")
    covariance = X @ X.T / X.shape[1]
    width = min(n_x, k + 32)
    Q = np.random.default_rng(seed).standard_normal((n_x, width))
    for _ in range(iterations):
        Q, _ = np.linalg.qr(covariance @ Q)
    variances, U = np.linalg.eigh(Q.T @ covariance @ Q)  # ascending
    order = np.argsort(variances)[::-1][:k]
    return (Q @ U[:, order]).T, variances[order]


def fold_projection(parameters, P):
    """The network that reads X and computes what ``parameters`` computes on Z = P X.

    parameters: W1 (n_1, k), b1 and the other layers; P (k, n_x). Returns a copy with
    W1 @ P (n_1, n_x); every other entry is unchanged (b1 too: P X has no offset to fold).
    """
    folded = dict(parameters)
    folded["W1"] = np.asarray(parameters["W1"]) @ P
    return folded


def project_first_layer(parameters, P):
    """The network on Z = P X closest to ``parameters`` on X: W1 (n_1, n_x) -> W1 @ P.T (n_1, k).

    P (k, n_x) with orthonormal rows. Folding back (``fold_projection``) gives W1 @ P.T @ P,
    the part of each row of W1 that lies in the span of P's rows: the same network on every
    input in that span. Other entries are unchanged.
    """
    projected = dict(parameters)
    projected["W1"] = np.asarray(parameters["W1"]) @ P.T
    return projected
