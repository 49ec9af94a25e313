"""Tests of autograder/reference/training.py: the training loop and prediction.

Third oracle after finite differences and closed forms: a small training run whose cost must
fall, and (when the real data is present) the published catvnoncat result of the 4-layer recipe.
"""

import copy
import math
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from autograder.reference import (
    L_layer_model,
    L_model_forward,
    compute_cost,
    initialize_parameters_deep,
    predict,
)

CATVNONCAT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "catvnoncat"
SMALL_DIMS = [6, 5, 3, 1]
SMALL_ITERATIONS = 1000
SMALL_RATE = 0.05


@pytest.fixture(scope="module")
def small_problem():
    """X (6, 40) ~ N(0, 1), Y (1, 40) linearly separable with exactly 20 labels of each class."""
    rng = np.random.default_rng(2)
    X = rng.standard_normal((6, 40))
    score = rng.standard_normal(6) @ X
    Y = (score > np.median(score)).astype(int).reshape(1, 40)
    assert Y.sum() == 20
    return X, Y


@pytest.fixture(scope="module")
def small_run(small_problem):
    X, Y = small_problem
    return L_layer_model(X, Y, SMALL_DIMS, SMALL_RATE, SMALL_ITERATIONS)


def test_recorded_costs_fall(small_run):
    """Does every recorded cost of a small full-batch run fall below the one before?"""
    _, costs = small_run
    assert all(later < earlier for earlier, later in pairwise(costs))
    assert costs[-1] < 0.25 * costs[0]


def test_costs_are_python_floats_recorded_every_100_iterations(small_run, small_problem):
    """Are the costs Python floats of iterations 0, 100, 200, ..., the first before any update?"""
    X, Y = small_problem
    _, costs = small_run
    assert len(costs) == math.ceil(SMALL_ITERATIONS / 100)
    assert all(type(cost) is float for cost in costs)
    AL, _ = L_model_forward(X, initialize_parameters_deep(SMALL_DIMS))
    assert costs[0] == pytest.approx(compute_cost(AL, Y), rel=1e-12)


def test_first_cost_is_near_ln_2_for_a_fresh_network(small_run):
    """Does a freshly initialised net on balanced labels start near the coin-flip cost ln 2?"""
    _, costs = small_run
    assert abs(costs[0] - math.log(2)) < 0.1


def test_short_runs_record_iteration_zero(small_problem):
    """Do 1 and 101 iterations record 1 and 2 costs (iterations 0 and 0, 100)?"""
    X, Y = small_problem
    assert len(L_layer_model(X, Y, SMALL_DIMS, SMALL_RATE, 1)[1]) == 1
    assert len(L_layer_model(X, Y, SMALL_DIMS, SMALL_RATE, 101)[1]) == 2


def test_training_is_reproducible_and_prints_on_request(small_problem, capsys):
    """Does L_layer_model seed its own initialisation, and print costs only when asked?"""
    X, Y = small_problem
    np.random.seed(123)
    first, costs_first = L_layer_model(X, Y, SMALL_DIMS, SMALL_RATE, 201)
    assert capsys.readouterr().out == ""
    np.random.rand(10)
    second, costs_second = L_layer_model(X, Y, SMALL_DIMS, SMALL_RATE, 201, print_cost=True)
    printed = capsys.readouterr().out
    assert costs_first == costs_second
    for key in first:
        np.testing.assert_array_equal(first[key], second[key])
    assert "iteration 0" in printed and "iteration 200" in printed


def test_predict_returns_0_1_labels_of_shape_1_m(small_run, small_problem):
    """Does predict give a (1, m) array of 0/1 labels, 1 exactly where AL > 0.5?"""
    X, Y = small_problem
    parameters, _ = small_run
    labels = predict(X, parameters)
    AL, _ = L_model_forward(X, parameters)
    assert labels.shape == (1, 40)
    assert set(np.unique(labels)) <= {0, 1}
    np.testing.assert_array_equal(labels, (AL > 0.5).astype(int))
    assert np.mean(labels == Y) >= 0.95  # the trained net separates the separable problem


def test_predict_threshold_is_strict():
    """Is an output of exactly 0.5 labelled 0, and one just above it labelled 1?"""
    X = np.array([[1.0, -2.0, 0.5]])
    at_half = {"W1": np.zeros((1, 1)), "b1": np.zeros((1, 1))}
    just_above = {"W1": np.zeros((1, 1)), "b1": np.full((1, 1), 1e-9)}
    np.testing.assert_array_equal(predict(X, at_half), [[0, 0, 0]])
    np.testing.assert_array_equal(predict(X, just_above), [[1, 1, 1]])


def test_no_input_is_mutated(small_problem, assert_unchanged):
    """Do L_layer_model and predict leave X, Y, layers_dims and parameters untouched?"""
    X, Y = small_problem
    dims = list(SMALL_DIMS)
    before = copy.deepcopy((X, Y, dims))
    parameters, _ = L_layer_model(X, Y, dims, SMALL_RATE, 3)
    assert_unchanged(before, (X, Y, dims), "L_layer_model arguments")

    before = copy.deepcopy((X, parameters))
    predict(X, parameters)
    assert_unchanged(before, (X, parameters), "predict arguments")


def load_catvnoncat(folder):
    """(train_x, train_y, test_x, test_y): X (12288, m) in [0, 1] column-major, Y (1, m)."""
    import h5py

    with (
        h5py.File(folder / "train_catvnoncat.h5", "r") as train,
        h5py.File(folder / "test_catvnoncat.h5", "r") as test,
    ):
        train_x, train_y = train["train_set_x"][:], train["train_set_y"][:]
        test_x, test_y = test["test_set_x"][:], test["test_set_y"][:]
    assert train_x.shape == (209, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (50, 64, 64, 3)

    def flatten(x):
        return x.reshape(x.shape[0], -1).T / 255

    return flatten(train_x), train_y.reshape(1, -1), flatten(test_x), test_y.reshape(1, -1)


@pytest.mark.slow
@pytest.mark.data
def test_four_layer_recipe_reaches_the_published_accuracy_on_catvnoncat():
    """Does the 4-layer [12288, 20, 7, 5, 1] recipe reach 0.80 test accuracy on catvnoncat?"""
    if not CATVNONCAT.is_dir():
        pytest.skip(
            f"real data absent: ../shared/data/catvnoncat not found ({CATVNONCAT}); "
            "put train_catvnoncat.h5 and test_catvnoncat.h5 there to run this test"
        )
    train_x, train_y, test_x, test_y = load_catvnoncat(CATVNONCAT)
    assert train_x.shape == (12288, 209) and test_x.shape == (12288, 50)

    parameters, costs = L_layer_model(
        train_x, train_y, [12288, 20, 7, 5, 1], learning_rate=0.0075, num_iterations=2500
    )
    train_accuracy = float(np.mean(predict(train_x, parameters) == train_y))
    test_accuracy = float(np.mean(predict(test_x, parameters) == test_y))

    assert len(costs) == 25 and costs[-1] < costs[0]
    assert train_accuracy > 0.95, f"train accuracy {train_accuracy:.3f}"
    assert test_accuracy >= 0.80, f"test accuracy {test_accuracy:.3f} (published: 0.80)"
