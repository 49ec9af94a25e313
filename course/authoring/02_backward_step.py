"""Assignment 02: the backward step of one layer, and of a network with one hidden layer."""

from autograder.authoring import Notebook

nb = Notebook("02_backward_step", "backward_step")

nb.markdown(r"""
# Backpropagation, one step at a time

Training a network means nudging every weight in the direction that lowers the cost. To know
that direction you need the gradient of the cost with respect to every weight and bias, and
**backpropagation** computes all of them in one backward sweep, using nothing but the chain rule
and what the forward pass remembered.

In this assignment you write the backward step of **one layer**, piece by piece, and then the
whole backward pass of a small network:

1. the chain rule, and the computational graph of one layer;
2. what the forward pass caches, and why;
3. the derivatives of the activations: `sigmoid_backward`, `relu_backward`, `tanh_backward`;
4. the linear part: `linear_backward`, and where the $\frac{1}{m}$ lives;
5. a whole layer: `linear_activation_backward`;
6. a network with one hidden layer: `backward_propagation`, and why a sigmoid output with the
   cross-entropy cost gives the tidy $dZ = A - Y$;
7. gradient checks: each time, your analytic gradient is compared with finite differences.

Provided for you: the forward activations `sigmoid`, `relu` and `tanh` (each returns `(A, Z)`),
the forward helpers `linear_forward`, `linear_activation_forward` and `forward_propagation`,
`initialize_parameters`, the gradient checker `gradcheck` and the self-check inputs `testcases`.

Shapes are column-major throughout: one **column per example**. $X$ is $(n_x, m)$,
$W^{[l]}$ is $(n_l, n_{l-1})$, $b^{[l]}$ is $(n_l, 1)$ and $Z^{[l]}, A^{[l]}$ are $(n_l, m)$.
""")

nb.setup("""
import copy
import numpy as np

from bpkit.activations import sigmoid, relu, tanh
from bpkit.forward import linear_forward, linear_activation_forward, forward_propagation
from bpkit.init import initialize_parameters
from bpkit import gradcheck, testcases
from bpkit.widgets.chain_rule import activation_explorer
""")

nb.markdown(r"""
## 1. The chain rule on the graph of one layer

The forward pass of layer $l$ is two small steps:

$$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}\big(Z^{[l]}\big).$$

Drawn as a computational graph, with the rest of the network and the loss on the right:

```
A_prev ─┐
   W ───┼──►  Z = W A_prev + b  ──►  A = g(Z)  ──►  ... later layers ...  ──►  loss
   b ───┘
```

Backpropagation walks this graph from right to left. The **chain rule** says that when the loss
$\mathcal{L}$ depends on $z$ only through $a = g(z)$,

$$\frac{\partial \mathcal{L}}{\partial z}
\;=\; \frac{\partial \mathcal{L}}{\partial a}\cdot\frac{\partial a}{\partial z}
\;=\; \underbrace{\frac{\partial \mathcal{L}}{\partial a}}_{\text{arrives from the right}}\cdot\;
\underbrace{g'(z)}_{\text{local}}.$$

So every node does one simple job: it takes the gradient that arrives from its right, multiplies
it by its own local derivative, and passes the result to its left. No node needs to know what the
rest of the network looks like.

**Notation** (as stated in assignment 01). The cost averages the losses of the $m$ examples,
$J = \frac{1}{m}\sum_{i=1}^{m} \mathcal{L}^{(i)}$. We write $dA$ for the matrix whose column $i$
is $\partial \mathcal{L}^{(i)} / \partial a^{(i)}$, the gradient of example $i$'s **own** loss
(no averaging, so $dA = m\, \partial J / \partial A$), and likewise $dZ$. The parameters are
shared by all examples, so $dW$ and $db$ are the gradients of the cost $J$ itself:
$dW = \partial J / \partial W$, $db = \partial J / \partial b$. That is where the $\frac{1}{m}$
will appear.
""")

