"""One notebook through nbgrader's autograde, in a sandboxed kernel, with the oracle listening
and a watchdog on the whole notebook's time.

Each attempt runs nbgrader's API with a configuration of its own: the course's, plus that one
kernel's environment, socket folder and kernelspec (``kernel.Launch``) and its oracle's hook. This
process's ``os.environ`` is never changed, so there is nothing to restore afterwards.
"""

import copy
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from traitlets.config import Config

from .. import nbgrader_api, notebooks, timing
from ..link.oracle import Oracle
from . import kernel

ATTEMPTS = 3  # for a notebook whose grading failed for the grader's reasons, not the student's
# What nbgrader logs when a fresh kernel never came up: no cell of the student's has run yet.
KERNEL_START_FAILURES = ("Kernel didn't respond", "Kernel died before replying")
DEFAULT_NOTEBOOK_TIMEOUT = 600  # seconds for a whole notebook


@dataclass
class Run:
    outcome: dict  # nbgrader's
    verdicts: dict[str, dict] = field(default_factory=dict)  # grade id -> the oracle's result
    stopped: str = ""  # why the grader ended the run (or never got it going), in words for the feedback

    @property
    def success(self) -> bool:
        return bool(self.outcome.get("success")) and not self.stopped


class _Watchdog:
    """Kills the kernel (its sandbox and every process in it) when the notebook runs too long."""

    def __init__(self, pidfile: Path, seconds: float | None):
        self.pidfile, self.seconds, self.fired = pidfile, seconds, False
        self._timer = threading.Timer(seconds, self._fire) if seconds else None

    def _fire(self):
        try:
            pid = int(self.pidfile.read_text())
        except (OSError, ValueError):
            return
        self.fired = True
        try:
            os.kill(pid, signal.SIGKILL)  # bwrap: the whole PID namespace goes with it
        except ProcessLookupError:
            pass

    def __enter__(self):
        if self._timer:
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, *exc):
        if self._timer:
            self._timer.cancel()


def autograde(config: Config, assignment: str, student: str, release_folder: Path, *, hide=(),
              notebook_timeout: float | None = DEFAULT_NOTEBOOK_TIMEOUT,
              memory_mb: int | None = kernel.DEFAULT_MEMORY_MB) -> Run:
    """Run one submission, with ``config`` (``nbgrader_api.config`` of the course, with the grading
    kernel's name; not changed). The verdicts of the tests that ran are kept even when the kernel
    dies or is stopped. A locked gradebook or a kernel that did not start is the grader's trouble,
    not the student's: the notebook is then run again from the start, up to ``ATTEMPTS`` times."""
    run = Run({})
    for attempt in range(1, ATTEMPTS + 1):
        run = _attempt(config, assignment, student, release_folder, hide, notebook_timeout, memory_mb)
        if attempt == ATTEMPTS or not _worth_another_attempt(run):
            break
        time.sleep(0.5 * attempt)
    if not run.success and not run.stopped and _kernel_never_started(run):
        run.stopped = (f"The grading kernel did not start ({ATTEMPTS} tries), so nothing in this notebook was "
                       "run or judged: this is not the notebook's fault. The instructor should run the grading "
                       "again.")
    return run


def _worth_another_attempt(run: Run) -> bool:
    if run.success or run.stopped:
        return False
    return "database is locked" in _log(run) or _kernel_never_started(run)


def _kernel_never_started(run: Run) -> bool:
    return not run.verdicts and any(failure in _log(run) for failure in KERNEL_START_FAILURES)


def _log(run: Run) -> str:
    return run.outcome.get("log", "") + run.outcome.get("error", "")


def _job_config(config: Config, launch: kernel.Launch, oracle: Oracle) -> Config:
    """``config`` with what this one kernel is started with and its oracle's hook added."""
    job = copy.deepcopy(config)
    job.merge(launch.manager_config(**oracle.environment))
    job.Execute.on_cell_error = oracle.cell_error  # a function past the time limit costs one timeout
    job.Execute.on_cell_start = _time_cell
    job.Execute.on_notebook_complete = job.Execute.on_notebook_error = _time_rest
    return job


def _time_cell(cell, **_) -> None:
    timing.switch(timing.HIDDEN_TESTS if notebooks.is_test(cell) else timing.STUDENT_CELLS)


def _time_rest(**_) -> None:
    timing.switch(timing.AUTOGRADE)


def _attempt(config, assignment, student, release_folder, hide, notebook_timeout, memory_mb) -> Run:
    with kernel.job_folder() as job_dir:
        with timing.stage(timing.KERNEL_START):
            launch = kernel.prepare(release_folder, Path(job_dir), hide=hide, memory_mb=memory_mb, student=student)
        try:
            with Oracle(student, assignment, job_dir) as oracle, _Watchdog(launch.pidfile, notebook_timeout) as dog:
                api = nbgrader_api.api_for(_job_config(config, launch, oracle))
                with timing.stage(timing.AUTOGRADE):
                    outcome = api.autograde(assignment, student)
        finally:
            kernel.clean_up(Path(job_dir))
    run = Run(outcome, oracle.results)
    if dog.fired:
        run.stopped = (f"The notebook ran longer than the {notebook_timeout:g} s allowed for a whole "
                       "notebook and was stopped.")
    return run
