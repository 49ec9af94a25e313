"""Due dates, submission times and late penalties, recorded as nbgrader's LateSubmissionPlugin does.

A submission's time is nbgrader's ``timestamp.txt`` in its ``<student>/<assignment>/`` folder
(the file `nbgrader collect` writes from the exchange), or, for an LMS zip without one, the date
of the notebook's zip entry (taken as UTC). The due date comes from ``course.toml`` or else from
the gradebook (see ``autograder.course_config``).

The penalty is computed once, from the raw score, every time a submission is graded (re-grading
never stacks penalties) and is stored on the submitted notebook in the gradebook
(``late_submission_penalty``), with the assignment's ``duedate`` and the submission's
``timestamp``: `nbgrader export` and formgrader then show the same final score as grades.csv.

Defined results:
- a penalty larger than the score takes the score to 0, never below (as nbgrader clamps it);
- no timestamp: the submission counts as on time (no penalty), ``submitted_at`` is empty;
- a timestamp that cannot be parsed: on time as well, and a warning names the file;
- no due date: nothing is late.
"""

import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.utils import parse_utc

from .. import course_config, nbgrader_api
from ..errors import UserError

TIMESTAMP_FILE = nbgrader_api.SUBMISSION_FILES[0]  # nbgrader's timestamp.txt, in <student>/<assignment>/
POLICIES = ("none", "per-day", "zero")
DEFAULTS = {"policy": "none", "percent_per_day": 10.0, "cap": 100.0, "grace_hours": 0.0}
SECONDS_PER_DAY = 86400
UNPARSABLE = "{path}: the submission time {text!r} could not be read; the submission counts as on time"
UNDATED = "{count} submission(s) of a dated assignment have no timestamp.txt and count as on time: {who}"


@dataclass(frozen=True)
class Policy:
    """none: no penalty. per-day: ``percent_per_day`` % of the maximum score for each started
    day late, at most ``cap`` %. zero: the score becomes 0. Both spare a submission less than
    ``grace_hours`` late."""

    policy: str = DEFAULTS["policy"]
    percent_per_day: float = DEFAULTS["percent_per_day"]
    cap: float = DEFAULTS["cap"]
    grace_hours: float = DEFAULTS["grace_hours"]

    def __post_init__(self):
        if self.policy not in POLICIES:
            raise UserError(f"late policy {self.policy!r}: choose one of {', '.join(POLICIES)}")
        for name in ("percent_per_day", "cap", "grace_hours"):
            if not isinstance(getattr(self, name), (int, float)) or getattr(self, name) < 0:
                raise UserError(f"late policy: {name} must be a number, 0 or more (got {getattr(self, name)!r})")

    def penalty(self, raw: float, max_score: float, seconds_late: float) -> float:
        """Points taken off ``raw``: never more than ``raw`` itself."""
        if self.policy == "none" or seconds_late <= 0 or seconds_late <= self.grace_hours * 3600:
            return 0.0
        if self.policy == "zero":
            return raw
        days = math.ceil(seconds_late / SECONDS_PER_DAY)
        percent = min(self.cap, self.percent_per_day * days)
        return round(min(raw, max_score * percent / 100), 6)

    def describe(self) -> str:
        grace = f", {self.grace_hours:g} h grace" if self.grace_hours else ""
        if self.policy == "per-day":
            return f"{self.percent_per_day:g}% of the maximum per day late, at most {self.cap:g}%{grace}"
        return {"none": "no late penalty", "zero": f"zero after the due date{grace}"}[self.policy]


def policy(course_dir: Path, **given) -> Policy:
    """The policy: each setting from ``given`` (the command line) if not None, else from
    course.toml's [late] table, else the default."""
    table = course_config.load(course_dir).late
    unknown = set(table) - set(DEFAULTS)
    if unknown:
        raise UserError(f"{course_config.FILENAME} [late]: unknown key(s) {', '.join(sorted(unknown))}; "
                        f"known: {', '.join(DEFAULTS)}")
    settings = {k: given[k] if given.get(k) is not None else table.get(k, v) for k, v in DEFAULTS.items()}
    return Policy(**settings)


