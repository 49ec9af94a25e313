"""Single mutants of a reference function's own formulas: the slips students make with operators.

The search (``search.py``) perturbs what a reference function calls and what it is given; a slip
inside a formula the reference writes with operators (``dA * s * (1 - s)`` typed as
``dA * s - s**2``, ``(AL - Y)**2`` expanded as ``AL**2 - Y**2``, ``/ m`` as ``/ (m - 1)``) is
reached only by changing the formula itself. ``mutants(fn)`` parses ``fn``'s source with ``ast``
and yields one compiled copy per single change, simplest first:

- one term of a sum dropped, one factor of a product dropped (or the division left out);
- an operator replaced (+ and -, * and /, @ and *);
- a constant replaced by 0, 1, 2 or 1/2, or by a name in scope (``A1 * (1 - A1)`` for
  ``1 - A1**2``);
- a subexpression negated, or its minus sign dropped;
- a ``.T`` left out; an ``axis`` changed or left out, ``keepdims`` left out;
- a square dropped, a subexpression squared, the square of a sum taken term by term;
- brackets dropped around a sum that multiplies (``dA * 1 - t**2``), or one factor multiplied into
  only the first term of the bracket (``dA * s - s**2``);
- a name replaced by another name in scope (``cache`` for ``s``, ``dW2`` for ``W2``), a divisor
  or a range bound off by one.

Each copy is compiled in a copy of the reference module's namespace (the module itself is never
patched) and says, in words and with the changed piece of code, what differs. The pieces shown
are operators, names and the small constants of the formula, never a computed value.
"""

import ast
import copy
import functools
import inspect
import textwrap
import types
from collections.abc import Callable, Iterator
from fractions import Fraction

OPERATOR_SWAPS = {ast.Add: (ast.Sub,), ast.Sub: (ast.Add,), ast.Mult: (ast.Div,), ast.Div: (ast.Mult,),
                  ast.MatMult: (ast.Mult,)}
SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.MatMult: "@", ast.Pow: "**"}
CONSTANTS = (0, 1, 2, 0.5)
AXES = (0, 1, None)


@functools.lru_cache(maxsize=64)
def _parsed(fn) -> ast.FunctionDef | None:
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError):
        return None
    node = tree.body[0] if tree.body else None
    return node if isinstance(node, ast.FunctionDef) else None


def mutants(fn, kinds=None) -> Iterator[tuple[Callable, str]]:
    """(a copy of ``fn`` with one change in its formulas, what differs in words) for every
    generated change of ``kinds`` (by default all of KINDS, in order); nothing for a function whose
    source cannot be read."""
    original = _parsed(fn)
    if original is None or not isinstance(fn, types.FunctionType):
        return
    seen = set()
    for index, new, words in _changes(original, KINDS if kinds is None else kinds):
        mutated = _substituted(original, index, new)
        text = ast.unparse(mutated)
        if text in seen:  # two changes that give the same code
            continue
        seen.add(text)
        compiled = _compiled(fn, mutated)
        if compiled is not None:
            yield compiled, f"{words}, in {fn.__name__}"


def _compiled(fn, tree: ast.FunctionDef):
    module = ast.fix_missing_locations(ast.Module(body=[tree], type_ignores=[]))
    scope = dict(fn.__globals__)  # a copy: the reference module is never patched
    try:
        exec(compile(module, f"<{fn.__name__}, changed>", "exec"), scope)  # noqa: S102 - the reference's own source
    except Exception:
        return None
    new = scope[fn.__name__]
    new.__kwdefaults__ = fn.__kwdefaults__
    return new


def _body_nodes(fn_node: ast.FunctionDef) -> list[tuple[int, ast.AST]]:
    """(index in ast.walk order, node) of every node of the body, the docstring left out."""
    body = fn_node.body
    skip = set()
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        skip = {id(n) for n in ast.walk(body[0])}
    skip |= {id(n) for arg in [fn_node.args] for n in ast.walk(arg)}
    skip |= {id(n) for d in fn_node.decorator_list for n in ast.walk(d)}
    return [(i, n) for i, n in enumerate(ast.walk(fn_node)) if id(n) not in skip]


def _substituted(tree, index, new):
    """A copy of ``tree`` with its node number ``index`` (ast.walk order) replaced by ``new``."""
    tree = copy.deepcopy(tree)
    nodes = list(ast.walk(tree))
    target, new = nodes[index], copy.deepcopy(new)
    for parent in nodes:
        for field, value in ast.iter_fields(parent):
            if value is target:
                setattr(parent, field, new)
                return tree
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is target:
                        value[i] = new
                        return tree
    return tree


