"""MSE against cross-entropy for one example: the cost, dJ/da and dJ/dz as the prediction moves.

The maths lives in pure functions (``cost_curves``, ``point_values``, ``describe_point``); the
plot and the widget only draw what they return. No graded function is imported here: the
notebook passes in the student's ``compute_cost_mse``, ``compute_cost_ce``,
``cost_derivative_mse`` and ``cost_derivative_ce``.

One example: a prediction a in (0, 1) (the sigmoid output, a = sigmoid(z)) and a label y in
{0, 1}, passed to the cost functions as (1, 1) arrays (a batch of one, so the cost is the loss of
that example). Through the sigmoid, dJ/dz = dJ/da * a (1 - a): for MSE that is
(a - y) a (1 - a), which vanishes when the sigmoid saturates, even on a wrong answer; for
cross-entropy the factors cancel and dJ/dz = a - y.
"""

import numpy as np

from ..unwritten import StudentFunctions, message_widget

A_RANGE = (0.01, 0.99)  # the a axis and the slider: the derivatives blow up at 0 and 1
POINTS = 197  # a grid with step 0.005
COST_LIMIT = 5.0  # top of the cost axis at most (cross-entropy is 4.6 at the ends of the range)
DERIVATIVE_LIMIT = 10.0  # dJ/da of cross-entropy reaches -100 at a = 0.01: the axis shows +-10,
# widened only as far as the current point needs
WRONG = 0.5  # |a - y| above this: the prediction is on the wrong side of the threshold
CONFIDENT = 0.8  # |a - y| above this: confidently wrong
COLORS = {"mse": "tab:blue", "ce": "tab:orange"}
LABELS = {"mse": "MSE", "ce": "cross-entropy"}


def _one(x):
    """x as a (1, 1) float array: one example, column-major."""
    return np.full((1, 1), float(x))


def _number(x):
    """A float from whatever a cost function returned (a float, a 0-d or (1, 1) array)."""
    return float(np.squeeze(np.asarray(x, dtype=float)))


def sigmoid_slope(a):
    """da/dz = a (1 - a), the sigmoid's derivative written with its output a."""
    a = np.asarray(a, dtype=float)
    return a * (1 - a)


def cost_curves(compute_cost_mse, compute_cost_ce, cost_derivative_mse, cost_derivative_ce, y,
                a=None):
    """The two costs of one example and their derivatives, over a grid of predictions a.

    compute_cost_*: (AL, Y) -> cost, called on (1, 1) arrays, one grid point at a time (so each
    value is the loss of one example); cost_derivative_*: (AL, Y) -> dJ/dAL element-wise, called
    once on the (1, n) grid. y: the label, 0 or 1. a: the predictions (default: ``POINTS``
    values spread over ``A_RANGE``).
    Returns a dict of (n,) arrays: "a"; "cost_mse", "cost_ce"; "dA_mse", "dA_ce" (dJ/da);
    "dZ_mse", "dZ_ce" (dJ/dz = dJ/da * a (1 - a), through the sigmoid). Numpy's
    floating-point warnings are silenced (a broken function gives inf or nan, not noise).
    """
    a = np.linspace(*A_RANGE, POINTS) if a is None else np.asarray(a, dtype=float).ravel()
    Y = np.full((1, a.size), float(y))
    with np.errstate(all="ignore"):
        curves = {
            "a": a,
            "cost_mse": np.array([_number(compute_cost_mse(_one(x), _one(y))) for x in a]),
            "cost_ce": np.array([_number(compute_cost_ce(_one(x), _one(y))) for x in a]),
            "dA_mse": np.asarray(cost_derivative_mse(a.reshape(1, -1), Y), dtype=float).ravel(),
            "dA_ce": np.asarray(cost_derivative_ce(a.reshape(1, -1), Y), dtype=float).ravel(),
        }
        curves["dZ_mse"] = curves["dA_mse"] * sigmoid_slope(a)
        curves["dZ_ce"] = curves["dA_ce"] * sigmoid_slope(a)
    return curves


def point_values(compute_cost_mse, compute_cost_ce, cost_derivative_mse, cost_derivative_ce, a, y):
    """The same quantities at one prediction a: a dict of floats.

    Keys: "a", "y", "z" (the score with sigmoid(z) = a), and "cost_mse", "cost_ce", "dA_mse",
    "dA_ce", "dZ_mse", "dZ_ce" as in ``cost_curves``.
    """
    curves = cost_curves(compute_cost_mse, compute_cost_ce, cost_derivative_mse, cost_derivative_ce,
                         y, a=[a])
    values = {key: float(value[0]) for key, value in curves.items()}
    values["y"] = int(y)
    values["z"] = float(np.log(a / (1 - a)))
    return values


