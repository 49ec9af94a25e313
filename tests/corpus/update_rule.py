"""Correct answers of 04_update_rule, one complete solution cell each."""

VARIANTS = {
    "update_parameters": [
        '''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters
''',
        '''
def update_parameters(params, grads, learning_rate):
    return {key: value - learning_rate * grads["d" + key] for key, value in params.items()}
''',
        '''
def update_parameters(params, grads, learning_rate):
    parameters = params.copy()
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters
''',
        '''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
''',
        '''
def update_parameters(params, grads, learning_rate):
    parameters = dict(params)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
    return parameters
''',
        '''
def update_parameters(params: dict, grads: dict, learning_rate: float) -> dict:
    new_params = {}
    new_params.update({k: np.subtract(v, np.multiply(learning_rate, grads["d" + k])) for k, v in params.items()})
    return new_params
''',
        '''
def update_parameters(params, grads, learning_rate):
    L = len(params) // 2
    for l in range(1, L + 1):
        assert params["W" + str(l)].shape == grads["dW" + str(l)].shape
        params["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        params["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return params
''',
        '''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    print("updating", L, "layers with learning rate", learning_rate)
    for l in range(L):
        for p in ("W", "b"):
            key = p + str(l + 1)
            parameters[key] = parameters[key] - learning_rate * grads["d" + key]
    return parameters
''',
        '''
def update_parameters(params, grads, learning_rate):
    from numpy import subtract
    parameters = {}
    for name in sorted(params):
        parameters[name] = subtract(params[name], learning_rate * grads["d" + name])
    return parameters
''',
        '''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    l = 1
    while l <= L:
        W, b = parameters["W%d" % l], parameters["b%d" % l]
        W -= learning_rate * grads["dW%d" % l]
        b -= learning_rate * grads["db%d" % l]
        l += 1
    return parameters
''',
        '''
def update_parameters(params, grads, learning_rate):
    def step(theta, dtheta, lr=learning_rate):
        return theta - lr * dtheta

    keys = [k for k in params if k[0] in "Wb"]
    return dict(zip(keys, [step(params[k], grads["d" + k]) for k in keys]))
''',
        '''
def update_parameters(*args, **kwargs):
    params, grads, learning_rate = args
    out = copy.copy(params)
    for key in list(out.keys()):
        out[key] = out[key] - learning_rate * grads.get("d" + key)
    return out
''',
        '''
def update_parameters(params, grads, learning_rate):
    import copy as copy_module
    parameters = copy_module.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        W = parameters["W" + str(l + 1)]
        parameters["W" + str(l + 1)] = W - learning_rate * grads["dW" + str(l + 1)].astype(W.dtype)
        b = parameters["b" + str(l + 1)]
        parameters["b" + str(l + 1)] = b - learning_rate * grads["db" + str(l + 1)].astype(b.dtype)
    return parameters
''',
        '''
def update_parameters(params, grads, learning_rate):
    global copy
    parameters = copy.deepcopy(params)
    layers = [int(key[1:]) for key in parameters if key.startswith("W")]
    for l in layers:
        np.subtract(parameters[f"W{l}"], learning_rate * grads[f"dW{l}"], out=parameters[f"W{l}"])
        np.subtract(parameters[f"b{l}"], learning_rate * grads[f"db{l}"], out=parameters[f"b{l}"])
    return parameters
''',
    ],
}
