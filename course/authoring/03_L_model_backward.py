"""Assignment 03: the backward pass of the L-layer network (L_model_backward)."""

from autograder.authoring import Notebook

nb = Notebook("03_L_model_backward", "L_model_backward")

nb.markdown(r"""
# The backward pass of a deep network

In the last assignment you wrote the backward step of **one** layer. Now you chain those steps
into the backward pass of a whole $L$-layer network: starting from the cost, you walk back
through the layers, from layer $L$ down to layer $1$, and collect the gradient of the cost with
respect to every weight and bias.

What you will do:
1. look at what the forward pass stores for you (the *caches*);
2. write `L_model_backward(AL, Y, caches)` (graded);
3. see why the shortcut $dZ^{[L]} = A^{[L]} - Y$ gives the same result;
4. check your gradients against finite differences, and find the layer where a bug hides;
5. watch gradients vanish or explode as the network gets deeper.
6. debug the backward loop of the tutorial this course grew from: find and fix its bugs.

The backward steps of assignment 02 are provided: `relu_backward`, `sigmoid_backward`,
`linear_backward` and `linear_activation_backward(dA, cache, activation)`. So are the forward
pass `L_model_forward(X, parameters)` and `initialize_parameters_deep(layer_dims)`.
""")

nb.setup("""
import copy
import numpy as np

from bpkit.solved.backward_step import relu_backward, sigmoid_backward
from bpkit.solved.backward_step import linear_backward, linear_activation_backward
from bpkit.forward import L_model_forward, linear_activation_forward
from bpkit.solved.cost_functions import CostFunction
from bpkit.init import initialize_parameters_deep
from bpkit import testcases
from bpkit.gradcheck import gradient_check_model, numerical_gradient, relative_error
from bpkit.widgets.gradient_flow import gradient_flow
from bpkit.backward_diagram import backward_pass_figure
""")

nb.markdown(r"""
## 1. The network and what the forward pass remembers

The network has $L$ layers: $L-1$ hidden layers with a ReLU, then one sigmoid unit that outputs
the probability of class 1:

$$[\text{LINEAR} \to \text{RELU}] \times (L-1) \;\to\; \text{LINEAR} \to \text{SIGMOID}.$$

For $l = 1, \dots, L$, with $A^{[0]} = X$ of shape $(n_x, m)$ (one column per example):

$$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad
A^{[l]} = \begin{cases} \mathrm{relu}(Z^{[l]}) & l < L \\ \sigma(Z^{[l]}) & l = L \end{cases}$$

and the cost is the cross-entropy averaged over the $m$ examples:

$$J = -\frac{1}{m} \sum_{i=1}^{m}
\Big( y^{(i)} \log a^{[L](i)} + (1 - y^{(i)}) \log\big(1 - a^{[L](i)}\big) \Big).$$

`AL, caches = L_model_forward(X, parameters)` returns $A^{[L]}$ and a list of $L$ caches. Python
counts from 0, so **layer $l$'s cache is `caches[l - 1]`**, and it holds exactly what that
layer's backward step needs:

```
caches[l - 1] = ((A_prev, W, b), Z)      # A_prev = A^[l-1], W = W^[l], b = b^[l], Z = Z^[l]
```

- `A_prev` gives $dW^{[l]}$ (you multiply by it), `W` gives $dA^{[l-1]}$ (you multiply by its
  transpose): these are the *linear cache*;
- `Z` gives the activation's derivative, $g'(Z^{[l]})$: the *activation cache*.

Nothing has to be recomputed on the way back: that is what the cache is for.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
AL, Y, caches = testcases.L_model_backward_case()
print(f"L = {len(caches)} layers, m = {Y.shape[1]} examples, AL has shape {AL.shape}")
for l in range(1, len(caches) + 1):
    (A_prev, W, b), Z = caches[l - 1]
    print(f"layer {l}: A_prev {A_prev.shape}, W {W.shape}, b {b.shape}, Z {Z.shape}")
""")

