"""The concept questions of every assignment (see ``concepts.py``): their visible text, the
right answer, and one sentence for each known wrong answer."""

import math

from .concepts import Choice, Question, register

A1, A2, A3, A4, A5 = (
    "01_cost_functions", "02_backward_step", "03_L_model_backward", "04_update_rule", "05_cat_dog_classifier",
)

# 01: cost functions ---------------------------------------------------------------------------

register(A1, Question("q_cost_of_half", r"""
**Q1.** A network that has learnt nothing answers $a = 0.5$ for every example, whatever the
label. What is its cross-entropy cost $J$? Give a number to 3 decimals.
""", number=math.log(2), wrong={
    0.5: "0.5 is the output, not the cost: the cost is -log(0.5) for every example, whatever its label.",
    -math.log(2): "the cost is never negative: the minus sign in front of the sum makes -log(a) > 0.",
    math.log10(2): "that is log base 10: np.log, and the cross-entropy, use the natural logarithm.",
    0.125: "that is the mean squared error (1/(2m)) sum (a - y)^2, not the cross-entropy.",
    0.25: "that is a squared error, (0.5)^2, not the cross-entropy -log(0.5).",
}, example="a number, for example 0.25"))

register(A1, Question("q_why_cross_entropy", r"""
**Q2.** Why is the cross-entropy the usual cost for a sigmoid output, rather than the mean
squared error?
""", choices=(
    Choice("It is always smaller than the mean squared error, so training ends sooner.",
           "the size of a cost tells nothing about training: only its gradient moves the parameters."),
    Choice(r"Its gradient with respect to $Z$ is $A - Y$, which stays large when the sigmoid "
           r"saturates on a wrong answer; the MSE's gradient is multiplied by $\sigma'(Z)$ and vanishes there."),
    Choice("It is bounded by 1, so one bad example cannot dominate the cost.",
           "the cross-entropy is unbounded: -log(a) grows without limit as a goes to 0 for a label 1."),
    Choice("It needs no clipping of the predictions.",
           "it does: log(0) is -infinity, which is why AL is clipped away from 0 and 1."),
)))

register(A1, Question("q_shape_of_dAL", r"""
**Q3.** The predictions `AL` of a batch have shape $(1, 7)$. What is the shape of the derivative
`dAL` that `cost_derivative_ce(AL, Y)` returns? Give a tuple.
""", shape=(1, 7), wrong={
    (7, 1): "that is transposed: dAL has exactly the shape of AL, one entry per prediction.",
    (1, 1): "dAL is not the cost: it holds one derivative per prediction, so it has the shape of AL.",
    (): "dAL is not the cost: it holds one derivative per prediction, so it has the shape of AL.",
    (7,): "dAL keeps the (1, m) row shape of AL: shape (7,) loses a dimension.",
}))

# 02: the backward step ------------------------------------------------------------------------

register(A2, Question("q_shape_of_dW", r"""
**Q1.** A layer has $n^{[l]} = 4$ units, the previous layer has $n^{[l-1]} = 3$, and the batch
has $m = 10$ examples. What is the shape of $dW^{[l]}$? Give a tuple.
""", shape=(4, 3), wrong={
    (3, 4): "that is the shape of W transposed: dW has exactly the shape of W, (n[l], n[l-1]).",
    (4, 10): "that is the shape of Z and dZ: dW = dZ A_prev.T / m sums over the m examples.",
    (3, 10): "that is the shape of A_prev and dA_prev: dW has the shape of W, (n[l], n[l-1]).",
    (4, 1): "that is the shape of b and db: dW has the shape of W, (n[l], n[l-1]).",
}))

