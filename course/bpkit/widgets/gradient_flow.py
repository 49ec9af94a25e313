"""How big are the gradients of each layer? Vanishing and exploding gradients, made visible.

The maths lives in pure functions (``deep_network``, ``gradient_norms``); the plot and the
widget only draw what they return. The graded ``L_model_backward`` is never imported here: the
notebook passes the student's function in.

The network is the course's L-layer net ([LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID) with
zero biases and W{l} = weight_scale * N(0, 1) / sqrt(n_{l-1}), so weight_scale = 1 is what
``initialize_parameters_deep`` draws. Column-major shapes: X (n_x, m), Y (1, m),
W{l} (n_l, n_{l-1}).

Why the scale matters: a relu layer with these weights multiplies the size of the signal by
about weight_scale / sqrt(2) (half of the units are off), on the way forward (A{l}) and on the
way back (dA{l-1}) alike. Over L layers that factor is raised to the power L - 1: below
sqrt(2) the gradients vanish, above it they explode, and at sqrt(2) (He initialisation) they
keep their size.
"""

import numpy as np

from ..forward import L_model_forward
from ..unwritten import StudentFunctions

WIDTH = 16  # units in every hidden layer
N_X = 12  # input features
M = 32  # examples
SEED = 0
BALANCED_SCALE = float(np.sqrt(2.0))  # He: relu halves the signal's energy, sqrt(2) restores it
# the weight scales the slider offers: every value the notebook asks for (0.5, sqrt(2), 2)
SCALES = (("0.1", 0.1), ("0.25", 0.25), ("0.5", 0.5), ("0.75", 0.75), ("1", 1.0), ("1.2", 1.2),
          ("1.41 (He)", BALANCED_SCALE), ("1.6", 1.6), ("2", 2.0), ("2.5", 2.5), ("3", 3.0), ("4", 4.0))
Y_LIMITS = (1e-16, 1e8)  # fixed log axis, so that moving a slider moves the bars
VANISHING = 0.1  # dA{0} / dA{L-1} below this: the gradient shrinks on its way to the input
TINY_GRADIENT = 1e-4  # every ||dW|| below this: gradient descent barely moves the weights


def deep_network(depth, weight_scale, width=WIDTH, n_x=N_X, m=M, seed=SEED):
    """A random L-layer network and a batch for it: (parameters, X, Y).

    depth: L >= 1, the number of weight layers (depth - 1 relu layers of ``width`` units, then
    one sigmoid unit); weight_scale: W{l} = weight_scale * N(0, 1) / sqrt(n_{l-1}); b{l} = 0.
    X: (n_x, m) standard normal; Y: (1, m) labels in {0, 1} with both classes present.
    Deterministic for a given seed (its own generator; numpy's global one is left alone).
    """
    if depth < 1:
        raise ValueError(f"depth must be at least 1, got {depth}")
    rng = np.random.default_rng(seed)
    layer_dims = [n_x] + [width] * (depth - 1) + [1]
    parameters = {}
    for layer in range(1, depth + 1):
        n_prev, n = layer_dims[layer - 1], layer_dims[layer]
        parameters[f"W{layer}"] = weight_scale * rng.standard_normal((n, n_prev)) / np.sqrt(n_prev)
        parameters[f"b{layer}"] = np.zeros((n, 1))
    X = rng.standard_normal((n_x, m))
    Y = (np.arange(m) % 2).reshape(1, m).astype(float)
    return parameters, X, Y


def gradient_norms(L_model_backward, depth, weight_scale, width=WIDTH, n_x=N_X, m=M, seed=SEED):
    """The size of every layer's gradients after one forward and one backward pass.

    L_model_backward: the function of the notebook, (AL, Y, caches) -> grads.
    Returns a dict:
    - "dW": array (depth,), entry l - 1 is the Frobenius norm of dW{l};
    - "dA": array (depth,), entry l - 1 is the norm of dA{l-1}, the gradient that leaves
      layer l towards the input;
    - "saturated": fraction of the outputs AL that are exactly 0.0 or 1.0 (there
      dAL = -(Y/AL - (1-Y)/(1-AL)) divides by zero and the gradients are not finite);
    - "finite": whether every norm is a finite number.
    Numpy's floating-point warnings are silenced while the network runs.
    """
    parameters, X, Y = deep_network(depth, weight_scale, width=width, n_x=n_x, m=m, seed=seed)
    with np.errstate(all="ignore"):
        AL, caches = L_model_forward(X, parameters)
        grads = L_model_backward(AL, Y, caches)
        dW = np.array([np.linalg.norm(grads[f"dW{layer}"]) for layer in range(1, depth + 1)])
        dA = np.array([np.linalg.norm(grads[f"dA{layer - 1}"]) for layer in range(1, depth + 1)])
    saturated = float(np.mean((AL == 0.0) | (AL == 1.0)))
    finite = bool(np.all(np.isfinite(dW)) and np.all(np.isfinite(dA)))
    return {"dW": dW, "dA": dA, "saturated": saturated, "finite": finite}


