"""Grading kernels see nothing of the instructor, reach no network, follow no symlink, a runaway
function costs one timeout and a fork bomb is bounded.

One class is graded once through ``grade`` (the path ``python -m autograder grade`` runs), with
a secret-looking variable in the grader's environment and a TCP listener on the host's loopback;
each test then checks one protection in what the grader wrote.
"""

import csv
import html
import os
import re
import shutil
import socket
import subprocess
import threading

import nbformat
import pytest

from autograder import notebooks
from autograder.grading import grade
from autograder.hidden import registry
from autograder.link import oracle
from autograder.sandbox import kernel

from . import cases

pytestmark = pytest.mark.slow

CELL_TIMEOUT = 8  # small: each timeout spent shows in the report, never in a wall-clock assertion
NOTEBOOK_TIMEOUT = 300
SECRET_NAME = "GITHUB_TOKEN"
SECRET = "ghp_autograderTestSecret0123456789abcdef"
RUNAWAY = "linear_activation_backward"
BACKWARD = "02_backward_step"
FORK_ATTEMPTS = 5000  # bounded: safe even where no limit works
FORK_MARK = "619"  # sleep time of the fork bomb's children: no process may keep it after grading

LOOP = f"def {RUNAWAY}(dA, cache, activation):\n    while True:\n        pass\n"
# Right on the visible check's input, an endless loop on any other (the hidden tests' inputs).
LOOP_ON_HIDDEN = ("from bpkit import testcases as _tc\n_VISIBLE = _tc.linear_activation_backward_case()[0]\n"
                  "{solution}\n_solution = {name}\n"
                  "def {name}(dA, cache, activation):\n"
                  "    while not (dA.shape == _VISIBLE.shape and (dA == _VISIBLE).all()):\n        pass\n"
                  "    return _solution(dA, cache, activation)\n")
# Looks for the variable by name (its value must appear nowhere, not even in this code).
READ_ENVIRONMENT = f"""\
import glob, os
_seen = [name for name in os.environ if name == {SECRET_NAME!r}]
for _path in glob.glob('/proc/*/environ'):
    try:
        if b'{SECRET_NAME}=' in open(_path, 'rb').read():
            _seen.append(_path)
    except OSError:
        pass
print(dict(os.environ))
print('secret seen:', _seen if _seen else 'no secret in reach')
"""
NETWORK = """\
import socket
try:
    socket.create_connection(('127.0.0.1', {port}), timeout=3).close()
    print('connected to the host')
except OSError as err:
    print('no connection:', type(err).__name__)
try:
    socket.getaddrinfo('example.com', 80)
    print('resolved a name')
except OSError as err:
    print('no name resolution:', type(err).__name__)
"""
FORK_BOMB = f"""\
import os
started = 0
for _ in range({FORK_ATTEMPTS}):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        os.execvp('sleep', ['sleep', '{FORK_MARK}'])
    started += 1
print(f'fork bomb: {{started}} processes started, then refused')
"""


