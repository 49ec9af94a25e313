"""The chain rule at one unit: an activation g, its slope g'(z), and dZ = dA * g'(Z).

The maths lives in pure functions (``numerical_derivative``, ``activation_curves``,
``chain_rule_at``, ``tangent_line``, ``max_gap``); the plot and the widget only draw what they
return. No graded function is imported here: the notebook passes in the student's
``sigmoid_backward``, ``relu_backward`` and ``tanh_backward``; the forward activations come from
``bpkit.activations``.

A backward function maps (dA, Z) to dZ = dA * g'(Z), element-wise. Called with dA = 1 it
returns the slope g'(Z) itself, which is how the curves below are drawn: what you see is what
your backward function computes, next to central finite differences of g.
Arrays are passed as one row (1, n), like one unit seen over n examples.
"""

import numpy as np

from ..activations import relu, sigmoid, tanh
from ..unwritten import explanation

FORWARD = {"sigmoid": sigmoid, "relu": relu, "tanh": tanh}
Z_RANGE = (-5.0, 5.0)
N_POINTS = 400  # an even number of points: the grid never lands exactly on relu's kink at 0
EPS = 1e-5  # step of the central differences
AGREE = 1e-6  # a largest gap below this: the backward function matches finite differences


def z_grid(z_range=Z_RANGE, n=N_POINTS):
    """n evenly spaced values over z_range, as a (1, n) row."""
    return np.linspace(z_range[0], z_range[1], n).reshape(1, n)


def numerical_derivative(forward, z, eps=EPS):
    """g'(z) by central differences, element-wise: (g(z + eps) - g(z - eps)) / (2 eps).

    forward: an activation returning (A, Z), such as ``sigmoid``; z: array of any shape.
    Returns an array with z's shape. (Activations act element by element, so one call over
    the whole array differentiates every entry at once.)
    """
    z = np.asarray(z, dtype=float)
    a_plus, _ = forward(z + eps)
    a_minus, _ = forward(z - eps)
    return (a_plus - a_minus) / (2 * eps)


def activation_curves(forward, backward, z=None):
    """g, the slope your backward function gives, and the finite-difference slope, over z.

    forward: g, returning (A, Z); backward: (dA, Z) -> dZ, or None to skip it; z: a (1, n) row
    (default: ``z_grid()``). Returns a dict of 1-D arrays of length n: "z", "g" = g(z),
    "slope" = backward(ones, z) (None when backward is None) and "numeric".
    """
    z = z_grid() if z is None else np.asarray(z, dtype=float).reshape(1, -1)
    a, _ = forward(z)
    slope = None
    if backward is not None:
        slope = np.asarray(backward(np.ones_like(z), z.copy()), dtype=float).reshape(-1)
    return {"z": z.reshape(-1), "g": np.asarray(a, dtype=float).reshape(-1), "slope": slope,
            "numeric": numerical_derivative(forward, z).reshape(-1)}


def chain_rule_at(forward, backward, z, dA):
    """The chain rule at one point: what flows back through the unit when the loss sends dA.

    Returns a dict of floats: "z", "a" = g(z), "slope" = g'(z) (from backward called with
    dA = 1), "dA" and "dZ" = backward(dA, z), which the chain rule says is dA * g'(z).
    """
    Z = np.array([[float(z)]])
    a, _ = forward(Z)
    slope = backward(np.ones_like(Z), Z.copy())
    dZ = backward(np.array([[float(dA)]]), Z.copy())
    return {"z": float(z), "a": float(np.squeeze(a)), "slope": float(np.squeeze(slope)),
            "dA": float(dA), "dZ": float(np.squeeze(dZ))}


def tangent_line(point, z):
    """The tangent of g at point["z"]: a + g'(z0) (z - z0), the best straight-line guess of g.

    point: a dict from ``chain_rule_at``; z: array. Returns an array with z's shape.
    """
    return point["a"] + point["slope"] * (np.asarray(z, dtype=float) - point["z"])


def max_gap(curves):
    """The largest |slope - numeric| over the grid; nan when there is no (finite) slope."""
    if curves["slope"] is None:
        return float("nan")
    slope = np.asarray(curves["slope"], dtype=float)
    if slope.shape != curves["numeric"].shape or not np.all(np.isfinite(slope)):
        return float("nan")
    return float(np.max(np.abs(slope - curves["numeric"])))


