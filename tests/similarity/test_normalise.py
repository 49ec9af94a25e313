"""What normalising a graded function keeps and drops: chosen names and literals become
placeholders, comments, docstrings and the release skeleton's lines go, reordering independent
lines changes nothing, and a cell that does not parse is reported, not raised."""

import pytest

from autograder.similarity.normalise import MISSING, OK, SKELETON, UNPARSABLE, normalise

SKELETON_CELL = '''\
def compute_cost_mse(AL, Y):
    """The mean squared error cost.

    Arguments:
    AL -- predictions, shape (1, m)
    """
    m = Y.shape[1]
    # YOUR CODE HERE
    raise NotImplementedError()
    return float(cost)
'''


def tokens(code, name="compute_cost_mse", skeleton=""):
    body = normalise([code], name, skeleton)
    assert body.status == OK, body.note
    return [t.text for t in body.tokens]


def test_names_the_student_chose_become_placeholders_and_the_course_api_stays():
    a = tokens("def compute_cost_mse(AL, Y):\n    diff = AL - Y\n    total = np.sum(diff ** 2, axis=1)\n"
               "    return total.item() / sigmoid(Y)\n")
    b = tokens("def compute_cost_mse(pred, labels):\n    e = pred - labels\n    s = np.sum(e ** 2, axis=1)\n"
               "    return s.item() / sigmoid(labels)\n")
    assert a == b
    assert ["np", ".", "sum"] == a[a.index("np"):a.index("np") + 3]  # a module and its attribute stay
    assert "axis" in a and "item" in a and "sigmoid" in a  # keyword names, methods and provided helpers stay
    assert "diff" not in a and "e" not in b and a.count("V") == 10


def test_literals_become_placeholders_but_true_false_none_stay():
    a = tokens('def f(x):\n    y = x * 0.5 + 3\n    return g(y, "relu", keepdims=True)\n', "f")
    b = tokens("def f(x):\n    y = x * 2 + 1e-8\n    return g(y, 'sigmoid', keepdims=True)\n", "f")
    assert a == b
    assert "N" in a and "S" in a and "True" in a and "0.5" not in a


def test_comments_and_docstrings_are_dropped():
    plain = tokens("def f(x):\n    y = x + 1\n    return y\n", "f")
    commented = tokens('def f(x):\n    """Add one.\n\n    More text."""\n    # the sum\n    y = x + 1  # one\n'
                       '    "a bare string statement"\n    return y\n', "f")
    assert plain == commented


def test_the_skeleton_lines_are_dropped_and_an_untouched_skeleton_leaves_nothing():
    assert normalise([SKELETON_CELL], "compute_cost_mse", SKELETON_CELL).status == SKELETON
    answered = SKELETON_CELL.replace("    # YOUR CODE HERE\n    raise NotImplementedError()\n",
                                     "    cost = np.sum((AL-Y)**2) / (2*m)\n")
    assert tokens(answered, skeleton=SKELETON_CELL) == [
        "V", "=", "np", ".", "sum", "(", "(", "V", "-", "V", ")", "**", "N", ")", "/", "(", "N", "*", "V", ")"]
    # the given lines are recognised whatever the spacing; a line the student changed stays
    respaced = answered.replace("m = Y.shape[1]", "m = Y.shape[ 1 ]").replace("return float(cost)", "return cost")
    assert tokens(respaced, skeleton=SKELETON_CELL)[-2:] == ["return", "V"]
    assert tokens(respaced, skeleton=SKELETON_CELL).count("shape") == 0


def test_independent_lines_in_any_order_give_the_same_tokens_but_dependent_ones_do_not():
    a = tokens("def f(x, w):\n    m = x.shape[1]\n    dw = x @ w / m\n    db = x.sum() / m\n    return dw, db\n", "f")
    b = tokens("def f(x, w):\n    m = x.shape[1]\n    db = x.sum() / m\n    dw = x @ w / m\n    return dw, db\n", "f")
    assert a == b
    c = tokens("def f(x):\n    y = x + 1\n    z = y * 2\n    return z\n", "f")
    d = tokens("def f(x):\n    z = x * 2\n    y = z + 1\n    return y\n", "f")
    assert c != d


def test_helpers_of_the_same_cell_are_compared_with_the_function_and_the_last_definition_wins():
    cell = "def helper(v):\n    return v.T @ v\n\ndef unused():\n    pass\n\ndef f(x):\n    return helper(x) + 1\n"
    body = normalise(["def f(x):\n    return 0\n", cell], "f")
    assert "helper" in body.source and "unused" not in body.source
    assert "T" in [t.text for t in body.tokens]
    source_lines = body.source.splitlines()
    first = body.tokens[0]
    assert source_lines[first.start[0] - 1][first.start[1]:first.end[1]] == "def"


def test_a_cell_that_does_not_parse_is_reported_and_a_missing_function_too():
    broken = normalise(["x = 1", "def f(x):\n    return (x\n"], "f")
    assert broken.status == UNPARSABLE and "does not parse" in broken.note
    assert normalise(["def f(x):\n    return (x\n", "def f(x):\n    return x + 1\n"], "f").status == OK
    assert normalise(["def g():\n    pass\n"], "f").status == MISSING


def test_ipython_magics_in_the_cell_do_not_stop_the_comparison():
    assert normalise(["%matplotlib inline\ndef f(x):\n    y = x + 1\n    return y\n"], "f").status == OK


@pytest.mark.parametrize("code", ["class f:\n    def g(self, x):\n        y = x + 1\n        return y\n",
                                  "async def f(x):\n    y = await x\n    return y\n"])
def test_classes_and_async_functions_are_found_by_name(code):
    assert normalise([code], "f").status == OK


def test_the_canonical_order_does_not_depend_on_which_of_two_alike_lines_comes_first():
    """Two fetches normalise alike but feed different lines: any order of the fetches gives one sequence."""
    a = tokens('def f(p, c):\n    w = p["W2"]\n    a = c["A2"]\n    d = a - 1\n    e = w.T @ d\n    return e\n', "f")
    b = tokens('def f(p, c):\n    a = c["A2"]\n    w = p["W2"]\n    d = a - 1\n    e = w.T @ d\n    return e\n', "f")
    assert a == b


def test_lines_after_the_skeleton_s_given_lines_are_put_in_order_too():
    skeleton = "def f(x):\n    m = x.shape[1]\n    # YOUR CODE HERE\n    raise NotImplementedError()\n"
    a = tokens("def f(x):\n    m = x.shape[1]\n    u = x.sum() / m\n    v = x.max() / m\n    return u, v\n", "f",
               skeleton)
    b = tokens("def f(x):\n    m = x.shape[1]\n    v = x.max() / m\n    u = x.sum() / m\n    return u, v\n", "f",
               skeleton)
    assert a == b and "shape" not in a


@pytest.mark.parametrize("cells", [["def f(x):\n    %time y = x\n    return y\n"],
                                   ["def f(x):\n    return " + "(" * 2000 + "x" + ")" * 2000 + "\n"]])
def test_a_definition_that_cannot_be_read_on_its_own_is_reported_not_raised(cells):
    assert normalise(cells, "f").status == UNPARSABLE
