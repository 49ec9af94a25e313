"""Correct answers of 02_backward_step, one complete solution cell each."""

VARIANTS = {
    "sigmoid_backward": [
        '''
def sigmoid_backward(dA, cache):
    Z = cache
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s)
    assert dZ.shape == Z.shape
    return dZ
''',
        '''
def sigmoid_backward(dA, cache):
    s, _ = sigmoid(cache)
    return np.multiply(dA, np.multiply(s, 1 - s))
''',
        '''
def sigmoid_backward(dA, cache):
    A = sigmoid(Z=cache)[0]
    return dA * A * (1.0 - A)
''',
        '''
def sigmoid_backward(dA: np.ndarray, cache: np.ndarray) -> np.ndarray:
    from numpy import exp
    s = 1.0 / (1.0 + exp(-cache))
    return dA * (s - s ** 2)
''',
        '''
def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_backward(dA, cache):
    Z = cache
    return dA * _sigmoid(Z) * _sigmoid(-Z)
''',
        '''
def sigmoid_backward(dA, cache):
    Z = np.array(cache, copy=True)
    dZ = np.zeros_like(dA)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            s = 1 / (1 + np.exp(-Z[i, j]))
            dZ[i, j] = dA[i, j] * s * (1 - s)
    return dZ
''',
        '''
def sigmoid_backward(dA, cache):
    import numpy
    s = numpy.tanh(cache / 2) / 2 + 0.5
    return dA * s * (1 - s)
''',
        '''
def sigmoid_backward(*args, **kwargs):
    dA, Z = args
    e = np.exp(-Z)
    return dA * e / (1 + e) ** 2
''',
    ],
    "relu_backward": [
        '''
def relu_backward(dA, cache):
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    assert dZ.shape == Z.shape
    return dZ
''',
        '''
def relu_backward(dA, cache):
    return dA * (cache > 0)
''',
        '''
def relu_backward(dA, cache):
    return np.where(cache > 0, dA, 0)
''',
        '''
def relu_backward(dA: np.ndarray, cache: np.ndarray) -> np.ndarray:
    dZ = copy.deepcopy(dA)
    dZ[cache <= 0] = 0.0
    return dZ
''',
        '''
def relu_backward(dA, cache):
    Z = cache
    dZ = np.zeros(dA.shape, dtype=dA.dtype)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            if Z[i, j] > 0:
                dZ[i, j] = dA[i, j]
    return dZ
''',
        '''
def relu_backward(dA, cache):
    from numpy import heaviside
    return dA * heaviside(cache, 0.0)
''',
        '''
def relu_backward(dA, cache):
    mask = (cache > 0).astype(np.float32)
    return np.multiply(dA, mask, dtype=dA.dtype)
''',
        '''
def relu_backward(dA, cache):
    A, Z = relu(cache)
    return dA * np.sign(A)
''',
    ],
    "tanh_backward": [
        '''
def tanh_backward(dA, cache):
    Z = cache
    t = np.tanh(Z)
    return dA * (1 - t ** 2)
''',
        '''
def tanh_backward(dA, cache):
    A, _ = tanh(cache)
    return dA * (1 - np.power(A, 2))
''',
        '''
def tanh_backward(dA, cache):
    return dA / np.cosh(cache) ** 2
''',
        '''
def tanh_backward(dA: np.ndarray, cache: np.ndarray) -> np.ndarray:
    import numpy as numpy_module
    t = numpy_module.tanh(cache)
    dZ = numpy_module.multiply(dA, 1 - numpy_module.multiply(t, t))
    assert dZ.shape == dA.shape
    return dZ
''',
        '''
def tanh_backward(dA, cache):
    s, _ = sigmoid(2 * cache)
    t = 2 * s - 1
    return dA * (1 - t * t)
''',
        '''
def tanh_backward(dA, cache):
    dZ = np.empty_like(dA)
    for index, z in np.ndenumerate(cache):
        dZ[index] = dA[index] * (1 - np.tanh(z) ** 2)
    return dZ
''',
        '''
def tanh_backward(dA, cache):
    A = tanh(Z=cache)[0]
    return (1 - A ** 2) * dA
''',
    ],
    "linear_backward": [
        '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    assert dA_prev.shape == A_prev.shape
    assert dW.shape == W.shape
    assert db.shape == b.shape
    return dA_prev, dW, db
''',
        '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = dZ.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m
''',
        '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.matmul(dZ, A_prev.T) / m
    db = np.mean(dZ, axis=1).reshape(-1, 1)
    dA_prev = np.matmul(W.T, dZ)
    return [dA_prev, dW, db]
''',
        '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = np.einsum("ik->i", dZ)[:, None] / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db
''',
        '''
def linear_backward(dZ, cache):
    from numpy import dot
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return dot(W.T, dZ), dot(dZ, A_prev.T) / m, dZ.sum(1, keepdims=True) / m
''',
        '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    n, m = dZ.shape
    dW = np.zeros(W.shape, dtype=dZ.dtype)
    db = np.zeros(b.shape, dtype=dZ.dtype)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
        db += dZ[:, i:i + 1]
    return W.T.dot(dZ), dW / m, db / m
''',
        '''
def linear_backward(dZ: np.ndarray, cache: tuple) -> tuple:
    A_prev = cache[0]
    W = cache[1]
    m = A_prev.shape[1]
    dW = (1. / m) * dZ.dot(A_prev.T)
    db = (1. / m) * np.sum(dZ, axis=1).reshape(W.shape[0], 1)
    dA_prev = W.T.dot(dZ)
    return (dA_prev, dW, db)
''',
        '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    print("dZ", dZ.shape, "A_prev", A_prev.shape, "W", W.shape)
    grads = dict(dA_prev=np.dot(W.T, dZ), dW=np.dot(dZ, A_prev.T) / m,
                 db=np.sum(dZ, axis=1, keepdims=True) / m)
    return grads["dA_prev"], grads["dW"], grads["db"]
''',
        '''
def linear_backward(dZ, cache):
    import numpy
    A_prev, W, b = (numpy.asarray(x) for x in cache)
    m = A_prev.shape[-1]
    db = numpy.sum(dZ, axis=1, keepdims=True, dtype=dZ.dtype) / m
    return numpy.transpose(W) @ dZ, dZ @ numpy.transpose(A_prev) / m, db
''',
        '''
def linear_backward(*args):
    dZ, (A_prev, W, b) = args
    m = A_prev.shape[1]
    return W.T @ dZ, (dZ @ A_prev.T) * (1 / m), np.sum(dZ, 1, keepdims=True) * (1 / m)
''',
    ],
    "linear_activation_backward": [
        '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    elif activation == "tanh":
        dZ = tanh_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
''',
        '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA=dA, cache=activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA=dA, cache=activation_cache)
    else:
        dZ = tanh_backward(dA=dA, cache=activation_cache)
    return linear_backward(dZ=dZ, cache=linear_cache)
''',
        '''
def linear_activation_backward(dA, cache, activation):
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward, "tanh": tanh_backward}
    linear_cache, Z = cache
    return linear_backward(backward[activation](dA, Z), linear_cache)
''',
        '''
def linear_activation_backward(dA, cache, activation="relu"):
    linear_cache, activation_cache = cache
    dZ = globals()[activation + "_backward"](dA, activation_cache)
    return linear_backward(dZ, cache=linear_cache)
''',
        '''
def linear_activation_backward(dA: np.ndarray, cache: tuple, activation: str) -> tuple:
    linear_cache, activation_cache = cache
    match activation:
        case "relu":
            dZ = relu_backward(dA, activation_cache)
        case "sigmoid":
            dZ = sigmoid_backward(dA, activation_cache)
        case "tanh":
            dZ = tanh_backward(dA, activation_cache)
        case _:
            raise ValueError(activation)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
''',
        '''
def linear_activation_backward(dA, cache, activation):
    linear_cache = cache[0]
    activation_cache = cache[1]
    if activation.lower() == "sigmoid":
        dZ = sigmoid_backward(dA, cache=activation_cache)
    elif activation.lower() == "tanh":
        dZ = tanh_backward(dA, cache=activation_cache)
    else:
        dZ = relu_backward(dA, cache=activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return (dA_prev, dW, db)
''',
        '''
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    elif activation == "sigmoid":
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    else:
        dZ = dA * (1 - np.tanh(Z) ** 2)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m
''',
        '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    args = (dA, activation_cache)
    if activation == "relu":
        dZ = relu_backward(*args)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(*args)
    else:
        dZ = tanh_backward(*args)
    kwargs = {"dZ": dZ, "cache": linear_cache}
    return linear_backward(**kwargs)
''',
        '''
def linear_activation_backward(dA, cache, activation):
    print("backward through a", activation, "layer")
    linear_cache, activation_cache = list(cache)
    g = relu_backward if activation == "relu" else sigmoid_backward if activation == "sigmoid" else tanh_backward
    dZ = g(dA, activation_cache)
    assert dZ.shape == dA.shape
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return [dA_prev, dW, db]
''',
        '''
def linear_activation_backward(dA, cache, activation):
    def activation_grad(name, dA, Z):
        return {"relu": relu_backward, "sigmoid": sigmoid_backward, "tanh": tanh_backward}[name](dA, Z)

    linear_cache, activation_cache = cache
    return tuple(linear_backward(activation_grad(activation, dA, activation_cache), linear_cache))
''',
        '''
def linear_activation_backward(dA, cache, activation):
    global relu_backward, sigmoid_backward, tanh_backward, linear_backward
    linear_cache, activation_cache = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    elif activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "tanh":
        dZ = tanh_backward(dA, activation_cache)
    else:
        raise ValueError("activation must be relu, sigmoid or tanh")
    return linear_backward(dZ, linear_cache)
''',
        '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    dZ = eval(activation + "_backward")(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev.astype(dA.dtype), dW, db
''',
    ],
    "backward_propagation": [
        '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = 1 / m * np.dot(dZ2, A1.T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
''',
        '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dZ1 = parameters["W2"].T @ dZ2 * (1 - cache["A1"] ** 2)
    return {
        "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m,
        "dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
    }
''',
        '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
    dZ2 = dA2 * A2 * (1 - A2)
    dA1 = np.matmul(parameters["W2"].T, dZ2)
    dZ1 = dA1 * (1 - A1 * A1)
    grads = {}
    grads.update(dW1=np.matmul(dZ1, X.T) / m, db1=np.mean(dZ1, axis=1, keepdims=True))
    grads.update({"dW2": np.matmul(dZ2, A1.T) / m, "db2": np.mean(dZ2, axis=1, keepdims=True)})
    return grads
''',
        '''
def backward_propagation(parameters, cache, X, Y):
    A1 = cache["A1"]
    dZ2 = cache["A2"] - Y
    dZ1 = tanh_backward(parameters["W2"].T @ dZ2, cache["Z1"])
    _, dW2, db2 = linear_backward(dZ2, (A1, parameters["W2"], parameters["b2"]))
    _, dW1, db1 = linear_backward(dZ1, (X, parameters["W1"], parameters["b1"]))
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
''',
        '''
def backward_propagation(parameters: dict, cache: dict, X: np.ndarray, Y: np.ndarray) -> dict:
    from numpy import dot, sum as npsum
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dW2 = dot(dZ2, cache["A1"].T) / m
    db2 = npsum(dZ2, axis=1, keepdims=True) / m
    dZ1 = dot(parameters["W2"].T, dZ2) * (1 - cache["A1"] ** 2)
    dW1 = dot(dZ1, X.T) / m
    db1 = npsum(dZ1, axis=1, keepdims=True) / m
    assert dW1.shape == parameters["W1"].shape and db1.shape == parameters["b1"].shape
    return dict(dW1=dW1, db1=db1, dW2=dW2, db2=db2)
''',
        '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    grads = {k: np.zeros_like(parameters[k[1:]]) for k in ("dW1", "db1", "dW2", "db2")}
    for i in range(m):
        x, y = X[:, i:i + 1], Y[:, i:i + 1]
        a1, a2 = cache["A1"][:, i:i + 1], cache["A2"][:, i:i + 1]
        dz2 = a2 - y
        dz1 = W2.T @ dz2 * (1 - a1 ** 2)
        grads["dW2"] += dz2 @ a1.T / m
        grads["db2"] += dz2 / m
        grads["dW1"] += dz1 @ x.T / m
        grads["db1"] += dz1 / m
    return grads
''',
        '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    Z1, A1, A2 = cache["Z1"], cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dZ1 = np.einsum("ji,jk->ik", parameters["W2"], dZ2) * (1 - np.tanh(Z1) ** 2)
    names = ["dW1", "db1", "dW2", "db2"]
    values = [np.einsum("ik,jk->ij", dZ1, X) / m, dZ1.sum(1, keepdims=True) / m,
              np.einsum("ik,jk->ij", dZ2, A1) / m, dZ2.sum(1, keepdims=True) / m]
    grads = {name: value for name, value in zip(names, values)}
    grads["dZ1"] = dZ1  # an extra key, kept for debugging
    return grads
''',
        '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = copy.deepcopy(parameters["W2"])
    A1 = cache["A1"]
    dZ2 = cache["A2"] - Y
    print("m =", m)
    dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))
    return {"dW1": (1 / m) * np.dot(dZ1, X.T), "db1": (1 / m) * np.sum(dZ1, axis=1, keepdims=True),
            "dW2": (1 / m) * np.dot(dZ2, A1.T), "db2": (1 / m) * np.sum(dZ2, axis=1, keepdims=True)}
''',
    ],
}
