"""One JupyterLab server, one headless chromium and one released course for the browser tests.

The course is a scratch copy released the quick way (nbgrader's generate_assignment plus the
helper package; the release self-check has its own tests). JupyterLab serves a temporary root:

    root/solved/<assignment>/    the release with every solution cell filled in
    root/unsolved/<assignment>/  the release as students get it
    root/course/                 the course (formgrader's), with nbgrader_config.py in root/
    root/graded/                 a small class graded in the background (report.html, feedback/)

Chromium is Debian's (/usr/bin/chromium, installed by `make test`), driven by the PyPI playwright
package; the tests skip, saying so, only when no chromium can be found.
"""

import functools
import http.server
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

from autograder import nbgrader_api, notebooks
from autograder.hidden import registry
from autograder.samples.demo import copy_course, sample_class, write_submissions
from tests.browser.jlab import CLASSIFIER, close_sessions, notebook, open_notebook, start_run_all

REPO = Path(__file__).resolve().parents[2]
LOCAL_HOSTS = {"127.0.0.1"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAB_SETTINGS = {  # no news or update toasts over the notebook; every cell kept in the page
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
GRADED = ("01_cost_functions", "02_backward_step")  # graded in the background for the offline-HTML tests
GRADED_STUDENTS = ("ada_correct", "ben_untouched", "cleo_missing_1_over_m", "dev_wrong_log_term")  # of the demo


def chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _student_env(**extra) -> dict:
    """The environment of a student's server: the grader's hidden library out of reach."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "IPYTHONDIR", "AUTOGRADER_STUDENT_ID", "JUPYTER_CONFIG_DIR")}
    env.update(extra)
    return env


QUICK_RELEASE = """
import sys
from pathlib import Path
from autograder import nbgrader_api
from autograder.release import ship_helper_package
course = Path(sys.argv[1])
nbgrader_api.prepare_kernels(course)
api = nbgrader_api.api(course)
for assignment in sys.argv[2:]:
    outcome = api.generate_assignment(assignment, force=True, create=True)
    if not outcome["success"]:
        sys.exit(nbgrader_api.failure_reason(outcome))
    ship_helper_package(course, assignment)
"""
RELEASE_GROUPS = (registry.ASSIGNMENTS[:-1], registry.ASSIGNMENTS[-1:])  # about equal times, run side by side


class QuickRelease:
    """release/<assignment>/ for every assignment, without the release self-check (tested on its
    own): nbgrader's generate_assignment plus the helper package, run for RELEASE_GROUPS side by
    side in scratch courses root/course, root/course-1, ..."""

    def __init__(self, root: Path):
        self.courses = [copy_course(root / ("course" if i == 0 else f"course-{i}"))
                        for i in range(len(RELEASE_GROUPS))]
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AUTOGRADER_STUDENT_ID")}
        self.runs = [subprocess.Popen([sys.executable, "-c", QUICK_RELEASE, str(course), *group], cwd=REPO,
                                      env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                     for course, group in zip(self.courses, RELEASE_GROUPS, strict=True)]

    def wait(self, group: int) -> Path:
        """The course folder holding the release of RELEASE_GROUPS[group], once it is made."""
        run = self.runs[group]
        if run.returncode is None:
            output, _ = run.communicate(timeout=600)
            assert run.returncode == 0, output[-3000:]
        return self.courses[group]

    def stop(self):
        for run in self.runs:
            if run.poll() is None:
                run.kill()
                run.wait()


def student_folders(root: Path, course: Path, assignment: str) -> None:
    """root/unsolved/<assignment> (the release) and root/solved/<assignment> (solutions filled in)."""
    release_dir = course / "release" / assignment
    shutil.copytree(release_dir, root / "unsolved" / assignment)
    shutil.copytree(release_dir, root / "solved" / assignment)
    source_path = notebooks.source_notebook(course, assignment)
    released = nbformat.read(release_dir / source_path.name, as_version=4)
    solved = notebooks.fill_solutions(released, nbformat.read(source_path, as_version=4))
    nbformat.write(solved, root / "solved" / assignment / source_path.name)


@pytest.fixture(scope="session")
def chromium_path():
    path = chromium()
    if path is None:
        pytest.skip("no chromium found (/usr/bin/chromium or $CHROMIUM): `make test` installs Debian's chromium")
    return path


@pytest.fixture(scope="session")
def root(tmp_path_factory, chromium_path):
    """The folder JupyterLab serves, with formgrader's nbgrader_config.py and exchange/."""
    root = tmp_path_factory.mktemp("browser")
    (root / "exchange").mkdir()
    (root / "nbgrader_config.py").write_text(
        f"c = get_config()  # noqa\nc.CourseDirectory.root = {str(root / 'course')!r}\n"
        f"c.CourseDirectory.course_id = {nbgrader_api.COURSE_ID!r}\nc.Exchange.root = {str(root / 'exchange')!r}\n")
    return root


@pytest.fixture(scope="session")
def releases(root):
    """The quick releases, started at once and running in the background."""
    runs = QuickRelease(root)
    yield runs
    runs.stop()


@pytest.fixture(scope="session")
def work(root, releases):
    """root/solved/, root/unsolved/ and root/course/ (every assignment released) ready; a grading
    run of GRADED_STUDENTS started in the background into root/graded/."""
    course = releases.wait(0)
    for group, assignments in enumerate(RELEASE_GROUPS):
        for assignment in assignments:
            if not (root / "solved" / assignment).exists():
                student_folders(root, releases.wait(group), assignment)
            if group:
                shutil.copytree(releases.wait(group) / "release" / assignment, course / "release" / assignment)
    graded_class = {k: v for k, v in sample_class().items() if k in GRADED_STUDENTS}
    submissions = write_submissions(course, root / "submissions", graded_class, assignments=GRADED)
    log = open(root / "grading.log", "w")  # noqa: SIM115 - closed below
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AUTOGRADER_STUDENT_ID")}
    grading = subprocess.Popen([sys.executable, "-m", "autograder", "grade", "--submissions", str(submissions),
                                "--course-dir", str(course), "--out", str(root / "graded"), "--workers", "1"],
                               cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    yield {"root": root, "course": course, "grading": grading, "log": log}
    if grading.poll() is None:
        grading.kill()
        grading.wait()
    log.close()


@pytest.fixture(scope="session")
def graded(work):
    """The --out folder of the background grading run (report.html, feedback/)."""
    done = work["grading"].wait(timeout=600)
    work["log"].flush()
    assert done == 0, (work["root"] / "grading.log").read_text()[-3000:]
    return work["root"] / "graded"


@pytest.fixture(scope="session")
def server(root, tmp_path_factory):
    """A JupyterLab server on a free loopback port serving ``root``: its base URL and token."""
    home = tmp_path_factory.mktemp("lab-home")
    for name, settings in LAB_SETTINGS.items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    port, token = free_port(), secrets.token_hex(16)
    args = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", f"--port={port}",
            "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={root}"]
    if os.getuid() == 0:
        args.append("--ServerApp.allow_root=True")
    env = _student_env(JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
                       JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
                       IPYTHONDIR=str(home / "ipython"),
                       # one BLAS thread per kernel: several notebooks run at once, and spinning BLAS
                       # threads on shared cores slow the classifier's training several times over
                       **dict.fromkeys(nbgrader_api.BLAS_THREAD_VARIABLES, "1"))
    log = open(home / "server.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(args, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError as err:
                if server.poll() is not None or time.monotonic() > deadline:
                    log_text = (home / "server.log").read_text()[-3000:]
                    raise RuntimeError("JupyterLab did not start:\n" + log_text) from err
                time.sleep(0.3)
        yield {"base": base, "token": token, "log": home / "server.log"}
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)  # the server and the kernels it started, nothing else
            server.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(server.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        log.close()


@pytest.fixture(scope="session")
def lab(server, work):
    """The server, once every student folder is in place."""
    return server


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Outside:
    """Requests a page tried to send anywhere but 127.0.0.1 (aborted), and local failures."""

    def __init__(self):
        self.attempted: list[str] = []
        self.failed: list[str] = []

    def route(self, route):
        url = route.request.url
        if urlparse(url).scheme in ("data", "blob", "file") or urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.attempted.append(url)
            route.abort()

    def response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")


VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture
def page(browser):
    """A page in a fresh context whose requests outside 127.0.0.1 are aborted and recorded
    (page.outside)."""
    context = browser.new_context(viewport=VIEWPORT)
    outside = Outside()
    context.route("**/*", outside.route)
    pg = context.new_page()
    pg.on("response", outside.response)
    pg.outside = outside
    yield pg
    context.close()


@pytest.fixture(scope="session")
def lab_context(browser):
    """One browser context for the JupyterLab pages: JupyterLab's scripts are fetched once, then
    cached. Requests outside 127.0.0.1 are aborted."""
    context = browser.new_context(viewport=VIEWPORT)
    context.route("**/*", Outside().route)
    yield context
    context.close()


@pytest.fixture
def lab_page(lab_context):
    """A new JupyterLab tab (in the shared context)."""
    pg = lab_context.new_page()
    yield pg
    pg.close()


@pytest.fixture(scope="session")
def served(graded):
    """graded/ served over HTTP on 127.0.0.1 (as an instructor's or student's browser would open it)."""
    handler = functools.partial(_QuietHandler, directory=str(graded))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session", autouse=True)
def classifier_run(request):
    """The classifier notebook's page, its Run All started at the first browser test when its own
    test is selected (training takes minutes: it runs while the other tests do), else None."""
    if not any("test_the_classifier_notebook_runs" in item.nodeid for item in request.session.items):
        yield None
        return
    lab, root = request.getfixturevalue("server"), request.getfixturevalue("root")
    course = request.getfixturevalue("releases").wait(RELEASE_GROUPS.index((CLASSIFIER,)))
    student_folders(root, course, CLASSIFIER)
    page = request.getfixturevalue("lab_context").new_page()
    path = "solved/" + notebook(CLASSIFIER)
    open_notebook(page, lab, path)
    start_run_all(page)
    yield page
    try:
        close_sessions(page, path)
    finally:
        page.close()
