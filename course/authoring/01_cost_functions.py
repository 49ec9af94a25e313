"""Assignment 01: cost functions (classification error, MSE, cross-entropy), their derivatives."""

from autograder.authoring import Notebook

nb = Notebook("01_cost_functions", "cost_functions")

nb.markdown(r"""
# Cost functions: how wrong is the network?

A neural network is a function with parameters: weights $W$ and biases $b$. Feed it an image
and it answers with a number $a \in (0, 1)$, its probability that the label is $y = 1$ (a dog,
say). At first the parameters are random and so are the answers.

**Learning** means adjusting the parameters, step by step, so that the answers get better. To
do that automatically we need one number that says *how wrong* the network is on the training
examples: the **cost** $J$. Training is then a search for the parameters with the lowest cost,
and gradient descent does that search by moving every parameter a little in the direction that
lowers $J$ fastest: against its derivative $\partial J / \partial \theta$.

So the cost decides what "better" means, and its derivative is where backpropagation starts.
In this assignment you will:

1. measure the classification error, and see why it cannot guide learning;
2. write two costs, the mean squared error (MSE) and the cross-entropy, and make the
   cross-entropy safe from $\log 0$;
3. write their derivatives with respect to the prediction, the first step of backpropagation;
4. see, with a widget, why cross-entropy is the right cost for a sigmoid output;
5. wrap both costs in a small `CostFunction` class, and train a single neuron with each.
6. debug the cost class of the tutorial this course grew from: find and fix its bugs.

**Notation (used in all five assignments).**

- **One example** is written in lower case with a superscript $(i)$: its input $x^{(i)}$, label
  $y^{(i)}$, prediction $a^{(i)}$. Its **loss** is $\mathcal{L}^{(i)} = \mathcal{L}(a^{(i)}, y^{(i)})$.
- **A batch** of $m$ examples is written in capitals, one **column per example**: the
  predictions `AL` (the output $A^{[L]}$ of the last layer) and the labels `Y` (0 or 1) are both
  arrays of shape $(1, m)$; later $X$ is $(n_x, m)$ and $Z^{[l]}, A^{[l]}$ are $(n_l, m)$. The
  superscript $[l]$ names the layer.
- The **cost** is the average loss of the batch, $J = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}^{(i)}$.
- **Gradients of per-example quantities are per example**: `dAL`, and later $dA^{[l]}$ and
  $dZ^{[l]}$, are matrices whose column $i$ is $\partial \mathcal{L}^{(i)} / \partial a^{(i)}$
  (or $\partial \mathcal{L}^{(i)} / \partial z^{(i)}$), with **no** $\frac{1}{m}$: $dA = m\,
  \partial J / \partial A$. **Gradients of the parameters are of the cost**: $dW^{[l]} =
  \partial J / \partial W^{[l]}$ and $db^{[l]} = \partial J / \partial b^{[l]}$, averaged over
  the batch, since every example shares them. That is where the $\frac{1}{m}$ goes.
""")

nb.setup("""
import copy
import numpy as np

from bpkit import plots, testcases
from bpkit.activations import sigmoid
from bpkit.gradcheck import check_gradient, numerical_gradient
from bpkit.widgets.cost_explorer import cost_explorer
""")

nb.markdown(r"""
## 1. The classification error

The most natural measure of wrongness: predict class 1 where $a^{(i)} > 0.5$ and class 0
otherwise, and count the fraction of examples where the prediction differs from the label:

$$\text{error} = \frac{1}{m} \sum_{i=1}^{m}
\mathbb{1}\Big[\big(a^{(i)} > 0.5\big) \neq y^{(i)}\Big].$$

This is what we will report at the end of training. Write it below; return a Python `float`
(`float(...)` turns a numpy number into one).
""")

nb.solution("classification_error", '''
def classification_error(AL, Y):
    """Fraction of the examples that are misclassified at the threshold 0.5.

    Arguments:
    AL -- predicted probabilities, shape (1, m), values in [0, 1]
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    error -- a float in [0, 1]: the fraction of examples where (AL > 0.5) differs from Y
    """
    # 1. The predicted classes: AL > 0.5 (an array of booleans).
    # 2. Set error: the fraction of examples where they differ from Y (np.mean of a comparison).
    # (about 2 lines)
    ### BEGIN SOLUTION
    predictions = AL > 0.5
    error = np.mean(predictions != Y)
    ### END SOLUTION
    return float(error)
''')

nb.check("classification_error", """
# Self-check (no points).
AL, Y = testcases.cost_case()
AL_small, Y_small = np.array([[0.9, 0.2, 0.6, 0.4, 0.7]]), np.array([[1, 1, 0, 0, 1]])
### AUTOTEST classification_error(AL, Y)
### AUTOTEST classification_error(1 - AL, Y)
### AUTOTEST classification_error(AL_small, Y_small)
""")

nb.hidden_tests("classification_error")

