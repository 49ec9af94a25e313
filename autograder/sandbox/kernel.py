"""The kernels that run students' notebooks during grading.

They start through a kernelspec of the grader's own (``autograder-sandbox``), whose launcher
(``launch.py``) applies the resource limits and, where bubblewrap is installed, the file-system,
network and process sandbox. What they can import: a stand-in ``autograder.hidden`` (the probe),
and the helper package exactly as the release ships it for the assignment; nothing else of the
grader's. What they see of the environment: the launcher's allowlist of what ``prepare`` hands
the kernel manager for that one kernel (a ``Launch``); the grader never sets it in its own
``os.environ``, so kernels started at once from one process cannot see each other's.

The process count of a kernel (processes and threads, everything it starts) is capped at
``PROCESS_LIMIT`` by the first of these that works here:

- a cgroup with ``pids.max`` per kernel, made by the grader in its own cgroup of the ``pids``
  hierarchy (cgroup v1, or v2 where ``pids`` is enabled for children): needs write access there,
  which root has (and CI runs as root, where ``RLIMIT_NPROC`` is not enforced);
- for an ordinary user with bubblewrap: ``RLIMIT_NPROC`` set by the kernel's first start-up
  file. bwrap runs the kernel in a user namespace of its own, and Linux (5.14 and later) counts
  ``RLIMIT_NPROC`` per user namespace, so the cap is the kernel's alone, not the user's.

Otherwise there is none, and ``isolation_notice`` says so.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from traitlets.config import Config

from .. import paths
from ..hidden.seeds import STUDENT_ENV
from ..nbgrader_api import KERNEL_CONFIG, one_blas_thread
from .launch import POLICY_ENV

HERE = Path(__file__).resolve().parent
LINK = HERE.parent / "link"  # the probe and the wire format are copied into every kernel
KERNEL_NAME = "autograder-sandbox"
DEFAULT_MEMORY_MB = 4096
_PACKAGE_DOC = '"""Grading stand-in: only the probe of hidden tests (see the grader\'s sandbox)."""\n'
# ipykernel starts its debugger whenever debugpy imports, for a debugger nobody attaches to: a
# sandboxed kernel's start took 0.25 s of CPU with it, 0.20 s without (and, with the client's quick
# reconnects, 0.30 s to the first cell instead of 0.24 s). This stand-in, first on the kernel's
# path, says no.
NO_DEBUGGER = 'raise ImportError("a grading kernel has no debugger")\n'
OUTPUT_CAP = '''\
# Written by the grader: caps what one cell may print, so a print loop cannot flood the grader.
import sys as _sys

_LIMIT = {limit}


def _cap(stream):
    write, state = stream.write, {{"n": 0}}

    def capped(text):
        if state["n"] > _LIMIT:
            return len(text)
        state["n"] += len(text)
        if state["n"] > _LIMIT:
            write(text[: max(0, _LIMIT - (state["n"] - len(text)))])
            return write("\\n[output cut by the grader: a cell may print at most {limit} characters]\\n")
        return write(text)

    stream.write = capped
    return state


_STATES = [_cap(_sys.stdout), _cap(_sys.stderr)]


def _reset(*_):
    for state in _STATES:
        state["n"] = 0


get_ipython().events.register("pre_run_cell", _reset)
'''
OUTPUT_LIMIT = 100_000  # characters per cell and stream
PROCESS_LIMIT = 256  # processes and threads per kernel (ipykernel itself runs about 10 threads)
PROCESS_CAP = f"""\
# Written by the grader: at most {PROCESS_LIMIT} processes and threads in this kernel's user namespace.
import resource as _resource

_resource.setrlimit(_resource.RLIMIT_NPROC, ({PROCESS_LIMIT}, {PROCESS_LIMIT}))
del _resource
"""
CGROUP_ROOT = Path("/sys/fs/cgroup")
JOB_PREFIX = "autograder-job-"  # + the grading process's pid + "-": see ``job_folder``
CGROUP_PREFIX = "autograder-kernel-"  # + the grading process's pid + "-": see ``_kernel_cgroup``


def _content_dir(prefix: str, files: dict[str, str]) -> Path:
    """A folder under the temp dir holding ``files``, written once per content (atomically)."""
    digest = hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest()[:16]
    root = Path(tempfile.gettempdir()) / f"{prefix}-{os.getuid()}-{digest}"
    if not (root / "complete").exists():
        staging = Path(tempfile.mkdtemp(prefix=f"{prefix}-"))
        for name, text in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(text)
        (staging / "complete").write_text("")
        try:
            staging.rename(root)
        except OSError:  # another worker got there first
            shutil.rmtree(staging, ignore_errors=True)
    return root


@cache
def probe_path() -> Path:
    """A folder with ``autograder/hidden`` = probe + wire and a ``debugpy`` that does not import
    (for the kernel's PYTHONPATH), the launcher, and the kernelspec (for JUPYTER_PATH, under
    ``share/``)."""
    launcher = "launch.py"
    files = {
        "autograder/__init__.py": _PACKAGE_DOC,
        "autograder/hidden/__init__.py": (LINK / "probe.py").read_text(),
        "autograder/hidden/wire.py": (LINK / "wire.py").read_text(),
        "debugpy/__init__.py": NO_DEBUGGER,
        launcher: (HERE / "launch.py").read_text(),
    }
    root_placeholder = "@ROOT@"
    spec = {
        "argv": [sys.executable, f"{root_placeholder}/{launcher}", "{connection_file}"],
        "display_name": "Python (grading sandbox)",
        "language": "python",
        "interrupt_mode": "message",  # bwrap does not pass signals on; ipykernel takes the message
    }
    files[f"share/kernels/{KERNEL_NAME}/kernel.json"] = json.dumps(spec, indent=1)
    root = _content_dir("autograder-probe", files)
    spec_file = root / "share" / "kernels" / KERNEL_NAME / "kernel.json"
    text = spec_file.read_text()
    if root_placeholder in text:
        spec_file.write_text(text.replace(root_placeholder, str(root)))
    return root


@cache
def bubblewrap() -> str | None:
    """The bwrap command if it works here (it needs user or mount namespaces), else None."""
    found = shutil.which("bwrap")
    if not found:
        return None
    try:
        ok = subprocess.run([found, "--ro-bind", "/", "/", "--unshare-pid", "--die-with-parent", "true"],
                            capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return found if ok else None


@cache
def _matplotlib_cache() -> Path | None:
    """A matplotlib config folder whose font cache is built (once per machine and version), so
    that each kernel's private copy need not rebuild it (about 0.3 s a notebook)."""
    folder = Path(tempfile.gettempdir()) / f"autograder-matplotlib-{os.getuid()}-{sys.version_info[:2]}"
    if not any(folder.glob("fontlist-*.json")):
        folder.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], timeout=120,
                           env={**os.environ, "MPLCONFIGDIR": str(folder)}, capture_output=True)
        except (OSError, subprocess.TimeoutExpired):
            return None
    return folder


