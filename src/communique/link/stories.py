"""Story clusters: articles that report the same happening, in other words.

Two reports of the same meeting by different outlets share few word sequences (ECB+ gold: 0.8% of
same-event pairs reach Jaccard 0.5 over 3-shingles) but share its rare words: who, where, what
was signed. So story clusters come from TF-IDF cosine similarity, average-link clustered, with
publication dates as a hard window and shared actor codes as a small bonus.

Each document is seen three ways, each TF-IDF weighted and L2-normalised, then concatenated and
normalised again: the whole text; its lead (headline and opening sentences, where a news report
says what happened); and its names (capitalised words not opening a sentence: people, places,
organisations, which tell one happening from another of the same kind). IDF is counted as if the
batch came with a background of empty documents, so a word found in every document of a small
batch keeps some weight. Without it the best threshold moved with the batch: 0.12 within one
23-document ECB+ topic, 0.20-0.24 over the 982-document corpus; with it, 0.20-0.24 serves both.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .documents import WORD, LinkDoc, sorted_unique

# scikit-learn and SciPy take seconds to import: loaded by the functions that cluster, so that
# storing and reading articles (which merge events only) start without them.
if TYPE_CHECKING:
    from scipy import sparse

# Story-cluster constants, tuned on ECB+ (../shared/gold-clustering/ecbplus, 43 topics x 2 events)
# as hyper-parameters only; rerun ``python benchmarks/clustering.py --shared ../shared`` after
# changing any of them. Grid: lead 40/60/100 words, view weights 0.7/1/1.5, background
# 300/1000/3000, cut 0.16-0.26, chosen on odd-numbered topics and checked on even ones. Every
# setting scored B-cubed F1 0.85-0.92, so these are round middle values, not a peak. They also
# hold within single ECB+ topics (23 documents, two events of one kind each).
STORY_THRESHOLD = 0.20  # least average similarity of two groups that merge
LEAD_WORDS = 60  # words of the lead view: a headline and the first two or three sentences
LEAD_WEIGHT = 1.0  # weight of the lead view beside the whole text (weight 1.0)
NAME_WEIGHT = 1.0  # weight of the names view beside the whole text
BACKGROUND_DOCS = 1000  # empty documents assumed beside the batch when counting IDF
# Not tuned: ECB+ has neither publication dates nor actor codes. Reports of one happening come out
# over a few days (preview, the day, reactions); a week keeps those and splits a monthly meeting.
STORY_MAX_DAYS = 7
# Not tuned, for the same reason: at most a quarter of the threshold, so shared actors tip a
# borderline pair over it but never link two texts that have little else in common.
CODE_BONUS = 0.05
# The weights of the three views: the whole text, the lead, the names.
_WEIGHTS = (1.0, LEAD_WEIGHT, NAME_WEIGHT)
# Texts whose analysed words are kept for the next call: a batch clustered again (the tuning
# grid of ``benchmarks/clustering.py``). A store keeps its articles' views (:func:`pack_views`).
CACHED_TEXTS = 4096

# scikit-learn's default token pattern: two or more word characters.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
STOP_WORDS = Path(__file__).resolve().parent.parent / "data" / "link" / "stop-words.txt"
# A token opens a sentence when it starts a line, follows sentence punctuation, or opens a quote.
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’»)\]]*$")
_OPENING = re.compile(r"^[\"“‘'«(\[`]+")


def story_clusters(
    docs: Sequence[LinkDoc],
    *,
    threshold: float = STORY_THRESHOLD,
    max_days: int = STORY_MAX_DAYS,
) -> list[list[str]]:
    """Group the documents that report the same happening; every document is in one group.

    Average link rather than single link: single link joins two stories as soon as one pair of
    their articles looks alike (a roundup that mentions both), average link only when the articles
    look alike on the whole. Two documents whose dates are both known and more than ``max_days``
    apart never share a group. Groups that could merge are found first as connected components of
    the pairs at or above ``threshold`` (average link never merges across them), so the quadratic
    step runs per component, not over the whole batch.

    Args:
        docs: the documents; ids must be unique. Order does not matter.
        threshold: the least average similarity between two groups for them to merge.
        max_days: the most days between the publication dates of two documents in one group.

    Returns:
        The groups, singletons included, each sorted by id, sorted by their first id.
    """
    from scipy import sparse
    from scipy.sparse import csgraph

    ordered = sorted_unique(docs)
    if not ordered:
        return []
    similarity = _similarity(ordered)
    days = _days(ordered)
    upper = sparse.triu(similarity, k=1).tocoo()
    strong = upper.data >= threshold
    rows, cols = upper.row[strong], upper.col[strong]
    near = ~(np.abs(days[rows] - days[cols]) > max_days)  # NaN (no date) compares False
    graph = sparse.coo_matrix(
        (np.ones(int(near.sum())), (rows[near], cols[near])), shape=similarity.shape
    )
    _count, component = csgraph.connected_components(graph, directed=False)
    groups: list[list[str]] = []
    for label in sorted(set(component.tolist())):
        members = np.flatnonzero(component == label).tolist()
        groups.extend(_average_link(ordered, members, similarity, days, threshold, max_days))
    return sorted(sorted(group) for group in groups)


def assign_stories(
    new: Sequence[LinkDoc],
    candidates: Sequence[tuple[LinkDoc, str]],
    *,
    threshold: float = STORY_THRESHOLD,
    max_days: int = STORY_MAX_DAYS,
) -> dict[str, str]:
    """Put each new document in a stored story, or in a story of its own: online clustering.

    :func:`story_clusters` regroups a whole batch, which a store cannot redo for every article.
    Here the stored documents keep their stories; each new document, one after the other (by
    publication date, undated last, then by id), joins the story whose documents are on average
    most similar to it, if that average reaches ``threshold`` and no document of the story is
    dated more than ``max_days`` from it; otherwise it opens a story of its own, whose id is
    ``"sty-"`` and the first 12 hex digits of the SHA-1 of its id. A new document can join a
    story another new document of the batch opened or joined before it. Similarity is that of
    :func:`story_clusters` (three TF-IDF views and the shared-actor bonus), with IDF counted over
    the new and candidate documents and the same background, so it is the same function of the
    documents given. On ECB+, fed by id, one or ten documents at a time, with every earlier document
    as candidate, it scores B-cubed F1 0.85-0.86 where the batch scores 0.89: a document cannot
    bridge two stories formed before it, as average link would (``benchmarks/clustering.py``).

    Args:
        new: the documents to place; ids must be unique and not among the candidates.
        candidates: stored documents with their story ids: those published within ``max_days``
            of a new document (and the undated). Passing every member of a candidate story
            makes the date window hold for the whole story, as it does in the batch.
        threshold: the least average similarity between a document and a story it joins.
        max_days: the most days between the publication dates of a document and any document
            of the story it joins.

    Returns:
        The story id of each new document.
    """
    fresh = sorted(
        sorted_unique(new),
        key=lambda item: (item.published is None, item.published or date.min, item.id),
    )
    if not fresh:
        return {}
    stored = sorted(candidates, key=lambda pair: pair[0].id)
    everyone = [*fresh, *(item for item, _story in stored)]
    sorted_unique(everyone)  # raises on a repeated id
    similarity = _similarity_of(everyone, len(fresh))
    days = _days(everyone)
    # Stories by number (sorted by id, so ties go to the smallest id), and each document's.
    names = sorted({story for _item, story in stored})
    number = {story: k for k, story in enumerate(names)}
    label = np.full(len(everyone), -1)
    label[len(fresh) :] = [number[story] for _item, story in stored]
    found: dict[str, str] = {}
    for i, item in enumerate(fresh):
        placed = label >= 0
        groups = label[placed]
        count = np.bincount(groups, minlength=len(names))
        total = np.bincount(groups, weights=similarity[i][placed], minlength=len(names))
        apart = np.abs(days[placed] - days[i]) > max_days  # NaN (no date) compares False
        far = np.bincount(groups, weights=apart.astype(float), minlength=len(names))
        average = np.where((count > 0) & (far == 0), total / np.maximum(count, 1), -np.inf)
        best = int(np.argmax(average)) if len(names) else -1
        if best >= 0 and average[best] >= threshold:
            story = names[best]
        else:
            story = "sty-" + hashlib.sha1(item.id.encode()).hexdigest()[:12]
            number[story] = len(names)
            names.append(story)
        label[i] = number[story]
        found[item.id] = story
    return found


def _lead(text: str) -> str:
    """The first words of a text: the headline and opening sentences of a news report."""
    return " ".join(m.group(0) for m in itertools.islice(WORD.finditer(text), LEAD_WORDS))


def _names(text: str) -> str:
    """The capitalised words of a text that do not open a sentence, in order.

    A capital inside a sentence marks a name (Lavrov, Ankara, Security Council), which tells one
    meeting from another of the same kind better than the words that describe a meeting.
    """
    found = []
    for line in text.splitlines():
        opens = True
        for token in line.split():
            opens = opens or bool(_OPENING.match(token))
            word = token.strip("\"“”‘’'«»()[]`.,;:!?")
            if word[:1].isupper() and not opens:
                found.append(word)
            opens = bool(_SENTENCE_END.search(token))
    return " ".join(found)


# One view of one text: its distinct words (as 64-bit hashes, sorted) and how often each occurs.
Bag = tuple[np.ndarray, np.ndarray]
# A text's three views, whole, lead and names.
Views = tuple[Bag, Bag, Bag]
# How packed views are laid out: the three lengths, then every word hash, then every count,
# little-endian whatever the machine, as workers of a cluster share one store.
_LENGTHS, _HASHES, _COUNTS = np.dtype("<u4"), np.dtype("<i8"), np.dtype("<u4")


class Rows(NamedTuple):
    """Rows of a matrix in compressed sparse row form, ``width`` columns wide.

    Row ``i`` holds ``data[indptr[i]:indptr[i + 1]]`` in the ``columns`` of the same slice.
    """

    data: np.ndarray
    columns: np.ndarray
    indptr: np.ndarray
    width: int

    def csr(self) -> sparse.csr_matrix:
        """The rows as a SciPy matrix."""
        from scipy import sparse

        shape = (len(self.indptr) - 1, self.width)
        return sparse.csr_matrix((self.data, self.columns, self.indptr), shape=shape)


def _bag(words: list[str]) -> Bag:
    """A view's words as a bag: distinct word hashes and their counts.

    Words are hashed rather than numbered in a vocabulary, so no table of every word ever seen
    grows with the corpus; two words share a 64-bit hash with negligible odds. The hash is
    BLAKE2b's, not Python's ``hash``, which is salted per process: the order of the words, and
    with it the order in which similarities are summed, is then the same in every process and
    every run, so a worker and a single process place an article alike to the last bit.
    """
    if not words:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    hashes = np.fromiter(map(_word_hash, words), dtype=np.int64, count=len(words))
    return np.unique(hashes, return_counts=True)


@functools.lru_cache(maxsize=1 << 17)
def _word_hash(word: str) -> int:
    """A word's 64-bit hash, the same in every process (cached: the words of news recur)."""
    return int.from_bytes(
        hashlib.blake2b(word.encode(), digest_size=8).digest(), "little", signed=True
    )