nb.markdown(r"""
## 2. What the forward pass caches, and why

Look at the local derivatives the backward step needs:

- $g'(Z)$ needs $Z$;
- $\partial Z / \partial W$ is $A^{[l-1]}$ (to get $dW$ you multiply by it);
- $\partial Z / \partial A^{[l-1]}$ is $W$ (to pass the gradient on you multiply by $W^T$).

All of these were computed during the forward pass. Instead of recomputing them, the forward
pass **stores** them: `linear_forward` returns the *linear cache* `(A_prev, W, b)`, and
`linear_activation_forward` returns the layer cache `(linear_cache, Z)`, with $Z$ as the
*activation cache*. The backward pass only reads caches. (The cache holds references to the
arrays, not copies, so it costs almost no memory beyond the activations themselves.)
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
rng = np.random.default_rng(0)
A_prev = rng.standard_normal((5, 7))          # 5 units in the previous layer, m = 7 examples
W = rng.standard_normal((3, 5))               # this layer has 3 units
b = rng.standard_normal((3, 1))

A, layer_cache = linear_activation_forward(A_prev, W, b, "relu")
linear_cache, Z = layer_cache
A_prev_cached, W_cached, b_cached = linear_cache
print("A:", A.shape)
print("linear cache: A_prev", A_prev_cached.shape, "W", W_cached.shape, "b", b_cached.shape)
print("activation cache: Z", Z.shape)
print("the cache holds the very same arrays (no copies):",
      A_prev_cached is A_prev and W_cached is W)
""")

nb.markdown(r"""
## 3. Backward through an activation

The activation acts element by element, so the chain rule applies to every entry separately:

$$dZ = dA \odot g'(Z)$$

where $\odot$ is the element-wise product (`*` in numpy, **not** a matrix product). The
derivatives you need:

| activation | $g(z)$ | $g'(z)$ |
|---|---|---|
| sigmoid | $\sigma(z) = \dfrac{1}{1 + e^{-z}}$ | $\sigma(z)\,\big(1 - \sigma(z)\big)$ |
| tanh | $\tanh(z)$ | $1 - \tanh^2(z)$ |
| relu | $\max(0, z)$ | $1$ if $z > 0$, else $0$ |

(ReLU has no derivative at exactly $z = 0$; we use $0$ there.)

Each backward function receives `dA` (shape $(n_l, m)$) and the activation cache, which is
**$Z$, not $A$**: compute $g(Z)$ again when the formula needs it. The provided forward functions
return a pair, so write `s, _ = sigmoid(Z)`. The result `dZ` has the shape of `Z`.

### 3.1 `sigmoid_backward`
""")

nb.solution("sigmoid_backward", '''
def sigmoid_backward(dA, cache):
    """Backward step of a sigmoid unit: dZ = dA * sigmoid'(Z), element-wise.

    Arguments:
    dA -- gradient of the loss with respect to A = sigmoid(Z), shape (n_l, m)
    cache -- Z, the activation cache stored by the forward pass, shape (n_l, m)

    Returns:
    dZ -- gradient of the loss with respect to Z, shape (n_l, m)
    """
    # 1. Z is the cache.
    # 2. s: the sigmoid of Z (the provided sigmoid returns the pair (A, Z): keep A).
    # 3. dZ: dA times the sigmoid's slope s (1 - s), element-wise (*, not a matrix product).
    # (about 4 lines, the return included)
    ### BEGIN SOLUTION
    Z = cache
    s, _ = sigmoid(Z)
    dZ = dA * s * (1 - s)
    return dZ
    ### END SOLUTION
''')

nb.check("sigmoid_backward", """
dA, Z = testcases.activation_backward_case()
### HASHED AUTOTEST sigmoid_backward(dA, Z).shape
### AUTOTEST sigmoid_backward(dA, Z)
### AUTOTEST sigmoid_backward(np.ones((1, 3)), np.zeros((1, 3)))
### AUTOTEST sigmoid_backward(np.array([[2.0, -3.0]]), np.array([[0.0, 0.0]]))
""")