nb.markdown(r"""
**Why the error cannot guide learning.** Change a weight by a tiny amount and every $a^{(i)}$
moves a tiny amount, but unless one of them crosses 0.5 the error does not change at all. As a
function of the parameters it is a staircase: flat almost everywhere, so its derivative is 0
almost everywhere and tells gradient descent nothing about which way to go. We need a cost that
changes *smoothly* as the predictions get closer to the labels.

## 2. The mean squared error (MSE)

The simplest smooth choice: the squared distance between prediction and label, averaged over
the examples,

$$J_{\text{MSE}} = \frac{1}{2m} \sum_{i=1}^{m} \big(a^{(i)} - y^{(i)}\big)^2.$$

- The $\frac{1}{m}$ makes it an average, so the cost of a batch does not grow with the batch
  size and one learning rate suits any $m$.
- The $\frac{1}{2}$ is a convenience: it cancels the 2 that comes down when you differentiate the
  square (you will see it in part 5).

Write it with numpy, without a loop over the examples.
""")

nb.solution("compute_cost_mse", '''
def compute_cost_mse(AL, Y):
    """The mean squared error cost, (1/(2m)) * sum((AL - Y)^2).

    Arguments:
    AL -- predicted probabilities, shape (1, m)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    cost -- a float: the squared error averaged over the m examples, halved
    """
    m = Y.shape[1]
    # Set cost: square the differences AL - Y, sum them (np.sum), divide by 2m. No loop.
    # (about 1 line)
    ### BEGIN SOLUTION
    cost = np.sum((AL - Y) ** 2) / (2 * m)
    ### END SOLUTION
    return float(cost)
''')

nb.check("compute_cost_mse", """
# Self-check (no points).
AL, Y = testcases.cost_case()
### AUTOTEST compute_cost_mse(AL, Y)
### AUTOTEST compute_cost_mse(Y, Y)
### AUTOTEST compute_cost_mse(np.array([[0.9, 0.2, 0.6, 0.4, 0.7]]), np.array([[1, 1, 0, 0, 1]]))
""")

nb.hidden_tests("compute_cost_mse")

nb.markdown(r"""
Now move every prediction a step towards its label and watch both measures: the MSE falls a
little with every step, while the error stays where it is until a prediction crosses 0.5, and
then jumps.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
AL, Y = testcases.cost_case()
print("AL:", np.round(AL, 3))
print("Y: ", Y)
for step in [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]:
    closer = AL + step * (Y - AL)  # each prediction moves a fraction `step` of the way to its label
    print(f"step {step:.2f}: error {classification_error(closer, Y):.4f}, "
          f"MSE {compute_cost_mse(closer, Y):.4f}")
""")

nb.markdown(r"""
## 3. The cross-entropy cost

For a network that outputs a probability there is a better cost. Read $a$ as the network's
probability that $y = 1$; the probability it gives to the label that actually happened is $a$
when $y = 1$ and $1 - a$ when $y = 0$. The cross-entropy **loss** of one example is minus the
log of that probability, written for both cases at once:

$$\mathcal{L}(a, y) = -\big(y \log a + (1 - y) \log(1 - a)\big)
= \begin{cases} -\log a & \text{if } y = 1 \\ -\log(1 - a) & \text{if } y = 0 \end{cases}$$

and the **cost** is its average over the $m$ examples:

$$J_{\text{CE}} = -\frac{1}{m} \sum_{i=1}^{m}
\Big( y^{(i)} \log a^{(i)} + (1 - y^{(i)}) \log\big(1 - a^{(i)}\big) \Big).$$

A right and confident answer costs almost nothing ($-\log 0.99 \approx 0.01$); a wrong and
confident one costs a lot ($-\log 0.01 \approx 4.6$), and the cost grows without bound as the
network becomes *certain* of the wrong answer. (Minimising it is maximising the likelihood of the
labels under the network's probabilities.)

**Numerical safety.** A saturated sigmoid returns exactly `0.0` or `1.0` in floating point (try
`A, _ = sigmoid(np.array([[40.0]]))`: the provided `sigmoid` returns the pair `(A, Z)`, and `A`
is exactly `1.0`), and then $\log 0 = -\infty$: numpy warns, and $0 \cdot (-\infty)$
gives `nan`, which poisons the whole sum. The fix is to **clip** the predictions into
$[\varepsilon, 1 - \varepsilon]$ with a tiny $\varepsilon$ (use $10^{-12}$) before taking logs:
`np.clip(AL, eps, 1 - eps)`. It changes no reasonable cost, and it keeps the cost finite and
free of warnings even when a prediction is exactly 0 or 1.
""")

