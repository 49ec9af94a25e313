"""The command line: a thin layer over the verbs' own functions (release, grade, export,
release-feedback, similarity, notebooks, demo)."""

import argparse
import sys
import tempfile
from pathlib import Path

from . import html_assets, paths
from .authoring.build import add_arguments as authoring_arguments
from .errors import UserError
from .grading import job, late, lms
from .similarity import cluster as similarity_defaults

DEFAULT_OUT = paths.REPO / "build" / "grades"
DEFAULT_DEMO_OUT = paths.REPO / "build" / "demo"
DEFAULT_SIMILARITY_OUT = paths.REPO / "build" / "similarity"


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _not_negative(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _share(text: str) -> float:
    value = float(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 1")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m autograder", description="Release and grade the backprop course.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("release", help="write the student versions of all assignments into COURSE/release")
    r.add_argument("--course-dir", type=Path, default=paths.COURSE)
    g = sub.add_parser("grade", help="grade submissions laid out as <student_id>/<assignment>/<notebook>.ipynb")
    g.add_argument("--submissions", type=Path, required=True,
                   help="a folder, or a .zip (an LMS download) of <student_id>/<assignment>/<notebook>.ipynb")
    g.add_argument("--course-dir", type=Path, default=paths.COURSE)
    g.add_argument("--out", type=Path, default=DEFAULT_OUT)
    g.add_argument("--workers", type=_positive, default=None, help="parallel notebooks (default: the cores)")
    g.add_argument("--timeout", type=_positive, default=job.default("timeout"),
                   help="seconds a cell may run (default %(default)s)")
    g.add_argument("--notebook-timeout", type=_positive, default=job.default("notebook_timeout"),
                   help="seconds a whole notebook may run (default %(default)s)")
    g.add_argument("--memory-limit", type=_positive, default=job.default("memory_mb"),
                   help="MiB of address space per grading kernel (default %(default)s)")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="grade on this Dask cluster (e.g. tcp://host:8786) instead of local processes")
    g.add_argument("--assignment", action="append", dest="assignments",
                   help="grade only this assignment (repeatable; default: those submitted)")
    g.add_argument("--student", action="append", dest="only_students", metavar="ID",
                   help="re-grade only this student (repeatable); the other students' rows in grades.csv and "
                        "test_results.csv, their feedback and gradebook entries stay as they were")
    d = late.DEFAULTS
    g.add_argument("--late-policy", choices=late.POLICIES,
                   help=f"late penalty: none, per-day (a percentage of the maximum per started day late, capped) "
                        f"or zero (after the grace period); default: course.toml's [late] policy, else {d['policy']}")
    g.add_argument("--late-percent", type=_not_negative, metavar="PCT",
                   help=f"per-day: percent of the maximum taken off per started day (default {d['percent_per_day']:g})")
    g.add_argument("--late-cap", type=_not_negative, metavar="PCT",
                   help=f"per-day: at most this percent of the maximum in all (default {d['cap']:g})")
    g.add_argument("--late-grace", type=_not_negative, metavar="HOURS",
                   help=f"no penalty for a submission less than this late (default {d['grace_hours']:g})")
    e = sub.add_parser("export", help="write an LMS's grade import file (Canvas, Moodle or plain CSV) from grades.csv")
    e.add_argument("--format", choices=lms.FORMATS, required=True, help="the LMS whose import file to write")
    e.add_argument("--roster", type=Path, required=True,
                   help="CSV mapping our student_id to the LMS's ids (columns: " + ", ".join(lms.ROSTER_COLUMNS) + ")")
    e.add_argument("--grades", type=Path, default=DEFAULT_OUT / "grades.csv", help="the grades.csv `grade` wrote")
    e.add_argument("--out", type=Path, help="the file to write (default: <format>_grades.csv beside --grades)")
    f = sub.add_parser("release-feedback", help="hand the feedback pages grade wrote back through nbgrader's exchange"
                       " (students then run fetch_feedback or use the Assignment List)")
    f.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the folder grade wrote to (default %(default)s)")
    f.add_argument("--course-dir", type=Path, default=paths.COURSE)
    f.add_argument("--submissions", type=Path, default=None,
                   help="the collected submissions, with nbgrader's timestamp.txt and submission_secret.txt "
                        "(default: COURSE/submitted)")
    f.add_argument("--exchange", type=Path, default=None,
                   help="nbgrader's exchange folder (default: nbgrader's, /srv/nbgrader/exchange)")
    f.add_argument("--assignment", action="append", dest="assignments",
                   help="release only this assignment's feedback (repeatable; default: all graded)")
    s = sub.add_parser("similarity", help="compare each graded function across students; write similarity.html")
    s.add_argument("--submissions", type=Path, required=True,
                   help="a folder, or a .zip (an LMS download) of <student_id>/<assignment>/<notebook>.ipynb")
    s.add_argument("--course-dir", type=Path, default=paths.COURSE)
    s.add_argument("--out", type=Path, default=DEFAULT_SIMILARITY_OUT)
    s.add_argument("--assignment", action="append", dest="assignments",
                   help="compare only this assignment (repeatable; default: those submitted)")
    s.add_argument("--threshold", type=_share, default=similarity_defaults.THRESHOLD,
                   help="share of fingerprints two bodies must have in common to be shown (default %(default)s)")
    s.add_argument("--common", type=_positive, default=similarity_defaults.COMMON,
                   help="code more than N students share is common: it counts for less, and the same body "
                        "written by more than N students is listed as a common answer (default %(default)s)")
    n = sub.add_parser("notebooks", help="rebuild course/source/*/*.ipynb and bpkit/solved/ from course/authoring/*.py")
    authoring_arguments(n)
    d = sub.add_parser("demo", help="release, grade a sample class, print the grade table")
    d.add_argument("--out", type=Path, default=DEFAULT_DEMO_OUT)
    d.add_argument("--workers", type=_positive, default=None)
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    if args.command in ("grade", "demo") and html_assets.available() is None:
        print(html_assets.missing_warning(), file=sys.stderr)
    try:
        if args.command == "release":
            from .release import release

            release(args.course_dir)
        elif args.command == "grade":
            from .grading import grade, grade_table

            with tempfile.TemporaryDirectory(prefix="autograder-zip-") as unpacked:
                submissions = args.submissions
                if submissions.suffix.lower() == ".zip" and submissions.is_file():
                    from .grading.submissions import unpack_zip
                    from .notebooks import assignments

                    submissions = unpack_zip(submissions, Path(unpacked), assignments(args.course_dir))
                    late.stamp_from_zip(args.submissions, Path(unpacked), submissions)
                policy = late.policy(args.course_dir, policy=args.late_policy, percent_per_day=args.late_percent,
                                     cap=args.late_cap, grace_hours=args.late_grace)
                results = grade(submissions, args.course_dir, args.out, workers=args.workers,
                                timeout=args.timeout, assignments=args.assignments,
                                scheduler=args.scheduler, notebook_timeout=args.notebook_timeout,
                                memory_mb=args.memory_limit, late_policy=policy,
                                only_students=args.only_students)
            print(grade_table(results))
            print(f"\nlate policy: {policy.describe()}")
            print(f"\nwrote {args.out / 'grades.csv'}, {args.out / 'test_results.csv'}, "
                  f"{args.out / 'report.html'}, {args.out / 'items.csv'} and feedback/")
        elif args.command == "release-feedback":
            from .grading.exchange_feedback import release_feedback

            done = release_feedback(args.course_dir, args.out, args.submissions or args.course_dir / "submitted",
                                    exchange=args.exchange, assignments=args.assignments)
            for reason in done.skipped:
                print(f"skipped {reason}", file=sys.stderr)
            students = {p.parent.parent.name for p in done.pages}
            print(f"released {len(done.pages)} feedback page(s) of {len(students)} student(s) through "
                  "nbgrader's exchange: students fetch them with `nbgrader fetch_feedback` or the Assignment List")
        elif args.command == "export":
            target = args.out or args.grades.parent / f"{args.format}_grades.csv"
            report = lms.export(args.grades, args.roster, args.format, target)
            for line in report.warnings():
                print(f"warning: {line}", file=sys.stderr)
            print(f"wrote {target} ({report.written} students)")
        elif args.command == "similarity":
            from .similarity.run import PAGE, PAIRS_CSV, similarity, summary

            report = similarity(args.submissions, args.course_dir, args.out, threshold=args.threshold,
                                common=args.common, assignments=args.assignments)
            print(summary(report))
            print(f"\nwrote {args.out / PAGE} and {args.out / PAIRS_CSV}")
        elif args.command == "notebooks":
            from .authoring.build import build

            build(args.only, execute_cells=not args.no_execute)
        elif args.command == "demo":
            from .samples.demo import demo

            demo(args.out, workers=args.workers)
    except UserError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0
