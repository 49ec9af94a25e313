"""bpkit.checks: AUTOTEST serialisation, comparison with tolerance, and readable messages."""

import json
from collections import namedtuple

import numpy as np
import pytest
from bpkit import testcases
from bpkit.checks import NOT_EXPECTED, assert_close, autotest_check, autotest_value

Pair = namedtuple("Pair", "x y")


def nbgrader_round_trip(value):
    """What nbgrader bakes into the test: repr of the text, then its quote stripping."""
    return repr(autotest_value(value)).strip('"').strip("'")


def fails(actual, expected, message="f"):
    """The AssertionError text of autotest_check(actual, expected)."""
    with pytest.raises(AssertionError) as failure:
        autotest_check(autotest_value(actual), nbgrader_round_trip(expected), message)
    return str(failure.value)


VALUES = [
    np.arange(6.0).reshape(2, 3) / 7,
    np.array([[1, 0, 1]]),
    np.array([[True, False]]),
    0.1,
    np.float64(2.5),
    np.array(3.25),
    7,
    np.int64(3),
    True,
    "relu",
    'it\'s a \\ "quote" é',
    None,
    (1.0, [2, 3]),
    Pair(np.ones((2, 1)), 4.0),
    {"dW1": np.ones((3, 5)), "db1": np.zeros((3, 1)), 2: "two"},
    {1, 2},
    float("nan"),
    float("inf"),
    np.array(["a", "b"]),
]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_value_is_compact_json_without_quotes_or_backslashes(value):
    text = autotest_value(value)
    assert "'" not in text and "\\" not in text and text.isascii()
    assert text == json.dumps(json.loads(text), separators=(",", ":"), sort_keys=True)
    assert json.loads(text)["type"]
    assert nbgrader_round_trip(value) == text


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_every_value_matches_itself(value):
    autotest_check(autotest_value(value), nbgrader_round_trip(value), "same")


def test_array_description():
    d = json.loads(autotest_value(np.array([[1 / 3, 2.0], [3.0, 4.0]])))
    assert d == {
        "type": "ndarray",
        "shape": [2, 2],
        "kind": "f",
        "data": [0.33333333, 2.0, 3.0, 4.0],
    }


@pytest.mark.parametrize("scalar", [0.5, np.float32(0.5), np.float64(0.5), np.array(0.5)])
def test_floats_and_0d_arrays_are_floats(scalar):
    assert json.loads(autotest_value(scalar)) == {"type": "float", "value": 0.5}


def test_dict_keys_are_sorted_strings_and_tuples_lists_alike():
    d = json.loads(autotest_value({"b": 1, "a": (1,), 3: [1]}))
    assert list(d["items"]) == ["3", "a", "b"]
    assert (
        d["items"]["a"]
        == d["items"]["3"]
        == {"type": "tuple", "items": [{"type": "int", "value": 1}]}
    )


def test_other_objects_by_type_and_repr():
    d = json.loads(autotest_value(object()))
    assert d["type"] == "object" and "repr" in d


def test_within_tolerance_passes():
    x = np.array([[1.0, 2e-9, -3.0]])
    autotest_check(autotest_value(x * (1 + 5e-6)), autotest_value(x), "close")
    autotest_check(autotest_value(x + 5e-9), autotest_value(x), "close")


def test_extra_keys_are_fine_missing_keys_are_named():
    expected = {"dW1": np.ones((2, 2)), "db1": np.ones((2, 1)), "dW2": np.ones((1, 2))}
    autotest_check(autotest_value(dict(expected, dA0=np.ones(3))), autotest_value(expected), "g")
    message = fails({"dW1": np.ones((2, 2))}, expected, "L_model_backward")
    assert message == "L_model_backward: missing keys 'dW2', 'db1'"


def test_wrong_shape_is_named_with_path():
    message = fails((np.ones((3, 7)), np.ones((3, 1))), (np.ones((3, 7)), np.ones((3,))), "lb")
    assert message.startswith("lb[1] has shape (3, 1) but should have shape (3,).")
    assert "keepdims" in message


