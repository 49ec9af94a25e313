"""Run one hidden test inside the grading kernel and publish its result.

``grade_test`` returns the points earned as the cell's value (nbgrader records a numeric cell
value as partial credit) and displays a JSON result that the grader turns into the diagnosis,
the notes and the hints of the feedback.
"""

import json
import warnings

import numpy as np

from . import registry
from .outcome import Outcome
from .seeds import seed_for, student_id
from .student import LocalChannel, Student, StudentError

RESULT_MIME = "application/vnd.bpkit.result+json"

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


def run_test(test, namespace: dict, student: str) -> Outcome:
    """Run ``test`` against the function defined in ``namespace``, in this process (authoring,
    nbval and unit tests; grading runs the student's code in a sandboxed kernel instead, see
    ``autograder.sandbox``). The student's function is called by the same probe code as in a
    grading kernel, with the same dependency stubs, so the verdict is the kernel's. Never raises
    for student bugs."""
    global_rng_state = np.random.get_state()
    try:
        # The grader's own arithmetic (the known mistakes may take log(0)) warns nobody; the
        # student's warnings are caught by the probe and become hints.
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return evaluate(test, Student(LocalChannel(namespace, test.deps), test.function), student)
    finally:
        np.random.set_state(global_rng_state)


def evaluate(test, wrapped: Student, student: str) -> Outcome:
    """Run the registered test with ``wrapped`` standing in for the student's function."""
    rng = np.random.default_rng(seed_for(student, test.assignment, test.grade_id))
    try:
        outcome = test.run(wrapped, rng)
    except StudentError as err:
        outcome = Outcome.failed(str(err), key=err.key)
    except RecursionError:
        outcome = Outcome.failed(f"{test.function} recursed without end.")
    if not test.judges_signature:
        outcome = _with_signature(outcome, wrapped.signature_problem)
    outcome.notes.extend(wrapped.notes)
    return _with_hints(outcome, wrapped.warnings)


def _with_signature(outcome: Outcome, problem) -> Outcome:
    """A definition with the wrong parameters: its failures are told as that (not as a TypeError
    from inside the test, or as values computed from arguments in the wrong places)."""
    if problem is None:
        return outcome
    kind, message = problem
    if kind == "wrong" and outcome.fraction < 1:
        failed = [part for part in outcome.parts if not part.ok]
        for part in failed:
            part.message = ""
        failed[0].message = message
        outcome.lead = ""
    elif message not in outcome.notes:
        outcome.notes.append(message)
    return outcome


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
