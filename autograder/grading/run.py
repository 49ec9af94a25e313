"""`python -m autograder grade`: grade a class of submissions with nbgrader, in parallel.

``grade`` plans one ``Job`` per (student, assignment), hands them to a runner (``local.py``, or
``cluster.py`` for a Dask cluster) with one ``Settings``, then applies late penalties and writes
the CSVs and the report. A missing or broken notebook still gets its rows, with the reason, and
never stops the other jobs.
"""

import os
import sys
from pathlib import Path

from nbgrader.api import Gradebook
from tqdm import tqdm

from .. import nbgrader_api, notebooks, timing
from ..errors import UserError
from ..link.status import Status
from ..sandbox import kernel
from . import late
from .csvfiles import results_from_csvs, write_csvs
from .job import Job, Settings, default
from .local import grade_locally
from .report import write_report
from .results import AWAITING_MANUAL, AssignmentResult
from .submissions import students


class _ProgressBar(tqdm):
    """tqdm without its monitor thread (it only tunes bars updated many times a second), which
    would outlive the bar by up to 10 s and make the next grading in this process spawn, not fork."""

    monitor_interval = 0


def _check_inputs(submissions: Path, course_dir: Path) -> None:
    if not submissions.is_dir():
        raise UserError(f"--submissions {submissions} is not a folder: give the folder that holds "
                        "<student_id>/<assignment>/<notebook>.ipynb")
    if not (course_dir / "gradebook.db").exists() or not (course_dir / "release").is_dir():
        raise UserError(f"{course_dir} has no release: run `python -m autograder release --course-dir {course_dir}` "
                        "first")


def plan(submissions: Path, course_dir: Path, assignments=None, only_students=None) -> list[Job]:
    released = [a for a in notebooks.assignments(course_dir) if (course_dir / "release" / a).is_dir()]
    if assignments:
        unknown = sorted(set(assignments) - set(released))
        if unknown:
            raise UserError(f"unknown or unreleased assignment(s) {', '.join(unknown)}: "
                            f"choose from {', '.join(released)}")
    class_ = students(submissions)
    if not class_:
        raise UserError(f"{submissions} holds no student folders: expected <student_id>/<assignment>/<notebook>.ipynb")
    if only_students:
        unknown = sorted(set(only_students) - set(class_))
        if unknown:
            raise UserError(f"--student {', '.join(unknown)}: no such folder under {submissions} "
                            f"(students there: {', '.join(class_[:10])}{', ...' if len(class_) > 10 else ''})")
        class_ = sorted(set(only_students))
    wanted = list(assignments) if assignments else [
        a for a in released if any((submissions / s / a).is_dir() for s in class_)]
    if not wanted:
        raise UserError(f"no assignment folder ({', '.join(released)}) found under {submissions}/<student_id>/")
    names = {a: notebooks.source_notebook(course_dir, a).stem for a in wanted}
    return [Job(s, a, submissions / s / a, names[a]) for s in class_ for a in wanted]


