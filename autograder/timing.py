"""Where grading time goes: seconds per stage, for ``benchmarks/scale.py`` and anyone profiling.

A graded notebook's time is split into stages that do not overlap: ``collect()`` opens a record,
``stage(name)`` (a block) or ``switch(name)`` (from now until the next switch, or until the
enclosing stage ends) charge the seconds to ``name``, and a stage started inside another pauses
it, so the stages of one record add up to its wall time. The records live in the process that
does the work (a grading worker returns its own with each result). Cost: two clock reads a stage.

The stage names the grader uses are the constants below.
"""

import threading
import time
from contextlib import contextmanager

PREPARE = "prepare"  # find, read, restore and copy the submission
KERNEL_START = "kernel start"  # start the sandboxed kernel until it answers
STUDENT_CELLS = "student cells"  # run the notebook's own cells
HIDDEN_TESTS = "hidden tests"  # run the test cells (the oracle's checks included)
GRADEBOOK = "gradebook"  # SQL statements on nbgrader's gradebook, nbgrader's and ours
AUTOGRADE = "nbgrader autograde"  # the rest of nbgrader's autograde (sanitize, copy, write, kill)
RESULTS = "results"  # read the verdicts and the autograded notebook back
FEEDBACK = "feedback page"  # write the student's HTML feedback
LATE = "late penalties"  # due dates and penalties of the class, in the gradebook, once per run
REPORT = "CSVs and report"  # the class's CSVs and report, once per run

_lock = threading.RLock()
_records: list[dict[str, float]] = []
_stack: list[list] = []  # [name, started, switched]: the stage being timed is the last one


def _charge(now: float) -> None:
    if _stack and _records:
        name, started, _ = _stack[-1]
        for record in _records:
            record[name] = record.get(name, 0.0) + now - started
    if _stack:
        _stack[-1][1] = now


@contextmanager
def collect():
    """A record of the stages timed during the block: {stage: seconds}."""
    record: dict[str, float] = {}
    with _lock:
        if not _records:
            _stack.clear()  # stages timed outside any record (a kernel started by other code) end here
        _charge(time.perf_counter())
        _records.append(record)
        depth = len(_stack)
    try:
        yield record
    finally:
        with _lock:
            _charge(time.perf_counter())
            _records[:] = [r for r in _records if r is not record]  # by identity: records may be equal
            del _stack[depth:]  # stages left open by an exception
            if _stack:
                _stack[-1][1] = time.perf_counter()


def begin(name: str) -> None:
    with _lock:
        now = time.perf_counter()
        _charge(now)
        _stack.append([name, now, False])


def end() -> None:
    """Ends the innermost stage begun with ``begin`` (and any switched stage inside it)."""
    with _lock:
        now = time.perf_counter()
        _charge(now)
        while _stack and _stack[-1][2]:
            _stack.pop()
        if _stack:
            _stack.pop()
        if _stack:
            _stack[-1][1] = now  # the stage it paused goes on from here


def switch(name: str) -> None:
    """From now, charge ``name`` until the next switch or the end of the enclosing stage (outside
    any record: nothing, as no stage would ever end it)."""
    with _lock:
        if not _records:
            return
        now = time.perf_counter()
        _charge(now)
        if _stack and _stack[-1][2]:
            _stack.pop()
        _stack.append([name, now, True])


@contextmanager
def stage(name: str):
    begin(name)
    try:
        yield
    finally:
        end()


_watching = False


def watch_gradebook() -> None:
    """Charge every SQL statement run through SQLAlchemy (nbgrader's gradebook) to ``GRADEBOOK``."""
    global _watching
    if _watching:
        return
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    event.listen(Engine, "before_cursor_execute", lambda *a: begin(GRADEBOOK))
    event.listen(Engine, "after_cursor_execute", lambda *a: end())
    event.listen(Engine, "handle_error", lambda *a: end())
    _watching = True
