"""The grader survives hostile and broken submissions, loses nothing and leaks nothing.

One class of hostile 04_update_rule submissions (see cases.py) is graded once, in parallel,
with short limits; each case then checks its exact score and what the student is told.
"""

import csv
import html
import subprocess

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder import nbgrader_api, notebooks
from autograder.grading import grade, grade_table

from . import cases

pytestmark = pytest.mark.slow

CELL_TIMEOUT = 15
NOTEBOOK_TIMEOUT = 75
BYSTANDER = "zz_bystander"


@pytest.fixture(scope="module")
def hostile_class(copy_released, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    course = copy_released(root / "course")
    submissions, out = root / "submissions", root / "out"
    release = nbformat.read(course / "release" / cases.ASSIGNMENT / cases.NOTEBOOK, as_version=4)
    release.metadata["hostile_course"] = str(course)
    source = nbformat.read(notebooks.source_notebook(course, cases.ASSIGNMENT), as_version=4)
    solution = next(notebooks.solution_code(c.source) for c in source.cells
                    if notebooks.nbgrader_meta(c).get("grade_id") == "update_parameters")
    bystander = submissions / BYSTANDER / cases.ASSIGNMENT
    targets = {
        "gradebook": course / "gradebook.db",
        "bystander": bystander / cases.NOTEBOOK,
        "repository": cases.paths.REPO / "hostile-was-here.txt",
        "tmp": root / "hostile-was-here.txt",
        "source": notebooks.source_notebook(course, cases.ASSIGNMENT),
    }
    vandal = "\n".join(["import os"] + [
        f"try:\n    open({str(path)!r}, 'w').write('owned')\nexcept OSError as err:\n    print('refused:', err)"
        for path in targets.values()])
    for case in cases.CASES:
        build = cases.with_extra(cases.CHECK, vandal) if case.name == "writes_outside_its_folder" else case.build
        build(release, solution, submissions / case.name / cases.ASSIGNMENT)
    cases._write(cases._answered(release, solution), bystander)
    before = {name: path.read_bytes() for name, path in targets.items() if path.exists()}
    results = grade(submissions, course, out, workers=2, timeout=CELL_TIMEOUT,
                    notebook_timeout=NOTEBOOK_TIMEOUT, progress=False)
    return {"out": out, "results": {r.student_id: r for r in results}, "targets": targets, "before": before,
            "course": course}


def _feedback(hostile_class, student):
    result = hostile_class["results"][student]
    return html.unescape(result.feedback.read_text())


def test_at_least_25_hostile_cases():
    assert len(cases.CASES) >= 25
    assert len({c.name for c in cases.CASES}) == len(cases.CASES)


@pytest.mark.parametrize("case", cases.CASES, ids=lambda c: c.name)
def test_hostile_case_score_and_reason(hostile_class, case):
    result = hostile_class["results"][case.name]
    assert result.score == case.score, (result.problems, result.tampering, [t.diagnosis for t in result.tests])
    if case.reason:
        assert case.reason in _feedback(hostile_class, case.name)


def test_every_other_submission_is_graded_normally(hostile_class):
    assert hostile_class["results"][BYSTANDER].score == 5
    rows = list(csv.DictReader((hostile_class["out"] / "grades.csv").open()))
    assert len(rows) == len(cases.CASES) + 1


def test_tampering_shows_in_the_grade_table(hostile_class):
    table = grade_table(list(hostile_class["results"].values()))
    line = next(row for row in table.splitlines() if row.startswith("edited_test_cell"))
    assert "tampered" in line


def test_no_process_of_a_student_survives(hostile_class):
    left = subprocess.run(["pgrep", "-f", f"sleep {cases.SLEEP_TIME}"], capture_output=True, text=True)
    assert left.stdout.strip() == "", "processes started by a notebook outlived its kernel"


def test_nothing_is_written_outside_the_students_folder(hostile_class):
    for name, path in hostile_class["targets"].items():
        if name == "gradebook":  # grading itself writes there: it must still be nbgrader's database
            assert path.read_bytes().startswith(b"SQLite format 3") and b"owned" not in path.read_bytes()[:16]
        elif name in hostile_class["before"]:
            assert path.read_bytes() == hostile_class["before"][name], f"{name} was changed"
        else:
            assert not path.exists(), f"{name} was created"
    assert "refused:" in _feedback(hostile_class, "writes_outside_its_folder")


def test_gradebook_holds_each_grade_once_and_agrees(hostile_class):
    rows = {r["student_id"]: float(r["score"]) for r in csv.DictReader((hostile_class["out"] / "grades.csv").open())}
    with Gradebook(nbgrader_api.gradebook_url(hostile_class["course"])) as gb:
        for student, score in rows.items():
            if hostile_class["results"][student].problems and score == 0:
                continue  # unreadable or wrong notebooks never reach nbgrader
            submission = gb.find_submission(cases.ASSIGNMENT, student)
            assert submission.score == pytest.approx(score), student
