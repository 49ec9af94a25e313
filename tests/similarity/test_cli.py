"""`python -m autograder similarity` on a small class: the renamed, reordered copy is found, the
untouched skeletons and the different solution are not, a broken cell is reported, and an LMS
zip gives the same pairs as the folder."""

import csv
import shutil

from autograder.similarity.run import PAGE, PAIRS_CSV
from tests.conftest import run_cli
from tests.similarity.classes import ASSIGNMENT, COPIES, UNTOUCHED, write_class


def pairs(out):
    with open(out / PAIRS_CSV, newline="") as f:
        return list(csv.DictReader(f))


def test_similarity_finds_the_copy_and_never_the_skeleton(tmp_path):
    submissions = write_class(tmp_path / "class")
    done = run_cli("similarity", "--submissions", submissions, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr[-3000:]
    rows = pairs(tmp_path / "out")
    linear = {(r["student_a"], r["student_b"]): float(r["score"]) for r in rows if r["function"] == "linear_backward"}
    assert set(linear) == COPIES
    assert linear[("ada", "ben")] == 1.0
    assert not any({r["student_a"], r["student_b"]} & UNTOUCHED for r in rows)
    assert {r["assignment"] for r in rows} <= {ASSIGNMENT}
    page = (tmp_path / "out" / PAGE).read_text()
    assert "This page reports similarity, not misconduct." in page
    assert "a common textbook or lecture answer" in page
    assert not any(word in page.lower() for word in ("plagiar", "cheat", "copied", "guilty"))
    assert "fay: the cell defining linear_backward does not parse (line 3)" in page
    assert "linear_backward" in done.stdout and "does not parse 1" in done.stdout
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")

    archive = shutil.make_archive(str(tmp_path / "download"), "zip", tmp_path, "class")
    again = run_cli("similarity", "--submissions", archive, "--out", tmp_path / "from-zip")
    assert again.returncode == 0, again.stderr[-3000:]
    assert pairs(tmp_path / "from-zip") == rows


def test_bad_input_says_what_to_do(tmp_path):
    done = run_cli("similarity", "--submissions", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert done.returncode == 2
    assert "is not a folder or a .zip" in done.stderr
    (tmp_path / "class").mkdir()
    done = run_cli("similarity", "--submissions", tmp_path / "class", "--assignment", "99_nothing")
    assert done.returncode == 2 and "unknown assignment(s) 99_nothing" in done.stderr
