"""Reading course notebooks: names, nbgrader cells, and solution code."""

import re
from pathlib import Path

import nbformat

from .hidden import registry

MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
LAB_META = "debugging_lab"  # cell metadata of a "find and fix the bugs" answer cell: {"given": code}
# A written answer's mark scheme sits between these lines, in the locked question cell above the
# answer; nbgrader's ClearMarkScheme (which matches "BEGIN/END MARK SCHEME") strips it from releases.
MARK_SCHEME_BEGIN, MARK_SCHEME_END = "=== BEGIN MARK SCHEME ===", "=== END MARK SCHEME ==="
WRITTEN_PREFIX = "written_"  # every written answer's grade id starts so (the authoring DSL checks)
QUESTION_CELL = "show_"  # the id (and grade id) prefix of the cell that shows a concept question


def assignments(course_dir: Path) -> list[str]:
    """The contract's assignments that have a folder under source/, in course order."""
    return [a for a in registry.ASSIGNMENTS if (Path(course_dir) / "source" / a).is_dir()]


def source_notebook(course_dir: Path, assignment: str) -> Path:
    found = sorted((Path(course_dir) / "source" / assignment).glob("*.ipynb"))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one notebook in source/{assignment}, found {len(found)}")
    return found[0]


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_cells(nb) -> list:
    return [c for c in nb.cells if nbgrader_meta(c).get("grade")]


def is_test(cell) -> bool:
    """A test cell: graded and not an answer (nbgrader's "autograder tests" cell)."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution")


def is_written(cell) -> bool:
    """A written answer: nbgrader's "manually graded answer" cell (markdown, solution and grade)."""
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "markdown" and bool(meta.get("solution")) and bool(meta.get("grade"))


def written_answers(nb) -> list[tuple[str, float]]:
    """(grade id, points) of every written answer (graded by hand), in notebook order."""
    return [(nbgrader_meta(c)["grade_id"], float(nbgrader_meta(c).get("points", 0))) for c in nb.cells
            if is_written(c)]


def mark_scheme_lines(cell_source: str) -> list[str]:
    """The lines between the mark scheme delimiters."""
    lines, inside = [], False
    for line in cell_source.splitlines():
        if MARK_SCHEME_BEGIN in line or MARK_SCHEME_END in line:
            inside = MARK_SCHEME_BEGIN in line
        elif inside:
            lines.append(line)
    return lines


def hidden_test_ids(nb) -> list[str]:
    """grade ids of the cells that carry points (the hidden tests), in notebook order."""
    return [nbgrader_meta(c)["grade_id"] for c in grade_cells(nb) if float(nbgrader_meta(c).get("points", 0)) > 0]


def solution_code(cell_source: str) -> str:
    """A solution cell's code as a student would write it: the markers removed."""
    return "\n".join(line for line in cell_source.splitlines() if not MARKER.match(line))


def given_code(cell) -> str | None:
    """The buggy code a debugging-lab answer cell hands to students (None for other cells)."""
    return cell.get("metadata", {}).get(LAB_META, {}).get("given")


def hand_out_lab_code(notebook_path: Path) -> None:
    """In a released notebook, give every debugging-lab cell its buggy code instead of the stub
    nbgrader left there, and drop the metadata that carried it."""
    nb = nbformat.read(notebook_path, as_version=4)
    changed = False
    for cell in nb.cells:
        given = given_code(cell)
        if given is not None:
            cell.source = given
            del cell.metadata[LAB_META]
            changed = True
    if changed:
        nbformat.write(nb, notebook_path)


def solution_regions(cell_source: str) -> list[str]:
    """The lines between ### BEGIN SOLUTION and ### END SOLUTION."""
    lines, inside = [], False
    for line in cell_source.splitlines():
        if MARKER.match(line):
            inside = "BEGIN" in line
        elif inside:
            lines.append(line)
    return lines


def fill_solutions(release_nb, source_nb, replace: dict[str, str] | None = None):
    """A copy of a released notebook with every solution cell answered.

    Answers come from the source notebook, or from ``replace`` (grade id -> code) where given:
    this is how the self-check, the demo and the tests build submissions.
    """
    replace = replace or {}
    answers = {nbgrader_meta(c).get("grade_id"): solution_code(c.source)
               for c in source_nb.cells if nbgrader_meta(c).get("solution")}
    nb = nbformat.from_dict(release_nb)
    nb = nbformat.from_dict(nbformat.reads(nbformat.writes(nb), as_version=4))
    for cell in nb.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if nbgrader_meta(cell).get("solution") and grade_id in answers:
            cell.source = replace.get(grade_id, answers[grade_id])
    return nb