nb.solution("compute_cost_ce", '''
def compute_cost_ce(AL, Y):
    """The cross-entropy cost -(1/m) * sum(Y log AL + (1 - Y) log(1 - AL)), safe at AL = 0 or 1.

    Arguments:
    AL -- predicted probabilities, shape (1, m), values in [0, 1] (0 and 1 included)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    cost -- a float: the cross-entropy averaged over the m examples, computed with AL clipped
            into [eps, 1 - eps] (eps = 1e-12), so it is finite and raises no warning
    """
    m = Y.shape[1]
    eps = 1e-12
    # 1. Clip AL into [eps, 1 - eps] with np.clip.
    # 2. Set cost: Y log AL + (1 - Y) log(1 - AL) with the clipped AL, summed, times -1/m.
    # (about 2 lines)
    ### BEGIN SOLUTION
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    ### END SOLUTION
    return float(cost)
''')

nb.check("compute_cost_ce", """
# Self-check (no points): ordinary predictions, then some exactly 0.0 and 1.0.
AL, Y = testcases.cost_case()
AL_saturated, Y_saturated = testcases.saturated_cost_case()
### AUTOTEST compute_cost_ce(AL, Y)
### AUTOTEST compute_cost_ce(np.full((1, 4), 0.5), np.array([[1, 0, 0, 1]]))
### AUTOTEST compute_cost_ce(AL_saturated, Y_saturated)
""")

nb.hidden_tests("compute_cost_ce")

nb.markdown(r"""
Compare the loss of a single example with $y = 1$ under both costs, as the prediction goes from
right to confidently wrong. (A batch of one example, shape $(1, 1)$, makes the cost the loss of
that example.) MSE never charges more than $\frac{1}{2}$; cross-entropy keeps charging. The
last row, $a = 0$ exactly, is where the clipping steps in: without it the cost would be infinite.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
y = np.array([[1]])
print("   a      MSE   cross-entropy")
for a in [0.99, 0.9, 0.5, 0.1, 0.01, 0.0]:
    a_ = np.array([[a]])
    print(f"{a:5.2f}  {compute_cost_mse(a_, y):7.4f}  {compute_cost_ce(a_, y):9.4f}")
""")

nb.markdown(r"""
## 4. `compute_cost`: the same cross-entropy, by its usual name

The later assignments (and many published solutions) call the cross-entropy cost
`compute_cost(AL, Y)`, with the textbook formula and no clipping:

$$J = -\frac{1}{m} \sum_{i=1}^{m}
\Big( y^{(i)} \log a^{(i)} + (1 - y^{(i)}) \log\big(1 - a^{(i)}\big) \Big).$$

Write it that way (it is only ever called with predictions strictly inside $(0, 1)$) and return a
Python `float`, not a $(1, 1)$ array.
""")

nb.solution("compute_cost", '''
def compute_cost(AL, Y):
    """The cross-entropy cost, -(1/m) * sum(Y log AL + (1 - Y) log(1 - AL)), without clipping.

    Arguments:
    AL -- predicted probabilities, shape (1, m), strictly inside (0, 1)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    cost -- a float: the cross-entropy averaged over the m examples
    """
    m = Y.shape[1]
    # Set cost: Y log AL + (1 - Y) log(1 - AL), summed over the examples, times -1/m. No clipping.
    # (about 1 line)
    ### BEGIN SOLUTION
    cost = -np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL))) / m
    ### END SOLUTION
    return float(cost)
''')

nb.check("compute_cost", """
# Self-check (no points).
AL, Y = testcases.cost_case()
### AUTOTEST compute_cost(AL, Y)
### AUTOTEST compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))
""")

nb.hidden_tests("compute_cost")

nb.markdown(r"""
On ordinary predictions the two agree. On predictions that are exactly 0 or 1 (correct ones,
even), only the clipped version survives: the other one meets $0 \cdot \log 0$ (numpy's
warnings are silenced here so that you see the `nan` it produces).
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
AL, Y = testcases.cost_case()
print(f"ordinary:  compute_cost {compute_cost(AL, Y):.4f}, "
      f"compute_cost_ce {compute_cost_ce(AL, Y):.4f}")
AL_saturated, Y_saturated = testcases.saturated_cost_case()
print("AL_saturated:", np.round(AL_saturated, 3), " Y:", Y_saturated)
with np.errstate(divide="ignore", invalid="ignore"):
    unclipped = compute_cost(AL_saturated, Y_saturated)
print(f"saturated: compute_cost {unclipped:.4f}, "
      f"compute_cost_ce {compute_cost_ce(AL_saturated, Y_saturated):.4f}")
""")

