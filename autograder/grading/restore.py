"""Rebuilding a submission on the release: the tests always come from the release, the answers
from the student, and every difference that matters is said.

The graded notebook is the released one, cell for cell and in its order, with:
- each answer cell's code taken from the student's cell of the same grade id (or, if its
  metadata was changed, of the same cell id);
- the student's own version of the ordinary cells they may edit (same cell id);
- the cells the student added, each after the cell it followed in the submission.
Test and check cells, their metadata and their order are the release's whatever the student did;
what was edited, deleted, moved or relabelled is listed as tampering (no points are deducted for
it, and none can be gained by it).
"""

import nbformat

from .. import notebooks


def _key(cell):
    return notebooks.nbgrader_meta(cell).get("grade_id")


def _is_protected(cell) -> bool:
    meta = notebooks.nbgrader_meta(cell)
    return bool(meta.get("grade_id")) and not meta.get("solution")


def other_assignment(submitted, mine: set[str], others: dict[str, set[str]]) -> str | None:
    """The assignment whose notebook this is, when it holds none of the cells only ``mine`` has
    and some that only another assignment has (grade ids like "setup" are everywhere)."""
    ids = {_key(c) for c in submitted.cells if _key(c)}
    everywhere = set().union(*others.values()) if others else set()
    if ids & (set(mine) - everywhere):
        return None
    scores = {name: len(ids & (set(theirs) - set(mine))) for name, theirs in others.items()}
    best = max(scores, key=scores.get, default=None)
    return best if best and scores[best] else None


def restore(submitted, release) -> tuple[object, list[str]]:
    """(the notebook to grade, tampering notes)."""
    release = nbformat.from_dict(nbformat.reads(nbformat.writes(release), as_version=4))
    by_grade_id = {_key(c): c for c in submitted.cells if _key(c)}
    by_cell_id = {c.get("id"): c for c in submitted.cells if c.get("id")}
    notes, position_of = [], {}  # position_of: id(student's cell) -> index of the release cell it answers
    for index, cell in enumerate(release.cells):
        grade_id, meta = _key(cell), notebooks.nbgrader_meta(cell)
        theirs = by_grade_id.get(grade_id) if grade_id else None
        if theirs is None and cell.get("id") in by_cell_id:
            theirs = by_cell_id[cell.get("id")]
            if grade_id and (_key(theirs) or "") != grade_id:
                notes.append(f"The cell {grade_id} had its nbgrader metadata changed; the release's was used.")
        if theirs is None:
            if grade_id:
                what = "answer" if meta.get("solution") else "test"
                notes.append(f"The {what} cell {grade_id} was deleted; it was put back from the release"
                             + (" (unanswered)." if meta.get("solution") else "."))
            continue
        position_of[id(theirs)] = index
        if meta.get("solution"):
            cell.source = theirs.source
        elif _is_protected(cell):
            if theirs.source.strip() != cell.source.strip():
                notes.append(f"The locked cell {grade_id} was edited; the release's version was used.")
        elif cell.cell_type == theirs.cell_type:
            cell.source = theirs.source
    order = [position_of[id(c)] for c in submitted.cells if id(c) in position_of]
    if order != sorted(order):
        notes.append("Cells were moved; the notebook was graded in the release's order.")
    extras: dict[int, list] = {}
    last = -1
    for cell in submitted.cells:
        if id(cell) in position_of:
            last = position_of[id(cell)]
        elif not _is_protected(cell):
            make = nbformat.v4.new_code_cell if cell.cell_type == "code" else nbformat.v4.new_markdown_cell
            extras.setdefault(last, []).append(make(cell.source))
    cells = list(extras.get(-1, []))
    for index, cell in enumerate(release.cells):
        cells.append(cell)
        cells += extras.get(index, [])
    release.cells = cells
    return nbformat.from_dict(nbformat.reads(nbformat.writes(release), as_version=4)), notes
