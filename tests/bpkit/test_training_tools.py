"""bpkit.training_tools: standardisation, flips, splits, mini-batches, early stopping, the
photos recipe."""

import numpy as np
import pytest
from bpkit import training_tools as tt
from bpkit.data import preprocess
from bpkit.forward import L_model_forward
from bpkit.init import initialize_parameters_deep


def test_standardise_uses_the_training_statistics():
    rng = np.random.default_rng(0)
    X = rng.normal(5, 3, size=(4, 50))
    X[2] = 7.0  # a constant feature must not divide by zero
    mean, std = tt.standardiser(X)
    assert mean.shape == (4, 1) and std.shape == (4, 1)
    Z = tt.standardise(X, mean, std)
    np.testing.assert_allclose(Z.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(Z[[0, 1, 3]].std(axis=1), 1, atol=1e-6)
    assert np.all(np.isfinite(Z)) and np.all(Z[2] == 0)
    other = tt.standardise(X[:, :3] + 1, mean, std)  # another split: the same shift and scale
    np.testing.assert_allclose(other - Z[:, :3], (1 / (std + tt.EPSILON)) * np.ones((4, 3)))


def test_flips_mirror_left_to_right_and_keep_labels():
    images = np.arange(2 * 2 * 3 * 3).reshape(2, 2, 3, 3)
    flipped = tt.flip_horizontally(images)
    np.testing.assert_array_equal(flipped[1, 0, 0], images[1, 0, 2])
    np.testing.assert_array_equal(tt.flip_horizontally(flipped), images)
    X = images.reshape(2, -1).T
    Y = np.array([[0, 1]])
    X2, Y2 = tt.augment_with_flips(X, Y, (2, 3, 3))
    assert X2.shape == (18, 4) and Y2.tolist() == [[0, 1, 0, 1]]
    np.testing.assert_array_equal(X2[:, :2], X)
    np.testing.assert_array_equal(X2[:, 3], flipped[1].ravel())


def _logit(X, parameters):
    AL = L_model_forward(X, parameters)[0]
    return np.log(AL / (1 - AL))


@pytest.mark.parametrize("dims", [[7, 1], [7, 4, 1], [7, 5, 3, 1], [7, 6, 4, 2, 1]])
def test_average_networks_is_one_network_voting_with_the_mean_logit(dims):
    """The merged network's Z_L is the mean of the members' Z_L, for any depth."""
    X = np.random.default_rng(1).normal(size=(7, 9))
    members = []
    for seed in range(3):
        member = tt.he_initialisation(dims, seed=seed)
        for key in member:
            if key.startswith("b"):
                member[key] = member[key] + 0.1 * (seed + 1)
        members.append(member)
    merged = tt.average_networks(members)
    assert merged["W1"].shape == ((3 * dims[1], 7) if len(dims) > 2 else (1, 7))
    expected = np.mean([_logit(X, member) for member in members], axis=0)
    np.testing.assert_allclose(_logit(X, merged), expected, rtol=1e-6, atol=1e-9)


def test_validation_split_is_balanced_disjoint_and_seeded():
    X = np.arange(100).reshape(1, 100).astype(float)
    Y = (np.arange(100) % 4 == 0).astype(int).reshape(1, -1)  # 25 ones, 75 zeros
    Xt, Yt, Xv, Yv = tt.validation_split(X, Y, 0.2, seed=3)
    assert Xv.shape == (1, 20) and Xt.shape == (1, 80)
    assert Yv.sum() == 5 and Yt.sum() == 20
    assert set(Xt[0]) | set(Xv[0]) == set(range(100)) and not set(Xt[0]) & set(Xv[0])
    np.testing.assert_array_equal(Y[0, Xv[0].astype(int)], Yv[0])  # labels follow the columns
    again = tt.validation_split(X, Y, 0.2, seed=3)
    np.testing.assert_array_equal(again[2], Xv)
    with pytest.raises(ValueError, match="fraction"):
        tt.validation_split(X, Y, 1.0)


def test_minibatches_cover_every_column_once():
    X = np.arange(2 * 10).reshape(2, 10)
    Y = np.arange(10).reshape(1, 10)
    batches = list(tt.minibatches(X, Y, 4, np.random.default_rng(0)))
    assert [b[1].shape[1] for b in batches] == [4, 4, 2]
    seen = np.concatenate([b[1][0] for b in batches])
    assert sorted(seen.tolist()) == list(range(10)) and seen.tolist() != list(range(10))
    for X_batch, Y_batch in batches:
        np.testing.assert_array_equal(X_batch[0], Y_batch[0])  # columns stay together


def test_he_initialisation_scale():
    parameters = tt.he_initialisation([400, 300, 1], seed=0)
    assert parameters["W1"].shape == (300, 400) and parameters["b1"].shape == (300, 1)
    assert abs(parameters["W1"].std() - np.sqrt(2 / 400)) < 0.003
    assert not parameters["b2"].any()


def test_accuracy():
    assert tt.accuracy(np.array([[1, 0, 1, 1]]), np.array([[1, 1, 1, 0]])) == 0.5


# --- the training loop, with the functions passed in ------------------------------------------


def _maths():
    """Cost, backward, update and predict for the test: a tiny independent implementation."""

    def cost(AL, Y):
        return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))

    def backward(AL, Y, caches):
        grads, m = {}, Y.shape[1]
        dZ = AL - Y
        for layer in range(len(caches), 0, -1):
            (A_prev, W, _), _ = caches[layer - 1]
            grads[f"dW{layer}"] = dZ @ A_prev.T / m
            grads[f"db{layer}"] = dZ.sum(axis=1, keepdims=True) / m
            if layer > 1:
                dZ = (W.T @ dZ) * (caches[layer - 2][1] > 0)
        return grads

    def update(parameters, grads, rate):
        return {k: v - rate * grads["d" + k] for k, v in parameters.items()}

    def predict(X, parameters):
        return (L_model_forward(X, parameters)[0] > 0.5).astype(int)

    return {"forward": L_model_forward, "cost": cost, "backward": backward, "update": update,
            "predict": predict}


