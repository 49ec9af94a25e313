"""The forward pass: one linear step, one layer, the L-layer network and the shallow network.

Column-major shapes: A_prev (n_{l-1}, m), W (n_l, n_{l-1}), b (n_l, 1), Z and A (n_l, m).
These functions only wire together ``Z = W A_prev + b`` and the activations of
``bpkit.activations``; the caches they return are what the backward pass needs.
"""

from .activations import get_activation, sigmoid, tanh
from .caches import LayerCache, LinearCache

HIDDEN_ACTIVATION = "relu"
OUTPUT_ACTIVATION = "sigmoid"


def linear_forward(A_prev, W, b):
    """Z = W A_prev + b.

    A_prev: (n_{l-1}, m); W: (n_l, n_{l-1}); b: (n_l, 1).
    Returns (Z, linear_cache): Z (n_l, m) and linear_cache = (A_prev, W, b), a LinearCache.
    """
    Z = W @ A_prev + b
    return Z, LinearCache(A_prev, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """One layer: A = g(W A_prev + b) with g named by ``activation``.

    A_prev: (n_{l-1}, m); W: (n_l, n_{l-1}); b: (n_l, 1); activation: "relu", "sigmoid" or
    "tanh" (anything else: ValueError naming the choices).
    Returns (A, cache): A (n_l, m) and cache = ((A_prev, W, b), Z), a LayerCache.
    """
    g = get_activation(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, Z = g(Z)
    return A, LayerCache(linear_cache, Z)


def _num_layers(parameters):
    """L, the number of weight matrices W1..WL (len(parameters) // 2 for a plain dict)."""
    L = sum(1 for key in parameters if key.startswith("W") and key[1:].isdigit())
    if L == 0:
        raise KeyError("parameters holds no weight matrices named W1, W2, ...")
    return L


def L_model_forward(X, parameters):
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    X: (n_x, m); parameters: W1..WL, b1..bL with W{l} (n_l, n_{l-1}) and b{l} (n_l, 1).
    Returns (AL, caches): AL (1, m) output probabilities and caches, a list of L LayerCaches
    ((A_prev, W, b), Z), caches[l - 1] for layer l.
    """
    L = _num_layers(parameters)
    caches = []
    A = X
    for layer in range(1, L + 1):
        activation = OUTPUT_ACTIVATION if layer == L else HIDDEN_ACTIVATION
        A, cache = linear_activation_forward(
            A, parameters[f"W{layer}"], parameters[f"b{layer}"], activation
        )
        caches.append(cache)
    return A, caches


def forward_propagation(X, parameters):
    """The one-hidden-layer network: LINEAR -> TANH -> LINEAR -> SIGMOID.

    X: (n_x, m); parameters: W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1).
    Returns (A2, cache): A2 (n_y, m) and cache, a dict with "Z1", "A1" (n_h, m) and
    "Z2", "A2" (n_y, m).
    """
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1, _ = tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2, _ = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
