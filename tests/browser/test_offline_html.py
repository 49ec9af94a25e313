"""report.html and the feedback pages render fully offline: nothing is requested outside
127.0.0.1, MathJax typesets the equations and the widgets saved in a notebook render."""

import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import html_assets
from autograder.grading.feedback import write_feedback
from autograder.grading.results import AssignmentResult
from tests import exchange as ex
from tests.browser.jlab import SCREENSHOTS
from tests.conftest import run_cli

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
    """Grading skips the widget cells (autograder.grading.skipping), but a page built from a notebook
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


@needs_assets
def test_feedback_fetched_through_the_exchange_renders_offline(page, graded, work, tmp_path):
    """ada submits 01 through nbgrader's exchange; after `release-feedback` her fetch_feedback brings
    back the page alone, which typesets its equations offline with nothing beside it."""
    course = shutil.copytree(work["course"], tmp_path / "course",
                             ignore=shutil.ignore_patterns("submitted", "autograded", "feedback"))
    exchange, assignment = tmp_path / "exchange", "01_cost_functions"
    submitted = graded.parent / "submissions" / "ada_correct" / assignment / "cost_functions.ipynb"
    ex.submit_and_collect(tmp_path, course, exchange, assignment, {"ada_correct": submitted})
    done = run_cli("release-feedback", "--out", graded, "--course-dir", course, "--exchange", exchange,
                   "--assignment", assignment)
    assert done.returncode == 0 and "released 1 feedback page(s) of 1 student(s)" in done.stdout, done.stderr
    folder = ex.fetch_feedback(tmp_path, "ada_correct", exchange, assignment)
    [html] = folder.glob("*/cost_functions.html")
    assert [p.name for p in folder.rglob("*") if p.is_file()] == ["cost_functions.html"]  # the page alone
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(html.as_uri(), wait_until="load")
    page.wait_for_function(TYPESET, timeout=60_000)
    assert page.locator(".MathJax_Error").count() == 0
    assert page.locator(".MathJax_CHTML").count() > 20  # inline and display equations alike
    assert page.outside.attempted == [] and page.outside.failed == []
    assert {url for url in requested if not url.startswith("data:")} == {html.as_uri()}  # nothing beside it
    assert "Feedback: 01_cost_functions" in page.inner_text("body") and "ada_correct" in page.inner_text("body")
