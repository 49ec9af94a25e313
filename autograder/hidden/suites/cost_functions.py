"""Hidden tests of 01_cost_functions."""

import numpy as np

from autograder import reference as ref

from ..cases import labels, probabilities
from ..compare import Layout, Mistake, as_array, as_float, check_output, said
from ..outcome import Outcome, Part
from ..registry import hidden_test
from ..search import Problem

A = "01_cost_functions"
COST_DEPS = ("compute_cost_mse", "compute_cost_ce", "cost_derivative_mse", "cost_derivative_ce")


def _batch(rng):
    m = int(rng.integers(7, 14))
    return probabilities(rng, (1, m)), labels(rng, m), m


def _saturated(rng):
    """Confident, correct predictions (AL exactly 0 or 1) mixed with ordinary ones."""
    AL, Y, m = _batch(rng)
    sure = rng.random((1, m)) < 0.4
    sure[0, :2] = True
    AL = np.where(sure, Y, AL)
    return AL, Y, m


def _classification_case(rng):
    """AL away from the threshold, and an error neither 0, 1/2 nor 1 (so no mistake hides)."""
    AL, Y, m = _batch(rng)
    AL = np.where(np.abs(AL - 0.5) < 0.05, AL + 0.1, AL)
    wrong = int(np.sum((AL > 0.5) != (Y > 0.5)))
    if wrong in (0, m) or 2 * wrong == m:
        AL[0, 0] = 1 - AL[0, 0]  # moves example 0 to the other class
    return AL, Y, m


@hidden_test(A, "classification_error", "random", 1)
def classification_error(f, rng):
    AL, Y, m = _classification_case(rng)
    mistakes = [
        Mistake("accuracy", "{name} {is_} the accuracy, not the error: count the examples that "
                "are misclassified.", lambda: 1 - ref.classification_error(AL, Y)),
        Mistake("count", "{name} {is_} a count of misclassified examples: divide it by m to get "
                "a fraction.", lambda: np.sum((AL > 0.5) != Y)),
        Mistake("no_threshold", "{name} compare{s} the probabilities AL with Y directly: first "
                "turn AL into 0/1 predictions with AL > 0.5, then count the ones that differ "
                "from Y.",
                lambda: np.mean(np.abs(AL - Y))),
    ]
    return Outcome(check_output(f(AL, Y), ref.classification_error(AL, Y), as_float("error"),
                                mistakes=mistakes, function="classification_error",
                                search=Problem(ref.classification_error, (AL, Y))))


@hidden_test(A, "compute_cost_mse", "random", 2)
def compute_cost_mse(f, rng):
    AL, Y, m = _batch(rng)
    return Outcome(check_output(f(AL, Y), ref.compute_cost_mse(AL, Y), as_float("cost"), m=m, mistakes=[
        Mistake("no_half", "{name} {is_} twice the expected value: the 1/2 of 1/(2m) is missing.",
                lambda: np.sum((AL - Y) ** 2) / m),
        Mistake("no_mean", "{name} {is_} 2m times too large: divide the sum by 2m.",
                lambda: np.sum((AL - Y) ** 2)),
        Mistake("no_square", "{name} {is_} not squared: use (AL - Y)**2.",
                lambda: np.sum(AL - Y) / (2 * m)),
    ], function="compute_cost_mse", search=Problem(ref.compute_cost_mse, (AL, Y))))


def _ce_mistakes(AL, Y, m):
    return [
        Mistake("log_al_twice", "{name} use{s} log(AL) in both terms: the (1 - Y) term needs log(1 - AL).",
                lambda: -np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL)) / m),
        Mistake("log_swapped", "{name} swap{s} the logs: Y goes with log(AL) and 1 - Y with log(1 - AL).",
                lambda: -np.sum(Y * np.log(1 - AL) + (1 - Y) * np.log(AL)) / m),
        Mistake("no_minus", "{name} {is_} negative: the cost has a minus sign in front of the sum.",
                lambda: np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m),
        Mistake("one_term", "{name} keep{s} only the Y * log(AL) term: add (1 - Y) * log(1 - AL), "
                "the term of the examples labelled 0.", lambda: -np.sum(Y * np.log(AL)) / m),
    ]


