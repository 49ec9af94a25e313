"""Tests of autograder/reference/update.py: one gradient-descent step for a network of any depth."""

import copy

import numpy as np
import pytest

from autograder.reference import update_parameters

LEARNING_RATE = 0.075


def parameters_and_grads(layer_dims, seed, extra_grads=True):
    """Non-zero parameters and gradients; grads also carry the dA{l} keys L_model_backward adds."""
    rng = np.random.default_rng(seed)
    params, grads = {}, {}
    for layer in range(1, len(layer_dims)):
        n_prev, n = layer_dims[layer - 1], layer_dims[layer]
        params[f"W{layer}"] = rng.standard_normal((n, n_prev))
        params[f"b{layer}"] = rng.standard_normal((n, 1))
        grads[f"dW{layer}"] = rng.standard_normal((n, n_prev))
        grads[f"db{layer}"] = rng.standard_normal((n, 1))
        if extra_grads:
            grads[f"dA{layer - 1}"] = rng.standard_normal((n_prev, 7))
    return params, grads


DEPTHS = {
    "1-layer": [4, 1],
    "2-layer": [5, 3, 1],
    "3-layer": [6, 4, 3, 1],
    "5-layer": [8, 7, 5, 4, 2, 1],
}


@pytest.mark.parametrize("seed", [3, 11])
@pytest.mark.parametrize("depth", DEPTHS)
def test_every_parameter_takes_one_step_against_its_gradient(depth, seed):
    """Is every W{l}, b{l} replaced by W{l} - lr * dW{l}, b{l} - lr * db{l}, at any depth?"""
    params, grads = parameters_and_grads(DEPTHS[depth], seed)
    updated = update_parameters(params, grads, LEARNING_RATE)
    assert set(updated) == set(params)
    for key, value in params.items():
        assert updated[key].shape == value.shape
        np.testing.assert_allclose(
            updated[key], value - LEARNING_RATE * grads[f"d{key}"], rtol=1e-14, err_msg=key
        )


@pytest.mark.parametrize("depth", DEPTHS)
def test_returns_a_new_dict_and_leaves_its_inputs_untouched(depth, assert_unchanged):
    """Is the result a new dict, with params and grads (and their arrays) left as they were?"""
    params, grads = parameters_and_grads(DEPTHS[depth], 5)
    before = copy.deepcopy((params, grads))
    updated = update_parameters(params, grads, LEARNING_RATE)
    assert updated is not params
    assert all(updated[key] is not params[key] for key in params)
    assert_unchanged(before, (params, grads), "update_parameters arguments")


def test_learning_rate_zero_changes_nothing_and_a_negative_rate_climbs():
    """Does lr = 0 keep every value, and does the step scale linearly with the learning rate?"""
    params, grads = parameters_and_grads(DEPTHS["3-layer"], 9, extra_grads=False)
    still = update_parameters(params, grads, 0.0)
    down = update_parameters(params, grads, 0.5)
    up = update_parameters(params, grads, -0.5)
    for key in params:
        np.testing.assert_array_equal(still[key], params[key])
        np.testing.assert_allclose((up[key] + down[key]) / 2, params[key], rtol=1e-14, atol=1e-15)
