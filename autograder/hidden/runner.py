"""Run one hidden test inside the grading kernel and publish its result.

``grade_test`` returns the points earned as the cell's value (nbgrader records a numeric cell
value as partial credit) and displays a JSON result that the grader turns into the diagnosis,
the notes and the hints of the feedback.
"""

import contextlib
import io
import json
import warnings

import numpy as np

from autograder import reference

from . import registry
from .outcome import Outcome
from .seeds import seed_for, student_id
from .student import Student, StudentError

RESULT_MIME = "application/vnd.bpkit.result+json"
_MISSING = object()

# Warnings a student's code typically raises, turned into advice instead of a zeroed cell.
WARNING_HINTS = (
    ("divide by zero encountered in log", "log(0) happened: clip AL away from 0 and 1 first, "
     "for example np.clip(AL, 1e-12, 1 - 1e-12)."),
    ("overflow encountered in exp", "exp overflowed for large |Z|: compute the sigmoid in a "
     "numerically stable way (or use the provided sigmoid)."),
    ("invalid value encountered", "a NaN appeared (0 * log 0, 0/0 or inf - inf): look for log(0) "
     "or a division by 0."),
    ("divide by zero", "a division by zero happened: check divisions by AL or 1 - AL."),
)


def _hint(message: str) -> str:
    for needle, advice in WARNING_HINTS:
        if needle in message:
            return advice
    return f"Python warned while your code ran: {message}"


@contextlib.contextmanager
def _reference_dependencies(namespace: dict, names):
    """Swap the functions the tested one calls for reference ones, and put them back after."""
    saved = {name: namespace.get(name, _MISSING) for name in names}
    namespace.update({name: getattr(reference, name) for name in names})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is _MISSING:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def run_test(test, namespace: dict, student: str) -> Outcome:
    """Run ``test`` against the function defined in ``namespace``, in this process (authoring,
    nbval and unit tests; grading runs the student's code in a sandboxed kernel instead, see
    ``autograder.sandbox``). Never raises for student bugs."""
    fn = namespace.get(test.function)
    if fn is None:
        return Outcome.failed(
            f"{test.function} is not defined: run the cell that defines it and keep its name."
        )
    sink = io.StringIO()
    with (
        _reference_dependencies(namespace, test.deps),
        warnings.catch_warnings(record=True) as caught,
        contextlib.redirect_stdout(sink),
        contextlib.redirect_stderr(sink),
        np.errstate(all="warn"),
    ):
        warnings.simplefilter("always")
        wrapped = Student(fn, test.function)
        global_rng_state = np.random.get_state()
        outcome = evaluate(test, wrapped, student)
        np.random.set_state(global_rng_state)
    return _with_hints(outcome, [str(w.message) for w in caught])


def evaluate(test, wrapped: Student, student: str) -> Outcome:
    """Run the registered test with ``wrapped`` standing in for the student's function."""
    rng = np.random.default_rng(seed_for(student, test.assignment, test.grade_id))
    try:
        outcome = test.run(wrapped, rng)
    except StudentError as err:
        outcome = Outcome.failed(str(err), key=err.key)
    except RecursionError:
        outcome = Outcome.failed(f"{test.function} recursed without end.")
    outcome.notes.extend(wrapped.notes)
    return _with_hints(outcome, getattr(wrapped, "warnings", []))


def _with_hints(outcome: Outcome, messages) -> Outcome:
    for message in messages:
        hint = _hint(message)
        if hint not in outcome.hints:
            outcome.hints.append(hint)
    return outcome


def result_of(test, outcome: Outcome) -> dict:
    earned = round(test.points * outcome.fraction, 6)
    return {
        "grade_id": test.grade_id,
        "function": test.function,
        "score": earned,
        "max_score": test.points,
        "diagnosis": outcome.diagnosis,
        "diagnosis_key": outcome.diagnosis_key,
        "notes": outcome.notes,
        "hints": outcome.hints,
    }


def summary_text(result: dict) -> str:
    mark = "passed" if result["score"] >= result["max_score"] else "FAILED"
    lines = [f"{result['function']} ({result['grade_id']}): {mark}, "
             f"{result['score']:g} of {result['max_score']:g} points"]
    if result["diagnosis"]:
        lines.append(f"  {result['diagnosis']}")
    lines += [f"  note: {n}" for n in result["notes"]]
    lines += [f"  hint: {h}" for h in result["hints"]]
    return "\n".join(lines)


def grade_test(grade_id: str, namespace: dict) -> float:
    """Run a hidden test in a notebook and return the points earned (the cell's value)."""
    test = registry.get(grade_id)
    result = result_of(test, run_test(test, namespace, student_id()))
    try:
        from IPython.display import display
    except ImportError:  # outside a kernel: print the summary
        print(summary_text(result))
    else:
        display({"text/plain": summary_text(result), RESULT_MIME: json.loads(json.dumps(result))}, raw=True)
    return result["score"]
