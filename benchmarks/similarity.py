"""Similarity among a generated class: the time `python -m autograder similarity` takes, and
how much faster its fingerprint index is than comparing every pair.

Run from the repository root: ``.venv/bin/python benchmarks/similarity.py --students 500``.
It writes a class of N students who submit 02_backward_step and 04_update_rule (the skeleton
comes from the course's source notebooks, as the released notebook has it), their bodies
written the different ways students write them:

- every student draws a *style* for each graded function (np.dot, @ or np.matmul, 1/m in front
  or behind, keepdims or reshape, unpacking the cache at once or item by item, if/elif chains in
  either order or a dict of functions, asserts and prints, about one body in four with a bug)
  and a *surface* (their own variable names, comments, the order of independent lines);
- a few students are planted near-copies of another: the same styles with a new surface
  (every variable renamed, comments changed, independent lines reordered);
- a few hand in the release untouched, a few more leave some functions untouched.

Then, on this machine, it runs the verb as a user does (a subprocess: reading the notebooks,
normalising, comparing, writing the page), and, in this process and on the same normalised
bodies, compares the comparison stage with the naive way: every pair of bodies of a function
compared with difflib's SequenceMatcher ratio on their normalised tokens (``--naive-pairs``
times a random sample of the pairs instead and scales it up, saying so). It prints both times
and their ratio, the recall of the planted copies for both methods, and checks that no untouched
skeleton is ever reported as similar.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import argparse  # noqa: E402
import csv  # noqa: E402
import difflib  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from itertools import combinations  # noqa: E402

import nbformat  # noqa: E402

from autograder import notebooks, paths  # noqa: E402
from autograder.similarity.cluster import THRESHOLD, compare  # noqa: E402
from autograder.similarity.collect import class_bodies, release_notebook  # noqa: E402
from autograder.similarity.normalise import OK  # noqa: E402
from autograder.similarity.run import PAIRS_CSV  # noqa: E402
from benchmarks.machine import print_machine  # noqa: E402

ASSIGNMENTS = ("02_backward_step", "04_update_rule")
BUG_RATE = 0.25

NAMES = {  # role -> the names students give it
    "A": ["A_prev", "A_previous", "a_prev", "prev_A", "Aprev", "A_in", "activations"],
    "W": ["W", "w", "weights", "W_curr", "Wl"],
    "b": ["b", "bias", "b_curr", "bl"],
    "m": ["m", "n_examples", "num_examples", "batch_size", "M", "n"],
    "dW": ["dW", "dw", "grad_W", "dWeights", "dW_curr"],
    "db": ["db", "grad_b", "dbias", "db_curr"],
    "dA": ["dA_prev", "dA_previous", "grad_A_prev", "dAprev", "dA_in"],
    "Z": ["Z", "z", "Z_cache", "pre_activation"],
    "s": ["s", "sig", "A", "sigma", "act"],
    "dZ": ["dZ", "dz", "grad_Z", "dZ_out"],
    "lc": ["linear_cache", "lin_cache", "cache_linear", "lc"],
    "ac": ["activation_cache", "act_cache", "cache_act", "ac", "Z"],
    "fn": ["backward", "back_fn", "derivative", "grad_fn"],
    "W2": ["W2", "w2", "W_2"],
    "A1": ["A1", "a1", "A_1", "hidden"],
    "A2": ["A2", "a2", "A_2", "output"],
    "dZ2": ["dZ2", "dz2", "dZ_2", "delta2"],
    "dZ1": ["dZ1", "dz1", "dZ_1", "delta1"],
    "dW2": ["dW2", "dw2", "dW_2"],
    "db2": ["db2", "dB2", "db_2"],
    "dW1": ["dW1", "dw1", "dW_1"],
    "db1": ["db1", "dB1", "db_1"],
    "g": ["grads", "gradients", "g", "out"],
    "l": ["l", "i", "layer", "k"],
    "key": ["key", "name", "k", "p"],
}
COMMENTS = ["# compute the gradients", "# backward step", "# as in the lecture", "# shapes checked",
            "# TODO tidy up", "# from the formula", "# vectorised", "# average over examples"]


class Student:
    """One body per function from a style (what is written) and a surface (how it is named)."""

    def __init__(self, style_seed: int, surface_seed: int, bugs: bool = True):
        self.style = random.Random(style_seed)
        self.surface = random.Random(surface_seed)
        self.names = {role: self.surface.choice(options) for role, options in NAMES.items()}
        self.bugs = bugs

    def pick(self, correct: list[str], buggy: list[str] = ()) -> str:
        if buggy and self.bugs and self.style.random() < BUG_RATE / 3:
            return self.style.choice(list(buggy))
        return self.style.choice(correct)

    def maybe(self, p: float) -> bool:
        return self.style.random() < p

    def body(self, lines: list[str], groups: list[list[str]] = ()) -> str:
        """``lines`` in order, with each list in ``groups`` (independent lines) shuffled in place of
        its marker "@i"; comments sprinkled; every role name filled in."""
        out = []
        for line in lines:
            if line.startswith("@"):
                group = list(groups[int(line[1:])])
                self.surface.shuffle(group)
                out += group
            else:
                out.append(line)
        text = []
        for line in "\n".join(out).format(**self.names).splitlines():
            if self.surface.random() < 0.15:
                indent = line[:len(line) - len(line.lstrip())]
                text.append(indent + self.surface.choice(COMMENTS))
            text.append(line)
        return "\n".join("    " + line for line in text)

    def linear_backward(self) -> str:
        unpack = self.pick(["{A}, {W}, {b} = cache", "{A} = cache[0]\n{W} = cache[1]\n{b} = cache[2]",
                            "({A}, {W}, {b}) = cache"])
        m = self.pick(["{m} = {A}.shape[1]", "{m} = dZ.shape[1]", "{m} = len({A}[0])", "{m} = np.shape({A})[1]",
                       "{m} = {A}.shape[-1]"])
        dw = self.pick(["{dW} = np.dot(dZ, {A}.T) / {m}", "{dW} = 1 / {m} * np.dot(dZ, {A}.T)",
                        "{dW} = (dZ @ {A}.T) / {m}", "{dW} = np.matmul(dZ, {A}.T) / {m}",
                        "{dW} = (1. / {m}) * np.dot(dZ, np.transpose({A}))", "{dW} = np.dot(dZ, {A}.T) * (1 / {m})"],
                       ["{dW} = np.dot(dZ, {A}.T)", "{dW} = np.dot({A}, dZ.T) / {m}"])
        db = self.pick(["{db} = np.sum(dZ, axis=1, keepdims=True) / {m}",
                        "{db} = 1 / {m} * np.sum(dZ, axis=1, keepdims=True)",
                        "{db} = np.mean(dZ, axis=1, keepdims=True)",
                        "{db} = np.sum(dZ, axis=1).reshape({b}.shape) / {m}",
                        "{db} = dZ.sum(axis=1, keepdims=True) / {m}", "{db} = np.sum(dZ, 1, keepdims=True) / {m}"],
                       ["{db} = np.sum(dZ, axis=0, keepdims=True) / {m}", "{db} = np.sum(dZ) / {m}"])
        da = self.pick(["{dA} = np.dot({W}.T, dZ)", "{dA} = {W}.T @ dZ", "{dA} = np.matmul({W}.T, dZ)",
                        "{dA} = np.dot(np.transpose({W}), dZ)"], ["{dA} = np.dot({W}, dZ)"])
        extras = [e for e, p in (("assert {dW}.shape == {W}.shape", 0.3), ("assert {db}.shape == {b}.shape", 0.3),
                                 ("print({dW}.shape, {db}.shape)", 0.1)) if self.maybe(p)]
        ret = self.pick(["return {dA}, {dW}, {db}", "return ({dA}, {dW}, {db})"])
        return self.body([unpack, m, "@0", *extras, ret], [[dw, db, da]])

    def sigmoid_backward(self) -> str:
        s = self.pick(["{s} = 1 / (1 + np.exp(-{Z}))", "{s}, _ = sigmoid({Z})", "{s} = sigmoid({Z})[0]"])
        dz = self.pick(["{dZ} = dA * {s} * (1 - {s})", "{dZ} = dA * ({s} * (1 - {s}))",
                        "{dZ} = np.multiply(dA, {s} * (1 - {s}))"], ["{dZ} = dA * {s}", "{dZ} = {s} * (1 - {s})"])
        return self.body(["{Z} = cache", s, dz, "return {dZ}"])

    def relu_backward(self) -> str:
        if self.maybe(0.5):
            first = self.pick(["{dZ} = np.array(dA, copy=True)", "{dZ} = dA.copy()", "{dZ} = np.copy(dA)"])
            second = self.pick(["{dZ}[{Z} <= 0] = 0", "{dZ}[{Z} < 0] = 0"], ["{dZ}[{Z} > 0] = 0"])
            return self.body(["{Z} = cache", first, second, "return {dZ}"])
        one = self.pick(["{dZ} = dA * ({Z} > 0)", "{dZ} = np.where({Z} > 0, dA, 0)", "{dZ} = np.multiply(dA, {Z} > 0)"],
                        ["{dZ} = ({Z} > 0)"])
        return self.body(["{Z} = cache", one, "return {dZ}"])

    def tanh_backward(self) -> str:
        if self.maybe(0.5):
            t = self.pick(["{s}, _ = tanh({Z})", "{s} = np.tanh({Z})"])
            dz = self.pick(["{dZ} = dA * (1 - {s} ** 2)", "{dZ} = dA * (1 - np.power({s}, 2))",
                            "{dZ} = dA * (1 - {s} * {s})"], ["{dZ} = dA * (1 - {s})"])
            return self.body(["{Z} = cache", t, dz, "return {dZ}"])
        return self.body(["{Z} = cache", self.pick(["{dZ} = dA * (1 - np.tanh({Z}) ** 2)",
                                                     "{dZ} = dA * (1 - np.power(np.tanh({Z}), 2))"],
                                                    ["{dZ} = 1 - np.tanh({Z}) ** 2"]), "return {dZ}"])

    def linear_activation_backward(self) -> str:
        unpack = self.pick(["{lc}, {ac} = cache", "{lc} = cache[0]\n{ac} = cache[1]"])
        if self.maybe(0.2):
            table = self.pick(['{fn} = {{"relu": relu_backward, "sigmoid": sigmoid_backward, "tanh": tanh_backward}}'
                               '[activation]', '{fn} = dict(relu=relu_backward, sigmoid=sigmoid_backward, '
                               'tanh=tanh_backward)[activation]'])
            return self.body([unpack, table, "{dZ} = {fn}(dA, {ac})", "{dA}, {dW}, {db} = linear_backward({dZ}, {lc})",
                              "return {dA}, {dW}, {db}"])
        kinds = ["relu", "sigmoid", "tanh"] if not (self.bugs and self.maybe(BUG_RATE / 3)) else ["relu", "sigmoid"]
        self.style.shuffle(kinds)
        inside = self.maybe(0.4)  # linear_backward called in every branch
        lines = [unpack]
        for i, kind in enumerate(kinds):
            test = self.pick([f'activation == "{kind}"', f"activation == '{kind}'", f'activation.lower() == "{kind}"'])
            lines.append(f"{'if' if i == 0 else 'elif'} {test}:")
            lines.append(f"    {{dZ}} = {kind}_backward(dA, {{ac}})")
            if inside:
                lines.append("    {dA}, {dW}, {db} = linear_backward({dZ}, {lc})")
        if self.maybe(0.5):
            lines += ["else:", '    raise ValueError("unknown activation " + str(activation))']
        if not inside:
            lines.append("{dA}, {dW}, {db} = linear_backward({dZ}, {lc})")
        lines.append(self.pick(["return {dA}, {dW}, {db}", "return ({dA}, {dW}, {db})"]))
        return self.body(lines)

    def backward_propagation(self) -> str:
        m = self.pick(["{m} = X.shape[1]", "{m} = Y.shape[1]", "{m} = len(X[0])"])
        fetch = ['{W2} = parameters["W2"]', '{A1} = cache["A1"]', '{A2} = cache["A2"]']
        if self.maybe(0.4):
            fetch.append('W1 = parameters["W1"]')
        dz2 = self.pick(["{dZ2} = {A2} - Y", "{dZ2} = np.subtract({A2}, Y)"], ["{dZ2} = Y - {A2}"])
        dw2 = self.pick(["{dW2} = np.dot({dZ2}, {A1}.T) / {m}", "{dW2} = 1 / {m} * np.dot({dZ2}, {A1}.T)",
                         "{dW2} = ({dZ2} @ {A1}.T) / {m}"], ["{dW2} = np.dot({dZ2}, {A1}.T)"])
        db2 = self.pick(["{db2} = np.sum({dZ2}, axis=1, keepdims=True) / {m}",
                         "{db2} = 1 / {m} * np.sum({dZ2}, axis=1, keepdims=True)",
                         "{db2} = np.mean({dZ2}, axis=1, keepdims=True)"])
        dz1 = self.pick(["{dZ1} = np.dot({W2}.T, {dZ2}) * (1 - np.power({A1}, 2))",
                         "{dZ1} = ({W2}.T @ {dZ2}) * (1 - {A1} ** 2)",
                         "{dZ1} = np.multiply(np.dot({W2}.T, {dZ2}), 1 - np.power({A1}, 2))"],
                        ["{dZ1} = np.dot({W2}.T, {dZ2}) * (1 - {A1})"])
        dw1 = self.pick(["{dW1} = np.dot({dZ1}, X.T) / {m}", "{dW1} = 1 / {m} * np.dot({dZ1}, X.T)",
                         "{dW1} = ({dZ1} @ X.T) / {m}"])
        db1 = self.pick(["{db1} = np.sum({dZ1}, axis=1, keepdims=True) / {m}",
                         "{db1} = 1 / {m} * np.sum({dZ1}, axis=1, keepdims=True)",
                         "{db1} = np.mean({dZ1}, axis=1, keepdims=True)"], ["{db1} = np.sum({dZ1}) / {m}"])
        keys = [("dW1", "{dW1}"), ("db1", "{db1}"), ("dW2", "{dW2}"), ("db2", "{db2}")]
        if self.maybe(0.3):
            self.style.shuffle(keys)
        if self.maybe(0.7):
            out = ["{g} = {{" + ", ".join(f'"{k}": {v}' for k, v in keys) + "}}"]
        else:
            out = ["{g} = {{}}", *(f'{{g}}["{k}"] = {v}' for k, v in keys)]
        return self.body([m, "@0", dz2, "@1", "@2", *out, "return {g}"], [fetch, [dw2, db2, dz1], [dw1, db1]])

    def update_parameters(self) -> str:
        if self.maybe(0.25):
            step = self.pick(['parameters[{key}] = parameters[{key}] - learning_rate * grads["d" + {key}]',
                              'parameters[{key}] -= learning_rate * grads["d" + {key}]'],
                             ['parameters[{key}] = parameters[{key}] + learning_rate * grads["d" + {key}]'])
            return self.body(["for {key} in list(parameters):", "    " + step])
        rng = self.pick(["range(1, L + 1)", "range(L)"])
        idx = "str({l})" if rng.startswith("range(1") else "str({l} + 1)"
        form = self.pick(["plus", "fstring"])
        names = {p: f'"{p}" + {idx}' if form == "plus" else 'f"' + p + "{{" + idx[4:-1] + '}}"'
                 for p in ("W", "b", "dW", "db")}
        upd = self.pick(["{t} = {t} - learning_rate * {g}", "{t} -= learning_rate * {g}",
                         "{t} = {t} - np.multiply(learning_rate, {g})"],
                        ["{t} = {t} + learning_rate * {g}", "{t} = {t} - {g}"])
        lines = [f"for {{l}} in {rng}:"]
        for p in ("W", "b"):
            target, gradient = f"parameters[{names[p]}]", f"grads[{names['d' + p]}]"
            lines.append("    " + upd.replace("{t}", target).replace("{g}", gradient))
        return self.body(lines)


FUNCTIONS = {"02_backward_step": ["sigmoid_backward", "relu_backward", "tanh_backward", "linear_backward",
                                  "linear_activation_backward", "backward_propagation"],
             "04_update_rule": ["update_parameters"]}


def signature_cell(skeleton: str, body: str) -> str:
    """The released cell with its stub replaced by ``body`` (the given lines kept)."""
    lines = skeleton.splitlines()
    at = next(i for i, line in enumerate(lines) if "YOUR CODE HERE" in line)
    return "\n".join(lines[:at] + body.splitlines() + lines[at + 2:])


def build_class(n: int, seed: int = 0) -> tuple[dict, set, set]:
    """student -> {function: body, or None where the release is left as it was}; the planted
    (copy, original) pairs; the students who changed nothing."""
    rng = random.Random(seed)
    ids = [f"s{i:04d}" for i in range(n)]
    untouched = set(ids[1::25])  # one in 25 hands in the release
    partly = set(ids[2::25])  # one in 25 leaves some functions as released
    writers = [s for s in ids if s not in untouched]
    seeds = {s: (rng.randrange(2 ** 32), rng.randrange(2 ** 32)) for s in writers}
    copies = max(1, n // 50)
    copiers = rng.sample([s for s in writers if s not in partly], copies) if n >= 4 else []
    planted = set()
    for copier in copiers:
        original = rng.choice([s for s in writers if s not in partly and s not in copiers])
        seeds[copier] = (seeds[original][0], seeds[copier][1])  # the same styles, a new surface
        planted.add(tuple(sorted((copier, original))))
    plan = {}
    for s in ids:
        if s in untouched:
            plan[s] = dict.fromkeys(f for fs in FUNCTIONS.values() for f in fs)
            continue
        student = Student(*seeds[s])
        bodies = {f: getattr(student, f)() for fs in FUNCTIONS.values() for f in fs}
        if s in partly:
            for f in rng.sample(sorted(bodies), 3):
                bodies[f] = None
        plan[s] = bodies
    return plan, planted, untouched


def write_class(plan: dict, target: Path, course_dir: Path = paths.COURSE) -> Path:
    for assignment, functions in FUNCTIONS.items():
        released = release_notebook(course_dir, assignment)
        source_path = notebooks.source_notebook(course_dir, assignment)
        source = nbformat.read(source_path, as_version=4)
        skeleton = {notebooks.nbgrader_meta(c).get("grade_id"): c.source for c in released.cells
                    if notebooks.nbgrader_meta(c).get("solution")}
        for student, bodies in plan.items():
            answers = {f: signature_cell(skeleton[f], bodies[f]) if bodies[f] is not None else skeleton[f]
                       for f in functions}
            folder = target / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebooks.fill_solutions(released, source, {**skeleton, **answers}),
                           folder / source_path.name)
    return target


def naive_pairs(bodies: dict, sample: int | None, rng: random.Random) -> tuple[float, dict, int, int]:
    """difflib's ratio on the normalised tokens of every pair of compared bodies of each function
    (or of ``sample`` random pairs in all, the time scaled up to every pair). Returns
    (seconds for every pair, {(function, a, b): ratio} measured, pairs measured, pairs in all)."""
    work = []
    for (_, function), by_student in bodies.items():
        tokens = {s: [t.text for t in b.tokens] for s, b in by_student.items() if b.status == OK}
        work += [(function, a, b, tokens[a], tokens[b]) for a, b in combinations(sorted(tokens), 2)]
    chosen = work if sample is None or sample >= len(work) else rng.sample(work, sample)
    ratios = {}
    start = time.perf_counter()
    for function, a, b, ta, tb in chosen:
        ratios[function, a, b] = difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()
    elapsed = time.perf_counter() - start
    return elapsed * len(work) / max(1, len(chosen)), ratios, len(chosen), len(work)


def run_verb(submissions: Path, out: Path) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "autograder", "similarity", "--submissions", str(submissions),
                           "--out", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"the similarity verb failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return elapsed


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--students", type=int, default=500)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--naive-pairs", type=int, default=None,
                   help="time difflib on this many random pairs and scale up (default: every pair)")
    p.add_argument("--keep", type=Path, help="write the class and the page here instead of a scratch folder")
    args = p.parse_args(argv)
    print_machine()
    plan, planted, untouched = build_class(args.students, args.seed)
    with tempfile.TemporaryDirectory(prefix="similarity-bench-") as scratch:
        root = args.keep or Path(scratch)
        start = time.perf_counter()
        submissions = write_class(plan, root / "class")
        print(f"class: {args.students} students, {len(FUNCTIONS)} assignments, "
              f"{sum(map(len, FUNCTIONS.values()))} graded functions each; {len(planted)} planted near-copies, "
              f"{len(untouched)} untouched releases (written in {time.perf_counter() - start:.1f} s)")

        verb = run_verb(submissions, root / "out")
        with open(root / "out" / PAIRS_CSV, newline="") as f:
            rows = list(csv.DictReader(f))
        print(f"python -m autograder similarity: {verb:.1f} s end to end "
              f"(reading {args.students * len(FUNCTIONS)} notebooks, normalising, comparing, writing the page)")

        start = time.perf_counter()
        bodies = class_bodies(submissions, paths.COURSE, list(FUNCTIONS))
        normalising = time.perf_counter() - start
        start = time.perf_counter()
        ours = {function: compare(by_student) for (_, function), by_student in bodies.items()}
        comparing = time.perf_counter() - start
        naive, ratios, measured, every = naive_pairs(bodies, args.naive_pairs, random.Random(args.seed))
        scaled = "" if measured == every else f" (measured on {measured} random pairs of {every}, scaled up)"
        print(f"reading and normalising every body: {normalising:.1f} s (the same for both ways)")
        print(f"comparing: ours (winnowed fingerprints, an index of them) {comparing:.2f} s; "
              f"naive (difflib ratio on every pair of normalised bodies, {every} pairs) {naive:.1f} s{scaled}")
        print(f"ratio naive / ours: {naive / comparing:.1f}x")

    linked = {(r["function"], r["student_a"], r["student_b"]) for r in rows}
    found = {pair for pair in planted if any((f, *pair) in linked for fs in FUNCTIONS.values() for f in fs)}
    cases = [(f, *pair) for pair in planted for fs in FUNCTIONS.values() for f in fs]
    comparable = [c for c in cases if c[1] in ours[c[0]].compared and c[2] in ours[c[0]].compared]
    print(f"planted near-copies found (similar in at least one function): {len(found)}/{len(planted)}, "
          f"recall {len(found) / max(1, len(planted)):.2f}")
    in_common = [c for c in comparable if c not in linked
                 and any(c[1] in group and c[2] in group for group in ours[c[0]].common_answers)]
    print(f"  per function: {sum(c in linked for c in cases)}/{len(cases)} (function, pair) cases; "
          f"{sum(c in linked for c in comparable)}/{len(comparable)} where both bodies were long enough to compare, "
          f"and {len(in_common)} more where both are in one common answer (code that more than "
          f"{ours[cases[0][0]].common if cases else 0} students wrote)")
    naive_cases = [c for c in cases if c in ratios]
    if naive_cases:
        print(f"  naive at the same threshold ({THRESHOLD}): "
              f"{sum(ratios[c] >= THRESHOLD for c in naive_cases)}/{len(naive_cases)} (function, pair) cases measured")
    others = {(r["student_a"], r["student_b"]) for r in rows} - planted
    print(f"other student pairs shown as similar in some function: {len(others)} "
          f"(of {args.students * (args.students - 1) // 2} pairs); by function:")
    for function, comparison in ours.items():
        shown = {(p.a, p.b) for p in comparison.pairs}
        print(f"  {function:<28} compared {len(comparison.compared):>4}, too short "
              f"{len(comparison.too_short):>4}, pairs shown {len(shown):>4} (planted {len(shown & planted)}), "
              f"common answers {len(comparison.common_answers)} ({sum(map(len, comparison.common_answers))} students)")
    flagged = sorted({s for r in rows for s in (r["student_a"], r["student_b"])} & untouched)
    print(f"untouched releases reported as similar: {len(flagged)}" + (f" ({', '.join(flagged)})" if flagged else ""))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