def _in_scope(fn_node: ast.FunctionDef) -> list[str]:
    """The function's parameters and the names it assigns, in order of appearance."""
    names = [a.arg for a in fn_node.args.posonlyargs + fn_node.args.args]  # keyword-only: the reference's own
    for node in ast.walk(fn_node):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.append(node.id)
    return list(dict.fromkeys(names))


def show(node) -> str:
    """``node`` as code, its float constants written as a student would (1 for 1.0, 1/2 for 0.5),
    so that a message prints no decimal number."""
    node = copy.deepcopy(node)
    for sub in ast.walk(node):
        for field, value in ast.iter_fields(sub):
            if isinstance(value, ast.Constant) and isinstance(value.value, float):
                setattr(sub, field, _plain(value.value))
            elif isinstance(value, list):
                value[:] = [_plain(v.value) if isinstance(v, ast.Constant) and isinstance(v.value, float) else v
                            for v in value]
    if isinstance(node, ast.Constant) and isinstance(node.value, float):
        node = _plain(node.value)
    return ast.unparse(node)


def _plain(value: float) -> ast.AST:
    if value.is_integer():
        return ast.Constant(int(value))
    fraction = Fraction(value).limit_denominator(1000)
    if float(fraction) == value:
        return ast.BinOp(ast.Constant(fraction.numerator), ast.Div(), ast.Constant(fraction.denominator))
    return ast.Name(f"{value:.0e}")


def _changes(fn_node: ast.FunctionDef, kinds) -> Iterator[tuple[int, ast.AST, str]]:
    """(index of the node changed, its replacement, what differs) for every single change of
    ``kinds``, kind by kind."""
    nodes = _body_nodes(fn_node)
    names = _in_scope(fn_node)
    internal = {a.arg for a in fn_node.args.kwonlyargs}
    nodes = [(i, n) for i, n in nodes if not (isinstance(n, ast.Name) and n.id in internal)]
    parents = {id(child): parent for parent in ast.walk(fn_node) for child in ast.iter_child_nodes(parent)}
    for kind in kinds:
        for index, node in nodes:
            for new, words in kind(node, names, parents.get(id(node))):
                yield index, new, words


def _in_context(parent, old, new) -> str:
    """``old`` replaced by ``new`` shown with the expression around it (`A_prev.shape[0]`, not `0`).
    Only the changed expression is shown, never the reference's own."""
    if not isinstance(parent, ast.expr):
        return f"`{show(new)}`"
    changed = copy.copy(parent)
    for field, value in ast.iter_fields(parent):
        if value is old:
            setattr(changed, field, new)
        elif isinstance(value, list):
            setattr(changed, field, [new if item is old else item for item in value])
    return f"`{show(changed)}`"


def _is_sum(node) -> bool:
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub)


def _dropped(node, names, parent):
    if not isinstance(node, ast.BinOp):
        return
    if isinstance(node.op, ast.Add):
        yield node.left, f"the term `{show(node.right)}` dropped"
        yield node.right, f"the term `{show(node.left)}` dropped"
    elif isinstance(node.op, ast.Sub):
        yield node.left, f"the term `{show(node.right)}` dropped"
        yield ast.UnaryOp(ast.USub(), node.right), f"the term `{show(node.left)}` dropped"
    elif isinstance(node.op, ast.Mult | ast.MatMult):
        yield node.left, f"the factor `{show(node.right)}` dropped"
        yield node.right, f"the factor `{show(node.left)}` dropped"
    elif isinstance(node.op, ast.Div):
        yield node.left, f"the division by `{show(node.right)}` left out"


def _operators(node, names, parent):
    if isinstance(node, ast.BinOp):
        for op in OPERATOR_SWAPS.get(type(node.op), ()):
            new = ast.BinOp(node.left, op(), node.right)
            yield new, f"`{show(new)}` ({SYMBOL[op]} for {SYMBOL[type(node.op)]})"


def _constants(node, names, parent):
    if not isinstance(node, ast.Constant) or isinstance(node.value, bool) or not isinstance(node.value, int | float):
        return
    for value in CONSTANTS:
        if value != node.value:
            new = ast.Constant(value)
            yield new, _in_context(parent, node, new)
    if node.value == 1:
        for name in names:
            new = ast.Name(name, ast.Load())
            yield new, _in_context(parent, node, new)


def _signs(node, names, parent):
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        yield node.operand, f"the minus sign of `{show(node.operand)}` dropped"
    elif isinstance(node, ast.BinOp | ast.Call) or (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)):
        yield ast.UnaryOp(ast.USub(), node), f"the sign of `{show(node)}` flipped"