register(A2, Question("q_linear_cache", r"""
**Q2.** What does the linear cache of a layer hold, and why?
""", choices=(
    Choice(r"$dW$ and $db$, so the update can use them.",
           "the cache is filled in the forward pass, before any gradient exists."),
    Choice(r"$Z$ only, because every derivative of the layer depends on $Z$.",
           "Z is the activation cache: the linear step needs A_prev for dW and W for dA_prev."),
    Choice(r"$A^{[l-1]}$, $W^{[l]}$ and $b^{[l]}$: $A^{[l-1]}$ gives $dW = \frac{1}{m} dZ\, A^{[l-1]T}$ and "
           r"$W$ gives $dA^{[l-1]} = W^T dZ$."),
    Choice(r"The output $A^{[l]}$ and the labels $Y$.",
           "the labels never enter a layer's cache: only the cost and its derivative see Y."),
)))

register(A2, Question("q_where_one_over_m", r"""
**Q3.** Where does the factor $\frac{1}{m}$ go in the backward step of one layer?
""", choices=(
    Choice(r"Nowhere: the gradients are plain sums over the examples.",
           "without 1/m the gradient is that of m times the mean cost, so the step grows with the batch size."),
    Choice(r"In $dW$, $db$ and $dA^{[l-1]}$.",
           "dA_prev is per example (one column each): dividing it too would divide every earlier "
           "layer's dW by m again."),
    Choice(r"In $dW$ and $db$ only: they sum over the examples; $dA^{[l-1]}$ keeps one column per "
           r"example and gets no $\frac{1}{m}$."),
    Choice(r"In $dA^{[l-1]}$ only.",
           "dA_prev is per example and gets no 1/m; it is dW and db, the sums over the examples, that do."),
)))

# 03: L_model_backward -------------------------------------------------------------------------

register(A3, Question("q_what_is_dA0", r"""
**Q1.** `L_model_backward` returns `grads["dA0"]`, the gradient with respect to the input $X$.
What is it used for when training this network?
""", choices=(
    Choice(r"To update $W^{[1]}$.",
           "W1 moves with dW1 = dZ1 X.T / m; dA0 is computed from dZ1 after that and never enters it."),
    Choice(r"Nothing in the update: $X$ is data, not a parameter. It comes for free from the last "
           r"`linear_backward` call (and would matter only if something before the network learnt)."),
    Choice(r"It is the derivative of the cost with respect to the output $A^{[L]}$.",
           "that is dAL, the start of the backward pass; dA0 is where it ends."),
    Choice(r"It is the gradient of the first layer's bias.",
           "that is db1, the mean of dZ1 over the examples; dA0 = W1.T dZ1 has the shape of X."),
)))

register(A3, Question("q_relu_and_sigmoid", r"""
**Q2.** Why are the hidden layers ReLU and the output layer a sigmoid?
""", choices=(
    Choice(r"A sigmoid in a hidden layer would make the network linear.",
           "the sigmoid is non-linear: its problem is its derivative, at most 1/4, which shrinks the "
           "gradient through every sigmoid layer."),
    Choice(r"ReLU is differentiable everywhere and the sigmoid is not.",
           "it is the other way round: ReLU has a kink at 0, the sigmoid is smooth everywhere."),
    Choice(r"The sigmoid output is a probability in $(0, 1)$, which the cross-entropy needs; ReLU's "
           r"derivative is 1 for positive $Z$, so the gradient does not shrink through the hidden layers."),
    Choice(r"A ReLU output would work as well: it is never negative.",
           "a ReLU output is not a probability: it can exceed 1, and it is exactly 0 for half the "
           "inputs, where log(a) is -infinity."),
)))

register(A3, Question("q_number_of_caches", r"""
**Q3.** A network has `layer_dims = [5, 4, 3, 1]`. How many caches does `L_model_forward`
return (how many layers does `L_model_backward` walk through)? Give a whole number.
""", number=3, tolerance=0, wrong={
    4: "layer_dims counts the input layer, which computes nothing and has no cache: L = len(layer_dims) - 1.",
    2: "the output layer has a cache too: L - 1 ReLU layers plus one sigmoid layer.",
}, example="a whole number, for example 7"))

