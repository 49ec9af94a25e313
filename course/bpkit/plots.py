"""Figures for the notebooks: cost and error curves, confusion matrices and grids of images.

Every helper returns a ``matplotlib.figure.Figure`` that pyplot has already closed, so nothing
is drawn twice and no figure piles up in pyplot's state: end a notebook cell with the figure
(or call ``IPython.display.display(fig)``) to show it. Labels are (1, m) or (m,) arrays of 0/1;
images are (m, height, width, 3) uint8 arrays.
"""

import numpy as np

COST_EVERY = 100  # L_layer_model records the cost of iterations 0, 100, 200, ...
GRID_COLUMNS = 6
LN2 = float(np.log(2))  # the cost of a network that always answers 0.5
CELL_INCHES = 1.6


def new_figure(figsize):
    """A figure made by pyplot (which sets up the notebook's inline display) and closed at once.

    Closed figures still render when displayed; they just never show up a second time when the
    cell ends, and they do not accumulate in pyplot's list of open figures.
    """
    import matplotlib.pyplot as plt  # here, not at the top: a kernel that never draws (grading) skips its import

    fig = plt.figure(figsize=figsize)
    plt.close(fig)
    return fig


def class_name(classes, label):
    """The name of class ``label`` (0 or 1): classes[label] as text (bytes are decoded).

    classes: a sequence of two names, such as ["cat", "dog"] or the h5 files' [b"non-cat", b"cat"];
    None gives the label itself as text.
    """
    label = int(label)
    if classes is None:
        return str(label)
    name = np.asarray(classes).ravel()[label]
    if isinstance(name, bytes | np.bytes_):
        return name.decode("utf-8")
    return str(name)


def cost_iterations(costs, every=COST_EVERY):
    """The iterations at which ``costs`` were recorded: 0, every, 2 * every, ..."""
    return np.arange(len(costs)) * every


def cost_curve(costs, learning_rate=None, every=COST_EVERY, reference=LN2):
    """Line plot of the recorded costs against the iteration number.

    costs: the list returned by L_layer_model (one cost every ``every`` iterations);
    reference: a dashed horizontal line (by default ln 2, the cost of a network that always
    answers 0.5); None leaves it out.
    """
    fig = new_figure(figsize=(5.5, 3.5))
    ax = fig.add_subplot()
    costs = np.asarray(costs, dtype=float).ravel()
    ax.plot(cost_iterations(costs, every), costs, marker="o", markersize=3, label="training cost")
    if reference is not None:
        ax.axhline(reference, color="grey", linestyle="--", linewidth=1, label=f"{reference:.3f}")
    ax.set_xlabel("iteration")
    ax.set_ylabel("cross-entropy cost")
    title = "Training cost"
    if learning_rate is not None:
        title += f" (learning rate {learning_rate:g})"
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    return fig


def error_curves(histories, title=None):
    """The classification error at every iteration of each run, one line a run.

    histories: {name: [(cost, error), ...]}, one pair per iteration (notebook 01's train_neuron).
    """
    fig = new_figure(figsize=(6, 3.5))
    ax = fig.add_subplot()
    for name, history in histories.items():
        ax.plot([error for _, error in history], label=name)
    ax.set_xlabel("iteration")
    ax.set_ylabel("classification error")
    if title:
        ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    return fig


def training_history(history, baseline=None):
    """Two panels over the epochs of a mini-batch run: training cost, and validation accuracy.

    history: the list of dicts returned by ``training_tools.train_with_early_stopping``
    ("epoch", "train_cost", "val_accuracy"); the best epoch is marked. baseline: a dashed line
    on the accuracy panel (the majority-class accuracy); None leaves it out.
    """
    fig = new_figure(figsize=(9, 3.2))
    cost_ax, accuracy_ax = fig.subplots(1, 2)
    epochs = [entry["epoch"] for entry in history]
    accuracies = [entry["val_accuracy"] for entry in history]
    cost_ax.plot(epochs, [entry["train_cost"] for entry in history], marker="o", markersize=3)
    cost_ax.axhline(LN2, color="grey", linestyle="--", linewidth=1, label=f"ln 2 = {LN2:.3f}")
    cost_ax.set_xlabel("epoch")
    cost_ax.set_ylabel("mean training cost")
    cost_ax.set_title("Training cost")
    cost_ax.legend()
    accuracy_ax.plot(epochs, accuracies, marker="o", markersize=3, label="validation")
    best = int(np.argmax(accuracies))
    accuracy_ax.plot([epochs[best]], [accuracies[best]], "r*", markersize=12, label="kept")
    if baseline is not None:
        accuracy_ax.axhline(baseline, color="grey", linestyle="--", linewidth=1, label="baseline")
    accuracy_ax.set_xlabel("epoch")
    accuracy_ax.set_ylabel("accuracy")
    accuracy_ax.set_title("Validation accuracy")
    accuracy_ax.legend()
    fig.tight_layout()
    return fig


def confusion_counts(labels, predictions):
    """2 x 2 int array of counts: entry [i, j] counts the examples of true class i predicted as j.

    So [[true 0 predicted 0, true 0 predicted 1], [true 1 predicted 0, true 1 predicted 1]];
    the diagonal holds the correct answers.
    """
    labels = np.asarray(labels).astype(int).ravel()
    predictions = np.asarray(predictions).astype(int).ravel()
    if labels.shape != predictions.shape:
        raise ValueError(
            f"labels and predictions differ in size: {labels.size} and {predictions.size}"
        )
    counts = np.zeros((2, 2), dtype=int)
    np.add.at(counts, (labels, predictions), 1)
    return counts


def confusion_matrix(labels, predictions, classes=None, title="Confusion matrix"):
    """Heat map of ``confusion_counts`` with the count written in each cell."""
    counts = confusion_counts(labels, predictions)
    names = [class_name(classes, k) for k in (0, 1)]
    fig = new_figure(figsize=(3.8, 3.4))
    ax = fig.add_subplot()
    ax.imshow(counts, cmap="Blues", vmin=0)
    for (i, j), n in np.ndenumerate(counts):
        colour = "white" if n > counts.max() / 2 else "black"
        ax.text(j, i, str(n), ha="center", va="center", fontsize=14, color=colour)
    ax.set_xticks([0, 1], labels=names)
    ax.set_yticks([0, 1], labels=names)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true label")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def image_grid(images, titles=None, columns=GRID_COLUMNS, suptitle=None):
    """The images side by side, ``columns`` per row, each with its title (if any).

    images: (k, height, width, 3) uint8 (or floats in [0, 1]); titles: k strings or None.
    An empty ``images`` gives a small figure saying there is nothing to show.
    """
    images = np.asarray(images)
    k = len(images)
    if k == 0:
        fig = new_figure(figsize=(3, 0.8))
        fig.text(0.5, 0.5, "(no images)", ha="center", va="center")
        return fig
    columns = max(1, min(columns, k))
    rows = -(-k // columns)
    fig = new_figure(figsize=(CELL_INCHES * columns, CELL_INCHES * rows + (0.4 if suptitle else 0)))
    axes = np.atleast_1d(fig.subplots(rows, columns, squeeze=False)).ravel()
    for i, ax in enumerate(axes):
        ax.axis("off")
        if i < k:
            ax.imshow(images[i], interpolation="nearest")
            if titles is not None:
                ax.set_title(str(titles[i]), fontsize=9)
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig
