"""Tests of autograder/reference/model.py: the L-layer relu...relu-sigmoid network.

Caches come from a real forward pass, so AL really is sigmoid(Z_L) and every mathematically
equivalent backward pass (the general cost derivative or the shortcut dZ_L = AL - Y) must agree.
Gradients are checked against central differences of the cross-entropy cost J: dW{l} = dJ/dW{l},
db{l} = dJ/db{l} and dA{l} = m dJ/dA{l} (per example, not averaged).
"""

import copy

import numpy as np
import pytest
from bpkit.gradcheck import check_gradient, numerical_gradient

from autograder.reference import (
    L_model_backward,
    L_model_forward,
    LayerCache,
    LinearCache,
    compute_cost,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_backward,
)

SEEDS = [3, 11, 2024]
NETS = {
    "3-layer": ([5, 4, 3, 1], 7),  # (layer_dims, m): non-square weights, m not a width
    "4-layer": ([6, 5, 4, 3, 1], 9),
}


def numpy_forward(X, parameters):
    """[A0, A1, ..., AL] of the relu...relu-sigmoid net, in plain numpy."""
    L = len(parameters) // 2
    As = [X]
    for layer in range(1, L + 1):
        Z = parameters[f"W{layer}"] @ As[-1] + parameters[f"b{layer}"]
        As.append(1 / (1 + np.exp(-Z)) if layer == L else np.maximum(Z, 0))
    return As


def tail_parameters(parameters, first):
    """Layers first..L of parameters, renumbered from 1: the sub-network above A{first-1}."""
    L = len(parameters) // 2
    return {
        f"{kind}{layer - first + 1}": parameters[f"{kind}{layer}"]
        for layer in range(first, L + 1)
        for kind in ("W", "b")
    }


def expected_keys(L):
    return (
        {f"dA{layer}" for layer in range(L)}
        | {f"dW{layer}" for layer in range(1, L + 1)}
        | {f"db{layer}" for layer in range(1, L + 1)}
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("net", NETS)
def test_L_model_backward_matches_finite_differences(net, seed, deep_net):
    """Are dW{l}, db{l} the gradients of the cost, and dA{l} = m * dJ/dA{l}, for every layer?"""
    layer_dims, m = NETS[net]
    L = len(layer_dims) - 1
    X, Y, parameters = deep_net(layer_dims, m, seed)
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)

    def J():
        return compute_cost(L_model_forward(X, parameters)[0], Y)

    for layer in range(1, L + 1):
        for kind in ("W", "b"):
            name = f"{kind}{layer}"
            check_gradient(f"d{name}", grads[f"d{name}"], numerical_gradient(J, parameters[name]))

    # dA{l}: the gradient entering layer l + 1, checked on the sub-network above A{l}.
    As = numpy_forward(X, parameters)
    for layer in range(L):
        A = As[layer].copy()
        tail = tail_parameters(parameters, layer + 1)

        def J_from_A(A=A, tail=tail):
            return compute_cost(L_model_forward(A, tail)[0], Y)

        check_gradient(f"dA{layer}", grads[f"dA{layer}"], m * numerical_gradient(J_from_A, A))


@pytest.mark.parametrize("net", NETS)
def test_L_model_forward_matches_plain_numpy_and_caches_every_layer(net, deep_net):
    """Is AL the relu...relu-sigmoid output, with one LayerCache ((A_prev, W, b), Z) per layer?"""
    layer_dims, m = NETS[net]
    L = len(layer_dims) - 1
    X, _, parameters = deep_net(layer_dims, m, 17)
    AL, caches = L_model_forward(X, parameters)
    As = numpy_forward(X, parameters)
    np.testing.assert_allclose(AL, As[-1], rtol=1e-12)
    assert AL.shape == (1, m)
    assert len(caches) == L
    for layer, cache in enumerate(caches, start=1):
        assert isinstance(cache, LayerCache) and isinstance(cache.linear_cache, LinearCache)
        (A_prev, W, b), Z = cache  # the Coursera unpacking
        np.testing.assert_allclose(A_prev, As[layer - 1], rtol=1e-12)
        assert W is parameters[f"W{layer}"] and b is parameters[f"b{layer}"]
        np.testing.assert_allclose(Z, W @ A_prev + b, rtol=1e-12)


@pytest.mark.parametrize("net", NETS)
def test_grads_hold_exactly_the_coursera_keys_with_the_right_shapes(net, deep_net):
    """Are the keys exactly dA0..dA{L-1}, dW1..dWL, db1..dbL, each shaped like its variable?"""
    layer_dims, m = NETS[net]
    L = len(layer_dims) - 1
    X, Y, parameters = deep_net(layer_dims, m, 5)
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)
    assert set(grads) == expected_keys(L)
    for layer in range(1, L + 1):
        assert grads[f"dW{layer}"].shape == parameters[f"W{layer}"].shape
        assert grads[f"db{layer}"].shape == parameters[f"b{layer}"].shape
        assert grads[f"dA{layer - 1}"].shape == (layer_dims[layer - 1], m)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("net", NETS)
