"""Hidden tests of 03_L_model_backward."""

from autograder import reference as ref

from ..cases import deep_case
from ..compare import Mistake, as_dict, check_output
from ..outcome import Outcome
from ..registry import hidden_test
from ..search import Problem

A = "03_L_model_backward"
DEPS = ("linear_activation_backward", "linear_backward", "relu_backward", "sigmoid_backward")


def grad_keys(L):
    """The gradients in the order backpropagation produces them: layer L first."""
    return [key for l in range(L, 0, -1) for key in (f"dW{l}", f"db{l}", f"dA{l - 1}")]


def _backward(dAL, caches, activations=None, stale=False):
    """The backward loop from ``dAL`` with the given activations (default: relu..., sigmoid).

    ``stale``: every layer is fed dAL instead of the dA_prev of the layer above (broadcast).
    """
    L = len(caches)
    activations = activations or ["relu"] * (L - 1) + ["sigmoid"]
    grads, dA = {}, dAL
    for l in range(L, 0, -1):
        dA_prev, grads[f"dW{l}"], grads[f"db{l}"] = ref.linear_activation_backward(
            dAL if stale else dA, caches[l - 1], activations[l - 1])
        grads[f"dA{l - 1}"] = dA = dA_prev
    return grads


def _sigmoid_everywhere(AL, Y, caches):
    return _backward(ref.cost_derivative_ce(AL, Y), caches, ["sigmoid"] * len(caches))


def _relu_everywhere(AL, Y, caches):
    return _backward(ref.cost_derivative_ce(AL, Y), caches, ["relu"] * len(caches))


def _shifted_keys(grads, L):
    shifted = {k: v for k, v in grads.items() if not k.startswith("dA")}
    shifted.update({f"dA{l}": grads[f"dA{l - 1}"] for l in range(1, L + 1)})
    return shifted


def _run(f, rng, num_layers):
    _, _, Y, _, AL, caches = deep_case(rng, num_layers)
    m = Y.shape[1]
    expected = ref.L_model_backward(AL, Y, caches)
    mistakes = [
        Mistake("sigmoid_everywhere", "{name} match{es} a network with sigmoid in every layer: the hidden layers "
                "are relu, only layer L uses sigmoid.", lambda: _sigmoid_everywhere(AL, Y, caches)),
        Mistake("relu_everywhere", "{name} match{es} a network with relu in every layer: the output layer L "
                "uses sigmoid.", lambda: _relu_everywhere(AL, Y, caches)),
        Mistake("shifted", "{name} hold{s} the gradient meant for the key one lower: grads['dA' + str(l - 1)] "
                "stores the dA_prev returned by layer l.", lambda: _shifted_keys(expected, num_layers)),
        Mistake("sign", "{name} {has} the wrong sign: dAL = -(Y/AL - (1 - Y)/(1 - AL)).",
                lambda: {k: -v for k, v in expected.items()}),
        Mistake("dz_as_dal", "{name} match{es} dAL = AL - Y passed to the sigmoid layer: AL - Y is "
                "already dZ of layer L, so the sigmoid's derivative is applied twice. Start from "
                "dAL = -(Y/AL - (1 - Y)/(1 - AL)).", lambda: _backward(AL - Y, caches)),
        Mistake("stale_dA", "{name} match{es} every layer fed dAL: pass each layer the dA_prev "
                "returned by the layer above it (grads['dA' + str(l)] for layer l).",
                lambda: _backward(ref.cost_derivative_ce(AL, Y), caches, stale=True)),
    ]
    parts = check_output(f(AL, Y, caches), expected, as_dict(grad_keys(num_layers), "grads"), m=m,
                         mistakes=mistakes, function="L_model_backward",
                         search=Problem(ref.L_model_backward, (AL, Y, caches)))
    first = next((p for p in parts if not p.ok and p.message), None)
    # Like a gradient check walking down the network: where does it first go wrong?
    lead = "" if first is None or "L_model_backward" in first.message else (
        f"Walking down from layer {num_layers}, the first gradient that differs is {first.name}.")
    return Outcome(parts, lead=lead)


@hidden_test(A, "L_model_backward", "two_layers", 3, deps=DEPS)
def two_layers(f, rng):
    return _run(f, rng, 2)


@hidden_test(A, "L_model_backward", "four_layers", 4, deps=DEPS)
def four_layers(f, rng):
    return _run(f, rng, 4)
