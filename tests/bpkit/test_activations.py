"""bpkit.activations: forward activations returning (A, Z)."""

import warnings

import numpy as np
import pytest
from bpkit.activations import get_activation, relu, sigmoid, tanh

FORMULAS = {
    "sigmoid": lambda Z: 1 / (1 + np.exp(-Z)),
    "relu": lambda Z: np.maximum(Z, 0),
    "tanh": np.tanh,
}


@pytest.mark.parametrize("name", FORMULAS)
def test_returns_activation_and_z(name):
    """Does each activation return (g(Z), Z) with Z's shape?"""
    Z = np.random.default_rng(0).standard_normal((3, 7))
    A, cache = get_activation(name)(Z)
    assert A.shape == Z.shape
    np.testing.assert_allclose(A, FORMULAS[name](Z), rtol=1e-12)
    np.testing.assert_array_equal(cache, Z)


def test_sigmoid_does_not_overflow_for_large_z():
    """Is sigmoid exactly 0 and 1 at -1000 and 1000, with no warning?"""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        A, _ = sigmoid(np.array([[-1000.0, -40.0, 0.0, 40.0, 1000.0]]))
    assert A[0, 0] == 0.0 and A[0, -1] == 1.0 and A[0, 2] == 0.5
    assert np.all(np.diff(A) >= 0)


def test_sigmoid_accepts_lists_and_ints():
    """Does sigmoid work on a plain list of ints?"""
    A, Z = sigmoid([[0, 1]])
    assert A.dtype == float and Z.dtype == float


def test_relu_and_tanh_keep_shape():
    Z = np.array([[-2.0, 0.5], [3.0, -0.1], [0.2, 0.0]])
    assert relu(Z)[0].shape == tanh(Z)[0].shape == (3, 2)


@pytest.mark.parametrize("bad", ["softmax", "ReLU", None, 3])
def test_unknown_activation_names_the_choices(bad):
    """Does an unknown name raise a ValueError listing relu, sigmoid and tanh?"""
    with pytest.raises(ValueError, match="'relu'.*'sigmoid'.*'tanh'"):
        get_activation(bad)