def test_shortcut_dZL_equals_AL_minus_Y_gives_the_same_grads(net, seed, deep_net):
    """Does the usual shortcut dZ_L = AL - Y agree with the general cost derivative?"""
    layer_dims, m = NETS[net]
    L = len(layer_dims) - 1
    X, Y, parameters = deep_net(layer_dims, m, seed)
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)

    shortcut = {}
    dA_prev, dW, db = linear_backward(AL - Y, caches[L - 1][0])
    shortcut.update({f"dA{L - 1}": dA_prev, f"dW{L}": dW, f"db{L}": db})
    for layer in range(L - 1, 0, -1):
        dA_prev, dW, db = linear_activation_backward(dA_prev, caches[layer - 1], "relu")
        shortcut.update({f"dA{layer - 1}": dA_prev, f"dW{layer}": dW, f"db{layer}": db})

    assert set(shortcut) == set(grads)
    for key, value in shortcut.items():
        np.testing.assert_allclose(grads[key], value, rtol=1e-9, atol=1e-12, err_msg=key)


@pytest.mark.parametrize("net", NETS)
def test_L_model_backward_is_invariant_to_duplicating_the_batch(net, deep_net):
    """With X and Y repeated twice, are dW, db unchanged and every dA{l} repeated per example?"""
    layer_dims, m = NETS[net]
    L = len(layer_dims) - 1
    X, Y, parameters = deep_net(layer_dims, m, 23)
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)
    AL2, caches2 = L_model_forward(np.hstack([X, X]), parameters)
    grads2 = L_model_backward(AL2, np.hstack([Y, Y]), caches2)

    assert set(grads2) == set(grads)
    for layer in range(1, L + 1):
        for key in (f"dW{layer}", f"db{layer}"):
            np.testing.assert_allclose(grads2[key], grads[key], rtol=1e-10, err_msg=key)
        key = f"dA{layer - 1}"
        np.testing.assert_allclose(grads2[key][:, :m], grads[key], rtol=1e-12, err_msg=key)
        np.testing.assert_allclose(grads2[key][:, m:], grads[key], rtol=1e-12, err_msg=key)


@pytest.mark.parametrize("layer_dims", [[5, 4, 3, 1], [12, 20, 7, 5, 1], [3, 1]])
def test_initialize_parameters_deep_shapes_scale_and_seed(layer_dims):
    """Are W{l} (n_l, n_{l-1}) ~ N(0, 1/n_{l-1}), b{l} zeros (n_l, 1), the same on every call?"""
    np.random.seed(99)  # whatever the caller did to the global generator before
    parameters = initialize_parameters_deep(layer_dims)
    np.random.rand(5)
    again = initialize_parameters_deep(layer_dims)
    L = len(layer_dims) - 1
    assert set(parameters) == {f"{k}{layer}" for layer in range(1, L + 1) for k in "Wb"}
    for layer in range(1, L + 1):
        n_prev, n = layer_dims[layer - 1], layer_dims[layer]
        W, b = parameters[f"W{layer}"], parameters[f"b{layer}"]
        assert W.shape == (n, n_prev) and b.shape == (n, 1)
        assert np.all(b == 0)
        np.testing.assert_array_equal(W, again[f"W{layer}"])
    # The 1/sqrt(n_prev) scale (not 0.01): the 240 weights of W1 have a sample std near 1/sqrt(12).
    if layer_dims[0] == 12:
        assert 0.7 / np.sqrt(12) < np.std(parameters["W1"]) < 1.3 / np.sqrt(12)


@pytest.mark.parametrize("net", NETS)
def test_no_input_is_mutated(net, deep_net, assert_unchanged):
    """Do initialize_parameters_deep, L_model_forward and L_model_backward leave inputs alone?"""
    layer_dims, m = NETS[net]
    X, Y, parameters = deep_net(layer_dims, m, 31)

    before = copy.deepcopy(layer_dims)
    initialize_parameters_deep(layer_dims)
    assert_unchanged(before, layer_dims, "layer_dims")

    before = copy.deepcopy((X, parameters))
    AL, caches = L_model_forward(X, parameters)
    assert_unchanged(before, (X, parameters), "L_model_forward arguments")

    before = copy.deepcopy((AL, Y, caches))
    L_model_backward(AL, Y, caches)
    assert_unchanged(before, (AL, Y, caches), "L_model_backward arguments")
