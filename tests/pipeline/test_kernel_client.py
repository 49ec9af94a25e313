"""The grader's kernel manager and client: no idle waits, and nothing lost for it."""

import asyncio
import json
import sys
import threading
import time

import nbformat
import zmq
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from autograder import nbgrader_api
from autograder.grading import grade
from autograder.samples.demo import write_submissions
from autograder.sandbox import session
from autograder.sandbox.client import RECONNECT_MS, QuickKernelClient, QuickKernelManager


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


def test_its_channels_retry_a_kernel_that_is_not_listening_yet_without_waiting_long():
    """The client connects before the kernel binds: ZeroMQ's default retry (100 to 200 ms) left a
    kernel that was up waiting about 90 ms for the client to notice."""
    km = QuickKernelManager()
    kc = km.client()
    kc.start_channels(hb=False)
    try:
        for channel in (kc.shell_channel, kc.iopub_channel, kc.stdin_channel, kc.control_channel):
            assert channel.socket.getsockopt(zmq.RECONNECT_IVL) == RECONNECT_MS
    finally:
        kc.stop_channels()
    with zmq.Context() as context, context.socket(zmq.DEALER) as stock:
        assert 0 < RECONNECT_MS < stock.getsockopt(zmq.RECONNECT_IVL) == 100


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


def _class_of_one(course, tmp_path):
    return write_submissions(course, tmp_path / "subs", {"steady": {}}, assignments=["04_update_rule"])


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
        copy_released, tmp_path, monkeypatch):
    launches = _failing_starts(monkeypatch, failures=1)
    course = copy_released(tmp_path / "course")
    [result] = grade(_class_of_one(course, tmp_path), course, tmp_path / "out",
                     workers=1, progress=False)
    assert len(launches) == 2
    assert not result.problems
    assert result.score == sum(t.max_score for t in result.tests if not t.manual) > 0  # written: by hand


def test_a_kernel_that_never_starts_is_reported_as_the_graders_fault(copy_released, tmp_path, monkeypatch):
    launches = _failing_starts(monkeypatch, failures=session.ATTEMPTS)
    course = copy_released(tmp_path / "course")
    [result] = grade(_class_of_one(course, tmp_path), course, tmp_path / "out",
                     workers=1, progress=False)
    assert len(launches) == session.ATTEMPTS
    assert result.score == 0
    [problem] = result.problems
    assert "grading kernel did not start" in problem and "not the notebook's fault" in problem
    assert "run the grading again" in problem
