"""Diagnosis by search: name a wrong answer that no catalogued mistake explains.

A failed part is compared with a generated family of plausible alternatives, each the reference
function of the test (the single source of truth) with one perturbation, run on the test's own
inputs. The perturbations, simplest first:

- the value meant for another part; for a number, 1 minus it or a factor a student drops or adds
  (2, 1/2, m, 2m, m * m, 100);
- another choice for a string argument (another activation, the other cost);
- the reference's siblings (same parameters: another derivative, the other cost), and a sibling's
  formula evaluated on this function's activation;
- a number argument at its default, 1, 2x, x/2, -x, 3x..5x, an integer off by one;
- a reference function the reference calls replaced by a sibling, skipped, called with another
  string argument or with an argument frozen at its first call (a value not updated in a loop);
- a module constant the reference reads replaced (the hidden or output activation, how often the
  cost is recorded, the threshold);
- a numpy primitive changed (np.sum over another axis or without keepdims, log10 or log2 for log,
  no clipping, np.where's branches swapped, the activation a derivative formula evaluates);
- the same perturbations one call further down (in the functions the reference calls);
- an argument passed through, swapped with or used for another, slipping in a formula (a square
  or a (1 - x) factor dropped, a misplaced parenthesis), negated, 0, 1, summed, 1 minus it, an
  activation applied to it; the result taken one chain-rule step too far; every index into a list
  argument off by one, or the list reversed;
- the term of one label's examples dropped, its sign flipped or counted twice;
- for a derivative of the cost, a sibling cost taken of each example (the per-example loss);
- one slip inside a formula of the reference or of a function it calls (``formulas.mutants``: a
  term or factor dropped, an operator swapped, a constant or a name replaced, brackets dropped,
  ...), kind by kind.

The first alternative that matches the student's part, and not the expected one, names the
mistake in the student's terms. When none does, ``describe`` says where and how the part is wrong
(only where Z < 0, only the last row, the first k costs right and the rest wrong, the sign
flipped only where ..., off by a multiple of W). The search runs only for parts that failed with no catalogued mistake
matching, and tries at most ``Problem.budget`` alternatives. No message shows an expected value.
"""

import copy
import inspect
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from autograder import reference

from .compare import ATOL, RTOL, UNEXPLAINED, close, numeric, said
from .formulas import KINDS, mutants

MATCH = "{name} match{es} what you get with "
BUDGET = 1000
FORWARDS = {"sigmoid": reference.sigmoid, "tanh": reference.tanh, "relu": reference.relu}
STRING_CHOICES = (tuple(reference.ACTIVATIONS), ("MSE", "CE"))
# How a reference constant reads in a student's terms: {value} the alternative, {orig} the right one.
CONSTANT_WORDS = {
    "HIDDEN_ACTIVATION": "{value} in the hidden layers (they use {orig})",
    "OUTPUT_ACTIVATION": "{value} in the output layer (it uses {orig})",
    "COST_EVERY": "the cost recorded every {value} iterations (every {orig} belongs)",
    "THRESHOLD": "the threshold {value} where {orig} belongs (THRESHOLD)",
}


@dataclass(frozen=True)
class Alternative:
    """One generated wrong answer: ``change`` says, in the student's terms, what differs."""

    change: str
    compute: Callable[[], object]
    runs_reference: bool = True  # False: made from the expected parts alone, costs nothing

    @property
    def template(self) -> str:
        return MATCH + self.change.replace("{", "{{").replace("}", "}}") + "."


