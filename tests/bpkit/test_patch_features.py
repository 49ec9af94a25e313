"""bpkit.patch_features: a learned dictionary of small patches, and the quarter-pooled
responses that describe a photo to the fully connected network of the photos recipe."""

import numpy as np
import pytest
from bpkit import patch_features as pf


def _stripes(n, vertical, rng, size=16):
    """n images (n, size, size, 3) of grey stripes 2 pixels wide: random phase, shades and noise."""
    images = np.empty((n, size, size, 3))
    coordinate = np.arange(size)
    for i in range(n):
        wave = ((coordinate + rng.integers(0, 4)) // 2) % 2
        pattern = np.tile(wave, (size, 1)) if vertical else np.tile(wave[:, None], (1, size))
        dark, light = rng.uniform(0, 0.4), rng.uniform(0.6, 1)  # grey: brightness and contrast vary
        images[i] = dark + pattern[:, :, None] * (light - dark)
    return np.clip(images + rng.normal(0, 0.03, images.shape), 0, 1)


def test_image_patches_cut_every_square_at_the_stride():
    images = np.random.default_rng(0).random((2, 7, 9, 3))
    patches = pf.image_patches(images, 3, stride=2)
    assert patches.shape == (2, 3, 4, 27)
    np.testing.assert_allclose(patches[1, 2, 1], images[1, 4:7, 2:5].ravel(), rtol=1e-6)
    np.testing.assert_allclose(patches[0, 0, 3], images[0, 0:3, 6:9].ravel(), rtol=1e-6)


def test_normalised_patches_forget_brightness_and_contrast():
    patches = np.random.default_rng(1).random((5, 12))
    normal = pf.normalise_patches(patches)
    np.testing.assert_allclose(normal.mean(axis=1), 0, atol=1e-6)
    assert np.all(np.abs(normal.std(axis=1) - 1) < 0.2)
    brighter = pf.normalise_patches(4 * patches + 3)  # more contrast, brighter
    np.testing.assert_allclose(brighter, normal, atol=0.15)
    flat = pf.normalise_patches(np.full((1, 12), 0.7))
    assert np.all(np.isfinite(flat)) and np.allclose(flat, 0)


def test_the_dictionary_is_seeded_and_its_whitening_decorrelates():
    images = np.random.default_rng(2).random((20, 12, 12, 3))
    images = (images + np.roll(images, 1, axis=2)) / 2  # neighbouring pixels correlate
    first = pf.learn_patch_dictionary(images, 10, size=4, samples=3000, seed=5)
    again = pf.learn_patch_dictionary(images, 10, size=4, samples=3000, seed=5)
    other = pf.learn_patch_dictionary(images, 10, size=4, samples=3000, seed=6)
    np.testing.assert_array_equal(first.centroids, again.centroids)
    assert not np.allclose(first.centroids, other.centroids)
    assert first.centroids.shape == (10, 48) and first.whitening.shape == (48, 48)
    patches = pf.image_patches(images, 4).reshape(-1, 48)
    white = (pf.normalise_patches(patches) - first.mean) @ first.whitening
    off_diagonal = ~np.eye(48, dtype=bool)
    white_correlation = np.abs(np.corrcoef(white, rowvar=False)[off_diagonal])
    raw = pf.normalise_patches(patches)
    raw_correlation = np.abs(np.corrcoef(raw, rowvar=False)[off_diagonal])
    # neighbours correlated about 0.5 before whitening, at most about 0.15 after
    assert white_correlation.max() < 0.25 < 0.4 < raw_correlation.max()


def test_features_tell_vertical_from_horizontal_stripes_on_new_images():
    rng = np.random.default_rng(4)
    train = np.concatenate([_stripes(20, True, rng), _stripes(20, False, rng)])
    test = np.concatenate([_stripes(10, True, rng), _stripes(10, False, rng)])
    dictionary = pf.learn_patch_dictionary(train, 8, size=4, samples=5000)
    F, F_test = pf.patch_features(train, dictionary), pf.patch_features(test, dictionary)
    assert F.shape == (32, 40) and F_test.shape == (32, 20) and F.dtype == np.float32
    assert np.all(F >= 0)
    # each new image takes the class of the training image whose features are nearest
    distances = np.linalg.norm(F_test.T[:, None, :] - F.T[None, :, :], axis=2)
    assert (distances.argmin(axis=1) >= 20).tolist() == [False] * 10 + [True] * 10


def test_a_shift_by_the_stride_within_a_quarter_changes_nothing():
    """Features share what they see across positions: a patch moved by one stride, staying
    in its quarter, gives the same description (a fully connected layer sees new pixels)."""
    rng = np.random.default_rng(4)
    dictionary = pf.learn_patch_dictionary(rng.random((10, 16, 16, 3)), 6, size=3, samples=2000)
    thing = rng.random((3, 3, 3))
    # 18 x 18 pixels: 8 x 8 positions of 3 x 3 patches at stride 2, 4 x 4 in each quarter
    here, there = np.full((2, 18, 18, 3), 0.5), np.full((2, 18, 18, 3), 0.5)
    here[0, 2:5, 2:5], there[0, 4:7, 4:7] = thing, thing  # image 0: moved by 2 pixels
    here[1, 2:5, 2:5], there[1, 10:13, 10:13] = thing, thing  # image 1: into another quarter
    F_here, F_there = pf.patch_features(here, dictionary), pf.patch_features(there, dictionary)
    np.testing.assert_allclose(F_here[:, 0], F_there[:, 0], rtol=1e-5, atol=1e-5)
    assert not np.allclose(F_here[:, 1], F_there[:, 1], rtol=1e-3)
    quarters = F_there[:, 1].reshape(4, 6)  # moved from the top-left to the bottom-right quarter
    np.testing.assert_allclose(quarters[3], F_here[:, 1].reshape(4, 6)[0], rtol=1e-5, atol=1e-5)


def test_features_do_not_depend_on_the_batch_size():
    images = np.random.default_rng(5).random((7, 10, 10, 3))
    dictionary = pf.learn_patch_dictionary(images, 5, size=3, samples=1000)
    np.testing.assert_allclose(pf.patch_features(images, dictionary, batch_size=3),
                               pf.patch_features(images, dictionary), rtol=1e-6)


def test_dictionary_pictures_are_images_in_the_unit_range():
    images = np.random.default_rng(6).random((8, 10, 10, 3))
    pictures = pf.dictionary_pictures(pf.learn_patch_dictionary(images, 5, size=4, samples=800))
    assert pictures.shape == (5, 4, 4, 3)
    assert pictures.min() >= 0 and pictures.max() <= 1 and pictures.std() > 0.05


def test_bad_shapes_and_counts_say_what_is_wrong():
    with pytest.raises(ValueError, match="patch size 6"):
        pf.learn_patch_dictionary(np.zeros((3, 5, 5, 3)), 4, size=6)
    with pytest.raises(ValueError, match=r"\(m, h, w, channels\)"):
        pf.image_patches(np.zeros((5, 5, 3)), 3)
    with pytest.raises(ValueError, match="count must be between 1 and the 9 sampled patches"):
        pf.learn_patch_dictionary(np.zeros((1, 5, 5, 3)), 10, size=3)
