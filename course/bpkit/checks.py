"""The helpers behind the notebooks' ``### AUTOTEST`` lines, and ``assert_close``.

nbgrader evaluates an AUTOTEST snippet with the solution when it generates the student
version, and bakes the printed result into an assert. The templates of ``course/autotests.yml``
print ``autotest_value(result)``, a JSON text that describes the result canonically (values
rounded to 8 significant digits), and the baked assert calls
``autotest_check(autotest_value(result), "<that JSON>", "<message>")``, which compares with a
tolerance and says precisely what differs: a missing key, a shape, a type, an entry, a factor.

The JSON text holds no single quote and no backslash, so that its Python repr is the text
between two single quotes and nbgrader's quote stripping gives it back unchanged.
"""

import hashlib
import json
import math
import re

import numpy as np

from .mismatch import Diagnosis, describe, format_index, wrong_shape
from .testcases import M

RTOL = 1e-5
ATOL = 1e-8
SIGNIFICANT_DIGITS = 8
MAX_REPR = 200
NUMERIC_KINDS = "biuf"
SCALAR_TYPES = ("float", "int", "bool")
NOT_EXPECTED = " is not what was expected"  # how the fail messages of course/autotests.yml end


# --- serialising ---------------------------------------------------------------------------


def _safe_text(text):
    """Text without quotes, backslashes, control or non-ASCII characters (JSON- and repr-safe)."""
    table = {"'": "`", '"': "`", "\\": "/"}
    return "".join(table.get(c, c) if " " <= c <= "~" else "?" for c in str(text))


def _round(x):
    """x rounded to 8 significant digits (nan and infinities unchanged)."""
    x = float(x)
    if not math.isfinite(x):
        return x
    return float(f"{x:.{SIGNIFICANT_DIGITS}g}")


def _describe(x):
    """The JSON-ready description of x (see ``autotest_value``)."""
    if x is None:
        return {"type": "None"}
    if isinstance(x, bool | np.bool_):
        return {"type": "bool", "value": bool(x)}
    if isinstance(x, int | np.integer):
        return {"type": "int", "value": int(x)}
    if isinstance(x, float | np.floating):
        return {"type": "float", "value": _round(x)}
    if isinstance(x, str):
        return {"type": "str", "value": _safe_text(x)}
    if isinstance(x, np.ndarray):
        if x.ndim == 0 and x.dtype.kind in NUMERIC_KINDS:
            return {"type": "float", "value": _round(x)}
        if x.dtype.kind in NUMERIC_KINDS:
            if x.dtype.kind == "f":
                data = [_round(v) for v in x.ravel().tolist()]
            else:
                data = x.ravel().tolist()
        else:
            data = [_describe(v) for v in x.ravel().tolist()]
        return {"type": "ndarray", "shape": list(x.shape), "kind": x.dtype.kind, "data": data}
    if isinstance(x, tuple | list):
        return {"type": "tuple", "items": [_describe(v) for v in x]}
    if isinstance(x, dict):
        return {"type": "dict", "items": {_safe_text(k): _describe(v) for k, v in x.items()}}
    text = repr(x)
    if len(text) > MAX_REPR:
        text = text[:MAX_REPR] + "..."
    return {"type": _safe_text(type(x).__name__), "repr": _safe_text(text)}


def autotest_value(x):
    """A compact JSON text describing x canonically, for nbgrader AUTOTEST templates.

    ndarray: {"type":"ndarray","shape":[3,5],"kind":"f","data":[...]} (data flattened in C
    order; floats rounded to 8 significant digits; "kind" is the dtype kind); float, np.floating
    and 0-d arrays: {"type":"float","value":...}; int, bool: "int", "bool"; tuples and lists:
    {"type":"tuple","items":[...]}; dicts: {"type":"dict","items":{...}} with string keys,
    sorted; str: {"type":"str","value":...}; None: {"type":"None"}; anything else:
    {"type":<type name>,"repr":...}. The text never holds a single quote or a backslash.
    """
    return json.dumps(_describe(x), separators=(",", ":"), sort_keys=True, ensure_ascii=True)


# --- hashing -------------------------------------------------------------------------------

_SHAPE_SUFFIX = re.compile(r" shape (.+)$")


def _shape_of(d):
    """The text of a description that is a shape (a tuple of ints), or a list of shapes; else None."""
    if d is None or d.get("type") != "tuple":
        return None
    items = d["items"]
    if all(i["type"] == "int" for i in items):
        return repr(tuple(i["value"] for i in items))
    shapes = [_shape_of(i) for i in items]
    if items and all(shapes):
        return "[" + ", ".join(shapes) + "]"
    return None