@dataclass
class Late:
    """When a submission came in and what it cost."""

    submitted_at: datetime | None  # naive UTC
    due: datetime | None
    penalty: float = 0.0
    problem: str = ""

    @property
    def seconds_late(self) -> float | None:
        if self.submitted_at is None or self.due is None:
            return None
        return max(0.0, (self.submitted_at - self.due).total_seconds())


def read_timestamp(folder: Path) -> tuple[datetime | None, str]:
    """(UTC time, problem) from ``folder/timestamp.txt``, parsed as nbgrader parses it."""
    path = Path(folder) / TIMESTAMP_FILE
    if not path.is_file():
        return None, ""
    text = path.read_text(errors="replace").strip()
    try:
        if not text:
            raise ValueError("empty")
        return parse_utc(text), ""
    except (ValueError, OverflowError, TypeError):
        return None, UNPARSABLE.format(path=f"{folder.parent.name}/{folder.name}/{TIMESTAMP_FILE}", text=text[:60])


def stamp_from_zip(archive: Path, into: Path, root: Path) -> None:
    """Give each unpacked <student>/<assignment>/ folder under ``root`` that has no timestamp.txt
    of its own the date of its newest notebook entry in the zip (zip dates carry no zone: UTC)."""
    import zipfile

    newest: dict[Path, datetime] = {}
    with zipfile.ZipFile(archive) as zf:
        for member in zf.infolist():
            if member.is_dir() or not member.filename.lower().endswith(".ipynb"):
                continue
            folder = into.joinpath(*Path(member.filename).parts).parent
            if folder.parent.parent != root:
                continue
            when = datetime(*member.date_time)
            newest[folder] = max(when, newest.get(folder, when))
    for folder, when in newest.items():
        if not (folder / TIMESTAMP_FILE).exists():
            (folder / TIMESTAMP_FILE).write_text(when.isoformat(sep=" "))


def assess(results, stamps: dict, course_dir: Path, late_policy: Policy) -> list[str]:
    """Set ``result.late`` for every result and record due dates, submission times and penalties
    in the gradebook; ``stamps``: (student, assignment) -> ``read_timestamp`` of its folder, read
    before grading. Returns warnings for the instructor."""
    due_dates = course_config.load(course_dir).due
    warnings, undated = [], []
    with Gradebook(nbgrader_api.gradebook_url(course_dir), nbgrader_api.COURSE_ID) as gb:
        due = {}
        for assignment in sorted({r.assignment for r in results}):
            if assignment in due_dates:
                gb.update_or_create_assignment(assignment, duedate=due_dates[assignment])
            try:
                due[assignment] = gb.find_assignment(assignment).duedate
            except MissingEntry:
                due[assignment] = None
        for r in results:
            submitted_at, problem = stamps.get((r.student_id, r.assignment), (None, ""))
            late = Late(submitted_at, due[r.assignment], problem=problem)
            if problem:
                warnings.append(problem)
            elif submitted_at is None and late.due is not None and not r.problems:
                undated.append(f"{r.student_id}/{r.assignment}")
            seconds = late.seconds_late or 0.0
            late.penalty = late_policy.penalty(r.score, r.max_score, seconds)
            r.late = late
            try:
                submission = gb.find_submission(r.assignment, r.student_id)
                notebook = gb.find_submission_notebook(r.notebook, r.assignment, r.student_id)
            except MissingEntry:  # nothing was submitted: nbgrader exports 0 and so do we
                continue
            submission.timestamp = submitted_at
            # as AssignLatePenalties: None when on time, the plugin's penalty when late
            notebook.late_submission_penalty = late.penalty if seconds > 0 else None
        gb.db.commit()
    if undated:
        who = ", ".join(undated[:10]) + (", ..." if len(undated) > 10 else "")
        warnings.append(UNDATED.format(count=len(undated), who=who))
    return warnings


def iso(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else ""


def hours(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds / 3600:.2f}"
