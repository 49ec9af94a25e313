"""Try your own photo: a generated image goes through the same reading and preprocessing as the
training images and is classified by the given predict; the widget never crashes while predict
is unwritten, and says what is wrong with a file that is not an image."""

import datetime
import io

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from bpkit.data import preprocess  # noqa: E402
from bpkit.data.images import read_image  # noqa: E402
from bpkit.widgets import own_photo  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from autograder import reference as ref  # noqa: E402

CLASSES = ["cat", "dog"]
SIZE = 8


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def photo_bytes(fmt="PNG", mode="RGB", size=(40, 30)):
    """A generated photo: a light ellipse on a dark background, as an image file."""
    image = Image.new(mode, size, "black" if mode != "RGBA" else (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((5, 5, 35, 25), fill="orange")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def parameters():
    return ref.initialize_parameters_deep([SIZE * SIZE * 3, 4, 1])


def test_the_photo_is_read_like_the_training_images(tmp_path):
    content = photo_bytes("JPEG")
    (tmp_path / "photo.jpg").write_bytes(content)
    image = own_photo.read_photo(content, SIZE)
    assert image.shape == (SIZE, SIZE, 3) and image.dtype == np.uint8
    np.testing.assert_array_equal(image, read_image(tmp_path / "photo.jpg", SIZE))


def test_a_transparent_png_is_read_as_rgb():
    image = own_photo.read_photo(photo_bytes(mode="RGBA"), SIZE)
    assert image.shape == (SIZE, SIZE, 3)


def test_the_column_is_what_preprocess_gives_for_the_image():
    image = own_photo.read_photo(photo_bytes(), SIZE)
    column = own_photo.photo_column(image)
    assert column.shape == (SIZE * SIZE * 3, 1)
    np.testing.assert_array_equal(column, preprocess(image[np.newaxis]))
    assert 0.0 <= column.min() and column.max() <= 1.0


def test_the_photo_is_classified_by_the_predict_given(parameters):
    image = own_photo.read_photo(photo_bytes(), SIZE)
    result = own_photo.classify_photo(image, parameters, ref.L_model_forward, ref.predict, CLASSES)
    AL, _ = ref.L_model_forward(preprocess(image[np.newaxis]), parameters)
    assert result["probability"] == pytest.approx(AL.item())
    assert result["prediction"] == ref.predict(preprocess(image[np.newaxis]), parameters).item()
    assert result["prediction_name"] == CLASSES[result["prediction"]]
    flipped = own_photo.classify_photo(image, parameters, ref.L_model_forward,
                                       lambda X, p: 1 - ref.predict(X, p), CLASSES)
    assert flipped["prediction"] == 1 - result["prediction"]  # the answer is predict's, not a copy
    assert own_photo.verdict_text(result, CLASSES).startswith(
        f"your network says: {result['prediction_name']} (P(dog) = ")


def test_the_photo_goes_through_the_same_columns_as_the_training_images(parameters):
    """On real photos the notebook standardises its inputs: the photo gets the very same step."""
    from bpkit import training_tools as tt

    rng = np.random.default_rng(1)
    train_images = rng.integers(0, 256, (20, SIZE, SIZE, 3)).astype(np.uint8)
    columns = tt.input_columns(tt.model_settings("photos"), train_images)
    image = own_photo.read_photo(photo_bytes(), SIZE)
    result = own_photo.classify_photo(image, parameters, ref.L_model_forward, ref.predict, CLASSES, columns)
    AL, _ = ref.L_model_forward(columns(image[np.newaxis]), parameters)
    assert result["probability"] == pytest.approx(AL.item())
    plain = own_photo.classify_photo(image, parameters, ref.L_model_forward, ref.predict, CLASSES)
    assert plain["probability"] != pytest.approx(result["probability"])
    widget = own_photo.photo_upload(parameters, ref.L_model_forward, ref.predict, SIZE, CLASSES, columns)
    assert isinstance(widget, ipywidgets.VBox)


def test_a_predict_returning_several_labels_is_refused(parameters):
    image = own_photo.read_photo(photo_bytes(), SIZE)
    with pytest.raises(ValueError, match="shape \\(1, m\\)"):
        own_photo.classify_photo(image, parameters, ref.L_model_forward, lambda X, p: np.zeros((1, 3)))


def test_a_file_that_is_not_an_image_gets_a_clear_error():
    with pytest.raises(ValueError, match="upload a JPEG or PNG photo"):
        own_photo.read_photo(b"these are not the pixels you are looking for", SIZE)


def test_uploaded_files_reads_both_ipywidgets_formats():
    content = photo_bytes()
    assert own_photo.uploaded_files(({"name": "a.png", "content": memoryview(content)},)) == [("a.png", content)]
    assert own_photo.uploaded_files({"a.png": {"content": content}}) == [("a.png", content)]


def unwritten(*args, **kwargs):
    raise NotImplementedError()


def test_the_widget_says_to_write_predict_first_while_it_is_unwritten(parameters):
    widget = own_photo.photo_upload(parameters, ref.L_model_forward, unwritten, SIZE, CLASSES)
    assert isinstance(widget, ipywidgets.HTML)
    assert "Write `predict` first: it still raises NotImplementedError" in widget.value


def upload(widget, name, content, capsys):
    """What the browser does when a file is chosen: set the FileUpload's value. Outside a kernel
    the Output widget captures nothing: what it would show is printed, and read from capsys."""
    button, out = widget.children
    assert isinstance(button, ipywidgets.FileUpload) and isinstance(out, ipywidgets.Output)
    capsys.readouterr()
    button.value = ({"name": name, "type": "image/png", "size": len(content),
                     "content": memoryview(content),
                     "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)},)
    return capsys.readouterr().out


def test_uploading_a_photo_shows_the_verdict_of_predict(parameters, capsys):
    widget = own_photo.photo_upload(parameters, ref.L_model_forward, ref.predict, SIZE, CLASSES)
    shown = upload(widget, "my_cat.png", photo_bytes(), capsys)
    image = own_photo.read_photo(photo_bytes(), SIZE)
    expected = own_photo.classify_photo(image, parameters, ref.L_model_forward, ref.predict, CLASSES)
    assert (f"my_cat.png, seen as {SIZE} x {SIZE} pixels: "
            + own_photo.verdict_text(expected, CLASSES)) in shown
    assert "Figure(" in shown  # the image and its probability bar


def test_uploading_a_broken_file_says_so_and_the_widget_keeps_working(parameters, capsys):
    widget = own_photo.photo_upload(parameters, ref.L_model_forward, ref.predict, SIZE, CLASSES)
    shown = upload(widget, "notes.txt", b"not an image", capsys)
    assert "notes.txt" in shown and "upload a JPEG or PNG photo" in shown
    assert "your network says" in upload(widget, "photo.png", photo_bytes(), capsys)
