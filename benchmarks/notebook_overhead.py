"""The fixed cost of one graded notebook: nbclient's stock kernel handling against the grader's.

Run from the repository root: ``.venv/bin/python benchmarks/notebook_overhead.py``. It runs the
solution notebook of 04_update_rule (the smallest notebook, so the fixed cost dominates) from
start to finish in a fresh kernel, as grading does, in three ways taken in turn:

- stock: nbclient's defaults (and nbgrader's): ask the kernel to shut down and wait for it to
  exit; a kernel counts as ready after jupyter_client's waits (up to 0.2 s for IOPub, then 0.2 s
  of IOPub silence);
- killed: the same, but the kernel is killed as soon as the last cell has run
  (``Execute.shutdown_kernel = "immediate"``);
- grader: killed at once, and started by ``autograder.sandbox.client.QuickKernelManager``
  (ready as soon as the kernel answers and IOPub is connected; a socket refused by a kernel not
  yet listening is tried again after 5 ms, not ZeroMQ's 100 to 200 ms; exit polled every 5 ms).

Each notebook gets a fresh kernel process every way. Prints the median seconds per notebook for
each way and the ratio of stock to the grader's.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import argparse  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import nbformat  # noqa: E402
from jupyter_client.manager import AsyncKernelManager  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from autograder import nbgrader_api, notebooks, paths  # noqa: E402
from autograder.sandbox.client import QuickKernelManager  # noqa: E402
from benchmarks.machine import print_machine  # noqa: E402

ASSIGNMENT = "04_update_rule"
WAYS = {  # name: (shutdown_kernel, kernel manager class)
    "stock": ("graceful", AsyncKernelManager),
    "killed": ("immediate", AsyncKernelManager),
    "grader": ("immediate", QuickKernelManager),
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="notebooks run per way (taken in turn)")
    args = parser.parse_args(argv)
    print_machine()
    nb = nbformat.read(notebooks.source_notebook(paths.COURSE, ASSIGNMENT), as_version=4)
    nbgrader_api.prepare_kernels(paths.COURSE)
    times = {way: [] for way in WAYS}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.rounds):
            for way, (shutdown, manager) in WAYS.items():
                client = NotebookClient(nbformat.from_dict(nb), kernel_name="python3", shutdown_kernel=shutdown,
                                        kernel_manager_class=manager, resources={"metadata": {"path": folder}})
                start = time.perf_counter()
                client.execute()
                times[way].append(time.perf_counter() - start)
    median = {way: statistics.median(t) for way, t in times.items()}
    print(f"{ASSIGNMENT} solution, a fresh kernel per run, median of {args.rounds} runs each (taken in turn)")
    print(f"stock (graceful shutdown, jupyter_client's waits): {median['stock']:.2f} s per notebook")
    print(f"killed at once:                                    {median['killed']:.2f} s per notebook")
    print(f"grader (killed at once, QuickKernelManager):       {median['grader']:.2f} s per notebook")
    print(f"ratio stock / grader: {median['stock'] / median['grader']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
