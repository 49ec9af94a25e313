"""Calling student code from a hidden test, the same way wherever the code lives.

A hidden test talks to the student's function through a ``Student`` and a channel. The channel
hands a ``call`` request to the probe (``autograder/link/probe.py``): in a grading kernel
over a socket (``oracle._Channel``), in this process for authoring, nbval and unit tests
(``LocalChannel``). Either way the same probe code calls the function on copies decoded from
plain data (``wire``), with the same stubs for its dependencies (answered by
``answer_dependency``), and the same ``Student`` turns the reply into values and diagnoses. So a
test's verdict cannot depend on where it ran.
"""

import builtins
import re
import warnings

import numpy as np

from autograder import reference

from ..link import probe, wire
from . import signatures


class StudentError(Exception):
    """The student's code raised: the message is the diagnosis."""

    @property
    def key(self) -> str:
        """The message without the exception's own text: "f raised TypeError" for any TypeError."""
        found = re.match(r"(\S+ raised \w+):", str(self))
        return found.group(1) if found else str(self)


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape and (
            np.array_equal(a, b, equal_nan=True)
        )
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    try:
        return bool(a == b)
    except Exception:
        return False


def dependency_specs(deps) -> dict:
    """What a ``call`` request carries about the stubs: name -> the course's parameters."""
    return {name: signatures.stub_specs(name) for name in deps}


def answer_dependency(message: dict) -> dict:
    """The grader's reply to a stub's ``dep`` request: the reference's value, or what it raised."""
    try:
        args, kwargs = wire.decode(message["args"]), wire.decode(message.get("kwargs") or {"dict": []})
        value = getattr(reference, message["name"])(*args, **kwargs)
    except Exception as err:  # the student passed the dependency something it rejects
        return {"raised": {"mro": [c.__name__ for c in type(err).__mro__], "message": str(err)}}
    return {"value": wire.encode(value)}


class LocalChannel:
    """The probe run in this process on ``namespace``: what the kernel does, minus the socket."""

    def __init__(self, namespace: dict, deps):
        self.namespace, self.deps = namespace, dependency_specs(deps)
        self.handles: dict = {}

    def call(self, target, args) -> dict:
        request = {"op": "call", "target": target, "args": wire.encode(args), "deps": self.deps}
        return probe._call(_answer_quietly, self.namespace, self.handles, request)


def _answer_quietly(message: dict) -> dict:
    """``answer_dependency`` as the kernel sees it: there the reference runs in the grader's
    process, so what it warns about (a log(0) on the arguments a student passed) is never caught
    as the student's warning. Here it runs inside the probe's warning capture, so it is silenced."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return answer_dependency(message)


class Student:
    """Stands in for the student's function ``name`` in a registered test."""

    def __init__(self, channel, name: str):
        self.channel, self.name = channel, name
        self.notes: list[str] = []
        self.warnings: list[str] = []
        self.signature_problem: tuple[str, str] | None = None  # (kind, message), see signatures.mismatch
        self._checked: set[str] = set()

    def __call__(self, *args):
        return self.call(self.name, self.name, *args)

    def _reply(self, target, label, args):
        reply = self.channel.call(target, args)
        self.warnings += [str(w) for w in reply.get("warnings", [])]
        if reply.get("undefined"):
            raise StudentError(f"{label} is not defined: run the cell that defines it and keep its name.")
        if reply.get("missing_method"):
            raise StudentError(f"{self.name} objects have no method {target['method']}().")
        self._check_signature(label, reply.get("params"))
        return reply

    def _check_signature(self, label, params):
        if label in self._checked:
            return
        self._checked.add(label)
        try:
            found = signatures.mismatch(label, params)
        except AttributeError:  # a name the reference does not have: nothing to compare with
            return
        if found and (self.signature_problem is None or found[0] == "wrong"):
            self.signature_problem = found

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

    def value(self):
        """The value the student assigned to the variable ``name`` (a concept question's answer)."""
        reply = self.channel.call({"value": self.name}, ())
        if reply.get("undefined"):
            # "is not written yet" also counts it as unanswered in the report, like a stub function
            raise StudentError(f"{self.name} is not answered yet (its answer is not written yet): replace "
                               "`raise NotImplementedError()` with your answer and run the cell.")
        raised = reply.get("raised")
        if raised:
            raise StudentError(f"{self.name} holds something that is not plain data "
                               f"({raised.get('message', '')}): answer with a letter, a tuple or a number.")
        return wire.decode(reply["value"])

    def method(self, obj, method: str, *args):
        if not isinstance(obj, wire.Opaque) or obj.handle is None:
            raise StudentError(f"{self.name} objects have no method {method}().")
        return self.call({"handle": obj.handle, "method": method}, f"{self.name}.{method}", *args)

    def raises(self, *args):
        """The exception the function raises on ``args``, or None if it returns normally."""
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
        for name in raised["mro"]:
            base = getattr(builtins, name, None)
            if isinstance(base, type) and issubclass(base, BaseException):
                kind = base if name == raised["mro"][0] else type(raised["mro"][0], (base,), {})
                return kind(raised.get("message", ""))
        return Exception(raised.get("message", ""))