@dataclass
class Problem:
    """What a hidden test ran: ``reference(*args)`` is the expected output.

    ``perturb_inputs``: whether argument perturbations are tried (off for training runs, whose
    inputs are data); ``budget``: at most this many alternatives are computed.
    """

    reference: Callable
    args: tuple
    perturb_inputs: bool = True
    budget: int = BUDGET

    @property
    def names(self) -> list[str]:
        try:
            return list(inspect.signature(self.reference).parameters)[: len(self.args)]
        except (TypeError, ValueError):
            return [f"argument {i + 1}" for i in range(len(self.args))]

    def explain(self, parts, act_parts, exp_parts, layout, m) -> list:
        """Name the mistake of each part in ``parts`` the search can; returns (part, template of
        the matching alternative) pairs. Parts no alternative matches get a description of their error
        pattern when one is clear (set on the part itself)."""
        found = []
        open_parts = list(parts)
        for alternative in self.alternatives(exp_parts, layout):
            if not open_parts:
                break
            try:
                # errstate is per thread (the oracle's): the grader's own warning filters stay as they are
                with np.errstate(all="ignore"):
                    out = alternative.compute()
                    variant = out.parts if isinstance(out, _Split) else layout.split(out)
            except Exception:  # an alternative that cannot run explains nothing
                continue
            for part in list(open_parts):
                if not close(variant[part.name], exp_parts[part.name]) and close(
                        act_parts[part.name], variant[part.name]):
                    found.append((part, alternative.template))
                    open_parts.remove(part)
        for part in open_parts:
            if part.key in UNEXPLAINED:
                described = describe(part.name, act_parts[part.name], exp_parts[part.name], self)
                if described is not None:
                    part.message, part.key = described.message, described.key
        return found

    # -- the generated family ----------------------------------------------------------------

    def alternatives(self, exp_parts, layout) -> Iterator[Alternative]:
        count = 0
        for alternative in self._generate(exp_parts, layout):
            if alternative.runs_reference:
                if count >= self.budget:
                    return
                count += 1
            yield alternative

    def _call(self, fn=None, args=None):
        fn, args = fn or self.reference, self.args if args is None else args
        return lambda: fn(*copy.deepcopy(args))

    def _generate(self, exp_parts, layout):
        fn, args, names = self.reference, self.args, self.names
        yield from _other_parts(exp_parts, layout, self._batch())
        for i, value in enumerate(args):
            for choice in _string_choices(value):
                yield Alternative(f"{names[i]}={choice!r} where {value!r} belongs",
                                  self._call(args=_replaced(args, i, choice)))
        if _is_reference(fn):
            for other in _siblings(fn.__name__):
                yield Alternative(f"{other} where {fn.__name__} belongs", self._call(fn=getattr(reference, other)))
            for other in _siblings(fn.__name__):
                for variant, activation in _formula_on(getattr(reference, other), _activation_of(fn)):
                    yield Alternative(f"{other}'s formula applied to {activation}(Z)", self._call(fn=variant))
        yield from self._number_alternatives()
        for variant, change in _variants(fn, depth=2):
            yield Alternative(change, self._call(fn=variant))
        if self.perturb_inputs:
            yield from self._input_alternatives()
            yield from self._label_subsets()
        if _is_reference(fn):
            yield from self._per_example_alternatives()
            yield from self._formula_alternatives()

    def _formula_alternatives(self):
        """One slip inside a formula the reference writes with operators, in the function itself
        and then in the reference functions it calls."""
        fn = self.reference
        for kind in KINDS:
            for variant, change in mutants(fn, (kind,)):
                yield Alternative(change, self._call(fn=variant))
            for dep in _dependencies(fn):
                for variant, change in mutants(fn.__globals__[dep], (kind,)):
                    yield Alternative(change, self._call(fn=rebind(fn, **{dep: variant})))

    def _per_example_alternatives(self):
        """For a derivative of the cost: a sibling cost taken of each example on its own (the
        per-example loss returned where its derivative belongs)."""
        names, fn = self.names, self.reference
        if "Y" not in names or "AL" not in names:
            return
        m = self._batch()
        if not m:
            return

        def per_example(other):
            columns = []
            for j in range(m):
                args = [a[:, j:j + 1] if isinstance(a, np.ndarray) and a.ndim == 2 and a.shape[1] == m else a
                        for a in copy.deepcopy(self.args)]
                columns.append(float(numeric(other(*args))))
            return np.array(columns).reshape(1, m)

        for other in _siblings(fn.__name__):
            if other.startswith("compute_cost"):
                cost = getattr(reference, other)
                yield Alternative(f"{other} of each example on its own (the per-example loss where "
                                  f"{fn.__name__}, its derivative, belongs)", lambda cost=cost: per_example(cost))

    def _batch(self) -> int | None:
        """m, the number of examples (columns of Y), when the inputs have a Y."""
        names = self.names
        Y = self.args[names.index("Y")] if "Y" in names else None
        return Y.shape[1] if isinstance(Y, np.ndarray) and Y.ndim == 2 else None

    def _input_alternatives(self):
        args, names = self.args, self.names
        leaves = [leaf for i, value in enumerate(args) for leaf in _leaves(value, names[i], (i,))]
        for _, name, value in leaves:
            yield Alternative(f"{name} passed through unchanged", lambda value=value: value, False)
        for i, value in enumerate(args):
            if isinstance(value, dict) and value:
                flipped = {k: -v if isinstance(v, np.ndarray) else v for k, v in value.items()}
                yield Alternative(f"the sign of every entry of {names[i]} flipped",
                                  self._call(args=_replaced(args, i, flipped)))
        for a, (path_a, name_a, value_a) in enumerate(leaves):
            for path_b, name_b, value_b in leaves[a + 1:]:
                if value_a.shape == value_b.shape:
                    swapped = _set(_set(args, path_a, value_b), path_b, value_a)
                    yield Alternative(f"{name_a} and {name_b} swapped", self._call(args=swapped))
        for path_a, name_a, value_a in leaves:
            for path_b, name_b, value_b in leaves:
                if path_a != path_b and value_a.shape == value_b.shape:
                    yield Alternative(f"{name_b} where {name_a} belongs",
                                      self._call(args=_set(args, path_a, value_b)))
        for path, name, value in leaves:
            for kind, words in _Slip.WORDS.items():
                yield Alternative(words.format(x=name), self._call(args=_set(args, path, _Slip.of(value, kind))))
        for path, name, value in leaves:
            yield Alternative(f"the sign of {name} flipped", self._call(args=_set(args, path, -value)))
            yield Alternative(f"{name} left out (as if it were 0)",
                              self._call(args=_set(args, path, np.zeros_like(value))))
            yield Alternative(f"{name} left out (as if it were 1)",
                              self._call(args=_set(args, path, np.ones_like(value))))
            if value.size > 1:
                yield Alternative(f"{name} summed into one number (np.sum without an axis)",
                                  self._call(args=_set(args, path, np.full_like(value, value.sum()))))
            if value.size and value.min() >= 0 and value.max() <= 1:
                yield Alternative(f"1 - {name} where {name} belongs",
                                  self._call(args=_set(args, path, 1 - value)))
            for g, forward in FORWARDS.items():
                yield Alternative(f"{g}({name}) where {name} belongs",
                                  self._call(args=_set(args, path, forward(value)[0])))
        for _, name, value in leaves:
            if value.size and value.min() > 0 and value.max() < 1:  # an activation's output, A
                for g, local in (("sigmoid", lambda A: A * (1 - A)), ("tanh", lambda A: 1 - A**2)):
                    yield Alternative(f"the result multiplied by the {g} derivative of {name} as well "
                                      f"(the chain rule taken one step too far)",
                                      lambda local=local, value=value: numeric(self._call()()) * local(value))
        for i, value in enumerate(args):
            if isinstance(value, list) and value and not isinstance(value[0], int | float):
                for shift, words in ((1, "one too high"), (-1, "one too low")):
                    yield Alternative(f"every index into {names[i]} {words} ({names[i]}[l] where "
                                      f"{names[i]}[l {'-' if shift > 0 else '+'} 1] belongs)",
                                      self._call(args=_replaced(args, i, _Shifted(value, shift))))
                yield Alternative(f"{names[i]} in reverse order",
                                  self._call(args=_replaced(args, i, value[::-1])))

    def _number_alternatives(self):
        args, names = self.args, self.names
        try:
            defaults = {k: p.default for k, p in inspect.signature(self.reference).parameters.items()}
        except (TypeError, ValueError):
            defaults = {}
        for i, value in enumerate(args):
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            name = names[i]
            options = []
            default = defaults.get(name, inspect.Parameter.empty)
            if isinstance(default, int | float) and not isinstance(default, bool) and default != value:
                options.append((default, f"the default {name}={default!r} where the {name} argument belongs"))
            if isinstance(value, int):
                options += [(value - 1, f"{name} - 1 where {name} belongs (a range one short)"),
                            (value + 1, f"{name} + 1 where {name} belongs (a range one too long)")]
            else:
                options += [(1.0, f"{name} left out (as if it were 1)"),
                            (2 * value, f"twice {name}"), (value / 2, f"half of {name}"),
                            (-value, f"the sign of {name} flipped"),
                            *((k * value, f"{k} times {name} (the step taken {k} times?)") for k in (3, 4, 5))]
            for new, change in options:
                yield Alternative(change, self._call(args=_replaced(args, i, new)))

    def _label_subsets(self):
        """A cost or a derivative with the term of one label's examples dropped, its sign flipped
        or counted twice."""
        names = self.names
        if "Y" not in names:
            return
        Y = self.args[names.index("Y")]
        if not isinstance(Y, np.ndarray) or Y.ndim != 2 or Y.shape[0] != 1 or not np.isin(Y, (0, 1)).all():
            return
        m = Y.shape[1]

        def over(keep):
            """The reference over the examples ``keep`` only, as a share of the whole batch."""
            args = [a[:, keep] if isinstance(a, np.ndarray) and a.ndim == 2 and a.shape[1] == m else a
                    for a in copy.deepcopy(self.args)]
            out = numeric(self.reference(*args))
            if out.ndim == 0:
                return float(out) * keep.sum() / m
            full = np.zeros(out.shape[:-1] + (m,))
            full[..., keep] = out
            return full

        for label in (1, 0):
            keep = Y[0] == label
            if not keep.any() or keep.all():
                continue
            yield Alternative(f"only the examples labelled {label} counted (the term of the examples "
                              f"labelled {1 - label} dropped)", lambda keep=keep: over(keep))
            for weight, words in ((-1, "with its sign flipped"), (2, "counted twice")):
                yield Alternative(f"the term of the examples labelled {1 - label} {words}",
                                  lambda keep=keep, weight=weight: over(keep) + weight * over(~keep))


