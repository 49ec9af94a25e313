"""The figure of the whole backward pass of the course's L-layer network.

[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID: the forward pass runs left to right along the top
row and leaves one cache per layer (middle row); the backward pass runs right to left along the
bottom row, starting from dA[L], the derivative of the loss, and each layer's backward step reads
its cache, computes dZ[l], hands dA[l-1] to the layer below and gives dW[l], db[l].

The layout is a pure function (``backward_pass_layout``: boxes and arrows with their labels, in
data coordinates), drawn by ``backward_pass_figure``. Labels use matplotlib's mathtext.
"""

from typing import NamedTuple

from .plots import new_figure

COLUMN = 2.6  # horizontal distance between two layers
ROWS = {"forward": 3.0, "cache": 1.75, "backward": 0.5, "grads": -0.75}
BOX_WIDTH, BOX_HEIGHT = 1.9, 0.8
COLOURS = {"forward": "#dbe9f6", "cache": "#f2f2f2", "backward": "#fde3cf", "cost": "#e5f5e0"}


class Box(NamedTuple):
    """A box centred at (x, y): its kind (a key of COLOURS) and its text."""

    x: float
    y: float
    kind: str
    text: str


class Arrow(NamedTuple):
    """An arrow from (x0, y0) to (x1, y1) with a label at its middle; dashed for a cache read."""

    x0: float
    y0: float
    x1: float
    y1: float
    label: str
    dashed: bool = False


def _activation(layer, L):
    return "SIGMOID" if layer == L else "RELU"


def backward_pass_layout(L=3):
    """Boxes and arrows of the backward pass of an L-layer network: (boxes, arrows).

    Layer l (1 .. L) sits in column l: its forward block, its cache caches[l-1] and its backward
    block. Column L + 1 holds the cost. Arrows: A[l] forward; from each forward block to its
    cache and from the cache to the backward block (dashed: the backward step reads it); dA[L]
    from the cost into layer L; dA[l-1] from layer l to layer l - 1 (dA[0] leaves layer 1);
    dW[l], db[l] out of each backward block.
    """
    if L < 1:
        raise ValueError(f"the network needs at least one layer, got L = {L}")
    boxes, arrows = [], []
    half_w, half_h = BOX_WIDTH / 2, BOX_HEIGHT / 2
    top, middle, bottom, grads = ROWS["forward"], ROWS["cache"], ROWS["backward"], ROWS["grads"]
    for layer in range(1, L + 1):
        x = COLUMN * layer
        g = _activation(layer, L)
        boxes.append(Box(x, top, "forward", f"layer {layer}\nLINEAR -> {g}"))
        boxes.append(Box(x, middle, "cache",
                         f"caches[{layer - 1}]\n$((A^{{[{layer - 1}]}}, W^{{[{layer}]}}, b^{{[{layer}]}}),"
                         f" Z^{{[{layer}]}})$"))
        boxes.append(Box(x, bottom, "backward",
                         f"$dZ^{{[{layer}]}} = dA^{{[{layer}]}} * {g.lower()}'(Z^{{[{layer}]}})$\n"
                         "then linear_backward"))
        arrows.append(Arrow(x - COLUMN + half_w if layer > 1 else COLUMN * 0.45, top, x - half_w, top,
                            f"$A^{{[{layer - 1}]}}$" if layer > 1 else "$X = A^{[0]}$"))
        arrows.append(Arrow(x, top - half_h, x, middle + half_h, "stores"))
        arrows.append(Arrow(x, middle - half_h, x, bottom + half_h, "reads", dashed=True))
        arrows.append(Arrow(x, bottom - half_h, x, grads + 0.15, f"$dW^{{[{layer}]}}, db^{{[{layer}]}}$"))
        arrows.append(Arrow(x - half_w, bottom, x - COLUMN + half_w if layer > 1 else COLUMN * 0.45,
                            bottom, f"$dA^{{[{layer - 1}]}}$"))
    cost_x = COLUMN * (L + 1)
    boxes.append(Box(cost_x, (top + bottom) / 2, "cost",
                     "cost J(A, Y)\n" + r"$dA^{[L]} = -(\frac{Y}{A} - \frac{1-Y}{1-A})$".replace(
                         "[L]", f"[{L}]").replace("{A}", f"{{A^{{[{L}]}}}}").replace(
                         "{1-A}", f"{{1-A^{{[{L}]}}}}")))
    arrows.append(Arrow(COLUMN * L + half_w, top, cost_x - half_w, (top + bottom) / 2 + 0.3,
                        f"$A^{{[{L}]}}$"))
    arrows.append(Arrow(cost_x - half_w, (top + bottom) / 2 - 0.3, COLUMN * L + half_w, bottom,
                        f"$dA^{{[{L}]}}$"))
    return boxes, arrows


def backward_pass_figure(L=3):
    """Draw ``backward_pass_layout(L)``; returns the matplotlib Figure (closed in pyplot, so a
    cell ending with it shows it once)."""
    from matplotlib.patches import FancyBboxPatch

    boxes, arrows = backward_pass_layout(L)
    fig = new_figure((2.1 * (L + 2), 5.2))  # closed at once: displayed once, as a cell's value
    ax = fig.add_subplot()
    for box in boxes:
        ax.add_patch(FancyBboxPatch((box.x - BOX_WIDTH / 2, box.y - BOX_HEIGHT / 2), BOX_WIDTH,
                                    BOX_HEIGHT, boxstyle="round,pad=0.05", facecolor=COLOURS[box.kind],
                                    edgecolor="0.4"))
        ax.text(box.x, box.y, box.text, ha="center", va="center", fontsize=8.5)
    for arrow in arrows:
        ax.annotate("", xy=(arrow.x1, arrow.y1), xytext=(arrow.x0, arrow.y0),
                    arrowprops={"arrowstyle": "->", "color": "0.25",
                                "linestyle": "--" if arrow.dashed else "-"})
        vertical = abs(arrow.x1 - arrow.x0) < 1e-9
        ax.text((arrow.x0 + arrow.x1) / 2 + (0.08 if vertical else 0), (arrow.y0 + arrow.y1) / 2 +
                (0 if vertical else 0.12), arrow.label, ha="left" if vertical else "center",
                va="center" if vertical else "bottom", fontsize=9, color="tab:red" if "d" in
                arrow.label[:3] else "0.2")
    ax.text(COLUMN * 0.3, ROWS["forward"] + 0.75, "forward pass: left to right", fontsize=9, color="0.3")
    ax.text(COLUMN * 0.3, ROWS["grads"] - 0.55,
            "backward pass: right to left. dA, dZ: per example (no 1/m); "
            "dW, db: gradients of the cost J (the 1/m is in linear_backward)", fontsize=9, color="0.3")
    ax.set_xlim(COLUMN * 0.3, COLUMN * (L + 1) + BOX_WIDTH / 2 + 0.2)
    ax.set_ylim(ROWS["grads"] - 0.8, ROWS["forward"] + 1.0)
    ax.axis("off")
    ax.set_title(f"The backward pass of an L = {L} layer network: "
                 f"[LINEAR -> RELU] x {L - 1} -> LINEAR -> SIGMOID", fontsize=10)
    fig.tight_layout()
    return fig
