"""The student's function as a registered test sees it: a ``Student`` stands in for it.

The test calls ``Student`` like the function (``f(dZ, cache)``), reads an answer variable
(``f.value()``), calls a method of an object the function returned (``f.method(obj, name, ...)``)
or asks what it raises (``f.raises(...)``). Each becomes a ``call`` request over a channel
(``channel.py``): the probe calls the student's code on copies of the arguments, with stubs for
the dependencies the test names, and the reply becomes values, notes, warnings, or a
``StudentError`` whose message is the diagnosis (worded in ``messages.py``).
"""

import numpy as np

from . import messages, wire


class StudentError(Exception):
    """The student's code could not be graded on this call: the message is the diagnosis.
    ``key`` is the kind of diagnosis, the same for every student ("f raised TypeError" for any
    TypeError); ``unanswered``: the function or answer is still the release's stub."""

    def __init__(self, message: str, *, key: str = "", unanswered: bool = False):
        super().__init__(message)
        self.key, self.unanswered = key or message, unanswered


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


class Student:
    """Stands in for the student's function (or answer variable) ``name`` in a registered test.

    ``stubs``: name -> the course's parameters of each dependency the probe replaces by a stub
    (``hidden.signatures.stub_specs``); ``mismatch(label, params)``: how a definition's parameters
    differ from the course's, None or (kind, message) (``hidden.signatures.mismatch``)."""

    def __init__(self, channel, name: str, stubs: dict | None = None, mismatch=None):
        self.channel, self.name = channel, name
        self.stubs, self._mismatch = dict(stubs or {}), mismatch
        self.notes: list[str] = []
        self.warnings: list[str] = []
        self.signature_problem: tuple[str, str] | None = None  # (kind, message), see ``mismatch``
        self._checked: set[str] = set()

    def __call__(self, *args):
        return self.call(self.name, self.name, *args)

    def _send(self, target, args) -> dict:
        return self.channel.call({"op": "call", "target": target, "args": wire.encode(args), "deps": self.stubs})

    def _reply(self, target, label, args):
        reply = self._send(target, args)
        self.warnings += [str(w) for w in reply.get("warnings", [])]
        if reply.get("undefined"):
            raise StudentError(messages.NOT_DEFINED.format(label=label))
        if reply.get("missing_method"):
            raise StudentError(messages.NO_METHOD.format(name=self.name, method=target["method"]))
        self._check_signature(label, reply.get("params"))
        return reply

    def _check_signature(self, label, params):
        if label in self._checked or self._mismatch is None:
            return
        self._checked.add(label)
        try:
            found = self._mismatch(label, params)
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
                raise StudentError(messages.UNWRITTEN.format(label=label), unanswered=True)
            if kind == "recursion":
                raise StudentError(messages.RECURSION.format(label=label))
            if kind == "unreadable":
                raise StudentError(messages.NOT_PLAIN_DATA.format(label=label, detail=raised.get("message", "")))
            message, key = messages.raised(label, raised)
            raise StudentError(message, key=key)
        out, after = wire.decode(reply["value"]), wire.decode(reply["args"])
        if not _same(after, args):
            note = messages.CHANGED_ARGUMENTS.format(label=label)
            if note not in self.notes:
                self.notes.append(note)
        return out

    def value(self):
        """The value the student assigned to the variable ``name`` (a concept question's answer)."""
        reply = self._send({"value": self.name}, ())
        if reply.get("undefined"):
            raise StudentError(messages.UNANSWERED_QUESTION.format(name=self.name), unanswered=True)
        raised = reply.get("raised")
        if raised:
            raise StudentError(messages.ANSWER_NOT_PLAIN_DATA.format(name=self.name, detail=raised.get("message", "")))
        return wire.decode(reply["value"])

    def method(self, obj, method: str, *args):
        """Call ``method`` of ``obj``, an object the student's code returned (a handle: the
        object itself stayed with the probe)."""
        if not isinstance(obj, wire.Opaque) or obj.handle is None:
            raise StudentError(messages.NO_METHOD.format(name=self.name, method=method))
        return self.call({"handle": obj.handle, "method": method}, f"{self.name}.{method}", *args)

    def raises(self, *args):
        """The exception the function raises on ``args`` (rebuilt by ``wire.rebuild_exception``),
        or None if it returns normally."""
        reply = self._reply(self.name, self.name, args)
        raised = reply.get("raised")
        if not raised or raised.get("kind") == "unreadable":  # it returned (something that is not plain data)
            return None
        return wire.rebuild_exception(raised)
