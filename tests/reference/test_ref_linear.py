"""Tests of autograder/reference/linear.py: the linear step and the whole layer, both directions.

Gradient convention checked here: with J = (1/m) * sum(dZ * Z), dZ is the per-example upstream
gradient (m dJ/dZ), and linear_backward must return dW = dJ/dW, db = dJ/db (batch means) and
dA_prev = m dJ/dA_prev (per example, not averaged). The same holds for the layer with dA and A.
"""

import copy

import numpy as np
import pytest
from bpkit.gradcheck import check_gradient, numerical_gradient

from autograder.reference import (
    LayerCache,
    LinearCache,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
)

SEEDS = [3, 11, 2024]
N_PREV, N, M = 5, 3, 7  # W is (3, 5), m = 7 differs from both widths
ACTIVATIONS = ["relu", "sigmoid", "tanh"]
NUMPY_FORWARD = {
    "sigmoid": lambda Z: 1.0 / (1.0 + np.exp(-Z)),
    "relu": lambda Z: np.maximum(Z, 0.0),
    "tanh": np.tanh,
}
RELU_MARGIN = 1e-3


def layer_inputs(seed, m=M):
    """(A_prev, W, b, upstream) with non-zero b and Z = W A_prev + b away from 0."""
    rng = np.random.default_rng(seed)
    while True:
        A_prev = rng.standard_normal((N_PREV, m))
        W = rng.standard_normal((N, N_PREV)) / np.sqrt(N_PREV)
        b = 0.5 * rng.standard_normal((N, 1))
        if np.min(np.abs(W @ A_prev + b)) > RELU_MARGIN:
            return A_prev, W, b, rng.standard_normal((N, m))


@pytest.mark.parametrize("seed", SEEDS)
def test_linear_forward_computes_wa_plus_b_and_caches_its_inputs(seed):
    """Is Z = W A_prev + b, and is the cache a LinearCache that unpacks as (A_prev, W, b)?"""
    A_prev, W, b, _ = layer_inputs(seed)
    Z, cache = linear_forward(A_prev, W, b)
    np.testing.assert_allclose(Z, np.dot(W, A_prev) + b, rtol=1e-12)
    assert Z.shape == (N, M)
    assert isinstance(cache, LinearCache) and isinstance(cache, tuple)
    cached_A, cached_W, cached_b = cache
    assert cached_A is cache.A_prev is A_prev
    assert cached_W is cache.W is W
    assert cached_b is cache.b is b


@pytest.mark.parametrize("seed", SEEDS)
def test_linear_backward_matches_finite_differences(seed):
    """Are dW, db the gradients of J = mean(sum(dZ * Z)) and dA_prev = m dJ/dA_prev?"""
    A_prev, W, b, dZ = layer_inputs(seed)

    def J():
        return np.sum(dZ * (W @ A_prev + b)) / M

    dA_prev, dW, db = linear_backward(dZ, LinearCache(A_prev, W, b))
    assert (dA_prev.shape, dW.shape, db.shape) == ((N_PREV, M), (N, N_PREV), (N, 1))
    check_gradient("dW", dW, numerical_gradient(J, W))
    check_gradient("db", db, numerical_gradient(J, b))
    check_gradient("dA_prev", dA_prev, M * numerical_gradient(J, A_prev))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_backward_matches_finite_differences(activation, seed):
    """For each activation, are dW, db of J = mean(sum(dA * g(W A_prev + b))) right, and dA_prev?"""
    A_prev, W, b, dA = layer_inputs(seed)
    g = NUMPY_FORWARD[activation]

    def J():
        return np.sum(dA * g(W @ A_prev + b)) / M

    _, cache = linear_activation_forward(A_prev, W, b, activation)
    dA_prev, dW, db = linear_activation_backward(dA, cache, activation)
    assert (dA_prev.shape, dW.shape, db.shape) == ((N_PREV, M), (N, N_PREV), (N, 1))
    check_gradient(f"dW ({activation})", dW, numerical_gradient(J, W))
    check_gradient(f"db ({activation})", db, numerical_gradient(J, b))
    check_gradient(f"dA_prev ({activation})", dA_prev, M * numerical_gradient(J, A_prev))


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_forward_applies_the_activation_and_caches_z(activation):
    """Is A = g(W A_prev + b), with a LayerCache that unpacks as ((A_prev, W, b), Z)?"""
    A_prev, W, b, _ = layer_inputs(8)
    A, cache = linear_activation_forward(A_prev, W, b, activation)
    Z_expected = W @ A_prev + b
    np.testing.assert_allclose(A, NUMPY_FORWARD[activation](Z_expected), rtol=1e-12)
    assert isinstance(cache, LayerCache) and isinstance(cache, tuple)
    linear_cache, Z = cache
    assert linear_cache is cache.linear_cache and Z is cache.Z
    np.testing.assert_allclose(Z, Z_expected, rtol=1e-12)
    cached_A, cached_W, cached_b = linear_cache
    assert cached_A is A_prev and cached_W is W and cached_b is b


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_backward_accepts_plain_coursera_tuples(activation):
    """Does a cache built from plain tuples ((A_prev, W, b), Z) give the same gradients?"""
    A_prev, W, b, dA = layer_inputs(9)
    _, cache = linear_activation_forward(A_prev, W, b, activation)
    plain = ((A_prev, W, b), W @ A_prev + b)
    for got, want in zip(
        linear_activation_backward(dA, plain, activation),
        linear_activation_backward(dA, cache, activation),
        strict=True,
    ):
        np.testing.assert_allclose(got, want, rtol=1e-12)


