"""`python -m autograder grade`: grade a class of submissions with nbgrader, in parallel.

Each (student, assignment) is one job: the notebook is found (renamed ones too), read, copied
alone into nbgrader's submitted/ folder, autograded by nbgrader in a fresh kernel, and turned
into test rows and feedback. A missing or broken notebook still gets its rows, with the reason,
and never stops the other jobs.
"""

import os
import shutil
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import cache
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from tqdm import tqdm

from . import feedback, late, nbgrader_api, notebooks, restore, skipping
from .csvfiles import results_from_csvs, write_csvs
from .errors import UserError
from .feedback import write_feedback
from .manual import apply_manual_scores
from .results import AWAITING_MANUAL, AssignmentResult, failed_result, read_results
from .review import review
from .sandbox import kernel, launch, session
from .submissions import locate, students


@dataclass(frozen=True)
class Job:
    student: str
    assignment: str
    folder: Path
    notebook: str  # the released notebook's stem


@dataclass(frozen=True)
class Settings:
    course_dir: Path
    out: Path
    timeout: int
    notebook_timeout: float | None = session.DEFAULT_NOTEBOOK_TIMEOUT
    memory_mb: int | None = kernel.DEFAULT_MEMORY_MB


@cache
def _api(course_dir: Path, timeout: int):
    return nbgrader_api.api(course_dir, timeout=timeout, kernel_name=kernel.KERNEL_NAME)


def _autograde(job: Job, settings: Settings) -> session.Run:
    nbgrader_api.prepare_kernels(settings.course_dir)
    return session.autograde(_api(settings.course_dir, settings.timeout), job.assignment, job.student,
                             settings.course_dir / "release" / job.assignment,
                             hide=(job.folder.parent.parent, settings.out),
                             notebook_timeout=settings.notebook_timeout, memory_mb=settings.memory_mb)


def grade_job(job: Job, settings: Settings) -> AssignmentResult:
    """Grade one notebook; every failure becomes a result with a reason, never an exception."""
    course = settings.course_dir
    located = locate(job.folder, job.notebook)
    autograded = course / "autograded" / job.student / job.assignment / f"{job.notebook}.ipynb"
    if located.path is None:
        result = failed_result(course, job.student, job.assignment, job.notebook,
                               located.refused or "No notebook was submitted for this assignment.")
        autograded = None
    else:
        try:
            nb = nbformat.read(located.path, as_version=4)
        except Exception as err:  # malformed JSON, not a notebook, unreadable bytes
            result = failed_result(course, job.student, job.assignment, job.notebook,
                                   f"The notebook could not be read ({type(err).__name__}): it is not a valid "
                                   "Jupyter notebook. Re-download it from JupyterLab (File > Download) and resubmit.")
            autograded = None
        else:
            result, autograded = _grade_notebook(job, settings, nb, autograded)
    result.problems += located.notes
    extra = 0 if located.refused else _extra_files(job.folder, located.path)
    if extra:
        result.notes.append(f"Only the notebook is graded; {extra} other file(s) in the folder were not used.")
    write_feedback(result, autograded, settings.out)
    return result