nb.hidden_tests("sigmoid_backward")

nb.markdown(r"""
### 3.2 `relu_backward`

ReLU lets the gradient through unchanged where $Z > 0$ and blocks it where $Z \le 0$. Start from
a **copy** of `dA` (so that the caller's array is left alone) and set the blocked entries to 0.
""")

nb.solution("relu_backward", '''
def relu_backward(dA, cache):
    """Backward step of a ReLU unit: dZ = dA where Z > 0, and 0 where Z <= 0.

    Arguments:
    dA -- gradient of the loss with respect to A = relu(Z), shape (n_l, m)
    cache -- Z, the activation cache stored by the forward pass, shape (n_l, m)

    Returns:
    dZ -- gradient of the loss with respect to Z, shape (n_l, m)
    """
    # 1. Z is the cache.
    # 2. dZ: a copy of dA (np.array with copy=True), so that the caller's dA is left alone.
    # 3. Set the entries of dZ where Z <= 0 to 0 (boolean indexing).
    # (about 4 lines, the return included)
    ### BEGIN SOLUTION
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ
    ### END SOLUTION
''')

nb.check("relu_backward", """
dA, Z = testcases.activation_backward_case()
### HASHED AUTOTEST relu_backward(dA, Z).shape
### AUTOTEST relu_backward(dA, Z)
### AUTOTEST relu_backward(np.array([[1.5, 2.0, -3.0]]), np.array([[-1.0, 0.0, 4.0]]))
""")

nb.hidden_tests("relu_backward")

nb.markdown(r"""
### 3.3 `tanh_backward`

$\tanh'(z) = 1 - \tanh^2(z)$. Like the sigmoid's, this derivative is written with the
activation's own value, which is why caching (or recomputing) $g(Z)$ makes it cheap.
""")

nb.solution("tanh_backward", '''
def tanh_backward(dA, cache):
    """Backward step of a tanh unit: dZ = dA * (1 - tanh(Z)**2).

    Arguments:
    dA -- gradient of the loss with respect to A = tanh(Z), shape (n_l, m)
    cache -- Z, the activation cache stored by the forward pass, shape (n_l, m)

    Returns:
    dZ -- gradient of the loss with respect to Z, shape (n_l, m)
    """
    # 1. Z is the cache.
    # 2. t: the tanh of Z (the provided tanh returns the pair (A, Z): keep A).
    # 3. dZ: dA times tanh's slope 1 - t^2, element-wise.
    # (about 4 lines, the return included)
    ### BEGIN SOLUTION
    Z = cache
    t, _ = tanh(Z)
    dZ = dA * (1 - t ** 2)
    return dZ
    ### END SOLUTION
''')

nb.check("tanh_backward", """
dA, Z = testcases.activation_backward_case()
### HASHED AUTOTEST tanh_backward(dA, Z).shape
### AUTOTEST tanh_backward(dA, Z)
### AUTOTEST tanh_backward(np.ones((1, 3)), np.zeros((1, 3)))
""")

nb.hidden_tests("tanh_backward")

nb.markdown(r"""
### 3.4 See the chain rule at work

The widget below draws each activation $g(z)$ with its tangent at the point $z$ you choose, and
its slope $g'(z)$ as **your** backward function computes it (called with $dA = 1$), on top of
the slope measured by finite differences. Move $dA$, the gradient arriving from the right, and
watch $dZ = dA \cdot g'(z)$ change. Things to notice:

- the sigmoid's slope is at most $\frac{1}{4}$ (at $z = 0$): the activation's own factor
  $g'(z)$ shrinks the gradient at least four times. (The whole layer also multiplies by
  $W^T$ on the way back, which can shrink or grow it, so a sigmoid layer as a whole is not
  bounded by $\frac{1}{4}$; but stacked sigmoids with moderate weights do lose gradient fast);
- far from 0, sigmoid and tanh are flat: a *saturated* unit passes almost no gradient back;
- ReLU passes the gradient untouched where $z > 0$, and nothing at all where $z \le 0$.
""")

