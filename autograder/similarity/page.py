"""similarity.html: clusters of similar bodies, each pair side by side with the matching code
highlighted. One self-contained file (inline CSS, no scripts, nothing fetched)."""

from html import escape
from pathlib import Path

from ..atomic import write_text
from .cluster import MIN_FINGERPRINTS
from .fingerprint import WINDOW, K
from .normalise import MISSING, SKELETON, UNPARSABLE, Body

CSS = """
body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 80em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; } h3 { margin-bottom: .3em; }
.caution { background: #fff8e1; border-left: 4px solid #e0a800; padding: .6em 1em; }
table { border-collapse: collapse; margin: .5em 0; } th, td { border: 1px solid #ddd; padding: .25em .6em; }
th { background: #f4f4f4; text-align: left; } td.n { text-align: right; }
.cluster { border: 1px solid #ccd; border-radius: 6px; padding: .3em 1em .8em; margin: 1em 0; background: #fafbff; }
details.pair { margin: .5em 0; } details.pair summary { cursor: pointer; }
.side { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1em; }
.side pre { background: #fff; border: 1px solid #ddd; padding: .6em; overflow-x: auto; font-size: .85em;
            margin: .2em 0; }
mark { background: #ffe08a; } .muted { color: #666; }
details.common pre { background: #fff; border: 1px solid #ddd; padding: .6em; font-size: .85em; }
"""


PAIRS_SHOWN = 12  # side-by-side views per cluster; the CSV lists every pair


def _marked(body: Body, matched: set[int]) -> str:
    """The body's source, HTML-escaped, with the tokens in ``matched`` (indexes) highlighted."""
    lines = body.source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(pos):
        return starts[pos[0] - 1] + pos[1]

    spans = []  # tokens are in canonical order, not in source order: sort their places first
    for a, b in sorted((offset(body.tokens[i].start), offset(body.tokens[i].end))
                       for i in matched if i < len(body.tokens)):
        if spans and a <= spans[-1][1] + _gap(body.source, spans[-1][1], a):
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    out, at = [], 0
    for a, b in spans:
        out += [escape(body.source[at:a]), "<mark>", escape(body.source[a:b]), "</mark>"]
        at = b
    out.append(escape(body.source[at:]))
    return "".join(out)


def _gap(text: str, a: int, b: int) -> int:
    """Join two highlighted tokens separated only by spaces on one line."""
    between = text[a:b]
    return len(between) if between.strip(" ") == "" else 0


def _pair_html(fr, pair, open_: bool) -> str:
    a, b = fr.bodies[pair.a], fr.bodies[pair.b]
    sides = "".join(f'<div><div class="who">{escape(who)}</div><pre>{_marked(body, matched)}</pre></div>'
                    for who, body, matched in ((pair.a, a, pair.matched_a), (pair.b, b, pair.matched_b)))
    return (f'<details class="pair"{" open" if open_ else ""}><summary><b>{escape(pair.a)}</b> and '
            f'<b>{escape(pair.b)}</b>: similarity {pair.score:.2f} ({pair.shared} fingerprints in common)</summary>'
            f'<div class="side">{sides}</div></details>')


def _function_html(fr) -> str:
    c = fr.comparison
    parts = [f'<h2 id="{_anchor(fr)}">{escape(fr.function)} '
             f'<span class="muted">({escape(fr.assignment)})</span></h2>']
    if not c.clusters and not c.common_answers:
        parts.append(f"<p>No two bodies of {escape(fr.function)} reach the threshold.</p>")
    for i, cluster in enumerate(c.clusters, 1):
        parts.append(f'<div class="cluster"><h3>Cluster {i}: {len(cluster.students)} students, '
                     f'similarity {cluster.score:.2f}</h3><p>{", ".join(escape(s) for s in cluster.students)}</p>')
        if len(cluster.students) > c.common:
            parts.append(f'<p class="muted">More than {c.common} students wrote this code: most likely a common '
                         "answer (the notebook's hints, a textbook or a published solution); a pair inside this "
                         "cluster says little on its own.</p>")
        parts += [_pair_html(fr, p, j == 0) for j, p in enumerate(cluster.pairs[:PAIRS_SHOWN])]
        if len(cluster.pairs) > PAIRS_SHOWN:
            parts.append(f'<p class="muted">and {len(cluster.pairs) - PAIRS_SHOWN} more pairs of this cluster '
                         "in similarity_pairs.csv.</p>")
        parts.append("</div>")
    for group in c.common_answers:
        parts.append(f'<details class="common"><summary>A common answer: {len(group)} students wrote the same '
                     f'normalised code (more than {c.common}: not shown as pairs)</summary><p>'
                     f'{", ".join(escape(s) for s in group)}</p><pre>{escape(fr.bodies[group[0]].source)}</pre>'
                     "</details>")
    broken = sorted((s, b) for s, b in fr.bodies.items() if b.status == UNPARSABLE)
    if broken:
        parts.append("<p>Not compared because they do not parse:</p><ul>" +
                     "".join(f"<li>{escape(s)}: {escape(b.note)}</li>" for s, b in broken) + "</ul>")
    return "\n".join(parts)


