"""bpkit.forward and bpkit.init: shapes, caches and the Coursera conventions."""

import numpy as np
import pytest
from bpkit.caches import LayerCache, LinearCache
from bpkit.forward import (
    L_model_forward,
    forward_propagation,
    linear_activation_forward,
    linear_forward,
)
from bpkit.init import initialize_parameters, initialize_parameters_deep


def test_linear_forward_computes_WA_plus_b_and_caches_inputs():
    rng = np.random.default_rng(3)
    A_prev, W, b = (
        rng.standard_normal((5, 7)),
        rng.standard_normal((3, 5)),
        rng.standard_normal((3, 1)),
    )
    Z, cache = linear_forward(A_prev, W, b)
    np.testing.assert_allclose(Z, np.dot(W, A_prev) + b)
    assert isinstance(cache, LinearCache)
    a, w, bb = cache
    assert a is A_prev and w is W and bb is b


def test_layer_cache_unpacks_like_coursera():
    """Does the cache unpack as ((A_prev, W, b), Z), with A = relu(Z)?"""
    rng = np.random.default_rng(4)
    A_prev, W, b = (
        rng.standard_normal((5, 7)),
        rng.standard_normal((3, 5)),
        rng.standard_normal((3, 1)),
    )
    A, cache = linear_activation_forward(A_prev, W, b, "relu")
    assert isinstance(cache, LayerCache)
    (a, w, bb), Z = cache
    np.testing.assert_array_equal(A, np.maximum(Z, 0))
    np.testing.assert_allclose(Z, W @ A_prev + b)


def test_unknown_activation_raises_value_error():
    with pytest.raises(ValueError, match="choose one of"):
        linear_activation_forward(np.ones((2, 3)), np.ones((1, 2)), np.ones((1, 1)), "softmax")


def test_L_model_forward_shapes_and_output_is_sigmoid_of_last_z():
    parameters = initialize_parameters_deep([5, 4, 3, 1])
    X = np.random.default_rng(0).standard_normal((5, 7))
    AL, caches = L_model_forward(X, parameters)
    assert AL.shape == (1, 7) and len(caches) == 3
    np.testing.assert_allclose(AL, 1 / (1 + np.exp(-caches[-1].Z)))
    assert caches[0].linear_cache.A_prev is X
    for layer, ((_, W, b), Z) in enumerate(caches, start=1):
        assert W is parameters[f"W{layer}"] and b is parameters[f"b{layer}"]
        assert Z.shape == (W.shape[0], 7)


def test_L_model_forward_ignores_extra_keys():
    """Are stray keys such as dW1 left alone (L counts the W matrices)?"""
    parameters = initialize_parameters_deep([5, 4, 1])
    parameters["dW1"] = np.zeros((4, 5))
    AL, caches = L_model_forward(np.ones((5, 2)), parameters)
    assert len(caches) == 2


def test_forward_propagation_cache_keys():
    parameters = initialize_parameters(4, 3, 1)
    A2, cache = forward_propagation(np.ones((4, 7)), parameters)
    assert set(cache) == {"Z1", "A1", "Z2", "A2"} and A2 is cache["A2"]
    assert cache["A1"].shape == (3, 7) and A2.shape == (1, 7)


def test_initialize_parameters_deep_is_seeded_and_scaled():
    p1, p2 = initialize_parameters_deep([6, 4, 1]), initialize_parameters_deep([6, 4, 1])
    np.random.seed(1)
    expected = np.random.randn(4, 6) / np.sqrt(6)
    np.testing.assert_array_equal(p1["W1"], expected)
    np.testing.assert_array_equal(p1["W2"], p2["W2"])
    assert p1["b1"].shape == (4, 1) and not p1["b1"].any()
    assert sorted(p1) == ["W1", "W2", "b1", "b2"]


def test_initialize_parameters_shapes_and_scale():
    p = initialize_parameters(4, 3, 2)
    assert {k: v.shape for k, v in p.items()} == {
        "W1": (3, 4),
        "b1": (3, 1),
        "W2": (2, 3),
        "b2": (2, 1),
    }
    assert np.max(np.abs(p["W1"])) < 0.1 and not p["b2"].any()
