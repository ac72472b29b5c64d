"""Translations: a release in one language and its version in another, recognised as one pair.

Ministries and state agencies publish in Russian first and in English later, often shorter.
The two texts share almost no words, so neither near-copy keys nor TF-IDF story clusters see
them; a multilingual sentence encoder does (``communique.embeddings``): a sentence and its
translation land close together whatever the language. Two articles are twins when

- their languages differ (both known) and they were published at most a day apart;
- they come from one source: the same publisher, web host or source group (the folder or feed
  they were read from), as a ministry's Russian and English pages do;
- the actor codes each mentions overlap, where both have any (an article whose actors nobody
  resolved yet, a Russian one before the Russian stage, is no evidence either way);
- the vectors of their leads are close (:data:`TWIN_MIN_SIMILARITY`), and each is the other's
  closest such candidate (one twin per article).

Twins report the same happenings, but the language stages may read them differently: an event
coded from one text and not the other is carried over (:func:`carry_over`) to the sentence of
the other text that says the same (the closest sentence by the encoder), so that each event of
the pair is one story with both articles as sources, through the ordinary merge of
``link.events``. Everything here is a pure function of its input; the store computes the
vectors (``store.translations``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ..model import Event, Evidence
from .events import happening_key, merge_events

__all__ = [
    "ALIGN_MIN_SIMILARITY",
    "LEAD_SENTENCES",
    "TWIN_MAX_DAYS",
    "TWIN_MIN_SIMILARITY",
    "Twin",
    "TwinDoc",
    "align",
    "candidate_pairs",
    "carry_over",
    "could_be_twins",
    "document_vector",
    "find_twins",
    "lead",
    "sentence_spans",
    "unmatched",
]

# How these were chosen: on ../shared/gold-ru (8 Russian articles, 4 English twins), the lead
# vectors of every Russian x English pair. Twins scored 0.90-0.95; the closest pair that is not
# one scored 0.74 (two articles on Belarusian-Russian relations, years apart), the others
# 0.2-0.7. The threshold sits in the middle of that gap; the date and source conditions, not
# the threshold, keep apart two outlets' reports of one happening.
TWIN_MIN_SIMILARITY = 0.82
# A translation appears the same day or the next (the English page of a late release).
TWIN_MAX_DAYS = 1
# Sentences of the lead: the headline and the opening, where a release says what happened and
# its shorter translation still follows it. On gold-ru, 8 separated twins from the rest better
# than 4 (twins 0.88-0.92, others up to 0.74) or the whole text (twins 0.92-0.94, others up to
# 0.82).
LEAD_SENTENCES = 8
# A sentence of the lead has at least this many words of letters: date lines and menu items
# do not count.
LEAD_MIN_WORDS = 4
_LETTERS = re.compile(r"[^\W\d_]+")
# Least cosine of two sentences of twins aligned as translations of each other, for an event
# stated by one to be carried over to the other. On the gold-ru twins, the evidence sentences
# of the English events met their Russian translation at 0.74-0.89 and the next closest Russian
# sentence at 0.28-0.63: the threshold sits between the two.
ALIGN_MIN_SIMILARITY = 0.68

# Where a sentence ends: after . ! ? … (and any closing quotes or brackets), before whitespace
# and a capital letter, digit or opening quote; or at a line break. "С.В.Лавров" and "1.5"
# have no space after the point and stay whole.
_BREAK = re.compile(r"(?<=[.!?…])([\"'»”’)]*)\s+(?=[\"'«“„(—–-]*[^\W_a-zа-яё])|(\s*\n\s*)")


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class TwinDoc:
    """An article as twin detection sees it.

    ``sources`` are the names of where it came from (publisher, web host, source group; a pair
    must share one); ``codes`` the actor codes it mentions; ``vector`` its lead's vector
    (:func:`document_vector`), None when not computed.
    """

    id: str
    language: str | None
    published: date | None
    sources: frozenset[str]
    codes: frozenset[str] = frozenset()
    vector: np.ndarray | None = None


@dataclass(frozen=True, slots=True)
class Twin:
    """Two articles recognised as versions of one release, ``a < b``, and their similarity."""

    a: str
    b: str
    score: float


def could_be_twins(one: TwinDoc, other: TwinDoc) -> bool:
    """Whether two articles pass every condition of a pair but the vectors' similarity.

    Cheap, so that vectors are computed (and the encoder loaded) only for such candidates.
    """
    if not one.language or not other.language or one.language == other.language:
        return False
    if one.published is None or other.published is None:
        return False
    if abs((one.published - other.published).days) > TWIN_MAX_DAYS:
        return False
    if not one.sources & other.sources:
        return False
    return not (one.codes and other.codes and not one.codes & other.codes)


def candidate_pairs(
    new: Sequence[TwinDoc], stored: Sequence[TwinDoc]
) -> list[tuple[TwinDoc, TwinDoc]]:
    """The pairs among ``new`` and between ``new`` and ``stored`` that :func:`could_be_twins`.

    Each article is compared with those published within :data:`TWIN_MAX_DAYS` of it only
    (looked up by day), so a batch costs its size times the articles of a few days.
    """
    by_day: dict[date, list[TwinDoc]] = {}
    for doc in [*new, *stored]:
        if doc.published is not None:
            by_day.setdefault(doc.published, []).append(doc)
    fresh = {doc.id for doc in new}
    pairs = []
    for one in sorted(new, key=lambda doc: doc.id):
        if one.published is None:
            continue
        for shift in range(-TWIN_MAX_DAYS, TWIN_MAX_DAYS + 1):
            for other in by_day.get(one.published + timedelta(days=shift), ()):
                if other.id in fresh and other.id <= one.id:
                    continue  # each pair of new articles once
                if could_be_twins(one, other):
                    pairs.append((one, other))
    return pairs


def find_twins(
    new: Sequence[TwinDoc], stored: Sequence[TwinDoc], taken: frozenset[str] = frozenset()
) -> list[Twin]:
    """The pairs among ``new`` and between ``new`` and ``stored``, best first.

    A pair passes :func:`could_be_twins`, has both vectors, scores at least
    :data:`TWIN_MIN_SIMILARITY`, and neither article has a better pair (nor one in ``taken``,
    the articles already paired in the store). The result does not depend on the order of the
    input: ties go by id.
    """
    candidates: list[Twin] = []
    everyone = sorted({doc.id: doc for doc in [*stored, *new]}.values(), key=lambda d: d.id)
    fresh = {doc.id for doc in new}
    for index, one in enumerate(everyone):
        for other in everyone[index + 1 :]:
            if one.id not in fresh and other.id not in fresh:
                continue
            if one.vector is None or other.vector is None or not could_be_twins(one, other):
                continue
            score = float(np.dot(one.vector, other.vector))
            if score >= TWIN_MIN_SIMILARITY:
                candidates.append(Twin(one.id, other.id, round(score, 4)))
    paired = set(taken)
    found = []
    for twin in sorted(candidates, key=lambda t: (-t.score, t.a, t.b)):
        if twin.a not in paired and twin.b not in paired:
            paired.update((twin.a, twin.b))
            found.append(twin)
    return found


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a text as ``(start, end)`` offsets, without surrounding whitespace.

    Language-neutral and rough (an abbreviation before a capital splits), which is enough to
    compare sentences across languages.
    """
    spans = []
    start = 0
    for found in _BREAK.finditer(text):
        end = found.end(1) if found.group(1) is not None else found.start()
        spans.append((start, end))
        start = found.end()
    spans.append((start, len(text)))
    trimmed = []
    for low, high in spans:
        piece = text[low:high]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            trimmed.append((low + left, low + right))
    return trimmed