nb.markdown(r"""
## 5. The derivatives with respect to the prediction

Backpropagation starts at the cost and walks back through the network. Its first step is the
derivative of the cost with respect to the network's output,
$\frac{\partial \mathcal{L}}{\partial a}$, for every example. Differentiate the loss of one example:

- MSE: $\mathcal{L} = \frac{1}{2}(a - y)^2$, so $\dfrac{\partial \mathcal{L}}{\partial a} = a - y$
  (the $\frac{1}{2}$ cancels the 2).
- Cross-entropy: $\mathcal{L} = -\big(y \log a + (1 - y) \log(1 - a)\big)$, so
  $\dfrac{\partial \mathcal{L}}{\partial a} = -\left(\dfrac{y}{a} - \dfrac{1 - y}{1 - a}\right)$.

For all examples at once, element-wise (`dAL` has the shape of `AL`, $(1, m)$):

$$dA^{[L]}_{\text{MSE}} = A^{[L]} - Y, \qquad
dA^{[L]}_{\text{CE}} = -\left(\frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}}\right).$$

**Where is the $\frac{1}{m}$?** Not here. These are per-example derivatives; the averaging over
the batch happens once, later, when the gradients of the weights are formed
($dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$ in the next assignment). Putting it in both places
would divide by $m$ twice.
""")

nb.solution("cost_derivative_mse", '''
def cost_derivative_mse(AL, Y):
    """Derivative of the MSE loss with respect to AL, per example: AL - Y.

    Arguments:
    AL -- predicted probabilities, shape (1, m)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    dAL -- array of shape (1, m), element-wise; not divided by m
    """
    # Set dAL: the derivative of (1/2)(a - y)^2 with respect to a, element-wise, no 1/m.
    # (about 1 line)
    ### BEGIN SOLUTION
    dAL = AL - Y
    ### END SOLUTION
    return dAL
''')

nb.check("cost_derivative_mse", """
# Self-check (no points).
AL, Y = testcases.cost_case()
### HASHED AUTOTEST cost_derivative_mse(AL, Y).shape
### AUTOTEST cost_derivative_mse(AL, Y)
""")

nb.hidden_tests("cost_derivative_mse")

nb.solution("cost_derivative_ce", '''
def cost_derivative_ce(AL, Y):
    """Derivative of the cross-entropy loss with respect to AL, per example.

    Arguments:
    AL -- predicted probabilities, shape (1, m), strictly inside (0, 1)
    Y -- true labels (0 or 1), shape (1, m)

    Returns:
    dAL -- array of shape (1, m): -(Y / AL - (1 - Y) / (1 - AL)), element-wise; not divided by m
    """
    # Set dAL: minus (Y divided by AL, minus (1 - Y) divided by (1 - AL)), element-wise, no 1/m.
    # (about 1 line)
    ### BEGIN SOLUTION
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    ### END SOLUTION
    return dAL
''')

nb.check("cost_derivative_ce", """
# Self-check (no points).
AL, Y = testcases.cost_case()
### HASHED AUTOTEST cost_derivative_ce(AL, Y).shape
### AUTOTEST cost_derivative_ce(AL, Y)
### AUTOTEST cost_derivative_ce(np.array([[0.5, 0.5, 0.8]]), np.array([[1, 0, 0]]))
""")

nb.hidden_tests("cost_derivative_ce")

nb.markdown(r"""
**Check them numerically.** A derivative can be checked with nothing but the cost: nudge one
prediction by $\pm\varepsilon$ and divide the change of the cost by $2\varepsilon$.
`numerical_gradient` does this for every entry of `AL`. The cost is an *average*, so nudging one
$a^{(i)}$ changes $J$ by $\frac{1}{m}$ of the change of that example's loss: the numerical
gradient of $J$ is your per-example derivative divided by $m$. Multiply it by $m$ to compare.
`check_gradient` raises an error that names the quantity if they differ, and returns the
relative error otherwise.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
AL, Y = testcases.cost_case()
m = Y.shape[1]
for cost_name, cost, derivative in [("MSE", compute_cost_mse, cost_derivative_mse),
                                    ("cross-entropy", compute_cost_ce, cost_derivative_ce)]:
    numeric = numerical_gradient(lambda: cost(AL, Y), AL)  # d J / d AL: 1/m of the loss's slope
    error = check_gradient(f"dAL ({cost_name})", derivative(AL, Y), m * numeric)
    print(f"{cost_name}: relative error below 1e-6? {error < 1e-6}")
""")

