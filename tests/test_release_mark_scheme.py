"""Written answers' mark schemes: nbgrader's generate_assignment (run by `release`) strips them and
the model answers, the gradebook keeps them for formgrader, and the release check refuses any
mark scheme or model answer that reaches a student file."""

import shutil

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder import nbgrader_api, notebooks, paths
from autograder.release import leaks, ship_helper_package
from autograder.samples.demo import copy_course

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


def _written_cells(nb):
    return [(i, c) for i, c in enumerate(nb.cells) if notebooks.is_written(c)]


def test_a_release_with_a_model_answer_or_a_scheme_line_is_refused(tmp_path):
    source = nbformat.read(notebooks.source_notebook(paths.COURSE, A), as_version=4)
    index, answer = _written_cells(source)[0]
    scheme_line = next(line for line in notebooks.mark_scheme_lines(source.cells[index - 1].source)
                       if len(line.strip()) > 40)
    model_line = max(answer.source.splitlines(), key=len)
    for leaked in (scheme_line, model_line):
        found = leaks(course_with_release(tmp_path / str(len(leaked)), f"Notes\n{leaked}\n"), A)
        assert any(repr(leaked.strip()) in problem for problem in found), (leaked, found)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """04 generated the way `release` does it (nbgrader's generate_assignment with our config)."""
    course = copy_course(tmp_path_factory.mktemp("scheme") / "course")
    nbgrader_api.prepare_kernels(course)
    outcome = nbgrader_api.api(course).generate_assignment(A, force=True, create=True)
    assert outcome["success"], nbgrader_api.failure_reason(outcome)
    ship_helper_package(course, A)
    return course


def test_every_notebook_has_written_answers_with_mark_schemes():
    for assignment in ("01_cost_functions", "02_backward_step", "03_L_model_backward", A, "05_cat_dog_classifier"):
        source = nbformat.read(notebooks.source_notebook(paths.COURSE, assignment), as_version=4)
        written = _written_cells(source)
        assert written, assignment
        for index, cell in written:
            question = source.cells[index - 1]
            assert notebooks.nbgrader_meta(question)["locked"], cell.metadata
            assert notebooks.mark_scheme_lines(question.source), question.source
            assert float(notebooks.nbgrader_meta(cell)["points"]) > 0 and cell.source.strip()


def test_the_release_strips_mark_schemes_and_model_answers(generated):
    source = nbformat.read(notebooks.source_notebook(generated, A), as_version=4)
    released = nbformat.read(generated / "release" / A / "update_rule.ipynb", as_version=4)
    by_id = {notebooks.nbgrader_meta(c).get("grade_id"): c for c in released.cells}
    for index, cell in _written_cells(source):
        grade_id = notebooks.nbgrader_meta(cell)["grade_id"]
        assert by_id[grade_id].source == "YOUR ANSWER HERE"
        question = by_id[f"{grade_id}_question"]
        assert notebooks.MARK_SCHEME_BEGIN not in question.source and "Mark scheme" not in question.source
        assert question.source.strip() == source.cells[index - 1].source.split(notebooks.MARK_SCHEME_BEGIN)[0].strip()
    text = (generated / "release" / A / "update_rule.ipynb").read_text()
    assert "MARK SCHEME" not in text
    assert leaks(generated, A) == []


def test_the_gradebook_keeps_the_mark_scheme_for_formgrader(generated):
    source = nbformat.read(notebooks.source_notebook(generated, A), as_version=4)
    index, cell = _written_cells(source)[0]
    grade_id = notebooks.nbgrader_meta(cell)["grade_id"]
    with Gradebook(nbgrader_api.gradebook_url(generated), nbgrader_api.COURSE_ID) as gb:
        kept = gb.find_source_cell(f"{grade_id}_question", "update_rule", A)
        assert notebooks.MARK_SCHEME_BEGIN in kept.source and kept.locked
        graded = gb.find_graded_cell(grade_id, "update_rule", A)
        assert graded.max_score == float(notebooks.nbgrader_meta(cell)["points"]) and graded.cell_type == "markdown"
