"""One graded function of one notebook, as a sequence of normalised tokens.

The function is found by name among the notebook's code cells (the last definition wins, as when
the notebook runs top to bottom). Helpers defined in the same cell that it calls are compared with
it. Normalising makes two bodies that differ only in names, literal values, comments, docstrings
or layout give the same tokens:

- every name the student chose (arguments, locals, helpers and globals of the cell) becomes
  ``V``; names the student did not bind (``np``, ``sigmoid``, ``len``), attributes (``.T``,
  ``np.dot``) and keyword argument names (``axis=``) stay, since they are the course's API;
- numbers become ``N`` and strings ``S`` (``True``, ``False`` and ``None`` stay);
- comments, docstrings and other bare string statements are dropped;
- independent simple statements next to each other (assignments neither of which uses or sets a
  name the other sets) are put in one canonical order, so reordering them changes nothing;
- every line the release skeleton already holds (the signature, given lines such as
  ``m = Y.shape[1]``, ``raise NotImplementedError()``) is dropped, compared token by token, so
  a student who wrote nothing beyond the skeleton has no tokens left.

Each token keeps its place in ``Body.source`` so that matches can be highlighted.
"""

import ast
import io
import keyword
import tokenize
from dataclasses import dataclass, field
from functools import lru_cache

RENAMED, NUMBER, STRING = "V", "N", "S"
_SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.INDENT, tokenize.DEDENT,
         tokenize.ENCODING, tokenize.ENDMARKER}

# what a Body's status means, for the page and the CSV
OK, MISSING, UNPARSABLE, SKELETON = "ok", "not found", "does not parse", "skeleton only"


@dataclass(frozen=True)
class Token:
    text: str  # the normalised token
    statement: int  # which logical line (simple statement or compound header) of the body it is in
    start: tuple[int, int]  # (line, column) in Body.source, lines from 1
    end: tuple[int, int]


@dataclass
class Body:
    """A graded function as submitted: its source (with its same-cell helpers) and its tokens."""

    status: str
    source: str = ""
    tokens: list[Token] = field(default_factory=list)
    note: str = ""


@lru_cache(maxsize=256)  # a notebook's cells are looked through once per graded function
def parse_cell(source: str) -> ast.Module:
    """A code cell's syntax tree (not to be changed: it is shared); IPython magics (``%time``,
    ``!ls``) are read as IPython does."""
    try:
        return ast.parse(source)
    except SyntaxError:
        from IPython.core.inputtransformer2 import TransformerManager

        return ast.parse(TransformerManager().transform_cell(source))


def _defines(tree: ast.Module, name: str):
    found = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
             and n.name == name]
    return found[-1] if found else None


def _mentions(source: str, name: str) -> bool:
    return any(line.lstrip().startswith((f"def {name}", f"class {name}", f"async def {name}"))
               for line in source.splitlines())


def find_definition(cells: list[str], name: str) -> Body | tuple[str, ast.Module, ast.AST]:
    """The cell that defines ``name`` last, its tree and the definition's node; or a Body saying
    why there is none (no such definition, or the cell that holds it does not parse)."""
    found, broken = None, None
    for source in cells:
        try:
            tree = parse_cell(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as err:  # ValueError: null bytes
            if _mentions(source, name):
                broken = (source, err)
            continue
        node = _defines(tree, name)
        if node is not None:
            found, broken = (source, tree, node), None
    if broken is not None:
        source, err = broken
        where = f" (line {err.lineno})" if getattr(err, "lineno", None) else ""
        return Body(UNPARSABLE, source, note=f"the cell defining {name} does not parse{where}: "
                                             f"{getattr(err, 'msg', str(err))}")
    if found is None:
        return Body(MISSING, note=f"no cell defines {name}")
    return found


def _bound_names(nodes) -> set[str]:
    names = set()
    for top in nodes:
        for n in ast.walk(top):
            if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
                names.add(n.id)
            elif isinstance(n, ast.arg):
                names.add(n.arg)
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(n.name)
            elif isinstance(n, ast.alias):
                names.add((n.asname or n.name).split(".")[0])
            elif isinstance(n, ast.ExceptHandler) and n.name:
                names.add(n.name)
            elif isinstance(n, (ast.Global, ast.Nonlocal)):
                names.update(n.names)
    return names


def _top_level_names(tree: ast.Module) -> set[str]:
    """The names a cell binds at its top level (its functions and classes, its globals)."""
    defs = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {n.name for n in tree.body if isinstance(n, defs)} | _bound_names(
        [n for n in tree.body if not isinstance(n, defs)])


def _with_helpers(tree: ast.Module, node) -> list:
    """``node`` and the functions and classes of the same cell it uses, directly or not, in cell order."""
    defs = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    wanted, todo = {node.name}, [node]
    while todo:
        for n in ast.walk(todo.pop()):
            if isinstance(n, ast.Name) and n.id in defs and n.id not in wanted:
                wanted.add(n.id)
                todo.append(defs[n.id])
    return [n for n in tree.body if n is node or (isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                  ast.ClassDef)) and n.name in wanted and
                                                  n.name != node.name)]


