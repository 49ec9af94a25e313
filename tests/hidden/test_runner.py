"""The runner isolates functions, turns warnings into hints and never shows expected values."""

import sys
import warnings

import numpy as np

from autograder import reference as ref
from autograder.hidden import registry
from autograder.hidden.runner import result_of, run_test
from autograder.hidden.seeds import seed_for


def namespace(**overrides):
    return {name: getattr(ref, name) for name in ref.__all__} | overrides


def grade(grade_id, ns, student="s1"):
    test = registry.get(grade_id)
    return result_of(test, run_test(test, ns, student))


def test_a_missing_function_scores_zero_and_says_so():
    ns = namespace()
    del ns["linear_backward"]
    result = grade("test_linear_backward_random", ns)
    assert result["score"] == 0 and "not defined" in result["diagnosis"]


def test_an_exception_in_student_code_is_a_diagnosis_not_a_crash():
    def broken(dZ, cache):
        raise IndexError("tuple index out of range")

    result = grade("test_linear_backward_random", namespace(linear_backward=broken))
    assert result["score"] == 0
    assert "IndexError: tuple index out of range" in result["diagnosis"]


def test_dependencies_are_replaced_by_reference_code_while_the_test_runs():
    """A bug in linear_backward does not cost linear_activation_backward its points."""

    def wrong_linear(dZ, cache):
        return ref.linear_backward(dZ, cache)[0] * 0, None, None

    ns = namespace(linear_backward=wrong_linear)
    assert grade("test_linear_activation_backward_relu", ns)["score"] == 2.0
    assert ns["linear_backward"] is wrong_linear  # restored afterwards


def test_warnings_become_hints_and_nothing_reaches_stderr(capsys):
    def noisy_cost(AL, Y):
        print("debug print", file=sys.stderr)
        m = Y.shape[1]
        return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = grade("test_compute_cost_ce_saturated", namespace(compute_cost_ce=noisy_cost))
    assert result["score"] == 0
    assert any("log(0)" in h for h in result["hints"])
    assert capsys.readouterr().err == ""


def test_mutating_inputs_is_noted_not_deducted():
    def in_place(params, grads, learning_rate):
        for key in params:
            params[key] -= learning_rate * grads["d" + key]
        return params

    result = grade("test_update_parameters_two_layers", namespace(update_parameters=in_place))
    assert result["score"] == result["max_score"]
    assert any("changed the arrays passed to it" in n for n in result["notes"])


def test_a_1x1_array_instead_of_a_float_is_told_to_squeeze():
    def cost_matrix(AL, Y):
        m = Y.shape[1]
        return -(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T) / m

    result = grade("test_compute_cost_random", namespace(compute_cost=cost_matrix))
    assert result["score"] == 0 and "squeeze" in result["diagnosis"]


def test_diagnoses_never_show_a_hidden_expected_value():
    def off_by_a_bit(dZ, cache):
        dA_prev, dW, db = ref.linear_backward(dZ, cache)
        return dA_prev, dW + 0.01 * np.arange(dW.size).reshape(dW.shape), db

    test = registry.get("test_linear_backward_random")
    rng = np.random.default_rng(seed_for("s1", test.assignment, test.grade_id))
    from autograder.hidden.cases import linear_case

    dZ, cache, _ = linear_case(rng)
    expected = ref.linear_backward(dZ, cache)[1]
    diagnosis = grade(test.grade_id, namespace(linear_backward=off_by_a_bit))["diagnosis"]
    assert "dW" in diagnosis and "entries differ" in diagnosis
    for value in expected.ravel():
        assert f"{value:.6g}" not in diagnosis


def test_seeds_differ_between_students_and_repeat_for_the_same_student():
    a1 = seed_for("alice", "02_backward_step", "test_linear_backward_random")
    a2 = seed_for("alice", "02_backward_step", "test_linear_backward_random")
    b = seed_for("bob", "02_backward_step", "test_linear_backward_random")
    assert a1 == a2 != b


def test_the_global_numpy_random_state_is_left_as_it_was():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    grade("test_L_layer_model_small_network", namespace())
    assert np.array_equal(np.random.get_state()[1], before)


def test_two_students_get_different_inputs_and_one_student_the_same_twice():
    seen = []

    def spy(dZ, cache):
        seen.append(dZ.copy())
        return ref.linear_backward(dZ, cache)

    for student in ("alice", "bob", "alice"):
        grade("test_linear_backward_random", namespace(linear_backward=spy), student)
    alice, bob, alice_again = seen
    assert np.array_equal(alice, alice_again)
    assert alice.shape != bob.shape or not np.allclose(alice, bob)


def test_L_model_backward_names_the_first_gradient_that_differs_walking_down():
    """A bug only in how layer 2 of 4 is handled: the diagnosis points at dW2 first."""

    def wrong_below_layer_3(AL, Y, caches):
        grads = ref.L_model_backward(AL, Y, caches)
        grads["dW2"] = grads["dW2"] * 1.5
        return grads

    diagnosis = grade("test_L_model_backward_four_layers", namespace(L_model_backward=wrong_below_layer_3))["diagnosis"]
    assert diagnosis.startswith("Walking down from layer 4, the first gradient that differs is dW2.")
