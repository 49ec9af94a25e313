"""Patch features: describe a photo by which small patterns appear in which part of it.

A fully connected layer gives every pixel position its own weight, so a pointed ear learned
at the top left says nothing about the same ear a few pixels to the right. On real photos,
where the animal can be anywhere, that wastes most of 2,000 training images. Patch features
share what is learned across positions, the idea behind convolutional networks, without
training anything by backpropagation:

1. ``learn_patch_dictionary``: cut many small squares (``size`` x ``size`` pixels, all
   channels) out of the training images, give each the same brightness and contrast, whiten
   them (so that the strong correlation of neighbouring pixels does not dominate) and group
   them with k-means into ``count`` typical patterns: edges, corners, colour blobs;
2. ``patch_features``: slide over every image (every ``stride`` pixels), measure how much each
   pattern looks like the square under it, and add these responses up over each quarter of
   the image. An image becomes 4 * count numbers, one column of F (4 * count, m), that a
   fully connected network takes as its input X.

Images are (m, h, w, c) arrays with values in [0, 1] (or 0 to 255: brightness is normalised
away). Everything is float32 and seeded: the same images give the same features on every run.
"""

from typing import NamedTuple

import numpy as np

CONTRAST_FLOOR = 0.01  # keeps a flat patch from dividing by zero when its contrast is normalised
WHITENING_FLOOR = 0.1  # the smallest variance whitening divides by (noise stays noise)


class PatchDictionary(NamedTuple):
    """What ``learn_patch_dictionary`` returns.

    size: the side of a patch in pixels; mean (d,) and whitening (d, d): the whitening of
    normalised patches, w = (p - mean) @ whitening, with d = size * size * channels;
    centroids (count, d): the typical whitened patches, one per row.
    """

    size: int
    mean: np.ndarray
    whitening: np.ndarray
    centroids: np.ndarray


def _check_images(images, size):
    images = np.asarray(images, dtype=np.float32)
    if images.ndim != 4 or min(images.shape[1:3]) < size or images.shape[0] == 0:
        raise ValueError(
            f"images must be an (m, h, w, channels) array of at least one image with h and w of "
            f"at least the patch size {size}; got shape {images.shape}")
    return images


def _windows(images, size):
    """A view (m, h - size + 1, w - size + 1, size, size, c) of every square: no copy."""
    windows = np.lib.stride_tricks.sliding_window_view(images, (size, size), axis=(1, 2))
    return windows.transpose(0, 1, 2, 4, 5, 3)


def image_patches(images, size, stride=1):
    """Every size x size square of every image, every ``stride`` pixels, as rows of numbers.

    images (m, h, w, c) -> (m, rows, cols, size * size * c) with rows = (h - size) // stride + 1
    (cols likewise); patch (i, r, s) is images[i, r*stride : r*stride + size, s*stride : ...].
    """
    windows = _windows(_check_images(images, size), size)[:, ::stride, ::stride]
    return windows.reshape(*windows.shape[:3], -1)


def normalise_patches(patches):
    """Each patch (a row, the last axis) minus its mean, divided by its standard deviation.

    A dark and a bright copy of the same edge become the same numbers; a flat patch stays
    close to zero (its variance is floored by CONTRAST_FLOOR).
    """
    patches = np.asarray(patches, dtype=np.float32)
    centred = patches - patches.mean(axis=-1, keepdims=True)
    return centred / np.sqrt(centred.var(axis=-1, keepdims=True) + CONTRAST_FLOOR)


def _whiten(patches, dictionary):
    return (normalise_patches(patches) - dictionary.mean) @ dictionary.whitening


def _squared_distances(points, centroids):
    """(n, k): the squared distance of every row of points (n, d) to every centroid (k, d)."""
    distances = (points * points).sum(axis=1, keepdims=True) - 2 * points @ centroids.T
    return np.maximum(distances + (centroids * centroids).sum(axis=1), 0)


