"""The training loop of 05 and prediction.

X: (n_x, m) inputs, Y: (1, m) labels, layers_dims: [n_x, n_1, ..., 1].
"""

from .costs import THRESHOLD, compute_cost
from .model import L_model_backward, L_model_forward, initialize_parameters_deep
from .update import update_parameters_in_place

COST_EVERY = 100


def train_step(X, Y, parameters, learning_rate):
    """One full-batch gradient-descent step, written into ``parameters``' arrays. Returns the cost
    of the forward pass made before the update.

    The values are those of forward, compute_cost, L_model_backward and update_parameters in
    turn; it only skips what training never uses (dA0, the gradient with respect to X, a third of
    the first layer's work) and the copies of the parameters. Arrays keep their dtype (float32
    parameters with float32 X and Y train in float32).
    """
    AL, caches = L_model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    grads = L_model_backward(AL, Y, caches, input_gradient=False)
    update_parameters_in_place(parameters, grads, learning_rate)
    return cost


def L_layer_model(
    X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False, *, dtype=None
):
    """Full-batch gradient descent. Returns (parameters, costs).

    costs holds the cost (a float) of iterations 0, 100, 200, ...: the cost of the forward pass
    made with the parameters before that iteration's update. ``dtype`` (e.g. np.float32) casts
    the initial parameters, X and Y; by default they stay float64 as Coursera's are.
    """
    parameters = initialize_parameters_deep(layers_dims)
    if dtype is not None:
        parameters = {k: v.astype(dtype) for k, v in parameters.items()}
        X, Y = X.astype(dtype), Y.astype(dtype)
    costs = []
    for i in range(num_iterations):
        cost = train_step(X, Y, parameters, learning_rate)
        if i % COST_EVERY == 0:
            costs.append(float(cost))
            if print_cost:
                print(f"Cost after iteration {i}: {cost:.6f}")
    return parameters, costs


def predict(X, parameters):
    """(1, m) array of 0/1 labels: 1 where the network's output probability is > 0.5."""
    AL, _ = L_model_forward(X, parameters)
    return (AL > THRESHOLD).astype(int)
