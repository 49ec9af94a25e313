"""Tests of autograder/reference/costs.py: costs as Python floats and their derivatives.

The derivatives are per example, not averaged: cost_derivative(AL, Y) is the gradient of m * cost
with respect to AL, which is what the finite-difference checks compare against.
"""

import copy
import math
import warnings

import numpy as np
import pytest
from bpkit.gradcheck import check_gradient, numerical_gradient

from autograder.reference import (
    CostFunction,
    classification_error,
    compute_cost,
    compute_cost_ce,
    compute_cost_mse,
    cost_derivative_ce,
    cost_derivative_mse,
)

SEEDS = [3, 11, 2024]
M = 9
COSTS = [compute_cost, compute_cost_ce, compute_cost_mse, classification_error]
DERIVATIVES = [cost_derivative_ce, cost_derivative_mse]


def predictions_and_labels(seed, m=M):
    """AL strictly inside (0.05, 0.95) and Y holding both labels, each (1, m)."""
    rng = np.random.default_rng(seed)
    AL = rng.uniform(0.05, 0.95, (1, m))
    Y = rng.permutation(np.arange(m) % 2).reshape(1, m).astype(float)
    return AL, Y


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("cost", "derivative"),
    [
        (compute_cost_mse, cost_derivative_mse),
        (compute_cost_ce, cost_derivative_ce),
        (compute_cost, cost_derivative_ce),
    ],
    ids=["mse", "ce", "coursera-ce"],
)
def test_cost_derivative_matches_finite_differences_of_m_times_cost(cost, derivative, seed):
    """Is the derivative the gradient of m * cost with respect to AL (one entry per example)?"""
    AL, Y = predictions_and_labels(seed)
    numeric = numerical_gradient(lambda: M * cost(AL, Y), AL)
    analytic = derivative(AL, Y)
    assert analytic.shape == AL.shape
    check_gradient(f"{derivative.__name__}(AL, Y)", analytic, numeric)


def test_cross_entropy_of_a_coin_flip_is_ln_2():
    """Is the cross-entropy of AL = 0.5 everywhere exactly ln 2, whatever the labels?"""
    AL = np.full((1, 6), 0.5)
    Y = np.array([[1, 0, 0, 1, 1, 0]])
    assert compute_cost(AL, Y) == pytest.approx(math.log(2), rel=1e-12)
    assert compute_cost_ce(AL, Y) == pytest.approx(math.log(2), rel=1e-12)


def test_cross_entropy_of_a_hand_example():
    """Is -(1/m) sum(Y log AL + (1-Y) log(1-AL)) right on AL = [.8, .1, .6], Y = [1, 0, 0]?"""
    AL = np.array([[0.8, 0.1, 0.6]])
    Y = np.array([[1, 0, 0]])
    expected = -(math.log(0.8) + math.log(0.9) + math.log(0.4)) / 3
    assert compute_cost(AL, Y) == pytest.approx(expected, rel=1e-12)
    assert compute_cost_ce(AL, Y) == pytest.approx(expected, rel=1e-12)


def test_mse_of_a_hand_example():
    """Is (1/(2m)) sum((AL - Y)^2) = 0.77 / 8 on AL = [.9, .2, .6, .4], Y = [1, 0, 0, 1]?"""
    AL = np.array([[0.9, 0.2, 0.6, 0.4]])
    Y = np.array([[1, 0, 0, 1]])
    assert compute_cost_mse(AL, Y) == pytest.approx(0.77 / 8, rel=1e-12)
    np.testing.assert_allclose(cost_derivative_mse(AL, Y), [[-0.1, 0.2, 0.6, -0.6]], rtol=1e-12)


def test_cross_entropy_derivative_of_a_hand_example():
    """Is -(Y/AL - (1-Y)/(1-AL)) = [-1.25, 1/0.9, 2.5] on AL = [.8, .1, .6], Y = [1, 0, 0]?"""
    AL = np.array([[0.8, 0.1, 0.6]])
    Y = np.array([[1, 0, 0]])
    np.testing.assert_allclose(cost_derivative_ce(AL, Y), [[-1.25, 1 / 0.9, 2.5]], rtol=1e-12)


