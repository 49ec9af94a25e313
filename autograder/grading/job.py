"""One notebook graded: a ``Job`` (who, which assignment, where) and the ``Settings`` it is graded with.

The notebook is found (renamed ones too), read, copied alone into nbgrader's submitted/ folder,
autograded by nbgrader in a fresh sandboxed kernel, and turned into test rows and feedback. A
missing or broken notebook still gets its rows, with the reason. The runners (``local.py``,
``cluster.py``) only decide where ``guarded`` runs.
"""

import shutil
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import nbformat

from .. import nbgrader_api, notebooks, timing
from ..sandbox import kernel, session
from . import feedback, late, restore, skipping
from .feedback import write_feedback
from .manual import apply_manual_scores
from .results import AssignmentResult, failed_result, read_results
from .review import review
from .submissions import locate


@dataclass(frozen=True)
class Job:
    student: str
    assignment: str
    folder: Path
    notebook: str  # the released notebook's stem


@dataclass(frozen=True)
class Settings:
    """Every option of grading one notebook, with its default: the one place they are defined.

    The command line takes its defaults from here, and a Settings travels whole to every
    worker, local or on a cluster, so no option can be honoured by one runner and not another."""

    course_dir: Path
    out: Path
    timeout: int = nbgrader_api.DEFAULT_CELL_TIMEOUT  # seconds a cell may run
    notebook_timeout: float | None = session.DEFAULT_NOTEBOOK_TIMEOUT  # seconds a whole notebook may run
    memory_mb: int | None = kernel.DEFAULT_MEMORY_MB  # MiB of address space per grading kernel


def default(option: str):
    """The default of one of ``Settings``' options."""
    return next(f.default for f in fields(Settings) if f.name == option)


@cache
def _course_config(course_dir: Path, timeout: int):
    """nbgrader's configuration of a course, built once per process (``session`` copies it for
    each kernel and never changes it)."""
    return nbgrader_api.config(course_dir, timeout=timeout, kernel_name=kernel.KERNEL_NAME)


def _config(settings: Settings):
    return _course_config(settings.course_dir, settings.timeout)


def forget_course() -> None:
    """Drop what is cached of every course (a scratch course that is about to go)."""
    _course_config.cache_clear()
    _grade_ids.cache_clear()


def warm(settings: Settings) -> None:
    """Import and build once what every job needs, so that forked workers inherit it."""
    timing.watch_gradebook()
    kernel.warm()
    feedback.warm()
    nbgrader_api.api_for(_config(settings))  # imports nbgrader's apps


def _autograde(job: Job, settings: Settings) -> session.Run:
    """nbgrader's autograde of the submitted notebook; the kernel's environment goes to its
    kernel manager (see ``session``), none to this process's."""
    return session.autograde(_config(settings), job.assignment, job.student,
                             settings.course_dir / "release" / job.assignment,
                             hide=(job.folder.parent.parent, settings.out),
                             notebook_timeout=settings.notebook_timeout, memory_mb=settings.memory_mb)


def grade_job(job: Job, settings: Settings) -> AssignmentResult:
    """Grade one notebook; every failure becomes a result with a reason, never an exception. The
    result's ``stages`` say where the time went (``autograder.timing``)."""
    timing.watch_gradebook()
    with timing.collect() as stages:
        result = _grade_job(job, settings)
    result.stages = stages
    return result


def _grade_job(job: Job, settings: Settings) -> AssignmentResult:
    course = settings.course_dir
    timing.begin(timing.PREPARE)
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
    timing.switch(timing.RESULTS)
    apply_manual_scores(course, [result])  # written answers an instructor scored in formgrader
    timing.switch(timing.FEEDBACK)
    write_feedback(result, autograded, settings.out)
    timing.end()
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
    timing.switch(timing.AUTOGRADE)  # session's hooks take it from here
    run = _autograde(job, settings)
    timing.switch(timing.RESULTS)
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


def guarded(job: Job, settings: Settings) -> AssignmentResult:
    """``grade_job`` that never raises: a grader bug becomes a zero with a reason for this one
    notebook and the rest of the class is graded."""
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
