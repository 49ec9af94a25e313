"""The hidden test registry agrees with the contract and the reference library."""

import pytest

from autograder import reference as ref
from autograder.hidden import concepts, registry
from autograder.hidden.runner import result_of, run_test

CONTRACT = {
    "01_cost_functions": {"classification_error", "compute_cost_mse", "compute_cost_ce", "compute_cost",
                          "cost_derivative_mse", "cost_derivative_ce", "CostFunction",
                          "LabCostFunction"},  # the debugging lab, added to the contract's functions
    "02_backward_step": {"sigmoid_backward", "relu_backward", "tanh_backward", "linear_backward",
                         "linear_activation_backward", "backward_propagation"},
    "03_L_model_backward": {"L_model_backward", "backpropagation"},  # and the debugging lab
    "04_update_rule": {"update_parameters"},
    "05_cat_dog_classifier": {"L_layer_model", "predict"},
}


def reference_namespace(student="student-a"):
    """The reference functions, and the right answer to every concept question (``student``'s version)."""
    answers = {}
    for name in {t.function for t in registry.all_tests() if t.concept}:
        question = concepts.question(name)
        exec(question.answer_line(question.version_of(student)), answers)  # noqa: S102 - the questions' own answers
    answers.pop("__builtins__", None)
    return {name: getattr(ref, name) for name in ref.__all__} | answers


@pytest.mark.parametrize("assignment", registry.ASSIGNMENTS)
def test_every_graded_function_of_the_contract_has_hidden_tests(assignment):
    assert set(registry.functions_of(assignment)) == CONTRACT[assignment]


@pytest.mark.parametrize("test", registry.all_tests(), ids=lambda t: t.grade_id)
def test_the_reference_earns_full_marks(test):
    result = result_of(test, run_test(test, reference_namespace(), "student-a"))
    assert result["score"] == test.points, result


@pytest.mark.parametrize("test", registry.all_tests(), ids=lambda t: t.grade_id)
def test_dependencies_are_reference_functions_and_exist(test):
    for dep in test.deps:
        assert callable(getattr(ref, dep))


def test_linear_activation_backward_without_tanh_loses_only_the_tanh_test():
    """A solution with no tanh branch loses only the tanh tests (contract)."""

    def no_tanh(dA, cache, activation):
        linear_cache, Z = cache
        if activation == "relu":
            return ref.linear_backward(ref.relu_backward(dA, Z), linear_cache)
        if activation == "sigmoid":
            return ref.linear_backward(ref.sigmoid_backward(dA, Z), linear_cache)
        raise ValueError(activation)

    ns = reference_namespace() | {"linear_activation_backward": no_tanh}
    scores = {t.case: result_of(t, run_test(t, ns, "s"))["score"]
              for t in registry.tests_for("02_backward_step", "linear_activation_backward")}
    assert scores == {"relu": 2.0, "sigmoid": 2.0, "tanh": 0.0}
