"""Planted answers of 01_cost_functions, graded by ``autograder/hidden/suites/cost_functions.py``.

The cost functions of 01 (the ``CostFunction`` class included; its debugging lab is in
``cost_lab.py``).
"""

from .answer import Answer

A = "01_cost_functions"


def _cost(function, label, body, kept, diagnosis, args="AL, Y"):
    body = body.lstrip("\n")
    source = f"\ndef {function}({args}):\n{body}"
    return Answer(A, function, label, source, kept, diagnosis)


# The demo class's answers (``planted.MISTAKES`` and ``planted.STYLE_VARIANTS``).
WRONG_LOG_TERM = Answer(A, "compute_cost_ce", "log(AL) in both terms", '''
def compute_cost_ce(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL)) / m)
''', kept=0.0, diagnosis="needs log(1 - AL)")

SQUEEZED_DOT_COST = Answer(A, "compute_cost", "np.dot and np.squeeze", '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return np.squeeze(cost)
''')


# One planted answer per mistake the hidden tests recognise (this module's part of
# ``planted.ALL_MISTAKES``).
MISTAKES = (
    _cost("classification_error", "accuracy instead of error", '''    predictions = AL > 0.5
    return float(np.mean(predictions == Y))
''', 0.0, "the accuracy, not the error"),
    _cost("classification_error", "count of errors, not a fraction", '''    predictions = AL > 0.5
    return float(np.sum(predictions != Y))
''', 0.0, "a count of misclassified examples"),
    _cost("classification_error", "probabilities compared without a threshold", '''
    error = np.mean(np.abs(AL - Y))
    return float(error)
''', 0.0, "compares the probabilities AL with Y directly"),
    _cost("compute_cost_mse", "1/m instead of 1/(2m)", '''    m = Y.shape[1]
    return float(np.sum((AL - Y) ** 2) / m)
''', 0.0, "the 1/2 of 1/(2m) is missing"),
    _cost("compute_cost_mse", "error not squared", '''    m = Y.shape[1]
    return float(np.sum(AL - Y) / (2 * m))
''', 0.0, "is not squared"),
    _cost("compute_cost_mse", "sum without the mean", '''    return float(np.sum(np.square(AL - Y)))
''', 0.0, "2m times too large"),
    _cost("compute_cost_ce", "logs swapped", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log(1 - AL) + (1 - Y) * np.log(AL)) / m)
''', 0.0, "swaps the logs"),
    _cost("compute_cost_ce", "no minus sign", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
''', 0.0, "the cost has a minus sign in front of the sum"),
    _cost("compute_cost_ce", "no clipping", '''    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
''', 2.0, "clip AL into [eps, 1 - eps]"),
    _cost("compute_cost", "only the Y log(AL) term", '''    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL)) / m
    return float(cost)
''', 0.0, "only the Y * log(AL) term"),
    _cost("compute_cost", "logs swapped with np.dot", '''    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(1 - AL).T) + np.dot(1 - Y, np.log(AL).T)) / m
    return float(np.squeeze(cost))
''', 0.0, "swaps the logs"),
    _cost("cost_derivative_mse", "Y - AL", '''    return Y - AL
''', 0.0, "is AL - Y, not Y - AL"),
    _cost("cost_derivative_mse", "divided by m", '''    m = Y.shape[1]
    return (AL - Y) / m
''', 0.0, "the 1/m comes later"),
    _cost("cost_derivative_mse", "the 2 of the square kept", '''    return 2 * (AL - Y)
''', 0.0, "the 1/2 in the cost cancels the 2"),
    _cost("cost_derivative_mse", "the squared error itself", '''    return (AL - Y) ** 2
''', 0.0, "the squared error itself, not its derivative"),
    _cost("cost_derivative_ce", "plus between the terms", '''
    dAL = -(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL))
    return dAL
''', 0.0, "adds the two terms"),
    _cost("cost_derivative_ce", "no leading minus", '''
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    return dAL
''', 0.0, "keep the minus in front"),
    _cost("cost_derivative_ce", "dZ shortcut AL - Y", '''    return AL - Y
''', 0.0, "which is dZ of a sigmoid output layer"),
    _cost("cost_derivative_ce", "averaged over the batch", '''    m = Y.shape[1]
    return -(Y / AL - (1 - Y) / (1 - AL)) / m
''', 0.0, "the derivative is per example"),
    Answer(A, "CostFunction", "CostFunction with the costs swapped", '''
