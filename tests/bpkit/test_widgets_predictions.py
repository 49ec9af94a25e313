"""The prediction browser: its pure functions against the reference, and the widget itself."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from bpkit.widgets import predictions as wp  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from autograder import reference as ref  # noqa: E402

CLASSES = ["cat", "dog"]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def problem():
    """(images, X, Y, parameters): a small network with random weights on 9 tiny images."""
    rng = np.random.default_rng(5)
    images = rng.integers(0, 256, size=(9, 4, 4, 3), dtype=np.uint8)
    X = images.reshape(9, -1).T / 255.0
    Y = rng.integers(0, 2, size=(1, 9))
    parameters = {"W1": rng.standard_normal((5, 48)) / 4, "b1": rng.standard_normal((5, 1)),
                  "W2": rng.standard_normal((1, 5)), "b2": np.array([[-0.2]])}
    return images, X, Y, parameters


def test_the_table_holds_the_reference_probabilities_and_predictions(problem):
    _, X, _, parameters = problem
    probabilities, predictions = wp.prediction_table(X, parameters, ref.L_model_forward,
                                                     ref.predict)
    AL, _ = ref.L_model_forward(X, parameters)
    np.testing.assert_allclose(probabilities, AL.ravel())
    np.testing.assert_array_equal(predictions, ref.predict(X, parameters).ravel())
    np.testing.assert_array_equal(predictions, probabilities > 0.5)


def test_the_table_accepts_boolean_predictions(problem):
    _, X, _, parameters = problem
    _, predictions = wp.prediction_table(X, parameters, ref.L_model_forward,
                                         lambda X, p: ref.L_model_forward(X, p)[0] > 0.5)
    assert predictions.dtype.kind == "i"


def test_the_table_refuses_a_predict_of_the_wrong_size(problem):
    _, X, _, parameters = problem
    with pytest.raises(ValueError, match="probabilities but predict"):
        wp.prediction_table(X, parameters, ref.L_model_forward, lambda X, p: np.zeros((1, 2)))


def test_mistakes_are_the_indices_where_label_and_prediction_differ():
    np.testing.assert_array_equal(wp.mistake_indices([[1, 0, 1, 1]], [[1, 1, 0, 1]]), [1, 2])
    assert wp.mistake_indices([[0, 1]], [[0, 1]]).size == 0


@pytest.mark.parametrize(("label", "probability", "correct", "confidence"), [
    (1, 0.8, True, 0.8), (0, 0.8, False, 0.8), (0, 0.3, True, 0.7), (1, 0.3, False, 0.7),
])
def test_the_summary_says_what_the_network_answers_and_whether_it_is_right(
    label, probability, correct, confidence
):
    prediction = int(probability > 0.5)
    summary = wp.prediction_summary(0, [[label]], [probability], [[prediction]], CLASSES)
    assert summary["label_name"] == CLASSES[label]
    assert summary["prediction_name"] == CLASSES[prediction]
    assert summary["correct"] is correct
    assert summary["confidence"] == pytest.approx(confidence)
    text = wp.summary_text(summary, CLASSES)
    assert f"P(dog) = {probability:.3f}" in text
    assert ("right" in text) == correct and ("WRONG" in text) == (not correct)


def test_the_prediction_figure_shows_the_image_and_the_probability_bar(problem):
    images = problem[0]
    summary = wp.prediction_summary(0, [[1]], [0.73], [[1]], CLASSES)
    fig = wp.prediction_figure(images[0], summary, CLASSES)
    assert isinstance(fig, Figure)
    ax_image, ax_bar = fig.axes
    assert ax_image.images and ax_image.get_title() == "label: dog"
    assert ax_bar.patches[0].get_width() == pytest.approx(0.73)
    assert plt.get_fignums() == []


def test_the_browser_is_an_interactive_widget_with_a_slider_over_every_example(problem):
    images, X, Y, parameters = problem
    browser = wp.prediction_browser(images, X, Y, parameters, ref.L_model_forward, ref.predict,
                                    CLASSES)
    assert isinstance(browser, ipywidgets.Widget)
    slider = browser.children[0]
    assert isinstance(slider, ipywidgets.IntSlider)
    assert (slider.min, slider.max) == (0, 8)
    slider.value = 8  # moving the slider re-runs the pure functions without raising


def test_the_browser_says_to_write_predict_first_while_it_is_unwritten(problem):
    images, X, Y, parameters = problem
    browser = wp.prediction_browser(images, X, Y, parameters, ref.L_model_forward, unwritten, CLASSES)
    assert isinstance(browser, ipywidgets.HTML)
    assert "Write `predict` first: it still raises NotImplementedError" in browser.value


def test_the_browser_refuses_an_empty_set(problem):
    _, X, _, parameters = problem
    with pytest.raises(ValueError, match="no examples"):
        wp.prediction_browser(np.zeros((0, 4, 4, 3)), X[:, :0], np.zeros((1, 0)), parameters,
                              ref.L_model_forward, ref.predict)


def unwritten(*args, **kwargs):
    """A graded function as the release hands it out."""
    raise NotImplementedError()


def test_the_gallery_order_puts_the_worst_mistakes_first_then_the_least_certain_answers():
    labels = [[1, 0, 1, 0, 1, 0, 1]]
    probabilities = [0.95, 0.97, 0.45, 0.52, 0.10, 0.02, 0.60]
    # mistakes: 1 (0.97 for a 0: certainty 0.47), 4 (0.10 for a 1: 0.40), 2 (0.45 for a 1: 0.05),
    # 3 (0.52 for a 0: 0.02); right: 6 (0.10 from the threshold), 0 (0.45), 5 (0.48)
    order = wp.gallery_order(labels, probabilities)
    np.testing.assert_array_equal(order, [1, 4, 2, 3, 6, 0, 5])


def test_the_gallery_order_keeps_ties_in_the_examples_order_and_refuses_mismatched_sizes():
    np.testing.assert_array_equal(wp.gallery_order([[0, 0, 1, 1]], [0.9, 0.9, 0.3, 0.3]), [0, 1, 2, 3])
    with pytest.raises(ValueError, match="3 labels but 2 probabilities"):
        wp.gallery_order([[0, 1, 1]], [0.2, 0.8])


def test_the_gallery_shows_the_examples_in_gallery_order_with_their_verdicts(problem):
    images, X, Y, parameters = problem
    fig = wp.prediction_gallery(images, X, Y, parameters, ref.L_model_forward, ref.predict,
                                CLASSES, count=4)
    assert isinstance(fig, Figure)
    probabilities = ref.L_model_forward(X, parameters)[0].ravel()
    shown = wp.gallery_order(Y, probabilities)[:4]
    axes = [ax for ax in fig.axes if ax.images]
    assert len(axes) == 4
    for ax, index in zip(axes, shown, strict=True):
        np.testing.assert_array_equal(ax.images[0].get_array(), images[index])
        wrong = int(probabilities[index] > 0.5) != Y[0, index]
        assert ("WRONG" in ax.get_title()) == wrong
        assert f"P(dog) {probabilities[index]:.2f}" in ax.get_title()


def test_the_gallery_says_to_write_predict_first_while_it_is_unwritten(problem):
    images, X, Y, parameters = problem
    gallery = wp.prediction_gallery(images, X, Y, parameters, ref.L_model_forward, unwritten, CLASSES)
    assert isinstance(gallery, ipywidgets.HTML)
    assert "Write `predict` first" in gallery.value
