"""k-gram winnowing: the paper's worked example, its guarantee and its noise threshold."""

import hashlib
import random

from autograder.similarity.fingerprint import WINDOW, K, fingerprints, kgram_hashes, winnow


def test_winnowing_picks_the_papers_fingerprints():
    """Schleimer, Wilkerson and Aiken (2003), figure 2: hashes of 5-grams, windows of 4."""
    hashes = [77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 74, 42, 17, 98]
    assert winnow(hashes, 4) == [(17, 3), (17, 6), (8, 8), (39, 11), (17, 15)]


def test_short_sequences_keep_their_smallest_hash_and_empty_ones_nothing():
    assert winnow([9, 4, 7], 4) == [(4, 1)]
    assert winnow([5, 3, 3], 4) == [(3, 2)]
    assert winnow([], 4) == []
    assert kgram_hashes(list("abcd"), 5) == []


def test_kgram_hashes_are_stable_64_bit_hashes_of_each_kgram():
    tokens = ["V", "=", "np", ".", "dot", "(", "V"]
    hashes = kgram_hashes(tokens, 5)
    assert len(hashes) == 3
    expected = int.from_bytes(hashlib.blake2b(b"=\x1fnp\x1f.\x1fdot\x1f(", digest_size=8).digest(), "big")
    assert hashes[1] == expected
    assert len(set(hashes)) == 3


def test_a_shared_run_of_k_plus_window_minus_one_tokens_always_shares_a_fingerprint():
    rng = random.Random(7)
    vocabulary = [f"t{i}" for i in range(40)]
    for _ in range(200):
        run = [rng.choice(vocabulary) for _ in range(K + WINDOW - 1)]
        a = [rng.choice(vocabulary) for _ in range(rng.randrange(0, 30))] + run + [rng.choice(vocabulary)
                                                                                  for _ in range(rng.randrange(0, 30))]
        b = [rng.choice(vocabulary) for _ in range(rng.randrange(0, 30))] + run
        assert {h for h, _ in fingerprints(a)} & {h for h, _ in fingerprints(b)}


def test_runs_shorter_than_k_share_nothing():
    a = ["a", "b", "c", "d", "x1", "x2", "x3", "x4", "x5"]
    b = ["a", "b", "c", "d", "y1", "y2", "y3", "y4", "y5"]
    assert not {h for h, _ in fingerprints(a)} & {h for h, _ in fingerprints(b)}
    assert all(0 <= i <= len(a) - K for _, i in fingerprints(a))
