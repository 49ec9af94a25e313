"""Random hidden-test inputs, built from the reference library.

Sizes are chosen so that the typical mistakes can never hide: widths are all different (no
transpose goes unnoticed), the batch size m differs from every width (a missing 1/m changes
the values), biases are non-zero and caches come from a real forward pass (AL is sigmoid(Z_L)).
"""

import numpy as np

from autograder import reference as ref


def distinct_sizes(rng, count, low=2, high=7, avoid=()):
    """``count`` different integers in [low, high], none of them in ``avoid``."""
    pool = [n for n in range(low, high + 1) if n not in avoid]
    return [int(n) for n in rng.choice(pool, size=count, replace=False)]


def batch_size(rng, widths, low=7, high=13):
    return distinct_sizes(rng, 1, low, high, avoid=widths)[0]


def probabilities(rng, shape, low=0.05, high=0.95):
    return rng.uniform(low, high, size=shape)


def labels(rng, m):
    """(1, m) labels in {0., 1.} with both classes present."""
    Y = (rng.random((1, m)) < 0.5).astype(float)
    Y[0, 0], Y[0, 1] = 0.0, 1.0
    return rng.permuted(Y, axis=1)


def away_from_zero(rng, shape, margin=0.1, scale=1.5):
    """Normal values with |z| >= margin: relu's kink at 0 never decides a test."""
    Z = rng.standard_normal(shape) * scale
    return np.where(np.abs(Z) < margin, np.sign(Z + 1e-12) * margin * 2, Z)


def dense_parameters(rng, layer_dims, scale=0.6):
    """Random weights and clearly non-zero biases for the given layer widths."""
    params = {}
    for l in range(1, len(layer_dims)):
        params[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * scale
        params[f"b{l}"] = rng.uniform(0.1, 0.5, size=(layer_dims[l], 1)) * rng.choice([-1, 1], size=(layer_dims[l], 1))
    return params


def deep_case(rng, num_layers):
    """A forward pass through a random L-layer net: (layer_dims, X, Y, parameters, AL, caches)."""
    widths = distinct_sizes(rng, num_layers, 2, 8)
    widths[-1] = 1
    n_x = distinct_sizes(rng, 1, 3, 9, avoid=widths)[0]
    layer_dims = [n_x] + widths
    m = batch_size(rng, layer_dims)
    X = rng.standard_normal((n_x, m))
    Y = labels(rng, m)
    parameters = dense_parameters(rng, layer_dims)
    AL, caches = ref.L_model_forward(X, parameters)
    return layer_dims, X, Y, parameters, AL, caches


def linear_case(rng):
    """(dZ, cache, m) for one linear layer with n_prev != n != m."""
    n_prev, n = distinct_sizes(rng, 2, 2, 7)
    m = batch_size(rng, (n_prev, n))
    A_prev = rng.standard_normal((n_prev, m))
    W = rng.standard_normal((n, n_prev))
    b = rng.uniform(0.1, 0.5, size=(n, 1))
    _, cache = ref.linear_forward(A_prev, W, b)
    dZ = rng.standard_normal((n, m))
    return dZ, cache, m
