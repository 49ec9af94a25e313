"""Every planted answer is graded as the catalogue says, without nbgrader (in-process, fast)."""

import copy

import numpy as np
import pytest

from autograder import reference as ref
from autograder.hidden import registry
from autograder.hidden.runner import result_of, run_test
from autograder.samples import planted

STUDENTS = ("pat", "quinn", "rio")


def graded_function(answer: planted.Answer, student="pat"):
    ns = {name: getattr(ref, name) for name in ref.__all__} | {"np": np, "copy": copy}
    exec(answer.source, ns)  # noqa: S102 - the catalogue's own sample answers
    tests = registry.tests_for(answer.assignment, answer.function)
    return [result_of(t, run_test(t, ns, student)) for t in tests]


@pytest.mark.parametrize("answer", planted.MISTAKES, ids=lambda a: a.label)
def test_a_planted_mistake_keeps_the_stated_points_and_is_diagnosed(answer):
    results = graded_function(answer)
    assert sum(r["score"] for r in results) == pytest.approx(answer.kept)
    said = [r["diagnosis"] for r in results]
    assert any(answer.diagnosis in d for d in said), said


@pytest.mark.parametrize("answer", planted.STYLE_VARIANTS, ids=lambda a: a.label)
def test_a_style_variant_earns_full_marks(answer):
    for r in graded_function(answer):
        assert r["score"] == r["max_score"], r


def test_the_catalogue_covers_every_graded_function_and_keeps_the_demo_answers():
    graded = {(t.assignment, t.function) for t in registry.all_tests(concepts=False)}
    assert {(a.assignment, a.function) for a in planted.CATALOGUE} == graded
    assert {(a.assignment, a.function) for a in planted.STYLE_CATALOGUE} == graded
    assert set(planted.MISTAKES) <= set(planted.CATALOGUE)
    assert set(planted.STYLE_VARIANTS) <= set(planted.STYLE_CATALOGUE)
    assert set(planted.CATALOGUE) | set(planted.MORE_MISTAKES) == set(planted.ALL_MISTAKES)
    assert len(planted.CATALOGUE) >= 25 and len(planted.CATALOGUE) == len(planted._END_TO_END)


def test_catalogue_labels_make_distinct_student_ids():
    ids = [planted.slug(a.label) for a in planted.ALL_MISTAKES + planted.STYLE_CATALOGUE]
    assert len(set(ids)) == len(ids) and all(ids)


@pytest.mark.parametrize("answer", planted.ALL_MISTAKES, ids=lambda a: planted.slug(a.label))
def test_every_catalogued_mistake_keeps_its_points_and_is_diagnosed(answer):
    """The same for any student: the seeds change the inputs, never what a mistake costs."""
    assert answer.kept is not None and answer.diagnosis
    for student in STUDENTS + (planted.slug(answer.label),):
        results = graded_function(answer, student)
        assert sum(r["score"] for r in results) == pytest.approx(answer.kept), (student, results)
        said = [r["diagnosis"] for r in results]
        assert any(answer.diagnosis in d for d in said), said
        for r in results:  # a test it fails says why; a test it passes says nothing
            assert bool(r["diagnosis"]) == (r["score"] < r["max_score"]), r
            # (the swapped cross-entropy derivative of the lab divides by 0, and is told so)
            assert not r["hints"] or answer.label in ("no clipping", "lab: the three bugs left",
                                                      "lab: derivative arguments left swapped",
                                                      "lab: derivative asked for as (Y, AL)",
                                                      "lab: both backward bugs left"), r


@pytest.mark.parametrize("answer", planted.STYLE_CATALOGUE, ids=lambda a: planted.slug(a.label))
def test_every_catalogued_style_variant_earns_full_marks(answer):
    for student in STUDENTS:
        for r in graded_function(answer, student):
            assert r["score"] == r["max_score"] and not r["diagnosis"] and not r["hints"], r
