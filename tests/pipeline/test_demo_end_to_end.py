"""`python -m autograder demo` end to end: release, a sample class, grading, feedback, report.

The scores are read back from nbgrader's gradebook, not only from the printed table.
"""

import csv

import pytest
from nbgrader.api import Gradebook

from autograder.hidden import registry
from autograder.samples import planted

pytestmark = pytest.mark.slow

ASSIGNMENTS = registry.ASSIGNMENTS


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def max_points(assignment):
    return sum(t.points for t in registry.tests_for(assignment))


def function_points(assignment, function):
    return sum(t.points for t in registry.tests_for(assignment, function))


@pytest.fixture(scope="module")
def grades(demo_run):
    return {(r["student_id"], r["assignment"]): float(r["score"]) for r in rows(demo_run[0] / "grades.csv")}


@pytest.fixture(scope="module")
def tests(demo_run):
    return rows(demo_run[0] / "test_results.csv")


def test_the_demo_prints_a_grade_table_with_every_student(demo_run):
    out = demo_run[1].stdout
    for student in ("ada_correct", "ben_untouched", "cleo_missing_1_over_m", "gus_broken_file"):
        assert student in out
    assert "the 1/m factor is missing" in out


def test_every_student_and_assignment_has_a_row(grades, demo_run):
    students = {p.name for p in (demo_run[0] / "submissions").iterdir()}
    assert set(grades) == {(s, a) for s in students for a in ASSIGNMENTS}


def test_every_test_has_a_row_with_function_and_points(tests):
    per_student = {}
    for r in tests:
        per_student.setdefault(r["student_id"], set()).add(r["grade_id"])
        assert r["function"] == registry.get(r["grade_id"]).function
        assert float(r["max_score"]) == registry.get(r["grade_id"]).points
    for ids in per_student.values():
        assert ids == {t.grade_id for t in registry.all_tests()}


def test_the_correct_submission_scores_full_marks(grades):
    for a in ASSIGNMENTS:
        assert grades[("ada_correct", a)] == max_points(a)


def test_style_variants_score_full_marks(grades):
    for a in ASSIGNMENTS:
        assert grades[("hana_style_variants", a)] == max_points(a)


def test_the_untouched_release_scores_zero_with_reasons(grades, tests):
    for a in ASSIGNMENTS:
        assert grades[("ben_untouched", a)] == 0
    assert all(r["diagnosis"] for r in tests if r["student_id"] == "ben_untouched")


@pytest.mark.parametrize("student, answer", [
    ("cleo_missing_1_over_m", planted.MISSING_ONE_OVER_M),
    ("dev_wrong_log_term", planted.WRONG_LOG_TERM),
    ("eli_sigmoid_everywhere", planted.SIGMOID_EVERYWHERE),
    ("fay_plus_update", planted.PLUS_UPDATE),
])
def test_a_planted_mistake_costs_only_its_own_function(student, answer, grades, tests):
    lost = function_points(answer.assignment, answer.function) - answer.kept
    for a in ASSIGNMENTS:
        assert grades[(student, a)] == max_points(a) - (lost if a == answer.assignment else 0), a
    mine = [r for r in tests if r["student_id"] == student and r["function"] == answer.function]
    assert any(answer.diagnosis in r["diagnosis"] for r in mine)
    others = [r for r in tests if r["student_id"] == student and r["function"] != answer.function]
    assert all(float(r["score"]) == float(r["max_score"]) and not r["diagnosis"] for r in others)


def test_a_malformed_notebook_is_graded_as_broken_and_the_rest_normally(grades, tests):
    assert grades[("gus_broken_file", "05_cat_dog_classifier")] == 0
    broken = [r for r in tests if r["student_id"] == "gus_broken_file" and r["assignment"] == "05_cat_dog_classifier"]
    assert broken and all("could not be read" in r["diagnosis"] for r in broken)
    for a in ASSIGNMENTS[:-1]:
        assert grades[("gus_broken_file", a)] == max_points(a)


def test_the_gradebook_holds_the_same_scores(demo_run, grades):
    course = demo_run[0] / "course"
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for (student, assignment), score in grades.items():
            if student == "gus_broken_file" and assignment == "05_cat_dog_classifier":
                continue  # never reached nbgrader: the file is not a notebook
            hidden = {t.grade_id for t in registry.tests_for(assignment)}
            nb = gb.find_submission(assignment, student).notebooks[0]
            assert sum(g.score for g in nb.grades if g.name in hidden) == pytest.approx(score)


def test_feedback_exists_for_everyone_and_leaks_nothing(demo_run, tests):
    out = demo_run[0]
    pages = list((out / "feedback").rglob("*.html"))
    assert len(pages) == len({(r["student_id"], r["assignment"]) for r in tests})
    forbidden = ["BEGIN HIDDEN TESTS", "grade_test", "autograder.", "from autograder", "BEGIN SOLUTION"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for word in forbidden:
            assert word not in text, (page, word)
    cleo = (out / "feedback" / "cleo_missing_1_over_m" / "02_backward_step").glob("*.html")
    assert "the 1/m factor is missing" in next(cleo).read_text(encoding="utf-8")


def test_the_report_embeds_its_plots_and_links_feedback(demo_run):
    page = (demo_run[0] / "report.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") >= 2
    assert 'href="feedback/' in page
    assert "Most common diagnoses" in page and "1/m factor is missing" in page


def test_the_grader_never_writes_a_hidden_expected_value(demo_run, tests):
    """cleo's hidden linear_backward inputs are recomputed from her seed: none of the expected
    entries appears in what the grader wrote for her (the rest of a feedback page is her own
    notebook, whose visible checks legitimately print many other numbers)."""
    import numpy as np

    from autograder import reference as ref
    from autograder.hidden.cases import linear_case
    from autograder.hidden.seeds import seed_for

    rng = np.random.default_rng(seed_for("cleo_missing_1_over_m", "02_backward_step", "test_linear_backward_random"))
    dZ, cache, _ = linear_case(rng)
    written = " ".join(r["diagnosis"] for r in tests if r["student_id"] == "cleo_missing_1_over_m")
    assert "1/m factor is missing" in written
    import re

    shown = {float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", written)}
    for array in ref.linear_backward(dZ, cache):
        for value in np.ravel(array):
            assert not any(np.isclose(value, x, rtol=1e-3) for x in shown if abs(x) > 1e-3 and x != round(x))
