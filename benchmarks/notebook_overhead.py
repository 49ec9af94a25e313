"""The fixed cost of one graded notebook, before and after the grader kills its kernel at once.

Run from the repository root: ``.venv/bin/python benchmarks/notebook_overhead.py``. It runs the
solution notebook of 04_update_rule (the smallest notebook, so the fixed cost dominates) from
start to finish in a fresh kernel, as grading does, alternating two ways of ending the kernel:

- graceful (nbclient's default, and the grader's before): ask the kernel to shut down and wait
  for it to exit;
- immediate (the grader's now, ``Execute.shutdown_kernel = "immediate"``): kill the kernel's
  process group as soon as the last cell has run.

Each notebook still gets a fresh kernel process either way. Prints the median seconds per
notebook for both and their ratio.
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
from nbclient import NotebookClient  # noqa: E402

from autograder import nbgrader_api, notebooks, paths  # noqa: E402

ASSIGNMENT = "04_update_rule"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="notebooks run per way (alternating)")
    args = parser.parse_args(argv)
    source = notebooks.source_notebook(paths.COURSE, ASSIGNMENT)
    nb = nbformat.read(source, as_version=4)
    nbgrader_api.prepare_kernels(paths.COURSE, "benchmark")
    times = {"graceful": [], "immediate": []}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.rounds):
            for mode in times:
                client = NotebookClient(nbformat.from_dict(nb), kernel_name="python3", shutdown_kernel=mode,
                                        resources={"metadata": {"path": folder}})
                start = time.perf_counter()
                client.execute()
                times[mode].append(time.perf_counter() - start)
    before, after = (statistics.median(times[m]) for m in times)
    print(f"{ASSIGNMENT} solution, a fresh kernel per run, median of {args.rounds} runs each (alternating)")
    print(f"graceful shutdown (before): {before:.2f} s per notebook")
    print(f"immediate kill (now):       {after:.2f} s per notebook")
    print(f"ratio before / now: {before / after:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
