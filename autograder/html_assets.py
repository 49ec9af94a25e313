"""Offline HTML: local copies of MathJax, require.js and the widget renderer, shipped next to the pages.

`make assets` (tools/html_assets.py) unpacks them from npm into build/html-assets. A page that
uses them gets its own ``assets/`` folder, made of hard links to that build folder (a copy where
links are impossible), and refers to it relatively: each student's feedback folder
``feedback/<student>/`` holds ``assets/`` beside the assignment folders, so the folder works
anywhere, offline, once downloaded. Without the build folder the pages keep nbconvert's CDN
addresses (they then need a network for equations and widgets).
"""

import os
import shutil
import tempfile
from pathlib import Path

from . import paths

ENV = "AUTOGRADER_HTML_ASSETS"  # another build folder (tests point it at an empty one)
FOLDER = "assets"
VERSIONS = "VERSIONS"  # written last by tools/html_assets.py: its presence means "complete"
MATHJAX = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
REQUIRE = "require.js"
WIDGETS = "html-manager/embed-amd.js"


def build_folder() -> Path:
    return Path(os.environ.get(ENV) or paths.REPO / "build" / "html-assets")


def available() -> Path | None:
    """The complete build folder, or None when `make assets` has not run (or could not)."""
    folder = build_folder()
    needed = (VERSIONS, REQUIRE, MATHJAX.split("?")[0], WIDGETS)
    return folder if all((folder / name).is_file() for name in needed) else None


def missing_warning() -> str:
    return (f"warning: no offline HTML assets in {build_folder()} (run `make assets`, which needs npm): "
            "feedback pages will load MathJax and the widget renderer from CDNs")


def _link_or_copy(src, dst):
    if Path(src).name == VERSIONS:  # a copy: it tells whether a shipped folder is current
        return shutil.copy2(src, dst)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst


def ship(folder: Path) -> Path | None:
    """``folder``/assets, filled from the build folder (kept when already current). Safe when
    several grading processes ship into the same folder at once. None without a build folder."""
    source = available()
    if source is None:
        return None
    target = Path(folder) / FOLDER
    wanted = (source / VERSIONS).read_text()
    if (target / VERSIONS).is_file() and (target / VERSIONS).read_text() == wanted:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".assets-", dir=target.parent))
    try:
        shutil.copytree(source, staging / FOLDER, copy_function=_link_or_copy)
        if target.exists() and not ((target / VERSIONS).is_file() and (target / VERSIONS).read_text() == wanted):
            shutil.rmtree(target, ignore_errors=True)  # stale: from another version of the assets
        try:
            os.rename(staging / FOLDER, target)
        except OSError:  # another process shipped it first
            pass
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def exporter_settings(prefix: str) -> dict[str, str]:
    """HTMLExporter traits that load the three scripts from ``prefix`` (a relative URL of the
    assets folder, such as "../assets")."""
    return {"mathjax_url": f"{prefix}/{MATHJAX}", "require_js_url": f"{prefix}/{REQUIRE}",
            "widget_renderer_url": f"{prefix}/{WIDGETS}"}
