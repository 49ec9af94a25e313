"""What the forward pass remembers for the backward pass.

Both caches are NamedTuples, so they unpack like the plain tuples of the Coursera API:
``A_prev, W, b = linear_cache`` and ``linear_cache, Z = cache``.
"""

from typing import NamedTuple

import numpy as np


class LinearCache(NamedTuple):
    """The inputs of Z = W A_prev + b.

    A_prev: (n_{l-1}, m) activations entering layer l; W: (n_l, n_{l-1}); b: (n_l, 1).
    """

    A_prev: np.ndarray
    W: np.ndarray
    b: np.ndarray


class LayerCache(NamedTuple):
    """A whole layer: its LinearCache (A_prev, W, b) and its pre-activation Z (n_l, m)."""

    linear_cache: LinearCache
    Z: np.ndarray