def verdict(name, curves):
    """One line on how the backward function compares with finite differences."""
    gap = max_gap(curves)
    if curves["slope"] is None:
        return f"{name}_backward is not written yet: g and its finite-difference slope only"
    if not np.isfinite(gap):
        return f"{name}_backward gives values that are not finite or have the wrong shape"
    if gap < AGREE:
        return f"{name}_backward agrees with finite differences (largest gap {gap:.1e})"
    return f"{name}_backward differs from finite differences by up to {gap:.3g}"


def plot_chain_rule(curves, point, name, title=None):
    """Two panels: g with its tangent at z0, and g' (yours and finite differences) with dZ.

    curves: from ``activation_curves``; point: from ``chain_rule_at`` or None (no slope
    available); name: the activation's name. Returns the matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
    z = curves["z"]
    left.plot(z, curves["g"], color="tab:blue", label=f"{name}(z)")
    right.plot(z, curves["numeric"], color="0.6", lw=3, label="finite differences")
    if curves["slope"] is not None and np.shape(curves["slope"]) == np.shape(z):
        right.plot(z, curves["slope"], color="tab:orange", lw=1.5, label=f"{name}_backward(1, z)")
    if point is not None:
        near = np.abs(z - point["z"]) <= 1.5
        left.plot(z[near], tangent_line(point, z[near]), "--", color="tab:red",
                  label=f"tangent, slope {point['slope']:.3f}")
        left.plot([point["z"]], [point["a"]], "o", color="tab:red")
        right.plot([point["z"]], [point["slope"]], "o", color="tab:red")
        right.annotate(
            f"dZ = dA * g'(z)\n   = {point['dA']:.2f} * {point['slope']:.3f} = {point['dZ']:.3f}",
            xy=(0.03, 0.95), xycoords="axes fraction", va="top", fontsize="small",
            family="monospace",
        )
    left.set_title(f"forward: a = {name}(z)", fontsize="medium")
    right.set_title(f"backward: slope {name}'(z)", fontsize="medium")
    for ax in (left, right):
        ax.axhline(0, color="0.85", lw=0.8, zorder=0)
        ax.axvline(0, color="0.85", lw=0.8, zorder=0)
        ax.set_xlabel("z")
    left.legend(loc="upper left", fontsize="small")
    right.legend(loc="upper right", fontsize="small")
    low, high = float(np.min(curves["numeric"])), float(np.max(curves["numeric"]))
    right.set_ylim(min(low, 0.0) - 0.1, max(high, 1.0) + 0.45)
    fig.suptitle(title or verdict(name, curves), fontsize="medium")
    fig.tight_layout()
    return fig


def activation_explorer(sigmoid_backward, relu_backward, tanh_backward, activation="sigmoid",
                        z=1.0, dA=1.0):
    """A menu for the activation, sliders for z and for the incoming gradient dA, and the plots.

    The three backward functions are the notebook's, (dA, Z) -> dZ. One that raises (not
    written yet) only hides its curve. Returns an ``ipywidgets.interactive``.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    backward = {"sigmoid": sigmoid_backward, "relu": relu_backward, "tanh": tanh_backward}

    def draw(activation, z, dA):
        forward = FORWARD[activation]
        try:
            curves = activation_curves(forward, backward[activation])
            point = chain_rule_at(forward, backward[activation], z, dA)
            title = None
        except Exception as error:  # the student's function is not written yet, or fails
            curves, point = activation_curves(forward, None), None
            title = explanation(f"{activation}_backward", error)
            if len(title) > 90:  # a figure title: break it in two lines
                cut = title.rfind(" ", 0, 90)
                title = title[:cut] + "\n" + title[cut + 1:]
        plot_chain_rule(curves, point, activation, title=title)
        plt.show()

    return widgets.interactive(
        draw,
        activation=widgets.Dropdown(options=list(FORWARD), value=activation, description="g"),
        z=widgets.FloatSlider(value=z, min=Z_RANGE[0], max=Z_RANGE[1], step=0.1, description="z",
                              continuous_update=False),
        dA=widgets.FloatSlider(value=dA, min=-2.0, max=2.0, step=0.1, description="dA",
                               continuous_update=False),
    )