def describe(norms):
    """One line that says what the norms show: their range, and how dA changes towards the input."""
    if not norms["finite"]:
        return (f"not finite: {norms['saturated']:.0%} of the outputs AL are exactly 0 or 1, "
                "so dAL divides by zero")
    dW, dA = norms["dW"], norms["dA"]
    text = f"||dW|| from {float(np.min(dW)):.1e} to {float(np.max(dW)):.1e}"
    if len(dA) > 1 and dA[-1] > 0:
        factor = float(dA[0] / dA[-1])
        if factor < VANISHING:
            text += f"; dA shrinks {1 / factor:.3g}x on its way to the input" if factor > 0 else (
                "; dA is 0 at the input")
        elif factor > 1 / VANISHING:
            text += f"; dA grows {factor:.3g}x on its way to the input"
    if float(np.max(dW)) < TINY_GRADIENT:
        text = "vanishing: " + text
    return text


def plot_gradient_norms(norms, ax=None, title=None):
    """Bar chart of ||dW{l}|| per layer (log scale), with ||dA{l-1}|| as a line.

    norms: a dict from ``gradient_norms``. Returns the matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 3.6))
    else:
        fig = ax.figure
    depth = len(norms["dW"])
    layers = np.arange(1, depth + 1)
    low, high = Y_LIMITS

    def shown(values):  # keep zeros, infinities and nans on the axis instead of dropping them
        values = np.where(np.isnan(values), high, values)
        return np.clip(values, low, high)

    colours = ["tab:blue" if np.isfinite(v) else "tab:red" for v in norms["dW"]]
    ax.bar(layers, shown(norms["dW"]), color=colours, label=r"$\|dW^{[l]}\|$")
    ax.plot(layers, shown(norms["dA"]), "o-", color="tab:orange",
            label=r"$\|dA^{[l-1]}\|$ (leaves layer $l$)")
    ax.set_yscale("log")
    ax.set_ylim(low, high)
    ax.set_xlabel("layer l")
    ax.set_ylabel("gradient norm")
    ax.set_xticks(layers if depth <= 20 else layers[:: max(1, depth // 10)])
    ax.legend(loc="best", fontsize="small")
    ax.set_title(title or describe(norms), fontsize="medium")
    fig.tight_layout()
    return fig


def gradient_flow(L_model_backward, depth=6, weight_scale=1.0, max_depth=20):
    """Sliders for the depth and the weight scale, and the bar chart of ||dW{l}|| they give.

    L_model_backward: the notebook's function; weight_scale: one of the values of ``SCALES``.
    Returns an ``ipywidgets.interactive`` (display it, or let it be the last expression of a
    cell). While L_model_backward is not written yet (or raises), it says so instead of drawing.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    student = StudentFunctions(L_model_backward=L_model_backward)

    def draw(depth, weight_scale):
        try:
            norms = gradient_norms(student["L_model_backward"], depth, weight_scale)
        except Exception as error:
            print(student.explain(error))
            return
        title = f"L = {depth}, weight scale {weight_scale:.2f}\n{describe(norms)}"
        plot_gradient_norms(norms, title=title)
        plt.show()

    values = [value for _, value in SCALES]
    if weight_scale not in values:
        raise ValueError(f"weight_scale must be one of {values}, got {weight_scale}")
    depth_slider = widgets.IntSlider(value=depth, min=1, max=max_depth, step=1,
                                     description="depth L", continuous_update=False)
    scale_slider = widgets.SelectionSlider(options=SCALES, value=weight_scale,
                                           description="weight scale", continuous_update=False)
    return widgets.interactive(draw, depth=depth_slider, weight_scale=scale_slider)
