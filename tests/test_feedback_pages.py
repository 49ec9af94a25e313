"""Feedback pages: the same HTML as nbconvert's own exporter, however often a cell repeats, and
cells that grading skipped say so."""

import re

import nbformat
from nbconvert import HTMLExporter

from autograder import html_assets, notebooks, paths
from autograder.grading import feedback, skipping
from autograder.grading.results import AssignmentResult

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def page(exporter, nb):
    return UUID.sub("<uuid>", exporter.from_notebook_node(nb)[0])


def test_pages_equal_nbconverts_even_when_cells_repeat():
    plain = HTMLExporter(template_name="lab", embed_images=True, **html_assets.exporter_settings("../assets"))
    ours = feedback._shared_exporter(True)
    for assignment in ("01_cost_functions", "05_cat_dog_classifier"):  # markdown, LaTeX, code, images
        nb = nbformat.read(notebooks.source_notebook(paths.COURSE, assignment), as_version=4)
        expected = page(plain, nb)
        assert page(ours, nb) == expected
        nb.cells[3].source += "\n<script>alert('x')</script> & <b>bold</b>"  # one cell differs, the rest repeat
        assert page(ours, nb) == page(plain, nb) != expected


def test_cells_grading_skipped_say_they_were_not_run():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("train()", metadata={"tags": [skipping.SKIP_TAG]}),
                                         nbformat.v4.new_code_cell("print(1)")])
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    shown = feedback.sanitized(nb, AssignmentResult("ada", "05_cat_dog_classifier", "cat_dog_classifier", []))
    assert shown.cells[1].outputs[0]["text"] == skipping.NOT_RUN
    assert shown.cells[2].outputs[0]["text"] == "1\n"
