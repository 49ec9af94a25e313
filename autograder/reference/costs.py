"""Cost functions and their derivatives with respect to the prediction AL.

AL: (1, m) predictions in (0, 1); Y: (1, m) labels in {0, 1}. Costs are batch means and come
back as Python floats; derivatives are element-wise, with AL's shape, and not averaged (the 1/m
is applied once, in ``linear_backward``).
"""

import numpy as np

THRESHOLD = 0.5
CE_EPSILON = 1e-12  # AL is clipped into [eps, 1 - eps] so that log never sees 0


def classification_error(AL, Y):
    """Fraction of examples misclassified when predicting 1 where AL > 0.5."""
    predictions = np.asarray(AL) > THRESHOLD
    return float(np.mean(predictions != (np.asarray(Y) > THRESHOLD)))


def compute_cost_mse(AL, Y):
    """(1/(2m)) * sum((AL - Y)^2)."""
    m = Y.shape[1]
    return float(np.sum((AL - Y) ** 2) / (2 * m))


def compute_cost_ce(AL, Y):
    """-(1/m) * sum(Y log AL + (1 - Y) log(1 - AL)), finite even where AL is exactly 0 or 1."""
    m = Y.shape[1]
    AL = np.clip(AL, CE_EPSILON, 1 - CE_EPSILON)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def compute_cost(AL, Y):
    """The cross-entropy cost with the Coursera formula (no clipping): AL strictly inside (0, 1)."""
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def cost_derivative_mse(AL, Y):
    """d/dAL of the MSE cost per example: AL - Y."""
    return AL - Y


def cost_derivative_ce(AL, Y):
    """d/dAL of the cross-entropy cost per example: -(Y/AL - (1 - Y)/(1 - AL))."""
    return -(Y / AL - (1 - Y) / (1 - AL))


class CostFunction:
    """A cost chosen by name: "MSE" or "CE"."""

    _COSTS = {
        "MSE": (compute_cost_mse, cost_derivative_mse),
        "CE": (compute_cost_ce, cost_derivative_ce),
    }

    def __init__(self, name):
        if name not in self._COSTS:
            choices = " or ".join(repr(k) for k in self._COSTS)
            raise ValueError(f"unknown cost {name!r}: choose {choices}")
        self.name = name
        self._cost, self._derivative = self._COSTS[name]

    def compute_cost(self, AL, Y):
        return self._cost(AL, Y)

    def compute_derivative(self, AL, Y):
        return self._derivative(AL, Y)
