"""Concept questions: a notebook variable the student assigns, graded like a function.

A question is a multiple choice (the answer is a letter), a shape (a tuple of ints) or a number.
The visible text (the question and its choices) is written into the notebook by the authoring
DSL; the right answer and the reason each known wrong answer is wrong stay here, in the hidden
library, and reach the student only as the one sentence that explains their own wrong answer.

``register`` makes a question a hidden test (``registry.hidden_test`` with ``concept=True``), so
it is graded by the same kernel, oracle, feedback and report as the code tests.
"""

import math
from dataclasses import dataclass, field

from .outcome import Outcome, Part
from .registry import hidden_test

LETTERS = "ABCDEF"


@dataclass(frozen=True)
class Choice:
    """One choice of a multiple-choice question: its text and, for a wrong one, why it is wrong."""

    text: str
    why_wrong: str = ""  # empty for the right choice

    @property
    def right(self) -> bool:
        return not self.why_wrong


@dataclass(frozen=True)
class Question:
    """A concept question: ``name`` is the variable the student assigns."""

    name: str
    text: str  # markdown, shown above the choices
    choices: tuple[Choice, ...] = ()  # multiple choice: the answer is a letter
    shape: tuple[int, ...] | None = None  # the answer is this shape
    number: float | None = None  # the answer is this number
    tolerance: float = 5e-3  # for numbers: how far from ``number`` still counts as right
    wrong: dict = field(default_factory=dict)  # known wrong shapes or numbers -> why they are wrong
    example: str = ""  # how an answer is written, shown in the answer cell

    def __post_init__(self):
        kinds = [bool(self.choices), self.shape is not None, self.number is not None]
        if sum(kinds) != 1:
            raise ValueError(f"{self.name}: a question has choices, a shape or a number (exactly one)")
        if self.choices and sum(c.right for c in self.choices) != 1:
            raise ValueError(f"{self.name}: exactly one choice is right")

    @property
    def kind(self) -> str:
        return "choice" if self.choices else "shape" if self.shape is not None else "number"

    @property
    def letters(self) -> str:
        return LETTERS[:len(self.choices)]

    @property
    def answer(self):
        """The right answer, as the student writes it."""
        if self.choices:
            return self.letters[[c.right for c in self.choices].index(True)]
        return self.shape if self.shape is not None else self.number

    def markdown(self) -> str:
        """The visible question, with its choices (never the answer)."""
        lines = [self.text.strip()]
        if self.choices:
            lines.append("")
            lines += [f"- **{letter}.** {c.text}" for letter, c in zip(self.letters, self.choices, strict=True)]
        return "\n".join(lines)

    def answer_source(self) -> str:
        """The line of the instructor's solution cell that assigns the right answer."""
        answer = self.answer
        if self.number is not None:
            answer = int(answer) if float(answer).is_integer() else round(answer, 3)
        return f"{self.name} = {answer!r}"

    def answer_hint(self) -> str:
        if self.choices:
            return f'one of the letters {", ".join(repr(x) for x in self.letters)}, for example "{self.letters[0]}"'
        if self.shape is not None:
            return "a tuple of ints, for example (2, 9)"
        return self.example or "a number, for example 1.25"

    def grade(self, given) -> Part:
        """The verdict on ``given``: right, a known wrong answer with its reason, or unreadable."""
        if self.choices:
            return self._grade_choice(given)
        if self.shape is not None:
            return self._grade_shape(given)
        return self._grade_number(given)

    def _unreadable(self, given) -> Part:
        shown = repr(given) if len(repr(given)) <= 60 else repr(given)[:57] + "..."
        message = f"{self.name} = {shown} is not an answer this question takes: write {self.answer_hint()}."
        return Part(self.name, False, message, key=f"{self.name}: not an answer this question takes")

    def _wrong(self, given_text: str, reason: str) -> Part:
        return Part(self.name, False, f"{self.name} = {given_text} is wrong: {reason}", key=f"{self.name}: {reason}")

    def _grade_choice(self, given) -> Part:
        if not isinstance(given, str) or given.strip().upper() not in self.letters or not given.strip():
            return self._unreadable(given)
        letter = given.strip().upper()
        choice = self.choices[self.letters.index(letter)]
        return Part(self.name, True) if choice.right else self._wrong(repr(letter), choice.why_wrong)

    def _grade_shape(self, given) -> Part:
        try:
            if isinstance(given, str | bytes | dict):
                raise TypeError
            shape = tuple(int(n) for n in given)
            if any(float(a) != n for a, n in zip(given, shape, strict=True)):
                raise ValueError
        except (TypeError, ValueError):
            return self._unreadable(given)
        if shape == self.shape:
            return Part(self.name, True)
        reason = self.wrong.get(shape, f"that is not the shape; the expected one has {len(self.shape)} "
                                       "dimensions, each named in the text above.")
        return self._wrong(repr(shape), reason)

    def _grade_number(self, given) -> Part:
        if isinstance(given, bool):
            return self._unreadable(given)
        try:
            value = float(given)
        except (TypeError, ValueError):
            return self._unreadable(given)
        if not math.isfinite(value):
            return self._unreadable(given)
        if abs(value - self.number) <= self.tolerance:
            return Part(self.name, True)
        for known, reason in self.wrong.items():
            if abs(value - known) <= self.tolerance:
                return self._wrong(f"{value:g}", reason)
        return self._wrong(f"{value:g}", "that is not it: work it out from the equations of this notebook.")


QUESTIONS: dict[str, Question] = {}


def register(assignment: str, question: Question, points: float = 1):
    """Make ``question`` a hidden test of ``assignment`` (grade id ``test_<name>_answer``)."""
    if question.name in QUESTIONS:
        raise ValueError(f"duplicate concept question {question.name}")
    QUESTIONS[question.name] = question

    @hidden_test(assignment, question.name, "answer", points, description="your answer", concept=True)
    def run(student, rng):
        return Outcome([question.grade(student.value())])

    return question


def question(name: str) -> Question:
    from . import registry  # the questions are registered when the registry loads

    registry.all_tests()
    return QUESTIONS[name]
