"""Notes on how a notebook was run: hidden state and training sanity (never deducted)."""

import math

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from autograder.grading import skipping
from autograder.grading.review import balance_entropy, execution_order, review, stale_outputs, training


def cell(source, count=None, out="", cid=None, solution=None):
    c = new_code_cell(source, execution_count=count)
    if out:
        c.outputs = [new_output("stream", name="stdout", text=out)]
    if cid:
        c.id = cid
    if solution:
        c.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": solution, "locked": False}
    return c


def nb(*cells):
    return nbformat.from_dict(new_notebook(cells=list(cells)))


def test_cells_run_out_of_order_are_flagged():
    notes = execution_order(nb(cell("a = 1", 3), cell("b = 2", 1), cell("c = 3", 2)))
    assert len(notes) == 1 and "out of order" in notes[0] and "3, 1, 2" in notes[0]


def test_a_notebook_run_top_to_bottom_gets_no_note():
    assert execution_order(nb(cell("a = 1", 1), cell("b = 2", 2), cell("c = 3"))) == []


def test_a_graded_cell_not_rerun_after_a_cell_above_is_flagged():
    notes = execution_order(nb(cell("x = 1", 5), cell("def f(): pass", 2, solution="f"), cell("f()", 6)))
    assert any("defining f ran before a cell above it" in n for n in notes)


def test_a_saved_output_that_a_fresh_run_does_not_reproduce_is_hidden_state():
    source = "print(f'test accuracy: {acc:.2f}')"
    submitted = nb(cell(source, 1, "test accuracy: 0.74\n", cid="acc"))
    fresh = nb(cell(source, 1, "test accuracy: 0.80\n", cid="acc"))
    notes = stale_outputs(submitted, fresh)
    assert len(notes) == 1 and "hidden state" in notes[0] and "print(f'test accuracy" in notes[0]
    assert stale_outputs(submitted, submitted) == []


def test_training_notes_check_the_first_cost_a_plateau_and_the_baseline():
    flat = "".join(f"Cost after iteration {i}: {0.6931 - i * 1e-6:.6f}\n" for i in range(0, 1000, 100))
    out = flat + "baseline test accuracy: 0.66\ntrain accuracy: 0.66\ntest accuracy: 0.66\n"
    notes = training(nb(cell("train()", 1, out)))
    assert any("barely moved" in n and "0.01 scale" in n for n in notes)
    assert any("no better than always predicting the majority class (0.66)" in n for n in notes)
    bad_start = "Cost after iteration 0: 1.900000\nCost after iteration 100: 0.500000\n"
    assert any("starts near ln 2" in n for n in training(nb(cell("train()", 1, bad_start))))


def test_a_run_stuck_at_the_entropy_of_the_class_balance_is_named_from_the_printed_baseline():
    """72 cats of 209 images: a network that learned only the balance costs H(0.656) = 0.644 (the
    printed baseline, 0.66, gives 0.641)."""
    assert abs(balance_entropy(0.656) - 0.644) < 1e-3 and balance_entropy(0.5) == pytest.approx(math.log(2))
    falling = [0.6931, 0.66, 0.645, 0.6441, 0.6440]  # fell by 7%: not "barely moved", yet stuck
    run = "".join(f"Cost after iteration {100 * i}: {c:.6f}\n" for i, c in enumerate(falling))
    notes = training(nb(cell("train()", 1, run + "baseline train accuracy: 0.66\n")))
    assert any("plateau at 0.641" in n and "entropy of the class balance" in n for n in notes)
    assert not any("barely moved" in n for n in notes)
    balanced = training(nb(cell("train()", 1, run + "baseline train accuracy: 0.50\n")))
    assert not any("plateau" in n for n in balanced)  # 0.644 is far below ln 2: it learned something
    learned = run.replace("0.644000", "0.300000")
    assert not any("plateau" in n for n in training(nb(cell("t()", 1, learned + "baseline train accuracy: 0.66\n"))))


def test_training_notes_report_a_rising_cost_and_an_honest_improvement():
    rising = "".join(f"Cost after iteration {i}: {0.69 + i * 1e-3:.6f}\n" for i in range(0, 400, 100))
    notes = training(nb(cell("t()", 1, rising + "majority baseline (test): 0.50\ntest accuracy: 0.94\n")))
    assert any("cost rose" in n for n in notes)
    assert any("+0.44 over the majority-class baseline" in n for n in notes)


def test_review_without_a_fresh_run_only_checks_the_order():
    assert review(nb(cell("a", 2), cell("b", 1)), None)[0].startswith("Cells were run out of order")


def test_cells_grading_skipped_are_not_hidden_state_and_training_is_read_from_the_students_run():
    source = "train()"
    out = "Cost after iteration 0: 1.900000\nCost after iteration 100: 0.500000\n"
    submitted = nb(cell(source, 1, out, cid="train"))
    fresh = nb(cell(source, cid="train"))
    fresh.cells[0].metadata["tags"] = [skipping.SKIP_TAG]  # not run by the grader: no output
    notes = review(submitted, fresh)
    assert not any("hidden state" in n for n in notes)
    assert any("starts near ln 2" in n for n in notes)
