"""The linear part of a layer and the layer as a whole, forward beside backward.

Z = W A_prev + b with A_prev (n_{l-1}, m), W (n_l, n_{l-1}), b (n_l, 1), Z (n_l, m).
The 1/m averaging over the batch happens here, in ``linear_backward``: dW and db are batch
means, dA_prev is not averaged.
"""

import numpy as np

from .activations import get_activation
from .caches import LayerCache, LinearCache


def linear_forward(A_prev, W, b):
    """Returns (Z, cache) with Z (n_l, m) and cache a LinearCache (A_prev, W, b)."""
    Z = W @ A_prev + b
    return Z, LinearCache(A_prev, W, b)


def linear_backward(dZ, cache, *, input_gradient=True):
    """Gradients of the linear step.

    dZ: (n_l, m); cache: (A_prev, W, b).
    Returns (dA_prev, dW, db): dA_prev = W^T dZ (n_{l-1}, m), dW = dZ A_prev^T / m (n_l, n_{l-1}),
    db = row sums of dZ / m (n_l, 1). With ``input_gradient=False`` dA_prev is None: training
    never uses the gradient with respect to the inputs X, a third of the work of the first layer.
    """
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ if input_gradient else None
    return dA_prev, dW, db


def linear_activation_forward(A_prev, W, b, activation):
    """Returns (A, cache) with A (n_l, m) and cache a LayerCache (linear_cache, Z)."""
    forward = get_activation(activation).forward
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, Z = forward(Z)
    return A, LayerCache(linear_cache, Z)


def linear_activation_backward(dA, cache, activation, *, input_gradient=True):
    """dA: (n_l, m); cache: (linear_cache, Z); activation: "relu", "sigmoid" or "tanh".

    Returns (dA_prev, dW, db) as ``linear_backward`` does (dA_prev None without ``input_gradient``).
    """
    backward = get_activation(activation).backward
    linear_cache, Z = cache
    dZ = backward(dA, Z)
    return linear_backward(dZ, linear_cache, input_gradient=input_gradient)