def _segment(lines: list[str], node) -> str:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return "\n".join(lines[first - 1:node.end_lineno])


def _string_statements(tree: ast.AST) -> set[tuple[int, int]]:
    """Where docstrings and other bare string statements start: they are dropped like comments."""
    return {(n.lineno, n.col_offset) for n in ast.walk(tree)
            if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}


def _raw_tokens(source: str) -> list[tokenize.TokenInfo]:
    """The tokens that carry code; an f-string (several tokens from Python 3.12 on) is one STRING."""
    fstring_start, fstring_end = getattr(tokenize, "FSTRING_START", None), getattr(tokenize, "FSTRING_END", None)
    out, opened, first = [], 0, None
    for t in tokenize.generate_tokens(io.StringIO(source).readline):
        if t.type == fstring_start:
            opened, first = opened + 1, first or t
        elif t.type == fstring_end:
            opened -= 1
            if not opened:
                out.append(tokenize.TokenInfo(tokenize.STRING, "f''", first.start, t.end, first.line))
                first = None
        elif not opened and t.type not in _SKIP:
            out.append(t)
    return out


def line_keys(source: str) -> set[str]:
    """Each line of ``source`` as its tokens, comments and layout ignored: how skeleton lines are
    recognised in a submission."""
    return set(_line_key_of(_raw_tokens(source)).values())


def _line_key_of(raw: list[tokenize.TokenInfo]) -> dict[int, str]:
    by_line: dict[int, list[str]] = {}
    for t in raw:
        if t.type == tokenize.NEWLINE:
            continue
        by_line.setdefault(t.start[0], []).append(t.string)
    return {line: " ".join(parts) for line, parts in by_line.items()}


def normalise(cells: list[str], name: str, skeleton: str = "") -> Body:
    """The graded function ``name`` as found in ``cells`` (a notebook's code cells, in order),
    normalised, with the lines of ``skeleton`` (the release's cell for ``name``) left out."""
    found = find_definition(cells, name)
    if isinstance(found, Body):
        return found
    try:
        return _normalise(*found, skeleton)
    except (SyntaxError, ValueError, tokenize.TokenError, RecursionError, MemoryError) as err:
        # the definition parsed only as part of an IPython cell (a magic inside it), or is too deep
        return Body(UNPARSABLE, found[0], note=f"the definition of {name} could not be read on its own "
                                               f"({type(err).__name__})")


