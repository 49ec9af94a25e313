"""Cells grading skips: the cells after the last test of a function that no concept question's
answer depends on, and unedited demo cells."""

import ast

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder import authoring, notebooks, paths
from autograder.grading import restore, skipping
from autograder.hidden import registry


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


CONCEPT_TEST = "test_q_threshold_answer"  # a concept question's hidden test: it reads q_threshold


def shows_question(name):
    """The locked cell that shows a concept question (``Notebook.concept``)."""
    c = new_code_cell(f"from bpkit import questions\nquestions.show({name!r})", id="show")
    c.metadata["nbgrader"] = {"grade": False, "grade_id": f"{notebooks.QUESTION_CELL}{name}", "locked": True,
                              "solution": False}
    return c


def concept_notebook(answer_source, *extra):
    """A function test, then the training and plots a course notebook has after it, then a concept
    question whose answer cell holds ``answer_source``."""
    return nbformat.from_dict(new_notebook(cells=[
        new_code_cell("import numpy as np\ntrain_x = np.ones((3, 4))", id="setup"),
        answer("f"),
        graded("test_f"),
        new_code_cell("parameters = {'W1': train_x[:2]}\ncosts = []", id="train"),
        new_code_cell("for k in range(3):\n    costs.append(k)", id="more-training"),
        new_code_cell("import matplotlib.pyplot as plt\nplt.plot(costs)", id="plot"),
        new_code_cell("report = f'{len(costs)} costs'", id="report"),
        *extra,
        shows_question("q_threshold"),
        answer("q_threshold", answer_source),
        graded(CONCEPT_TEST),
    ]))


def test_concept_questions_after_the_tests_do_not_make_the_training_before_them_run():
    release = concept_notebook("q_threshold = 0.5")
    nb, _ = restore.restore(release, release)
    skipping.mark(nb, release)
    assert skipped_ids(nb) == ["train", "more-training", "plot", "report"]  # the question itself runs


@pytest.mark.parametrize("source, runs", [
    # an answer computed from the notebook keeps every cell that binds, or may change, what it reads
    ("q_threshold = len(costs) / 6", ["train", "more-training", "plot", "report"]),
    ("q_threshold = parameters['W1'].mean()", ["train"]),
    ("q_threshold = questions.version('q_threshold').p", []),  # the module the question's cell imports
    ("from bpkit import questions\nq_threshold = questions.version('q_threshold').p", []),  # its own import
    ("q_threshold = np.float64(0.5)", []),  # a module the notebook imports is not changed by using it
    # an answer that cannot be read could depend on anything
    ("q_threshold = = 0.5", ["train", "more-training", "plot", "report"]),
    ("%time q_threshold = 0.5", ["train", "more-training", "plot", "report"]),
    ("q_threshold = eval('len(costs)')", ["train", "more-training", "plot", "report"]),
])
def test_a_cell_after_the_tests_runs_when_an_answer_may_read_what_it_binds(source, runs):
    release = concept_notebook("q_threshold = ...")
    submitted = nbformat.from_dict(nbformat.reads(nbformat.writes(release), as_version=4))
    next(c for c in submitted.cells if c.id == "q_threshold").source = source
    nb, _ = restore.restore(submitted, release)
    skipping.mark(nb, release, submitted)
    ran_ids = [c.id for c in nb.cells if c.cell_type == "code" and not skipping.is_skipped(c)]
    assert ran_ids == ["setup", "f", "test_f", *runs, "show", "q_threshold", CONCEPT_TEST]


def test_a_cell_that_cannot_be_read_runs_only_when_a_later_cell_depends_on_something():
    nb = concept_notebook("q_threshold = 0.5")
    nb.cells.append(new_code_cell("%timeit sum(costs)", id="magic"))
    skipping.mark(nb, nb)
    assert skipped_ids(nb) == ["train", "more-training", "plot", "report", "magic"], "nothing after it reads"
    nb = concept_notebook("q_threshold = 0.5", new_code_cell("%timeit sum(costs)", id="magic"))
    skipping.mark(nb, nb)
    assert skipped_ids(nb) == [], "it may bind what the answer's test reads: it runs, and all it may read"


def test_training_output_from_an_untidy_run_reruns_the_cells_after_the_tests_despite_concept_questions():
    release = concept_notebook("q_threshold = 0.5")
    untidy = ran(release, [1, 2, 3, 9, 4, 5, 6, 7, 8, 10], printed_at="train")
    nb, _ = restore.restore(untidy, release)
    skipping.mark(nb, release, untidy)
    assert skipped_ids(nb) == []


def test_a_written_answer_at_the_end_is_no_test_of_a_function():
    written = new_markdown_cell("YOUR ANSWER HERE", id="written_why")
    written.metadata["nbgrader"] = {"grade": True, "grade_id": "written_why", "locked": False, "points": 2,
                                    "solution": True}
    release = concept_notebook("q_threshold = 0.5", written)
    nb, _ = restore.restore(release, release)
    skipping.mark(nb, release)
    assert skipped_ids(nb) == ["train", "more-training", "plot", "report"]


@pytest.mark.parametrize("assignment", notebooks.assignments(paths.COURSE))
def test_the_course_model_answers_need_no_training_run(assignment):
    """With the model answers, no cell after a notebook's last function test runs but the concept
    questions' own (what made notebook 05's grading slow once its questions came last)."""
    source = nbformat.read(notebooks.source_notebook(paths.COURSE, assignment), as_version=4)
    nb = nbformat.from_dict(nbformat.reads(nbformat.writes(source), as_version=4))
    skipping.mark(nb, source)
    last = skipping._last_function_test(nb)
    ran_after = [c for c in nb.cells[last + 1:] if c.cell_type == "code" and not skipping.is_skipped(c)]
    answers = registry.concepts_of(assignment)
    assert answers, f"{assignment} has concept questions after its last function test"
    others = [c.source[:80] for c in ran_after if c.id not in answers and not c.id.startswith(notebooks.QUESTION_CELL)
              and notebooks.nbgrader_meta(c).get("grade_id", "").removeprefix("test_").removesuffix("_answer")
              not in answers]
    assert others == []
