"""What a Dask worker sends back lands in the course gradebook as nbgrader's own autograde would
leave it: every grade once, re-grading updates in place, a manual score is kept and flagged."""

import os
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder import nbgrader_api
from autograder.grading.gradebook import gradebook_entries, store_gradebook_entries

pytestmark = pytest.mark.slow  # nbgrader creates each gradebook with alembic

ASSIGNMENT, NOTEBOOK = "04_update_rule", "update_rule"


@pytest.fixture(autouse=True)
def alembic_on_path(monkeypatch):
    """nbgrader runs this environment's `alembic` command when it creates a gradebook."""
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))


def make_course(folder):
    with Gradebook(nbgrader_api.gradebook_url(folder), nbgrader_api.COURSE_ID) as gb:
        gb.add_assignment(ASSIGNMENT)
        gb.add_notebook(NOTEBOOK, ASSIGNMENT)
        gb.add_grade_cell("test_a", NOTEBOOK, ASSIGNMENT, max_score=2, cell_type="code")
        gb.add_grade_cell("test_b", NOTEBOOK, ASSIGNMENT, max_score=3, cell_type="code")
        gb.add_solution_cell("update_parameters", NOTEBOOK, ASSIGNMENT)
    return folder


ENTRIES = {"timestamp": None, "notebooks": {NOTEBOOK: {
    "grades": {"test_a": 2.0, "test_b": None}, "comments": {"update_parameters": "No response."}}}}


def grades(folder, student):
    with Gradebook(nbgrader_api.gradebook_url(folder), nbgrader_api.COURSE_ID) as gb:
        notebook = gb.find_submission_notebook(NOTEBOOK, ASSIGNMENT, student)
        return sorted((g.name, g.auto_score, g.manual_score, g.needs_manual_grade) for g in notebook.grades)


def test_entries_are_stored_once_and_read_back_the_same(tmp_path):
    course = make_course(tmp_path)
    store_gradebook_entries(course, "s1", ASSIGNMENT, ENTRIES)
    store_gradebook_entries(course, "s1", ASSIGNMENT, ENTRIES)  # graded again: updated, not added
    assert grades(course, "s1") == [("test_a", 2.0, None, False), ("test_b", None, None, True)]
    assert gradebook_entries(course, "s1", ASSIGNMENT) == ENTRIES
    assert gradebook_entries(course, "nobody", ASSIGNMENT) is None


def test_a_manual_score_survives_regrading_and_is_flagged(tmp_path):
    course = make_course(tmp_path)
    store_gradebook_entries(course, "s1", ASSIGNMENT, ENTRIES)
    with Gradebook(nbgrader_api.gradebook_url(course), nbgrader_api.COURSE_ID) as gb:
        gb.find_grade("test_a", NOTEBOOK, ASSIGNMENT, "s1").manual_score = 1.5
        gb.db.commit()
    store_gradebook_entries(course, "s1", ASSIGNMENT, ENTRIES)
    assert grades(course, "s1")[0] == ("test_a", 2.0, 1.5, True)
