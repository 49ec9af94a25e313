"""The parameters of every function the course names, read from the reference library.

One source of truth for two jobs:

- the stubs that stand in for a tested function's dependencies (``stub_specs``): a student's
  code may call them exactly as it may call the provided function in the notebook (by position
  or keyword, defaults omitted or given), and nothing else;
- the check of a graded function's own definition (``mismatch``): a renamed, reordered or
  missing parameter is named in the student's terms.

The course's signature of a function is the reference's with its keyword-only parameters left
out: those are the reference's own extras (``input_gradient``, ``dtype``), never part of the
Coursera API. ``tests/hidden/test_signatures.py`` checks that the provided functions of the
helper package have exactly these signatures.
"""

import inspect

from autograder import reference

from ..link import wire

_POSITIONAL = ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD")


def _resolve(name: str):
    """The reference object called ``name`` (``CostFunction.compute_cost`` for a method)."""
    obj = reference
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def course_signature(name: str) -> inspect.Signature:
    """The signature students see: the reference's, without its keyword-only extras (and without
    ``self`` for a method)."""
    obj = _resolve(name)
    params = list(inspect.signature(obj).parameters.values())
    if "." in name and params and params[0].name == "self":
        params = params[1:]
    return inspect.Signature([p for p in params if p.kind is not inspect.Parameter.KEYWORD_ONLY])


def stub_specs(name: str) -> list:
    """``name``'s parameters as plain data for the probe: [name, kind] or [name, kind, default]
    (the default wire-encoded)."""
    return [[p.name, p.kind.name] + ([] if p.default is inspect.Parameter.empty else [wire.encode(p.default)])
            for p in course_signature(name).parameters.values()]


def describe(params) -> str:
    """``(AL, Y, caches)``: parameter names as a student writes them."""
    words, star = [], False
    for name, kind, *_ in params:
        if kind == "VAR_POSITIONAL":
            words.append(f"*{name}")
            star = True
        elif kind == "VAR_KEYWORD":
            words.append(f"**{name}")
        else:
            if kind == "KEYWORD_ONLY" and not star:
                words.append("*")
                star = True
            words.append(name)
    return f"({', '.join(words)})"


def mismatch(function: str, params) -> tuple[str, str] | None:
    """How a definition of ``function`` with ``params`` (``probe.parameters_of``) differs from the
    course's: None, ("renamed", note) when only names differ (the tests call by position, so it
    costs nothing), or ("wrong", message) when the tests' positional call cannot mean what the
    assignment means (a parameter missing, extra, or in another place)."""
    if params is None:
        return None
    wanted = [p.name for p in course_signature(function).parameters.values()]
    positional = [p for p in params if str(p[1]) in _POSITIONAL]
    names = [str(p[0]) for p in positional]
    varargs = any(str(p[1]) == "VAR_POSITIONAL" for p in params)
    if varargs and not names:
        return None  # def f(*args): nothing to judge before it runs
    required = [p for p in positional if not p[2]]
    kw_required = [p for p in params if str(p[1]) == "KEYWORD_ONLY" and not p[2]]
    misplaced = [n for i, n in enumerate(names[:len(wanted)]) if n in wanted and wanted.index(n) != i]
    fits = (len(required) <= len(wanted) and (len(names) >= len(wanted) or varargs) and not kw_required)
    if fits and names[:len(wanted)] == wanted[:len(names)]:  # *args may take the rest
        return None
    message = (f"`{function}` takes {describe(params)}; the assignment asks for {describe_course(function)}")
    if fits and not misplaced:
        return "renamed", (f"{message}. The tests pass the arguments by position, so this costs nothing, "
                           "but keep the assignment's names: code that calls it by keyword expects them.")
    return "wrong", (f"{message}. The tests pass the arguments in that order: define it with exactly these "
                     "parameters.")


def describe_course(function: str) -> str:
    return describe([[p.name, p.kind.name] for p in course_signature(function).parameters.values()])