class _Shifted(list):
    """A list whose every index is off by ``shift``: caches[l + shift] wherever caches[l] is read."""

    def __init__(self, items, shift):
        super().__init__(items)
        self.shift = shift

    def __getitem__(self, index):
        if isinstance(index, int):
            return list.__getitem__(self, index + self.shift)
        return list.__getitem__(self, index)


def _other_parts(exp_parts, layout, m):
    """The value meant for another part (keys shifted or swapped); for a number, 1 minus it or
    it scaled by a factor a student drops or adds (2, 1/2, m, 2m, ...)."""
    for name in layout.names:
        for other in layout.names:
            value = exp_parts[other]
            if other != name and isinstance(value, np.ndarray):
                moved = dict(exp_parts)
                moved[name] = value
                yield Alternative(f"the value meant for {other} stored under {name}",
                                  lambda moved=moved: _joined(moved, layout), False)
    floats = [n for n in layout.names if np.ndim(exp_parts[n]) == 0 and numeric(exp_parts[n]) is not None]
    if floats:
        complement = {n: 1 - exp_parts[n] if n in floats else exp_parts[n] for n in layout.names}
        yield Alternative("1 minus the right value (the complement)", lambda: _joined(complement, layout), False)
        factors = [(2, "a factor 2 too many (a 1/2 left out)"), (0.5, "a factor 1/2 too many"),
                   (100, "the value in percent (times 100)")]
        if m:
            factors += [(m, "the division by m left out"), (1 / m, "a division by m too many"),
                        (2 * m, "the division by 2m left out"), (1 / (2 * m), "a division by 2m too many"),
                        (m * m, "m * m times the right value: the order of * and / (x / 2 * m is (x / 2) * m)")]
        for factor, words in factors:
            scaled = {n: factor * exp_parts[n] if n in floats else exp_parts[n] for n in layout.names}
            yield Alternative(words, lambda scaled=scaled: _joined(scaled, layout), False)