def autotest_hash(value_json, salt):
    """The text a ``### HASHED AUTOTEST`` line compares: a salted SHA1 of ``autotest_value``'s JSON.

    Shapes (a tuple of ints, or a list of them) also carry their readable value after the digest
    ("<sha1> shape (3, 5)"), so that a failed shape check can say which shape was expected, as
    every docstring does anyway. Anything else (an int such as a length) stays a digest only.
    """
    digest = hashlib.sha1((value_json + salt).encode("utf-8")).hexdigest()
    shape = _shape_of(_parse(value_json))
    return digest if shape is None else f"{digest} shape {shape}"


def _hashed_mismatch(actual, expected, message):
    """The AssertionError text for two different ``autotest_hash`` texts. A check of
    ``<name>.shape`` gets the sentence of ``bpkit.mismatch`` for a wrong shape, as the hidden tests
    word it; other shapes are named, anything else is only said to differ."""
    want, got = _SHAPE_SUFFIX.search(expected), _SHAPE_SUFFIX.search(actual)
    if want is None:
        return f"{message}: the result is not the expected one"
    subject = _subject(message)
    if got and subject.endswith(".shape") and got.group(1).startswith("(") and want.group(1).startswith("("):
        shapes = _shape_numbers(got.group(1)), _shape_numbers(want.group(1))
        return wrong_shape(*shapes).sentence(subject[: -len(".shape")])
    have = f"shape {got.group(1)}" if got else "something else"
    return f"{message}: expected shape {want.group(1)} but got {have}"


def _shape_numbers(text):
    """(3, 5) from the text "(3, 5)" (ints only)."""
    return tuple(int(n) for n in re.findall(r"-?\d+", text))


# --- comparing -----------------------------------------------------------------------------