def test_transpose_is_named():
    w = np.arange(15.0).reshape(3, 5)
    assert "transpose" in fails({"dW": w.T}, {"dW": w})
    assert fails({"dW": w.T}, {"dW": w}).startswith("f['dW'] has shape (5, 3) but should have shape (3, 5). "
                                                    "It looks transposed")


def test_first_mismatching_entry_as_multi_index_with_both_values():
    expected = np.arange(1.0, 13.0).reshape(3, 4)
    actual = expected.copy()
    actual[1, 2] = 99.0
    actual[2, 0] = -1.0
    message = fails(actual, expected)
    assert message == ("f has the right shape but wrong values: 2 of 12 entries differ, the first at index "
                       "[1, 2] (yours is 99, expected 7).")


def test_constant_ratio_is_named():
    dW = np.random.default_rng(0).standard_normal((3, 5))
    assert fails(dW * 7, dW) == "f is m = 7 times too large: the 1/m factor is missing."
    assert fails(dW * 7, dW, "dW is not what was expected") == "dW is m = 7 times too large: the 1/m factor is missing."
    assert fails(dW / 7, dW) == "f is m = 7 times too small: the 1/m factor is applied twice."
    assert "wrong sign everywhere" in fails(-dW, dW)
    assert fails(dW / 2, dW) == "f is 0.5 times the expected value everywhere: is it divided by 2 once too often?"
    assert fails(dW * 3, dW) == "f is 3 times the expected value everywhere: is a factor 1/3 missing?"


def test_a_1x1_array_where_a_float_is_expected_says_squeeze():
    message = fails(np.array([[0.6931]]), 0.6931, "compute_cost")
    assert message.startswith("compute_cost: expected a float but got an array of shape (1, 1)")
    assert "squeeze it to a float" in message


def test_scalar_values_and_types():
    assert fails(0.5, 0.25) == "f is 0.5, which is not the expected value 0.25."
    assert fails(1.75, 0.25) == "f is m = 7 times too large: the 1/m factor is missing."
    assert "expected a float but got a string" in fails("x", 1.0)
    assert "expected a tuple of 3 items but got a float" in fails(1.0, (1, 2, 3))
    assert "expected 3 items but got 2" in fails((1, 2), (1, 2, 3))
    assert "expected an array of shape (1, 3) but got a number" in fails(1.0, np.ones((1, 3)))
    assert "expected None but got an int" in fails(1, None)
    assert "expected the string 'relu'" in fails("sigmoid", "relu")


def test_int_and_bool_arrays_compare_by_value():
    """predict may return ints or bools: both match an int expectation."""
    labels = np.array([[1, 0, 1]])
    autotest_check(autotest_value(labels.astype(bool)), autotest_value(labels), "predict")
    autotest_check(autotest_value(labels.astype(float)), autotest_value(labels), "predict")


def test_nested_path_in_cache():
    dZ, cache = testcases.linear_backward_case()
    broken = (cache[0], cache[1] * 2, cache[2])
    message = fails((dZ, broken), (dZ, cache))
    assert message == "f[1][1] is 2 times the expected value everywhere: is a factor 1/2 missing?"


def test_hashed_expectations_compare_as_strings():
    autotest_check(
        "3f786850e387550fdab836ed7e6dc881de23001b", "3f786850e387550fdab836ed7e6dc881de23001b", "h"
    )
    with pytest.raises(AssertionError, match="^h: "):
        autotest_check(
            "89e6c98d92887913cadf06b2adb97f26cde4849b",
            "3f786850e387550fdab836ed7e6dc881de23001b",
            "h",
        )