def test_linear_activation_functions_reject_unknown_activations():
    """Does an unknown activation name raise a ValueError naming the valid choices?"""
    A_prev, W, b, dA = layer_inputs(4)
    _, cache = linear_activation_forward(A_prev, W, b, "relu")
    with pytest.raises(ValueError) as forward_error:
        linear_activation_forward(A_prev, W, b, "softmax")
    with pytest.raises(ValueError) as backward_error:
        linear_activation_backward(dA, cache, "softmax")
    for info in (forward_error, backward_error):
        assert all(name in str(info.value) for name in ACTIVATIONS)


@pytest.mark.parametrize("seed", SEEDS)
def test_linear_backward_is_invariant_to_duplicating_the_batch(seed):
    """With the batch repeated twice, are dW and db unchanged and dA_prev repeated per example?"""
    A_prev, W, b, dZ = layer_inputs(seed)
    dA_prev, dW, db = linear_backward(dZ, (A_prev, W, b))
    cache2 = (np.hstack([A_prev, A_prev]), W, b)
    dA_prev2, dW2, db2 = linear_backward(np.hstack([dZ, dZ]), cache2)
    np.testing.assert_allclose(dW2, dW, rtol=1e-12)
    np.testing.assert_allclose(db2, db, rtol=1e-12)
    np.testing.assert_allclose(dA_prev2[:, :M], dA_prev, rtol=1e-12)
    np.testing.assert_allclose(dA_prev2[:, M:], dA_prev, rtol=1e-12)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_backward_is_invariant_to_duplicating_the_batch(activation):
    """With the batch repeated twice, are dW, db unchanged and dA_prev repeated per example?"""
    A_prev, W, b, dA = layer_inputs(12)
    _, cache = linear_activation_forward(A_prev, W, b, activation)
    dA_prev, dW, db = linear_activation_backward(dA, cache, activation)
    _, cache2 = linear_activation_forward(np.hstack([A_prev, A_prev]), W, b, activation)
    dA_prev2, dW2, db2 = linear_activation_backward(np.hstack([dA, dA]), cache2, activation)
    np.testing.assert_allclose(dW2, dW, rtol=1e-12)
    np.testing.assert_allclose(db2, db, rtol=1e-12)
    np.testing.assert_allclose(dA_prev2, np.hstack([dA_prev, dA_prev]), rtol=1e-12)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_no_input_is_mutated(activation, assert_unchanged):
    """Do the four layer functions leave their arguments (arrays and caches) untouched?"""
    A_prev, W, b, dA = layer_inputs(21)

    before = copy.deepcopy((A_prev, W, b))
    Z, linear_cache = linear_forward(A_prev, W, b)
    assert_unchanged(before, (A_prev, W, b), "linear_forward arguments")

    before = copy.deepcopy((dA, linear_cache))
    linear_backward(dA, linear_cache)
    assert_unchanged(before, (dA, linear_cache), "linear_backward arguments")

    before = copy.deepcopy((A_prev, W, b, activation))
    _, cache = linear_activation_forward(A_prev, W, b, activation)
    assert_unchanged(before, (A_prev, W, b, activation), "linear_activation_forward arguments")

    before = copy.deepcopy((dA, cache, activation))
    linear_activation_backward(dA, cache, activation)
    assert_unchanged(before, (dA, cache, activation), "linear_activation_backward arguments")