def _transposes(node, names, parent):
    if isinstance(node, ast.Attribute) and node.attr == "T":
        yield node.value, f"`{show(node.value)}` (the transpose left out)"


def _axes(node, names, parent):
    if not isinstance(node, ast.Call):
        return
    for i, keyword in enumerate(node.keywords):
        if keyword.arg not in ("axis", "keepdims"):
            continue
        rest = node.keywords[:i] + node.keywords[i + 1:]
        new = ast.Call(node.func, node.args, rest)
        yield new, f"`{show(new)}` ({keyword.arg} left out)"
        if keyword.arg == "axis" and isinstance(keyword.value, ast.Constant):
            for axis in AXES:
                if axis != keyword.value.value:
                    changed = ast.keyword("axis", ast.Constant(axis))
                    new = ast.Call(node.func, node.args, rest[:i] + [changed] + rest[i:])
                    yield new, f"`{show(new)}` (another axis)"


def _powers(node, names, parent):
    if not isinstance(node, ast.BinOp):
        return
    if isinstance(node.op, ast.Pow):
        yield node.left, f"`{show(node.left)}` (a power dropped)"
        if _is_sum(node.left):
            inner = node.left
            new = ast.BinOp(ast.BinOp(inner.left, ast.Pow(), node.right), inner.op,
                            ast.BinOp(inner.right, ast.Pow(), node.right))
            yield new, f"`{show(new)}` (the power taken term by term)"
    elif isinstance(node.op, ast.Add | ast.Sub | ast.Mult | ast.Div):
        new = ast.BinOp(node, ast.Pow(), ast.Constant(2))
        yield new, f"`{show(node)}` squared"


def _factors(node) -> list:
    """The factors of a product written a * b * c (left to right)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return _factors(node.left) + [node.right]
    return [node]


def _divided(node, names, parent):
    """A product of three or more factors written as the first divided by the rest."""
    factors = _factors(node)
    if len(factors) >= 3:
        new = ast.BinOp(factors[0], ast.Div(), _product(factors[1:]))
        yield new, f"`{show(new)}` (divided where it should multiply)"


def _product(factors):
    return functools.reduce(lambda a, b: ast.BinOp(a, ast.Mult(), b), factors)


def _brackets(node, names, parent):
    """A sum in brackets multiplying something: the brackets dropped, or one factor multiplied
    into only the first term."""
    if not isinstance(node, ast.BinOp) or not isinstance(node.op, ast.Mult):
        return
    if _is_sum(node.right):
        factors, bracket = _factors(node.left), node.right
        first = _product(factors + [bracket.left])
        new = ast.BinOp(first, bracket.op, bracket.right)
        yield new, f"`{show(new)}` (brackets dropped)"
        for i, factor in enumerate(factors):
            others = factors[:i] + factors[i + 1:]
            if others:
                new = ast.BinOp(first, bracket.op, _product(others + [bracket.right]))
                yield new, f"`{show(new)}` (`{show(factor)}` multiplied into only the first term of a bracket)"
    if _is_sum(node.left):
        bracket = node.left
        new = ast.BinOp(bracket.left, bracket.op, ast.BinOp(bracket.right, ast.Mult(), node.right))
        yield new, f"`{show(new)}` (brackets dropped)"


def _renamed(node, names, parent):
    loaded = (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in names) or (
        isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and isinstance(node.slice, ast.Constant))
    if not loaded:
        return
    for name in names:
        if name != show(node):
            new = ast.Name(name, ast.Load())
            yield new, _in_context(parent, node, new)


def _off_by_one(node, names, parent):
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        value = node.right
        for op in (ast.Sub(), ast.Add()):
            shifted = ast.BinOp(value, op, ast.Constant(1))
            new = ast.BinOp(node.left, node.op, shifted)
            yield new, f"`{show(shifted)}` (one off)"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range":
        for i, arg in enumerate(node.args):
            for op in (ast.Sub(), ast.Add()):
                shifted = ast.BinOp(arg, op, ast.Constant(1))
                new = ast.Call(node.func, node.args[:i] + [shifted] + node.args[i + 1:], node.keywords)
                yield new, f"`{show(new)}` (a range one off)"


# The kinds of change, simplest first: the search tries every function's changes of one kind before
# the next kind.
KINDS = (_dropped, _operators, _constants, _signs, _transposes, _axes, _powers, _brackets, _divided,
         _renamed, _off_by_one)
