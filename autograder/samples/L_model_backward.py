"""Planted answers of 03_L_model_backward, graded by ``autograder/hidden/suites/L_model_backward.py``.

03's ``L_model_backward`` (its debugging lab is in ``backward_lab.py``).
"""

from .answer import Answer

A = "03_L_model_backward"


def _deep(label, body, kept, diagnosis):
    return Answer(A, "L_model_backward", label, f'''
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


# The demo class's answers (``planted.MISTAKES`` and ``planted.STYLE_VARIANTS``).
SIGMOID_EVERYWHERE = Answer(A, "L_model_backward", "sigmoid in every layer", '''
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

SHORTCUT_BACKWARD = Answer(A, "L_model_backward", "dZ_L = AL - Y shortcut, extra key", '''
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


# One planted answer per mistake the hidden tests recognise (this module's part of
# ``planted.ALL_MISTAKES``).
MISTAKES = (
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


# Correct answers written differently: each must earn full marks (``planted.STYLE_CATALOGUE``).
STYLES = (
    Answer(A, "L_model_backward", "one loop with a dA variable and asserts", '''
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
)


# Wrong answers written the ways real students err, most explained only by the search
# (``planted.UNCATALOGUED``).
UNCATALOGUED = (
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
)


# The measurement batches, each written and measured once at its own time (``planted.py``
# says when): keep each answer in its batch.
LAST_MISTAKES = (
    _deep("dAL averaged over the batch", '''    m = AL.shape[1]
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) / m
    for l in reversed(range(L)):
        dA, dW, db = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
''', 0.0, ""),
)


BLIND_MISTAKES = (
    _deep("the whole tuple stored under dA", '''    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        result = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = result
        grads["dA" + str(l)] = result
''', 14 / 3, ""),
)


FORMULA_MISTAKES = (
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
)
