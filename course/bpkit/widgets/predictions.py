"""Browse a trained network's predictions, one test image at a time.

The widget is a thin shell: the numbers come from the pure functions below, which take the
forward pass and the student's ``predict`` as arguments (nothing graded lives here).
Shapes: X (n_x, m) preprocessed inputs, labels (1, m) of 0/1, images (m, height, width, 3).
"""

import numpy as np

from ..plots import class_name, image_grid, new_figure
from ..unwritten import StudentFunctions, message_widget

THRESHOLD = 0.5  # predict answers class 1 where the output probability is above this


def prediction_table(X, parameters, forward, predict):
    """(probabilities, predictions), both 1-D of length m.

    probabilities: the network's output AL = P(class 1 | x), from ``forward(X, parameters)``
    (which returns (AL, caches), as L_model_forward does); predictions: ``predict(X, parameters)``
    as 0/1 ints.
    """
    AL, _ = forward(X, parameters)
    probabilities = np.asarray(AL, dtype=float).ravel()
    predictions = np.asarray(predict(X, parameters)).astype(int).ravel()
    if probabilities.shape != predictions.shape:
        raise ValueError(f"forward gives {probabilities.size} probabilities but predict "
                         f"{predictions.size} labels")
    return probabilities, predictions


def _student_table(X, parameters, forward, predict):
    """(``prediction_table`` of the student's functions, None), or (None, an ``ipywidgets.HTML``
    that says why there is none) while predict or the forward pass is not written yet, or raises."""
    student = StudentFunctions(predict=predict, L_model_forward=forward)
    try:
        return prediction_table(X, parameters, student["L_model_forward"], student["predict"]), None
    except Exception as error:
        return None, message_widget(student.explain(error))


def mistake_indices(labels, predictions):
    """Indices (ascending) of the examples whose prediction differs from the label."""
    labels = np.asarray(labels).astype(int).ravel()
    predictions = np.asarray(predictions).astype(int).ravel()
    return np.flatnonzero(labels != predictions)


def gallery_order(labels, probabilities, threshold=THRESHOLD):
    """Indices of all m examples, the most instructive first: the mistakes, the most confident
    first (the worst), then the right answers, the least certain first (probability nearest the
    threshold). Ties keep the examples' order.

    labels: (1, m) or (m,) of 0/1; probabilities: (m,) or (1, m), P(class 1) = AL.
    """
    labels = np.asarray(labels).astype(int).ravel()
    probabilities = np.asarray(probabilities, dtype=float).ravel()
    if labels.shape != probabilities.shape:
        raise ValueError(f"{labels.size} labels but {probabilities.size} probabilities")
    certainty = np.abs(probabilities - threshold)  # how far from the threshold the answer is
    wrong = (probabilities > threshold).astype(int) != labels
    # lexsort sorts by the last key first: right answers after mistakes, then mistakes by
    # decreasing certainty and right answers by increasing certainty.
    return np.lexsort((np.where(wrong, -certainty, certainty), ~wrong))


def gallery_title(summary, classes=None):
    """Two short lines under a gallery image: the label, and P(class 1) with the verdict."""
    verdict = "right" if summary["correct"] else "WRONG"
    return (f"label {summary['label_name']}\n"
            f"P({class_name(classes, 1)}) {summary['probability']:.2f} {verdict}")


def prediction_gallery(images, X, labels, parameters, forward, predict, classes=None, count=12):
    """A grid of the ``count`` most instructive examples in ``gallery_order``: the worst
    mistakes first, then the least certain right answers; or, while predict is not written yet
    (or raises), an ``ipywidgets.HTML`` that says so.

    images: (m, height, width, 3); X: (n_x, m) the same examples preprocessed; labels: (1, m).
    """
    table, message = _student_table(X, parameters, forward, predict)
    if message is not None:
        return message
    probabilities, predictions = table
    shown = gallery_order(labels, probabilities)[:count]
    titles = [gallery_title(prediction_summary(i, labels, probabilities, predictions, classes),
                            classes) for i in shown]
    wrong = len(mistake_indices(labels, predictions))
    return image_grid(np.asarray(images)[shown], titles,
                      suptitle=f"The {wrong} mistakes (worst first), then the least certain answers")


