"""Run a registered hidden test and turn what it found into the verdict (``result_of``) and the
text a student reads (``summary_text``).

``evaluate`` is the one way a test runs: the oracle (``autograder.link.oracle``) calls it with a
channel to the grading kernel's probe, ``run_test`` with the probe code run in this process
(authoring, nbval, unit tests). ``grade_test`` is a hidden cell run in process: it returns the
points earned as the cell's value (nbgrader records a numeric cell value as partial credit) and
publishes the result as the probe does.
"""

import json
import warnings

import numpy as np

from ..link import messages
from ..link.channel import LocalChannel
from ..link.probe import publish
from ..link.status import Status
from ..link.student import Student, StudentError
from . import registry, signatures
from .outcome import Outcome
from .seeds import seed_for, student_id


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
            return evaluate(test, LocalChannel(namespace), student)
    finally:
        np.random.set_state(global_rng_state)


def evaluate(test, channel, student: str) -> Outcome:
    """Run the registered test with a ``Student`` on ``channel`` (``autograder.link.channel``)
    standing in for the student's function."""
    wrapped = Student(channel, test.function, {name: signatures.stub_specs(name) for name in test.deps},
                      signatures.mismatch)
    rng = np.random.default_rng(seed_for(student, test.assignment, test.grade_id))
    try:
        outcome = test.run(wrapped, rng)
    except StudentError as err:
        outcome = Outcome.failed(str(err), key=err.key, unanswered=err.unanswered)
    except RecursionError:
        outcome = Outcome.failed(messages.RECURSION.format(label=test.function))
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


def _with_hints(outcome: Outcome, warned) -> Outcome:
    for warning in warned:
        hint = messages.hint(warning)
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
        "status": Status.of(earned, test.points, unanswered=outcome.unanswered).value,
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
    publish(summary_text(result), json.loads(json.dumps(result)))
    return result["score"]
