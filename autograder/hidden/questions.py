"""The concept questions of every assignment (see ``concepts.py``): the right answer and one
sentence for each known wrong answer. Their visible text, choices and drawn numbers are in
``course/bpkit/questions.py``; ``reasons`` follow the order of the visible choices there."""

from .concepts import Question, register

A1, A2, A3, A4, A5 = (
    "01_cost_functions", "02_backward_step", "03_L_model_backward", "04_update_rule", "05_cat_dog_classifier",
)

# 01: cost functions ---------------------------------------------------------------------------

register(A1, Question("q_cost_of_half", answer="np.log(2)", wrong={
    "0.5": "0.5 is the output, not the cost: the cost is -log(0.5) for every example, whatever its label.",
    "-np.log(2)": "the cost is never negative: the minus sign in front of the sum makes -log(a) > 0.",
    "np.log10(2)": "that is log base 10: np.log, and the cross-entropy, use the natural logarithm.",
    "0.125": "that is the mean squared error (1/(2m)) sum (a - y)^2, not the cross-entropy.",
    "0.25": "that is a squared error, (0.5)^2, not the cross-entropy -log(0.5).",
}))

register(A1, Question("q_why_cross_entropy", reasons=(
    "the size of a cost tells nothing about training: only its gradient moves the parameters.",
    "",
    "the cross-entropy is unbounded: -log(a) grows without limit as a goes to 0 for a label 1.",
    "it does: log(0) is -infinity, which is why AL is clipped away from 0 and 1.",
)))

register(A1, Question("q_shape_of_dAL", answer="(1, v.m)", shape=True, wrong={
    "(v.m, 1)": "that is transposed: dAL has exactly the shape of AL, one entry per prediction.",
    "(1, 1)": "dAL is not the cost: it holds one derivative per prediction, so it has the shape of AL.",
    "()": "dAL is not the cost: it holds one derivative per prediction, so it has the shape of AL.",
    "(v.m,)": "dAL keeps the (1, m) row shape of AL: shape ({{m}},) loses a dimension.",
}))

# 02: the backward step ------------------------------------------------------------------------

register(A2, Question("q_shape_of_dW", answer="(v.n, v.n_prev)", shape=True, wrong={
    "(v.n_prev, v.n)": "that is the shape of W transposed: dW has exactly the shape of W, (n[l], n[l-1]).",
    "(v.n, v.m)": "that is the shape of Z and dZ: dW = dZ A_prev.T / m sums over the m examples.",
    "(v.n_prev, v.m)": "that is the shape of A_prev and dA_prev: dW has the shape of W, (n[l], n[l-1]).",
    "(v.n, 1)": "that is the shape of b and db: dW has the shape of W, (n[l], n[l-1]).",
}))

register(A2, Question("q_linear_cache", reasons=(
    "the cache is filled in the forward pass, before any gradient exists.",
    "Z is the activation cache: the linear step needs A_prev for dW and W for dA_prev.",
    "",
    "the labels never enter a layer's cache: only the cost and its derivative see Y.",
)))

register(A2, Question("q_where_one_over_m", reasons=(
    "without 1/m the gradient is that of m times the mean cost, so the step grows with the batch size.",
    "dA_prev is per example (one column each): dividing it too would divide every earlier "
    "layer's dW by m again.",
    "",
    "dA_prev is per example and gets no 1/m; it is dW and db, the sums over the examples, that do.",
)))

# 03: L_model_backward -------------------------------------------------------------------------

register(A3, Question("q_what_is_dA0", reasons=(
    "W1 moves with dW1 = dZ1 X.T / m; dA0 is computed from dZ1 after that and never enters it.",
    "",
    "that is dAL, the start of the backward pass; dA0 is where it ends.",
    "that is db1, the mean of dZ1 over the examples; dA0 = W1.T dZ1 has the shape of X.",
)))

register(A3, Question("q_relu_and_sigmoid", reasons=(
    "the sigmoid is non-linear: its problem is its derivative, at most 1/4, which shrinks the "
    "gradient through every sigmoid layer.",
    "it is the other way round: ReLU has a kink at 0, the sigmoid is smooth everywhere.",
    "",
    "a ReLU output is not a probability: it can exceed 1, and it is exactly 0 for half the "
    "inputs, where log(a) is -infinity.",
)))

register(A3, Question("q_number_of_caches", answer="len(v.layer_dims) - 1", tolerance=0, wrong={
    "len(v.layer_dims)": "layer_dims counts the input layer, which computes nothing and has no cache: "
                         "L = len(layer_dims) - 1.",
    "len(v.layer_dims) - 2": "the output layer has a cache too: L - 1 ReLU layers plus one sigmoid layer.",
}))

# 04: the update rule --------------------------------------------------------------------------

register(A4, Question("q_step_factor", answer="1 - 2 * v.alpha", wrong={
    "2 * v.alpha - 1": "the factor is 1 - 2 alpha: with alpha = {{alpha}} it is negative, so w flips sign "
                       "at every step.",
    "1 - v.alpha": "the gradient of w^2 is 2w, not w: the factor is 1 - 2 alpha, not 1 - alpha.",
    "1 + 2 * v.alpha": "the update subtracts the gradient: w - alpha * 2w, not w + alpha * 2w.",
    "v.alpha": "that is the learning rate itself: the factor is 1 - 2 alpha.",
}))

register(A4, Question("q_largest_rate", answer="1.0", wrong={
    "0.5": "at 0.5 one step lands exactly on the minimum; up to 1 it still converges, overshooting.",
    "2.0": "with alpha > 1 the factor 1 - 2 alpha is below -1, so |w| grows at every step.",
    "0.1": "small rates converge, only slowly: the limit is where |1 - 2 alpha| reaches 1.",
}))

register(A4, Question("q_why_copy", reasons=(
    "copying costs time and memory: it is there for correctness, not speed.",
    "they can (W -= dW changes the array in place): that is exactly what the copy avoids.",
    "",
    "the gradients come from the forward and backward passes on params itself.",
)))

# 05: the cat/dog classifier -------------------------------------------------------------------

register(A5, Question("q_plateau_cost", answer="-(v.p * np.log(v.p) + (1 - v.p) * np.log(1 - v.p))", wrong={
    "np.log(2)": "ln 2 is the cost of answering 0.5; answering p = {{p}} costs the entropy "
                 "-(p ln p + (1 - p) ln(1 - p)), lower than ln 2.",
    "-np.log(v.p)": "that counts only the cats: the {{percent}}% of labels 1 cost -ln(p) each, the others "
                    "-ln(1 - p).",
    "v.p": "{{p}} is the answer, not its cost.",
}))

register(A5, Question("q_threshold", answer="0.5", tolerance=0, wrong={
    "0": "0 is the threshold on Z, the input of the sigmoid: the output A is a probability, "
         "and sigma(0) = 0.5.",
    "1": "the sigmoid never reaches 1: with 1 as the threshold every prediction would be 0.",
}))

_WEIGHTS = "sum(a * b for a, b in zip(v.layers_dims[1:], v.layers_dims[:-1]))"
register(A5, Question("q_parameter_count", answer=f"{_WEIGHTS} + sum(v.layers_dims[1:])", tolerance=0, wrong={
    _WEIGHTS: "count the biases too: b[l] has n[l] entries.",
    "sum(v.layers_dims[1:])": "that counts the units: each of them has n[l-1] weights and one bias.",
}))
