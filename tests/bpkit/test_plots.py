"""The figure helpers of bpkit.plots: what they count, and that they return figures."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from bpkit import plots  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


def test_confusion_counts_put_true_classes_in_rows_and_predictions_in_columns():
    labels = np.array([[0, 0, 0, 1, 1, 1, 1]])
    predictions = np.array([[0, 1, 0, 1, 1, 0, 1]])
    counts = plots.confusion_counts(labels, predictions)
    np.testing.assert_array_equal(counts, [[2, 1], [1, 3]])
    assert counts.sum() == labels.size
    assert np.trace(counts) == np.sum(labels == predictions)


@pytest.mark.parametrize("dtype", [bool, int, float])
def test_confusion_counts_accept_any_numeric_prediction_dtype(dtype):
    labels = np.array([[1, 0, 1]])
    predictions = np.array([[True, True, False]]).astype(dtype)
    np.testing.assert_array_equal(plots.confusion_counts(labels, predictions), [[0, 1], [1, 1]])


def test_confusion_counts_refuse_labels_and_predictions_of_different_sizes():
    with pytest.raises(ValueError, match="differ in size"):
        plots.confusion_counts(np.zeros((1, 3)), np.zeros((1, 4)))


@pytest.mark.parametrize(("classes", "expected"), [
    (["cat", "dog"], ("cat", "dog")),
    (np.array([b"non-cat", b"cat"]), ("non-cat", "cat")),
    (None, ("0", "1")),
])
def test_class_names_come_from_lists_bytes_arrays_or_the_label_itself(classes, expected):
    assert (plots.class_name(classes, 0), plots.class_name(classes, np.int64(1))) == expected


def test_cost_iterations_are_the_multiples_of_100_the_costs_were_recorded_at():
    np.testing.assert_array_equal(plots.cost_iterations([0.7, 0.6, 0.5]), [0, 100, 200])


def test_the_cost_curve_plots_the_costs_against_their_iterations_with_ln2_for_reference():
    fig = plots.cost_curve([0.69, 0.5, 0.3], learning_rate=0.01)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    x, y = ax.lines[0].get_data()
    np.testing.assert_array_equal(x, [0, 100, 200])
    np.testing.assert_allclose(y, [0.69, 0.5, 0.3])
    np.testing.assert_allclose(ax.lines[1].get_ydata(), np.log(2))
    assert "0.01" in ax.get_title()
    assert plt.get_fignums() == []  # made without pyplot: never shown twice


def test_the_error_curves_draw_each_runs_error_per_iteration_under_its_name():
    histories = {"MSE": [(0.51, 1.0), (0.49, 0.75), (0.46, 0.5)], "CE": [(6.0, 1.0), (2.1, 0.25), (0.7, 0.0)]}
    fig = plots.error_curves(histories, title="One sigmoid neuron")
    ax = fig.axes[0]
    assert [line.get_label() for line in ax.lines] == ["MSE", "CE"]
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [1.0, 0.75, 0.5])
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [1.0, 0.25, 0.0])
    np.testing.assert_array_equal(ax.lines[1].get_xdata(), [0, 1, 2])
    assert ax.get_title() == "One sigmoid neuron" and ax.get_ylabel() == "classification error"
    assert plt.get_fignums() == []


def test_the_confusion_matrix_figure_writes_each_count_in_its_cell():
    fig = plots.confusion_matrix([1, 0, 1, 1], [1, 1, 0, 1], classes=["cat", "dog"])
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert sorted(t.get_text() for t in ax.texts) == ["0", "1", "1", "2"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["cat", "dog"]


@pytest.mark.parametrize(("k", "columns", "rows"), [(1, 6, 1), (6, 6, 1), (7, 6, 2), (5, 2, 3)])
def test_the_image_grid_has_one_panel_per_image_in_rows_of_columns(k, columns, rows):
    images = np.random.default_rng(0).integers(0, 256, size=(k, 8, 8, 3), dtype=np.uint8)
    titles = [f"t{i}" for i in range(k)]
    fig = plots.image_grid(images, titles, columns=columns)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == rows * min(columns, k)
    shown = [ax for ax in fig.axes if ax.images]
    assert len(shown) == k
    assert [ax.get_title() for ax in shown] == titles


def test_an_empty_image_grid_says_there_is_nothing_to_show():
    fig = plots.image_grid(np.zeros((0, 8, 8, 3), dtype=np.uint8))
    assert isinstance(fig, Figure)
    assert "no images" in fig.texts[0].get_text()
