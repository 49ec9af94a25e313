"""Hidden tests of 05_cat_dog_classifier."""

import numpy as np

from autograder import reference as ref

from ..cases import dense_parameters, distinct_sizes
from ..compare import Layout, LayoutError, Mistake, as_array, check_output
from ..outcome import Outcome
from ..registry import hidden_test
from ..search import Problem

A = "05_cat_dog_classifier"
TRAINING_BUDGET = 40  # alternatives tried for a wrong L_layer_model, each one a training run
TRAINING_DEPS = (
    "initialize_parameters_deep", "L_model_forward", "compute_cost", "L_model_backward", "update_parameters",
)


def _training_layout(L):
    names = ("costs",) + tuple(f"{p}{l}" for l in range(1, L + 1) for p in ("W", "b"))

    def split(out):
        if not isinstance(out, tuple | list) or len(out) != 2:
            raise LayoutError("should return (parameters, costs).")
        parameters, costs = out
        if not isinstance(parameters, dict):
            raise LayoutError("should return (parameters, costs) with parameters a dict; "
                              f"got a {type(parameters).__name__} first.")
        return {"costs": costs, **{k: parameters.get(k) for k in names[1:]}}

    return Layout(split, names)


def _problem(rng):
    n_x = int(rng.integers(6, 10))
    m = int(rng.integers(24, 40))
    X = rng.standard_normal((n_x, m))
    w = rng.standard_normal((1, n_x))
    Y = (w @ X + 0.3 * rng.standard_normal((1, m)) > 0).astype(float)
    return X, Y


@hidden_test(A, "L_layer_model", "small_network", 4, deps=TRAINING_DEPS)
def l_layer_model(f, rng):
    X, Y = _problem(rng)
    hidden = distinct_sizes(rng, 2, 2, 5, avoid=(X.shape[0],))
    layers_dims = [X.shape[0], *hidden, 1]
    lr = float(rng.choice([0.05, 0.1, 0.2]))
    iterations = int(rng.choice([201, 301, 350]))
    expected = ref.L_layer_model(X, Y, layers_dims, lr, iterations, False)
    got = f(X, Y, layers_dims, lr, iterations, False)
    mistakes = [
        Mistake("every_iteration", "{name} record{s} a cost at every iteration: keep the costs of iterations "
                "0, 100, 200, ... only.",
                lambda: (expected[0], _train(X, Y, layers_dims, lr, iterations, every=1)[1])),
        Mistake("after_update", "{name} {is_} one step late: record the cost of the forward pass "
                "made at the start of the iteration, before update_parameters changes the "
                "parameters.",
                lambda: _train(X, Y, layers_dims, lr, iterations, after_update=True)),
        Mistake("not_assigned", "{name} never change{s}: update_parameters returns the new "
                "parameters, so keep its result, "
                "parameters = update_parameters(parameters, grads, learning_rate).",
                lambda: _train(X, Y, layers_dims, lr, iterations, assign=False)),
        Mistake("fixed_rate", "{name} match{es} training with the default learning rate 0.0075: "
                "pass the learning_rate argument on to update_parameters.",
                lambda: _train(X, Y, layers_dims, 0.0075, iterations)),
    ]
    # Every alternative is a training run: inputs are data, not perturbed, and few are tried.
    search = Problem(ref.L_layer_model, (X, Y, layers_dims, lr, iterations, False), perturb_inputs=False,
                     budget=TRAINING_BUDGET)
    return Outcome(check_output(got, expected, _training_layout(len(layers_dims) - 1), mistakes=mistakes,
                                function="L_layer_model", search=search))


def _train(X, Y, layers_dims, lr, iterations, *, every=100, after_update=False, assign=True):
    """The training loop with a typical slip: (parameters, costs)."""
    parameters = ref.initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(iterations):
        AL, caches = ref.L_model_forward(X, parameters)
        cost = ref.compute_cost(AL, Y)
        updated = ref.update_parameters(parameters, ref.L_model_backward(AL, Y, caches), lr)
        if assign:
            parameters = updated
        if i % every == 0:
            if after_update:
                cost = ref.compute_cost(ref.L_model_forward(X, parameters)[0], Y)
            costs.append(cost)
    return parameters, costs


@hidden_test(A, "predict", "random", 2, deps=("L_model_forward",))
def predict(f, rng):
    n_x = int(rng.integers(5, 9))
    m = int(rng.integers(15, 30))
    layer_dims = [n_x, *distinct_sizes(rng, 2, 2, 6, avoid=(n_x,)), 1]
    parameters = dense_parameters(rng, layer_dims, scale=1.0)
    X = rng.standard_normal((n_x, m))
    AL, _ = ref.L_model_forward(X, parameters)
    # keep probabilities away from the threshold so rounding never decides
    X = X[:, np.abs(AL[0] - 0.5) > 0.02]
    expected = ref.predict(X, parameters)
    mistakes = [
        Mistake("inverted", "{name} {has} the classes swapped: predict 1 where the probability is > 0.5.",
                lambda: 1 - expected),
        Mistake("probabilities", "{name} hold{s} probabilities: turn them into 0/1 labels with AL > 0.5.",
                lambda: ref.L_model_forward(X, parameters)[0]),
    ]
    return Outcome(check_output(f(X, parameters), expected, as_array("predictions"), mistakes=mistakes,
                                function="predict", search=Problem(ref.predict, (X, parameters))))
