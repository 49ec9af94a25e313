"""Compare a student's output with the reference, part by part, in words a student understands.

An output is first split into named parts by a *layout* (a returned array, the items of a tuple,
the keys of a dict, a float). Each part is compared on its own, so a function that gets dW right
and db wrong earns the dW part. A failed part's message names the part and says what is wrong:
the shape (and whether it looks transposed or lost its column), the type (a (1, 1) array where a
float belongs), a constant ratio (missing 1/m, sign flip) or the first entry that differs.
A part that matches a known mistake gets that mistake's explanation instead.
"""

from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass

import numpy as np

from autograder import paths

from .outcome import Part

mismatch = paths.helper_module("bpkit.mismatch")

RTOL = 1e-6
ATOL = 1e-9
MISSING = object()


class LayoutError(Exception):
    """The output does not have the structure the function promises (wrong type, length, ...)."""


@dataclass(frozen=True)
class Layout:
    """How to split an output into named parts; ``floats`` names the parts that must be floats."""

    split: Callable[[object], dict]
    names: tuple[str, ...]
    floats: frozenset = frozenset()


def as_array(name: str) -> Layout:
    return Layout(lambda out: {name: out}, (name,))


def as_float(name: str) -> Layout:
    return Layout(lambda out: {name: out}, (name,), frozenset({name}))


def as_tuple(*names: str) -> Layout:
    def split(out):
        if not isinstance(out, tuple | list) or len(out) != len(names):
            got = f"a {type(out).__name__}" + (f" of length {len(out)}" if isinstance(out, tuple | list) else "")
            raise LayoutError(f"should return a tuple ({', '.join(names)}) but returned {got}.")
        return dict(zip(names, out, strict=True))

    return Layout(split, names)


def as_dict(keys: Sequence[str], what: str = "the returned dict") -> Layout:
    def split(out):
        if not isinstance(out, dict):
            raise LayoutError(f"should return a dict but returned a {type(out).__name__}.")
        return {k: out.get(k, MISSING) for k in keys}

    split.what = what
    return Layout(split, tuple(keys))


def numeric(value) -> np.ndarray | None:
    """``value`` as a float64 array, or None when it is not numeric."""
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return arr


def close(a, b) -> bool:
    a, b = numeric(a), numeric(b)
    return a is not None and b is not None and a.shape == b.shape and np.allclose(a, b, RTOL, ATOL)


def said(name: str, template: str, **values) -> Part:
    """A failed part whose message is ``template`` filled in; the template is its key."""
    return Part(name, False, template.format(name=name, **values), key=template)


# The messages compare_value builds (each one a key of the report's "most common diagnoses"). A wrong
# array is described by the course's helper package (bpkit.mismatch), as the visible checks describe it.
MISSING_KEY = "The key {name!r} is missing."
IS_NONE = "{name} is None: did you forget a return statement?"
NOT_FLOAT = "{name} should be a float but is an array of shape {shape}: squeeze it (float(x) or np.squeeze(x))."
NOT_NUMERIC = "{name} should be numeric but is a {kind}."
WRONG_SHAPE, NOT_FINITE, TRANSPOSED = mismatch.WRONG_SHAPE, mismatch.NOT_FINITE, mismatch.TRANSPOSED
SIGN, NO_MEAN, MEAN_TWICE, NO_MEAN_SIGN = mismatch.SIGN, mismatch.NO_MEAN, mismatch.MEAN_TWICE, mismatch.NO_MEAN_SIGN
SCALED, SCALED_SIGN = mismatch.SCALED, mismatch.SCALED_SIGN
# Only where nothing more telling was found: these say that, not why.
WRONG_NUMBER, WRONG_ENTRIES, ALL_ZEROS = mismatch.WRONG_NUMBER, mismatch.WRONG_ENTRIES, mismatch.ALL_ZEROS
UNEXPLAINED = frozenset({WRONG_NUMBER, WRONG_ENTRIES, ALL_ZEROS})
SEARCHED = UNEXPLAINED | {SCALED, SCALED_SIGN}  # kinds a generated alternative may name better


