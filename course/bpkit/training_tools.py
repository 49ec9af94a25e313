"""Tools for training on real photos: input standardisation, mirror-image augmentation,
mini-batches, a validation split, He initialisation, a mini-batch training loop with early
stopping, and an average of several networks that is itself one network.

Pure helpers, column-major like the rest of the course: X (n_x, m), Y (1, m), images
(m, h, w, 3). The training loop contains no maths of its own: the forward pass, the cost, the
backward pass, the update and the prediction are the functions passed in as arguments (the
ones you wrote in assignments 01 to 05).
"""

import copy
import time
from functools import partial
from typing import NamedTuple

import numpy as np

from .data import preprocess
from .patch_features import PatchDictionary, learn_patch_dictionary, patch_features

EPSILON = 1e-8  # keeps a constant pixel from dividing by zero

# How the 05 notebook trains, per data source (``bpkit.data.data_source()``). "full batch" is
# L_layer_model; "mini-batch" is ``train_photo_recipe`` below. Measured on 2 cores:
# procedural 0.94 test accuracy in ~3 s; catvnoncat 0.80 in ~25 s (Coursera's recipe);
# dogs-vs-cats (2,000 training photos): an average of 5 networks, each reading the patch
# features of the photos and their mirror images (256 patterns of 6 x 6 pixels in 4 quarters)
# and early-stopped on its own validation fifth, scores about 0.75 in about 20 s, against
# about 0.67 for the same averaging on pixels and 0.58 to 0.61 for Coursera's recipe (64 x 64,
# full batch) after minutes. README "Real photos" has the spread.
RECIPES = {
    "procedural": {"size": 16, "hidden": [20, 7, 5], "method": "full batch",
                   "learning_rate": 0.0075, "iterations": 1500, "standardise": False},
    "catvnoncat": {"size": 64, "hidden": [20, 7, 5], "method": "full batch",
                   "learning_rate": 0.0075, "iterations": 2500, "standardise": False},
    "photos": {"size": 32, "hidden": [64], "method": "mini-batch",
               "learning_rate": 0.01, "batch_size": 64, "max_epochs": 30, "patience": 5,
               "validation": 0.2, "flips": True,
               "patches": {"count": 256, "size": 6, "stride": 2}, "members": 5,
               "time_budget": 50},
}

# The full-batch settings the main path of the 05 notebook trains your L_layer_model with on
# real photos, whose own recipe (above) is the notebook's optional appendix. Measured on the
# 2,000 dogs-vs-cats training photos (500 test photos, one core): 16 x 16 pixels standardised
# with the training set's statistics, the network of the drawn faces and a larger learning rate
# reach about 0.62 test accuracy (0.60 to 0.64 from one number of iterations to the next) in
# about 10 to 15 s, where 32 x 32 pixels divided by 255 and the drawn faces' settings reached
# 0.56 in about 40 s, their cost hardly below ln 2. Smaller images overfit less (a fully
# connected network has one weight per pixel) and train 4 times faster; standardised inputs
# (mean 0 on every pixel, not [0, 1]) let the first layer learn at the rate of the others.
PHOTOS_FULL_BATCH = {"size": 16, "hidden": [20, 7, 5], "method": "full batch",
                     "learning_rate": 0.02, "iterations": 1500, "standardise": True}


def model_settings(source):
    """What the 05 notebook's L_layer_model trains with on ``source`` (``data_source()``): the
    recipe of the source where it is full batch, else PHOTOS_FULL_BATCH. A dict with the keys
    size, hidden, method, learning_rate, iterations and standardise."""
    recipe = RECIPES[source]
    return copy.deepcopy(recipe if recipe["method"] == "full batch" else PHOTOS_FULL_BATCH)


def input_columns(settings, train_images):
    """The function that turns images (m, h, w, 3) into the network's input columns (n_x, m), as
    ``settings`` (``model_settings``) say: flattened and divided by 255 (``preprocess``), then,
    where ``settings["standardise"]``, standardised with the statistics of ``train_images``
    (every pixel value mean 0 and standard deviation 1 on the training set; test images and your
    own photos go through the very same function, with the training set's statistics)."""
    if not settings.get("standardise"):
        return preprocess
    mean, std = standardiser(preprocess(train_images))
    return partial(_standardised_columns, mean=mean, std=std)


