"""`python -m autograder release`: student versions of every assignment, checked before they ship.

nbgrader's generate_assignment writes release/<assignment>/ (solutions replaced by stubs, hidden
tests removed, AUTOTEST lines turned into asserts). A debugging lab's answer cell then gets the
buggy code students are to fix instead of a stub. We then add the helper package, with the
earlier assignments' solutions only, and refuse the release (removing it) when the solutions do
not earn full marks or when anything instructor-only reached a student file.
"""

import ast
import inspect
import re
import shutil
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .. import nbgrader_api, notebooks, paths, reference
from ..errors import UserError
from ..hidden import registry
from ..sandbox import kernel, session

SELF_CHECK_STUDENT = "release-self-check"
FORBIDDEN = (
    "BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
    "import autograder", "from autograder", "autograder.hidden", "autograder.reference", "grade_test(",
    "autograder/",  # a path into the instructor's package: a release never names one
    "=== BEGIN MARK SCHEME ===", "=== END MARK SCHEME ===",  # a written answer's mark scheme
)
DISTINCTIVE = 20  # a solution line at least this long (stripped) must not appear in a release
REFERENCE_DISTINCTIVE = 30


class ReleaseRefused(UserError):
    pass


@dataclass
class Released:
    assignment: str
    notebook: Path


def helper_modules_for(assignment: str) -> set[str]:
    """Names of bpkit/solved modules that must NOT ship with ``assignment`` (its own and later)."""
    later = registry.ASSIGNMENTS[registry.ASSIGNMENTS.index(assignment):]
    return {f"{a[3:]}.py" for a in later}