nb.markdown(r"""
## 2. Walking backwards: `L_model_backward`

**Where it starts.** The first gradient comes from the cost. For one example, the derivative of
the loss with respect to the output $a = a^{[L]}$ is
$-\left(\frac{y}{a} - \frac{1-y}{1-a}\right)$, so, for all examples at once (element-wise):

$$dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}}\right).$$

There is no $\frac{1}{m}$ here: the averaging over the batch happens once, inside
`linear_backward` ($dW = \frac{1}{m} dZ\, A_{prev}^T$, $db = \frac{1}{m} \sum dZ$).

**The loop.** Each layer's backward step takes the gradient with respect to its output,
$dA^{[l]}$, and returns the gradients with respect to its input and its parameters:

$$\big(dA^{[l-1]},\ dW^{[l]},\ db^{[l]}\big) =
\texttt{linear\_activation\_backward}\big(dA^{[l]},\ \texttt{caches[l-1]},\ g^{[l]}\big)$$

and $dA^{[l-1]}$ is what the layer below needs. So:

| layer $l$ | cache | activation | receives | stores |
|---|---|---|---|---|
| $L$ | `caches[L-1]` | `"sigmoid"` | $dA^{[L]}$, from the cost | `dA{L-1}`, `dW{L}`, `db{L}` |
| $L-1 \dots 1$ | `caches[l-1]` | `"relu"` | `grads["dA" + str(l)]` | `dA{l-1}`, `dW{l}`, `db{l}` |

**The key convention.** `grads["dA" + str(l - 1)]` is $dA^{[l-1]}$, the gradient with respect
to the input of layer $l$, **per example** as in 01 and 02: its column $i$ is
$\partial \mathcal{L}^{(i)} / \partial a^{[l-1](i)}$, with no $\frac{1}{m}$, so it is $m$ times
$\partial J / \partial A^{[l-1]}$. (Only `dW{l}` and `db{l}` are gradients of the cost $J$
itself.) Layer $l$'s backward step produces it and hands
it down to layer $l-1$. The key names the *activation* it differentiates, not the layer that
computed it, so the keys are `dA0` ... `dA{L-1}` (there is no `dA{L}` key, and `dA0` is the
gradient with respect to $X$ itself). `dW{l}` and `db{l}` have the shapes of `W{l}` and `b{l}`.

**The whole backward pass at a glance** (here with $L = 3$): the forward pass (top row) leaves
one cache per layer (middle row); the backward pass (bottom row) starts from $dA^{[L]}$, which
the cost gives, and runs from right to left. Each layer's step reads its cache, computes
$dZ^{[l]}$ with the derivative of its own activation (sigmoid for layer $L$, ReLU below), then
`linear_backward` gives $dW^{[l]}$, $db^{[l]}$ and the $dA^{[l-1]}$ that the layer below
receives.
""")

nb.demo("""
backward_pass_figure(L=3)
""")

nb.markdown(r"""
**Your task.** Write `L_model_backward`. Call the provided `linear_activation_backward` (by
that name) for every layer; `Y` is reshaped like `AL` for you, in case it arrives as a flat
array.
""")

