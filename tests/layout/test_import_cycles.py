"""The grader's modules import one another without a cycle, so each can be read, tested and
changed from the bottom up (see docs/DESIGN.md, "Layout").

Only imports at module level count (an import inside a function runs when it is called); a
module that imports ``autograder.a.b`` also depends on the package ``autograder.a``, whose
``__init__`` runs first (unless the importing module is inside that package: it is already
running then).
"""

import ast
from pathlib import Path

import pytest

from autograder import paths

PACKAGE = paths.REPO / "autograder"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(paths.REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def _resolve(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = name.split(".") if is_package else name.split(".")[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``name`` imports at module level, with their packages."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node, name, path.name == "__init__.py")
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        for target in targets:
            parts = target.split(".")
            for i in range(2, len(parts) + 1):  # the package autograder itself imports nothing
                if ".".join(parts[:i]) in known:
                    found.add(".".join(parts[:i]))
    own_packages = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
    return found - own_packages - {name}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, set(known)) for name, path in known.items()}


def test_the_cycle_finder_finds_a_planted_cycle():
    planted = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(planted) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_a_relative_import_resolves_to_the_module_it_names(tmp_path):
    g = graph()
    assert "autograder.grading.job" in g["autograder.grading.local"]
    assert "autograder.sandbox" in g["autograder.grading.local"]  # that package's __init__ runs first
    assert "autograder.sandbox.kernel" in g["autograder.grading.job"]


@pytest.mark.parametrize("package", ["autograder"])
def test_no_import_cycles(package):
    found = cycles(graph())
    assert not found, "import cycles (each line one cycle):\n" + "\n".join(" <-> ".join(c) for c in found)
