"""What a bigger class costs: seconds per notebook by stage, CSV and report time, and the grader's
peak memory, for classes of growing size graded one after the other in one run.

Run from the repository root: ``.venv/bin/python benchmarks/scale.py --students 20 100 500``.
It releases the course once (or copies a released one given with --course), then for each size
builds a class of that many students who hand in every assignment, in the mix of
``grading_throughput.py`` (correct notebooks, planted mistakes, untouched releases and files
that are not notebooks), and grades it with ``grade(..., workers=<cores>)``, the function behind
`python -m autograder grade`, into a fresh copy of the course. For each size it prints:

- notebooks per minute, wall clock;
- seconds per notebook, as spent in the worker that graded it, split into the stages of
  ``autograder.timing``: preparing the submission, the sandboxed kernel's start, the student's
  cells, the hidden tests, SQL on nbgrader's gradebook (nbgrader's and ours), the rest of
  nbgrader's autograde, reading the results back and the feedback page;
- the main process's share: the CSVs and the report, and the late penalties recorded in the
  gradebook (seconds and % of the run);
- the grader's peak memory: the main process and its workers (kernels not counted), sampled
  every 0.2 s by a separate process as proportional set size (PSS: pages shared by forked
  workers are counted once).

The last table sets each size against the first: the goals are seconds per notebook at the
largest within 1.2x of the smallest, CSVs and report under 5% of the run, peak memory under
1.5 GB. A 500-student class (2,500 notebooks) takes about an hour on 2 cores.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import os  # noqa: E402
import signal  # noqa: E402
import time  # noqa: E402

SAMPLE_EVERY = 0.2  # seconds
KERNEL_MARKERS = ("ipykernel", "bwrap")


def grader_pss(pid: int) -> int:
    """Bytes of PSS of process ``pid`` and its descendants that are not kernels."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        try:
            if process.pid != pid and any(m in " ".join(process.cmdline()) for m in KERNEL_MARKERS):
                continue
            total += process.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass
    return total


def sample_memory(pid: int, out: Path) -> None:
    """Run as a separate process (``--sample-memory``) until SIGTERM; writes the peak to ``out``
    (and an empty ``out`` once the first sample is taken)."""
    peak = 0
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    while not stop:
        peak = max(peak, grader_pss(pid))
        if not out.exists():
            out.touch()
        time.sleep(SAMPLE_EVERY)
    out.write_text(str(peak))


if __name__ == "__main__" and len(sys.argv) == 4 and sys.argv[1] == "--sample-memory":
    sample_memory(int(sys.argv[2]), Path(sys.argv[3]))  # before the grader's imports: it starts at once
    raise SystemExit(0)

import argparse  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402

from autograder import notebooks, timing  # noqa: E402
from autograder.grading import grade  # noqa: E402
from autograder.samples.demo import write_submissions  # noqa: E402
from benchmarks.grading_throughput import build_class, released_course  # noqa: E402
from benchmarks.machine import print_machine  # noqa: E402

DEFAULT_SIZES = (20, 100, 500)
WORKER_STAGES = (timing.PREPARE, timing.KERNEL_START, timing.STUDENT_CELLS, timing.HIDDEN_TESTS,
                 timing.GRADEBOOK, timing.AUTOGRADE, timing.RESULTS, timing.FEEDBACK)
GOALS = {"per notebook growth": 1.2, "CSVs and report share": 0.05, "peak memory GB": 1.5}


class MemorySampler:
    """A separate process that samples this one's memory (a thread here would make the grader
    spawn its workers instead of forking them, which changes what is measured)."""

    def __init__(self, work: Path):
        self.out = work / f"peak-{time.monotonic_ns()}"

    def __enter__(self):
        self.process = subprocess.Popen([sys.executable, __file__, "--sample-memory", str(os.getpid()),
                                         str(self.out)])
        deadline = time.monotonic() + 30
        while not self.out.exists() and self.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # until its first sample
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
        text = self.out.read_text() if self.out.exists() else ""
        self.peak = int(text) if text else 0


