"""Try your own photo: upload an image and let the student's trained network classify it.

The uploaded file is read like the images of the training set (``bpkit.data.images``: RGB,
squashed to size x size, bilinear), turned into a column exactly as the training images were
(flattened and divided by 255 like ``preprocess``, and standardised with the training set's
statistics where the notebook's settings say so: ``training_tools.input_columns``), then
classified by the student's own ``predict``. The pure functions below do the work; the widget
is a thin shell around them. Shapes: image (size, size, 3) uint8, column (size * size * 3, 1).
"""

import io

import numpy as np

from ..data import preprocess
from ..data.images import read_image
from ..plots import class_name
from ..unwritten import StudentFunctions, message_widget
from .predictions import prediction_figure

ACCEPT = "image/*"  # what the file chooser offers; Pillow reads JPEG, PNG, GIF, BMP, WebP, ...


def read_photo(content, size):
    """uint8 (size, size, 3): the image file ``content`` (bytes) read like the training images.

    Raises ValueError, saying what to do, when ``content`` is not an image Pillow can read.
    """
    try:
        return read_image(io.BytesIO(bytes(content)), size)
    except OSError as error:
        raise ValueError(f"this file is not an image that can be read ({error}): upload a JPEG or "
                         "PNG photo") from error


def photo_column(image):
    """(n_x, 1): one image (h, w, 3) as the network reads it (flattened, divided by 255)."""
    return preprocess(np.asarray(image)[np.newaxis])


def classify_photo(image, parameters, forward, predict, classes=None, columns=None):
    """What the network says about one image, as a dict: probability (P(class 1), a float),
    prediction (0/1, from ``predict``), prediction_name and confidence (the probability of the
    predicted class). ``forward`` is L_model_forward, ``predict`` the student's; ``columns`` turns
    images (m, h, w, 3) into input columns as for the training set (default: ``preprocess``)."""
    column = photo_column(image) if columns is None else columns(np.asarray(image)[np.newaxis])
    AL, _ = forward(column, parameters)
    probability = float(np.asarray(AL, dtype=float).ravel()[0])
    predictions = np.asarray(predict(column, parameters)).astype(int).ravel()
    if predictions.shape != (1,):
        raise ValueError(f"predict returned {predictions.size} labels for one image: it should return "
                         "an array of shape (1, m)")
    prediction = int(predictions[0])
    return {"probability": probability, "prediction": prediction,
            "prediction_name": class_name(classes, prediction),
            "confidence": probability if prediction == 1 else 1.0 - probability}


def verdict_text(result, classes=None):
    """One line such as 'your network says: dog (P(dog) = 0.870)'."""
    return (f"your network says: {result['prediction_name']} "
            f"(P({class_name(classes, 1)}) = {result['probability']:.3f})")


def uploaded_files(value):
    """[(name, bytes)] from a FileUpload's value (ipywidgets 8: a tuple of dicts with 'name'
    and 'content'; ipywidgets 7: a dict of name -> dict with 'content')."""
    if isinstance(value, dict):
        return [(name, bytes(item["content"])) for name, item in value.items()]
    return [(item["name"], bytes(item["content"])) for item in value]


def photo_upload(parameters, forward, predict, size, classes=None, columns=None):
    """An upload button and the verdict of the student's network on the photo chosen.

    parameters: the trained network; forward: L_model_forward; predict: the student's predict;
    size: the side of the training images (the photo is squashed to size x size); columns: how
    the training images became input columns (``training_tools.input_columns``; default
    ``preprocess``), applied to the photo too. Returns an
    ``ipywidgets.VBox``, or, while predict is not written yet (or raises on a blank image), an
    ``ipywidgets.HTML`` that says which function to write first.
    """
    import ipywidgets as widgets
    from IPython.display import display

    student = StudentFunctions(predict=predict, L_model_forward=forward)
    blank = np.full((size, size, 3), 128, dtype=np.uint8)
    try:
        classify_photo(blank, parameters, student["L_model_forward"], student["predict"], classes, columns)
    except Exception as error:
        return message_widget(student.explain(error))

    upload = widgets.FileUpload(accept=ACCEPT, multiple=False, description="Your photo")
    out = widgets.Output()

    def show(change):
        files = uploaded_files(change["new"])
        if not files:
            return
        name, content = files[-1]
        with out:
            out.clear_output(wait=True)
            try:
                image = read_photo(content, size)
                result = classify_photo(image, parameters, student["L_model_forward"],
                                        student["predict"], classes, columns)
            except ValueError as error:
                display(message_widget(f"{name}: {error}"))
                return
            except Exception as error:
                display(message_widget(student.explain(error)))
                return
            print(f"{name}, seen as {size} x {size} pixels: {verdict_text(result, classes)}")
            summary = {"label_name": "unknown (your photo)", "probability": result["probability"],
                       "prediction_name": result["prediction_name"], "correct": None}
            display(prediction_figure(image, summary, classes))

    upload.observe(show, names="value")
    return widgets.VBox([upload, out])
