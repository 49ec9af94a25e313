"""Grading on a Dask cluster gives what local grading gives, and the course gradebook gets
every grade exactly once."""

import shutil
import sqlite3

import pytest

from autograder.grading import grade
from autograder.samples import planted
from autograder.samples.demo import BROKEN_NOTEBOOK, write_submissions
from tests.conftest import points, run_cli

pytestmark = pytest.mark.slow

ASSIGNMENT = "04_update_rule"
CLASS = {
    "d_correct": {},
    "d_plus_update": {ASSIGNMENT: {"update_parameters": planted.PLUS_UPDATE.source}},
    "d_untouched": "untouched",
    "d_broken_file": {ASSIGNMENT: BROKEN_NOTEBOOK},
}

ENTRIES_QUERY = """
SELECT student.id, assignment.name, notebook.name, base_cell.name, {columns}
FROM {table}
JOIN base_cell ON {table}.cell_id = base_cell.id
JOIN submitted_notebook ON {table}.notebook_id = submitted_notebook.id
JOIN notebook ON submitted_notebook.notebook_id = notebook.id
JOIN submitted_assignment ON submitted_notebook.assignment_id = submitted_assignment.id
JOIN assignment ON submitted_assignment.assignment_id = assignment.id
JOIN student ON submitted_assignment.student_id = student.id
WHERE student.id LIKE 'd\\_%' ESCAPE '\\'
ORDER BY 1, 2, 3, 4
"""


def gradebook_rows(course, table="grade", columns="grade.auto_score, grade.needs_manual_grade"):
    """(student, assignment, notebook, cell, values...) of every grade (or comment) of the test's students."""
    with sqlite3.connect(course / "gradebook.db") as db:
        return db.execute(ENTRIES_QUERY.format(table=table, columns=columns)).fetchall()


@pytest.fixture
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, worker_dashboard_address=None) as local:
        yield local


def test_cluster_grades_like_local_processes(released_course, tmp_path, cluster):
    local_course = shutil.copytree(released_course, tmp_path / "local_course")
    cluster_course = shutil.copytree(released_course, tmp_path / "cluster_course")
    submissions = write_submissions(released_course, tmp_path / "subs", CLASS, assignments=[ASSIGNMENT])
    (submissions / "d_missing" / "01_cost_functions").mkdir(parents=True)  # nothing for 04

    local = tmp_path / "local"
    grade(submissions, local_course, local, workers=1, progress=False, assignments=[ASSIGNMENT])
    remote = tmp_path / "remote"
    done = run_cli("grade", "--submissions", submissions, "--course-dir", cluster_course, "--out", remote,
                   "--assignment", ASSIGNMENT, "--scheduler", cluster.scheduler_address)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    for name in ("grades.csv", "test_results.csv"):
        assert (remote / name).read_text() == (local / name).read_text()
    # the update rule earns nothing; the concept questions, answered right, keep their points
    wrong = f"d_plus_update,04_update_rule,{points(ASSIGNMENT, concepts=True):g},{points(ASSIGNMENT):g}"
    assert wrong in (remote / "grades.csv").read_text()
    for student in [*CLASS, "d_missing"]:
        assert (remote / "feedback" / student / ASSIGNMENT / "update_rule.html").is_file()
    assert (remote / "report.html").is_file()

    rows = gradebook_rows(cluster_course)
    keys = [row[:4] for row in rows]
    assert len(keys) == len(set(keys)), "a grade was recorded twice"
    assert rows == gradebook_rows(local_course)
    comments = {"table": "comment", "columns": "comment.auto_comment"}
    assert gradebook_rows(cluster_course, **comments) == gradebook_rows(local_course, **comments)
    graded = {row[0] for row in rows}
    assert graded == {"d_correct", "d_plus_update", "d_untouched"}  # not run on the missing and broken ones
    assert (cluster_course / "autograded" / "d_plus_update" / ASSIGNMENT / "update_rule.ipynb").is_file()


def test_cluster_workers_apply_every_limit_the_grader_was_given(released_course, tmp_path, cluster):
    """--notebook-timeout (and every other Settings field) reaches the workers: a notebook that
    sleeps past a short notebook limit is stopped there with that limit in its feedback."""
    import html

    import nbformat

    from autograder import notebooks

    course = shutil.copytree(released_course, tmp_path / "course")
    source = nbformat.read(notebooks.source_notebook(course, ASSIGNMENT), as_version=4)
    release = nbformat.read(course / "release" / ASSIGNMENT / "update_rule.ipynb", as_version=4)
    nb = notebooks.fill_solutions(release, source)
    nb.cells.insert(1, nbformat.v4.new_code_cell("import time\ntime.sleep(600)"))
    folder = tmp_path / "subs" / "d_sleeper" / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / "update_rule.ipynb")
    (result,) = grade(tmp_path / "subs", course, tmp_path / "out", timeout=900, notebook_timeout=7,
                      progress=False, assignments=[ASSIGNMENT], scheduler=cluster.scheduler_address)
    assert result.score == 0
    assert "longer than the 7 s allowed for a whole notebook" in html.unescape(result.feedback.read_text())
