"""Words for how one array differs from another: the shared vocabulary of the checkers.

Used by ``bpkit.gradcheck`` (analytic vs numeric gradients) and ``bpkit.checks`` (a result vs
its expected value). Every function takes two arrays of the same shape unless it says so.
"""

import numpy as np

RATIO_RTOL = 1e-3  # how constant actual / expected must be to be called "a constant ratio"
INTEGER_ATOL = 1e-3  # how close a ratio must be to an integer to suggest a missing factor


def constant_ratio(actual, expected, rtol=RATIO_RTOL):
    """r such that actual = r * expected everywhere (within rtol of max |actual|), else None.

    Returns None as well when expected is all zeros, or when r is 1 (nothing to say).
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


def _near_integer(x):
    return abs(x - round(x)) <= INTEGER_ATOL * max(1.0, abs(x))


def format_ratio(r):
    """7.0 for a ratio near 7, else three significant digits (0.143, 2.5)."""
    if _near_integer(r):
        return f"{round(r):.1f}"
    return f"{r:.3g}"


def ratio_phrase(r, m=None):
    """What a constant ratio actual / expected suggests, as a phrase to follow a name.

    r = -1: "has the wrong sign: the sign is flipped ..."; r = 7: "is 7.0 times too large:
    is the 1/m missing?"; r = 1/7: "is 7.0 times too small: ..."; others: the plain factor.
    m: the number of examples when known, to tell a missing 1/m from another missing factor.
    """
    if _near_integer(r) and round(r) == -1:
        return "has the wrong sign: the sign is flipped (it is minus the expected value)"
    prefix = ""
    if r < 0:
        prefix = "has its sign flipped and "
        r = -r
    if r > 1:
        return prefix + f"is {format_ratio(r)} times too large" + _factor_hint(r, m, "missing")
    inverse = 1.0 / r
    return (
        prefix + f"is {format_ratio(inverse)} times too small" + _factor_hint(inverse, m, "extra")
    )


def _factor_hint(k, m, kind):
    """ ": is the 1/m missing?" style hint for an integer factor k >= 2, else ""."""
    if not _near_integer(k) or round(k) < 2:
        return ""
    k = round(k)
    if kind == "missing":
        if m is not None and k == m:
            return ": is the 1/m missing?"
        if k == 2:
            return (
                ": is a factor 1/2 missing?"
                if m is not None
                else (": is the 1/m (or a factor 1/2) missing?")
            )
        return ": is the 1/m missing?" if m is None else f": is a factor 1/{k} missing?"
    if m is not None and k == m:
        return ": is it divided by m twice?"
    return f": is it divided by {k} once too often (by m twice?)"


def format_index(index):
    """[2, 0] for a multi-index (2, 0); [] for a 0-d array."""
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def first_bad_index(bad):
    """The multi-index of the first True entry of the boolean array ``bad`` (C order), or None."""
    bad = np.asarray(bad)
    flat = np.flatnonzero(bad)
    if flat.size == 0:
        return None
    return tuple(int(i) for i in np.unravel_index(int(flat[0]), bad.shape))


def format_number(x):
    """A number as short, readable text (8 significant digits at most)."""
    x = float(x)
    if np.isnan(x):
        return "nan"
    return f"{x:.8g}"


def transpose_hint(actual, expected, close):
    """A hint when ``actual`` is the transpose of ``expected``, else "".

    close(a, e) -> bool compares two arrays of the same shape. Shapes may differ here.
    """
    a, e = np.asarray(actual), np.asarray(expected)
    if a.ndim == 2 and a.T.shape == e.shape and close(a.T, e):
        return "it is the transpose of the expected array (swap the order of a product, or .T)"
    return ""
