"""One place that configures nbgrader for this kit and hands out its Python API."""

import logging
import os
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from . import paths
from .hidden.seeds import STUDENT_ENV

COURSE_ID = "backprop"
DEFAULT_CELL_TIMEOUT = 120  # seconds per cell; notebook 05 trains a network in one cell
IGNORED = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.pyo", ".DS_Store", "feedback", "autotests.yml"]


def config(course_dir: Path, *, timeout: int = DEFAULT_CELL_TIMEOUT) -> Config:
    course_dir = Path(course_dir).resolve()
    c = Config()
    c.CourseDirectory.root = str(course_dir)
    c.CourseDirectory.course_id = COURSE_ID
    c.CourseDirectory.ignore = IGNORED
    c.Execute.timeout = timeout
    c.InstantiateTests.autotest_filename = str(course_dir / "autotests.yml")
    c.NbGraderAPI.log_level = logging.ERROR
    return c


def api(course_dir: Path, *, timeout: int = DEFAULT_CELL_TIMEOUT) -> NbGraderAPI:
    cfg = config(course_dir, timeout=timeout)
    return NbGraderAPI(CourseDirectory(config=cfg), config=cfg)


def gradebook_url(course_dir: Path) -> str:
    return f"sqlite:///{Path(course_dir).resolve() / 'gradebook.db'}"


def prepare_kernels(course_dir: Path, student: str | None = None) -> None:
    """Environment for the kernels nbgrader starts from this process: the hidden library and the
    course's helper package importable, and the student being graded (for per-student tests)."""
    os.environ["PYTHONPATH"] = paths.kernel_pythonpath(course_dir)
    if student is None:
        os.environ.pop(STUDENT_ENV, None)
    else:
        os.environ[STUDENT_ENV] = student


def failure_reason(result: dict) -> str:
    """The last meaningful line of a failed nbgrader call."""
    text = (result.get("error") or "") + "\n" + (result.get("log") or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in reversed(lines):
        if not line.startswith(("Traceback", "File ", "^", "~")):
            return line
    return "nbgrader failed without a message"
