"""Correct answers of 01_cost_functions, one complete solution cell each."""

VARIANTS = {
    "classification_error": [
        '''
def classification_error(AL, Y):
    predictions = AL > 0.5
    return float(np.mean(predictions != Y))
''',
        '''
def classification_error(AL, Y):
    m = Y.shape[1]
    wrong = 0
    for i in range(m):
        label = 1 if AL[0, i] > 0.5 else 0
        if label != Y[0, i]:
            wrong += 1
    return wrong / m
''',
        '''
def classification_error(AL: np.ndarray, Y: np.ndarray) -> float:
    assert AL.shape == Y.shape, "AL and Y must have the same shape"
    return np.sum((AL > 0.5).astype(int) != Y) / Y.shape[1]
''',
        '''
def classification_error(AL, Y):
    from numpy import where, abs as absolute
    predictions = where(AL > 0.5, 1, 0)
    return float(absolute(predictions - Y).sum() / Y.size)
''',
        '''
def classification_error(AL, Y):
    import numpy
    return numpy.count_nonzero(numpy.round(AL) != Y) / AL.shape[1]
''',
        '''
def classification_error(AL, Y):
    pairs = zip(AL.ravel().tolist(), Y.ravel().tolist())
    errors = [int((a > 0.5) != bool(y)) for a, y in pairs]
    print("errors:", sum(errors))
    return sum(errors) / len(errors)
''',
        '''
def _predict_labels(AL, threshold=0.5):
    return (AL > threshold).astype(np.float32)


def classification_error(AL, Y):
    return 1.0 - np.mean(_predict_labels(AL) == Y)
''',
        '''
def classification_error(*args):
    AL, Y = args
    return np.squeeze(np.mean(np.not_equal(AL > 0.5, Y == 1), axis=1, keepdims=True))
''',
    ],
    "compute_cost_mse": [
        '''
def compute_cost_mse(AL, Y):
    m = Y.shape[1]
    return float(np.sum((AL - Y) ** 2) / (2 * m))
''',
        '''
def compute_cost_mse(AL, Y):
    m = AL.shape[1]
    diff = AL - Y
    cost = 1 / (2 * m) * np.dot(diff, diff.T)
    return np.squeeze(cost)
''',
        '''
def compute_cost_mse(AL, Y):
    diff = AL - Y
    return (diff @ diff.T).item() / (2 * Y.shape[1])
''',
        '''
def compute_cost_mse(AL, Y):
    return 0.5 * np.mean(np.square(AL - Y))
''',
        '''
def compute_cost_mse(AL: np.ndarray, Y: np.ndarray) -> float:
    total = 0.0
    for a, y in zip(AL[0], Y[0]):
        total += (a - y) ** 2
    return total / (2 * len(Y[0]))
''',
        '''
def compute_cost_mse(AL, Y):
    from numpy import einsum
    d = AL - Y
    return einsum("ij,ij->", d, d) / (2 * Y.shape[1])
''',
        '''
def compute_cost_mse(AL, Y):
    m = Y.shape[1]
    cost = np.sum(np.power(np.subtract(AL, Y), 2), axis=1, keepdims=True) / (2 * m)
    cost = np.squeeze(cost)
    assert cost.shape == ()
    return cost
''',
        '''
def compute_cost_mse(AL, Y):
    d = (AL - Y).astype(AL.dtype).ravel()
    return float(np.matmul(d, d) / (2 * d.size))
''',
    ],
    "compute_cost_ce": [
        '''
def compute_cost_ce(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(cost)
''',
        '''
def compute_cost_ce(AL, Y):
    eps = 1e-15
    A = np.minimum(np.maximum(AL, eps), 1 - eps)
    m = Y.shape[1]
    logprobs = np.multiply(Y, np.log(A)) + np.multiply(1 - Y, np.log(1 - A))
    return np.squeeze(-1 / m * np.sum(logprobs))
''',
        '''
def compute_cost_ce(AL, Y):
    A = np.clip(AL, 1e-10, 1 - 1e-10)
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    return float(np.squeeze(cost))
''',
        '''
def compute_cost_ce(AL, Y):
    A = np.clip(AL, 1e-12, 1 - 1e-12)
    return -np.mean(np.where(Y == 1, np.log(A), np.log(1 - A)))
''',
        '''
def compute_cost_ce(AL, Y, eps=1e-12):
    A = np.clip(AL, eps, 1 - eps)
    cost = -(Y @ np.log(A).T + (1 - Y) @ np.log(1 - A).T) / Y.shape[1]
    return cost.item()
''',
        '''
def compute_cost_ce(AL, Y):
    import math
    m = Y.shape[1]
    total = 0.0
    for a, y in zip(AL.flat, Y.flat):
        a = min(max(a, 1e-12), 1 - 1e-12)
        total += y * math.log(a) + (1 - y) * math.log(1 - a)
    return -total / m
''',
        '''
def compute_cost_ce(AL, Y):
    from numpy import clip, log, sum as total
    A = clip(AL, 1e-12, 1 - 1e-12)
    return -total(Y * log(A) + (1 - Y) * log(1 - A)) / Y.shape[1]
''',
        '''
def compute_cost_ce(AL: np.ndarray, Y: np.ndarray) -> float:
    A = np.clip(AL, np.finfo(float).eps, 1 - np.finfo(float).eps)
    loss = -np.einsum("ij,ij->j", Y, np.log(A)) - np.einsum("ij,ij->j", 1 - Y, np.log(1 - A))
    return float(loss.mean())
''',
        '''
def compute_cost_ce(AL, Y):
    with np.errstate(divide="ignore", invalid="ignore"):
        A = np.clip(AL, 1e-12, 1.0 - 1e-12)
        cost = -np.nansum(Y * np.log(A) + (1 - Y) * np.log1p(-A)) / AL.shape[1]
    return cost
''',
    ],
    "compute_cost": [
        '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    cost = np.squeeze(cost)
    return cost
''',
        '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    logprobs = np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)
    cost = -logprobs / m
    cost = np.squeeze(cost)
    assert cost.shape == ()
    return cost
''',
        '''
def compute_cost(AL, Y):
    return compute_cost_ce(AL, Y)
''',
        '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(1.0 / m) * (np.matmul(Y, np.log(AL).T) + np.matmul(1 - Y, np.log(1 - AL).T))
    return float(cost[0, 0])
''',
        '''
def compute_cost(AL: np.ndarray, Y: np.ndarray) -> float:
    losses = [-(y * np.log(a) + (1 - y) * np.log(1 - a)) for a, y in zip(AL[0], Y[0])]
    return sum(losses) / len(losses)
''',
        '''
def compute_cost(AL, Y):
    import numpy
    return float(-numpy.mean(Y * numpy.log(AL) + (1 - Y) * numpy.log(1 - AL)))
''',
        '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -np.einsum("ij,ij->", Y, np.log(AL)) - np.einsum("ij,ij->", 1 - Y, np.log(1 - AL))
    print("cost:", cost / m)
    return cost / m
''',
        '''
def compute_cost(*args, **kwargs):
    return compute_cost_ce(*args, **kwargs)
''',
    ],
    "cost_derivative_mse": [
        '''
def cost_derivative_mse(AL, Y):
    return AL - Y
''',
        '''
def cost_derivative_mse(AL, Y):
    dAL = np.subtract(AL, Y)
    assert dAL.shape == AL.shape
    return dAL
''',
        '''
def cost_derivative_mse(AL: np.ndarray, Y: np.ndarray) -> np.ndarray:
    dAL = np.zeros_like(AL)
    for i in range(AL.shape[1]):
        dAL[0, i] = AL[0, i] - Y[0, i]
    return dAL
''',
        '''
def cost_derivative_mse(AL, Y):
    Y = Y.reshape(AL.shape)
    return -(Y - AL)
''',
        '''
def cost_derivative_mse(AL, Y):
    dAL = copy.deepcopy(AL)
    dAL -= Y
    return dAL
''',
        '''
def cost_derivative_mse(AL, Y):
    return np.array([a - y for a, y in zip(AL[0], Y[0])], dtype=AL.dtype).reshape(AL.shape)
''',
        '''
def cost_derivative_mse(*args):
    AL, Y = args[0], args[1]
    return 0.5 * 2 * (AL - Y)
''',
    ],
    "cost_derivative_ce": [
        '''
def cost_derivative_ce(AL, Y):
    return -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
''',
        '''
def cost_derivative_ce(AL, Y):
    return (AL - Y) / (AL * (1 - AL))
''',
        '''
def cost_derivative_ce(AL, Y):
    Y = Y.reshape(AL.shape)
    dAL = - (Y / AL - (1 - Y) / (1 - AL))
    assert dAL.shape == AL.shape
    return dAL
''',
        '''
def cost_derivative_ce(AL: np.ndarray, Y: np.ndarray) -> np.ndarray:
    return np.where(Y == 1, -1 / AL, 1 / (1 - AL))
''',
        '''
def cost_derivative_ce(AL, Y):
    dAL = np.empty_like(AL)
    for i in range(AL.shape[1]):
        a, y = AL[0, i], Y[0, i]
        dAL[0, i] = -y / a + (1 - y) / (1 - a)
    return dAL
''',
        '''
def cost_derivative_ce(AL, Y):
    from numpy import divide
    return divide(1 - Y, 1 - AL) - divide(Y, AL)
''',
        '''
def cost_derivative_ce(AL, Y):
    one = np.ones_like(AL)
    return np.multiply(-1, np.divide(Y, AL) - np.divide(one - Y, one - AL))
''',
        '''
def cost_derivative_ce(AL, Y):
    print("dAL shape", AL.shape)
    return -Y / AL + (1 - Y) / (1 - AL)
''',
    ],
    "CostFunction": [
        '''
class CostFunction:
    def __init__(self, name):
        if name not in ("MSE", "CE"):
            raise ValueError(f"unknown cost {name!r}: choose 'MSE' or 'CE'")
        self.name = name

    def compute_cost(self, AL, Y):
        if self.name == "MSE":
            return compute_cost_mse(AL, Y)
        return compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        if self.name == "MSE":
            return cost_derivative_mse(AL, Y)
        return cost_derivative_ce(AL, Y)
''',
        '''
class CostFunction:
    CHOICES = {"MSE": (compute_cost_mse, cost_derivative_mse), "CE": (compute_cost_ce, cost_derivative_ce)}

    def __init__(self, name):
        if name not in self.CHOICES:
            raise ValueError("name must be one of " + ", ".join(self.CHOICES))
        self.name = name
        self.cost_fn, self.derivative_fn = self.CHOICES[name]

    def compute_cost(self, AL, Y):
        return self.cost_fn(AL, Y)

    def compute_derivative(self, AL, Y):
        return self.derivative_fn(AL, Y)
''',
        '''
class CostFunction:
    def __init__(self, name):
        self.name = name
        if name == "MSE":
            self._cost, self._deriv = compute_cost_mse, cost_derivative_mse
        elif name == "CE":
            self._cost, self._deriv = compute_cost_ce, cost_derivative_ce
        else:
            raise ValueError('Unknown cost function. Valid options are "MSE" and "CE".')

    def compute_cost(self, AL, Y):
        return self._cost(AL=AL, Y=Y)

    def compute_derivative(self, AL, Y):
        return self._deriv(AL=AL, Y=Y)
''',
        '''
class CostFunction:
    def __init__(self, name: str) -> None:
        if name not in ["MSE", "CE"]:
            raise ValueError(f"Expected MSE or CE, got {name}")
        self.name = name

    def compute_cost(self, AL: np.ndarray, Y: np.ndarray) -> float:
        return {"MSE": compute_cost_mse, "CE": compute_cost_ce}[self.name](AL, Y=Y)

    def compute_derivative(self, AL: np.ndarray, Y: np.ndarray) -> np.ndarray:
        return {"MSE": cost_derivative_mse, "CE": cost_derivative_ce}[self.name](AL, Y=Y)
''',
        '''
class CostFunction(object):
    def __init__(self, name):
        assert isinstance(name, str)
        if name == "MSE" or name == "CE":
            self.name = name
        else:
            raise ValueError("CostFunction name should be MSE or CE")

    def compute_cost(self, AL, Y):
        m = Y.shape[1]
        if self.name == "MSE":
            return float(np.sum((AL - Y) ** 2) / (2 * m))
        A = np.clip(AL, 1e-12, 1 - 1e-12)
        return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)

    def compute_derivative(self, AL, Y):
        if self.name == "MSE":
            return AL - Y
        return -(Y / AL - (1 - Y) / (1 - AL))
''',
        '''
class CostFunction:
    def __init__(self, name):
        self.name = name
        if self.name not in {"MSE", "CE"}:
            raise ValueError(f"{name} is not a cost: use MSE or CE")

    def compute_cost(self, *args, **kwargs):
        fn = compute_cost_mse if self.name == "MSE" else compute_cost_ce
        return fn(*args, **kwargs)

    def compute_derivative(self, *args, **kwargs):
        fn = cost_derivative_mse if self.name == "MSE" else cost_derivative_ce
        return fn(*args, **kwargs)
''',
        '''
class CostFunction:
    def __init__(self, name):
        valid = ("MSE", "CE")
        if name not in valid:
            raise ValueError("Invalid name %s, expected one of %s" % (name, valid))
        self.name = name

    def compute_cost(self, AL, Y):
        global compute_cost_mse, compute_cost_ce
        return compute_cost_mse(AL, Y) if self.name == "MSE" else compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        global cost_derivative_mse, cost_derivative_ce
        return cost_derivative_mse(AL, Y) if self.name == "MSE" else cost_derivative_ce(AL, Y)
''',
        '''
from dataclasses import dataclass


@dataclass
class CostFunction:
    name: str

    def __post_init__(self):
        if self.name not in ("MSE", "CE"):
            raise ValueError("name must be 'MSE' or 'CE'")

    def compute_cost(self, AL, Y):
        return compute_cost_mse(AL, Y) if self.name == "MSE" else compute_cost_ce(AL, Y)

    def compute_derivative(self, AL, Y):
        return cost_derivative_mse(AL, Y) if self.name == "MSE" else cost_derivative_ce(AL, Y)
''',
        '''
class CostFunction:
    def __init__(self, name):
        funcs = dict(MSE=(compute_cost_mse, cost_derivative_mse), CE=(compute_cost_ce, cost_derivative_ce))
        try:
            self.cost, self.derivative = funcs[name]
        except KeyError:
            raise ValueError(f"choose MSE or CE, not {name}") from None
        self.name = name

    def compute_cost(self, AL, Y):
        return self.cost(AL, Y)

    def compute_derivative(self, AL, Y):
        return self.derivative(AL, Y)
''',
    ],
}
