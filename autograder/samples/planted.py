"""A sample class: typical student answers, right and wrong, as complete function definitions.

The demo and the end-to-end tests build submissions from these: each planted mistake replaces
one solution cell of an otherwise correct notebook, and states how many points that function
should keep and which words its diagnosis must contain. Style variants are correct answers
written differently; they must earn full marks.

MISTAKES and STYLE_VARIANTS make the demo's sample class. ALL_MISTAKES holds one planted answer
per mistake the hidden tests explain, written as a student would; CATALOGUE (graded end to end
through nbgrader) and MORE_MISTAKES (graded in-process only) split it. STYLE_CATALOGUE holds
more style variants. tests/hidden/test_planted.py grades all of them in-process.
"""

import re
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


# ---------------------------------------------------------------------------------------------
# The catalogue: one planted answer per mistake the hidden tests recognise, as a student would
# write it. ``kept`` is what the function keeps over all its hidden tests (parts it gets right
# keep their share); ``diagnosis`` is a phrase of the explanation the student must be given.
# ---------------------------------------------------------------------------------------------

def _answer(assignment, function, label, source, kept, diagnosis):
    return Answer(assignment, function, label, source, kept=kept, diagnosis=diagnosis)


def _cost(function, label, body, kept, diagnosis, args="AL, Y"):
    body = body.lstrip("\n")
    source = f"\ndef {function}({args}):\n{body}"
    return _answer("01_cost_functions", function, label, source, kept, diagnosis)


COST_MISTAKES = (
    _cost("classification_error", "accuracy instead of error", '''    predictions = AL > 0.5
    return float(np.mean(predictions == Y))
''', 0.0, "the accuracy, not the error"),
    _cost("classification_error", "count of errors, not a fraction", '''    predictions = AL > 0.5
    return float(np.sum(predictions != Y))
''', 0.0, "a count of misclassified examples"),
    _cost("classification_error", "probabilities compared without a threshold", '''
    error = np.mean(np.abs(AL - Y))
    return float(error)
''', 0.0, "compares the probabilities AL with Y directly"),
    _cost("compute_cost_mse", "1/m instead of 1/(2m)", '''    m = Y.shape[1]
    return float(np.sum((AL - Y) ** 2) / m)
''', 0.0, "the 1/2 of 1/(2m) is missing"),
    _cost("compute_cost_mse", "error not squared", '''    m = Y.shape[1]
    return float(np.sum(AL - Y) / (2 * m))
''', 0.0, "is not squared"),
    _cost("compute_cost_mse", "sum without the mean", '''    return float(np.sum(np.square(AL - Y)))
''', 0.0, "2m times too large"),
    _cost("compute_cost_ce", "logs swapped", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log(1 - AL) + (1 - Y) * np.log(AL)) / m)
''', 0.0, "swaps the logs"),
    _cost("compute_cost_ce", "no minus sign", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
''', 0.0, "the cost has a minus sign in front of the sum"),
    _cost("compute_cost_ce", "no clipping", '''    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
''', 2.0, "clip AL into [eps, 1 - eps]"),
    _cost("compute_cost", "only the Y log(AL) term", '''    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL)) / m
    return float(cost)
''', 0.0, "only the Y * log(AL) term"),
    _cost("compute_cost", "logs swapped with np.dot", '''    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(1 - AL).T) + np.dot(1 - Y, np.log(AL).T)) / m
    return float(np.squeeze(cost))
''', 0.0, "swaps the logs"),
    _cost("cost_derivative_mse", "Y - AL", '''    return Y - AL
''', 0.0, "is AL - Y, not Y - AL"),
    _cost("cost_derivative_mse", "divided by m", '''    m = Y.shape[1]
    return (AL - Y) / m
''', 0.0, "the 1/m comes later"),
    _cost("cost_derivative_mse", "the 2 of the square kept", '''    return 2 * (AL - Y)
''', 0.0, "the 1/2 in the cost cancels the 2"),
    _cost("cost_derivative_mse", "the squared error itself", '''    return (AL - Y) ** 2
''', 0.0, "the squared error itself, not its derivative"),
    _cost("cost_derivative_ce", "plus between the terms", '''
    dAL = -(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL))
    return dAL
''', 0.0, "adds the two terms"),
    _cost("cost_derivative_ce", "no leading minus", '''
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    return dAL
''', 0.0, "keep the minus in front"),
    _cost("cost_derivative_ce", "dZ shortcut AL - Y", '''    return AL - Y
''', 0.0, "which is dZ of a sigmoid output layer"),
    _cost("cost_derivative_ce", "averaged over the batch", '''    m = Y.shape[1]
    return -(Y / AL - (1 - Y) / (1 - AL)) / m
''', 0.0, "the derivative is per example"),
    _answer("01_cost_functions", "CostFunction", "CostFunction with the costs swapped", '''
class CostFunction:
    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f'unknown cost {name!r}: choose "MSE" or "CE"')
        self.name = name

    def compute_cost(self, AL, Y):
        if self.name == "CE":
            return compute_cost_mse(AL, Y)
        return compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        if self.name == "CE":
            return cost_derivative_mse(AL, Y)
        return cost_derivative_ce(AL, Y)
''', 1.0, "cost: 'MSE' goes with compute_cost_mse"),
    _answer("01_cost_functions", "CostFunction", "CostFunction averaging the derivative", '''
class CostFunction:
    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f"unknown cost {name}: choose MSE or CE")
        self.name = name

    def compute_cost(self, AL, Y):
        return compute_cost_mse(AL, Y) if self.name == "MSE" else compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        m = AL.shape[1]
        if self.name == "MSE":
            return cost_derivative_mse(AL, Y) / m
        return cost_derivative_ce(AL, Y) / m
''', 2.0, "compute_derivative is divided by m"),
    _answer("01_cost_functions", "CostFunction", "CostFunction without a ValueError", '''
class CostFunction:
    def __init__(self, name):
        self.name = name

    def compute_cost(self, AL, Y):
        if self.name == "MSE":
            return compute_cost_mse(AL, Y)
        return compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        if self.name == "MSE":
            return cost_derivative_mse(AL, Y)
        return cost_derivative_ce(AL, Y)
''', 2.0, "but it raised nothing"),
)


