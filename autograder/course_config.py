"""The course's own settings for a term: ``course.toml`` in the course root (read with tomllib).

    [assignments.04_update_rule]
    due = 2026-12-01T17:00:00Z      # a TOML date-time, or a string nbgrader can parse

    [late]                          # the default --late-policy of `grade`
    policy = "per-day"              # none | per-day | zero
    percent_per_day = 10
    cap = 50
    grace_hours = 1

Due dates: a date in course.toml wins; an assignment it does not date keeps the ``duedate``
nbgrader's gradebook holds (``nbgrader db assignment add --duedate`` or formgrader). A date
without a time zone is UTC, as in nbgrader.
"""

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from nbgrader.utils import parse_utc

from .errors import UserError

FILENAME = "course.toml"


@dataclass(frozen=True)
class CourseConfig:
    due: dict[str, datetime] = field(default_factory=dict)  # assignment -> naive UTC due date
    late: dict = field(default_factory=dict)  # the [late] table, as written


def to_utc(value, where: str) -> datetime:
    """A TOML date/date-time or a date string as a naive UTC datetime (nbgrader's convention)."""
    if isinstance(value, datetime):
        return parse_utc(value)
    if isinstance(value, date):  # a bare date: due at the end of that day
        return datetime.combine(value, time(23, 59, 59))
    if isinstance(value, str):
        try:
            return parse_utc(value)
        except (ValueError, OverflowError) as err:
            raise UserError(f"{where}: {value!r} is not a date ({err}); write e.g. 2026-12-01T17:00:00Z") from err
    raise UserError(f"{where}: {value!r} is not a date; write e.g. 2026-12-01T17:00:00Z")


def load(course_dir: Path) -> CourseConfig:
    """The course's ``course.toml``; an empty configuration when there is none."""
    path = Path(course_dir) / FILENAME
    if not path.is_file():
        return CourseConfig()
    try:
        data = tomllib.loads(path.read_text())
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise UserError(f"{path} is not valid TOML ({err}): fix the line it names") from err
    due = {}
    for assignment, table in (data.get("assignments") or {}).items():
        if isinstance(table, dict) and "due" in table:
            due[assignment] = to_utc(table["due"], f"{path} [assignments.{assignment}] due")
    late = data.get("late") or {}
    if not isinstance(late, dict):
        raise UserError(f"{path}: [late] must be a table")
    return CourseConfig(due, late)
