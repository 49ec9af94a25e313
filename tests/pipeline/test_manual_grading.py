"""Written answers through `python -m autograder grade`: left to the instructor, then scored by hand.

One class of two on 04_update_rule, graded twice: "writer" answers everything (the model written
answer included), "blank" hands in the release. After the first run the written answer is awaiting
manual grading (never a zero or a failure); the instructor then scores it through nbgrader's
Gradebook API, as formgrader's Manual Grading view does, and `grade --student writer` keeps that
score and counts it.
"""

import csv
import shutil

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder import nbgrader_api, notebooks
from autograder.grading.csvfiles import GRADES_HEADER
from autograder.grading.results import AWAITING_MANUAL
from autograder.samples.demo import write_submissions
from tests.conftest import is_written, max_points, points, run_cli, written_points

pytestmark = pytest.mark.slow

A = "04_update_rule"
NOTEBOOK = "update_rule"
GIVEN = 1.5  # the score the instructor gives by hand
COMMENT = "Right direction; say what a too large rate does to the cost."


def _rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def _snapshot(out):
    return {"grades": _rows(out / "grades.csv"), "tests": _rows(out / "test_results.csv"),
            "report": (out / "report.html").read_text(),
            "feedback": (out / "feedback" / "writer" / A / f"{NOTEBOOK}.html").read_text()}


@pytest.fixture(scope="module")
def rounds(released_course, tmp_path_factory):
    """(course, written grade id, the first run's files, the gradebook's manual score after the
    re-grade, the re-grade's files)."""
    tmp = tmp_path_factory.mktemp("manual")
    course = tmp / "course"
    shutil.copytree(released_course, course)
    folder = write_submissions(course, tmp / "subs", {"writer": {}, "blank": "untouched"}, assignments=[A])
    out = tmp / "out"
    first = run_cli("grade", "--submissions", folder, "--course-dir", course, "--out", out, "--workers", "2")
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    before = _snapshot(out)
    written = notebooks.written_answers(nbformat.read(notebooks.source_notebook(course, A), as_version=4))
    grade_id = written[0][0]
    with Gradebook(nbgrader_api.gradebook_url(course), nbgrader_api.COURSE_ID) as gb:  # as formgrader saves it
        gb.find_grade(grade_id, NOTEBOOK, A, "writer").manual_score = GIVEN
        gb.find_comment(grade_id, NOTEBOOK, A, "writer").manual_comment = COMMENT
        gb.db.commit()
    again = run_cli("grade", "--submissions", folder, "--course-dir", course, "--out", out, "--workers", "1",
                    "--student", "writer")
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    with Gradebook(nbgrader_api.gradebook_url(course), nbgrader_api.COURSE_ID) as gb:
        kept = gb.find_grade(grade_id, NOTEBOOK, A, "writer").manual_score
    return course, grade_id, before, kept, _snapshot(out)


def test_written_answers_await_manual_grading_in_a_column_of_their_own(rounds):
    _, grade_id, before, _, _ = rounds
    assert GRADES_HEADER[-1] == "manual_pending" and list(before["grades"][0]) == GRADES_HEADER
    grades = {r["student_id"]: r for r in before["grades"]}
    assert written_points(A) > 0
    writer, blank = grades["writer"], grades["blank"]
    assert float(writer["score"]) == points(A) and float(writer["max_score"]) == max_points(A)
    assert float(writer["manual_pending"]) == written_points(A)
    assert float(blank["score"]) == 0 and float(blank["manual_pending"]) == 0  # nothing written: nothing to grade
    rows = [r for r in before["tests"] if is_written(r["grade_id"])]
    assert {r["grade_id"] for r in rows} >= {grade_id}
    for row in rows:
        assert row["function"] == row["grade_id"]
        if row["student_id"] == "writer":
            assert row["diagnosis"] == AWAITING_MANUAL and float(row["score"]) == 0, row
        else:
            assert "is not written yet" in row["diagnosis"], row
    report = before["report"]
    assert AWAITING_MANUAL in report and "Manual Grading" in report
    assert f"{points(A):g} / {max_points(A):g} ({written_points(A):g} {AWAITING_MANUAL})" in report


def test_the_report_never_counts_a_pending_answer_as_failed(rounds, tmp_path):
    from autograder.grading.csvfiles import TEST_HEADER, TESTS_FILE, results_from_csvs
    from autograder.grading.item_analysis import analyse
    from autograder.grading.report import common_diagnoses, pass_rates

    with open(tmp_path / TESTS_FILE, "w", newline="") as f:  # the rows as the report reads kept ones
        writer = csv.DictWriter(f, TEST_HEADER)
        writer.writeheader()
        writer.writerows(r for r in rounds[2]["tests"] if r["student_id"] == "writer")
    results = results_from_csvs(tmp_path, set())
    assert [r.manual_pending for r in results] == [written_points(A)]
    assert all(AWAITING_MANUAL not in d for _, d, _ in common_diagnoses(results))
    assert not any(is_written(name.split(" ", 1)[1]) for name, _, _ in pass_rates(results))
    assert not any(is_written(i.grade_id) for i in analyse(results).items)


def test_feedback_never_shows_a_mark_scheme_but_formgrader_does(rounds):
    course, _, before, _, after = rounds
    for page in (before["feedback"], after["feedback"]):
        assert "MARK SCHEME" not in page and "Mark scheme" not in page and "A full-marks answer" not in page
        assert AWAITING_MANUAL in before["feedback"]
    autograded = nbformat.read(course / "autograded" / "writer" / A / f"{NOTEBOOK}.ipynb", as_version=4)
    assert any(notebooks.MARK_SCHEME_BEGIN in c.source for c in autograded.cells)  # what formgrader shows


def test_a_score_given_by_hand_survives_regrading_and_counts(rounds):
    _, grade_id, before, kept, after = rounds
    assert kept == GIVEN
    grades = {r["student_id"]: r for r in after["grades"]}
    writer = grades["writer"]
    pending = written_points(A) - next(float(r["max_score"]) for r in before["tests"] if r["grade_id"] == grade_id)
    assert float(writer["score"]) == points(A) + GIVEN and float(writer["raw_score"]) == points(A) + GIVEN
    assert float(writer["manual_pending"]) == pending
    row = next(r for r in after["tests"] if r["student_id"] == "writer" and r["grade_id"] == grade_id)
    assert float(row["score"]) == GIVEN and row["diagnosis"] == COMMENT
    assert grades["blank"] == {r["student_id"]: r for r in before["grades"]}["blank"]  # not re-graded
    assert COMMENT in after["feedback"]