@pytest.fixture(scope="module")
def isolated_class(released_course, tmp_path_factory):
    root = tmp_path_factory.mktemp("isolation")
    submissions, out = root / "submissions", root / "out"
    release = nbformat.read(released_course / "release" / cases.ASSIGNMENT / cases.NOTEBOOK, as_version=4)
    source_path = notebooks.source_notebook(released_course, cases.ASSIGNMENT)
    source = nbformat.read(source_path, as_version=4)
    solution = next(notebooks.solution_code(c.source) for c in source.cells
                    if notebooks.nbgrader_meta(c).get("grade_id") == "update_parameters")

    listener = socket.create_server(("127.0.0.1", 0))
    connections = []
    threading.Thread(target=lambda: connections.append(listener.accept()), daemon=True).start()

    def folder(student, assignment=cases.ASSIGNMENT):
        return submissions / student / assignment

    cases._write(cases._answered(release, solution), folder("bystander"))
    (folder("linked_to_source")).mkdir(parents=True)
    (folder("linked_to_source") / cases.NOTEBOOK).symlink_to(source_path)
    folder("linked_folder").parent.mkdir(parents=True)
    folder("linked_folder").symlink_to(folder("bystander"))
    cases.with_extra(cases.CHECK, READ_ENVIRONMENT)(release, solution, folder("reads_environment"))
    cases.with_extra(cases.CHECK, NETWORK.format(port=listener.getsockname()[1]))(release, solution,
                                                                                 folder("network"))
    cases.with_extra(cases.CHECK, FORK_BOMB)(release, solution, folder("fork_bomb"))

    backward_release = nbformat.read(released_course / "release" / BACKWARD / "backward_step.ipynb", as_version=4)
    backward_source = nbformat.read(notebooks.source_notebook(released_course, BACKWARD), as_version=4)
    runaway_solution = next(notebooks.solution_code(c.source) for c in backward_source.cells
                            if notebooks.nbgrader_meta(c).get("grade_id") == RUNAWAY)
    for student, code in [("runaway_in_check", LOOP),
                          ("runaway_in_hidden_test", LOOP_ON_HIDDEN.format(solution=runaway_solution, name=RUNAWAY)),
                          ("backward_bystander", None)]:
        nb = notebooks.fill_solutions(backward_release, backward_source, {RUNAWAY: code} if code else None)
        cases._write(nb, folder(student, BACKWARD), "backward_step.ipynb")

    os.environ[SECRET_NAME] = SECRET
    try:
        results = grade(submissions, released_course, out, workers=2, timeout=CELL_TIMEOUT,
                        notebook_timeout=NOTEBOOK_TIMEOUT, progress=False)
    finally:
        del os.environ[SECRET_NAME]
        listener.close()
    return {"out": out, "course": released_course, "connections": connections,
            "results": {(r.student_id, r.assignment): r for r in results}}


def _result(isolated_class, student, assignment=cases.ASSIGNMENT):
    return isolated_class["results"][(student, assignment)]


def _feedback(isolated_class, student, assignment=cases.ASSIGNMENT):
    return html.unescape(_result(isolated_class, student, assignment).feedback.read_text())


def _rows(isolated_class, name):
    return list(csv.DictReader((isolated_class["out"] / name).open()))


def test_the_rest_of_the_class_is_graded_as_usual(isolated_class):
    assert _result(isolated_class, "bystander").score == 5
    backward = _result(isolated_class, "backward_bystander", BACKWARD)
    assert backward.score == backward.max_score > 0


# --- 1. symbolic links ---------------------------------------------------------------------------

def test_a_notebook_linked_to_the_source_is_refused_and_nothing_of_it_is_shown(isolated_class):
    result = _result(isolated_class, "linked_to_source")
    assert result.score == 0
    page = _feedback(isolated_class, "linked_to_source")
    assert "is a symbolic link, not a regular file" in page
    assert "BEGIN SOLUTION" not in page and "update_parameters(" not in page
    assert not (isolated_class["course"] / "submitted" / "linked_to_source").exists()


def test_a_linked_folder_is_refused(isolated_class):
    assert _result(isolated_class, "linked_folder").score == 0
    assert "The folder 04_update_rule/ is a symbolic link" in _feedback(isolated_class, "linked_folder")


# --- 2. the kernel's environment -----------------------------------------------------------------

def test_student_code_cannot_read_the_graders_environment(isolated_class):
    if not kernel.bubblewrap():
        pytest.skip("without bubblewrap a kernel can read /proc/<pid>/environ of the grader's processes")
    assert _result(isolated_class, "reads_environment").score == 5
    assert "secret seen: no secret in reach" in _feedback(isolated_class, "reads_environment")


def test_the_secret_is_in_no_feedback_page_report_or_csv(isolated_class):
    written = [p for p in isolated_class["out"].rglob("*") if p.is_file()]
    assert any(p.suffix == ".csv" for p in written) and any(p.suffix == ".html" for p in written)
    for path in written:
        assert SECRET.encode() not in path.read_bytes(), path


# --- 3. network ----------------------------------------------------------------------------------

