"""Where things are, relative to the checkout (the kit runs from its repository, never installed)."""

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
