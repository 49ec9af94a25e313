"""The kernel side of a hidden test: calls the student's functions when the grader asks.

During grading this file is the only "autograder.hidden" a kernel can import (a copy, next to a
copy of ``wire.py``): it holds no test, no expected value and no reference code. A hidden test
cell calls ``grade_test(grade_id, globals())``; the probe connects to the grader named in the
environment, then serves its requests until the grader says the test is done:

- ``call``: call a function of the notebook (or a method of an object an earlier call returned)
  on the given arguments, with the functions it depends on replaced by stubs that ask the grader;
- and finally ``done``: show the grader's verdict in the cell and return the points.
"""

import contextlib
import io
import os
import socket
import warnings

import numpy as np

from . import wire

ORACLE_ENV = "AUTOGRADER_ORACLE"
RESULT_MIME = "application/vnd.bpkit.result+json"
_busy = False


def _exception_report(err: BaseException) -> dict:
    try:
        message = str(err)
    except Exception:
        message = ""
    return {"kind": "exception", "mro": [c.__name__ for c in type(err).__mro__], "message": message[:2000]}


def _raise_reported(report: dict):
    import builtins

    base = next((getattr(builtins, n) for n in report.get("mro", []) if isinstance(getattr(builtins, n, None), type)
                 and issubclass(getattr(builtins, n), Exception)), Exception)
    raise base(report.get("message", ""))


class _Stub:
    """Stands in for a dependency: its calls are answered by the grader."""

    def __init__(self, sock, name):
        self.sock, self.__name__ = sock, name

    def __call__(self, *args):
        wire.send(self.sock, {"op": "dep", "name": self.__name__, "args": wire.encode(args)})
        reply = wire.receive(self.sock)
        if reply.get("raised"):
            _raise_reported(reply["raised"])
        return wire.decode(reply["value"])


def _call(sock, namespace: dict, handles: dict, request: dict) -> dict:
    target = request["target"]
    if isinstance(target, str):
        fn = namespace.get(target)
        if fn is None:
            return {"op": "return", "undefined": True}
    else:
        obj = handles.get(target["handle"])
        fn = getattr(obj, target["method"], None)
        if fn is None:
            return {"op": "return", "missing_method": True}
    args = wire.decode(request["args"])
    deps = request.get("deps", [])
    saved = {name: namespace.get(name, wire) for name in deps}  # `wire` marks "was not defined"
    namespace.update({name: _Stub(sock, name) for name in deps})
    raised, out, sink = None, None, io.StringIO()
    try:
        with (warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(sink),
              contextlib.redirect_stderr(sink), np.errstate(all="warn")):
            warnings.simplefilter("always")
            try:
                out = fn(*args)
            except NotImplementedError:
                raised = {"kind": "not_implemented"}
            except RecursionError:
                raised = {"kind": "recursion"}
            except (Exception, SystemExit) as err:
                raised = _exception_report(err)
    finally:
        for name, value in saved.items():
            if value is wire:
                namespace.pop(name, None)
            else:
                namespace[name] = value
    reply = {"op": "return", "raised": raised, "warnings": [str(w.message)[:500] for w in caught][:20]}
    if raised is None:
        try:
            reply["value"] = wire.encode(out, handles)
            reply["args"] = wire.encode(args)
        except Exception as err:  # e.g. nested without end
            reply["raised"] = {"kind": "unreadable", "message": str(err)}
    return reply


def grade_test(grade_id: str, namespace: dict) -> float:
    """Run the hidden test ``grade_id`` against the functions in ``namespace`` (the cell's value
    is the points the grader awarded)."""
    global _busy
    address, _, token = os.environ.get(ORACLE_ENV, "").rpartition(" ")  # a socket file's path, a token
    if not address:
        raise RuntimeError("hidden tests run only while the notebook is being graded")
    if _busy:
        raise RuntimeError("grade_test cannot be called from inside a test")
    _busy = True
    state = np.random.get_state()
    handles: dict = {}
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(address)
            wire.send(sock, {"op": "start", "grade_id": grade_id, "token": token})
            while True:
                request = wire.receive(sock)
                if request["op"] == "call":
                    try:
                        reply = _call(sock, namespace, handles, request)
                    except KeyboardInterrupt:  # the cell's time limit: tell the grader, then stop
                        wire.send(sock, {"op": "interrupted"})
                        raise
                    wire.send(sock, reply)
                elif request["op"] == "done":
                    break
                else:
                    raise RuntimeError(f"unexpected request from the grader: {request.get('op')}")
    finally:
        np.random.set_state(state)
        _busy = False
    try:
        from IPython.display import display
    except ImportError:
        print(request["text"])
    else:
        display({"text/plain": request["text"], RESULT_MIME: request["result"]}, raw=True)
    return request["score"]
