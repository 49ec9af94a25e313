"""Gradient descent: theta <- theta - learning_rate * d(theta), for any depth."""

from . import keys


def update_parameters(params, grads, learning_rate):
    """Returns a new parameters dict; ``params`` and ``grads`` are left untouched.

    params: W1..WL, b1..bL; grads: at least dW1..dWL, db1..dbL of the same shapes.
    """
    L = keys.num_layers(params)
    updated = dict(params)
    for layer in range(1, L + 1):
        for name in (keys.weight(layer), keys.bias(layer)):
            updated[name] = params[name] - learning_rate * grads[keys.grad(name)]
    return updated


def update_parameters_in_place(params, grads, learning_rate):
    """The same update written into ``params``' own arrays (no new arrays): for training loops
    that own their parameters. Gives exactly the values ``update_parameters`` gives."""
    for layer in range(1, keys.num_layers(params) + 1):
        for name in (keys.weight(layer), keys.bias(layer)):
            params[name] -= learning_rate * grads[keys.grad(name)]
    return params
