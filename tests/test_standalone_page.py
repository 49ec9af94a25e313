"""The page handed out through nbgrader's exchange is grade's page with its scripts inside it
(the browser test tests/browser/test_offline_html.py opens one, fetched, offline)."""

import pytest

from autograder import html_assets, notebooks, paths
from autograder.grading import feedback, standalone_page
from autograder.grading.results import AssignmentResult

pytestmark = pytest.mark.skipif(html_assets.available() is None,
                                reason="no offline assets in build/html-assets (`make assets` needs npm)")


def test_the_scripts_move_inside_the_page_and_nothing_else_changes(tmp_path):
    nb = notebooks.source_notebook(paths.COURSE, "01_cost_functions")
    page = feedback.write_feedback(AssignmentResult("ada", "01_cost_functions", "cost_functions", []), nb, tmp_path)
    written = page.read_text(encoding="utf-8")
    alone = standalone_page.standalone(written)
    assert "../assets/" in written and "../assets/" not in alone
    assert "MathJax.EmbeddedFonts" in alone and "data:font/woff;base64," in alone
    urls = html_assets.exporter_settings("../assets")
    removed = [f'<script src="{urls["require_js_url"]}"></script>', f'<script src="{urls["mathjax_url"]}"> </script>']
    assert all(tag in written for tag in removed)
    assert alone.rsplit("<body", 1)[1] == written.rsplit("<body", 1)[1]  # the page itself is the same
    assert alone.rsplit("<body", 1)[0].count("<script") == written.rsplit("<body", 1)[0].count("<script") + 1


def test_a_page_without_assets_is_left_as_it_is(monkeypatch, tmp_path):
    monkeypatch.setenv(html_assets.ENV, str(tmp_path / "none"))
    assert standalone_page.standalone("<html><script src='https://cdn/x.js'></script></html>") == \
        "<html><script src='https://cdn/x.js'></script></html>"
