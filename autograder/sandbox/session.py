"""One notebook through nbgrader's autograde with the oracle listening."""

import time
from pathlib import Path

from . import kernel
from .oracle import Oracle

LOCK_RETRIES = 3


def autograde(api, assignment: str, student: str, release_folder: Path) -> tuple[dict, dict[str, dict]]:
    """nbgrader's outcome and the oracle's verdicts (grade id -> result) for one submission.

    The verdicts of the tests that ran are kept even when nbgrader fails (a kernel that died),
    and a retry after a locked gradebook starts them afresh.
    """
    kernel.prepare(release_folder)
    outcome, verdicts = {}, {}
    for attempt in range(LOCK_RETRIES):
        with Oracle(student, assignment) as oracle:
            outcome = api.autograde(assignment, student)
        verdicts = oracle.results
        if outcome["success"] or "database is locked" not in (outcome.get("log", "") + outcome.get("error", "")):
            break
        time.sleep(0.5 * (attempt + 1))
    return outcome, verdicts
