"""report.html for the instructor: offline, with the plots embedded as PNG images.

Score distribution per assignment, pass rate per test, the most common diagnoses with their
counts, a link to every student's feedback, and the item analysis (statistics in
item_analysis.py; the same table in items.csv next to the report).
"""

import base64
import csv
import html
import io
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from ..atomic import write_text  # noqa: E402
from . import item_analysis  # noqa: E402
from .results import AssignmentResult, TestRow  # noqa: E402

TOP_DIAGNOSES = 25


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def score_distribution(results: list[AssignmentResult]):
    assignments = sorted({r.assignment for r in results})
    fig, axes = plt.subplots(1, len(assignments), figsize=(3.2 * len(assignments), 2.8), squeeze=False)
    for ax, a in zip(axes[0], assignments, strict=True):
        pct = [100 * r.score / r.max_score for r in results if r.assignment == a and r.max_score]
        ax.hist(pct, bins=[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100.001], color="#4c72b0", edgecolor="white")
        ax.set_title(a, fontsize=9)
        ax.set_xlabel("score (%)")
        ax.set_xlim(0, 100)
    axes[0][0].set_ylabel("students")
    fig.suptitle("Score distribution per assignment", y=1.04)
    fig.tight_layout()
    return fig


def pass_rates(results: list[AssignmentResult]) -> list[tuple[str, float, int]]:
    """(grade id, fraction of students with full points, number graded) per test, in course order."""
    counts: dict[str, list[int]] = {}
    for r in results:
        for t in r.tests:
            c = counts.setdefault(f"{r.assignment[:2]} {t.grade_id}", [0, 0])
            c[0] += t.score >= t.max_score
            c[1] += 1
    return [(name, passed / total, total) for name, (passed, total) in counts.items()]


def pass_rate_figure(results: list[AssignmentResult]):
    rates = pass_rates(results)
    fig, ax = plt.subplots(figsize=(7, 0.28 * len(rates) + 1))
    names = [n for n, _, _ in rates][::-1]
    values = [100 * v for _, v, _ in rates][::-1]
    ax.barh(names, values, color=["#55a868" if v >= 70 else "#c44e52" for v in values])
    ax.set_xlim(0, 100)
    ax.set_xlabel("students with full points (%)")
    ax.tick_params(axis="y", labelsize=7)
    ax.set_title("Pass rate per test")
    return fig


def generalise(test: TestRow) -> str:
    """What kind of diagnosis a test got, the same for every student who got it: the template(s)
    its message was made from (a diagnosis recorded without one stands for itself)."""
    return test.diagnosis_key or test.diagnosis


UNANSWERED = "is not written yet"


def unanswered(results: list[AssignmentResult]) -> int:
    """Tests whose function still raises the release's NotImplementedError stub."""
    return sum(UNANSWERED in t.diagnosis for r in results for t in r.tests)


def common_diagnoses(results: list[AssignmentResult]) -> list[tuple[str, str, int]]:
    """(function, one real example of a kind of diagnosis, how many tests got that kind), most
    common first; unanswered functions are counted apart (they are not mistakes)."""
    counter, example = Counter(), {}
    for r in results:
        for t in r.tests:
            if t.diagnosis and UNANSWERED not in t.diagnosis:
                kind = (t.function, generalise(t))
                counter[kind] += 1
                example.setdefault(kind, t.diagnosis)
    return [(kind[0], example[kind], n) for kind, n in counter.most_common(TOP_DIAGNOSES)]


ITEM_COLUMNS = ["assignment", "grade_id", "function", "max_score", "students", "difficulty", "full_marks",
                "discrimination", "flag", "top_diagnoses"]
LABEL_CHARACTERS = 70  # a diagnosis on a bar chart's axis is cut to this


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _top(item: item_analysis.Item) -> str:
    return "; ".join(f"{d} ({n})" for d, n in item.diagnoses)


