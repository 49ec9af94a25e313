"""Loading the Coursera "cat vs non-cat" files train_catvnoncat.h5 and test_catvnoncat.h5."""

from pathlib import Path

import h5py
import numpy as np

from .dataset import Dataset
from .images import resize_array

TRAIN_FILE = "train_catvnoncat.h5"
TEST_FILE = "test_catvnoncat.h5"


def has_catvnoncat(folder):
    """True when ``folder`` holds both catvnoncat files."""
    folder = Path(folder)
    return (folder / TRAIN_FILE).is_file() and (folder / TEST_FILE).is_file()


def _read_split(file, split, size):
    with h5py.File(file, "r") as h5:
        x = np.asarray(h5[f"{split}_set_x"][:], dtype=np.uint8)
        y = np.asarray(h5[f"{split}_set_y"][:], dtype=int).reshape(1, -1)
        classes = tuple(
            c.decode("utf-8") if isinstance(c, bytes) else str(c) for c in h5["list_classes"][:]
        )
    if size != x.shape[1]:
        x = np.stack([resize_array(image, size) for image in x])
    return x, y, classes


def load_catvnoncat(folder, size=64):
    """The catvnoncat data set: 1 = cat, 0 = non-cat.

    folder: holds train_catvnoncat.h5 and test_catvnoncat.h5 (keys train_set_x, train_set_y,
    test_set_x, test_set_y, list_classes). size: resize the 64 x 64 images if different.
    Returns Dataset(train_x uint8 (209, size, size, 3), train_y (1, 209), test_x (50, ...),
    test_y (1, 50), classes ("non-cat", "cat")).
    """
    folder = Path(folder)
    if not has_catvnoncat(folder):
        raise ValueError(f"{folder} does not hold both {TRAIN_FILE} and {TEST_FILE}")
    train_x, train_y, classes = _read_split(folder / TRAIN_FILE, "train", size)
    test_x, test_y, _ = _read_split(folder / TEST_FILE, "test", size)
    return Dataset(train_x, train_y, test_x, test_y, classes)