nb.demo("""
activation_explorer(sigmoid_backward, relu_backward, tanh_backward)
""")

nb.markdown(r"""
A gradient check makes the same comparison with numbers. The trick: the function
$f(Z) = \sum dA \odot g(Z)$ has exactly $dA$ as its gradient with respect to $A = g(Z)$, so its
gradient with respect to $Z$ must be what your backward function returns.
`gradcheck.numerical_gradient` nudges each entry of $Z$ by $\pm\varepsilon$ and measures how $f$
changes; `gradcheck.check_gradient` compares the two and raises an error that names the
quantity if they disagree.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
dA, Z = testcases.activation_backward_case()
for name, g, g_backward in [("sigmoid", sigmoid, sigmoid_backward),
                            ("relu", relu, relu_backward),
                            ("tanh", tanh, tanh_backward)]:
    Z_nudged = Z.copy()  # numerical_gradient perturbs this array in place

    def f():
        A, _ = g(Z_nudged)
        return np.sum(dA * A)

    numeric = gradcheck.numerical_gradient(f, Z_nudged)
    gradcheck.check_gradient(f"dZ of {name}", g_backward(dA, Z), numeric)
    print(f"{name}_backward agrees with finite differences")
""")

nb.markdown(r"""
## 4. Backward through the linear part

For one example, $z = W a_{\text{prev}} + b$, so entry $(j, k)$ of $W$ touches the loss only
through $z_j$, with $\partial z_j / \partial W_{jk} = a_{\text{prev},k}$. Summed up, the gradient
of that example's loss is the outer product $dz\; a_{\text{prev}}^T$. The cost averages the $m$
examples, and stacking them as columns turns the sum of outer products into one matrix product:

$$dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]T}, \qquad
db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \qquad
dA^{[l-1]} = W^{[l]T} dZ^{[l]}.$$

**Where the $\frac{1}{m}$ lives.** $W$ and $b$ are shared by all the examples, so their
gradients collect (and average) a contribution from every example: $\frac{1}{m}$ appears in
$dW$ and $db$. Column $i$ of $A^{[l-1]}$, on the other hand, belongs to example $i$ alone:
$dA^{[l-1]}$ is again a per-example gradient, with **no** $\frac{1}{m}$. It is passed on to the
previous layer, which will average at its own $W$. Averaging here too would divide by $m$ once
more per layer.

**Shapes tell you the formulas.** A gradient always has the shape of the quantity it belongs
to: $dW$ is $(n_l, n_{l-1})$ like $W$, $db$ is $(n_l, 1)$ like $b$, $dA^{[l-1]}$ is
$(n_{l-1}, m)$ like $A^{[l-1]}$. $(n_l, m) \times (m, n_{l-1})$ is the only product of $dZ$ and
$A^{[l-1]}$ with $W$'s shape. For $db$ sum over the examples, that is along `axis=1`, with
`keepdims=True` so the result stays a column of shape $(n_l, 1)$ rather than $(n_l,)$.
""")

nb.solution("linear_backward", '''
def linear_backward(dZ, cache):
    """Backward step of the linear part Z = W A_prev + b of one layer.

    Arguments:
    dZ -- gradient of the loss with respect to Z (one column per example), shape (n_l, m)
    cache -- (A_prev, W, b) stored by the forward pass:
             A_prev (n_{l-1}, m), W (n_l, n_{l-1}), b (n_l, 1)

    Returns:
    dA_prev -- W^T dZ, shape (n_{l-1}, m) (per example: no 1/m)
    dW -- dZ A_prev^T / m, shape (n_l, n_{l-1}) like W (averaged over the m examples)
    db -- row sums of dZ / m, shape (n_l, 1) like b (averaged over the m examples)
    """
    # 1. Unpack A_prev, W and b from the cache; m is the number of columns of A_prev.
    # 2. dW: dZ times A_prev transposed (np.dot), divided by m.
    # 3. db: dZ summed over the examples (axis=1, keepdims=True), divided by m.
    # 4. dA_prev: W transposed times dZ (no 1/m: a per-example gradient).
    # (about 6 lines, the return included)
    ### BEGIN SOLUTION
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
    ### END SOLUTION
''')

