"""One place that configures nbgrader for this kit and hands out its Python API."""

import logging
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import CheckCellMetadata
from traitlets.config import Config

from . import paths
from .hidden.seeds import STUDENT_ENV

# nbgrader's own gradebook code trips SQLAlchemy's autoflush warnings; they say nothing to users.
warnings.filterwarnings("ignore", message=".*not in session.*")

COURSE_ID = "backprop"
DEFAULT_CELL_TIMEOUT = 120  # seconds per cell; notebook 05 trains a network in one cell
SUBMISSION_FILES = ("timestamp.txt", "submission_secret.txt")  # what nbgrader's submit adds to a submission
METADATA_CHECK = "autograder.grading.metadata_check.CheckCellMetadata"  # nbgrader's, its schema checked once
IGNORED = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.pyo", ".DS_Store", "feedback", "autotests.yml"]


def config(course_dir: Path, *, timeout: int = DEFAULT_CELL_TIMEOUT, kernel_name: str = "") -> Config:
    course_dir = Path(course_dir).resolve()
    c = Config()
    c.CourseDirectory.root = str(course_dir)
    c.CourseDirectory.course_id = COURSE_ID
    c.CourseDirectory.ignore = IGNORED
    c.Execute.timeout = timeout
    if kernel_name:  # grading: every notebook runs in this kernel, whatever its metadata says
        c.Execute.kernel_name = kernel_name
        c.Execute.kernel_manager_class = "autograder.sandbox.client.QuickKernelManager"  # no idle waits
    # Kill the kernel's whole process group once the notebook has run, instead of asking it to
    # shut down and waiting (about 1 s per notebook): nothing of the student's code runs after.
    c.Execute.shutdown_kernel = "immediate"
    # A written answer's mark scheme sits in the locked question cell above the answer, not in a
    # "manually graded task" cell: ClearMarkScheme strips it from the release all the same, and
    # nbgrader's OverwriteCells puts it back in the autograded notebook formgrader shows the grader.
    c.ClearMarkScheme.enforce_metadata = False
    c.Autograde.sanitize_preprocessors = _autograde_steps("sanitize_preprocessors")
    c.Autograde.autograde_preprocessors = _autograde_steps("autograde_preprocessors")
    c.InstantiateTests.autotest_filename = str(course_dir / "autotests.yml")
    c.NbGraderAPI.log_level = logging.ERROR
    return c


def _autograde_steps(name: str) -> list[str]:
    """nbgrader's list ``name`` of autograde's preprocessors (dotted names), its cell metadata
    check replaced by ours (the same check, about 40 ms less per notebook: ``grading/metadata_check.py``)."""
    return [METADATA_CHECK if step is CheckCellMetadata else f"{step.__module__}.{step.__qualname__}"
            for step in Autograde.class_traits()[name].default()]


def api(course_dir: Path, *, timeout: int = DEFAULT_CELL_TIMEOUT, kernel_name: str = "") -> NbGraderAPI:
    return api_for(config(course_dir, timeout=timeout, kernel_name=kernel_name))


def api_for(cfg: Config) -> NbGraderAPI:
    """nbgrader's API with the configuration ``cfg`` (built by ``config``, plus what one run adds)."""
    return NbGraderAPI(CourseDirectory(config=cfg), config=cfg)


def gradebook_url(course_dir: Path) -> str:
    return f"sqlite:///{Path(course_dir).resolve() / 'gradebook.db'}"


BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
KERNEL_CONFIG = """\
# Written by the grader for the kernels it starts (never seen by students' servers).
c.IPKernelApp.log_level = "CRITICAL"  # no start-up or shut-down chatter on the instructor's terminal
c.HistoryManager.enabled = False      # many kernels at once must not share a history database
"""


def one_blas_thread(environ) -> None:
    """One BLAS thread per kernel, unless ``environ`` (a kernel's environment) names another
    number: parallel workers share the cores."""
    for threads in BLAS_THREAD_VARIABLES:
        environ.setdefault(threads, "1")


def _grader_ipython_dir() -> str:
    """An IPython directory of the grader's own, created once per process."""
    folder = Path(tempfile.gettempdir()) / f"autograder-ipython-{os.getuid()}"
    config = folder / "profile_default" / "ipython_kernel_config.py"
    if not config.exists() or config.read_text() != KERNEL_CONFIG:
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(KERNEL_CONFIG)
    return str(folder)


def prepare_kernels(course_dir: Path) -> None:
    """Environment of this process for the kernels nbgrader starts from it outside grading: the
    hidden library and the course's helper package importable. Grading sets nothing here: a
    grading kernel's environment goes to its kernel manager (``autograder.sandbox.kernel.prepare``;
    the student is known to the oracle only)."""
    os.environ["PYTHONPATH"] = paths.kernel_pythonpath(course_dir)
    os.environ["IPYTHONDIR"] = _grader_ipython_dir()
    one_blas_thread(os.environ)
    # nbgrader runs the `alembic` command of this environment when it creates a gradebook.
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    os.environ.pop(STUDENT_ENV, None)


def failure_reason(result: dict) -> str:
    """The exception behind a failed nbgrader call, in one line."""
    text = (result.get("log") or "") + "\n" + (result.get("error") or "")
    exceptions = [m.group(0).strip() for m in _EXCEPTION_LINE.finditer(text)
                  if "NbGraderException" not in m.group(0)]
    if exceptions:
        return exceptions[-1]
    lines = [line.strip() for line in text.splitlines() if line.strip() and "see the the above" not in line]
    return lines[-1] if lines else "nbgrader failed without a message"


_EXCEPTION_LINE = re.compile(r"^\s*(?:[\w.]+\.)?\w*(?:Error|Exception|Interrupt|Exit)\b:? ?.*$", re.MULTILINE)
