"""Item analysis of a graded class: how hard each test was, how well it separates the stronger
students from the weaker ones, what went wrong most often, and which mistakes go together.

An item is one hidden test (or concept question) of one assignment: a row of test_results.csv.
Each student graded on the assignment is one observation, scored ``score / max_score`` in [0, 1].
Notebooks that could not be graded at all (missing, not a notebook: a reason and 0 points) are
left out: they say nothing about the items.

- **difficulty**: the mean share of the item's points earned (for an all-or-nothing test, the
  share of students with full marks); 1.0 means everybody got it.
- **full marks**: the share of students with every point of the item.
- **discrimination**: the corrected item-total correlation, Pearson's r between the item's score
  and the rest of the student's assignment score (the assignment total minus this item). For an
  all-or-nothing item this is the point-biserial correlation. None when either side is the same
  for everybody (nothing to correlate).
- **flag**: discrimination below REVIEW_BELOW (Ebel's "poor item" bound), near zero or negative:
  stronger students do no better on it than weaker ones, so the test (or its points) may be
  worth a look. Judged only with at least MIN_STUDENTS students; smaller classes are told so.
- **co-occurring mistakes**: pairs of items (of different functions) that students fail together
  more often than chance would give, by the phi coefficient of the two "failed" indicators,
  with the count, the count chance would give, and the lift (count / chance count). A test of a
  function left unanswered (the release's stub) is an omission, not a mistake, and is not counted.

Shapes: ``scores`` is (students, items) in [0, 1] with NaN where a student was not graded on the
item's assignment.
"""

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .results import AssignmentResult, TestRow

REVIEW_BELOW = 0.2  # discrimination under this is flagged (Ebel: below 0.2 is a poor item)
MIN_STUDENTS = 10  # fewer students than this: discrimination is shown but no item is flagged
MIN_PAIR_COUNT = 2  # a co-occurring pair is reported when at least this many students show it
MIN_PHI = 0.2  # ... and its phi coefficient is at least this
TOP_PER_ITEM = 3  # most common diagnoses shown per item
UNANSWERED = "is not written yet"  # the release's stub (also the report's count of unanswered tests)


@dataclass
class Item:
    assignment: str
    grade_id: str
    function: str
    max_score: float
    students: int
    difficulty: float
    full_marks: float
    discrimination: float | None
    flagged: bool
    diagnoses: list[tuple[str, int]] = field(default_factory=list)  # (an example of a kind, count), commonest first

    @property
    def name(self) -> str:
        return f"{self.assignment[:2]} {self.grade_id}"


@dataclass
class Pair:
    first: Item
    second: Item
    students: int  # graded on both items
    together: int  # failed both
    expected: float  # failed both if the two were independent
    phi: float

    @property
    def lift(self) -> float:
        return self.together / self.expected if self.expected else math.inf


@dataclass
class Analysis:
    items: list[Item]
    pairs: list[Pair]
    students: int  # in the analysis (graded on at least one assignment)
    left_out: int  # notebooks that could not be graded

    @property
    def judged(self) -> bool:
        """Whether the class is large enough to flag items."""
        return self.students >= MIN_STUDENTS


def ungradable(result: AssignmentResult) -> bool:
    return bool(result.problems) and result.score == 0


def corrected_item_total(item: np.ndarray, total: np.ndarray) -> float | None:
    """Pearson's r between ``item`` and ``total - item`` (both (n,), n >= 2); None when either
    is constant."""
    rest = total - item
    if len(item) < 2 or np.ptp(item) == 0 or np.ptp(rest) == 0:
        return None
    return float(np.corrcoef(item, rest)[0, 1])


def phi(both: int, first: int, second: int, n: int) -> float | None:
    """Phi coefficient of two 0/1 variables from the 2x2 counts: ``both`` ones together,
    ``first`` and ``second`` ones in each, ``n`` observations. None when one is constant."""
    denominator = first * (n - first) * second * (n - second)
    if denominator == 0:
        return None
    return (n * both - first * second) / math.sqrt(denominator)


