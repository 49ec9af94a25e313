"""A small class through nbgrader's real exchange and our CLI: release_assignment, each student's
fetch_assignment and submit, collect, `grade`, then `release-feedback` and each student's
fetch_feedback, which must bring back the page `grade` wrote (its scripts inside it). The same
graded class checks the item analysis of report.html and items.csv."""

import csv

import pytest

from autograder.grading.standalone_page import standalone
from autograder.nbgrader_api import COURSE_ID
from autograder.samples import planted
from autograder.samples.demo import write_submissions
from tests import exchange as ex
from tests.conftest import is_written, run_cli

pytestmark = pytest.mark.slow
ASSIGNMENT, NOTEBOOK = "04_update_rule", "update_rule"
CLASS = {"ada_correct": {}, "ben_untouched": "untouched",
         "fay_plus_update": {ASSIGNMENT: {planted.PLUS_UPDATE.function: planted.PLUS_UPDATE.source.strip("\n")}}}


@pytest.fixture(scope="module")
def term(copy_released, tmp_path_factory):
    """The class submitted through the exchange, collected and graded: (root, course, out, exchange)."""
    root = tmp_path_factory.mktemp("term")
    course = copy_released(root / "course")
    answers = write_submissions(course, root / "answers", CLASS, assignments=[ASSIGNMENT])
    exchange = root / "exchange"
    ex.submit_and_collect(root, course, exchange, ASSIGNMENT,
                          {s: answers / s / ASSIGNMENT / f"{NOTEBOOK}.ipynb" for s in CLASS})
    out = root / "out"
    done = run_cli("grade", "--submissions", course / "submitted", "--course-dir", course, "--out", out,
                   "--workers", "2")
    assert done.returncode == 0, done.stderr[-3000:]
    return root, course, out, exchange


def test_students_fetch_the_pages_grade_wrote(term):
    root, course, out, exchange = term
    for student in CLASS:  # collect kept nbgrader's metadata, and grading did not lose it
        assert (course / "submitted" / student / ASSIGNMENT / "submission_secret.txt").is_file()
    done = run_cli("release-feedback", "--out", out, "--course-dir", course, "--exchange", exchange)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"released {len(CLASS)} feedback page(s) of {len(CLASS)} student(s)" in done.stdout
    assert len(list((exchange / COURSE_ID / "feedback").glob("*.html"))) == len(CLASS)
    for student in CLASS:
        [fetched] = ex.fetch_feedback(root, student, exchange, ASSIGNMENT).glob(f"*/{NOTEBOOK}.html")
        written = out / "feedback" / student / ASSIGNMENT / f"{NOTEBOOK}.html"
        assert fetched.read_text(encoding="utf-8") == standalone(written.read_text(encoding="utf-8"))
        assert f"<strong>Student:</strong> {student}" in fetched.read_text(encoding="utf-8")
        assert "other file(s) in the folder" not in fetched.read_text(encoding="utf-8")  # nbgrader's own files


def test_feedback_of_submissions_outside_the_exchange_is_listed_not_released(term, tmp_path):
    root, course, out, exchange = term
    lms = tmp_path / "lms"  # the same class as an LMS download: no timestamp or secret
    for student in CLASS:
        (lms / student / ASSIGNMENT).mkdir(parents=True)
    done = run_cli("release-feedback", "--out", out, "--course-dir", course, "--exchange", exchange,
                   "--submissions", lms)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "released 0 feedback page(s)" in done.stdout
    assert done.stderr.count("not submitted through nbgrader's exchange") == len(CLASS)


def test_the_report_of_the_class_has_its_item_analysis(term):
    _, _, out, _ = term
    with open(out / "items.csv") as f:
        items = list(csv.DictReader(f))
    assert {r["assignment"] for r in items} == {ASSIGNMENT} and len(items) >= 2
    for row in items:  # ada full marks, ben untouched (0), fay + instead of -: nobody is flagged in a class of 3
        assert 0 <= float(row["difficulty"]) < 1 and row["flag"] == ""
        if is_written(row["grade_id"]):  # answers awaiting manual grading are no observation yet
            assert int(row["students"]) < len(CLASS)
        else:
            assert row["students"] == str(len(CLASS))
    assert any("update_parameters" in r["function"] and r["top_diagnoses"] for r in items)
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="item-analysis"' in report and "too few to flag" in report
