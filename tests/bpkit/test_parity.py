"""bpkit's forward helpers and initialisers give results identical to the reference library."""

import numpy as np
import pytest
from bpkit import activations, forward, init

import autograder.reference as ref

SEEDS = [0, 1, 7, 2024]
NETS = [(5, 4, 3, 1), (12, 6, 1), (3, 8, 5, 2, 1)]


def random_parameters(rng, layer_dims):
    parameters = {}
    for layer in range(1, len(layer_dims)):
        n, n_prev = layer_dims[layer], layer_dims[layer - 1]
        parameters[f"W{layer}"] = rng.standard_normal((n, n_prev))
        parameters[f"b{layer}"] = rng.standard_normal((n, 1))
    return parameters


def assert_identical(a, b):
    """Same structure, and bit-for-bit the same arrays."""
    if isinstance(a, dict):
        assert isinstance(b, dict) and set(a) == set(b)
        for key in a:
            assert_identical(a[key], b[key])
    elif isinstance(a, tuple | list):
        assert isinstance(b, tuple | list) and len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            assert_identical(x, y)
    else:
        assert np.shape(a) == np.shape(b)
        assert np.array_equal(a, b), "values differ"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_activations_identical(name, seed):
    Z = np.random.default_rng(seed).standard_normal((4, 9)) * 30
    assert_identical(getattr(activations, name)(Z), getattr(ref, name)(Z))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("activation", ["sigmoid", "relu", "tanh"])
def test_linear_and_layer_forward_identical(activation, seed):
    rng = np.random.default_rng(seed)
    A_prev, W, b = (
        rng.standard_normal((5, 7)),
        rng.standard_normal((3, 5)),
        rng.standard_normal((3, 1)),
    )
    assert_identical(forward.linear_forward(A_prev, W, b), ref.linear_forward(A_prev, W, b))
    assert_identical(
        forward.linear_activation_forward(A_prev, W, b, activation),
        ref.linear_activation_forward(A_prev, W, b, activation),
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("layer_dims", NETS)
def test_L_model_forward_identical(layer_dims, seed):
    rng = np.random.default_rng(seed)
    parameters = random_parameters(rng, layer_dims)
    X = rng.standard_normal((layer_dims[0], 11))
    AL, caches = forward.L_model_forward(X, parameters)
    assert AL.shape == (1, 11) and len(caches) == len(layer_dims) - 1
    assert_identical((AL, caches), ref.L_model_forward(X, parameters))


@pytest.mark.parametrize("seed", SEEDS)
def test_shallow_forward_identical(seed):
    rng = np.random.default_rng(seed)
    parameters = random_parameters(rng, (4, 3, 1))
    X = rng.standard_normal((4, 9))
    assert_identical(
        forward.forward_propagation(X, parameters), ref.forward_propagation(X, parameters)
    )


@pytest.mark.parametrize("layer_dims", [[5, 4, 3, 1], [12288, 20, 7, 5, 1], [2, 1]])
def test_initialize_parameters_deep_identical(layer_dims):
    assert_identical(
        init.initialize_parameters_deep(layer_dims), ref.initialize_parameters_deep(layer_dims)
    )


@pytest.mark.parametrize("sizes", [(4, 3, 1), (2, 4, 1), (10, 5, 2)])
def test_initialize_parameters_identical(sizes):
    assert_identical(init.initialize_parameters(*sizes), ref.initialize_parameters_shallow(*sizes))