SUMMARY_COLUMNS = ("assignment", "function", "compared", "too short", "skeleton only", "not found",
                   "does not parse", "clusters", "similar pairs", "in common answers")


def _summary_table(report) -> str:
    rows = []
    for fr in report.results:
        count = {k: sum(1 for b in fr.bodies.values() if b.status == k) for k in (SKELETON, MISSING, UNPARSABLE)}
        c = fr.comparison
        numbers = (len(c.compared), len(c.too_short), count[SKELETON], count[MISSING], count[UNPARSABLE],
                   len(c.clusters), len(c.pairs), sum(map(len, c.common_answers)))
        rows.append(f'<tr><td>{escape(fr.assignment)}</td><td><a href="#{_anchor(fr)}">{escape(fr.function)}</a></td>'
                    + "".join(f'<td class="n">{n}</td>' for n in numbers) + "</tr>")
    header = "".join(f"<th>{c}</th>" for c in SUMMARY_COLUMNS)
    return f"<table><tr>{header}</tr>" + "".join(rows) + "</table>"


def _anchor(fr) -> str:
    return escape(f"fn-{fr.assignment}-{fr.function}")


def _repeated(report) -> str:
    pairs = report.repeated_pairs()
    if not pairs:
        return "<p>No pair of students is similar in more than one function.</p>"
    return ("<table><tr><th>students</th><th>functions</th></tr>" +
            "".join(f"<tr><td>{escape(a)} and {escape(b)}</td><td>{len(fs)}: {escape(', '.join(fs))}</td></tr>"
                    for (a, b), fs in pairs) + "</table>")


def render(report) -> str:
    common = f"more than {report.common} students share"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Similarity among submissions</title>
<style>{CSS}</style></head><body>
<h1>Similarity among submissions</h1>
<div class="caution"><p><b>This page reports similarity, not misconduct.</b> Similar code has many innocent
causes: a common textbook or lecture answer, the notebook's own hints, a function so short that there
are few ways to write it, students who worked together as the course allows, or the same tutor. A high
score only says where to look: read both bodies side by side, and talk with the students, before drawing
any conclusion.</p></div>
<p class="muted">How it is measured: each graded function (with the helpers of its cell that it uses) is
normalised: the names a student chose become <code>V</code>, numbers <code>N</code> and strings
<code>S</code>, comments and docstrings are dropped, and every line the release skeleton already held
(signature, docstring, given lines) is left out, so a body with nothing beyond the skeleton is never
similar to anything. The tokens are fingerprinted by k-gram winnowing (Schleimer, Wilkerson and Aiken,
"Winnowing: local algorithms for document fingerprinting", SIGMOD 2003; the method of MOSS) with
k = {K} tokens and windows of {WINDOW}; independent neighbouring assignments are put in one order first,
so reordering them changes nothing. A body with fewer than {MIN_FINGERPRINTS} fingerprints is too short to
compare. Passages that {common} are common code and count for less (the fewer students, the more a
shared passage counts); the same normalised body written by more than {report.common} students is a common
answer, listed as a group rather than as pairs. The similarity of a pair is the weight of the fingerprints
they share, out of the larger body's; pairs at or above {report.threshold:.2f} are shown, and students
linked by such pairs form a cluster. Highlighted code is code both bodies contain (runs of at least {K} tokens).</p>
<h2>Overview</h2>
{_summary_table(report)}
<h2>Students similar in more than one function</h2>
{_repeated(report)}
{"".join(_function_html(fr) for fr in report.results)}
</body></html>
"""


def write_page(report, path: Path) -> None:
    write_text(path, render(report))
