"""The concept questions at the end of each notebook, as each student sees them.

Every student gets a version of their own: the order of the choices of a multiple-choice
question, and the numbers of a numeric or shape question (a batch size, a class balance...),
are drawn from a seed of their student id (``bpkit.student``), so the same student always
sees the same version and a neighbour usually another. Run ``show(name)`` (the notebook's
question cells do) to display your version; answer with the letter or the number of *your*
version. Only the question and its choices are here: answers are checked when you submit.

A question's text may name its drawn numbers as ``{{name}}``; ``draw(rng)`` returns them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .student import student_id, student_seed

LETTERS = "ABCDEF"
PLACEHOLDER = "{{%s}}"


@dataclass(frozen=True)
class Question:
    """What a student sees of a concept question: ``name`` is the variable they assign."""

    name: str
    assignment: str
    text: str  # markdown; {{x}} stands for the drawn number x
    choices: tuple[str, ...] = ()  # a multiple choice, in a canonical order (each version shuffles it)
    draw: Callable[[np.random.Generator], dict] | None = None  # the numbers of a version
    example: str = "a number, for example 1.25"  # how an answer is written (not for choices)

    @property
    def grade_id(self) -> str:
        """The id of the hidden test that grades this question (a version is drawn from it)."""
        return f"test_{self.name}_answer"

    def version_for(self, rng: np.random.Generator) -> "Version":
        """The version drawn by ``rng``: first its numbers, then the order of its choices."""
        params = dict(self.draw(rng)) if self.draw else {}
        order = tuple(int(i) for i in rng.permutation(len(self.choices))) if self.choices else ()
        return Version(self, params, order)


@dataclass(frozen=True)
class Version:
    """One student's version of a question: its numbers and the order its choices are shown in.

    ``order[k]`` is the canonical index of the choice shown under the k-th letter; the drawn
    numbers are attributes (``version.m``)."""

    question: Question
    params: dict = field(default_factory=dict)
    order: tuple[int, ...] = ()

    def __getattr__(self, key):
        params = self.__dict__.get("params", {})
        if key in params:
            return params[key]
        raise AttributeError(key)

    @property
    def letters(self) -> str:
        return LETTERS[:len(self.order)]

    @property
    def letter_of(self) -> str:
        """``letter_of[i]``: the letter under which canonical choice i is shown."""
        return "".join(self.letters[self.order.index(i)] for i in range(len(self.order)))

    def choice(self, letter: str) -> int:
        """The canonical index of the choice shown under ``letter``."""
        return self.order[self.letters.index(letter)]

    def fill(self, text: str) -> str:
        """``text`` with every {{x}} replaced by this version's number x."""
        for key, value in self.params.items():
            text = text.replace(PLACEHOLDER % key, str(value))
        return text

    def answer_hint(self) -> str:
        if self.order:
            return f'one of the letters {", ".join(repr(x) for x in self.letters)}, for example "{self.letters[0]}"'
        return self.question.example

    def markdown(self) -> str:
        """The question as this student sees it, with how to answer (never the answer)."""
        q = self.question
        lines = [self.fill(q.text.strip())]
        if self.order:
            lines.append("")
            lines += [f"- **{letter}.** {self.fill(q.choices[i])}" for letter, i in zip(self.letters, self.order,
                                                                                          strict=True)]
        lines += ["", f"Answer by assigning `{q.name}` in the cell below: {self.answer_hint()}."]
        return "\n".join(lines)


def version(name: str, student: str | None = None) -> Version:
    """The version of question ``name`` for ``student`` (default: the student of this kernel)."""
    q = QUESTIONS[name]
    student = student_id() if student is None else student
    return q.version_for(np.random.default_rng(student_seed(student, q.assignment, q.grade_id)))