def _step(function, label, source, kept, diagnosis):
    return _answer("02_backward_step", function, label, source, kept, diagnosis)


BACKWARD_STEP_MISTAKES = (
    _step("sigmoid_backward", "sigmoid: cache used as A", '''
def sigmoid_backward(dA, cache):
    A = cache
    dZ = dA * A * (1 - A)
    return dZ
''', 0.0, "treats the cache Z as if it were A = sigmoid(Z)"),
    _step("sigmoid_backward", "sigmoid applied twice", '''
def sigmoid_backward(dA, cache):
    A, _ = sigmoid(cache)
    s, _ = sigmoid(A)
    return dA * s * (1 - s)
''', 0.0, "applies the sigmoid twice"),
    _step("sigmoid_backward", "sigmoid: no dA", '''
def sigmoid_backward(dA, cache):
    s, _ = sigmoid(cache)
    dZ = s * (1 - s)
    return dZ
''', 0.0, "multiply it by dA (chain rule)"),
    _step("sigmoid_backward", "sigmoid: s instead of s(1 - s)", '''
def sigmoid_backward(dA, cache):
    s, _ = sigmoid(cache)
    return dA * s
''', 0.0, "uses s instead of s * (1 - s)"),
    _step("sigmoid_backward", "sigmoid: tanh formula", '''
def sigmoid_backward(dA, cache):
    s, _ = sigmoid(cache)
    return dA * (1 - s ** 2)
''', 0.0, "uses the tanh derivative 1 - s**2"),
    _step("relu_backward", "relu gated on dA", '''
def relu_backward(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[dA <= 0] = 0
    return dZ
''', 0.0, "the gate is where Z > 0"),
    _step("relu_backward", "relu: dA times relu(Z)", '''
def relu_backward(dA, cache):
    A, _ = relu(cache)
    return dA * A
''', 0.0, "multiplies dA by relu(Z) itself"),
    _step("relu_backward", "relu: == instead of =", '''
def relu_backward(dA, cache):
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] == 0
    return dZ
''', 0.0, "passes dA through unchanged"),
    _step("relu_backward", "relu gate inverted", '''
def relu_backward(dA, cache):
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z > 0] = 0
    return dZ
''', 0.0, "keeps dA where Z < 0"),
    _step("relu_backward", "relu: the mask alone", '''
def relu_backward(dA, cache):
    Z = cache
    dZ = (Z > 0).astype(float)
    return dZ
''', 0.0, "the local derivative alone (1 where Z > 0"),
    _step("tanh_backward", "tanh: 1 - Z**2", '''
def tanh_backward(dA, cache):
    Z = cache
    return dA * (1 - Z ** 2)
''', 0.0, "uses 1 - Z**2"),
    _step("tanh_backward", "tanh: square missing", '''
def tanh_backward(dA, cache):
    t, _ = tanh(cache)
    return dA * (1 - t)
''', 0.0, "uses 1 - tanh(Z)"),
    _step("tanh_backward", "tanh: sigmoid formula", '''
def tanh_backward(dA, cache):
    t, _ = tanh(cache)
    return dA * t * (1 - t)
''', 0.0, "the sigmoid's derivative formula"),
    _step("tanh_backward", "tanh: no dA", '''
def tanh_backward(dA, cache):
    t = np.tanh(cache)
    return 1 - t ** 2
''', 0.0, "multiply it by dA (chain rule)"),
    _step("tanh_backward", "tanh applied twice", '''
def tanh_backward(dA, cache):
    A, _ = tanh(cache)
    t = np.tanh(A)
    return dA * (1 - t ** 2)
''', 0.0, "applies tanh twice"),
    _step("linear_backward", "dA_prev averaged too", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ) / m
    return dA_prev, dW, db
''', 2.0, "dA_prev = W.T @ dZ has no 1/m"),
    _step("linear_backward", "m from the wrong axis", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[0]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
''', 1.0, "divided by the number of rows of A_prev"),
    _step("linear_backward", "dW not averaged", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
''', 2.0, "dW is m = "),
    _step("linear_backward", "db not averaged", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
''', 2.0, "the 1/m factor is missing"),
    _step("linear_backward", "minus sign on dA_prev", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = -np.dot(W.T, dZ)
    return dA_prev, dW, db
''', 2.0, "dA_prev = W.T @ dZ, with no minus"),
    _step("linear_activation_backward", "sigmoid branch calls relu_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = tanh_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
''', 3.0, "call sigmoid_backward"),
    _step("linear_activation_backward", "activation derivative skipped", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    dA_prev, dW, db = linear_backward(dA, linear_cache)
    return dA_prev, dW, db
''', 0.0, "the activation's derivative: compute dZ"),
    _step("linear_activation_backward", "derivative taken at A", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    elif activation == "sigmoid":
        A, _ = sigmoid(Z)
        dZ = sigmoid_backward(dA, A)
    elif activation == "tanh":
        A, _ = tanh(Z)
        dZ = tanh_backward(dA, A)
    return linear_backward(dZ, linear_cache)
''', 2.0, "the derivative taken at A"),
    _step("linear_activation_backward", "times the activation", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    forward = {"relu": relu, "sigmoid": sigmoid, "tanh": tanh}[activation]
    A, _ = forward(Z)
    dZ = dA * A
    return linear_backward(dZ, linear_cache)
''', 0.0, "the activation itself"),
)


def _shallow(label, dZ1, kept, diagnosis, dZ2="A2 - Y", scale="1 / m"):
    return _step("backward_propagation", label, f'''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W1, W2 = parameters["W1"], parameters["W2"]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    dZ2 = {dZ2}
    dW2 = {scale} * np.dot(dZ2, A1.T)
    db2 = {scale} * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = {dZ1}
    dW1 = {scale} * np.dot(dZ1, X.T)
    db1 = {scale} * np.sum(dZ1, axis=1, keepdims=True)
    return {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}
''', kept, diagnosis)


SHALLOW_MISTAKES = (
    _shallow("shallow: 1 - Z1**2", "np.dot(W2.T, dZ2) * (1 - np.power(Z1, 2))", 2.0,
             "use 1 - Z1**2"),
    _shallow("shallow: 1 - A1", "np.dot(W2.T, dZ2) * (1 - A1)", 2.0,
             "use 1 - A1: the tanh derivative"),
    _shallow("shallow: sigmoid derivative in the hidden layer", "np.dot(W2.T, dZ2) * A1 * (1 - A1)",
             2.0, "the hidden layer is tanh"),
    _shallow("shallow: Y - A2", "np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))", 0.0,
             "dZ2 = A2 - Y, not Y - A2", dZ2="Y - A2"),
    _shallow("shallow: dW2.T for W2.T", "np.dot(dW2.T, dZ2) * (1 - np.power(A1, 2))", 2.0,
             "use dW2.T where W2.T belongs"),
    _shallow("shallow: W2 forgotten", "dZ2 * (1 - np.power(A1, 2))", 2.0, "skip W2"),
    _shallow("shallow: no 1/m", "np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))", 0.0,
             "are averaged over the m examples", scale="1"),
)


def _deep(label, body, kept, diagnosis):
    return _answer("03_L_model_backward", "L_model_backward", label, f'''
def L_model_backward(AL, Y, caches):
    grads = {{}}
    L = len(caches)
    Y = Y.reshape(AL.shape)
{body}    return grads
''', kept, diagnosis)


_LAYER_L = '''    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
'''
_HIDDEN = '''    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
'''

DEEP_MISTAKES = (
    _deep("relu in every layer", '''    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        dA, dW, db = linear_activation_backward(dA, caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
''', 0.0, "relu in every layer"),
    _deep("dAL = AL - Y through the sigmoid", '''    dAL = AL - Y
''' + _LAYER_L + _HIDDEN, 0.0, "the sigmoid's derivative is applied twice"),
    _deep("dAL with the wrong sign", '''    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
''' + _LAYER_L + _HIDDEN, 0.0, "dAL = -(Y/AL - (1 - Y)/(1 - AL))"),
    _deep("dA never passed down", '''    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
''' + _LAYER_L + '''    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(dAL, caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
''', 2.5, "every layer fed dAL"),
    _deep("dA keys shifted by one", '''    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA" + str(l)], grads["dW" + str(l)], grads["db" + str(l)] = dA, dW, db
''', 14 / 3, "the gradient meant for the key one lower"),
)


def _update(label, body, kept, diagnosis):
    return _answer("04_update_rule", "update_parameters", label, f'''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
{body}    return parameters
''', kept, diagnosis)


UPDATE_MISTAKES = (
    _update("weights only", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
''', 2.5, "unchanged: update every W and every b"),
    _update("last layer skipped", '''    for l in range(1, L):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
''', 3.25, "the biases and the last layer too"),
    _update("update repeated in a nested loop", '''    for l in range(L):
        for key in parameters:
            parameters[key] = parameters[key] - learning_rate * grads["d" + key]
''', 0.0, "the update was applied once per layer"),
    _update("learning rate forgotten", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] -= grads["dW" + str(l)]
        parameters["b" + str(l)] -= grads["db" + str(l)]
''', 0.0, "ignore the learning rate"),
)


def _train(label, loop, kept, diagnosis):
    return _answer("05_cat_dog_classifier", "L_layer_model", label, f'''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
{loop}    return parameters, costs
''', kept, diagnosis)


TRAINING_MISTAKES = (
    _train("cost recorded after the update", '''        AL, caches = L_model_forward(X, parameters)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            AL, _ = L_model_forward(X, parameters)
            costs.append(float(compute_cost(AL, Y)))
''', 24 / 7, "is one step late"),
    _train("cost recorded every iteration", '''        AL, caches = L_model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
''', 24 / 7, "records a cost at every iteration"),
    _train("update result not kept", '''        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
''', 0.0, "so keep its result"),
    _train("learning rate hard-coded", '''        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, 0.0075)
        if i % 100 == 0:
            costs.append(cost)
''', 0.0, "the default learning rate 0.0075"),
)

PREDICT_MISTAKES = (
    _answer("05_cat_dog_classifier", "predict", "predictions inverted", '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    return (AL < 0.5).astype(int)
''', 0.0, "the classes swapped"),
    _answer("05_cat_dog_classifier", "predict", "probabilities returned", '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    return AL
''', 0.0, "turn them into 0/1 labels"),
)

def _lab_cost(label, kept, diagnosis, *, eps=True, arguments=True, self_name=True):
    """01's debugging lab with the bugs named False left in (each True one fixed)."""
    return _answer("01_cost_functions", "LabCostFunction", label, f'''
class LabCostFunction:
    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f"{{name!r}} is not a cost here: use 'MSE' or 'CE'")
        self.name = name

    def compute_cost(self, AL, Y):
        if self.name == "CE":
{"            eps = 1e-12" if eps else ""}
            return compute_cost_ce(np.clip(AL, eps, 1 - eps), Y)
        cost = compute_cost_mse(AL, Y)
        return cost

    def compute_derivative(self, {"AL, Y" if arguments else "Y, AL"}):
        if self.name == "CE":
            dAL = cost_derivative_ce(AL, Y)
        elif {"self.name" if self_name else "name"} == "MSE":
            dAL = cost_derivative_mse(AL, Y)
        return dAL
