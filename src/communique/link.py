"""Stage 6, link: near-duplicate reposts, and story clusters of articles on the same happening.

Two questions, two tools. A repost or a lightly edited copy shares most of its word sequences with
the original, so MinHash over word 5-shingles finds it in near-linear time. Two reports of the same
meeting by different outlets share few sequences (ECB+ gold: 0.8% of same-event pairs reach
Jaccard 0.5 over 3-shingles) but share its rare words: who, where, what was signed. So story
clusters come from TF-IDF cosine similarity, average-link clustered, with publication dates as a
hard window and shared actor codes as a small bonus.

Each document is seen three ways, each TF-IDF weighted and L2-normalised, then concatenated and
normalised again: the whole text; its lead (headline and opening sentences, where a news report
says what happened); and its names (capitalised words not opening a sentence: people, places,
organisations, which tell one happening from another of the same kind). IDF is counted as if the
batch came with a background of empty documents, so a word found in every document of a small
batch keeps some weight. Without it the best threshold moved with the batch: 0.12 within one
23-document ECB+ topic, 0.20-0.24 over the 982-document corpus; with it, 0.20-0.24 serves both.

Everything here is a pure function of its input: no I/O, no database, no randomness. Documents
are sorted by id before anything else, so the output does not depend on their order.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np

from .extract.confidence import corroborated
from .model import Event, Span, Story

# scikit-learn, SciPy and datasketch take seconds to import: loaded by the functions that cluster,
# so that storing and reading articles (which merge events only) start without them.
if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["LinkDoc", "merge_events", "near_duplicates", "story_clusters"]

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

SHINGLE_WORDS = 5  # words per shingle for near-duplicates: sequences, not topics
# LSH (false-positive, false-negative) weights. Candidates are checked on exact Jaccard, so a false
# positive costs one set intersection and a miss loses a pair: at the default threshold 0.8 and
# 128 permutations this finds a pair at Jaccard 0.8 with p = 0.95 (p = 0.40 at equal weights).
LSH_WEIGHTS = (0.05, 0.95)

_WORD = re.compile(r"\w+(?:['’]\w+)*")
# A token opens a sentence when it starts a line, follows sentence punctuation, or opens a quote.
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’»)\]]*$")
_OPENING = re.compile(r"^[\"“‘'«(\[`]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkDoc:
    """One article as the link stage sees it: its id, its text, its date and its actors.

    ``codes`` are the resolved actor codes (states, IGOs) the article mentions; empty when the
    actor layer found none, which counts as no evidence either way.
    """

    id: str
    text: str
    published: date | None
    codes: frozenset[str] = frozenset()


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

    ordered = _sorted_unique(docs)
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

    ordered = _sorted_unique(docs)
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


def _sorted_unique(docs: Sequence[LinkDoc]) -> list[LinkDoc]:
    """The documents sorted by id; a repeated id is an error, as it would make the output vary."""
    ordered = sorted(docs, key=lambda item: item.id)
    for before, after in itertools.pairwise(ordered):
        if before.id == after.id:
            raise ValueError(f"duplicate document id {before.id!r}")
    return ordered


def _shingles(text: str) -> set[str]:
    """The word 5-shingles of a text, case-folded; a shorter text is one shingle."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _lead(text: str) -> str:
    """The first words of a text: the headline and opening sentences of a news report."""
    return " ".join(m.group(0) for m in itertools.islice(_WORD.finditer(text), LEAD_WORDS))


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


def _similarity(docs: list[LinkDoc]) -> sparse.csr_matrix:
    """Pairwise similarity: cosine over the three views, plus the shared-actor bonus."""
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
    similarity = (vectors @ vectors.T).tocsr()
    codes = sorted({code for item in docs for code in item.codes})
    if not codes:
        return similarity
    column = {code: k for k, code in enumerate(codes)}
    rows = [i for i, item in enumerate(docs) for _ in item.codes]
    cols = [column[code] for item in docs for code in sorted(item.codes)]
    has = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(docs), len(codes)))
    shared = (has @ has.T).tocoo()
    sizes = np.asarray(has.sum(axis=1)).ravel()
    union = sizes[shared.row] + sizes[shared.col] - shared.data
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


# Cross-source merge: how far apart two sources' dates for one happening may be. A report dated
# on the eve or the morrow of its news ("a meeting is taking place", published the day before
# the ministry's transcript) is the same happening; checked on ../shared/seeds (issue 5).
_SAME_DAY_SLACK = timedelta(days=1)
_PUBLICATION_SLACK = timedelta(days=2)


