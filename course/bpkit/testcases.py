"""Deterministic inputs for the notebooks' self-checks (the visible check cells).

Every case draws from its own generator seeded by ``seed`` (numpy's global generator is left
alone), so a call with the same arguments always gives the same arrays. The cases are chosen to
expose the usual bugs: non-square shapes, m (7 examples) different from every layer width,
non-zero biases, and caches that come from a real forward pass with ``bpkit.forward`` (AL is
sigmoid(Z_L), never made up). Column-major shapes: X (n_x, m), Y (1, m), W{l} (n_l, n_{l-1}),
b{l} (n_l, 1).
"""

import numpy as np

from .activations import sigmoid
from .forward import L_model_forward, forward_propagation, linear_activation_forward, linear_forward

SEED = 1
M = 7  # examples: differs from every layer width used below
N_PREV, N = 5, 3  # the single layer of the backward-step cases: W is (3, 5)
MIN_ABS_Z = 0.05  # |Z| at least this far from the relu kink, so relu_backward is unambiguous
SATURATION = 1000.0  # sigmoid(+-1000) is exactly 1.0 and 0.0 in float64


def _rng(seed):
    return np.random.default_rng(seed)


def _labels(rng, m):
    """(1, m) labels in {0, 1} with both classes present."""
    Y = rng.integers(0, 2, size=(1, m))
    Y[0, 0], Y[0, 1] = 1, 0
    return rng.permuted(Y, axis=1)


def _away_from_zero(rng, shape):
    """Normal numbers with |z| >= MIN_ABS_Z (no exact zeros, nothing on the relu kink)."""
    Z = rng.standard_normal(shape)
    return np.where(np.abs(Z) < MIN_ABS_Z, np.sign(Z + 1e-300) * (MIN_ABS_Z + np.abs(Z)), Z)


def _layer(rng, n, n_prev):
    """W (n, n_prev) scaled by 1/sqrt(n_prev) and a non-zero bias b (n, 1)."""
    W = rng.standard_normal((n, n_prev)) / np.sqrt(n_prev)
    b = rng.uniform(0.1, 0.5, size=(n, 1)) * rng.choice([-1.0, 1.0], size=(n, 1))
    return W, b


def _parameters(rng, layer_dims):
    parameters = {}
    for layer in range(1, len(layer_dims)):
        W, b = _layer(rng, layer_dims[layer], layer_dims[layer - 1])
        parameters[f"W{layer}"], parameters[f"b{layer}"] = W, b
    return parameters


def cost_case(seed=SEED):
    """(AL, Y): AL (1, 7) = sigmoid of random scores, strictly inside (0, 1); Y (1, 7) labels."""
    rng = _rng(seed)
    AL, _ = sigmoid(2.0 * rng.standard_normal((1, M)))
    return AL, _labels(rng, M)


def saturated_cost_case(seed=SEED):
    """(AL, Y), both (1, 7), where some AL are exactly 0.0 and 1.0 (sigmoid of -1000 and 1000).

    The saturated predictions agree with their labels (AL = 0 where Y = 0, AL = 1 where Y = 1),
    so any clipping epsilon gives almost the same, finite, cost.
    """
    rng = _rng(seed)
    Y = _labels(rng, M)
    Z = 2.0 * rng.standard_normal((1, M))
    ones, zeros = np.flatnonzero(Y[0] == 1), np.flatnonzero(Y[0] == 0)
    saturated = sorted({int(ones[0]), int(zeros[0]), M - 1})
    for j in saturated:
        Z[0, j] = SATURATION if Y[0, j] == 1 else -SATURATION
    AL, _ = sigmoid(Z)
    return AL, Y


def activation_backward_case(seed=SEED):
    """(dA, Z), both (3, 7): the cache Z has no exact zeros (nor values within 0.05 of 0)."""
    rng = _rng(seed)
    dA = rng.standard_normal((N, M))
    Z = _away_from_zero(rng, (N, M))
    return dA, Z


