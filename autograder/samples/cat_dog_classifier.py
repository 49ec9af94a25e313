"""Planted answers of 05_cat_dog_classifier, graded by ``autograder/hidden/suites/cat_dog_classifier.py``.

05's training loop ``L_layer_model`` and ``predict``.
"""

from .answer import Answer

A = "05_cat_dog_classifier"


def _train(label, loop, kept, diagnosis):
    return Answer(A, "L_layer_model", label, f'''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
{loop}    return parameters, costs
''', kept, diagnosis)


# One planted answer per mistake the hidden tests recognise (with PREDICT_MISTAKES, this
# module's part of ``planted.ALL_MISTAKES``).
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
    Answer(A, "predict", "predictions inverted", '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    return (AL < 0.5).astype(int)
''', 0.0, "the classes swapped"),
    Answer(A, "predict", "probabilities returned", '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    return AL
''', 0.0, "turn them into 0/1 labels"),
)


MISTAKES = TRAINING_MISTAKES + PREDICT_MISTAKES


# Correct answers written differently: each must earn full marks (``planted.STYLE_CATALOGUE``).
STYLES = (
    Answer(A, "L_layer_model", "a while loop and squeezed costs", '''
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
    Answer(A, "predict", "a loop over the examples", '''
def predict(X, parameters):
    AL, _ = L_model_forward(X, parameters)
    predictions = np.zeros((1, X.shape[1]))
    for i in range(AL.shape[1]):
        predictions[0, i] = 1 if AL[0, i] > 0.5 else 0
    return predictions
'''),
    Answer(A, "predict", "np.where", '''
def predict(X, parameters):
    probabilities, caches = L_model_forward(X, parameters)
    return np.where(probabilities > 0.5, 1, 0)
'''),
)


# Wrong answers written the ways real students err, most explained only by the search
# (``planted.UNCATALOGUED``).
UNCATALOGUED = (
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


# The measurement batches, each written and measured once at its own time (``planted.py``
# says when): keep each answer in its batch.
LATER_MISTAKES = (
    _train("a decaying learning rate", '''        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate * 0.99 ** i)
        if i % 100 == 0:
            costs.append(cost)
''', 0.0, ""),
)


LAST_MISTAKES = (
    _train("costs of iterations 99, 199, ...", '''        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 99:
            costs.append(cost)
''', 0.0, ""),
)


BLIND_MISTAKES = (
    _train("costs kept only when printing", '''        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 100 == 0:
            costs.append(cost)
''', 24 / 7, ""),
    Answer(A, "predict", "predictions transposed", '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int).T
''', 0.0, ""),
)


FORMULA_MISTAKES = (
    _train("the forward pass made once, before the loop", '''        if i == 0:
            AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
''', 0.0, ""),
    Answer(A, "predict", "threshold on the last Z", '''
def predict(X, parameters):
    AL, caches = L_model_forward(X, parameters)
    Z = caches[-1][1]
    return (Z > 0.5).astype(int)
''', 0.0, ""),
)