nb.solution("L_model_backward", '''
def L_model_backward(AL, Y, caches):
    """Gradients of the cross-entropy cost for [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    Arguments:
    AL -- output probabilities sigmoid(Z^[L]), shape (1, m), from L_model_forward
    Y -- true labels (0 or 1), shape (1, m)
    caches -- the list of L caches of L_model_forward: caches[l - 1] = ((A_prev, W, b), Z)
              for layer l, where A_prev is (n_{l-1}, m), W is (n_l, n_{l-1}), b is (n_l, 1)
              and Z is (n_l, m); layers 1 .. L-1 are relu, layer L is sigmoid

    Returns:
    grads -- a dict with, for l = 1 .. L:
             grads["dA" + str(l - 1)]: per-example gradient w.r.t. A^[l-1] (the input of layer l,
                                       no 1/m), (n_{l-1}, m)
             grads["dW" + str(l)]: gradient of the cost w.r.t. W^[l], (n_l, n_{l-1})
             grads["db" + str(l)]: gradient of the cost w.r.t. b^[l], (n_l, 1)
    """
    grads = {}
    L = len(caches)  # the number of layers
    Y = Y.reshape(AL.shape)  # after this line, Y has the same shape as AL

    # 1. dAL: the derivative of the cross-entropy loss with respect to AL, element-wise, no 1/m
    #    (the formula of section 2).
    # 2. Layer L (LINEAR -> SIGMOID): linear_activation_backward of dAL, caches[L - 1] and
    #    "sigmoid"; store its three results as grads["dA" + str(L - 1)], "dW" + str(L), "db" + str(L).
    # 3. Layers L-1 down to 1 (LINEAR -> RELU), a loop over l: the same with
    #    grads["dA" + str(l)], caches[l - 1] and "relu"; store dA{l-1}, dW{l} and db{l}.
    # (about 12 lines)
    ### BEGIN SOLUTION
    # Where it starts: the derivative of the cost with respect to AL.
    dAL = -(Y / AL - (1 - Y) / (1 - AL))

    # Layer L: LINEAR -> SIGMOID.
    current_cache = caches[L - 1]
    dA_prev, dW, db = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev
    grads["dW" + str(L)] = dW
    grads["db" + str(L)] = db

    # Layers L-1, ..., 1: LINEAR -> RELU.
    for l in range(L - 1, 0, -1):
        current_cache = caches[l - 1]
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l)], current_cache, "relu")
        grads["dA" + str(l - 1)] = dA_prev
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    ### END SOLUTION

    return grads
''')

nb.check("L_model_backward", """
# Self-check (no points): a 3-layer network and a 5-layer one, caches from a real forward pass.
AL, Y, caches = testcases.L_model_backward_case()
grads = L_model_backward(AL, Y, caches)
AL5, Y5, caches5 = testcases.L_model_backward_case(layer_dims=(4, 6, 2, 5, 3, 1), m=9)
### HASHED AUTOTEST grads['dA0'].shape
### HASHED AUTOTEST grads['dW2'].shape
### HASHED AUTOTEST grads['db3'].shape
### AUTOTEST grads['dW3']
### AUTOTEST grads['dA1']
### AUTOTEST L_model_backward(AL, Y, caches)
### AUTOTEST L_model_backward(AL5, Y5, caches5)
""")

nb.hidden_tests("L_model_backward")

nb.markdown(r"""
## 3. The shortcut $dZ^{[L]} = A^{[L]} - Y$

Many solutions skip $dA^{[L]}$ and start from $dZ^{[L]}$ directly. They are right to: with
$A = \sigma(Z)$, the sigmoid's derivative is $\sigma'(Z) = A(1 - A)$, so

$$dZ^{[L]} = dA^{[L]} \cdot \sigma'(Z^{[L]})
= -\left(\frac{Y}{A} - \frac{1-Y}{1-A}\right) A (1 - A)
= -\big(Y(1 - A) - (1 - Y)A\big) = A^{[L]} - Y.$$

The two factors cancel: cross-entropy and the sigmoid are made for each other. The shortcut is
even the safer of the two in floating point, since it never divides by $A^{[L]}$ or
$1 - A^{[L]}$ (which are exactly 0 when the sigmoid saturates). It is equivalent only because
`AL` really is $\sigma(Z^{[L]})$: the test cases here always come from a real forward pass, so
either version earns full points.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
AL, Y, caches = testcases.L_model_backward_case()
L = len(caches)
grads = L_model_backward(AL, Y, caches)
linear_cache, Z_L = caches[L - 1]
dA_prev, dW, db = linear_backward(AL - Y, linear_cache)  # start from dZ^[L] = AL - Y
print("dW of layer L agrees:", np.allclose(dW, grads["dW" + str(L)]))
print("db of layer L agrees:", np.allclose(db, grads["db" + str(L)]))
print("dA of layer L-1 agrees:", np.allclose(dA_prev, grads["dA" + str(L - 1)]))
""")

