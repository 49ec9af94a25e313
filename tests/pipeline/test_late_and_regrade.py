"""Late penalties, `nbgrader export` agreeing with grades.csv, and `grade --student`, through the CLI.

One class of six students on 04_update_rule, handed in as an LMS zip, graded twice: once for the
whole class with a per-day policy, then one student re-graded alone.
"""

import csv
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder import nbgrader_api
from autograder.hidden import registry
from autograder.samples.demo import write_submissions
from tests.conftest import run_cli

pytestmark = pytest.mark.slow

A = "04_update_rule"
DUE = "2026-12-01T17:00:00Z"
STAMPS = {  # timestamp.txt in the zip; None: none, the zip entry's date is used
    "on_time": "2026-12-01 16:00:00.000000 UTC",
    "late_26h": "2026-12-02 19:00:00.000000 UTC",  # 2 started days: 40%, capped at 30% of the maximum
    "in_grace": "2026-12-01 17:30:00 UTC",  # 0.5 h late, grace 1 h
    "untouched_late": "2026-12-04 17:00:00 UTC",  # 3 days late, scored 0: stays 0, never negative
    "zip_dated": None,  # zip entry dated 2026-12-02 05:00 (UTC): 12 h late, 1 day: 20% of the maximum
    "bad_stamp": "the day after the deadline",
}
ZIP_DATE = (2026, 12, 2, 5, 0, 0)
MAX = sum(t.points for t in registry.tests_for(A))  # every point of the assignment (functions and concept questions)