''', kept, diagnosis)


LAB_MISTAKES = (
    _lab_cost("lab: the three bugs left", 0.0, "reads name, not self.name", eps=False, arguments=False,
              self_name=False),
    _lab_cost("lab: eps left undefined", 2.0, "uses eps, which is never defined", eps=False),
    _lab_cost("lab: name for self.name left", 2.0, "reads name, not self.name", self_name=False),
    _lab_cost("lab: derivative arguments left swapped", 1.0, "compute_derivative has its arguments swapped",
              arguments=False),
)

def _lab_backward(label, kept, diagnosis, *, arguments=True, index=True):
    """03's debugging lab with the bugs named False left in (each True one fixed)."""
    return _answer("03_L_model_backward", "backpropagation", label, f'''
def backpropagation(AL, Y, caches, activations, cost):
    grads = {{}}
    L = len(caches)
    dA = CostFunction(cost).compute_derivative({"AL, Y" if arguments else "Y, AL"})
    for l in reversed(range(L)):
        dA_prev, dW, db = linear_activation_backward(dA, caches[l], activations[{"l" if index else "l - 1"}])
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
        dA = dA_prev
    return grads
''', kept, diagnosis)


LAB_MISTAKES += (
    _lab_backward("lab: both backward bugs left", 0.0, "two bugs at once", arguments=False, index=False),
    _lab_backward("lab: derivative asked for as (Y, AL)", 0.0, "divides by Y", arguments=False),
    _lab_backward("lab: activations one layer off", 1.0, "one layer off", index=False),
)

ALL_MISTAKES = (MISTAKES + COST_MISTAKES + BACKWARD_STEP_MISTAKES + SHALLOW_MISTAKES + DEEP_MISTAKES
                + UPDATE_MISTAKES + TRAINING_MISTAKES + PREDICT_MISTAKES + LAB_MISTAKES)

# Graded end to end through nbgrader, one student each (tests/pipeline/test_planted_catalogue.py):
# every graded function, and the mistakes most worth seeing in a real notebook. Each notebook
# costs seconds to grade, so the rest (MORE_MISTAKES) are graded in-process only.
_END_TO_END = {
    "accuracy instead of error", "1/m instead of 1/(2m)", "error not squared",
    "log(AL) in both terms", "logs swapped", "no clipping", "only the Y log(AL) term", "Y - AL",
    "plus between the terms", "dZ shortcut AL - Y", "CostFunction with the costs swapped",
    "CostFunction without a ValueError", "sigmoid: cache used as A", "relu gated on dA",
    "relu: == instead of =", "tanh: 1 - Z**2", "missing 1/m", "dA_prev averaged too",
    "m from the wrong axis", "sigmoid branch calls relu_backward", "derivative taken at A",
    "shallow: 1 - Z1**2", "shallow: dW2.T for W2.T",
    *(a.label for a in (SIGMOID_EVERYWHERE, PLUS_UPDATE) + DEEP_MISTAKES + UPDATE_MISTAKES),
    *(a.label for a in TRAINING_MISTAKES + PREDICT_MISTAKES + LAB_MISTAKES),
}
CATALOGUE = tuple(a for a in ALL_MISTAKES if a.label in _END_TO_END)
MORE_MISTAKES = tuple(a for a in ALL_MISTAKES if a.label not in _END_TO_END)


# Correct answers written differently: each must earn full marks.
STYLE_CATALOGUE = STYLE_VARIANTS + (
    Answer("01_cost_functions", "classification_error", "error with np.round and a division", '''
