"""Notes on how a notebook was run, for the feedback (never deducted).

- Hidden state: cells run out of order, a graded cell not re-run after a cell above it, and
  saved outputs that a fresh run from the top does not reproduce (a variable left over from a
  deleted or edited cell, like a stale ``layers_dims``).
- Training sanity (notebook 05), read from the student's own run (grading usually skips the
  training cells, see autograder.grading.skipping): the first cost should be near ln 2 (a fresh network
  answers about 0.5, which costs ln 2 whatever the labels), a cost that stops at the entropy of
  the class balance means the network learned only how common each class is, a flat cost curve
  means the weights are too small or the learning rate too low, a rising one means it is too
  high, and the accuracy only means something next to the majority-class baseline.
"""

import math
import re

from .. import notebooks
from . import skipping

MAX_STALE_CELLS = 3
LN2 = math.log(2)
FIRST_COST_TOLERANCE = 0.1
PLATEAU = 0.01  # relative fall of the cost below which training "did not move"
BALANCE_TOLERANCE = 0.01  # a last cost this close to the class-balance entropy sits on its plateau

_COST = re.compile(r"Cost after iteration (\d+): ([-+\d.eE]+|nan|inf)")
_ACCURACY = re.compile(r"^(train|test) accuracy: ([\d.]+)\s*$", re.MULTILINE)
_BASELINE = re.compile(r"baseline test accuracy: ([\d.]+)|majority baseline \(test\): ([\d.]+)")
_TRAIN_BASELINE = re.compile(r"baseline train accuracy: ([\d.]+)")


def balance_entropy(p: float) -> float:
    """H(p) = -(p ln p + (1 - p) ln(1 - p)): the cross-entropy of answering p for every example
    when a fraction p of the labels are 1 (or 0: H is symmetric), the best cost a network can
    reach without looking at its inputs. ln 2 for balanced classes, lower for unbalanced ones."""
    return -sum(q * math.log(q) for q in (p, 1 - p) if q > 0)


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
    """Read from the student's own run: grading skips the training cells (autograder.grading.skipping)."""
    text = "\n".join(_stdout(c) for c in _code_cells(submitted))
    notes = []
    costs = [(int(i), float(c)) for i, c in _COST.findall(text)]
    if costs:
        first, last = costs[0][1], costs[-1][1]
        if costs[0][0] == 0 and math.isfinite(first) and abs(first - LN2) > FIRST_COST_TOLERANCE:
            notes.append(f"The first cost of your training run was {first:.3f}; a freshly initialised network "
                         f"starts near ln 2 = {LN2:.3f} (it answers about 0.5 for every image, which costs ln 2 "
                         "whatever the labels). Check the initialisation and compute_cost.")
        if not all(math.isfinite(c) for _, c in costs):
            notes.append("The cost became NaN or infinite during training: the learning rate is probably too "
                         "high, or a log saw 0.")
        elif len(costs) > 2 and last > first:
            notes.append(f"The cost rose during training ({first:.3f} to {last:.3f}): lower the learning rate "
                         "or check the sign of the update.")
        elif len(costs) > 2 and (plateau := _balance_plateau(text, last)):
            notes.append(plateau)
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


def _balance_plateau(text: str, last: float) -> str | None:
    """The note for a run that ended on the class-balance plateau, read from the printed
    majority baseline of the training set (its accuracy is the fraction of the commoner class)."""
    found = _TRAIN_BASELINE.search(text)
    if not found:
        return None
    majority = float(found.group(1))
    if not 0 < majority < 1:
        return None
    entropy = balance_entropy(majority)
    if abs(last - entropy) > BALANCE_TOLERANCE:
        return None
    return (f"Your training ended with the cost at {last:.3f}, on the plateau at {entropy:.3f}: the entropy "
            f"of the class balance ({majority:.2f} of the training labels are the majority class), which is "
            "the cost of answering that same probability for every image. The network learned how common "
            "each class is and nothing from the pictures: the weights probably start too small (a 0.01 "
            "scale) or the learning rate is too low.")


def review(submitted, autograded) -> list[str]:
    """Every note about how the notebook was run and what its training did."""
    notes = execution_order(submitted)
    if autograded is not None:
        notes += stale_outputs(submitted, autograded)
    return notes + training(submitted)