def _tfidf(bags: Sequence[Bag]) -> Rows:
    """Sublinear TF-IDF rows, L2-normalised, with IDF counted against a background.

    ``idf = ln((1 + n + B) / (1 + df)) + 1`` with ``B = BACKGROUND_DOCS``: scikit-learn's smoothed
    IDF as if the batch came with B documents that contain none of its words. Built directly
    from the cached bags, in NumPy: scikit-learn's vectoriser and SciPy's sparse matrices cost
    more in checks than in arithmetic when a store places one article among a few dozen.
    """
    lengths = np.fromiter((len(keys) for keys, _n in bags), dtype=np.int64, count=len(bags))
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    if not indptr[-1]:
        return Rows(np.empty(0), np.empty(0, dtype=np.int64), indptr, 0)
    keys = np.concatenate([keys for keys, _n in bags])
    vocabulary, columns, df = np.unique(keys, return_inverse=True, return_counts=True)
    idf = np.log((1.0 + len(bags) + BACKGROUND_DOCS) / (1.0 + df)) + 1.0
    counts = np.concatenate([counts for _keys, counts in bags]).astype(np.int64)
    data = (1.0 + np.log(counts)) * idf[columns]  # sublinear term frequency
    row = np.repeat(np.arange(len(bags)), lengths)
    norm = np.sqrt(np.bincount(row, weights=data * data, minlength=len(bags)))
    data /= norm[row]  # a row with an entry has a positive norm
    return Rows(data, columns, indptr, len(vocabulary))


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _views(text: str) -> Views:
    """The bags of a text's three views (whole, lead, names), stop words out.

    Cached, as analysing the text is most of the cost of a similarity.
    """
    whole, lead, names = (_bag(_analyse(view)) for view in (text, _lead(text), _names(text)))
    return whole, lead, names


