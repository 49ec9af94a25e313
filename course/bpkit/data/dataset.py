"""The Dataset tuple every loader returns."""

from typing import NamedTuple

import numpy as np


class Dataset(NamedTuple):
    """Train and test images with their labels.

    train_x, test_x: uint8 images (m, size, size, 3); train_y, test_y: int labels (1, m);
    classes: the class names in label order, e.g. ("cat", "dog") when 1 = dog.
    """

    train_x: np.ndarray
    train_y: np.ndarray
    test_x: np.ndarray
    test_y: np.ndarray
    classes: tuple
