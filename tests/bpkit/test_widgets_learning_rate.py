"""The learning-rate widget: its pure functions against the reference, and the widget itself."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from bpkit import testcases  # noqa: E402
from bpkit.widgets import learning_rate as lr  # noqa: E402

from autograder import reference as ref  # noqa: E402

FUNCTIONS = (ref.update_parameters, ref.L_model_backward, ref.compute_cost)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def data():
    return testcases.training_case()


def costs_for(data, rate, **kwargs):
    return lr.training_costs(*FUNCTIONS, *data, rate, **kwargs)


def test_training_costs_follow_the_reference_training_loop(data):
    X, Y = data
    costs = costs_for(data, 0.3, layer_dims=(6, 4, 1), num_iterations=25)
    parameters, expected = ref.initialize_parameters_deep([6, 4, 1]), []
    for _ in range(25):
        AL, caches = ref.L_model_forward(X, parameters)
        expected.append(ref.compute_cost(AL, Y))
        parameters = ref.update_parameters(parameters, ref.L_model_backward(AL, Y, caches), 0.3)
    np.testing.assert_allclose(costs, expected)


def test_the_first_cost_is_that_of_the_initial_parameters_whatever_the_rate(data):
    first = {costs_for(data, rate, num_iterations=3)[0] for rate in (0.001, 1.0, 30.0)}
    assert len(first) == 1


@pytest.mark.parametrize(("rate", "verdict"), [(0.001, "slow"), (0.75, "the cost fell"),
                                                (15.0, "diverged")])
def test_small_good_and_large_rates_give_slow_falling_and_diverging_runs(data, rate, verdict):
    costs = costs_for(data, rate)
    assert lr.describe_run(costs).startswith(verdict)
    if verdict == "the cost fell":
        assert costs[-1] < 0.1 * costs[0]


def test_a_run_whose_cost_stops_being_finite_is_cut_there_without_warnings(data):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        costs = costs_for(data, 20.0, layer_dims=(6, 5, 1))
    finite = np.isfinite(costs)
    assert not finite.all() and finite[0]
    assert not finite[np.argmin(finite):].any()  # nan from the first bad cost to the end
    assert lr.describe_run(costs).startswith("diverged: the cost is no longer finite")


def test_a_student_update_that_mutates_its_input_still_trains(data):
    def in_place(params, grads, learning_rate):
        for key in params:
            params[key] -= learning_rate * grads["d" + key]
        return params

    np.testing.assert_allclose(lr.training_costs(in_place, *FUNCTIONS[1:], *data, 0.75),
                               costs_for(data, 0.75))


def test_the_plot_draws_the_run_and_the_comparison_runs(data):
    compare = {rate: costs_for(data, rate, num_iterations=40) for rate in (0.01, 15.0)}
    fig = lr.plot_costs(costs_for(data, 0.75, num_iterations=40), 0.75, compare=compare)
    ax = fig.axes[0]
    assert len(ax.lines) == 4  # two grey runs, the chosen run, the starting-cost line
    assert ax.get_title().startswith("the cost fell")


def test_the_widget_builds_headless_with_a_learning_rate_slider():
    widget = lr.learning_rate_explorer(*FUNCTIONS, num_iterations=50)
    assert isinstance(widget, ipywidgets.interactive)
    [slider] = [c for c in widget.children if isinstance(c, ipywidgets.SelectionSlider)]
    assert slider.description == "learning rate" and slider.continuous_update is False
    slider.value = 0.01  # moving the slider redraws without raising
    widget.f(**widget.kwargs)


def test_the_slider_reaches_every_rate_the_notebook_names():
    """04 draws 0.01, 0.75 and 15 in grey and asks to try 0.1, 1, 3 and 10."""
    widget = lr.learning_rate_explorer(*FUNCTIONS, num_iterations=5)
    [slider] = [c for c in widget.children if isinstance(c, ipywidgets.SelectionSlider)]
    for rate in (0.01, 0.1, 0.75, 1, 3, 10, 15):
        slider.value = rate
        assert slider.value == rate


@pytest.mark.parametrize("missing", ["update_parameters", "L_model_backward", "compute_cost"])
def test_the_widget_says_which_function_to_write_first(missing):
    functions = dict(zip(["update_parameters", "L_model_backward", "compute_cost"], FUNCTIONS, strict=True))
    functions[missing] = unwritten
    widget = lr.learning_rate_explorer(**functions, num_iterations=5)
    assert isinstance(widget, ipywidgets.HTML)
    assert f"Write `{missing}` first: it still raises NotImplementedError" in widget.value


def unwritten(*args, **kwargs):
    """A graded function as the release hands it out."""
    raise NotImplementedError()