@hidden_test(A, "compute_cost_ce", "random", 2, description="AL strictly inside (0, 1)")
def compute_cost_ce(f, rng):
    AL, Y, m = _batch(rng)
    return Outcome(check_output(f(AL, Y), ref.compute_cost_ce(AL, Y), as_float("cost"), m=m,
                                mistakes=_ce_mistakes(AL, Y, m), function="compute_cost_ce",
                                search=Problem(ref.compute_cost_ce, (AL, Y))))


@hidden_test(A, "compute_cost_ce", "saturated", 1, description="AL exactly 0 or 1 in places")
def compute_cost_ce_saturated(f, rng):
    AL, Y, m = _saturated(rng)
    parts = check_output(f(AL, Y), ref.compute_cost_ce(AL, Y), as_float("cost"), m=m,
                         function="compute_cost_ce", search=Problem(ref.compute_cost_ce, (AL, Y)))
    for part in parts:
        if not part.ok and "NaN or inf" in part.message:
            part.message = part.key = ("cost is NaN or inf when AL is exactly 0 or 1: clip AL into "
                                       "[eps, 1 - eps] before taking logs.")
    return Outcome(parts)


@hidden_test(A, "compute_cost", "random", 2)
def compute_cost(f, rng):
    AL, Y, m = _batch(rng)
    return Outcome(check_output(f(AL, Y), ref.compute_cost(AL, Y), as_float("cost"), m=m,
                                mistakes=_ce_mistakes(AL, Y, m), function="compute_cost",
                                search=Problem(ref.compute_cost, (AL, Y))))


@hidden_test(A, "cost_derivative_mse", "random", 1)
def cost_derivative_mse(f, rng):
    AL, Y, m = _batch(rng)
    mistakes = [
        Mistake("sign", "{name} {has} the wrong sign: the derivative of (AL - Y)**2 / 2 with "
                "respect to AL is AL - Y, not Y - AL.", lambda: Y - AL),
        Mistake("averaged", "{name} {is_} divided by m: the derivative is per example; the 1/m "
                "comes later, in dW and db.", lambda: (AL - Y) / m),
        Mistake("doubled", "{name} {is_} twice too large: the 1/2 in the cost cancels the 2 of the "
                "square, so the derivative is AL - Y.", lambda: 2 * (AL - Y)),
        Mistake("squared", "{name} {is_} the squared error itself, not its derivative: "
                "d/dAL of (AL - Y)**2 / 2 is AL - Y.", lambda: (AL - Y) ** 2),
    ]
    return Outcome(check_output(f(AL, Y), ref.cost_derivative_mse(AL, Y), as_array("dAL"), m=m,
                                mistakes=mistakes, function="cost_derivative_mse",
                                search=Problem(ref.cost_derivative_mse, (AL, Y))))


@hidden_test(A, "cost_derivative_ce", "random", 2)
def cost_derivative_ce(f, rng):
    AL, Y, m = _batch(rng)
    mistakes = [
        Mistake("plus", "{name} add{s} the two terms: it is -(Y/AL - (1 - Y)/(1 - AL)), with a "
                "minus between them.", lambda: -(Y / AL + (1 - Y) / (1 - AL))),
        Mistake("averaged", "{name} {is_} divided by m: the derivative is per example; the 1/m "
                "comes later, in dW and db.", lambda: ref.cost_derivative_ce(AL, Y) / m),
        Mistake("no_minus", "{name} {has} the wrong sign: keep the minus in front, "
                "-(Y/AL - (1 - Y)/(1 - AL)).", lambda: Y / AL - (1 - Y) / (1 - AL)),
        Mistake("dz_shortcut", "{name} {is_} AL - Y, which is dZ of a sigmoid output layer, not "
                "dJ/dAL: return -(Y/AL - (1 - Y)/(1 - AL)) and let sigmoid_backward do the rest.",
                lambda: AL - Y),
    ]
    return Outcome(check_output(f(AL, Y), ref.cost_derivative_ce(AL, Y), as_array("dAL"), m=m,
                                mistakes=mistakes, function="cost_derivative_ce",
                                search=Problem(ref.cost_derivative_ce, (AL, Y))))


