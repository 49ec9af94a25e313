"""The chain-rule widget: its pure functions against the reference, and the widget itself."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from bpkit.widgets import chain_rule as cr  # noqa: E402

from autograder import reference as ref  # noqa: E402

BACKWARD = {"sigmoid": ref.sigmoid_backward, "relu": ref.relu_backward, "tanh": ref.tanh_backward}


def _closed_form(name, z):
    """g'(z) written out by hand."""
    if name == "sigmoid":
        s = 1 / (1 + np.exp(-z))
        return s * (1 - s)
    if name == "tanh":
        return 1 - np.tanh(z) ** 2
    return (z > 0).astype(float)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_the_grid_is_a_row_that_misses_the_relu_kink():
    z = cr.z_grid()
    assert z.shape == (1, cr.N_POINTS)
    assert z.min() == cr.Z_RANGE[0] and z.max() == cr.Z_RANGE[1]
    assert np.min(np.abs(z)) > 10 * cr.EPS


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_numerical_derivative_matches_the_closed_form(name):
    z = cr.z_grid()
    np.testing.assert_allclose(cr.numerical_derivative(cr.FORWARD[name], z), _closed_form(name, z),
                               atol=1e-8)


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_curves_show_the_backward_function_called_with_da_one(name):
    curves = cr.activation_curves(cr.FORWARD[name], BACKWARD[name])
    z = curves["z"]
    assert z.shape == curves["g"].shape == curves["slope"].shape == curves["numeric"].shape
    np.testing.assert_allclose(curves["g"], cr.FORWARD[name](z)[0])
    np.testing.assert_allclose(curves["slope"], _closed_form(name, z), atol=1e-12)
    assert cr.max_gap(curves) < cr.AGREE
    assert "agrees" in cr.verdict(name, curves)


def test_curves_never_let_the_backward_function_change_the_grid():
    def mutating(dA, Z):
        Z[:] = 0.0
        return dA

    z = cr.z_grid(n=10)
    curves = cr.activation_curves(cr.FORWARD["tanh"], mutating, z)
    np.testing.assert_array_equal(curves["z"], z.reshape(-1))


def test_a_wrong_backward_function_shows_a_large_gap():
    def z_as_a(dA, Z):  # a common mistake: treats the cache Z as if it were sigmoid(Z)
        return dA * Z * (1 - Z)

    curves = cr.activation_curves(cr.FORWARD["sigmoid"], z_as_a)
    assert cr.max_gap(curves) > 1
    assert "differs" in cr.verdict("sigmoid", curves)


def test_without_a_backward_function_there_is_no_slope():
    curves = cr.activation_curves(cr.FORWARD["relu"], None)
    assert curves["slope"] is None and np.isnan(cr.max_gap(curves))
    assert "not written yet" in cr.verdict("relu", curves)


@pytest.mark.parametrize(("name", "z", "dA"), [("sigmoid", 0.0, 1.0), ("tanh", 0.7, -1.5),
                                               ("relu", 2.0, 0.3), ("relu", -0.4, 2.0)])
def test_chain_rule_at_one_point_multiplies_the_incoming_gradient_by_the_slope(name, z, dA):
    point = cr.chain_rule_at(cr.FORWARD[name], BACKWARD[name], z, dA)
    slope = float(_closed_form(name, np.array(z)))
    assert point["a"] == pytest.approx(float(cr.FORWARD[name](np.array(z))[0]))
    assert point["slope"] == pytest.approx(slope)
    assert point["dZ"] == pytest.approx(dA * slope)
    assert all(isinstance(v, float) for v in point.values())


def test_sigmoid_slope_at_zero_is_a_quarter_and_the_tangent_touches_the_curve():
    point = cr.chain_rule_at(cr.FORWARD["sigmoid"], ref.sigmoid_backward, 0.0, 2.0)
    assert point["a"] == pytest.approx(0.5) and point["slope"] == pytest.approx(0.25)
    assert point["dZ"] == pytest.approx(0.5)
    np.testing.assert_allclose(cr.tangent_line(point, np.array([-1.0, 0.0, 2.0])), [0.25, 0.5, 1.0])


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_the_plot_draws_both_panels(name):
    curves = cr.activation_curves(cr.FORWARD[name], BACKWARD[name])
    point = cr.chain_rule_at(cr.FORWARD[name], BACKWARD[name], 0.5, 1.0)
    fig = cr.plot_chain_rule(curves, point, name)
    left, right = fig.axes
    assert len(left.lines) >= 3 and len(right.lines) >= 3
    assert "agrees" in fig._suptitle.get_text()


def _stub(dA, cache):
    raise NotImplementedError()


def test_the_widget_builds_headless_and_redraws():
    widget = cr.activation_explorer(ref.sigmoid_backward, ref.relu_backward, ref.tanh_backward)
    assert isinstance(widget, ipywidgets.interactive)
    controls = {c.description: c for c in widget.children if hasattr(c, "description")}
    assert isinstance(controls["g"], ipywidgets.Dropdown)
    assert isinstance(controls["z"], ipywidgets.FloatSlider)
    assert isinstance(controls["dA"], ipywidgets.FloatSlider)
    for name in ("relu", "tanh"):
        controls["g"].value = name
    controls["z"].value = 0.0
    controls["dA"].value = -1.3


def test_the_widget_builds_when_the_backward_functions_are_not_written_yet():
    widget = cr.activation_explorer(_stub, _stub, _stub, activation="relu")
    assert isinstance(widget, ipywidgets.interactive)
    widget.f(**widget.kwargs)  # draws g and its finite-difference slope, without raising
    title = plt.figure(plt.get_fignums()[-1])._suptitle.get_text()
    assert title.replace("\n", " ").startswith("Write `relu_backward` first: it still raises NotImplementedError")
