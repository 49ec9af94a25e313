"""Hidden tests of 04_update_rule."""

from autograder import reference as ref

from ..cases import deep_case
from ..compare import Mistake, as_dict, check_output
from ..outcome import Outcome
from ..registry import hidden_test
from ..search import Problem

A = "04_update_rule"


def _run(f, rng, num_layers):
    _, _, Y, parameters, AL, caches = deep_case(rng, num_layers)
    grads = ref.L_model_backward(AL, Y, caches)
    lr = float(rng.choice([0.05, 0.1, 0.3, 0.75]))
    expected = ref.update_parameters(parameters, grads, lr)
    names = [f"{p}{l}" for l in range(1, num_layers + 1) for p in ("W", "b")]

    def variant(step):
        return {k: parameters[k] - step(k) for k in names}

    mistakes = [
        Mistake("plus", "{name} move{s} uphill: the update is theta - learning_rate * dtheta (a minus).",
                lambda: variant(lambda k: -lr * grads["d" + k])),
        Mistake("unchanged", "{name} {is_} unchanged: update every W and every b, for l = 1 .. L "
                "(the biases and the last layer too).", lambda: {k: parameters[k] for k in names}),
        Mistake("repeated", f"{{name}} took {num_layers} steps: the update was applied once per layer inside "
                "a nested loop; update each parameter once.",
                lambda: variant(lambda k: num_layers * lr * grads["d" + k])),
        Mistake("no_rate", "{name} ignore{s} the learning rate: multiply the gradient by learning_rate.",
                lambda: variant(lambda k: grads["d" + k])),
    ]
    got = f(parameters, grads, lr)
    return Outcome(check_output(got, expected, as_dict(names, "the returned parameters"), mistakes=mistakes,
                                function="update_parameters",
                                search=Problem(ref.update_parameters, (parameters, grads, lr))))


@hidden_test(A, "update_parameters", "two_layers", 2)
def two_layers(f, rng):
    return _run(f, rng, 2)


@hidden_test(A, "update_parameters", "four_layers", 3)
def four_layers(f, rng):
    return _run(f, rng, 4)