class CostFunction:
    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f'unknown cost {name!r}: choose "MSE" or "CE"')
        self.name = name

    def compute_cost(self, AL, Y):
        if self.name == "CE":
            return compute_cost_mse(AL, Y)
        return compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        if self.name == "CE":
            return cost_derivative_mse(AL, Y)
        return cost_derivative_ce(AL, Y)
''', 1.0, "cost: 'MSE' goes with compute_cost_mse"),
    Answer(A, "CostFunction", "CostFunction averaging the derivative", '''
class CostFunction:
    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f"unknown cost {name}: choose MSE or CE")
        self.name = name

    def compute_cost(self, AL, Y):
        return compute_cost_mse(AL, Y) if self.name == "MSE" else compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        m = AL.shape[1]
        if self.name == "MSE":
            return cost_derivative_mse(AL, Y) / m
        return cost_derivative_ce(AL, Y) / m
''', 2.0, "compute_derivative is divided by m"),
    Answer(A, "CostFunction", "CostFunction without a ValueError", '''
class CostFunction:
    def __init__(self, name):
        self.name = name

    def compute_cost(self, AL, Y):
        if self.name == "MSE":
            return compute_cost_mse(AL, Y)
        return compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        if self.name == "MSE":
            return cost_derivative_mse(AL, Y)
        return cost_derivative_ce(AL, Y)
''', 2.0, "but it raised nothing"),
)


# Correct answers written differently: each must earn full marks (``planted.STYLE_CATALOGUE``).
STYLES = (
    Answer(A, "classification_error", "error with np.round and a division", '''
def classification_error(AL, Y):
    m = Y.shape[1]
    wrong = np.sum(np.round(AL) != Y)
    return wrong / m
'''),
    Answer(A, "compute_cost_mse", "np.mean of np.square, halved", '''
def compute_cost_mse(AL, Y):
    return float(np.mean(np.square(AL - Y)) / 2)
'''),
    Answer(A, "compute_cost_ce", "a loop over the examples with min and max", '''
def compute_cost_ce(AL, Y):
    m = Y.shape[1]
    total = 0.0
    for i in range(m):
        a = min(max(AL[0, i], 1e-12), 1 - 1e-12)
        total += Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a)
    return -total / m
'''),
    Answer(A, "cost_derivative_mse", "np.subtract", '''
def cost_derivative_mse(AL, Y):
    assert AL.shape == Y.shape
    return np.subtract(AL, Y)
'''),
    Answer(A, "cost_derivative_ce", "one fraction", '''
def cost_derivative_ce(AL, Y):
    return (AL - Y) / (AL * (1 - AL))
'''),
    Answer(A, "CostFunction", "a dict of functions", '''
class CostFunction:
    CHOICES = {"MSE": (compute_cost_mse, cost_derivative_mse),
               "CE": (compute_cost_ce, cost_derivative_ce)}

    def __init__(self, name):
        if name not in self.CHOICES:
            raise ValueError("name must be 'MSE' or 'CE', got " + repr(name))
        self.name = name
        self.cost, self.derivative = self.CHOICES[name]

    def compute_cost(self, AL, Y):
        return self.cost(AL, Y)

    def compute_derivative(self, AL, Y):
        return self.derivative(AL, Y)
'''),
)


# Wrong answers written the ways real students err, most explained only by the search
# (``planted.UNCATALOGUED``).
UNCATALOGUED = (
    _cost("classification_error", "error with the comparison inverted", '''    predictions = AL < 0.5
    return float(np.mean(predictions != Y))
''', 0.0, "the accuracy, not the error"),
    _cost("compute_cost_mse", "absolute error instead of the square", '''    m = Y.shape[1]
    return float(np.sum(np.abs(AL - Y)) / (2 * m))
''', 0.0, "not the expected value"),
    _cost("compute_cost_ce", "log10 instead of the natural log", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)) / m)
''', 0.0, "np.log10 where the natural log"),
    _cost("compute_cost", "only the (1 - Y) term", '''    m = Y.shape[1]
    return float(-np.sum((1 - Y) * np.log(1 - AL)) / m)
''', 0.0, "only the examples labelled 0 counted"),
    _cost("compute_cost", "log2 with np.dot", '''    m = Y.shape[1]
    cost = -(np.dot(Y, np.log2(AL).T) + np.dot(1 - Y, np.log2(1 - AL).T)) / m
    return float(np.squeeze(cost))
''', 0.0, "np.log2 where the natural log"),
    _cost("compute_cost", "m from the rows of Y", '''    m = Y.shape[0]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
''', 0.0, "the 1/m factor is missing"),
    _cost("cost_derivative_mse", "absolute value of the error", '''    return np.abs(AL - Y)
''', 0.0, "the examples labelled 1 with its sign flipped"),
    _cost("cost_derivative_mse", "halved", '''    return (AL - Y) / 2
''', 0.0, "0.5 times the expected value"),
    _cost("cost_derivative_ce", "AL and 1 - AL mixed up", '''
    return -(np.divide(Y, 1 - AL) - np.divide(1 - Y, AL))
''', 0.0, "1 - AL where AL belongs"),
    _cost("cost_derivative_ce", "MSE derivative for CE", '''    return cost_derivative_mse(AL, Y)
''', 0.0, "which is dZ of a sigmoid output layer"),
)


