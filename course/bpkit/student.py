"""Who the student is, and the seeds of what is drawn for them alone.

A student's own versions (the numbers and the order of choices of the concept questions, the
inputs of the hidden tests) are drawn from seeds derived from their student id. The id is
the first of these environment variables that is set:

- ``AUTOGRADER_STUDENT_ID``: set by the grader in the kernel that grades a submission (and
  usable by hand: ``AUTOGRADER_STUDENT_ID=alice jupyter lab`` shows alice's versions);
- ``JUPYTERHUB_USER``: on JupyterHub, the user name, which is nbgrader's student id there.

Without either, every draw uses ``DEFAULT_STUDENT``: a fixed default version, the one the
instructor's notebooks show.
"""

import hashlib
import os

STUDENT_ENV = "AUTOGRADER_STUDENT_ID"
STUDENT_VARIABLES = (STUDENT_ENV, "JUPYTERHUB_USER")
DEFAULT_STUDENT = "instructor"


def student_id(environ=None) -> str:
    """The student id this kernel runs for (``DEFAULT_STUDENT`` when none is known)."""
    environ = os.environ if environ is None else environ
    for name in STUDENT_VARIABLES:
        if environ.get(name, "").strip():
            return environ[name].strip()
    return DEFAULT_STUDENT


def student_seed(*parts: str) -> int:
    """A reproducible 64-bit seed of ``parts`` (a student id, then what is drawn for them)."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return int.from_bytes(digest[:8], "little")