def grade(submissions: Path, course_dir: Path, out: Path, *, workers: int | None = None,
          timeout: int = default("timeout"), assignments=None, progress: bool = True,
          notebook_timeout: float | None = default("notebook_timeout"),
          memory_mb: int | None = default("memory_mb"), scheduler: str | None = None,
          late_policy: late.Policy | None = None, only_students=None,
          ) -> list[AssignmentResult]:
    """Grade every (student, assignment) in ``workers`` local processes, or on the Dask cluster
    whose scheduler listens at ``scheduler`` (see ``cluster.py``).

    ``late_policy``: the late penalty (default: course.toml's [late], else none; see
    ``late.py``). ``only_students``: re-grade these students only; every other row of
    grades.csv and test_results.csv in ``out``, and the others' feedback and gradebook entries,
    stay as they were."""
    submissions, course_dir, out = Path(submissions).resolve(), Path(course_dir).resolve(), Path(out).resolve()
    _check_inputs(submissions, course_dir)
    late_policy = late_policy or late.policy(course_dir)
    jobs = plan(submissions, course_dir, assignments, only_students)
    stamps = {(j.student, j.assignment): late.read_timestamp(j.folder) for j in jobs}  # before grading moves them
    if not scheduler:  # once per run (a cluster's workers are other machines)
        kernel.remove_stale_job_folders()
        if kernel.isolation_notice():
            print(kernel.isolation_notice(), file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    with Gradebook(nbgrader_api.gradebook_url(course_dir)) as gb:  # created once, before workers race
        for student in sorted({j.student for j in jobs}):
            gb.update_or_create_student(student)
    settings = Settings(course_dir, out, timeout, notebook_timeout, memory_mb)
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    results, broken, bar = [], 0, None

    def start_progress_bar():
        nonlocal bar
        bar = _ProgressBar(total=len(jobs), unit="notebook", desc="grading", disable=not progress, file=sys.stderr)

    def done(result: AssignmentResult):
        nonlocal broken
        results.append(result)
        broken += bool(result.problems and result.score == 0)
        bar.set_postfix(students=len({r.student_id for r in results}), failures=broken)
        bar.update()

    if scheduler:
        from .cluster import grade_on_cluster

        start_progress_bar()
        grade_on_cluster(jobs, settings, scheduler, done)
    else:
        grade_locally(jobs, settings, workers, done, started=start_progress_bar)
    bar.close()
    results.sort(key=lambda r: (r.student_id, r.assignment))
    with timing.stage(timing.LATE):
        warnings = late.assess(results, stamps, course_dir, late_policy)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    with timing.stage(timing.REPORT):
        others = results_from_csvs(out, {(r.student_id, r.assignment) for r in results}) if only_students else []
        write_csvs(results, out, keep_others=bool(only_students))
        write_report(sorted(results + others, key=lambda r: (r.student_id, r.assignment)), out)
    return results


def grade_table(results: list[AssignmentResult]) -> str:
    """Students down, assignments across, "score/max" in each cell, total last."""
    assignments = sorted({r.assignment for r in results})
    by = {(r.student_id, r.assignment): r for r in results}
    class_ = sorted({r.student_id for r in results})
    short = [a.split("_", 1)[0] for a in assignments]
    width = max([len("student"), *map(len, class_)])
    lines = ["  ".join([f"{'student':<{width}}", *(f"{s:>7}" for s in short), f"{'total':>9}", "notes"])]
    for s in class_:
        cells, total, maximum, notes = [], 0.0, 0.0, []
        for a in assignments:
            r = by.get((s, a))
            if r is None:
                cells.append(f"{'-':>7}")
                continue
            cells.append(f"{r.final_score:g}/{r.max_score:g}".rjust(7))
            total, maximum = total + r.final_score, maximum + r.max_score
            if r.late and r.late.penalty:
                notes.append(f"{a[:2]}: late {late.hours(r.late.seconds_late)} h, -{r.late.penalty:g}")
            failed = sorted({t.function for t in r.tests if t.score < t.max_score and not t.pending})
            if r.problems and r.score == 0:
                notes.append(f"{a[:2]}: {r.problems[0]}")
            elif r.score == 0 and all(t.status is Status.UNANSWERED for t in r.tests):
                notes.append(f"{a[:2]}: not started")
            elif r.tampering:
                notes.append(f"{a[:2]}: tampered: {r.tampering[0]}")
            elif failed:
                first = next(t for t in r.tests if t.score < t.max_score and not t.pending)
                notes.append(f"{a[:2]}: {first.diagnosis[:90]}")
        pending = sum(by[s, a].manual_pending for a in assignments if (s, a) in by)
        if pending:
            notes.append(f"written answers: {pending:g} points {AWAITING_MANUAL}")
        lines.append("  ".join([f"{s:<{width}}", *cells, f"{total:g}/{maximum:g}".rjust(9), "; ".join(notes)]))
    return "\n".join(lines)