nb.check("linear_backward", """
dZ, linear_cache = testcases.linear_backward_case()
dA_prev, dW, db = linear_backward(dZ, linear_cache)
### HASHED AUTOTEST dA_prev.shape
### HASHED AUTOTEST dW.shape
### HASHED AUTOTEST db.shape
### AUTOTEST dA_prev
### AUTOTEST dW
### AUTOTEST db
""")

nb.hidden_tests("linear_backward")

nb.markdown(r"""
Every gradient has the shape of what it differentiates:
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
dZ, linear_cache = testcases.linear_backward_case()
A_prev, W, b = linear_cache
dA_prev, dW, db = linear_backward(dZ, linear_cache)
for name, gradient, value in [("dW", dW, W), ("db", db, b), ("dA_prev", dA_prev, A_prev)]:
    print(f"{name:8s} {str(gradient.shape):8s}  {name[1:]:6s} {str(value.shape):8s}",
          "same shape" if gradient.shape == value.shape else "DIFFERENT SHAPES")
""")

nb.markdown(r"""
And a gradient check of all three outputs. The cost below,
$J = \frac{1}{m}\sum_i dZ^{(i)} \cdot Z^{(i)}$, is made so that the loss of example $i$ has
gradient $dZ^{(i)}$ with respect to $Z^{(i)}$. Then $dW$ and $db$ must be the gradients of $J$,
while $dA_{\text{prev}}$, a per-example gradient, must be the gradient of the **sum** of the
losses, $m J$.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
dZ, linear_cache = testcases.linear_backward_case()
A_prev, W, b = (np.array(x, dtype=float) for x in linear_cache)  # copies, to be nudged
m = A_prev.shape[1]
dA_prev, dW, db = linear_backward(dZ, (A_prev, W, b))

def J():
    Z, _ = linear_forward(A_prev, W, b)
    return np.sum(dZ * Z) / m

gradcheck.check_gradient("dW", dW, gradcheck.numerical_gradient(J, W), m=m)
gradcheck.check_gradient("db", db, gradcheck.numerical_gradient(J, b), m=m)
numeric_dA_prev = gradcheck.numerical_gradient(lambda: m * J(), A_prev)
gradcheck.check_gradient("dA_prev", dA_prev, numeric_dA_prev, m=m)
print("dW, db and dA_prev agree with finite differences")
""")

nb.markdown(r"""
## 5. A whole layer: `linear_activation_backward`

A layer's backward step runs its forward step in reverse: first back through the activation,
then back through the linear part.

$$dZ^{[l]} = dA^{[l]} \odot g'\big(Z^{[l]}\big), \qquad
\big(dA^{[l-1]},\, dW^{[l]},\, db^{[l]}\big)
= \texttt{linear\_backward}\big(dZ^{[l]},\, \text{linear cache}\big).$$

The cache is the pair `(linear_cache, activation_cache)` that `linear_activation_forward`
returned. Call your own `relu_backward`, `sigmoid_backward` or `tanh_backward` (chosen by the
string `activation`) and then your `linear_backward`: a layer adds no new maths, it only wires
the pieces together.
""")

