"""Students in JupyterLab: every released notebook runs, its widgets render and react, and
nbgrader's Validate button tells a solved notebook from an unsolved one; formgrader lists the course."""

import pytest

from autograder.hidden import registry
from tests.browser.jlab import (
    CLASSIFIER,
    ERROR,
    IDLE,
    SCREENSHOTS,
    check_outputs_and_widgets,
    close_sessions,
    notebook,
    open_notebook,
    start_run_all,
    wait_all_run,
)

pytestmark = pytest.mark.browser

SCREENSHOT_OF = "01_cost_functions"  # its widget is the README's picture
VALIDATED = "04_update_rule"  # one graded function, the quickest notebook to run


@pytest.mark.parametrize("assignment", [a for a in registry.ASSIGNMENTS if a != CLASSIFIER])
def test_a_solved_notebook_runs_and_its_widgets_render_and_react(assignment, lab_page, lab):
    path = "solved/" + notebook(assignment)
    open_notebook(lab_page, lab, path)
    try:
        start_run_all(lab_page)
        wait_all_run(lab_page, timeout_ms=150_000)
        check_outputs_and_widgets(lab_page)
        if assignment == SCREENSHOT_OF:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            widget = lab_page.locator(".widget-interact").first
            widget.scroll_into_view_if_needed()
            widget.screenshot(path=SCREENSHOTS / "widget.png")
    finally:
        close_sessions(lab_page, path)


@pytest.mark.parametrize("solved, expected", [(True, "Success! Your notebook passes all the tests."),
                                              (False, "The following cell failed:")])
def test_validate_tells_a_solved_notebook_from_an_unsolved_one(solved, expected, lab_page, lab):
    path = ("solved/" if solved else "unsolved/") + notebook(VALIDATED)
    open_notebook(lab_page, lab, path)
    try:
        if not solved:  # Run All stops at the first check cell, and the error shows (the check above can fail)
            start_run_all(lab_page)
            lab_page.locator(ERROR).first.wait_for(timeout=60_000)
            assert "NotImplementedError" in lab_page.locator(ERROR).first.inner_text()
            lab_page.wait_for_selector(IDLE, timeout=60_000)
        lab_page.click(".validate-button")
        dialog = lab_page.locator(".jp-Dialog")
        dialog.wait_for(timeout=120_000)
        lab_page.wait_for_selector(f".jp-Dialog >> text={expected}", timeout=120_000)
        if not solved:
            assert "update_parameters" in dialog.inner_text()  # the failing cell, shown by its code
    finally:
        close_sessions(lab_page, path)


def test_formgrader_lists_the_five_assignments(lab_page, lab):
    lab_page.goto(f"{lab['base']}/formgrader?token={lab['token']}")
    for assignment in registry.ASSIGNMENTS:
        lab_page.wait_for_selector(f"text={assignment}", timeout=60_000)