nb.markdown(r"""
## 4. A gradient check of the whole model

A finite-difference check needs nothing but the cost: nudge one parameter by $\pm\varepsilon$,
run the forward pass twice, and compare
$\frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$ with your analytic
gradient. `gradient_check_model` does this for every entry of every $W^{[l]}$ and $b^{[l]}$, and
returns the relative error of each gradient (about $10^{-9}$ when it is right).

The caches hold everything the check needs: $X$ is the `A_prev` of layer 1, and each layer's
cache has its $W$ and $b$.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
def cross_entropy(parameters, X, Y):
    \"\"\"The cost J of the network with these parameters on X (n_x, m), Y (1, m).\"\"\"
    AL, _ = L_model_forward(X, parameters)
    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))


AL, Y, caches = testcases.L_model_backward_case()
L = len(caches)
X = caches[0][0][0]  # the A_prev of layer 1
parameters = {}
for l in range(1, L + 1):
    (A_prev, W, b), Z = caches[l - 1]
    parameters["W" + str(l)], parameters["b" + str(l)] = W, b

grads = L_model_backward(AL, Y, caches)
errors = gradient_check_model(parameters, X, Y, grads, cross_entropy)
for name, error in errors.items():
    print(f"{name}: relative error below 1e-6? {error < 1e-6}")
""")

nb.markdown(r"""
**Finding the layer where a bug hides.** Errors flow downwards: a mistake in the backward step
of layer $l$ spoils $dW^{[l]}$, $db^{[l]}$ and everything below it, while the layers above stay
right. So walk down from layer $L$, as backpropagation does: the first layer that diverges is
the one with the bug. Below we plant a typical bug in layer 2 only (its step forgets the ReLU's
derivative, i.e. it uses `linear_backward` where `linear_activation_backward(..., "relu")`
belongs) and let the check find it.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
bad = dict(grads)
# layer 2, buggy: forgets relu's derivative
bad["dA1"], bad["dW2"], bad["db2"] = linear_backward(grads["dA2"], caches[1][0])
# layer 1 is right, but receives the wrong dA1
bad["dA0"], bad["dW1"], bad["db1"] = linear_activation_backward(bad["dA1"], caches[0], "relu")

for l in range(L, 0, -1):  # from the top, in the order backpropagation runs
    numeric = numerical_gradient(lambda: cross_entropy(parameters, X, Y), parameters["W" + str(l)])
    diverges = relative_error(bad["dW" + str(l)], numeric) > 1e-6
    print(f"layer {l}: dW{l}", "DIVERGES" if diverges else "ok")
    if diverges:
        print(f"-> the first layer that diverges is layer {l}: look at its backward step")
        break
""")

nb.markdown(r"""
`gradient_check_model` says the same in one call: it checks the layers from $L$ down, as
backpropagation runs, and raises an `AssertionError` that names the first diverging gradient in
that order (dW{L}, db{L}, dW{L-1}, ...) and lists the others after it. The first one named is
where to look.
""")

nb.code("""
try:
    gradient_check_model(parameters, X, Y, bad, cross_entropy)
except AssertionError as failure:
    print("gradient check failed:", failure)
""")

nb.markdown(r"""
## 5. How big are the gradients of each layer?

Each ReLU layer multiplies the gradient on its way back by $W^{[l]T}$ and zeroes the units
that were off. With weights drawn as $\texttt{scale} \cdot \mathcal{N}(0, 1) / \sqrt{n_{l-1}}$,
each layer scales the size of the signal by about $\texttt{scale}/\sqrt{2}$ (half the units are
off), both forward ($A^{[l]}$) and backward ($dA^{[l-1]}$). Over $L$ layers this factor is
raised to the power $L-1$:

- **scale below $\sqrt 2$**: the gradients **vanish**: the bars drop towards zero as the network
  gets deeper, and gradient descent barely moves the weights. `initialize_parameters_deep` uses
  scale 1; much smaller weights (such as `0.01 * np.random.randn`) make a deep network stall;
- **scale above $\sqrt 2$**: they **explode**, until the output saturates at exactly 0 or 1 and
  $dA^{[L]}$ divides by zero (red bars: not finite);
- **scale $\sqrt 2 \approx 1.41$** (He initialisation): they keep their size at any depth.

The bars are $\|dW^{[l]}\|$, computed with **your** `L_model_backward`; the orange line is
$\|dA^{[l-1]}\|$, the gradient leaving layer $l$. Notice that the bars of one network stay at
about the same height: $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$ multiplies a backward signal
that shrinks towards the input by a forward signal that shrinks away from it. The whole network
gets smaller or larger gradients together. Move the sliders: depth 12, then scale 0.5, 1.41 and
2.
""")

