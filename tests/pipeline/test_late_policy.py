"""The late policies' arithmetic, course.toml, and timestamp.txt parsing (no grading)."""

from datetime import datetime

import pytest

from autograder import course_config
from autograder.errors import UserError
from autograder.grading import late

DAY = 86400


@pytest.mark.parametrize("policy, seconds, raw, penalty", [
    (late.Policy("none"), 10 * DAY, 5, 0),
    (late.Policy("per-day", 10, 100, 0), 1, 5, 0.5),  # one second late: one started day
    (late.Policy("per-day", 10, 100, 0), DAY + 1, 5, 1.0),
    (late.Policy("per-day", 10, 25, 0), 9 * DAY, 5, 1.25),  # capped
    (late.Policy("per-day", 50, 100, 0), 3 * DAY, 1, 1),  # would go below 0: the score becomes 0
    (late.Policy("per-day", 10, 100, 2), 3600, 5, 0),  # within the grace period
    (late.Policy("zero", grace_hours=1), 3601, 4, 4),
    (late.Policy("zero"), 0, 4, 0),  # on time
])
def test_penalties(policy, seconds, raw, penalty):
    assert policy.penalty(raw, 5, seconds) == penalty


def test_command_line_beats_course_toml_beats_defaults(tmp_path):
    (tmp_path / "course.toml").write_text('[late]\npolicy = "per-day"\ncap = 40\n')
    assert late.policy(tmp_path) == late.Policy("per-day", late.DEFAULTS["percent_per_day"], 40, 0)
    assert late.policy(tmp_path, policy="zero", cap=None).policy == "zero"
    assert late.policy(tmp_path / "elsewhere") == late.Policy()


@pytest.mark.parametrize("text, message", [
    ('[late]\npolicy = "half"\n', "choose one of none, per-day, zero"),
    ('[late]\nfine = 3\n', "unknown key"),
    ('[assignments.04_update_rule]\ndue = "next week"\n', "is not a date"),
    ('[assignments\n', "is not valid TOML"),
])
def test_a_bad_course_toml_is_a_clear_error(tmp_path, text, message):
    (tmp_path / "course.toml").write_text(text)
    with pytest.raises(UserError, match=message):
        late.policy(tmp_path)
        course_config.load(tmp_path)


def test_due_dates_are_utc(tmp_path):
    (tmp_path / "course.toml").write_text('[assignments.a]\ndue = 2026-12-01T18:00:00+01:00\n'
                                          '[assignments.b]\ndue = "2026-12-01 17:00:00"\n'
                                          '[assignments.c]\ndue = 2026-12-01\n')
    due = course_config.load(tmp_path).due
    assert due == {"a": datetime(2026, 12, 1, 17), "b": datetime(2026, 12, 1, 17),
                   "c": datetime(2026, 12, 1, 23, 59, 59)}


def test_timestamps_missing_unparsable_and_nbgraders_own(tmp_path):
    folder = tmp_path / "ada" / "04_update_rule"
    folder.mkdir(parents=True)
    assert late.read_timestamp(folder) == (None, "")
    (folder / late.TIMESTAMP_FILE).write_text("2026-12-01 18:00:00.123456 CET")  # as nbgrader's exchange writes it
    assert late.read_timestamp(folder) == (datetime(2026, 12, 1, 17, 0, 0, 123456), "")
    (folder / late.TIMESTAMP_FILE).write_text("")
    when, problem = late.read_timestamp(folder)
    assert when is None and "ada/04_update_rule/timestamp.txt" in problem and "counts as on time" in problem


def test_gradebook_due_dates_are_honoured(tmp_path):
    """`nbgrader db assignment add ID --duedate=...` dates an assignment; course.toml, when it dates
    the same assignment, wins and is written into the gradebook."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from nbgrader.api import Gradebook

    from autograder import nbgrader_api
    from autograder.grading.results import AssignmentResult, TestRow

    bin_dir = Path(sys.executable).parent  # nbgrader runs this environment's `alembic` to create the gradebook
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run([str(bin_dir / "nbgrader"), "db", "assignment", "add", "04_update_rule",
                           "--duedate=2026-12-01 17:00:00 UTC", f"--CourseDirectory.root={tmp_path}",
                           f"--CourseDirectory.course_id={nbgrader_api.COURSE_ID}"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]

    def graded():
        result = AssignmentResult("ada", "04_update_rule", "update_rule",
                                  [TestRow("ada", "04_update_rule", "update_rule", "t", "f", 5.0, 5.0)])
        stamps = {("ada", "04_update_rule"): (datetime(2026, 12, 1, 18), "")}
        late.assess([result], stamps, tmp_path, late.Policy("zero"))
        return result

    result = graded()
    assert result.late.due == datetime(2026, 12, 1, 17) and result.final_score == 0
    undated = AssignmentResult("ben", "04_update_rule", "update_rule", [])
    assert late.assess([undated], {}, tmp_path, late.Policy("zero")) == [
        late.UNDATED.format(count=1, who="ben/04_update_rule")]
    assert undated.late.submitted_at is None and undated.final_score == 0
    (tmp_path / "course.toml").write_text('[assignments.04_update_rule]\ndue = 2026-12-01T19:00:00Z\n')
    result = graded()
    assert result.late.due == datetime(2026, 12, 1, 19) and result.final_score == 5
    with Gradebook(nbgrader_api.gradebook_url(tmp_path), nbgrader_api.COURSE_ID) as gb:
        assert gb.find_assignment("04_update_rule").duedate == datetime(2026, 12, 1, 19)
