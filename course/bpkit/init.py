"""Parameter initialisation for the L-layer network and the one-hidden-layer network.

Shapes: W{l} (n_l, n_{l-1}), b{l} (n_l, 1).
"""

import numpy as np

DEEP_SEED = 1
SHALLOW_SEED = 2
SHALLOW_SCALE = 0.01


def initialize_parameters_deep(layer_dims):
    """W{l} ~ N(0, 1) / sqrt(n_{l-1}) and b{l} = 0, for l = 1 .. len(layer_dims) - 1.

    layer_dims: [n_x, n_1, ..., n_L]. Seeds numpy's global generator with 1 first, so every
    call gives the same parameters. Returns a dict with W{l} (n_l, n_{l-1}) and b{l} (n_l, 1).
    """
    np.random.seed(DEEP_SEED)
    parameters = {}
    for layer in range(1, len(layer_dims)):
        n_prev, n = layer_dims[layer - 1], layer_dims[layer]
        parameters[f"W{layer}"] = np.random.randn(n, n_prev) / np.sqrt(n_prev)
        parameters[f"b{layer}"] = np.zeros((n, 1))
    return parameters


def initialize_parameters(n_x, n_h, n_y):
    """Small random weights (N(0, 1) * 0.01) and zero biases for the one-hidden-layer network.

    Uses its own seeded generator (numpy's global one is left alone). Returns a dict with
    W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1).
    """
    rng = np.random.default_rng(SHALLOW_SEED)
    return {
        "W1": rng.standard_normal((n_h, n_x)) * SHALLOW_SCALE,
        "b1": np.zeros((n_h, 1)),
        "W2": rng.standard_normal((n_y, n_h)) * SHALLOW_SCALE,
        "b2": np.zeros((n_y, 1)),
    }
