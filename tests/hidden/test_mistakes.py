"""Every known mistake of every hidden test is distinct, wrong, and diagnosed by its own message.

The mistakes of a test are captured by spying on ``check_output`` in the test's suite module while
the test grades the reference answer. Then, for several students (seeds):

(a) no two variants of a test agree on a part that either of them gets wrong, so a part's value
    names exactly one mistake (mistakes are recognised part by part);
(b) no variant equals the correct output;
(c) a student whose function returns exactly a variant's output (the test is run again with the
    same seed, so the inputs are the same) is told that variant's message and nothing else, and
    keeps the parts the variant gets right;
(d) a student who makes the mistake in one part only is told the message for that part only
    (e.g. dW not averaged but db averaged).
"""

import copy
import re
import sys
import warnings
from dataclasses import dataclass
from unittest import mock

import numpy as np
import pytest

from autograder import reference as ref
from autograder.hidden import registry
from autograder.hidden.compare import Layout, Mistake, close, numeric
from autograder.hidden.runner import run_test

STUDENTS = ("ada", "bo", "cy", "dee", "eve", "fay")
BACKWARD = ("sigmoid_backward", "relu_backward", "tanh_backward", "linear_backward",
            "linear_activation_backward", "backward_propagation", "L_model_backward")
MIN_VARIANTS = {"default": 2} | {f: 4 for f in BACKWARD}
TESTS = registry.all_tests(concepts=False)


@dataclass
class Captured:
    expected: object
    layout: Layout
    mistakes: tuple[Mistake, ...]
    m: int | None


def reference_namespace(**overrides):
    return {name: getattr(ref, name) for name in ref.__all__} | overrides


def run_capturing(test, namespace, student):
    """Run ``test`` and return (outcome, the check_output calls it made)."""
    module = sys.modules[test.run.__module__]
    original = module.check_output
    calls = []

    def spy(actual, expected, layout, **kw):
        calls.append(Captured(expected, layout, tuple(kw.get("mistakes", ())), kw.get("m")))
        return original(actual, expected, layout, **kw)

    with mock.patch.object(module, "check_output", spy):
        outcome = run_test(test, namespace, student)
    return outcome, calls


@dataclass
class Variant:
    mistake: Mistake
    output: object
    parts: dict  # part name -> value
    wrong: tuple[str, ...]  # the parts where the variant differs from the correct output
    explains: tuple[str, ...]  # those of them it can explain (not a missing key)
    same_shape: bool  # every part has the correct shape (shape errors are told generically)


def _shape(value):
    arr = numeric(value) if value is not None else None
    return None if arr is None else arr.shape


def variants_of(call: Captured):
    """Each mistake's output, computed silently (a warning here would become a student's hint)."""
    expected = call.layout.split(call.expected)
    out = []
    for mistake in call.mistakes:
        with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn"):
            warnings.simplefilter("always")
            output = mistake.output()
        assert not caught, (mistake.label, [str(w.message) for w in caught])
        parts = call.layout.split(output)
        wrong = tuple(n for n in call.layout.names if not close(parts[n], expected[n]))
        same_shape = all(_shape(parts[n]) is not None and _shape(parts[n]) == _shape(expected[n])
                         for n in call.layout.names)
        explains = tuple(n for n in wrong if _shape(parts[n]) is not None)
        out.append(Variant(mistake, output, parts, wrong, explains, same_shape))
    return out


def captured(test, student):
    outcome, calls = run_capturing(test, reference_namespace(), student)
    assert outcome.fraction == 1.0, outcome
    return calls


def message(mistake: Mistake, names, m) -> str:
    """The sentence check_output writes for ``mistake`` explaining ``names``."""
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    plural = len(names) > 1
    return mistake.message.format(name=joined, m=m, is_="are" if plural else "is",
                                  s="" if plural else "s", es="" if plural else "es",
                                  ies="y" if plural else "ies", has="have" if plural else "has")


def fake_student(test, output):
    """A student function that returns ``output`` whatever it is given."""
    if test.function == "CostFunction":
        cost, derivative = output

        class Fake:
            def __init__(self, name):
                self.name = name

            def compute_cost(self, AL, Y):
                return copy.deepcopy(cost)

            def compute_derivative(self, AL, Y):
                return copy.deepcopy(derivative)

        return Fake
    if test.function == "LabCostFunction":  # each of its tests checks one method

        class FakeLab:
            def __init__(self, name):
                self.name = name

            def compute_cost(self, AL, Y):
                return copy.deepcopy(output)

            def compute_derivative(self, AL, Y):
                return copy.deepcopy(output)

        return FakeLab
    return lambda *args: copy.deepcopy(output)


def with_part(expected, layout: Layout, name, value):
    """The correct output with one part replaced."""
    if len(layout.names) == 1:
        return value
    if isinstance(expected, dict):
        return {**expected, name: value}
    if isinstance(expected, tuple) and len(expected) == 2 and isinstance(expected[0], dict) and (
            len(layout.names) != 2):  # (parameters, costs) of L_layer_model
        parameters, costs = expected
        return (parameters, value) if name == "costs" else ({**parameters, name: value}, costs)
    assert isinstance(expected, tuple) and len(expected) == len(layout.names), type(expected)
    return tuple(value if n == name else v for n, v in zip(layout.names, expected, strict=True))