def verdict(a, y):
    """How the prediction a fares against the label y, in words."""
    error = abs(a - y)
    if error > CONFIDENT:
        return "confidently wrong"
    if error > WRONG:
        return "wrong"
    return "right"


def describe_point(values):
    """One line: the verdict, then dJ/dz with each cost (the signal that reaches the weights)."""
    return (f"y = {values['y']}, a = {values['a']:.2f} ({verdict(values['a'], values['y'])}): "
            f"dJ/dz = {values['dZ_mse']:.3f} with MSE, {values['dZ_ce']:.3f} with cross-entropy")


def plot_point(curves, values, axes=None):
    """Three panels against a: the costs, dJ/da and dJ/dz, with the current point marked.

    curves: from ``cost_curves``; values: from ``point_values`` (same y). Returns the Figure.
    """
    import matplotlib.pyplot as plt

    if axes is None:
        fig, axes = plt.subplots(1, 3, figsize=(11, 3.4))
    fig = axes[0].figure
    panels = [("cost", "cost of this example"), ("dA", "dJ/da"), ("dZ", "dJ/dz = dJ/da · a(1 - a)")]
    for ax, (key, title) in zip(axes, panels, strict=True):
        for cost in ("mse", "ce"):
            ax.plot(curves["a"], curves[f"{key}_{cost}"], color=COLORS[cost], label=LABELS[cost])
            ax.plot([values["a"]], [values[f"{key}_{cost}"]], "o", color=COLORS[cost])
        ax.axvline(values["a"], color="0.6", lw=0.8, ls=":")
        ax.axhline(0, color="0.8", lw=0.8)
        ax.set_xlim(0, 1)
        ax.set_xlabel("prediction a")
        ax.set_title(title, fontsize="medium")
    costs = curves["cost_ce"][np.isfinite(curves["cost_ce"])]
    axes[0].set_ylim(0, min(COST_LIMIT, max(1.0, 1.1 * float(np.max(costs, initial=0.0)))))
    slopes = [abs(values[key]) for key in ("dA_mse", "dA_ce") if np.isfinite(values[key])]
    reach = max([DERIVATIVE_LIMIT] + [1.15 * slope for slope in slopes])
    axes[1].set_ylim(-reach, reach)
    axes[2].set_ylim(-1.05, 1.05)
    axes[0].legend(loc="upper center", fontsize="small")
    fig.suptitle(describe_point(values), fontsize="medium")
    fig.tight_layout()
    return fig


def cost_explorer(compute_cost_mse, compute_cost_ce, cost_derivative_mse, cost_derivative_ce,
                  a=0.1, y=1):
    """A slider for the prediction a, a toggle for the label y, and the three panels of
    ``plot_point`` computed with the functions passed in (the notebook's own).

    Returns an ``ipywidgets.interactive``, or, while one of the four functions is not written
    yet (or raises), an ``ipywidgets.HTML`` that says which one to write first.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    student = StudentFunctions(compute_cost_mse=compute_cost_mse, compute_cost_ce=compute_cost_ce,
                               cost_derivative_mse=cost_derivative_mse,
                               cost_derivative_ce=cost_derivative_ce)
    functions = tuple(student[name] for name in ("compute_cost_mse", "compute_cost_ce",
                                                 "cost_derivative_mse", "cost_derivative_ce"))
    try:
        curves = {label: cost_curves(*functions, label) for label in (0, 1)}  # computed once
    except Exception as error:
        return message_widget(student.explain(error))

    def draw(a, y):
        try:
            values = point_values(*functions, a, y)
        except Exception as error:
            print(student.explain(error))
            return
        plot_point(curves[y], values)
        plt.show()

    slider = widgets.FloatSlider(value=a, min=A_RANGE[0], max=A_RANGE[1], step=0.01,
                                 description="prediction a", readout_format=".2f",
                                 continuous_update=False, style={"description_width": "initial"})
    toggle = widgets.ToggleButtons(options=[("y = 0", 0), ("y = 1", 1)], value=y,
                                   description="label")
    return widgets.interactive(draw, a=slider, y=toggle)