# 04: the update rule --------------------------------------------------------------------------

register(A4, Question("q_step_factor", r"""
**Q1.** For the cost $J(w) = w^2$ and the learning rate $\alpha = 0.75$, one update multiplies
$w$ by a fixed factor. Which? Give a number.
""", number=-0.5, wrong={
    0.5: "the factor is 1 - 2 alpha: with alpha = 0.75 it is negative, so w flips sign at every step.",
    0.25: "the gradient of w^2 is 2w, not w: the factor is 1 - 2 alpha, not 1 - alpha.",
    2.5: "the update subtracts the gradient: w - alpha * 2w, not w + alpha * 2w.",
    0.75: "that is the learning rate itself: the factor is 1 - 2 alpha.",
}))

register(A4, Question("q_largest_rate", r"""
**Q2.** Still for $J(w) = w^2$: below which learning rate $\alpha$ does gradient descent converge
(and above which does it diverge)? Give a number.
""", number=1.0, wrong={
    0.5: "at 0.5 one step lands exactly on the minimum; up to 1 it still converges, overshooting.",
    2.0: "with alpha > 1 the factor 1 - 2 alpha is below -1, so |w| grows at every step.",
    0.1: "small rates converge, only slowly: the limit is where |1 - 2 alpha| reaches 1.",
}))

register(A4, Question("q_why_copy", r"""
**Q3.** Why does `update_parameters` work on `copy.deepcopy(params)` rather than on `params`?
""", choices=(
    Choice("A copy is faster to update than the original.",
           "copying costs time and memory: it is there for correctness, not speed."),
    Choice("NumPy arrays cannot be changed in place.",
           "they can (W -= dW changes the array in place): that is exactly what the copy avoids."),
    Choice(r"The caller may still need the old values (to compare, or to restart with another "
           r"learning rate), and changing them in place would silently change the caller's dict."),
    Choice("The gradients were computed from the copy.",
           "the gradients come from the forward and backward passes on params itself."),
)))

# 05: the cat/dog classifier -------------------------------------------------------------------

register(A5, Question("q_plateau_cost", r"""
**Q1.** A training set has 35% cats (label 1). Before it has learnt anything from the images, a
network can at best answer $0.35$ for every example. What is the cross-entropy cost of that
answer? Give a number to 3 decimals.
""", number=-(0.35 * math.log(0.35) + 0.65 * math.log(0.65)), wrong={
    math.log(2): "ln 2 is the cost of answering 0.5; answering p = 0.35 costs the entropy "
                 "-(p ln p + (1 - p) ln(1 - p)), lower than ln 2.",
    -math.log(0.35): "that counts only the cats: the 65% of labels 0 cost -ln(0.65) each.",
    0.35: "0.35 is the answer, not its cost.",
}, example="a number, for example 0.25"))

register(A5, Question("q_threshold", r"""
**Q2.** `predict` turns the network's output $A^{[L]}$ into labels 0 and 1. Above which value of
$A^{[L]}$ does it answer 1? Give a number.
""", number=0.5, tolerance=0, wrong={
    0: "0 is the threshold on Z, the input of the sigmoid: the output A is a probability, "
       "and sigma(0) = 0.5.",
    1: "the sigmoid never reaches 1: with 1 as the threshold every prediction would be 0.",
}))

register(A5, Question("q_parameter_count", r"""
**Q3.** How many numbers (weights and biases) does a network with
`layers_dims = [12288, 20, 7, 5, 1]` learn? Give a whole number.
""", number=12288 * 20 + 20 + 20 * 7 + 7 + 7 * 5 + 5 + 5 * 1 + 1, tolerance=0, wrong={
    12288 * 20 + 20 * 7 + 7 * 5 + 5 * 1: "count the biases too: b[l] has n[l] entries.",
    20 + 7 + 5 + 1: "that counts the units: each of them has n[l-1] weights and one bias.",
}, example="a whole number, for example 1000"))
