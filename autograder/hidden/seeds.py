"""Per-student randomisation: every (student, assignment, test) gets its own reproducible seed."""

import hashlib
import os

STUDENT_ENV = "AUTOGRADER_STUDENT_ID"
DEFAULT_STUDENT = "instructor"


def student_id() -> str:
    """The student being graded (set by the grader in the kernel's environment)."""
    return os.environ.get(STUDENT_ENV) or DEFAULT_STUDENT


def seed_for(student: str, assignment: str, grade_id: str) -> int:
    digest = hashlib.sha256(f"{student}\x1f{assignment}\x1f{grade_id}".encode()).digest()
    return int.from_bytes(digest[:8], "little")
