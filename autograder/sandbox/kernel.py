"""The kernels that run students' notebooks during grading.

They start through a kernelspec of the grader's own (``autograder-sandbox``), whose launcher
(``launch.py``) applies the resource limits and, where bubblewrap is installed, the file-system
and process sandbox. What they can import: a stand-in ``autograder.hidden`` (the probe), and the
helper package exactly as the release ships it for the assignment; nothing else of the grader's.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

from .. import paths
from ..hidden.seeds import STUDENT_ENV
from ..nbgrader_api import KERNEL_CONFIG
from .launch import POLICY_ENV

HERE = Path(__file__).resolve().parent
KERNEL_NAME = "autograder-sandbox"
DEFAULT_MEMORY_MB = 4096
_PACKAGE_DOC = '"""Grading stand-in: only the probe of hidden tests (see the grader\'s sandbox)."""\n'
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
    """A folder with ``autograder/hidden`` = probe + wire (for the kernel's PYTHONPATH), the
    launcher, and the kernelspec (for JUPYTER_PATH, under ``share/``)."""
    launcher = "launch.py"
    files = {
        "autograder/__init__.py": _PACKAGE_DOC,
        "autograder/hidden/__init__.py": (HERE / "probe.py").read_text(),
        "autograder/hidden/wire.py": (HERE / "wire.py").read_text(),
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


def warm() -> None:
    """What every grading process needs once (the probe folder, the bubblewrap check, the font
    cache): done by the grader before it forks its workers, so that none of them repeats it."""
    probe_path()
    bubblewrap()
    _matplotlib_cache()


def _job_files(job_dir: Path) -> None:
    ipython = job_dir / "ipython" / "profile_default"
    (ipython / "startup").mkdir(parents=True)
    (ipython / "ipython_kernel_config.py").write_text(KERNEL_CONFIG)
    (ipython / "startup" / "00-output-cap.py").write_text(OUTPUT_CAP.format(limit=OUTPUT_LIMIT))
    (job_dir / "matplotlib").mkdir()
    warm = _matplotlib_cache()
    for cached in warm.glob("fontlist-*.json") if warm else ():
        shutil.copy2(cached, job_dir / "matplotlib" / cached.name)
    (job_dir / "home").mkdir()


def prepare(release_folder: Path, job_dir: Path, *, hide=(), memory_mb: int | None = DEFAULT_MEMORY_MB) -> Path:
    """Environment for the grading kernel this process starts next; returns the pid file that
    the launcher writes (so a watchdog can stop the kernel)."""
    release_folder, job_dir = Path(release_folder).resolve(), Path(job_dir).resolve()
    probe = probe_path()
    _job_files(job_dir)
    course = release_folder.parent.parent
    pidfile = job_dir / "kernel.pid"
    policy = {
        "memory_mb": memory_mb,
        "pidfile": str(pidfile),
        "bwrap": bubblewrap(),
        "hide": [str(p) for p in [
            paths.REPO / "autograder", paths.REPO / "tests", paths.REPO / ".git", paths.COURSE / "source",
            course / "source", course / "gradebook.db", course / "submitted", course / "autograded",
            course / "feedback", *hide]],
        "read": [str(p) for p in [probe, release_folder, Path(sys.prefix), Path(sys.base_prefix),
                                  *([os.environ["CATDOG_DATA"]] if os.environ.get("CATDOG_DATA") else [])]],
        "write": [str(job_dir)],
    }
    os.environ.update({
        "PYTHONPATH": os.pathsep.join([str(probe), str(release_folder)]),
        "JUPYTER_PATH": str(probe / "share"),
        "IPYTHONDIR": str(job_dir / "ipython"),
        "MPLCONFIGDIR": str(job_dir / "matplotlib"),
        POLICY_ENV: json.dumps(policy),
    })
    os.environ.pop(STUDENT_ENV, None)  # the oracle knows the student; the kernel need not
    return pidfile
