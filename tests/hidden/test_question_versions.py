"""Per-student versions of the concept questions: reproducible, varied, drawn by the student's
kernel exactly as the grader draws them, and well posed for every student."""

import re

import numpy as np
import pytest
from bpkit import questions, student

from autograder.hidden import concepts, registry, seeds
from autograder.hidden.runner import result_of, run_test

NAMES = [t.function for t in registry.all_tests() if t.concept]
STUDENTS = [f"student{k:03d}" for k in range(200)]


def test_the_grader_derives_seeds_and_student_ids_with_the_helper_packages_own_functions():
    assert seeds.student_id is student.student_id
    assert seeds.seed_for("ann", "04_update_rule", "test_q_why_copy_answer") == student.student_seed(
        "ann", "04_update_rule", "test_q_why_copy_answer")
    assert seeds.STUDENT_ENV == student.STUDENT_ENV and seeds.DEFAULT_STUDENT == student.DEFAULT_STUDENT


@pytest.mark.parametrize("name", NAMES)
def test_the_hidden_test_grades_the_version_the_students_kernel_shows(name):
    test = next(t for t in registry.all_tests() if t.function == name)
    question = concepts.question(name)
    assert question.shown.grade_id == test.grade_id and question.shown.assignment == test.assignment
    for who in STUDENTS[:20]:
        drawn = question.version(np.random.default_rng(seeds.seed_for(who, test.assignment, test.grade_id)))
        shown = questions.version(name, who)
        assert (drawn.params, drawn.order) == (shown.params, shown.order)


@pytest.mark.parametrize("name", NAMES)
def test_a_version_is_reproducible_and_versions_vary_between_students(name):
    question = concepts.question(name)
    versions = [questions.version(name, who) for who in STUDENTS]
    assert [(v.params, v.order) for v in versions[:5]] == [
        (v.params, v.order) for v in (questions.version(name, who) for who in STUDENTS[:5])]
    if question.reasons:
        orders = {v.order for v in versions}
        assert len(orders) >= 12, "the choices are shuffled"
        assert {v.letter_of[question.right_choice] for v in versions} == set(versions[0].letters)
    if question.shown.draw:
        assert len({repr(v.params) for v in versions}) >= 4, "the numbers vary"
        assert len({repr(question.expected(v)) for v in versions}) >= 4, "and so does the answer"


@pytest.mark.parametrize("name", NAMES)
def test_every_version_is_well_posed(name):
    """Every placeholder filled, the choices a permutation, the right answer distinct from every
    known wrong one (so each wrong answer gets its own reason), for 200 students."""
    question = concepts.question(name)
    for who in STUDENTS:
        version = questions.version(name, who)
        text = version.markdown()
        assert "{{" not in text and "}}" not in text, text
        assert sorted(version.order) == list(range(len(question.reasons)))
        for letter in version.letters:
            assert version.letter_of[version.choice(letter)] == letter
        for reason in question.wrong.values():
            assert "{{" not in version.fill(reason)
        if question.answer is not None:
            right = question._value(question.answer, version)
            for known in question.wrong:
                wrong = question._value(known, version)
                if question.shape:
                    assert wrong != right, (who, known)
                else:
                    assert abs(float(wrong) - float(right)) > max(question.tolerance, 1e-9), (who, known)


@pytest.mark.parametrize("name", NAMES)
def test_a_students_right_answer_is_right_only_for_their_own_version(name):
    test = next(t for t in registry.all_tests() if t.function == name)
    question = concepts.question(name)
    for who in STUDENTS[:10]:
        mine = question.answer_line(question.version_of(who))
        namespace: dict = {}
        exec(mine, namespace)  # noqa: S102 - a literal answer
        assert result_of(test, run_test(test, namespace, who))["score"] == test.points
    if question.reasons:  # another student's letter for the right choice names another choice
        other = next(w for w in STUDENTS if question.expected(question.version_of(w)) != question.expected(
            question.version_of("ann")))
        namespace = {}
        exec(question.answer_line(question.version_of(other)), namespace)  # noqa: S102
        result = result_of(test, run_test(test, namespace, "ann"))
        version = question.version_of("ann")
        letter = question.expected(question.version_of(other))
        assert result["score"] == 0 and question.reasons[version.choice(letter)] in result["diagnosis"]


def test_the_student_id_comes_from_the_grader_then_jupyterhub_then_a_fixed_default():
    assert student.student_id({}) == student.DEFAULT_STUDENT == "instructor"
    assert student.student_id({"JUPYTERHUB_USER": "bea"}) == "bea"
    assert student.student_id({"JUPYTERHUB_USER": "bea", "AUTOGRADER_STUDENT_ID": "cal"}) == "cal"
    assert student.student_id({"AUTOGRADER_STUDENT_ID": "  "}) == "instructor"


def test_the_kernels_student_sees_their_own_version(monkeypatch, capsys):
    for name in seeds.STUDENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    default = questions.version("q_shape_of_dW")
    assert default.params == questions.version("q_shape_of_dW", "instructor").params
    monkeypatch.setenv("JUPYTERHUB_USER", "student007")
    assert questions.version("q_shape_of_dW").params == questions.version("q_shape_of_dW", "student007").params


def test_show_displays_the_version_as_markdown_with_the_same_plain_text(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda data, raw=False: shown.append((data, raw)))
    monkeypatch.setattr("IPython.get_ipython", lambda: object())  # as in a kernel
    questions.show("q_why_copy", "student001")
    (data, raw), = shown
    text = questions.version("q_why_copy", "student001").markdown()
    assert raw and data == {"text/markdown": text, "text/plain": text}
    letters = re.findall(r"^- \*\*([A-D])\.\*\*", text, flags=re.M)
    assert letters == ["A", "B", "C", "D"]


def test_show_prints_the_text_outside_a_notebook(capsys):
    questions.show("q_why_copy", "student001")
    assert capsys.readouterr().out == questions.version("q_why_copy", "student001").markdown() + "\n"


def test_the_planted_wrong_answers_follow_the_students_version():
    from autograder.samples import planted

    answer = next(a for a in planted.CONCEPT_MISTAKES if a.function == "q_why_copy")
    for who in STUDENTS[:10]:
        letter = questions.version("q_why_copy", who).letter_of[1]
        assert planted.concept_source(answer, who) == f"q_why_copy = {letter!r}"


def test_the_readme_command_shows_a_students_version_from_the_repository_root():
    """README's way for an instructor to see one student's version, run as written."""
    import subprocess
    import sys

    from autograder import paths

    command = ("import sys; sys.path.insert(0, 'course'); from bpkit import questions; "
               "questions.show('q_why_copy', 'alice')")
    done = subprocess.run([sys.executable, "-c", command], cwd=paths.REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == questions.version("q_why_copy", "alice").markdown() + "\n"
