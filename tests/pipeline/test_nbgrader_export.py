"""Scores the grader writes land in nbgrader's gradebook: `nbgrader export` reads them."""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_nbgrader_export_reads_our_scores(demo_run, tmp_path):
    """`cd course && nbgrader export`, on a copy of the demo's gradebook."""
    out, _ = demo_run
    shutil.copy2(out / "course" / "gradebook.db", tmp_path / "gradebook.db")
    nbgrader = Path(sys.executable).parent / "nbgrader"
    done = subprocess.run([str(nbgrader), "export"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    with open(tmp_path / "grades.csv") as f:
        exported = {(r["student_id"], r["assignment"]): float(r["score"]) for r in csv.DictReader(f)}
    with open(out / "grades.csv") as f:
        ours = {(r["student_id"], r["assignment"]): float(r["score"]) for r in csv.DictReader(f)}
    assert exported[("ada_correct", "02_backward_step")] == ours[("ada_correct", "02_backward_step")] > 0
    assert exported[("cleo_missing_1_over_m", "02_backward_step")] == ours[("cleo_missing_1_over_m",
                                                                            "02_backward_step")]
