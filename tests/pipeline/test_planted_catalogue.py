"""The planted catalogue graded through nbgrader, one student per planted answer.

Each student submits one notebook: the released notebook of the answer's assignment with every
solution cell answered correctly except the planted one. The grader must give each planted
mistake exactly the points the catalogue states, with its diagnosis, and cost nothing elsewhere.
Style variants (but the demo's own) are packed into a few students, one answer per function each.
planted.MORE_MISTAKES are graded in-process only (tests/hidden/test_planted.py): every notebook
costs seconds to grade.
"""

import re

import pytest

from autograder.grading import grade
from autograder.hidden import registry
from autograder.samples import planted
from autograder.samples.demo import write_submissions
from tests.corpus import parity, visible

pytestmark = pytest.mark.slow

STYLE = "style"


def source(answer):
    return answer.source.strip("\n")


def plan():
    """student id -> {assignment: {function: source}}."""
    students = {}
    for answer in planted.CATALOGUE:
        sid = planted.slug(answer.label)
        assert sid not in students, sid
        students[sid] = {answer.assignment: {answer.function: source(answer)}}
    for answer in planted.STYLE_CATALOGUE:
        if answer in planted.STYLE_VARIANTS:
            continue  # the demo grades these end to end already
        i = 0
        while answer.function in students.get(f"{STYLE}_{i}", {}).get(answer.assignment, ()):
            i += 1
        answers = students.setdefault(f"{STYLE}_{i}", {}).setdefault(answer.assignment, {})
        answers[answer.function] = source(answer)
    return students


PLAN = plan()
ASSIGNMENTS = sorted({a for cls in PLAN.values() for a in cls})


@pytest.fixture(scope="module")
def graded(copy_released, tmp_path_factory):
    """(student, assignment) -> AssignmentResult, for the notebooks the plan submits.

    One grading run per assignment, over only the students who submit it: a student gets no
    notebook for the other assignments, and grading those as missing would only cost time.
    """
    tmp = tmp_path_factory.mktemp("catalogue")
    course = copy_released(tmp / "course")
    results = {}
    for assignment in ASSIGNMENTS:
        cls = {s: answers for s, answers in PLAN.items() if assignment in answers}
        submissions = write_submissions(course, tmp / "submissions" / assignment, cls,
                                        assignments=[assignment])
        for r in grade(submissions, course, tmp / "out" / assignment, workers=2,
                       assignments=[assignment], progress=False):
            results[(r.student_id, r.assignment)] = r
    return results


def test_every_planned_notebook_was_graded(graded):
    assert set(graded) == {(s, a) for s, answers in PLAN.items() for a in answers}
    for result in graded.values():
        assert not result.problems, (result.student_id, result.assignment, result.problems)
        wanted = {t.grade_id for t in registry.tests_for(result.assignment)}
        assert {t.grade_id for t in result.tests if not t.manual} == wanted


@pytest.mark.parametrize("answer", planted.CATALOGUE, ids=lambda a: planted.slug(a.label))
def test_a_planted_mistake_costs_what_the_catalogue_says_and_only_there(answer, graded):
    result = graded[(planted.slug(answer.label), answer.assignment)]
    mine = [t for t in result.tests if t.function == answer.function]
    assert sum(t.score for t in mine) == pytest.approx(answer.kept, abs=1e-3), [
        (t.grade_id, t.score, t.diagnosis) for t in mine]
    assert any(answer.diagnosis in t.diagnosis for t in mine), [t.diagnosis for t in mine]
    others = [t for t in result.tests if t.function != answer.function and not t.manual]
    assert all(t.score == t.max_score and not t.diagnosis for t in others), [
        (t.grade_id, t.score, t.diagnosis) for t in others if t.score != t.max_score or t.diagnosis]


@pytest.mark.parametrize("student", sorted(s for s in PLAN if s.startswith(STYLE)))
def test_style_variants_earn_full_marks(student, graded):
    for assignment in PLAN[student]:
        for t in graded[(student, assignment)].tests:
            if t.manual:  # a written answer, graded by hand
                assert t.pending, (assignment, t.grade_id)
                continue
            assert t.score == t.max_score and not t.diagnosis, (assignment, t.grade_id, t.diagnosis)


def test_the_in_process_runner_gives_the_kernels_verdicts(graded, released_course):
    """One grading path: every test of every planted student, wrong answers included, gets the
    same points, diagnosis and notes in-process as it got in the grading kernel."""
    differ = []
    for (student, assignment), result in graded.items():
        here = parity.in_process(released_course, student, assignment, PLAN[student][assignment])
        for row in result.tests:
            if row.manual:  # a written answer: graded by hand, not by a test
                continue
            mine = here[row.grade_id]
            if (mine["score"], parity.reported(mine), mine["notes"]) != (row.score, row.diagnosis, row.notes):
                differ.append(f"{student} {row.grade_id}: in-process {mine['score']} {parity.reported(mine)!r} "
                              f"{mine['notes']}, kernel {row.score} {row.diagnosis!r} {row.notes}")
    assert not differ, "\n".join(differ)


def test_the_feedback_of_a_missing_1_over_m_says_what_the_visible_check_says(graded):
    """Graded in the kernel, a missing 1/m is told in the words the notebook's visible check uses
    (bpkit.mismatch); only the numbers and the parts named differ ("dW is m = 7 times too large"
    in the notebook, "dW and db are m = 9 times too large" in the feedback)."""
    answer = planted.MISSING_ONE_OVER_M
    seen = visible.failure(answer.assignment, answer.function, {answer.function: source(answer)})
    assert seen is not None and seen.startswith("dW is m = "), seen
    told = [t.diagnosis for t in graded[(planted.slug(answer.label), answer.assignment)].tests
            if t.diagnosis and not t.manual]  # written answers wait for the instructor
    after_the_names = re.sub(r"\d+", "#", seen.split(" is ", 1)[1])
    assert told and all(re.sub(r"\d+", "#", d).endswith(" are " + after_the_names) for d in told), (seen, told)
