"""`python -m autograder export`: grades.csv as a learning management system imports it.

The roster (a CSV the instructor writes or exports from the LMS) maps our student ids to the
LMS's: ``student_id`` plus any of ``name``, ``lms_id`` (Canvas's user ID, Moodle's ID number),
``sis_user_id``, ``sis_login_id``, ``section``, ``email``.

- canvas: Canvas's gradebook import CSV: Student, ID, SIS User ID, SIS Login ID, Section, then
  one column per assignment (a new name creates that assignment in Canvas), and a
  "Points Possible" row under the header.
- moodle: Moodle's grade import CSV: First name, Last name, ID number, Email address, then one
  column per assignment; on import, map "Email address" to useremail (or "ID number" to
  useridnumber) and each assignment column to a grade item.
- csv: student_id, the roster's columns, one column per assignment, total, max_total.

Scores are grades.csv's ``score`` (final, after any late penalty). A roster student with no grade
gets an empty cell (the LMS then keeps what it has) and is reported; a graded student missing
from the roster cannot be matched: they go to ``<out>_unmatched.csv`` and are reported.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_text
from ..errors import UserError

FORMATS = ("canvas", "moodle", "csv")
ROSTER_COLUMNS = ("student_id", "name", "lms_id", "sis_user_id", "sis_login_id", "section", "email")
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
CANVAS_POINTS_ROW = "Points Possible"
MOODLE_COLUMNS = ["First name", "Last name", "ID number", "Email address"]
NEEDED = {  # format -> roster columns of which at least one must be there to identify a student
    "canvas": ("name", "lms_id", "sis_user_id"),
    "moodle": ("email", "lms_id"),
    "csv": ("student_id",),
}


@dataclass
class ExportReport:
    written: int = 0
    missing: list[str] = field(default_factory=list)  # in the roster, no grade
    extra: list[str] = field(default_factory=list)  # graded, not in the roster
    unmatched_file: Path | None = None

    def warnings(self) -> list[str]:
        lines = []
        if self.missing:
            lines.append(f"{len(self.missing)} roster student(s) have no grade (their cells are left empty): "
                         + ", ".join(self.missing))
        if self.extra:
            lines.append(f"{len(self.extra)} graded student(s) are not in the roster, so the LMS cannot match them; "
                         f"their grades are in {self.unmatched_file}: " + ", ".join(self.extra))
        return lines


def _read_csv(path: Path, what: str) -> tuple[list[str], list[dict[str, str]]]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            rows = [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
            return list(reader.fieldnames or []), rows
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise UserError(f"{what} {path} could not be read ({err})") from err


def read_roster(path: Path, fmt: str) -> list[dict[str, str]]:
    header, rows = _read_csv(path, "--roster")
    if "student_id" not in header:
        raise UserError(f"--roster {path} has no student_id column: its header must name our student ids in "
                        f"student_id and the LMS's in any of {', '.join(ROSTER_COLUMNS[1:])}")
    if not any(c in header for c in NEEDED[fmt]):
        raise UserError(f"--roster {path}: a {fmt} import needs one of the columns {', '.join(NEEDED[fmt])} "
                        "to identify each student")
    seen = set()
    for row in rows:
        if row["student_id"] in seen:
            raise UserError(f"--roster {path}: student_id {row['student_id']!r} appears twice")
        seen.add(row["student_id"])
    return [row for row in rows if row["student_id"]]


def read_grades(path: Path) -> tuple[list[str], dict[str, dict[str, tuple[str, str]]]]:
    """(assignments, student -> assignment -> (score, max_score)) from grades.csv."""
    if not path.is_file():
        raise UserError(f"--grades {path} does not exist: run `python -m autograder grade` first, or give its --out")
    header, rows = _read_csv(path, "--grades")
    if not {"student_id", "assignment", "score", "max_score"} <= set(header):
        raise UserError(f"--grades {path} is not a grades.csv (its columns are {', '.join(header)})")
    grades: dict[str, dict[str, tuple[str, str]]] = {}
    for row in rows:
        grades.setdefault(row["student_id"], {})[row["assignment"]] = (row["score"], row["max_score"])
    return sorted({row["assignment"] for row in rows}), grades


def _split_name(name: str) -> tuple[str, str]:
    first, _, last = name.rpartition(" ")
    return (first, last) if first else (name, "")


def _identity(fmt: str, person: dict[str, str], roster_header: list[str]) -> list[str]:
    if fmt == "canvas":
        return [person.get("name", ""), person.get("lms_id", ""), person.get("sis_user_id", ""),
                person.get("sis_login_id", ""), person.get("section", "")]
    if fmt == "moodle":
        return [*_split_name(person.get("name", "")), person.get("lms_id", ""), person.get("email", "")]
    return [person.get(c, "") for c in roster_header]


def _write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    write_text(path, buffer.getvalue(), newline="")


def export(grades_csv: Path, roster_csv: Path, fmt: str, out: Path) -> ExportReport:
    """Write ``out`` in ``fmt`` for every roster student; return who was missing or extra."""
    if fmt not in FORMATS:
        raise UserError(f"--format {fmt}: choose one of {', '.join(FORMATS)}")
    roster = read_roster(Path(roster_csv), fmt)
    assignments, grades = read_grades(Path(grades_csv))
    maxima = {a: next((g[a][1] for g in grades.values() if a in g), "") for a in assignments}
    roster_header = [c for c in ROSTER_COLUMNS if any(c in person for person in roster)]
    header = {"canvas": CANVAS_COLUMNS, "moodle": MOODLE_COLUMNS, "csv": roster_header}[fmt] + assignments
    rows = [header + (["total", "max_total"] if fmt == "csv" else [])]
    if fmt == "canvas":
        rows.append([CANVAS_POINTS_ROW, "", "", "", "", *(maxima[a] for a in assignments)])
    report = ExportReport()
    for person in roster:
        got = grades.get(person["student_id"], {})
        cells = [got[a][0] if a in got else "" for a in assignments]
        if not got:
            report.missing.append(person["student_id"])
        row = _identity(fmt, person, roster_header) + cells
        if fmt == "csv":
            row += [f"{sum(float(got[a][0]) for a in got):g}" if got else "",
                    f"{sum(float(got[a][1]) for a in got):g}" if got else ""]
        rows.append(row)
        report.written += 1
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _write(out, rows)
    known = {person["student_id"] for person in roster}
    report.extra = sorted(set(grades) - known)
    if report.extra:
        report.unmatched_file = out.with_name(f"{out.stem}_unmatched.csv")
        _write(report.unmatched_file, [["student_id", *assignments]] + [
            [s, *(grades[s][a][0] if a in grades[s] else "" for a in assignments)] for s in report.extra])
    return report
