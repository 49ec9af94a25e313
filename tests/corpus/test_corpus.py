"""Correct code earns full marks whatever its style, through the command instructors run.

The corpus (one module per assignment, ``VARIANTS``: function -> correct solution cells) holds
answers written the ways students write them: keyword and positional calls to every provided
function, defaults omitted and given, ``*args``/``**kwargs`` pass-through, helpers defined in
the cell, imports inside the function, ``np.dot``/``@``/``np.matmul``/``np.einsum``, loops and
vectorised code, copies made every way, annotations, prints, asserts, ``global`` reads, lists
where tuples are unpacked.

One class is graded once with ``python -m autograder grade``: per assignment, student ``i``
holds variant ``i`` of every graded function (cycling through the shorter lists), and a few
more students define a graded function with the wrong parameters. Then:
- every corpus student earns full marks;
- the in-process runner (authoring, nbval, unit tests) gives every test of every student the
  same points and diagnosis as the grading kernel did (one grading path);
- a wrong signature is named as such, not as a TypeError from inside the grader.
"""

import csv
import html
from pathlib import Path

import nbformat
import pytest

from autograder import notebooks
from autograder.hidden import registry
from autograder.hidden.suites import backward_lab, cost_lab
from tests.conftest import run_cli

from . import L_model_backward, backward_step, cat_dog_classifier, cost_functions, parity, update_rule

pytestmark = pytest.mark.slow

CORPUS = {
    "01_cost_functions": cost_functions.VARIANTS,
    "02_backward_step": backward_step.VARIANTS,
    "03_L_model_backward": L_model_backward.VARIANTS,
    "04_update_rule": update_rule.VARIANTS,
    "05_cat_dog_classifier": cat_dog_classifier.VARIANTS,
}

# (student, assignment, function, solution cell, points the function keeps, words the student reads)
SIGNATURE_MISTAKES = [
    ("sig-reordered", "03_L_model_backward", "L_model_backward", '''
def L_model_backward(AL, caches, Y):
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(
            dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        grads["dA" + str(l)] = dA
    return grads
''', 0.0, "`L_model_backward` takes (AL, caches, Y); the assignment asks for (AL, Y, caches)"),
    ("sig-missing", "02_backward_step", "linear_backward", '''
def linear_backward(dZ):
    return dZ, dZ, dZ
''', 0.0, "`linear_backward` takes (dZ); the assignment asks for (dZ, cache)"),
    ("sig-no-print-cost", "05_cat_dog_classifier", "L_layer_model", '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000):
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
    return parameters, costs
''', 0.0, "`L_layer_model` takes (X, Y, layers_dims, learning_rate, num_iterations); the assignment asks "
          "for (X, Y, layers_dims, learning_rate, num_iterations, print_cost)"),
    ("sig-renamed", "04_update_rule", "update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    for key in parameters:
        parameters[key] = parameters[key] - learning_rate * grads["d" + key]
    return parameters
''', None, "`update_parameters` takes (parameters, grads, learning_rate); the assignment asks for "
           "(params, grads, learning_rate)"),
]


def corpus_students() -> dict[str, tuple[str, dict[str, str]]]:
    """student id -> (assignment, {graded function: solution cell})."""
    students = {}
    for assignment, variants in CORPUS.items():
        for i in range(max(len(v) for v in variants.values())):
            answers = {function: cells[i % len(cells)] for function, cells in variants.items()}
            students[f"style{assignment[:2]}-{i:02d}"] = (assignment, answers)
    return students


def mistake_students() -> dict[str, tuple[str, dict[str, str]]]:
    return {student: (assignment, {function: code})
            for student, assignment, function, code, _, _ in SIGNATURE_MISTAKES}


def build_class(course: Path, submissions: Path, students: dict) -> None:
    """Each student's notebook: the release with every solution cell answered (``answers`` where
    given, the source's solution elsewhere)."""
    for student, (assignment, answers) in students.items():
        release = next((course / "release" / assignment).glob("*.ipynb"))
        source = nbformat.read(notebooks.source_notebook(course, assignment), as_version=4)
        nb = notebooks.fill_solutions(nbformat.read(release, as_version=4), source, replace=answers)
        folder = submissions / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / release.name)


