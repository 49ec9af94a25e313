"""Assignment 04: gradient descent, the update rule (update_parameters)."""

from autograder.authoring import Notebook

nb = Notebook("04_update_rule", "update_rule")

nb.markdown(r"""
# Gradient descent: the update rule

You can now compute, for every weight and bias of an $L$-layer network, how the cost changes
when that parameter changes: the gradients of `L_model_backward`. This assignment uses them to
**learn**: move every parameter a small step against its gradient, and repeat.

What you will do:
1. write `update_parameters(params, grads, learning_rate)` (graded);
2. see what the learning rate does, first on a one-number problem, then on a network;
3. put everything together in a training loop (forward, cost, backward, update) and watch the
   cost fall.

Provided: `L_model_forward`, `L_model_backward`, `compute_cost`, `initialize_parameters_deep`
and the `copy` module.
""")

nb.setup("""
import copy
import numpy as np

from bpkit.forward import L_model_forward
from bpkit.solved.L_model_backward import L_model_backward
from bpkit.solved.cost_functions import compute_cost
from bpkit.init import initialize_parameters_deep
from bpkit import testcases
from bpkit.widgets.learning_rate import learning_rate_explorer
""")

nb.markdown(r"""
## 1. The update rule

The gradient $d\theta = \partial J / \partial \theta$ points in the direction in which the cost
$J$ grows fastest. To lower the cost, step the other way:

$$\theta \leftarrow \theta - \alpha \, d\theta,$$

where $\alpha > 0$ is the **learning rate**, the size of the step. Why this lowers the cost: for
a small step, $J(\theta - \alpha\, d\theta) \approx J(\theta) - \alpha \|d\theta\|^2$, which is
below $J(\theta)$ whenever the gradient is not zero.

For the $L$-layer network, $\theta$ is every weight matrix and every bias vector, so for
$l = 1, \dots, L$:

$$W^{[l]} \leftarrow W^{[l]} - \alpha \, dW^{[l]}, \qquad
b^{[l]} \leftarrow b^{[l]} - \alpha \, db^{[l]}.$$

Each parameter moves **once** per call (not once per layer of a nested loop), and `dW{l}` has
exactly the shape of `W{l}`, so the subtraction is element-wise. `params` holds `W1..WL` and
`b1..bL`, so the number of layers is `L = len(params) // 2`; `grads` may hold extra keys (the
`dA` ones), which the update ignores.

**Do not change `params` in place.** The caller may still need the old values (to compare
before and after, or to restart from the same point with another learning rate). So work on a
copy, `copy.deepcopy(params)`, and return the copy; the first lines below do that for you.

**Your task.** Write `update_parameters`.
""")

nb.solution("update_parameters", '''
def update_parameters(params, grads, learning_rate):
    """One step of gradient descent on every parameter of an L-layer network.

    Arguments:
    params -- dict with W1..WL, W{l} of shape (n_l, n_{l-1}), and b1..bL, b{l} of shape (n_l, 1)
    grads -- dict from L_model_backward with dW{l} and db{l} of the same shapes as W{l} and
             b{l} (its dA keys are not used)
    learning_rate -- the step size alpha, a positive number

    Returns:
    parameters -- a new dict with W{l} - learning_rate * dW{l} and b{l} - learning_rate * db{l}
                  for l = 1 .. L; params itself is left unchanged
    """
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers in the network

    # For every layer l from 1 to L (a loop):
    # 1. parameters["W" + str(l)] becomes itself minus learning_rate times grads["dW" + str(l)];
    # 2. parameters["b" + str(l)] likewise with grads["db" + str(l)].
    # (about 3 lines)
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    ### END SOLUTION

    return parameters
''')

nb.check("update_parameters", """
# Self-check (no points): a 3-layer and a 5-layer network, non-zero biases.
params, grads = testcases.update_parameters_case()
_out = update_parameters(copy.deepcopy(params), grads, 0.1)
params5, grads5 = testcases.update_parameters_case(layer_dims=(4, 6, 2, 5, 3, 1))
_out5 = update_parameters(copy.deepcopy(params5), grads5, 0.75)
### HASHED AUTOTEST _out['W2'].shape
### HASHED AUTOTEST _out['b3'].shape
### AUTOTEST _out['W1']
### AUTOTEST _out['b1']
### AUTOTEST _out
### AUTOTEST _out5
""")

nb.hidden_tests("update_parameters")

nb.markdown(r"""
Your function should leave its input alone and move each parameter by exactly
$-\alpha \, d\theta$:
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
params, grads = testcases.update_parameters_case()
before = copy.deepcopy(params)
new = update_parameters(params, grads, 0.1)
print("params left unchanged:", all(np.array_equal(params[k], before[k]) for k in params))
print("W1 moved by -0.1 * dW1:", np.allclose(new["W1"] - before["W1"], -0.1 * grads["dW1"]))
print("b3 moved by -0.1 * db3:", np.allclose(new["b3"] - before["b3"], -0.1 * grads["db3"]))
""")

