"""Hidden tests of 01's debugging lab: the tutorial's cost class, fixed by the student.

One test per method and cost that holds a bug, so each planted bug costs the tests it breaks and
the code as given scores nothing: ``eps`` never defined breaks the cross-entropy cost, ``name``
read for ``self.name`` breaks the MSE derivative, and ``compute_derivative(self, Y, AL)`` called
as ``(AL, Y)`` flips the sign of the MSE derivative and makes the cross-entropy one divide by Y.
(The MSE cost has no bug, so no test of its own: it would pay for code nobody touched.)
"""

import numpy as np

from autograder import reference as ref

from ...link.student import StudentError
from ..compare import Mistake, as_array, as_float, check_output
from ..outcome import Outcome, Part
from ..registry import hidden_test
from .cost_functions import COST_DEPS, _batch, _saturated

A = "01_cost_functions"
CLASS = "LabCostFunction"
POINTS = 1

# What the grader tells a student whose code raised NameError for one of the lab's names.
UNDEFINED = {
    "name": "reads name, not self.name: a method sees only its arguments and self, so the name "
            "given to __init__ is self.name.",
    "eps": "uses eps, which is never defined: set eps = 1e-12 before clipping (in the method, or "
           "as self.eps in __init__).",
}
SWAPPED = ("{name} {has} its arguments swapped: it is defined as (self, Y, AL) but every caller "
           "passes (AL, Y), so {effect} Define it as compute_derivative(self, AL, Y).")
SWAPPED_EFFECT = {
    "MSE": "it returns Y - AL, the gradient with its sign flipped, and gradient descent climbs the cost.",
    "CE": "it computes -(AL/Y - (1 - AL)/(1 - Y)), which divides by Y: inf for every example labelled 0.",
}


NO_BRANCH = ("no branch set the value it returns. Does a condition read name instead of self.name "
             "(a global name left by some loop of the notebook)?")


def _call(f, obj, method, cost, AL, Y):
    """The student's method on (AL, Y), with a NameError of the lab's bugs told as that bug."""
    label = f"{CLASS}({cost!r}).{method}"
    try:
        out = f.method(obj, method, AL, Y)
    except StudentError as err:
        for undefined, message in UNDEFINED.items():
            if f"name '{undefined}' is not defined" in str(err):
                raise StudentError(f"{label} {message}") from None
        if "UnboundLocalError" in str(err):  # it returned a variable that no branch assigned
            raise StudentError(f"{label} {NO_BRANCH}") from None
        raise
    if out is None:
        raise StudentError(f"{label} returned None: {NO_BRANCH}")
    return out


def _case(f, rng, cost, method):
    AL, Y, m = _saturated(rng) if (cost, method) == ("CE", "compute_cost") else _batch(rng)
    obj = f(cost)
    got = _call(f, obj, method, cost, AL, Y)
    want = getattr(ref.LabCostFunction(cost), method)(AL, Y)
    other = getattr(ref.LabCostFunction("CE" if cost == "MSE" else "MSE"), method)
    mistakes = [Mistake("other_cost", "{name} " + f"gives the other cost's value: a {cost!r} object "
                        "must choose its branch by self.name.", lambda: other(AL, Y))]
    if method == "compute_derivative":
        mistakes.append(Mistake("averaged", "{name} {is_} divided by m: the derivative is per "
                                "example; the 1/m comes later, in dW and db.", lambda: want / m))
        if cost == "MSE":
            mistakes.append(Mistake("swapped", SWAPPED.replace("{effect}", SWAPPED_EFFECT[cost]),
                                    lambda: ref.cost_derivative_mse(Y, AL)))
    layout = as_float(method) if method == "compute_cost" else as_array(method)
    parts = check_output(got, want, layout, m=m, mistakes=mistakes, function=f"{CLASS}({cost!r})")
    if cost == "CE" and method == "compute_derivative" and _divides_by_y(got, AL, Y):
        parts = [Part(method, False, SWAPPED.format(name=method, has="has", effect=SWAPPED_EFFECT[cost]))]
    for part in parts:
        if not part.ok and part.message:
            part.message = f"{CLASS}({cost!r}).{part.message}"
    return Outcome(parts)


def _divides_by_y(got, AL, Y) -> bool:
    """Is ``got`` the cross-entropy derivative with AL and Y swapped (inf where Y is 0)?"""
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    with np.errstate(all="ignore"):
        swapped = ref.cost_derivative_ce(Y.astype(float), AL)
    return got.shape == swapped.shape and bool(np.allclose(got, swapped, equal_nan=True))


@hidden_test(A, CLASS, "ce_cost", POINTS, deps=COST_DEPS, description="AL exactly 0 or 1 in places",
             judges_signature=True)
def lab_ce_cost(f, rng):
    return _case(f, rng, "CE", "compute_cost")


@hidden_test(A, CLASS, "mse_derivative", POINTS, deps=COST_DEPS, judges_signature=True)
def lab_mse_derivative(f, rng):
    return _case(f, rng, "MSE", "compute_derivative")


@hidden_test(A, CLASS, "ce_derivative", POINTS, deps=COST_DEPS, judges_signature=True)
def lab_ce_derivative(f, rng):
    return _case(f, rng, "CE", "compute_derivative")
