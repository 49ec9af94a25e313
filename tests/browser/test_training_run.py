"""The classifier notebook (05) trains a network with the student's functions: Run All takes
minutes, so it starts before the other browser tests (conftest.classifier_run) and is checked last.
Then a photo chosen in its "try your own photo" upload button is classified in the page."""

import io

import pytest
from PIL import Image, ImageDraw

from tests.browser.jlab import check_outputs_and_widgets, wait_all_run

pytestmark = pytest.mark.browser


def photo_png() -> bytes:
    image = Image.new("RGB", (60, 45), "darkgreen")
    ImageDraw.Draw(image).ellipse((10, 5, 50, 40), fill="orange")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_classifier_notebook_runs_and_its_widget_reacts(classifier_run):
    assert classifier_run is not None
    wait_all_run(classifier_run, timeout_ms=400_000)
    check_outputs_and_widgets(classifier_run)
    button = classifier_run.locator("button.widget-upload")
    assert button.count() == 1, "no upload button in the notebook"
    button.scroll_into_view_if_needed()
    with classifier_run.expect_file_chooser() as chooser:  # the button opens a file input
        button.click()
    chooser.value.set_files(files=[{"name": "my_pet.png", "mimeType": "image/png", "buffer": photo_png()}])
    verdict = classifier_run.locator(".widget-output .jp-OutputArea-output:has-text('your network says')")
    verdict.wait_for(timeout=60_000)
    assert "my_pet.png, seen as 16 x 16 pixels: your network says:" in verdict.inner_text()
