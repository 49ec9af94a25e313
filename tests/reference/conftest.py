"""Shared builders for the tests of the hidden reference library (autograder/reference/).

Shapes are column-major: X (n_x, m), Y (1, m), W{l} (n_l, n_{l-1}), b{l} (n_l, 1). The builders
use non-zero biases, non-square weights and a batch size m different from every layer width, so a
missing transpose, a missing 1/m or a wrong sum axis cannot hide, and they keep every ReLU input
away from the kink at 0 so that finite differences never straddle it.

Helpers are handed out as fixtures (factories), so the test modules need no package of their own.
"""

import numpy as np
import pytest

# |Z| of every ReLU input stays above this. A central difference moves Z by about
# eps * |input| ~ 1e-6, so a 1e-3 margin keeps each perturbation on one side of the kink.
RELU_MARGIN = 1e-3
MAX_DRAWS = 100


def assert_same_structure(before, after, where="argument"):
    """Fail, naming the place, if ``after`` differs in any way from the deep copy ``before``."""
    if isinstance(before, np.ndarray):
        assert isinstance(after, np.ndarray), f"{where} is no longer an array"
        assert after.shape == before.shape, f"{where} changed shape"
        assert after.dtype == before.dtype, f"{where} changed dtype"
        assert np.array_equal(after, before, equal_nan=True), f"{where} was modified in place"
    elif isinstance(before, dict):
        assert isinstance(after, dict), f"{where} is no longer a dict"
        assert set(after) == set(before), f"{where} gained or lost keys"
        for key in before:
            assert_same_structure(before[key], after[key], f"{where}[{key!r}]")
    elif isinstance(before, (list, tuple)):
        assert type(after) is type(before), f"{where} changed type"
        assert len(after) == len(before), f"{where} changed length"
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            assert_same_structure(b, a, f"{where}[{i}]")
    else:
        assert after == before, f"{where} changed from {before!r} to {after!r}"


@pytest.fixture
def assert_unchanged():
    """assert_unchanged(before, after, where): deep comparison of a deep copy with the original."""
    return assert_same_structure


def _hidden_pre_activations(X, parameters):
    """Z1..Z{L-1} of the relu layers, computed with plain numpy (independent of the reference)."""
    L = len(parameters) // 2
    A, Zs = X, []
    for layer in range(1, L):
        Z = parameters[f"W{layer}"] @ A + parameters[f"b{layer}"]
        Zs.append(Z)
        A = np.maximum(Z, 0)
    return Zs


def build_deep_net(layer_dims, m, seed):
    """(X, Y, parameters) for a relu...relu-sigmoid net with widths ``layer_dims`` and batch m.

    W{l} ~ N(0, 1) / sqrt(n_{l-1}), b{l} ~ N(0, 0.5^2) (never zero), X ~ N(0, 1), Y holds both
    labels. Inputs are redrawn (deterministically, from the same seed) until every relu input is
    at least RELU_MARGIN away from 0.
    """
    assert m not in layer_dims, "m must differ from every layer width"
    rng = np.random.default_rng(seed)
    for _ in range(MAX_DRAWS):
        parameters = {}
        for layer in range(1, len(layer_dims)):
            n_prev, n = layer_dims[layer - 1], layer_dims[layer]
            parameters[f"W{layer}"] = rng.standard_normal((n, n_prev)) / np.sqrt(n_prev)
            parameters[f"b{layer}"] = 0.5 * rng.standard_normal((n, 1))
        X = rng.standard_normal((layer_dims[0], m))
        Y = rng.permutation(np.arange(m) % 2).reshape(1, m).astype(float)
        Zs = _hidden_pre_activations(X, parameters)
        if all(np.min(np.abs(Z)) > RELU_MARGIN for Z in Zs):
            return X, Y, parameters
    raise RuntimeError(f"seed {seed}: no draw kept the relu inputs away from 0")


@pytest.fixture
def deep_net():
    """deep_net(layer_dims, m, seed) -> (X, Y, parameters); see ``build_deep_net``."""
    return build_deep_net