def grade_class(base: Path, work: Path, students: int, workers: int, assignments: list[str]) -> dict:
    """Grade a generated class of ``students``; returns its figures."""
    folder = work / f"class-{students}"
    cls = build_class(students, assignments)
    submissions = write_submissions(base, folder / "submissions", cls, assignments=assignments)
    course = shutil.copytree(base, folder / "course")
    with MemorySampler(work) as memory, timing.collect() as main:
        start = time.perf_counter()
        results = grade(submissions, course, folder / "out", workers=workers, progress=False,
                        assignments=assignments)
        seconds = time.perf_counter() - start
    per_stage = {s: sum(r.stages.get(s, 0.0) for r in results) / len(results) for s in WORKER_STAGES}
    by_assignment = {}
    for a in assignments:
        mine = [r for r in results if r.assignment == a]
        by_assignment[a] = {s: sum(r.stages.get(s, 0.0) for r in mine) / max(1, len(mine)) for s in WORKER_STAGES}
    shutil.rmtree(folder, ignore_errors=True)
    return {"students": students, "notebooks": len(results), "seconds": seconds,
            "per_stage": per_stage, "by_assignment": by_assignment, "per_notebook": sum(per_stage.values()),
            "report": main.get(timing.REPORT, 0.0), "late": main.get(timing.LATE, 0.0), "peak": memory.peak}


def print_size(figures: dict, workers: int) -> None:
    n, seconds = figures["notebooks"], figures["seconds"]
    print(f"\n{figures['students']} students, {n} notebooks: {seconds:.0f} s, {60 * n / seconds:.1f} notebooks/min "
          f"on {workers} workers")
    print(f"  seconds per notebook in its worker: {figures['per_notebook']:.3f}")
    for name, value in figures["per_stage"].items():
        print(f"    {name:<20} {value:7.3f}  {100 * value / figures['per_notebook']:5.1f}%")
    print(f"  by assignment, seconds per notebook: {'total':>6} " + " ".join(f"{s[:13]:>13}" for s in WORKER_STAGES))
    for a, stages in figures["by_assignment"].items():
        print(f"    {a:<34} {sum(stages.values()):6.2f} " + " ".join(f"{v:13.3f}" for v in stages.values()))
    print(f"  main process: CSVs and report {figures['report']:.2f} s ({100 * figures['report'] / seconds:.2f}% of "
          f"the run)")
    print(f"  main process: late penalties {figures['late']:.2f} s ({100 * figures['late'] / seconds:.2f}% of the run)")
    print(f"  grader's peak memory (main and workers, PSS): {figures['peak'] / 1e9:.2f} GB")


def print_growth(runs: list[dict]) -> None:
    first = runs[0]
    print(f"\ngrowth against {first['students']} students (goals: per notebook <= "
          f"{GOALS['per notebook growth']}x, CSVs and report < {100 * GOALS['CSVs and report share']:.0f}% of the "
          f"run, peak memory < {GOALS['peak memory GB']} GB)")
    print(f"  {'students':>8} {'s/notebook':>10} {'x':>6} {'report %':>8} {'peak GB':>8}   stages growing most")
    for run in runs:
        growth = {s: run["per_stage"][s] / first["per_stage"][s] for s in WORKER_STAGES if first["per_stage"][s] > 0}
        most = sorted(growth.items(), key=lambda kv: -kv[1])[:3]
        print(f"  {run['students']:>8} {run['per_notebook']:10.3f} {run['per_notebook'] / first['per_notebook']:6.2f} "
              f"{100 * run['report'] / run['seconds']:8.2f} {run['peak'] / 1e9:8.2f}   "
              + ", ".join(f"{name} {x:.2f}x" for name, x in most))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=list(DEFAULT_SIZES), help="class sizes, in order")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--assignment", action="append", dest="assignments", help="default: all five")
    parser.add_argument("--course", type=Path, help="an already released course folder to copy")
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.students):
        parser.error("--students: class sizes are whole numbers of at least 1")
    print_machine()
    work = Path(tempfile.mkdtemp(prefix="grading-scale-"))
    try:
        base = released_course(work / "released", args.course)
        assignments = args.assignments or notebooks.assignments(base)
        runs = []
        for students in args.students:
            runs.append(grade_class(base, work, students, args.workers, assignments))
            print_size(runs[-1], args.workers)
        print_growth(runs)
        print_machine("end")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