def _problem(m, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(5, m))
    Y = (X[0] + 0.5 * X[1] > 0).astype(int).reshape(1, -1)
    return X, Y


def test_early_stopping_learns_and_keeps_the_best_epoch(capsys):
    X, Y = _problem(300, 0)
    Xv, Yv = _problem(100, 1)
    parameters = initialize_parameters_deep([5, 8, 1])
    start = {k: v.copy() for k, v in parameters.items()}
    best, history = tt.train_with_early_stopping(
        X, Y, Xv, Yv, parameters, learning_rate=0.1, batch_size=32, max_epochs=15, patience=3,
        print_every=5, **_maths())
    assert 1 <= len(history) <= 15
    assert [h["epoch"] for h in history] == list(range(1, len(history) + 1))
    assert history[-1]["train_cost"] < history[0]["train_cost"]
    top = tt.best_epoch(history)
    assert top["val_accuracy"] > 0.9
    assert tt.accuracy(_maths()["predict"](Xv, best), Yv) == top["val_accuracy"]
    for key in start:  # the caller's parameters are not modified
        np.testing.assert_array_equal(parameters[key], start[key])
    if len(history) >= 5:
        assert "epoch 5: training cost" in capsys.readouterr().out


def test_early_stopping_stops_after_patience_epochs_without_progress():
    X, Y = _problem(60, 0)
    maths = _maths()
    maths["update"] = lambda parameters, grads, rate: parameters  # nothing ever changes
    _, history = tt.train_with_early_stopping(
        X, Y, X, Y, initialize_parameters_deep([5, 3, 1]), learning_rate=0.1, max_epochs=50,
        patience=4, **maths)
    assert len(history) == 5  # epoch 1 is the best, then 4 epochs without improvement


def test_early_stopping_respects_the_time_budget():
    X, Y = _problem(60, 0)
    _, history = tt.train_with_early_stopping(
        X, Y, X, Y, initialize_parameters_deep([5, 3, 1]), learning_rate=0.1, max_epochs=1000,
        patience=1000, time_budget=0.0, **_maths())
    assert len(history) == 1


def test_decay_shrinks_the_learning_rate():
    X, Y = _problem(40, 0)
    rates = []
    maths = _maths()
    update = maths["update"]
    maths["update"] = lambda p, g, rate: (rates.append(rate), update(p, g, rate))[1]
    tt.train_with_early_stopping(X, Y, X, Y, initialize_parameters_deep([5, 3, 1]),
                                 learning_rate=0.1, batch_size=40, max_epochs=3, patience=9,
                                 decay=1.0, **maths)
    np.testing.assert_allclose(rates, [0.1, 0.05, 0.1 / 3])


