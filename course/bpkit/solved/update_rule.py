"""Solutions of assignment 04_update_rule, provided to the assignments that come after it.

Generated from course/authoring/04_update_rule.py by `python -m autograder.authoring`: do not edit.
Never shipped with 04_update_rule itself.
"""

# ruff: noqa
import copy


def update_parameters(params, grads, learning_rate):
    """One step of gradient descent on every parameter of an L-layer network.

    Arguments:
    params -- dict with W1..WL, W{l} of shape (n_l, n_{l-1}), and b1..bL, b{l} of shape (n_l, 1)
    grads -- dict from L_model_backward with dW{l} and db{l} of the same shapes as W{l} and
             b{l} (its dA keys are not used)
    learning_rate -- the step size alpha, a positive number

    Returns:
    parameters -- a new dict with W{l} - learning_rate * dW{l} and b{l} - learning_rate * db{l}
                  for l = 1 .. L; params itself is left unchanged
    """
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers in the network

    # For every layer l from 1 to L (a loop):
    # 1. parameters["W" + str(l)] becomes itself minus learning_rate times grads["dW" + str(l)];
    # 2. parameters["b" + str(l)] likewise with grads["db" + str(l)].
    # (about 3 lines)
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]

    return parameters