def linear_backward_case(seed=SEED):
    """(dZ, linear_cache): dZ (3, 7), linear_cache = (A_prev (5, 7), W (3, 5), b (3, 1)).

    The cache is the one ``linear_forward`` returns.
    """
    rng = _rng(seed)
    A_prev = rng.standard_normal((N_PREV, M))
    W, b = _layer(rng, N, N_PREV)
    _, linear_cache = linear_forward(A_prev, W, b)
    dZ = rng.standard_normal((N, M))
    return dZ, linear_cache


def linear_activation_backward_case(seed=SEED):
    """(dA, cache): dA (3, 7), cache = ((A_prev (5, 7), W (3, 5), b (3, 1)), Z (3, 7)).

    The cache comes from ``linear_activation_forward``; Z has no value within 0.05 of 0, so
    the same case serves "relu", "sigmoid" and "tanh".
    """
    rng = _rng(seed)
    while True:
        A_prev = rng.standard_normal((N_PREV, M))
        W, b = _layer(rng, N, N_PREV)
        _, cache = linear_activation_forward(A_prev, W, b, "relu")
        if np.all(np.abs(cache.Z) >= MIN_ABS_Z):
            break
    dA = rng.standard_normal((N, M))
    return dA, cache


def shallow_case(seed=SEED, n_x=4, n_h=3, m=M):
    """(parameters, cache, X, Y) for the one-hidden-layer network (tanh, then sigmoid).

    parameters: W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h), b2 (1, 1), biases non-zero;
    X (n_x, m); Y (1, m); cache: the dict of ``forward_propagation(X, parameters)``.
    """
    rng = _rng(seed)
    parameters = _parameters(rng, (n_x, n_h, 1))
    X = rng.standard_normal((n_x, m))
    Y = _labels(rng, m)
    _, cache = forward_propagation(X, parameters)
    return parameters, cache, X, Y


def L_model_backward_case(layer_dims=(5, 4, 3, 1), m=M, seed=SEED):
    """(AL, Y, caches) from ``L_model_forward`` on random X (layer_dims[0], m) and parameters.

    AL (1, m) = sigmoid(Z_L); Y (1, m) labels with both classes; caches: a list of
    len(layer_dims) - 1 caches ((A_prev, W, b), Z), relu hidden layers and non-zero biases.
    """
    rng = _rng(seed)
    parameters = _parameters(rng, layer_dims)
    X = rng.standard_normal((layer_dims[0], m))
    Y = _labels(rng, m)
    AL, caches = L_model_forward(X, parameters)
    return AL, Y, caches


def update_parameters_case(layer_dims=(5, 4, 3, 1), seed=SEED, m=M):
    """(parameters, grads) for a network of layer_dims.

    parameters: W{l} (n_l, n_{l-1}), b{l} (n_l, 1) with non-zero biases; grads: dW{l}, db{l} of
    the same shapes, plus dA0..dA{L-1} (n_{l-1}, m) as ``L_model_backward`` would return.
    """
    rng = _rng(seed)
    parameters = _parameters(rng, layer_dims)
    grads = {}
    for layer in range(len(layer_dims) - 1, 0, -1):
        grads[f"dA{layer - 1}"] = rng.standard_normal((layer_dims[layer - 1], m))
        grads[f"dW{layer}"] = rng.standard_normal(parameters[f"W{layer}"].shape)
        grads[f"db{layer}"] = rng.standard_normal(parameters[f"b{layer}"].shape)
    return parameters, grads


def training_case(seed=SEED, n_x=6, m=40):
    """(X, Y): a small binary problem, X (n_x, m) and Y (1, m), nearly linearly separable.

    The label is 1 where a random direction scores above zero, with 5% of the labels
    flipped; a few hundred steps of gradient descent lower the cost clearly.
    """
    rng = _rng(seed)
    X = rng.standard_normal((n_x, m))
    w = rng.standard_normal((1, n_x))
    Y = (w @ X > 0).astype(int)
    flipped = rng.choice(m, size=max(1, m // 20), replace=False)
    Y[0, flipped] = 1 - Y[0, flipped]
    return X, Y