def _own_cgroup(hierarchy: str) -> Path | None:
    """This process's cgroup folder in ``hierarchy`` ("pids" for v1, "" for v2)."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        number, controllers, path = line.split(":", 2)
        if hierarchy in controllers.split(",") if hierarchy else (number, controllers) == ("0", ""):
            return CGROUP_ROOT / hierarchy / path.lstrip("/")
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


@cache
def pids_cgroup_parent() -> Path | None:
    """A cgroup folder where this process may make a child with ``pids.max`` per kernel, or None."""
    for hierarchy in ("pids", ""):
        parent = _own_cgroup(hierarchy)
        if parent is None or not (parent / "cgroup.procs").exists():
            continue
        if not hierarchy and "pids" not in _read(parent / "cgroup.subtree_control").split():
            continue
        probe = parent / f"autograder-check-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            probe.mkdir()
            (probe / "pids.max").write_text(str(PROCESS_LIMIT))
            _remove_stale_cgroups(parent)
            return parent
        except OSError:
            continue
        finally:
            try:
                probe.rmdir()
            except OSError:
                pass
    return None


def _remove_stale_cgroups(parent: Path) -> None:
    """Empty kernel cgroups left by a grading process that was killed (its pid is gone)."""
    for stale in _left_by_gone_graders(parent, CGROUP_PREFIX):
        try:
            stale.rmdir()  # refused while any process is still in it
        except OSError:
            pass


def process_limit() -> str:
    """How kernels' process counts are capped here: "cgroup", "rlimit" or "" (not at all)."""
    if pids_cgroup_parent() is not None:
        return "cgroup"
    if bubblewrap() and os.getuid() != 0:
        return "rlimit"
    return ""


