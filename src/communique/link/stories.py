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

import hashlib
import itertools
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

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
    documents given. On ECB+, fed one document at a time by id with every earlier document as
    candidate, it scores close to the batch clustering (see ``benchmarks/clustering.py``).

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
    similarity = _similarity(everyone, list(range(len(fresh)))).toarray()
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


def _tfidf(texts: list[str]) -> sparse.csr_matrix:
    """Sublinear TF-IDF rows, L2-normalised, with IDF counted against a background.

    ``idf = ln((1 + n + B) / (1 + df)) + 1`` with ``B = BACKGROUND_DOCS``: scikit-learn's smoothed
    IDF as if the batch came with B documents that contain none of its words.
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
    from sklearn.preprocessing import normalize

    analyse = CountVectorizer(stop_words=sorted(ENGLISH_STOP_WORDS)).build_analyzer()
    tokens = [analyse(text) for text in texts]
    if not any(tokens):  # CountVectorizer refuses an empty vocabulary
        return sparse.csr_matrix((len(texts), 0))
    counts = CountVectorizer(analyzer=_given, dtype=np.float64).fit_transform(tokens).tocsr()
    counts.data = 1.0 + np.log(counts.data)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1.0 + len(texts) + BACKGROUND_DOCS) / (1.0 + df)) + 1.0
    return normalize(counts @ sparse.diags(idf))


def _given(tokens: list[str]) -> list[str]:
    """The analyzer for text already split into tokens."""
    return tokens


def _similarity(docs: list[LinkDoc], rows: list[int] | None = None) -> sparse.csr_matrix:
    """Similarity of ``docs[rows]`` (all by default) with every document.

    Cosine over the three views, plus the shared-actor bonus.
    """
    from scipy import sparse
    from sklearn.preprocessing import normalize

    texts = [item.text for item in docs]
    views = sparse.hstack(
        [
            _tfidf(texts),
            LEAD_WEIGHT * _tfidf([_lead(t) for t in texts]),
            NAME_WEIGHT * _tfidf([_names(t) for t in texts]),
        ]
    )
    vectors = sparse.csr_matrix(views)
    if vectors.shape[1]:
        vectors = normalize(vectors)
    chosen = list(range(len(docs))) if rows is None else rows
    similarity = (vectors[chosen] @ vectors.T).tocsr()
    codes = sorted({code for item in docs for code in item.codes})
    if not codes:
        return similarity
    column = {code: k for k, code in enumerate(codes)}
    owners = [i for i, item in enumerate(docs) for _ in item.codes]
    cols = [column[code] for item in docs for code in sorted(item.codes)]
    has = sparse.csr_matrix((np.ones(len(owners)), (owners, cols)), shape=(len(docs), len(codes)))
    shared = (has[chosen] @ has.T).tocoo()
    sizes = np.asarray(has.sum(axis=1)).ravel()
    union = sizes[chosen][shared.row] + sizes[shared.col] - shared.data
    bonus = sparse.csr_matrix(
        (CODE_BONUS * shared.data / union, (shared.row, shared.col)), shape=similarity.shape
    )
    return (similarity + bonus).tocsr()


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
