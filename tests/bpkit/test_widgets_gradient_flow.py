"""The gradient-flow widget: its pure functions against the reference, and the widget itself."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from bpkit.widgets import gradient_flow as gf  # noqa: E402

from autograder import reference as ref  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("depth", [1, 2, 5])
def test_deep_network_has_the_shapes_and_the_scale_asked_for(depth):
    parameters, X, Y = gf.deep_network(depth, 2.0, width=6, n_x=4, m=9)
    dims = [4] + [6] * (depth - 1) + [1]
    for layer in range(1, depth + 1):
        assert parameters[f"W{layer}"].shape == (dims[layer], dims[layer - 1])
        assert parameters[f"b{layer}"].shape == (dims[layer], 1)
        assert np.all(parameters[f"b{layer}"] == 0)
    assert X.shape == (4, 9) and Y.shape == (1, 9) and set(np.unique(Y)) == {0.0, 1.0}
    halved, _, _ = gf.deep_network(depth, 1.0, width=6, n_x=4, m=9)
    np.testing.assert_allclose(parameters["W1"], 2.0 * halved["W1"])


def test_deep_network_is_deterministic_and_leaves_the_global_generator_alone():
    np.random.seed(5)
    before = np.random.get_state()[1].copy()
    first = gf.deep_network(4, 1.0)
    second = gf.deep_network(4, 1.0)
    np.testing.assert_array_equal(np.random.get_state()[1], before)
    for a, b in zip(first[0].values(), second[0].values(), strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(("depth", "scale"), [(1, 1.0), (3, 0.5), (6, 1.0), (8, 1.6)])
def test_gradient_norms_are_the_norms_of_the_reference_gradients(depth, scale):
    norms = gf.gradient_norms(ref.L_model_backward, depth, scale)
    parameters, X, Y = gf.deep_network(depth, scale)
    AL, caches = ref.L_model_forward(X, parameters)
    grads = ref.L_model_backward(AL, Y, caches)
    layers = range(1, depth + 1)
    np.testing.assert_allclose(norms["dW"], [np.linalg.norm(grads[f"dW{l}"]) for l in layers])
    np.testing.assert_allclose(norms["dA"], [np.linalg.norm(grads[f"dA{l - 1}"]) for l in layers])
    assert norms["finite"] and norms["saturated"] == 0.0


def test_small_weights_make_the_gradients_vanish_and_he_scale_keeps_them():
    """Below sqrt(2) the signal shrinks by about scale/sqrt(2) per relu layer, both ways."""
    small = gf.gradient_norms(ref.L_model_backward, 12, 0.5)
    he = gf.gradient_norms(ref.L_model_backward, 12, gf.BALANCED_SCALE)
    assert np.max(small["dW"]) < 1e-4 < np.min(he["dW"])
    assert small["dA"][0] < 1e-3 * small["dA"][-1]  # shrinks on its way to the input
    assert 0.1 < he["dA"][0] / he["dA"][-1] < 10
    assert gf.describe(small).startswith("vanishing")


def test_large_weights_make_the_gradients_grow_then_saturate_the_output():
    grow = gf.gradient_norms(ref.L_model_backward, 12, 2.0)
    assert grow["finite"] and grow["dA"][0] > 10 * grow["dA"][-1]
    assert "grows" in gf.describe(grow)
    exploded = gf.gradient_norms(ref.L_model_backward, 20, 3.0)
    assert not exploded["finite"] and exploded["saturated"] > 0.5
    assert gf.describe(exploded).startswith("not finite")


def test_gradient_norms_raises_no_warning_when_the_output_saturates():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gf.gradient_norms(ref.L_model_backward, 20, 4.0)


@pytest.mark.parametrize(("depth", "scale"), [(4, 1.0), (20, 4.0), (1, 0.1)])
def test_the_plot_draws_one_bar_per_layer(depth, scale):
    fig = gf.plot_gradient_norms(gf.gradient_norms(ref.L_model_backward, depth, scale))
    ax = fig.axes[0]
    assert len(ax.patches) == depth
    assert ax.get_yscale() == "log"


def test_the_widget_builds_headless_with_two_sliders():
    widget = gf.gradient_flow(ref.L_model_backward)
    assert isinstance(widget, ipywidgets.interactive)
    slider_types = ipywidgets.IntSlider | ipywidgets.SelectionSlider
    sliders = [c for c in widget.children if isinstance(c, slider_types)]
    assert [s.description for s in sliders] == ["depth L", "weight scale"]
    assert all(s.continuous_update is False for s in sliders)  # each redraw runs a backward pass
    sliders[0].value = 9  # moving a slider redraws without raising
    widget.f(**widget.kwargs)


def test_the_sliders_reach_every_value_the_notebook_asks_for():
    """03 asks for depth 12, then the scales 0.5, 1.41 (He, sqrt 2) and 2."""
    widget = gf.gradient_flow(ref.L_model_backward)
    depth, scale = (c for c in widget.children if isinstance(c, ipywidgets.IntSlider | ipywidgets.SelectionSlider))
    depth.value = 12
    for value in (0.5, np.sqrt(2.0), 2.0):
        scale.value = value
        assert scale.value == value
    assert dict(gf.SCALES)["1.41 (He)"] == gf.BALANCED_SCALE


def test_the_widget_says_to_write_L_model_backward_first_while_it_is_unwritten(capsys):
    widget = gf.gradient_flow(unwritten)
    widget.f(**widget.kwargs)  # draws without raising
    assert "Write `L_model_backward` first: it still raises NotImplementedError" in capsys.readouterr().out
    assert plt.get_fignums() == []


def unwritten(*args, **kwargs):
    """A graded function as the release hands it out."""
    raise NotImplementedError()
