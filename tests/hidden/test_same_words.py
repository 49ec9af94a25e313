"""A wrong array reads the same in a notebook's visible check and in the hidden test's feedback.

Both describe it with bpkit.mismatch. Each mistake below is planted in linear_backward; the
notebook's check cell (baked from course/autotests.yml as nbgrader does) and its gradient check
cell run in-process, and the hidden test runs through the runner. Their sentences must be the same
words; only the numbers differ (the visible case has m = 7 examples, the hidden case its own m,
and the shapes differ too).
"""

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from bpkit import mismatch

from autograder import paths
from autograder.hidden import registry
from autograder.hidden.runner import result_of, run_test
from autograder.samples import planted
from tests.corpus import visible
from tests.corpus.parity import namespace_of

ASSIGNMENT = "02_backward_step"
GRADIENT_CHECK = 'gradcheck.check_gradient("dW"'  # the notebook's gradient check of dW, db, dA_prev


def linear_backward(dW="np.dot(dZ, A_prev.T) / m", db="np.sum(dZ, axis=1, keepdims=True) / m"):
    return f'''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = {dW}
    db = {db}
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
'''


DW_NOT_AVERAGED = next(a for a in planted.ALL_MISTAKES if a.label == "dW not averaged")
MISTAKES = {
    "dW without the 1/m": (DW_NOT_AVERAGED.source, mismatch.NO_MEAN),
    "dW divided by m twice": (linear_backward(dW="np.dot(dZ, A_prev.T) / m / m"), mismatch.MEAN_TWICE),
    "dW transposed": (linear_backward(dW="np.dot(A_prev, dZ.T) / m"), mismatch.WRONG_SHAPE),
    "dW with the sign flipped": (linear_backward(dW="-np.dot(dZ, A_prev.T) / m"), mismatch.SIGN),
    "db summed without keepdims": (linear_backward(db="np.sum(dZ, axis=1) / m"), mismatch.WRONG_SHAPE),
}


def words(text: str) -> str:
    """The text with every number (m, a shape, an index) replaced by #."""
    return re.sub(r"\d+", "#", text)


def hidden_diagnosis(source: str) -> tuple[str, set]:
    """The diagnosis of the hidden linear_backward test for a student with ``source``, and the
    keys (sentence templates) of its failed parts."""
    test = registry.get("test_linear_backward_random")
    namespace = namespace_of(paths.COURSE, ASSIGNMENT, {"linear_backward": source})
    outcome = run_test(test, namespace, "pat")
    return result_of(test, outcome)["diagnosis"], {p.key for p in outcome.parts if not p.ok}


@pytest.mark.parametrize("label", MISTAKES)
def test_the_visible_check_and_the_hidden_test_say_the_same_words(label):
    source, template = MISTAKES[label]
    seen = visible.failure(ASSIGNMENT, "linear_backward", {"linear_backward": source})
    told, keys = hidden_diagnosis(source)
    assert seen and told
    assert words(seen) == words(told), (seen, told)
    assert filled_in(template, seen), (template, seen)  # the sentence of bpkit.mismatch, no other


def filled_in(template: str, text: str) -> bool:
    """Whether ``text`` is ``template`` with its fields filled in."""
    pattern = ".*".join(re.escape(words) for words in re.split(r"\{[^{}]*\}", template))
    return re.fullmatch(pattern, text) is not None


@pytest.mark.parametrize("label", ["dW without the 1/m", "dW divided by m twice", "dW with the sign flipped"])
def test_the_gradient_check_opens_with_the_same_sentence(label):
    source, _ = MISTAKES[label]
    cell = visible.cell_source(ASSIGNMENT, containing=GRADIENT_CHECK)
    checked = visible.failure(ASSIGNMENT, "linear_backward", {"linear_backward": source}, source=cell)
    told, _ = hidden_diagnosis(source)
    assert checked is not None and words(checked).startswith(words(told)), (checked, told)
    assert "Relative error" in checked  # the gradient check's own figure follows the sentence


def test_the_right_answer_passes_both():
    source = linear_backward()
    assert visible.failure(ASSIGNMENT, "linear_backward", {"linear_backward": source}) is None
    cell = visible.cell_source(ASSIGNMENT, containing=GRADIENT_CHECK)
    assert visible.failure(ASSIGNMENT, "linear_backward", {"linear_backward": source}, source=cell) is None
    assert hidden_diagnosis(source)[0] == ""


def test_a_hidden_sentence_shows_no_expected_value_where_the_visible_one_does():
    """The visible check may show the expected entry (the notebook holds it anyway); the hidden
    test, describing the same kind of error, shows only the student's value."""
    source = linear_backward(dW="np.dot(dZ, A_prev.T) / m + np.eye(*W.shape)")
    seen = visible.failure(ASSIGNMENT, "linear_backward", {"linear_backward": source})
    told, keys = hidden_diagnosis(source)
    assert ", expected " in seen and ", expected " not in told, (seen, told)
    assert keys == {mismatch.WRONG_ENTRIES}
    assert words(seen).split(", expected")[0] == words(told).split(")")[0], (seen, told)


def test_the_description_keeps_hidden_values_out_unless_asked():
    expected = np.array([[0.25, -0.5], [1.5, 2.0]])
    actual = expected + np.array([[0.0, 0.0], [0.125, 0.0]])

    def agree(a, e):
        return np.isclose(a, e)

    hidden = mismatch.describe(actual, expected, agree).sentence("dW")
    shown = mismatch.describe(actual, expected, agree, reveal=True).sentence("dW")
    assert hidden == ("dW has the right shape but wrong values: 1 of 4 entries differ, the first at index [1, 0] "
                      "(yours is 1.625).")
    assert shown == hidden[:-2] + ", expected 1.5)."


def test_the_grader_imports_the_description_from_the_course_helper_package():
    """``python -m autograder`` has only the repository on its path: compare still finds bpkit."""
    code = "import sys; from autograder.hidden import compare; print(compare.mismatch.__file__)"
    done = subprocess.run([sys.executable, "-c", code], cwd=paths.REPO, env={"PYTHONPATH": str(paths.REPO)},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == paths.HELPER_PACKAGE / "mismatch.py"
