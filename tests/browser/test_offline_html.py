"""report.html and the feedback pages render fully offline: nothing is requested outside
127.0.0.1, MathJax typesets the equations and the widgets saved in a notebook render."""

import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import html_assets
from autograder.feedback import write_feedback
from autograder.results import AssignmentResult
from tests.browser.jlab import SCREENSHOTS

pytestmark = pytest.mark.browser
TYPESET = """() => window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0
                  && document.querySelectorAll('.MathJax_CHTML').length > 0"""

needs_assets = pytest.mark.skipif(
    html_assets.available() is None,
    reason="no offline assets in build/html-assets (`make assets` needs npm): feedback uses the CDNs")


def test_the_report_renders_offline(page, served):
    page.goto(f"{served}/report.html", wait_until="networkidle")
    assert page.outside.attempted == [] and page.outside.failed == []
    images = page.locator("img")
    assert images.count() >= 2
    for i in range(images.count()):
        assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 100")
    assert "ada_correct" in page.inner_text("body")
    assert page.locator("#item-analysis").count() == 1  # the item analysis, with its two plots
    assert images.count() >= 4
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "report.png", full_page=True)


@needs_assets
@pytest.mark.parametrize("student, assignment", [("ada_correct", "01_cost_functions"),
                                                 ("ben_untouched", "01_cost_functions"),
                                                 ("cleo_missing_1_over_m", "02_backward_step")])
def test_feedback_renders_offline_with_equations_and_widgets(student, assignment, page, served, graded):
    [html] = (graded / "feedback" / student / assignment).glob("*.html")
    page.goto(f"{served}/feedback/{student}/{assignment}/{html.name}", wait_until="networkidle")
    page.wait_for_function(TYPESET, timeout=60_000)
    assert page.locator(".MathJax_Error").count() == 0
    assert page.outside.attempted == [] and page.outside.failed == []
    assert f"Feedback: {assignment}" in page.inner_text("body")


@needs_assets
def test_widgets_saved_in_a_feedback_page_render_offline(page, served, graded):
    """Grading skips the widget cells (autograder.skipping), but a page built from a notebook
    that ran one (its widget state saved, as nbclient does) shows it with the shipped renderer."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import ipywidgets as w\nw.IntSlider(value=7, description='layers')")])
    NotebookClient(nb, kernel_name="python3").execute()
    ran = graded / "widget-preview.ipynb"
    nbformat.write(nb, ran)
    result = AssignmentResult("widget_preview", "01_cost_functions", "cost_functions", [])
    html = write_feedback(result, ran, graded)
    assert "application/vnd.jupyter.widget-state+json" in html.read_text(encoding="utf-8")
    page.goto(f"{served}/feedback/widget_preview/01_cost_functions/{html.name}", wait_until="networkidle")
    page.wait_for_selector(".widget-slider", timeout=60_000)
    assert "Error displaying widget" not in page.inner_text("body")
    assert page.outside.attempted == [] and page.outside.failed == []


@needs_assets
def test_a_downloaded_feedback_folder_works_on_its_own(page, graded, tmp_path):
    """The student's folder copied elsewhere and opened from disk (file://) still finds its scripts."""
    copy = shutil.copytree(graded / "feedback" / "ada_correct", tmp_path / "ada_correct")
    [html] = (copy / "01_cost_functions").glob("*.html")
    page.goto(html.as_uri(), wait_until="load")
    page.wait_for_function(TYPESET, timeout=60_000)
    assert page.outside.attempted == []

