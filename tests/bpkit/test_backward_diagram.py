"""The figure of the whole backward pass (notebook 03): its layout and its drawing."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from bpkit import backward_diagram as bd  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("L", [1, 3, 5])
def test_every_layer_has_its_forward_block_its_cache_and_its_backward_step(L):
    boxes, arrows = bd.backward_pass_layout(L)
    forward = [b.text for b in boxes if b.kind == "forward"]
    assert forward == [f"layer {l}\nLINEAR -> {'SIGMOID' if l == L else 'RELU'}" for l in range(1, L + 1)]
    caches = [b.text.split("\n")[0] for b in boxes if b.kind == "cache"]
    assert caches == [f"caches[{l - 1}]" for l in range(1, L + 1)]
    backward = [b.text for b in boxes if b.kind == "backward"]
    for l, text in enumerate(backward, start=1):
        assert text.startswith(f"$dZ^{{[{l}]}} = dA^{{[{l}]}} * {'sigmoid' if l == L else 'relu'}'")
    labels = [a.label for a in arrows]
    for l in range(1, L + 1):  # what flows: dA[l-1] out of layer l, dW[l] and db[l], the cache read
        assert f"$dA^{{[{l - 1}]}}$" in labels and f"$dW^{{[{l}]}}, db^{{[{l}]}}$" in labels
    assert labels.count("reads") == L and sum(a.dashed for a in arrows) == L
    assert f"$dA^{{[{L}]}}$" in labels  # from the cost into layer L


def test_the_backward_arrows_run_right_to_left_and_the_forward_ones_left_to_right():
    _, arrows = bd.backward_pass_layout(4)
    for arrow in arrows:
        if arrow.y0 == arrow.y1 == bd.ROWS["backward"]:
            assert arrow.x1 < arrow.x0, arrow
        if arrow.y0 == arrow.y1 == bd.ROWS["forward"]:
            assert arrow.x1 > arrow.x0, arrow


def test_a_network_needs_a_layer():
    with pytest.raises(ValueError, match="at least one layer"):
        bd.backward_pass_layout(0)


def test_the_figure_draws_every_box_and_label_and_renders():
    fig = bd.backward_pass_figure(3)
    [ax] = fig.axes
    boxes, arrows = bd.backward_pass_layout(3)
    texts = [t.get_text() for t in ax.texts]
    assert all(b.text in texts for b in boxes) and all(a.label in texts for a in arrows)
    assert len(ax.patches) == len(boxes)
    assert "[LINEAR -> RELU] x 2 -> LINEAR -> SIGMOID" in ax.get_title()
    fig.canvas.draw()  # every mathtext label parses
