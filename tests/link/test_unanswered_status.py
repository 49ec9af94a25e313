"""An unwritten function is a status carried as data from the verdict to every output, never
recognised by the words of its message."""

import csv

from autograder.grading import report
from autograder.grading.csvfiles import TEST_COLUMNS, results_from_csvs, write_csvs
from autograder.grading.results import AssignmentResult
from autograder.grading.results import TestRow as Row
from autograder.grading.run import grade_table
from autograder.link.status import Status

A = "02_backward_step"


def row(student, grade_id, score, diagnosis="", unanswered=False):
    return Row(student, A, "nb", grade_id, grade_id.removeprefix("test_"), score, 2.0, diagnosis,
                   unanswered=unanswered)


def klass():
    untouched = AssignmentResult("ann", A, "nb", [
        row("ann", "test_f", 0.0, "worded any way at all", unanswered=True),
        row("ann", "test_g", 0.0, "g: also unanswered", unanswered=True)])
    mixed = AssignmentResult("bob", A, "nb", [
        row("bob", "test_f", 2.0),
        row("bob", "test_g", 0.0, "g is not written yet (said, but not unanswered)")])
    return [untouched, mixed]


def test_the_status_of_a_row():
    assert [[t.status for t in r.tests] for r in klass()] == [
        [Status.UNANSWERED, Status.UNANSWERED], [Status.PASSED, Status.FAILED]]
    assert Status.of(1.0, 2.0) is Status.FAILED and Status.of(2.0, 2.0) is Status.PASSED


def test_report_and_grade_table_read_the_status_not_the_words():
    results = klass()
    assert report.unanswered(results) == 2
    assert [d[1] for d in report.common_diagnoses(results)] == ["g is not written yet (said, but not unanswered)"]
    table = grade_table(results).splitlines()
    assert table[1].startswith("ann") and table[1].endswith("02: not started")
    assert "not started" not in table[2]


def test_the_status_survives_test_results_csv_and_its_contract_columns_come_first(tmp_path):
    write_csvs(klass(), tmp_path)
    with open(tmp_path / "test_results.csv", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert header == TEST_COLUMNS + ["status"]
    assert [r[-1] for r in rows] == ["unanswered", "unanswered", "passed", "failed"]
    back = results_from_csvs(tmp_path, skip=set())
    assert [[t.status for t in r.tests] for r in sorted(back, key=lambda r: r.student_id)] == [
        [Status.UNANSWERED, Status.UNANSWERED], [Status.PASSED, Status.FAILED]]


def test_rows_of_a_file_from_before_the_status_column_read_back_by_their_score(tmp_path):
    with open(tmp_path / "test_results.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(TEST_COLUMNS)
        writer.writerow(["cy", A, "nb", "test_f", "f", "0", "2", "f is not written yet: ..."])
        writer.writerow(["cy", A, "nb", "test_g", "g", "2", "2", ""])
    [old] = results_from_csvs(tmp_path, skip=set())
    assert [t.status for t in old.tests] == [Status.FAILED, Status.PASSED]
    write_csvs(klass()[:1], tmp_path, keep_others=True)  # another student graded: cy's rows kept
    with open(tmp_path / "test_results.csv", newline="") as f:
        kept = [r for r in csv.DictReader(f) if r["student_id"] == "cy"]
    assert [r["status"] for r in kept] == ["", ""] and kept[0]["diagnosis"] == "f is not written yet: ..."