def _item_key(row: TestRow) -> tuple[str, str]:
    return row.assignment, row.grade_id


def analyse(results: list[AssignmentResult], diagnosis_key: Callable[[TestRow], str] = lambda t: t.diagnosis
            ) -> Analysis:
    """Item statistics of a graded class. ``diagnosis_key`` groups diagnoses that are the same
    mistake (the report passes the grouping of its "most common diagnoses"); each group is shown
    by the first real diagnosis of it."""
    graded = [r for r in results if not ungradable(r)]
    students = sorted({r.student_id for r in graded})
    keys: dict[tuple[str, str], TestRow] = {}
    for r in sorted(graded, key=lambda r: r.assignment):
        for t in r.tests:
            keys.setdefault(_item_key(t), t)
    items_order = list(keys)
    row_of = {s: i for i, s in enumerate(students)}
    col_of = {k: j for j, k in enumerate(items_order)}
    scores = np.full((len(students), len(items_order)), np.nan)
    mistakes = np.zeros(scores.shape, dtype=bool)
    diagnoses: dict[tuple[str, str], Counter] = {k: Counter() for k in items_order}
    example: dict[tuple[tuple[str, str], str], str] = {}  # (item, kind) -> its first real diagnosis
    for r in graded:
        for t in r.tests:
            i, j = row_of[r.student_id], col_of[_item_key(t)]
            scores[i, j] = t.score / t.max_score if t.max_score else 1.0
            failed = t.score < t.max_score
            mistakes[i, j] = failed and UNANSWERED not in t.diagnosis
            if failed and t.diagnosis and UNANSWERED not in t.diagnosis:
                kind = diagnosis_key(t)
                diagnoses[_item_key(t)][kind] += 1
                example.setdefault((_item_key(t), kind), t.diagnosis)
    totals = {}  # per assignment: each student's points on it (NaN when not graded)
    points = np.nan_to_num(scores) * np.array([keys[k].max_score for k in items_order])
    for a in {k[0] for k in items_order}:
        cols = [j for j, k in enumerate(items_order) if k[0] == a]
        totals[a] = points[:, cols].sum(axis=1)
    judged = len(students) >= MIN_STUDENTS
    items = []
    for j, k in enumerate(items_order):
        seen = ~np.isnan(scores[:, j])
        column = scores[seen, j]
        row = keys[k]
        discrimination = corrected_item_total(column * row.max_score, totals[k[0]][seen])
        items.append(Item(
            assignment=k[0], grade_id=k[1], function=row.function, max_score=row.max_score,
            students=int(seen.sum()), difficulty=float(column.mean()), full_marks=float((column >= 1).mean()),
            discrimination=discrimination,
            flagged=judged and discrimination is not None and discrimination < REVIEW_BELOW,
            diagnoses=[(example[k, kind], n) for kind, n in diagnoses[k].most_common(TOP_PER_ITEM)]))
    return Analysis(items, _pairs(items, scores, mistakes), len(students), len(results) - len(graded))


def _pairs(items: list[Item], scores: np.ndarray, mistakes: np.ndarray) -> list[Pair]:
    """Items of different functions failed together more often than chance, strongest first."""
    seen = ~np.isnan(scores)
    m = mistakes.astype(int)
    both_seen = seen.T.astype(int) @ seen.astype(int)  # (items, items): students graded on both
    together = m.T @ m  # failed both
    failed_where = m.T @ seen.astype(int)  # [i, j]: failed i among those graded on j
    pairs = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i], items[j]
            if (a.assignment, a.function) == (b.assignment, b.function) or together[i, j] < MIN_PAIR_COUNT:
                continue
            n, first, second = int(both_seen[i, j]), int(failed_where[i, j]), int(failed_where[j, i])
            value = phi(int(together[i, j]), first, second, n)
            if value is not None and value >= MIN_PHI:
                pairs.append(Pair(a, b, n, int(together[i, j]), first * second / n, value))
    return sorted(pairs, key=lambda p: (-p.phi, -p.together, p.first.name, p.second.name))
