"""Start a grading kernel inside a sandbox (run as a script by the grader's kernelspec).

Standalone: standard library only, because it runs before anything else in the kernel's
process. The policy comes as JSON in the environment (see ``autograder.sandbox.kernel``):

- an environment of allowlisted variables only (``ALLOWED_ENV``): what Python, numpy,
  matplotlib and ipykernel need and the grader's own; nothing else of the instructor's shell
  (tokens, credentials, proxies) reaches the kernel;
- resource limits for the kernel and everything it starts: address space (a memory bomb
  fails with MemoryError), no core files, and a process count (see ``kernel.process_limit``):
  a cgroup's ``pids.max`` (the launcher joins the cgroup the grader made for this kernel) or,
  in bubblewrap's user namespace, ``RLIMIT_NPROC`` (set by the kernel's first start-up file);
- with bubblewrap (``bwrap``): the file system read-only; private /tmp; the grader's files
  (reference library, hidden tests, gradebook, other students' folders, sources) replaced by
  empty folders; only the student's own folder writable; a network namespace of its own (only
  a loopback of its own: the kernel talks to the grader over Unix sockets in its job folder);
  a PID namespace, so that every process the notebook started dies with the kernel, and the
  kernel dies with the grader.

The launcher itself dies with the grading process that started it (Linux), from its first
moment: bwrap's ``--die-with-parent`` only begins once bwrap runs, and a grader killed while a
kernel was starting would otherwise leave that kernel running for ever.
"""

import ctypes
import json
import os
import resource
import signal
import sys

POLICY_ENV = "AUTOGRADER_SANDBOX"
PR_SET_PDEATHSIG = 1
# The kernel's whole environment: these names, and names with these prefixes; nothing else.
ALLOWED_ENV = ("PATH", "HOME", "LANG", "LANGUAGE", "TZ", "TERM", "PYTHONPATH", "PYTHONHASHSEED", "JUPYTER_PATH",
               "IPYTHONDIR", "MPLCONFIGDIR", "MPLBACKEND", "JPY_PARENT_PID", "JPY_SESSION_NAME", "CATDOG_DATA",
               "AUTOGRADER_ORACLE", "LD_LIBRARY_PATH")
ALLOWED_ENV_PREFIXES = ("LC_", "OPENBLAS_", "OMP_", "MKL_")


def allowed_environment(environ):
    """The part of ``environ`` a grading kernel may see."""
    return {name: value for name, value in environ.items()
            if name in ALLOWED_ENV or name.startswith(ALLOWED_ENV_PREFIXES)}


def die_with_parent(parent=0):
    """SIGKILL when this process's parent exits; it survives exec. With ``parent`` (the pid that
    started this process): if that parent is gone already, there is nobody to grade for: exit.
    Also the grader's worker initialiser (a worker goes when the grader is killed)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux
        return
    if parent and os.getppid() != parent:
        sys.exit("the grading process that started this kernel has gone")


def _limit(policy):
    megabytes = policy.get("memory_mb")
    if megabytes:
        size = int(megabytes) * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    cgroup = policy.get("pids_cgroup")
    if cgroup:
        with open(os.path.join(cgroup, "cgroup.procs"), "w") as handle:
            handle.write(str(os.getpid()))


def _bwrap_args(policy, connection_file):
    # Real paths: bwrap cannot mount onto a symbolic link (a virtualenv that is a link, say).
    real = os.path.realpath
    args = [policy["bwrap"], "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    for path in map(real, policy.get("hide", [])):
        if os.path.isdir(path):
            args += ["--tmpfs", path]
        elif os.path.exists(path):
            args += ["--ro-bind", "/dev/null", path]
    for path in map(real, [*policy.get("read", []), connection_file]):
        if os.path.exists(path):
            args += ["--ro-bind", path, path]
    for path in map(real, [*policy.get("write", []), os.getcwd()]):
        if os.path.exists(path):
            args += ["--bind", path, path]
    if os.getuid() != 0:
        args.append("--unshare-user")  # bwrap's own for an ordinary user; RLIMIT_NPROC counts in it
    return args + ["--chdir", os.getcwd(), "--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session",
                   "--"]


def main(argv):
    connection_file = argv[1]
    die_with_parent(int(os.environ.get("JPY_PARENT_PID") or 0))
    policy = json.loads(os.environ.pop(POLICY_ENV, "{}") or "{}")
    kernel = [sys.executable, "-m", "ipykernel_launcher", "-f", connection_file]
    if policy.get("pidfile"):
        with open(policy["pidfile"], "w") as handle:
            handle.write(str(os.getpid()))
    _limit(policy)
    if policy.get("bwrap"):
        # Inside the PID namespace the kernel's parent is the namespace's init (pid 1), which
        # ipykernel's parent poller takes for "orphaned" and exits; --die-with-parent does its job.
        os.environ.pop("JPY_PARENT_PID", None)
        command = _bwrap_args(policy, connection_file) + kernel
    else:
        command = kernel
    # What the grader gives this kernel on purpose (the graded student's id), never the shell's.
    os.execve(command[0], command, allowed_environment(os.environ) | policy.get("environment", {}))


if __name__ == "__main__":
    main(sys.argv)