def prediction_summary(index, labels, probabilities, predictions, classes=None):
    """What the network says about example ``index``, as a dict.

    Keys: index, label, label_name, probability (P(class 1), a float), prediction,
    prediction_name, correct (bool) and confidence (the probability of the predicted class).
    """
    label = int(np.asarray(labels).ravel()[index])
    probability = float(np.asarray(probabilities).ravel()[index])
    prediction = int(np.asarray(predictions).ravel()[index])
    return {
        "index": int(index),
        "label": label,
        "label_name": class_name(classes, label),
        "probability": probability,
        "prediction": prediction,
        "prediction_name": class_name(classes, prediction),
        "correct": label == prediction,
        "confidence": probability if prediction == 1 else 1.0 - probability,
    }


def summary_text(summary, classes=None):
    """One line such as 'image 3: label dog, P(dog) = 0.870, predicted dog (right)'."""
    positive = class_name(classes, 1)
    verdict = "right" if summary["correct"] else "WRONG"
    return (f"image {summary['index']}: label {summary['label_name']}, "
            f"P({positive}) = {summary['probability']:.3f}, "
            f"predicted {summary['prediction_name']} ({verdict})")


def prediction_figure(image, summary, classes=None):
    """The image, and a bar showing P(class 1) against the 0.5 threshold (summary: as
    ``prediction_summary`` gives; "correct" None shows no verdict, for an unlabelled image)."""
    fig = new_figure(figsize=(6.5, 3.0))
    ax_image, ax_bar = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.3]})
    ax_image.imshow(image, interpolation="nearest")
    ax_image.axis("off")
    ax_image.set_title(f"label: {summary['label_name']}")
    p = summary["probability"]
    correct = summary.get("correct")  # None: no label to compare with (your own photo)
    colour = "tab:blue" if correct is None else "tab:green" if correct else "tab:red"
    ax_bar.barh([0], [p], color=colour, height=0.4)
    ax_bar.text(p, 0, f" {p:.3f}", va="center", ha="left" if p < 0.8 else "right", fontsize=9)
    ax_bar.axvline(THRESHOLD, color="black", linestyle="--", linewidth=1)
    ax_bar.set_xlim(0, 1)
    ax_bar.set_ylim(-0.6, 0.6)
    ax_bar.set_yticks([])
    ax_bar.set_xlabel(f"P({class_name(classes, 1)}) = output of the network")
    ax_bar.text(THRESHOLD, 0.45, " threshold 0.5", va="center", fontsize=8)
    verdict = "" if correct is None else " (right)" if correct else " (wrong)"
    ax_bar.set_title(f"predicted: {summary['prediction_name']}{verdict}")
    fig.tight_layout()
    return fig


def prediction_browser(images, X, labels, parameters, forward, predict, classes=None):
    """A slider over the examples showing each image, its label and the network's answer.

    images: (m, height, width, 3) pictures shown; X: (n_x, m) the same examples preprocessed;
    labels: (1, m); forward: L_model_forward; predict: the student's predict.
    Returns an ipywidgets ``interactive`` widget (display it, or end a cell with it), or, while
    predict is not written yet (or raises), an ``ipywidgets.HTML`` that says so.
    """
    import ipywidgets as widgets
    from IPython.display import display

    table, message = _student_table(X, parameters, forward, predict)
    if message is not None:
        return message
    probabilities, predictions = table
    m = len(probabilities)
    if m == 0:
        raise ValueError("there are no examples to browse")

    def show(index):
        summary = prediction_summary(index, labels, probabilities, predictions, classes)
        print(summary_text(summary, classes))
        display(prediction_figure(images[index], summary, classes))

    slider = widgets.IntSlider(value=0, min=0, max=m - 1, step=1, description="test image",
                               continuous_update=False)
    return widgets.interactive(show, index=slider)
