"""Planted answers of 04_update_rule, graded by ``autograder/hidden/suites/update_rule.py``.

04's ``update_parameters``.
"""

from .answer import Answer

A = "04_update_rule"


def _update(label, body, kept, diagnosis):
    return Answer(A, "update_parameters", label, f'''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
{body}    return parameters
''', kept, diagnosis)


# The demo class's answers (``planted.MISTAKES`` and ``planted.STYLE_VARIANTS``).
PLUS_UPDATE = Answer(A, "update_parameters", "+ instead of -", '''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] + learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] + learning_rate * grads["db" + str(l + 1)]
    return parameters
''', kept=0.0, diagnosis="move uphill")

IN_PLACE_ON_COPY = Answer(A, "update_parameters", "in-place updates on a deep copy", '''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W%d" % l] -= learning_rate * grads["dW%d" % l]
        parameters["b%d" % l] -= learning_rate * grads["db%d" % l]
    return parameters
''')


# One planted answer per mistake the hidden tests recognise (this module's part of
# ``planted.ALL_MISTAKES``).
MISTAKES = (
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


# Correct answers written differently: each must earn full marks (``planted.STYLE_CATALOGUE``).
STYLES = (
    Answer(A, "update_parameters", "a dict comprehension", '''
def update_parameters(params, grads, learning_rate):
    return {key: value - learning_rate * grads["d" + key] for key, value in params.items()}
'''),
    Answer(A, "update_parameters", "a shallow copy and np.subtract", '''
def update_parameters(params, grads, learning_rate):
    parameters = params.copy()
    for l in range(1, len(params) // 2 + 1):
        for p in ("W", "b"):
            key = p + str(l)
            parameters[key] = np.subtract(params[key], np.multiply(learning_rate, grads["d" + key]))
    return parameters
'''),
)


# Wrong answers written the ways real students err, most explained only by the search
# (``planted.UNCATALOGUED``).
UNCATALOGUED = (
    _update("half the learning rate", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate / 2 * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate / 2 * grads["db" + str(l)]
''', 0.0, "half of learning_rate"),
    _update("biases updated with a fixed rate", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= grads["db" + str(l)]
''', 2.5, "ignore the learning rate"),
)


# The measurement batches, each written and measured once at its own time (``planted.py``
# says when): keep each answer in its batch.
LATER_MISTAKES = (
    _update("biases moved by the summed gradient", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * np.sum(grads["db" + str(l)])
''', 0.0, ""),
)


LAST_MISTAKES = (
    _update("biases updated with dW", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["dW" + str(l)]
''', 0.0, ""),
)


FORMULA_MISTAKES = (
    _update("db transposed", '''    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)].T
''', 2.5, ""),
)
