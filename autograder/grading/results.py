"""What grading found for one (student, assignment): the oracle's verdicts (scores, diagnoses,
notes and hints), written into nbgrader's gradebook, and the reasons read from the autograded
notebook's cells for the tests that gave no verdict."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
from nbgrader import utils

from .. import notebooks
from ..hidden import registry
from ..link import messages
from ..link.probe import RESULT_MIME
from ..link.status import Status
from .gradebook import record_scores

if TYPE_CHECKING:
    from .late import Late

TIMEOUT_ERRORS = ("CellTimeoutError", "KeyboardInterrupt", "TimeoutError")
AWAITING_MANUAL = "awaiting manual grading"  # a written answer's diagnosis until the instructor scores it


@dataclass
class TestRow:
    student_id: str
    assignment: str
    notebook: str
    grade_id: str
    function: str
    score: float
    max_score: float
    diagnosis: str = ""
    notes: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    diagnosis_key: str = ""  # the template(s) the diagnosis was made from, the same for every student
    unanswered: bool = False  # the function or answer is still the release's stub (see ``status``)
    manual: bool = False  # a written answer, graded by hand (grading/manual.py)
    pending: bool = False  # ... still awaiting manual grading (its score is not counted yet)

    @property
    def status(self) -> Status:
        """passed (full marks), unanswered (not written yet), pending (awaiting manual grading) or failed."""
        return Status.of(self.score, self.max_score, unanswered=self.unanswered, pending=self.pending)


@dataclass
class AssignmentResult:
    student_id: str
    assignment: str
    notebook: str
    tests: list[TestRow]
    problems: list[str] = field(default_factory=list)  # whole-notebook reasons (missing, broken, ...)
    visible_failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the notebook was run; never deducted
    tampering: list[str] = field(default_factory=list)  # protected cells changed (restored; never counted)
    feedback: Path | None = None
    late: "Late | None" = None  # submission time and late penalty (autograder.grading.late.assess)
    stages: dict[str, float] = field(default_factory=dict, compare=False, repr=False)  # seconds (autograder.timing)

    @property
    def score(self) -> float:
        """The raw score: the tests' points, before any late penalty."""
        return round(sum(t.score for t in self.tests), 6)

    @property
    def final_score(self) -> float:
        """The score after the late penalty (grades.csv's ``score``)."""
        return round(self.score - (self.late.penalty if self.late else 0.0), 6)

    @property
    def max_score(self) -> float:
        return round(sum(t.max_score for t in self.tests), 6)

    @property
    def manual_pending(self) -> float:
        """Points of written answers still awaiting manual grading (grades.csv's ``manual_pending``)."""
        return round(sum(t.max_score for t in self.tests if t.pending), 6)


def function_of(grade_id: str) -> str:
    try:
        return registry.get(grade_id).function
    except KeyError:
        return ""


def expected_tests(course_dir: Path, assignment: str) -> list[tuple[str, float]]:
    """(grade id, points) of every hidden test of the assignment, from its source notebook
    (written answers, graded by hand, are ``written_answers``)."""
    nb = nbformat.read(notebooks.source_notebook(course_dir, assignment), as_version=4)
    return [(notebooks.nbgrader_meta(c)["grade_id"], float(notebooks.nbgrader_meta(c)["points"]))
            for c in notebooks.grade_cells(nb)
            if float(notebooks.nbgrader_meta(c).get("points", 0)) > 0 and not notebooks.is_written(c)]


def written_answers(course_dir: Path, assignment: str) -> list[tuple[str, float]]:
    """(grade id, points) of every written answer of the assignment, from its source notebook."""
    return notebooks.written_answers(nbformat.read(notebooks.source_notebook(course_dir, assignment), as_version=4))


def failed_result(course_dir, student, assignment, notebook, reason) -> AssignmentResult:
    """Every test scored 0 with ``reason``: a missing or broken submission still gets its rows."""
    rows = [TestRow(student, assignment, notebook, gid, function_of(gid), 0.0, pts, reason, diagnosis_key=reason)
            for gid, pts in expected_tests(course_dir, assignment)]
    rows += [TestRow(student, assignment, notebook, gid, gid, 0.0, pts, reason, diagnosis_key=reason, manual=True)
             for gid, pts in written_answers(course_dir, assignment)]
    return AssignmentResult(student, assignment, notebook, rows, problems=[reason])