nb.markdown(r"""
## 6. Why cross-entropy for a sigmoid output

The output unit computes $a = \sigma(z) = \frac{1}{1 + e^{-z}}$, and the weights act on $z$, so
what reaches them is $\frac{\partial \mathcal{L}}{\partial z}$. By the chain rule, with the
sigmoid's slope $\sigma'(z) = a(1 - a)$:

$$\frac{\partial \mathcal{L}}{\partial z}
= \frac{\partial \mathcal{L}}{\partial a} \cdot a (1 - a).$$

- **MSE:** $\dfrac{\partial \mathcal{L}}{\partial z} = (a - y)\, a (1 - a)$. When the sigmoid
  saturates, $a$ is close to 0 or 1 and the factor $a(1 - a)$ is close to 0, *whether the answer
  is right or wrong*. A network that is confidently wrong ($y = 1$, $a = 0.001$) gets almost no
  gradient, so it learns slowest exactly when it is most wrong.
- **Cross-entropy:** the factors cancel,

$$\frac{\partial \mathcal{L}}{\partial z}
= -\left(\frac{y}{a} - \frac{1 - y}{1 - a}\right) a (1 - a)
= -\big(y (1 - a) - (1 - y) a\big) = a - y.$$

  The signal is simply the error: about $-1$ for a confidently wrong answer, close to 0 only when
  the answer is right. This is why every network in this course ends with a sigmoid and a
  cross-entropy cost, and why you will often see backpropagation start from
  $dZ^{[L]} = A^{[L]} - Y$.

The table computes both with your derivatives, for $y = 1$ and more and more negative $z$:
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
Y1 = np.array([[1]])
print("     z       a    dJ/dz MSE  dJ/dz cross-entropy")
for z in [2.0, 0.0, -2.0, -4.0, -7.0]:
    a, _ = sigmoid(np.array([[z]]))
    slope = a * (1 - a)  # the sigmoid's derivative, written with its output
    dz_mse = (cost_derivative_mse(a, Y1) * slope).item()
    dz_ce = (cost_derivative_ce(a, Y1) * slope).item()
    print(f"{z:6.1f}  {a.item():6.4f}  {dz_mse:9.4f}  {dz_ce:12.4f}")
""")

nb.markdown(r"""
**Explore.** The widget draws, for one example, the two costs (left), their derivatives with
respect to $a$ (middle), and the signal that reaches the weights, $\partial \mathcal{L} / \partial z$
(right), all computed with **your** four functions. Move the prediction $a$ and flip the label
$y$:

- with $y = 1$, slide $a$ towards 0: the cross-entropy cost and its slope grow without bound,
  while MSE's cost levels off at $\frac{1}{2}$;
- on the right, MSE's $\partial \mathcal{L} / \partial z$ returns to 0 at *both* ends, while
  cross-entropy's is the straight line $a - y$;
- the middle panel shows why clipping is needed: $\partial \mathcal{L} / \partial a$ of cross-entropy
  divides by $a$ or $1 - a$.
""")

nb.demo("""
cost_explorer(compute_cost_mse, compute_cost_ce, cost_derivative_mse, cost_derivative_ce)
""")

nb.markdown(r"""
## 7. A cost chosen by name: `CostFunction`

A training loop should not care which cost it minimises: it needs the cost (to watch it fall)
and its derivative (to start backpropagation). Write a small class that bundles the two, chosen
by name:

- `CostFunction("MSE")` uses `compute_cost_mse` and `cost_derivative_mse`;
- `CostFunction("CE")` uses `compute_cost_ce` and `cost_derivative_ce`;
- any other name raises a `ValueError` whose message names both choices, `"MSE"` and `"CE"`
  (so a typo such as `"mse"` fails at once, with a message that says how to fix it).

Call **your** functions above by their names inside the methods; do not copy their formulas.
""")

nb.solution("CostFunction", '''
class CostFunction:
    """A cost chosen by name, with its derivative with respect to the predictions.

    CostFunction(name): name is "MSE" (mean squared error) or "CE" (cross-entropy); any other
    name raises a ValueError that names both choices.

    Methods (AL: predictions, shape (1, m); Y: labels, shape (1, m)):
    compute_cost(AL, Y) -- the cost, a float (compute_cost_mse or compute_cost_ce)
    compute_derivative(AL, Y) -- dL/dAL per example (no 1/m), shape (1, m)
                                 (cost_derivative_mse or cost_derivative_ce)
    """

    def __init__(self, name):
        # 1. If name is neither "MSE" nor "CE", raise a ValueError whose message names both.
        # 2. Store the name in self, for the methods to read.
        # (about 3 lines)
        ### BEGIN SOLUTION
        if name not in ("MSE", "CE"):
            raise ValueError(f'unknown cost {name!r}: choose "MSE" or "CE"')
        self.name = name
        ### END SOLUTION

    def compute_cost(self, AL, Y):
        # Return compute_cost_mse(AL, Y) or compute_cost_ce(AL, Y), as self's name says.
        # (about 3 lines)
        ### BEGIN SOLUTION
        if self.name == "MSE":
            return compute_cost_mse(AL, Y)
        return compute_cost_ce(AL, Y)
        ### END SOLUTION

    def compute_derivative(self, AL, Y):
        # Return cost_derivative_mse(AL, Y) or cost_derivative_ce(AL, Y), as self's name says.
        # (about 3 lines)
        ### BEGIN SOLUTION
        if self.name == "MSE":
            return cost_derivative_mse(AL, Y)
        return cost_derivative_ce(AL, Y)
        ### END SOLUTION
''')

