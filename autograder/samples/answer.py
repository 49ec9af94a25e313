"""One planted answer: a complete definition as a student writes it, with what grading must give it."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    assignment: str
    function: str
    label: str
    source: str
    kept: float | None = None  # points the function keeps (None: full marks)
    diagnosis: str = ""  # words its diagnosis must contain


def slug(label: str) -> str:
    """A student id made from a label: "1/m instead of 1/(2m)" -> "1_m_instead_of_1_2m"."""
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