def test_photo_recipe_runs_end_to_end_on_patch_features():
    from bpkit.data import load_dataset, preprocess

    data = load_dataset(size=10, n_train=80, n_test=20)
    recipe = dict(tt.RECIPES["photos"], max_epochs=3, batch_size=16, members=2,
                  patches={"count": 12, "size": 3, "stride": 2})
    train_x, test_x = preprocess(data.train_x), preprocess(data.test_x)
    run = tt.train_photo_recipe(train_x, data.train_y, test_x, (10, 10, 3), [300, 6, 1], recipe,
                                **_maths())
    assert len(run.history) == 2 and all(1 <= len(h) <= 3 for h in run.history)
    # the members read 4 quarters x 12 patterns, whatever the pixel count in layers_dims[0]
    assert run.parameters["W1"].shape == (2 * 6, 48) and run.parameters["W2"].shape == (1, 12)
    assert run.initial["W1"].shape == run.parameters["W1"].shape
    assert run.train_x.shape == (48, 80) and run.test_x.shape == (48, 20)
    assert run.dictionary.centroids.shape == (12, 27)
    # standardised with the statistics of the training images and their mirrors
    assert abs(run.train_x.mean()) < 0.2 and 0.5 < run.train_x.std() < 1.5
    assert set(np.unique(_maths()["predict"](run.test_x, run.parameters))) <= {0, 1}
    # the members trained: the averaged network is not the averaged start
    assert not np.allclose(run.parameters["W1"], run.initial["W1"])


def test_photo_recipe_runs_on_pixels_without_patches():
    from bpkit.data import load_dataset, preprocess

    data = load_dataset(size=8, n_train=60, n_test=10)
    recipe = dict(tt.RECIPES["photos"], max_epochs=2, batch_size=16, members=1, patches=None)
    train_x, test_x = preprocess(data.train_x), preprocess(data.test_x)
    run = tt.train_photo_recipe(train_x, data.train_y, test_x, (8, 8, 3), [192, 6, 1], recipe,
                                **_maths())
    assert run.dictionary is None
    assert run.parameters["W1"].shape == (6, 192)
    assert run.train_x.shape == train_x.shape and run.test_x.shape == test_x.shape
    mean, std = tt.standardiser(tt.augment_with_flips(train_x, data.train_y, (8, 8, 3))[0])
    np.testing.assert_allclose(run.test_x, tt.standardise(test_x, mean, std), atol=1e-5)


def test_early_stopping_stops_when_the_cost_diverges():
    X, Y = _problem(60, 0)
    maths = _maths()
    maths["cost"] = lambda AL, Y: float("inf")
    _, history = tt.train_with_early_stopping(
        X, Y, X, Y, initialize_parameters_deep([5, 3, 1]), learning_rate=0.1, max_epochs=50,
        patience=50, **maths)
    assert len(history) == 1


def test_recipes_name_every_data_source():
    assert set(tt.RECIPES) == {"procedural", "catvnoncat", "photos"}
    assert tt.RECIPES["catvnoncat"] == {"size": 64, "hidden": [20, 7, 5], "method": "full batch",
                                       "learning_rate": 0.0075, "iterations": 2500, "standardise": False}


def test_model_settings_are_full_batch_for_every_source():
    for source in tt.RECIPES:
        settings = tt.model_settings(source)
        assert settings["method"] == "full batch"
        assert set(settings) == {"size", "hidden", "method", "learning_rate", "iterations", "standardise"}
    assert tt.model_settings("procedural") == tt.RECIPES["procedural"]
    assert tt.model_settings("catvnoncat") == tt.RECIPES["catvnoncat"]
    # real photos: the network of the drawn faces, on small standardised images
    photos = tt.model_settings("photos")
    assert photos == tt.PHOTOS_FULL_BATCH and photos["standardise"]
    assert photos["hidden"] == tt.RECIPES["procedural"]["hidden"]
    assert photos["size"] < tt.RECIPES["photos"]["size"]  # the appendix's recipe loads its own, larger
    settings = tt.model_settings("procedural")
    settings["hidden"].append(3)  # a copy: a notebook changing its settings leaves RECIPES alone
    assert tt.RECIPES["procedural"]["hidden"] == [20, 7, 5]


def test_input_columns_divide_by_255_or_standardise_with_the_training_statistics():
    rng = np.random.default_rng(0)
    train = rng.integers(0, 256, (30, 4, 4, 3)).astype(np.uint8)
    test = rng.integers(0, 256, (5, 4, 4, 3)).astype(np.uint8)
    plain = tt.input_columns(tt.model_settings("procedural"), train)
    assert np.array_equal(plain(test), preprocess(test))
    columns = tt.input_columns(tt.model_settings("photos"), train)
    train_x = columns(train)
    assert train_x.shape == (48, 30)
    np.testing.assert_allclose(train_x.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(train_x.std(axis=1), 1, atol=1e-6)
    mean, std = tt.standardiser(preprocess(train))  # the test images use the training statistics
    np.testing.assert_allclose(columns(test), tt.standardise(preprocess(test), mean, std))
