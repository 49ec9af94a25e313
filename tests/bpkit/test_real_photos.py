"""The 05 notebook's "photos" recipe on the real dogs-vs-cats photos reaches 0.63 test accuracy.

Uses the reference library for the graded maths and bpkit for the data and the training
tools, as the notebook does with the students' functions. Needs ../shared/data/dogs-vs-cats.
"""

import time
from pathlib import Path

import pytest
from bpkit.data import data_source, load_dataset, preprocess
from bpkit.training_tools import RECIPES, accuracy, train_photo_recipe

from autograder import reference

DOGS_VS_CATS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "dogs-vs-cats"
TARGET = 0.63


@pytest.mark.slow
@pytest.mark.data
def test_photo_recipe_beats_063_on_dogs_vs_cats():
    if not DOGS_VS_CATS.is_dir():
        pytest.skip(f"the real data is absent: {DOGS_VS_CATS.resolve()} does not exist")
    assert data_source(DOGS_VS_CATS) == "photos"
    recipe = RECIPES["photos"]
    data = load_dataset(DOGS_VS_CATS, size=recipe["size"])
    train_x, test_x = preprocess(data.train_x), preprocess(data.test_x)
    start = time.perf_counter()
    parameters, history, train_x, test_x = train_photo_recipe(
        train_x, data.train_y, test_x, data.train_x.shape[1:],
        [train_x.shape[0], *recipe["hidden"], 1], recipe,
        forward=reference.L_model_forward, backward=reference.L_model_backward,
        update=reference.update_parameters, cost=reference.compute_cost,
        predict=reference.predict)
    seconds = time.perf_counter() - start
    test_accuracy = accuracy(reference.predict(test_x, parameters), data.test_y)
    assert test_accuracy >= TARGET, (
        f"test accuracy {test_accuracy:.3f} < {TARGET} after {len(history)} epochs, {seconds:.0f} s"
    )
    assert accuracy(reference.predict(train_x, parameters), data.train_y) > test_accuracy