def diagnosis_of(test, outcome):
    text = outcome.diagnosis
    if test.function in ("CostFunction", "LabCostFunction"):  # parts are told as methods of the object
        text = re.sub(r"^(Lab)?CostFunction\('\w+'\)\.", "", text)
    if test.function == "L_model_backward":  # led by where walking down from layer L first differs
        text = re.sub(r"^Walking down from layer \d+, the first gradient that differs is \w+\. ", "", text)
    return text


def graded_with(test, student, output):
    ns = reference_namespace(**{test.function: fake_student(test, output)})
    outcome, _ = run_capturing(test, ns, student)
    return outcome


@pytest.mark.parametrize("function", sorted({t.function for t in TESTS}))
def test_every_graded_function_has_enough_same_shape_mistakes(function):
    labels = set()
    for test in registry.all_tests(concepts=False):
        if test.function == function:
            for call in captured(test, STUDENTS[0]):
                labels |= {v.mistake.label for v in variants_of(call) if v.same_shape}
    assert len(labels) >= MIN_VARIANTS.get(function, MIN_VARIANTS["default"]), sorted(labels)


@pytest.mark.parametrize("student", STUDENTS)
@pytest.mark.parametrize("test", TESTS, ids=lambda t: t.grade_id)
def test_mistakes_are_wrong_and_pairwise_distinct_on_the_parts_they_explain(test, student):
    for call in captured(test, student):
        variants = variants_of(call)
        assert len({v.mistake.label for v in variants}) == len(variants), "duplicate labels"
        for v in variants:
            assert v.explains, f"{v.mistake.label} equals the correct output"  # (b)
        for v in variants:  # (a)
            for w in variants:
                if v is not w:
                    same = [n for n in v.explains if close(v.parts[n], w.parts[n])]
                    assert not same, f"{v.mistake.label} and {w.mistake.label} agree on {same}"


@pytest.mark.parametrize("student", STUDENTS)
@pytest.mark.parametrize("test", TESTS, ids=lambda t: t.grade_id)
def test_messages_read_as_sentences_and_show_no_expected_value(test, student):
    for call in captured(test, student):
        expected = call.layout.split(call.expected)
        shown = set()
        for value in expected.values():
            arr = numeric(value)
            for x in np.ravel(arr) if arr is not None else ():
                if np.isfinite(x):  # as a diagnosis would print it
                    shown |= {t for t in (f"{x:.6g}", f"{x:.4g}") if len(t.lstrip("-0.")) >= 3}
        for v in variants_of(call):
            for names in (v.explains[:1], v.explains):
                text = message(v.mistake, names, call.m)
                assert "{" not in text and "}" not in text, text
                assert text.startswith(names[0]) and text.endswith("."), text
                assert not [s for s in shown if s in text], (text, [s for s in shown if s in text])


@pytest.mark.parametrize("student", STUDENTS)
@pytest.mark.parametrize("test", TESTS, ids=lambda t: t.grade_id)
def test_a_student_who_returns_a_variant_is_told_its_message_only(test, student):
    for call in captured(test, student):
        for v in variants_of(call):
            outcome = graded_with(test, student, v.output)
            assert not outcome.hints, (v.mistake.label, outcome.hints)  # variants compute silently
            failed = tuple(p.name for p in outcome.parts if not p.ok)
            # the parts it gets right keep their points
            assert failed == v.wrong, (v.mistake.label, failed)
            told = message(v.mistake, v.explains, call.m)
            if v.explains == v.wrong:
                assert diagnosis_of(test, outcome) == told, v.mistake.label
            else:  # a missing key is told as such, the rest by the variant
                assert told in outcome.diagnosis, v.mistake.label
                explained = [p for p in outcome.parts if p.name in v.explains]
                assert told in {p.message for p in explained} and all(
                    p.message in ("", told) for p in explained), v.mistake.label


@pytest.mark.parametrize("student", STUDENTS[:3])
@pytest.mark.parametrize("test", TESTS, ids=lambda t: t.grade_id)
def test_a_mistake_made_in_one_part_only_is_told_for_that_part_only(test, student):
    """E.g. dW not averaged but db averaged: dW gets the 1/m message, db keeps its credit."""
    for call in captured(test, student):
        for v in variants_of(call):
            if len(v.explains) < 2:
                continue  # already covered by the whole variant
            for name in dict.fromkeys((v.explains[0], v.explains[-1])):
                output = with_part(call.expected, call.layout, name, v.parts[name])
                outcome = graded_with(test, student, output)
                where = (v.mistake.label, name)
                assert [p.name for p in outcome.parts if not p.ok] == [name], where
                assert diagnosis_of(test, outcome) == message(v.mistake, [name], call.m), where


def test_linear_backward_tells_each_missing_1_over_m_apart():
    """dW not averaged (db averaged) and db not averaged (dW averaged): each told on its own part.

    One "no_mean" variant covers both: mistakes are matched part by part, so separate variants
    for them would agree with it on dW or db, and the first one listed would always win.
    """
    test = registry.get("test_linear_backward_random")

    def only_dw(dZ, cache):
        dA_prev, dW, db = ref.linear_backward(dZ, cache)
        return dA_prev, dW * dZ.shape[1], db

    def only_db(dZ, cache):
        dA_prev, dW, db = ref.linear_backward(dZ, cache)
        return dA_prev, dW, db * dZ.shape[1]

    for fn, part in ((only_dw, "dW"), (only_db, "db")):
        outcome = run_test(test, reference_namespace(linear_backward=fn), "kim")
        assert [p.name for p in outcome.parts if not p.ok] == [part]
        assert outcome.diagnosis.startswith(f"{part} is m = ")
        assert "the 1/m factor is missing" in outcome.diagnosis