def classification_error(AL, Y):
    m = Y.shape[1]
    wrong = np.sum(np.round(AL) != Y)
    return wrong / m
'''),
    Answer("01_cost_functions", "compute_cost_mse", "np.mean of np.square, halved", '''
def compute_cost_mse(AL, Y):
    return float(np.mean(np.square(AL - Y)) / 2)
'''),
    Answer("01_cost_functions", "compute_cost_ce", "a loop over the examples with min and max", '''
def compute_cost_ce(AL, Y):
    m = Y.shape[1]
    total = 0.0
    for i in range(m):
        a = min(max(AL[0, i], 1e-12), 1 - 1e-12)
        total += Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a)
    return -total / m
'''),
    Answer("01_cost_functions", "cost_derivative_mse", "np.subtract", '''
def cost_derivative_mse(AL, Y):
    assert AL.shape == Y.shape
    return np.subtract(AL, Y)
'''),
    Answer("01_cost_functions", "cost_derivative_ce", "one fraction", '''
def cost_derivative_ce(AL, Y):
    return (AL - Y) / (AL * (1 - AL))
'''),
    Answer("01_cost_functions", "CostFunction", "a dict of functions", '''
class CostFunction:
    CHOICES = {"MSE": (compute_cost_mse, cost_derivative_mse),
               "CE": (compute_cost_ce, cost_derivative_ce)}

    def __init__(self, name):
        if name not in self.CHOICES:
            raise ValueError("name must be 'MSE' or 'CE', got " + repr(name))
        self.name = name
        self.cost, self.derivative = self.CHOICES[name]

    def compute_cost(self, AL, Y):
        return self.cost(AL, Y)

    def compute_derivative(self, AL, Y):
        return self.derivative(AL, Y)
'''),
    Answer("01_cost_functions", "LabCostFunction", "lab fixed with eps as an attribute", '''
class LabCostFunction:
    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f'unknown cost {name!r}: choose "MSE" or "CE"')
        self.name = name
        self.eps = 1e-12

    def compute_cost(self, AL, Y):
        m = Y.shape[1]
        if self.name == "MSE":
            return float(np.sum((AL - Y) ** 2) / (2 * m))
        AL = np.clip(AL, self.eps, 1 - self.eps)
        return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)

    def compute_derivative(self, AL, Y):
        if self.name == "MSE":
            return AL - Y
        return -(Y / AL - (1 - Y) / (1 - AL))
'''),
    Answer("03_L_model_backward", "backpropagation", "lab fixed as a loop over l = L, ..., 1", '''
def backpropagation(AL, Y, caches, activations, cost):
    grads = {}
    dA = CostFunction(cost).compute_derivative(AL, Y)
    for l in range(len(caches), 0, -1):
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activations[l - 1])
        grads["dA%d" % (l - 1)], grads["dW%d" % l], grads["db%d" % l] = dA, dW, db
    return grads
'''),
    Answer("02_backward_step", "sigmoid_backward", "np.multiply and the formula written out", '''
def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    dZ = np.multiply(np.multiply(dA, s), 1 - s)
    assert dZ.shape == cache.shape
    return dZ
'''),
    Answer("02_backward_step", "relu_backward", "dA times a boolean mask", '''