def test_a_kernel_reaches_the_grader_but_no_network(isolated_class):
    if not kernel.bubblewrap():
        pytest.skip("kernels share the machine's network without bubblewrap (grade says so)")
    assert _result(isolated_class, "network").score == 5  # the hidden tests reached the grader
    page = _feedback(isolated_class, "network")
    assert "no connection:" in page and "no name resolution:" in page
    assert isolated_class["connections"] == []


def test_without_bubblewrap_grade_says_kernels_share_the_network(released_course, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(kernel, "bubblewrap", lambda: None)
    course = shutil.copytree(released_course, tmp_path / "course")
    (tmp_path / "subs" / "s1" / cases.ASSIGNMENT).mkdir(parents=True)  # nothing to run: no kernel starts
    (tmp_path / "subs" / "s2" / cases.ASSIGNMENT).mkdir(parents=True)
    grade(tmp_path / "subs", course, tmp_path / "out", workers=1, progress=False)
    assert capsys.readouterr().err.count("grading kernels share this machine's network") == 1


# --- 4. a runaway function -----------------------------------------------------------------------

def _runaway_rows(isolated_class, student):
    return [r for r in _rows(isolated_class, "test_results.csv")
            if r["student_id"] == student and r["function"] == RUNAWAY]


def _timeouts_spent(isolated_class, student) -> int:
    """Cells of the graded notebook that ran into the time limit (nbgrader records each one)."""
    nb = nbformat.read(isolated_class["course"] / "autograded" / student / BACKWARD / "backward_step.ipynb",
                       as_version=4)
    return sum(any(o.get("ename") == oracle.CELL_TIMEOUT_ERROR for o in c.get("outputs", [])) for c in nb.cells)


def test_a_function_that_ran_past_the_limit_in_its_check_costs_one_timeout(isolated_class):
    rows = _runaway_rows(isolated_class, "runaway_in_check")
    assert len(rows) == len(registry.tests_for(BACKWARD, RUNAWAY)) == 3
    for row in rows:
        assert float(row["score"]) == 0
        assert "stopped: this function ran past the time limit in check_linear_activation_backward" in row["diagnosis"]
    assert _timeouts_spent(isolated_class, "runaway_in_check") == 1


def test_a_function_that_ran_past_the_limit_in_a_hidden_test_costs_one_timeout(isolated_class):
    rows = {r["grade_id"]: r for r in _runaway_rows(isolated_class, "runaway_in_hidden_test")}
    first, *others = [t.grade_id for t in registry.tests_for(BACKWARD, RUNAWAY)]
    assert "did not finish within the time limit" in rows[first]["diagnosis"]
    for grade_id in others:
        assert f"ran past the time limit in {first}" in rows[grade_id]["diagnosis"]
    assert _timeouts_spent(isolated_class, "runaway_in_hidden_test") == 1


def test_other_functions_of_a_runaway_notebook_keep_their_points(isolated_class):
    runaway_points = sum(t.points for t in registry.tests_for(BACKWARD, RUNAWAY))
    for student in ("runaway_in_check", "runaway_in_hidden_test"):
        result = _result(isolated_class, student, BACKWARD)
        assert result.score == pytest.approx(result.max_score - runaway_points)


# --- 5. a fork bomb ------------------------------------------------------------------------------

def test_a_fork_bomb_is_bounded_and_graded_as_usual(isolated_class):
    if not kernel.process_limit():
        pytest.skip("no process-count limit works here (grade says so)")
    assert _result(isolated_class, "fork_bomb").score == 5
    page = _feedback(isolated_class, "fork_bomb")
    started = int(re.search(r"fork bomb: (\d+) processes started", page).group(1))  # the output, not the code
    assert 0 < started < kernel.PROCESS_LIMIT < FORK_ATTEMPTS


def test_no_process_of_the_fork_bomb_survives(isolated_class):
    left = subprocess.run(["pgrep", "-f", f"sleep {FORK_MARK}"], capture_output=True, text=True)
    assert left.stdout.strip() == "", "processes of the fork bomb outlived its kernel"
