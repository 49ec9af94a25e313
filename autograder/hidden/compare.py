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

from .outcome import Part

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


def _shape_advice(actual: tuple, expected: tuple) -> str:
    if len(expected) == 2 and actual == expected[::-1]:
        return " It looks transposed."
    if len(expected) == 2 and expected[1] == 1 and actual == (expected[0],):
        return " Keep the column shape: sum with keepdims=True (or reshape to (n, 1))."
    if len(expected) == 2 and expected[1] == 1 and len(actual) == 2 and actual[0] == 1:
        return " It looks summed over the wrong axis: sum over the examples, axis=1."
    if len(expected) == 2 and expected[1] == 1 and actual == ():
        return " It looks summed over every axis: sum over the examples only, axis=1, keepdims=True."
    return ""


def said(name: str, template: str, **values) -> Part:
    """A failed part whose message is ``template`` filled in; the template is its key."""
    return Part(name, False, template.format(name=name, **values), key=template)


# The messages compare_value builds (each one a key of the report's "most common diagnoses").
MISSING_KEY = "The key {name!r} is missing."
IS_NONE = "{name} is None: did you forget a return statement?"
NOT_FLOAT = "{name} should be a float but is an array of shape {shape}: squeeze it (float(x) or np.squeeze(x))."
NOT_NUMERIC = "{name} should be numeric but is a {kind}."
WRONG_SHAPE = "{name} has shape {actual} but should have shape {expected}.{advice}"
NOT_FINITE = "{name} contains NaN or inf{where}: look for log(0) or a division by 0."
SIGN = "{name} has the right size but the wrong sign everywhere: check the minus signs."
NO_MEAN = "{name} is m = {m} times too large: the 1/m factor is missing."
MEAN_TWICE = "{name} is m = {m} times too small: the 1/m factor is applied twice."
NO_MEAN_SIGN = "{name} is m = {m} times too large and has the wrong sign: check the 1/m and the minus sign."
SCALED = "{name} is {ratio:.4g} times the expected value everywhere."
SCALED_SIGN = "{name} is {ratio:.4g} times the expected value everywhere (the sign is flipped)."
# Only where nothing more telling was found: these say that, not why.
WRONG_NUMBER = "{name} is {actual:.6g}, which is not the expected value."
WRONG_ENTRIES = ("{name} has the right shape but wrong values: {wrong} of {size} entries differ, "
                 "the first at index {first} (yours is {actual:.6g}).")
UNEXPLAINED = frozenset({WRONG_NUMBER, WRONG_ENTRIES})
SEARCHED = UNEXPLAINED | {SCALED, SCALED_SIGN}  # kinds a generated alternative may name better


def _ratio_message(name: str, act: np.ndarray, exp: np.ndarray, m: int | None) -> Part | None:
    mask = np.abs(exp) > 1e-9
    if not mask.any():
        return None
    ratios = act[mask] / exp[mask]
    r = float(ratios[0])
    if not np.allclose(ratios, r, rtol=1e-6, atol=1e-12) or np.isclose(r, 1.0):
        return None
    if np.isclose(r, -1.0):
        return said(name, SIGN)
    if m and np.isclose(r, m):
        return said(name, NO_MEAN, m=m)
    if m and np.isclose(r, 1 / m):
        return said(name, MEAN_TWICE, m=m)
    if m and np.isclose(r, -m):
        return said(name, NO_MEAN_SIGN, m=m)
    if act.size == 1:  # one number: any value is a "constant ratio", so only the telling ones count
        return None
    return said(name, SCALED if r > 0 else SCALED_SIGN, ratio=r)


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
    if act.shape != exp.shape:
        return said(name, WRONG_SHAPE, actual=act.shape, expected=exp.shape,
                    advice=_shape_advice(act.shape, exp.shape))
    if not np.all(np.isfinite(act)) and np.all(np.isfinite(exp)):
        bad = np.argwhere(~np.isfinite(act))[0] if act.ndim else ()
        where = f" at index {tuple(int(i) for i in bad)}" if act.ndim else ""
        return said(name, NOT_FINITE, where=where)
    if np.allclose(act, exp, RTOL, ATOL):
        return Part(name, True)
    ratio = _ratio_message(name, act, exp, m)
    if ratio:
        return ratio
    # Hidden expected values are never shown: only where the answer differs, and the student's value.
    if act.ndim == 0:
        return said(name, WRONG_NUMBER, actual=float(act))
    wrong = ~np.isclose(act, exp, RTOL, ATOL)
    first = tuple(int(i) for i in np.argwhere(wrong)[0])
    return said(name, WRONG_ENTRIES, wrong=int(wrong.sum()), size=wrong.size, first=list(first),
                actual=act[first])


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