def written_rows(course_dir: Path, student: str, assignment: str, notebook: str, nb) -> list[TestRow]:
    """A row per written answer of the autograded notebook ``nb``: awaiting manual grading when
    answered, 0 when still the release's text (nbgrader's "No response"). Scores given by hand
    are added afterwards from the gradebook (grading/manual.py)."""
    cells = {notebooks.nbgrader_meta(c).get("grade_id"): c for c in nb.cells if notebooks.is_written(c)}
    rows = []
    for grade_id, points in written_answers(course_dir, assignment):
        cell = cells.get(grade_id)
        answered = cell is not None and utils.determine_grade(cell)[0] is None
        row = TestRow(student, assignment, notebook, grade_id, grade_id, 0.0, points, manual=True, pending=answered,
                      unanswered=not answered)
        row.diagnosis = row.diagnosis_key = (
            AWAITING_MANUAL if answered else f"Your answer to {grade_id} is not written yet.")
        rows.append(row)
    return rows


def _cell_report(cell, timeout: int | None) -> tuple[dict | None, str]:
    """The hidden test's published result, or a reason read from the cell's error output."""
    result = None
    for output in cell.get("outputs", []):
        if output.get("output_type") in ("display_data", "execute_result") and RESULT_MIME in output.get("data", {}):
            result = output["data"][RESULT_MIME]
    if result is not None:
        return result, ""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            if output.get("ename") in TIMEOUT_ERRORS:
                return None, messages.timed_out(timeout)
            return None, f"The test stopped with {output.get('ename')}: {output.get('evalue')}"
    if not cell.get("outputs"):
        return None, "The test did not run: the notebook stopped before reaching it."
    return None, "The test gave no result."


def read_results(course_dir: Path, student: str, assignment: str, notebook: str,
                 timeout: int | None, verdicts: dict[str, dict], stopped: str | None = None) -> AssignmentResult:
    """The result of one autograded notebook.

    ``verdicts`` (grade id -> result) are the oracle's, computed outside the student's kernel:
    they are the scores, and they are written into the gradebook. A test without a verdict scores
    0, with the reason read from its cell. ``stopped`` says why the notebook did not run to the
    end (its tests that never ran score 0 with that reason).
    """
    course_dir = Path(course_dir)
    path = course_dir / "autograded" / student / assignment / f"{notebook}.ipynb"
    nb = nbformat.read(path, as_version=4) if path.exists() else nbformat.v4.new_notebook()
    cells = {notebooks.nbgrader_meta(c).get("grade_id"): c for c in notebooks.grade_cells(nb)}
    rows, visible = [], []
    for grade_id, points in expected_tests(course_dir, assignment):
        cell = cells.get(grade_id)
        result = verdicts.get(grade_id)
        reason = stopped or "The test did not run: the notebook stopped before reaching it."
        if result is not None and result.get("interrupted"):  # the kernel stopped during the test
            reason, result = result["diagnosis"], None
            if cell is not None and cell.get("outputs"):
                published, why = _cell_report(cell, timeout)
                reason = why if published is None else reason
        elif result is None and cell is not None and not stopped:
            reason = _cell_report(cell, timeout)[1]
        score = result["score"] if result is not None else 0.0
        row = TestRow(student, assignment, notebook, grade_id, function_of(grade_id), float(score), points)
        if result is not None:
            row.diagnosis = result.get("diagnosis", "")
            row.diagnosis_key = result.get("diagnosis_key", "")
            row.notes, row.hints = list(result.get("notes", [])), list(result.get("hints", []))
            row.unanswered = result.get("status") == Status.UNANSWERED
            if row.score < row.max_score and row.hints:
                row.diagnosis = " ".join([row.diagnosis, *("Hint: " + h for h in row.hints)]).strip()
        elif row.score < row.max_score:
            row.diagnosis = row.diagnosis_key = reason
        if row.score < row.max_score and not row.diagnosis:
            row.diagnosis = row.diagnosis_key = "The test failed."
        rows.append(row)
    record_scores(course_dir, student, assignment, notebook, {r.grade_id: r.score for r in rows})
    rows += written_rows(course_dir, student, assignment, notebook, nb)
    for grade_id, cell in cells.items():
        meta = notebooks.nbgrader_meta(cell)
        if float(meta.get("points", 0)) == 0 and any(o.get("output_type") == "error" for o in cell.outputs):
            err = next(o for o in cell.outputs if o.get("output_type") == "error")
            visible.append(f"visible check {grade_id} failed: {err.get('ename')}: {err.get('evalue')}")
    return AssignmentResult(student, assignment, notebook, rows, visible_failures=visible)
