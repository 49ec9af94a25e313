"""What a student reads about calling their code: every sentence of the kernel link, once.

The in-process runner (``hidden/runner.py``) and the grading kernel's oracle (``oracle.py``) both
word their verdicts from here, so a student reads the same words whichever ran the test.
Templates are ``str.format`` strings; ``label`` is what was called (``linear_backward``,
``CostFunction.compute_cost``), ``name`` the graded function or answer variable.
"""

from . import wire

NOT_DEFINED = "{label} is not defined: run the cell that defines it and keep its name."
NO_METHOD = "{name} objects have no method {method}()."
UNWRITTEN = "{label} is not written yet: replace `raise NotImplementedError()` with your code."
UNANSWERED_QUESTION = ("{name} is not answered yet (its answer is not written yet): replace "
                       "`raise NotImplementedError()` with your answer and run the cell.")
RECURSION = "{label} recursed without end."
NOT_PLAIN_DATA = ("{label} returned something that is not plain data ({detail}): return numpy arrays, numbers, "
                  "tuples, lists or dicts.")
ANSWER_NOT_PLAIN_DATA = ("{name} holds something that is not plain data ({detail}): answer with a letter, a "
                         "tuple or a number.")
RAISED = "{label} raised {kind}: {message}"
RAISED_KEY = "{label} raised {kind}"  # the kind of diagnosis RAISED is: the same for any message
CHANGED_ARGUMENTS = ("{label} changed the arrays passed to it (in place). That costs nothing here, but callers "
                     "may not expect it: work on copies (copy.deepcopy) or new arrays.")

# A test that did not finish (the oracle's verdicts; ``grading/results.py`` for a cell's own error).
INTERRUPTED = "The test did not finish: the kernel stopped while it ran."
TIMED_OUT = "The test did not finish within {limit}: look for an endless loop or very slow code."
STOPPED = "stopped: this function ran past the time limit in {test}, so its further tests were not run."

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
WARNED = "Python warned while your code ran: {message}"


def raised(label: str, report: dict) -> tuple[str, str]:
    """(message, key) for a call of ``label`` that raised the exception ``report``
    (``wire.exception_report``): "f raised TypeError: ..." and "f raised TypeError"."""
    kind = wire.exception_names(report)[0]
    return (RAISED.format(label=label, kind=kind, message=report.get("message", "")),
            RAISED_KEY.format(label=label, kind=kind))


def timed_out(seconds: float | None = None, *, cell: bool = False) -> str:
    """TIMED_OUT for a limit of ``seconds``; when its length is not known, "the time limit" (for a
    cell, with ``cell``)."""
    if seconds:
        return TIMED_OUT.format(limit=f"the {seconds} s time limit")
    return TIMED_OUT.format(limit="the time limit for a cell" if cell else "the time limit")


def hint(warning: str) -> str:
    """The advice for a warning the student's code raised."""
    for needle, advice in WARNING_HINTS:
        if needle in warning:
            return advice
    return WARNED.format(message=warning)
