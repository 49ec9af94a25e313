"""Per-student feedback HTML that teaches and never leaks.

Built from the autograded notebook: hidden regions and written answers' mark schemes are removed
with nbgrader's own ClearHiddenTests and ClearMarkScheme, every test cell's outputs are replaced
by our result text (so no traceback through hidden code survives), and a summary of scores,
diagnoses, notes and hints is put on top.
"""

import html
import re
from functools import cache, lru_cache
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters import Highlight2HTML, clean_html
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme

from .. import html_assets, notebooks
from ..atomic import write_text
from . import skipping
from .results import AWAITING_MANUAL, AssignmentResult, TestRow


def _summary_markdown(result: AssignmentResult) -> str:
    lines = [f"# Feedback: {result.assignment}", "",
             f"**Student:** {result.student_id}  ", f"**Score:** {result.score:g} / {result.max_score:g}", ""]
    if result.manual_pending:
        lines[-1:-1] = [f"({result.manual_pending:g} points of written answers are {AWAITING_MANUAL}: "
                        "your instructor grades them by hand.)"]
    for problem in result.problems:
        lines.append(f"> **{problem}**")
        lines.append("")
    lines += ["| function | test | points | what we found |", "|---|---|---|---|"]
    for row in result.tests:
        found = row.diagnosis or ("graded by hand" if row.manual else "passed")
        points = f"- / {row.max_score:g}" if row.pending else f"{row.score:g} / {row.max_score:g}"
        lines.append(f"| `{row.function}` | {row.grade_id} | {points} | "
                     f"{found.replace('|', '/')} |")
    if result.tampering:
        lines += ["", "**Changes to protected cells (undone for grading; they change nothing in the score):**",
                  ""] + [f"- {t}" for t in result.tampering]
    if result.notes:
        lines += ["", "**About how your notebook ran (no points deducted):**", ""] + [f"- {n}" for n in result.notes]
    notes = sorted({n for row in result.tests for n in row.notes})
    if notes:
        lines += ["", "**Notes (no points deducted):**", ""] + [f"- {n}" for n in notes]
    if result.visible_failures:
        lines += ["", "**Visible checks that failed:**", ""] + [f"- {v}" for v in result.visible_failures]
    return "\n".join(lines)


def _row_text(row: TestRow) -> str:
    status = "passed" if row.score >= row.max_score else "not passed"
    text = f"{row.function}: {status}, {row.score:g} of {row.max_score:g} points."
    if row.diagnosis:
        text += "\n" + row.diagnosis
    for note in row.notes:
        text += "\nNote: " + note
    return text


def sanitized(nb, result: AssignmentResult):
    """A copy of the autograded notebook that is safe to show the student."""
    nb = nbformat.from_dict(nbformat.reads(nbformat.writes(nb), as_version=4))
    nb, _ = ClearHiddenTests().preprocess(nb, {})
    # Written answers' mark schemes, restored into the autograded notebook for formgrader: only in
    # the locked cells that come from the source (a student's own "BEGIN MARK SCHEME" is just text).
    clear_scheme = ClearMarkScheme(enforce_metadata=False)
    for cell in nb.cells:
        if notebooks.nbgrader_meta(cell).get("locked") and not notebooks.nbgrader_meta(cell).get("solution"):
            clear_scheme.preprocess_cell(cell, {}, 0)
    rows = {row.grade_id: row for row in result.tests}
    for cell in nb.cells:
        meta = notebooks.nbgrader_meta(cell)
        if skipping.is_skipped(cell):
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=skipping.NOT_RUN)]
            continue
        if cell.cell_type != "code" or not meta.get("grade"):
            continue
        row = rows.get(meta.get("grade_id"))
        if row is not None:
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=_row_text(row))]
            continue
        cleaned = []
        for output in cell.outputs:
            if output.get("output_type") == "error":
                cleaned.append(nbformat.v4.new_output(
                    "stream", name="stdout", text=f"{output.get('ename')}: {output.get('evalue')}"))
            elif output.get("output_type") == "stream":
                cleaned.append(output)
        cell.outputs = cleaned
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(_summary_markdown(result)))
    return nb


