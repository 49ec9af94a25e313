"""How a ``Student`` reaches the student's code: a channel sends one ``call`` request to a probe
and returns its reply, answering the probe's ``dep`` requests (the stubs' calls) with the
reference meanwhile.

- ``SocketChannel``: the grading kernel's probe, on the other end of the oracle's socket;
- ``LocalChannel``: the same probe code run in this process on a namespace (authoring, nbval,
  unit tests): what the kernel does, minus the socket.

Either way the student's function is called by ``probe._call`` on copies decoded from plain data,
with the same stubs, so a verdict cannot depend on where the test ran.
"""

import warnings

import numpy as np

from autograder import reference

from . import probe, wire


class Interrupted(Exception):
    """The kernel interrupted the student's function (the cell's time limit)."""


def answer_dependency(message: dict) -> dict:
    """The grader's reply to a stub's ``dep`` request: the reference's value, or what it raised."""
    try:
        args, kwargs = wire.decode(message["args"]), wire.decode(message.get("kwargs") or {"dict": []})
        value = getattr(reference, message["name"])(*args, **kwargs)
    except Exception as err:  # the student passed the dependency something it rejects
        return {"raised": wire.exception_report(err)}
    return {"value": wire.encode(value)}


class SocketChannel:
    """One probe connection (a hidden test in the grading kernel)."""

    def __init__(self, sock):
        self.sock = sock

    def call(self, request: dict) -> dict:
        wire.send(self.sock, request)
        deps = request.get("deps") or {}
        while True:
            message = wire.receive(self.sock)
            if message.get("op") == "return":
                return message
            if message.get("op") == "interrupted":
                raise Interrupted()
            if message.get("op") == "dep" and message.get("name") in deps:
                wire.send(self.sock, answer_dependency(message))
            else:
                raise wire.ConnectionClosed("the probe broke the protocol")


class LocalChannel:
    """The probe run in this process on ``namespace`` (its handles kept for the next calls)."""

    def __init__(self, namespace: dict):
        self.namespace, self.handles = namespace, {}

    def call(self, request: dict) -> dict:
        return probe._call(_answer_quietly, self.namespace, self.handles, request)


def _answer_quietly(message: dict) -> dict:
    """``answer_dependency`` as the kernel sees it: there the reference runs in the grader's
    process, so what it warns about (a log(0) on the arguments a student passed) is never caught
    as the student's warning. Here it runs inside the probe's warning capture, so it is silenced."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return answer_dependency(message)
