"""The pieces of a grading kernel's isolation that need no grading run (the graded proofs are in
test_isolation.py)."""

import os
import shutil
import subprocess
import sys

import pytest

from autograder.link import probe
from autograder.sandbox import kernel, launch
from autograder.sandbox.client import SOCKET_DIR_ENV


def test_only_allowlisted_variables_reach_a_kernel():
    environ = {"PATH": "/usr/bin", "LC_ALL": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1", probe.ORACLE_ENV: "/s t",
               "GITHUB_TOKEN": "x", "AWS_SECRET_ACCESS_KEY": "x", "HTTPS_PROXY": "http://u:p@proxy",
               SOCKET_DIR_ENV: "/tmp/job", launch.POLICY_ENV: "{}", "AUTOGRADER_STUDENT_ID": "s1"}
    assert launch.allowed_environment(environ) == {
        "PATH": "/usr/bin", "LC_ALL": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1", probe.ORACLE_ENV: "/s t"}


def test_the_sandbox_has_its_own_network_and_binds_real_paths(tmp_path):
    real = tmp_path / "venv"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    args = launch._bwrap_args({"bwrap": "bwrap", "read": [str(tmp_path / "link")]}, str(tmp_path / "missing.json"))
    assert "--unshare-net" in args and "--unshare-pid" in args
    assert args[args.index(str(real)) - 1] == "--ro-bind" and str(tmp_path / "link") not in args


def test_prepare_names_the_job_folder_for_sockets_and_home(tmp_path, monkeypatch):
    release = tmp_path / "course" / "release" / "04_update_rule"
    release.mkdir(parents=True)
    for name in ("PYTHONPATH", "JUPYTER_PATH", "IPYTHONDIR", "MPLCONFIGDIR", "HOME", SOCKET_DIR_ENV, launch.POLICY_ENV):
        monkeypatch.setenv(name, "")
    monkeypatch.setattr(kernel, "process_limit", lambda: "")
    kernel.prepare(release, tmp_path / "job")
    assert os.environ[SOCKET_DIR_ENV] == str((tmp_path / "job").resolve())
    assert os.environ["HOME"] == str((tmp_path / "job" / "home").resolve())


BOUNDED_FORKS = """
import os
started = 0
for _ in range(1000):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        os.execvp('sleep', ['sleep', '30'])
    started += 1
print(started)
"""


def test_for_an_ordinary_user_the_kernels_start_up_cap_bounds_a_fork_bomb():
    """The "rlimit" way (an ordinary user with bubblewrap): the kernel's start-up file, run in
    bwrap's user namespace, stops a bounded fork bomb below the cap. As root (CI) it runs as
    nobody, since root is exempt from RLIMIT_NPROC."""
    bwrap, setpriv = kernel.bubblewrap(), shutil.which("setpriv")
    if not bwrap or (os.getuid() == 0 and not setpriv):
        pytest.skip("needs bubblewrap (and setpriv when run as root)")
    user = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if os.getuid() == 0 else []
    sandbox = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--unshare-user",
               "--unshare-pid", "--unshare-net", "--die-with-parent", "--chdir", "/"]
    code = kernel.PROCESS_CAP + BOUNDED_FORKS  # standard library only: any Python the user may run
    python = shutil.which("python3", path="/usr/bin:/bin") or sys.executable
    done = subprocess.run([*user, *sandbox, python, "-I", "-c", code], capture_output=True, text=True, timeout=120)
    if done.returncode and "ermission denied" in done.stderr:
        pytest.skip(f"this Python is not usable by an ordinary user here: {done.stderr[-200:]}")
    assert done.returncode == 0, done.stderr[-2000:]
    assert 0 < int(done.stdout) < kernel.PROCESS_LIMIT


def test_cgroups_of_killed_graders_are_removed_and_live_ones_kept(tmp_path):
    dead, alive = tmp_path / "autograder-kernel-999999999-aa", tmp_path / f"autograder-kernel-{os.getpid()}-bb"
    dead.mkdir()
    alive.mkdir()
    kernel._remove_stale_cgroups(tmp_path)
    assert not dead.exists() and alive.exists()
