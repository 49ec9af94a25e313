"""What a grading kernel can import: a stand-in ``autograder.hidden`` (the probe) and the helper
package exactly as the release ships it for that assignment, nothing else of the grader's."""

import hashlib
import os
import tempfile
from pathlib import Path

from ..hidden.seeds import STUDENT_ENV

HERE = Path(__file__).resolve().parent
_PACKAGE_DOC = '"""Grading stand-in: only the probe of hidden tests (see the grader\'s sandbox)."""\n'


def probe_path() -> Path:
    """A folder holding ``autograder/hidden`` = probe.py + wire.py, written once per content."""
    files = {
        "autograder/__init__.py": _PACKAGE_DOC,
        "autograder/hidden/__init__.py": (HERE / "probe.py").read_text(),
        "autograder/hidden/wire.py": (HERE / "wire.py").read_text(),
    }
    digest = hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest()[:16]
    root = Path(tempfile.gettempdir()) / f"autograder-probe-{os.getuid()}-{digest}"
    if not (root / "complete").exists():
        staging = Path(tempfile.mkdtemp(prefix="autograder-probe-"))
        for name, text in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(text)
        (staging / "complete").write_text("")
        try:
            staging.rename(root)
        except OSError:  # another worker got there first
            import shutil

            shutil.rmtree(staging, ignore_errors=True)
    return root


def grading_pythonpath(release_folder: Path) -> str:
    """The probe, then the assignment's release folder (its bpkit: earlier solutions only)."""
    return os.pathsep.join([str(probe_path()), str(Path(release_folder).resolve())])


def prepare(release_folder: Path) -> None:
    """Environment for the grading kernels this process starts next."""
    os.environ["PYTHONPATH"] = grading_pythonpath(release_folder)
    os.environ.pop(STUDENT_ENV, None)  # the oracle knows the student; the kernel need not


__all__ = ["prepare", "probe_path", "grading_pythonpath"]
