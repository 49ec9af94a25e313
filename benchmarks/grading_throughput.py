"""Notebooks graded per minute: plain serial `nbgrader autograde` against our `grade --workers`.

Run from the repository root: ``.venv/bin/python benchmarks/grading_throughput.py --students N``.
It releases the course into a scratch folder (or copies a released one given with --course),
builds a class of N students who submit every assignment (a mix of correct notebooks, planted
mistakes, untouched releases and files that are not notebooks at all), then grades the same
class twice on this machine, one run after the other:

1. the anchor: nbgrader's own autograde, serial, through its Python API in this one process
   (no start-up per call), one student after another, with nbgrader's stock configuration
   except what it needs to run at all: the course folder, the hidden test library on the
   kernels' PYTHONPATH and the student id in their environment (so both runs draw the same
   per-student inputs). Its kernels keep OpenBLAS's default of one thread per core, which
   serves serial grading best on a quiet machine but is slowed down badly by any other work
   (a training cell taking 30 s instead of 3 s): run it on a quiet machine;
2. ours: ``grade(..., workers=<cores>)``, the function behind `python -m autograder grade`,
   feedback pages, CSVs and report included.

It prints notebooks per minute for both, the ratio, and whether every (student, assignment)
got the same score from both (a notebook nbgrader could not grade counts as 0, as ours reports).
A notebook nbgrader took over three times its assignment's median on (a widget cell that hangs
its kernel until the cell timeout, say) is listed as a hang, and the ratio is printed once more
with each hang counted at that median, so a slow anchor does not flatter ours.
``--also-every-cell`` grades the class a third time with ours running every cell (no
``autograder.grading.skipping``), to show what skipping the cells no score depends on is worth.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import argparse  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from nbgrader.api import Gradebook, MissingEntry  # noqa: E402
from nbgrader.apps import NbGraderAPI  # noqa: E402
from nbgrader.coursedir import CourseDirectory  # noqa: E402
from traitlets.config import Config  # noqa: E402

from autograder import notebooks, paths  # noqa: E402
from autograder.grading import grade, local, skipping  # noqa: E402
from autograder.hidden.seeds import STUDENT_ENV  # noqa: E402
from autograder.nbgrader_api import gradebook_url  # noqa: E402
from autograder.samples import planted  # noqa: E402
from autograder.samples.demo import BROKEN_NOTEBOOK, copy_course, write_submissions  # noqa: E402
from benchmarks.machine import print_machine  # noqa: E402

DEFAULT_STUDENTS = 4
KINDS = ("correct", "mistakes", "untouched", "broken")


def build_class(n: int, assignments: list[str]) -> dict:
    """student id -> plan for write_submissions: the kinds in turn; "mistakes" students make a
    different planted mistake in every assignment, "broken" ones hand in one file that is not a
    notebook (a different assignment each time) and correct answers elsewhere."""
    by_assignment = {a: [m for m in planted.ALL_MISTAKES if m.assignment == a] for a in assignments}
    cls = {}
    for k in range(n):
        kind = KINDS[k % len(KINDS)]
        student = f"s{k:03d}_{kind}"
        if kind == "correct":
            cls[student] = {}
        elif kind == "untouched":
            cls[student] = "untouched"
        elif kind == "broken":
            cls[student] = {assignments[(k // len(KINDS)) % len(assignments)]: BROKEN_NOTEBOOK}
        else:
            cls[student] = {}
            for a, mistakes in by_assignment.items():
                if mistakes:
                    m = mistakes[(k // len(KINDS)) % len(mistakes)]
                    cls[student][a] = {m.function: m.source.strip("\n")}
    return cls


def released_course(target: Path, given: Path | None) -> Path:
    if given is not None:
        shutil.copytree(given, target, ignore=shutil.ignore_patterns("submitted", "autograded", "feedback"))
        return target
    copy_course(target)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", STUDENT_ENV)}
    done = subprocess.run([sys.executable, "-m", "autograder", "release", "--course-dir", str(target)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"release failed:\n{done.stdout}\n{done.stderr}")
    return target


HANG = 3.0  # a notebook nbgrader took this many times its assignment's median over counts as a hang


def hangs(durations: dict) -> dict:
    """{(student, assignment): seconds} -> those that took over ``HANG`` times their assignment's
    median: {key: seconds beyond that median}."""
    by_assignment = {}
    for (_, assignment), seconds in durations.items():
        by_assignment.setdefault(assignment, []).append(seconds)
    medians = {a: statistics.median(times) for a, times in by_assignment.items()}
    return {key: seconds - medians[key[1]] for key, seconds in durations.items() if seconds > HANG * medians[key[1]]}


def anchor(course: Path, submissions: Path, assignments: list[str], durations: dict | None = None) -> dict:
    """Plain nbgrader autograde, serial. Returns {(student, assignment): score}; fills ``durations``
    with the seconds each notebook took."""
    for student_folder in sorted(submissions.iterdir()):
        shutil.copytree(student_folder, course / "submitted" / student_folder.name)
    config = Config()
    config.CourseDirectory.root = str(course)
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    os.environ["PYTHONPATH"] = paths.kernel_pythonpath(course)  # the hidden tests import autograder.hidden
    students = sorted(p.name for p in submissions.iterdir())
    for student in students:
        os.environ[STUDENT_ENV] = student
        for assignment in assignments:
            start = time.perf_counter()
            api.autograde(assignment, student, force=True, create=True)
            if durations is not None:
                durations[student, assignment] = time.perf_counter() - start
    os.environ.pop(STUDENT_ENV, None)
    os.environ.pop("PYTHONPATH", None)
    scores = {}
    with Gradebook(gradebook_url(course)) as gb:
        for student in students:
            for assignment in assignments:
                try:
                    scores[student, assignment] = float(gb.find_submission(assignment, student).score)
                except MissingEntry:
                    scores[student, assignment] = 0.0
    return scores


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=DEFAULT_STUDENTS)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="ours (default: the cores)")
    parser.add_argument("--assignment", action="append", dest="assignments", help="default: all five")
    parser.add_argument("--course", type=Path, help="an already released course folder to copy (saves the "
                        "release, about a minute)")
    parser.add_argument("--also-every-cell", action="store_true",
                        help="also grade with ours running every cell (cells are skipped by default)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    args = parser.parse_args(argv)
    print_machine()

    work = args.keep or Path(tempfile.mkdtemp(prefix="grading-throughput-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        start = time.perf_counter()
        base = released_course(work / "released", args.course)
        assignments = args.assignments or notebooks.assignments(base)
        cls = build_class(args.students, assignments)
        submissions = write_submissions(base, work / "submissions", cls, assignments=assignments)
        count = len(cls) * len(assignments)
        print(f"class: {len(cls)} students x {len(assignments)} assignments = {count} notebooks "
              f"({', '.join(sorted({s.split('_', 1)[1] for s in cls}))}); "
              f"course ready in {time.perf_counter() - start:.0f} s")

        plain_course = shutil.copytree(base, work / "nbgrader_course")
        start = time.perf_counter()
        durations = {}
        plain = anchor(plain_course, submissions, assignments, durations)
        plain_seconds = time.perf_counter() - start
        print(f"nbgrader autograde, serial:      {plain_seconds:7.1f} s  {60 * count / plain_seconds:6.1f} "
              "notebooks/min")
        hung = hangs(durations)
        print("  nbgrader's mean seconds per notebook: " + ", ".join(
            f"{a[:2]} {statistics.mean(v for k, v in durations.items() if k[1] == a):.2f}" for a in assignments))
        print(f"  nbgrader's hangs (over {HANG:g}x their assignment's median): {len(hung)}, "
              f"{sum(hung.values()):.1f} s beyond the median" + "".join(f"; {k[0]} {k[1]}" for k in sorted(hung)))

        ours_course = shutil.copytree(base, work / "our_course")
        start = time.perf_counter()
        results = grade(submissions, ours_course, work / "ours", workers=args.workers, progress=False,
                        assignments=assignments)
        ours_seconds = time.perf_counter() - start
        print(f"ours, grade --workers {args.workers}:        {ours_seconds:7.1f} s  "
              f"{60 * count / ours_seconds:6.1f} notebooks/min")
        print(f"ratio (ours / nbgrader, notebooks per minute): {plain_seconds / ours_seconds:.2f}x "
              f"on {os.cpu_count()} cores")
        if hung:
            print(f"ratio without nbgrader's hangs (each counted at its assignment's median): "
                  f"{(plain_seconds - sum(hung.values())) / ours_seconds:.2f}x")

        if args.also_every_cell and args.workers > 1 and local.pool_context().get_start_method() != "fork":
            print("ours, running every cell: not measured (workers would be spawned, without the patch)")
        elif args.also_every_cell:
            every_course = shutil.copytree(base, work / "every_cell_course")
            skip = skipping.mark
            skipping.mark = lambda *a, **k: 0  # the workers are forked (or import it) after this
            try:
                start = time.perf_counter()
                grade(submissions, every_course, work / "every_cell", workers=args.workers, progress=False,
                      assignments=assignments)
                every_seconds = time.perf_counter() - start
            finally:
                skipping.mark = skip
            print(f"ours, running every cell:      {every_seconds:7.1f} s  {60 * count / every_seconds:6.1f} "
                  f"notebooks/min ({plain_seconds / every_seconds:.2f}x nbgrader)")

        ours = {(r.student_id, r.assignment): r.score for r in results}
        differ = sorted(k for k in plain if abs(plain[k] - ours.get(k, -1)) > 1e-9)
        if differ:
            print(f"scores agree: NO, {len(differ)} of {count} differ:")
            for key in differ:
                print(f"  {key[0]} {key[1]}: nbgrader {plain[key]:g}, ours {ours.get(key)}")
        else:
            print(f"scores agree: yes, all {count}")
        print_machine("end")
        return 1 if differ else 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
