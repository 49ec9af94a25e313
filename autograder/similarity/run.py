"""`python -m autograder similarity`: compare every graded function across a class."""

import csv
import io
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import notebooks
from ..atomic import write_text
from ..errors import UserError
from ..grading.submissions import students, unpack_zip
from .cluster import COMMON, THRESHOLD, Comparison, compare
from .collect import class_bodies
from .normalise import OK, Body

PAGE, PAIRS_CSV = "similarity.html", "similarity_pairs.csv"
PAIR_COLUMNS = ["assignment", "function", "student_a", "student_b", "score", "shared_fingerprints", "cluster"]


@dataclass
class FunctionResult:
    assignment: str
    function: str
    bodies: dict[str, Body]  # student -> body
    comparison: Comparison


@dataclass
class Report:
    results: list[FunctionResult]
    threshold: float
    common: int = COMMON

    def repeated_pairs(self) -> list[tuple[tuple[str, str], list[str]]]:
        """Student pairs linked in two functions or more, most functions first."""
        found: dict[tuple[str, str], list[str]] = {}
        for r in self.results:
            for p in r.comparison.pairs:
                found.setdefault((p.a, p.b), []).append(r.function)
        return sorted(((k, v) for k, v in found.items() if len(v) > 1), key=lambda kv: (-len(kv[1]), kv[0]))


def _check(submissions: Path, course_dir: Path, assignments) -> None:
    if not submissions.is_dir():
        raise UserError(f"--submissions {submissions} is not a folder or a .zip: give the folder that holds "
                        "<student_id>/<assignment>/<notebook>.ipynb")
    known = notebooks.assignments(course_dir)
    if not known:
        raise UserError(f"{course_dir} has no source/<assignment>/ notebooks: give the course with --course-dir")
    unknown = sorted(set(assignments or ()) - set(known))
    if unknown:
        raise UserError(f"unknown assignment(s) {', '.join(unknown)}: choose from {', '.join(known)}")
    if not students(submissions):
        raise UserError(f"{submissions} holds no student folders: expected <student_id>/<assignment>/<notebook>.ipynb")


def compare_class(submissions: Path, course_dir: Path, *, threshold: float = THRESHOLD, common: int = COMMON,
                  assignments=None) -> Report:
    """Compare a class laid out as <student_id>/<assignment>/<notebook>.ipynb (a folder)."""
    submissions, course_dir = Path(submissions), Path(course_dir)
    _check(submissions, course_dir, assignments)
    bodies = class_bodies(submissions, course_dir, assignments)
    if not bodies:
        raise UserError(f"no assignment folder ({', '.join(notebooks.assignments(course_dir))}) found under "
                        f"{submissions}/<student_id>/")
    results = [FunctionResult(a, f, b, compare(b, threshold, common)) for (a, f), b in bodies.items()]
    return Report(results, threshold, common)


def write_pairs_csv(report: Report, path: Path) -> None:
    """similarity_pairs.csv, written whole or not at all."""
    buffer = io.StringIO(newline="")
    w = csv.writer(buffer)
    w.writerow(PAIR_COLUMNS)
    for r in report.results:
        cluster_of = {s: i for i, c in enumerate(r.comparison.clusters, 1) for s in c.students}
        for p in r.comparison.pairs:
            w.writerow([r.assignment, r.function, p.a, p.b, f"{p.score:.3f}", p.shared, cluster_of[p.a]])
    write_text(path, buffer.getvalue(), newline="")


def similarity(submissions: Path, course_dir: Path, out: Path, *, threshold: float = THRESHOLD,
               common: int = COMMON, assignments=None) -> Report:
    """Compare the class in ``submissions`` (a folder or an LMS .zip) and write similarity.html and
    similarity_pairs.csv into ``out``."""
    from .page import write_page

    submissions, course_dir, out = Path(submissions), Path(course_dir), Path(out)
    with tempfile.TemporaryDirectory(prefix="autograder-zip-") as unpacked:
        if submissions.suffix.lower() == ".zip" and submissions.is_file():
            submissions = unpack_zip(submissions, Path(unpacked), notebooks.assignments(course_dir))
        report = compare_class(submissions, course_dir, threshold=threshold, common=common, assignments=assignments)
    out.mkdir(parents=True, exist_ok=True)
    write_pairs_csv(report, out / PAIRS_CSV)
    write_page(report, out / PAGE)
    return report


def summary(report: Report) -> str:
    """A few lines for the terminal."""
    lines = []
    for r in report.results:
        status = Counter(b.status for b in r.bodies.values() if b.status != OK)
        c = r.comparison
        status["too short"] = len(c.too_short)
        status["in common answers"] = sum(map(len, c.common_answers))
        others = ", ".join(f"{k} {v}" for k, v in sorted(status.items()) if v)
        lines.append(f"{r.function:<28} compared {len(c.compared):>4}  clusters {len(c.clusters):>3}  "
                     f"similar pairs {len(c.pairs):>4}  {others}")
    return "\n".join(lines)
