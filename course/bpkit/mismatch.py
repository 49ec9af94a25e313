"""The one description of a wrong array: what is wrong with it, as a sentence a student reads.

Used by the visible checks (``bpkit.checks``: the AUTOTEST lines and ``assert_close``;
``bpkit.gradcheck``: analytic against numerical gradients) and by the hidden tests of the grader,
which import this module from the course's helper package. So a student who makes a mistake reads
the same sentence in a notebook's check and in the feedback; only the name differs ("dW" there,
"linear_backward(dZ, cache)[1]" in a check of a whole tuple).

``describe(actual, expected)`` returns a ``Diagnosis`` (a sentence template and its values) or
None when the arrays agree. In order: a wrong shape (with the expected shape, and a hint when it
looks transposed or summed over the wrong axis), entries that are NaN or inf, a constant factor
("m = 7 times too large: the 1/m factor is missing", a sign flip), all zeros, a square array that
is the transpose of the expected one, and else the first entry that differs with the student's
value. An expected value is shown only when the caller passes ``reveal=True`` (the visible checks,
whose expected values the notebook holds anyway); the hidden tests never pass it, and nothing here
holds an input or an expected value of theirs.
"""

from dataclasses import dataclass

import numpy as np

RATIO_RTOL = 1e-3  # how constant actual / expected must be (relative to max |actual|) to be a factor


@dataclass(frozen=True)
class Diagnosis:
    """``template``: the sentence with {name} left open (it keys the "most common diagnoses" of the
    grading report); ``values``: the rest of its fields."""

    template: str
    values: dict

    def sentence(self, name: str) -> str:
        return self.template.format(name=name, **SINGULAR, **self.values)


# The sentences. {name} is what is wrong ("dW"); numbers come formatted by format_number. {is_} and
# {has} are "is" and "has" here; the hidden tests' catalogued mistakes reuse a sentence for several
# parts at once ("dW and db are m = 8 times too large: ...").
SINGULAR = {"is_": "is", "has": "has"}
WRONG_SHAPE = "{name} has shape {actual} but should have shape {expected}.{advice}"
NOT_FINITE = "{name} contains NaN or inf{where}: look for log(0) or a division by 0."
SIGN = "{name} has the right size but the wrong sign everywhere: check the minus signs."
NO_MEAN = "{name} {is_} m = {m} times too large: the 1/m factor is missing."
MEAN_TWICE = "{name} {is_} m = {m} times too small: the 1/m factor is applied twice."
NO_MEAN_SIGN = "{name} {is_} m = {m} times too large and {has} the wrong sign: check the 1/m and the minus sign."
SCALED = "{name} is {ratio:.4g} times the expected value everywhere{hint}"
SCALED_SIGN = "{name} is {ratio:.4g} times the expected value everywhere (the sign is flipped){hint}"
TRANSPOSED = "{name} is the transpose of the expected array: swap the order of a product, or use .T."
# Only where nothing more telling was found: these say what is wrong, not why.
ALL_ZEROS = "{name} is all zeros, but the expected array is not."
WRONG_NUMBER = "{name} is {actual}, which is not the expected value{expected}."
WRONG_ENTRIES = ("{name} has the right shape but wrong values: {wrong} of {size} entries differ, "
                 "the first at index {first} (yours is {actual}{expected}).")

# The hints a wrong shape may end with (the shapes alone decide: no value is looked at).
LOOKS_TRANSPOSED = " It looks transposed: swap the order of a product, or use .T."
KEEP_COLUMN = " Keep the column shape: sum with keepdims=True (or reshape to (n, 1))."
WRONG_AXIS = " It looks summed over the wrong axis: sum over the examples, axis=1."
EVERY_AXIS = " It looks summed over every axis: sum over the examples only, axis=1, keepdims=True."
SAME_SIZE = " It has the right number of entries: reshape it, or check keepdims and the axis."


def format_number(x) -> str:
    """A number as short, readable text (8 significant digits at most)."""
    x = float(x)
    if np.isnan(x):
        return "nan"
    return f"{x:.8g}"


def format_index(index) -> str:
    """[2, 0] for a multi-index (2, 0); [] for a 0-d array."""
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def first_bad_index(bad):
    """The multi-index of the first True entry of the boolean array ``bad`` (C order), or None."""
    bad = np.asarray(bad)
    flat = np.flatnonzero(bad)
    if flat.size == 0:
        return None
    return tuple(int(i) for i in np.unravel_index(int(flat[0]), bad.shape))


def shape_advice(actual: tuple, expected: tuple) -> str:
    """The hint after a wrong shape: transposed, a lost column, summed over the wrong axes."""
    actual, expected = tuple(actual), tuple(expected)
    if len(expected) == 2 and actual == expected[::-1]:
        return LOOKS_TRANSPOSED
    if len(expected) == 2 and expected[1] == 1:
        if actual == (expected[0],):
            return KEEP_COLUMN
        if len(actual) == 2 and actual[0] == 1:
            return WRONG_AXIS
        if actual == ():
            return EVERY_AXIS
    if int(np.prod(actual)) == int(np.prod(expected)):
        return SAME_SIZE
    return ""