nb.markdown(r"""
## 2. The learning rate, on a problem with one number

Take the cost $J(w) = w^2$, smallest at $w = 0$. Its gradient is $dw = 2w$, so one update gives

$$w \leftarrow w - \alpha \cdot 2w = (1 - 2\alpha)\, w.$$

Every step multiplies $w$ by $1 - 2\alpha$:

- $\alpha$ **too small** (0.05): the factor is 0.9, so $w$ creeps towards 0: slow;
- $\alpha$ **well chosen** (0.4): the factor is 0.2, so $w$ is almost 0 after a few steps;
- $\alpha$ **large** (0.9): the factor is $-0.8$, so $w$ overshoots and flips sign at every step,
  still shrinking;
- $\alpha$ **too large** (1.1): the factor is $-1.2$, so every step overshoots further than the
  last: the cost **diverges**.

Gradient descent converges here only for $0 < \alpha < 1$. In a network every direction has its
own curvature and the steepest one sets the limit, but the picture is the same. The cell below
runs this with **your** `update_parameters`, $w$ stored as a $1 \times 1$ "W1":
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
for alpha in (0.05, 0.4, 0.9, 1.1):
    p = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    ws = []
    for step in range(6):
        g = {"dW1": 2 * p["W1"], "db1": np.zeros((1, 1))}  # the gradient of J = w^2
        p = update_parameters(p, g, alpha)
        ws.append(float(p["W1"][0, 0]))
    print(f"alpha = {alpha:4}:", " ".join(f"{w:+.3f}" for w in ws))
""")

nb.markdown(r"""
## 3. The training loop

Learning is these four steps, repeated:

1. **forward**: `AL, caches = L_model_forward(X, parameters)`;
2. **cost**: `cost = compute_cost(AL, Y)`, to watch progress (the gradients do not need it);
3. **backward**: `grads = L_model_backward(AL, Y, caches)`;
4. **update**: `parameters = update_parameters(parameters, grads, learning_rate)`.

Here is a short run on a small data set: 40 examples with 6 features, labels from a hidden
linear rule with a few flipped. A network that knows nothing outputs about 0.5 for every
example, and its cost is then near $\ln 2 \approx 0.693$; the cost should fall well below that.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
X, Y = testcases.training_case()
layer_dims = [X.shape[0], 5, 3, 1]  # 6 inputs, hidden layers of 5 and 3 units, one output
learning_rate = 0.75
num_iterations = 300

parameters = initialize_parameters_deep(layer_dims)
costs = []
for i in range(num_iterations):
    AL, caches = L_model_forward(X, parameters)                       # 1. forward
    cost = compute_cost(AL, Y)                                        # 2. cost
    grads = L_model_backward(AL, Y, caches)                           # 3. backward
    parameters = update_parameters(parameters, grads, learning_rate)  # 4. update
    costs.append(cost)
    if i % 50 == 0 or i == num_iterations - 1:
        print(f"iteration {i:3d}: cost {cost:.4f}")

AL, _ = L_model_forward(X, parameters)
print(f"training accuracy: {np.mean((AL > 0.5) == Y):.2f}")
""")

nb.code("""
import matplotlib.pyplot as plt

plt.figure(figsize=(6, 3))
plt.plot(costs)
plt.xlabel("iteration")
plt.ylabel("cost")
plt.title(f"learning rate {learning_rate}")
plt.show()
""")

nb.markdown(r"""
The cost first drops to a plateau at the **entropy of the class balance**: with a fraction
$p$ of the labels equal to 1, the best a network can do without looking at the inputs is to
answer $p$ for every example, which costs
$H(p) = -\big(p \ln p + (1 - p) \ln(1 - p)\big)$. Here $p = 0.475$ and $H(p) \approx 0.692$,
just under $\ln 2$ (which is $H$ of perfectly balanced classes, $p = 0.5$; unbalanced classes
give a lower plateau). It stays there for a while (the small random network has to
find a useful direction first), then falls quickly. In the end every training example, even
the two with flipped labels, is on the right side of 0.5: a network this size can memorise 40
examples.

## 4. Choosing the learning rate

Move the slider and watch the cost curve of the same run (same data, same start, 300
iterations, with **your** `update_parameters`). The grey curves are learning rates 0.01 (too
small: the cost barely moves), 0.75 (the run above) and 15 (too large: the cost jumps above
where it started and keeps bouncing). Try 0.1, 1, 3 and 10: there is a range of good rates,
and just above it training becomes erratic before it diverges.
""")

nb.demo("""
learning_rate_explorer(update_parameters, L_model_backward, compute_cost)
""")

nb.markdown(r"""
## Summary

- Gradient descent moves every parameter against its gradient:
  $\theta \leftarrow \theta - \alpha\, d\theta$, once per iteration.
- `update_parameters` works on a copy of `params`, for any depth (`L = len(params) // 2`).
- The learning rate sets the step: too small is slow, too large overshoots and diverges.
- Training repeats forward, cost, backward, update. Next assignment: train a classifier on
  images with this loop.
""")

nb.concept_section()

nb.concept("q_step_factor")
nb.concept("q_largest_rate")
nb.concept("q_why_copy")

nb.markdown(r"""
## In your own words (graded by hand)

Answer in the markdown cell below the question, in a few sentences; your instructor grades it
by hand, so it appears as "awaiting manual grading" until then.
""")

nb.written(
    "written_explain_update",
    r"""Explain in your own words why the update rule *subtracts* the gradient,
    $\theta \leftarrow \theta - \alpha\, d\theta$, and what goes wrong when the learning rate $\alpha$
    is too small or too large.""",
    2,
    [(1, r"""the gradient points where the cost increases fastest, so a small step against it lowers
      the cost (adding it would be gradient ascent)."""),
     (1, r"""too small: the cost falls, but very slowly (many iterations); too large: the steps
      overshoot the minimum, so the cost jumps about or grows (diverges).""")],
    r"""The gradient $d\theta$ points in the direction in which the cost grows fastest, so moving
    every parameter a small step the other way, $-\alpha\, d\theta$, lowers the cost; adding it would
    climb the cost instead. The learning rate sets the step: too small and the cost goes down, but
    so slowly that training needs far more iterations; too large and each step jumps past the
    minimum, so the cost bounces around or grows without end.""")
