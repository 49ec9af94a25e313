"""Fingerprints of a body's tokens by k-gram winnowing.

The method is MOSS's: Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document
fingerprinting", SIGMOD 2003. Every run of K consecutive tokens (a k-gram) is hashed; in every
window of WINDOW consecutive hashes the smallest is kept (the rightmost one on ties), and each kept
hash is recorded once with the place of its k-gram. Two sequences sharing a run of at least
K + WINDOW - 1 tokens are then guaranteed to share a fingerprint, and a run shorter than K never
makes them share one (noise such as ``return V`` is ignored).

One refinement for code: k-grams never cross the boundary between two statements, and each
statement is winnowed on its own (a statement with no more than WINDOW k-grams keeps its
smallest). Swapping two independent statements, a common way to disguise a copy, then leaves the
fingerprints unchanged instead of changing every k-gram around the boundary.
"""

import hashlib
from collections.abc import Sequence
from itertools import groupby

K = 5  # tokens per k-gram: shorter shared runs are noise
WINDOW = 4  # k-grams per window: shared runs of K + WINDOW - 1 = 8 tokens are always found


def kgram_hashes(tokens: Sequence[str], k: int = K) -> list[int]:
    """The 64-bit hash of every k-gram of ``tokens``, in order (none if fewer than k tokens).
    The hash is the same in every run and on every machine (unlike Python's hash())."""
    return [int.from_bytes(hashlib.blake2b("\x1f".join(tokens[i:i + k]).encode(), digest_size=8).digest(), "big")
            for i in range(len(tokens) - k + 1)]


def winnow(hashes: Sequence[int], window: int = WINDOW) -> list[tuple[int, int]]:
    """The fingerprints (hash, index of its k-gram) chosen by winnowing, in order.

    A sequence of no more than one window keeps its single smallest hash.
    """
    if not hashes:
        return []
    chosen, last = [], -1
    for start in range(max(1, len(hashes) - window + 1)):
        i = min(range(start, min(start + window, len(hashes))), key=lambda j: (hashes[j], -j))
        if i != last:
            chosen.append((hashes[i], i))
            last = i
    return chosen


def _statements(tokens: Sequence[str], statements: Sequence[int] | None):
    """(offset, tokens) of each statement."""
    statements = statements if statements is not None else [0] * len(tokens)
    at = 0
    for _, group in groupby(statements):
        n = len(list(group))
        yield at, tokens[at:at + n]
        at += n


def all_kgrams(tokens: Sequence[str], statements: Sequence[int] | None = None, k: int = K) -> list[tuple[int, int]]:
    """Every k-gram (hash, index of its first token), none crossing a statement boundary: the
    matching regions of two bodies are shown from these."""
    return [(h, at + i) for at, part in _statements(tokens, statements) for i, h in enumerate(kgram_hashes(part, k))]


def fingerprints(tokens: Sequence[str], statements: Sequence[int] | None = None, k: int = K,
                 window: int = WINDOW) -> list[tuple[int, int]]:
    """The winnowed fingerprints (hash, index in ``tokens`` of its k-gram's first token) of a body.

    ``statements[i]`` says which statement token i belongs to (tokens of one statement are
    consecutive); without it the whole sequence is one statement.
    """
    return [(h, at + i) for at, part in _statements(tokens, statements)
            for h, i in winnow(kgram_hashes(part, k), window)]