nb.solution("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    """Backward step of one layer, LINEAR -> ACTIVATION.

    Arguments:
    dA -- gradient of the loss with respect to this layer's output A, shape (n_l, m)
    cache -- (linear_cache, activation_cache) stored by linear_activation_forward:
             linear_cache = (A_prev, W, b), activation_cache = Z (n_l, m)
    activation -- "relu", "sigmoid" or "tanh", the activation of this layer

    Returns:
    dA_prev -- shape (n_{l-1}, m)
    dW -- shape (n_l, n_{l-1}) like W
    db -- shape (n_l, 1) like b
    """
    # 1. Unpack linear_cache and activation_cache from cache.
    # 2. dZ: your relu_backward, sigmoid_backward or tanh_backward of (dA, activation_cache), as
    #    activation says; any other activation raises a ValueError that names the three choices.
    # 3. dA_prev, dW, db: your linear_backward of (dZ, linear_cache).
    # (about 11 lines, the return included)
    ### BEGIN SOLUTION
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    elif activation == "tanh":
        dZ = tanh_backward(dA, activation_cache)
    else:
        raise ValueError(f"unknown activation {activation!r}: choose 'relu', 'sigmoid' or 'tanh'")
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
    ### END SOLUTION
''')

nb.check("linear_activation_backward", """
dA, cache = testcases.linear_activation_backward_case()
### HASHED AUTOTEST [x.shape for x in linear_activation_backward(dA, cache, 'relu')]
### AUTOTEST linear_activation_backward(dA, cache, 'relu')
### AUTOTEST linear_activation_backward(dA, cache, 'sigmoid')
### AUTOTEST linear_activation_backward(dA, cache, 'tanh')
""")

nb.hidden_tests("linear_activation_backward")

nb.markdown(r"""
## 6. The backward pass of a network with one hidden layer

Now a complete network: a tanh hidden layer and one sigmoid output unit,

$$Z^{[1]} = W^{[1]} X + b^{[1]},\quad A^{[1]} = \tanh\big(Z^{[1]}\big),\quad
Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]},\quad A^{[2]} = \sigma\big(Z^{[2]}\big),$$

trained with the cross-entropy cost
$J = -\frac{1}{m}\sum_i \big(y^{(i)}\log a^{[2](i)} + (1 - y^{(i)})\log(1 - a^{[2](i)})\big)$.
`forward_propagation(X, parameters)` returns $A^{[2]}$ and a cache dict with `"Z1"`, `"A1"`,
`"Z2"` and `"A2"`.

**Why a sigmoid output with cross-entropy gives $dZ^{[2]} = A^{[2]} - Y$.** For one example,
with $a = \sigma(z)$:

$$\frac{\partial \mathcal{L}}{\partial a}
= -\frac{y}{a} + \frac{1 - y}{1 - a} = \frac{a - y}{a(1 - a)},
\qquad \frac{\partial a}{\partial z} = a(1 - a),
\qquad\text{so}\qquad \frac{\partial \mathcal{L}}{\partial z} = a - y.$$

The $a(1 - a)$ cancels. This is no accident: cross-entropy is the cost that matches the
sigmoid. It also means the gradient is simply the error, and it never divides by $a$ or
$1 - a$, so it stays finite and large when the network is confidently wrong (a saturated
sigmoid with the squared error would pass back almost nothing).

The rest is the chain rule, layer by layer, with the formulas of sections 3 and 4:

$$dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T},\quad db^{[2]} = \frac{1}{m}\sum_i dZ^{[2](i)},\quad
dZ^{[1]} = W^{[2]T} dZ^{[2]} \odot \big(1 - (A^{[1]})^2\big),$$
$$dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T,\quad db^{[1]} = \frac{1}{m}\sum_i dZ^{[1](i)}.$$