def pack_views(text: str) -> bytes:
    """A text's three views as bytes, for a store to keep beside the article.

    A store places each new article among a few dozen stored ones, and analysing their texts
    again was most of the work of placing it: at 100,000 stored articles, a dozen texts read
    and analysed per article added. Kept packed, a candidate costs a row read, and
    :func:`unpack_views` gives back the very bags :func:`_views` computes: a story is the same
    whichever way its documents came.
    """
    bags = _views(text)
    lengths = np.array([len(keys) for keys, _counts in bags], dtype=_LENGTHS)
    hashes = np.concatenate([keys for keys, _counts in bags]).astype(_HASHES)
    counts = np.concatenate([counts for _keys, counts in bags]).astype(_COUNTS)
    return lengths.tobytes() + hashes.tobytes() + counts.tobytes()


def unpack_views(data: bytes) -> Views:
    """The views :func:`pack_views` packed."""
    lengths = np.frombuffer(data, dtype=_LENGTHS, count=3)
    total = int(lengths.sum())
    start = lengths.nbytes
    hashes = np.frombuffer(data, dtype=_HASHES, count=total, offset=start).astype(np.int64)
    start += hashes.nbytes
    counts = np.frombuffer(data, dtype=_COUNTS, count=total, offset=start)
    ends = np.cumsum(lengths).tolist()
    whole, lead, names = (
        (hashes[low:high], counts[low:high]) for low, high in zip([0, *ends[:2]], ends, strict=True)
    )
    return whole, lead, names


