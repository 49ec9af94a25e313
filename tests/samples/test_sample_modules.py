"""The planted answers live one module per assignment, beside the hidden suite that grades them,
and ``planted`` joins them without losing, doubling or reordering any."""

import hashlib
from collections import Counter

import pytest

from autograder.hidden import registry
from autograder.samples import concepts, planted
from autograder.samples.answer import Answer

# The collections a module's answers reach the world through (planted joins each by name).
JOINED = ("ALL_MISTAKES", "STYLE_CATALOGUE", "UNCATALOGUED", "LATER_MISTAKES", "LAST_MISTAKES",
          "BLIND_MISTAKES", "FORMULA_MISTAKES")


def answers_of(module) -> list[Answer]:
    """Every answer a module defines, once each: its own Answers and the members of its tuples."""
    found = {}
    for value in vars(module).values():
        for a in (value,) if isinstance(value, Answer) else value if isinstance(value, tuple | list) else ():
            if isinstance(a, Answer):
                found[id(a)] = a
    return list(found.values())


@pytest.mark.parametrize("module", planted.MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_a_module_holds_only_answers_its_namesake_suite_grades(module):
    name = module.__name__.rsplit(".", 1)[1]
    answers = answers_of(module)
    assert answers
    for a in answers:
        tests = registry.tests_for(a.assignment, a.function)
        assert tests, f"{a.label}: no hidden test grades {a.assignment} {a.function}"
        assert {t.run.__module__ for t in tests} == {f"autograder.hidden.suites.{name}"}, a.label
        assert a.assignment == module.A


def test_every_hidden_suite_has_its_sample_module():
    suites = {t.run.__module__.rsplit(".", 1)[1] for t in registry.all_tests(concepts=False)}
    assert {m.__name__.rsplit(".", 1)[1] for m in planted.MODULES} == suites


def test_the_concept_answers_sit_beside_the_concept_questions():
    for a in concepts.CONCEPT_MISTAKES:
        tests = registry.tests_for(a.assignment, a.function)
        assert tests and {t.run.__module__ for t in tests} == {"autograder.hidden.concepts"}, a.label
    assert planted.CONCEPT_MISTAKES is concepts.CONCEPT_MISTAKES


def test_the_aggregate_is_the_union_of_the_modules():
    """Every answer of every module reaches exactly one joined collection (the demo's through
    ALL_MISTAKES and STYLE_CATALOGUE), and nothing else does: none lost, none counted twice."""
    joined = Counter(id(a) for name in JOINED for a in getattr(planted, name))
    defined = {id(a): a for m in planted.MODULES for a in answers_of(m)}
    assert set(joined) == set(defined), [defined[i].label for i in set(defined) - set(joined)]
    assert all(n == 1 for n in joined.values()), [defined[i].label for i, n in joined.items() if n > 1]


@pytest.mark.parametrize("batch", JOINED[2:])
def test_each_batch_joins_the_modules_in_the_module_order(batch):
    """A batch keeps each module's answers in the order written there, modules in MODULES order."""
    expected = [a for m in planted.MODULES for a in getattr(m, batch, ())]
    assert list(getattr(planted, batch)) == expected


def test_all_mistakes_starts_with_the_demo_mistakes_then_each_modules_catalogue():
    assert planted.ALL_MISTAKES[:4] == planted.MISTAKES
    assert planted.ALL_MISTAKES[4:] == tuple(a for m in planted.MODULES for a in m.MISTAKES)


# The batches were each measured once as written (README, tools/diagnosis_share.py --batches):
# moving an answer between modules must not change a batch. A digest of every field of every answer,
# in order; should a batch ever be changed on purpose, its measured figures no longer hold.
MEASURED = {
    "UNCATALOGUED": (30, "80e5cede00876819"),
    "LATER_MISTAKES": (14, "1112e4a49921f3c5"),
    "LAST_MISTAKES": (14, "a2cdccdddd1fe3f5"),
    "BLIND_MISTAKES": (14, "7d8cccf1445b7280"),
    "FORMULA_MISTAKES": (20, "427c3b71a96752bf"),
}


@pytest.mark.parametrize("batch", MEASURED)
def test_a_measured_batch_keeps_its_members_and_their_order(batch):
    answers = getattr(planted, batch)
    fields = [(a.assignment, a.function, a.label, a.source, a.kept, a.diagnosis) for a in answers]
    assert (len(answers), hashlib.sha256(repr(fields).encode()).hexdigest()[:16]) == MEASURED[batch]