def relu_backward(dA, cache):
    return dA * (cache > 0)
'''),
    Answer("02_backward_step", "tanh_backward", "np.power and np.tanh", '''
def tanh_backward(dA, cache):
    return np.multiply(dA, 1 - np.power(np.tanh(cache), 2))
'''),
    Answer("02_backward_step", "linear_backward", "a loop over the examples and shape asserts", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
    dW /= m
    db = np.mean(dZ, axis=1, keepdims=True)
    dA_prev = W.T.dot(dZ)
    assert dA_prev.shape == A_prev.shape and dW.shape == W.shape and db.shape == b.shape
    return dA_prev, dW, db
'''),
    Answer("02_backward_step", "linear_activation_backward", "a dict dispatch", '''
def linear_activation_backward(dA, cache, activation):
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward, "tanh": tanh_backward}
    if activation not in backward:
        raise ValueError("unknown activation " + str(activation))
    linear_cache, activation_cache = cache
    return linear_backward(backward[activation](dA, activation_cache), linear_cache)
'''),
    Answer("02_backward_step", "backward_propagation", "np.multiply with extra keys", '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dZ1 = np.multiply(parameters["W2"].T @ dZ2, 1 - np.multiply(cache["A1"], cache["A1"]))
    grads = {"dZ2": dZ2, "dZ1": dZ1}
    grads["dW2"] = (1 / m) * dZ2 @ cache["A1"].T
    grads["db2"] = (1 / m) * dZ2.sum(axis=1, keepdims=True)
    grads["dW1"] = (1 / m) * dZ1 @ X.T
    grads["db1"] = (1 / m) * dZ1.sum(axis=1, keepdims=True)
    return grads
'''),
    Answer("03_L_model_backward", "L_model_backward", "one loop with a dA variable and asserts", '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y.reshape(AL.shape), AL) - np.divide(1 - Y.reshape(AL.shape), 1 - AL))
    for l in reversed(range(1, L + 1)):
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        (A_prev, W, b), Z = caches[l - 1]
        assert dW.shape == W.shape and db.shape == b.shape and dA.shape == A_prev.shape
        grads["dA%d" % (l - 1)], grads["dW%d" % l], grads["db%d" % l] = dA, dW, db
    return grads
'''),
    Answer("04_update_rule", "update_parameters", "a dict comprehension", '''
def update_parameters(params, grads, learning_rate):
    return {key: value - learning_rate * grads["d" + key] for key, value in params.items()}
'''),
    Answer("04_update_rule", "update_parameters", "a shallow copy and np.subtract", '''
def update_parameters(params, grads, learning_rate):
    parameters = params.copy()
    for l in range(1, len(params) // 2 + 1):
        for p in ("W", "b"):
            key = p + str(l)
            parameters[key] = np.subtract(params[key], np.multiply(learning_rate, grads["d" + key]))
    return parameters
'''),
    Answer("05_cat_dog_classifier", "L_layer_model", "a while loop and squeezed costs", '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters = copy.deepcopy(initialize_parameters_deep(layers_dims))
    costs = []
    i = 0
    while i < num_iterations:
        AL, caches = L_model_forward(X, parameters)
        cost = np.squeeze(compute_cost(AL, Y))
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration", i, cost)
        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)
        i += 1
    return parameters, costs
'''),
    Answer("05_cat_dog_classifier", "predict", "a loop over the examples", '''
def predict(X, parameters):
    AL, _ = L_model_forward(X, parameters)
    predictions = np.zeros((1, X.shape[1]))
    for i in range(AL.shape[1]):
        predictions[0, i] = 1 if AL[0, i] > 0.5 else 0
    return predictions
'''),
    Answer("05_cat_dog_classifier", "predict", "np.where", '''
def predict(X, parameters):
    probabilities, caches = L_model_forward(X, parameters)
    return np.where(probabilities > 0.5, 1, 0)
'''),
)


def slug(label: str) -> str:
    """A student id made from a label: "1/m instead of 1/(2m)" -> "1_m_instead_of_1_2m"."""
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


# ---------------------------------------------------------------------------------------------
# More wrong answers, written the ways real students err and not one per catalogued Mistake: some
# give the output of a catalogued Mistake by other code, most are explained only by the search
# (autograder/hidden/search.py). ``kept`` and ``diagnosis`` are what grading gives them, the
# catalogue on (tests/hidden/test_search.py). tools/diagnosis_share.py measures the search alone
# on half of ALL_MISTAKES + UNCATALOGUED, the search having been built on the other half.
# ---------------------------------------------------------------------------------------------

UNCATALOGUED = (
    _cost("classification_error", "error with the comparison inverted", '''    predictions = AL < 0.5
    return float(np.mean(predictions != Y))
''', 0.0, "the accuracy, not the error"),
    _cost("compute_cost_mse", "absolute error instead of the square", '''    m = Y.shape[1]
    return float(np.sum(np.abs(AL - Y)) / (2 * m))
