"""nbgrader's gradebook as the grader writes it: the verdicts of every grading path (local,
Dask) go through ``store_gradebook_entries``, so `nbgrader export` and formgrader show the same
scores as grades.csv."""

from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from .. import nbgrader_api


def record_scores(course_dir: Path, student: str, assignment: str, notebook: str, scores: dict[str, float]) -> None:
    """Set the auto score of each grade cell in ``scores`` (grade id -> points), creating the
    submission if nbgrader could not (a notebook whose kernel died)."""
    grades = {grade_id: float(score) for grade_id, score in scores.items()}
    store_gradebook_entries(course_dir, student, assignment,
                            {"notebooks": {notebook: {"grades": grades, "comments": {}}}})


def store_gradebook_entries(course_dir: Path, student: str, assignment: str, entries: dict) -> None:
    """Record auto scores and comments (a Dask worker's autograde, or the oracle's verdicts) in the
    course gradebook, as nbgrader's SaveAutoGrades does:
    a manual score given earlier is kept and the cell is flagged for review."""
    with Gradebook(nbgrader_api.gradebook_url(course_dir), nbgrader_api.COURSE_ID) as gb:
        gb.update_or_create_student(student)
        kwargs = {"timestamp": entries["timestamp"]} if entries.get("timestamp") else {}
        gb.update_or_create_submission(assignment, student, **kwargs)
        for notebook, cells in entries["notebooks"].items():
            for cell, score in cells["grades"].items():
                grade = gb.find_grade(cell, notebook, assignment, student)
                grade.auto_score = score
                grade.needs_manual_grade = grade.manual_score is not None or score is None
            for cell, comment in cells["comments"].items():
                gb.find_comment(cell, notebook, assignment, student).auto_comment = comment
        gb.db.commit()


def gradebook_entries(course_dir: Path, student: str, assignment: str) -> dict | None:
    """The submission nbgrader recorded in ``course_dir``'s gradebook: per notebook, the auto
    score of each grade cell and the auto comment of each solution cell (None: no submission)."""
    with Gradebook(nbgrader_api.gradebook_url(course_dir), nbgrader_api.COURSE_ID) as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            return None
        return {
            "timestamp": submission.timestamp.isoformat() if submission.timestamp else None,
            "notebooks": {nb.name: {"grades": {g.name: g.auto_score for g in nb.grades},
                                    "comments": {c.name: c.auto_comment for c in nb.comments}}
                          for nb in submission.notebooks},
        }
