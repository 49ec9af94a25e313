"""The L-layer network: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

parameters holds W1..WL and b1..bL; caches is a list of L LayerCaches, caches[l-1] for layer l.
grads holds dA0..dA{L-1} (dA{l-1} is the gradient entering layer l from above, i.e. with respect
to that layer's input), dW1..dWL and db1..dbL.
"""

import numpy as np

from . import keys
from .costs import cost_derivative_ce
from .linear import linear_activation_backward, linear_activation_forward

HIDDEN_ACTIVATION = "relu"
OUTPUT_ACTIVATION = "sigmoid"
INIT_SEED = 1


def initialize_parameters_deep(layer_dims):
    """W{l} ~ N(0, 1) / sqrt(n_{l-1}) with shape (n_l, n_{l-1}) and b{l} = 0 with shape (n_l, 1).

    Seeds numpy's global generator with 1 first, as the Coursera application notebook does, so
    every call gives the same parameters. The 1/sqrt(n_{l-1}) scale keeps activations from
    shrinking layer after layer (a 0.01 scale makes the 4-layer cat network plateau).
    """
    np.random.seed(INIT_SEED)
    parameters = {}
    for layer in range(1, len(layer_dims)):
        n_prev, n = layer_dims[layer - 1], layer_dims[layer]
        parameters[keys.weight(layer)] = np.random.randn(n, n_prev) / np.sqrt(n_prev)
        parameters[keys.bias(layer)] = np.zeros((n, 1))
    return parameters


def L_model_forward(X, parameters):
    """X: (n_x, m). Returns (AL, caches): AL (1, m) output probabilities and L LayerCaches."""
    L = keys.num_layers(parameters)
    caches = []
    A = X
    for layer in range(1, L + 1):
        activation = OUTPUT_ACTIVATION if layer == L else HIDDEN_ACTIVATION
        A, cache = linear_activation_forward(
            A, parameters[keys.weight(layer)], parameters[keys.bias(layer)], activation
        )
        caches.append(cache)
    return A, caches


def L_model_backward(AL, Y, caches, *, input_gradient=True):
    """Gradients of the cross-entropy cost for the network that produced ``caches``.

    AL: (1, m) = sigmoid(Z_L); Y: (1, m) labels; caches: the L LayerCaches of L_model_forward.
    Returns grads with dA0..dA{L-1}, dW1..dWL, db1..dbL; without ``input_gradient`` there is no
    dA0 (the gradient with respect to X, which training never uses).
    """
    L = len(caches)
    Y = Y.reshape(AL.shape)
    grads = {}
    dA = cost_derivative_ce(AL, Y)
    for layer in range(L, 0, -1):
        activation = OUTPUT_ACTIVATION if layer == L else HIDDEN_ACTIVATION
        dA_prev, dW, db = linear_activation_backward(dA, caches[layer - 1], activation,
                                                     input_gradient=input_gradient or layer > 1)
        if dA_prev is not None:
            grads[keys.grad(keys.activation(layer - 1))] = dA_prev
        grads[keys.grad(keys.weight(layer))] = dW
        grads[keys.grad(keys.bias(layer))] = db
        dA = dA_prev
    return grads