nb.demo("""
gradient_flow(L_model_backward)
""")

LAB_GIVEN = '''
def backpropagation(AL, Y, caches, activations, cost):
    """The tutorial's backward loop, to debug: it has two bugs.

    Arguments:
    AL -- output of the last layer, shape (1, m)
    Y -- true labels (0 or 1), shape (1, m)
    caches -- the list of L caches of the forward pass: caches[l] = ((A_prev, W, b), Z) for layer l + 1
    activations -- the list of L activation names: activations[l] for layer l + 1
    cost -- "MSE" or "CE", the name of a CostFunction

    Returns:
    grads -- the keys of L_model_backward: "dA0".."dA{L-1}", "dW1".."dW{L}", "db1".."db{L}"
    """
    grads = {}
    L = len(caches)
    dA = CostFunction(cost).compute_derivative(Y, AL)
    for l in reversed(range(L)):  # l = L - 1, ..., 0
        dA_prev, dW, db = linear_activation_backward(dA, caches[l], activations[l - 1])
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
        dA = dA_prev
    return grads
'''

LAB_FIXED = LAB_GIVEN.replace(
    "compute_derivative(Y, AL)", "compute_derivative(AL, Y)").replace(
    "activations[l - 1])", "activations[l])")

nb.markdown(r"""
## 6. Debugging lab: the tutorial's backward loop

The tutorial this course grew from lets every layer choose its activation and the network
choose its cost by name. Its backward pass, rewritten below as
`backpropagation(AL, Y, caches, activations, cost)`, is your `L_model_backward` made general:

- `activations` lists one activation per layer, `activations[l - 1]` for layer $l$ (for
  example `["relu", "tanh", "sigmoid"]`), and the forward pass used exactly those;
- `cost` is `"MSE"` or `"CE"`, and the derivative $dA^{[L]}$ comes from the `CostFunction` of
  assignment 01 (provided here, with its methods `compute_cost(AL, Y)` and
  `compute_derivative(AL, Y)`, predictions first).

It returns the same keys as `L_model_backward`. It has **two bugs**, and neither raises an
error: Python runs it happily and returns gradients of the right shapes. Only the numbers can
tell. Find both and fix them in the cell below, changing as little as you can. Its fixed version
is graded: a network with the same activation in every layer, and two with mixed activations,
one for each cost.

Your tools: the **gradient check** of part 4 (the cell after the self-check runs it for both
costs; remember that the first gradient it names is in the layer to look at), the self-check,
and reading the code line by line against what you wrote in part 2. The cell below prepares a
small network for both.
""")

nb.code("""
def forward_with(X, parameters, activations):
    \"\"\"The forward pass with layer l using activations[l - 1]: (AL, caches), as L_model_forward.\"\"\"
    A, caches = X, []
    for l, activation in enumerate(activations, start=1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)],
                                             activation)
        caches.append(cache)
    return A, caches


_, Y_lab, caches = testcases.L_model_backward_case()  # three layers: 5 -> 4 -> 3 -> 1
X_lab = caches[0][0][0]
lab_parameters = {}
for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
    lab_parameters["W" + str(l)], lab_parameters["b" + str(l)] = W, b
lab_activations = ["relu", "tanh", "sigmoid"]
AL_lab, caches_lab = forward_with(X_lab, lab_parameters, lab_activations)
""")

nb.lab("backpropagation", LAB_GIVEN, LAB_FIXED)