class _Split:
    """An output already split into its parts."""

    def __init__(self, parts):
        self.parts = parts


def _joined(parts, layout):
    return _Split(parts)


# -- perturbing the reference ------------------------------------------------------------------

def rebind(fn, **names):
    """A copy of ``fn`` that sees ``names`` in place of its module's globals of those names."""
    scope = dict(fn.__globals__)
    scope.update(names)
    new = types.FunctionType(fn.__code__, scope, fn.__name__, fn.__defaults__, fn.__closure__)
    new.__kwdefaults__ = fn.__kwdefaults__
    return new


def _is_reference(value) -> bool:
    return isinstance(value, types.FunctionType) and value.__module__.startswith(reference.__name__)


def _dependencies(fn) -> list[str]:
    return [n for n in dict.fromkeys(fn.__code__.co_names) if _is_reference(fn.__globals__.get(n))]


def _siblings(name: str) -> list[str]:
    """Reference functions with the same parameters as ``name`` (another derivative, cost, ...)."""
    params = list(inspect.signature(getattr(reference, name)).parameters)
    return [other for other in reference.__all__ if other != name and _is_reference(getattr(reference, other))
            and list(inspect.signature(getattr(reference, other)).parameters) == params]


def _string_choices(value):
    if isinstance(value, str):
        for choices in STRING_CHOICES:
            if value in choices:
                yield from (c for c in choices if c != value)


