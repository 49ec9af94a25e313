"""bpkit.pca: principal components, and folding a projection into the first layer."""

import numpy as np
import pytest
from bpkit import pca
from bpkit.forward import L_model_forward
from bpkit.training_tools import he_initialisation


def _centred_data(seed=0):
    """X (12, 400): variances 16, 9, 4, 1 along four random orthonormal directions, 0.01 else."""
    rng = np.random.default_rng(seed)
    basis, _ = np.linalg.qr(rng.standard_normal((12, 12)))
    scales = np.array([4.0, 3.0, 2.0, 1.0] + [0.1] * 8)
    X = basis @ (scales[:, None] * rng.standard_normal((12, 400)))
    return X - X.mean(axis=1, keepdims=True)


def test_principal_components_match_the_eigenvectors_of_the_covariance():
    X = _centred_data()
    P, variances = pca.principal_components(X, 3)
    values, vectors = np.linalg.eigh(X @ X.T / X.shape[1])
    assert P.shape == (3, 12) and variances.shape == (3,)
    np.testing.assert_allclose(P @ P.T, np.eye(3), atol=1e-12)  # orthonormal rows
    np.testing.assert_allclose(variances, values[::-1][:3], rtol=1e-10)
    assert variances[0] > variances[1] > variances[2] > 1  # largest first
    for row, vector in zip(P, vectors[:, ::-1].T, strict=False):  # the same lines, up to sign
        assert abs(row @ vector) == pytest.approx(1.0, abs=1e-10)


def test_principal_components_are_seeded_and_checked():
    X = _centred_data()
    np.testing.assert_array_equal(pca.principal_components(X, 4, seed=3)[0],
                                  pca.principal_components(X, 4, seed=3)[0])
    with pytest.raises(ValueError, match="k must be between 1 and n_x = 12"):
        pca.principal_components(X, 13)


def test_folding_the_projection_gives_identical_outputs():
    rng = np.random.default_rng(1)
    X = _centred_data()
    P, _ = pca.principal_components(X, 4)
    on_components = he_initialisation([4, 5, 3, 1], seed=2)
    on_components["b1"] = rng.normal(size=(5, 1))
    folded = pca.fold_projection(on_components, P)
    assert folded["W1"].shape == (5, 12)
    assert folded["b1"] is on_components["b1"] and folded["W2"] is on_components["W2"]
    np.testing.assert_allclose(L_model_forward(X, folded)[0],
                               L_model_forward(P @ X, on_components)[0], rtol=1e-12)
    assert on_components["W1"].shape == (5, 4)  # the caller's network is unchanged


def test_projecting_the_first_layer_keeps_its_part_in_the_span():
    X = _centred_data()
    P, _ = pca.principal_components(X, 4)
    on_pixels = he_initialisation([12, 5, 1], seed=4)
    projected = pca.project_first_layer(on_pixels, P)
    assert projected["W1"].shape == (5, 4)
    inside = P.T @ (P @ X)  # X with its components outside the span removed
    np.testing.assert_allclose(L_model_forward(inside, pca.fold_projection(projected, P))[0],
                               L_model_forward(inside, on_pixels)[0], rtol=1e-12)
    # and the folded-back network differs only by what lay outside the span
    np.testing.assert_allclose(pca.fold_projection(projected, P)["W1"],
                               on_pixels["W1"] @ P.T @ P, rtol=1e-12)
