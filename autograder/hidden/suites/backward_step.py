"""Hidden tests of 02_backward_step."""

import numpy as np

from autograder import reference as ref

from ..cases import away_from_zero, batch_size, distinct_sizes, labels, linear_case
from ..compare import NO_MEAN, Mistake, as_array, as_dict, as_tuple, check_output
from ..outcome import Outcome
from ..registry import hidden_test
from ..search import Problem

A = "02_backward_step"
LINEAR_DEPS = ("linear_backward", "relu_backward", "sigmoid_backward", "tanh_backward")
LINEAR_PARTS = ("dA_prev", "dW", "db")


def _activation_case(rng):
    n = distinct_sizes(rng, 1, 2, 6)[0]
    m = batch_size(rng, (n,))
    return rng.standard_normal((n, m)), away_from_zero(rng, (n, m)), m


def _sig(Z):
    return 1 / (1 + np.exp(-Z))


@hidden_test(A, "sigmoid_backward", "random", 2)
def sigmoid_backward(f, rng):
    dA, Z, m = _activation_case(rng)
    s = _sig(Z)
    return Outcome(check_output(f(dA, Z), ref.sigmoid_backward(dA, Z), as_array("dZ"), mistakes=[
        Mistake("z_as_a", "{name} treat{s} the cache Z as if it were A = sigmoid(Z): compute s = sigmoid(Z) first, "
                "then dZ = dA * s * (1 - s).", lambda: dA * Z * (1 - Z)),
        Mistake("sigmoid_of_a", "{name} appl{ies} the sigmoid twice: the cache already is Z, so s = sigmoid(Z).",
                lambda: dA * _sig(s) * (1 - _sig(s))),
        Mistake("no_da", "{name} {is_} the local derivative alone: multiply it by dA (chain rule).",
                lambda: s * (1 - s)),
        Mistake("no_one_minus", "{name} use{s} s instead of s * (1 - s): sigmoid'(Z) = s (1 - s).",
                lambda: dA * s),
        Mistake("tanh_formula", "{name} use{s} the tanh derivative 1 - s**2: the sigmoid's "
                "derivative is s * (1 - s).", lambda: dA * (1 - s**2)),
    ], function="sigmoid_backward", search=Problem(ref.sigmoid_backward, (dA, Z))))


@hidden_test(A, "relu_backward", "random", 2)
def relu_backward(f, rng):
    dA, Z, m = _activation_case(rng)
    return Outcome(check_output(f(dA, Z), ref.relu_backward(dA, Z), as_array("dZ"), mistakes=[
        Mistake("gate_on_da", "{name} keep{s} dA where dA > 0: the gate is where Z > 0 (Z is the cache).",
                lambda: np.where(dA > 0, dA, 0.0)),
        Mistake("times_relu", "{name} multipl{ies} dA by relu(Z) itself: relu'(Z) is 1 where Z > 0 "
                "and 0 elsewhere.", lambda: dA * np.maximum(Z, 0)),
        Mistake("identity", "{name} pass{es} dA through unchanged: set it to 0 where Z <= 0.",
                lambda: dA),
        Mistake("inverted", "{name} keep{s} dA where Z < 0: relu passes gradients only where Z > 0.",
                lambda: np.where(Z < 0, dA, 0.0)),
        Mistake("no_da", "{name} {is_} the local derivative alone (1 where Z > 0, 0 elsewhere): "
                "multiply it by dA (chain rule).", lambda: (Z > 0).astype(float)),
    ], function="relu_backward", search=Problem(ref.relu_backward, (dA, Z))))