# The debugging labs hand their functions out written (with bugs to find), so students do not
# write them from scratch in their own style; the corpus covers the 17 they do write.
LABS = {cost_lab.CLASS, backward_lab.FUNCTION}


def test_the_corpus_covers_every_graded_function_in_150_styles():
    functions = {f for variants in CORPUS.values() for f in variants}
    assert functions == {t.function for t in registry.all_tests(concepts=False)} - LABS
    assert len(functions) == 17
    assert sum(len(cells) for variants in CORPUS.values() for cells in variants.values()) >= 150
    for assignment, variants in CORPUS.items():
        assert set(variants) == set(registry.functions_of(assignment)) - LABS
        for cells in variants.values():
            assert len(set(cells)) == len(cells)


@pytest.fixture(scope="module")
def graded_class(copy_released, tmp_path_factory):
    """The corpus class and the signature mistakes, graded once through the CLI: (course, rows,
    out), rows keyed by (student, grade id)."""
    root = tmp_path_factory.mktemp("corpus")
    course = copy_released(root / "course")
    submissions, out = root / "submissions", root / "out"
    build_class(course, submissions, corpus_students() | mistake_students())
    done = run_cli("grade", "--submissions", submissions, "--course-dir", course, "--out", out, "--workers", "2")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    with (out / "test_results.csv").open() as f:
        rows = {(r["student_id"], r["grade_id"]): r for r in csv.DictReader(f)}
    return course, rows, out


def test_every_correct_variant_earns_full_marks(graded_class):
    _, rows, _ = graded_class
    lost = []
    for student, (assignment, answers) in corpus_students().items():
        for test in (t for t in registry.tests_for(assignment) if not t.concept):
            row = rows[(student, test.grade_id)]
            if float(row["score"]) < test.points:
                lost.append(f"{student} {test.grade_id}: {row['score']}/{test.points} {row['diagnosis']}\n"
                            f"{answers[test.function]}")
    assert not lost, "\n".join(lost)


def test_the_in_process_runner_gives_the_kernels_verdicts(graded_class):
    """Every test of every student of the class: the same points and diagnosis in-process (the
    helper package from course/, on pytest's path) as in the grading kernel."""
    course, rows, _ = graded_class
    differ = []
    for student, (assignment, answers) in (corpus_students() | mistake_students()).items():
        for grade_id, here in parity.in_process(course, student, assignment, answers).items():
            row = rows[(student, grade_id)]
            if (here["score"], parity.reported(here)) != (float(row["score"]), row["diagnosis"]):
                differ.append(f"{student} {grade_id}: in-process {here['score']} {here['diagnosis']!r}, "
                              f"kernel {row['score']} {row['diagnosis']!r}")
    assert not differ, "\n".join(differ)


@pytest.mark.parametrize("mistake", SIGNATURE_MISTAKES, ids=lambda m: m[0])
def test_a_wrong_signature_is_named(graded_class, mistake):
    course, rows, out = graded_class
    student, assignment, function, _, kept, words = mistake
    tests = registry.tests_for(assignment, function)
    score = sum(float(rows[(student, t.grade_id)]["score"]) for t in tests)
    assert score == (sum(t.points for t in tests) if kept is None else kept)
    if kept is None:  # only renamed: full marks, and a note in the feedback
        page = next((out / "feedback" / student / assignment).glob("*.html")).read_text()
        assert words in html.unescape(page)
    else:
        for t in tests:
            diagnosis = rows[(student, t.grade_id)]["diagnosis"]
            assert words in diagnosis and "TypeError" not in diagnosis
    others = [t for t in registry.tests_for(assignment) if t.function != function]
    assert all(float(rows[(student, t.grade_id)]["score"]) == t.points for t in others)
