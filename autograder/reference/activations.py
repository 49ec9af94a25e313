"""Activation functions: each forward function beside its backward.

Forward functions take Z (n_l, m) and return (A, Z), the Coursera convention: A has Z's
shape and Z is the activation cache. Backward functions take dA (n_l, m) and that cache Z and
return dZ = dA * g'(Z), element-wise, with Z's shape.
"""

from collections.abc import Callable
from typing import NamedTuple

import numpy as np


def sigmoid(Z):
    """A = 1 / (1 + exp(-Z)), computed without overflow for large |Z|. Returns (A, Z).

    A float Z keeps its dtype (float32 stays float32); anything else is computed in float64.
    """
    Z = np.asarray(Z)
    if not np.issubdtype(Z.dtype, np.floating):
        Z = Z.astype(float)
    # exp of a non-positive number never overflows; both branches give the same value.
    E = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1.0 / (1.0 + E), E / (1.0 + E))
    return A, Z


def sigmoid_backward(dA, cache):
    """dZ = dA * s (1 - s) with s = sigmoid(Z); cache is Z."""
    s, _ = sigmoid(cache)
    return dA * s * (1.0 - s)


def relu(Z):
    """A = max(0, Z). Returns (A, Z)."""
    return np.maximum(0, Z), Z


def relu_backward(dA, cache):
    """dZ = dA where Z > 0, else 0 (the derivative at exactly 0 is taken as 0); cache is Z."""
    return np.where(cache > 0, dA, 0.0)


def tanh(Z):
    """A = tanh(Z). Returns (A, Z)."""
    return np.tanh(Z), Z


def tanh_backward(dA, cache):
    """dZ = dA * (1 - tanh(Z)^2); cache is Z."""
    t = np.tanh(cache)
    return dA * (1.0 - t**2)


class Activation(NamedTuple):
    forward: Callable
    backward: Callable


ACTIVATIONS = {
    "sigmoid": Activation(sigmoid, sigmoid_backward),
    "relu": Activation(relu, relu_backward),
    "tanh": Activation(tanh, tanh_backward),
}


def get_activation(name: str) -> Activation:
    """The (forward, backward) pair registered under ``name``; a clear ValueError otherwise."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        choices = ", ".join(repr(k) for k in ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}: choose one of {choices}") from None
