"""Mistakes no hidden test catalogues, graded through `python -m autograder grade`: the search
names them in the grading process, in test_results.csv, and the report shows one real example
of each kind of diagnosis.

One small class, one grading run: each student submits one notebook with one uncatalogued
mistake (planted.UNCATALOGUED) and every other answer correct.
"""

import csv
import shutil

import pytest

from autograder.samples import planted
from autograder.samples.demo import write_submissions
from tests.conftest import run_cli

pytestmark = pytest.mark.slow

NAMED_BY_THE_SEARCH = (
    "log10 instead of the natural log", "only the (1 - Y) term", "AL and 1 - AL mixed up",
    "absolute value of the error", "sigmoid: s from np.tanh", "relu: dA times the sign of Z",
    "tanh: dA and Z swapped", "dA_prev divided by the rows",
)
ANSWERS = [a for a in planted.UNCATALOGUED if a.label in NAMED_BY_THE_SEARCH]
ASSIGNMENTS = sorted({a.assignment for a in ANSWERS})


@pytest.fixture(scope="module")
def graded(released_course, tmp_path_factory):
    """(rows of test_results.csv, report.html) of one `grade` run over the whole class."""
    tmp = tmp_path_factory.mktemp("search_cli")
    submissions = tmp / "submissions"
    for assignment in ASSIGNMENTS:
        cls = {planted.slug(a.label): {a.assignment: {a.function: a.source.strip("\n")}}
               for a in ANSWERS if a.assignment == assignment}
        written = write_submissions(released_course, tmp / assignment, cls, assignments=[assignment])
        shutil.copytree(written, submissions, dirs_exist_ok=True)
    out = tmp / "out"
    done = run_cli("grade", "--submissions", submissions, "--out", out, "--course-dir", released_course,
                   "--workers", "2", *(arg for a in ASSIGNMENTS for arg in ("--assignment", a)))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    with open(out / "test_results.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return rows, (out / "report.html").read_text(encoding="utf-8")


def test_the_answers_reach_the_search():
    assert len(ANSWERS) == len(NAMED_BY_THE_SEARCH) and len(ASSIGNMENTS) == 2


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: planted.slug(a.label))
def test_an_uncatalogued_mistake_is_named_through_the_cli(answer, graded):
    rows, _ = graded
    sid = planted.slug(answer.label)
    student = [r for r in rows if r["student_id"] == sid and r["assignment"] == answer.assignment]
    assert student
    mine = [r for r in student if r["function"] == answer.function]
    assert sum(float(r["score"]) for r in mine) == pytest.approx(answer.kept, abs=1e-3), mine
    assert any(answer.diagnosis in r["diagnosis"] for r in mine), [r["diagnosis"] for r in mine]
    others = [r for r in student if r["function"] != answer.function]
    assert all(float(r["score"]) == float(r["max_score"]) and not r["diagnosis"] for r in others)


def test_the_report_shows_real_examples_not_masked_digits(graded):
    rows, page = graded
    assert "one example of each kind" in page
    log10 = next(r["diagnosis"] for r in rows if r["student_id"] == planted.slug("log10 instead of the natural log")
                 and r["diagnosis"])
    assert log10 in page  # the example as the student read it
    rows_search = [r for r in rows if "match" in r["diagnosis"] and "what you get with" in r["diagnosis"]]
    assert len(rows_search) >= 5
    assert "#" not in page.split("Most common diagnoses")[1].split("</table>")[0]