def _replaced(args, i, value):
    return tuple(value if j == i else a for j, a in enumerate(args))


def _variants(fn, depth) -> Iterator[tuple[Callable, str]]:
    """(a perturbed copy of ``fn``, what differs) for every generated perturbation of ``fn``'s
    dependencies, constants and numpy calls; ``depth`` levels of calls down."""
    deps = _dependencies(fn)
    for dep in deps:
        for other in _siblings(dep):
            yield rebind(fn, **{dep: getattr(reference, other)}), f"{other} where {dep} belongs"
    yield from _constant_variants(fn)
    yield from _forward_variants(fn)
    yield from _numpy_variants(fn)
    if "get_activation" in deps:
        yield from _registry_variants(fn)
    for dep in deps:
        target = fn.__globals__[dep]
        for i, param in enumerate(inspect.signature(target).parameters):
            if param in ("activation", "name"):
                for choice in (reference.ACTIVATIONS if param == "activation" else ("MSE", "CE")):
                    yield rebind(fn, **{dep: _with_argument(target, i, param, choice)}), (
                        f"every call of {dep} made with {param}={choice!r}")
        yield rebind(fn, **{dep: _skipped}), f"the {dep} step skipped (its input passed on unchanged)"
    for dep in deps:
        target = fn.__globals__[dep]
        for i, param in enumerate(inspect.signature(target).parameters):
            yield rebind(fn, **{dep: _frozen(target, i)}), (
                f"every call of {dep} given the {param} of its first call (not the updated one)")
    if depth > 1:
        for dep in deps:
            for variant, change in _variants(fn.__globals__[dep], depth - 1):
                yield rebind(fn, **{dep: variant}), f"{change}, in {dep}"


def _skipped(first, *args, **kwargs):
    return first


def _frozen(fn, index):
    """``fn`` whose argument ``index`` stays what it was at the first call (a copy of it)."""
    first = []

    def call(*args, **kwargs):
        if len(args) <= index:
            return fn(*args, **kwargs)
        if not first:
            first.append(copy.deepcopy(args[index]))
        return fn(*args[:index], copy.deepcopy(first[0]), *args[index + 1:], **kwargs)

    return call