def _extra_files(folder: Path, notebook: Path | None) -> int:
    """Files beside the notebook that grading does not use (nbgrader's own submission files are not counted)."""
    if not folder.is_dir():
        return 0
    return sum(1 for p in folder.rglob("*") if p.is_file() and p != notebook
               and p.relative_to(folder).as_posix() not in nbgrader_api.SUBMISSION_FILES
               and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _grade_notebook(job: Job, settings: Settings, nb, autograded: Path):
    course = settings.course_dir
    release = nbformat.read(course / "release" / job.assignment / f"{job.notebook}.ipynb", as_version=4)
    other = restore.other_assignment(nb, _grade_ids(course, job.assignment),
                                     {a: _grade_ids(course, a) for a in notebooks.assignments(course)
                                      if a != job.assignment})
    if other:
        return failed_result(course, job.student, job.assignment, job.notebook,
                             f"This is the notebook of {other}, not of {job.assignment}: submit the "
                             f"{job.notebook}.ipynb of {job.assignment}."), None
    graded, tampering = restore.restore(nb, release)
    skipping.mark(graded, release, nb)
    target = course / "submitted" / job.student / job.assignment
    kept = _submission_files(job.folder)  # read first: job.folder may be this very folder
    submitted_at, _ = late.read_timestamp(job.folder)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name, data in kept.items():
        if name != late.TIMESTAMP_FILE:
            (target / name).write_bytes(data)
    if submitted_at:  # nbgrader's autograde records it as the submission's timestamp (it aborts on one it cannot parse)
        (target / late.TIMESTAMP_FILE).write_text(late.iso(submitted_at))
    nbformat.write(graded, target / f"{job.notebook}.ipynb")
    run = _autograde(job, settings)
    if run.success and autograded.exists():
        result = read_results(course, job.student, job.assignment, job.notebook, settings.timeout,
                              run.verdicts)
        result.notes = review(nb, nbformat.read(autograded, as_version=4))
    else:
        reason = run.stopped or f"Grading stopped early: {nbgrader_api.failure_reason(run.outcome)}"
        result = read_results(course, job.student, job.assignment, job.notebook, settings.timeout,
                              run.verdicts, stopped=reason)
        if any(v.get("score", 0) > 0 for v in run.verdicts.values()):
            reason += " The points of the tests that ran before it are kept."
        result.problems.append(reason)
        autograded = autograded if autograded.exists() else None
    result.tampering = tampering
    return result, autograded


def _submission_files(folder: Path) -> dict[str, bytes]:
    """nbgrader's timestamp and secret of an exchange submission: autograde records the time, and
    release-feedback needs both to hand the feedback back."""
    return {name: (folder / name).read_bytes() for name in nbgrader_api.SUBMISSION_FILES
            if (folder / name).is_file()}


@cache
def _grade_ids(course_dir: Path, assignment: str) -> frozenset[str]:
    path = course_dir / "release" / assignment
    found = set()
    for notebook in path.glob("*.ipynb"):
        found |= {notebooks.nbgrader_meta(c).get("grade_id") for c in nbformat.read(notebook, as_version=4).cells}
    return frozenset(found - {None})


def _guarded(job: Job, settings: Settings) -> AssignmentResult:
    try:
        return grade_job(job, settings)
    except Exception as err:  # a grader bug must not cost the rest of the class
        result = failed_result(settings.course_dir, job.student, job.assignment, job.notebook,
                               f"Internal grading error ({type(err).__name__}: {err}); please tell the instructor.")
        try:
            write_feedback(result, None, settings.out)
        except Exception:
            pass
        return result


class _ProgressBar(tqdm):
    """tqdm without its monitor thread (it only tunes bars updated many times a second), which
    would outlive the bar by up to 10 s and make the next grading in this process spawn, not fork."""

    monitor_interval = 0


def _warm(settings: Settings) -> None:
    kernel.warm()
    feedback.warm()
    _api(settings.course_dir, settings.timeout)


def _pool_context():
    """Fork the workers when this process runs no other thread: they start at once with the grader
    already imported (a spawned worker first spends about 2 s importing nbgrader and nbconvert).
    With other threads running (a test's Dask cluster, a web server), forking is unsafe: spawn."""
    if "fork" in get_all_start_methods() and threading.active_count() == 1:
        return get_context("fork")
    return get_context("spawn")


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
          timeout: int = nbgrader_api.DEFAULT_CELL_TIMEOUT, assignments=None, progress: bool = True,
          notebook_timeout: float | None = session.DEFAULT_NOTEBOOK_TIMEOUT,
          memory_mb: int | None = kernel.DEFAULT_MEMORY_MB, scheduler: str | None = None,
          late_policy: late.Policy | None = None, only_students=None,
          ) -> list[AssignmentResult]:
    """Grade every (student, assignment) in ``workers`` local processes, or on the Dask cluster
    whose scheduler listens at ``scheduler`` (see autograder/distributed.py).

    ``late_policy``: the late penalty (default: course.toml's [late], else none; see
    autograder/late.py). ``only_students``: re-grade these students only; every other row of
    grades.csv and test_results.csv in ``out``, and the others' feedback and gradebook entries,
    stay as they were."""
    submissions, course_dir, out = Path(submissions).resolve(), Path(course_dir).resolve(), Path(out).resolve()
    _check_inputs(submissions, course_dir)
    late_policy = late_policy or late.policy(course_dir)
    jobs = plan(submissions, course_dir, assignments, only_students)
    stamps = {(j.student, j.assignment): late.read_timestamp(j.folder) for j in jobs}  # before grading moves them
    if not scheduler and kernel.isolation_notice():  # once per run (a cluster's workers are other machines)
        print(kernel.isolation_notice(), file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    with Gradebook(nbgrader_api.gradebook_url(course_dir)) as gb:  # created once, before workers race
        for student in sorted({j.student for j in jobs}):
            gb.update_or_create_student(student)
    settings = Settings(course_dir, out, timeout, notebook_timeout, memory_mb)
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    results, broken, bar = [], 0, None

    def progress_bar():
        return _ProgressBar(total=len(jobs), unit="notebook", desc="grading", disable=not progress, file=sys.stderr)

    def done(result: AssignmentResult):
        nonlocal broken
        results.append(result)
        broken += bool(result.problems and result.score == 0)
        bar.set_postfix(students=len({r.student_id for r in results}), failures=broken)
        bar.update()

    if scheduler:
        from .distributed import grade_on_cluster

        bar = progress_bar()
        grade_on_cluster(jobs, settings, scheduler, done)
    elif workers == 1:
        bar = progress_bar()
        for job in jobs:
            done(_guarded(job, settings))
    else:
        context = _pool_context()
        if context.get_start_method() == "fork":
            _warm(settings)  # once here, not in every worker: forked workers inherit it
        # initializer: a worker (and so its kernel) goes when the grader is killed, instead of grading on
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=launch.die_with_parent) as pool:
            futures = {pool.submit(_guarded, job, settings): job for job in jobs}  # workers start here
            bar = progress_bar()
            for future in as_completed(futures):
                try:
                    done(future.result())
                except Exception as err:  # the worker process itself died
                    job = futures[future]
                    done(failed_result(course_dir, job.student, job.assignment, job.notebook,
                                       f"Grading failed: the grading process died ({type(err).__name__})."))
    bar.close()
    results.sort(key=lambda r: (r.student_id, r.assignment))
    apply_manual_scores(course_dir, results)  # written answers scored by hand in formgrader
    for warning in late.assess(results, stamps, course_dir, late_policy):
        print(f"warning: {warning}", file=sys.stderr)
    others = results_from_csvs(out, {(r.student_id, r.assignment) for r in results}) if only_students else []
    write_csvs(results, out, keep_others=bool(only_students))
    from .report import write_report

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
            elif r.score == 0 and all("is not written yet" in t.diagnosis for t in r.tests):
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
