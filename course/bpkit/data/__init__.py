"""Cat/dog data sets: the embedded procedural set, or real images from a folder.

``load_dataset()`` returns a Dataset(train_x, train_y, test_x, test_y, classes) with uint8
images (m, size, size, 3) and int labels (1, m); ``preprocess(images)`` turns images into the
network's input X (size * size * 3, m), floats in [0, 1], one column per image.
"""

import os
from pathlib import Path

import numpy as np

from .dataset import Dataset
from .folders import CLASSES, load_image_folder
from .h5 import has_catvnoncat, load_catvnoncat
from .procedural import make_catdog_images

__all__ = [
    "Dataset",
    "data_source",
    "load_catvnoncat",
    "load_dataset",
    "load_image_folder",
    "make_catdog_images",
    "preprocess",
]

ENV_VAR = "CATDOG_DATA"
N_TRAIN, N_TEST = 500, 100  # the default size of the embedded procedural set
TEST_SEED_OFFSET = 1_000_003  # the procedural test images come from a different seed
TRAIN_NAMES = ("training_set", "train")
TEST_NAMES = ("test_set", "test", "validation")


def _find_split(folder, names):
    for name in names:
        for candidate in (folder / name, folder / name.upper(), folder / name.capitalize()):
            if candidate.is_dir():
                return candidate
    return None


def _subset(x, y, n, rng):
    """At most n of the examples (x (m, ...), y (1, m)), a random subset in the original order."""
    if n is None or n >= y.shape[1]:
        return x, y
    keep = np.sort(rng.choice(y.shape[1], size=n, replace=False))
    return x[keep], y[:, keep]


def _load_folder(folder, size, n_train, n_test, seed):
    if has_catvnoncat(folder):
        data = load_catvnoncat(folder, size=size)
        rng = np.random.default_rng(seed)
        train_x, train_y = _subset(data.train_x, data.train_y, n_train, rng)
        test_x, test_y = _subset(data.test_x, data.test_y, n_test, rng)
        return Dataset(train_x, train_y, test_x, test_y, data.classes)
    train_dir, test_dir = _find_split(folder, TRAIN_NAMES), _find_split(folder, TEST_NAMES)
    if train_dir is None or test_dir is None:
        found = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        raise ValueError(
            f"{folder} holds neither train_catvnoncat.h5 and test_catvnoncat.h5 nor a train and "
            f"a test split (a train folder named one of {', '.join(TRAIN_NAMES)}; a test folder "
            f"named one of {', '.join(TEST_NAMES)}); found: {', '.join(found) or 'nothing'}"
        )
    train = load_image_folder(train_dir, size=size, limit=n_train, seed=seed)
    test = load_image_folder(test_dir, size=size, limit=n_test, seed=seed + 1)
    return Dataset(
        train.images, train.labels.reshape(1, -1), test.images, test.labels.reshape(1, -1), CLASSES
    )


def data_source(path=None):
    """Which data ``load_dataset(path)`` would read: "procedural", "catvnoncat" or "photos".

    path None: the CATDOG_DATA environment variable, else the embedded procedural set. A folder
    holding the catvnoncat h5 pair is "catvnoncat"; any other folder is "photos" (Kaggle layout).
    """
    if path is None and os.environ.get(ENV_VAR):
        path = os.environ[ENV_VAR]
    if path is None:
        return "procedural"
    return "catvnoncat" if has_catvnoncat(Path(path).expanduser()) else "photos"


def load_dataset(path=None, size=64, n_train=None, n_test=None, seed=0):
    """The cat/dog data: Dataset(train_x, train_y, test_x, test_y, classes).

    Images are uint8 (m, size, size, 3), labels int (1, m).
    path None (and no CATDOG_DATA environment variable): the embedded procedural set,
    n_train (default 500) and n_test (default 100) images, 1 = dog, classes ("cat", "dog").
    path (or CATDOG_DATA) a folder: either train_catvnoncat.h5 and test_catvnoncat.h5
    (1 = cat, classes ("non-cat", "cat")), or a train split (``training_set`` or ``train``)
    and a test split (``test_set``, ``test`` or ``validation``), each in a Kaggle layout
    (``cats/`` and ``dogs/``, or ``cat.N.jpg`` and ``dog.N.jpg``). There n_train and n_test,
    when given, keep a random subset (class-balanced for image folders) drawn with ``seed``.
    """
    if path is None and os.environ.get(ENV_VAR):
        path = os.environ[ENV_VAR]
    if path is None:
        train_x, train_y = make_catdog_images(
            N_TRAIN if n_train is None else n_train, size=size, seed=seed
        )
        test_x, test_y = make_catdog_images(
            N_TEST if n_test is None else n_test, size=size, seed=seed + TEST_SEED_OFFSET
        )
        return Dataset(train_x, train_y.reshape(1, -1), test_x, test_y.reshape(1, -1), CLASSES)
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise ValueError(f"data folder {folder} does not exist")
    return _load_folder(folder, size, n_train, n_test, seed)


def preprocess(images):
    """uint8 images (m, h, w, 3) -> X (h * w * 3, m) floats in [0, 1], one column per image.

    The Coursera flattening: images.reshape(m, -1).T / 255.
    """
    images = np.asarray(images)
    return images.reshape(images.shape[0], -1).T / 255.0
