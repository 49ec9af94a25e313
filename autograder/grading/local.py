"""Grade jobs on this machine: one after the other, or in worker processes.

Every worker grades with the same ``Settings`` (see ``job.py``); results reach the caller through
``done`` as they finish.
"""

import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_all_start_methods, get_context

from ..sandbox import launch
from .job import Job, Settings, guarded, warm
from .results import failed_result


def pool_context():
    """Fork the workers when this process runs no other thread: they start at once with the grader
    already imported (a spawned worker first spends about 2 s importing nbgrader and nbconvert).
    With other threads running (a test's Dask cluster, a web server), forking is unsafe: spawn."""
    if "fork" in get_all_start_methods() and threading.active_count() == 1:
        return get_context("fork")
    return get_context("spawn")


def grade_locally(jobs: list[Job], settings: Settings, workers: int, done, started=lambda: None) -> None:
    """Grade ``jobs`` in ``workers`` processes (in this one when 1); ``done(result)`` is called here
    for each as it finishes, ``started()`` once the work has been handed out."""
    if workers == 1:
        started()
        for job in jobs:
            done(guarded(job, settings))
        return
    context = pool_context()
    if context.get_start_method() == "fork":
        warm(settings)  # once here, not in every worker: forked workers inherit it
    # initializer: a worker (and so its kernel) goes when the grader is killed, instead of grading on
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=launch.die_with_parent) as pool:
        futures = {pool.submit(guarded, job, settings): job for job in jobs}  # workers start here
        started()
        for future in as_completed(futures):
            try:
                done(future.result())
            except Exception as err:  # the worker process itself died
                job = futures[future]
                done(failed_result(settings.course_dir, job.student, job.assignment, job.notebook,
                                   f"Grading failed: the grading process died ({type(err).__name__})."))
