"""The kernel side of a hidden test: calls the student's functions when the grader asks.

During grading this file is the only "autograder.hidden" a kernel can import (a copy, next to a
copy of ``wire.py``): it holds no test, no expected value and no reference code. A hidden test
cell calls ``grade_test(grade_id, globals())``; the probe connects to the grader named in the
environment, then serves its requests until the grader says the test is done:

- ``call``: call a function of the notebook (or a method of an object an earlier call returned)
  on the given arguments, with the functions it depends on replaced by stubs that ask the grader
  (``make_stub``: each has the parameters of the course's function, so it accepts exactly the
  calls the provided function accepts; the reply names the called function's own parameters);
- a ``call`` whose target is ``{"value": name}`` reads the variable ``name`` instead (the
  answer to a concept question), without calling anything;
- and finally ``done``: show the grader's verdict in the cell and return the points.
"""

import contextlib
import inspect
import io
import keyword
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


_KINDS = ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD", "VAR_POSITIONAL", "KEYWORD_ONLY", "VAR_KEYWORD")


def make_stub(name: str, specs, answer):
    """A function called ``name`` with exactly the parameters ``specs`` ([name, kind] or
    [name, kind, default], from the grader's table of the course's signatures) whose calls go to
    ``answer(name, args, kwargs)``. A call the real function would reject raises Python's own
    TypeError; any accepted call is sent bound, its defaults filled in."""
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(f"not a function name: {name!r}")
    words, args, kwargs, defaults = [], [], [], {}
    seen = set()
    for spec in specs:
        param, kind = str(spec[0]), str(spec[1])
        if not param.isidentifier() or keyword.iskeyword(param) or param.startswith("_stub_") or kind not in _KINDS:
            raise ValueError(f"not a parameter: {param!r} ({kind})")
        if kind != "POSITIONAL_ONLY" and "POSITIONAL_ONLY" in seen and "/" not in words:
            words.append("/")
        if kind == "KEYWORD_ONLY" and "VAR_POSITIONAL" not in seen and "*" not in words:
            words.append("*")
        seen.add(kind)
        default = ""
        if len(spec) > 2:
            defaults[param] = wire.decode(spec[2])
            default = f"=_stub_defaults_[{param!r}]"
        words.append({"VAR_POSITIONAL": "*", "VAR_KEYWORD": "**"}.get(kind, "") + param + default)
        if kind in ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD"):
            args.append(param)
        elif kind == "VAR_POSITIONAL":
            args.append("*" + param)
        elif kind == "KEYWORD_ONLY":
            kwargs.append(f"{param!r}: {param}")
        else:
            kwargs.append("**" + param)
    if "POSITIONAL_ONLY" in seen and "/" not in words:
        words.append("/")
    source = (f"def {name}({', '.join(words)}):\n"
              f"    return _stub_answer_({name!r}, ({''.join(a + ', ' for a in args)}), {{{', '.join(kwargs)}}})\n")
    scope = {"_stub_answer_": answer, "_stub_defaults_": defaults}
    exec(compile(source, f"<{name}>", "exec"), scope)
    return scope[name]


def parameters_of(fn):
    """The parameters of a function, [[name, kind, has_default], ...], or None."""
    try:
        return [[str(p.name), p.kind.name, p.default is not inspect.Parameter.empty]
                for p in inspect.signature(fn).parameters.values()]
    except Exception:  # not a function, or an object that hides its signature
        return None


def _asker(ask):
    """The ``answer`` of the stubs: a ``dep`` request to the grader, its reply raised or returned."""
    def answer(name, args, kwargs):
        reply = ask({"op": "dep", "name": name, "args": wire.encode(args), "kwargs": wire.encode(kwargs)})
        if reply.get("raised"):
            _raise_reported(reply["raised"])
        return wire.decode(reply["value"])
    return answer


def _call(ask, namespace: dict, handles: dict, request: dict) -> dict:
    """Serve one ``call`` request; ``ask(message) -> reply`` sends the stubs' requests to the grader."""
    target = request["target"]
    if isinstance(target, dict) and "value" in target:  # a concept question: read its answer variable
        return _read(namespace, handles, str(target["value"]))
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
    deps = request.get("deps", {})
    answer = _asker(ask)
    stubs = {name: make_stub(name, specs, answer) for name, specs in deps.items()}
    saved = {name: namespace.get(name, wire) for name in deps}  # `wire` marks "was not defined"
    namespace.update(stubs)
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
    reply = {"op": "return", "raised": raised, "warnings": [str(w.message)[:500] for w in caught][:20],
             "params": parameters_of(fn)}
    if raised is None:
        try:
            reply["value"] = wire.encode(out, handles)
            reply["args"] = wire.encode(args)
        except Exception as err:  # e.g. nested without end
            reply["raised"] = {"kind": "unreadable", "message": str(err)}
    return reply


def _read(namespace: dict, handles: dict, name: str) -> dict:
    """The value of the variable ``name`` (a concept question's answer), never called."""
    if namespace.get(name) is None:
        return {"op": "return", "undefined": True}
    try:
        return {"op": "return", "raised": None, "value": wire.encode(namespace[name], handles),
                "args": wire.encode(()), "warnings": [], "params": None}
    except Exception as err:  # e.g. nested without end
        return {"op": "return", "raised": {"kind": "unreadable", "message": str(err)}}


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

            def ask(message):
                wire.send(sock, message)
                return wire.receive(sock)

            while True:
                request = wire.receive(sock)
                if request["op"] == "call":
                    try:
                        reply = _call(ask, namespace, handles, request)
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
