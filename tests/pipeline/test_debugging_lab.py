"""The debugging labs of 01 and 03 graded through `python -m autograder grade`, as an instructor
grades a class.

One class, graded once: for each lab, a student who hands it in untouched (the buggy code the
release gives), one student per bug left in (the others fixed), and one who fixed them all.
Each bug must cost exactly the tests it breaks, with a diagnosis that names it, and nothing else;
the code as released scores nothing.
"""

import csv
import shutil

import nbformat
import pytest

from autograder import notebooks
from autograder.samples import planted
from autograder.samples.demo import write_submissions
from tests.conftest import run_cli

pytestmark = pytest.mark.slow

A = "01_cost_functions"
B = "03_L_model_backward"
LABS = {A: "LabCostFunction", B: "backpropagation"}
TESTS = {A: ("ce_cost", "mse_derivative", "ce_derivative"),
         B: ("same_activations", "mixed_mse", "mixed_ce")}
EPS = "uses eps, which is never defined"
NAME = "reads name, not self.name"
DIVIDES = "divides by Y"
LEFT = {a.label: a for a in planted.LAB_MISTAKES}

# student -> (assignment, the lab's answer: None for the code as released, False for the fixed
# solution; {test: words of its diagnosis} for the tests it fails)
CLASS = {
    "cost_untouched": (A, None, {"ce_cost": EPS, "mse_derivative": NAME, "ce_derivative": DIVIDES}),
    "cost_eps_left": (A, LEFT["lab: eps left undefined"], {"ce_cost": EPS}),
    "cost_name_left": (A, LEFT["lab: name for self.name left"], {"mse_derivative": NAME}),
    "cost_swap_left": (A, LEFT["lab: derivative arguments left swapped"],
                       {"mse_derivative": "its sign flipped", "ce_derivative": DIVIDES}),
    "cost_fixed": (A, False, {}),
    "loop_untouched": (B, None, {"same_activations": "its sign flipped",
                                 "mixed_mse": "two bugs at once", "mixed_ce": DIVIDES}),
    "loop_swap_left": (B, LEFT["lab: derivative asked for as (Y, AL)"],
                       {"same_activations": "its sign flipped", "mixed_mse": "its sign flipped",
                        "mixed_ce": DIVIDES}),
    "loop_index_left": (B, LEFT["lab: activations one layer off"],
                        {"mixed_mse": "one layer off", "mixed_ce": "one layer off"}),
    "loop_fixed": (B, False, {}),
}


def released_lab_code(course, assignment):
    path = notebooks.source_notebook(course, assignment)
    released = nbformat.read(course / "release" / assignment / path.name, as_version=4)
    [cell] = [c for c in released.cells if notebooks.nbgrader_meta(c).get("grade_id") == LABS[assignment]]
    return cell.source


@pytest.fixture(scope="module")
def rows(released_course, tmp_path_factory):
    """(student, grade_id) -> the test_results.csv row of the class graded by the CLI."""
    tmp = tmp_path_factory.mktemp("lab")
    submitted = tmp / "submitted"
    for assignment, lab in LABS.items():  # each student submits the notebook of one lab
        cls = {}
        for student, (where, answer, _) in CLASS.items():
            if where != assignment:
                continue
            if answer is None:
                cls[student] = {assignment: {lab: released_lab_code(released_course, assignment)}}
            elif answer is False:
                cls[student] = {assignment: {}}  # every answer, the lab's fix included, from the solutions
            else:
                cls[student] = {assignment: {lab: answer.source.strip("\n")}}
        written = write_submissions(released_course, tmp / assignment, cls, assignments=[assignment])
        shutil.copytree(written, submitted, dirs_exist_ok=True)
    done = run_cli("grade", "--submissions", submitted, "--course-dir", released_course,
                   "--out", tmp / "out", "--workers", "2")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    with open(tmp / "out" / "test_results.csv", newline="") as f:
        return {(r["student_id"], r["grade_id"]): r for r in csv.DictReader(f)}


def test_the_release_hands_out_the_buggy_code_not_a_stub(released_course):
    cost, loop = (released_lab_code(released_course, a) for a in (A, B))
    for given in (cost, loop):
        assert "NotImplementedError" not in given and "SOLUTION" not in given
    assert "def compute_derivative(self, Y, AL):" in cost and "eps = 1e-12" not in cost
    assert "compute_derivative(Y, AL)" in loop and "activations[l - 1]" in loop


@pytest.mark.parametrize("student", CLASS)
def test_each_bug_costs_its_tests_and_is_named(student, rows):
    assignment, _, failing = CLASS[student]
    lab = LABS[assignment]
    mine = {gid: r for (s, gid), r in rows.items() if s == student and r["assignment"] == assignment}
    assert mine, student
    for case in TESTS[assignment]:
        row = mine[f"test_{lab}_{case}"]
        words = failing.get(case, "")
        if words:
            assert float(row["score"]) == 0, (case, row)
            assert words in row["diagnosis"], (case, row["diagnosis"])
        else:
            assert float(row["score"]) == float(row["max_score"]) and not row["diagnosis"], (case, row)
    others = [r for gid, r in mine.items() if r["function"] != lab]
    assert others and all(float(r["score"]) == float(r["max_score"]) for r in others), [
        (r["grade_id"], r["diagnosis"]) for r in others if float(r["score"]) != float(r["max_score"])]
