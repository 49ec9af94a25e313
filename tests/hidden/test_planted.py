"""Every planted answer of the sample class is graded as the catalogue says, without nbgrader."""

import copy

import numpy as np
import pytest

from autograder import planted
from autograder import reference as ref
from autograder.hidden import registry
from autograder.hidden.runner import result_of, run_test


def graded_function(answer: planted.Answer, student="pat"):
    ns = {name: getattr(ref, name) for name in ref.__all__} | {"np": np, "copy": copy}
    exec(answer.source, ns)  # noqa: S102 - the catalogue's own sample answers
    return [result_of(t, run_test(t, ns, student)) for t in registry.tests_for(answer.assignment, answer.function)]


@pytest.mark.parametrize("answer", planted.MISTAKES, ids=lambda a: a.label)
def test_a_planted_mistake_keeps_the_stated_points_and_is_diagnosed(answer):
    results = graded_function(answer)
    assert sum(r["score"] for r in results) == pytest.approx(answer.kept)
    assert any(answer.diagnosis in r["diagnosis"] for r in results), [r["diagnosis"] for r in results]


@pytest.mark.parametrize("answer", planted.STYLE_VARIANTS, ids=lambda a: a.label)
def test_a_style_variant_earns_full_marks(answer):
    for r in graded_function(answer):
        assert r["score"] == r["max_score"], r
