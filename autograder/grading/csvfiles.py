"""grades.csv and test_results.csv, written atomically (never half-written).

grades.csv: student_id, assignment, score (final, after any late penalty), max_score, then
raw_score (before the penalty), late_penalty (points taken off), submitted_at (ISO 8601, UTC;
empty when unknown) and late_by (hours past the due date; empty when the time or the due date is
unknown).
"""

import csv
import io
from pathlib import Path

from ..atomic import write_text
from .late import hours, iso
from .results import AssignmentResult, TestRow

GRADES_COLUMNS = ["student_id", "assignment", "score", "max_score"]
LATE_COLUMNS = ["raw_score", "late_penalty", "submitted_at", "late_by"]
GRADES_HEADER = GRADES_COLUMNS + LATE_COLUMNS
TEST_COLUMNS = ["student_id", "assignment", "notebook", "grade_id", "function", "score", "max_score", "diagnosis"]
GRADES_FILE, TESTS_FILE = "grades.csv", "test_results.csv"


def _write_atomic(path: Path, header: list[str], rows) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    write_text(path, buffer.getvalue(), newline="")


def _num(x: float) -> str:
    return f"{x:g}"


def grade_row(r: AssignmentResult) -> list[str]:
    late = r.late
    return [r.student_id, r.assignment, _num(r.final_score), _num(r.max_score), _num(r.score),
            _num(late.penalty if late else 0.0), iso(late.submitted_at) if late else "",
            hours(late.seconds_late) if late else ""]


def read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def _kept(path: Path, header: list[str], replaced: set) -> list[list[str]]:
    """The rows of an earlier ``path`` whose (student_id, assignment) is not in ``replaced``,
    exactly as they were (a column the earlier file lacked is left empty)."""
    return [[row.get(column) or "" for column in header] for row in read_rows(path)
            if (row.get("student_id"), row.get("assignment")) not in replaced]


def write_csvs(results: list[AssignmentResult], out: Path, *, keep_others: bool = False) -> tuple[Path, Path]:
    """Write both files for ``results``; with ``keep_others``, the rows of every other
    (student, assignment) already in ``out`` stay as they were."""
    results = sorted(results, key=lambda r: (r.student_id, r.assignment))
    grades, tests = out / GRADES_FILE, out / TESTS_FILE
    replaced = {(r.student_id, r.assignment) for r in results}
    grade_rows = [grade_row(r) for r in results]
    test_rows = [[t.student_id, t.assignment, t.notebook, t.grade_id, t.function, _num(t.score), _num(t.max_score),
                  t.diagnosis] for r in results for t in r.tests]
    if keep_others:
        grade_rows += _kept(grades, GRADES_HEADER, replaced)
        test_rows += _kept(tests, TEST_COLUMNS, replaced)
    _write_atomic(grades, GRADES_HEADER, sorted(grade_rows, key=lambda row: (row[0], row[1])))
    _write_atomic(tests, TEST_COLUMNS, sorted(test_rows, key=lambda row: (row[0], row[1])))
    return grades, tests


def results_from_csvs(out: Path, skip: set) -> list[AssignmentResult]:
    """The results recorded in ``out``'s test_results.csv for every (student, assignment) not in
    ``skip``, so that a report can cover the whole class after one student was re-graded."""
    by: dict[tuple[str, str], AssignmentResult] = {}
    for row in read_rows(out / TESTS_FILE):
        key = (row["student_id"], row["assignment"])
        if key in skip:
            continue
        test = TestRow(row["student_id"], row["assignment"], row["notebook"], row["grade_id"], row["function"],
                       float(row["score"]), float(row["max_score"]), row["diagnosis"])
        result = by.setdefault(key, AssignmentResult(key[0], key[1], row["notebook"], []))
        result.tests.append(test)
    for result in by.values():
        page = out / "feedback" / result.student_id / result.assignment / f"{result.notebook}.html"
        result.feedback = page if page.is_file() else None
    return list(by.values())
