"""Concept questions: graded in-process through the same probe as in a grading kernel, each
student against their own version (tests/hidden/test_question_versions.py tests the versions)."""

import numpy as np
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
    for student in STUDENTS:
        right = graded(test, question.answer_line(question.version_of(student)), student)
        assert right["score"] == test.points and not right["diagnosis"], right
    unanswered = graded(test, None)
    assert unanswered["score"] == 0 and "is not answered yet" in unanswered["diagnosis"], unanswered
    assert unanswered["function"] == test.function


@pytest.mark.parametrize("answer", planted.CONCEPT_MISTAKES, ids=lambda a: a.function)
def test_a_planted_wrong_answer_scores_zero_and_is_told_why(answer):
    test = the_test(answer.function)
    assert test.assignment == answer.assignment
    for student in STUDENTS:
        result = graded(test, planted.concept_source(answer, student), student)
        assert result["score"] == pytest.approx(answer.kept), result
        assert answer.diagnosis in result["diagnosis"], result
        assert result["diagnosis_key"] and answer.function in result["diagnosis_key"]


def test_the_planted_wrong_answers_cover_every_question():
    assert {a.function for a in planted.CONCEPT_MISTAKES} == {t.function for t in QUESTIONS}


@pytest.mark.parametrize("test", [t for t in QUESTIONS if concepts.question(t.function).reasons],
                         ids=lambda t: t.function)
def test_every_wrong_choice_gets_its_own_one_sentence_reason(test):
    question = concepts.question(test.function)
    version = question.version_of("pat")
    for letter in version.letters:
        reason = question.reasons[version.choice(letter)]
        result = graded(test, f"{test.function} = {letter.lower()!r}")
        if not reason:
            assert result["score"] == test.points
        else:
            assert result["score"] == 0 and reason in result["diagnosis"], result
            assert reason.count(". ") == 0, "one sentence"


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
    dW = concepts.question("q_shape_of_dW").version_of("pat")
    caches = len(concepts.question("q_number_of_caches").version_of("pat").layer_dims) - 1
    assert graded(the_test("q_cost_of_half"), "import math\nq_cost_of_half = math.log(2)")["score"] == 1
    assert graded(the_test("q_cost_of_half"), "q_cost_of_half = 0.69")["score"] == 1  # within 0.005
    assert graded(the_test("q_shape_of_dW"),
                  f"import numpy as np\nq_shape_of_dW = np.zeros(({dW.n}, {dW.n_prev})).shape")["score"] == 1
    assert graded(the_test("q_shape_of_dW"), f"q_shape_of_dW = [{dW.n}, {dW.n_prev}]")["score"] == 1
    assert graded(the_test("q_number_of_caches"), f"q_number_of_caches = {caches}.0")["score"] == 1
    unknown = graded(the_test("q_shape_of_dW"), "q_shape_of_dW = (50, 50)")
    assert unknown["score"] == 0 and "is wrong" in unknown["diagnosis"]


@pytest.mark.parametrize("test", QUESTIONS, ids=lambda t: t.function)
def test_the_visible_text_holds_neither_the_answer_nor_a_reason(test):
    question = concepts.question(test.function)
    for student in STUDENTS:
        version = question.version_of(student)
        text = version.markdown()
        assert question.answer_source() not in text and question.answer_line(version) not in text
        for reason in [r for r in question.reasons if r] + list(question.wrong.values()):
            assert version.fill(reason) not in text


@pytest.mark.parametrize("test", QUESTIONS, ids=lambda t: t.function)
def test_the_instructor_solution_answers_every_students_own_version(test):
    """The solution cell computes the kernel's student's answer: right for every student."""
    question = concepts.question(test.function)
    for student in (*STUDENTS, "instructor"):
        namespace = {"np": np}
        with pytest.MonkeyPatch.context() as env:
            env.setenv("AUTOGRADER_STUDENT_ID", student)
            exec(question.answer_source(), namespace)  # noqa: S102 - the question's own solution
        assert result_of(test, run_test(test, namespace, student))["score"] == test.points