def isolation_notice() -> str:
    """One line for the grade output when kernels are less isolated than they could be, else ""."""
    missing = []
    if not bubblewrap():
        missing.append("bubblewrap is not available (or user namespaces are disabled): grading kernels "
                       "share this machine's network and can read whatever your user can read")
    if not process_limit():
        missing.append("kernels have no process-count limit (a fork bomb is stopped only by the time limits)")
    if not missing:
        return ""
    return "Note: " + "; ".join(missing) + ". See README, \"Grading untrusted code\"."


def warm() -> None:
    """What every grading process needs once (the probe folder, the bubblewrap check, the font
    cache, the process-limit check): done by the grader before it forks its workers, so that none
    of them repeats it."""
    probe_path()
    bubblewrap()
    pids_cgroup_parent()
    _matplotlib_cache()


def job_folder() -> tempfile.TemporaryDirectory:
    """A temporary job folder for one kernel, its name carrying this process's pid: a grader
    killed while grading cannot remove it, the next one does (``remove_stale_job_folders``)."""
    return tempfile.TemporaryDirectory(prefix=f"{JOB_PREFIX}{os.getpid()}-")


def remove_stale_job_folders() -> None:
    """Remove the job folders under the temp dir whose grading process has gone (once per
    grading run on this machine: ``grading.run.grade``)."""
    for folder in _left_by_gone_graders(Path(tempfile.gettempdir()), JOB_PREFIX):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def _left_by_gone_graders(parent: Path, prefix: str):
    """The entries of ``parent`` named ``prefix`` + a grading process's pid + "-...", whose
    process has gone (another user's process counts as running)."""
    owner = re.compile(re.escape(prefix) + r"(\d+)-")
    for entry in parent.glob(f"{prefix}*"):
        found = owner.match(entry.name)
        if not found:
            continue
        try:
            os.kill(int(found.group(1)), 0)
        except ProcessLookupError:
            yield entry
        except OSError:
            pass


def _job_files(job_dir: Path, limit: str) -> None:
    ipython = job_dir / "ipython" / "profile_default"
    (ipython / "startup").mkdir(parents=True)
    (ipython / "ipython_kernel_config.py").write_text(KERNEL_CONFIG)
    if limit == "rlimit":
        (ipython / "startup" / "00-process-cap.py").write_text(PROCESS_CAP)
    (ipython / "startup" / "00-output-cap.py").write_text(OUTPUT_CAP.format(limit=OUTPUT_LIMIT))
    (job_dir / "matplotlib").mkdir()
    warm = _matplotlib_cache()
    for cached in warm.glob("fontlist-*.json") if warm else ():
        shutil.copy2(cached, job_dir / "matplotlib" / cached.name)
    (job_dir / "home").mkdir()


