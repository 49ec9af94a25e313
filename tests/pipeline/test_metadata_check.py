"""Autograde's check of the cells' nbgrader metadata, schema compiled once: the same verdicts as
nbgrader's own on the course's cells and on broken ones."""

import copy

import nbformat
import pytest
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.preprocessors import CheckCellMetadata as StockCheck

from autograder import nbgrader_api, paths
from autograder.grading.metadata_check import CheckCellMetadata, QuickMetadataValidator

GRADED_TEST = {"grade": True, "grade_id": "test_sigmoid_backward", "locked": True, "points": 3,
               "schema_version": 3, "solution": False, "task": False}


def _cell(meta, source="assert True", kind="code"):
    cell = nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source)
    if meta is not None:
        cell.metadata["nbgrader"] = meta
    return cell


def _with(**changes):
    meta = copy.deepcopy(GRADED_TEST)
    for key, value in changes.items():
        if value is ...:
            del meta[key]
        else:
            meta[key] = value
    return meta


BROKEN = {
    "points not a number": _with(points="three"),
    "negative points": _with(points=-1),
    "grade not a bool": _with(grade="yes"),
    "no grade key": _with(grade=...),
    "no grade id": _with(grade_id=...),
    "empty grade id": _with(grade_id=""),
    "grade id with spaces": _with(grade_id="two words"),
    "graded without points": _with(points=...),
    "older schema": _with(schema_version=1),
    "no schema version": _with(schema_version=...),
    "newer schema": _with(schema_version=4),
    "unknown key": _with(colour="red"),
    "a task that is graded": _with(task=True),
    "cell type changed": _with(cell_type="markdown"),
    "not a mapping": "graded",
}


def _verdict(validator, cell):
    try:
        validator.validate_cell(copy.deepcopy(cell))
    except Exception as error:  # noqa: BLE001 - the verdict is the exception, whatever it is
        return type(error), str(error)
    return None


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_cell_gets_nbgraders_verdict(case):
    cell = _cell(BROKEN[case])
    assert _verdict(QuickMetadataValidator(), cell) == _verdict(MetadataValidator(), cell)


def test_the_broken_cells_are_broken_for_nbgrader_too():
    """Otherwise the parity above would prove little."""
    refused = [case for case, meta in BROKEN.items() if _verdict(MetadataValidator(), _cell(meta))]
    assert len(refused) >= len(BROKEN) - 3, refused  # nbgrader lets a few through (with a warning)


def test_every_cell_of_the_course_gets_nbgraders_verdict():
    notebooks = sorted(paths.COURSE.glob("source/*/*.ipynb"))
    assert len(notebooks) == 5
    cells = [cell for path in notebooks for cell in nbformat.read(path, as_version=4).cells]
    assert sum("nbgrader" in cell.metadata for cell in cells) > 100
    for cell in [*cells, _cell(None), _cell(GRADED_TEST, kind="markdown")]:
        assert _verdict(QuickMetadataValidator(), cell) == _verdict(MetadataValidator(), cell)


def test_a_notebook_with_broken_metadata_is_refused_as_nbgrader_refuses_it():
    nb = nbformat.v4.new_notebook(cells=[_cell(GRADED_TEST), _cell(_with(points="three"))])
    for check in (CheckCellMetadata(), StockCheck()):
        with pytest.raises(ValidationError, match="nbgrader metadata may be corrupted"):
            check.preprocess(copy.deepcopy(nb), {})
    good = nbformat.v4.new_notebook(cells=[_cell(GRADED_TEST)])
    assert CheckCellMetadata().preprocess(good, {})[0] is good


def test_autograde_runs_it_in_place_of_nbgraders_and_nothing_else_changes(tmp_path):
    config = nbgrader_api.config(tmp_path, kernel_name="autograder-sandbox")
    for name in ("sanitize_preprocessors", "autograde_preprocessors"):
        ours = config.Autograde[name]
        assert nbgrader_api.METADATA_CHECK in ours
        stock = [f"{step.__module__}.{step.__qualname__}" for step in
                 nbgrader_api.Autograde.class_traits()[name].default()]
        assert [nbgrader_api.METADATA_CHECK if step.endswith(".CheckCellMetadata") else step
                for step in stock] == ours
