"""The grader's kernel manager and client: no idle waits, and nothing lost for it."""

import asyncio
import json
import sys
import threading
import time

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from autograder import nbgrader_api
from autograder.grading import grade
from autograder.samples.demo import write_submissions
from autograder.sandbox import session
from autograder.sandbox.client import QuickKernelClient, QuickKernelManager


def run(nb, **kw):
    NotebookClient(nb, kernel_name="python3", kernel_manager_class=QuickKernelManager,
                   shutdown_kernel="immediate", **kw).execute()
    return nb


def test_grading_runs_notebooks_with_it(tmp_path):
    c = nbgrader_api.config(tmp_path, kernel_name="autograder-sandbox")
    assert c.Execute.kernel_manager_class == "autograder.sandbox.client.QuickKernelManager"
    assert QuickKernelManager().client_factory is QuickKernelClient


def test_the_first_output_of_every_fresh_kernel_arrives():
    """Ready means IOPub is connected: a kernel declared ready too early loses its first prints."""
    for k in range(8):
        nb = run(nbformat.from_dict(new_notebook(cells=[
            new_code_cell(f"print('first {k}')"), new_code_cell("import sys; sys.stderr.write('second')")])))
        assert nb.cells[0].outputs[0]["text"] == f"first {k}\n"
        assert nb.cells[1].outputs[0]["text"] == "second"


def test_a_kernel_that_dies_at_start_is_reported_not_waited_for(tmp_path, monkeypatch):
    spec = tmp_path / "kernels" / "dies"
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-c", "import sys; sys.exit(3)", "{connection_file}"],
        "display_name": "dies", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))

    async def start():
        km = QuickKernelManager(kernel_name="dies")
        await km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=60)
        finally:
            kc.stop_channels()
            await km.cleanup_resources()

    failure = {}

    def run():  # in a thread of its own: the test process may already run an event loop
        try:
            asyncio.run(start())
        except Exception as err:
            failure["error"] = err

    began = time.monotonic()
    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    assert time.monotonic() - began < 30
    assert isinstance(failure.get("error"), RuntimeError), failure
    assert "died before replying" in str(failure["error"])


def test_kernels_listen_on_sockets_no_other_process_can_take():
    """TCP ports are picked by the grader and bound by the kernel a moment later: with kernels
    starting in parallel, another process could take one in between and stall the kernel."""
    first, second = QuickKernelManager(), QuickKernelManager()
    assert first.transport == second.transport == "ipc"
    assert first.ip.startswith("@autograder-kernel-") and first.ip != second.ip  # abstract, one per kernel
    nb = run(nbformat.from_dict(new_notebook(cells=[new_code_cell("print(6 * 7)")])))
    assert nb.cells[0].outputs[0]["text"] == "42\n"


def _class_of_one(released_course, tmp_path):
    return write_submissions(released_course, tmp_path / "subs", {"steady": {}}, assignments=["04_update_rule"])


def _failing_starts(monkeypatch, failures: int) -> list:
    """The first ``failures`` kernels the grader starts exit at once, as one that lost its port did."""
    launches = []
    launch = QuickKernelManager._async_launch_kernel

    async def flaky(self, kernel_cmd, **kw):
        launches.append(kernel_cmd)
        if len(launches) <= failures:
            kernel_cmd = [sys.executable, "-c", "import sys; sys.exit(1)"]
        return await launch(self, kernel_cmd, **kw)

    monkeypatch.setattr(QuickKernelManager, "_async_launch_kernel", flaky)
    return launches


def test_a_kernel_that_did_not_start_is_started_again_and_costs_the_student_nothing(
        released_course, tmp_path, monkeypatch):
    launches = _failing_starts(monkeypatch, failures=1)
    [result] = grade(_class_of_one(released_course, tmp_path), released_course, tmp_path / "out",
                     workers=1, progress=False)
    assert len(launches) == 2
    assert not result.problems
    assert result.score == result.max_score > 0


def test_a_kernel_that_never_starts_is_reported_as_the_graders_fault(released_course, tmp_path, monkeypatch):
    launches = _failing_starts(monkeypatch, failures=session.ATTEMPTS)
    [result] = grade(_class_of_one(released_course, tmp_path), released_course, tmp_path / "out",
                     workers=1, progress=False)
    assert len(launches) == session.ATTEMPTS
    assert result.score == 0
    [problem] = result.problems
    assert "grading kernel did not start" in problem and "not the notebook's fault" in problem
    assert "run the grading again" in problem
