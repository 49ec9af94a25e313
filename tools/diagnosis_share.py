"""How often the search alone gives a wrong answer a specific diagnosis, on mistakes it was not
built on.

The mistake catalogue (``planted.ALL_MISTAKES``, one planted answer per catalogued Mistake of the
hidden tests, and ``planted.UNCATALOGUED``) is split in two halves by a hash of each label. The
search's perturbations were written looking at the BUILD half only; this script grades every
answer of the HELD-OUT half with the hidden tests' own Mistakes turned off (so only the search
can name it), through the same ``runner.evaluate`` the grading oracle calls, and counts the
answers whose every failed test got a specific diagnosis: a named alternative or a described
pattern (shape, ratio, sign, where), not "N of M entries differ" or "is X, not the expected value".

Wrong answers written later (``planted.LATER_MISTAKES``, ``LAST_MISTAKES``, ``BLIND_MISTAKES``,
``FORMULA_MISTAKES``) are not in the split: each batch was measured once as it was written,
before the search saw it, and is printed apart. The search changed after every one of them
(after FORMULA_MISTAKES it learned mutations of the reference's own formulas), so none of the
figures this prints is blind any more; the blind ones are in README.

    .venv/bin/python tools/diagnosis_share.py            # the held-out half, its misses listed
    .venv/bin/python tools/diagnosis_share.py --half build
    .venv/bin/python tools/diagnosis_share.py --batches  # the later batches too
"""

import argparse
import copy
import hashlib
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograder import reference as ref  # noqa: E402
from autograder.hidden import registry  # noqa: E402
from autograder.hidden.compare import CATALOGUE, UNEXPLAINED  # noqa: E402
from autograder.hidden.runner import result_of, run_test  # noqa: E402
from autograder.samples import planted  # noqa: E402

STUDENTS = ("pat", "quinn")
HALVES = ("build", "held-out")


def half(answer: planted.Answer) -> str:
    """Which half an answer is in: a hash of its label, fixed before the search was written."""
    return HALVES[hashlib.sha256(planted.slug(answer.label).encode()).digest()[0] % 2]


def answers(which: str) -> list[planted.Answer]:
    return [a for a in planted.ALL_MISTAKES + planted.UNCATALOGUED if half(a) == which]


def grade(answer: planted.Answer, student: str, catalogue: bool = False) -> list[dict]:
    """The hidden tests' results for the function ``answer`` defines (the others are the
    reference's), in-process; with ``catalogue`` False no hidden test's own Mistake is tried."""
    ns = {name: getattr(ref, name) for name in ref.__all__} | {"np": np, "copy": copy}
    exec(answer.source, ns)  # noqa: S102 - the catalogue's own sample answers
    token = CATALOGUE.set(catalogue)
    try:
        return [result_of(t, run_test(t, ns, student)) for t in registry.tests_for(answer.assignment, answer.function)]
    finally:
        CATALOGUE.reset(token)


def specific(results: list[dict]) -> bool:
    """Every failed test says what is wrong (and at least one test failed)."""
    failed = [r for r in results if r["score"] < r["max_score"]]
    return bool(failed) and all(
        r["diagnosis"] and not set(r["diagnosis_key"].split(" + ")) & UNEXPLAINED for r in failed)


BATCHES = {"LATER_MISTAKES": planted.LATER_MISTAKES, "LAST_MISTAKES": planted.LAST_MISTAKES,
           "BLIND_MISTAKES": planted.BLIND_MISTAKES, "FORMULA_MISTAKES": planted.FORMULA_MISTAKES}


def measure(which: str = "held-out", students=STUDENTS):
    """(share of the half's (or batch's) answers diagnosed specifically for every student, the
    misses as (label, diagnoses), every answer's diagnoses)."""
    chosen = list(BATCHES[which]) if which in BATCHES else answers(which)
    misses, said = [], {}
    for answer in chosen:
        per_student = [grade(answer, s) for s in students]
        said[answer.label] = [r["diagnosis"] for r in per_student[0] if r["diagnosis"]]
        if not all(specific(results) for results in per_student):
            misses.append((answer.label, said[answer.label]))
    return (len(chosen) - len(misses)) / len(chosen), misses, said


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=HALVES, default="held-out")
    parser.add_argument("--batches", action="store_true", help="the later batches as well")
    parser.add_argument("--all", action="store_true", help="print every answer's diagnosis too")
    args = parser.parse_args(argv)
    for which in [args.half] + (list(BATCHES) if args.batches else []):
        share, misses, said = measure(which)
        total = len(said)
        what = f"{which} half" if which in HALVES else which
        print(f"{what}: {total - len(misses)} of {total} wrong answers get a specific diagnosis "
              f"from the search alone: {100 * share:.1f}%")
        for label, diagnoses in misses:
            print(f"  miss: {label}: {' | '.join(diagnoses) or '(no failed test)'}")
        if args.all:
            for label, diagnoses in said.items():
                print(f"  {label}: {' | '.join(diagnoses)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