def _activation_of(fn) -> str | None:
    """The activation a derivative function evaluates (sigmoid_backward -> "sigmoid")."""
    name = fn.__name__.removesuffix("_backward")
    return name if name in FORWARDS and name != fn.__name__ else None


def _formula_on(sibling, activation):
    """``sibling``'s derivative formula evaluated on ``activation`` instead of its own one."""
    own = _activation_of(sibling)
    if activation is None or own is None:
        return
    if own in sibling.__code__.co_names:  # called as own(Z) or as np.own(Z)
        yield rebind(sibling, **{own: FORWARDS[activation]},
                     np=_Numpy(**{own: lambda Z: FORWARDS[activation](Z)[0]})), activation


def _with_argument(fn, index, param, value):
    def call(*args, **kwargs):
        if len(args) > index:
            args = args[:index] + (value,) + args[index + 1:]
        else:
            kwargs[param] = value
        return fn(*args, **kwargs)

    return call


def _constant_variants(fn):
    for name in dict.fromkeys(fn.__code__.co_names):
        value = fn.__globals__.get(name)
        if not name.isupper() or isinstance(value, bool) or not isinstance(value, str | int | float):
            continue
        if isinstance(value, str):
            options = list(_string_choices(value))
        elif isinstance(value, int):
            options = [n for n in (1, 10, value + 1, value - 1) if n >= 1]
        else:
            options = [0.0, 1 - value, value / 2, 2 * value]
        for new in dict.fromkeys(options):
            if new == value:
                continue
            words = CONSTANT_WORDS.get(name, "{name} = {value!r} where {orig!r} belongs")
            yield rebind(fn, **{name: new}), words.format(name=name, value=new, orig=value)


def _forward_variants(fn):
    """In a derivative formula, another activation (or none) where its own one belongs."""
    for name in dict.fromkeys(fn.__code__.co_names):
        if name in FORWARDS and fn.__globals__.get(name) is FORWARDS[name]:
            for other, forward in FORWARDS.items():
                if other != name:
                    yield rebind(fn, **{name: forward}), f"{other}(Z) where {name}(Z) belongs, in {fn.__name__}"
            yield rebind(fn, **{name: lambda Z: (Z, Z)}), (
                f"Z itself where {name}(Z) belongs, in {fn.__name__} (the cache is Z, not A)")
            for kind, words in _Slip.WORDS.items():
                yield rebind(fn, **{name: _slipped_forward(FORWARDS[name], kind)}), (
                    words.format(x=f"{name}(Z)") + f", in {fn.__name__}")


class _Slip(np.ndarray):
    """An array that makes one slip in the formulas it enters: ``x**2`` gives x (the square
    dropped), or ``1 - x`` gives 1 (the factor (1 - x) dropped). Values computed from it by numpy
    keep the slip, so it reaches the reference's own formulas unchanged otherwise."""

    WORDS = {"square": "the square dropped where {x} (or a value made from it) is squared",
             "one_minus": "the factor (1 - {x}) dropped",
             "outer_square": "a misplaced parenthesis, (1 - a)**2 where 1 - a**2 belongs (a made from {x})"}
    kind = ""

    @classmethod
    def of(cls, value, kind):
        slipped = np.asarray(value).view(cls)
        slipped.kind = kind
        return slipped

    def __array_finalize__(self, obj):
        self.kind = getattr(obj, "kind", "")

    base = None  # outer_square: the value x of a pending x**2

    def __pow__(self, exponent):
        if self.kind == "square" and np.all(exponent == 2):
            return self
        if self.kind == "outer_square" and np.all(exponent == 2):
            squared = super().__pow__(exponent)
            squared.base = self.view(np.ndarray)
            return squared
        return super().__pow__(exponent)

    def __rsub__(self, other):
        if self.kind == "one_minus" and np.all(np.asarray(other) == 1):
            return np.ones_like(self.view(np.ndarray))
        if self.kind == "outer_square" and self.base is not None:
            return (np.asarray(other) - self.base) ** 2
        return super().__rsub__(other)


def _slipped_forward(forward, kind):
    def slipped(Z):
        return _Slip.of(forward(Z)[0], kind), Z

    return slipped


