"""Cells grading skips: everything after the last graded cell, and unedited demo cells."""

import ast

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder import authoring, notebooks, paths
from autograder.grading import restore, skipping


def graded(grade_id):
    c = new_code_cell(f"grade_test({grade_id!r})", id=grade_id)
    c.metadata["nbgrader"] = {"grade": True, "grade_id": grade_id, "locked": True, "points": 2, "solution": False}
    return c


def answer(grade_id, source="def f(x):\n    return x"):
    c = new_code_cell(source, id=grade_id)
    c.metadata["nbgrader"] = {"grade": False, "grade_id": grade_id, "locked": False, "solution": True}
    return c


def demo(source, cid):
    return new_code_cell(source, id=cid, metadata={"tags": [skipping.DEMO_TAG]})


def release_notebook():
    return nbformat.from_dict(new_notebook(cells=[
        new_code_cell("import numpy as np", id="setup"),
        answer("f"),
        demo("explorer(f)", "widget"),
        new_code_cell("x = f(3)", id="uses-f"),
        graded("test_f"),
        new_markdown_cell("## Training", id="md"),
        new_code_cell("for i in range(10**9): pass", id="train"),
        demo("plot(costs)", "late-plot"),
    ]))


def skipped_ids(nb):
    return [c.id for c in nb.cells if skipping.is_skipped(c)]


def test_cells_after_the_last_test_and_demo_cells_are_skipped():
    release = release_notebook()
    nb, _ = restore.restore(release, release)
    assert skipping.mark(nb, release) == 3
    assert skipped_ids(nb) == ["widget", "train", "late-plot"]
    assert skipped_ids(release) == []  # the release itself is left as it was


def test_an_edited_demo_cell_runs_and_a_student_cell_after_the_tests_does_not():
    release = release_notebook()
    submitted = nbformat.from_dict(nbformat.reads(nbformat.writes(release), as_version=4))
    submitted.cells[2].source = "helper = 41  # the student turned the demo into a cell of their own"
    submitted.cells.append(new_code_cell("print('my own experiment')", id="mine"))
    nb, _ = restore.restore(submitted, release)
    skipping.mark(nb, release)
    assert "widget" not in skipped_ids(nb)
    assert nb.cells[-1].source == "print('my own experiment')" and skipping.is_skipped(nb.cells[-1])
    assert [c.id for c in nb.cells if c.cell_type == "code" and not skipping.is_skipped(c)] == [
        "setup", "f", "widget", "uses-f", "test_f"]


def test_a_notebook_without_tests_runs_every_cell():
    nb = nbformat.from_dict(new_notebook(cells=[new_code_cell("a = 1"), new_code_cell("print(a)")]))
    assert skipping.mark(nb, nb) == 0 and skipped_ids(nb) == []


@pytest.mark.parametrize("source", ["x = explorer(f)", "import numpy", "def g(): pass", "print(y := 2)",
                                    "for i in range(3): show(i)"])
def test_a_demo_cell_that_binds_a_name_is_refused(source):
    nb = authoring.Notebook("01_cost_functions", "cost_functions")
    with pytest.raises(ValueError, match="only hold expressions"):
        nb.demo(source)


def test_a_demo_cell_holds_expressions_and_is_tagged():
    nb = authoring.Notebook("01_cost_functions", "cost_functions")
    cell = nb.demo("explorer(f, [g(i) for i in range(3)])")
    assert cell.metadata["tags"] == [skipping.DEMO_TAG]


@pytest.mark.parametrize("assignment", notebooks.assignments(paths.COURSE))
def test_every_demo_cell_of_the_course_binds_no_name(assignment):
    """What makes skipping them safe: no later cell can depend on a demo cell."""
    nb = nbformat.read(notebooks.source_notebook(paths.COURSE, assignment), as_version=4)
    demos = [c for c in nb.cells if skipping.DEMO_TAG in c.metadata.get("tags", [])]
    for c in demos:
        assert all(isinstance(s, ast.Expr) for s in ast.parse(c.source).body), c.source
    assert demos, f"{assignment} has a widget or plot cell before its last test; grading should skip it"


def ran(nb, counts, printed_at):
    """``nb`` as saved after running its code cells with these execution counts; the cell with id
    ``printed_at`` printed something."""
    nb = nbformat.from_dict(nbformat.reads(nbformat.writes(nb), as_version=4))
    for c, count in zip([c for c in nb.cells if c.cell_type == "code"], counts, strict=True):
        c.execution_count = count
        if c.id == printed_at:
            c.outputs = [nbformat.v4.new_output("stream", name="stdout", text="test accuracy: 0.74\n")]
    return nb


def test_saved_training_output_from_an_untidy_run_is_rerun_to_look_for_stale_state():
    release = release_notebook()
    untidy = ran(release, [1, 2, 7, 3, 4, 6, 5], printed_at="train")  # cells run out of order
    nb, _ = restore.restore(untidy, release)
    skipping.mark(nb, release, untidy)
    assert skipped_ids(nb) == ["widget", "late-plot"]  # demos still do not run; the training cell does


def test_a_restart_and_run_all_needs_no_rerun_of_the_training_cells():
    release = release_notebook()
    tidy = ran(release, [1, 2, 3, 4, 5, 6, 7], printed_at="train")
    assert skipping.clean_run(tidy) and not skipping.clean_run(ran(release, [1, 2, 3, 5, 6, 7, 8], "train"))
    nb, _ = restore.restore(tidy, release)
    skipping.mark(nb, release, tidy)
    assert skipped_ids(nb) == ["widget", "train", "late-plot"]
    never_ran = ran(release, [None] * 7, printed_at=None)  # no saved output: nothing can be stale
    nb, _ = restore.restore(never_ran, release)
    skipping.mark(nb, release, never_ran)
    assert skipped_ids(nb) == ["widget", "train", "late-plot"]
