"""`grade --scheduler ADDRESS`: grade on an existing Dask distributed cluster.

The machine that starts the run (the parent) sends each worker, once, a snapshot of what
nbgrader needs from the course (gradebook, source/ and release/, the helper package and the
AUTOTEST templates), and with every task the files of one student's assignment folder. A task
grades one Job with ``job.guarded`` in a scratch course of its own under the worker's temp
folder, so no two tasks ever write to the same file, and returns a ``RemoteResult``: plain
data (the AssignmentResult, the feedback page, the autograded and submitted notebooks and the
gradebook entries nbgrader made). The parent alone writes feedback/, the CSVs and the report,
and records the grades in the course's own gradebook through nbgrader's Gradebook API, so
`nbgrader export` and formgrader see them as if nbgrader had graded locally.

Workers need the kit: a checkout with `make venv`, started from it (see the README).
"""

import atexit
import hashlib
import io
import os
import shutil
import socket
import sqlite3
import tempfile
import threading
import uuid
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..atomic import write_text
from ..errors import UserError
from .gradebook import gradebook_entries, store_gradebook_entries
from .job import Job, Settings, forget_course, guarded
from .results import AssignmentResult, failed_result
from .submissions import locate

CONNECT_TIMEOUT = "20s"
COURSE_FILES = ("autotests.yml", "nbgrader_config.py")
SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


@dataclass
class SubmittedFile:
    name: str
    data: bytes
    mtime: float  # locate() prefers the newest of several notebooks


@dataclass
class RemoteResult:
    """What a worker sends back for one Job: plain data, no paths of the worker's."""

    result: AssignmentResult
    feedback_html: str | None = None
    autograded: str | None = None  # the autograded notebook's JSON text
    submitted: str | None = None  # the notebook exactly as nbgrader autograded it
    gradebook: dict | None = None  # see gradebook_entries()
    worker: str = ""


# ---------------------------------------------------------------------------------------------
# Parent side


def _gradebook_snapshot(course_dir: Path) -> bytes:
    """A consistent copy of gradebook.db (SQLite's backup API: never a half-written page)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "gradebook.db"
        source = sqlite3.connect(course_dir / "gradebook.db")
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        return copy.read_bytes()


def course_bundle(course_dir: Path, assignments) -> bytes:
    """A zip of the course as grading needs it: gradebook.db, the helper package, the AUTOTEST
    templates, and source/ and release/ of ``assignments``."""
    course_dir = Path(course_dir)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("gradebook.db", _gradebook_snapshot(course_dir))
        for name in COURSE_FILES:
            if (course_dir / name).is_file():
                archive.write(course_dir / name, name)
        folders = [course_dir / "bpkit"] + [course_dir / kind / a for a in sorted(set(assignments))
                                            for kind in ("source", "release")]
        for folder in folders:
            for path in sorted(folder.rglob("*")):
                relative = path.relative_to(course_dir)
                if path.is_file() and not SKIPPED_PARTS & set(relative.parts) and path.suffix != ".pyc":
                    archive.write(path, str(relative))
    return buffer.getvalue()


def submitted_files(folder: Path) -> list[SubmittedFile] | None:
    """The notebooks of one student's assignment folder (None: the folder does not exist)."""
    if not folder.is_dir():
        return None
    return [SubmittedFile(p.name, p.read_bytes(), p.stat().st_mtime)
            for p in sorted(folder.glob("*.ipynb")) if p.is_file() and not p.is_symlink()]


def record(remote: RemoteResult, settings: Settings) -> AssignmentResult:
    """Write what a worker sent back into the course and --out, as the local path would."""
    result = remote.result
    course, out = settings.course_dir, settings.out
    folder = (result.student_id, result.assignment)
    if remote.submitted is not None:
        write_text(course.joinpath("submitted", *folder, f"{result.notebook}.ipynb"), remote.submitted)
    if remote.autograded is not None:
        write_text(course.joinpath("autograded", *folder, f"{result.notebook}.ipynb"), remote.autograded)
    if remote.gradebook is not None:
        store_gradebook_entries(course, result.student_id, result.assignment, remote.gradebook)
    if remote.feedback_html is not None:
        result.feedback = write_text(out.joinpath("feedback", *folder, f"{result.notebook}.html"),
                                     remote.feedback_html)
    else:
        result.feedback = None
    return result


