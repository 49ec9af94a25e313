"""The pieces of a grading kernel's isolation that need no grading run (the graded proofs are in
test_isolation.py)."""

import os

from autograder.sandbox import kernel, launch, probe
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
