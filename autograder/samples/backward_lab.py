"""Planted answers of 03_L_model_backward, graded by ``autograder/hidden/suites/backward_lab.py``.

03's debugging lab: ``backpropagation`` with some of its two bugs left in, and fixed.
"""

from .answer import Answer

A = "03_L_model_backward"


def _lab_backward(label, kept, diagnosis, *, arguments=True, index=True):
    """03's debugging lab with the bugs named False left in (each True one fixed)."""
    return Answer(A, "backpropagation", label, f'''
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


# One planted answer per mistake the hidden tests recognise (this module's part of
# ``planted.ALL_MISTAKES``).
MISTAKES = (
    _lab_backward("lab: both backward bugs left", 0.0, "two bugs at once", arguments=False, index=False),
    _lab_backward("lab: derivative asked for as (Y, AL)", 0.0, "divides by Y", arguments=False),
    _lab_backward("lab: activations one layer off", 1.0, "one layer off", index=False),
)


# Correct answers written differently: each must earn full marks (``planted.STYLE_CATALOGUE``).
STYLES = (
    Answer(A, "backpropagation", "lab fixed as a loop over l = L, ..., 1", '''
def backpropagation(AL, Y, caches, activations, cost):
    grads = {}
    dA = CostFunction(cost).compute_derivative(AL, Y)
    for l in range(len(caches), 0, -1):
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activations[l - 1])
        grads["dA%d" % (l - 1)], grads["dW%d" % l], grads["db%d" % l] = dA, dW, db
    return grads
'''),
)