nb.check("backpropagation", """
# Self-check (no points): mixed activations with each cost, and sigmoid in every layer.
AL_same, caches_same = forward_with(X_lab, lab_parameters, ["sigmoid"] * 3)
### AUTOTEST backpropagation(AL_lab, Y_lab, caches_lab, lab_activations, "MSE")
### AUTOTEST backpropagation(AL_lab, Y_lab, caches_lab, lab_activations, "CE")
### AUTOTEST backpropagation(AL_same, Y_lab, caches_same, ["sigmoid"] * 3, "MSE")
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
# The gradient check of part 4 on the lab's network: run it on the code as given, then after each fix.
def lab_cost(cost_name):
    \"\"\"forward_cost(parameters, X, Y) for gradient_check_model: the named cost of forward_with.\"\"\"
    return lambda parameters, X, Y: CostFunction(cost_name).compute_cost(
        forward_with(X, parameters, lab_activations)[0], Y)


for cost_name in ["MSE", "CE"]:
    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            grads = backpropagation(AL_lab, Y_lab, caches_lab, lab_activations, cost_name)
        errors = gradient_check_model(lab_parameters, X_lab, Y_lab, grads, lab_cost(cost_name))
        print(f"{cost_name}: every gradient passes the check: {max(errors.values()) < 1e-6}")
    except AssertionError as failure:
        print(f"{cost_name}: {failure}")
""")

nb.hidden_tests("backpropagation")

nb.markdown(r"""
### What the two bugs would have done to training

- **`compute_derivative(Y, AL)`.** The method takes the predictions first; called with the
  labels first, it computes the derivative of the wrong thing. For MSE it returns $Y - A^{[L]}$,
  minus the right $dA^{[L]}$, and since every backward step is linear in the $dA$ it receives,
  **every** gradient comes out with its sign flipped: each step of gradient descent climbs the
  cost. For cross-entropy it divides by the labels: the gradients are infinite or `nan`, and so
  is every weight after one step.
- **`activations[l - 1]` with `caches[l]`.** In a loop over `l = L - 1, ..., 0`, `caches[l]`
  belongs to layer $l + 1$, and so does `activations[l]`. Index `l - 1` hands each layer the
  activation of the layer below it, and at `l = 0` Python's index `-1` quietly wraps around to
  the last one. The output layer is differentiated as if it were `tanh`, the first layer as if
  it were a sigmoid: the gradients are simply wrong, and wrong in a way no shape check notices.
  (A network with the same activation everywhere hides this bug completely, which is why a
  test of such a network alone would never have found it.)

The cell below trains the lab's network for five steps with the MSE cost, using your fixed
`backpropagation`, then with each bug put back: the flipped sign is what the swapped arguments
give, and the shifted list is what the wrong index gives.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
def descend(backward, steps=5, learning_rate=1.0):
    \"\"\"The MSE cost of the lab's network before each of ``steps`` steps of gradient descent.\"\"\"
    parameters = copy.deepcopy(lab_parameters)
    costs = []
    for _ in range(steps + 1):
        AL, caches = forward_with(X_lab, parameters, lab_activations)
        costs.append(CostFunction("MSE").compute_cost(AL, Y_lab))
        grads = backward(AL, caches)
        for key in parameters:
            parameters[key] = parameters[key] - learning_rate * grads["d" + key]
    return costs


shifted = [lab_activations[-1]] + lab_activations[:-1]  # what activations[l - 1] gives layer l + 1
runs = {
    "fixed": lambda AL, caches: backpropagation(AL, Y_lab, caches, lab_activations, "MSE"),
    "sign flipped": lambda AL, caches: {key: -value for key, value in
                                        backpropagation(AL, Y_lab, caches, lab_activations, "MSE").items()},
    "one layer off": lambda AL, caches: backpropagation(AL, Y_lab, caches, shifted, "MSE"),
}
print(f"{'cost before step':16s}", "  ".join(f"{step:7d}" for step in range(6)))
for label, backward in runs.items():
    print(f"{label:16s}", "  ".join(f"{cost:7.4f}" for cost in descend(backward)))
""")

nb.markdown(r"""
With the fixed loop the cost falls at every step. With the sign flipped it **rises** at every
step. With the activations one layer off it still falls here, even a little faster at first:
a wrong direction can point downhill too, and that is what makes this bug so hard to see in a
cost curve. But it is not the gradient of this network's cost, so the steps stop being the
steepest way down, and where they lead depends on the bug rather than on the data. A gradient
check before training names both bugs in a second; a cost curve names neither reliably.
""")

