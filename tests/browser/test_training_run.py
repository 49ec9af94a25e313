"""The classifier notebook (05) trains a network with the student's functions: Run All takes
minutes, so it starts before the other browser tests (conftest.classifier_run) and is checked last."""

import pytest

from tests.browser.jlab import check_outputs_and_widgets, wait_all_run

pytestmark = pytest.mark.browser


def test_the_classifier_notebook_runs_and_its_widget_reacts(classifier_run):
    assert classifier_run is not None
    wait_all_run(classifier_run, timeout_ms=400_000)
    check_outputs_and_widgets(classifier_run)
