"""Solutions of assignment 03_L_model_backward, provided to the assignments that come after it.

Generated from course/authoring/03_L_model_backward.py by `python -m autograder.authoring`: do not edit.
Never shipped with 03_L_model_backward itself.
"""

# ruff: noqa
from bpkit.solved.backward_step import linear_backward, linear_activation_backward


def L_model_backward(AL, Y, caches):
    """Gradients of the cross-entropy cost for [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    Arguments:
    AL -- output probabilities sigmoid(Z^[L]), shape (1, m), from L_model_forward
    Y -- true labels (0 or 1), shape (1, m)
    caches -- the list of L caches of L_model_forward: caches[l - 1] = ((A_prev, W, b), Z)
              for layer l, where A_prev is (n_{l-1}, m), W is (n_l, n_{l-1}), b is (n_l, 1)
              and Z is (n_l, m); layers 1 .. L-1 are relu, layer L is sigmoid

    Returns:
    grads -- a dict with, for l = 1 .. L:
             grads["dA" + str(l - 1)]: per-example gradient w.r.t. A^[l-1] (the input of layer l,
                                       no 1/m), (n_{l-1}, m)
             grads["dW" + str(l)]: gradient of the cost w.r.t. W^[l], (n_l, n_{l-1})
             grads["db" + str(l)]: gradient of the cost w.r.t. b^[l], (n_l, 1)
    """
    grads = {}
    L = len(caches)  # the number of layers
    Y = Y.reshape(AL.shape)  # after this line, Y has the same shape as AL

    # 1. dAL: the derivative of the cross-entropy loss with respect to AL, element-wise, no 1/m
    #    (the formula of section 2).
    # 2. Layer L (LINEAR -> SIGMOID): linear_activation_backward of dAL, caches[L - 1] and
    #    "sigmoid"; store its three results as grads["dA" + str(L - 1)], "dW" + str(L), "db" + str(L).
    # 3. Layers L-1 down to 1 (LINEAR -> RELU), a loop over l: the same with
    #    grads["dA" + str(l)], caches[l - 1] and "relu"; store dA{l-1}, dW{l} and db{l}.
    # (about 12 lines)
    # Where it starts: the derivative of the cost with respect to AL.
    dAL = -(Y / AL - (1 - Y) / (1 - AL))

    # Layer L: LINEAR -> SIGMOID.
    current_cache = caches[L - 1]
    dA_prev, dW, db = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev
    grads["dW" + str(L)] = dW
    grads["db" + str(L)] = db

    # Layers L-1, ..., 1: LINEAR -> RELU.
    for l in range(L - 1, 0, -1):
        current_cache = caches[l - 1]
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l)], current_cache, "relu")
        grads["dA" + str(l - 1)] = dA_prev
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db

    return grads
