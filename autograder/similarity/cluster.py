"""Pairs of similar bodies of one graded function, and the clusters they form.

Each body is reduced to its set of fingerprints (fingerprint.py); a body with fewer than
MIN_FINGERPRINTS of them is too short to compare (there are few ways to write it). A fingerprint
that more than ``common`` students share is common code (the course's hints, the textbook
answer): like MOSS, which ignores passages found in more than ``-m`` programs, it counts for
little, here ``common`` / (the students who share it) of a rare one. More than ``common``
students with the same normalised code are a common answer: listed as a group, not as pairs.

The score of a pair is the weight of the fingerprints they share, out of the larger body's:
1.0 when the two bodies have the same normalised code, whatever their names, comments and
order of independent statements. Pairs scoring at least ``threshold`` are linked, and linked
bodies form a cluster (single linkage: a cluster is a connected group of such pairs). Two
bodies that share only common fingerprints are scored only when their code is the same.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from .fingerprint import K, fingerprints, kgram_hashes
from .normalise import OK, Body

THRESHOLD = 0.8  # default: the share of fingerprints two bodies must have in common to be linked
COMMON = 10  # default: code more students than this share is common (MOSS's -m default)
MIN_FINGERPRINTS = 8  # fewer: a body so short that there are few ways to write it


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
    too_short: list[str]  # bodies with fewer than MIN_FINGERPRINTS fingerprints
    pairs: list[Pair]  # every pair at or above the threshold, best first
    clusters: list[Cluster]  # best first
    common: int  # fingerprints more students than this share are common code
    common_answers: list[list[str]] = field(default_factory=list)  # groups of more than ``common``
    # students with the same normalised code: shown as groups, not as pairs


def _regions(a: list[int], b: list[int]) -> tuple[set[int], set[int]]:
    """The token indexes inside a k-gram the other body also has, given both bodies' k-gram hashes."""
    grams = (a, b)
    shared = set(a) & set(b)
    return tuple({i + j for i, h in enumerate(g) if h in shared for j in range(K)} for g in grams)


def compare(bodies: dict[str, Body], threshold: float = THRESHOLD, common: int = COMMON) -> Comparison:
    """Score the pairs of compared (status OK) bodies that could reach ``threshold``: those sharing
    a fingerprint that is not common (found through an index of fingerprints, so most pairs are
    never looked at), and those with the same normalised code."""
    prints = {s: {h for h, _ in fingerprints([t.text for t in b.tokens])}
              for s, b in sorted(bodies.items()) if b.status == OK}
    compared = sorted(s for s, hs in prints.items() if len(hs) >= MIN_FINGERPRINTS)
    too_short = sorted(s for s in prints if s not in compared)
    owners: dict[int, list[str]] = defaultdict(list)
    for student in compared:
        for h in prints[student]:
            owners[h].append(student)
    limit = common
    weight = {h: 1.0 if len(who) <= limit else limit / len(who) for h, who in owners.items()}
    total = {s: sum(weight[h] for h in prints[s]) for s in compared}
    candidates: set[tuple[str, str]] = set()
    for who in owners.values():
        if len(who) <= limit:
            candidates.update(combinations(who, 2))
    same: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for s in compared:
        same[tuple(t.text for t in bodies[s].tokens)].append(s)
    common_answers = sorted((who for who in same.values() if len(who) > limit), key=lambda w: (-len(w), w))
    for who in same.values():
        if len(who) <= limit:
            candidates.update(combinations(who, 2))
    grams = {}
    pairs = []
    for a, b in sorted(candidates):
        shared = prints[a] & prints[b]
        score = sum(weight[h] for h in shared) / max(total[a], total[b])
        if score >= threshold:
            for s in (a, b):
                if s not in grams:
                    grams[s] = kgram_hashes([t.text for t in bodies[s].tokens])
            pairs.append(Pair(a, b, round(score, 3), len(shared), *_regions(grams[a], grams[b])))
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return Comparison(compared, too_short, pairs, _clusters(pairs), limit, common_answers)


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
