"""Tests of the reference's fast training path (train_step, input_gradient=False, in-place
updates, float32): the same numbers as the plain functions, with less work."""

import copy

import numpy as np
import pytest

from autograder.reference import (
    L_layer_model,
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters_deep,
    sigmoid,
    train_step,
    update_parameters,
    update_parameters_in_place,
)

DIMS = [9, 6, 4, 3, 1]
M = 23


@pytest.fixture
def problem():
    rng = np.random.default_rng(5)
    X = rng.standard_normal((DIMS[0], M))
    Y = (rng.random((1, M)) > 0.5).astype(float)
    parameters = initialize_parameters_deep(DIMS)
    for key in parameters:
        parameters[key] = parameters[key] + 0.1 * rng.standard_normal(parameters[key].shape)
    return X, Y, parameters


def plain_step(X, Y, parameters, rate):
    AL, caches = L_model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    return cost, update_parameters(parameters, L_model_backward(AL, Y, caches), rate)


def test_train_step_gives_the_plain_step_bit_for_bit(problem):
    X, Y, parameters = problem
    expected_cost, expected = plain_step(X, Y, parameters, 0.1)
    fast = copy.deepcopy(parameters)
    assert train_step(X, Y, fast, 0.1) == expected_cost
    for key in expected:
        assert np.array_equal(fast[key], expected[key]), key


def test_backward_without_input_gradient_only_drops_dA0(problem):
    X, Y, parameters = problem
    AL, caches = L_model_forward(X, parameters)
    full = L_model_backward(AL, Y, caches)
    lean = L_model_backward(AL, Y, caches, input_gradient=False)
    assert set(full) - set(lean) == {"dA0"}
    for key in lean:
        assert np.array_equal(lean[key], full[key]), key


def test_in_place_update_matches_the_copying_one_and_writes_into_params(problem):
    X, Y, parameters = problem
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)
    expected = update_parameters(parameters, grads, 0.3)
    W1 = parameters["W1"]
    updated = update_parameters_in_place(parameters, grads, 0.3)
    assert updated is parameters and updated["W1"] is W1
    for key in expected:
        assert np.array_equal(updated[key], expected[key]), key


def test_L_layer_model_is_unchanged_by_the_fast_path(problem):
    """The loop the hidden tests compare students with: costs and parameters as the plain loop."""
    X, Y, _ = problem
    parameters, costs = L_layer_model(X, Y, DIMS, 0.1, 201)
    expected = initialize_parameters_deep(DIMS)
    expected_costs = []
    for i in range(201):
        cost, expected = plain_step(X, Y, expected, 0.1)
        if i % 100 == 0:
            expected_costs.append(cost)
    assert costs == expected_costs
    for key in expected:
        assert np.array_equal(parameters[key], expected[key]), key


def test_float32_stays_float32(problem):
    X, Y, _ = problem
    assert sigmoid(np.zeros((1, 3), np.float32))[0].dtype == np.float32
    assert sigmoid(np.zeros((1, 3), int))[0].dtype == np.float64
    parameters, costs = L_layer_model(X, Y, DIMS, 0.1, 201, dtype=np.float32)
    assert all(p.dtype == np.float32 for p in parameters.values())
    reference, reference_costs = L_layer_model(X, Y, DIMS, 0.1, 201)
    assert np.allclose(costs, reference_costs, rtol=1e-4)
