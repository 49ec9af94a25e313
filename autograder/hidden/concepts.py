"""Concept questions: a notebook variable the student assigns, graded like a function.

A question is a multiple choice (the answer is a letter), a shape (a tuple of ints) or a number.
Each student answers their own version of it: the order of the choices and the numbers in the
question are drawn from their seed (``bpkit.questions``, which also holds the visible text and
is what the notebook's question cells call). The right answer (which choice, or an expression
of the drawn numbers) and the reason each known wrong answer is wrong stay here, in the hidden
library, and reach the student only as the one sentence that explains their own wrong answer.

``register`` makes a question a hidden test (``registry.hidden_test`` with ``concept=True``), so
it is graded by the same kernel, oracle, feedback and report as the code tests. The test's rng
is seeded exactly as the student's kernel seeds their version (``seeds.seed_for`` is
``bpkit.student.student_seed`` of the same student, assignment and grade id), so the version it
grades is the one the student was shown.
"""

import math
from dataclasses import dataclass, field

import numpy as np

from .outcome import Outcome, Part
from .registry import HiddenTest, hidden_test
from .visible import questions as visible


@dataclass(frozen=True)
class Question:
    """The hidden half of a concept question; ``name`` is the variable the student assigns.

    A multiple choice has one ``reasons`` entry per choice of its visible text, in the same
    (canonical) order: why that choice is wrong, or "" for the right one. A shape or a number
    has its ``answer`` as a Python expression of the student's version ``v`` (its drawn numbers
    are attributes: ``"(v.n, v.n_prev)"``; ``np`` is numpy), and ``wrong``: known wrong answers
    (expressions too) with their reasons. Reasons may name drawn numbers as ``{{x}}``."""

    name: str
    reasons: tuple[str, ...] = ()
    answer: str | None = None
    shape: bool = False  # the answer is a shape (a tuple of ints), not a number
    tolerance: float = 5e-3  # for numbers: how far from the answer still counts as right
    wrong: dict = field(default_factory=dict)

    def __post_init__(self):
        shown = self.shown
        if bool(self.reasons) == (self.answer is not None):
            raise ValueError(f"{self.name}: a question has reasons (a multiple choice) or an answer (exactly one)")
        if len(self.reasons) != len(shown.choices):
            raise ValueError(f"{self.name}: {len(self.reasons)} reasons for {len(shown.choices)} visible choices")
        if self.reasons and sum(not r for r in self.reasons) != 1:
            raise ValueError(f"{self.name}: exactly one choice is right")

    @property
    def shown(self):
        """The visible question (``bpkit.questions``)."""
        try:
            return visible.QUESTIONS[self.name]
        except KeyError:
            raise ValueError(f"{self.name} has no visible text in bpkit/questions.py") from None

    @property
    def kind(self) -> str:
        return "choice" if self.reasons else "shape" if self.shape else "number"

    @property
    def right_choice(self) -> int:
        """The canonical index of the right choice."""
        return self.reasons.index("")

    def version(self, rng):
        return self.shown.version_for(rng)

    def version_of(self, student: str):
        """``student``'s version, as their kernel draws it."""
        return visible.version(self.name, student)

    def _value(self, expression: str, v):
        value = eval(expression, {"np": np, "math": math, "v": v})  # noqa: S307 - the kit's own expressions
        return tuple(int(n) for n in value) if self.shape else value

    def expected(self, v):
        """The right answer of version ``v``, as the student writes it."""
        if self.reasons:
            return v.letter_of[self.right_choice]
        value = self._value(self.answer, v)
        if self.shape:
            return value
        value = float(value)
        return int(value) if value.is_integer() else round(value, 3)

    def answer_line(self, v) -> str:
        """What a student who answers version ``v`` right writes."""
        return f"{self.name} = {self.expected(v)!r}"

    def answer_source(self) -> str:
        """The instructor's solution cell: the right answer of whichever version the kernel's
        student is shown (so the solutions earn full marks for every student)."""
        if self.reasons:
            return "\n".join(["from bpkit import questions",
                              f'{self.name} = questions.version("{self.name}").letter_of[{self.right_choice}]'])
        lines = []  # (np is imported by every notebook's setup cell)
        if "v." in self.answer:  # the numbers of the kernel's student's version
            lines += ["from bpkit import questions", f'v = questions.version("{self.name}")']
        return "\n".join([*lines, f"{self.name} = {self.answer}"])

    def grade(self, given, v) -> Part:
        """The verdict on ``given`` for version ``v``: right, a known wrong answer with its reason,
        or unreadable."""
        if self.reasons:
            return self._grade_choice(given, v)
        if self.shape:
            return self._grade_shape(given, v)
        return self._grade_number(given, v)

    def _unreadable(self, given, v) -> Part:
        shown = repr(given) if len(repr(given)) <= 60 else repr(given)[:57] + "..."
        message = f"{self.name} = {shown} is not an answer this question takes: write {v.answer_hint()}."
        return Part(self.name, False, message, key=f"{self.name}: not an answer this question takes")

    def _wrong(self, given_text: str, reason: str, v) -> Part:
        return Part(self.name, False, f"{self.name} = {given_text} is wrong: {v.fill(reason)}",
                    key=f"{self.name}: {reason}")

    def _grade_choice(self, given, v) -> Part:
        if not isinstance(given, str) or not given.strip() or given.strip().upper() not in v.letters:
            return self._unreadable(given, v)
        letter = given.strip().upper()
        reason = self.reasons[v.choice(letter)]
        return Part(self.name, True) if not reason else self._wrong(repr(letter), reason, v)

    def _grade_shape(self, given, v) -> Part:
        try:
            if isinstance(given, str | bytes | dict):
                raise TypeError
            shape = tuple(int(n) for n in given)
            if any(float(a) != n for a, n in zip(given, shape, strict=True)):
                raise ValueError
        except (TypeError, ValueError):
            return self._unreadable(given, v)
        expected = self.expected(v)
        if shape == expected:
            return Part(self.name, True)
        for known, reason in self.wrong.items():
            if shape == self._value(known, v):
                return self._wrong(repr(shape), reason, v)
        return self._wrong(repr(shape), f"that is not the shape; the expected one has {len(expected)} "
                                        "dimensions, each named in the text above.", v)

    def _grade_number(self, given, v) -> Part:
        if isinstance(given, bool):
            return self._unreadable(given, v)
        try:
            value = float(given)
        except (TypeError, ValueError):
            return self._unreadable(given, v)
        if not math.isfinite(value):
            return self._unreadable(given, v)
        if abs(value - float(self._value(self.answer, v))) <= self.tolerance:
            return Part(self.name, True)
        for known, reason in self.wrong.items():
            if abs(value - float(self._value(known, v))) <= self.tolerance:
                return self._wrong(f"{value:g}", reason, v)
        return self._wrong(f"{value:g}", "that is not it: work it out from the equations of this notebook.", v)


QUESTIONS: dict[str, Question] = {}


def register(assignment: str, question: Question, points: float = 1):
    """Make ``question`` a hidden test of ``assignment`` (grade id ``test_<name>_answer``)."""
    if question.name in QUESTIONS:
        raise ValueError(f"duplicate concept question {question.name}")
    if question.shown.assignment != assignment:
        raise ValueError(f"{question.name} is shown in {question.shown.assignment}, registered for {assignment}")
    QUESTIONS[question.name] = question

    @hidden_test(assignment, question.name, "answer", points, description="your answer", concept=True)
    def run(student, rng):  # rng: the student's seed for this test, which drew the version they saw
        return Outcome([question.grade(student.value(), question.version(rng))])

    # The student's kernel draws the version from the test's grade id: they must be the same.
    if HiddenTest(assignment, question.name, "answer", points, (), run, "", concept=True).grade_id != \
            question.shown.grade_id:
        raise ValueError(f"{question.name}: its visible version is drawn from another grade id than its test's")

    return question


def question(name: str) -> Question:
    from . import registry  # the questions are registered when the registry loads

    registry.all_tests()
    return QUESTIONS[name]
