"""The one-hidden-layer network of 02: LINEAR -> TANH -> LINEAR -> SIGMOID, cross-entropy cost.

parameters: W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h), b2 (1, 1).
cache: "Z1", "A1" (n_h, m) and "Z2", "A2" (1, m).
"""

import numpy as np

from .activations import sigmoid, tanh

SHALLOW_SEED = 2
SHALLOW_SCALE = 0.01


def initialize_parameters_shallow(n_x, n_h, n_y):
    """Small random weights (scaled by 0.01) and zero biases, seeded for reproducibility."""
    rng = np.random.default_rng(SHALLOW_SEED)
    return {
        "W1": rng.standard_normal((n_h, n_x)) * SHALLOW_SCALE,
        "b1": np.zeros((n_h, 1)),
        "W2": rng.standard_normal((n_y, n_h)) * SHALLOW_SCALE,
        "b2": np.zeros((n_y, 1)),
    }


def forward_propagation(X, parameters):
    """X: (n_x, m). Returns (A2, cache) with cache holding Z1, A1, Z2, A2."""
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1, _ = tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2, _ = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def backward_propagation(parameters, cache, X, Y):
    """Gradients dW1, db1, dW2, db2 of the cross-entropy cost (batch means).

    dZ2 = A2 - Y (sigmoid and cross-entropy together), dW2 = dZ2 A1^T / m,
    dZ1 = W2^T dZ2 * (1 - A1^2), dW1 = dZ1 X^T / m; db's are row means with keepdims.
    """
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1**2)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
