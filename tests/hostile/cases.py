"""Hostile and broken submissions of 04_update_rule (5 points: two_layers 2, four_layers 3).

Each case builds one student's folder from the release and says what grading must give: the
exact score and a phrase of the reason the student is shown. Positions: the release has the
answer cell (index 3), its check (4) and the two hidden test cells (5, 6).
"""

from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder import notebooks, paths
from autograder.samples import planted

ASSIGNMENT = "04_update_rule"
NOTEBOOK = "update_rule.ipynb"
ANSWER, CHECK, TEST_2, TEST_3 = 3, 4, 5, 6
MARK = "autograder-hostile"  # in the command line of every process a case leaves behind
SLEEP_TIME = "617"

CORRECT = None  # filled by the fixture: the solution's source


@dataclass
class Case:
    name: str
    score: float
    reason: str  # a phrase of what the student is told (feedback page)
    build: object  # build(release_nb, solution_source, folder) writes the submission


def _cell(source):
    return nbformat.v4.new_code_cell(source)


def _write(nb, folder: Path, name=NOTEBOOK):
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / name)


def _answered(release, solution, code=None):
    nb = nbformat.from_dict(nbformat.reads(nbformat.writes(release), as_version=4))
    nb.cells[ANSWER].source = code if code is not None else solution
    return nb


def with_extra(after: int, extra: str, code=None):
    """A correct (or ``code``) answer, and an extra cell ``extra`` right after cell ``after``."""
    def build(release, solution, folder):
        nb = _answered(release, solution, code)
        nb.cells.insert(after + 1, _cell(extra))
        _write(nb, folder)
    return build


def with_extras(after: int, extras: list[str]):
    """A correct answer, and the cells ``extras`` right after cell ``after``."""
    def build(release, solution, folder):
        nb = _answered(release, solution)
        nb.cells[after + 1:after + 1] = [_cell(e) for e in extras]
        _write(nb, folder)
    return build


def answer(code):
    def build(release, solution, folder):
        _write(_answered(release, solution, code), folder)
    return build


def edited(change):
    def build(release, solution, folder):
        nb = _answered(release, solution)
        change(nb)
        _write(nb, folder)
    return build


def raw(text: str, name=NOTEBOOK):
    def build(release, solution, folder):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return build


def renamed(release, solution, folder):
    _write(_answered(release, solution), folder, "update_rule (1).ipynb")


def other_assignment(release, solution, folder):
    course = Path(release.metadata["hostile_course"])
    other = "03_L_model_backward"
    source = nbformat.read(notebooks.source_notebook(course, other), as_version=4)
    released = nbformat.read(course / "release" / other / notebooks.source_notebook(course, other).name,
                             as_version=4)
    _write(notebooks.fill_solutions(released, source), folder)


def extra_files(release, solution, folder):
    _write(_answered(release, solution), folder)
    (folder / "notes.txt").write_text("my notes\n")
    (folder / "helpers").mkdir()
    (folder / "helpers" / "util.py").write_text("X = 1\n")


def _delete(index):
    def change(nb):
        del nb.cells[index]
    return change


def _edit_test(nb):
    nb.cells[TEST_2].source = "print('full marks please')\n5"


def _relabel(nb):
    nb.cells[ANSWER].metadata["nbgrader"]["grade_id"] = "my_answer"
    nb.cells[TEST_3].metadata["nbgrader"]["points"] = 100


def _reorder(nb):
    answer_cell = nb.cells.pop(ANSWER)
    nb.cells.insert(TEST_3, answer_cell)


UPHILL = planted.PLUS_UPDATE.source
WRONG_UPDATE = "move uphill"
REFERENCE_FILE = paths.REPO / "autograder" / "reference" / "update.py"