def merge_events(reports: Sequence[tuple[str, Event]]) -> list[Story]:
    """Group events from different articles that report the same happening.

    Two reports are one happening when they have the same PLOVER type and sides (for CONSULT
    the set of participants; for a visit also its host), the same negation, and dates at most
    a day apart (two when one date only stands in for its article's). Grouping is transitive
    and computed over the reports sorted by doc, so the result does not depend on their order.
    The reconciled date is the one stated in the text by the most sources at the finest
    precision; every source whose date differs is kept as a disagreement. The merged event's
    confidence grows with its sources (``extract.confidence.corroborated``).
    """
    items = sorted(reports, key=lambda r: (r[0], _sort_key(r[1])))
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(items)), 2):
        if items[i][0] != items[j][0] and _same_happening(items[i][1], items[j][1]):
            parent[find(j)] = find(i)
    groups: dict[int, list[tuple[str, Event]]] = {}
    for index, item in enumerate(items):
        groups.setdefault(find(index), []).append(item)
    stories = [_story(members) for members in groups.values()]
    return sorted(stories, key=lambda s: (s.when.start if s.when else date.max, s.id))


def _sort_key(event: Event) -> tuple:
    first = event.evidence[0].start if event.evidence else 0
    return (event.when.start if event.when else date.max, event.event, first)


def _sides(event: Event) -> frozenset[str]:
    if event.event == "CONSULT":
        return frozenset(event.actor + event.recipient)
    return frozenset(event.actor)


def _same_happening(a: Event, b: Event) -> bool:
    if a.event != b.event or a.negated != b.negated or _sides(a) != _sides(b) or not _sides(a):
        return False
    if a.mode == b.mode == "visit" and a.recipient != b.recipient:
        return False
    if a.when is None or b.when is None:
        return False
    slack = (
        _PUBLICATION_SLACK
        if a.when.from_publication or b.when.from_publication
        else (_SAME_DAY_SLACK)
    )
    return a.when.start <= b.when.end + slack and b.when.start <= a.when.end + slack


def _story(members: list[tuple[str, Event]]) -> Story:
    events = [event for _doc, event in members]
    lead = max(events, key=lambda e: (e.mode == "visit", e.place is not None, len(e.evidence)))
    when = _reconciled([e.when for e in events if e.when is not None])
    disagreements = tuple(
        (doc, _iso(event.when))
        for doc, event in members
        if when is not None
        and event.when is not None
        and event.when.precision == "day"
        and (event.when.start, event.when.end) != (when.start, when.end)
    )
    places = Counter(e.place for e in events if e.place)
    place = places.most_common(1)[0][0] if places else lead.place
    code = next((e.place_code for e in events if e.place == place), lead.place_code)
    modes = Counter(e.mode for e in events if e.mode)
    merged = Event(
        event=lead.event,
        mode=modes.most_common(1)[0][0] if modes else None,
        context=lead.context,
        actor=lead.actor,
        recipient=lead.recipient,
        people=tuple(dict.fromkeys(p for e in events for p in e.people)),
        when=when,
        place=place,
        place_code=code,
        negated=lead.negated,
        tense=lead.tense,
        actor_text=lead.actor_text,
        evidence=tuple(ev for e in events for ev in e.evidence),
        confidence=corroborated((doc, event.confidence) for doc, event in members),
    )
    # The sides are part of the key: two events of one type in one sentence are two stories.
    key = "|".join(
        f"{doc}:{_sort_key(e)}:{'+'.join(e.who)}>{'+'.join(e.recipient)}" for doc, e in members
    )
    return Story(
        id="evt-" + hashlib.sha1(key.encode()).hexdigest()[:12],
        event=merged,
        when=when,
        reports=tuple(members),
        disagreements=disagreements,
    )


def _reconciled(spans: list[Span]) -> Span | None:
    """The date most sources state, at the finest precision the text gives."""
    stated = [s for s in spans if not s.from_publication] or spans
    if not stated:
        return None
    order = {"day": 0, "month": 1, "year": 2}
    finest = min(order[s.precision] for s in stated)
    votes = Counter((s.start, s.end) for s in stated if order[s.precision] == finest)
    (start, end), _n = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    return next(s for s in stated if (s.start, s.end) == (start, end))


def _iso(span: Span) -> str:
    if span.start == span.end:
        return span.start.isoformat()
    return f"{span.start.isoformat()}/{span.end.isoformat()}"
