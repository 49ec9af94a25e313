"""The bodies to compare: every graded function of every student, and the release skeleton's.

Submissions are found as `grade` finds them (autograder.grading.submissions); the skeleton is the
released notebook's, or, before `release` has run, the source notebook with nbgrader's
ClearSolutions applied (what `release` hands out).
"""

import copy
from pathlib import Path

import nbformat

from .. import notebooks
from ..grading.submissions import locate, students
from ..hidden import registry
from .normalise import MISSING, UNPARSABLE, Body, find_definition, normalise


def code_cells(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def release_notebook(course_dir: Path, assignment: str):
    """The notebook students were given for ``assignment``."""
    source = notebooks.source_notebook(course_dir, assignment)
    released = Path(course_dir) / "release" / assignment / source.name
    if released.is_file():
        return nbformat.read(released, as_version=4)
    from nbgrader.preprocessors import ClearSolutions

    nb = nbformat.read(source, as_version=4)
    clear = ClearSolutions()
    nb.cells = [clear.preprocess_cell(copy.deepcopy(c), {"language": "python"}, i)[0] for i, c in enumerate(nb.cells)]
    return nb


def skeletons(course_dir: Path, assignment: str) -> dict[str, str]:
    """Graded function -> the release's cell that defines it ("" when the release has none)."""
    cells = code_cells(release_notebook(course_dir, assignment))
    found = {}
    for function in registry.functions_of(assignment):
        definition = find_definition(cells, function)
        found[function] = "" if isinstance(definition, Body) else definition[0]
    return found


def student_bodies(folder: Path, notebook: str, skeleton: dict[str, str]) -> dict[str, Body]:
    """Graded function -> its Body in the student's notebook for one assignment."""
    located = locate(folder, notebook)
    if located.path is None:
        return {f: Body(MISSING, note="no notebook was submitted") for f in skeleton}
    try:
        cells = code_cells(nbformat.read(located.path, as_version=4))
    except Exception as err:  # not JSON, not a notebook, unreadable bytes
        return {f: Body(UNPARSABLE, note=f"the notebook could not be read ({type(err).__name__})") for f in skeleton}
    return {f: normalise(cells, f, text) for f, text in skeleton.items()}


def class_bodies(submissions: Path, course_dir: Path, assignments=None) -> dict[tuple[str, str], dict[str, Body]]:
    """(assignment, function) -> student -> Body, for the assignments anyone submitted
    (or those asked for)."""
    class_ = students(submissions)
    chosen = assignments or [a for a in notebooks.assignments(course_dir)
                             if any((submissions / s / a).is_dir() for s in class_)]
    out: dict[tuple[str, str], dict[str, Body]] = {}
    for assignment in chosen:
        skeleton = skeletons(course_dir, assignment)
        stem = notebooks.source_notebook(course_dir, assignment).stem
        for student in class_:
            for function, body in student_bodies(submissions / student / assignment, stem, skeleton).items():
                out.setdefault((assignment, function), {})[student] = body
    return out
