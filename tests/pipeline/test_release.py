"""Releases contain no solutions, hidden tests or reference code, and refuse to ship broken solutions."""

import json
import os
import shutil
import subprocess
import sys

import nbformat
import pytest

from autograder import notebooks
from autograder.errors import UserError
from autograder.hidden import registry
from autograder.release import ReleaseRefused, leaks, release
from autograder.samples.demo import copy_course

pytestmark = pytest.mark.slow


def test_every_assignment_is_released_with_its_helpers(released_course):
    for a in registry.ASSIGNMENTS:
        folder = released_course / "release" / a
        assert len(list(folder.glob("*.ipynb"))) == 1
        assert (folder / "bpkit" / "forward.py").exists()


def test_no_release_file_holds_solutions_hidden_tests_or_reference_code(released_course):
    for a in registry.ASSIGNMENTS:
        assert leaks(released_course, a) == []
        for path in (released_course / "release" / a).rglob("*"):
            if path.is_file() and path.suffix == ".ipynb":
                text = path.read_text(encoding="utf-8")
                assert "### AUTOTEST" not in text, path  # turned into asserts by nbgrader


def test_later_releases_ship_only_earlier_solutions(released_course):
    solved = {a: {p.stem for p in (released_course / "release" / a / "bpkit" / "solved").glob("[!_]*.py")}
              for a in registry.ASSIGNMENTS}
    names = [a[3:] for a in registry.ASSIGNMENTS]
    for i, a in enumerate(registry.ASSIGNMENTS):
        assert solved[a] <= set(names[:i]), (a, solved[a])


def test_visible_checks_are_baked_in_and_fail_on_the_stub(released_course):
    nb = nbformat.read(next((released_course / "release" / "02_backward_step").glob("*.ipynb")), as_version=4)
    check = next(c for c in nb.cells if notebooks.nbgrader_meta(c).get("grade_id") == "check_linear_backward")
    assert "autotest_check(" in check.source


def test_the_reference_library_is_not_importable_from_a_student_kernel(released_course):
    folder = released_course / "release" / "03_L_model_backward"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    probe = "import importlib.util, json; print(json.dumps([importlib.util.find_spec(n) is not None " \
            "for n in ('autograder', 'bpkit', 'bpkit.solved.backward_step')]))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=folder, env=env, capture_output=True, text=True)
    assert json.loads(done.stdout) == [False, True, True]


def test_a_wrong_solution_makes_release_refuse_and_leave_nothing(tmp_path):
    course = copy_course(tmp_path / "course")
    source = notebooks.source_notebook(course, "04_update_rule")
    nb = nbformat.read(source, as_version=4)
    cell = next(c for c in nb.cells if notebooks.nbgrader_meta(c).get("grade_id") == "update_parameters")
    assert "learning_rate *" in cell.source
    cell.source = cell.source.replace("learning_rate *", "2 * learning_rate *")
    nbformat.write(nb, source)
    for other in registry.ASSIGNMENTS:
        if other != "04_update_rule":
            shutil.rmtree(course / "source" / other)
    with pytest.raises(ReleaseRefused, match="update_parameters"):
        release(course, log=lambda *_: None)
    assert not (course / "release").exists()


def test_release_of_a_folder_without_assignments_says_what_to_do(tmp_path):
    with pytest.raises(UserError, match="no assignments under source"):
        release(tmp_path)


@pytest.mark.parametrize("assignment", registry.ASSIGNMENTS)
def test_a_filled_in_release_runs_top_to_bottom_in_the_student_environment(run_answered_release, assignment):
    """What a student gets, once answered, runs without errors and without the grader's library."""
    nb = run_answered_release(assignment)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