Note $\tanh'(Z^{[1]}) = 1 - (A^{[1]})^2$: the cache already holds $A^{[1]} = \tanh(Z^{[1]})$, so
use it. Return a dict with the keys `"dW1"`, `"db1"`, `"dW2"`, `"db2"`.
""")

nb.solution("backward_propagation", '''
def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cross-entropy cost for LINEAR -> TANH -> LINEAR -> SIGMOID.

    Arguments:
    parameters -- dict with W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h), b2 (1, 1)
    cache -- dict from forward_propagation with Z1, A1 (n_h, m) and Z2, A2 (1, m)
    X -- input data, shape (n_x, m)
    Y -- labels in {0, 1}, shape (1, m)

    Returns:
    grads -- dict with dW1 (n_h, n_x), db1 (n_h, 1), dW2 (1, n_h), db2 (1, 1):
             the gradients of the cost (averaged over the m examples)
    """
    # 1. m from X; W2 from parameters; A1 and A2 from cache.
    # 2. Output layer: dZ2 = A2 - Y (sigmoid with cross-entropy), then dW2 (dZ2 times A1
    #    transposed, over m) and db2 (dZ2 summed over the examples, kept as a column, over m).
    # 3. Hidden layer: dZ1 = W2 transposed times dZ2, times tanh's slope 1 - A1^2 element-wise;
    #    then dW1 (dZ1 times X transposed, over m) and db1 like db2.
    # 4. Put the four gradients in a dict with the keys "dW1", "db1", "dW2", "db2".
    # (about 12 lines, the return included)
    ### BEGIN SOLUTION
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]

    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
    ### END SOLUTION