def test_compute_cost_ce_is_finite_and_silent_at_zero_and_one():
    """At AL in {0, 1}, is compute_cost_ce finite and warning-free, ~0 if right, large if wrong?"""
    Y = np.array([[0.0, 1.0, 0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        right = compute_cost_ce(Y.copy(), Y)
        wrong = compute_cost_ce(1 - Y, Y)
        half_wrong = compute_cost_ce(np.array([[0.0, 1.0, 1.0, 0.0]]), Y)
    assert all(math.isfinite(c) for c in (right, wrong, half_wrong))
    assert 0 <= right < 1e-9
    assert wrong > 20  # -log(eps) with a tiny clipping eps
    assert half_wrong == pytest.approx(wrong / 2, rel=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_clipped_and_coursera_cross_entropy_agree_inside_the_interval(seed):
    """Strictly inside (0, 1), does compute_cost_ce equal the Coursera compute_cost?"""
    AL, Y = predictions_and_labels(seed)
    assert compute_cost_ce(AL, Y) == pytest.approx(compute_cost(AL, Y), rel=1e-12)


def test_classification_error_of_a_hand_example():
    """With threshold 0.5 (AL = 0.5 predicts 0), are 2 of these 6 examples misclassified?"""
    AL = np.array([[0.9, 0.2, 0.6, 0.4, 0.51, 0.5]])
    Y = np.array([[1, 0, 0, 1, 1, 0]])
    # predictions:  1    0    1    0    1     0  -> wrong at indices 2 and 3
    assert classification_error(AL, Y) == pytest.approx(2 / 6)
    assert classification_error(Y.astype(float), Y) == 0.0
    assert classification_error(1.0 - Y, Y) == 1.0


@pytest.mark.parametrize("cost", COSTS, ids=lambda f: f.__name__)
def test_costs_are_python_floats(cost):
    """Does every cost come back as a Python float (not a (1, 1) array)?"""
    AL, Y = predictions_and_labels(0)
    assert type(cost(AL, Y)) is float


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("name", "cost", "derivative"),
    [("MSE", compute_cost_mse, cost_derivative_mse), ("CE", compute_cost_ce, cost_derivative_ce)],
)
def test_cost_function_methods_equal_the_functions(name, cost, derivative, seed):
    """Do CostFunction(name).compute_cost / compute_derivative equal the module functions?"""
    AL, Y = predictions_and_labels(seed)
    chosen = CostFunction(name)
    assert chosen.compute_cost(AL, Y) == cost(AL, Y)
    np.testing.assert_array_equal(chosen.compute_derivative(AL, Y), derivative(AL, Y))


@pytest.mark.parametrize("bad", ["L2", "mse", "ce", "cross-entropy", ""])
def test_cost_function_rejects_other_names_listing_both_choices(bad):
    """Does CostFunction(anything but "MSE" or "CE") raise a ValueError naming both?"""
    with pytest.raises(ValueError) as info:
        CostFunction(bad)
    assert "MSE" in str(info.value) and "CE" in str(info.value)


@pytest.mark.parametrize("function", COSTS + DERIVATIVES, ids=lambda f: f.__name__)
def test_no_input_is_mutated(function, assert_unchanged):
    """Do the cost functions and derivatives leave AL and Y untouched (clipping included)?"""
    AL, Y = predictions_and_labels(4)
    AL[0, :2] = [0.0, 1.0]  # values compute_cost_ce must clip, on a copy
    if function in (compute_cost, cost_derivative_ce):
        AL[0, :2] = [0.3, 0.7]  # these divide by / take logs of AL unclipped
    before = copy.deepcopy((AL, Y))
    function(AL, Y)
    assert_unchanged(before, (AL, Y), f"{function.__name__} arguments")


@pytest.mark.parametrize("name", ["MSE", "CE"])
def test_cost_function_methods_do_not_mutate_inputs(name, assert_unchanged):
    """Do the CostFunction methods leave AL and Y untouched?"""
    AL, Y = predictions_and_labels(6)
    before = copy.deepcopy((AL, Y))
    chosen = CostFunction(name)
    chosen.compute_cost(AL, Y)
    chosen.compute_derivative(AL, Y)
    assert_unchanged(before, (AL, Y), f"CostFunction({name!r}) arguments")
