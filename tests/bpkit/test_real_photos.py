"""The 05 notebook's "photos" recipe on the real dogs-vs-cats photos reaches 0.63 test accuracy
on the test split, 0.65 on 400 training photos it never saw (a held-out fold), and the released
notebook, answered and run top to bottom on 400 test photos, prints at least 0.63; its main
path (the student's L_layer_model with the notebook's settings for photos) prints at least 0.60,
clearly above the 0.50 baseline and the 0.56 of its former settings.

The recipe tests use the reference library for the graded maths and bpkit for the data and
the training tools, as the notebook does with the students' functions; they run without the
recipe's CPU-time budget so that a busy machine cannot change the result. The notebook runs the
recipe in its appendix A, by itself when the data are photos. Needs
../shared/data/dogs-vs-cats.
"""

import re
from pathlib import Path

import numpy as np
import pytest
from bpkit.data import data_source, load_dataset, preprocess
from bpkit.training_tools import RECIPES, accuracy, model_settings, train_photo_recipe

from autograder import reference

DOGS_VS_CATS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "dogs-vs-cats"
TARGET = 0.63
FOLD_SIZE = 400  # the size of the unseen split the acceptance check uses
# 400 photos measure accuracy to about +/-0.022 (one standard deviation): over five hold-out
# folds the recipe averaged about 0.77 with single folds from 0.73 to 0.80 (README "Real
# photos"), so one fold is held to a bar that the recipe clears by several deviations, and
# the same recipe on pixels (about 0.67) or a broken one (0.50 to 0.58) does not.
FOLD_TARGET = 0.65
# The main path on 16 x 16 standardised pixels scored 0.62 (L-layer) and 0.66 (two layers) on
# the 500 test photos (benchmarks/catdog.py --main-path); its former settings 0.56.
MAIN_PATH_TARGET = 0.60


@pytest.fixture(scope="module")
def photos():
    if not DOGS_VS_CATS.is_dir():
        pytest.skip(f"the real data is absent: {DOGS_VS_CATS.resolve()} does not exist")
    assert data_source(DOGS_VS_CATS) == "photos"
    return load_dataset(DOGS_VS_CATS, size=RECIPES["photos"]["size"])


def train_and_test(train_images, train_y, test_images, test_y):
    """(train accuracy, test accuracy, epochs per network) of the notebook's photos recipe."""
    recipe = dict(RECIPES["photos"], time_budget=None)
    train_x, test_x = preprocess(train_images), preprocess(test_images)
    run = train_photo_recipe(
        train_x, train_y, test_x, train_images.shape[1:], [train_x.shape[0], *recipe["hidden"], 1],
        recipe, forward=reference.L_model_forward, backward=reference.L_model_backward,
        update=reference.update_parameters, cost=reference.compute_cost,
        predict=reference.predict)
    return (accuracy(reference.predict(run.train_x, run.parameters), train_y),
            accuracy(reference.predict(run.test_x, run.parameters), test_y),
            [len(history) for history in run.history])


@pytest.mark.slow
@pytest.mark.data
def test_photo_recipe_beats_063_on_the_test_split(photos):
    assert photos.train_y.shape == (1, 2000) and photos.test_y.shape == (1, 500)
    train, test, epochs = train_and_test(photos.train_x, photos.train_y, photos.test_x,
                                         photos.test_y)
    assert test >= TARGET, f"test accuracy {test:.3f} < {TARGET} (epochs per network {epochs})"
    assert train > test


@pytest.mark.slow
@pytest.mark.data
def test_photo_recipe_beats_060_on_a_held_out_fold(photos):
    """400 training photos held out (200 per class), trained on the other 1,600."""
    rng = np.random.default_rng(7)
    held = np.concatenate([rng.permutation(np.flatnonzero(photos.train_y[0] == label))[:200]
                           for label in (0, 1)])
    keep = np.setdiff1d(np.arange(photos.train_y.shape[1]), held)
    assert len(held) == FOLD_SIZE and len(keep) == 1600
    train, test, epochs = train_and_test(photos.train_x[keep], photos.train_y[:, keep],
                                         photos.train_x[held], photos.train_y[:, held])
    assert test >= FOLD_TARGET, (
        f"held-out accuracy {test:.3f} < {FOLD_TARGET} (epochs per network {epochs})")
    assert train > test


@pytest.mark.slow
@pytest.mark.data
def test_the_answered_notebook_prints_063_on_400_test_photos(photos, run_answered_release, tmp_path):
    """CATDOG_DATA: the 2,000 training photos and 400 of the test photos (200 per class)."""
    data = tmp_path / "photos"
    data.mkdir()
    (data / "training_set").symlink_to((DOGS_VS_CATS / "training_set").resolve())
    for kind in ("cats", "dogs"):
        (data / "test_set" / kind).mkdir(parents=True)
        for photo in sorted((DOGS_VS_CATS / "test_set" / kind).iterdir())[-200:]:
            (data / "test_set" / kind / photo.name).symlink_to(photo.resolve())
    nb = run_answered_release("05_cat_dog_classifier", CATDOG_DATA=str(data))
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    size = model_settings("photos")["size"]
    assert "data: photos" in text and f"test images:     (400, {size}, {size}, 3)" in text
    main_path = float(re.search(r"^test accuracy: ([0-9.]+)$", text, re.MULTILINE).group(1))
    assert main_path >= MAIN_PATH_TARGET, text[-4000:]
    # the photo recipe is the notebook's appendix A; the main path trains L_layer_model on pixels
    printed = float(re.search(r"^photo recipe test accuracy: ([0-9.]+)$", text, re.MULTILINE).group(1))
    assert printed >= TARGET, text[-2000:]