def item_scatter(analysis: item_analysis.Analysis):
    """Difficulty across, discrimination up, one point per item; flagged items in red and named."""
    fig, ax = plt.subplots(figsize=(7, 4.2))
    assignments = sorted({i.assignment for i in analysis.items})
    colours = plt.get_cmap("tab10")
    for k, a in enumerate(assignments):
        shown = [i for i in analysis.items if i.assignment == a and i.discrimination is not None]
        ax.scatter([i.difficulty for i in shown], [i.discrimination for i in shown], color=colours(k % 10),
                   label=a, s=28, edgecolor="white")
    for k, i in enumerate(i for i in analysis.items if i.flagged):
        ax.scatter([i.difficulty], [i.discrimination], facecolor="none", edgecolor="#c44e52", s=110)
        ax.annotate(i.name, (i.difficulty, i.discrimination), fontsize=7, color="#c44e52",
                    xytext=(6, -9 - 9 * (k % 3)), textcoords="offset points")
    ax.axhline(item_analysis.REVIEW_BELOW, color="#c44e52", linestyle="--", linewidth=1)
    ax.axhline(0, color="#888888", linewidth=0.6)
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("difficulty (share of the points earned; 1 = everybody got it)")
    ax.set_ylabel("discrimination (item-rest correlation)")
    ax.set_title("Difficulty and discrimination per test")
    ax.legend(fontsize=7, loc="lower left")
    return fig


