"""What one hidden test found: the parts it checked, and notes that cost nothing."""

from dataclasses import dataclass, field


@dataclass
class Part:
    """One checked component of a function's output (a returned array, a dict key, ...)."""

    name: str
    ok: bool
    message: str = ""
    key: str = ""  # the template the message was made from: the same for every student


@dataclass
class Outcome:
    parts: list[Part]
    notes: list[str] = field(default_factory=list)  # reported, never deducted
    hints: list[str] = field(default_factory=list)  # warnings turned into advice
    lead: str = ""  # a sentence put before the parts' messages when something failed
    unanswered: bool = False  # the function or answer is still the release's stub (its verdict's status)

    @property
    def fraction(self) -> float:
        if not self.parts:
            return 0.0
        return sum(p.ok for p in self.parts) / len(self.parts)

    @property
    def diagnosis(self) -> str:
        """The student-facing message: every failed part's message, in order; empty if all passed."""
        told = " ".join(p.message for p in self.parts if not p.ok and p.message)
        return f"{self.lead} {told}" if self.lead and told else told

    @property
    def diagnosis_key(self) -> str:
        """What kind of diagnosis this is, the same for every student who gets it: the templates
        of the failed parts' messages, in order (the report groups diagnoses by it)."""
        keys = [p.key or p.message for p in self.parts if not p.ok and p.message]
        return " + ".join(dict.fromkeys(keys))

    @classmethod
    def failed(cls, message: str, parts: int = 1, key: str = "", unanswered: bool = False) -> "Outcome":
        return cls([Part("call", False, message, key)] + [Part("call", False, "")] * (parts - 1),
                   unanswered=unanswered)
