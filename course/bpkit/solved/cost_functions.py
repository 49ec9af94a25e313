"""Solutions of assignment 01_cost_functions, provided to the assignments that come after it.

Generated from course/authoring/01_cost_functions.py by `python -m autograder.authoring`: do not edit.
Never shipped with 01_cost_functions itself.
"""

# ruff: noqa
import numpy as np


def classification_error(AL, Y):
    """Fraction of the examples that are misclassified at the threshold 0.5.

    Arguments:
    AL -- predicted probabilities, shape (1, m), values in [0, 1]
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    error -- a float in [0, 1]: the fraction of examples where (AL > 0.5) differs from Y
    """
    # 1. The predicted classes: AL > 0.5 (an array of booleans).
    # 2. Set error: the fraction of examples where they differ from Y (np.mean of a comparison).
    # (about 2 lines)
    predictions = AL > 0.5
    error = np.mean(predictions != Y)
    return float(error)


def compute_cost_mse(AL, Y):
    """The mean squared error cost, (1/(2m)) * sum((AL - Y)^2).

    Arguments:
    AL -- predicted probabilities, shape (1, m)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    cost -- a float: the squared error averaged over the m examples, halved
    """
    m = Y.shape[1]
    # Set cost: square the differences AL - Y, sum them (np.sum), divide by 2m. No loop.
    # (about 1 line)
    cost = np.sum((AL - Y) ** 2) / (2 * m)
    return float(cost)


def compute_cost_ce(AL, Y):
    """The cross-entropy cost -(1/m) * sum(Y log AL + (1 - Y) log(1 - AL)), safe at AL = 0 or 1.

    Arguments:
    AL -- predicted probabilities, shape (1, m), values in [0, 1] (0 and 1 included)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    cost -- a float: the cross-entropy averaged over the m examples, computed with AL clipped
            into [eps, 1 - eps] (eps = 1e-12), so it is finite and raises no warning
    """
    m = Y.shape[1]
    eps = 1e-12
    # 1. Clip AL into [eps, 1 - eps] with np.clip.
    # 2. Set cost: Y log AL + (1 - Y) log(1 - AL) with the clipped AL, summed, times -1/m.
    # (about 2 lines)
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(cost)


def compute_cost(AL, Y):
    """The cross-entropy cost, -(1/m) * sum(Y log AL + (1 - Y) log(1 - AL)), without clipping.

    Arguments:
    AL -- predicted probabilities, shape (1, m), strictly inside (0, 1)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    cost -- a float: the cross-entropy averaged over the m examples
    """
    m = Y.shape[1]
    # Set cost: Y log AL + (1 - Y) log(1 - AL), summed over the examples, times -1/m. No clipping.
    # (about 1 line)
    cost = -np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL))) / m
    return float(cost)


def cost_derivative_mse(AL, Y):
    """Derivative of the MSE loss with respect to AL, per example: AL - Y.

    Arguments:
    AL -- predicted probabilities, shape (1, m)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    dAL -- array of shape (1, m), element-wise; not divided by m
    """
    # Set dAL: the derivative of (1/2)(a - y)^2 with respect to a, element-wise, no 1/m.
    # (about 1 line)
    dAL = AL - Y
    return dAL


def cost_derivative_ce(AL, Y):
    """Derivative of the cross-entropy loss with respect to AL, per example.

    Arguments:
    AL -- predicted probabilities, shape (1, m), strictly inside (0, 1)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    dAL -- array of shape (1, m): -(Y / AL - (1 - Y) / (1 - AL)), element-wise; not divided by m
    """
    # Set dAL: minus (Y divided by AL, minus (1 - Y) divided by (1 - AL)), element-wise, no 1/m.
    # (about 1 line)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    return dAL


class CostFunction:
    """A cost chosen by name, with its derivative with respect to the predictions.

    CostFunction(name): name is "MSE" (mean squared error) or "CE" (cross-entropy); any other
    name raises a ValueError that names both choices.

    Methods (AL: predictions, shape (1, m); Y: labels, shape (1, m)):
    compute_cost(AL, Y) -- the cost, a float (compute_cost_mse or compute_cost_ce)
    compute_derivative(AL, Y) -- dL/dAL per example (no 1/m), shape (1, m)
                                 (cost_derivative_mse or cost_derivative_ce)
    """

    def __init__(self, name):
        # 1. If name is neither "MSE" nor "CE", raise a ValueError whose message names both.
        # 2. Store the name in self, for the methods to read.
        # (about 3 lines)
        if name not in ("MSE", "CE"):
            raise ValueError(f'unknown cost {name!r}: choose "MSE" or "CE"')
        self.name = name

    def compute_cost(self, AL, Y):
        # Return compute_cost_mse(AL, Y) or compute_cost_ce(AL, Y), as self's name says.
        # (about 3 lines)
        if self.name == "MSE":
            return compute_cost_mse(AL, Y)
        return compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        # Return cost_derivative_mse(AL, Y) or cost_derivative_ce(AL, Y), as self's name says.
        # (about 3 lines)
        if self.name == "MSE":
            return cost_derivative_mse(AL, Y)
        return cost_derivative_ce(AL, Y)