def grade_on_cluster(jobs: list[Job], settings: Settings, scheduler: str, done) -> None:
    """Grade ``jobs`` on the Dask cluster at ``scheduler``; ``done(result)`` is called in the
    parent for each, in the order they finish."""
    from distributed import Client, as_completed

    course = settings.course_dir
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise UserError(f"could not reach the Dask scheduler at {scheduler} ({type(err).__name__}: {err}); "
                        "start one with `dask scheduler` and give the address it prints") from None
    with client:
        bundle = course_bundle(course, {j.assignment for j in jobs})
        key = hashlib.sha256(bundle).hexdigest()[:16]
        shared = client.scatter(bundle, broadcast=True)
        run = uuid.uuid4().hex[:8]
        futures = {}
        for job in jobs:
            if locate(job.folder, job.notebook).refused:  # a symbolic link: nothing to send, nothing to run
                done(guarded(job, settings))
                continue
            future = client.submit(grade_remote, job.student, job.assignment, job.notebook,
                                   submitted_files(job.folder), key, shared, settings,
                                   key=f"grade-{run}-{job.student}-{job.assignment}", pure=False)
            futures[future] = job
        for future in as_completed(futures):
            job = futures.pop(future)
            try:
                result = record(future.result(), settings)
            except Exception as err:  # the worker died, or the task could not run there
                result = failed_result(course, job.student, job.assignment, job.notebook,
                                       f"Grading failed on the cluster ({type(err).__name__}: {err}).")
            done(result)


# ---------------------------------------------------------------------------------------------
# Worker side

_TEMPLATES: dict[str, Path] = {}
_GRADING = threading.Lock()  # grading sets os.environ for its kernels: one job at a time per process


def _workspace() -> Path:
    """The Dask worker's own local directory (Dask removes it when the worker goes), else temp."""
    try:
        from distributed import get_worker

        return Path(get_worker().local_directory)
    except (ImportError, ValueError):
        return Path(tempfile.gettempdir())


def _template(key: str, bundle: bytes) -> Path:
    """The course bundle unpacked once per worker process (an earlier run's is removed)."""
    if key not in _TEMPLATES or not _TEMPLATES[key].is_dir():
        for old in _TEMPLATES.values():
            shutil.rmtree(old, ignore_errors=True)
        _TEMPLATES.clear()
        folder = Path(tempfile.mkdtemp(prefix=f"autograder-course-{key}-", dir=_workspace()))
        atexit.register(shutil.rmtree, folder, True)
        with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
            archive.extractall(folder)
        _TEMPLATES[key] = folder
    return _TEMPLATES[key]


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def grade_remote(student: str, assignment: str, notebook: str, files: list[SubmittedFile] | None,
                 key: str, bundle: bytes, settings: Settings) -> RemoteResult:
    """One Dask task: grade one student's assignment in a scratch course of its own, with the
    grader's ``settings`` (every limit of them; only the folders are the worker's own)."""
    with _GRADING:
        scratch = Path(tempfile.mkdtemp(prefix="autograder-job-", dir=_workspace()))
        try:
            course = scratch / "course"
            shutil.copytree(_template(key, bundle), course)
            folder = scratch / "submissions" / student / assignment
            if files is not None:
                folder.mkdir(parents=True)
                for f in files:
                    (folder / f.name).write_bytes(f.data)
                    os.utime(folder / f.name, (f.mtime, f.mtime))
            settings = replace(settings, course_dir=course, out=scratch / "out")
            result = guarded(Job(student, assignment, folder, notebook), settings)
            where = (student, assignment, f"{notebook}.ipynb")
            remote = RemoteResult(
                result=replace(result, feedback=None),
                feedback_html=_read(result.feedback) if result.feedback else None,
                autograded=_read(course.joinpath("autograded", *where)),
                submitted=_read(course.joinpath("submitted", *where)),
                gradebook=gradebook_entries(course, student, assignment),
                worker=socket.gethostname(),
            )
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
            forget_course()  # one nbgrader API per scratch course: keep none
    return remote