nb.check("CostFunction", """
# Self-check (no points).
AL, Y = testcases.cost_case()
mse, ce = CostFunction("MSE"), CostFunction("CE")


def raises_value_error_naming_both(name):
    \"\"\"True if CostFunction(name) raises a ValueError whose message names "MSE" and "CE".\"\"\"
    try:
        CostFunction(name)
    except ValueError as err:
        return "MSE" in str(err) and "CE" in str(err)
    return False


### AUTOTEST mse.compute_cost(AL, Y)
### AUTOTEST mse.compute_derivative(AL, Y)
### AUTOTEST ce.compute_cost(AL, Y)
### AUTOTEST ce.compute_derivative(AL, Y)
### AUTOTEST raises_value_error_naming_both("mse")
### AUTOTEST raises_value_error_naming_both("cross-entropy")
""")

nb.hidden_tests("CostFunction")

nb.markdown(r"""
## 8. Learning, with each cost

Time to see learning happen. The smallest network there is, one sigmoid neuron
$a = \sigma(W x + b)$, is trained by gradient descent on a small data set of 40 examples with 6
features, once with each cost. Each iteration runs forward, asks the cost for
$\partial \mathcal{L} / \partial a$, goes back through the sigmoid to $dZ$, averages over the
batch (here is the $\frac{1}{m}$) to get $dW$ and $db$, and takes a step against them.

The neuron starts **confidently wrong**: $b = -6$ makes it answer $a \approx 0.0025$ for every
example, so it misclassifies all the examples labelled 1. Compare how fast each cost gets it out
of there. (The two costs have different scales, so compare their errors; each cost only matters
for the direction it gives.)
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
def train_neuron(cost, X, Y, learning_rate=1.0, num_iterations=300):
    \"\"\"Gradient descent on one sigmoid neuron from W = 0, b = -6: [(cost, error), ...].\"\"\"
    m = X.shape[1]
    W, b = np.zeros((1, X.shape[0])), np.full((1, 1), -6.0)
    history = []
    for i in range(num_iterations + 1):
        A, Z = sigmoid(W @ X + b)                               # forward
        history.append((cost.compute_cost(A, Y), classification_error(A, Y)))
        dZ = cost.compute_derivative(A, Y) * A * (1 - A)        # back through the sigmoid
        dW, db = dZ @ X.T / m, np.sum(dZ, axis=1, keepdims=True) / m  # the 1/m lives here
        W, b = W - learning_rate * dW, b - learning_rate * db   # a step downhill
    return history


X, Y = testcases.training_case()
histories = {cost_name: train_neuron(CostFunction(cost_name), X, Y) for cost_name in ["MSE", "CE"]}
print("iteration   MSE: cost  error    CE: cost  error")
for i in [0, 10, 25, 50, 100, 200, 300]:
    (c_mse, e_mse), (c_ce, e_ce) = histories["MSE"][i], histories["CE"][i]
    print(f"{i:9d}  {c_mse:10.4f}  {e_mse:5.3f}  {c_ce:10.4f}  {e_ce:5.3f}")
""")

nb.demo("""
plots.error_curves(histories, title="One sigmoid neuron, starting confidently wrong")
""")

nb.markdown(r"""
With cross-entropy the error drops within a few dozen iterations; with MSE the neuron barely
moves for hundreds of iterations, because $a(1 - a) \approx 0.0025$ throttles every gradient.
Same data, same start, same learning rate: only the cost differs.
""")

LAB_GIVEN = '''
class LabCostFunction:
    """The tutorial's cost class, to debug: it has three bugs.

    LabCostFunction(name): name is "MSE" or "CE"; any other name raises a ValueError.

    Methods (AL: predictions, shape (1, m); Y: labels, shape (1, m)):
    compute_cost(AL, Y) -- the cost, a float (AL clipped into [eps, 1 - eps] for the cross-entropy)
    compute_derivative(AL, Y) -- dL/dAL per example (no 1/m), shape (1, m)
    It calls your functions of parts 2, 3 and 5 for the formulas.
    """

    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f"{name!r} is not a cost here: use 'MSE' or 'CE'")
        self.name = name

    def compute_cost(self, AL, Y):
        if self.name == "CE":
            return compute_cost_ce(np.clip(AL, eps, 1 - eps), Y)
        cost = compute_cost_mse(AL, Y)
        return cost

    def compute_derivative(self, Y, AL):
        if self.name == "CE":
            dAL = cost_derivative_ce(AL, Y)
        elif name == "MSE":
            dAL = cost_derivative_mse(AL, Y)
        return dAL
'''

LAB_FIXED = LAB_GIVEN.replace(
    "            return compute_cost_ce(", "            eps = 1e-12\n            return compute_cost_ce(").replace(
    "def compute_derivative(self, Y, AL):", "def compute_derivative(self, AL, Y):").replace(
    'elif name == "MSE":', 'elif self.name == "MSE":')