''')

nb.check("backward_propagation", """
parameters, cache, X, Y = testcases.shallow_case()
grads = backward_propagation(parameters, cache, X, Y)
### HASHED AUTOTEST grads['dW1'].shape
### HASHED AUTOTEST grads['db1'].shape
### HASHED AUTOTEST grads['dW2'].shape
### HASHED AUTOTEST grads['db2'].shape
### AUTOTEST backward_propagation(parameters, cache, X, Y)
""")

nb.hidden_tests("backward_propagation")

nb.markdown(r"""
### 6.1 Check the whole network against finite differences

`gradcheck.gradient_check_model` nudges every single weight and bias by $\pm\varepsilon$, runs
the forward pass and the cost again, and compares the slope it measures with your `grads`. A
correct backward pass agrees to about $10^{-9}$; a bug typically shows up as $10^{-2}$ or worse,
and the checker names the diverging gradients from the last layer down: the first one named
is the one to look at.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
def cross_entropy(parameters, X, Y):
    A2, _ = forward_propagation(X, parameters)
    m = Y.shape[1]
    return -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m

parameters, cache, X, Y = testcases.shallow_case()
grads = backward_propagation(parameters, cache, X, Y)
errors = gradcheck.gradient_check_model(parameters, X, Y, grads, cross_entropy)
for key, error in errors.items():
    print(f"{key}: agrees with finite differences (relative error below 1e-6)")
""")

nb.markdown(r"""
This is what a bug looks like to the checker. Here `dW2` is computed without the $\frac{1}{m}$
(multiplying the correct value by $m$ has the same effect):
""")

nb.code("""
buggy = dict(grads)
buggy["dW2"] = grads["dW2"] * X.shape[1]
try:
    gradcheck.gradient_check_model(parameters, X, Y, buggy, cross_entropy)
except AssertionError as failure:
    print("gradient check failed:", failure)
""")

nb.markdown(r"""
### 6.2 The last test: does the cost go down?

Correct gradients point uphill, so small steps against them must lower the cost. A few hundred
steps of gradient descent on a small data set, starting from small random weights. Before
training, every prediction is close to 0.5, so the cost starts near $\ln 2 \approx 0.6931$: a
quick sanity check of the cost itself.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
X, Y = testcases.training_case()
parameters = initialize_parameters(X.shape[0], 4, 1)
learning_rate = 1.2
for i in range(501):
    A2, cache = forward_propagation(X, parameters)
    if i % 100 == 0:
        print(f"iteration {i:4d}: cost {cross_entropy(parameters, X, Y):.4f}")
    grads = backward_propagation(parameters, cache, X, Y)
    for key in parameters:
        parameters[key] = parameters[key] - learning_rate * grads["d" + key]
accuracy = np.mean((A2 > 0.5) == Y)
print(f"training accuracy: {accuracy:.2f}")
""")

nb.markdown(r"""
## Summary

- Backpropagation is the chain rule applied node by node, right to left: gradient from the
  right times local derivative.
- The forward pass caches what the local derivatives need: `(A_prev, W, b)` and `Z`.
- Through an activation: $dZ = dA \odot g'(Z)$, element-wise.
- Through the linear part: $dW = \frac{1}{m} dZ A_{\text{prev}}^T$, $db = \frac{1}{m}\sum dZ$,
  $dA_{\text{prev}} = W^T dZ$. Only the shared parameters are averaged; every gradient has the
  shape of what it belongs to.
- A sigmoid output with the cross-entropy cost gives $dZ = A - Y$.
- Finite differences are the referee: when the analytic gradient agrees with them, it is right.

Next assignment: `L_model_backward` chains `linear_activation_backward` through a network of any
depth.
""")

nb.concept_section()

nb.concept("q_shape_of_dW")
nb.concept("q_linear_cache")
nb.concept("q_where_one_over_m")

nb.markdown(r"""
## In your own words (graded by hand)

Answer each question in the markdown cell below it, in a few sentences; your instructor grades
them by hand, so they appear as "awaiting manual grading" until then.
""")

nb.written(
    "written_what_to_cache",
    r"""What outputs can the forward pass cache for use in backpropagation? Name what one layer
    caches and, for each, the backward equation that needs it.""",
    3,
    [(1, r"""$Z^{[l]}$ (the activation cache), for $dZ^{[l]} = dA^{[l]} \odot g'(Z^{[l]})$. Accept
      also the output $A^{[l]}$ for sigmoid or tanh, whose slopes are $A(1 - A)$ and $1 - A^2$."""),
     (1, r"""the layer's input $A^{[l-1]}$, for $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$."""),
     (1, r"""the weights $W^{[l]}$ (with $b^{[l]}$: the linear cache `(A_prev, W, b)`), for
      $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$; and why: the values were computed anyway, so the backward
      pass reads them instead of recomputing the forward pass.""")],
    r"""Each layer caches $Z^{[l]}$, its linear cache `(A_prev, W, b)`, and so everything its
    backward step needs. $Z^{[l]}$ gives the activation's slope in $dZ^{[l]} = dA^{[l]} \odot g'(Z^{[l]})$
    (for a sigmoid or tanh the output $A^{[l]}$ would do too, as $\sigma' = A(1 - A)$ and
    $\tanh' = 1 - A^2$). The input $A^{[l-1]}$ gives $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$,
    and $W^{[l]}$ passes the gradient on: $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$. All of them were computed
    in the forward pass, so caching them (references, not copies) saves recomputing it.""")

nb.written(
    "written_explain_products",
    r"""Explain in your own words why the step through an activation, $dZ = dA \odot g'(Z)$, is an
    element-wise product, while the step through the linear part, $dA_{\text{prev}} = W^T dZ$, is a
    matrix product.""",
    2,
    [(1, r"""an activation acts on each entry on its own: $z_j$ changes only $a_j$, so each entry of
      the gradient is multiplied by its own local slope $g'(z_j)$ (no sums between units)."""),
     (1, r"""in $Z = W A_{\text{prev}} + b$ every input unit $k$ feeds every unit $j$ (through $W_{jk}$),
      so the gradient that reaches $a_{\text{prev},k}$ adds up what comes back from all the units,
      $\sum_j W_{jk}\, dz_j$: that sum is the matrix product $W^T dZ$.""")],
    r"""An activation works entry by entry: $a_j = g(z_j)$, so $z_j$ influences only $a_j$, and by the
    chain rule the gradient of each entry is just multiplied by its own slope $g'(z_j)$: an
    element-wise product. The linear part mixes units: every input $a_{\text{prev},k}$ reaches every
    unit $z_j$ with weight $W_{jk}$, so its gradient collects the contributions of all the units,
    $\sum_j W_{jk}\, dz_j$, and that sum over $j$ for every $k$ is exactly $W^T dZ$.""")
