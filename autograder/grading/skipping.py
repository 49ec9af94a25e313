"""The cells grading does not run, because no score can depend on them.

- The code cells after the last graded cell (notebook 05's training run, plots and optional
  experiments; cells the student added at the end): every test has given its verdict by then.
  They do run when the student's saved outputs there may hide stale state (the notebook was not
  run top to bottom in one go: see ``clean_run``), so that ``autograder.grading.review`` can compare
  those outputs with a fresh run.
- The cells the author marked as demos (``Notebook.demo``: a widget or a plot that binds no
  name), as long as the student left them as released; an edited demo cell runs.

They get nbclient's skip tag in the copy nbgrader executes, so the release and the student's
notebook stay as they were. The feedback says which cells were not run, and the notes about
training read the student's own run of them.
"""

from .. import notebooks

SKIP_TAG = "skip-execution"  # nbclient's NotebookClient.skip_cells_with_tag
DEMO_TAG = "demo"  # set by the author on widget and plot cells (autograder.authoring)
NOT_RUN = ("Not run during grading: this cell cannot change your score. "
           "Its output is the one you see when you run it in JupyterLab.")


def _tags(cell) -> list:
    return cell.get("metadata", {}).get("tags", [])


def _last_graded(nb) -> int | None:
    """The index of the last graded cell of ``nb``, None when it has none."""
    return max((i for i, c in enumerate(nb.cells) if notebooks.nbgrader_meta(c).get("grade")), default=None)


def is_skipped(cell) -> bool:
    return SKIP_TAG in _tags(cell)


def clean_run(nb) -> bool:
    """Were the saved outputs made by one run from the top in a fresh kernel (Restart and Run
    All)? Then the code cells that are not empty have execution counts 1, 2, 3, ... in order."""
    counts = [c.get("execution_count") for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    return counts == list(range(1, len(counts) + 1))


def _tail_may_be_stale(submitted) -> bool:
    """Printed output saved after the last test that a fresh run might not reproduce."""
    last = _last_graded(submitted)
    tail = submitted.cells[last + 1:] if last is not None else []
    printed = any(o.get("output_type") == "stream" for c in tail if c.cell_type == "code"
                  for o in c.get("outputs", []))
    return printed and not clean_run(submitted)


def mark(graded, release, submitted=None) -> int:
    """Tag the cells of ``graded`` (``submitted`` rebuilt on ``release``) that grading can skip;
    returns how many. A student cell carrying the skip tag is left as the student wanted."""
    demos = {c.get("id"): c.source for c in release.cells if c.cell_type == "code" and DEMO_TAG in _tags(c)}
    last = _last_graded(graded)
    if last is None or (submitted is not None and _tail_may_be_stale(submitted)):
        last = len(graded.cells)
    count = 0
    for index, cell in enumerate(graded.cells):
        if cell.cell_type != "code" or is_skipped(cell):
            continue
        if index > last or demos.get(cell.get("id")) == cell.source:
            cell.setdefault("metadata", {}).setdefault("tags", []).append(SKIP_TAG)
            count += 1
    return count
