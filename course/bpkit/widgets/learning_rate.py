"""How the learning rate shapes training: the cost over the iterations of gradient descent.

The maths lives in pure functions (``training_costs``, ``describe_run``); the plot and the
widget only draw what they return. No graded function is imported here: the notebook passes in
the student's ``update_parameters`` (and the ``L_model_backward`` and ``compute_cost`` it was
given), and the forward pass and the initialisation come from ``bpkit.forward`` and
``bpkit.init``. Column-major shapes: X (n_x, m), Y (1, m), W{l} (n_l, n_{l-1}).
"""

import numpy as np

from ..forward import L_model_forward
from ..init import initialize_parameters_deep
from ..testcases import training_case
from ..unwritten import StudentFunctions, message_widget

LAYER_DIMS = (6, 5, 3, 1)  # fits bpkit.testcases.training_case(): 6 features
NUM_ITERATIONS = 300
COMPARE_RATES = (0.01, 0.75, 15.0)  # slow, good, too large: drawn in grey behind the chosen one
SLOW = 0.05  # a run whose cost fell by less than this fraction barely moved
# the rates the slider offers: every rate the notebook names (0.01, 0.1, 0.75, 1, 3, 10, 15)
RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0, 15.0, 20.0,
         30.0)


def training_costs(update_parameters, L_model_backward, compute_cost, X, Y, learning_rate,
                   layer_dims=LAYER_DIMS, num_iterations=NUM_ITERATIONS):
    """Train from ``initialize_parameters_deep(layer_dims)`` by gradient descent; the costs.

    Each iteration: AL, caches = L_model_forward(X, parameters); cost = compute_cost(AL, Y);
    grads = L_model_backward(AL, Y, caches); parameters = update_parameters(parameters, grads,
    learning_rate). X: (layer_dims[0], m); Y: (1, m).
    Returns an array (num_iterations,): entry i is the cost before update i + 1. Once the cost
    stops being a finite number (the outputs reached exactly 0 or 1, or overflowed), training
    stops and the remaining entries are nan. Numpy's floating-point warnings are silenced.
    """
    costs = np.full(num_iterations, np.nan)
    parameters = initialize_parameters_deep(list(layer_dims))
    with np.errstate(all="ignore"):
        for i in range(num_iterations):
            AL, caches = L_model_forward(X, parameters)
            cost = float(np.squeeze(compute_cost(AL, Y)))
            if not np.isfinite(cost):
                break
            costs[i] = cost
            grads = L_model_backward(AL, Y, caches)
            parameters = update_parameters(parameters, grads, learning_rate)
    return costs


def describe_run(costs):
    """One line on a run: the cost fell, barely moved, rose, or stopped being finite."""
    finite = costs[np.isfinite(costs)]
    if finite.size == 0:
        return "the first cost is not finite"
    start, end = float(finite[0]), float(finite[-1])
    if finite.size < costs.size:
        return (f"diverged: the cost is no longer finite after iteration {finite.size - 1} "
                f"(last finite cost {end:.3f})")
    if end > start:
        return f"diverged: the cost rose from {start:.3f} to {end:.3f}"
    if start - end < SLOW * start:
        return f"slow: the cost only fell from {start:.3f} to {end:.3f}"
    return f"the cost fell from {start:.3f} to {end:.3f}"


def plot_costs(costs, learning_rate, compare=None, ax=None):
    """The cost over the iterations for ``learning_rate`` (in colour), over grey comparison runs.

    costs: array from ``training_costs``; compare: {rate: costs} drawn in grey. Returns the Figure.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 3.6))
    else:
        fig = ax.figure
    for rate, other in (compare or {}).items():
        ax.plot(other, color="0.75", lw=1)
        last = np.flatnonzero(np.isfinite(other))
        if last.size:
            i = int(last[-1])
            ax.annotate(f"{rate:g}", (i, other[i]), color="0.5", fontsize="small",
                        xytext=(3, 0), textcoords="offset points", va="center")
    ax.plot(costs, color="tab:blue", lw=2, label=f"learning rate {learning_rate:.3g}")
    ax.axhline(costs[0], color="0.5", ls="--", lw=0.8)
    finite = [c for c in [costs, *(compare or {}).values()] if np.any(np.isfinite(c))]
    top = max(float(np.nanmax(c)) for c in finite) if finite else 1.0
    ax.set_ylim(0, min(max(1.0, 1.05 * top), 6.0))
    ax.set_xlim(0, len(costs) - 1)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost")
    ax.legend(loc="upper right", fontsize="small")
    ax.set_title(describe_run(costs), fontsize="medium")
    fig.tight_layout()
    return fig


def learning_rate_explorer(update_parameters, L_model_backward, compute_cost, X=None, Y=None,
                           learning_rate=0.75, layer_dims=LAYER_DIMS,
                           num_iterations=NUM_ITERATIONS, compare_rates=COMPARE_RATES):
    """A learning-rate slider and the cost curve of a training run with that rate.

    update_parameters, L_model_backward, compute_cost: the notebook's functions. X, Y: the data
    (default: ``bpkit.testcases.training_case()``). The grey curves are runs with
    ``compare_rates``, computed once; learning_rate is one of ``RATES``. Returns an
    ``ipywidgets.interactive``, or, while one of the functions is not written yet (or raises),
    an ``ipywidgets.HTML`` that says which one to write first.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    if X is None or Y is None:
        X, Y = training_case()
    if learning_rate not in RATES:
        raise ValueError(f"learning_rate must be one of {RATES}, got {learning_rate}")
    student = StudentFunctions(update_parameters=update_parameters,
                               L_model_backward=L_model_backward, compute_cost=compute_cost)

    def run(rate):
        return training_costs(student["update_parameters"], student["L_model_backward"],
                              student["compute_cost"], X, Y, rate, layer_dims=layer_dims,
                              num_iterations=num_iterations)

    try:
        compare = {rate: run(rate) for rate in compare_rates}
    except Exception as error:
        return message_widget(student.explain(error))

    def draw(learning_rate):
        try:
            costs = run(learning_rate)
        except Exception as error:
            print(student.explain(error))
            return
        plot_costs(costs, learning_rate, compare=compare)
        plt.show()

    slider = widgets.SelectionSlider(options=[(f"{rate:g}", rate) for rate in RATES],
                                     value=learning_rate, description="learning rate",
                                     continuous_update=False)
    return widgets.interactive(draw, learning_rate=slider)
