"""bpkit.data: the procedural set, Kaggle-style folders, catvnoncat h5 files, load_dataset."""

import logging
import time

import h5py
import numpy as np
import pytest
from bpkit.data import (
    Dataset,
    data_source,
    load_catvnoncat,
    load_dataset,
    load_image_folder,
    make_catdog_images,
    preprocess,
)
from PIL import Image

SIZE = 16


# --- procedural ----------------------------------------------------------------------------


def test_procedural_images_are_deterministic_and_balanced():
    images, labels = make_catdog_images(20, size=32, seed=3)
    again, labels_again = make_catdog_images(20, size=32, seed=3)
    other, _ = make_catdog_images(20, size=32, seed=4)
    assert images.shape == (20, 32, 32, 3) and images.dtype == np.uint8
    assert labels.shape == (20,) and labels.sum() == 10 and set(labels) == {0, 1}
    np.testing.assert_array_equal(images, again)
    np.testing.assert_array_equal(labels, labels_again)
    assert not np.array_equal(images, other)


def test_procedural_images_vary():
    """Do images differ from each other, and use the whole range of values?"""
    images, _ = make_catdog_images(10, seed=0)
    assert len({im.tobytes() for im in images}) == 10
    assert images.std() > 20


def test_default_dataset_is_fast():
    """Is the default set (~600 images at 64 x 64) generated in under 2 seconds?"""
    start = time.perf_counter()
    data = load_dataset()
    elapsed = time.perf_counter() - start
    assert data.train_x.shape[0] + data.test_x.shape[0] >= 600
    assert elapsed < 2.0 * _slowness(), f"took {elapsed:.2f} s"


def _slowness():
    """How much slower this machine is than a reference loop (>= 1), for timing assertions."""
    start = time.perf_counter()
    x = np.random.default_rng(0).standard_normal((200, 200))
    for _ in range(50):
        x = np.tanh(x @ x.T / 200)
    return max(1.0, (time.perf_counter() - start) / 0.05)


def test_default_dataset_layout():
    data = load_dataset(size=SIZE, n_train=30, n_test=10)
    assert isinstance(data, Dataset)
    assert data.train_x.shape == (30, SIZE, SIZE, 3) and data.train_x.dtype == np.uint8
    assert data.train_y.shape == (1, 30) and data.test_y.shape == (1, 10)
    assert data.classes == ("cat", "dog")
    assert not np.array_equal(data.train_x[:10], data.test_x)


def test_procedural_task_is_learnable():
    """Does a plain logistic regression beat chance clearly on held-out images?"""
    data = load_dataset(size=16, n_train=300, n_test=150)
    X, Xt = preprocess(data.train_x), preprocess(data.test_x)
    Y, Yt = data.train_y, data.test_y
    mean = X.mean(axis=1, keepdims=True)
    X, Xt = X - mean, Xt - mean
    w, b = np.zeros((1, X.shape[0])), 0.0
    for _ in range(300):
        A = 1 / (1 + np.exp(-(w @ X + b)))
        w -= 0.05 * (A - Y) @ X.T / X.shape[1]
        b -= 0.05 * float(np.mean(A - Y))
    accuracy = np.mean(((w @ Xt + b) > 0) == Yt)
    assert accuracy > 0.75


def test_preprocess_flattens_column_major_like_coursera():
    images = np.arange(2 * 3 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3, 3)
    X = preprocess(images)
    assert X.shape == (27, 2) and X.dtype == float
    np.testing.assert_array_equal(X[:, 1], images[1].ravel() / 255)
    assert X.min() >= 0 and X.max() <= 1


# --- folders -------------------------------------------------------------------------------


def save_image(path, mode="RGB", seed=0, size=(20, 14)):
    rng = np.random.default_rng(seed)
    channels = {"RGB": 3, "RGBA": 4, "L": 1}[mode]
    pixels = rng.integers(0, 256, size=(size[1], size[0], channels), dtype=np.uint8)
    image = Image.fromarray(pixels.squeeze(-1) if channels == 1 else pixels, mode=mode)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)


def make_subfolder_layout(root, n=3):
    for i in range(n):
        save_image(root / "cats" / f"cat.{i}.jpg", seed=i)
        save_image(root / "dogs" / f"dog.{i}.jpg", seed=100 + i)
    return root