''', 0.0, "not the expected value"),
    _cost("compute_cost_ce", "log10 instead of the natural log", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)) / m)
''', 0.0, "np.log10 where the natural log"),
    _cost("compute_cost", "only the (1 - Y) term", '''    m = Y.shape[1]
    return float(-np.sum((1 - Y) * np.log(1 - AL)) / m)
''', 0.0, "only the examples labelled 0 counted"),
    _cost("compute_cost", "log2 with np.dot", '''    m = Y.shape[1]
    cost = -(np.dot(Y, np.log2(AL).T) + np.dot(1 - Y, np.log2(1 - AL).T)) / m
    return float(np.squeeze(cost))
''', 0.0, "np.log2 where the natural log"),
    _cost("compute_cost", "m from the rows of Y", '''    m = Y.shape[0]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
''', 0.0, "the 1/m factor is missing"),
    _cost("cost_derivative_mse", "absolute value of the error", '''    return np.abs(AL - Y)
''', 0.0, "the examples labelled 1 with its sign flipped"),
    _cost("cost_derivative_mse", "halved", '''    return (AL - Y) / 2
''', 0.0, "0.5 times the expected value"),
    _cost("cost_derivative_ce", "AL and 1 - AL mixed up", '''
    return -(np.divide(Y, 1 - AL) - np.divide(1 - Y, AL))
''', 0.0, "1 - AL where AL belongs"),
    _cost("cost_derivative_ce", "MSE derivative for CE", '''    return cost_derivative_mse(AL, Y)
''', 0.0, "which is dZ of a sigmoid output layer"),
    _step("sigmoid_backward", "sigmoid: s from np.tanh", '''
def sigmoid_backward(dA, cache):
    s = np.tanh(cache)
    return dA * s * (1 - s)
''', 0.0, "tanh where sigmoid belongs"),
    _step("sigmoid_backward", "sigmoid: s(s - 1)", '''
def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (s - 1)
''', 0.0, "the wrong sign everywhere"),
    _step("relu_backward", "relu: Z kept where Z <= 0", '''
def relu_backward(dA, cache):
    return np.where(cache > 0, dA, cache)
''', 0.0, "wrong only where cache <= 0"),
    _step("relu_backward", "relu: dA times the sign of Z", '''
def relu_backward(dA, cache):
    return dA * np.sign(cache)
''', 0.0, "wrong only where cache <= 0"),
    _step("relu_backward", "relu: the cache gated on dA", '''
def relu_backward(dA, cache):
    return np.where(dA > 0, cache, 0)
''', 0.0, "swapped"),
    _step("tanh_backward", "tanh: dA and Z swapped", '''
def tanh_backward(dA, cache):
    return cache * (1 - np.tanh(dA) ** 2)
''', 0.0, "dA and cache swapped"),
    _step("tanh_backward", "tanh: sigmoid instead of tanh", '''
def tanh_backward(dA, cache):
    s, _ = sigmoid(cache)
    return dA * (1 - s ** 2)
''', 0.0, "sigmoid(Z) where tanh(Z) belongs"),
    _step("linear_backward", "dA_prev divided by the rows", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ) / A_prev.shape[0]
    return dA_prev, dW, db
''', 2.0, "times the expected value everywhere"),
    _step("linear_backward", "db summed without keepdims", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
''', 2.0, "keepdims=True"),
    _step("linear_activation_backward", "tanh branch calls sigmoid_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
''', 4.0, "match the sigmoid derivative"),
    _step("linear_activation_backward", "relu branch calls tanh_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        dZ = tanh_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
''', 3.0, "match the tanh derivative"),
    _step("backward_propagation", "shallow: Z1 read for A1", '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["Z1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
''', 1.0, "cache['Z1'] and cache['A1'] swapped"),
    _step("backward_propagation", "shallow: db1 not averaged", '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
''', 3.0, "db1 is m = "),
    _deep("sigmoid test on a 0-based index", '''    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l], activation)
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
''', 0.0, "relu in every layer"),
    _deep("dAL as the MSE derivative", '''    dA = AL - Y
    for l in reversed(range(L)):
        dA, dW, db = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
''', 0.0, "the sigmoid's derivative is applied twice"),
    _deep("tanh in the hidden layers", '''    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        dA, dW, db = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "tanh")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
''', 2.5, "tanh in the hidden layers"),
    _update("half the learning rate", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate / 2 * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate / 2 * grads["db" + str(l)]
''', 0.0, "half of learning_rate"),
    _update("biases updated with a fixed rate", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= grads["db" + str(l)]
''', 2.5, "ignore the learning rate"),
    _train("one iteration too many", '''        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    AL, caches = L_model_forward(X, parameters)
    parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)
''', 4 / 7, "num_iterations + 1 where num_iterations belongs"),
    _train("parameters initialised in the loop", '''        parameters = initialize_parameters_deep(layers_dims)
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
''', 0.0, "costs never changes"),
)

# Written after the search was last changed, and measured once as they were
# (tools/diagnosis_share.py prints their share apart): the search never saw them.
LATER_MISTAKES = (
    _cost("classification_error", "count over the rows of Y", '''    predictions = AL > 0.5
    return float(np.sum(predictions != Y) / Y.shape[0])
''', 0.0, ""),
    _cost("compute_cost_mse", "times m instead of over 2m", '''    m = Y.shape[1]
    return float(np.sum((AL - Y) ** 2) / 2 * m)
''', 0.0, ""),
    _cost("compute_cost_mse", "mean over axis 1 left as an array", '''    return np.mean((AL - Y) ** 2, axis=1) / 2
''', 0.0, ""),
    _cost("compute_cost_ce", "log(1 - Y) for log(1 - AL)", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - Y)))
''', 0.0, ""),
    _cost("compute_cost", "minus between the two terms", '''    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) - (1 - Y) * np.log(1 - AL)) / m)
''', 0.0, ""),
    _step("sigmoid_backward", "sigmoid: exp(Z) over 1 + exp(Z)", '''
def sigmoid_backward(dA, cache):
    return dA * np.exp(cache) / (1 + np.exp(cache))
''', 0.0, ""),
    _step("relu_backward", "relu: max(0, dA) gated", '''
def relu_backward(dA, cache):
    return np.maximum(0, dA) * (cache > 0)
''', 0.0, ""),
    _step("tanh_backward", "tanh: (1 - t) squared", '''
def tanh_backward(dA, cache):
    return dA * (1 - np.tanh(cache)) ** 2
''', 0.0, ""),
    _step("tanh_backward", "tanh: dA * 1 - t**2", '''
def tanh_backward(dA, cache):
    t = np.tanh(cache)
    return dA * 1 - t ** 2
''', 0.0, ""),
    _step("linear_backward", "m from the columns of W", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = W.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
''', 1.0, ""),
    _step("linear_activation_backward", "activation names capitalised", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "Relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "tanh":
        dZ = tanh_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
''', 3.0, ""),
    _step("backward_propagation", "shallow: dW2 not averaged", '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T)
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
''', 3.0, ""),
    _update("biases moved by the summed gradient", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * np.sum(grads["db" + str(l)])
''', 0.0, ""),
    _train("a decaying learning rate", '''        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate * 0.99 ** i)
        if i % 100 == 0:
            costs.append(cost)
