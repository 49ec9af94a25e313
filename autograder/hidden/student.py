"""Calling student code from a hidden test: on copies, with errors turned into diagnoses."""

import copy
import re

import numpy as np


class StudentError(Exception):
    """The student's code raised: the message is the diagnosis."""

    @property
    def key(self) -> str:
        """The message without the exception's own text: "f raised TypeError" for any TypeError."""
        found = re.match(r"(\S+ raised \w+):", str(self))
        return found.group(1) if found else str(self)


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape and (
            np.array_equal(a, b, equal_nan=True)
        )
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    try:
        return bool(a == b)
    except Exception:
        return False


class Student:
    """Wraps the student's function: calls it on deep copies and notes in-place changes."""

    def __init__(self, fn, name: str):
        self.fn = fn
        self.name = name
        self.notes: list[str] = []

    def __call__(self, *args):
        return self.call(self.fn, self.name, *args)

    def call(self, fn, label, *args):
        given = copy.deepcopy(args)
        try:
            out = fn(*given)
        except NotImplementedError:
            raise StudentError(f"{label} is not written yet: replace `raise NotImplementedError()` "
                               "with your code.") from None
        except Exception as err:  # the student's bug, reported as such
            raise StudentError(f"{label} raised {type(err).__name__}: {err}") from None
        if not _same(given, args):
            note = (
                f"{label} changed the arrays passed to it (in place). That costs nothing here, "
                "but callers may not expect it: work on copies (copy.deepcopy) or new arrays."
            )
            if note not in self.notes:
                self.notes.append(note)
        return out

    def method(self, obj, method: str, *args):
        fn = getattr(obj, method, None)
        if fn is None:
            raise StudentError(f"{self.name} objects have no method {method}().")
        return self.call(fn, f"{self.name}.{method}", *args)

    def raises(self, *args):
        """The exception the function raises on ``args``, or None if it returns normally."""
        try:
            self.fn(*copy.deepcopy(args))
        except Exception as err:
            return err
        return None
