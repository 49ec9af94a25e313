"""Planted wrong answers to the concept questions of every assignment, graded by
``autograder/hidden/questions.py``."""

from .answer import Answer

# Concept questions: wrong answers as students write them (tests/hidden/test_concepts.py grades
# them in-process, tests/pipeline/test_concepts_graded.py through the CLI). Every student has a
# version of their own, so a source is a template of the version ``v`` of the student who
# writes it (``concept_source``): ``{v.letter_of[2]}`` is the letter under which they see the
# third choice of the visible text, ``{v.alpha}`` a number drawn for them.
CONCEPT_MISTAKES = [
    Answer("01_cost_functions", "q_cost_of_half", "cost of 0.5 in log10", "q_cost_of_half = 0.301",
           kept=0.0, diagnosis="log base 10"),
    Answer("01_cost_functions", "q_why_cross_entropy", "cross-entropy is bounded",
           "q_why_cross_entropy = '{v.letter_of[2]}'.lower()", kept=0.0, diagnosis="the cross-entropy is unbounded"),
    Answer("01_cost_functions", "q_shape_of_dAL", "dAL transposed", "q_shape_of_dAL = ({v.m}, 1)",
           kept=0.0, diagnosis="transposed"),
    Answer("02_backward_step", "q_shape_of_dW", "dW shaped like W.T", "q_shape_of_dW = [{v.n_prev}, {v.n}]",
           kept=0.0, diagnosis="W transposed"),
    Answer("02_backward_step", "q_linear_cache", "cache holds gradients", 'q_linear_cache = "{v.letter_of[0]}"',
           kept=0.0, diagnosis="before any gradient exists"),
    Answer("02_backward_step", "q_where_one_over_m", "1/m in dA_prev too", "q_where_one_over_m = '{v.letter_of[1]} '",
           kept=0.0, diagnosis="divide every earlier"),
    Answer("03_L_model_backward", "q_what_is_dA0", "dA0 updates W1", "q_what_is_dA0 = '{v.letter_of[0]}'",
           kept=0.0, diagnosis="never enters it"),
    Answer("03_L_model_backward", "q_relu_and_sigmoid", "ReLU output", "q_relu_and_sigmoid = '{v.letter_of[3]}'",
           kept=0.0, diagnosis="not a probability"),
    Answer("03_L_model_backward", "q_number_of_caches", "input layer cached",
           "q_number_of_caches = len({v.layer_dims})", kept=0.0, diagnosis="counts the input layer"),
    Answer("04_update_rule", "q_step_factor", "factor 1 + 2 alpha", "q_step_factor = 1 + 2 * {v.alpha}",
           kept=0.0, diagnosis="subtracts the gradient"),
    Answer("04_update_rule", "q_largest_rate", "limit 0.5", "q_largest_rate = 0.5",
           kept=0.0, diagnosis="lands exactly on the minimum"),
    Answer("04_update_rule", "q_why_copy", "in place impossible", "q_why_copy = '{v.letter_of[1]}'",
           kept=0.0, diagnosis="changes the array in place"),
    Answer("05_cat_dog_classifier", "q_plateau_cost", "plateau ln 2", "q_plateau_cost = 0.693",
           kept=0.0, diagnosis="ln 2 is the cost of answering 0.5"),
    Answer("05_cat_dog_classifier", "q_threshold", "threshold on Z", "q_threshold = 0",
           kept=0.0, diagnosis="threshold on Z"),
    Answer("05_cat_dog_classifier", "q_parameter_count", "weights only",
           "q_parameter_count = sum(a * b for a, b in zip({v.layers_dims}[1:], {v.layers_dims}[:-1]))",
           kept=0.0, diagnosis="count the biases too"),
]


def concept_source(answer: Answer, student: str) -> str:
    """A planted concept answer as ``student`` writes it: its template filled with their version."""
    from ..hidden.visible import questions  # late import: the helper package is loaded on demand

    return answer.source.format(v=questions.version(answer.function, student))
