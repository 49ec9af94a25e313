"""Concept questions graded through `python -m autograder grade`, in the sandboxed kernel.

One graded class. On 04_update_rule: every answer right (the instructor's solutions, which
answer the version of the kernel's student), every concept answer wrong (the planted
catalogue's, written for the student's own version), and the untouched release. The answer
variable is read from the kernel by the probe, the verdict and its one-sentence reason come back
in test_results.csv and the feedback, and neither the right answer nor an unused reason reaches
a student.

Per-student versions: two students whose versions differ (order of choices, numbers) answer
their own version right, as a student writes it (a literal), on one assignment, and the other
student's answers on another: full marks for their own, the reason why the choice is wrong
for the other's. Each one's feedback shows their own version.
"""

import csv
import shutil

import pytest

from autograder.hidden import concepts, registry
from autograder.samples import planted
from autograder.samples.demo import write_submissions
from tests.conftest import max_points, run_cli

pytestmark = pytest.mark.slow

A = "04_update_rule"
OTHER = "02_backward_step"
WRONG = {a.function: a for a in planted.CONCEPT_MISTAKES if a.assignment == A}


def _differ(x, y, assignment) -> bool:
    """x and y see different versions of every question of ``assignment`` that varies, and a
    different right answer wherever it has choices or numbers."""
    for name in registry.concepts_of(assignment):
        q = concepts.question(name)
        vx, vy = q.version_of(x), q.version_of(y)
        if (q.reasons or vx.params) and q.expected(vx) == q.expected(vy):
            return False
    return True


def _two_students():
    """Two student ids whose versions of A and OTHER differ (the first such pair of a fixed list)."""
    names = ["ada", "bo", "cy", "dee", "eve", "fox", "gil", "hal", "ivy", "jo", "kit", "lu"]
    return next((x, y) for i, x in enumerate(names) for y in names[i + 1:]
                if _differ(x, y, A) and _differ(x, y, OTHER))


ADA, BO = _two_students()


def _answers(assignment, student):
    """The right answers of ``student``'s version, as literals."""
    return {name: concepts.question(name).answer_line(concepts.question(name).version_of(student))
            for name in registry.concepts_of(assignment)}


def _rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def graded(copy_released, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("concepts")
    course = copy_released(tmp / "course")
    wrong = {A: {name: planted.concept_source(a, "wrong") for name, a in WRONG.items()}}
    cls = {"right": {}, "wrong": wrong, "blank": "untouched", ADA: {A: _answers(A, ADA)}, BO: {A: _answers(A, ADA)}}
    folder = write_submissions(course, tmp / "subs", cls, assignments=[A])
    other = write_submissions(course, tmp / "other", {ADA: {OTHER: _answers(OTHER, BO)},
                                                      BO: {OTHER: _answers(OTHER, BO)}}, assignments=[OTHER])
    for student in (ADA, BO):
        shutil.copytree(other / student / OTHER, folder / student / OTHER)
    out = tmp / "out"
    done = run_cli("grade", "--submissions", folder, "--course-dir", course, "--out", out, "--workers", "2")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def test_every_concept_question_is_graded_by_its_variable_name(graded):
    rows = [r for r in _rows(graded / "test_results.csv") if r["assignment"] == A]
    names = set(registry.concepts_of(A))
    assert len(names) >= 3 and set(WRONG) == names
    for student in ("right", "wrong", "blank"):
        mine = {r["function"]: r for r in rows if r["student_id"] == student}
        assert names <= set(mine), (student, sorted(mine))
        for name in names:
            row = mine[name]
            assert row["grade_id"] == f"test_{name}_answer"
            if student == "right":
                assert float(row["score"]) == float(row["max_score"]) and not row["diagnosis"], row
            elif student == "wrong":
                assert float(row["score"]) == 0 and WRONG[name].diagnosis in row["diagnosis"], row
            else:
                assert float(row["score"]) == 0 and "is not answered yet" in row["diagnosis"], row


def test_grades_count_the_concept_points(graded):
    grades = {r["student_id"]: r for r in _rows(graded / "grades.csv") if r["assignment"] == A}
    total = sum(t.points for t in registry.tests_for(A))
    concept_points = sum(t.points for t in registry.tests_for(A) if t.concept)
    assert float(grades["right"]["max_score"]) == max_points(A)  # written answers (graded by hand) included
    assert float(grades["right"]["score"]) == total
    assert float(grades["wrong"]["score"]) == total - concept_points
    assert float(grades["blank"]["score"]) == 0


def test_the_feedback_tells_the_reason_but_never_the_answer(graded):
    pages = {s: next((graded / "feedback" / s / A).glob("*.html")).read_text() for s in ("right", "wrong", "blank")}
    wrong = pages["wrong"]
    for name, answer in WRONG.items():
        question = concepts.question(name)
        assert answer.diagnosis in wrong
        for student in ("wrong", "blank"):  # (the right student's page shows their own answer)
            assert question.answer_source() not in pages[student]
    unused = concepts.question("q_why_copy").reasons[0]  # the planted answer is choice 1
    assert unused and all(unused not in text for text in pages.values())


def test_two_students_see_different_versions():
    for assignment in (A, OTHER):
        versions = [[concepts.question(n).version_of(s) for n in registry.concepts_of(assignment)] for s in (ADA, BO)]
        assert [(v.params, v.order) for v in versions[0]] != [(v.params, v.order) for v in versions[1]]
        assert any(v.order for v in versions[0]) and any(v.params for v in versions[0])


def test_each_student_answering_their_own_version_gets_full_marks_and_the_others_the_reason(graded):
    rows = _rows(graded / "test_results.csv")
    for student, own, others in ((ADA, A, OTHER), (BO, OTHER, A)):
        mine = {(r["assignment"], r["function"]): r for r in rows if r["student_id"] == student}
        for name in registry.concepts_of(own):
            row = mine[own, name]
            assert float(row["score"]) == float(row["max_score"]) and not row["diagnosis"], row
        for name in registry.concepts_of(others):
            row = mine[others, name]
            question = concepts.question(name)
            version, theirs = question.version_of(student), question.version_of(ADA if student == BO else BO)
            if not (question.reasons or version.params):
                continue  # the same for everybody: the other's answer is right too
            assert float(row["score"]) == 0, row
            if question.reasons:  # the other's letter shows another choice in this student's version
                reason = question.reasons[version.choice(question.expected(theirs))]
                assert reason and version.fill(reason) in row["diagnosis"], row


def test_the_feedback_shows_each_student_their_own_version(graded):
    """The grading kernel knows the student: the question cell shows their version again."""
    for student in (ADA, BO):
        page = next((graded / "feedback" / student / A).glob("*.html")).read_text()
        version = concepts.question("q_why_copy").version_of(student)
        starts = [version.question.choices[i][:20] for i in version.order]  # as listed under A, B, ...
        shown = [page.index(s, page.index("Q3.")) for s in starts]  # (the notebook's text may quote one)
        assert page.count("Q3.") == 1 and shown == sorted(shown), (student, starts)
        alpha = concepts.question("q_step_factor").version_of(student).alpha
        assert f"\\alpha = {alpha}$" in page, student
