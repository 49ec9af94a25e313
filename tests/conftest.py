"""Shared fixtures: a released course (released once, never graded in), one full demo run, and a
private copy of the released course for each test that grades.

A test that only reads a release takes ``released_course``; one that grades (which writes the
gradebook and submitted/, autograded/ folders into its course) grades in ``copy_released(...)``,
so no test sees another's grades and the order tests run in changes nothing.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def points(assignment, *, concepts=None) -> float:
    """An assignment's auto-graded points from the registry: all of them, or only its concept
    questions (``concepts=True``) or only its graded functions (``concepts=False``). Its written
    answers, graded by hand, are ``written_points``; ``max_score`` in grades.csv counts both."""
    from autograder.hidden import registry

    return sum(t.points for t in registry.tests_for(assignment) if concepts is None or t.concept == concepts)


def written_points(assignment) -> float:
    """The points of an assignment's written answers (graded by hand), from its source notebook."""
    from autograder import paths
    from autograder.grading.results import written_answers

    return sum(p for _, p in written_answers(paths.COURSE, assignment))


def max_points(assignment) -> float:
    """An assignment's ``max_score``: its auto-graded points and its written answers'."""
    return points(assignment) + written_points(assignment)


def is_written(grade_id: str) -> bool:
    """A written answer's row (awaiting manual grading, or scored by hand)."""
    from autograder.notebooks import WRITTEN_PREFIX

    return grade_id.startswith(WRITTEN_PREFIX)


def run_cli(*args, cwd=REPO, timeout=1800):
    """python -m autograder ARGS as a user runs it, from the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AUTOGRADER_STUDENT_ID")}
    return subprocess.run([sys.executable, "-m", "autograder", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _state(course: Path) -> dict[str, tuple[int, int]]:
    """relative path -> (size, modification time) of every file of ``course`` (bytecode caches,
    which importing a released helper package writes, aside)."""
    return {str(p.relative_to(course)): (p.stat().st_size, p.stat().st_mtime_ns) for p in course.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory):
    """`python -m autograder demo --out OUT`, run once: (OUT, completed process). Read it only."""
    out = tmp_path_factory.mktemp("demo")
    done = run_cli("demo", "--out", out, "--workers", "2")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out, done


@pytest.fixture(scope="session")
def released_course(tmp_path_factory):
    """A copy of the kit's course released by `python -m autograder release --course-dir`, once
    per session and graded never: release/ and the gradebook.db the release made. Read it only:
    grade in ``copy_released(...)``. The session fails if any test changed a file of it."""
    from autograder.samples.demo import copy_course

    course = copy_course(tmp_path_factory.mktemp("released") / "course")
    done = run_cli("release", "--course-dir", course)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    before = _state(course)
    yield course
    changed = sorted(set(before.items()) ^ set(_state(course).items()))
    assert not changed, f"a test wrote into the shared released course (grade in copy_released): {changed[:10]}"


@pytest.fixture(scope="session")
def copy_released(released_course):
    """copy_released(target) -> a private copy of the released course at ``target``, to grade in."""
    def copy(target: Path) -> Path:
        return Path(shutil.copytree(released_course, target, ignore=shutil.ignore_patterns("__pycache__")))

    return copy


@pytest.fixture
def run_answered_release(released_course, tmp_path, monkeypatch):
    """run(assignment, **environment) -> the released notebook with the solutions filled in,
    executed top to bottom in a copy of its release folder, as a student's kernel runs it:
    without PYTHONPATH (bpkit only, never the grader's library), with ``environment`` set."""
    import nbformat
    from nbclient import NotebookClient

    from autograder import notebooks

    def run(assignment, **environment):
        folder = tmp_path / assignment
        shutil.copytree(released_course / "release" / assignment, folder)
        path = next(folder.glob("*.ipynb"))
        source = nbformat.read(notebooks.source_notebook(released_course, assignment),
                               as_version=4)
        nb = notebooks.fill_solutions(nbformat.read(path, as_version=4), source)
        monkeypatch.delenv("PYTHONPATH", raising=False)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(folder)}}).execute()
        return nb

    return run
