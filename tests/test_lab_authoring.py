"""A debugging lab's answer cell: the fixed lines are the solution, the buggy code is handed out."""

import nbformat
import pytest

from autograder import notebooks
from autograder.authoring import lab_solution_source

GIVEN = "def f(x):\n    y = x + 1\n    return y"
FIXED = "def f(x):\n    y = x - 1\n    y = y * 2\n    return y"


def test_only_the_fixed_lines_are_between_solution_markers():
    source = lab_solution_source(GIVEN, FIXED)
    assert notebooks.solution_regions(source) == ["    y = x - 1", "    y = y * 2"]
    assert notebooks.solution_code(source) == FIXED


@pytest.mark.parametrize("fixed, why", [
    (GIVEN, "must change lines"),
    ("def f(x):\n    y = x + 1\n    y = x + 1\n    return y", "also appears in the given code"),
])
def test_a_fix_that_changes_nothing_or_repeats_a_given_line_is_refused(fixed, why):
    with pytest.raises(ValueError, match=why):
        lab_solution_source(GIVEN, fixed)


def test_the_released_cell_gets_the_given_code_and_loses_its_metadata(tmp_path):
    lab = nbformat.v4.new_code_cell("raise NotImplementedError()")
    lab.metadata[notebooks.LAB_META] = {"given": GIVEN}
    other = nbformat.v4.new_code_cell("raise NotImplementedError()")
    path = tmp_path / "n.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[lab, other]), path)
    notebooks.hand_out_lab_code(path)
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].source == GIVEN and notebooks.LAB_META not in cells[0].metadata
    assert cells[1].source == "raise NotImplementedError()"
