"""The page highlights what two bodies share, in the student's own layout and order."""

from autograder.similarity.cluster import compare
from autograder.similarity.normalise import normalise
from autograder.similarity.page import _marked
from tests.similarity.test_cluster import UNUSUAL, UNUSUAL_RENAMED


def test_every_shared_line_of_a_reordered_copy_is_highlighted_where_the_student_wrote_it():
    bodies = {"ann": normalise([UNUSUAL], "f"), "bob": normalise([UNUSUAL_RENAMED], "f")}
    [pair] = compare(bodies).pairs
    for html, lines in ((_marked(bodies["bob"], pair.matched_b),
                         ("count = len(x[0])", "bias = np.add.reduce(x, axis=1)[:, None] / count",
                          "assert grad.shape == w.shape", "return grad, bias")),
                        (_marked(bodies["ann"], pair.matched_a),  # its lines are not in the canonical order
                         ("n = len(x[0])", "h = np.add.reduce(x, axis=1)[:, None] / n",
                          "assert g.shape == w.shape", "return g, h"))):
        for line in lines:
            assert f"<mark>{line}</mark>" in html, html
    assert "<mark>g = np.einsum(&#x27;ij,kj-&gt;ik&#x27;, x, w) * (1.0 / n)</mark>" in html, html
    copy = _marked(bodies["bob"], pair.matched_b)
    assert "# my own" in copy and "<mark># my own" not in copy  # comments are not part of any match
