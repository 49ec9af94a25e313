"""Feedback pages load MathJax, require.js and the widget renderer from their own assets/ folder
when the build has them, and fall back to the CDNs (with a warning) when it does not."""

import importlib.util
import os
import re

import pytest

from autograder import html_assets, paths
from autograder.grading.feedback import write_feedback
from autograder.grading.results import AssignmentResult
from autograder.grading.results import TestRow as Row

CDN = re.compile(r"""(src="|Src = ')https?://""")  # a script, or the widget renderer, from the network


def fake_build(folder):
    """A build folder with the files html_assets requires (contents do not matter here)."""
    for name in (html_assets.REQUIRE, html_assets.MATHJAX.split("?")[0], html_assets.WIDGETS,
                 "mathjax/config/TeX-AMS_CHTML-full.js"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("// " + name)
    (folder / html_assets.VERSIONS).write_text("mathjax 2.7.9\n")
    return folder


def result(student="ada"):
    row = Row(student, "02_backward_step", "backward_step", "test_linear_backward_random",
                  "linear_backward", 1.0, 2.0, "dW is 7 times too large: the 1/m factor is missing")
    return AssignmentResult(student, "02_backward_step", "backward_step", [row])


def test_feedback_refers_to_its_own_assets_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(html_assets.ENV, str(fake_build(tmp_path / "build")))
    page = write_feedback(result(), None, tmp_path / "out")
    text = page.read_text()
    assert not CDN.search(text), CDN.search(text)
    assert 'src="../assets/require.js"' in text
    assets = tmp_path / "out" / "feedback" / "ada" / "assets"
    assert (page.parent.parent / "assets") == assets
    assert (assets / "mathjax" / "MathJax.js").read_text() == "// mathjax/MathJax.js"
    assert os.path.samefile(assets / "require.js", tmp_path / "build" / "require.js")  # linked, not copied


def test_shipping_twice_keeps_current_assets_and_replaces_stale_ones(tmp_path, monkeypatch):
    build = fake_build(tmp_path / "build")
    monkeypatch.setenv(html_assets.ENV, str(build))
    first = html_assets.ship(tmp_path / "student")
    marker = first / "kept"
    marker.write_text("")
    assert html_assets.ship(tmp_path / "student") == first and marker.exists()
    (build / html_assets.VERSIONS).write_text("mathjax 2.7.10\n")
    html_assets.ship(tmp_path / "student")
    assert not marker.exists() and (first / html_assets.VERSIONS).read_text() == "mathjax 2.7.10\n"
    assert [p.name for p in (tmp_path / "student").iterdir()] == ["assets"]  # no staging left behind


def test_without_a_build_folder_feedback_falls_back_to_the_cdns(tmp_path, monkeypatch):
    monkeypatch.setenv(html_assets.ENV, str(tmp_path / "nothing"))
    assert html_assets.available() is None
    assert "make assets" in html_assets.missing_warning() and "\n" not in html_assets.missing_warning()
    page = write_feedback(result(), None, tmp_path / "out")
    assert CDN.search(page.read_text())
    assert not (tmp_path / "out" / "feedback" / "ada" / "assets").exists()


def test_the_build_script_keeps_only_what_the_pages_load():
    spec = importlib.util.spec_from_file_location("html_assets_tool", paths.REPO / "tools" / "html_assets.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    _, mathjax = tool.PACKAGES["mathjax@^2.7"]
    _, widgets = tool.PACKAGES["@jupyter-widgets/html-manager@^1.0"]
    assert tool._wanted("package/MathJax.js", mathjax) == "MathJax.js"
    assert tool._wanted("package/jax/output/CommonHTML/jax.js", mathjax) == "jax/output/CommonHTML/jax.js"
    assert tool._wanted("package/jax/output/SVG/jax.js", mathjax) is None
    assert tool._wanted("package/unpacked/MathJax.js", mathjax) is None
    assert tool._wanted("package/dist/embed-amd.js", widgets) == "embed-amd.js"
    assert tool._wanted("package/dist/1551f4f60c37af51121f.woff2", widgets) == "1551f4f60c37af51121f.woff2"
    assert tool._wanted("package/dist/embed.js.map", widgets) is None


@pytest.mark.skipif(html_assets.available() is None, reason="no build/html-assets: `make assets` needs npm")
def test_the_built_assets_hold_the_three_scripts():
    folder = html_assets.available()
    assert "MathJax.Hub" in (folder / "mathjax" / "MathJax.js").read_text()[:200000]
    assert (folder / "mathjax" / "config" / "TeX-AMS_CHTML-full.js").is_file()
    assert (folder / html_assets.WIDGETS).stat().st_size > 100_000