class _Numpy:
    """numpy with a few functions replaced."""

    def __init__(self, **replaced):
        self.__dict__.update(replaced)

    def __getattr__(self, name):
        return getattr(np, name)


def _sum_without_keepdims(a, axis=None, keepdims=False, **kwargs):
    return np.sum(a, axis=axis, **kwargs)


def _sum_over(axis_new):
    def total(a, axis=None, keepdims=False, **kwargs):
        return np.sum(a, axis=axis_new, keepdims=keepdims, **kwargs)

    return total


def _numpy_variants(fn):
    if fn.__globals__.get("np") is not np:
        return
    used = set(fn.__code__.co_names)
    replacements = []
    if "sum" in used:
        replacements += [({"sum": _sum_without_keepdims}, "np.sum without keepdims=True"),
                         ({"sum": _sum_over(0)}, "np.sum over axis 0 (the rows) where axis=1 belongs"),
                         ({"sum": _sum_over(None)}, "np.sum over every entry where axis=1 belongs")]
    if "log" in used:
        replacements += [({"log": np.log10}, "np.log10 where the natural log np.log belongs"),
                         ({"log": np.log2}, "np.log2 where the natural log np.log belongs")]
    if "clip" in used:
        replacements.append(({"clip": lambda a, *_, **__: a}, "AL not clipped"))
    if "tanh" in used:
        for other, forward in FORWARDS.items():
            if other != "tanh":
                replacements.append(({"tanh": lambda Z, forward=forward: forward(Z)[0]},
                                     f"{other}(Z) where tanh(Z) belongs, in {fn.__name__}"))
        replacements.append(({"tanh": lambda Z: Z}, f"Z itself where tanh(Z) belongs, in {fn.__name__} "
                                                    "(the cache is Z, not A)"))
    if "where" in used:
        replacements.append(({"where": lambda c, x, y: np.where(c, y, x)}, "the two branches of np.where swapped"))
    for replaced, change in replacements:
        yield rebind(fn, np=_Numpy(**replaced)), change


def _registry_variants(fn):
    """The activation's derivative skipped, replaced by the activation, or taken at A."""
    def registry(backward, forward=None):
        def get(name):
            found = reference.get_activation(name)
            return reference.activations.Activation(found.forward, backward(found))
        return get

    yield rebind(fn, get_activation=registry(lambda act: lambda dA, Z: dA)), (
        "the activation's derivative skipped (dZ = dA)")
    yield rebind(fn, get_activation=registry(lambda act: lambda dA, Z: dA * act.forward(Z)[0])), (
        "dZ = dA * A, the activation itself where its derivative belongs")
    yield rebind(fn, get_activation=registry(lambda act: lambda dA, Z: act.backward(dA, act.forward(Z)[0]))), (
        "the derivative taken at A = g(Z) where the cache Z belongs")


# -- the inputs' arrays ------------------------------------------------------------------------

def _leaves(value, label, path, depth=0):
    """(path, name, array) of every float array in an argument, lists excepted (their items are
    reached through index shifts instead)."""
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "f":
            yield path, label, value
    elif isinstance(value, tuple) and depth < 3:
        fields = getattr(value, "_fields", None)
        for i, item in enumerate(value):
            yield from _leaves(item, fields[i] if fields else f"{label}[{i}]", path + (i,), depth + 1)
    elif isinstance(value, dict) and depth < 2:
        for key, item in value.items():
            yield from _leaves(item, f"{label}[{key!r}]", path + (key,), depth + 1)


