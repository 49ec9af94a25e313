"""Activation functions, forward only: the backward versions are what students write.

Each function takes Z (n_l, m) and returns (A, Z), the Coursera convention: A has Z's shape
and Z is kept as the activation cache for the backward pass.
"""

import numpy as np


def sigmoid(Z):
    """A = 1 / (1 + exp(-Z)) element-wise, with no overflow or warning for large |Z|.

    Z: array of any shape. Returns (A, Z): A in [0, 1] with Z's shape, and Z (as a float array).
    """
    Z = np.asarray(Z, dtype=float)
    # exp(-|Z|) lies in (0, 1], so it cannot overflow; each branch is the usual formula
    # rewritten for its sign of Z.
    e = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return A, Z


def relu(Z):
    """A = max(0, Z) element-wise. Z: array of any shape. Returns (A, Z), A with Z's shape."""
    return np.maximum(0, Z), Z


def tanh(Z):
    """A = tanh(Z) element-wise. Z: array of any shape. Returns (A, Z), A with Z's shape."""
    return np.tanh(Z), Z


ACTIVATIONS = {"relu": relu, "sigmoid": sigmoid, "tanh": tanh}


def get_activation(name):
    """The forward function registered under ``name``: "relu", "sigmoid" or "tanh".

    Raises ValueError naming the choices for any other name.
    """
    if isinstance(name, str) and name in ACTIVATIONS:
        return ACTIVATIONS[name]
    choices = ", ".join(repr(key) for key in ACTIVATIONS)
    raise ValueError(f"unknown activation {name!r}: choose one of {choices}")
