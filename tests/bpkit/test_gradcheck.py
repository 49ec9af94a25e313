"""bpkit.gradcheck: does the checker pass right gradients and explain wrong ones?"""

import numpy as np
import pytest
from bpkit import testcases
from bpkit.forward import L_model_forward, forward_propagation
from bpkit.gradcheck import (
    check_gradient,
    gradient_check_model,
    numerical_gradient,
    relative_error,
)

import autograder.reference as ref

M = 7


def cost(parameters, X, Y):
    return ref.compute_cost(L_model_forward(X, parameters)[0], Y)


@pytest.fixture
def net():
    """parameters, X, Y and the correct grads of a (5, 4, 3, 1) network on 7 examples."""
    rng = np.random.default_rng(5)
    layer_dims = (5, 4, 3, 1)
    parameters = {}
    for layer in range(1, len(layer_dims)):
        parameters[f"W{layer}"] = rng.standard_normal((layer_dims[layer], layer_dims[layer - 1]))
        parameters[f"b{layer}"] = rng.standard_normal((layer_dims[layer], 1)) * 0.5
    X = rng.standard_normal((5, M))
    Y = np.array([[1, 0, 1, 1, 0, 0, 1]])
    AL, caches = L_model_forward(X, parameters)
    grads = ref.L_model_backward(AL, Y, caches)
    return parameters, X, Y, grads


def test_numerical_gradient_of_a_quadratic_and_restores_x():
    """Is d/dx sum(c x^2) = 2 c x, with x unchanged afterwards?"""
    rng = np.random.default_rng(0)
    x, c = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    before = x.copy()
    grad = numerical_gradient(lambda: np.sum(c * x**2), x)
    np.testing.assert_allclose(grad, 2 * c * x, rtol=1e-6, atol=1e-8)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_restores_x_when_f_raises():
    x = np.ones((2, 2))

    def broken():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        numerical_gradient(broken, x)
    np.testing.assert_array_equal(x, np.ones((2, 2)))


def test_numerical_gradient_refuses_int_arrays():
    with pytest.raises(TypeError, match="float"):
        numerical_gradient(lambda: 0.0, np.ones((2, 2), dtype=int))


def test_relative_error_values():
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0
    assert relative_error(np.array([1.0]), np.array([-1.0])) == pytest.approx(1.0)
    assert relative_error(np.array([1.0, 0.0]), np.array([1.0, 1e-11])) < 1e-10


def test_check_gradient_passes_and_returns_the_error():
    a = np.array([[0.1, -0.2, 0.3]])
    assert check_gradient("dW", a, a + 1e-12) < 1e-9


def test_correct_model_gradients_pass(net):
    """Does a correct L-layer backward pass get every key through, from layer L down?"""
    parameters, X, Y, grads = net
    errors = gradient_check_model(parameters, X, Y, grads, cost)
    assert list(errors) == ["dW3", "db3", "dW2", "db2", "dW1", "db1"]
    assert max(errors.values()) < 1e-7


def test_model_check_leaves_parameters_untouched(net):
    parameters, X, Y, grads = net
    before = {k: v.copy() for k, v in parameters.items()}
    gradient_check_model(parameters, X, Y, grads, cost)
    for key in before:
        np.testing.assert_array_equal(parameters[key], before[key])


def test_missing_one_over_m_is_named(net):
    """A dW2 that forgot 1/m is m = 7 times too large: does the message say so?"""
    parameters, X, Y, grads = net
    grads = dict(grads, dW2=grads["dW2"] * M)
    with pytest.raises(AssertionError, match=r"^dW2 is m = 7 times too large: the 1/m factor is missing\. "
                                             r"Relative error"):
        gradient_check_model(parameters, X, Y, grads, cost)


def test_sign_flip_is_named(net):
    parameters, X, Y, grads = net
    grads = dict(grads, db3=-grads["db3"])
    with pytest.raises(AssertionError, match=r"^db3 has the right size but the wrong sign everywhere"):
        gradient_check_model(parameters, X, Y, grads, cost)


