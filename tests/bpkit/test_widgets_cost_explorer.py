"""The cost explorer: its pure functions against the reference and closed forms, and the widget."""

import warnings

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from bpkit.widgets import cost_explorer as ce  # noqa: E402

from autograder import reference as ref  # noqa: E402

FUNCTIONS = (ref.compute_cost_mse, ref.compute_cost_ce,
             ref.cost_derivative_mse, ref.cost_derivative_ce)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("y", [0, 1])
def test_the_curves_are_the_per_example_losses_and_their_derivatives(y):
    curves = ce.cost_curves(*FUNCTIONS, y)
    a = curves["a"]
    assert a.shape == (ce.POINTS,) and a[0] == ce.A_RANGE[0] and a[-1] == ce.A_RANGE[1]
    np.testing.assert_allclose(curves["cost_mse"], (a - y) ** 2 / 2)
    np.testing.assert_allclose(curves["cost_ce"], -np.log(a if y == 1 else 1 - a))
    np.testing.assert_allclose(curves["dA_mse"], a - y)
    np.testing.assert_allclose(curves["dA_ce"], -(y / a - (1 - y) / (1 - a)))


@pytest.mark.parametrize("y", [0, 1])
def test_through_the_sigmoid_cross_entropy_gives_a_minus_y_and_mse_an_extra_a_one_minus_a(y):
    curves = ce.cost_curves(*FUNCTIONS, y)
    a = curves["a"]
    np.testing.assert_allclose(curves["dZ_ce"], a - y)
    np.testing.assert_allclose(curves["dZ_mse"], (a - y) * a * (1 - a))


def test_the_derivatives_are_the_slopes_of_the_cost_curves():
    a = np.linspace(0.05, 0.95, 19)
    h = 1e-6
    for y in (0, 1):
        curves = ce.cost_curves(*FUNCTIONS, y, a=a)
        up, down = ce.cost_curves(*FUNCTIONS, y, a=a + h), ce.cost_curves(*FUNCTIONS, y, a=a - h)
        for cost in ("mse", "ce"):
            slope = (up[f"cost_{cost}"] - down[f"cost_{cost}"]) / (2 * h)
            np.testing.assert_allclose(curves[f"dA_{cost}"], slope, rtol=1e-5)


def test_the_point_values_agree_with_the_reference_on_a_batch_of_one():
    values = ce.point_values(*FUNCTIONS, 0.2, 1)
    AL, Y = np.array([[0.2]]), np.array([[1]])
    assert values["cost_mse"] == pytest.approx(ref.compute_cost_mse(AL, Y))
    assert values["cost_ce"] == pytest.approx(ref.compute_cost_ce(AL, Y))
    assert values["dA_ce"] == pytest.approx(-5.0)
    assert values["dZ_ce"] == pytest.approx(-0.8)
    assert values["dZ_mse"] == pytest.approx(-0.8 * 0.2 * 0.8)
    assert values["z"] == pytest.approx(np.log(0.25))
    assert all(isinstance(v, float) for k, v in values.items() if k != "y")


def test_a_confidently_wrong_prediction_starves_mse_but_not_cross_entropy():
    values = ce.point_values(*FUNCTIONS, 0.01, 1)
    assert ce.verdict(0.01, 1) == "confidently wrong"
    assert abs(values["dZ_mse"]) < 0.01 < 0.9 < abs(values["dZ_ce"])
    assert "confidently wrong" in ce.describe_point(values)
    assert "-0.010 with MSE, -0.990 with cross-entropy" in ce.describe_point(values)


@pytest.mark.parametrize(("a", "y", "words"), [
    (0.3, 0, "right"), (0.7, 0, "wrong"), (0.95, 0, "confidently wrong"),
    (0.6, 1, "right"), (0.3, 1, "wrong"), (0.1, 1, "confidently wrong"),
])
def test_the_verdict_follows_the_threshold(a, y, words):
    assert ce.verdict(a, y) == words


def test_student_functions_returning_arrays_or_warning_do_not_break_the_curves():
    def cost_as_array(AL, Y):
        return np.sum((AL - Y) ** 2, keepdims=True) / (2 * Y.shape[1])  # (1, 1), not a float

    def ce_unclipped(AL, Y):
        return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        curves = ce.cost_curves(cost_as_array, ce_unclipped, *FUNCTIONS[2:], 1, a=[0.0, 0.5, 1.0])
    np.testing.assert_allclose(curves["cost_mse"], [0.5, 0.125, 0.0])
    assert np.isinf(curves["cost_ce"][0])


def test_the_plot_has_three_panels_each_with_both_costs_and_the_point_marked():
    fig = ce.plot_point(ce.cost_curves(*FUNCTIONS, 1), ce.point_values(*FUNCTIONS, 0.1, 1))
    assert len(fig.axes) == 3
    for ax in fig.axes:
        markers = [line for line in ax.lines if line.get_marker() == "o"]
        assert len(markers) == 2
        assert {float(line.get_xdata()[0]) for line in markers} == {0.1}
    assert fig.axes[0].get_legend() is not None
    assert fig._suptitle.get_text() == ce.describe_point(ce.point_values(*FUNCTIONS, 0.1, 1))


def test_the_widget_builds_headless_with_a_slider_and_a_label_toggle():
    widget = ce.cost_explorer(*FUNCTIONS)
    assert isinstance(widget, ipywidgets.interactive)
    [slider] = [c for c in widget.children if isinstance(c, ipywidgets.FloatSlider)]
    [toggle] = [c for c in widget.children if isinstance(c, ipywidgets.ToggleButtons)]
    assert slider.description == "prediction a" and toggle.value == 1
    assert slider.continuous_update is False  # each redraw draws three panels
    slider.value = 0.9  # moving the slider and flipping the label redraw without raising
    toggle.value = 0
    widget.f(**widget.kwargs)


@pytest.mark.parametrize("missing", range(4))
def test_the_widget_says_which_function_to_write_first(missing):
    names = ["compute_cost_mse", "compute_cost_ce", "cost_derivative_mse", "cost_derivative_ce"]
    functions = list(FUNCTIONS)
    functions[missing] = unwritten
    widget = ce.cost_explorer(*functions)
    assert isinstance(widget, ipywidgets.HTML)
    assert f"Write `{names[missing]}` first: it still raises NotImplementedError" in widget.value


def test_a_function_that_fails_is_named_with_its_error():
    def broken(AL, Y):
        raise ValueError("operands could not be broadcast together")

    widget = ce.cost_explorer(FUNCTIONS[0], broken, *FUNCTIONS[2:])
    assert "`compute_cost_ce` raised ValueError: operands could not be broadcast" in widget.value


def test_the_plot_survives_functions_that_return_nan_or_inf():
    def broken_cost(AL, Y):
        return np.nan

    def broken_derivative(AL, Y):
        return np.full(AL.shape, -np.inf)

    functions = (broken_cost, broken_cost, broken_derivative, broken_derivative)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = ce.plot_point(ce.cost_curves(*functions, 1), ce.point_values(*functions, 0.5, 1))
    assert len(fig.axes) == 3


def unwritten(*args, **kwargs):
    """A graded function as the release hands it out."""
    raise NotImplementedError()
