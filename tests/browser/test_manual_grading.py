"""An instructor grades a written answer in formgrader's Manual Grading view; `grade` run again
keeps that score and counts it in grades.csv.

The class graded in the background (conftest's `graded`) left ada_correct's written answers of
01_cost_functions awaiting manual grading. Formgrader (the JupyterLab server's, on root/course)
shows her submission with the mark scheme above each answer; the score typed there lands in the
gradebook, and `grade --student ada_correct` into a copy of the results counts it.
"""

import csv
import shutil

import pytest
from nbgrader.api import Gradebook

from autograder import nbgrader_api
from autograder.grading.results import AWAITING_MANUAL
from tests.conftest import run_cli

pytestmark = pytest.mark.browser

A, NOTEBOOK, STUDENT = "01_cost_functions", "cost_functions", "ada_correct"
ANSWER = "written_cost_function"  # a written answer of 01 (2 points)
GIVEN = 1.5


def _grades(out):
    with open(out / "grades.csv", newline="") as f:
        return {(r["student_id"], r["assignment"]): r for r in csv.DictReader(f)}


def test_a_score_given_in_formgrader_counts_after_grading_again(lab_page, lab, graded, work, tmp_path):
    course = work["course"]
    before = _grades(graded)[STUDENT, A]
    assert float(before["manual_pending"]) > 0
    with Gradebook(nbgrader_api.gradebook_url(course), nbgrader_api.COURSE_ID) as gb:
        submission_id = gb.find_submission_notebook(NOTEBOOK, A, STUDENT).id
        points = gb.find_graded_cell(ANSWER, NOTEBOOK, A).max_score
    lab_page.goto(f"{lab['base']}/formgrader?token={lab['token']}")
    lab_page.goto(f"{lab['base']}/formgrader/submissions/{submission_id}/")
    score = lab_page.locator(f"input.score#{ANSWER}")
    score.wait_for(timeout=60_000)
    page_text = lab_page.inner_text("body")
    assert "Mark scheme" in page_text and "What is a cost function?" in page_text  # the grader sees the scheme
    score.fill(str(GIVEN))
    score.press("Tab")  # formgrader saves on change
    saved = lab_page.locator(f".nbgrader_cell:has(input.score#{ANSWER}) .score-saved")
    saved.wait_for(state="visible", timeout=30_000)
    with Gradebook(nbgrader_api.gradebook_url(course), nbgrader_api.COURSE_ID) as gb:
        assert gb.find_grade(ANSWER, NOTEBOOK, A, STUDENT).manual_score == GIVEN

    out = tmp_path / "graded"
    shutil.copytree(graded, out)
    done = run_cli("grade", "--submissions", work["root"] / "submissions", "--course-dir", course, "--out", out,
                   "--workers", "1", "--assignment", A, "--student", STUDENT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    after = _grades(out)[STUDENT, A]
    assert float(after["score"]) == float(before["score"]) + GIVEN
    assert float(after["manual_pending"]) == float(before["manual_pending"]) - points
    with open(out / "test_results.csv", newline="") as f:
        row = next(r for r in csv.DictReader(f) if (r["student_id"], r["grade_id"]) == (STUDENT, ANSWER))
    assert float(row["score"]) == GIVEN and row["diagnosis"] != AWAITING_MANUAL
