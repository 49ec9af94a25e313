"""grades.csv and test_results.csv, written atomically (never half-written)."""

import csv
import io
from pathlib import Path

from .atomic import write_text
from .results import AssignmentResult

GRADES_COLUMNS = ["student_id", "assignment", "score", "max_score"]
TEST_COLUMNS = ["student_id", "assignment", "notebook", "grade_id", "function", "score", "max_score", "diagnosis"]


def _write_atomic(path: Path, header: list[str], rows) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    write_text(path, buffer.getvalue(), newline="")


def _num(x: float) -> str:
    return f"{x:g}"


def write_csvs(results: list[AssignmentResult], out: Path) -> tuple[Path, Path]:
    results = sorted(results, key=lambda r: (r.student_id, r.assignment))
    grades, tests = out / "grades.csv", out / "test_results.csv"
    _write_atomic(grades, GRADES_COLUMNS,
                  ([r.student_id, r.assignment, _num(r.score), _num(r.max_score)] for r in results))
    _write_atomic(tests, TEST_COLUMNS, (
        [t.student_id, t.assignment, t.notebook, t.grade_id, t.function, _num(t.score), _num(t.max_score),
         t.diagnosis] for r in results for t in r.tests))
    return grades, tests
