"""Forward-pass caches as NamedTuples: clean attribute access, yet still plain tuples.

Student code written for the Coursera API unpacks them positionally
(``A_prev, W, b = linear_cache`` and ``linear_cache, Z = cache``); that keeps working.
"""

from typing import NamedTuple

import numpy as np


class LinearCache(NamedTuple):
    """What ``linear_forward`` remembers for ``linear_backward``.

    A_prev: (n_{l-1}, m) activations entering the layer.
    W: (n_l, n_{l-1}) weights.
    b: (n_l, 1) biases.
    """

    A_prev: np.ndarray
    W: np.ndarray
    b: np.ndarray


class LayerCache(NamedTuple):
    """What ``linear_activation_forward`` remembers: the linear cache and Z = W A_prev + b."""

    linear_cache: LinearCache
    Z: np.ndarray
