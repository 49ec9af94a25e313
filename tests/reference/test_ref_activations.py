"""Tests of autograder/reference/activations.py: sigmoid, relu, tanh and their backward steps.

Every backward function is checked against central differences of sum(dA * g(Z)), whose
gradient with respect to Z is exactly dZ = dA * g'(Z); a few closed forms pin the values.
"""

import copy
import warnings

import numpy as np
import pytest
from bpkit.gradcheck import check_gradient, numerical_gradient

from autograder.reference import (
    ACTIVATIONS,
    get_activation,
    relu,
    relu_backward,
    sigmoid,
    sigmoid_backward,
    tanh,
    tanh_backward,
)

SEEDS = [3, 11, 2024]
SHAPE = (4, 7)  # (n_l, m), non-square

# Independent formulas (plain numpy), used as oracles for the reference functions.
NUMPY_FORWARD = {
    "sigmoid": lambda Z: 1.0 / (1.0 + np.exp(-Z)),
    "relu": lambda Z: np.maximum(Z, 0.0),
    "tanh": np.tanh,
}
FORWARD = {"sigmoid": sigmoid, "relu": relu, "tanh": tanh}
BACKWARD = {"sigmoid": sigmoid_backward, "relu": relu_backward, "tanh": tanh_backward}


def z_away_from_zero(rng, shape, margin=0.1):
    """Z with |Z| in [margin, 2.5] and both signs: never near relu's kink at 0."""
    return rng.uniform(margin, 2.5, shape) * rng.choice([-1.0, 1.0], shape)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_backward_matches_finite_differences(name, seed):
    """Is <name>_backward(dA, Z) the gradient of sum(dA * g(Z)) with respect to Z?"""
    rng = np.random.default_rng(seed)
    Z = z_away_from_zero(rng, SHAPE)
    dA = rng.standard_normal(SHAPE)
    g = NUMPY_FORWARD[name]

    numeric = numerical_gradient(lambda: np.sum(dA * g(Z)), Z)

    dZ = BACKWARD[name](dA, Z)
    assert dZ.shape == SHAPE
    check_gradient(f"dZ = {name}_backward(dA, Z)", dZ, numeric)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_forward_matches_formula_and_returns_z_as_cache(name, seed):
    """Does <name>(Z) return (g(Z), Z), the Coursera (A, cache) pair?"""
    rng = np.random.default_rng(seed)
    Z = 3 * rng.standard_normal(SHAPE)
    A, cache = FORWARD[name](Z)
    np.testing.assert_allclose(A, NUMPY_FORWARD[name](Z), rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(cache, Z)


def test_sigmoid_derivative_at_zero_is_one_quarter():
    """Is sigmoid'(0) = 1/4, so that sigmoid_backward(dA, 0) = dA / 4?"""
    dA = np.array([[1.0, -2.0, 0.5], [3.0, 0.25, -1.5]])
    np.testing.assert_allclose(sigmoid_backward(dA, np.zeros_like(dA)), dA / 4, rtol=1e-15)


def test_tanh_derivative_at_zero_is_one():
    """Is tanh'(0) = 1, so that tanh_backward(dA, 0) = dA?"""
    dA = np.array([[1.0, -2.0, 0.5], [3.0, 0.25, -1.5]])
    np.testing.assert_allclose(tanh_backward(dA, np.zeros_like(dA)), dA, rtol=1e-15)


def test_relu_backward_passes_dA_where_z_positive_and_zero_elsewhere():
    """Is relu_backward zero where Z < 0 (and at Z = 0) and equal to dA where Z > 0?"""
    Z = np.array([[-1.5, 0.3, -0.01, 2.0], [0.7, -3.0, 0.0, 1e-9]])
    dA = np.array([[0.4, -1.2, 2.5, 0.9], [-0.6, 1.1, 3.3, -0.8]])
    expected = np.array([[0.0, -1.2, 0.0, 0.9], [-0.6, 0.0, 0.0, -0.8]])
    np.testing.assert_array_equal(relu_backward(dA, Z), expected)


def test_sigmoid_is_finite_and_silent_for_large_inputs():
    """Does sigmoid stay in [0, 1] without an overflow warning at |Z| = 1000?"""
    Z = np.array([[-1000.0, -50.0, 0.0, 50.0, 1000.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        A, _ = sigmoid(Z)
        dZ = sigmoid_backward(np.ones_like(Z), Z)
    np.testing.assert_allclose(A, [[0.0, 0.0, 0.5, 1.0, 1.0]], atol=1e-21)
    assert np.all(np.isfinite(dZ))


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_registry_pairs_each_forward_with_its_backward(name):
    """Does get_activation(name) give the (forward, backward) pair of that activation?"""
    pair = get_activation(name)
    assert pair.forward is FORWARD[name]
    assert pair.backward is BACKWARD[name]
    forward, backward = pair  # still a plain tuple
    assert (forward, backward) == (FORWARD[name], BACKWARD[name])


@pytest.mark.parametrize("bad", ["softmax", "ReLU", "", None])
def test_unknown_activation_raises_value_error_listing_the_choices(bad):
    """Does an unknown activation name raise a ValueError that lists every valid choice?"""
    with pytest.raises(ValueError) as info:
        get_activation(bad)
    message = str(info.value)
    for choice in ("relu", "sigmoid", "tanh"):
        assert choice in message
    assert set(ACTIVATIONS) == {"relu", "sigmoid", "tanh"}


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_no_input_is_mutated(name, assert_unchanged):
    """Do the forward and backward functions leave their input arrays untouched?"""
    rng = np.random.default_rng(5)
    Z = z_away_from_zero(rng, SHAPE)
    dA = rng.standard_normal(SHAPE)

    before = copy.deepcopy(Z)
    FORWARD[name](Z)
    assert_unchanged(before, Z, f"Z given to {name}")

    before = copy.deepcopy((dA, Z))
    BACKWARD[name](dA, Z)
    assert_unchanged(before, (dA, Z), f"(dA, cache) given to {name}_backward")
