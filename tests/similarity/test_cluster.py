"""Pairs, clusters and common answers from normalised bodies."""

from autograder.similarity.cluster import compare
from autograder.similarity.normalise import normalise

COMMON = ("def f(x, w):\n    m = x.shape[1]\n    dw = np.dot(x, w.T) / m\n"
          "    db = np.sum(x, axis=1, keepdims=True) / m\n    return dw, db\n")
UNUSUAL = ("def f(x, w):\n    n = len(x[0])\n    g = np.einsum('ij,kj->ik', x, w) * (1.0 / n)\n"
           "    h = np.add.reduce(x, axis=1)[:, None] / n\n    assert g.shape == w.shape\n    return g, h\n")
UNUSUAL_RENAMED = ("def f(x, w):\n    # my own\n    count = len(x[0])\n"
                   "    bias = np.add.reduce(x, axis=1)[:, None] / count\n"
                   "    grad = np.einsum('ij,kj->ik', x, w) * (1.0 / count)\n"
                   "    assert grad.shape == w.shape\n    return grad, bias\n")
OTHER = ("def f(x, w):\n    total = 0\n    for i in range(x.shape[1]):\n"
         "        total = total + np.outer(x[:, i], w[i])\n"
         "    return total / x.shape[1], x.mean(axis=1, keepdims=True)\n")

def body(code):
    return normalise([code], "f")


def test_a_renamed_copy_is_a_cluster_common_answers_are_a_group_and_short_bodies_are_left_out():
    bodies = {f"c{i:02d}": body(COMMON) for i in range(12)}
    bodies |= {"ann": body(UNUSUAL), "bob": body(UNUSUAL_RENAMED), "cat": body(OTHER),
               "dan": body("def f(x, w):\n    return x @ w\n")}
    result = compare(bodies, common=10)
    assert result.common_answers == [[f"c{i:02d}" for i in range(12)]]
    assert [(p.a, p.b, p.score) for p in result.pairs] == [("ann", "bob", 1.0)]
    assert [c.students for c in result.clusters] == [["ann", "bob"]]
    assert result.too_short == ["dan"]
    pair = result.pairs[0]
    assert pair.matched_a == set(range(len(bodies["ann"].tokens)))  # every token of the copy matches

    fewer = compare({k: v for k, v in bodies.items() if k in ("c00", "c01", "c02", "ann", "cat")}, common=10)
    assert fewer.common_answers == []
    assert {(p.a, p.b) for p in fewer.pairs} == {("c00", "c01"), ("c00", "c02"), ("c01", "c02")}


def test_code_many_students_share_counts_for_less_than_rare_code():
    """Two bodies sharing only the lines everyone writes score lower than two sharing rare ones."""
    common_lines = "    m = x.shape[1]\n    dw = np.dot(x, w.T) / m\n    db = np.sum(x, axis=1, keepdims=True) / m\n"
    mine = "def f(x, w):\n" + common_lines + "    z = np.tanh(dw) ** 3 - np.cosh(db)\n    return z\n"
    theirs = "def f(x, w):\n" + common_lines + "    q = np.exp(db) @ np.sinh(dw).T\n    return q\n"
    bodies = {f"c{i:02d}": body(COMMON) for i in range(30)} | {"ann": body(mine), "bob": body(theirs)}
    weighted = compare(bodies, threshold=0.01, common=10)
    unweighted = compare(bodies, threshold=0.01, common=1000)
    score = {(p.a, p.b): p.score for p in weighted.pairs}.get(("ann", "bob"), 0.0)
    assert score < {(p.a, p.b): p.score for p in unweighted.pairs}[("ann", "bob")]
