"""The committed notebooks match their authoring scripts, and they run under nbval."""

import os
import runpy
import subprocess
import sys

import nbformat
import pytest

from autograder import authoring, paths
from autograder.hidden import registry


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


def test_there_is_one_authoring_script_per_assignment():
    assert [s.stem for s in authoring.scripts()] == list(registry.ASSIGNMENTS)


@pytest.mark.slow
def test_the_source_notebooks_pass_nbval():
    env = dict(os.environ, PYTHONPATH=paths.kernel_pythonpath())
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval-lax", "-q",
                           str(paths.COURSE / "source")], cwd=paths.REPO, env=env, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-4000:]
