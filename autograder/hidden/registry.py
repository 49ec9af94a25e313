"""The single list of hidden tests: grade ids, graded functions, points and dependencies.

Suites register tests with ``@hidden_test``; the authoring DSL writes one hidden cell per
registered test, so the points in the notebooks always agree with this list.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from .outcome import Outcome

ASSIGNMENTS = (
    "01_cost_functions",
    "02_backward_step",
    "03_L_model_backward",
    "04_update_rule",
    "05_cat_dog_classifier",
)


@dataclass(frozen=True)
class HiddenTest:
    assignment: str
    function: str
    case: str
    points: float
    deps: tuple[str, ...]  # replaced by the reference implementations while the test runs
    run: Callable[..., Outcome]  # run(student, rng) -> Outcome
    description: str
    # The test names a wrong definition itself (the debugging labs hand out swapped parameters on
    # purpose): the generic "takes (...); the assignment asks for (...)" is not put over its words.
    judges_signature: bool = False
    concept: bool = False  # a concept question: ``function`` names the answer variable

    @property
    def grade_id(self) -> str:
        return f"test_{self.function}_{self.case}"


_TESTS: dict[str, HiddenTest] = {}


def hidden_test(assignment, function, case, points, deps=(), description="", judges_signature=False, concept=False):
    """Register ``run(student, rng) -> Outcome`` as a hidden test of ``function`` (or, with
    ``concept``, of the answer variable ``function`` of a concept question)."""

    def register(run):
        test = HiddenTest(assignment, function, case, float(points), tuple(deps), run, description,
                          judges_signature, concept)
        if test.grade_id in _TESTS:
            raise ValueError(f"duplicate hidden test {test.grade_id}")
        _TESTS[test.grade_id] = test
        return run

    return register


# The suite modules of an assignment, in the order their tests appear (a debugging lab's tests
# come after the rest of its assignment's); an assignment not named here has one suite, its name.
SUITES = {
    "01_cost_functions": ("cost_functions", "cost_lab"),
    "03_L_model_backward": ("L_model_backward", "backward_lab"),
}


def _load() -> dict[str, HiddenTest]:
    """Every registered test. The suites register themselves when imported; importing them all
    here (not only when nothing is registered yet) keeps the list whole even after one suite
    module was imported on its own first."""
    for assignment in ASSIGNMENTS:
        for suite in SUITES.get(assignment, (assignment[3:],)):
            importlib.import_module(f".suites.{suite}", __package__)
    importlib.import_module(".questions", __package__)
    return _TESTS


def get(grade_id: str) -> HiddenTest:
    try:
        return _load()[grade_id]
    except KeyError:
        raise KeyError(f"no hidden test {grade_id!r}") from None


def all_tests(concepts: bool = True) -> list[HiddenTest]:
    """Every hidden test; without ``concepts``, the tests of graded functions only."""
    return [t for t in _load().values() if concepts or not t.concept]


def tests_for(assignment: str, function: str | None = None) -> list[HiddenTest]:
    return [
        t for t in _load().values()
        if t.assignment == assignment and (function is None or t.function == function)
    ]


def functions_of(assignment: str) -> list[str]:
    """The graded functions of an assignment, in registration order (not its concept questions)."""
    return list(dict.fromkeys(t.function for t in tests_for(assignment) if not t.concept))


def concepts_of(assignment: str) -> list[str]:
    """The answer variables of an assignment's concept questions, in registration order."""
    return list(dict.fromkeys(t.function for t in tests_for(assignment) if t.concept))
