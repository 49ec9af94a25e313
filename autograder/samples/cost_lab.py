"""Planted answers of 01_cost_functions, graded by ``autograder/hidden/suites/cost_lab.py``.

01's debugging lab: ``LabCostFunction`` with some of its three bugs left in, and fixed.
"""

from .answer import Answer

A = "01_cost_functions"


def _lab_cost(label, kept, diagnosis, *, eps=True, arguments=True, self_name=True):
    """01's debugging lab with the bugs named False left in (each True one fixed)."""
    return Answer(A, "LabCostFunction", label, f'''
class LabCostFunction:
    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f"{{name!r}} is not a cost here: use 'MSE' or 'CE'")
        self.name = name

    def compute_cost(self, AL, Y):
        if self.name == "CE":
{"            eps = 1e-12" if eps else ""}
            return compute_cost_ce(np.clip(AL, eps, 1 - eps), Y)
        cost = compute_cost_mse(AL, Y)
        return cost

    def compute_derivative(self, {"AL, Y" if arguments else "Y, AL"}):
        if self.name == "CE":
            dAL = cost_derivative_ce(AL, Y)
        elif {"self.name" if self_name else "name"} == "MSE":
            dAL = cost_derivative_mse(AL, Y)
        return dAL
''', kept, diagnosis)


# One planted answer per mistake the hidden tests recognise (this module's part of
# ``planted.ALL_MISTAKES``).
MISTAKES = (
    _lab_cost("lab: the three bugs left", 0.0, "reads name, not self.name", eps=False, arguments=False,
              self_name=False),
    _lab_cost("lab: eps left undefined", 2.0, "uses eps, which is never defined", eps=False),
    _lab_cost("lab: name for self.name left", 2.0, "reads name, not self.name", self_name=False),
    _lab_cost("lab: derivative arguments left swapped", 1.0, "compute_derivative has its arguments swapped",
              arguments=False),
)


# Correct answers written differently: each must earn full marks (``planted.STYLE_CATALOGUE``).
STYLES = (
    Answer(A, "LabCostFunction", "lab fixed with eps as an attribute", '''
class LabCostFunction:
    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f'unknown cost {name!r}: choose "MSE" or "CE"')
        self.name = name
        self.eps = 1e-12

    def compute_cost(self, AL, Y):
        m = Y.shape[1]
        if self.name == "MSE":
            return float(np.sum((AL - Y) ** 2) / (2 * m))
        AL = np.clip(AL, self.eps, 1 - self.eps)
        return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)

    def compute_derivative(self, AL, Y):
        if self.name == "MSE":
            return AL - Y
        return -(Y / AL - (1 - Y) / (1 - AL))
'''),
)
