"""Pairs of similar bodies of one graded function, and the clusters they form.

Each compared body is reduced to its set of fingerprints (fingerprint.py). A fingerprint that
more than ``common`` students share is common code (the course's hints, the textbook answer)
and is ignored, as MOSS ignores passages found in more than ``-m`` programs. Bodies left with
fewer than MIN_FINGERPRINTS fingerprints are too short, or too common, to compare.

The score of a pair is the share of fingerprints they have in common, out of the larger set:
1.0 when the two bodies have the same normalised code, whatever their names, comments and
order of independent statements. Pairs scoring at least ``threshold`` are linked, and linked
bodies form a cluster (single linkage: a cluster is a connected group of such pairs).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from .fingerprint import K, fingerprints, kgram_hashes
from .normalise import OK, Body

THRESHOLD = 0.8  # default: the share of fingerprints two bodies must have in common to be linked
COMMON_AT_LEAST = 10  # default: a fingerprint is common when more than this many students share it,
COMMON_SHARE = 0.1  # or more than this share of the compared bodies, whichever is larger
MIN_FINGERPRINTS = 3


def common_limit(bodies: int, common: int | None = None) -> int:
    """How many students may share a fingerprint before it counts as common code."""
    return common if common is not None else max(COMMON_AT_LEAST, int(COMMON_SHARE * bodies))


@dataclass
class Pair:
    a: str
    b: str
    score: float
    shared: int  # fingerprints in common
    matched_a: set[int] = field(default_factory=set)  # token indexes of a's body in a k-gram b has too
    matched_b: set[int] = field(default_factory=set)


@dataclass
class Cluster:
    students: list[str]
    pairs: list[Pair]  # its linked pairs, best first

    @property
    def score(self) -> float:
        """The mean score of the cluster's linked pairs."""
        return sum(p.score for p in self.pairs) / len(self.pairs)


@dataclass
class Comparison:
    """The outcome for one graded function across the class."""

    compared: list[str]  # students whose bodies were compared
    too_common: list[str]  # bodies with too few fingerprints left once common code is ignored
    pairs: list[Pair]  # every pair at or above the threshold, best first
    clusters: list[Cluster]  # best first


def _regions(a: Body, b: Body) -> tuple[set[int], set[int]]:
    """The token indexes of a and of b inside a k-gram the other body also has."""
    grams = [kgram_hashes([t.text for t in body.tokens]) for body in (a, b)]
    shared = set(grams[0]) & set(grams[1])
    return tuple({i + j for i, h in enumerate(g) if h in shared for j in range(K)} for g in grams)


def compare(bodies: dict[str, Body], threshold: float = THRESHOLD, common: int | None = None) -> Comparison:
    """Compare every compared (status OK) body with every other through an index of fingerprints:
    only pairs that share a fingerprint are ever scored."""
    prints = {s: fingerprints([t.text for t in b.tokens]) for s, b in sorted(bodies.items()) if b.status == OK}
    owners: dict[int, set[str]] = defaultdict(set)
    for student, fp in prints.items():
        for h, _ in fp:
            owners[h].add(student)
    limit = common_limit(len(prints), common)
    rare = {h for h, who in owners.items() if len(who) <= limit}
    kept = {s: {h for h, _ in fp} & rare for s, fp in prints.items()}
    compared = sorted(s for s, hs in kept.items() if len(hs) >= MIN_FINGERPRINTS)
    too_common = sorted(s for s in kept if s not in compared)
    shared_count: dict[tuple[str, str], int] = defaultdict(int)
    for h in rare:
        who = sorted(s for s in owners[h] if s in compared)
        for i, a in enumerate(who):
            for b in who[i + 1:]:
                shared_count[a, b] += 1
    pairs = []
    for (a, b), n in shared_count.items():
        score = n / max(len(kept[a]), len(kept[b]))
        if score >= threshold:
            pairs.append(Pair(a, b, round(score, 3), n, *_regions(bodies[a], bodies[b])))
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return Comparison(compared, too_common, pairs, _clusters(pairs))


def _clusters(pairs: list[Pair]) -> list[Cluster]:
    parent: dict[str, str] = {}

    def root(s):
        while parent.setdefault(s, s) != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for p in pairs:
        parent[root(p.a)] = root(p.b)
    groups: dict[str, list[Pair]] = defaultdict(list)
    for p in pairs:
        groups[root(p.a)].append(p)
    clusters = [Cluster(sorted({s for p in ps for s in (p.a, p.b)}), ps) for ps in groups.values()]
    clusters.sort(key=lambda c: (-c.score, -len(c.students), c.students))
    return clusters
