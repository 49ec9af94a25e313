"""Writing the grader's verdicts into nbgrader's gradebook, so `nbgrader export` and formgrader
show the same scores as grades.csv."""

from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from . import nbgrader_api


def record_scores(course_dir: Path, student: str, assignment: str, notebook: str, scores: dict[str, float]) -> None:
    """Set the auto score of each grade cell in ``scores`` (grade id -> points), creating the
    submission first if nbgrader could not (a notebook whose kernel died)."""
    with Gradebook(nbgrader_api.gradebook_url(course_dir)) as gb:
        try:
            gb.find_submission(assignment, student)
        except MissingEntry:
            gb.update_or_create_student(student)
            gb.add_submission(assignment, student)
        for grade_id, score in scores.items():
            try:
                grade = gb.find_grade(grade_id, notebook, assignment, student)
            except MissingEntry:
                continue
            grade.auto_score = float(score)
        gb.db.commit()