nb.markdown(r"""
## 9. Debugging lab: the tutorial's cost class

This course grew from a tutorial that wrote the costs as a class, much like your `CostFunction`.
Its class, rewritten below as `LabCostFunction`, has **three bugs**, of the kind everyone makes.
Python will find some of them for you; one of them runs without any error and is only caught
by checking the numbers. Your job: find all three and fix them in the cell below, changing as
little as you can. The class must keep its name and its methods `compute_cost(AL, Y)` and
`compute_derivative(AL, Y)`, called with the predictions first, as every caller in this course
(and the training loop of part 8) calls them. Its fixed version is graded: the cross-entropy
cost, and the derivative of each cost.

Your tools:

- run the cell, then the checks below it, and **read the error messages**: the exception's
  name and the line it points at;
- the **gradient check** of part 5, run for both costs in the cell after the checks: an
  analytic derivative that disagrees with the numerical one is wrong, even when it runs;
- the self-check cell, which compares the methods with the functions you wrote above.
""")

nb.lab("LabCostFunction", LAB_GIVEN, LAB_FIXED)

nb.check("LabCostFunction", """
# Self-check (no points): the methods against your functions of parts 2 to 5.
AL, Y = testcases.cost_case()
lab_mse, lab_ce = LabCostFunction("MSE"), LabCostFunction("CE")
### AUTOTEST lab_mse.compute_cost(AL, Y)
### AUTOTEST lab_ce.compute_cost(AL, Y)
### AUTOTEST lab_mse.compute_derivative(AL, Y)
### AUTOTEST lab_ce.compute_derivative(AL, Y)
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
# The gradient check of each derivative (part 5): run it on the code as given, then after each fix.
AL, Y = testcases.cost_case()
m = Y.shape[1]
for cost_name in ["MSE", "CE"]:
    try:
        lab = LabCostFunction(cost_name)
        numeric = m * numerical_gradient(lambda: lab.compute_cost(AL, Y), AL)
        error = check_gradient(f"dAL ({cost_name})", lab.compute_derivative(AL, Y), numeric)
        print(f"{cost_name}: the gradient check passes: {error < 1e-6}")
    except Exception as err:  # a bug: show it and go on with the other cost
        print(f"{cost_name}: {type(err).__name__}: {err}")
""")

nb.hidden_tests("LabCostFunction")

nb.markdown(r"""
### What the three bugs would have done to training

- **`name` for `self.name`.** Inside a method, `name` is not the object's name: Python looks for
  a local variable, then a global one. With none, the MSE derivative raises `NameError` the
  first time training asks for it, and training stops before its first step. Worse, a notebook
  often *has* a global `name` (any `for name in ...` loop leaves one), and then the method reads
  it silently: every object behaves as whatever cost that loop named last.
- **`eps` never defined.** The cross-entropy cost raises `NameError` at the first call: training
  cannot even report its starting cost. (Defining `eps` is not enough to be safe: it must be
  tiny, such as $10^{-12}$, or the clipping changes ordinary costs.)
- **`compute_derivative(self, Y, AL)` called as `(AL, Y)`.** Python matches arguments by
  position, not by name, so inside the method `Y` holds the predictions and `AL` the labels.
  It runs without an error, which makes it the worst of the three. For MSE it returns
  $Y - A^{[L]}$: the gradient with its **sign flipped**, so every "step downhill" goes uphill
  (gradient *ascent*). For cross-entropy it computes $-\left(\frac{A}{Y} - \frac{1 - A}{1 - Y}\right)$,
  which **divides by the labels**: infinite for every example, and after one step every weight
  is `nan`.

The cell below shows the third bug at work: the neuron of part 8, started at $W = 0$, $b = 0$
(it answers $a = 0.5$ for every example), takes five steps of gradient descent, with the
derivative asked for correctly and as the tutorial did.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
class CalledSwapped:
    \"\"\"A cost whose derivative is asked for as the tutorial did: (Y, AL) instead of (AL, Y).\"\"\"

    def __init__(self, cost_name):
        self.cost = CostFunction(cost_name)

    def compute_cost(self, AL, Y):
        return self.cost.compute_cost(AL, Y)

    def compute_derivative(self, AL, Y):
        return self.cost.compute_derivative(Y, AL)  # the bug, kept on purpose


def descend(cost, X, Y, steps=5, learning_rate=1.0):
    \"\"\"The cost before each of ``steps`` steps of gradient descent on one sigmoid neuron.\"\"\"
    m = X.shape[1]
    W, b = np.zeros((1, X.shape[0])), np.zeros((1, 1))
    costs = []
    for _ in range(steps + 1):
        A, Z = sigmoid(W @ X + b)
        costs.append(cost.compute_cost(A, Y))
        dZ = cost.compute_derivative(A, Y) * A * (1 - A)
        W = W - learning_rate * (dZ @ X.T) / m
        b = b - learning_rate * np.sum(dZ, axis=1, keepdims=True) / m
    return costs


X, Y = testcases.training_case()
with np.errstate(divide="ignore", invalid="ignore"):  # the swapped cross-entropy divides by 0
    runs = {f"{cost_name}, {how}": descend(cost, X, Y)
            for cost_name in ["MSE", "CE"]
            for how, cost in [("as (AL, Y)", CostFunction(cost_name)),
                              ("as (Y, AL)", CalledSwapped(cost_name))]}
print(f"{'cost before step':15s}", "  ".join(f"{step:7d}" for step in range(6)))
for label, costs in runs.items():
    print(f"{label:15s}", "  ".join(f"{c:7.4f}" for c in costs))
""")

