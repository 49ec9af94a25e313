"""Notes on how a notebook was run, for the feedback (never deducted).

- Hidden state: cells run out of order, a graded cell not re-run after a cell above it, and
  saved outputs that a fresh run from the top does not reproduce (a variable left over from a
  deleted or edited cell, like a stale ``layers_dims``).
- Training sanity (notebook 05), read from the student's own run (grading usually skips the
  training cells, see autograder.skipping): the first cost should be near ln 2, a flat cost curve
  means the weights are too small or the learning rate too low, a rising one means it is too
  high, and the accuracy only means something next to the majority-class baseline.
"""

import math
import re

from . import notebooks, skipping

MAX_STALE_CELLS = 3
LN2 = math.log(2)
FIRST_COST_TOLERANCE = 0.1
PLATEAU = 0.01  # relative fall of the cost below which training "did not move"

_COST = re.compile(r"Cost after iteration (\d+): ([-+\d.eE]+|nan|inf)")
_ACCURACY = re.compile(r"^(train|test) accuracy: ([\d.]+)\s*$", re.MULTILINE)
_BASELINE = re.compile(r"baseline test accuracy: ([\d.]+)|majority baseline \(test\): ([\d.]+)")


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def _label(cell) -> str:
    first = next((line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")), "")
    return f"`{first.strip()[:60]}`"


def _stdout(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def execution_order(submitted) -> list[str]:
    notes = []
    cells = [c for c in _code_cells(submitted) if c.get("execution_count")]
    counts = [c.execution_count for c in cells]
    if any(b < a for a, b in zip(counts, counts[1:], strict=False)):
        notes.append("Cells were run out of order (execution counts " + ", ".join(map(str, counts[:12]))
                     + ("..." if len(counts) > 12 else "") + "). Before submitting, restart the kernel and "
                     "run all cells from the top (Kernel > Restart Kernel and Run All Cells).")
    highest_above = 0
    for cell in _code_cells(submitted):
        count = cell.get("execution_count") or 0
        meta = notebooks.nbgrader_meta(cell)
        if meta.get("solution") and count and count < highest_above:
            notes.append(f"The cell defining {meta.get('grade_id')} ran before a cell above it was last run: "
                         "if you changed that cell, re-run this one too.")
        highest_above = max(highest_above, count)
    return notes


def stale_outputs(submitted, autograded) -> list[str]:
    """Saved printed output that a fresh run from the top did not reproduce."""
    fresh = {c.get("id"): c for c in _code_cells(autograded) if c.get("id")}
    notes = []
    for cell in _code_cells(submitted):
        if notebooks.nbgrader_meta(cell).get("grade"):
            continue
        saved = _stdout(cell).strip()
        other = fresh.get(cell.get("id"))
        if not saved or other is None or other.source != cell.source or skipping.is_skipped(other):
            continue
        if " ".join(saved.split()) != " ".join(_stdout(other).strip().split()):
            notes.append(f"The saved output of the cell starting {_label(cell)} differs from a fresh run from "
                         "the top: the notebook depended on hidden state (a variable left over from an edited, "
                         "deleted or out-of-order cell).")
            if len(notes) == MAX_STALE_CELLS:
                break
    return notes


def training(submitted) -> list[str]:
    """Read from the student's own run: grading skips the training cells (autograder.skipping)."""
    text = "\n".join(_stdout(c) for c in _code_cells(submitted))
    notes = []
    costs = [(int(i), float(c)) for i, c in _COST.findall(text)]
    if costs:
        first, last = costs[0][1], costs[-1][1]
        if costs[0][0] == 0 and math.isfinite(first) and abs(first - LN2) > FIRST_COST_TOLERANCE:
            notes.append(f"The first cost of your training run was {first:.3f}; a freshly initialised network "
                         f"starts near ln 2 = {LN2:.3f}. Check the initialisation and compute_cost.")
        if not all(math.isfinite(c) for _, c in costs):
            notes.append("The cost became NaN or infinite during training: the learning rate is probably too "
                         "high, or a log saw 0.")
        elif len(costs) > 2 and last > first:
            notes.append(f"The cost rose during training ({first:.3f} to {last:.3f}): lower the learning rate "
                         "or check the sign of the update.")
        elif len(costs) > 2 and (first - last) < PLATEAU * abs(first):
            notes.append(f"The cost barely moved ({first:.3f} to {last:.3f}): a plateau usually means the "
                         "weights start too small (a 0.01 scale) or the learning rate is too low.")
    accuracy = dict(_ACCURACY.findall(text))
    base = _BASELINE.search(text)
    if "test" in accuracy and base:
        test, baseline = float(accuracy["test"]), float(base.group(1) or base.group(2))
        if test <= baseline:
            notes.append(f"Your test accuracy ({test:.2f}) is no better than always predicting the majority "
                         f"class ({baseline:.2f}): the network has not learned anything useful yet.")
        else:
            notes.append(f"Your test accuracy is {test:.2f}, {test - baseline:+.2f} over the majority-class "
                         f"baseline of {baseline:.2f}.")
    return notes


def review(submitted, autograded) -> list[str]:
    """Every note about how the notebook was run and what its training did."""
    notes = execution_order(submitted)
    if autograded is not None:
        notes += stale_outputs(submitted, autograded)
    return notes + training(submitted)
