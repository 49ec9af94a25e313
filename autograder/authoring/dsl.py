"""The ``Notebook`` builder the scripts in course/authoring/ use (one script per notebook,
binding the built notebook to ``nb``; ``build.py`` saves and executes it)."""

import ast
import difflib
import inspect
import re
import textwrap
from pathlib import Path

import nbformat

from .. import notebooks, paths
from ..grading import skipping
from ..hidden import concepts, registry
from .solved import solved_module_text, write_solved_module

SCHEMA_VERSION = 3
CONCEPT_INTRO = """Each question below is shown by running its cell: the order of its choices and its numbers are
drawn for you (from your student id, your user name on JupyterHub), so your neighbour's version
may differ. Answer with the letter or the number of *your* version."""
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _nbgrader(grade_id, *, grade=False, solution=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": SCHEMA_VERSION,
            "solution": solution}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _clean(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def hidden_cell_source(test: registry.HiddenTest) -> str:
    what = test.description or "new random inputs"
    told = (f"# Your answer {test.function} is checked when your notebook is graded." if test.concept else
            f"# Hidden tests of {test.function} ({what}) run when your notebook is graded.")
    return "\n".join([
        told,
        "### BEGIN HIDDEN TESTS",
        "from autograder.hidden import grade_test",
        f'grade_test("{test.grade_id}", globals())',
        "### END HIDDEN TESTS",
    ])


class Notebook:
    """A source notebook under construction: cells are appended in reading order."""

    def __init__(self, assignment: str, name: str):
        if assignment not in registry.ASSIGNMENTS:
            raise ValueError(f"unknown assignment {assignment!r}: choose one of {registry.ASSIGNMENTS}")
        self.assignment = assignment
        self.name = name
        self.cells: list = []
        self._solutions: list[str] = []
        self._setup: str | None = None

    @property
    def path(self) -> Path:
        return paths.COURSE / "source" / self.assignment / f"{self.name}.ipynb"

    def _add(self, cell, cell_id: str):
        cell["id"] = cell_id
        self.cells.append(cell)
        return cell

    def markdown(self, text: str):
        return self._add(nbformat.v4.new_markdown_cell(_clean(text)), f"md-{len(self.cells)}")

    def concept_section(self):
        """The heading of the notebook's concept questions, the same in every notebook (each
        question then follows with ``concept``)."""
        return self.markdown(r"""
## Check your understanding

A few questions on the ideas of this notebook, graded like your functions: assign your answer
to the variable named in each cell and run it. A wrong answer is told why it is wrong when
your notebook is graded.
""")

    def code(self, source: str):
        """An ordinary cell the student may run and change (demos, plots, widgets)."""
        return self._add(nbformat.v4.new_code_cell(_clean(source)), f"code-{len(self.cells)}")

    def demo(self, source: str):
        """A widget or plot cell that grading skips (autograder.grading.skipping): it must bind no name
        (only expressions, such as a call that draws), so no later cell can depend on it."""
        code = _clean(source)
        binding = [type(s).__name__ for s in ast.parse(code).body
                   if not isinstance(s, ast.Expr) or any(isinstance(n, ast.NamedExpr) for n in ast.walk(s))]
        if binding:
            raise ValueError(f"a demo cell may only hold expressions, not {', '.join(binding)}: {code[:60]!r}")
        cell = self.code(code)
        cell.metadata["tags"] = [skipping.DEMO_TAG]
        return cell

    def setup(self, source: str):
        """The first code cell: imports (numpy as np and copy first), read-only."""
        if self._setup is not None:
            raise ValueError("a notebook has one setup cell")
        self._setup = _clean(source)
        cell = nbformat.v4.new_code_cell(self._setup, metadata=_nbgrader("setup", locked=True))
        return self._add(cell, "setup")

    def solution(self, function: str, source: str):
        """The student's answer cell for a graded function, with ### BEGIN/END SOLUTION markers."""
        if not registry.tests_for(self.assignment, function):
            raise ValueError(f"{function} has no hidden tests in {self.assignment}")
        code = _clean(source)
        if "### BEGIN SOLUTION" not in code:
            raise ValueError(f"the solution cell of {function} has no ### BEGIN SOLUTION marker")
        self._solutions.append(code)
        return self._add(nbformat.v4.new_code_cell(code, metadata=_nbgrader(function, solution=True)), function)

    def lab(self, function: str, given: str, fixed: str):
        """A "find and fix the bugs" answer cell: students get ``given`` (buggy code) where other
        answer cells have a stub; ``fixed`` is the solution. The fixed lines that differ from the
        given ones become the solution regions, so a release holding one of them is refused."""
        if not registry.tests_for(self.assignment, function):
            raise ValueError(f"{function} has no hidden tests in {self.assignment}")
        given, fixed = _clean(given), _clean(fixed)
        code = lab_solution_source(given, fixed)
        cell = nbformat.v4.new_code_cell(code, metadata=_nbgrader(function, solution=True))
        cell.metadata[notebooks.LAB_META] = {"given": given}
        return self._add(cell, function)

    def check(self, function: str, source: str):
        """The visible self-check of ``function``: ### AUTOTEST lines, no points."""
        grade_id = f"check_{function}"
        cell = nbformat.v4.new_code_cell(_clean(source), metadata=_nbgrader(grade_id, grade=True, locked=True,
                                                                              points=0))
        return self._add(cell, grade_id)

    def hidden_tests(self, function: str):
        """One locked, hidden test cell per registered hidden test of ``function``."""
        tests = registry.tests_for(self.assignment, function)
        if not tests:
            raise ValueError(f"{function} has no hidden tests in {self.assignment}")
        for test in tests:
            cell = nbformat.v4.new_code_cell(hidden_cell_source(test), metadata=_nbgrader(
                test.grade_id, grade=True, locked=True, points=test.points))
            self._add(cell, test.grade_id)

    def concept(self, name: str):
        """A concept question (autograder/hidden/questions.py, its visible text in
        bpkit/questions.py): a read-only cell that shows the kernel's student their own version
        (``questions.show``), the answer cell (between solution markers, the right answer of
        whichever version the kernel shows) and its hidden test cell."""
        question = concepts.question(name)
        if name not in registry.concepts_of(self.assignment):
            raise ValueError(f"{name} is not a concept question of {self.assignment}")
        if not any(c.get("id", "").startswith(notebooks.QUESTION_CELL) for c in self.cells):
            self.markdown(CONCEPT_INTRO)
        show = "\n".join(["# NBVAL_CHECK_OUTPUT", "from bpkit import questions",
                           f'questions.show("{name}")  # your own version: run this cell to see it'])
        self._add(nbformat.v4.new_code_cell(show, metadata=_nbgrader(f"{notebooks.QUESTION_CELL}{name}", locked=True)),
                  f"{notebooks.QUESTION_CELL}{name}")
        code = "\n".join([f"# Replace the lines below by `{name} = <your answer>`, then run the cell.",
                          "### BEGIN SOLUTION", question.answer_source(), "### END SOLUTION"])
        self._add(nbformat.v4.new_code_cell(code, metadata=_nbgrader(name, solution=True)), name)
        self.hidden_tests(name)

    def written(self, name: str, question: str, points: float, mark_scheme: list[tuple[float, str]],
                model_answer: str):
        """A written answer, graded by hand in formgrader: a locked question cell (the question, then
        the mark scheme between the MARK SCHEME delimiters, which the release strips and formgrader
        shows the grader above the answer) and nbgrader's "manually graded answer" cell (markdown,
        ``points``), whose text here is the model answer (the release has "YOUR ANSWER HERE").

        ``mark_scheme``: (points, what a grader looks for) pairs adding up to ``points``."""
        if not re.fullmatch(re.escape(notebooks.WRITTEN_PREFIX) + r"[a-z0-9_]+", name):
            raise ValueError(f"a written answer's name is {notebooks.WRITTEN_PREFIX}<words>, not {name!r}")
        given = sum(p for p, _ in mark_scheme)
        if abs(given - points) > 1e-9:
            raise ValueError(f"the mark scheme of {name} gives {given:g} points, the question {points:g}")
        answer = inspect.cleandoc(model_answer)
        scheme = [notebooks.MARK_SCHEME_BEGIN, f"**Mark scheme ({points:g} points).** What a grader looks for:",
                  *(f"- **{p:g} point{'' if p == 1 else 's'}:** {inspect.cleandoc(what)}" for p, what in mark_scheme),
                  "", "A full-marks answer:", "", *(f"> {line}" if line else ">" for line in answer.splitlines()),
                  notebooks.MARK_SCHEME_END]
        text = "\n".join([f"**Written answer ({points:g} points, graded by hand).** {inspect.cleandoc(question)}", "",
                          "Write your answer in the cell below (double-click it to edit): a few sentences, "
                          "with equations where they help.", "", *scheme])
        cell = nbformat.v4.new_markdown_cell(text, metadata=_nbgrader(f"{name}_question", locked=True))
        self._add(cell, f"{name}_question")
        cell = nbformat.v4.new_markdown_cell(answer, metadata=_nbgrader(name, grade=True, solution=True,
                                                                        points=points))
        return self._add(cell, name)

    def build(self):
        missing = set(registry.functions_of(self.assignment) + registry.concepts_of(self.assignment)) - {
            c["metadata"]["nbgrader"]["grade_id"] for c in self.cells
            if c["metadata"].get("nbgrader", {}).get("solution")
        }
        if missing:
            raise ValueError(f"{self.assignment} lacks solution cells for {sorted(missing)}")
        nb = nbformat.v4.new_notebook(cells=self.cells)
        nb.metadata["kernelspec"] = KERNELSPEC
        nb.metadata["language_info"] = {"name": "python"}
        return nb

    def save(self):
        nb = self.build()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():  # keep the outputs of an earlier execution when only outputs differ
            old = nbformat.read(self.path, as_version=4)
            if [c.source for c in old.cells] == [c.source for c in nb.cells]:
                for new_cell, old_cell in zip(nb.cells, old.cells, strict=True):
                    if new_cell.cell_type == "code":
                        new_cell.outputs, new_cell.execution_count = old_cell.outputs, old_cell.execution_count
                nb.metadata["language_info"] = old.metadata.get("language_info", nb.metadata["language_info"])
        nbformat.write(nb, self.path)
        if self.ships_solutions:
            write_solved_module(self.assignment, self._setup or "", self._solutions)
        return self.path

    @property
    def ships_solutions(self) -> bool:
        """Later assignments use this one's solutions (all but the last)."""
        return self.assignment != registry.ASSIGNMENTS[-1]

    def solved_text(self) -> str:
        return solved_module_text(self.assignment, self._setup or "", self._solutions)


def lab_solution_source(given: str, fixed: str) -> str:
    """``fixed`` with each run of lines that differs from ``given`` between solution markers.

    Raises ValueError if the two agree, or if a fixed line also appears in the given code (a
    release would then seem to hold solution code)."""
    given_lines, fixed_lines = given.splitlines(), fixed.splitlines()
    changed = [(j1, j2) for tag, _, _, j1, j2 in
               difflib.SequenceMatcher(a=given_lines, b=fixed_lines, autojunk=False).get_opcodes()
               if tag in ("replace", "insert")]
    if not changed:
        raise ValueError("a debugging lab's fixed code must change lines of the given code")
    given_set = {line.strip() for line in given_lines}
    out, start = [], 0
    for j1, j2 in changed:
        for line in fixed_lines[j1:j2]:
            if line.strip() in given_set:
                raise ValueError(f"the fixed line {line.strip()!r} also appears in the given code")
        indent = fixed_lines[j1][:len(fixed_lines[j1]) - len(fixed_lines[j1].lstrip())]
        out += fixed_lines[start:j1] + [f"{indent}### BEGIN SOLUTION", *fixed_lines[j1:j2],
                                        f"{indent}### END SOLUTION"]
        start = j2
    return "\n".join(out + fixed_lines[start:])