def _standardised_columns(images, mean, std):
    return standardise(preprocess(images), mean, std)


# --- inputs ----------------------------------------------------------------------------------


def standardiser(X):
    """(mean, std), each (n_x, 1): the per-feature statistics of the training inputs X (n_x, m)."""
    X = np.asarray(X, dtype=float)
    return X.mean(axis=1, keepdims=True), X.std(axis=1, keepdims=True)


def standardise(X, mean, std):
    """(X - mean) / std: every feature with mean 0 and standard deviation 1 on the training set.

    Use the statistics of the *training* set for every split (the test set must not leak in).
    """
    return (np.asarray(X, dtype=float) - mean) / (std + EPSILON)


def flip_horizontally(images):
    """Mirror images (m, h, w, channels) left to right (a cat looking left is still a cat)."""
    return np.asarray(images)[:, :, ::-1, :]


def augment_with_flips(X, Y, image_shape):
    """Columns X (n_x, m) of images of shape ``image_shape`` (h, w, c), followed by the columns of
    their mirror images: (n_x, 2m), with labels Y (1, m) repeated -> (1, 2m).
    """
    images = np.asarray(X).T.reshape(-1, *image_shape)
    flipped = flip_horizontally(images).reshape(images.shape[0], -1).T
    Y = np.asarray(Y).reshape(1, -1)
    return np.concatenate([X, flipped], axis=1), np.concatenate([Y, Y], axis=1)


def validation_split(X, Y, fraction=0.2, seed=0):
    """Hold out a class-balanced random ``fraction`` of the examples for validation.

    X (n_x, m), Y (1, m). Returns (X_train, Y_train, X_val, Y_val), columns in random order.
    """
    if not 0 < fraction < 1:
        raise ValueError(f"fraction must be between 0 and 1, got {fraction}")
    Y = np.asarray(Y).reshape(1, -1)
    rng = np.random.default_rng(seed)
    train, val = [], []
    for label in np.unique(Y):
        members = rng.permutation(np.flatnonzero(Y[0] == label))
        n_val = int(round(fraction * len(members)))
        val.append(members[:n_val])
        train.append(members[n_val:])
    train, val = rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(val))
    return X[:, train], Y[:, train], X[:, val], Y[:, val]


def minibatches(X, Y, batch_size, rng):
    """Yield (X_batch, Y_batch) covering every column once, in an order shuffled by ``rng``.

    The last batch is smaller when batch_size does not divide m.
    """
    m = Y.shape[1]
    order = rng.permutation(m)
    for start in range(0, m, batch_size):
        batch = order[start : start + batch_size]
        yield X[:, batch], Y[:, batch]


def he_initialisation(layers_dims, seed=1):
    """W{l} ~ N(0, 1) * sqrt(2 / n_{l-1}), b{l} = 0: He et al.'s scale for ReLU layers.

    A ReLU zeroes about half of its inputs, so twice the variance of 1/sqrt(n) keeps the signal
    the same size from layer to layer.
    """
    rng = np.random.default_rng(seed)
    parameters = {}
    for layer in range(1, len(layers_dims)):
        n_prev, n = layers_dims[layer - 1], layers_dims[layer]
        parameters[f"W{layer}"] = rng.standard_normal((n, n_prev)) * np.sqrt(2.0 / n_prev)
        parameters[f"b{layer}"] = np.zeros((n, 1))
    return parameters


def average_networks(networks):
    """One wider network whose output is sigmoid(mean of the networks' last linear outputs Z_L).

    networks: a list of parameter dicts of L-layer networks with the same number of layers and
    the same input size (hidden widths may differ). The result stacks their first layers,
    places the hidden layers side by side (block-diagonal W{l}, so the members never mix),
    and averages in the last layer: W_L = [W_L^1, ..., W_L^K] / K, b_L = mean of b_L^k. Its
    hidden layers are K times as wide; it works with L_model_forward and predict unchanged.
    """
    L = len(networks[0]) // 2
    K = len(networks)
    merged = {"W1": np.concatenate([p["W1"] for p in networks], axis=0),
              "b1": np.concatenate([p["b1"] for p in networks], axis=0)}
    for layer in range(2, L):
        blocks = [p[f"W{layer}"] for p in networks]
        W = np.zeros((sum(b.shape[0] for b in blocks), sum(b.shape[1] for b in blocks)))
        row = col = 0
        for block in blocks:
            W[row : row + block.shape[0], col : col + block.shape[1]] = block
            row, col = row + block.shape[0], col + block.shape[1]
        merged[f"W{layer}"] = W
        merged[f"b{layer}"] = np.concatenate([p[f"b{layer}"] for p in networks], axis=0)
    if L == 1:
        merged = {"W1": sum(p["W1"] for p in networks) / K, "b1": sum(p["b1"] for p in networks) / K}
    else:
        merged[f"W{L}"] = np.concatenate([p[f"W{L}"] for p in networks], axis=1) / K
        merged[f"b{L}"] = sum(p[f"b{L}"] for p in networks) / K
    return merged


