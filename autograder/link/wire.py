"""Plain data between the student's kernel and the grader: length-prefixed JSON frames.

Standalone (standard library and numpy only): the kernel side imports it from a copy.
What can cross: None, bool, int, float, str, numpy arrays and scalars without Python objects
inside, and lists, tuples and dicts of those. Anything else becomes a handle (the kernel keeps
the object and the grader refers to it by number) or, on the way back, an ``Opaque`` stand-in
that carries only the type's name, so no student object ever reaches the grader.
"""

import base64
import json
import struct

import numpy as np

MAX_FRAME = 256 * 2**20  # bytes; a bigger message is refused, not read
_HEADER = struct.Struct("!Q")


class ConnectionClosed(Exception):
    """The other side went away (kernel stopped, interrupted or killed)."""


class Opaque:
    """Stand-in for a student object that is not plain data (only its type name crosses)."""

    def __init__(self, type_name: str, handle: int | None = None):
        self.type_name, self.handle = type_name, handle

    def __repr__(self):
        return f"<{self.type_name} object>"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def encode(obj, handles: dict | None = None, _depth: int = 0):
    """A JSON-able tree for ``obj``; unknown objects go into ``handles`` (id -> object) if given."""
    if _depth > 64:
        raise ValueError("the value is nested too deeply")
    kind = type(obj)
    if obj is None or kind in (bool, int, float, str):
        return obj
    if kind is np.ndarray and not obj.dtype.hasobject:
        return {"nd": [obj.dtype.str, list(obj.shape), _b64(np.ascontiguousarray(obj).tobytes())]}
    if isinstance(obj, np.generic) and not isinstance(obj, np.object_) and kind.__module__ == "numpy":
        return {"np": [obj.dtype.str, _b64(np.asarray(obj).tobytes())]}
    if isinstance(obj, tuple):
        return {"tuple": [encode(x, handles, _depth + 1) for x in tuple.__iter__(obj)]}
    if isinstance(obj, list):
        return {"list": [encode(x, handles, _depth + 1) for x in list.__iter__(obj)]}
    if isinstance(obj, dict):
        return {"dict": [[encode(k, handles, _depth + 1), encode(v, handles, _depth + 1)]
                         for k, v in dict.items(obj)]}
    name = getattr(kind, "__name__", "object")
    if handles is None:
        return {"opaque": [str(name), None]}
    handles[len(handles)] = obj
    return {"opaque": [str(name), len(handles) - 1]}


def _dtype(text) -> np.dtype:
    dtype = np.dtype(str(text))
    if dtype.hasobject:
        raise ValueError("object arrays cannot cross")
    return dtype


def decode(tree):
    """The value ``encode`` described, built only from plain types (never runs code)."""
    if tree is None or type(tree) in (bool, int, float, str):
        return tree
    if type(tree) is not dict or len(tree) != 1:
        raise ValueError("malformed value")
    (tag, body), = tree.items()
    if tag == "nd":
        dtype, shape, raw = body
        shape = tuple(int(n) for n in shape)
        return np.frombuffer(base64.b64decode(raw), dtype=_dtype(dtype)).reshape(shape).copy()
    if tag == "np":
        dtype, raw = body
        return np.frombuffer(base64.b64decode(raw), dtype=_dtype(dtype))[0]
    if tag == "tuple":
        return tuple(decode(x) for x in body)
    if tag == "list":
        return [decode(x) for x in body]
    if tag == "dict":
        out = {}
        for key, value in body:
            key = decode(key)
            if isinstance(key, list | dict | np.ndarray):
                raise ValueError("unhashable key")
            out[key] = decode(value)
        return out
    if tag == "opaque":
        name, handle = body
        return Opaque(str(name), None if handle is None else int(handle))
    raise ValueError(f"unknown tag {tag!r}")


def send(sock, message: dict) -> None:
    data = json.dumps(message).encode()
    sock.sendall(_HEADER.pack(len(data)) + data)


def _read(sock, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise ConnectionClosed("the other side closed the connection")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def receive(sock) -> dict:
    (size,) = _HEADER.unpack(_read(sock, _HEADER.size))
    if size > MAX_FRAME:
        raise ValueError(f"a message of {size} bytes is larger than the {MAX_FRAME} allowed")
    message = json.loads(_read(sock, size))
    if type(message) is not dict:
        raise ValueError("malformed message")
    return message
