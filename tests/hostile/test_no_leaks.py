"""Nothing secret reaches a student: every file of every release and of every feedback folder is
scanned for solution code, hidden test source, reference module names, and the hidden expected
values of that student's own tests."""

import csv
import re
from unittest import mock

import numpy as np
import pytest

from autograder import paths
from autograder import reference as ref
from autograder.hidden import compare, registry
from autograder.hidden.runner import run_test
from autograder.release import leaks

pytestmark = pytest.mark.slow

MARKERS = ["BEGIN HIDDEN TESTS", "BEGIN SOLUTION", "grade_test", "autograder.hidden", "autograder.reference",
           "import autograder", "from autograder", "autograder/reference", "hidden/suites", "seed_for("]
NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")


def _files(folder):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "assets" not in path.relative_to(folder).parts:
            try:
                yield path, path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue


def _hidden_test_lines():
    """Distinctive lines of the hidden tests that the public helper package does not also hold."""
    # (the concept questions' text and choices are in the helper package, bpkit/questions.py;
    # their answers and reasons are not, and stay distinctive lines here)
    public = "\n".join(text for _, text in _files(paths.HELPER_PACKAGE))
    lines = set()
    for path in sorted((paths.REPO / "autograder" / "hidden").rglob("*.py")):
        for line in path.read_text().splitlines():
            text = line.strip()
            if len(text) >= 30 and not text.startswith(("#", '"""', "def ", "from ", "import ")) \
                    and text not in public:
                lines.add(text)
    return lines


def test_no_release_or_feedback_file_holds_solutions_tests_or_reference_names(demo_run):
    out = demo_run[0]
    course = out / "course"
    for assignment in registry.ASSIGNMENTS:  # solution and reference code, hidden tests, in releases
        assert leaks(course, assignment) == [], assignment
    hidden = _hidden_test_lines()
    scanned = 0
    for folder in (course / "release", out / "feedback"):
        for path, text in _files(folder):
            scanned += 1
            for marker in MARKERS:
                assert marker not in text, (path, marker)
            for line in hidden:
                assert line not in text, (path, line)
    assert scanned > 40


def _expected_values(student, assignment):
    """Every entry of every expected output of the student's hidden tests (from their seeds)."""
    seen = []
    real = compare.check_output

    def spy(actual, expected, *args, **kwargs):
        seen.append(expected)
        return real(actual, expected, *args, **kwargs)

    namespace = {name: getattr(ref, name) for name in ref.__all__}
    with mock.patch.object(compare, "check_output", spy):
        for test in registry.tests_for(assignment):
            if test.concept:  # no computed expected values: the question's answer is fixed
                continue
            module = __import__(test.run.__module__, fromlist=["check_output"])
            with mock.patch.object(module, "check_output", spy):
                run_test(test, namespace, student)
    values = []

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, tuple | list):
            for v in x:
                walk(v)
        else:
            try:
                values.extend(float(v) for v in np.ravel(np.asarray(x, dtype=float)))
            except (TypeError, ValueError):
                pass

    walk(seen)
    return [v for v in values if abs(v) > 1e-3 and abs(v - round(v)) > 1e-3]


def test_no_hidden_expected_value_is_written_for_any_student(demo_run):
    out = demo_run[0]
    rows = list(csv.DictReader((out / "test_results.csv").open(encoding="utf-8")))
    checked = 0
    for student, assignment in sorted({(r["student_id"], r["assignment"]) for r in rows}):
        written = " ".join(r["diagnosis"] for r in rows if (r["student_id"], r["assignment"]) == (student, assignment))
        shown = [float(x) for x in NUMBER.findall(written)]
        shown = [x for x in shown if abs(x) > 1e-3 and abs(x - round(x)) > 1e-3]
        expected = _expected_values(student, assignment)
        assert expected, (student, assignment)
        for value in shown:
            assert not np.isclose(expected, value, rtol=1e-4).any(), (student, assignment, value)
        checked += 1
    assert checked == len({(r["student_id"], r["assignment"]) for r in rows})