def wrong_shape(actual: tuple, expected: tuple) -> Diagnosis:
    """An array of shape ``actual`` where one of shape ``expected`` belongs."""
    actual, expected = tuple(actual), tuple(expected)
    return Diagnosis(WRONG_SHAPE, dict(actual=actual, expected=expected, advice=shape_advice(actual, expected)))


def constant_ratio(actual, expected, rtol=RATIO_RTOL):
    """r such that actual = r * expected everywhere (within rtol of max |actual|), else None.

    Returns None as well when expected is all zeros, or when r is 0 or 1 (nothing to say).
    """
    a = np.asarray(actual, dtype=float).ravel()
    e = np.asarray(expected, dtype=float).ravel()
    if a.shape != e.shape or a.size == 0 or not (np.all(np.isfinite(a)) and np.all(np.isfinite(e))):
        return None
    norm = float(e @ e)
    if norm == 0.0:
        return None
    r = float(a @ e) / norm  # the least-squares ratio
    scale = max(float(np.max(np.abs(a))), 1e-300)
    if r == 0.0 or np.max(np.abs(a - r * e)) > rtol * scale:
        return None
    if abs(r - 1.0) <= rtol:
        return None
    return r


def _factor_hint(r: float) -> str:
    """The end of a SCALED sentence: ": is a factor 1/3 missing?" for a whole factor, ": is it divided
    by 3 once too often?" for its inverse, else "."."""
    k = abs(r) if abs(r) >= 1 else 1 / abs(r)
    if round(k) < 2 or abs(k - round(k)) > 1e-4 * k:
        return "."
    return f": is a factor 1/{round(k)} missing?" if abs(r) > 1 else f": is it divided by {round(k)} once too often?"


def scaled(actual, expected, m=None, rtol=RATIO_RTOL) -> Diagnosis | None:
    """The diagnosis of ``actual`` = a constant times ``expected`` (m, 1/m, -1, -m, any factor),
    or None. m: the number of examples, when known. A single number is only said to be m, 1/m,
    -m or -1 times the expected one: any value is a constant times another."""
    r = constant_ratio(actual, expected, rtol)
    if r is None:
        return None
    if np.isclose(r, -1.0):
        return Diagnosis(SIGN, {})
    if m:
        for factor, template in ((m, NO_MEAN), (1 / m, MEAN_TWICE), (-m, NO_MEAN_SIGN)):
            if np.isclose(r, factor):
                return Diagnosis(template, dict(m=m))
    if np.size(actual) == 1:
        return None
    return Diagnosis(SCALED if r > 0 else SCALED_SIGN, dict(ratio=r, hint=_factor_hint(r)))


def describe(actual, expected, close, *, m=None, reveal=False, ratio_rtol=RATIO_RTOL) -> Diagnosis | None:
    """What is wrong with ``actual`` where ``expected`` belongs, or None when nothing is.

    actual, expected: numeric arrays of any shape (or numbers). close(a, e): for two arrays of one
    shape, the boolean array of the entries that agree (the caller's tolerance). m: the number of
    examples, which lets a factor m be called a missing 1/m. reveal: whether the sentence may show
    an expected value (the visible checks); the hidden tests never let it.
    """
    act = np.asarray(actual, dtype=float)
    exp = np.asarray(expected, dtype=float)
    if act.shape != exp.shape:
        return wrong_shape(act.shape, exp.shape)
    ok = np.asarray(close(act, exp), dtype=bool)
    if ok.all():
        return None
    broken = ~np.isfinite(act) & np.isfinite(exp)
    if broken.any():
        where = f" at index {format_index(first_bad_index(broken))}" if act.ndim else ""
        return Diagnosis(NOT_FINITE, dict(where=where))
    found = scaled(act, exp, m, ratio_rtol)
    if found is not None:
        return found
    if act.size > 1 and not act.any():
        return Diagnosis(ALL_ZEROS, {})
    if act.ndim == 2 and act.shape[0] == act.shape[1] > 1 and np.all(close(act.T, exp)):
        return Diagnosis(TRANSPOSED, {})
    if act.ndim == 0:
        return Diagnosis(WRONG_NUMBER, dict(actual=format_number(act),
                                            expected=f" {format_number(exp)}" if reveal else ""))
    first = first_bad_index(~ok)
    return Diagnosis(WRONG_ENTRIES, dict(
        wrong=int((~ok).sum()), size=ok.size, first=format_index(first), actual=format_number(act[first]),
        expected=f", expected {format_number(exp[first])}" if reveal else ""))
