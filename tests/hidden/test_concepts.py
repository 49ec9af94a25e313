"""Concept questions: graded in-process through the same probe as in a grading kernel."""

import pytest

from autograder.hidden import concepts, registry
from autograder.hidden.runner import result_of, run_test
from autograder.samples import planted

STUDENTS = ("pat", "quinn")
QUESTIONS = [t for t in registry.all_tests() if t.concept]


def graded(test, source: str | None, student="pat") -> dict:
    namespace: dict = {}
    if source is not None:
        exec(source, namespace)  # noqa: S102 - sample answers
    return result_of(test, run_test(test, namespace, student))


def the_test(name):
    return next(t for t in QUESTIONS if t.function == name)


@pytest.mark.parametrize("assignment", registry.ASSIGNMENTS)
def test_every_notebook_has_three_to_six_concept_questions(assignment):
    assert 3 <= len(registry.concepts_of(assignment)) <= 6


@pytest.mark.parametrize("test", QUESTIONS, ids=lambda t: t.function)
def test_the_right_answer_earns_full_marks_and_an_unanswered_question_none(test):
    question = concepts.question(test.function)
    right = graded(test, question.answer_source())
    assert right["score"] == test.points and not right["diagnosis"], right
    unanswered = graded(test, None)
    assert unanswered["score"] == 0 and "is not answered yet" in unanswered["diagnosis"], unanswered
    assert unanswered["function"] == test.function


@pytest.mark.parametrize("answer", planted.CONCEPT_MISTAKES, ids=lambda a: a.function)
def test_a_planted_wrong_answer_scores_zero_and_is_told_why(answer):
    test = the_test(answer.function)
    assert test.assignment == answer.assignment
    for student in STUDENTS:
        result = graded(test, answer.source, student)
        assert result["score"] == pytest.approx(answer.kept), result
        assert answer.diagnosis in result["diagnosis"], result
        assert result["diagnosis_key"] and answer.function in result["diagnosis_key"]


def test_the_planted_wrong_answers_cover_every_question():
    assert {a.function for a in planted.CONCEPT_MISTAKES} == {t.function for t in QUESTIONS}


@pytest.mark.parametrize("test", [t for t in QUESTIONS if concepts.question(t.function).choices],
                         ids=lambda t: t.function)
def test_every_wrong_choice_gets_its_own_one_sentence_reason(test):
    question = concepts.question(test.function)
    for letter, choice in zip(question.letters, question.choices, strict=True):
        result = graded(test, f"{test.function} = {letter.lower()!r}")
        if choice.right:
            assert result["score"] == test.points
        else:
            assert result["score"] == 0 and choice.why_wrong in result["diagnosis"], result
            assert choice.why_wrong.count(". ") == 0, "one sentence"


@pytest.mark.parametrize("name, source", [
    ("q_why_cross_entropy", "q_why_cross_entropy = 'Z'"),
    ("q_why_cross_entropy", "q_why_cross_entropy = 2"),
    ("q_shape_of_dW", "q_shape_of_dW = '(4, 3)'"),
    ("q_shape_of_dW", "q_shape_of_dW = 12"),
    ("q_shape_of_dW", "q_shape_of_dW = (4.5, 3)"),
    ("q_cost_of_half", "q_cost_of_half = 'ln 2'"),
    ("q_cost_of_half", "q_cost_of_half = float('nan')"),
    ("q_threshold", "q_threshold = True"),
])
def test_an_answer_of_the_wrong_kind_says_how_to_answer(name, source):
    result = graded(the_test(name), source)
    assert result["score"] == 0 and "is not an answer this question takes: write" in result["diagnosis"], result


def test_numbers_and_shapes_are_read_as_students_write_them():
    assert graded(the_test("q_cost_of_half"), "import math\nq_cost_of_half = math.log(2)")["score"] == 1
    assert graded(the_test("q_cost_of_half"), "q_cost_of_half = 0.69")["score"] == 1  # within 0.005
    assert graded(the_test("q_shape_of_dW"), "import numpy as np\nq_shape_of_dW = np.zeros((4, 3)).shape")["score"] == 1
    assert graded(the_test("q_shape_of_dW"), "q_shape_of_dW = [4, 3]")["score"] == 1
    assert graded(the_test("q_number_of_caches"), "q_number_of_caches = 3.0")["score"] == 1
    unknown = graded(the_test("q_shape_of_dW"), "q_shape_of_dW = (5, 5)")
    assert unknown["score"] == 0 and "is wrong" in unknown["diagnosis"]


@pytest.mark.parametrize("test", QUESTIONS, ids=lambda t: t.function)
def test_the_visible_text_holds_neither_the_answer_nor_a_reason(test):
    question = concepts.question(test.function)
    text = question.markdown()
    assert question.answer_source() not in text
    for reason in [c.why_wrong for c in question.choices if c.why_wrong] + list(question.wrong.values()):
        assert reason not in text