def _cost_function_case(f, rng, name):
    AL, Y, m = _batch(rng)
    obj = f(name)
    expected = ref.CostFunction(name)
    other = ref.CostFunction("CE" if name == "MSE" else "MSE")
    got = (f.method(obj, "compute_cost", AL, Y), f.method(obj, "compute_derivative", AL, Y))
    want = (expected.compute_cost(AL, Y), expected.compute_derivative(AL, Y))
    layout = Layout(lambda out: dict(zip(("compute_cost", "compute_derivative"), out, strict=True)),
                    ("compute_cost", "compute_derivative"), frozenset({"compute_cost"}))
    mistakes = [
        Mistake("swapped", f"{{name}} match{{es}} the {other.name} cost: {name!r} goes with "
                f"{_FUNCTIONS[name][0]} and {_FUNCTIONS[name][1]}.",
                lambda: (other.compute_cost(AL, Y), other.compute_derivative(AL, Y))),
        Mistake("averaged", "{name} {is_} divided by m: return the derivative per example, as "
                f"{_FUNCTIONS[name][1]} gives it; the 1/m comes later, in dW and db.",
                lambda: (want[0], want[1] / m)),
    ]
    parts = check_output(got, want, layout, m=m, mistakes=mistakes,
                         function=f"CostFunction({name!r})", search=Problem(_cost_function, (name, AL, Y)))
    for part in parts:
        if not part.ok and part.message:  # a mistake that explains both parts speaks once
            part.message = f"CostFunction({name!r}).{part.message}"
    return Outcome(parts)


def _cost_function(name, AL, Y):
    """What the hidden test asks of CostFunction(name): its cost and its derivative."""
    chosen = ref.CostFunction(name)
    return chosen.compute_cost(AL, Y), chosen.compute_derivative(AL, Y)


_FUNCTIONS = {"MSE": ("compute_cost_mse", "cost_derivative_mse"),
              "CE": ("compute_cost_ce", "cost_derivative_ce")}


@hidden_test(A, "CostFunction", "mse", 1, deps=COST_DEPS)
def cost_function_mse(f, rng):
    return _cost_function_case(f, rng, "MSE")


@hidden_test(A, "CostFunction", "ce", 1, deps=COST_DEPS)
def cost_function_ce(f, rng):
    return _cost_function_case(f, rng, "CE")


NO_ERROR = ("CostFunction({bad!r}) should raise a ValueError naming the choices \"MSE\" and \"CE\", but it "
            "raised nothing.")
OTHER_ERROR = "CostFunction({bad!r}) raised {kind}; a ValueError is expected."
UNNAMED_CHOICES = ("CostFunction({bad!r}) raised a ValueError, but its message should name both choices, "
                   "\"MSE\" and \"CE\".")


@hidden_test(A, "CostFunction", "unknown_name", 1, deps=COST_DEPS)
def cost_function_unknown(f, rng):
    bad = str(rng.choice(["L2", "mse", "cross-entropy", "Hinge"]))
    err = f.raises(bad)
    if err is None:
        return Outcome([said("error", NO_ERROR, bad=bad)])
    if not isinstance(err, ValueError):
        return Outcome([said("error", OTHER_ERROR, bad=bad, kind=type(err).__name__)])
    text = str(err)
    if "MSE" not in text or "CE" not in text:
        return Outcome([said("error", UNNAMED_CHOICES, bad=bad)])
    return Outcome([Part("error", True)])