# The measurement batches, each written and measured once at its own time (``planted.py``
# says when): keep each answer in its batch.
LATER_MISTAKES = (
    _cost("classification_error", "count over the rows of Y", '''    predictions = AL > 0.5
    return float(np.sum(predictions != Y) / Y.shape[0])
''', 0.0, ""),
    _cost("compute_cost_mse", "times m instead of over 2m", '''    m = Y.shape[1]
    return float(np.sum((AL - Y) ** 2) / 2 * m)
''', 0.0, ""),
    _cost("compute_cost_mse", "mean over axis 1 left as an array", '''    return np.mean((AL - Y) ** 2, axis=1) / 2
''', 0.0, ""),
    _cost("compute_cost_ce", "log(1 - Y) for log(1 - AL)", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - Y)))
''', 0.0, ""),
    _cost("compute_cost", "minus between the two terms", '''    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) - (1 - Y) * np.log(1 - AL)) / m)
''', 0.0, ""),
)


LAST_MISTAKES = (
    _cost("classification_error", "error in percent", '''    predictions = np.round(AL)
    return float(np.mean(predictions != Y) * 100)
''', 0.0, ""),
    _cost("compute_cost_mse", "m from the rows of AL", '''    return float(np.sum((AL - Y) ** 2) / (2 * AL.shape[0]))
''', 0.0, ""),
    _cost("compute_cost_mse", "np.dot left as a (1, 1) array", '''    m = Y.shape[1]
    return np.dot(AL - Y, (AL - Y).T) / (2 * m)
''', 0.0, ""),
    _cost("compute_cost", "divided by len(Y)", '''    total = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(-total / len(Y))
''', 0.0, ""),
    _cost("cost_derivative_mse", "through the sigmoid as well", '''    return (AL - Y) * AL * (1 - AL)
''', 0.0, ""),
)


BLIND_MISTAKES = (
    _cost("classification_error", "mean over axis 1 left as an array", '''    return np.mean(np.round(AL) != Y, axis=1)
''', 0.0, ""),
    _cost("compute_cost_mse", "the square expanded wrongly", '''    m = Y.shape[1]
    return float(np.sum(AL ** 2 - Y ** 2) / (2 * m))
''', 0.0, ""),
    _cost("compute_cost_mse", "m from len(AL)", '''    m = len(AL)
    return float(np.sum((AL - Y) ** 2) / (2 * m))
''', 0.0, ""),
    _cost("compute_cost_ce", "log(AL - 1) for log(1 - AL)", '''    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL - 1)) / m)
''', 0.0, ""),
    _cost("compute_cost", "divided by m - 1", '''    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / (m - 1))
''', 0.0, ""),
    _cost("cost_derivative_ce", "the loss instead of its derivative", '''
    loss = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return loss
''', 0.0, ""),
)


FORMULA_MISTAKES = (
    _cost("compute_cost_mse", "np.mean of the square, no 1/2", '''    return float(np.mean((AL - Y) ** 2))
''', 0.0, ""),
    _cost("compute_cost_ce", "the minus sign forgotten", '''    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
''', 0.0, ""),
    _cost("classification_error", "mean absolute error for the error rate", '''    m = Y.shape[1]
    return float(np.sum(np.abs(AL - Y)) / m)
''', 0.0, ""),
    _cost("compute_cost", "per-example losses returned", '''    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return np.mean(losses, axis=0)
''', 0.0, ""),
    _cost("cost_derivative_ce", "1 + AL in the second denominator", '''    return -(Y / AL) + (1 - Y) / (1 + AL)
''', 0.0, ""),
    _cost("cost_derivative_mse", "twice the error", '''    return 2 * (AL - Y)
''', 0.0, ""),
)
