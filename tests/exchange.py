"""nbgrader's exchange as the instructor and students use it, for the tests: each student with
a home folder and an nbgrader cache of their own (where submit records what fetch_feedback
looks for)."""

import shutil
import subprocess
import sys
from pathlib import Path

from autograder.nbgrader_api import COURSE_ID


def nbgrader(*args, cwd):
    done = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done


def instructor(course: Path, exchange: Path) -> list[str]:
    return [f"--CourseDirectory.root={course}", f"--CourseDirectory.course_id={COURSE_ID}",
            f"--Exchange.root={exchange}"]


def student(root: Path, student_id: str, exchange: Path) -> list[str]:
    return [f"--course={COURSE_ID}", f"--Exchange.root={exchange}", f"--student={student_id}",
            f"--Exchange.cache={root / 'cache' / student_id}"]


def home(root: Path, student_id: str) -> Path:
    return root / "home" / student_id


def submit_and_collect(root: Path, course: Path, exchange: Path, assignment: str, notebooks: dict[str, Path]) -> None:
    """release_assignment, then for each student (id -> the notebook they hand in) fetch_assignment
    and submit, then collect into course/submitted/."""
    exchange.mkdir(exist_ok=True)
    nbgrader("release_assignment", assignment, *instructor(course, exchange), cwd=course)
    for student_id, notebook in notebooks.items():
        folder = home(root, student_id)
        folder.mkdir(parents=True)
        nbgrader("fetch_assignment", assignment, *student(root, student_id, exchange), cwd=folder)
        shutil.copyfile(notebook, folder / assignment / notebook.name)
        nbgrader("submit", assignment, *student(root, student_id, exchange), cwd=folder)
    nbgrader("collect", assignment, *instructor(course, exchange), cwd=course)


def fetch_feedback(root: Path, student_id: str, exchange: Path, assignment: str) -> Path:
    """The student's fetch_feedback: the folder it wrote, <assignment>/feedback/."""
    folder = home(root, student_id)
    nbgrader("fetch_feedback", assignment, *student(root, student_id, exchange), cwd=folder)
    return folder / assignment / "feedback"
