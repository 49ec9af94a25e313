"""Correct answers of 03_L_model_backward, one complete solution cell each."""

VARIANTS = {
    "L_model_backward": [
        '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, activation="sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache,
                                                                    activation="relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA=dA, cache=caches[l - 1],
                                                                          activation=activation)
        grads[f"dA{l - 1}"] = dA
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dZ = AL - Y
    linear_cache, _ = caches[-1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(dZ, linear_cache)
    for l in range(L - 1, 0, -1):
        linear_cache, activation_cache = caches[l - 1]
        dZ = relu_backward(grads["dA" + str(l)], activation_cache)
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = linear_backward(dZ, linear_cache)
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \\
            linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
    return grads
''',
        '''
def L_model_backward(AL: np.ndarray, Y: np.ndarray, caches: list) -> dict:
    L = len(caches)
    grads = dict()
    dA = np.divide(1 - Y, 1 - AL) - np.divide(Y, AL)
    activations = ["relu"] * (L - 1) + ["sigmoid"]
    for l, (cache, activation) in reversed(list(enumerate(zip(caches, activations), start=1))):
        dA_prev, dW, db = linear_activation_backward(dA, cache, activation)
        grads.update({"dA" + str(l - 1): dA_prev, "dW" + str(l): dW, "db" + str(l): db})
        dA = dA_prev
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    from numpy import divide
    grads = {}
    L = len(caches)
    dAL = - (divide(Y, AL) - divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], activation="sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    l = L - 1
    while l >= 1:
        dA_prev, dW, db = linear_activation_backward(dA_prev, caches[l - 1], activation="relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
        l -= 1
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    assert Y.shape == AL.shape
    dAL = -(Y / AL - (1 - Y) / (1 - AL))
    print("L =", L, "m =", m)
    (A_prev, W, b), Z = caches[L - 1]
    dZ = sigmoid_backward(dAL, Z)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(dZ, (A_prev, W, b))
    for l in reversed(range(1, L)):
        (A_prev, W, b), Z = caches[l - 1]
        dZ = relu_backward(grads["dA" + str(l)], Z)
        dA_prev, dW, db = linear_backward(dZ, (A_prev, W, b))
        grads["dA" + str(l - 1)] = dA_prev
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dZ = AL - Y
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        if l < L:
            dZ = grads["dA" + str(l)] * (Z > 0)
        grads["dW" + str(l)] = dZ @ A_prev.T / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        grads["dA" + str(l - 1)] = W.T @ dZ
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    def step(dA, cache, activation):
        return linear_activation_backward(dA, cache, activation=activation)

    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in reversed(range(L)):
        dA, dW, db = step(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        grads["dA%d" % l] = dA
        grads["dW%d" % (l + 1)] = dW
        grads["db%d" % (l + 1)] = db
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    args = [dAL, caches[L - 1]]
    kwargs = {"activation": "sigmoid"}
    results = linear_activation_backward(*args, **kwargs)
    for key, value in zip(("dA" + str(L - 1), "dW" + str(L), "db" + str(L)), results):
        grads[key] = value
    for l in range(L - 2, -1, -1):
        results = linear_activation_backward(*[grads["dA" + str(l + 1)], caches[l]], **{"activation": "relu"})
        for key, value in zip(("dA" + str(l), "dW" + str(l + 1), "db" + str(l + 1)), results):
            grads[key] = value
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    import numpy
    global linear_activation_backward
    grads = {}
    L = len(caches)
    dAL = numpy.subtract(numpy.divide(1 - Y, 1 - AL), numpy.divide(Y, AL))
    current = list(linear_activation_backward(dAL, caches[L - 1], "sigmoid"))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = current
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    L = len(caches)
    m = Y.shape[1]
    grads = {}
    dZ = AL - Y
    for l in reversed(range(1, L + 1)):
        A_prev, W, b = caches[l - 1][0]
        Z = caches[l - 1][1]
        if l != L:
            dZ = np.multiply(grads["dA" + str(l)], np.int64(Z > 0))
        grads["dW" + str(l)] = np.einsum("ik,jk->ij", dZ, A_prev) / m
        grads["db" + str(l)] = dZ.sum(axis=1).reshape(-1, 1) / m
        grads["dA" + str(l - 1)] = np.matmul(W.T, dZ)
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)] = dAL
    for l in reversed(range(1, L + 1)):
        activation = "sigmoid" if l == L else "relu"
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA_prev
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads
''',
        '''
def L_model_backward(AL, Y, caches):
    L = len(caches)
    dAL = -(Y / AL - (1 - Y) / (1 - AL))
    grads, dA = {}, dAL
    for l in range(L, 0, -1):
        linear_cache, activation_cache = caches[l - 1]
        if l == L:
            dZ = sigmoid_backward(dA=dA, cache=activation_cache)
        else:
            dZ = relu_backward(dA=dA, cache=activation_cache)
        dA, dW, db = linear_backward(dZ=dZ, cache=linear_cache)
        grads = {**grads, f"dA{l - 1}": dA, f"dW{l}": dW, f"db{l}": db}
    return grads
''',
    ],
}
