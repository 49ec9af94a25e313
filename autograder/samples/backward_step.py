"""Planted answers of 02_backward_step, graded by ``autograder/hidden/suites/backward_step.py``.

The backward step of 02: the activations' backward functions, ``linear_backward``,
``linear_activation_backward`` and the shallow network's ``backward_propagation``.
"""

from .answer import Answer

A = "02_backward_step"


def _step(function, label, source, kept, diagnosis):
    return Answer(A, function, label, source, kept, diagnosis)


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


# The demo class's answers (``planted.MISTAKES`` and ``planted.STYLE_VARIANTS``).
MISSING_ONE_OVER_M = Answer(A, "linear_backward", "missing 1/m", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
''', kept=1.0, diagnosis="the 1/m factor is missing")


# One planted answer per mistake the hidden tests recognise (with SHALLOW_MISTAKES, this
# module's part of ``planted.ALL_MISTAKES``).
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


MISTAKES = BACKWARD_STEP_MISTAKES + SHALLOW_MISTAKES


# Correct answers written differently: each must earn full marks (``planted.STYLE_CATALOGUE``).
STYLES = (
    Answer(A, "sigmoid_backward", "np.multiply and the formula written out", '''
def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    dZ = np.multiply(np.multiply(dA, s), 1 - s)
    assert dZ.shape == cache.shape
    return dZ
'''),
    Answer(A, "relu_backward", "dA times a boolean mask", '''
def relu_backward(dA, cache):
    return dA * (cache > 0)
'''),
    Answer(A, "tanh_backward", "np.power and np.tanh", '''
def tanh_backward(dA, cache):
    return np.multiply(dA, 1 - np.power(np.tanh(cache), 2))
'''),
    Answer(A, "linear_backward", "a loop over the examples and shape asserts", '''
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
    Answer(A, "linear_activation_backward", "a dict dispatch", '''
def linear_activation_backward(dA, cache, activation):
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward, "tanh": tanh_backward}
    if activation not in backward:
        raise ValueError("unknown activation " + str(activation))
    linear_cache, activation_cache = cache
    return linear_backward(backward[activation](dA, activation_cache), linear_cache)
'''),
    Answer(A, "backward_propagation", "np.multiply with extra keys", '''
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
)


# Wrong answers written the ways real students err, most explained only by the search
# (``planted.UNCATALOGUED``).
UNCATALOGUED = (
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
)


# The measurement batches, each written and measured once at its own time (``planted.py``
# says when): keep each answer in its batch.
LATER_MISTAKES = (
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
)


LAST_MISTAKES = (
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
)


BLIND_MISTAKES = (
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
)


FORMULA_MISTAKES = (
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
)