@dataclass(frozen=True)
class Launch:
    """What one grading kernel is started with, for the kernel manager that starts it (see
    ``client.QuickKernelManager``): nothing of it is set in this process's environment, so
    kernels started at once from one process never see each other's."""

    env: dict[str, str]  # the kernel's environment (the launcher keeps only ``launch.ALLOWED_ENV`` of it)
    socket_dir: Path  # the kernel's socket files (the job folder, which the sandbox binds in)
    pidfile: Path  # written by the launcher, so that a watchdog can stop the kernel

    def manager_config(self, **more_env: str) -> Config:
        """The kernel manager's configuration for this kernel, ``more_env`` added to its environment."""
        c = Config()
        c.QuickKernelManager.kernel_env = {**self.env, **more_env}
        c.QuickKernelManager.socket_dir = str(self.socket_dir)
        c.QuickKernelManager.kernel_dirs = [str(probe_path() / "share" / "kernels")]
        return c


def prepare(release_folder: Path, job_dir: Path, *, hide=(), memory_mb: int | None = DEFAULT_MEMORY_MB,
            student: str | None = None) -> Launch:
    """The job folder of one grading kernel, and what it is to be started with: this process's
    environment without the student id (the shell's never reaches a kernel: the launcher's policy
    gives the kernel the graded ``student``'s, so it shows their version of each concept question), one
    BLAS thread unless this process says otherwise (workers share the cores), and the sandbox's
    own variables (the probe and the release importable, a home, IPython and matplotlib folders
    of its own, the launcher's policy)."""
    release_folder, job_dir = Path(release_folder).resolve(), Path(job_dir).resolve()
    probe = probe_path()
    limit = process_limit()
    _job_files(job_dir, limit)
    course = release_folder.parent.parent
    pidfile = job_dir / "kernel.pid"
    policy = {
        "memory_mb": memory_mb,
        "pidfile": str(pidfile),
        "pids_cgroup": str(_kernel_cgroup(job_dir)) if limit == "cgroup" else None,
        "bwrap": bubblewrap(),
        "hide": [str(p) for p in [
            paths.REPO / "autograder", paths.REPO / "tests", paths.REPO / ".git", paths.COURSE / "source",
            course / "source", course / "gradebook.db", course / "submitted", course / "autograded",
            course / "feedback", *hide]],
        "read": [str(p) for p in [probe, release_folder, Path(sys.prefix), Path(sys.base_prefix),
                                  *([os.environ["CATDOG_DATA"]] if os.environ.get("CATDOG_DATA") else [])]],
        "write": [str(job_dir)],
        "environment": {STUDENT_ENV: student} if student else {},
    }
    env = {name: value for name, value in os.environ.items() if name != STUDENT_ENV}
    one_blas_thread(env)
    env.update({
        "PYTHONPATH": os.pathsep.join([str(probe), str(release_folder)]),
        "JUPYTER_PATH": str(probe / "share"),
        "IPYTHONDIR": str(job_dir / "ipython"),
        "MPLCONFIGDIR": str(job_dir / "matplotlib"),
        "HOME": str(job_dir / "home"),
        POLICY_ENV: json.dumps(policy),
    })
    return Launch(env, job_dir, pidfile)


def _kernel_cgroup(job_dir: Path) -> Path:
    """A fresh cgroup for the next kernel, capped at PROCESS_LIMIT; its name is kept in the job
    folder for ``clean_up``."""
    cgroup = pids_cgroup_parent() / f"{CGROUP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}"
    cgroup.mkdir()
    (cgroup / "pids.max").write_text(str(PROCESS_LIMIT))
    (job_dir / "cgroup").write_text(str(cgroup))
    return cgroup


def clean_up(job_dir: Path) -> None:
    """Remove what ``prepare`` made outside the job folder (the kernel's cgroup), once the
    kernel's processes are gone (they die with it; a moment's wait at most)."""
    marker = Path(job_dir) / "cgroup"
    if not marker.exists():
        return
    cgroup = Path(marker.read_text())
    for _ in range(100):
        try:
            cgroup.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:  # processes still exiting
            time.sleep(0.05)
