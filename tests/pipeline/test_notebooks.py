"""The committed notebooks match their authoring scripts, and they run under nbval."""

import os
import re
import runpy
import subprocess
import sys

import nbformat
import pytest

from autograder import authoring, notebooks, paths
from autograder.hidden import registry, seeds


@pytest.mark.parametrize("script", authoring.scripts(), ids=lambda p: p.stem)
def test_the_committed_notebook_matches_its_authoring_script(script):
    nb = runpy.run_path(str(script), run_name="__authoring__")["nb"]
    built = nb.build()
    committed = nbformat.read(nb.path, as_version=4)
    assert [(c.cell_type, c.source, c.metadata.get("nbgrader")) for c in committed.cells] == [
        (c.cell_type, c.source, c.metadata.get("nbgrader")) for c in built.cells
    ], f"run `make notebooks` after editing {script.name}"
    if nb.ships_solutions:
        assert authoring.solved_module_path(nb.assignment).read_text() == nb.solved_text(), (
            "bpkit/solved is stale: run `make notebooks`")


@pytest.mark.parametrize("script", authoring.scripts(), ids=lambda p: p.stem)
def test_every_blank_graded_function_says_its_steps_and_about_how_many_lines(script):
    """Coursera-style scaffolding: above every ### BEGIN SOLUTION (what the release blanks out),
    numbered steps as comments and a last comment "(about N lines...)"."""
    nb = runpy.run_path(str(script), run_name="__authoring__")["nb"]
    questions = set(registry.concepts_of(nb.assignment))  # answer cells of concept questions: one line
    solutions = [c for c in nb.build().cells if (c.metadata.get("nbgrader") or {}).get("solution")
                 and c.metadata["nbgrader"]["grade_id"] not in questions]
    assert solutions
    for cell in solutions:
        if notebooks.LAB_META in cell.metadata:
            continue  # a debugging lab hands out code to fix, not a blank
        lines = cell.source.splitlines()
        for index, line in enumerate(lines):
            if line.strip() != "### BEGIN SOLUTION":
                continue
            hint = []
            for above in reversed(lines[:index]):
                if not above.strip().startswith("#"):
                    break
                hint.insert(0, above.strip())
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            assert hint and re.fullmatch(r"# \(about \d+ lines?(, the return included)?\)", hint[-1]), (
                f"{grade_id}: no '(about N lines)' comment right above a ### BEGIN SOLUTION")
            assert len(hint) >= 2, f"{grade_id}: the steps are missing above the line count"


def test_there_is_one_authoring_script_per_assignment():
    assert [s.stem for s in authoring.scripts()] == list(registry.ASSIGNMENTS)


@pytest.mark.slow
def test_the_source_notebooks_pass_nbval():
    env = dict(os.environ, PYTHONPATH=paths.kernel_pythonpath())
    for name in seeds.STUDENT_VARIABLES:  # no student id: the default version of each concept question
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval-lax", "-q",
                           str(paths.COURSE / "source")], cwd=paths.REPO, env=env, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-4000:]


def test_the_notebooks_verb_rebuilds_a_notebook_as_committed(tmp_path, monkeypatch, capsys):
    """`python -m autograder notebooks ASSIGNMENT --no-execute` (what `make notebooks` runs, and
    `python -m autograder.authoring`): on an up-to-date checkout it rewrites the notebook and its
    solved module exactly as committed, outputs kept. Written into a copy of the course."""
    from autograder import cli

    assignment = "04_update_rule"
    course = tmp_path / "course"
    (course / "source").mkdir(parents=True)
    committed = notebooks.source_notebook(paths.COURSE, assignment)
    target = course / "source" / assignment / committed.name
    target.parent.mkdir()
    target.write_bytes(committed.read_bytes())
    monkeypatch.setattr(paths, "COURSE", course)
    monkeypatch.setattr(paths, "SOLVED", course / "bpkit" / "solved")
    assert cli.main(["notebooks", assignment, "--no-execute"]) == 0
    assert f"wrote {target}" in capsys.readouterr().out
    assert nbformat.read(target, as_version=4) == nbformat.read(committed, as_version=4)
    solved = course / "bpkit" / "solved" / "update_rule.py"
    assert solved.read_text() == (paths.HELPER_PACKAGE / "solved" / "update_rule.py").read_text()
    assert not (course / "source" / "01_cost_functions").exists()  # only the assignment asked for
