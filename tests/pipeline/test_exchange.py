"""nbgrader's exchange round trip ends in the layout `grade` takes: release_assignment, a student's
fetch_assignment and submit, then collect fill course/submitted/<student>/<assignment>/."""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from autograder.nbgrader_api import COURSE_ID
from tests.conftest import run_cli

pytestmark = pytest.mark.slow
ASSIGNMENT = "04_update_rule"


def nbgrader(*args, cwd):
    done = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done


def test_collected_submissions_are_graded(released_course, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(released_course, course, ignore=shutil.ignore_patterns("submitted", "autograded", "feedback"))
    exchange, student = tmp_path / "exchange", tmp_path / "student"
    exchange.mkdir()
    student.mkdir()
    instructor = [f"--CourseDirectory.root={course}", f"--CourseDirectory.course_id={COURSE_ID}",
                  f"--Exchange.root={exchange}"]
    nbgrader("release_assignment", ASSIGNMENT, *instructor, cwd=course)
    nbgrader("fetch_assignment", ASSIGNMENT, f"--course={COURSE_ID}", f"--Exchange.root={exchange}", cwd=student)
    assert (student / ASSIGNMENT / "update_rule.ipynb").is_file()
    nbgrader("submit", ASSIGNMENT, f"--course={COURSE_ID}", f"--Exchange.root={exchange}", cwd=student)
    nbgrader("collect", ASSIGNMENT, *instructor, cwd=course)
    [collected] = (course / "submitted").glob(f"*/{ASSIGNMENT}/update_rule.ipynb")
    done = run_cli("grade", "--submissions", course / "submitted", "--course-dir", course, "--out", tmp_path / "out",
                   "--workers", "1")
    assert done.returncode == 0, done.stderr[-3000:]
    with open(tmp_path / "out" / "grades.csv") as f:
        rows = list(csv.DictReader(f))
    assert [(r["student_id"], r["assignment"], float(r["score"])) for r in rows] == [
        (collected.parent.parent.name, ASSIGNMENT, 0.0)]  # the untouched release, fetched and submitted
