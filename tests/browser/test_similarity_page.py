"""similarity.html opens in chromium on its own: the cluster of the renamed copy and its
side-by-side view render with the matching code highlighted, and nothing is fetched."""

import pytest

from autograder.similarity.run import PAGE
from tests.conftest import run_cli
from tests.similarity.classes import write_class

pytestmark = pytest.mark.browser


def test_the_similarity_page_shows_a_cluster_and_a_pair_side_by_side_offline(page, tmp_path):
    done = run_cli("similarity", "--submissions", write_class(tmp_path / "class"), "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr[-3000:]
    page.goto((tmp_path / "out" / PAGE).as_uri(), wait_until="load")
    assert page.outside.attempted == [] and page.outside.failed == []

    section = page.locator("[id='fn-02_backward_step-linear_backward']")
    assert section.is_visible()
    cluster = page.locator(".cluster").filter(has_text="ada, ben").first
    assert cluster.is_visible()
    assert "Cluster 1: 2 students, similarity 1.00" in cluster.inner_text()
    sides = cluster.locator("details.pair[open] .side > div")
    assert sides.count() == 2
    for i, student in enumerate(("ada", "ben")):
        side = sides.nth(i)
        assert side.is_visible() and side.locator(".who").inner_text() == student
        marks = side.locator("pre mark")
        assert marks.count() >= 1 and marks.first.is_visible()
    left, right = (sides.nth(i).bounding_box() for i in range(2))
    assert left["x"] + left["width"] <= right["x"] and abs(left["y"] - right["y"]) < 2  # side by side
    assert "gradient_W" in sides.nth(1).locator("pre").inner_text()
    assert "reports similarity, not misconduct" in page.inner_text(".caution")