def widgets_used(course_dir: Path, assignment: str) -> set[str]:
    """The bpkit.widgets modules the assignment's notebook imports (only those ship with it)."""
    nb = nbformat.read(notebooks.source_notebook(course_dir, assignment), as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return set(re.findall(r"bpkit\.widgets\.(\w+)", code)) | set(
        name for line in re.findall(r"from bpkit\.widgets import ([\w, ]+)", code)
        for name in re.split(r"[, ]+", line) if name)


def ship_helper_package(course_dir: Path, assignment: str) -> Path:
    """Copy bpkit into the release: earlier assignments' solutions only, and only the widgets the
    notebook uses (a widget of a later-taught idea may hold code a student must write here)."""
    target = course_dir / "release" / assignment / "bpkit"
    if target.exists():
        shutil.rmtree(target)
    excluded = helper_modules_for(assignment)
    widgets = widgets_used(course_dir, assignment)

    def ignore(folder, names):
        skip = {n for n in names if n in ("__pycache__", ".ipynb_checkpoints") or n.endswith(".pyc")}
        if Path(folder).name == "solved":
            skip |= {n for n in names if n in excluded}
        if Path(folder).name == "widgets":
            skip |= {n for n in names if n.endswith(".py") and n != "__init__.py" and n[:-3] not in widgets}
        return skip

    shutil.copytree(course_dir / "bpkit", target, ignore=ignore)
    return target


def _text_files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            try:
                yield path, path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue


def graded_reference_lines(assignment: str) -> set[str]:
    """Distinctive body lines of the reference implementations of this assignment's graded
    functions (signatures and docstrings excluded: the contract makes those public)."""
    lines = set()
    for function in registry.functions_of(assignment):
        source = textwrap.dedent(inspect.getsource(getattr(reference, function)))
        node = ast.parse(source).body[0]
        public = {node.lineno}
        for inner in ast.walk(node):
            if isinstance(inner, ast.FunctionDef | ast.ClassDef):
                public.update(range(inner.lineno, inner.body[0].lineno))
                doc = inner.body[0]
                if isinstance(doc, ast.Expr) and isinstance(getattr(doc, "value", None), ast.Constant):
                    public.update(range(doc.lineno, doc.end_lineno + 1))
        for number, line in enumerate(source.splitlines(), start=1):
            text = line.strip()
            if number not in public and len(text) >= REFERENCE_DISTINCTIVE and not text.startswith("#"):
                lines.add(text)
    return lines


def leaks(course_dir: Path, assignment: str) -> list[str]:
    """Everything instructor-only found in release/<assignment>/ (empty when clean)."""
    release_dir = course_dir / "release" / assignment
    source = nbformat.read(notebooks.source_notebook(course_dir, assignment), as_version=4)
    outside = "\n".join(c.source for c in source.cells if not notebooks.nbgrader_meta(c).get("solution"))
    solution_lines = {
        line.strip() for c in source.cells if notebooks.nbgrader_meta(c).get("solution")
        for line in notebooks.solution_regions(c.source)
        if len(line.strip()) >= DISTINCTIVE and line.strip() not in outside
    }
    public_helpers = "\n".join(f.read_text() for f in (course_dir / "bpkit").rglob("*.py") if "solved" not in f.parts)
    reference_lines = {line for line in graded_reference_lines(assignment)
                       if line not in outside and line not in public_helpers}
    found = []
    for path, text in _text_files(release_dir):
        rel = path.relative_to(course_dir)
        for word in FORBIDDEN:
            if word in text:
                found.append(f"{rel}: contains {word!r}")
        for line in solution_lines:
            if line in text:
                found.append(f"{rel}: contains solution code {line!r}")
        for line in reference_lines:
            if line in text:
                found.append(f"{rel}: contains reference library code {line!r}")
    for name in helper_modules_for(assignment):
        if (release_dir / "bpkit" / "solved" / name).exists():
            found.append(f"release/{assignment}/bpkit/solved/{name}: solutions of this or a later assignment")
    return found


def self_check(course_dir: Path, released: list[Released]) -> list[str]:
    """Autograde the solutions against the fresh release in a scratch copy: anything short of full
    marks on any test, or a failing visible check, is a problem."""
    from ..grading.results import read_results  # late import: results imports feedback machinery

    problems = []
    with tempfile.TemporaryDirectory(prefix="autograder-selfcheck-") as tmp:
        scratch = Path(tmp) / "course"
        scratch.mkdir()
        shutil.copytree(course_dir / "source", scratch / "source")
        shutil.copy2(course_dir / "gradebook.db", scratch / "gradebook.db")
        shutil.copy2(course_dir / "autotests.yml", scratch / "autotests.yml")
        api = nbgrader_api.api(scratch, kernel_name=kernel.KERNEL_NAME)
        nbgrader_api.prepare_kernels(scratch)
        for item in released:
            # The kernel imports bpkit from its folder first: give it exactly what the release ships.
            shutil.copytree(item.notebook.parent / "bpkit", scratch / "source" / item.assignment / "bpkit")
            source = nbformat.read(notebooks.source_notebook(course_dir, item.assignment), as_version=4)
            answer = notebooks.fill_solutions(nbformat.read(item.notebook, as_version=4), source)
            target = scratch / "submitted" / SELF_CHECK_STUDENT / item.assignment / item.notebook.name
            target.parent.mkdir(parents=True)
            nbformat.write(answer, target)
            run = session.autograde(api, item.assignment, SELF_CHECK_STUDENT, item.notebook.parent)
            if not run.success:
                problems.append(f"{item.assignment}: autograding the solutions failed: "
                                f"{run.stopped or nbgrader_api.failure_reason(run.outcome)}")
                continue
            graded = read_results(scratch, SELF_CHECK_STUDENT, item.assignment, item.notebook.stem,
                                  verdicts=run.verdicts)
            for row in graded.tests:
                if row.score < row.max_score:
                    problems.append(f"{item.assignment}: the solution scores {row.score:g}/{row.max_score:g} "
                                    f"on {row.grade_id}: {row.diagnosis}")
            problems += [f"{item.assignment}: {p}" for p in graded.visible_failures]
    return problems


def release(course_dir: Path = paths.COURSE, *, log=print) -> list[Released]:
    course_dir = Path(course_dir).resolve()
    assignment_ids = notebooks.assignments(course_dir)
    if not assignment_ids:
        raise UserError(f"{course_dir} has no assignments under source/: pass the course folder of the kit "
                        "(--course-dir), which holds source/01_cost_functions/ and the others")
    for needed in ("bpkit", "autotests.yml"):
        if not (course_dir / needed).exists():
            raise UserError(f"{course_dir} lacks {needed}: copy it from the kit's course/ folder")
    nbgrader_api.prepare_kernels(course_dir)
    api = nbgrader_api.api(course_dir)
    released = []
    for assignment in assignment_ids:
        log(f"releasing {assignment} ...")
        outcome = api.generate_assignment(assignment, force=True, create=True)
        if not outcome["success"]:
            raise ReleaseRefused(f"nbgrader could not generate {assignment}: {nbgrader_api.failure_reason(outcome)}")
        ship_helper_package(course_dir, assignment)
        name = notebooks.source_notebook(course_dir, assignment).name
        notebooks.hand_out_lab_code(course_dir / "release" / assignment / name)
        released.append(Released(assignment, course_dir / "release" / assignment / name))
    problems = [p for a in assignment_ids for p in leaks(course_dir, a)]
    if not problems:
        log("self-check: grading the solutions against the release ...")
        problems = self_check(course_dir, released)
    if problems:
        shutil.rmtree(course_dir / "release", ignore_errors=True)
        raise ReleaseRefused("release refused (nothing was released):\n  " + "\n  ".join(problems))
    log(f"released {len(released)} assignments into {course_dir / 'release'}")
    return released