def _analyse(text: str) -> list[str]:
    """The words of a text: lower case, two word characters or more, stop words out.

    scikit-learn's default analyser, written out so that placing an article does not import
    scikit-learn (seconds of a one-file ingest's start).
    """
    stop = _stop_words()
    return [word for word in _TOKEN.findall(text.lower()) if word not in stop]


@functools.cache
def _stop_words() -> frozenset[str]:
    """The stop words of ``data/link/stop-words.txt`` (scikit-learn's English list)."""
    lines = STOP_WORDS.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _similarity(docs: list[LinkDoc]) -> sparse.csr_matrix:
    """Similarity of every pair of documents, sparse: cosine over the views plus the actor bonus.

    The vector of a document is its three views' unit vectors, weighted and concatenated, then
    normalised again. Their cosine is computed view by view: ``sum_k w_k^2 (u_k . v_k) /
    (|u| |v|)``, where ``|u|^2`` is the sum of ``w_k^2`` over the views in which ``u`` has a word.
    """
    from scipy import sparse

    similarity = sparse.csr_matrix((len(docs), len(docs)))
    squared = np.zeros(len(docs))
    for weight, bags in zip(_WEIGHTS, zip(*map(_views_of, docs), strict=True), strict=True):
        rows = _tfidf(bags)
        vectors = rows.csr()
        similarity = similarity + weight * weight * (vectors @ vectors.T)
        squared += weight * weight * (np.diff(rows.indptr) > 0)
    inverse = _inverse(np.sqrt(squared))
    similarity = (sparse.diags(inverse) @ similarity @ sparse.diags(inverse)).tocsr()
    codes = sorted({code for item in docs for code in item.codes})
    if not codes:
        return similarity
    column = {code: k for k, code in enumerate(codes)}
    owners = [i for i, item in enumerate(docs) for _ in item.codes]
    cols = [column[code] for item in docs for code in sorted(item.codes)]
    has = sparse.csr_matrix((np.ones(len(owners)), (owners, cols)), shape=(len(docs), len(codes)))
    shared = (has @ has.T).tocoo()
    sizes = np.asarray(has.sum(axis=1)).ravel()
    union = sizes[shared.row] + sizes[shared.col] - shared.data
    bonus = sparse.csr_matrix(
        (CODE_BONUS * shared.data / union, (shared.row, shared.col)), shape=similarity.shape
    )
    return (similarity + bonus).tocsr()


