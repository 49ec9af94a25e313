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
    # Compare the predicted class (AL > 0.5) with Y and set error to the fraction that differ.
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
    # Set cost (one line of numpy, no loop).
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
    # Clip AL into [eps, 1 - eps] (np.clip), then set cost.
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
    # Set cost (one line of numpy, no clipping).
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
    # Set dAL (one line, element-wise).
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
    # Set dAL (one line, element-wise).
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    return dAL


class CostFunction:
    """A cost chosen by name, with its derivative with respect to the predictions.

    CostFunction(name): name is "MSE" (mean squared error) or "CE" (cross-entropy); any other
    name raises a ValueError that names both choices.

    Methods (AL: predictions, shape (1, m); Y: labels, shape (1, m)):
    compute_cost(AL, Y) -- the cost, a float (compute_cost_mse or compute_cost_ce)
    compute_derivative(AL, Y) -- dJ/dAL per example, shape (1, m)
                                 (cost_derivative_mse or cost_derivative_ce)
    """

    def __init__(self, name):
        # Raise a ValueError naming "MSE" and "CE" for any other name; store the name in self.
        if name not in ("MSE", "CE"):
            raise ValueError(f'unknown cost {name!r}: choose "MSE" or "CE"')
        self.name = name

    def compute_cost(self, AL, Y):
        # Return the value of your compute_cost_mse or compute_cost_ce, as the name says.
        if self.name == "MSE":
            return compute_cost_mse(AL, Y)
        return compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        # Return the value of your cost_derivative_mse or cost_derivative_ce, as the name says.
        if self.name == "MSE":
            return cost_derivative_mse(AL, Y)
        return cost_derivative_ce(AL, Y)
