"""The wire format in process: what crosses between a grading kernel and the grader comes back
equal (dtype, shape, nesting, NaN and infinities), and what must not cross is refused."""

import math
import socket

import numpy as np
import pytest

from autograder.link import wire

ARRAYS = [
    np.arange(6, dtype=np.float64).reshape(2, 3) / 7,
    np.array([[1.5, -2.25]], dtype=np.float32),
    np.arange(-4, 4, dtype=np.int8),
    np.arange(12, dtype=np.int64).reshape(3, 2, 2),
    np.array([65535, 0, 7], dtype=np.uint16),
    np.array([True, False, True]),
    np.array([1 + 2j, -3.5j], dtype=np.complex128),
    np.array(3.25),  # zero-dimensional
    np.zeros((0, 4)),  # empty
    np.zeros((2, 0, 3), dtype=np.int32),
    np.arange(20.0).reshape(4, 5).T,  # not C-contiguous
    np.arange(20.0).reshape(4, 5)[::2, 1:4],  # a strided view
    np.asfortranarray(np.arange(6.0).reshape(2, 3)),
    np.array(["ab", "c"]),
    np.array([1.0, 2.0], dtype=">f8"),  # big-endian
]


def same(a, b) -> bool:
    """Equal in type, dtype, shape and value (NaN equal to NaN), all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray | np.generic):
        nan = a.dtype.kind in "fc"
        return a.dtype == b.dtype and np.shape(a) == np.shape(b) and np.array_equal(a, b, equal_nan=nan)
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def through_socket(value):
    """``value`` encoded, sent as a frame over a real socket, received and decoded."""
    left, right = socket.socketpair()
    with left, right:
        wire.send(left, {"value": wire.encode(value)})
        return wire.decode(wire.receive(right)["value"])


@pytest.mark.parametrize("array", ARRAYS, ids=lambda a: f"{a.dtype}{list(a.shape)}")
def test_arrays_of_every_dtype_and_shape_come_back_equal_and_writable(array):
    back = through_socket(array)
    assert same(back, array)
    assert back.flags.writeable and back.flags.c_contiguous and not np.shares_memory(back, array)


def test_numpy_scalars_and_python_values_keep_their_types():
    values = [None, True, 0, -12, 2.5, "text", np.float64(0.1), np.float32(1.5), np.int64(-3), np.bool_(True),
              np.complex64(1 - 1j)]
    for value in values:
        assert same(through_socket(value), value), value


def test_nested_dicts_tuples_and_lists_keep_their_structure():
    value = {
        "W1": np.ones((3, 2)),
        "caches": [((np.zeros((2, 1)), np.eye(2), np.array([[0.5], [1.0]])), np.arange(3.0)), ()],
        7: ("a", [1, (2.0, None)]),
        (1, "k"): {"inner": {"deeper": np.int32(4)}},
    }
    assert same(through_socket(value), value)


def test_non_finite_values_survive_in_arrays_and_numbers():
    array = np.array([[np.nan, np.inf], [-np.inf, -0.0]])
    back = through_socket({"a": array, "f": [math.nan, math.inf, -math.inf], "s": np.float32("nan")})
    assert same(back["a"], array) and np.signbit(back["a"][1, 1])
    assert math.isnan(back["f"][0]) and back["f"][1:] == [math.inf, -math.inf]
    assert np.isnan(back["s"]) and back["s"].dtype == np.float32


def test_a_subclass_of_a_plain_type_crosses_as_the_plain_type():
    class Sneaky(tuple):
        def __eq__(self, other):
            return True

    back = through_socket(Sneaky((1, 2)))
    assert type(back) is tuple and back == (1, 2)


def test_objects_that_are_not_plain_data_cross_only_as_their_type_name():
    class Weights:
        pass

    for value in (Weights(), np.array([object()]), np.float64, len):
        back = through_socket(value)
        assert isinstance(back, wire.Opaque) and back.handle is None, value
    handles: dict = {}
    tree = wire.encode([Weights(), np.array([1, None])], handles)
    back = wire.decode(tree)
    assert [o.type_name for o in back] == ["Weights", "ndarray"] and [o.handle for o in back] == [0, 1]
    assert isinstance(handles[0], Weights) and handles[1].dtype == object  # kept on the sending side


@pytest.mark.parametrize("tree, why", [
    ({"nd": ["|O", [1], ""]}, "object arrays cannot cross"),
    ({"np": ["|O", ""]}, "object arrays cannot cross"),
    ({"pickle": "gASV"}, "unknown tag"),
    ({"nd": ["<f8", [2], ""], "extra": 1}, "malformed value"),
    ([1, 2], "malformed value"),
    ({"dict": [[{"list": [1]}, 2]]}, "unhashable key"),
    ({"nd": ["<f8", [3], "AAAAAAAA8D8="]}, "cannot reshape"),
])
def test_decoding_refuses_anything_but_the_plain_types(tree, why):
    with pytest.raises(ValueError, match=why):
        wire.decode(tree)


def test_values_nested_without_end_are_refused():
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="nested too deeply"):
        wire.encode(loop)


def test_frames_too_large_or_not_a_message_are_refused_and_a_closed_peer_is_told():
    left, right = socket.socketpair()
    with left, right:
        left.sendall(wire._HEADER.pack(wire.MAX_FRAME + 1))
        with pytest.raises(ValueError, match="larger than"):
            wire.receive(right)
    left, right = socket.socketpair()
    with left, right:
        left.sendall(wire._HEADER.pack(2) + b"[]")
        with pytest.raises(ValueError, match="malformed message"):
            wire.receive(right)
        left.sendall(wire._HEADER.pack(10) + b"{}")  # a frame cut short
        left.close()
        with pytest.raises(wire.ConnectionClosed):
            wire.receive(right)