''', 0.0, ""),
)

# A third batch, written after the search changed for the batch above (which it now names better
# than it did blind); measured once as they were, too.
LAST_MISTAKES = (
    _cost("classification_error", "error in percent", '''    predictions = np.round(AL)
    return float(np.mean(predictions != Y) * 100)
''', 0.0, ""),
    _cost("compute_cost_mse", "m from the rows of AL", '''    return float(np.sum((AL - Y) ** 2) / (2 * AL.shape[0]))
''', 0.0, ""),
    _cost("compute_cost_mse", "np.dot left as a (1, 1) array", '''    m = Y.shape[1]
    return np.dot(AL - Y, (AL - Y).T) / (2 * m)
''', 0.0, ""),
    _cost("compute_cost", "divided by len(Y)", '''    total = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(-total / len(Y))
''', 0.0, ""),
    _cost("cost_derivative_mse", "through the sigmoid as well", '''    return (AL - Y) * AL * (1 - AL)
''', 0.0, ""),
    _step("sigmoid_backward", "sigmoid: 1 - Z for 1 - s", '''
def sigmoid_backward(dA, cache):
    s, Z = sigmoid(cache)
    return dA * s * (1 - Z)
''', 0.0, ""),
    _step("relu_backward", "relu: a leaky slope of 0.01", '''
def relu_backward(dA, cache):
    return dA * (cache > 0) + 0.01 * dA * (cache <= 0)
''', 0.0, ""),
    _step("tanh_backward", "tanh of Z squared", '''
def tanh_backward(dA, cache):
    return dA * (1 - np.tanh(cache ** 2))
''', 0.0, ""),
    _step("linear_backward", "a relu gate on dA_prev", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ) * (A_prev > 0)
    return dA_prev, dW, db
''', 2.0, ""),
    _step("linear_activation_backward", "no relu branch", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    dZ = dA
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    elif activation == "tanh":
        dZ = tanh_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
''', 3.0, ""),
    _step("backward_propagation", "shallow: db2 summed over everything", '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
''', 3.0, ""),
    _deep("dAL averaged over the batch", '''    m = AL.shape[1]
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) / m
    for l in reversed(range(L)):
        dA, dW, db = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
''', 0.0, ""),
    _update("biases updated with dW", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["dW" + str(l)]
''', 0.0, ""),
    _train("costs of iterations 99, 199, ...", '''        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 99:
            costs.append(cost)
''', 0.0, ""),
)

# A fourth batch, written after the search stopped changing: its share is the search's last
# blind measurement (tools/diagnosis_share.py --batches).
BLIND_MISTAKES = (
    _cost("classification_error", "mean over axis 1 left as an array", '''    return np.mean(np.round(AL) != Y, axis=1)
''', 0.0, ""),
    _cost("compute_cost_mse", "the square expanded wrongly", '''    m = Y.shape[1]
    return float(np.sum(AL ** 2 - Y ** 2) / (2 * m))
''', 0.0, ""),
    _cost("compute_cost_mse", "m from len(AL)", '''    m = len(AL)
    return float(np.sum((AL - Y) ** 2) / (2 * m))
''', 0.0, ""),
    _cost("compute_cost_ce", "log(AL - 1) for log(1 - AL)", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL - 1)) / m)
''', 0.0, ""),
    _cost("compute_cost", "divided by m - 1", '''    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / (m - 1))
''', 0.0, ""),
    _cost("cost_derivative_ce", "the loss instead of its derivative", '''
    loss = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return loss
''', 0.0, ""),
    _step("sigmoid_backward", "sigmoid: dA * s - s**2", '''
def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * s - s ** 2
''', 0.0, ""),
    _step("relu_backward", "relu: dA where Z < 0", '''
def relu_backward(dA, cache):
    return dA * (cache < 0)
''', 0.0, ""),
    _step("tanh_backward", "tanh: (1 - t)(1 - t)", '''
def tanh_backward(dA, cache):
    t = np.tanh(cache)
    return dA * (1 - t) * (1 - t)
''', 0.0, ""),
    _step("linear_backward", "an L2 term added to dW", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m + 0.1 / m * W
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
''', 2.0, ""),
    _step("linear_activation_backward", "tanh derivative without dA", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
    else:
        dZ = 1 - np.tanh(Z) ** 2
    return linear_backward(dZ, linear_cache)
''', 4.0, ""),
    _deep("the whole tuple stored under dA", '''    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        result = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = result
        grads["dA" + str(l)] = result
''', 14 / 3, ""),
    _train("costs kept only when printing", '''        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 100 == 0:
            costs.append(cost)
''', 24 / 7, ""),
    _answer("05_cat_dog_classifier", "predict", "predictions transposed", '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int).T
''', 0.0, ""),
)

# A fifth batch, twenty more wrong answers over every graded function, written before the search
# learned to mutate the reference's own formulas: measured blind once, as written (12 of 20; one
# of the eight misses, "threshold on the last Z", fails no hidden test at all: Z > 0.5 and
# sigmoid(Z) > 0.5 differ only for 0 < Z <= 0.5, which the tests' inputs never hold).
FORMULA_MISTAKES = (
    _cost("compute_cost_mse", "np.mean of the square, no 1/2", '''    return float(np.mean((AL - Y) ** 2))
''', 0.0, ""),
    _cost("compute_cost_ce", "the minus sign forgotten", '''    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
''', 0.0, ""),
    _cost("classification_error", "mean absolute error for the error rate", '''    m = Y.shape[1]
    return float(np.sum(np.abs(AL - Y)) / m)
''', 0.0, ""),
    _cost("compute_cost", "per-example losses returned", '''    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return np.mean(losses, axis=0)
''', 0.0, ""),
    _cost("cost_derivative_ce", "1 + AL in the second denominator", '''    return -(Y / AL) + (1 - Y) / (1 + AL)
''', 0.0, ""),
    _cost("cost_derivative_mse", "twice the error", '''    return 2 * (AL - Y)
''', 0.0, ""),
    _step("sigmoid_backward", "sigmoid: divided by s(1 - s)", '''
def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    dZ = dA / (s * (1 - s))
    return dZ
''', 0.0, ""),
    _step("sigmoid_backward", "sigmoid: the denominator not squared", '''
def sigmoid_backward(dA, cache):
    Z = cache
    return dA * np.exp(-Z) / (1 + np.exp(-Z))
''', 0.0, ""),
    _step("relu_backward", "relu: the activation returned for dZ", '''
def relu_backward(dA, cache):
    dZ = cache.copy()
    dZ[cache <= 0] = 0
    return dZ
''', 0.0, ""),
    _step("tanh_backward", "tanh: sech not squared", '''
def tanh_backward(dA, cache):
    return dA / np.cosh(cache)
''', 0.0, ""),
    _step("linear_backward", "dA_prev averaged too", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * dZ @ A_prev.T
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = 1 / m * W.T @ dZ
    return dA_prev, dW, db
''', 2.0, ""),
    _step("linear_backward", "returned as (dA_prev, db, dW)", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, db, dW
''', 1.0, ""),
    _step("linear_activation_backward", "dA passed on where dZ belongs", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    elif activation == "tanh":
        dZ = tanh_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dA, linear_cache)
    return dA_prev, dW, db
''', 0.0, ""),
    _shallow("shallow: tanh of A1 in dZ1", "np.dot(W2.T, dZ2) * (1 - np.tanh(A1) ** 2)", 2.0, ""),
    _shallow("shallow: dZ2 through the sigmoid again", "np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))", 0.0, "",
             dZ2="(A2 - Y) * A2 * (1 - A2)"),
    _deep("dAL with both terms negative", '''    dA = -(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        dA, dW, db = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
''', 0.0, ""),
    _deep("relu and sigmoid swapped", '''    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        dA, dW, db = linear_activation_backward(dA, caches[l], "relu" if l == L - 1 else "sigmoid")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
''', 0.0, ""),
    _update("db transposed", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)].T