def show(name: str, student: str | None = None) -> None:
    """Display your version of question ``name`` (rendered as markdown, the same text as plain)."""
    text = version(name, student).markdown()
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:  # outside a notebook: the text itself
        print(text)
    else:
        display({"text/markdown": text, "text/plain": text}, raw=True)


QUESTIONS: dict[str, Question] = {}


def _question(*args, **kwargs) -> Question:
    q = Question(*args, **kwargs)
    if q.name in QUESTIONS:
        raise ValueError(f"duplicate concept question {q.name}")
    QUESTIONS[q.name] = q
    return q


def _distinct(rng, low, high, count):
    """``count`` different whole numbers in [low, high], in random order."""
    return [int(n) for n in rng.choice(np.arange(low, high + 1), size=count, replace=False)]


A1, A2, A3, A4, A5 = (
    "01_cost_functions", "02_backward_step", "03_L_model_backward", "04_update_rule", "05_cat_dog_classifier",
)

# 01: cost functions ---------------------------------------------------------------------------

_question("q_cost_of_half", A1, r"""
**Q1.** A network that has learnt nothing answers $a = 0.5$ for every example, whatever the
label. What is its cross-entropy cost $J$? Give a number to 3 decimals.
""", example="a number, for example 0.25")

_question("q_why_cross_entropy", A1, r"""
**Q2.** Why is the cross-entropy the usual cost for a sigmoid output, rather than the mean
squared error?
""", choices=(
    "It is always smaller than the mean squared error, so training ends sooner.",
    r"Its gradient with respect to $Z$ is $A - Y$, which stays large when the sigmoid "
    r"saturates on a wrong answer; the MSE's gradient is multiplied by $\sigma'(Z)$ and vanishes there.",
    "It is bounded by 1, so one bad example cannot dominate the cost.",
    "It needs no clipping of the predictions.",
))

_question("q_shape_of_dAL", A1, r"""
**Q3.** The predictions `AL` of a batch have shape $(1, {{m}})$. What is the shape of the
derivative `dAL` that `cost_derivative_ce(AL, Y)` returns? Give a tuple.
""", draw=lambda rng: {"m": int(rng.integers(5, 17))}, example="a tuple of ints, for example (2, 9)")

# 02: the backward step ------------------------------------------------------------------------

_question("q_shape_of_dW", A2, r"""
**Q1.** A layer has $n^{[l]} = {{n}}$ units, the previous layer has $n^{[l-1]} = {{n_prev}}$, and the
batch has $m = {{m}}$ examples. What is the shape of $dW^{[l]}$? Give a tuple.
""", draw=lambda rng: dict(zip(("n", "n_prev", "m"), _distinct(rng, 2, 12, 3), strict=True)),
    example="a tuple of ints, for example (2, 9)")

_question("q_linear_cache", A2, r"""
**Q2.** What does the linear cache of a layer hold, and why?
""", choices=(
    r"$dW$ and $db$, so the update can use them.",
    r"$Z$ only, because every derivative of the layer depends on $Z$.",
    r"$A^{[l-1]}$, $W^{[l]}$ and $b^{[l]}$: $A^{[l-1]}$ gives $dW = \frac{1}{m} dZ\, A^{[l-1]T}$ and "
    r"$W$ gives $dA^{[l-1]} = W^T dZ$.",
    r"The output $A^{[l]}$ and the labels $Y$.",
))

_question("q_where_one_over_m", A2, r"""
**Q3.** Where does the factor $\frac{1}{m}$ go in the backward step of one layer?
""", choices=(
    r"Nowhere: the gradients are plain sums over the examples.",
    r"In $dW$, $db$ and $dA^{[l-1]}$.",
    r"In $dW$ and $db$ only: they sum over the examples; $dA^{[l-1]}$ keeps one column per "
    r"example and gets no $\frac{1}{m}$.",
    r"In $dA^{[l-1]}$ only.",
))

# 03: L_model_backward -------------------------------------------------------------------------