def _set(value, path, new):
    """``value`` with the item at ``path`` replaced (tuples, named tuples and dicts rebuilt)."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _set(value[head], rest, new)}
    items = [_set(item, rest, new) if i == head else item for i, item in enumerate(value)]
    return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)


# -- describing what no alternative explains -----------------------------------------------------

ONLY_ROWS = "{name} is wrong only in {where}; every other row is right."
ONLY_COLUMNS = "{name} is wrong only in {where}; every other column (example) is right."
ONLY_WHERE = "{name} is wrong only where {condition}{how}."
FIRST_RIGHT = "{name} is right up to index {last} and wrong from index {k} on."
ROW_FACTORS = "{name} has each row off by its own factor: look at what multiplies each row."
OFFSET = "{name} is off by the same amount in every entry: look for a term added or left out."
EXTRA_TERM = ("{name} is off by a multiple of {leaf} in every entry: look for a term in {leaf} added "
              "(a regularisation term?) or left out.")


def _ordinal(indices, count, what) -> str:
    if list(indices) == [count - 1]:
        return f"the last {what}"
    if list(indices) == [0]:
        return f"the first {what}"
    return f"{what}s {', '.join(str(int(i)) for i in indices)}"


def describe(name, actual, expected, problem: Problem | None = None):
    """A failed part described by the pattern of its error, or None when there is none to tell."""
    act, exp = numeric(actual), numeric(expected)
    if act is None or exp is None or act.shape != exp.shape or act.ndim == 0:
        return None
    wrong = ~np.isclose(act, exp, RTOL, ATOL)
    if act.ndim == 1 or (act.ndim == 2 and act.shape[0] == 1):
        flat = wrong.ravel()
        k = int(np.argmax(flat)) if flat.any() else 0
        if k > 0 and flat[k:].all():
            return said(name, FIRST_RIGHT, k=k, last=k - 1)
    if act.ndim == 2:
        rows, cols = wrong.any(axis=1), wrong.any(axis=0)
        if (wrong == rows[:, None]).all() and 0 < rows.sum() < len(rows):
            return said(name, ONLY_ROWS, where=_ordinal(np.flatnonzero(rows), len(rows), "row"))
        if (wrong == cols[None, :]).all() and 0 < cols.sum() < len(cols) and act.shape[0] > 1:
            return said(name, ONLY_COLUMNS, where=_ordinal(np.flatnonzero(cols), len(cols), "column"))
    if problem is not None and not wrong.all():
        found = [item for i, a in enumerate(problem.args) for item in _leaves(a, problem.names[i], (i,))]
        for _, leaf, value in found:
            try:
                conditions = [(f"{leaf} > 0", value > 0), (f"{leaf} <= 0", value <= 0)]
                if np.isin(value, (0, 1)).all():
                    conditions = [(f"{leaf} = 1", value == 1), (f"{leaf} = 0", value == 0)]
                for condition, mask in conditions:
                    mask = np.broadcast_to(mask, wrong.shape)
                    if (mask == wrong).all():
                        return said(name, ONLY_WHERE, condition=condition, how=_how(act[wrong], exp[wrong]))
            except ValueError:  # shapes that do not broadcast: no condition to read
                continue
    if act.ndim == 2 and act.shape[0] > 1 and act.shape[1] > 1 and (np.abs(exp) > 1e-9).all():
        ratios = act / exp
        if np.allclose(ratios, ratios[:, :1], RTOL, 1e-9) and not np.allclose(ratios, ratios.flat[0], RTOL, 1e-9):
            return said(name, ROW_FACTORS)
    offset = act - exp
    if offset.size > 1 and np.allclose(offset, offset.flat[0], RTOL, 1e-9) and wrong.all():
        return said(name, OFFSET)
    if problem is not None and offset.size > 1:
        for _, leaf, value in (item for i, a in enumerate(problem.args) for item in _leaves(a, problem.names[i], (i,))):
            if value.shape == offset.shape and np.any(value):
                factor = np.sum(offset * value) / np.sum(value * value)
                if factor and np.allclose(offset, factor * value, RTOL, ATOL):
                    return said(name, EXTRA_TERM, leaf=leaf)
    return None


def _how(act, exp) -> str:
    """How the wrong entries differ, in words that show no expected value."""
    if np.allclose(act, -exp, RTOL, ATOL):
        return " (the sign is flipped there)"
    if np.allclose(act, 0, RTOL, ATOL):
        return " (yours is 0 there)"
    return ""
