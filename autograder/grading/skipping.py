"""The cells grading does not run, because no score can depend on them.

- The code cells after the last test of a graded function (notebook 05's training run, plots and
  optional experiments; cells the student added at the end): every function has been judged by
  then. Only concept questions may follow (their own cells run: the feedback shows each student
  the version of the question they answered), whose tests read one answer variable each; a cell
  there still runs when a cell that runs after it reads a name it binds or mentions (an answer
  computed from the trained ``parameters`` keeps the training that made them), or when the
  cells after it cannot be read (magics, a syntax error, ``exec``). They all run when the
  student's saved outputs there may hide stale state (the notebook was not run top to bottom in
  one go: see ``clean_run``), so that ``autograder.grading.review`` can compare those outputs with
  a fresh run.
- The cells the author marked as demos (``Notebook.demo``: a widget or a plot that binds no
  name), as long as the student left them as released; an edited demo cell runs.

They get nbclient's skip tag in the copy nbgrader executes, so the release and the student's
notebook stay as they were. The feedback says which cells were not run, and the notes about
training read the student's own run of them.
"""

import ast

from .. import cell_names, notebooks
from ..hidden import registry

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


def _concept_test(cell) -> str | None:
    """The answer variable a concept question's hidden test cell reads, None for any other cell."""
    try:
        test = registry.get(notebooks.nbgrader_meta(cell).get("grade_id", ""))
    except KeyError:
        return None
    return test.function if test.concept else None


def _shows_question(cell) -> bool:
    """The locked cell that shows a concept question: it runs, so that the feedback shows the
    student the version of the question they answered."""
    shown = notebooks.nbgrader_meta(cell).get("grade_id", "")
    return shown.startswith(notebooks.QUESTION_CELL) and any(
        t.concept and t.function == shown.removeprefix(notebooks.QUESTION_CELL) for t in registry.all_tests())


def _last_function_test(nb) -> int | None:
    """The index of the last graded code cell of ``nb`` that is not a concept question's test
    (written answers, graded by hand, are markdown)."""
    return max((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and notebooks.nbgrader_meta(c).get("grade")
                and _concept_test(c) is None), default=None)


OPAQUE = {"exec", "eval", "globals", "locals", "vars", "get_ipython", "__import__", "setattr", "delattr"}


def _names(cell) -> cell_names.CellNames | None:
    """What a code cell binds and reads (``autograder.cell_names``), None when its source does not
    say (magics, a syntax error, names reached through ``exec`` or ``globals()``)."""
    if any(line.lstrip().startswith(("%", "!")) for line in cell.source.splitlines()):
        return None
    try:
        tree = ast.parse(cell.source)
        names = cell_names.cell_names(0, cell.source)
    except (SyntaxError, ValueError):
        return None
    if any(isinstance(n, ast.Name) and n.id in OPAQUE for n in ast.walk(tree)):
        return None
    return names


def _needed_after(nb, start: int) -> set[int]:
    """The code cells after ``start`` that must run: the graded and the student's answer cells,
    the cells that show concept questions, and every other cell that binds, changes or mentions
    (a call may change it in place: ``costs.append(...)``) a name that a needed cell after it
    reads; a concept question's test reads its answer variable. A cell whose source does not say
    what it binds and reads is needed when any needed cell follows, and then so is every cell
    before it. A module the notebook imports is only used, never changed, by the cells that
    mention it."""
    analysed = {i: _names(c) for i, c in enumerate(nb.cells) if c.cell_type == "code"}
    modules = set().union(*(n.imports for n in analysed.values() if n is not None))
    live: set[str] | None = set()  # None: every name
    needed = set()
    for index in range(len(nb.cells) - 1, start, -1):
        cell = nb.cells[index]
        if cell.cell_type != "code" or is_skipped(cell):
            continue
        meta = notebooks.nbgrader_meta(cell)
        names = analysed[index]
        answer = _concept_test(cell) if notebooks.is_test(cell) else None
        if not (meta.get("grade") or meta.get("solution") or _shows_question(cell)):  # needed?
            if names is None:
                if live == set():
                    continue
            elif live is not None and not (names.binds | names.changes | (names.reads - modules)) & live:
                continue
        needed.add(index)
        reads = {answer} if answer is not None else (None if names is None else names.reads)
        live = None if live is None or reads is None else live | reads
    return needed


def _tail_may_be_stale(submitted, last: int) -> bool:
    """Printed output saved after the last function test that a fresh run might not reproduce."""
    tail = submitted.cells[last + 1:]
    printed = any(o.get("output_type") == "stream" for c in tail if c.cell_type == "code"
                  for o in c.get("outputs", []))
    return printed and not clean_run(submitted)


def mark(graded, release, submitted=None) -> int:
    """Tag the cells of ``graded`` (``submitted`` rebuilt on ``release``) that grading can skip;
    returns how many. A student cell carrying the skip tag is left as the student wanted."""
    demos = {c.get("id"): c.source for c in release.cells if c.cell_type == "code" and DEMO_TAG in _tags(c)}
    last = _last_function_test(graded)
    if last is None:  # no graded function: a notebook of questions only, or not a course notebook
        last = len(graded.cells) if _last_graded(graded) is None else -1
    stale = submitted is not None and last < len(graded.cells) and _tail_may_be_stale(submitted, last)
    needed = set(range(len(graded.cells))) if stale else _needed_after(graded, last)
    count = 0
    for index, cell in enumerate(graded.cells):
        if cell.cell_type != "code" or is_skipped(cell):
            continue
        if (index > last and index not in needed) or demos.get(cell.get("id")) == cell.source:
            cell.setdefault("metadata", {}).setdefault("tags", []).append(SKIP_TAG)
            count += 1
    return count
