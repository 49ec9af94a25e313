"""The training loop of 05 and prediction.

X: (n_x, m) inputs, Y: (1, m) labels, layers_dims: [n_x, n_1, ..., 1].
"""


from .costs import THRESHOLD, compute_cost
from .model import L_model_backward, L_model_forward, initialize_parameters_deep
from .update import update_parameters

COST_EVERY = 100


def L_layer_model(
    X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False
):
    """Full-batch gradient descent. Returns (parameters, costs).

    costs holds the cost (a float) of iterations 0, 100, 200, ...: the cost of the forward pass
    made with the parameters before that iteration's update.
    """
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % COST_EVERY == 0:
            costs.append(float(cost))
            if print_cost:
                print(f"Cost after iteration {i}: {cost:.6f}")
    return parameters, costs


def predict(X, parameters):
    """(1, m) array of 0/1 labels: 1 where the network's output probability is > 0.5."""
    AL, _ = L_model_forward(X, parameters)
    return (AL > THRESHOLD).astype(int)