def _hashed_check(snippet, solution, student):
    """Bake a ``### HASHED AUTOTEST snippet`` line from course/autotests.yml's templates, as
    nbgrader's InstantiateTests does (normalize, hash, then evaluate with the solution's
    namespace), and run the baked check in the student's namespace."""
    import jinja2
    import yaml

    from autograder import paths

    templates = yaml.safe_load((paths.COURSE / "autotests.yml").read_text())["python3"]

    def render(text, **names):
        return jinja2.Environment(loader=jinja2.BaseLoader).from_string(text).render(**names)

    normalized = render(templates["normalize"], snippet="{{snippet}}")
    test = render(render(templates["hash"], snippet=normalized, salt="1a2b"), snippet=snippet)
    exec(templates["setup"], solution)
    value = eval(test, solution)
    message = render(templates["templates"]["default"][0]["fail"], snippet=snippet)
    assert message.endswith(NOT_EXPECTED)  # how autotest_check finds what a message is about
    check = render(templates["check"], snippet=test, value=value, message=message)
    exec(templates["setup"], student)
    exec(check, student)


def test_a_failed_hashed_shape_check_says_the_expected_shape():
    right = {"dW": np.zeros((3, 5))}
    _hashed_check("dW.shape", dict(right), dict(right))
    with pytest.raises(AssertionError) as failure:
        _hashed_check("dW.shape", dict(right), {"dW": np.zeros((5, 3))})
    # the words of the hidden tests (bpkit.mismatch), for the array whose shape is checked
    assert str(failure.value) == ("dW has shape (5, 3) but should have shape (3, 5). It looks transposed: "
                                  "swap the order of a product, or use .T.")
    with pytest.raises(AssertionError, match=r"^db has shape \(3,\) but should have shape \(3, 1\)\. Keep the column"):
        _hashed_check("db.shape", {"db": np.zeros((3, 1))}, {"db": np.zeros(3)})
    shapes = "[x.shape for x in grads]"
    with pytest.raises(AssertionError, match=r"expected shape \[\(4, 2\), \(4, 1\)\] but got shape \[\(4, 2\)\]"):
        _hashed_check(shapes, {"grads": [np.zeros((4, 2)), np.zeros((4, 1))]}, {"grads": [np.zeros((4, 2))]})
    with pytest.raises(AssertionError, match=r"^dW has shape \(\) but should have shape \(3, 5\)\.$"):
        _hashed_check("dW.shape", dict(right), {"dW": np.float64(1.0)})  # summed away


def test_a_hashed_number_stays_a_digest():
    with pytest.raises(AssertionError) as failure:
        _hashed_check("len(costs)", {"costs": [1, 2, 3, 4]}, {"costs": [1, 2, 3]})
    assert str(failure.value) == "len(costs) is not what was expected: the result is not the expected one"
    from bpkit.checks import autotest_hash

    assert " " not in autotest_hash(autotest_value(4), "1a2b")


def test_actual_may_be_an_object_and_expected_may_keep_its_quotes():
    expected = "'" + autotest_value([1.0, 2.0]) + "'"
    autotest_check((1.0, 2.0), expected, "q")


def test_unreadable_actual_is_reported():
    with pytest.raises(AssertionError, match="could not read"):
        autotest_check("not json", autotest_value(1.0), "r")


def test_nan_matches_nan_only():
    autotest_check(
        autotest_value(np.array([np.nan, 1.0])), autotest_value(np.array([np.nan, 1.0])), "n"
    )
    assert fails(np.array([np.nan, 1.0]), np.array([0.0, 1.0])).startswith("f contains NaN or inf at index [0]")
    assert fails(np.array([np.nan, 1.0]), np.array([np.nan, 2.0])).startswith(
        "f has the right shape but wrong values: 1 of 2 entries differ, the first at index [1]")


def test_assert_close():
    assert_close({"a": np.ones(2)}, {"a": np.ones(2) + 1e-9}, "params")
    with pytest.raises(AssertionError, match=r"^params\['a'\] has the right shape .* first at index \[1\] "
                                             r"\(yours is 3, expected 1\)\.$"):
        assert_close({"a": np.array([1.0, 3.0])}, {"a": np.ones(2)}, "params")
