"""A sample class: typical student answers, right and wrong, as complete function definitions.

The demo and the end-to-end tests build submissions from these: each planted mistake replaces
one solution cell of an otherwise correct notebook, and states how many points that function
should keep and which words its diagnosis must contain. Style variants are correct answers
written differently; they must earn full marks.

The answers live one module per assignment, named like the hidden suite that grades them
(``cost_functions.py`` beside ``autograder/hidden/suites/cost_functions.py``, the debugging labs
in ``cost_lab.py`` and ``backward_lab.py``, the concept questions in ``concepts.py``); this module
joins them into the collections every user reads:

MISTAKES and STYLE_VARIANTS make the demo's sample class. ALL_MISTAKES holds one planted answer
per mistake the hidden tests explain, written as a student would; CATALOGUE (graded end to end
through nbgrader) and MORE_MISTAKES (graded in-process only) split it. STYLE_CATALOGUE holds
more style variants. tests/hidden/test_planted.py grades all of them in-process. UNCATALOGUED
and the measurement batches (LATER_MISTAKES, LAST_MISTAKES, BLIND_MISTAKES, FORMULA_MISTAKES)
are the wrong answers the search is measured on (tools/diagnosis_share.py).
"""

from . import L_model_backward, backward_lab, backward_step, cat_dog_classifier, cost_functions, cost_lab, update_rule
from .answer import Answer, slug
from .concepts import CONCEPT_MISTAKES, concept_source

# The per-assignment modules, in the order their answers join the collections below
# (STYLE_CATALOGUE keeps an order of its own). A new hidden suite gets its module here too.
MODULES = (cost_functions, backward_step, L_model_backward, update_rule, cat_dog_classifier, cost_lab, backward_lab)


def gather(batch: str, modules=MODULES) -> tuple[Answer, ...]:
    """Every module's ``batch`` tuple, joined in the order of ``modules`` (a module without the
    batch has no answer in it)."""
    return tuple(a for m in modules for a in getattr(m, batch, ()))


MISSING_ONE_OVER_M = backward_step.MISSING_ONE_OVER_M
WRONG_LOG_TERM = cost_functions.WRONG_LOG_TERM
SIGMOID_EVERYWHERE = L_model_backward.SIGMOID_EVERYWHERE
PLUS_UPDATE = update_rule.PLUS_UPDATE
SHORTCUT_BACKWARD = L_model_backward.SHORTCUT_BACKWARD
IN_PLACE_ON_COPY = update_rule.IN_PLACE_ON_COPY
SQUEEZED_DOT_COST = cost_functions.SQUEEZED_DOT_COST

MISTAKES = (MISSING_ONE_OVER_M, WRONG_LOG_TERM, SIGMOID_EVERYWHERE, PLUS_UPDATE)
STYLE_VARIANTS = (SHORTCUT_BACKWARD, IN_PLACE_ON_COPY, SQUEEZED_DOT_COST)


# ---------------------------------------------------------------------------------------------
# The catalogue: one planted answer per mistake the hidden tests recognise, as a student would
# write it (each module's MISTAKES). ``kept`` is what the function keeps over all its hidden tests
# (parts it gets right keep their share); ``diagnosis`` is a phrase of the explanation the student
# must be given.
# ---------------------------------------------------------------------------------------------

COST_MISTAKES = cost_functions.MISTAKES
BACKWARD_STEP_MISTAKES = backward_step.BACKWARD_STEP_MISTAKES
SHALLOW_MISTAKES = backward_step.SHALLOW_MISTAKES
DEEP_MISTAKES = L_model_backward.MISTAKES
UPDATE_MISTAKES = update_rule.MISTAKES
TRAINING_MISTAKES = cat_dog_classifier.TRAINING_MISTAKES
PREDICT_MISTAKES = cat_dog_classifier.PREDICT_MISTAKES
LAB_MISTAKES = cost_lab.MISTAKES + backward_lab.MISTAKES

ALL_MISTAKES = MISTAKES + gather("MISTAKES")


