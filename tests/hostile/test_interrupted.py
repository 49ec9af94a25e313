"""Killing the grader in the middle of a class loses nothing: a re-run gives the same grades as
an uninterrupted run, and no worker or kernel of the killed run goes on grading."""

import csv
import json
import os
import signal
import subprocess
import sys
import time
import uuid

import psutil
import pytest
from jupyter_client.connect import write_connection_file
from nbgrader.api import Gradebook

from autograder import nbgrader_api, paths
from autograder.samples import planted
from autograder.samples.demo import write_submissions
from autograder.sandbox import kernel, launch

pytestmark = pytest.mark.slow

REPO = paths.REPO


def _grade(submissions, course, out):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.Popen([sys.executable, "-m", "autograder", "grade", "--submissions", str(submissions),
                             "--course-dir", str(course), "--out", str(out), "--workers", "2"],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_sigkill_then_rerun_gives_the_uninterrupted_grades(released_course, tmp_path):
    update = planted.PLUS_UPDATE
    cls = {f"k{i}_correct": {} for i in range(4)}
    cls |= {f"k{i}_uphill": {update.assignment: {update.function: update.source}} for i in range(3)}
    cls["k9_untouched"] = "untouched"
    submissions = write_submissions(released_course, tmp_path / "subs", cls, assignments=[update.assignment])
    reference, interrupted = tmp_path / "reference", tmp_path / "interrupted"
    assert _grade(submissions, released_course, reference).wait(timeout=900) == 0

    grader = _grade(submissions, released_course, interrupted)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and len(list(interrupted.glob("feedback/*/*/*.html"))) < 2:
        time.sleep(0.2)
    family = psutil.Process(grader.pid).children(recursive=True)  # workers, kernels, sandboxes
    os.kill(grader.pid, signal.SIGKILL)  # the grader alone: its workers must notice and stop
    grader.wait()
    assert not (interrupted / "grades.csv").exists() or (interrupted / "grades.csv").read_text().count("\n") == 9
    gone, alive = psutil.wait_procs(family, timeout=30)
    assert not alive, f"processes of the killed grader are still running: {[p.cmdline()[:3] for p in alive]}"

    assert _grade(submissions, released_course, interrupted).wait(timeout=900) == 0
    for name in ("grades.csv", "test_results.csv"):
        assert (interrupted / name).read_text() == (reference / name).read_text()
    rows = list(csv.DictReader((reference / "grades.csv").open()))
    with Gradebook(nbgrader_api.gradebook_url(released_course)) as gb:
        for row in rows:
            assert gb.find_submission(update.assignment, row["student_id"]).score == pytest.approx(float(row["score"]))


# Starts the kernel launcher as a grading worker does, then dies at once (as a worker whose
# grader was killed), long before the launcher's Python is up and bwrap's --die-with-parent runs.
DYING_WORKER = """
import os, signal, subprocess, sys
env = dict(os.environ, JPY_PARENT_PID=str(os.getpid()))
subprocess.Popen([sys.executable, sys.argv[1], sys.argv[2]], env=env,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize("sandbox", ["bwrap", "limits only"])
def test_a_kernel_starting_when_its_worker_dies_does_not_outlive_it(tmp_path, sandbox):
    bwrap = kernel.bubblewrap()
    if sandbox == "bwrap" and not bwrap:
        pytest.skip("bubblewrap does not work on this machine (`make sandbox` installs it)")
    connection = tmp_path / f"kernel-{uuid.uuid4().hex}.json"
    write_connection_file(str(connection), transport="ipc", ip=f"@test-kernel-{uuid.uuid4().hex}")
    policy = {"memory_mb": 2048, "bwrap": bwrap if sandbox == "bwrap" else None}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {launch.POLICY_ENV: json.dumps(policy)}
    worker = subprocess.run([sys.executable, "-c", DYING_WORKER, launch.__file__, str(connection)], env=env,
                            timeout=60)
    assert worker.returncode == -signal.SIGKILL

    def started_from_it():
        found = []
        for process in psutil.process_iter(["cmdline"]):
            if str(connection) in " ".join(process.info["cmdline"] or ()):
                found.append(process)
        return found

    deadline = time.monotonic() + 20
    while started_from_it() and time.monotonic() < deadline:
        time.sleep(0.2)
    survivors = started_from_it()
    for process in survivors:
        process.kill()
    assert not survivors, [p.info["cmdline"][:3] for p in survivors]