''', 2.5, ""),
    _train("the forward pass made once, before the loop", '''        if i == 0:
            AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
''', 0.0, ""),
    _answer("05_cat_dog_classifier", "predict", "threshold on the last Z", '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    Z = caches[-1][1]
    return (Z > 0.5).astype(int)
''', 0.0, ""),
)

# Concept questions: wrong answers as students write them (tests/hidden/test_concepts.py grades
# them in-process, tests/pipeline/test_concepts_graded.py through the CLI). Every student has a
# version of their own, so a source is a template of the version ``v`` of the student who
# writes it (``concept_source``): ``{v.letter_of[2]}`` is the letter under which they see the
# third choice of the visible text, ``{v.alpha}`` a number drawn for them.
CONCEPT_MISTAKES = [
    Answer("01_cost_functions", "q_cost_of_half", "cost of 0.5 in log10", "q_cost_of_half = 0.301",
           kept=0.0, diagnosis="log base 10"),
    Answer("01_cost_functions", "q_why_cross_entropy", "cross-entropy is bounded",
           "q_why_cross_entropy = '{v.letter_of[2]}'.lower()", kept=0.0, diagnosis="the cross-entropy is unbounded"),
    Answer("01_cost_functions", "q_shape_of_dAL", "dAL transposed", "q_shape_of_dAL = ({v.m}, 1)",
           kept=0.0, diagnosis="transposed"),
    Answer("02_backward_step", "q_shape_of_dW", "dW shaped like W.T", "q_shape_of_dW = [{v.n_prev}, {v.n}]",
           kept=0.0, diagnosis="W transposed"),
    Answer("02_backward_step", "q_linear_cache", "cache holds gradients", 'q_linear_cache = "{v.letter_of[0]}"',
           kept=0.0, diagnosis="before any gradient exists"),
    Answer("02_backward_step", "q_where_one_over_m", "1/m in dA_prev too", "q_where_one_over_m = '{v.letter_of[1]} '",
           kept=0.0, diagnosis="divide every earlier"),
    Answer("03_L_model_backward", "q_what_is_dA0", "dA0 updates W1", "q_what_is_dA0 = '{v.letter_of[0]}'",
           kept=0.0, diagnosis="never enters it"),
    Answer("03_L_model_backward", "q_relu_and_sigmoid", "ReLU output", "q_relu_and_sigmoid = '{v.letter_of[3]}'",
           kept=0.0, diagnosis="not a probability"),
    Answer("03_L_model_backward", "q_number_of_caches", "input layer cached",
           "q_number_of_caches = len({v.layer_dims})", kept=0.0, diagnosis="counts the input layer"),
    Answer("04_update_rule", "q_step_factor", "factor 1 + 2 alpha", "q_step_factor = 1 + 2 * {v.alpha}",
           kept=0.0, diagnosis="subtracts the gradient"),
    Answer("04_update_rule", "q_largest_rate", "limit 0.5", "q_largest_rate = 0.5",
           kept=0.0, diagnosis="lands exactly on the minimum"),
    Answer("04_update_rule", "q_why_copy", "in place impossible", "q_why_copy = '{v.letter_of[1]}'",
           kept=0.0, diagnosis="changes the array in place"),
    Answer("05_cat_dog_classifier", "q_plateau_cost", "plateau ln 2", "q_plateau_cost = 0.693",
           kept=0.0, diagnosis="ln 2 is the cost of answering 0.5"),
    Answer("05_cat_dog_classifier", "q_threshold", "threshold on Z", "q_threshold = 0",
           kept=0.0, diagnosis="threshold on Z"),
    Answer("05_cat_dog_classifier", "q_parameter_count", "weights only",
           "q_parameter_count = sum(a * b for a, b in zip({v.layers_dims}[1:], {v.layers_dims}[:-1]))",
           kept=0.0, diagnosis="count the biases too"),
]


def concept_source(answer: Answer, student: str) -> str:
    """A planted concept answer as ``student`` writes it: its template filled with their version."""
    from ..hidden.visible import questions  # late import: the helper package is loaded on demand

    return answer.source.format(v=questions.version(answer.function, student))
