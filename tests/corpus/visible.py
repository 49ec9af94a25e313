"""A notebook's visible checks run in-process, as a released notebook runs them for a student.

nbgrader bakes every ``### AUTOTEST`` / ``### HASHED AUTOTEST`` line of a check cell into an
assert with the templates of course/autotests.yml, evaluating the snippet with the solution; the
student's kernel then runs the baked cell. Here the same templates are rendered, the snippet is
evaluated in the source notebook's namespace (solutions) and the baked line runs in the student's
(``parity.namespace_of`` with the student's answers).
"""

from functools import cache

import jinja2
import nbformat
import yaml

from autograder import notebooks, paths
from tests.corpus.parity import namespace_of

AUTOTEST, HASHED = "### AUTOTEST", "### HASHED AUTOTEST"
SALT = "visible"


@cache
def _templates() -> dict:
    return yaml.safe_load((paths.COURSE / "autotests.yml").read_text())["python3"]


def _render(text: str, **names) -> str:
    return jinja2.Environment(loader=jinja2.BaseLoader).from_string(text).render(**names)


def cell_source(assignment: str, *, grade_id: str | None = None, containing: str | None = None) -> str:
    """The source of the source notebook's code cell ``grade_id``, or of the first that holds ``containing``."""
    nb = nbformat.read(notebooks.source_notebook(paths.COURSE, assignment), as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if grade_id is not None and notebooks.nbgrader_meta(cell).get("grade_id") == grade_id:
            return cell.source
        if containing is not None and containing in cell.source:
            return cell.source
    raise LookupError(f"no such cell in {assignment}: {grade_id or containing}")


def _baked(snippet: str, hashed: bool, solution: dict) -> str:
    """The assert nbgrader writes for one autotest snippet, its value taken from ``solution``."""
    t = _templates()
    test = _render(t["normalize"], snippet=snippet)
    if hashed:
        test = _render(t["hash"], snippet=test, salt=SALT)
    value = eval(test, solution)  # noqa: S307 - the course's own check snippets
    message = _render(t["templates"]["default"][0]["fail"], snippet=snippet)
    return _render(t["check"], snippet=test, value=value, message=message)


def failure(assignment: str, function: str, answers: dict, source: str | None = None) -> str | None:
    """The AssertionError text a student with ``answers`` (grade id -> code) sees first when the
    check cell of ``function`` (or the cell ``source``) runs, or None when it passes."""
    source = source if source is not None else cell_source(assignment, grade_id=f"check_{function}")
    solution, student = namespace_of(paths.COURSE, assignment, {}), namespace_of(paths.COURSE, assignment, answers)
    setup = _templates()["setup"]
    exec(setup, solution)  # noqa: S102
    exec(setup, student)  # noqa: S102
    code: list[str] = []
    try:
        for line in source.splitlines():
            mark = HASHED if line.startswith(HASHED) else AUTOTEST if line.startswith(AUTOTEST) else None
            if mark is None:
                code.append(line)
                continue
            if code:
                for namespace in (solution, student):
                    exec("\n".join(code), namespace)  # noqa: S102
                code = []
            for snippet in filter(None, (s.strip() for s in line[len(mark):].split(";"))):
                exec(_baked(snippet, mark == HASHED, solution), student)  # noqa: S102
        if code:
            exec("\n".join(code), student)  # noqa: S102
    except AssertionError as error:
        return str(error)
    return None
