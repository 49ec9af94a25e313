"""`python -m autograder export`: the import files of Canvas and Moodle, checked against the
columns their documentation names (not against our own constants)."""

import csv

from tests.conftest import run_cli

GRADES = """student_id,assignment,score,max_score,raw_score,late_penalty,submitted_at,late_by
ada,01_cost_functions,14,14,14,0,,
ada,04_update_rule,3.5,5,5,1.5,2026-12-02T19:00:00Z,26.00
ben,04_update_rule,5,5,5,0,,
stray,04_update_rule,2,5,2,0,,
"""
ROSTER = """student_id,name,lms_id,sis_user_id,sis_login_id,section,email
ada,Ada Lovelace,1001,S-1,ada01,Group A,ada@example.edu
ben,Ben Okafor,1002,S-2,ben02,Group B,ben@example.edu
zoe,Zoe Park,1009,S-9,zoe09,Group B,zoe@example.edu
"""
# Canvas's gradebook export/import: identity columns, then assignments; a "Points Possible" row.
CANVAS_IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
# Moodle's grade export (the import reads the same format): these user fields, then grade items.
MOODLE_IDENTITY = ["First name", "Last name", "ID number", "Email address"]


def _export(tmp_path, fmt, roster=ROSTER):
    (tmp_path / "grades.csv").write_text(GRADES)
    (tmp_path / "roster.csv").write_text(roster)
    done = run_cli("export", "--format", fmt, "--roster", tmp_path / "roster.csv", "--grades", tmp_path / "grades.csv",
                   timeout=120)
    rows = []
    target = tmp_path / f"{fmt}_grades.csv"
    if target.exists():
        with open(target, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    return done, rows


def test_canvas_import_file(tmp_path):
    done, rows = _export(tmp_path, "canvas")
    assert done.returncode == 0, done.stderr
    assert rows[0] == CANVAS_IDENTITY + ["01_cost_functions", "04_update_rule"]
    assert rows[1][0] == "Points Possible" and rows[1][5:] == ["14", "5"]
    assert rows[2] == ["Ada Lovelace", "1001", "S-1", "ada01", "Group A", "14", "3.5"]  # the final score
    assert rows[3] == ["Ben Okafor", "1002", "S-2", "ben02", "Group B", "", "5"]  # not submitted: left empty
    assert rows[4][:2] == ["Zoe Park", "1009"] and rows[4][5:] == ["", ""]
    # missing and extra students are reported, and the extra one's grades are kept aside
    assert "zoe" in done.stderr and "no grade" in done.stderr
    assert "stray" in done.stderr and "not in the roster" in done.stderr
    with open(tmp_path / "canvas_grades_unmatched.csv") as f:
        assert list(csv.reader(f)) == [["student_id", "01_cost_functions", "04_update_rule"], ["stray", "", "2"]]


def test_moodle_import_file(tmp_path):
    done, rows = _export(tmp_path, "moodle")
    assert done.returncode == 0, done.stderr
    assert rows[0] == MOODLE_IDENTITY + ["01_cost_functions", "04_update_rule"]
    assert rows[1] == ["Ada", "Lovelace", "1001", "ada@example.edu", "14", "3.5"]
    assert len(rows) == 4  # every roster student, no "Points Possible" row
    assert "stray" in done.stderr and "zoe" in done.stderr


def test_plain_csv_and_roster_errors(tmp_path):
    done, rows = _export(tmp_path, "csv")
    assert done.returncode == 0, done.stderr
    assert rows[0][:2] == ["student_id", "name"] and rows[0][-2:] == ["total", "max_total"]
    assert rows[1][0] == "ada" and rows[1][-2:] == ["17.5", "19"]
    done, _ = _export(tmp_path, "moodle", roster="student_id,section\nada,A\n")
    assert done.returncode == 2 and "needs one of the columns email, lms_id" in done.stderr
    done, _ = _export(tmp_path, "canvas", roster="login,name\nada,Ada\n")
    assert done.returncode == 2 and "no student_id column" in done.stderr
    done, _ = _export(tmp_path, "canvas", roster="student_id,name\nada,Ada\nada,Ada L\n")
    assert done.returncode == 2 and "appears twice" in done.stderr