def _agree(a: np.ndarray, e: np.ndarray) -> np.ndarray:
    return np.isclose(a, e, RTOL, ATOL)


def compare_value(name: str, actual, expected, *, want_float: bool = False, m: int | None = None) -> Part:
    """Compare one part. ``want_float``: the contract promises a float for this part."""
    if actual is MISSING:
        return said(name, MISSING_KEY)
    if actual is None:
        return said(name, IS_NONE)
    if want_float and isinstance(actual, np.ndarray) and actual.ndim > 0:
        return said(name, NOT_FLOAT, shape=actual.shape)
    act, exp = numeric(actual), np.asarray(expected, dtype=np.float64)
    if act is None:
        return said(name, NOT_NUMERIC, kind=type(actual).__name__)
    # Hidden expected values are never shown (no reveal): only where the answer differs, and how.
    wrong = mismatch.describe(act, exp, _agree, m=m, ratio_rtol=RTOL)
    if wrong is None:
        return Part(name, True)
    return Part(name, False, wrong.sentence(name), key=wrong.template)


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer, computed on the same inputs, and what to tell a student who made it.

    ``message`` may use {name} (the part or parts it explains), {m} (the batch size), and the verb
    endings {is_} ("is"/"are"), {s} ("moves"/"move"), {es} ("matches"/"match"),
    {ies} ("applies"/"apply") and {has} ("has"/"have").
    """

    label: str
    message: str
    output: Callable[[], object]


# Whether catalogued mistakes are tried. Only the diagnosis benchmark turns it off, to measure
# what the search alone names (tools/diagnosis_share.py); grading never does.
CATALOGUE = ContextVar("catalogue", default=True)


def _verb_endings(names: list[str], m) -> tuple[str, dict]:
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    plural = len(names) > 1
    return joined, dict(m=m, is_="are" if plural else "is", s="" if plural else "s",
                        es="" if plural else "es", ies="y" if plural else "ies",
                        has="have" if plural else "has")


def check_output(
    actual,
    expected,
    layout: Layout,
    *,
    mistakes: Sequence[Mistake] = (),
    m: int | None = None,
    function: str = "",
    search=None,
) -> list[Part]:
    """Compare ``actual`` with ``expected`` part by part; explain failed parts by known mistakes.

    ``search`` (a ``search.Problem``: the reference function and the inputs it was given) is
    tried on the failed parts that no catalogued mistake explains, and only on those.
    """
    try:
        act_parts = layout.split(actual)
    except LayoutError as err:
        told = f"{function} {err}".strip()
        return [Part(n, False, told if i == 0 else "", told if i == 0 else "") for i, n in enumerate(layout.names)]
    exp_parts = layout.split(expected)
    wrong_outputs: dict[str, dict | None] = {}
    parts = []
    explained: dict[str, list[Part]] = {}  # message template -> the parts it explains
    catalogue = mistakes if CATALOGUE.get() else ()
    for name in layout.names:
        part = compare_value(name, act_parts[name], exp_parts[name], want_float=name in layout.floats, m=m)
        if not part.ok:
            for mistake in catalogue:
                if mistake.label not in wrong_outputs:
                    try:
                        wrong_outputs[mistake.label] = layout.split(mistake.output())
                    except Exception:  # a variant that cannot be computed explains nothing
                        wrong_outputs[mistake.label] = None
                variant = wrong_outputs[mistake.label]
                if variant is not None and not close(variant[name], exp_parts[name]) and close(
                    act_parts[name], variant[name]
                ):
                    explained.setdefault(mistake.message, []).append(part)
                    part.message = part.key = mistake.message
                    break
        parts.append(part)
    open_parts = [p for p in parts if not p.ok and p.key in SEARCHED]
    if search is not None and open_parts:
        for part, template in search.explain(open_parts, act_parts, exp_parts, layout, m):
            explained.setdefault(template, []).append(part)
            part.message = part.key = template
    # One sentence per mistake, naming every part it explains: "W1, b1 and W2 ...".
    for template, group in explained.items():
        joined, endings = _verb_endings([p.name for p in group], m)
        group[0].message = template.format(name=joined, **endings)
        for extra in group[1:]:
            extra.message = ""
    return parts
