"""Feedback pages: the same page as nbconvert's own exporter makes (the same elements, attributes
and text; nbconvert re-serialises its page through BeautifulSoup, ours does not), however often a
cell repeats, and cells that grading skipped say so."""

import re

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

from autograder import html_assets, notebooks, paths
from autograder.grading import feedback, skipping
from autograder.grading.results import AssignmentResult

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


HTML_IMAGES = nbformat.v4.new_output("display_data", data={"text/html": '<img src="data:," alt="mine"><img src="x">'})


def page(exporter, nb):
    """The page as a browser reads it: every element with its attributes, in order, and the text."""
    soup = BeautifulSoup(UUID.sub("<uuid>", exporter.from_notebook_node(nb)[0]), "html.parser")
    elements = [(e.name, sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in e.attrs.items()))
                for e in soup.find_all(True)]
    return elements, soup.get_text()


def test_every_image_has_alt_text_and_every_cell_input_and_output_can_take_the_focus():
    nb = nbformat.read(notebooks.source_notebook(paths.COURSE, "05_cat_dog_classifier"), as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("show()", outputs=[HTML_IMAGES]))
    elements, _ = page(feedback._shared_exporter(True), nb)
    images = [dict(attrs) for name, attrs in elements if name == "img"]
    assert len(images) >= 6 and all(i.get("alt") for i in images)
    assert {"mine", feedback.NO_ALT} <= {i["alt"] for i in images}
    cells = [dict(attrs) for name, attrs in elements if name == "div" and re.search(
        r"\bjp-(Cell-inputWrapper|OutputArea-output)\b", dict(attrs).get("class", ""))]
    assert len(cells) > 50 and all(c.get("tabindex") == "0" for c in cells)


def test_pages_equal_nbconverts_even_when_cells_repeat():
    plain = HTMLExporter(template_name="lab", embed_images=True, **html_assets.exporter_settings("../assets"))
    ours = feedback._shared_exporter(True)
    for assignment in ("01_cost_functions", "05_cat_dog_classifier"):  # markdown, LaTeX, code, images
        nb = nbformat.read(notebooks.source_notebook(paths.COURSE, assignment), as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell("show()", outputs=[HTML_IMAGES]))
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