def accuracy(predictions, Y):
    """The fraction of predictions equal to the labels, a float."""
    return float(np.mean(np.asarray(predictions).reshape(-1) == np.asarray(Y).reshape(-1)))


# --- training ---------------------------------------------------------------------------------


def train_with_early_stopping(
    X,
    Y,
    X_val,
    Y_val,
    parameters,
    *,
    forward,
    backward,
    update,
    cost,
    predict,
    learning_rate,
    batch_size=64,
    max_epochs=50,
    patience=5,
    seed=0,
    decay=0.0,
    time_budget=None,
    print_every=None,
):
    """Mini-batch gradient descent that keeps the parameters of the best validation epoch.

    forward(X, parameters) -> (AL, caches); cost(AL, Y) -> float; backward(AL, Y, caches) ->
    grads; update(parameters, grads, learning_rate) -> parameters; predict(X, parameters) -> 0/1
    labels. Each epoch visits the training columns once in a fresh random order, one update per
    batch, then measures the validation accuracy. Training stops after ``max_epochs`` epochs,
    after ``patience`` epochs without a better validation accuracy, when ``time_budget``
    seconds of CPU time have been spent, or when the training cost is no longer finite (diverged). decay:
    the learning rate of epoch e is learning_rate / (1 + decay * (e - 1)), smaller steps as
    training settles. print_every: print a progress line every that many epochs.

    Returns (best_parameters, history): history is a list of dicts, one per epoch, with
    "epoch", "train_cost" (the mean batch cost), "val_accuracy" and "seconds" (CPU seconds since the start).
    """
    rng = np.random.default_rng(seed)
    start = time.process_time()  # CPU time: the same number of epochs on a busy machine
    best, best_accuracy, since_best, history = parameters, -1.0, 0, []
    for epoch in range(1, max_epochs + 1):
        costs, rate = [], learning_rate / (1.0 + decay * (epoch - 1))
        for X_batch, Y_batch in minibatches(X, Y, batch_size, rng):
            AL, caches = forward(X_batch, parameters)
            costs.append(float(cost(AL, Y_batch)) * Y_batch.shape[1])
            parameters = update(parameters, backward(AL, Y_batch, caches), rate)
        val_accuracy = accuracy(predict(X_val, parameters), Y_val)
        seconds = time.process_time() - start
        history.append(
            {
                "epoch": epoch,
                "train_cost": sum(costs) / Y.shape[1],
                "val_accuracy": val_accuracy,
                "seconds": seconds,
            }
        )
        if print_every and epoch % print_every == 0:
            print(
                f"epoch {epoch}: training cost {history[-1]['train_cost']:.4f}, "
                f"validation accuracy {val_accuracy:.3f}"
            )
        if val_accuracy > best_accuracy:
            best = {key: np.array(value, copy=True) for key, value in parameters.items()}
            best_accuracy, since_best = val_accuracy, 0
        else:
            since_best += 1
        diverged = not np.isfinite(history[-1]["train_cost"])  # outputs reached exactly 0 or 1
        if diverged or since_best >= patience or (time_budget is not None and seconds >= time_budget):
            break
    return best, history


def best_epoch(history):
    """The history entry with the highest validation accuracy (the first one on ties)."""
    return max(history, key=lambda entry: (entry["val_accuracy"], -entry["epoch"]))


def _pixel_columns(images):
    """Images (m, h, w, c) as float32 columns (h * w * c, m): what a network on pixels reads."""
    return images.reshape(images.shape[0], -1).T.astype(np.float32)