@hidden_test(A, "tanh_backward", "random", 2)
def tanh_backward(f, rng):
    dA, Z, m = _activation_case(rng)
    t = np.tanh(Z)
    return Outcome(check_output(f(dA, Z), ref.tanh_backward(dA, Z), as_array("dZ"), mistakes=[
        Mistake("z_as_a", "{name} use{s} 1 - Z**2: the cache is Z, so use 1 - tanh(Z)**2.",
                lambda: dA * (1 - Z**2)),
        Mistake("no_square", "{name} use{s} 1 - tanh(Z): tanh'(Z) = 1 - tanh(Z)**2.",
                lambda: dA * (1 - t)),
        Mistake("no_da", "{name} {is_} the local derivative alone: multiply it by dA (chain rule).",
                lambda: 1 - t**2),
        Mistake("sigmoid_formula", "{name} use{s} the sigmoid's derivative formula t * (1 - t): "
                "tanh'(Z) = 1 - tanh(Z)**2.",
                lambda: dA * t * (1 - t)),
        Mistake("tanh_twice", "{name} appl{ies} tanh twice: the cache already is Z, so "
                "t = tanh(Z) and dZ = dA * (1 - t**2).", lambda: dA * (1 - np.tanh(t) ** 2)),
    ], function="tanh_backward", search=Problem(ref.tanh_backward, (dA, Z))))


def _linear_mistakes(dZ, cache, m):
    """Each variant is wrong in its own way on every part it changes, so none hides another.

    The mistakes are recognised part by part: a student who forgets the 1/m in dW only gets the
    "no_mean" explanation for dW and full credit for db.
    """
    A_prev, W, b = cache
    dW, db = dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m
    rows = A_prev.shape[0]
    return [
        Mistake("dA_averaged", "{name} {is_} m = {m} times too small: only dW and db are averaged over the batch; "
                "dA_prev = W.T @ dZ has no 1/m.", lambda: (W.T @ dZ / m, dW, db)),
        Mistake("no_mean", NO_MEAN,
                lambda: (W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True))),
        Mistake("db_mean_all", "{name} average{s} over every entry: db is the row sums of dZ divided by m, "
                "np.sum(dZ, axis=1, keepdims=True) / m.", lambda: (W.T @ dZ, dW, np.full_like(db, dZ.mean()))),
        Mistake("dA_sign", "{name} {has} the wrong sign: dA_prev = W.T @ dZ, with no minus.",
                lambda: (-(W.T @ dZ), dW, db)),
        Mistake("m_from_rows", "{name} {is_} divided by the number of rows of A_prev instead of "
                "the number of examples: m = A_prev.shape[1] (one column per example).",
                lambda: (W.T @ dZ, dZ @ A_prev.T / rows, np.sum(dZ, axis=1, keepdims=True) / rows)),
    ]


@hidden_test(A, "linear_backward", "random", 3)
def linear_backward(f, rng):
    dZ, cache, m = linear_case(rng)
    return Outcome(check_output(f(dZ, cache), ref.linear_backward(dZ, cache), as_tuple(*LINEAR_PARTS), m=m,
                                mistakes=_linear_mistakes(dZ, cache, m), function="linear_backward",
                                search=Problem(ref.linear_backward, (dZ, cache))))


def _layer_case(rng, activation):
    dZ, linear_cache, m = linear_case(rng)
    A_prev, W, b = linear_cache
    A, cache = ref.linear_activation_forward(A_prev, W, b, activation)
    dA = rng.standard_normal(A.shape)
    return dA, cache, m


def _linear_activation(f, rng, activation):
    dA, cache, m = _layer_case(rng, activation)
    others = [a for a in ("relu", "sigmoid", "tanh") if a != activation]
    mistakes = [
        Mistake(f"as_{other}", f"{{name}} match{{es}} the {other} derivative: for activation={activation!r} call "
                f"{activation}_backward.", lambda other=other: ref.linear_activation_backward(dA, cache, other))
        for other in others
    ]
    linear_cache, Z = cache
    A = ref.get_activation(activation).forward(Z)[0]
    backward = ref.get_activation(activation).backward
    derivative = f"dZ = {activation}_backward(dA, activation_cache)"
    mistakes += [
        Mistake("no_activation", "{name} skip{s} the activation's derivative: compute "
                f"{derivative} before linear_backward.",
                lambda: ref.linear_backward(dA, linear_cache)),
        Mistake("times_activation", "{name} match{es} dZ = dA * A, the activation itself: "
                f"multiply by its derivative instead, {derivative}.",
                lambda: ref.linear_backward(dA * A, linear_cache)),
    ]
    if activation != "relu":  # relu'(A) = relu'(Z): the same values, no mistake to tell
        mistakes.append(Mistake(
            "derivative_at_a", f"{{name}} match{{es}} the derivative taken at A = {activation}(Z): "
            f"the activation cache already is Z, pass it to {activation}_backward as it is.",
            lambda: ref.linear_backward(backward(dA, A), linear_cache)))
    return Outcome(check_output(f(dA, cache, activation), ref.linear_activation_backward(dA, cache, activation),
                                as_tuple(*LINEAR_PARTS), m=m, mistakes=mistakes,
                                function="linear_activation_backward",
                                search=Problem(ref.linear_activation_backward, (dA, cache, activation))))