def lead(text: str) -> list[str]:
    """The sentences a document's vector is made of: its first :data:`LEAD_SENTENCES` of note."""
    sentences = (text[start:end] for start, end in sentence_spans(text))
    return [s for s in sentences if len(_LETTERS.findall(s)) >= LEAD_MIN_WORDS][:LEAD_SENTENCES]


def document_vector(sentence_vectors: np.ndarray) -> np.ndarray | None:
    """The unit-length mean of a lead's sentence vectors (None for a lead without sentences)."""
    if len(sentence_vectors) == 0:
        return None
    mean = np.asarray(sentence_vectors, dtype=np.float32).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else None


def unmatched(source: Sequence[Event], target: Sequence[Event]) -> list[int]:
    """The indices of ``source`` events that merge with no ``target`` event but could merge.

    Merged as ``link.events.merge_events`` merges across articles: the events a story of both
    texts already holds need nothing carried over. An event without a date or a coded side
    (no ``happening_key``) merges with nothing, so carrying it over would only make a second
    story of one happening: it is left out.
    """
    reports = [("source", event) for event in source] + [("target", e) for e in target]
    alone = {
        id(event)
        for story in merge_events(reports)
        if story.sources == ("source",)
        for _doc, event in story.reports
    }
    return [
        index
        for index, event in enumerate(source)
        if id(event) in alone and happening_key(event) is not None
    ]


def align(similarity: np.ndarray) -> dict[int, tuple[int, float]]:
    """Sentences of one text paired one-to-one with the other's: row -> (column, cosine).

    ``similarity`` holds the cosine of every sentence of one text (rows) with every sentence of
    the other (columns). Pairs are taken best first, each sentence at most once, down to
    :data:`ALIGN_MIN_SIMILARITY`: a translation renders sentence by sentence, so a sentence
    that best matches a headline already taken by its own translation goes to the next.
    """
    rows, columns = np.nonzero(similarity >= ALIGN_MIN_SIMILARITY)
    order = sorted(
        zip(rows.tolist(), columns.tolist(), strict=True),
        key=lambda rc: (-float(similarity[rc]), rc),
    )
    pairs: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for row, column in order:
        if row not in pairs and column not in used:
            pairs[row] = (column, float(similarity[row, column]))
            used.add(column)
    return pairs


def carry_over(
    event: Event,
    source: Sequence[tuple[int, int]],
    pairs: dict[int, tuple[int, float]],
    target: Sequence[tuple[int, int]],
    text: str,
) -> Event | None:
    """The event as the twin states it, or None when no sentence of the twin says it.

    ``source`` and ``target`` are the sentences (offsets) of the event's text and of the twin's
    ``text``; ``pairs`` their alignment (:func:`align`). Each evidence sentence is the source
    sentence it overlaps most; where that one is aligned, the twin's sentence is evidence. The
    event keeps its type, sides, date and place (the twin reports the same happening); its
    confidence is scaled by the weakest alignment used, as the twin's sentence supports it only
    as far as it says the same.
    """
    chosen: dict[int, float] = {}
    for evidence in event.evidence:
        overlaps = [min(end, evidence.end) - max(start, evidence.start) for start, end in source]
        if not overlaps or max(overlaps) <= 0:
            continue
        row = int(np.argmax(overlaps))
        if row in pairs:
            column, score = pairs[row]
            chosen[column] = max(score, chosen.get(column, 0.0))
    if not chosen:
        return None
    evidence = tuple(
        Evidence(start=start, end=end, sentence=text[start:end])
        for start, end in (target[i] for i in sorted(chosen))
    )
    weakest = min(chosen.values())
    return dataclasses.replace(
        event, evidence=evidence, confidence=round(event.confidence * min(1.0, weakest), 4)
    )
