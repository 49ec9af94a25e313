"""The whole planted catalogue graded through nbgrader, one student per planted answer.

Each student submits one notebook: the released notebook of the answer's assignment with every
solution cell answered correctly except the planted one. Style variants are packed into a few
students (one answer per function each). The grader must give each planted mistake exactly the
points the catalogue states, with its diagnosis, and cost nothing anywhere else.
"""

import shutil

import pytest

from autograder import planted
from autograder.demo import write_submissions
from autograder.grading import grade
from autograder.hidden import registry

pytestmark = pytest.mark.slow

STYLE = "style"


def plan():
    """student id -> (answers, {assignment: {function: source}})."""
    students = {}
    for answer in planted.CATALOGUE:
        sid = planted.slug(answer.label)
        assert sid not in students, sid
        students[sid] = ([answer], {answer.assignment: {answer.function: answer.source.strip("\n")}})
    for answer in planted.STYLE_CATALOGUE:
        i = 0
        while answer.function in students.get(f"{STYLE}_{i}", ([], {}))[1].get(answer.assignment, {}):
            i += 1
        answers, cls = students.setdefault(f"{STYLE}_{i}", ([], {}))
        answers.append(answer)
        cls.setdefault(answer.assignment, {})[answer.function] = answer.source.strip("\n")
    return students


PLAN = plan()
ASSIGNMENTS = sorted({a for _, cls in PLAN.values() for a in cls})


@pytest.fixture(scope="module")
def graded(released_course, tmp_path_factory):
    """(student, assignment) -> AssignmentResult, for the notebooks the plan submits."""
    tmp = tmp_path_factory.mktemp("catalogue")
    submissions = tmp / "submissions"
    submissions.mkdir()
    for assignment in ASSIGNMENTS:  # only the notebooks that hold a planted answer
        cls = {s: cls for s, (_, cls) in PLAN.items() if assignment in cls}
        part = write_submissions(released_course, tmp / "parts" / assignment, cls, assignments=[assignment])
        for student in cls:
            shutil.move(part / student / assignment, submissions / student / assignment)
    results = grade(submissions, released_course, tmp / "out", workers=2, assignments=ASSIGNMENTS,
                    progress=False)
    return {(r.student_id, r.assignment): r for r in results if r.assignment in PLAN[r.student_id][1]}


def test_every_planned_notebook_was_graded(graded):
    assert set(graded) == {(s, a) for s, (_, cls) in PLAN.items() for a in cls}
    for result in graded.values():
        assert not result.problems, (result.student_id, result.assignment, result.problems)
        assert {t.grade_id for t in result.tests} == {t.grade_id for t in registry.tests_for(result.assignment)}


@pytest.mark.parametrize("answer", planted.CATALOGUE, ids=lambda a: planted.slug(a.label))
def test_a_planted_mistake_costs_what_the_catalogue_says_and_only_there(answer, graded):
    result = graded[(planted.slug(answer.label), answer.assignment)]
    mine = [t for t in result.tests if t.function == answer.function]
    assert sum(t.score for t in mine) == pytest.approx(answer.kept, abs=1e-3), [
        (t.grade_id, t.score, t.diagnosis) for t in mine]
    assert any(answer.diagnosis in t.diagnosis for t in mine), [t.diagnosis for t in mine]
    others = [t for t in result.tests if t.function != answer.function]
    assert all(t.score == t.max_score and not t.diagnosis for t in others), [
        (t.grade_id, t.score, t.diagnosis) for t in others if t.score != t.max_score or t.diagnosis]


@pytest.mark.parametrize("student", sorted(s for s in PLAN if s.startswith(STYLE)))
def test_style_variants_earn_full_marks(student, graded):
    for assignment in PLAN[student][1]:
        for t in graded[(student, assignment)].tests:
            assert t.score == t.max_score and not t.diagnosis, (assignment, t.grade_id, t.score, t.diagnosis)
