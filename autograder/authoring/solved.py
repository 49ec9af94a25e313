"""bpkit/solved/<name>.py: an assignment's solutions, shipped with the assignments after it (as
Coursera's later notebooks provide the earlier ones' functions), generated from the source
notebooks."""

import ast
from pathlib import Path

from .. import notebooks, paths


def solved_module_name(assignment: str) -> str:
    return assignment[3:]


def imports_used(setup: str, code: str) -> list[str]:
    """The import statements of ``setup`` that bind a name ``code`` uses (so a solved module never
    drags in widgets or plotting that a release may not ship)."""
    used = {node.id for node in ast.walk(ast.parse(code)) if isinstance(node, ast.Name)}
    kept = []
    for node in ast.parse(setup).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            bound = {(a.asname or a.name).split(".")[0] for a in node.names}
            if bound & used:
                kept.append(ast.get_source_segment(setup, node))
    return kept


def solved_module_text(assignment: str, setup: str, solutions: list[str]) -> str:
    """bpkit/solved/<name>.py: this assignment's solutions, for the releases that come after it."""
    body = ["\n".join(line for line in code.splitlines() if not notebooks.MARKER.match(line))
            for code in solutions]
    imports = imports_used(setup, "\n\n".join(body))
    return "\n".join([
        f'"""Solutions of assignment {assignment}, provided to the assignments that come after it.',
        "",
        f"Generated from course/authoring/{assignment}.py by `python -m autograder.authoring`: do not edit.",
        f"Never shipped with {assignment} itself.",
        '"""',
        "",
        "# ruff: noqa",
        *imports,
        "",
        "",
        "\n\n\n".join(body),
        "",
    ])


def solved_module_path(assignment: str) -> Path:
    return paths.SOLVED / f"{solved_module_name(assignment)}.py"


def write_solved_module(assignment: str, setup: str, solutions: list[str]) -> Path:
    paths.SOLVED.mkdir(parents=True, exist_ok=True)
    init = paths.SOLVED / "__init__.py"
    if not init.exists():
        init.write_text('"""Solutions of earlier assignments (generated from the course notebooks: do not edit)."""\n')
    target = solved_module_path(assignment)
    target.write_text(solved_module_text(assignment, setup, solutions))
    return target
