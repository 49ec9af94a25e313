"""report.html for the instructor: offline, with the plots embedded as PNG images.

Score distribution per assignment, pass rate per test, the most common diagnoses with their
counts, and a link to every student's feedback.
"""

import base64
import html
import io
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .atomic import write_text  # noqa: E402
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
</body></html>
"""
    return write_text(out / "report.html", page)