def learn_patch_dictionary(images, count, size=6, samples=100_000, iterations=10, seed=0):
    """The ``count`` typical whitened patches of ``images`` (m, h, w, c): a PatchDictionary.

    Takes ``samples`` squares at random positions of random images, normalises and whitens
    them (ZCA whitening: decorrelated, variance one, as close as possible to the original
    patches) and runs ``iterations`` rounds of k-means (Lloyd's algorithm) from ``count``
    of them chosen at random. A centroid that loses all its patches restarts at a random one.
    """
    windows = _windows(_check_images(images, size), size)
    samples = min(samples, int(np.prod(windows.shape[:3])))
    if not 0 < count <= samples:
        raise ValueError(f"count must be between 1 and the {samples} sampled patches, got {count}")
    rng = np.random.default_rng(seed)
    image, row, col = (rng.integers(0, limit, samples) for limit in windows.shape[:3])
    patches = normalise_patches(windows[image, row, col].reshape(samples, -1))
    mean = patches.mean(axis=0)
    variances, axes = np.linalg.eigh(np.cov(patches - mean, rowvar=False))
    whitening = ((axes / np.sqrt(np.maximum(variances, 0) + WHITENING_FLOOR)) @ axes.T)
    points = (patches - mean) @ whitening.astype(np.float32)
    centroids = points[rng.choice(samples, count, replace=False)].copy()
    for _ in range(iterations):
        nearest = _squared_distances(points, centroids).argmin(axis=1)
        sizes = np.bincount(nearest, minlength=count)
        sums = np.zeros_like(centroids)
        np.add.at(sums, nearest, points)
        empty = sizes == 0
        centroids = sums / np.maximum(sizes, 1)[:, None]
        centroids[empty] = points[rng.choice(samples, int(empty.sum()), replace=False)]
    return PatchDictionary(size, mean.astype(np.float32), whitening.astype(np.float32),
                           centroids.astype(np.float32))


def patch_features(images, dictionary, stride=2, batch_size=100):
    """F (4 * count, m): how strongly each pattern of ``dictionary`` appears in each quarter.

    For the patch at every ``stride``-th position, the response of pattern k is
    max(0, mean distance - distance to centroid k) (the "triangle" code: only the patterns
    closer than average respond, the closer the stronger). Rows k, count + k, 2 * count + k
    and 3 * count + k are pattern k's responses summed over the top-left, top-right,
    bottom-left and bottom-right quarter of the positions. Works ``batch_size`` images at a
    time, so memory stays small however many images there are.
    """
    images = _check_images(images, dictionary.size)
    columns = []
    for start in range(0, images.shape[0], batch_size):
        patches = image_patches(images[start : start + batch_size], dictionary.size, stride)
        m, rows, cols, d = patches.shape
        distances = np.sqrt(_squared_distances(_whiten(patches.reshape(-1, d), dictionary),
                                               dictionary.centroids))
        responses = np.maximum(distances.mean(axis=1, keepdims=True) - distances, 0)
        responses = responses.reshape(m, rows, cols, -1)
        top, left = (rows + 1) // 2, (cols + 1) // 2
        quarters = [responses[:, :top, :left], responses[:, :top, left:],
                    responses[:, top:, :left], responses[:, top:, left:]]
        columns.append(np.concatenate([q.sum(axis=(1, 2)) for q in quarters], axis=1))
    return np.concatenate(columns, axis=0).T.astype(np.float32)


def dictionary_pictures(dictionary, channels=3):
    """The patterns as pictures (count, size, size, channels) in [0, 1], for plotting.

    Undoes the whitening (of the centroids, which are whitened patches) and stretches each
    pattern's contrast to the full range: grey is the average, light and dark its contrasts.
    """
    patches = dictionary.centroids @ np.linalg.pinv(dictionary.whitening) + dictionary.mean
    largest = np.abs(patches).max(axis=1, keepdims=True)
    pictures = 0.5 + 0.5 * patches / np.maximum(largest, 1e-12)
    return pictures.reshape(-1, dictionary.size, dictionary.size, channels)