# Graded end to end through nbgrader, one student each (tests/pipeline/test_planted_catalogue.py):
# every graded function, and the mistakes most worth seeing in a real notebook. Each notebook
# costs seconds to grade, so the rest (MORE_MISTAKES) are graded in-process only.
_END_TO_END = {
    "accuracy instead of error", "1/m instead of 1/(2m)", "error not squared",
    "log(AL) in both terms", "logs swapped", "no clipping", "only the Y log(AL) term", "Y - AL",
    "plus between the terms", "dZ shortcut AL - Y", "CostFunction with the costs swapped",
    "CostFunction without a ValueError", "sigmoid: cache used as A", "relu gated on dA",
    "relu: == instead of =", "tanh: 1 - Z**2", "missing 1/m", "dA_prev averaged too",
    "m from the wrong axis", "sigmoid branch calls relu_backward", "derivative taken at A",
    "shallow: 1 - Z1**2", "shallow: dW2.T for W2.T",
    *(a.label for a in (SIGMOID_EVERYWHERE, PLUS_UPDATE) + DEEP_MISTAKES + UPDATE_MISTAKES),
    *(a.label for a in TRAINING_MISTAKES + PREDICT_MISTAKES + LAB_MISTAKES),
}
CATALOGUE = tuple(a for a in ALL_MISTAKES if a.label in _END_TO_END)
MORE_MISTAKES = tuple(a for a in ALL_MISTAKES if a.label not in _END_TO_END)


# Correct answers written differently (each module's STYLES): each must earn full marks.
STYLE_CATALOGUE = STYLE_VARIANTS + gather("STYLES", (cost_functions, cost_lab, backward_lab, backward_step,
                                                     L_model_backward, update_rule, cat_dog_classifier))


# ---------------------------------------------------------------------------------------------
# More wrong answers, written the ways real students err and not one per catalogued Mistake: some
# give the output of a catalogued Mistake by other code, most are explained only by the search
# (autograder/hidden/search.py). ``kept`` and ``diagnosis`` are what grading gives them, the
# catalogue on (tests/hidden/test_search.py). tools/diagnosis_share.py measures the search alone
# on half of ALL_MISTAKES + UNCATALOGUED, the search having been built on the other half.
# ---------------------------------------------------------------------------------------------

UNCATALOGUED = gather("UNCATALOGUED")

# The measurement batches, kept whole: an answer stays in the batch it was written in, whichever
# module holds it (tools/diagnosis_share.py --batches prints each batch's share apart).

# Written after the search was last changed, and measured once as they were
# (tools/diagnosis_share.py prints their share apart): the search never saw them.
LATER_MISTAKES = gather("LATER_MISTAKES")

# A third batch, written after the search changed for the batch above (which it now names better
# than it did blind); measured once as they were, too.
LAST_MISTAKES = gather("LAST_MISTAKES")

# A fourth batch, written after the search stopped changing: its share is the search's last
# blind measurement (tools/diagnosis_share.py --batches).
BLIND_MISTAKES = gather("BLIND_MISTAKES")

# A fifth batch, twenty more wrong answers over every graded function, written before the search
# learned to mutate the reference's own formulas: measured blind once, as written (12 of 20; one
# of the eight misses, "threshold on the last Z", fails no hidden test at all: Z > 0.5 and
# sigmoid(Z) > 0.5 differ only for 0 < Z <= 0.5, which the tests' inputs never hold).
FORMULA_MISTAKES = gather("FORMULA_MISTAKES")

__all__ = [
    "Answer", "slug", "MODULES", "gather",
    "MISSING_ONE_OVER_M", "WRONG_LOG_TERM", "SIGMOID_EVERYWHERE", "PLUS_UPDATE", "SHORTCUT_BACKWARD",
    "IN_PLACE_ON_COPY", "SQUEEZED_DOT_COST", "MISTAKES", "STYLE_VARIANTS",
    "COST_MISTAKES", "BACKWARD_STEP_MISTAKES", "SHALLOW_MISTAKES", "DEEP_MISTAKES", "UPDATE_MISTAKES",
    "TRAINING_MISTAKES", "PREDICT_MISTAKES", "LAB_MISTAKES", "ALL_MISTAKES", "CATALOGUE", "MORE_MISTAKES",
    "STYLE_CATALOGUE", "UNCATALOGUED", "LATER_MISTAKES", "LAST_MISTAKES", "BLIND_MISTAKES", "FORMULA_MISTAKES",
    "CONCEPT_MISTAKES",
    "concept_source",
]
