"""Which global names each code cell of a notebook binds and reads, and the cells that would
make a notebook depend on the order its cells are run in.

A student runs cells out of order, runs a demo twice, or skips one. A notebook stays correct
under that when every global name that one cell reads from another is bound by exactly one
cell, above every cell that reads it, and changed in place (``name[...] = ``, ``name.x = ``,
``name += ``) by no other cell. Names a cell binds and reads only itself (loop variables,
temporaries) may repeat from cell to cell. The analysis is static (``symtable``): names read
inside a function a cell defines count as read by that cell. Grading uses the same analysis to
find the cells a concept question's answer depends on (``autograder.grading.skipping``).
"""

import ast
import builtins
import symtable
from typing import NamedTuple

IPYTHON_NAMES = {"display", "get_ipython", "In", "Out", "exit", "quit"}


class CellNames(NamedTuple):
    index: int  # the cell's position among all cells of the notebook
    binds: frozenset  # global names the cell assigns, imports or defines
    reads: frozenset  # global names the cell reads that it does not bind itself
    changes: frozenset  # names the cell changes in place without binding them
    imports: frozenset  # the names among ``binds`` that an import statement binds


def _function_reads(table) -> set:
    """Names read in the functions (and classes) ``table`` holds that resolve to the globals."""
    reads = set()
    for child in table.get_children():
        reads |= {symbol.get_name() for symbol in child.get_symbols()
                  if symbol.is_referenced() and symbol.is_global()}
        reads |= _function_reads(child)
    return reads


class _TopLevelReads(ast.NodeVisitor):
    """The names the top level of a cell reads before binding them, in execution order
    (an assignment's value before its targets, a loop's iterable before its variable)."""

    def __init__(self):
        self.bound, self.reads = set(), set()

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load) and node.id not in self.bound:
            self.reads.add(node.id)
        elif not isinstance(node.ctx, ast.Load):
            self.bound.add(node.id)

    def visit_Assign(self, node):
        self.visit(node.value)
        for target in node.targets:
            self.visit(target)

    def visit_AugAssign(self, node):
        self.visit(node.value)
        if isinstance(node.target, ast.Name) and node.target.id not in self.bound:
            self.reads.add(node.target.id)
        self.visit(node.target)

    def visit_For(self, node):
        self.visit(node.iter)
        self.visit(node.target)
        for statement in node.body + node.orelse:
            self.visit(statement)

    def visit_ExceptHandler(self, node):
        if node.type is not None:
            self.visit(node.type)
        if node.name:
            self.bound.add(node.name)
        for statement in node.body:
            self.visit(statement)

    def visit_Import(self, node):
        self.bound |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}

    visit_ImportFrom = visit_Import

    def visit_FunctionDef(self, node):
        for expression in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
            if expression is not None:
                self.visit(expression)
        self.bound.add(node.name)  # the body is read when called: see _function_reads

    def visit_ClassDef(self, node):
        for expression in [*node.decorator_list, *node.bases]:
            self.visit(expression)
        self.bound.add(node.name)

    def visit_Lambda(self, node):
        pass  # its body is a scope of its own: see _function_reads

    def _comprehension(self, node):
        self.visit(node.generators[0].iter)  # the rest is a scope of its own

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension


def _changed_in_place(tree) -> set:
    """Names whose value a statement changes without rebinding them: x[...] = , x.a = , x += ."""
    changed = set()
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            for part in ast.walk(target):
                if isinstance(part, (ast.Subscript, ast.Attribute)):
                    base = part.value
                    while isinstance(base, (ast.Subscript, ast.Attribute)):
                        base = base.value
                    if isinstance(base, ast.Name):
                        changed.add(base.id)
    return changed


def cell_names(index: int, source: str) -> CellNames:
    tree = ast.parse(source)
    table = symtable.symtable(source, f"cell {index}", "exec")
    binds = {symbol.get_name() for symbol in table.get_symbols()
             if symbol.is_assigned() or symbol.is_imported() or symbol.is_namespace()}
    top = _TopLevelReads()
    top.visit(tree)
    reads = top.reads | (_function_reads(table) - binds)
    # Changes inside a function body touch its locals, unless declared global: top level only.
    outside = ast.Module(body=[s for s in tree.body if not isinstance(s, (ast.FunctionDef, ast.ClassDef))],
                         type_ignores=[])
    changes = _changed_in_place(outside) - binds
    known = set(dir(builtins)) | IPYTHON_NAMES
    imports = {symbol.get_name() for symbol in table.get_symbols() if symbol.is_imported()}
    return CellNames(index, frozenset(binds), frozenset(reads - known), frozenset(changes - known), frozenset(imports))


def notebook_names(cells) -> list[CellNames]:
    """CellNames of every code cell of ``cells`` (nbformat cells), in order."""
    return [cell_names(i, c.source) for i, c in enumerate(cells) if c.cell_type == "code"]


def order_problems(cells) -> list[str]:
    """One sentence per global name that makes the result depend on the order cells run in."""
    names = notebook_names(cells)
    problems = []
    read = {}
    for cell in names:
        for name in cell.reads:
            read.setdefault(name, []).append(cell.index)
    for name, readers in sorted(read.items()):
        binders = [c.index for c in names if name in c.binds]
        changers = [c.index for c in names if name in c.changes]
        if not binders:
            continue  # provided by the kernel (or a typo nbval would catch)
        if len(binders) > 1:
            problems.append(f"{name!r}, read by cells {readers}, is bound by several cells {binders}")
        elif any(r <= binders[0] for r in readers):
            problems.append(f"{name!r} is read by cells {readers} but bound only by the later cell {binders[0]}")
        if changers:
            problems.append(f"{name!r}, read by cells {readers}, is changed in place by cells {changers}")
    return problems
