"""`python -m autograder release-feedback`: hand the feedback pages `grade` wrote back through
nbgrader's exchange, so that a student's `nbgrader fetch_feedback` (or JupyterLab's Assignment
List, "Fetch Feedback") gets them.

What nbgrader 0.9 expects (nbgrader/exchange/default/release_feedback.py, fetch_feedback.py):
- the instructor's ``release_feedback`` globs ``<course>/feedback/<student>/<assignment>/*.html``
  and needs, in each such folder, the submission's ``timestamp.txt`` and
  ``submission_secret.txt`` (written by the student's ``submit``, kept by ``collect``); it copies
  each page to ``<exchange>/<course_id>/feedback/<hash>.html``, the hash made from the secret and
  the notebook's name;
- a student's ``fetch_feedback`` recomputes that hash for each notebook of each submission in
  the student's own cache, and copies the page, alone, to
  ``<assignment>/feedback/<timestamp>/<notebook>.html`` in the student's folder.

So only submissions that came through the exchange (with their secret) can get feedback this
way; the others (an LMS zip) are listed with the reason. The page released is the page `grade`
wrote, with its offline scripts inside it (standalone_page): the exchange carries the page alone.
"""

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .. import html_assets, nbgrader_api
from ..atomic import write_text
from ..errors import UserError
from .standalone_page import standalone

TIMESTAMP, SECRET = nbgrader_api.SUBMISSION_FILES


@dataclass
class Released:
    pages: list[Path] = field(default_factory=list)  # course/feedback/<student>/<assignment>/<notebook>.html
    skipped: list[str] = field(default_factory=list)  # "<student>/<assignment>: reason"


def _pages(out: Path, assignments: list[str] | None) -> list[Path]:
    folder = Path(out) / "feedback"
    if not folder.is_dir():
        raise UserError(f"no feedback pages in {folder}: run `python -m autograder grade --out {out}` first, "
                        "or pass the --out folder grade wrote to")
    pages = sorted(p for p in folder.glob("*/*/*.html")
                   if p.parent.name != html_assets.FOLDER and (assignments is None or p.parent.name in assignments))
    if not pages:
        raise UserError(f"no feedback pages under {folder}" + (f" for {', '.join(assignments)}" if assignments else ""))
    return pages


def prepare(course_dir: Path, out: Path, submissions: Path, assignments: list[str] | None = None) -> Released:
    """Copy every page of ``out``/feedback into nbgrader's feedback folder of the course, beside
    the submission's timestamp and secret read from ``submissions``/<student>/<assignment>/."""
    course_dir, submissions = Path(course_dir), Path(submissions)
    released = Released()
    for page in _pages(out, assignments):
        student, assignment = page.parent.parent.name, page.parent.name
        source = submissions / student / assignment
        missing = [name for name in (TIMESTAMP, SECRET) if not (source / name).is_file()]
        if missing:
            released.skipped.append(
                f"{student}/{assignment}: no {' or '.join(missing)} in {source} (not submitted through "
                f"nbgrader's exchange: hand the folder feedback/{student}/ out instead)")
            continue
        target = course_dir / "feedback" / student / assignment
        target.mkdir(parents=True, exist_ok=True)
        for name in (TIMESTAMP, SECRET):
            shutil.copyfile(source / name, target / name)
        write_text(target / page.name, standalone(page.read_text(encoding="utf-8")))
        released.pages.append(target / page.name)
    return released


def release_feedback(course_dir: Path, out: Path, submissions: Path, exchange: Path | None = None,
                     assignments: list[str] | None = None) -> Released:
    """prepare(), then nbgrader's own release_feedback for each assignment that has pages."""
    released = prepare(course_dir, out, submissions, assignments)
    cfg = nbgrader_api.config(course_dir)
    if exchange is not None:
        cfg.Exchange.root = str(Path(exchange).resolve())
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    api = NbGraderAPI(CourseDirectory(config=cfg), config=cfg)
    for assignment in sorted({p.parent.name for p in released.pages}):
        outcome = api.release_feedback(assignment)
        if not outcome["success"]:
            raise UserError(f"nbgrader could not release the feedback of {assignment}: "
                            f"{nbgrader_api.failure_reason(outcome)}")
    return released
