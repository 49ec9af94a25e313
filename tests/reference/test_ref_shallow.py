"""Tests of autograder/reference/shallow.py: LINEAR -> TANH -> LINEAR -> SIGMOID, cross-entropy.

Parameters are drawn at a realistic scale (not the 0.01 initialisation) with non-zero biases, so
every term of the backward pass matters; gradients are checked against central differences of
the cross-entropy cost J of the forward pass.
"""

import copy

import numpy as np
import pytest
from bpkit.gradcheck import check_gradient, numerical_gradient

from autograder.reference import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters_shallow,
    linear_activation_backward,
    linear_activation_forward,
)

SEEDS = [3, 11, 2024]
N_X, N_H, M = 4, 6, 9  # W1 (6, 4), W2 (1, 6); m = 9 differs from every width
KEYS = {"dW1", "db1", "dW2", "db2"}


def shallow_problem(seed, m=M):
    """(X, Y, parameters) with unit-scale weights, non-zero biases and both labels in Y."""
    rng = np.random.default_rng(seed)
    parameters = {
        "W1": rng.standard_normal((N_H, N_X)) / np.sqrt(N_X),
        "b1": 0.5 * rng.standard_normal((N_H, 1)),
        "W2": rng.standard_normal((1, N_H)) / np.sqrt(N_H),
        "b2": 0.5 * rng.standard_normal((1, 1)),
    }
    X = rng.standard_normal((N_X, m))
    Y = rng.permutation(np.arange(m) % 2).reshape(1, m).astype(float)
    return X, Y, parameters


@pytest.mark.parametrize("seed", SEEDS)
def test_backward_propagation_matches_finite_differences(seed):
    """Are dW1, db1, dW2, db2 the gradients of the cross-entropy cost of forward_propagation?"""
    X, Y, parameters = shallow_problem(seed)
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)

    def J():
        return compute_cost(forward_propagation(X, parameters)[0], Y)

    for name in ("W1", "b1", "W2", "b2"):
        check_gradient(f"d{name}", grads[f"d{name}"], numerical_gradient(J, parameters[name]))


def test_grads_hold_exactly_the_four_keys_with_the_right_shapes():
    """Are the keys exactly dW1, db1, dW2, db2, each shaped like its parameter?"""
    X, Y, parameters = shallow_problem(1)
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    assert set(grads) == KEYS
    for name in ("W1", "b1", "W2", "b2"):
        assert grads[f"d{name}"].shape == parameters[name].shape


@pytest.mark.parametrize("seed", SEEDS)
def test_backward_propagation_agrees_with_the_generic_layer_functions(seed):
    """Does it equal dZ2 = A2 - Y through the sigmoid layer, then the generic tanh layer?"""
    X, Y, parameters = shallow_problem(seed)
    A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "tanh")
    A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
    dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
    _, dW1, db1 = linear_activation_backward(dA1, cache1, "tanh")

    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    for key, value in {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}.items():
        np.testing.assert_allclose(grads[key], value, rtol=1e-9, atol=1e-13, err_msg=key)


def test_forward_propagation_caches_Z1_A1_Z2_A2():
    """Does forward_propagation return A2 and a cache of Z1, A1 = tanh(Z1), Z2, A2 = sigmoid(Z2)?"""
    X, _, p = shallow_problem(2)
    A2, cache = forward_propagation(X, p)
    assert set(cache) >= {"Z1", "A1", "Z2", "A2"}
    Z1 = p["W1"] @ X + p["b1"]
    Z2 = p["W2"] @ np.tanh(Z1) + p["b2"]
    np.testing.assert_allclose(cache["Z1"], Z1, rtol=1e-12)
    np.testing.assert_allclose(cache["A1"], np.tanh(Z1), rtol=1e-12)
    np.testing.assert_allclose(cache["Z2"], Z2, rtol=1e-12)
    np.testing.assert_allclose(cache["A2"], 1 / (1 + np.exp(-Z2)), rtol=1e-12)
    np.testing.assert_array_equal(A2, cache["A2"])
    assert A2.shape == (1, M)


def test_initialize_parameters_shallow_shapes_and_zero_biases():
    """Are W1 (n_h, n_x), W2 (n_y, n_h) small and random, b1, b2 zero, the same on every call?"""
    parameters = initialize_parameters_shallow(N_X, N_H, 1)
    again = initialize_parameters_shallow(N_X, N_H, 1)
    shapes = {"W1": (N_H, N_X), "b1": (N_H, 1), "W2": (1, N_H), "b2": (1, 1)}
    assert {k: v.shape for k, v in parameters.items()} == shapes
    assert np.all(parameters["b1"] == 0) and np.all(parameters["b2"] == 0)
    assert 0 < np.max(np.abs(parameters["W1"])) < 0.1
    for key in shapes:
        np.testing.assert_array_equal(parameters[key], again[key])


@pytest.mark.parametrize("seed", SEEDS)
def test_backward_propagation_is_invariant_to_duplicating_the_batch(seed):
    """With X and Y repeated twice, are all four gradients unchanged?"""
    X, Y, parameters = shallow_problem(seed)
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    X2, Y2 = np.hstack([X, X]), np.hstack([Y, Y])
    _, cache2 = forward_propagation(X2, parameters)
    grads2 = backward_propagation(parameters, cache2, X2, Y2)
    for key in KEYS:
        np.testing.assert_allclose(grads2[key], grads[key], rtol=1e-10, atol=1e-15, err_msg=key)


def test_no_input_is_mutated(assert_unchanged):
    """Do forward_propagation and backward_propagation leave their arguments untouched?"""
    X, Y, parameters = shallow_problem(7)
    before = copy.deepcopy((X, parameters))
    _, cache = forward_propagation(X, parameters)
    assert_unchanged(before, (X, parameters), "forward_propagation arguments")

    before = copy.deepcopy((parameters, cache, X, Y))
    backward_propagation(parameters, cache, X, Y)
    assert_unchanged(before, (parameters, cache, X, Y), "backward_propagation arguments")