def test_subfolder_layout_with_odd_files(tmp_path, caplog):
    """Grayscale and RGBA images load as RGB; a corrupt file and a text file are skipped."""
    root = make_subfolder_layout(tmp_path / "set")
    save_image(root / "cats" / "gray.png", mode="L")
    save_image(root / "dogs" / "alpha.png", mode="RGBA")
    (root / "dogs" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is no jpeg")
    (root / "cats" / "notes.txt").write_text("not an image")
    with (
        caplog.at_level(logging.INFO, logger="bpkit.data.folders"),
        pytest.warns(UserWarning, match=r"skipped 2 file\(s\) that are not readable images"),
    ):
        loaded = load_image_folder(root, size=SIZE)
    assert loaded.images.shape == (8, SIZE, SIZE, 3) and loaded.images.dtype == np.uint8
    assert loaded.labels.tolist().count(0) == 4 and loaded.labels.tolist().count(1) == 4
    assert loaded.skipped == 2
    assert "broken.jpg" in caplog.text


def test_flat_kaggle_layout(tmp_path):
    for i in range(3):
        save_image(tmp_path / f"cat.{i}.jpg", seed=i)
        save_image(tmp_path / f"dog.{i}.jpg", seed=10 + i)
    save_image(tmp_path / "17.jpg", seed=50)  # unlabelled, like Kaggle's test1/
    loaded = load_image_folder(tmp_path, size=SIZE)
    assert sorted(loaded.labels.tolist()) == [0, 0, 0, 1, 1, 1]
    assert loaded.skipped == 1


def test_images_of_any_size_are_resized(tmp_path):
    """Tiny, wide, tall and large images all come back size x size RGB."""
    for i, shape in enumerate([(3, 5), (300, 20), (17, 400), (640, 480)]):
        save_image(tmp_path / ("cats" if i % 2 else "dogs") / f"{i}.png", seed=i, size=shape)
    save_image(tmp_path / "cats" / "gray.jpg", mode="L", size=(33, 21))
    loaded = load_image_folder(tmp_path, size=SIZE)
    assert loaded.images.shape == (5, SIZE, SIZE, 3) and loaded.skipped == 0


def test_no_warning_for_clean_folders(tmp_path, recwarn):
    make_subfolder_layout(tmp_path, n=2)
    load_image_folder(tmp_path, size=SIZE)
    assert not [w for w in recwarn if "skipped" in str(w.message)]


def test_labels_follow_the_files(tmp_path):
    """A white cat and a black dog: does each image keep its own label after shuffling?"""
    for name, value in (("cats/a.png", 255), ("dogs/b.png", 0)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(np.full((8, 8, 3), value, dtype=np.uint8)).save(tmp_path / name)
    loaded = load_image_folder(tmp_path, size=4)
    for image, label in zip(loaded.images, loaded.labels, strict=True):
        assert image.mean() == (255 if label == 0 else 0)


def test_rgba_is_laid_on_white(tmp_path):
    Image.new("RGBA", (6, 6), (0, 0, 0, 0)).save(tmp_path / "cat.1.png")
    save_image(tmp_path / "dog.1.png")
    loaded = load_image_folder(tmp_path, size=6)
    assert loaded.images[loaded.labels == 0].min() == 255


def test_limit_gives_a_balanced_subset(tmp_path):
    root = make_subfolder_layout(tmp_path, n=6)
    loaded = load_image_folder(root, size=SIZE, limit=4, seed=1)
    assert sorted(loaded.labels.tolist()) == [0, 0, 1, 1]


def test_one_class_folder_is_refused(tmp_path):
    for i in range(2):
        save_image(tmp_path / "cats" / f"{i}.jpg", seed=i)
    with pytest.raises(ValueError, match="only cat images"):
        load_image_folder(tmp_path, size=SIZE)


def test_empty_folder_is_refused(tmp_path):
    (tmp_path / "readme.txt").write_text("nothing here")
    with pytest.raises(ValueError, match="no cat or dog images"):
        load_image_folder(tmp_path, size=SIZE)


def test_a_folder_of_unreadable_files_is_refused_with_their_count(tmp_path):
    (tmp_path / "cats").mkdir()
    (tmp_path / "cats" / "cat.1.jpg").write_bytes(b"")  # empty file
    (tmp_path / "cats" / "cat.2.jpg").write_text("not a jpeg")
    with pytest.raises(ValueError, match=r"no cat or dog images .*2 file\(s\) skipped"):
        load_image_folder(tmp_path, size=SIZE)


def test_palette_and_empty_files(tmp_path):
    """A palette PNG loads as RGB; an empty .jpg is skipped and counted."""
    make_subfolder_layout(tmp_path, n=1)
    Image.new("P", (9, 5), 3).save(tmp_path / "cats" / "palette.png")
    (tmp_path / "dogs" / "empty.jpg").write_bytes(b"")
    with pytest.warns(UserWarning, match=r"skipped 1 file\(s\)"):
        loaded = load_image_folder(tmp_path, size=SIZE)
    assert loaded.images.shape == (3, SIZE, SIZE, 3) and loaded.skipped == 1


def test_load_dataset_refuses_a_split_with_one_class(tmp_path):
    make_subfolder_layout(tmp_path / "training_set", n=2)
    for i in range(2):
        save_image(tmp_path / "test_set" / "dogs" / f"dog.{i}.jpg", seed=i)
    with pytest.raises(ValueError, match="test_set holds only dog images"):
        load_dataset(tmp_path, size=SIZE)


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(ValueError, match="not a folder"):
        load_image_folder(tmp_path / "nope")


# --- load_dataset --------------------------------------------------------------------------


@pytest.mark.parametrize(("train", "test"), [("training_set", "test_set"), ("train", "validation")])
def test_load_dataset_from_split_folders(tmp_path, train, test):
    make_subfolder_layout(tmp_path / train, n=4)
    make_subfolder_layout(tmp_path / test, n=2)
    data = load_dataset(tmp_path, size=SIZE)
    assert data.train_x.shape == (8, SIZE, SIZE, 3) and data.train_y.shape == (1, 8)
    assert data.test_x.shape == (4, SIZE, SIZE, 3) and data.test_y.shape == (1, 4)
    assert data.classes == ("cat", "dog")
    small = load_dataset(tmp_path, size=SIZE, n_train=4, n_test=2)
    assert small.train_y.shape == (1, 4) and small.train_y.sum() == 2


def test_load_dataset_reads_the_environment_variable(tmp_path, monkeypatch):
    make_subfolder_layout(tmp_path / "train", n=2)
    make_subfolder_layout(tmp_path / "test", n=1)
    monkeypatch.setenv("CATDOG_DATA", str(tmp_path))
    assert load_dataset(size=SIZE).train_y.shape == (1, 4)
    monkeypatch.setenv("CATDOG_DATA", "")
    assert load_dataset(size=SIZE, n_train=6, n_test=2).train_y.shape == (1, 6)


def test_load_dataset_explains_a_wrong_folder(tmp_path):
    (tmp_path / "stuff").mkdir()
    with pytest.raises(ValueError, match="training_set.*test_set.*found: stuff"):
        load_dataset(tmp_path)
    with pytest.raises(ValueError, match="does not exist"):
        load_dataset(tmp_path / "missing")


def write_h5(folder, m_train=6, m_test=4):
    rng = np.random.default_rng(0)
    for split, m in (("train", m_train), ("test", m_test)):
        with h5py.File(folder / f"{split}_catvnoncat.h5", "w") as h5:
            h5[f"{split}_set_x"] = rng.integers(0, 256, size=(m, 64, 64, 3), dtype=np.uint8)
            h5[f"{split}_set_y"] = np.arange(m) % 2
            h5["list_classes"] = np.array([b"non-cat", b"cat"])


def test_catvnoncat_h5(tmp_path):
    write_h5(tmp_path)
    data = load_catvnoncat(tmp_path)
    assert data.train_x.shape == (6, 64, 64, 3) and data.train_y.shape == (1, 6)
    assert data.test_y.tolist() == [[0, 1, 0, 1]] and data.classes == ("non-cat", "cat")
    small = load_dataset(tmp_path, size=SIZE, n_train=3)
    assert small.train_x.shape == (3, SIZE, SIZE, 3) and small.test_x.shape[0] == 4


def test_catvnoncat_h5_is_resized(tmp_path):
    write_h5(tmp_path)
    data = load_catvnoncat(tmp_path, size=SIZE)
    assert data.train_x.shape == (6, SIZE, SIZE, 3) and data.train_x.dtype == np.uint8
    assert data.test_x.shape == (4, SIZE, SIZE, 3)


def test_data_source_names_each_kind_of_data(tmp_path, monkeypatch):
    monkeypatch.delenv("CATDOG_DATA", raising=False)
    assert data_source() == "procedural"
    write_h5(tmp_path)
    assert data_source(tmp_path) == "catvnoncat"
    photos = tmp_path / "photos"
    make_subfolder_layout(photos / "training_set")
    assert data_source(photos) == "photos"
    monkeypatch.setenv("CATDOG_DATA", str(tmp_path))
    assert data_source() == "catvnoncat"


def test_catvnoncat_missing_file(tmp_path):
    with pytest.raises(ValueError, match="train_catvnoncat.h5"):
        load_catvnoncat(tmp_path)


# --- the real data (../shared/data), when present --------------------------------------------


@pytest.mark.data
def test_real_dogs_vs_cats(shared_data):
    folder = shared_data / "dogs-vs-cats"
    if not folder.is_dir():
        pytest.skip(f"the real data is absent: {folder} does not exist")
    data = load_dataset(folder, size=SIZE, n_train=40, n_test=20)
    assert data.train_x.shape == (40, SIZE, SIZE, 3) and data.train_y.sum() == 20
    assert data.test_x.shape == (20, SIZE, SIZE, 3) and data.test_y.sum() == 10
    assert data.train_x.std() > 20


@pytest.mark.data
def test_real_catvnoncat(shared_data):
    folder = shared_data / "catvnoncat"
    if not folder.is_dir():
        pytest.skip(f"the real data is absent: {folder} does not exist")
    data = load_dataset(folder)
    assert data.train_x.shape == (209, 64, 64, 3) and data.test_x.shape == (50, 64, 64, 3)
    assert (data.train_y.sum(), data.test_y.sum()) == (72, 33)
    assert data.classes == ("non-cat", "cat")