@hidden_test(A, "linear_activation_backward", "relu", 2, deps=LINEAR_DEPS)
def linear_activation_backward_relu(f, rng):
    return _linear_activation(f, rng, "relu")


@hidden_test(A, "linear_activation_backward", "sigmoid", 2, deps=LINEAR_DEPS)
def linear_activation_backward_sigmoid(f, rng):
    return _linear_activation(f, rng, "sigmoid")


@hidden_test(A, "linear_activation_backward", "tanh", 1, deps=LINEAR_DEPS)
def linear_activation_backward_tanh(f, rng):
    return _linear_activation(f, rng, "tanh")


@hidden_test(A, "backward_propagation", "random", 4)
def backward_propagation(f, rng):
    n_x, n_h = distinct_sizes(rng, 2, 3, 7)
    m = batch_size(rng, (n_x, n_h))
    X, Y = rng.standard_normal((n_x, m)), labels(rng, m)
    parameters = {
        "W1": rng.standard_normal((n_h, n_x)) * 0.8, "b1": rng.uniform(0.1, 0.5, (n_h, 1)),
        "W2": rng.standard_normal((1, n_h)) * 0.8, "b2": rng.uniform(-0.5, -0.1, (1, 1)),
    }
    _, cache = ref.forward_propagation(X, parameters)
    expected = ref.backward_propagation(parameters, cache, X, Y)
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    W2 = parameters["W2"]

    def variant(dZ1):
        dZ2 = A2 - Y
        return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
                "dW2": dZ2 @ A1.T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}

    mistakes = [
        Mistake("tanh_of_z", "{name} use{s} 1 - Z1**2: the tanh derivative is 1 - A1**2 (A1 = tanh(Z1)).",
                lambda: variant((W2.T @ (A2 - Y)) * (1 - Z1**2))),
        Mistake("no_square", "{name} use{s} 1 - A1: the tanh derivative is 1 - A1**2.",
                lambda: variant((W2.T @ (A2 - Y)) * (1 - A1))),
        Mistake("sigmoid_hidden", "{name} use{s} the sigmoid derivative A1 * (1 - A1): the hidden layer is tanh, "
                "so use 1 - A1**2.", lambda: variant((W2.T @ (A2 - Y)) * A1 * (1 - A1))),
        Mistake("sign", "{name} {has} the wrong sign: dZ2 = A2 - Y, not Y - A2.",
                lambda: {k: -v for k, v in expected.items()}),
        Mistake("no_mean", "{name} {is_} m = {m} times too large: dW and db are averaged over the "
                "m examples, divide by m.", lambda: {k: m * v for k, v in expected.items()}),
        Mistake("dW2_for_W2", "{name} use{s} dW2.T where W2.T belongs: "
                "dZ1 = W2.T @ dZ2 * (1 - A1**2).",
                lambda: variant(((A2 - Y) @ A1.T / m).T @ (A2 - Y) * (1 - A1**2))),
        Mistake("no_W2", "{name} skip{s} W2: the gradient reaches the hidden layer through the "
                "weights, dZ1 = W2.T @ dZ2 * (1 - A1**2).",
                lambda: variant((A2 - Y) * (1 - A1**2))),
    ]
    return Outcome(check_output(f(parameters, cache, X, Y), expected, as_dict(("dW1", "db1", "dW2", "db2")),
                                m=m, mistakes=mistakes, function="backward_propagation",
                                search=Problem(ref.backward_propagation, (parameters, cache, X, Y))))
