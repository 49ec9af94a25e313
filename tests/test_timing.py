"""autograder.timing: stages that do not overlap and add up to the time they cover."""

import os
import sys
import time
from pathlib import Path

import pytest

from autograder import timing


def test_a_nested_stage_pauses_the_outer_one_and_the_stages_add_up_to_the_wall_time():
    start = time.perf_counter()
    with timing.collect() as record:
        with timing.stage("outer"):
            time.sleep(0.03)
            with timing.stage("inner"):
                time.sleep(0.05)
            time.sleep(0.02)
    wall = time.perf_counter() - start
    assert set(record) == {"outer", "inner"}
    assert record["inner"] >= 0.05
    assert record["outer"] >= 0.05
    assert sum(record.values()) == pytest.approx(wall, abs=0.02)


def test_switch_charges_until_the_next_switch_and_ends_with_its_stage():
    with timing.collect() as record:
        with timing.stage("notebook"):
            timing.switch("a")
            time.sleep(0.03)
            timing.switch("b")
            time.sleep(0.04)
            with timing.stage("sql"):  # a stage begun inside a switched one pauses it
                time.sleep(0.02)
            time.sleep(0.01)
        with timing.stage("after"):
            time.sleep(0.01)
    assert set(record) == {"notebook", "a", "b", "sql", "after"}
    assert record["a"] >= 0.03 and record["sql"] >= 0.02 and record["b"] >= 0.05
    assert record["a"] < 0.04 + 0.03, "'a' stopped at the switch to 'b'"
    assert record["notebook"] < 0.02, "the switched stages took the notebook's time"


def test_a_stage_left_open_by_an_exception_does_not_outlive_its_record():
    with pytest.raises(RuntimeError):
        with timing.collect():
            timing.begin("prepare")
            timing.switch("autograde")
            raise RuntimeError("a grader bug")
    with timing.collect() as record:
        time.sleep(0.01)
    assert record == {}, "no stage of the failed job is charged to the next one"


def test_nothing_is_recorded_outside_a_record_and_two_records_both_see_a_stage():
    with timing.stage("nobody"):
        pass
    with timing.collect() as outer:
        with timing.collect() as inner, timing.stage("both"):
            time.sleep(0.01)
        with timing.collect() as empty:  # closes while equal to another open record, {}
            with timing.collect():
                pass
        with timing.stage("outer only"):
            pass
    assert set(outer) == {"both", "outer only"} and set(inner) == {"both"} and empty == {}


def test_gradebook_sql_is_charged_to_the_gradebook_stage(tmp_path, monkeypatch):
    from nbgrader.api import Gradebook

    # a new gradebook runs alembic, found on PATH
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")

    timing.watch_gradebook()
    with timing.collect() as record, timing.stage("grading"):
        with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gb:
            for k in range(7):
                gb.update_or_create_student(f"s{k:02d}", first_name="Ada")
            assert [s.id for s in gb.students] == [f"s{k:02d}" for k in range(7)]
    assert record[timing.GRADEBOOK] > 0
    assert set(record) == {"grading", timing.GRADEBOOK}


def test_stages_timed_outside_any_record_leave_nothing_behind_for_the_next_record():
    timing.switch(timing.KERNEL_START)  # as the kernel manager does for a kernel nobody times
    timing.begin("stray")  # and a stage nobody ended
    with timing.collect() as record, timing.stage("mine"):
        time.sleep(0.01)
    assert set(record) == {"mine"}
