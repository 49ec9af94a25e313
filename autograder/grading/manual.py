"""Written answers graded by hand: the scores an instructor gave in formgrader, read back.

Formgrader's Manual Grading view stores a written answer's score in nbgrader's gradebook as the
grade's ``manual_score`` (and the grader's remark as the comment's ``manual_comment``). Grading
again never touches them: nbgrader's SaveAutoGrades and ``gradebook.store_gradebook_entries`` set
only ``auto_score``, and a submission is updated in place, never re-created. So each grading job
asks the gradebook for them once its notebook is graded, before its feedback is written (a
cluster worker's scratch gradebook is a snapshot of the course's, manual scores included), and a
row given a score by hand stops being "awaiting manual grading": its points count in ``score``,
leave ``manual_pending``, and the grader's comment is its diagnosis.
"""

from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from .. import nbgrader_api
from .results import AssignmentResult


def apply_manual_scores(course_dir: Path, results: list[AssignmentResult]) -> None:
    """Give every written-answer row of ``results`` the score an instructor gave it by hand, if any
    (in place). The row's diagnosis becomes the grader's comment (empty when there is none)."""
    written = [t for r in results for t in r.tests if t.manual]
    if not written or not (Path(course_dir) / "gradebook.db").exists():
        return
    with Gradebook(nbgrader_api.gradebook_url(course_dir), nbgrader_api.COURSE_ID) as gb:
        for row in written:
            try:
                grade = gb.find_grade(row.grade_id, row.notebook, row.assignment, row.student_id)
            except MissingEntry:
                continue
            if grade.manual_score is None:
                continue
            try:
                comment = gb.find_comment(row.grade_id, row.notebook, row.assignment, row.student_id).manual_comment
            except MissingEntry:
                comment = None
            row.score, row.pending = float(grade.manual_score), False
            row.diagnosis = row.diagnosis_key = (comment or "").strip()
