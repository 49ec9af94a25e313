"""The grader side of a hidden test: the reference, the inputs and the verdict, in the grader's
own process.

``Oracle`` listens on a Unix socket, a file in the kernel's job folder (which the sandbox binds
in, so it reaches the grader from the kernel's own network namespace; its path and a token are in
the kernel's environment), while nbgrader runs a notebook. Each hidden cell's probe connects,
names its test, and serves the calls of a ``Student`` (``hidden/student.py``), which stands in
for the student's function in the registered test: the test draws its inputs, computes the
expected values with the reference and compares, all here. The results are kept per grade id, so the points of the
tests that ran survive a kernel that dies later in the notebook.

A function that ran past the cell time limit once (in a hidden test, or in a visible check cell
that calls it: ``cell_error``, nbclient's hook) costs no second timeout: its further hidden tests
score 0 at once, saying where it timed out. Other functions' tests run as usual.
"""

import os
import re
import secrets
import socket
import threading
import uuid
from pathlib import Path

from ..hidden import registry
from ..hidden.outcome import Outcome
from ..hidden.runner import evaluate, result_of, summary_text
from ..hidden.student import Student, answer_dependency, dependency_specs
from . import wire
from .probe import ORACLE_ENV

INTERRUPTED = "The test did not finish: the kernel stopped while it ran."
TIMED_OUT = ("The test did not finish within the time limit for a cell: look for an endless loop or "
             "very slow code.")
STOPPED = "stopped: this function ran past the time limit in {test}, so its further tests were not run."
CELL_TIMEOUT_ERROR = "CellTimeoutError"  # the error nbgrader's Execute records for a cell past its time limit
_current: "Oracle | None" = None  # the oracle of the notebook this process is grading (one at a time)


class Interrupted(Exception):
    """The kernel interrupted the student's function (the cell's time limit)."""


class _Channel:
    """One probe connection: sends requests and answers the probe's dependency calls meanwhile
    (``hidden.student.LocalChannel`` is the same without the socket)."""

    def __init__(self, sock, deps):
        self.sock, self.deps = sock, dependency_specs(deps)

    def call(self, target, args) -> dict:
        wire.send(self.sock, {"op": "call", "target": target, "args": wire.encode(args), "deps": self.deps})
        while True:
            message = wire.receive(self.sock)
            if message.get("op") == "return":
                return message
            if message.get("op") == "interrupted":
                raise Interrupted()
            if message.get("op") == "dep" and message.get("name") in self.deps:
                wire.send(self.sock, answer_dependency(message))
            else:
                raise wire.ConnectionClosed("the probe broke the protocol")


class Oracle:
    """Serve hidden tests for one (student, assignment) while nbgrader runs the notebook."""

    def __init__(self, student: str, assignment: str, folder: Path):
        self.student, self.assignment = student, assignment
        self.results: dict[str, dict] = {}
        self.address = str(Path(folder) / f"oracle-{uuid.uuid4().hex[:8]}")
        self.token = secrets.token_hex(16)  # only this job's kernel has it (in its environment)
        self.stopped: dict[str, str] = {}  # function -> the test (grade id) where it ran past the limit
        self._sock = None
        self._thread = None

    def __enter__(self):
        global _current
        _current = self
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._sock.bind(self.address)
        self._sock.listen(4)
        self._thread = threading.Thread(target=self._serve, name="oracle", daemon=True)
        self._thread.start()
        os.environ[ORACLE_ENV] = f"{self.address} {self.token}"
        return self

    def __exit__(self, *exc):
        global _current
        _current = None
        os.environ.pop(ORACLE_ENV, None)
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()
        self._thread.join(timeout=10)

    def _serve(self):
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with conn:
                try:
                    self._handle(conn)
                except (wire.ConnectionClosed, OSError, ValueError):
                    pass

    def _handle(self, conn):
        start = wire.receive(conn)
        if not secrets.compare_digest(str(start.get("token", "")), self.token):
            return
        grade_id = str(start.get("grade_id"))
        try:
            test = registry.get(grade_id)
        except KeyError:
            return
        if test.assignment != self.assignment:
            return
        if test.function in self.stopped:
            result = result_of(test, Outcome.failed(STOPPED.format(test=self.stopped[test.function])))
            self.results[grade_id] = result
            wire.send(conn, {"op": "done", "text": summary_text(result), "result": result, "score": 0})
            return
        self.results[grade_id] = {**result_of(test, Outcome.failed(INTERRUPTED)), "interrupted": True}
        student = Student(_Channel(conn, test.deps), test.function)
        try:
            result = result_of(test, evaluate(test, student, self.student))
        except Interrupted:
            self.results[grade_id] = result_of(test, Outcome.failed(TIMED_OUT))
            self.stopped.setdefault(test.function, grade_id)
            return
        self.results[grade_id] = result
        wire.send(conn, {"op": "done", "text": summary_text(result), "result": result, "score": result["score"]})


def cell_error(cell, cell_index, execute_reply) -> None:
    """nbclient's ``on_cell_error`` hook: a visible check cell that ran past the time limit stops
    the graded functions it calls (hidden test cells tell the oracle themselves)."""
    oracle = _current
    if oracle is None or execute_reply["content"].get("ename") != CELL_TIMEOUT_ERROR:
        return
    label = (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id") or f"cell {cell_index + 1}"
    for function in registry.functions_of(oracle.assignment):
        if re.search(rf"(?<![\w.]){re.escape(function)}\s*\(", cell.get("source", "")):
            oracle.stopped.setdefault(function, label)
