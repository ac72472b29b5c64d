"""Near-duplicates: reposts and lightly edited copies of one article.

A repost or a lightly edited copy shares most of its word sequences with the original, so MinHash
over word 5-shingles finds it in near-linear time; each candidate pair is then checked on the exact
Jaccard similarity of its shingle sets.
"""

from __future__ import annotations

from collections.abc import Sequence

from .documents import WORD, LinkDoc, sorted_unique

SHINGLE_WORDS = 5  # words per shingle for near-duplicates: sequences, not topics
# LSH (false-positive, false-negative) weights. Candidates are checked on exact Jaccard, so a false
# positive costs one set intersection and a miss loses a pair: at the default threshold 0.8 and
# 128 permutations this finds a pair at Jaccard 0.8 with p = 0.95 (p = 0.40 at equal weights).
LSH_WEIGHTS = (0.05, 0.95)


def near_duplicates(
    docs: Sequence[LinkDoc], *, threshold: float = 0.8, num_perm: int = 128
) -> list[tuple[str, str]]:
    """Return the pairs of ids whose texts are reposts or lightly edited copies of each other.

    MinHash LSH over word 5-shingles proposes candidate pairs without comparing every pair; each
    candidate is then checked on the exact Jaccard similarity of its two shingle sets, so hashing
    may miss a borderline pair but never invents one. The hash seed is fixed: same input, same
    pairs.

    Args:
        docs: the documents; ids must be unique.
        threshold: the least Jaccard similarity of two shingle sets that makes a pair.
        num_perm: MinHash permutations; more find more borderline pairs, slower.

    Returns:
        Pairs ``(a, b)`` with ``a < b``, sorted.
    """
    from datasketch import MinHash, MinHashLSH

    ordered = sorted_unique(docs)
    shingles = {item.id: _shingles(item.text) for item in ordered}
    index = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
    hashes: dict[str, MinHash] = {}
    for item in ordered:
        if not shingles[item.id]:
            continue
        minhash = MinHash(num_perm=num_perm)
        minhash.update_batch([s.encode("utf-8") for s in sorted(shingles[item.id])])
        hashes[item.id] = minhash
        index.insert(item.id, minhash)
    pairs: set[tuple[str, str]] = set()
    for key, minhash in hashes.items():
        for other in index.query(minhash):
            if other == key:
                continue
            a, b = sorted((key, other))
            if _jaccard(shingles[a], shingles[b]) >= threshold:
                pairs.add((a, b))
    return sorted(pairs)


def _shingles(text: str) -> set[str]:
    """The word 5-shingles of a text, case-folded; a shorter text is one shingle."""
    words = WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