_question("q_what_is_dA0", A3, r"""
**Q1.** `L_model_backward` returns `grads["dA0"]`, the gradient with respect to the input $X$.
What is it used for when training this network?
""", choices=(
    r"To update $W^{[1]}$.",
    r"Nothing in the update: $X$ is data, not a parameter. It comes for free from the last "
    r"`linear_backward` call (and would matter only if something before the network learnt).",
    r"It is the derivative of the cost with respect to the output $A^{[L]}$.",
    r"It is the gradient of the first layer's bias.",
))

_question("q_relu_and_sigmoid", A3, r"""
**Q2.** Why are the hidden layers ReLU and the output layer a sigmoid?
""", choices=(
    r"A sigmoid in a hidden layer would make the network linear.",
    r"ReLU is differentiable everywhere and the sigmoid is not.",
    r"The sigmoid output is a probability in $(0, 1)$, which the cross-entropy needs; ReLU's "
    r"derivative is 1 for positive $Z$, so the gradient does not shrink through the hidden layers.",
    r"A ReLU output would work as well: it is never negative.",
))


def _layer_dims(rng):
    """An input of 4 to 12 features, 1 to 4 hidden layers of 2 to 9 units, one output."""
    hidden = [int(n) for n in rng.integers(2, 10, size=int(rng.integers(1, 5)))]
    return {"layer_dims": [int(rng.integers(4, 13)), *hidden, 1]}


_question("q_number_of_caches", A3, r"""
**Q3.** A network has `layer_dims = {{layer_dims}}`. How many caches does `L_model_forward`
return (how many layers does `L_model_backward` walk through)? Give a whole number.
""", draw=_layer_dims, example="a whole number, for example 7")

# 04: the update rule --------------------------------------------------------------------------

_question("q_step_factor", A4, r"""
**Q1.** For the cost $J(w) = w^2$ and the learning rate $\alpha = {{alpha}}$, one update multiplies
$w$ by a fixed factor. Which? Give a number.
""", draw=lambda rng: {"alpha": float(rng.choice([0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]))})

_question("q_largest_rate", A4, r"""
**Q2.** Still for $J(w) = w^2$: below which learning rate $\alpha$ does gradient descent converge
(and above which does it diverge)? Give a number.
""")

_question("q_why_copy", A4, r"""
**Q3.** Why does `update_parameters` work on `copy.deepcopy(params)` rather than on `params`?
""", choices=(
    "A copy is faster to update than the original.",
    "NumPy arrays cannot be changed in place.",
    r"The caller may still need the old values (to compare, or to restart with another "
    r"learning rate), and changing them in place would silently change the caller's dict.",
    "The gradients were computed from the copy.",
))

# 05: the cat/dog classifier -------------------------------------------------------------------


def _class_balance(rng):
    percent = int(rng.choice([20, 25, 30, 35, 40]))
    return {"percent": percent, "p": percent / 100}


_question("q_plateau_cost", A5, r"""
**Q1.** A training set has {{percent}}% cats (label 1). Before it has learnt anything from the
images, a network can at best answer ${{p}}$ for every example. What is the cross-entropy cost of
that answer? Give a number to 3 decimals.
""", draw=_class_balance, example="a number, for example 0.25")

_question("q_threshold", A5, r"""
**Q2.** `predict` turns the network's output $A^{[L]}$ into labels 0 and 1. Above which value of
$A^{[L]}$ does it answer 1? Give a number.
""")


def _photo_network(rng):
    """64 x 64 colour images, three hidden layers of drawn widths, one output."""
    return {"layers_dims": [12288, int(rng.integers(10, 31)), int(rng.integers(4, 13)),
                            int(rng.integers(2, 8)), 1]}


_question("q_parameter_count", A5, r"""
**Q3.** How many numbers (weights and biases) does a network with
`layers_dims = {{layers_dims}}` learn? Give a whole number.
""", draw=_photo_network, example="a whole number, for example 1000")