CASES = [
    # --- runaway code ---------------------------------------------------------------------------
    Case("infinite_loop_in_function", 0, "ran past the time limit in check_update_parameters",  # one timeout
         answer("def update_parameters(params, grads, learning_rate):\n    while True:\n        pass\n")),
    Case("wall_limit", 2, "allowed for a whole notebook",  # two_layers passed before the sleeps
         with_extras(TEST_2, ["import time\ntime.sleep(10)"] * 9)),
    Case("memory_bomb", 0, "raised MemoryError",
         answer(UPHILL.replace("    L = len", "    hog = bytearray(64 * 2**30)\n    L = len"))),
    Case("processes_left_running", 5, "",
         with_extra(CHECK, f"import os, subprocess, time\nfor _ in range(3):\n"
                    f"    subprocess.Popen(['sleep', '{SLEEP_TIME}'], start_new_session=True)\n"
                    f"for _ in range(3):\n    if os.fork() == 0:\n        os.setsid()\n"
                    f"        os.execvp('sleep', ['sleep', '{SLEEP_TIME}'])\n")),
    Case("huge_output", 5, "output cut by the grader", with_extra(CHECK, "print('x' * 20_000_000)")),
    Case("sys_exit", 5, "", with_extra(CHECK, "import sys\nsys.exit(3)")),
    Case("os_exit_between_tests", 2, "The points of the tests that ran before it are kept",
         with_extra(TEST_2, "import os\nos._exit(1)")),
    Case("segfault_between_tests", 2, "The points of the tests that ran before it are kept",
         with_extra(TEST_2, "import ctypes\nctypes.string_at(0)")),
    Case("keyboard_interrupt", 5, "", with_extra(CHECK, "raise KeyboardInterrupt")),
    # --- tampering ------------------------------------------------------------------------------
    Case("edited_test_cell", 5, "was edited", edited(_edit_test)),
    Case("deleted_test_cell", 5, "was deleted", edited(_delete(TEST_3))),
    Case("changed_metadata", 5, "metadata changed", edited(_relabel)),
    Case("reordered_cells", 5, "Cells were moved", edited(_reorder)),
    Case("helper_redefined_after", 0, WRONG_UPDATE,
         with_extra(ANSWER, "import bpkit.checks\nbpkit.checks.autotest_check = lambda *a, **k: None\n"
                    "def update_parameters(params, grads, learning_rate):\n"
                    + "\n".join("    " + line for line in UPHILL.strip().splitlines()[1:]), code=UPHILL)),
    Case("renamed_notebook", 5, "instead of update_rule.ipynb", renamed),
    Case("empty_file", 0, "could not be read", raw("")),
    Case("malformed_json", 0, "could not be read", raw('{"cells": [{"cell_type": "code", ')),
    Case("notebook_of_another_assignment", 0, "notebook of 03_L_model_backward", other_assignment),
    Case("extra_files", 5, "other file(s) in the folder were not used", extra_files),
    # --- cheating -------------------------------------------------------------------------------
    Case("patched_numpy", 0, WRONG_UPDATE, answer(
        "import numpy as np\nnp.allclose = lambda *a, **k: True\nnp.array_equal = lambda *a, **k: True\n"
        "np.testing.assert_allclose = lambda *a, **k: None\nnp.isclose = lambda a, b, **k: np.ones_like(a, bool)\n"
        + UPHILL)),
    Case("patched_builtins", 0, WRONG_UPDATE, answer(
        "import builtins\nbuiltins.all = lambda *a, **k: True\nbuiltins.any = lambda *a, **k: True\n"
        "builtins.round = lambda *a, **k: 0\n" + UPHILL)),
    Case("patched_checks", 0, WRONG_UPDATE, answer(
        "import bpkit.checks\nfor _name in dir(bpkit.checks):\n"
        "    if not _name.startswith('_') and callable(getattr(bpkit.checks, _name)):\n"
        "        setattr(bpkit.checks, _name, lambda *a, **k: True)\n" + UPHILL)),
    Case("eq_always_true", 0, "", answer(
        "class Anything(dict):\n    def __eq__(self, other):\n        return True\n"
        "    def __ne__(self, other):\n        return False\n"
        "def update_parameters(params, grads, learning_rate):\n    return Anything()\n")),
    Case("fake_ndarray", 0, "", answer(
        "import numpy as np\nclass Fake:\n    shape = (3, 4)\n    dtype = np.dtype(float)\n"
        "    def __eq__(self, other):\n        return True\n    def __array__(self, *a, **k):\n"
        "        return np.zeros(self.shape)\n    def __getattr__(self, name):\n        return lambda *a, **k: True\n"
        "def update_parameters(params, grads, learning_rate):\n"
        "    return {key: Fake() for key in params}\n")),
    Case("hard_coded_visible_values", 0, "", answer(
        "from bpkit import testcases\n_visible = testcases.update_parameters_case()\n"
        "def update_parameters(params, grads, learning_rate):\n    return dict(_visible[0])\n")),
    Case("reads_reference_from_disk", 0, "", answer(
        "def update_parameters(params, grads, learning_rate):\n    scope = {}\n    try:\n"
        f"        exec(open({str(REFERENCE_FILE)!r}).read(), scope)\n"
        "    except Exception:\n        return dict(params)\n"
        "    return scope['update_parameters'](params, grads, learning_rate)\n")),
    Case("imports_reference", 0, "", answer(
        "import sys\ndef update_parameters(params, grads, learning_rate):\n    try:\n"
        "        from autograder.reference import update_parameters as ref\n    except ImportError:\n"
        "        ref = next((getattr(m, 'update_parameters') for n, m in list(sys.modules.items())\n"
        "                    if 'reference' in n and hasattr(m, 'update_parameters')), None)\n"
        "    if ref is None:\n        return dict(params)\n    return ref(params, grads, learning_rate)\n")),
    Case("writes_outside_its_folder", 5, "", with_extra(CHECK, "")),  # source set by the fixture
]