def _zip_with_dates(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(folder.rglob("*.ipynb")):
            info = zipfile.ZipInfo("download/" + str(path.relative_to(folder)), date_time=ZIP_DATE)
            zf.writestr(info, path.read_bytes())
        for student, stamp in STAMPS.items():
            if stamp is not None:
                zf.writestr(f"download/{student}/{A}/timestamp.txt", stamp)
    return archive


def _rows(path: Path) -> list[dict]:
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def term(released_course, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("term")
    course = tmp / "course"
    shutil.copytree(released_course, course)
    (course / "course.toml").write_text(f'[assignments.{A}]\ndue = {DUE}\n\n[late]\npolicy = "zero"\n')
    cls = {s: "untouched" if s == "untouched_late" else {} for s in STAMPS}
    folder = write_submissions(course, tmp / "subs", cls, assignments=[A])
    archive = _zip_with_dates(folder, tmp / "class.zip")
    out = tmp / "out"
    first = run_cli("grade", "--submissions", archive, "--course-dir", course, "--out", out, "--workers", "2",
                    "--late-policy", "per-day", "--late-percent", "20", "--late-cap", "30", "--late-grace", "1")
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    return course, folder, archive, out, first


def test_late_penalties_follow_the_policy_and_are_recorded(term):
    course, _, _, out, first = term
    header = open(out / "grades.csv").readline().strip().split(",")
    assert header == ["student_id", "assignment", "score", "max_score",
                      "raw_score", "late_penalty", "submitted_at", "late_by"]
    rows = {r["student_id"]: r for r in _rows(out / "grades.csv")}
    got = {s: (float(r["raw_score"]), float(r["late_penalty"]), float(r["score"])) for s, r in rows.items()}
    want = {"on_time": (MAX, 0, MAX), "late_26h": (MAX, 0.3 * MAX, 0.7 * MAX), "in_grace": (MAX, 0, MAX),
            "untouched_late": (0, 0, 0), "zip_dated": (MAX, 0.2 * MAX, 0.8 * MAX), "bad_stamp": (MAX, 0, MAX)}
    assert {s: tuple(round(x, 4) for x in v) for s, v in got.items()} == {
        s: tuple(round(x, 4) for x in v) for s, v in want.items()}
    assert rows["late_26h"]["submitted_at"] == "2026-12-02T19:00:00Z" and rows["late_26h"]["late_by"] == "26.00"
    assert rows["in_grace"]["late_by"] == "0.50" and rows["on_time"]["late_by"] == "0.00"
    assert rows["zip_dated"]["submitted_at"] == "2026-12-02T05:00:00Z"
    assert rows["bad_stamp"]["submitted_at"] == "" and rows["bad_stamp"]["late_by"] == ""
    assert "bad_stamp/04_update_rule/timestamp.txt" in first.stderr and "could not be read" in first.stderr
    assert "20% of the maximum per day late, at most 30%" in first.stdout  # the CLI overrode course.toml's "zero"
    feedback = (out / "feedback" / "on_time" / A / "update_rule.html").read_text()
    assert "other file(s) in the folder were not used" not in feedback  # timestamp.txt is nbgrader's own
    with Gradebook(nbgrader_api.gradebook_url(course), nbgrader_api.COURSE_ID) as gb:
        assert gb.find_assignment(A).duedate.isoformat() == "2026-12-01T17:00:00"
        late = gb.find_submission(A, "late_26h")
        assert late.timestamp.isoformat() == "2026-12-02T19:00:00"
        assert late.late_submission_penalty == pytest.approx(0.3 * MAX)
        assert gb.find_submission_notebook("update_rule", A, "on_time").late_submission_penalty is None


def test_nbgrader_export_gives_the_same_final_scores(term):
    course, _, _, out, _ = term
    nbgrader = Path(sys.executable).parent / "nbgrader"
    done = subprocess.run([str(nbgrader), "export", "--log-level=ERROR"], cwd=course, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    exported = {r["student_id"]: r for r in _rows(course / "grades.csv") if r["assignment"] == A}
    for ours in _rows(out / "grades.csv"):
        theirs = exported[ours["student_id"]]
        assert float(theirs["score"]) == float(ours["score"]), ours
        assert float(theirs["raw_score"]) == float(ours["raw_score"])
        assert float(theirs["late_submission_penalty"] or 0) == float(ours["late_penalty"])


def test_regrading_one_student_keeps_the_others(term, tmp_path):
    course, folder, _, out, _ = term
    others = [s for s in STAMPS if s != "zip_dated"]
    before_grades = [r for r in _rows(out / "grades.csv") if r["student_id"] != "zip_dated"]
    before_tests = [r for r in _rows(out / "test_results.csv") if r["student_id"] != "zip_dated"]
    pages = {s: out / "feedback" / s / A / "update_rule.html" for s in others}
    before_pages = {s: (p.read_bytes(), p.stat().st_mtime_ns) for s, p in pages.items()}
    grade_id = before_tests[0]["grade_id"]
    with Gradebook(nbgrader_api.gradebook_url(course), nbgrader_api.COURSE_ID) as gb:
        gb.find_grade(grade_id, "update_rule", A, "on_time").manual_score = 0.5
        gb.db.commit()
    # zip_dated resubmits an untouched notebook
    shutil.copy2(course / "release" / A / "update_rule.ipynb", folder / "zip_dated" / A / "update_rule.ipynb")
    archive = _zip_with_dates(folder, tmp_path / "class2.zip")
    done = run_cli("grade", "--submissions", archive, "--course-dir", course, "--out", out, "--workers", "1",
                   "--student", "zip_dated")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "on_time" not in done.stdout and "zip_dated" in done.stdout
    assert [r for r in _rows(out / "grades.csv") if r["student_id"] != "zip_dated"] == before_grades
    assert [r for r in _rows(out / "test_results.csv") if r["student_id"] != "zip_dated"] == before_tests
    assert {s: (p.read_bytes(), p.stat().st_mtime_ns) for s, p in pages.items()} == before_pages
    regraded = next(r for r in _rows(out / "grades.csv") if r["student_id"] == "zip_dated")
    assert float(regraded["raw_score"]) == 0 and float(regraded["score"]) == 0
    with Gradebook(nbgrader_api.gradebook_url(course), nbgrader_api.COURSE_ID) as gb:
        assert gb.find_grade(grade_id, "update_rule", A, "on_time").manual_score == 0.5
    assert "on_time" in (out / "report.html").read_text()  # the report still covers the whole class
    unknown = run_cli("grade", "--submissions", archive, "--course-dir", course, "--out", out, "--student", "nobody")
    assert unknown.returncode == 2 and "--student nobody" in unknown.stderr


def test_exchange_submission_times_survive_grading_in_place(term, tmp_path):
    """nbgrader's exchange: submit writes the time, collect puts it in course/submitted/<s>/<a>/
    timestamp.txt; grading course/submitted itself (as `make grade` does) keeps it, twice."""
    course = term[0]
    exchange, student = tmp_path / "exchange", tmp_path / "student"
    exchange.mkdir()
    student.mkdir()
    shutil.rmtree(course / "submitted", ignore_errors=True)
    instructor = [f"--CourseDirectory.root={course}", f"--CourseDirectory.course_id={nbgrader_api.COURSE_ID}",
                  f"--Exchange.root={exchange}", "--force"]
    student_args = [f"--course={nbgrader_api.COURSE_ID}", f"--Exchange.root={exchange}"]
    steps = [(["release_assignment", A, *instructor], course), (["fetch_assignment", A, *student_args], student),
             (["submit", A, *student_args], student), (["collect", A, *instructor[:-1]], course)]
    for args, cwd in steps:
        done = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), *args], cwd=cwd, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    [stamp] = (course / "submitted").glob(f"*/{A}/timestamp.txt")
    name = stamp.parent.parent.name
    for run in range(2):
        out = tmp_path / f"out{run}"
        done = run_cli("grade", "--submissions", course / "submitted", "--course-dir", course, "--out", out,
                       "--workers", "1")
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        [row] = _rows(out / "grades.csv")
        assert row["student_id"] == name and row["submitted_at"].startswith("20"), row
        assert row["late_by"] != ""  # a time and a due date: how late is known
        with Gradebook(nbgrader_api.gradebook_url(course), nbgrader_api.COURSE_ID) as gb:
            recorded = gb.find_submission(A, name).timestamp
        assert recorded.strftime("%Y-%m-%dT%H:%M:%SZ") == row["submitted_at"]
        if run == 0:
            first = row["submitted_at"]
    assert row["submitted_at"] == first
