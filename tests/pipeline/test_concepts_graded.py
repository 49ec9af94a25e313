"""Concept questions graded through `python -m autograder grade`, in the sandboxed kernel.

One class of three on 04_update_rule: every answer right, every concept answer wrong (the
planted catalogue's), and the untouched release. The answer variable is read from the kernel
by the probe, the verdict and its one-sentence reason come back in test_results.csv and the
feedback, and neither the right answer nor an unused reason reaches a student.
"""

import csv

import pytest

from autograder.hidden import concepts, registry
from autograder.samples import planted
from autograder.samples.demo import write_submissions
from tests.conftest import max_points, run_cli

pytestmark = pytest.mark.slow

A = "04_update_rule"
WRONG = {a.function: a for a in planted.CONCEPT_MISTAKES if a.assignment == A}


def _rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def graded(copy_released, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("concepts")
    course = copy_released(tmp / "course")
    cls = {"right": {}, "wrong": {A: {name: a.source for name, a in WRONG.items()}}, "blank": "untouched"}
    folder = write_submissions(course, tmp / "subs", cls, assignments=[A])
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
    unused = [c.why_wrong for c in concepts.question("q_why_copy").choices if c.why_wrong][0]  # choice A
    assert all(unused not in text for text in pages.values())
