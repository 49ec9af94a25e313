"""Stubs take the provided functions' real parameters; a graded function's own are checked."""

import importlib
import inspect

import numpy as np
import pytest

from autograder.hidden import registry, signatures
from autograder.hidden.runner import result_of, run_test
from autograder.link.probe import make_stub, parameters_of

PROVIDERS = ("bpkit.forward", "bpkit.init", "bpkit.solved.cost_functions", "bpkit.solved.backward_step",
             "bpkit.solved.L_model_backward", "bpkit.solved.update_rule")
FUNCTION_TESTS = registry.all_tests(concepts=False)
NAMES = sorted({d for t in FUNCTION_TESTS for d in t.deps} | {t.function for t in FUNCTION_TESTS})


def _provided(name):
    found = [getattr(importlib.import_module(m), name) for m in PROVIDERS
             if hasattr(importlib.import_module(m), name)]
    return found[0] if found else None


def _described(sig: inspect.Signature):
    return [(p.name, p.kind, p.default) for p in sig.parameters.values()]


@pytest.mark.parametrize("name", NAMES)
def test_the_course_signature_is_the_provided_functions(name):
    provided = _provided(name)
    if provided is None:  # graded where it is defined, provided nowhere (05's functions, the labs)
        assert name in {"predict", "L_layer_model", "LabCostFunction", "backpropagation"}
        return
    assert _described(signatures.course_signature(name)) == _described(inspect.signature(provided))


def test_every_dependency_is_provided_with_its_course_signature():
    for name in {d for t in registry.all_tests(concepts=False) for d in t.deps}:
        assert _provided(name) is not None, name


def _pair(name, source):
    """A stub of ``name`` and a real function with the course's parameters, to compare."""
    calls = []
    stub = make_stub(name, signatures.stub_specs(name), lambda n, a, k: calls.append((n, a, k)) or "answered")
    scope = {}
    exec(source, scope)
    return stub, scope[name], calls


BAD_CALLS = [
    ((1, 2), {}),
    ((1, 2, 3, 4), {}),
    ((1, 2), {"activaton": "relu"}),
    ((1, 2, "relu"), {"activation": "relu"}),
    ((), {"dA": 1, "cache": 2}),
    ((1,), {"cache": 2, "extra": 3}),
]


@pytest.mark.parametrize("args, kwargs", BAD_CALLS)
def test_a_call_the_real_function_rejects_raises_pythons_own_type_error(args, kwargs):
    stub, real, calls = _pair("linear_activation_backward",
                              "def linear_activation_backward(dA, cache, activation): pass")
    with pytest.raises(TypeError) as expected:
        real(*args, **kwargs)
    with pytest.raises(TypeError) as got:
        stub(*args, **kwargs)
    assert str(got.value) == str(expected.value)
    assert calls == []


def test_accepted_calls_are_sent_bound_with_defaults_filled_in():
    stub, _, calls = _pair("L_layer_model", "def L_layer_model(): pass")
    assert stub(1, 2, [3], num_iterations=5) == "answered"
    assert stub(X=1, Y=2, layers_dims=[3], print_cost=True, learning_rate=0.1, num_iterations=7)
    assert calls == [("L_layer_model", (1, 2, [3], 0.0075, 5, False), {}),
                     ("L_layer_model", (1, 2, [3], 0.1, 7, True), {})]
    assert str(inspect.signature(stub)) == (
        "(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False)")


def test_stubs_can_have_every_kind_of_parameter():
    specs = [["a", "POSITIONAL_ONLY"], ["b", "POSITIONAL_OR_KEYWORD", 2], ["rest", "VAR_POSITIONAL"],
             ["k", "KEYWORD_ONLY"], ["more", "VAR_KEYWORD"]]
    calls = []
    stub = make_stub("f", specs, lambda n, a, k: calls.append((a, k)))
    stub(1, k=3)
    stub(1, 5, 6, 7, k=3, z=9)
    assert calls == [((1, 2), {"k": 3}), ((1, 5, 6, 7), {"k": 3, "z": 9})]
    assert str(inspect.signature(stub)) == "(a, /, b=2, *rest, k, **more)"
    with pytest.raises(ValueError):
        make_stub("f", [["x); import os; (", "POSITIONAL_OR_KEYWORD"]], print)


def _mismatch(function, source):
    scope = {}
    exec(source, scope)
    return signatures.mismatch(function, parameters_of(scope[function]))


@pytest.mark.parametrize("source", [
    "def L_model_backward(AL, Y, caches): pass",
    "def L_model_backward(AL, Y, caches, verbose=False): pass",
    "def L_model_backward(*args, **kwargs): pass",
    "def L_layer_model(X, Y, layers_dims, *args, **kwargs): pass",
    "def L_layer_model(X, Y, layers_dims, learning_rate=0.1, num_iterations=10, print_cost=True): pass",
])
def test_the_course_parameters_or_a_pass_through_are_fine(source):
    function = source.split()[1].split("(")[0]
    assert _mismatch(function, source) is None


@pytest.mark.parametrize("source, kind, text", [
    ("def L_model_backward(AL, caches, Y): pass", "wrong",
     "`L_model_backward` takes (AL, caches, Y); the assignment asks for (AL, Y, caches)"),
    ("def L_model_backward(AL, Y): pass", "wrong", "takes (AL, Y); the assignment asks for (AL, Y, caches)"),
    ("def L_model_backward(AL, Y, caches, m): pass", "wrong", "takes (AL, Y, caches, m);"),
    ("def L_model_backward(AL, Y, *, caches): pass", "wrong", "takes (AL, Y, *, caches);"),
    ("def L_model_backward(AL, labels, cache_list): pass", "renamed", "costs nothing"),
    ("def CostFunction(kind): pass", "renamed", "takes (kind); the assignment asks for (name)"),
])
def test_a_definition_with_other_parameters_is_described(source, kind, text):
    found = _mismatch(source.split()[1].split("(")[0], source)
    assert found is not None and found[0] == kind and text in found[1]


def test_a_method_with_other_parameters_is_noted_in_process():
    from autograder import reference as ref

    class CostFunction(ref.CostFunction):
        def compute_cost(self, A, labels):
            return super().compute_cost(A, labels)

    ns = {"CostFunction": CostFunction}
    test = registry.get("test_CostFunction_mse")
    result = result_of(test, run_test(test, ns, "s1"))
    assert result["score"] == test.points
    assert any("`CostFunction.compute_cost` takes (A, labels)" in n for n in result["notes"])


KEYWORD_CALLS = """
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward, "tanh": tanh_backward}[activation]
    return linear_backward(dZ=backward(dA=dA, cache=Z), cache=linear_cache)
"""


def test_keyword_calls_to_dependencies_earn_full_marks_in_process():
    scope = {"np": np}
    exec(KEYWORD_CALLS, scope)
    for case in ("relu", "sigmoid", "tanh"):
        test = registry.get(f"test_linear_activation_backward_{case}")
        assert result_of(test, run_test(test, scope, "s1"))["score"] == test.points
    assert "linear_backward" not in scope  # the stubs are gone afterwards
