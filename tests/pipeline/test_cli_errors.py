"""Every mistake a user can make on the command line gets one clear line and a non-zero exit."""

import pytest

from tests.conftest import run_cli


def test_grade_without_a_submissions_folder(tmp_path):
    done = run_cli("grade", "--submissions", tmp_path / "nope", "--out", tmp_path / "out")
    assert done.returncode == 2
    assert done.stderr.strip().startswith("error: --submissions") and "is not a folder" in done.stderr


def test_grade_against_a_course_without_a_release(tmp_path):
    (tmp_path / "subs" / "s1" / "01_cost_functions").mkdir(parents=True)
    done = run_cli("grade", "--submissions", tmp_path / "subs", "--course-dir", tmp_path, "--out", tmp_path / "o")
    assert done.returncode == 2 and "run `python -m autograder release" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_grade_an_unknown_assignment(released_course, tmp_path):
    (tmp_path / "subs" / "s1").mkdir(parents=True)
    done = run_cli("grade", "--submissions", tmp_path / "subs", "--course-dir", released_course,
                   "--out", tmp_path / "o", "--assignment", "06_attention")
    assert done.returncode == 2 and "unknown or unreleased assignment(s) 06_attention" in done.stderr


def test_workers_must_be_positive(tmp_path):
    done = run_cli("grade", "--submissions", tmp_path, "--workers", "0")
    assert done.returncode == 2 and "must be 1 or more" in done.stderr