def test_transposed_gradient_is_named_with_shapes(net):
    parameters, X, Y, grads = net
    grads = dict(grads, dW1=grads["dW1"].T)
    with pytest.raises(AssertionError,
                       match=r"^dW1 has shape \(5, 4\) but should have shape \(4, 5\)\. It looks transposed"):
        gradient_check_model(parameters, X, Y, grads, cost)


def test_square_transpose_is_named():
    numeric = np.arange(1.0, 10.0).reshape(3, 3)
    with pytest.raises(AssertionError, match="^dW is the transpose of the expected array"):
        check_gradient("dW", numeric.T, numeric)


def test_first_diverging_key_is_named_first(net):
    """With dW1 and db3 both wrong, is db3 (layer L, where backpropagation starts) named first?"""
    parameters, X, Y, grads = net
    grads = dict(grads, dW1=grads["dW1"] + 0.5, db3=grads["db3"] * 3)
    with pytest.raises(AssertionError) as failure:
        gradient_check_model(parameters, X, Y, grads, cost)
    message = str(failure.value)
    assert message.startswith("db3") and "Also diverging: dW1." in message


def test_a_bug_in_one_layer_is_named_before_the_layers_below_it_spoils(net):
    """A backward step of layer 2 that forgets relu's derivative spoils layers 2 and 1; the
    message names layer 2 first, the layer to fix."""
    parameters, X, Y, grads = net
    AL, caches = ref.L_model_forward(X, parameters)
    bad = dict(grads)
    bad["dA1"], bad["dW2"], bad["db2"] = ref.linear_backward(grads["dA2"], caches[1][0])
    bad["dA0"], bad["dW1"], bad["db1"] = ref.linear_activation_backward(bad["dA1"], caches[0], "relu")
    with pytest.raises(AssertionError) as failure:
        gradient_check_model(parameters, X, Y, bad, cost)
    message = str(failure.value)
    assert message.startswith("dW2") and message.endswith(" Also diverging: db2, dW1, db1.")


def test_missing_key_is_named(net):
    parameters, X, Y, grads = net
    grads = {k: v for k, v in grads.items() if k != "db2"}
    with pytest.raises(AssertionError, match="grads has no key 'db2'"):
        gradient_check_model(parameters, X, Y, grads, cost)


def test_message_gives_first_mismatch_with_both_values():
    numeric = np.array([[0.5, 0.25], [0.125, -0.75]])
    analytic = numeric.copy()
    analytic[1, 0] = 0.3
    with pytest.raises(AssertionError) as failure:
        check_gradient("dA_prev", analytic, numeric)
    message = str(failure.value)
    assert message.startswith("dA_prev has the right shape but wrong values: 1 of 4 entries differ, the first "
                              "at index [1, 0] (yours is 0.3, expected 0.125).")


def test_factor_too_small_and_zero_gradient():
    numeric = np.array([[0.5, 0.25, -1.0]])
    with pytest.raises(AssertionError, match="^db is 0.1429 times the expected value everywhere: is it divided by "
                                             "7 once too often\\?"):
        check_gradient("db", numeric / 7, numeric)
    with pytest.raises(AssertionError, match="^db is m = 7 times too small: the 1/m factor is applied twice"):
        check_gradient("db", numeric / 7, numeric, m=7)
    with pytest.raises(AssertionError, match="all zeros"):
        check_gradient("db", np.zeros_like(numeric), numeric)


def test_non_finite_gradient_is_reported():
    with pytest.raises(AssertionError, match=r"^dZ contains NaN or inf at index \[1\]"):
        check_gradient("dZ", np.array([1.0, np.nan]), np.array([1.0, 2.0]))


def test_shallow_case_gradients_check_out():
    """The shallow reference backward pass on testcases.shallow_case passes the checker."""
    parameters, cache, X, Y = testcases.shallow_case()
    grads = ref.backward_propagation(parameters, cache, X, Y)

    def shallow_cost(p, X, Y):
        return ref.compute_cost(forward_propagation(X, p)[0], Y)

    errors = gradient_check_model(parameters, X, Y, grads, shallow_cost)
    assert set(errors) == {"dW1", "db1", "dW2", "db2"}


def test_relative_error_refuses_different_shapes():
    with pytest.raises(ValueError, match="one shape"):
        relative_error(np.ones((2, 3)), np.ones((3, 2)))