class PhotoRun(NamedTuple):
    """What ``train_photo_recipe`` returns.

    parameters: one network, the average of the trained members, usable with L_model_forward
    and predict; initial: the same average built from the members' starting weights (trained
    minus initial is what training added); history: one epoch history per member; train_x,
    test_x: what the network reads for each training and test image, standardised with the
    training statistics (predict on these); dictionary: the learned PatchDictionary when the
    recipe describes images by patch features, else None (the network reads pixels).
    """

    parameters: dict
    history: list
    train_x: np.ndarray
    test_x: np.ndarray
    initial: dict
    dictionary: PatchDictionary | None


def train_photo_recipe(
    train_x, train_y, test_x, image_shape, layers_dims, recipe, *, forward, backward, update,
    cost, predict, seed=0, print_every=None
):
    """The "photos" recipe, step by step, from inputs divided by 255 (columns of images).

    train_x (n_x, m) and test_x (n_x, m_test) are columns of images of shape ``image_shape``
    (h, w, c); layers_dims[1:] are the layer sizes after the input.

    1. describe every image by what the network will read: with recipe["patches"] =
       {"count": k, "size": s, "stride": t}, learn a dictionary of k patterns of s x s pixels
       from the training images and describe each image by its 4k patch features
       (``bpkit.patch_features``); without it, by its pixels. With recipe["flips"], every
       training image's mirror image is described too, as a second training example;
    2. standardise every input with the statistics of the training descriptions;
    3. for each of recipe["members"] networks (default 1), with its own random seed:
       hold out recipe["validation"] of the training images (class-balanced) with their
       mirrors, so that no validation image is trained on in another form; He
       initialisation, then ``train_with_early_stopping`` with the functions passed in;
    4. average the members into one network (``average_networks``): its answer for an image
       is the mean vote of all of them.

    recipe["time_budget"] (CPU seconds, optional) bounds the whole run, patch features
    included: what is left of it is shared out between the members still to train.
    Returns a PhotoRun(parameters, history, train_x, test_x, initial, dictionary).
    """
    budget, start = recipe.get("time_budget"), time.process_time()
    members, patches = recipe.get("members", 1), recipe.get("patches")
    train_y = np.asarray(train_y).reshape(1, -1)
    train_images = np.asarray(train_x).T.reshape(-1, *image_shape)
    test_images = np.asarray(test_x).T.reshape(-1, *image_shape)
    views = [train_images, flip_horizontally(train_images)] if recipe["flips"] else [train_images]
    dictionary, describe = None, _pixel_columns
    if patches:
        dictionary = learn_patch_dictionary(train_images, patches["count"], patches["size"],
                                            seed=seed)
        describe = partial(patch_features, dictionary=dictionary, stride=patches["stride"])
    # Column v * m + i of views_x is view v (the image, then its mirror) of training image i.
    views_x = np.concatenate([describe(images) for images in views], axis=1)
    mean, std = standardiser(views_x)
    views_x = standardise(views_x, mean, std).astype(np.float32)
    views_y = np.concatenate([train_y] * len(views), axis=1)
    m = train_y.shape[1]
    dims = [views_x.shape[0], *layers_dims[1:]]
    trained, initial, histories = [], [], []
    for member in range(members):
        member_seed = seed + member
        fit, _, val, _ = validation_split(np.arange(m).reshape(1, -1), train_y,
                                          recipe["validation"], member_seed)
        columns = (np.arange(len(views)).reshape(-1, 1) * m + fit).reshape(-1)
        share = None
        if budget is not None:
            share = max(0.0, (budget - (time.process_time() - start)) / (members - member))
        start_parameters = he_initialisation(dims, seed=member_seed + 1)
        if print_every and members > 1:
            print(f"network {member + 1} of {members}")
        parameters, history = train_with_early_stopping(
            views_x[:, columns], views_y[:, columns], views_x[:, val[0]], views_y[:, val[0]],
            start_parameters, forward=forward, backward=backward, update=update, cost=cost,
            predict=predict, learning_rate=recipe["learning_rate"],
            batch_size=recipe["batch_size"], max_epochs=recipe["max_epochs"],
            patience=recipe["patience"], seed=member_seed, time_budget=share,
            print_every=print_every,
        )
        trained.append(parameters)
        initial.append(start_parameters)
        histories.append(history)
    return PhotoRun(
        average_networks(trained), histories, views_x[:, :m].astype(float),
        standardise(describe(test_images), mean, std), average_networks(initial), dictionary,
    )
