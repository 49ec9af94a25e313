"""Solutions of assignment 02_backward_step, provided to the assignments that come after it.

Generated from course/authoring/02_backward_step.py by `python -m autograder.authoring`: do not edit.
Never shipped with 02_backward_step itself.
"""

# ruff: noqa
import numpy as np
from bpkit.activations import sigmoid, relu, tanh


def sigmoid_backward(dA, cache):
    """Backward step of a sigmoid unit: dZ = dA * sigmoid'(Z), element-wise.

    Arguments:
    dA -- gradient of the loss with respect to A = sigmoid(Z), shape (n_l, m)
    cache -- Z, the activation cache stored by the forward pass, shape (n_l, m)

    Returns:
    dZ -- gradient of the loss with respect to Z, shape (n_l, m)
    """
    # 1. Z is the cache.
    # 2. s: the sigmoid of Z (the provided sigmoid returns the pair (A, Z): keep A).
    # 3. dZ: dA times the sigmoid's slope s (1 - s), element-wise (*, not a matrix product).
    # (about 4 lines, the return included)
    Z = cache
    s, _ = sigmoid(Z)
    dZ = dA * s * (1 - s)
    return dZ


def relu_backward(dA, cache):
    """Backward step of a ReLU unit: dZ = dA where Z > 0, and 0 where Z <= 0.

    Arguments:
    dA -- gradient of the loss with respect to A = relu(Z), shape (n_l, m)
    cache -- Z, the activation cache stored by the forward pass, shape (n_l, m)

    Returns:
    dZ -- gradient of the loss with respect to Z, shape (n_l, m)
    """
    # 1. Z is the cache.
    # 2. dZ: a copy of dA (np.array with copy=True), so that the caller's dA is left alone.
    # 3. Set the entries of dZ where Z <= 0 to 0 (boolean indexing).
    # (about 4 lines, the return included)
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def tanh_backward(dA, cache):
    """Backward step of a tanh unit: dZ = dA * (1 - tanh(Z)**2).

    Arguments:
    dA -- gradient of the loss with respect to A = tanh(Z), shape (n_l, m)
    cache -- Z, the activation cache stored by the forward pass, shape (n_l, m)

    Returns:
    dZ -- gradient of the loss with respect to Z, shape (n_l, m)
    """
    # 1. Z is the cache.
    # 2. t: the tanh of Z (the provided tanh returns the pair (A, Z): keep A).
    # 3. dZ: dA times tanh's slope 1 - t^2, element-wise.
    # (about 4 lines, the return included)
    Z = cache
    t, _ = tanh(Z)
    dZ = dA * (1 - t ** 2)
    return dZ


def linear_backward(dZ, cache):
    """Backward step of the linear part Z = W A_prev + b of one layer.

    Arguments:
    dZ -- gradient of the loss with respect to Z (one column per example), shape (n_l, m)
    cache -- (A_prev, W, b) stored by the forward pass:
             A_prev (n_{l-1}, m), W (n_l, n_{l-1}), b (n_l, 1)

    Returns:
    dA_prev -- W^T dZ, shape (n_{l-1}, m) (per example: no 1/m)
    dW -- dZ A_prev^T / m, shape (n_l, n_{l-1}) like W (averaged over the m examples)
    db -- row sums of dZ / m, shape (n_l, 1) like b (averaged over the m examples)
    """
    # 1. Unpack A_prev, W and b from the cache; m is the number of columns of A_prev.
    # 2. dW: dZ times A_prev transposed (np.dot), divided by m.
    # 3. db: dZ summed over the examples (axis=1, keepdims=True), divided by m.
    # 4. dA_prev: W transposed times dZ (no 1/m: a per-example gradient).
    # (about 6 lines, the return included)
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """Backward step of one layer, LINEAR -> ACTIVATION.

    Arguments:
    dA -- gradient of the loss with respect to this layer's output A, shape (n_l, m)
    cache -- (linear_cache, activation_cache) stored by linear_activation_forward:
             linear_cache = (A_prev, W, b), activation_cache = Z (n_l, m)
    activation -- "relu", "sigmoid" or "tanh", the activation of this layer

    Returns:
    dA_prev -- shape (n_{l-1}, m)
    dW -- shape (n_l, n_{l-1}) like W
    db -- shape (n_l, 1) like b
    """
    # 1. Unpack linear_cache and activation_cache from cache.
    # 2. dZ: your relu_backward, sigmoid_backward or tanh_backward of (dA, activation_cache), as
    #    activation says; any other activation raises a ValueError that names the three choices.
    # 3. dA_prev, dW, db: your linear_backward of (dZ, linear_cache).
    # (about 11 lines, the return included)
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    elif activation == "tanh":
        dZ = tanh_backward(dA, activation_cache)
    else:
        raise ValueError(f"unknown activation {activation!r}: choose 'relu', 'sigmoid' or 'tanh'")
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cross-entropy cost for LINEAR -> TANH -> LINEAR -> SIGMOID.

    Arguments:
    parameters -- dict with W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h), b2 (1, 1)
    cache -- dict from forward_propagation with Z1, A1 (n_h, m) and Z2, A2 (1, m)
    X -- input data, shape (n_x, m)
    Y -- labels in {0, 1}, shape (1, m)

    Returns:
    grads -- dict with dW1 (n_h, n_x), db1 (n_h, 1), dW2 (1, n_h), db2 (1, 1):
             the gradients of the cost (averaged over the m examples)
    """
    # 1. m from X; W2 from parameters; A1 and A2 from cache.
    # 2. Output layer: dZ2 = A2 - Y (sigmoid with cross-entropy), then dW2 (dZ2 times A1
    #    transposed, over m) and db2 (dZ2 summed over the examples, kept as a column, over m).
    # 3. Hidden layer: dZ1 = W2 transposed times dZ2, times tanh's slope 1 - A1^2 element-wise;
    #    then dW1 (dZ1 times X transposed, over m) and db1 like db2.
    # 4. Put the four gradients in a dict with the keys "dW1", "db1", "dW2", "db2".
    # (about 12 lines, the return included)
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]

    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
