"""Hidden tests of 03's debugging lab: the tutorial's backward loop, fixed by the student.

Its two bugs: the cost's derivative asked for as ``compute_derivative(Y, AL)`` (MSE: every
gradient's sign flips; cross-entropy: it divides by Y), and ``activations[l - 1]`` used with
``caches[l]`` (each layer gets the activation of the layer below it). A network with the same
activation in every layer hides the second bug, so each bug costs the tests that can see it.
"""

import numpy as np

from autograder import reference as ref

from ..cases import deep_case, dense_parameters
from ..compare import Mistake, as_dict, check_output
from ..outcome import Outcome, Part
from ..registry import hidden_test
from .L_model_backward import grad_keys

A = "03_L_model_backward"
FUNCTION = "backpropagation"
DEPS = ("linear_activation_backward", "linear_backward", "relu_backward", "sigmoid_backward",
        "tanh_backward")
SWAP = "CostFunction(cost).compute_derivative is called as (Y, AL), but it takes (AL, Y)"
CALL = "Call compute_derivative(AL, Y)."


def _case(rng, activations):
    """(AL, Y, caches): a forward pass whose layer l uses activations[l - 1] (the last: sigmoid)."""
    layer_dims, X, Y, _, _, _ = deep_case(rng, len(activations))
    parameters = dense_parameters(rng, layer_dims)
    A_layer, caches = X, []
    for layer, activation in enumerate(activations, start=1):
        A_layer, cache = ref.linear_activation_forward(
            A_layer, parameters[f"W{layer}"], parameters[f"b{layer}"], activation)
        caches.append(cache)
    return A_layer, Y, caches


def _one_layer_off(activations):
    """What activations[l - 1] with caches[l] gives layer l + 1: the activation of the layer below
    it, and the last one for layer 1 (Python's index -1)."""
    return [activations[-1], *activations[:-1]]


def _run(f, rng, activations, cost):
    AL, Y, caches = _case(rng, activations)
    m, L = Y.shape[1], len(caches)
    expected = ref.backpropagation(AL, Y, caches, activations, cost)
    off = _one_layer_off(activations)
    mistakes = [] if off == activations else [  # the same activation everywhere hides the index
        Mistake("one_layer_off", "{name} match{es} every layer given the activation of the layer "
                "below it: with l running from L - 1 down to 0, caches[l] belongs to layer l + 1 and "
                "so does activations[l]; activations[l - 1] is one layer off (and wraps around to the "
                "output layer's activation at l = 0).",
                lambda: ref.backpropagation(AL, Y, caches, off, cost)),
    ]
    if cost == "MSE":
        swapped = ref.cost_derivative_mse(Y, AL)
        mistakes.append(
            Mistake("swapped", "{name} {has} the wrong sign: " + SWAP + ", which for MSE gives Y - AL, "
                    "the gradient with its sign flipped: gradient descent would climb the cost. " + CALL,
                    lambda: _from(swapped, caches, activations)))
        if off != activations:
            mistakes.append(Mistake(
                "both", "{name} match{es} two bugs at once: " + SWAP + " (the sign of every "
                "gradient flips), and activations is indexed one layer off (use activations[l] "
                "with caches[l]).", lambda: _from(swapped, caches, off)))
    got = f(AL, Y, caches, activations, cost)
    parts = check_output(got, expected, as_dict(grad_keys(L), "grads"), m=m, mistakes=mistakes,
                         function=FUNCTION)
    if cost == "CE" and _divides_by_y(got, AL, Y, caches, (activations, off)):
        parts = [Part(p.name, p.ok, "") for p in parts]
        first = next(p for p in parts if not p.ok)
        first.message = (f"{FUNCTION}'s gradients are inf or NaN: {SWAP}, which for cross-entropy "
                         f"divides by Y, 0 for every example labelled 0. {CALL}")
    return Outcome(parts)


def _from(dAL, caches, activations):
    """The backward loop from a given dAL (the reference's, with the cost's step replaced)."""
    grads, dA_layer = {}, dAL
    for layer in range(len(caches), 0, -1):
        dA_layer, dW, db = ref.linear_activation_backward(dA_layer, caches[layer - 1], activations[layer - 1])
        grads[f"dA{layer - 1}"], grads[f"dW{layer}"], grads[f"db{layer}"] = dA_layer, dW, db
    return grads


def _divides_by_y(got, AL, Y, caches, activation_lists) -> bool:
    """Are the student's gradients those of the cross-entropy derivative with AL and Y swapped?"""
    if not isinstance(got, dict):
        return False
    with np.errstate(all="ignore"):
        swapped = ref.cost_derivative_ce(Y.astype(float), AL)
        for activations in activation_lists:
            want = _from(swapped, caches, activations)
            finite = all(np.all(np.isfinite(value)) for value in want.values())
            if not finite and all(_same(got.get(key), value) for key, value in want.items()):
                return True
    return False


def _same(value, want) -> bool:
    try:
        value = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return False
    return value.shape == want.shape and bool(np.allclose(value, want, equal_nan=True))


@hidden_test(A, FUNCTION, "same_activations", 1, deps=DEPS,
             description="sigmoid in every layer, MSE cost", judges_signature=True)
def lab_same_activations(f, rng):
    return _run(f, rng, ["sigmoid"] * 3, "MSE")


@hidden_test(A, FUNCTION, "mixed_mse", 2, deps=DEPS, description="relu, tanh, sigmoid; MSE cost",
             judges_signature=True)
def lab_mixed_mse(f, rng):
    return _run(f, rng, ["relu", "tanh", "sigmoid"], "MSE")


@hidden_test(A, FUNCTION, "mixed_ce", 2, deps=DEPS,
             description="relu, relu, tanh, sigmoid; cross-entropy cost", judges_signature=True)
def lab_mixed_ce(f, rng):
    return _run(f, rng, ["relu", "relu", "tanh", "sigmoid"], "CE")
