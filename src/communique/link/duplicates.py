"""Near-duplicates: reposts and lightly edited copies of one article.

A repost or a lightly edited copy shares most of its word sequences with the original, so MinHash
over word 5-shingles finds it in near-linear time; each candidate pair is then checked on the exact
Jaccard similarity of its shingle sets.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Sequence

import numpy as np

from .documents import WORD, LinkDoc, sorted_unique

DUPLICATE_THRESHOLD = 0.8  # least Jaccard similarity of the shingle sets of a near-duplicate pair
NUM_PERM = 128  # MinHash permutations
SHINGLE_WORDS = 5  # words per shingle for near-duplicates: sequences, not topics
# LSH (false-positive, false-negative) weights. Candidates are checked on exact Jaccard, so a false
# positive costs one set intersection and a miss loses a pair: at the default threshold 0.8 and
# 128 permutations this finds a pair at Jaccard 0.8 with p = 0.95 (p = 0.40 at equal weights).
LSH_WEIGHTS = (0.05, 0.95)
# Texts whose shingles and keys are kept: a store's new articles of a batch or two.
CACHED_TEXTS = 512


def near_duplicates(
    docs: Sequence[LinkDoc], *, threshold: float = DUPLICATE_THRESHOLD, num_perm: int = NUM_PERM
) -> list[tuple[str, str]]:
    """Return the pairs of ids whose texts are reposts or lightly edited copies of each other.

    MinHash LSH over word 5-shingles proposes candidate pairs without comparing every pair: two
    documents are candidates when they share a band key (:func:`signature`). Each candidate is
    then checked on the exact Jaccard similarity of its two shingle sets, so hashing may miss a
    borderline pair but never invents one. The hash seed is fixed: same input, same pairs. The
    same pairs come out of :func:`duplicate_pairs` when the documents arrive one batch at a time.

    Args:
        docs: the documents; ids must be unique.
        threshold: the least Jaccard similarity of two shingle sets that makes a pair.
        num_perm: MinHash permutations; more find more borderline pairs, slower.

    Returns:
        Pairs ``(a, b)`` with ``a < b``, sorted.
    """
    return duplicate_pairs(docs, (), threshold=threshold, num_perm=num_perm)


def signature(
    text: str, *, threshold: float = DUPLICATE_THRESHOLD, num_perm: int = NUM_PERM
) -> tuple[int, ...]:
    """The LSH band keys of a text: a store finds its near-duplicate candidates by these.

    The MinHash (``num_perm`` permutations, datasketch's fixed seed) of the text's word
    5-shingles is cut into bands of rows, as many as datasketch's ``MinHashLSH`` would choose for
    this threshold and :data:`LSH_WEIGHTS` (16 bands of 8 rows at the defaults); each band is
    hashed with its number (BLAKE2b, 8 bytes) into a signed 64-bit integer, a database
    ``BIGINT``. Two texts are candidates when they share at least one key; one key per band,
    in band order, so the tuple is the same length for every text with words. A text without
    words has no key and is nobody's duplicate.
    """
    return _keys(text, threshold, num_perm)[1]


def duplicate_pairs(
    new: Sequence[LinkDoc],
    candidates: Sequence[LinkDoc],
    *,
    threshold: float = DUPLICATE_THRESHOLD,
    num_perm: int = NUM_PERM,
) -> list[tuple[str, str]]:
    """The near-duplicate pairs that a batch of new documents adds to the stored ones.

    ``candidates`` are stored documents that share a :func:`signature` key with a new one (a
    store finds them by its index of keys); any others passed are harmless. A pair is reported
    when at least one of its documents is new, the two share a band key and the Jaccard
    similarity of their shingle sets reaches ``threshold``: exactly the test of
    :func:`near_duplicates`, so adding documents in batches, each with its candidates, finds
    the same pairs as one run over all of them.

    Args:
        new: the documents being added.
        candidates: stored documents; no id may repeat across both.
        threshold: the least Jaccard similarity of two shingle sets that makes a pair.
        num_perm: MinHash permutations (as for :func:`signature`).

    Returns:
        Pairs ``(a, b)`` with ``a < b``, sorted.
    """
    fresh = {item.id for item in new}
    ordered = sorted_unique([*new, *candidates])
    shingles: dict[str, frozenset[str]] = {}
    buckets: dict[int, list[str]] = {}
    for item in ordered:
        shingles[item.id], keys = _keys(item.text, threshold, num_perm)
        for key in keys:
            buckets.setdefault(key, []).append(item.id)
    proposed = {
        pair
        for ids in buckets.values()
        for pair in itertools.combinations(ids, 2)
        if pair[0] in fresh or pair[1] in fresh
    }
    return sorted((a, b) for a, b in proposed if _jaccard(shingles[a], shingles[b]) >= threshold)


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _keys(text: str, threshold: float, num_perm: int) -> tuple[frozenset[str], tuple[int, ...]]:
    """A text's shingles and band keys, cached.

    A store asks :func:`signature` for a new article's keys and :func:`duplicate_pairs` for its
    pairs right after, and MinHash is the cost of both.
    """
    shingles = _shingles(text)
    return shingles, _band_keys(shingles, threshold, num_perm)


@functools.cache
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band: datasketch's choice for the threshold and LSH_WEIGHTS."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, *LSH_WEIGHTS)


def _band_keys(shingles: frozenset[str], threshold: float, num_perm: int) -> tuple[int, ...]:
    """One signed 64-bit key per band of the shingles' MinHash; none without shingles."""
    if not shingles:
        return ()
    from datasketch import MinHash

    minhash = MinHash(num_perm=num_perm)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    values = np.asarray(minhash.hashvalues, dtype="<u8")
    bands, rows = _bands(threshold, num_perm)
    return tuple(
        int.from_bytes(
            hashlib.blake2b(
                band.to_bytes(2, "little") + values[band * rows : (band + 1) * rows].tobytes(),
                digest_size=8,
            ).digest(),
            "little",
            signed=True,
        )
        for band in range(bands)
    )


def _shingles(text: str) -> frozenset[str]:
    """The word 5-shingles of a text, case-folded; a shorter text is one shingle."""
    words = WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset({" ".join(words)} if words else ())
    count = len(words) - SHINGLE_WORDS + 1
    return frozenset(" ".join(words[i : i + SHINGLE_WORDS]) for i in range(count))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
