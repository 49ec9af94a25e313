"""A feedback page that needs no ``assets/`` folder beside it: require.js and MathJax (with the
components, font data and web fonts it loads) carried inside the page.

nbgrader's exchange hands a student each feedback page alone: ``fetch_feedback`` copies
``<notebook>.html`` into ``<assignment>/feedback/<timestamp>/`` and nothing else, so the
``../assets`` a page written by `grade` refers to is not there. The page released through the
exchange is therefore `grade`'s page with those two scripts embedded, and it renders the same,
offline, wherever it is opened. MathJax 2 loads its components with script tags under its root
URL; an ``AuthorInit`` hook (MathJax's own start-up hook) serves them from the page instead, and
the web fonts become data URLs. About 1.9 MB a page. The widget renderer is not embedded: grading
does not run the widget cells (see ``skipping``), so graded pages hold no widget state.
"""

import base64
import json
import re
from functools import cache

from .. import html_assets

ROOT = "embedded-mathjax"  # MathJax's root URL inside the page: never fetched
SKIPPED = ("extensions/a11y/", "extensions/HTML-CSS/", "extensions/MathML/")  # never loaded by the pages
# fontdata.js of MathJax 2.7 builds each web font's URL from its folder; the page's copy looks it up first
FONT_URL = '''"url('"+D+"/"+u+"-"+y+".woff') format('woff')"'''
EMBEDDED_FONT_URL = ('''"url('"+(MathJax.EmbeddedFonts[u.replace(/^MathJax_/,"")+"-"+y]'''
                     '''||D+"/"+u+"-"+y+".woff")+"') format('woff')"''')
FONT_DATA = "jax/output/CommonHTML/fonts/TeX/fontdata.js"
LOADER = """<script>
window.MathJax = {root: %(root)s, delayStartupUntil: "onload", config: %(config)s, AuthorInit: function () {
  var files = %(files)s, ajax = MathJax.Ajax, load = ajax.loader.JS;
  MathJax.EmbeddedFonts = %(fonts)s;
  ajax.loader.JS = function (file, callback) {  /* MathJax's own loader, with the source from the page */
    var prefix = ajax.config.root + "/", name = file.indexOf(prefix) === 0 ? file.substr(prefix.length) : "";
    if (!(name in files)) { return load.call(this, file, callback); }
    var script = document.createElement("script"), head = this.head;
    this.loading[file] = {callback: callback, status: this.STATUS.OK, script: script,
                          timeout: setTimeout(MathJax.Callback(["loadTimeout", this, file]), this.timeout),
                          message: MathJax.Message.File(this.fileName(file))};
    script.text = files[name];
    setTimeout(function () { head.appendChild(script); }, 0);
  };
}};
</script>
<script>%(core)s</script>"""


def _script(text: str) -> str:
    """``text`` safe inside a <script> element."""
    return text.replace("</", "<\\/")


@cache
def _mathjax(config: tuple[str, ...]) -> str:
    source = html_assets.available() / "mathjax"
    files = {p.relative_to(source).as_posix(): p.read_text(encoding="utf-8")
             for sub in ("config", "extensions", "jax") for p in sorted((source / sub).rglob("*.js"))}
    files = {name: text for name, text in files.items() if not name.startswith(SKIPPED)}
    if FONT_URL not in files[FONT_DATA]:
        raise RuntimeError(f"MathJax's {FONT_DATA} no longer builds font URLs as {FONT_URL}: "
                           "update autograder/grading/standalone_page.py for this MathJax version")
    files[FONT_DATA] = files[FONT_DATA].replace(FONT_URL, EMBEDDED_FONT_URL)
    fonts = {p.stem.removeprefix("MathJax_"): "data:font/woff;base64," + base64.b64encode(p.read_bytes()).decode()
             for p in sorted((source / "fonts" / "HTML-CSS" / "TeX" / "woff").glob("*.woff"))}
    return LOADER % {"root": json.dumps(ROOT), "config": json.dumps([f"{name}.js" for name in config]),
                     "files": _script(json.dumps(files)), "fonts": json.dumps(fonts),
                     "core": _script((source / "MathJax.js").read_text(encoding="utf-8"))}


def _tag(url: str) -> re.Pattern:
    return re.compile(rf'<script src="{re.escape(url)}">\s*</script>')


def standalone(page: str) -> str:
    """``page`` (a feedback page written with the offline assets, see html_assets) with require.js
    and MathJax inside it. A page that loads them from CDNs (no assets were built) is returned as it is."""
    if html_assets.available() is None:
        return page
    urls = html_assets.exporter_settings(f"../{html_assets.FOLDER}")
    require = _tag(urls["require_js_url"])
    mathjax_url = urls["mathjax_url"]
    mathjax = _tag(mathjax_url)
    config = tuple(mathjax_url.split("?config=", 1)[1].split(","))
    require_js = (html_assets.available() / html_assets.REQUIRE).read_text(encoding="utf-8")
    page = require.sub(lambda _: f"<script>{_script(require_js)}</script>", page, count=1)
    return mathjax.sub(lambda _: _mathjax(config), page, count=1)