def _normalise(cell: str, tree: ast.Module, node, skeleton: str) -> Body:
    lines = cell.splitlines()
    source = "\n\n".join(_segment(lines, n) for n in _with_helpers(tree, node)) + "\n"
    unit = ast.parse(source)
    bound = _bound_names(unit.body) | _top_level_names(tree)
    dropped = _string_statements(unit)
    given = line_keys(skeleton) if skeleton else set()
    raw = _raw_tokens(source)
    keys = _line_key_of(raw)
    tokens, depth, skipping_string, statement = [], 0, None, 0
    for i, t in enumerate(raw):
        if t.type == tokenize.NEWLINE:
            statement += 1
            continue
        if t.start in dropped:  # a docstring: skip it and the pieces implicitly joined to it
            skipping_string = t.start[0]
        if skipping_string is not None:
            if t.type == tokenize.STRING:
                continue
            skipping_string = None
        prev = raw[i - 1].string if i and raw[i - 1].type != tokenize.NEWLINE else ""
        nxt = raw[i + 1].string if i + 1 < len(raw) else ""
        if t.type == tokenize.OP and t.string in "([{":
            depth += 1
        elif t.type == tokenize.OP and t.string in ")]}":
            depth -= 1
        if keys.get(t.start[0]) in given:
            continue
        if t.type == tokenize.NAME and not keyword.iskeyword(t.string):
            keyword_argument = depth > 0 and nxt == "=" and prev in ("(", ",")
            text = RENAMED if t.string in bound and prev != "." and not keyword_argument else t.string
        elif t.type == tokenize.NUMBER:
            text = NUMBER
        elif t.type == tokenize.STRING:
            text = STRING
        else:
            text = t.string
        tokens.append(Token(text, statement, t.start, t.end))
    if not tokens:
        return Body(SKELETON, source, note="nothing beyond the release skeleton")
    return Body(OK, source, canonical_order(tokens, unit))


_REORDERABLE = (ast.Assign, ast.AugAssign, ast.AnnAssign)


def _sets_and_uses(node) -> tuple[set[str], set[str]]:
    """The names a simple statement sets (the base of ``grads["dW1"] = ...`` included) and uses."""
    sets, uses = set(), set()
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        for n in ast.walk(target):
            if isinstance(n, ast.Name):
                (sets if isinstance(n.ctx, ast.Store) else uses).add(n.id)
        base = target
        while isinstance(base, (ast.Subscript, ast.Attribute)):
            base = base.value
        if isinstance(base, ast.Name):
            sets.add(base.id)
    for n in ast.walk(node.value) if node.value is not None else ():
        if isinstance(n, ast.Name):
            uses.add(n.id)
    if isinstance(node, ast.AugAssign):
        uses |= sets
    return sets, uses


def _runs(tree: ast.AST):
    """Runs of consecutive reorderable statements in every block of ``tree``."""
    for node in ast.walk(tree):
        for field_name in ("body", "orelse", "finalbody"):
            block = getattr(node, field_name, None)
            if not isinstance(block, list):
                continue
            run = []
            for stmt in [*block, None]:
                if isinstance(stmt, _REORDERABLE):
                    run.append(stmt)
                    continue
                if len(run) > 1:
                    yield run
                run = []


def canonical_order(tokens: list[Token], tree: ast.AST) -> list[Token]:
    """``tokens`` with each run of neighbouring assignments in one canonical order: by the length
    of the chain of dependencies that leads to each (which reordering independent lines does not
    change), then by normalised text. Lines with equal keys have the same tokens, so their own
    order does not matter."""
    by_statement: dict[int, list[Token]] = {}
    for t in tokens:
        by_statement.setdefault(t.statement, []).append(t)
    first_line = {group[0].start[0]: sid for sid, group in by_statement.items()}
    new_place: dict[int, int] = {}  # statement id -> the statement id whose place it takes
    for whole in _runs(tree):
        run = [stmt for stmt in whole if stmt.lineno in first_line]  # the skeleton's lines are gone
        ids = [first_line[stmt.lineno] for stmt in run]
        if len(set(ids)) != len(ids):
            continue  # two statements on one line: leave the run alone
        info = [_sets_and_uses(stmt) for stmt in run]
        after = {i: {j for j in range(i) if info[j][0] & info[i][1] or info[j][1] & info[i][0]
                     or info[j][0] & info[i][0]} for i in range(len(run))}
        text = {i: " ".join(t.text for t in by_statement[ids[i]]) for i in range(len(run))}
        level: dict[int, int] = {}
        for i in range(len(run)):  # the longest chain of dependencies leading to i: the same in any order
            level[i] = 1 + max((level[j] for j in after[i]), default=-1)
        order = sorted(range(len(run)), key=lambda i: (level[i], text[i], i))
        for place, i in zip(ids, order, strict=True):
            new_place[place] = ids[i]
    if not new_place:
        return tokens
    out = []
    for sid in sorted(by_statement):
        out += by_statement[new_place.get(sid, sid)]
    return out
