"""Notebook 05 gives the same results whatever order its cells are run in: every global name one
cell reads from another is bound by exactly one cell above it and changed in place by none
(autograder.authoring.cell_names), ``layers_dims`` is bound by the cell that trains, and the checker
itself catches each way a cell can break that."""

import runpy

import nbformat
import pytest

from autograder import authoring, cell_names
from autograder.grading import skipping

CLASSIFIER = next(p for p in authoring.scripts() if p.stem == "05_cat_dog_classifier")


@pytest.fixture(scope="module")
def classifier():
    return runpy.run_path(str(CLASSIFIER), run_name="__authoring__")["nb"].build()


def test_the_classifier_notebook_does_not_depend_on_the_order_cells_run_in(classifier):
    assert cell_names.order_problems(classifier.cells) == []


def test_layers_dims_is_bound_by_the_cell_that_trains_and_no_demo_binds_a_name(classifier):
    names = {c.index: c for c in cell_names.notebook_names(classifier.cells)}
    training = [i for i, c in names.items() if {"parameters", "costs"} <= c.binds]
    assert len(training) == 1
    assert "layers_dims" in names[training[0]].binds
    assert "L_layer_model" in names[training[0]].reads
    demos = [i for i, c in enumerate(classifier.cells) if skipping.DEMO_TAG in c.metadata.get("tags", [])]
    assert len(demos) >= 6  # the plots and the widgets, the photo upload among them
    assert all(not names[i].binds for i in demos)


def test_the_appendix_keeps_its_results_apart_from_the_students_network(classifier):
    sources = [c.source for c in classifier.cells if c.cell_type == "code"]
    recipe = next(i for i, s in enumerate(sources) if "train_photo_recipe(" in s)
    names = cell_names.notebook_names([c for c in classifier.cells if c.cell_type == "code"])
    assert not names[recipe].binds & {"parameters", "train_x", "test_x", "layers_dims", "costs"}
    assert recipe > max(i for i, s in enumerate(sources) if "photo_upload(" in s)  # at the end


def cells(*sources):
    return [nbformat.v4.new_code_cell(s) for s in sources]


@pytest.mark.parametrize(("sources", "problem"), [
    # a later cell rebinds a name an earlier one made and a third reads
    (("parameters = 1", "print(parameters)", "parameters = 2"), "'parameters', read by cells [1], is bound by several"),
    # a loop variable of one cell shadows a name of another
    (("X = 1", "for X in range(3):\n    pass", "print(X)"), "'X', read by cells [2], is bound by several"),
    # a cell reads a name only a later cell binds
    (("print(layers_dims)", "layers_dims = [2, 1]"), "'layers_dims' is read by cells [0] but bound only by the later"),
    # a function reads a global that is bound twice
    (("n = 1", "def f():\n    return n", "n = 2"), "'n', read by cells [1], is bound by several"),
    # a cell changes in place what another reads
    (("p = {'W1': 1}", "p['W1'] = 0", "print(p)"), "'p', read by cells [1, 2], is changed in place by cells [1]"),
    (("costs = []", "costs += [1]", "print(costs)"), "'costs', read by cells [1, 2], is bound by several"),
])
def test_the_checker_names_each_way_a_cell_breaks_the_order(sources, problem):
    found = cell_names.order_problems(cells(*sources))
    assert any(p.startswith(problem) for p in found), found


def test_names_a_cell_binds_and_reads_itself_may_repeat():
    assert cell_names.order_problems(cells(
        "for name in 'ab':\n    print(name)", "name = 'c'\nprint(name)",
        "try:\n    1 / 0\nexcept ZeroDivisionError as error:\n    print(error)",
        "error = None\nprint([error for error in range(2)])")) == []
