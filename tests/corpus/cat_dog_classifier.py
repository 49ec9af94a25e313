"""Correct answers of 05_cat_dog_classifier, one complete solution cell each."""

VARIANTS = {
    "L_layer_model": [
        '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 100 == 0 or i == num_iterations - 1:
            if print_cost:
                print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(float(cost))
    return parameters, costs
''',
        '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    costs = []
    parameters = initialize_parameters_deep(layer_dims=layers_dims)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X=X, parameters=parameters)
        cost = compute_cost(AL=AL, Y=Y)
        grads = L_model_backward(AL=AL, Y=Y, caches=caches)
        parameters = update_parameters(params=parameters, grads=grads, learning_rate=learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
    return parameters, costs
''',
        '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate=learning_rate)
        if print_cost and i % 100 == 0:
            print(f"Cost after iteration {i}: {cost}")
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs
''',
        '''
def L_layer_model(X: np.ndarray, Y: np.ndarray, layers_dims: list, learning_rate: float = 0.0075,
                  num_iterations: int = 3000, print_cost: bool = False) -> tuple:
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    i = 0
    while i < num_iterations:
        AL, caches = L_model_forward(X, parameters)
        if i % 100 == 0:
            costs.append(float(np.squeeze(compute_cost(AL, Y))))
        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)
        i += 1
    return parameters, costs
''',
        '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    def one_step(parameters):
        AL, caches = L_model_forward(X, parameters)
        grads = L_model_backward(AL, Y, caches)
        return update_parameters(parameters, grads, learning_rate), compute_cost(AL, Y)

    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        parameters, cost = one_step(parameters)
        if i % 100 == 0:
            costs.append(float(cost))
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    return (parameters, costs)
''',
        '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    global initialize_parameters_deep, L_model_forward, compute_cost, L_model_backward, update_parameters
    parameters = initialize_parameters_deep(list(layers_dims))
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
    return [parameters, costs]
''',
        '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        assert AL.shape == Y.shape
        grads = L_model_backward(AL, Y, caches)
        if i % 100 == 0:
            cost = compute_cost(AL, Y)
            costs.append(float(cost))
            if print_cost:
                print("Cost after iteration", i, ":", cost)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
''',
        '''
def L_layer_model(X, Y, layers_dims, *args, **kwargs):
    settings = dict(learning_rate=0.0075, num_iterations=3000, print_cost=False)
    settings.update(zip(("learning_rate", "num_iterations", "print_cost"), args))
    settings.update(kwargs)
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(settings["num_iterations"]):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), settings["learning_rate"])
        if i % 100 == 0:
            costs.append(float(cost))
    return parameters, costs
''',
        '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters = initialize_parameters_deep(layers_dims)
    costs = [None] * ((num_iterations + 99) // 100)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        if i % 100 == 0:
            cost = compute_cost(AL, Y)
            costs[i // 100] = cost.item() if hasattr(cost, "item") else cost
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
''',
        '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    forward_kwargs = {"X": X}
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(num_iterations):
        AL, caches = L_model_forward(parameters=parameters, **forward_kwargs)
        cost = compute_cost(AL, Y=Y)
        grads = L_model_backward(AL, Y, caches=caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if not i % 100:
            costs.append(float(np.squeeze(cost)))
    return parameters, costs
''',
    ],
    "predict": [
        '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int)
''',
        '''
def predict(X, parameters):
    m = X.shape[1]
    p = np.zeros((1, m))
    probas, caches = L_model_forward(X, parameters)
    for i in range(0, probas.shape[1]):
        if probas[0, i] > 0.5:
            p[0, i] = 1
        else:
            p[0, i] = 0
    return p
''',
        '''
def predict(X, parameters):
    AL, _ = L_model_forward(X=X, parameters=parameters)
    return AL > 0.5
''',
        '''
def predict(X: np.ndarray, parameters: dict) -> np.ndarray:
    probabilities = L_model_forward(X, parameters)[0]
    predictions = np.where(probabilities > 0.5, 1, 0)
    assert predictions.shape == (1, X.shape[1])
    return predictions
''',
        '''
def predict(X, parameters):
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A = np.maximum(0, parameters["W" + str(l)] @ A + parameters["b" + str(l)])
    ZL = parameters["W" + str(L)] @ A + parameters["b" + str(L)]
    return (ZL > 0).astype(float)
''',
        '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    return np.array([[1 if a > 0.5 else 0 for a in AL[0]]])
''',
        '''
def predict(*args, **kwargs):
    AL, caches = L_model_forward(*args, **kwargs)
    print("predicted", AL.shape[1], "examples")
    return np.round(AL + 1e-12 * (AL == 0.5)).astype(np.int8)
''',
        '''
def predict(X, parameters):
    from numpy import greater
    AL = L_model_forward(X, parameters=parameters)[0]
    return greater(AL, 0.5).astype(np.float32)
''',
    ],
}