def _exporter(assets: Path | None) -> HTMLExporter:
    """The lab template; MathJax, require.js and the widget renderer from ``assets`` (the student's
    feedback/<student>/assets, one folder up from the page) when shipped, else from nbconvert's CDNs."""
    return _shared_exporter(assets is not None)


CACHED_CELLS = 4096  # per filter and process


def _remembering_filters() -> dict:
    """nbconvert's sanitising and highlighting, remembered per input: most cells of a page are the
    release's, the same on every page of the assignment, and these two filters cost about half of
    a page's time."""
    clean = lru_cache(maxsize=CACHED_CELLS)(clean_html)
    highlighter = Highlight2HTML(pygments_lexer="ipython3")  # every graded kernel is Python

    @lru_cache(maxsize=CACHED_CELLS)
    def _highlight(source, language, magics):
        return highlighter(source, language, {"magics_language": magics} if magics else None)

    def highlight_code(source, language=None, metadata=None):
        return _highlight(source, language, (metadata or {}).get("magics_language"))

    return {"clean_html": clean, "highlight_code": highlight_code}


NO_ALT = "No description has been provided for this image"  # nbconvert's alt text for an output image
_IMAGE_WITHOUT_ALT = re.compile(r"<img(?![^>]*\salt=)")
_FOCUSABLE = re.compile(  # a cell's input or output: nbconvert's ".jp-Notebook div.jp-Cell-inputWrapper" and the like
    r'(<div class="(?:[^"]*\s)?jp-(?:Cell-inputWrapper|OutputArea-output)(?:\s[^"]*)?")(?![^>]*\stabindex=)')


class _PageExporter(HTMLExporter):
    """nbconvert's HTMLExporter, less its last step: a BeautifulSoup pass over the whole page that
    only gives images without alt text nbconvert's, and cell inputs and outputs tabindex="0" (three
    quarters of a page's time). The same two changes are made on the page's text."""

    def from_notebook_node(self, nb, resources=None, **kw):
        language = nb.metadata.get("language_info", {})
        lexer = language.get("pygments_lexer", language.get("name", None))
        self.register_filter("highlight_code", self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer,
                                                                                                  parent=self)))
        resources = self._init_resources(resources)
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata,
                                                                       parent=self, resources=resources))
        page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        page = _IMAGE_WITHOUT_ALT.sub(f'<img alt="{NO_ALT}"', page)
        return _FOCUSABLE.sub(r'\1 tabindex="0"', page), resources


@cache
def _shared_exporter(offline: bool) -> HTMLExporter:
    """One exporter per process: its templates load once (about 0.35 s of every page otherwise)."""
    settings = html_assets.exporter_settings(f"../{html_assets.FOLDER}") if offline else {}
    return _PageExporter(template_name="lab", embed_images=True, filters=_remembering_filters(), **settings)


def warm() -> None:
    """Load the page templates now (the grader does, once, before it forks its workers)."""
    _exporter(html_assets.available()).from_notebook_node(nbformat.v4.new_notebook())


def write_feedback(result: AssignmentResult, autograded: Path | None, out_dir: Path) -> Path:
    """feedback/<student>/<assignment>/<notebook>.html under ``out_dir``, with the offline
    scripts in feedback/<student>/assets/ (see html_assets)."""
    target = Path(out_dir) / "feedback" / result.student_id / result.assignment / f"{result.notebook}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    assets = html_assets.ship(target.parent.parent)
    if autograded is not None and autograded.exists():
        nb = sanitized(nbformat.read(autograded, as_version=4), result)
    else:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(_summary_markdown(result))])
    body, _ = _exporter(assets).from_notebook_node(nb, resources={"metadata": {"name": html.escape(
        f"{result.student_id} - {result.assignment}")}})
    write_text(target, body)
    result.feedback = target
    return target