nb.markdown(r"""
## Summary

- The forward pass leaves one cache per layer, `((A_prev, W, b), Z)`, exactly what the
  backward step of that layer needs.
- The backward pass starts from $dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1-Y}{1-A^{[L]}}\right)$
  (equivalently $dZ^{[L]} = A^{[L]} - Y$) and runs layer by layer from $L$ down to 1: sigmoid
  for layer $L$, ReLU below.
- `grads["dA" + str(l - 1)]` is the per-example gradient with respect to the input of layer
  $l$ ($m$ times $\partial J / \partial A^{[l-1]}$); the $\frac{1}{m}$ lives in `linear_backward`,
  in `dW` and `db` only.
- A gradient check finds the first layer that diverges; the scale of the weights decides
  whether gradients vanish, explode or keep their size.

Next: use these gradients to update the parameters (gradient descent).
""")

nb.concept_section()

nb.concept("q_what_is_dA0")
nb.concept("q_relu_and_sigmoid")
nb.concept("q_number_of_caches")

nb.markdown(r"""
## In your own words (graded by hand)

Answer each question in the markdown cell below it, in a few sentences with equations; your
instructor grades them by hand, so they appear as "awaiting manual grading" until then.
""")

nb.written(
    "written_backprop_equations",
    r"""What are the backpropagation equations? For an $L$-layer network (relu hidden layers, a
    sigmoid output, the cross-entropy cost), say how the backward pass starts and how it gets
    $dZ^{[l]}$, $dW^{[l]}$, $db^{[l]}$ and $dA^{[l-1]}$ from $dA^{[l]}$ and the layer's cache.""",
    4,
    [(1, r"""the start: $dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}}\right)$, or
      directly $dZ^{[L]} = A^{[L]} - Y$ for a sigmoid output with cross-entropy."""),
     (1, r"""$dZ^{[l]} = dA^{[l]} \odot g^{[l]\prime}(Z^{[l]})$, element-wise (relu: 1 where $Z > 0$, else 0;
      sigmoid: $\sigma(Z)(1 - \sigma(Z))$)."""),
     (1, r"""$dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$ and $db^{[l]} = \frac{1}{m} \sum_i dZ^{[l](i)}$
      (row sums, shape $(n_l, 1)$)."""),
     (1, r"""$dA^{[l-1]} = W^{[l]T} dZ^{[l]}$, with no $\frac{1}{m}$, handed to layer $l - 1$; the
      loop runs $l = L, L-1, \dots, 1$.""")],
    r"""The pass starts at the cost: $dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}}\right)$,
    which with the sigmoid output becomes $dZ^{[L]} = A^{[L]} - Y$. Then for $l = L, L-1, \dots, 1$:
    $dZ^{[l]} = dA^{[l]} \odot g^{[l]\prime}(Z^{[l]})$ (relu's slope is 1 where $Z > 0$ and 0
    elsewhere); $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$; $db^{[l]} = \frac{1}{m}$ times the row sums
    of $dZ^{[l]}$; and $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$, with no $\frac{1}{m}$, which the next layer
    down starts from. $Z^{[l]}$, $A^{[l-1]}$ and $W^{[l]}$ come from the layer's cache.""")

nb.written(
    "written_explain_backward_order",
    r"""Explain in your own words why `L_model_backward` walks the layers from the last to the
    first, and why it handles the output layer before its loop.""",
    2,
    [(1, r"""each layer needs $dA^{[l]}$, which only the layer above can compute
      ($dA^{[l]} = W^{[l+1]T} dZ^{[l+1]}$): the chain rule starts at the cost and works back towards
      the input."""),
     (1, r"""the output layer is different: it starts from the derivative of the cost ($dA^{[L]}$, or
      $dZ^{[L]} = A^{[L]} - Y$) and has a sigmoid, while every hidden layer repeats the same relu
      step, so the loop covers $l = L-1$ down to 1.""")],
    r"""The gradient of a layer needs $dA^{[l]}$, and that is computed by the layer above it,
    $dA^{[l]} = W^{[l+1]T} dZ^{[l+1]}$: the chain rule multiplies local derivatives starting from the
    cost, so the only place to begin is the output and the only direction is back towards the
    input. The output layer is handled first and on its own because it is the odd one out: it
    starts from the derivative of the cost and uses the sigmoid, while all the hidden layers are
    relu layers that the loop treats alike.""")