def _similarity_of(docs: list[LinkDoc], chosen: int) -> np.ndarray:
    """Similarity of ``docs[:chosen]`` with every document, dense: :func:`_similarity`'s rows.

    A store places one new article at a time among a few dozen candidates, so each chosen row
    is spread into a dense vector over the batch's words and multiplied with every row's
    entries, in NumPy: the work is proportional to the words of the candidates, with no
    sparse-matrix objects to build.
    """
    similarity = np.zeros((chosen, len(docs)))
    squared = np.zeros(len(docs))
    for weight, bags in zip(_WEIGHTS, zip(*map(_views_of, docs), strict=True), strict=True):
        rows = _tfidf(bags)
        lengths = np.diff(rows.indptr)
        owner = np.repeat(np.arange(len(docs)), lengths)
        squared += weight * weight * (lengths > 0)
        for i in range(chosen):
            own = slice(rows.indptr[i], rows.indptr[i + 1])
            dense = np.zeros(rows.width)
            dense[rows.columns[own]] = rows.data[own]
            products = dense[rows.columns] * rows.data
            similarity[i] += weight * weight * np.bincount(owner, products, minlength=len(docs))
    inverse = _inverse(np.sqrt(squared))
    similarity *= inverse[:chosen, None] * inverse[None, :]
    for i, item in enumerate(docs[:chosen]):
        if not item.codes:
            continue
        for j, other in enumerate(docs):
            if shared := len(item.codes & other.codes):
                similarity[i, j] += CODE_BONUS * shared / len(item.codes | other.codes)
    return similarity


def _views_of(item: LinkDoc) -> Views:
    """A document's views: those it carries, packed by a store, or its text's."""
    return _views(item.text) if item.views is None else unpack_views(item.views)


def _inverse(values: np.ndarray) -> np.ndarray:
    """``1 / values``, and 0 where a value is 0 (a document without words is like no other)."""
    return np.divide(1.0, values, out=np.zeros_like(values), where=values > 0)


def _days(docs: list[LinkDoc]) -> np.ndarray:
    """Publication dates as day numbers, NaN where unknown (so no comparison forbids a pair)."""
    return np.array(
        [item.published.toordinal() if item.published else np.nan for item in docs], dtype=float
    )


def _average_link(
    docs: list[LinkDoc],
    members: list[int],
    similarity: sparse.csr_matrix,
    days: np.ndarray,
    threshold: float,
    max_days: int,
) -> list[list[str]]:
    """Average-link clustering of one component, cut where the average similarity < threshold.

    Pairs outside the date window get a distance so large that any group holding one averages
    above the cut, which makes the window a hard constraint inside average link.
    """
    from sklearn.cluster import AgglomerativeClustering

    ids = [docs[i].id for i in members]
    if len(members) == 1:
        return [ids]
    size = len(members)
    distance = np.clip(1.0 - similarity[members][:, members].toarray(), 0.0, None)
    when = days[members]
    # Over any cut even when averaged with every other pair of the component.
    distance[np.abs(when[:, None] - when[None, :]) > max_days] = 2.0 * size * size
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        # scikit-learn merges strictly below the cut; the nudge keeps "at or above threshold".
        distance_threshold=1.0 - threshold + 1e-12,
    ).fit_predict(distance)
    groups: dict[int, list[str]] = {}
    for label, item_id in zip(labels.tolist(), ids, strict=True):
        groups.setdefault(label, []).append(item_id)
    return list(groups.values())
