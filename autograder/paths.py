"""Where things are, relative to the checkout (the kit runs from its repository, never installed)."""

import importlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO / "course"
HELPER_PACKAGE = COURSE / "bpkit"
SOLVED = HELPER_PACKAGE / "solved"
AUTHORING = COURSE / "authoring"
SHARED_DATA = REPO.parent / "shared" / "data"


def kernel_pythonpath(course_dir: Path = COURSE) -> str:
    """PYTHONPATH for kernels the grader starts: the hidden library and the course's pristine helpers."""
    return f"{REPO}:{Path(course_dir).resolve()}"


def helper_module(name: str):
    """A module of the course's helper package, imported by the grader itself: the one way the
    grader reaches ``bpkit`` (``bpkit.mismatch``, the words the visible checks share with the hidden
    tests; ``bpkit.student`` and ``bpkit.questions``, the seed and the concept questions' versions).

    ``course/`` goes on ``sys.path`` for that (the kit is never installed); a ``bpkit`` this process
    imported already (a kernel's, or the tests') is used as it is. The helper package never
    imports the grader.
    """
    if str(COURSE) not in sys.path:
        sys.path.append(str(COURSE))
    return importlib.import_module(name)  # a kernel may have its course copy's pristine bpkit first
