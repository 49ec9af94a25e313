"""The release check refuses a release that holds a written answer's mark scheme."""

import shutil

import nbformat

from autograder import paths
from autograder.release import leaks

A = "04_update_rule"
SCHEME = "=== BEGIN MARK SCHEME ===\nOne point for the minus sign.\n=== END MARK SCHEME ==="


def course_with_release(tmp_path, answer_cell: str):
    course = tmp_path / "course"
    shutil.copytree(paths.COURSE / "source" / A, course / "source" / A)
    (course / "bpkit").mkdir()
    release = course / "release" / A
    release.mkdir(parents=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(answer_cell)])
    nbformat.write(nb, release / "update_rule.ipynb")
    return course


def test_a_release_with_a_mark_scheme_is_refused(tmp_path):
    found = leaks(course_with_release(tmp_path, "YOUR ANSWER HERE\n\n" + SCHEME), A)
    assert any("MARK SCHEME" in problem for problem in found), found


def test_a_release_without_one_is_clean(tmp_path):
    assert leaks(course_with_release(tmp_path, "YOUR ANSWER HERE"), A) == []
