"""A small class for the similarity tests: who copied whom is known, and so is every body's status."""

from pathlib import Path

import nbformat

from autograder import notebooks, paths
from autograder.similarity.collect import release_notebook

ASSIGNMENT = "02_backward_step"

ORIGINAL = '''\
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    # the weights first
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    assert dW.shape == W.shape
    return dA_prev, dW, db
'''

# the original with every name changed, its independent lines reordered and other comments
RENAMED_COPY = '''\
def linear_backward(dZ, cache):
    """Backward step, my version."""
    prev_activations, weights, bias = cache
    count = prev_activations.shape[1]
    gradient_A = np.dot(weights.T, dZ)  # moved up
    gradient_b = 1 / count * np.sum(dZ, axis=1, keepdims=True)
    gradient_W = 1 / count * np.dot(dZ, prev_activations.T)
    assert gradient_W.shape == weights.shape
    return gradient_A, gradient_W, gradient_b
'''

# another way to write it, with a helper defined in the same cell
INDEPENDENT = '''\
def _average(x, m):
    return x / m


def linear_backward(dZ, cache):
    A_prev = cache[0]
    W = cache[1]
    n = dZ.shape[1]
    dA_prev = W.T @ dZ
    dW = _average(dZ @ A_prev.T, n)
    db = _average(dZ.sum(axis=1).reshape(-1, 1), n)
    return dA_prev, dW, db
'''

BROKEN = '''\
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    return (dZ
'''

CLASS = {
    "ada": {"linear_backward": ORIGINAL},
    "ben": {"linear_backward": RENAMED_COPY},
    "cy": {"linear_backward": INDEPENDENT},
    "dot": "untouched",
    "eli": "untouched",
    "fay": {"linear_backward": BROKEN},
}
COPIES = {("ada", "ben")}
UNTOUCHED = {"dot", "eli"}


def write_class(target: Path, course_dir: Path = paths.COURSE) -> Path:
    """<student>/02_backward_step/backward_step.ipynb for CLASS; students who answer one function
    leave the others as released; "gus" submitted an empty folder."""
    released = release_notebook(course_dir, ASSIGNMENT)
    source_path = notebooks.source_notebook(course_dir, ASSIGNMENT)
    skeleton_answers = {notebooks.nbgrader_meta(c).get("grade_id"): c.source for c in released.cells
                        if notebooks.nbgrader_meta(c).get("solution")}
    for student, plan in CLASS.items():
        folder = target / student / ASSIGNMENT
        folder.mkdir(parents=True)
        answers = {} if plan == "untouched" else plan
        nb = notebooks.fill_solutions(released, nbformat.read(source_path, as_version=4),
                                      {**skeleton_answers, **answers})
        nbformat.write(nb, folder / source_path.name)
    (target / "gus" / ASSIGNMENT).mkdir(parents=True)
    return target
