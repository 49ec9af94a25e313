"""Fetch, at build time, the scripts nbconvert's HTML would otherwise load from public CDNs.

Feedback pages are notebooks exported by nbconvert: they load require.js, MathJax and the
Jupyter widget renderer (@jupyter-widgets/html-manager) from CDNs, so offline they show raw
LaTeX and no widgets. This script takes the three from the npm registry with `npm pack` (the
package tarballs only, no dependency tree) and unpacks the files the pages need into DEST:

    DEST/require.js
    DEST/mathjax/MathJax.js, config/, extensions/, jax/{input/TeX,output/CommonHTML,element}/,
                 fonts/HTML-CSS/TeX/woff/   (CommonHTML output with the TeX fonts only)
    DEST/html-manager/embed-amd.js and the fonts it refers to
    DEST/VERSIONS     one "name version" line per package, written last (the "complete" mark)

`autograder.html_assets` ships DEST next to the HTML it writes. Without npm, or offline, this
prints one line and exits 0: the pages then fall back to the CDNs.

    python tools/html_assets.py [DEST]      (default: build/html-assets)
"""

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGES = {  # npm spec -> (folder under DEST, or "" for the top; which files of package/ to keep)
    "requirejs@^2.3": ("", ("require.js",)),
    "mathjax@^2.7": ("mathjax", ("MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions/",
                                 "jax/input/TeX/", "jax/output/CommonHTML/", "jax/element/",
                                 "fonts/HTML-CSS/TeX/woff/")),
    "@jupyter-widgets/html-manager@^1.0": ("html-manager", ("dist/embed-amd.js", "dist/*.woff", "dist/*.woff2",
                                                            "dist/*.ttf", "dist/*.eot", "dist/*.svg")),
}
DEFAULT_DEST = Path(__file__).resolve().parents[1] / "build" / "html-assets"


def _wanted(name: str, patterns) -> str | None:
    """The path to write ``name`` (a member under package/) to, or None to skip it."""
    if not name.startswith("package/"):
        return None
    rel = name[len("package/"):]
    for pattern in patterns:
        if pattern.endswith("/") and rel.startswith(pattern) or rel == pattern:
            return rel[len("dist/"):] if rel.startswith("dist/") else rel
        if "*" in pattern and Path(rel).match(pattern):
            return rel[len("dist/"):] if rel.startswith("dist/") else rel
    return None


def unpack(tarball: Path, target: Path, patterns) -> str:
    """Write the wanted files of an npm tarball under ``target``; returns the package version."""
    version = "?"
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            if member.name == "package/package.json":
                version = json.load(tar.extractfile(member))["version"]
            rel = _wanted(member.name, patterns) if member.isfile() else None
            if rel is None or ".." in Path(rel).parts:
                continue
            out = target / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
    return version


def fetch(dest: Path) -> list[str]:
    """Fill ``dest`` (replaced) from the npm registry; returns the "name version" lines."""
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed")
    with tempfile.TemporaryDirectory(prefix="html-assets-") as tmp:
        tmp = Path(tmp)
        done = subprocess.run([npm, "pack", "--silent", "--pack-destination", str(tmp), *PACKAGES],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"npm pack failed: {(done.stderr or done.stdout).strip().splitlines()[-1:]}")
        names = [line.strip() for line in done.stdout.splitlines() if line.strip().endswith(".tgz")]
        if len(names) != len(PACKAGES):
            raise RuntimeError(f"npm pack gave {names}")
        staging = tmp / "assets"
        versions = []
        for (spec, (folder, patterns)), name in zip(PACKAGES.items(), names, strict=True):
            version = unpack(tmp / name, staging / folder if folder else staging, patterns)
            versions.append(f"{spec.rsplit('@', 1)[0]} {version}")
        if dest.exists():
            shutil.rmtree(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), dest)
        (dest / "VERSIONS").write_text("\n".join(versions) + "\n")
    return versions


def main(argv: list[str]) -> int:
    dest = Path(argv[0]) if argv else DEFAULT_DEST
    try:
        versions = fetch(dest)
    except (RuntimeError, OSError, subprocess.SubprocessError) as err:
        print(f"warning: offline HTML assets not installed ({err}); feedback pages will load MathJax and the "
              "widget renderer from CDNs", file=sys.stderr)
        return 0
    print(f"HTML assets in {dest}: {', '.join(versions)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