def diagnosis_bars(analysis: item_analysis.Analysis):
    """One panel per assignment: its most common diagnoses (all items), longest bar on top."""
    assignments = sorted({i.assignment for i in analysis.items if i.diagnoses})
    counts = {a: Counter() for a in assignments}
    for i in analysis.items:
        for d, n in i.diagnoses:
            if i.assignment in counts:
                counts[i.assignment][f"{i.function}: {d}"] += n
    tops = {a: counts[a].most_common(8) for a in assignments}
    heights = [0.3 * len(tops[a]) + 0.8 for a in assignments]
    fig, axes = plt.subplots(len(assignments), 1, figsize=(8, sum(heights)), squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    for ax, a in zip(axes[:, 0], assignments, strict=True):
        labels = [d if len(d) <= LABEL_CHARACTERS else d[:LABEL_CHARACTERS - 3] + "..." for d, _ in tops[a]]
        ax.barh(labels[::-1], [n for _, n in tops[a]][::-1], color="#dd8452")
        ax.set_title(a, fontsize=9)
        ax.tick_params(axis="y", labelsize=7)
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[-1, 0].set_xlabel("failed tests")
    fig.suptitle("Most common diagnoses per assignment", y=1.0)
    fig.tight_layout()
    return fig


def write_items_csv(analysis: item_analysis.Analysis, out: Path) -> Path:
    """items.csv: one row per test, the item table of the report."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(ITEM_COLUMNS)
    for i in analysis.items:
        writer.writerow([i.assignment, i.grade_id, i.function, f"{i.max_score:g}", i.students,
                         _fmt(i.difficulty), _fmt(i.full_marks), _fmt(i.discrimination),
                         "review" if i.flagged else "", _top(i)])
    return write_text(Path(out) / "items.csv", buffer.getvalue(), newline="")


def item_section(results: list[AssignmentResult], out: Path) -> str:
    """The report's item analysis (and items.csv beside it)."""
    analysis = item_analysis.analyse(results, diagnosis_key=generalise)
    write_items_csv(analysis, out)
    if not analysis.items:
        return '<h2 id="item-analysis">Item analysis</h2><p>No graded tests.</p>'
    e = html.escape
    if analysis.judged:
        verdict = (f"Tests whose discrimination is below {item_analysis.REVIEW_BELOW:g} (near zero or negative: "
                   "stronger students do no better on them) are marked <b>review</b>: "
                   f"{sum(i.flagged for i in analysis.items)} of {len(analysis.items)}.")
    else:
        verdict = (f"With {analysis.students} students there are too few to flag tests (at least "
                   f"{item_analysis.MIN_STUDENTS} are needed to tell a weak test from chance): discrimination "
                   "is shown, not judged.")
    figures = [_png(item_scatter(analysis))]
    if any(i.diagnoses for i in analysis.items):
        figures.append(_png(diagnosis_bars(analysis)))
    images = "".join(f'<p><img alt="item analysis plot" src="data:image/png;base64,{p}"></p>' for p in figures)
    rows = "".join(
        f'<tr{" class=review" if i.flagged else ""}><td>{e(i.name)}</td><td><code>{e(i.function)}</code></td>'
        f"<td>{i.students}</td><td>{i.difficulty:.2f}</td><td>{i.full_marks:.2f}</td>"
        f"<td>{'-' if i.discrimination is None else f'{i.discrimination:.2f}'}</td>"
        f"<td>{'review' if i.flagged else ''}</td>"
        f"<td>{'<br>'.join(f'{e(d)} ({n})' for d, n in i.diagnoses)}</td></tr>" for i in analysis.items)
    pairs = "".join(
        f"<tr><td>{e(p.first.name)} <code>{e(p.first.function)}</code></td>"
        f"<td>{e(p.second.name)} <code>{e(p.second.function)}</code></td><td>{p.together} of {p.students}</td>"
        f"<td>{p.expected:.1f}</td><td>{p.lift:.1f}</td><td>{p.phi:.2f}</td></tr>"
        for p in analysis.pairs[:TOP_DIAGNOSES]
    ) or "<tr><td colspan=6>none: no two mistakes go together more than chance would give</td></tr>"
    return f"""<h2 id="item-analysis">Item analysis</h2>
<p>{analysis.students} students ({analysis.left_out} notebooks that could not be graded left out).
<b>Difficulty</b>: the share of a test's points students earned (1 = everybody got it).
<b>Discrimination</b>: the correlation of the test's score with the rest of the assignment's score
(the total without this test); high means the students who did well overall passed it. {verdict}
The same table is in <code>items.csv</code>.</p>
{images}
<table><tr><th>test</th><th>function</th><th>students</th><th>difficulty</th><th>full marks</th>
<th>discrimination</th><th>flag</th><th>most common diagnoses (count)</th></tr>{rows}</table>
<h3>Mistakes that occur together</h3>
<p>Tests of different functions that the same students fail, more often than chance would give
(phi at least {item_analysis.MIN_PHI:g}, at least {item_analysis.MIN_PAIR_COUNT} students; unanswered
functions are not counted as mistakes). Chance: the count expected if the two were unrelated;
lift: how many times that count was seen.</p>
<table><tr><th>test</th><th>with test</th><th>failed both</th><th>chance</th><th>lift</th><th>phi</th></tr>
{pairs}</table>
"""


def write_report(results: list[AssignmentResult], out: Path) -> Path:
    out = Path(out)
    figures = []
    if results:
        figures = [_png(score_distribution(results)), _png(pass_rate_figure(results))]
    students = sorted({r.student_id for r in results})
    assignments = sorted({r.assignment for r in results})
    by = {(r.student_id, r.assignment): r for r in results}
    rows = []
    for s in students:
        cells = []
        for a in assignments:
            r = by.get((s, a))
            if r is None:
                cells.append("<td>-</td>")
                continue
            link = html.escape(str(r.feedback.relative_to(out))) if r.feedback else ""
            label = f"{r.score:g} / {r.max_score:g}"
            cells.append(f'<td><a href="{link}">{label}</a></td>' if link else f"<td>{label}</td>")
        rows.append(f"<tr><th>{html.escape(s)}</th>{''.join(cells)}</tr>")
    diag_rows = "".join(
        f"<tr><td><code>{html.escape(f)}</code></td><td>{html.escape(d)}</td><td>{n}</td></tr>"
        for f, d, n in common_diagnoses(results)) or "<tr><td colspan=3>none: every test passed</td></tr>"
    images = "".join(f'<p><img alt="plot" src="data:image/png;base64,{p}"></p>' for p in figures)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Grade report</title>
<style>
body {{ font-family: sans-serif; margin: 2em; max-width: 70em; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
td, th {{ border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; font-size: 0.9em; }}
tr.review td {{ background: #fbe9e9; }}
img {{ max-width: 100%; }}
</style></head><body>
<h1>Grade report</h1>
<p>{len(students)} students, {len(assignments)} assignments, {len(results)} notebooks graded.</p>
<h2>Grades (links open each student's feedback)</h2>
<table><tr><th>student</th>{''.join(f'<th>{html.escape(a)}</th>' for a in assignments)}</tr>{''.join(rows)}</table>
<h2>Plots</h2>{images}
<h2>Most common diagnoses</h2>
<table><tr><th>function</th><th>diagnosis (one example of each kind)</th><th>count</th></tr>{diag_rows}</table>
<p>Tests of functions left unanswered (the release's stub still in place): {unanswered(results)}.
Notebooks that could not be graded: {sum(bool(r.problems) and r.score == 0 for r in results)}.</p>
{item_section(results, out)}
</body></html>
"""
    return write_text(out / "report.html", page)