nb.markdown(r"""
With the arguments in the right order both costs fall at every step. With them swapped, the MSE
cost **rises** at every step: the neuron learns to give each example the wrong label. The
cross-entropy becomes `nan` after one step, and it stays `nan`: nothing can be learned from
there. A gradient check before training would have caught both in a second.

## Summary

- Learning is adjusting the parameters to lower a **cost**, one number that measures how wrong
  the predictions are; gradient descent follows its derivative.
- The classification error is what we report, but it is flat almost everywhere: it cannot guide
  learning.
- MSE: $\frac{1}{2m}\sum (a - y)^2$, derivative $a - y$. Cross-entropy:
  $-\frac{1}{m}\sum \big(y \log a + (1 - y) \log(1 - a)\big)$, derivative
  $-\left(\frac{y}{a} - \frac{1 - y}{1 - a}\right)$. The derivatives are per example; the
  $\frac{1}{m}$ comes later, in $dW$ and $db$.
- Clip the predictions into $[\varepsilon, 1 - \varepsilon]$ before taking logs.
- With a sigmoid output, cross-entropy gives $\partial \mathcal{L} / \partial z = a - y$: no vanishing
  gradient when the network is confidently wrong, unlike MSE.
- Check every derivative numerically: a derivative with its arguments swapped runs without an
  error, and only the numbers show that it climbs the cost.

Next: the backward step of one layer, which carries this first derivative back through the
network.
""")

nb.concept_section()

nb.concept("q_cost_of_half")
nb.concept("q_why_cross_entropy")
nb.concept("q_shape_of_dAL")

nb.markdown(r"""
## In your own words (graded by hand)

Two questions the whole course is built around. Answer each in the markdown cell below it, in
a few sentences; your instructor grades them by hand, so they appear as "awaiting manual
grading" until then.
""")

nb.written(
    "written_cost_function",
    r"""What is a cost function? Say what it takes, what it returns, and what training does with it.""",
    2,
    [(1, r"""one number that measures how wrong the predictions $A^{[L]}$ are against the labels
      $Y$ over the training examples (the average loss $J = \frac{1}{m} \sum_i \mathcal{L}(a^{(i)}, y^{(i)})$)."""),
     (1, r"""training searches for the parameters $W, b$ with the lowest cost: gradient descent moves
      every parameter against $\partial J / \partial \theta$, so the cost's derivative is where
      backpropagation starts.""")],
    r"""A cost function takes the network's predictions $A^{[L]}$ and the labels $Y$ of the training
    examples and returns one number, the average loss $J = \frac{1}{m} \sum_i \mathcal{L}(a^{(i)}, y^{(i)})$,
    that says how wrong the network is. It defines what "better" means: training looks for the
    weights and biases with the lowest cost, and gradient descent gets there by moving every
    parameter against the derivative $\partial J / \partial \theta$, which backpropagation computes
    starting from the derivative of the cost.""")

nb.written(
    "written_cost_properties",
    r"""What properties should a cost function have so that gradient descent can train a network
    with it? Name three and say why each one matters.""",
    3,
    [(1, r"""smallest when the predictions equal the labels and growing as they get worse (never
      negative), so that a lower cost really means better predictions."""),
     (1, r"""differentiable in the predictions, so there is a gradient to follow; the
      classification error is flat almost everywhere (its gradient is 0), so it cannot guide learning."""),
     (1, r"""a gradient that stays large when the network is wrong: with a sigmoid output,
      cross-entropy gives $\partial \mathcal{L} / \partial z = a - y$, while MSE's
      $(a - y)\, a (1 - a)$ vanishes when the network is confidently wrong. Accept instead:
      an average over the examples (comparable for any $m$), or finite for predictions of exactly
      0 or 1 (clipping).""")],
    r"""First, it must be lowest when the predictions match the labels and grow as they get worse
    (it is never negative), or lowering it would not make the network better. Second, it must be
    differentiable in the predictions: gradient descent follows its slope, and a cost like the
    classification error is flat almost everywhere, so its gradient says nothing. Third, its
    gradient should stay large when the network is wrong: with a sigmoid output, cross-entropy
    gives $\partial \mathcal{L} / \partial z = a - y$, about $-1$ for a confidently wrong answer,
    while MSE's $(a - y)\, a(1 - a)$ almost vanishes there, so the network would learn slowest
    exactly when it is most wrong.""")
