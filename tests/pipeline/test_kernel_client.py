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