def _parse(text):
    """The description held by a JSON text (one pair of surrounding quotes allowed), or None."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" and text[1] == "{":
        text = text[1:-1]
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, dict) and isinstance(value.get("type"), str):
        return value
    return None


def _type_name(d):
    if d["type"] == "ndarray":
        return f"an array of shape {tuple(d['shape'])}"
    if d["type"] == "tuple":
        return f"a tuple of {len(d['items'])} items"
    return {
        "float": "a float",
        "int": "an int",
        "bool": "a bool",
        "str": "a string",
        "None": "None",
        "dict": "a dict",
    }.get(d["type"], f"a {d['type']}")


def _close(a, e, rtol, atol):
    """np.isclose-like test that also calls two nans equal."""
    a = np.asarray(a, dtype=float)
    e = np.asarray(e, dtype=float)
    return np.isclose(a, e, rtol=rtol, atol=atol) | (np.isnan(a) & np.isnan(e))


def _differs(a, e, rtol, atol, m):
    """The ``bpkit.mismatch`` diagnosis of numbers or numeric arrays a where e belongs, or None."""
    return describe(a, e, lambda x, y: _close(x, y, rtol, atol), m=m, reveal=True)


def _compare_arrays(a, e, path, rtol, atol, m):
    shape_a, shape_e = tuple(a["shape"]), tuple(e["shape"])
    numeric_a, numeric_e = a["kind"] in NUMERIC_KINDS, e["kind"] in NUMERIC_KINDS
    if numeric_a != numeric_e:
        return path, f"expected an array of {'numbers' if numeric_e else 'objects'} but got one of " + (
            "numbers" if numeric_a else "objects"
        )
    if shape_a != shape_e:
        return path, wrong_shape(shape_a, shape_e)
    if not numeric_e:
        for flat, (item_a, item_e) in enumerate(zip(a["data"], e["data"], strict=True)):
            index = np.unravel_index(flat, shape_e) if shape_e else ()
            found = _compare(item_a, item_e, path + format_index(index), rtol, atol, m)
            if found is not None:
                return found
        return None
    data_a = np.asarray(a["data"], dtype=float).reshape(shape_a)
    data_e = np.asarray(e["data"], dtype=float).reshape(shape_e)
    wrong = _differs(data_a, data_e, rtol, atol, m)
    return None if wrong is None else (path, wrong)


def _compare(a, e, path, rtol, atol, m):
    """None when description a matches description e, else (the path of the first difference, what
    differs there): a ``bpkit.mismatch`` Diagnosis for wrong numbers, else words."""
    ta, te = a["type"], e["type"]
    if te in SCALAR_TYPES:
        if ta in SCALAR_TYPES:
            wrong = _differs(a["value"], e["value"], rtol, atol, m)
            return None if wrong is None else (path, wrong)
        if ta == "ndarray" and int(np.prod(a["shape"])) == 1 and a["kind"] in NUMERIC_KINDS:
            return path, (f"expected a float but got an array of shape {tuple(a['shape'])}: "
                          "squeeze it to a float (float(x) or np.squeeze(x))")
        return path, f"expected {_type_name(e)} but got {_type_name(a)}"
    if te != ta:
        if te == "ndarray" and ta in SCALAR_TYPES:
            return path, f"expected {_type_name(e)} but got a number ({ta})"
        return path, f"expected {_type_name(e)} but got {_type_name(a)}"
    if te == "ndarray":
        return _compare_arrays(a, e, path, rtol, atol, m)
    if te == "tuple":
        items_a, items_e = a["items"], e["items"]
        if len(items_a) != len(items_e):
            return path, f"expected {len(items_e)} items but got {len(items_a)}"
        for i, (item_a, item_e) in enumerate(zip(items_a, items_e, strict=True)):
            found = _compare(item_a, item_e, f"{path}[{i}]", rtol, atol, m)
            if found is not None:
                return found
        return None
    if te == "dict":
        items_a, items_e = a["items"], e["items"]
        missing = sorted(set(items_e) - set(items_a))
        if missing:
            keys = ", ".join(repr(k) for k in missing)
            plural = "keys" if len(missing) > 1 else "key"
            return path, f"missing {plural} {keys}"
        for key in sorted(items_e):
            found = _compare(items_a[key], items_e[key], f"{path}[{key!r}]", rtol, atol, m)
            if found is not None:
                return found
        return None
    if te == "str":
        if a["value"] != e["value"]:
            return path, f"expected the string {e['value']!r} but got {a['value']!r}"
        return None
    if te == "None":
        return None
    if "repr" in e and "0x" not in e["repr"] and a.get("repr") != e["repr"]:
        return path, f"expected {e['repr']} but got {a.get('repr')}"
    return None


def _subject(message):
    """What a check is about: "dW" of the AUTOTEST message "dW is not what was expected"."""
    return message[: -len(NOT_EXPECTED)] if message.endswith(NOT_EXPECTED) else message


def autotest_check(actual_json, expected_json, message, rtol=RTOL, atol=ATOL, m=M):
    """Compare two ``autotest_value`` texts with a tolerance; raise AssertionError if they differ.

    actual_json: the text of the student's result (an object that is not a string is
    serialised first); expected_json: the text baked in by nbgrader (one pair of surrounding
    quotes is tolerated, and a hashed text from ``autotest_hash`` is compared as a string, a
    shape named on failure); message: what is checked ("dW is not what was expected", or a
    name). Numbers compare with |actual - expected| <= atol + rtol |expected|. Extra keys in an
    actual dict are fine. m: the number of examples of the notebooks' test cases
    (``testcases.M``), so that an array m times too large is called a missing 1/m.
    A wrong number or numeric array is described by ``bpkit.mismatch`` in the words of the hidden
    tests, named by what is checked and the path to it: "dW is m = 7 times too large: the 1/m
    factor is missing.", "linear_backward(dZ, cache)[1] has shape (5, 3) but should have shape
    (3, 5). It looks transposed: ...". Anything else reads "<message>: <path>: <detail>" ("a
    tuple of 3 items", "missing key 'db1'"). An expected text that is not such JSON (a hashed
    autotest) is compared as a plain string.
    """
    if not isinstance(actual_json, str):
        actual_json = autotest_value(actual_json)
    expected = _parse(str(expected_json))
    if expected is None:
        actual_text, expected_text = str(actual_json).strip(), str(expected_json).strip()
        if actual_text != expected_text:
            raise AssertionError(_hashed_mismatch(actual_text, expected_text, message))
        return
    actual = _parse(actual_json)
    if actual is None:
        raise AssertionError(f"{message}: could not read the result {actual_json[:80]!r}")
    found = _compare(actual, expected, "", rtol, atol, m)
    if found is None:
        return
    path, detail = found
    if isinstance(detail, Diagnosis):
        raise AssertionError(detail.sentence(_subject(message) + path))
    raise AssertionError(f"{message}: " + (f"{path}: " if path else "") + detail)


def assert_close(actual, expected, name="value", rtol=RTOL, atol=ATOL):
    """Assert that ``actual`` matches ``expected`` (arrays, numbers, tuples, dicts, nested).

    Same tolerance and messages as ``autotest_check`` ("dW is m = 7 times too large: ...", or
    "<name>: <detail>").
    """
    autotest_check(autotest_value(actual), autotest_value(expected), name, rtol=rtol, atol=atol)
