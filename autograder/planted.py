"""A sample class: typical student answers, right and wrong, as complete function definitions.

The demo and the end-to-end tests build submissions from these: each planted mistake replaces
one solution cell of an otherwise correct notebook, and states how many points that function
should keep and which words its diagnosis must contain. Style variants are correct answers
written differently; they must earn full marks.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    assignment: str
    function: str
    label: str
    source: str
    kept: float | None = None  # points the function keeps (None: full marks)
    diagnosis: str = ""  # words its diagnosis must contain


MISSING_ONE_OVER_M = Answer("02_backward_step", "linear_backward", "missing 1/m", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
''', kept=1.0, diagnosis="the 1/m factor is missing")

WRONG_LOG_TERM = Answer("01_cost_functions", "compute_cost_ce", "log(AL) in both terms", '''
def compute_cost_ce(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL)) / m)
''', kept=0.0, diagnosis="needs log(1 - AL)")

SIGMOID_EVERYWHERE = Answer("03_L_model_backward", "L_model_backward", "sigmoid in every layer", '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        dA_prev, dW, db = linear_activation_backward(dA, caches[l], "sigmoid")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
        dA = dA_prev
    return grads
''', kept=2.5, diagnosis="sigmoid in every layer")

PLUS_UPDATE = Answer("04_update_rule", "update_parameters", "+ instead of -", '''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] + learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] + learning_rate * grads["db" + str(l + 1)]
    return parameters
''', kept=0.0, diagnosis="move uphill")

SHORTCUT_BACKWARD = Answer("03_L_model_backward", "L_model_backward", "dZ_L = AL - Y shortcut, extra key", '''
def L_model_backward(AL, Y, caches):
    grads = {"note": "the output layer uses the dZ = AL - Y shortcut"}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    linear_cache, _ = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(AL - Y, linear_cache)
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
''')

IN_PLACE_ON_COPY = Answer("04_update_rule", "update_parameters", "in-place updates on a deep copy", '''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W%d" % l] -= learning_rate * grads["dW%d" % l]
        parameters["b%d" % l] -= learning_rate * grads["db%d" % l]
    return parameters
''')

SQUEEZED_DOT_COST = Answer("01_cost_functions", "compute_cost", "np.dot and np.squeeze", '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return np.squeeze(cost)
''')

MISTAKES = (MISSING_ONE_OVER_M, WRONG_LOG_TERM, SIGMOID_EVERYWHERE, PLUS_UPDATE)
STYLE_VARIANTS = (SHORTCUT_BACKWARD, IN_PLACE_ON_COPY, SQUEEZED_DOT_COST)
