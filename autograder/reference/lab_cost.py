"""The debugging lab of 01: the tutorial's cost class, as it behaves once its bugs are fixed.

Students receive a ``LabCostFunction`` with three bugs (a method reads ``name`` for ``self.name``,
``eps`` is never defined, ``compute_derivative`` takes ``(Y, AL)`` while every caller passes
``(AL, Y)``). Fixed, it is exactly :class:`CostFunction`: AL and Y of shape (1, m); the cost is a
float, the derivative has AL's shape and is per example (no 1/m).
"""

from .costs import CostFunction


class LabCostFunction(CostFunction):
    """The fixed lab class: "MSE" or "CE", with compute_cost(AL, Y) and compute_derivative(AL, Y)."""
