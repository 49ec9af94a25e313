"""What became of one hidden test, as data (never read back from a message's words)."""

from enum import StrEnum


class Status(StrEnum):
    """A test's status: the value of the oracle's ``status``, ``TestRow.status`` and the
    ``status`` column of test_results.csv."""

    PASSED = "passed"  # full marks
    FAILED = "failed"  # fewer points (a mistake, an error, a test that did not run)
    UNANSWERED = "unanswered"  # the function or answer is the release's stub, not written yet
    PENDING = "pending"  # a written answer awaiting manual grading (its points are not counted yet)

    @classmethod
    def of(cls, score: float, max_score: float, *, unanswered: bool = False, pending: bool = False) -> "Status":
        if unanswered:
            return cls.UNANSWERED
        if pending:
            return cls.PENDING
        return cls.PASSED if score >= max_score else cls.FAILED
