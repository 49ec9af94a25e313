"""`python -m autograder demo`: release the course, grade a sample class, show the results.

Runs offline on the embedded data, in a scratch copy of the course under --out, so the
checkout is left untouched.
"""

import shutil
from pathlib import Path

import nbformat

from .. import notebooks, paths
from ..grading import grade, grade_table
from ..release import release
from . import planted

BROKEN_NOTEBOOK = '{"cells": [ this is not JSON'


def copy_course(target: Path) -> Path:
    """A fresh copy of the kit's course folder, without generated folders or authoring scripts."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(paths.COURSE, target, ignore=shutil.ignore_patterns(
        "release", "submitted", "autograded", "feedback", "gradebook.db", "authoring", "__pycache__",
        ".ipynb_checkpoints", "*.pyc", ".nbgrader.log"))
    return target


def sample_class() -> dict[str, dict[str, object]]:
    """student id -> {assignment: replacement answers (grade id -> code) or a broken notebook's text}."""
    def answers(*items: planted.Answer):
        return {a.function: a.source.strip("\n") for a in items}

    cls = {
        "ada_correct": {},
        "ben_untouched": "untouched",
        "cleo_missing_1_over_m": {planted.MISSING_ONE_OVER_M.assignment: answers(planted.MISSING_ONE_OVER_M)},
        "dev_wrong_log_term": {planted.WRONG_LOG_TERM.assignment: answers(planted.WRONG_LOG_TERM)},
        "eli_sigmoid_everywhere": {planted.SIGMOID_EVERYWHERE.assignment: answers(planted.SIGMOID_EVERYWHERE)},
        "fay_plus_update": {planted.PLUS_UPDATE.assignment: answers(planted.PLUS_UPDATE)},
        "gus_broken_file": {"05_cat_dog_classifier": BROKEN_NOTEBOOK},
        "hana_style_variants": {},
    }
    for variant in planted.STYLE_VARIANTS:
        cls["hana_style_variants"].setdefault(variant.assignment, {})[variant.function] = variant.source.strip("\n")
    return cls


def write_submissions(course_dir: Path, target: Path, cls=None, assignments=None) -> Path:
    """nbgrader's submitted layout <student>/<assignment>/<notebook>.ipynb for the sample class.

    ``assignments``: write only these (default: every assignment of the course).
    """
    cls = sample_class() if cls is None else cls
    if target.exists():
        shutil.rmtree(target)
    for assignment in notebooks.assignments(course_dir):
        if assignments is not None and assignment not in assignments:
            continue
        source_path = notebooks.source_notebook(course_dir, assignment)
        source = nbformat.read(source_path, as_version=4)
        released = nbformat.read(course_dir / "release" / assignment / source_path.name, as_version=4)
        for student, plan in cls.items():
            folder = target / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / source_path.name
            change = plan if plan == "untouched" else plan.get(assignment, {})
            if change == "untouched":
                nbformat.write(released, path)
            elif isinstance(change, str):
                path.write_text(change)
            else:
                nbformat.write(notebooks.fill_solutions(released, source, change), path)
    return target


def demo(out: Path, *, workers: int | None = None, log=print) -> list:
    out = Path(out).resolve()
    course = copy_course(out / "course")
    release(course, log=log)
    cls = sample_class()
    submissions = write_submissions(course, out / "submissions", cls)
    log(f"grading a sample class of {len(cls)} students ...")
    results = grade(submissions, course, out, workers=workers)
    log("")
    log(grade_table(results))
    log("")
    log(f"grades:       {out / 'grades.csv'}")
    log(f"test results: {out / 'test_results.csv'}")
    log(f"feedback:     {out / 'feedback'}")
    log(f"report:       {out / 'report.html'}")
    return results
