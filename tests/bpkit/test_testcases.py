"""bpkit.testcases: deterministic, non-trivial, and made by a real forward pass."""

import numpy as np
import pytest
from bpkit import testcases
from bpkit.activations import sigmoid
from bpkit.forward import forward_propagation

import autograder.reference as ref

CASES = [
    "cost_case",
    "saturated_cost_case",
    "activation_backward_case",
    "linear_backward_case",
    "linear_activation_backward_case",
    "shallow_case",
    "L_model_backward_case",
    "update_parameters_case",
    "training_case",
]


def flatten(value):
    """Every array inside a nested tuple / list / dict, in a stable order."""
    if isinstance(value, dict):
        return [a for key in sorted(value) for a in flatten(value[key])]
    if isinstance(value, tuple | list):
        return [a for item in value for a in flatten(item)]
    return [np.asarray(value)]


@pytest.mark.parametrize("name", CASES)
def test_same_seed_same_case_other_seed_other_case(name):
    case = getattr(testcases, name)
    first, again, other = flatten(case()), flatten(case()), flatten(case(seed=99))
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    assert not all(np.array_equal(a, b) for a, b in zip(first, other, strict=True))


@pytest.mark.parametrize("name", CASES)
def test_cases_leave_the_global_generator_alone(name):
    np.random.seed(123)
    expected = np.random.rand()
    np.random.seed(123)
    getattr(testcases, name)()
    assert np.random.rand() == expected


def test_cost_case():
    AL, Y = testcases.cost_case()
    assert AL.shape == Y.shape == (1, 7)
    assert np.all((AL > 0) & (AL < 1))
    assert set(np.unique(Y)) == {0, 1}


def test_saturated_cost_case_has_exact_zeros_and_ones_on_agreeing_labels():
    AL, Y = testcases.saturated_cost_case()
    assert AL.shape == Y.shape == (1, 7)
    assert np.any(AL == 0.0) and np.any(AL == 1.0)
    assert np.all(Y[AL == 1.0] == 1) and np.all(Y[AL == 0.0] == 0)
    assert np.isfinite(ref.compute_cost_ce(AL, Y))


def test_activation_backward_case_has_no_zeros():
    dA, Z = testcases.activation_backward_case()
    assert dA.shape == Z.shape == (3, 7)
    assert np.all(np.abs(Z) >= 0.05) and np.any(Z > 0) and np.any(Z < 0)


def test_linear_backward_case_shapes_and_nonzero_bias():
    dZ, (A_prev, W, b) = testcases.linear_backward_case()
    assert dZ.shape == (3, 7) and A_prev.shape == (5, 7) and W.shape == (3, 5) and b.shape == (3, 1)
    assert np.all(b != 0)


def test_linear_activation_backward_case_cache_is_real():
    dA, ((A_prev, W, b), Z) = testcases.linear_activation_backward_case()
    assert dA.shape == Z.shape == (3, 7)
    np.testing.assert_array_equal(Z, W @ A_prev + b)
    assert np.all(np.abs(Z) >= 0.05) and np.any(Z > 0) and np.any(Z < 0)


def test_shallow_case_cache_is_real():
    parameters, cache, X, Y = testcases.shallow_case()
    assert X.shape == (4, 7) and Y.shape == (1, 7)
    assert parameters["W1"].shape == (3, 4) and parameters["W2"].shape == (1, 3)
    assert np.all(parameters["b1"] != 0) and np.all(parameters["b2"] != 0)
    _, expected = forward_propagation(X, parameters)
    for key in ("Z1", "A1", "Z2", "A2"):
        np.testing.assert_array_equal(cache[key], expected[key])


@pytest.mark.parametrize("layer_dims", [(5, 4, 3, 1), (6, 2, 1)])
def test_L_model_backward_case_al_is_sigmoid_of_last_z(layer_dims):
    AL, Y, caches = testcases.L_model_backward_case(layer_dims)
    assert len(caches) == len(layer_dims) - 1 and AL.shape == Y.shape == (1, 7)
    np.testing.assert_array_equal(AL, sigmoid(caches[-1][1])[0])
    for layer, ((A_prev, W, b), Z) in enumerate(caches, start=1):
        assert W.shape == (layer_dims[layer], layer_dims[layer - 1]) and np.all(b != 0)
        np.testing.assert_array_equal(Z, W @ A_prev + b)
        if layer > 1:
            np.testing.assert_array_equal(A_prev, np.maximum(caches[layer - 2][1], 0))
    assert set(np.unique(Y)) == {0, 1}
    assert 7 not in layer_dims


def test_L_model_backward_case_runs_through_the_reference():
    AL, Y, caches = testcases.L_model_backward_case()
    grads = ref.L_model_backward(AL, Y, caches)
    assert grads["dW1"].shape == (4, 5) and grads["dA0"].shape == (5, 7)


def test_update_parameters_case_shapes_match():
    parameters, grads = testcases.update_parameters_case()
    for key, value in parameters.items():
        assert grads[f"d{key}"].shape == value.shape
    assert {"dA0", "dA1", "dA2"} <= set(grads)
    updated = ref.update_parameters(parameters, grads, 0.1)
    assert set(updated) == set(parameters)


def test_training_case_cost_falls():
    """Does a few hundred steps of gradient descent lower the cost clearly?"""
    X, Y = testcases.training_case()
    assert X.shape == (6, 40) and Y.shape == (1, 40)
    assert 0.3 < Y.mean() < 0.7
    _, costs = ref.L_layer_model(X, Y, [6, 4, 1], learning_rate=0.1, num_iterations=300)
    assert costs[-1] < 0.6 * costs[0]
