"""Fingerprints of a body's tokens by k-gram winnowing.

The method is MOSS's: Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document
fingerprinting", SIGMOD 2003. Every run of K consecutive tokens (a k-gram) is hashed; in every
window of WINDOW consecutive hashes the smallest is kept, and each kept hash is recorded once with
the place of its k-gram. Ties are broken as the paper's robust winnowing does: keep the hash
chosen for the previous window if it is still a smallest one, else take the rightmost smallest.
Two sequences sharing a run of at least K + WINDOW - 1 tokens are then guaranteed to share a
fingerprint, and a run shorter than K never makes them share one (noise such as ``return V`` is
ignored).
"""

import hashlib
from collections.abc import Sequence

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
        span = range(start, min(start + window, len(hashes)))
        smallest = min(hashes[j] for j in span)
        if last >= start and hashes[last] == smallest:
            continue
        last = max(j for j in span if hashes[j] == smallest)
        chosen.append((smallest, last))
    return chosen


def fingerprints(tokens: Sequence[str], k: int = K, window: int = WINDOW) -> list[tuple[int, int]]:
    """The winnowed fingerprints (hash, index in ``tokens`` of its k-gram's first token)."""
    return winnow(kgram_hashes(tokens, k), window)
