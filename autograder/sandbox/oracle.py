"""The grader side of a hidden test: the reference, the inputs and the verdict, in the grader's
own process.

``Oracle`` listens on a Unix socket, a file in the kernel's job folder (which the sandbox binds
in, so it reaches the grader from the kernel's own network namespace; its path and a token are in
the kernel's environment), while nbgrader runs a notebook. Each hidden cell's probe connects,
names its test, and serves the calls of ``RemoteStudent``, which stands in for the student's
function in the registered test: the test draws its inputs, computes the expected values with
the reference and compares, all here. The results are kept per grade id, so the points of the
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

from autograder import reference

from ..hidden import registry
from ..hidden.outcome import Outcome
from ..hidden.runner import evaluate, result_of, summary_text
from ..hidden.student import Student, StudentError, _same
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
    """One probe connection: sends requests and answers the probe's dependency calls meanwhile."""

    def __init__(self, sock, deps):
        self.sock, self.deps = sock, tuple(deps)

    def call(self, target, args) -> dict:
        wire.send(self.sock, {"op": "call", "target": target, "args": wire.encode(args), "deps": list(self.deps)})
        while True:
            message = wire.receive(self.sock)
            if message.get("op") == "return":
                return message
            if message.get("op") == "interrupted":
                raise Interrupted()
            if message.get("op") == "dep" and message.get("name") in self.deps:
                wire.send(self.sock, self._dependency(message))
            else:
                raise wire.ConnectionClosed("the probe broke the protocol")

    def _dependency(self, message) -> dict:
        try:
            args = wire.decode(message["args"])
            value = getattr(reference, message["name"])(*args)
        except Exception as err:  # the student passed the dependency something it rejects
            return {"raised": {"mro": [c.__name__ for c in type(err).__mro__], "message": str(err)}}
        return {"value": wire.encode(value)}


class RemoteStudent(Student):
    """``Student`` whose function lives in the kernel: same interface, same diagnoses."""

    def __init__(self, channel: _Channel, name: str):
        super().__init__(None, name)
        self.channel = channel
        self.warnings: list[str] = []

    def __call__(self, *args):
        return self.call(self.name, self.name, *args)

    def _reply(self, target, label, args):
        reply = self.channel.call(target, args)
        self.warnings += [str(w) for w in reply.get("warnings", [])]
        if reply.get("undefined"):
            raise StudentError(f"{label} is not defined: run the cell that defines it and keep its name.")
        if reply.get("missing_method"):
            raise StudentError(f"{self.name} objects have no method {target['method']}().")
        return reply

    def call(self, target, label, *args):
        reply = self._reply(target, label, args)
        raised = reply.get("raised")
        if raised:
            kind = raised.get("kind")
            if kind == "not_implemented":
                raise StudentError(f"{label} is not written yet: replace `raise NotImplementedError()` "
                                   "with your code.")
            if kind == "recursion":
                raise StudentError(f"{label} recursed without end.")
            if kind == "unreadable":
                raise StudentError(f"{label} returned something that is not plain data "
                                   f"({raised.get('message', '')}): return numpy arrays, numbers, "
                                   "tuples, lists or dicts.")
            raise StudentError(f"{label} raised {raised['mro'][0]}: {raised.get('message', '')}")
        out, after = wire.decode(reply["value"]), wire.decode(reply["args"])
        if not _same(after, args):
            note = (f"{label} changed the arrays passed to it (in place). That costs nothing here, "
                    "but callers may not expect it: work on copies (copy.deepcopy) or new arrays.")
            if note not in self.notes:
                self.notes.append(note)
        return out

    def method(self, obj, method: str, *args):
        if not isinstance(obj, wire.Opaque) or obj.handle is None:
            raise StudentError(f"{self.name} objects have no method {method}().")
        return self.call({"handle": obj.handle, "method": method}, f"{self.name}.{method}", *args)

    def raises(self, *args):
        reply = self._reply(self.name, self.name, args)
        raised = reply.get("raised")
        if not raised:
            return None
        kind = raised.get("kind")
        if kind == "unreadable":  # it returned (something that is not plain data)
            return None
        if kind != "exception":
            return {"not_implemented": NotImplementedError, "recursion": RecursionError}.get(kind, ValueError)(
                raised.get("message", ""))
        import builtins

        for name in raised["mro"]:
            base = getattr(builtins, name, None)
            if isinstance(base, type) and issubclass(base, BaseException):
                kind = base if name == raised["mro"][0] else type(raised["mro"][0], (base,), {})
                return kind(raised.get("message", ""))
        return Exception(raised.get("message", ""))


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
        student = RemoteStudent(_Channel(conn, test.deps), test.function)
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
