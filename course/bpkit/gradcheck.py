"""Gradient checking: central finite differences, a relative error and readable failures.

The one gradient checker of the course, used by the notebooks and by the library's tests.
Column-major shapes as everywhere: W{l} (n_l, n_{l-1}), b{l} (n_l, 1), X (n_x, m), Y (1, m).
"""

import numpy as np

from .mismatch import describe, wrong_shape

EPS = 1e-6
TOL = 1e-6
TINY = 1e-12  # floor of the relative error's denominator, so that 0 vs 0 is an error of 0


def numerical_gradient(f, x, eps=EPS):
    """Central differences (f(x + eps) - f(x - eps)) / (2 eps) of a scalar f() w.r.t. x.

    f: a function of no arguments that reads ``x`` (a float ndarray of any shape) and returns a
    number. Each entry of x is perturbed in place, one at a time, and restored exactly.
    Returns an array with x's shape: d f / d x.
    """
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError("numerical_gradient needs a float numpy array to perturb in place")
    grad = np.zeros(x.shape, dtype=float)
    for index in np.ndindex(x.shape):
        old = x[index]
        try:
            x[index] = old + eps
            f_plus = float(np.asarray(f()).squeeze())
            x[index] = old - eps
            f_minus = float(np.asarray(f()).squeeze())
        finally:
            x[index] = old
        grad[index] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(a, b):
    """max |a - b| / max(1e-12, max(|a| + |b|)): the largest difference, relative to the scale.

    a, b: arrays of the same shape, or two numbers (different shapes raise ValueError).
    0 when they are equal; about 1e-9 for a correct gradient against finite differences;
    1 or so when they are unrelated.
    Scaling by the largest magnitude (not entry by entry) keeps entries that should be 0, and
    come out as 1e-11 by finite differences, from looking 100% wrong.
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"relative_error needs arrays of one shape, got {a.shape} and {b.shape}")
    if a.size == 0:
        return 0.0
    scale = max(TINY, float(np.max(np.abs(a) + np.abs(b))))
    return float(np.max(np.abs(a - b))) / scale


def check_gradient(name, analytic, numeric, tol=TOL, m=None):
    """Check an analytic gradient against a numeric one; returns the relative error.

    name: what is checked ("dW1"); analytic, numeric: arrays of the same shape.
    Raises AssertionError naming ``name``, and saying what is wrong in the words of the hidden
    tests (``bpkit.mismatch``): the shapes if they differ, a sign flip or a constant factor (such
    as a missing 1/m), a transpose, or the first mismatching entry with both values; then the
    relative error. m (optional): the number of examples, which lets a factor m be called a
    missing 1/m.
    """
    analytic = np.asarray(analytic, dtype=float)
    numeric = np.asarray(numeric, dtype=float)
    if analytic.shape != numeric.shape:
        raise AssertionError(wrong_shape(analytic.shape, numeric.shape).sentence(name))
    error = relative_error(analytic, numeric) if np.all(np.isfinite(analytic)) else np.inf
    if error <= tol:
        return error
    scale = max(TINY, float(np.max(np.abs(analytic) + np.abs(numeric))))

    def agree(a, n):  # entry by entry, on the scale of the whole gradient (as relative_error)
        return np.abs(a - n) <= tol * scale

    wrong = describe(analytic, numeric, agree, m=m, reveal=True)
    raise AssertionError(f"{wrong.sentence(name)} Relative error {error:.2e} > tol {tol:.0e}.")


def _layer_keys(parameters):
    """W{L}, b{L}, W{L-1}, ..., W1, b1: the order in which backpropagation computes them."""
    layers = sorted((int(key[1:]) for key in parameters if key[:1] == "W" and key[1:].isdigit()),
                    reverse=True)
    return [name for layer in layers for name in (f"W{layer}", f"b{layer}")]


def gradient_check_model(parameters, X, Y, grads, forward_cost, tol=TOL, eps=EPS):
    """Check every dW{l}, db{l} of ``grads`` against finite differences of the cost.

    parameters: W1..WL (n_l, n_{l-1}) and b1..bL (n_l, 1); X: (n_x, m); Y: (1, m);
    grads: at least dW1..dWL, db1..dbL with the parameters' shapes (extra keys are ignored);
    forward_cost(parameters, X, Y) -> the scalar cost, e.g.
    ``lambda p, X, Y: compute_cost(L_model_forward(X, p)[0], Y)``.
    The caller's arrays are never modified (a float copy is perturbed).
    Returns {"dW{L}": relative error, "db{L}": ..., ..., "db1": ...}, from layer L down.
    Raises AssertionError naming the FIRST key that diverges in the order backpropagation runs
    (dW{L}, db{L}, dW{L-1}, ..., db1), with the other diverging keys listed after it. A bug in
    the backward step of layer l spoils layer l and every layer below it, never those above, so
    the first key named is in the layer to look at.
    """
    params = {key: np.array(value, dtype=float) for key, value in parameters.items()}
    errors, failures = {}, []
    for key in _layer_keys(params):
        grad_key = f"d{key}"
        if grad_key not in grads:
            failures.append((grad_key, f"grads has no key {grad_key!r}."))
            continue
        numeric = numerical_gradient(lambda: forward_cost(params, X, Y), params[key], eps=eps)
        try:
            errors[grad_key] = check_gradient(
                grad_key, grads[grad_key], numeric, tol=tol, m=np.shape(X)[1]
            )
        except AssertionError as failure:
            failures.append((grad_key, str(failure)))
    if failures:
        first_message = failures[0][1]
        message = first_message
        if len(failures) > 1:
            others = ", ".join(key for key, _ in failures[1:])
            message += f" Also diverging: {others}."
        raise AssertionError(message)
    return errors
