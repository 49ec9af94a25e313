"""The debugging lab of 03: the tutorial's backward loop, as it behaves once its bugs are fixed.

Students receive a ``backpropagation`` that asks the cost for its derivative as ``(Y, AL)`` and
gives each layer the activation of the layer below it. Fixed, it is the backward pass of a
network whose layer l uses ``activations[l - 1]``, from the cost named ``cost``.
"""

from .costs import CostFunction
from .linear import linear_activation_backward


def backpropagation(AL, Y, caches, activations, cost):
    """Gradients of the cost ``cost`` ("MSE" or "CE") for any list of activations.

    AL: (1, m) output of the last layer; Y: (1, m) labels; caches: L caches ((A_prev, W, b), Z),
    caches[l - 1] for layer l; activations: L names ("relu", "sigmoid", "tanh"), activations[l - 1]
    for layer l. Returns the keys of ``L_model_backward``: dA0..dA{L-1} (per example, no 1/m),
    dW1..dWL and db1..dbL (of the cost, averaged over the m examples).
    """
    grads = {}
    dA_layer = CostFunction(cost).compute_derivative(AL, Y)
    for layer in range(len(caches), 0, -1):
        dA_layer, dW, db = linear_activation_backward(dA_layer, caches[layer - 1], activations[layer - 1])
        grads[f"dA{layer - 1}"], grads[f"dW{layer}"], grads[f"db{layer}"] = dA_layer, dW, db
    return grads
