"""The hidden reference library: the single source of truth for every graded function.

Instructor-only. Nothing in this package is ever copied into a student release, and the
grader makes it importable only inside grading kernels.

Shapes are column-major throughout: X (n_x, m), Y (1, m), W{l} (n_l, n_{l-1}), b{l} (n_l, 1).
The public names and signatures match the Coursera "Deep Learning Specialization" API so that
student solutions written for it run unchanged.
"""

from .activations import (
    ACTIVATIONS,
    get_activation,
    relu,
    relu_backward,
    sigmoid,
    sigmoid_backward,
    tanh,
    tanh_backward,
)
from .caches import LayerCache, LinearCache
from .costs import (
    CostFunction,
    classification_error,
    compute_cost,
    compute_cost_ce,
    compute_cost_mse,
    cost_derivative_ce,
    cost_derivative_mse,
)
from .lab_backward import backpropagation
from .lab_cost import LabCostFunction
from .linear import (
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
)
from .model import L_model_backward, L_model_forward, initialize_parameters_deep
from .shallow import backward_propagation, forward_propagation, initialize_parameters_shallow
from .training import L_layer_model, predict, train_step
from .update import update_parameters, update_parameters_in_place

__all__ = [
    "ACTIVATIONS",
    "CostFunction",
    "L_layer_model",
    "LabCostFunction",
    "L_model_backward",
    "L_model_forward",
    "LayerCache",
    "LinearCache",
    "backpropagation",
    "backward_propagation",
    "classification_error",
    "compute_cost",
    "compute_cost_ce",
    "compute_cost_mse",
    "cost_derivative_ce",
    "cost_derivative_mse",
    "forward_propagation",
    "get_activation",
    "initialize_parameters_deep",
    "initialize_parameters_shallow",
    "linear_activation_backward",
    "linear_activation_forward",
    "linear_backward",
    "linear_forward",
    "predict",
    "relu",
    "relu_backward",
    "sigmoid",
    "sigmoid_backward",
    "tanh",
    "tanh_backward",
    "train_step",
    "update_parameters",
    "update_parameters_in_place",
]
