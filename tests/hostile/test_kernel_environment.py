"""The pieces of a grading kernel's isolation that need no grading run (the graded proofs are in
test_isolation.py)."""

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.hidden.seeds import STUDENT_ENV
from autograder.link import probe
from autograder.link.oracle import Oracle
from autograder.sandbox import kernel, launch
from autograder.sandbox.client import QuickKernelManager

SHOW_ENVIRONMENT = f"""\
import os
print(os.environ.get({probe.ORACLE_ENV!r}))
print(os.environ.get('HOME'))
print(os.environ.get({STUDENT_ENV!r}))
"""


def test_only_allowlisted_variables_reach_a_kernel():
    environ = {"PATH": "/usr/bin", "LC_ALL": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1", probe.ORACLE_ENV: "/s t",
               "GITHUB_TOKEN": "x", "AWS_SECRET_ACCESS_KEY": "x", "HTTPS_PROXY": "http://u:p@proxy",
               launch.POLICY_ENV: "{}", STUDENT_ENV: "s1"}
    assert launch.allowed_environment(environ) == {
        "PATH": "/usr/bin", "LC_ALL": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1", probe.ORACLE_ENV: "/s t"}


def test_the_sandbox_has_its_own_network_and_binds_real_paths(tmp_path):
    real = tmp_path / "venv"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    args = launch._bwrap_args({"bwrap": "bwrap", "read": [str(tmp_path / "link")]}, str(tmp_path / "missing.json"))
    assert "--unshare-net" in args and "--unshare-pid" in args
    assert args[args.index(str(real)) - 1] == "--ro-bind" and str(tmp_path / "link") not in args


def test_prepare_hands_the_kernel_manager_its_environment_and_sets_none_here(tmp_path, monkeypatch):
    release = tmp_path / "course" / "release" / "04_update_rule"
    release.mkdir(parents=True)
    monkeypatch.setenv(STUDENT_ENV, "s1")
    (tmp_path / "instructor").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "instructor"))
    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    monkeypatch.setattr(kernel, "process_limit", lambda: "")
    before = dict(os.environ)
    job = (tmp_path / "job").resolve()
    started = kernel.prepare(release, job)
    assert dict(os.environ) == before
    assert started.env["HOME"] == str(job / "home") and started.env["IPYTHONDIR"] == str(job / "ipython")
    assert started.env["PYTHONPATH"].endswith(str(release.resolve())) and STUDENT_ENV not in started.env
    manager = QuickKernelManager(kernel_name=kernel.KERNEL_NAME,
                                 config=started.manager_config(**{probe.ORACLE_ENV: "/s t"}))
    assert manager.kernel_env == {**started.env, probe.ORACLE_ENV: "/s t"}
    assert manager.kernel_spec.argv[1] == str(kernel.probe_path() / "launch.py")  # found without JUPYTER_PATH
    if manager.transport == "ipc":
        assert manager.ip.startswith(str(job / "kernel-"))


def test_kernels_started_at_once_from_threads_of_one_process_each_get_their_own_environment(tmp_path, monkeypatch):
    """Two jobs prepare their kernels, each with its own oracle, before either kernel starts (in
    ``os.environ`` the second would have overwritten the first's); then both kernels start at
    once, in two threads. Each sees its own oracle (so its own student) and job folder, no
    student id, and the process's environment is as it was."""
    release = tmp_path / "course" / "release" / "04_update_rule"
    release.mkdir(parents=True)
    monkeypatch.setenv(STUDENT_ENV, "the_instructors_shell")
    before = dict(os.environ)
    both_prepared = threading.Barrier(2, timeout=300)

    def run(student):
        job = tmp_path / f"job-{student}"
        job.mkdir()
        try:
            started = kernel.prepare(release, job)
            with Oracle(student, "04_update_rule", job) as oracle:
                both_prepared.wait()
                km = QuickKernelManager(kernel_name=kernel.KERNEL_NAME,
                                        config=started.manager_config(**oracle.environment))
                nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(SHOW_ENVIRONMENT)])
                NotebookClient(nb, km=km, timeout=120, startup_timeout=120,
                               resources={"metadata": {"path": str(release)}}).execute()
                return oracle.environment[probe.ORACLE_ENV], str(job.resolve()), nb.cells[0].outputs
        finally:
            kernel.clean_up(job)

    with ThreadPoolExecutor(max_workers=2) as pool:
        seen = dict(zip(["s_a", "s_b"], pool.map(run, ["s_a", "s_b"]), strict=True))
    assert dict(os.environ) == before
    for student, (own_oracle, job, outputs) in seen.items():
        printed = "".join(output.get("text", "") for output in outputs).splitlines()
        assert printed == [own_oracle, os.path.join(job, "home"), "None"], (student, outputs)
    assert seen["s_a"][0] != seen["s_b"][0]


def test_a_grading_kernel_starts_without_ipykernels_debugger(tmp_path):
    """Nobody attaches a debugger to a grading kernel: debugpy is not imported (a stand-in on the
    kernel's path refuses), which saves its start-up that much. The kernel otherwise works."""
    release = tmp_path / "course" / "release" / "04_update_rule"
    release.mkdir(parents=True)
    job = tmp_path / "job"
    job.mkdir()
    try:
        started = kernel.prepare(release, job)
        with Oracle("s1", "04_update_rule", job) as oracle:
            km = QuickKernelManager(kernel_name=kernel.KERNEL_NAME, config=started.manager_config(**oracle.environment))
            code = ("import sys, ipykernel.debugger as debugger\n"
                    "print(debugger._is_debugpy_available, 'debugpy' in sys.modules, 6 * 7)")
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
            NotebookClient(nb, km=km, timeout=120, startup_timeout=120,
                           resources={"metadata": {"path": str(release)}}).execute()
    finally:
        kernel.clean_up(job)
    assert "".join(o.get("text", "") for o in nb.cells[0].outputs) == "False False 42\n", nb.cells[0].outputs


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


def test_job_folders_of_killed_graders_are_removed_and_others_kept(tmp_path, monkeypatch):
    """A grader killed while grading cannot remove its kernels' job folders: the next one does,
    and leaves alone those of graders still running and anything else of the same prefix."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = tmp_path / f"{kernel.JOB_PREFIX}{gone.pid}-x1"
    alive = tmp_path / f"{kernel.JOB_PREFIX}{os.getpid()}-x2"
    scratch = tmp_path / f"{kernel.JOB_PREFIX}12345678"  # a cluster task's scratch course: no pid in it
    for folder in (dead, alive, scratch):
        (folder / "home").mkdir(parents=True)
    with kernel.job_folder() as current:
        assert Path(current).name.startswith(f"{kernel.JOB_PREFIX}{os.getpid()}-")
        kernel.remove_stale_job_folders()  # as every local grading run does at its start
        assert Path(current).is_dir()
    assert not Path(current).exists()
    assert not dead.exists() and alive.is_dir() and scratch.is_dir()
