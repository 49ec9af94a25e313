"""Grading in parallel gives exactly what grading one notebook after another gives."""

import multiprocessing
import subprocess
import sys
import threading

import pytest

from autograder import paths
from autograder.grading import grade, local
from autograder.samples import planted
from autograder.samples.demo import write_submissions
from tests.conftest import points


def test_workers_are_forked_only_from_a_process_without_other_threads():
    fresh = subprocess.run([sys.executable, "-c", "from autograder.grading import local\n"
                            "print(local.pool_context().get_start_method())"],
                           cwd=paths.REPO, capture_output=True, text=True, timeout=120)
    assert fresh.stdout.strip() == "fork", fresh.stderr
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert local.pool_context().get_start_method() == "spawn"
    finally:
        stop.set()
        other.join()


@pytest.mark.slow
@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_two_workers_grade_exactly_as_one(released_course, tmp_path, monkeypatch, start):
    monkeypatch.setattr(local, "pool_context", lambda: multiprocessing.get_context(start))
    cls = {
        "w_correct": {},
        "w_plus_update": {planted.PLUS_UPDATE.assignment: {"update_parameters": planted.PLUS_UPDATE.source}},
        "w_untouched": "untouched",
        "w_in_place": {planted.IN_PLACE_ON_COPY.assignment: {"update_parameters": planted.IN_PLACE_ON_COPY.source}},
    }
    submissions = write_submissions(released_course, tmp_path / "subs", cls, assignments=["04_update_rule"])
    serial = tmp_path / "serial"
    parallel = tmp_path / "parallel"
    grade(submissions, released_course, serial, workers=1, progress=False)
    grade(submissions, released_course, parallel, workers=2, progress=False)
    for name in ("grades.csv", "test_results.csv"):
        assert (serial / name).read_text() == (parallel / name).read_text()
    # the update rule earns nothing; the concept questions, answered right, keep their points
    wrong = f"w_plus_update,04_update_rule,{points('04_update_rule', concepts=True):g},{points('04_update_rule'):g}"
    assert wrong in (parallel / "grades.csv").read_text()
