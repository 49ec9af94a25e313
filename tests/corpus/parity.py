"""The in-process runner's verdicts, to compare with what a grading kernel reported."""

import os
from contextlib import contextmanager
from pathlib import Path

import nbformat

from autograder import notebooks
from autograder.hidden import registry
from autograder.hidden.runner import result_of, run_test
from autograder.hidden.seeds import STUDENT_ENV


@contextmanager
def student_environment(student: str | None):
    """The student id in the environment, as the grader gives it to the student's kernel (a concept
    question's solution computes the answer of that student's own version)."""
    before = os.environ.get(STUDENT_ENV)
    if student is not None:
        os.environ[STUDENT_ENV] = student
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(STUDENT_ENV, None)
        else:
            os.environ[STUDENT_ENV] = before


def namespace_of(course: Path, assignment: str, answers: dict, student: str | None = None) -> dict:
    """The notebook's names as ``student``'s kernel has them: the setup cell, then every solution
    cell (``answers``, graded function -> code, where given; the source's solution elsewhere).
    The helper package is course/'s, on pytest's path."""
    source = nbformat.read(notebooks.source_notebook(course, assignment), as_version=4)
    code = [c.source for c in source.cells if c.cell_type == "code"]
    namespace = {"__name__": "__main__"}
    with student_environment(student):
        exec(compile(code[0], "<setup>", "exec"), namespace)
        for cell in source.cells:
            meta = notebooks.nbgrader_meta(cell)
            if meta.get("solution") and cell.cell_type == "code":
                text = answers.get(meta["grade_id"], notebooks.solution_code(cell.source))
                exec(compile(text, f"<{meta['grade_id']}>", "exec"), namespace)
    return namespace


def reported(result: dict) -> str:
    """The diagnosis a results row carries for a runner result (hints join a failure)."""
    if result["score"] < result["max_score"] and result["hints"]:
        return " ".join([result["diagnosis"], *("Hint: " + h for h in result["hints"])]).strip()
    return result["diagnosis"]


def in_process(course: Path, student: str, assignment: str, answers: dict) -> dict:
    """grade id -> the in-process result of every test of ``assignment`` for ``student``."""
    namespace = namespace_of(course, assignment, answers, student)
    return {t.grade_id: result_of(t, run_test(t, namespace, student)) for t in registry.tests_for(assignment)}
