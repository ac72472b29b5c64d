"""Translations in the store: twins found as articles are saved, their events merged.

When a batch is saved (``Writes.save_many``), :func:`link` looks for each article's twin, its
version in another language (``link.translations``): first by the cheap conditions alone (a
stored article in another language, published within a day, from the same source), through
``article_vectors``, whose index on (language, published) answers "an article in another
language near this day?" by an index range. Only for the articles of such candidate pairs are
lead vectors computed, once each and stored, so the encoder is loaded the first time an article
in a second language arrives, never in a store of one language.

For each pair found (``translations``, one row each way), every event one text states and the
other does not is carried over to the sentence of the other text that says the same
(``link.translations.carry_over``) and stored as an event of that article; ``twin_events``
keeps which event it came from. The ordinary merge then makes each event of the pair one
story with both articles as sources (``store.derived.restory``). When an article is analysed
again, :func:`forget` first takes out what was carried to or from it, and :func:`link`
carries it over again from the new analysis.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from urllib.parse import urlsplit

import numpy as np
from sqlalchemy import Engine, delete, or_, select
from sqlalchemy.orm import Session

from .. import embeddings
from ..link.translations import (
    TWIN_MAX_DAYS,
    Twin,
    TwinDoc,
    align,
    candidate_pairs,
    carry_over,
    document_vector,
    find_twins,
    lead,
    sentence_spans,
    unmatched,
)
from ..model import Analysis, Article, Event
from . import derived
from .engine import chunked
from .rows import to_record, to_row
from .tables import (
    ArticleRow,
    ArticleVectorRow,
    EventRow,
    EvidenceRow,
    MentionRow,
    TranslationRow,
    TwinEventRow,
)

__all__ = [
    "carried_from",
    "forget",
    "link",
    "twin_articles",
    "twins_of",
]

Saved = tuple[Article, Analysis, str]  # an article saved, its analysis, its source group


def link(session: Session, saved: Sequence[Saved]) -> None:
    """Record the saved articles, find their twins and carry the twins' events over."""
    if not saved:
        return
    _record(session, saved)
    known = _known_pairs(session, [article.id for article, _a, _g in saved])
    docs = {article.id: _doc(article, analysis, group) for article, analysis, group in saved}
    stored = _candidates(session, list(docs.values()))
    # The stored candidates' codes are read for those near a new article only.
    near = candidate_pairs(list(docs.values()), list(stored.values()))
    codes = _codes(session, sorted({b.id for _a, b in near if b.id not in docs}))
    stored = {
        key: dataclasses.replace(doc, codes=frozenset(codes[key])) if key in codes else doc
        for key, doc in stored.items()
    }
    pairs = candidate_pairs(list(docs.values()), list(stored.values()))
    found: list[Twin] = []
    if pairs:
        wanted = {doc.id for pair in pairs for doc in pair}
        vectors = _vectors(session, sorted(wanted))
        with_vectors = {
            key: dataclasses.replace(doc, vector=vectors.get(key))
            for key, doc in {**stored, **docs}.items()
            if key in wanted
        }
        taken = _paired(session, sorted(wanted))
        found = find_twins(
            [d for k, d in with_vectors.items() if k in docs],
            [d for k, d in with_vectors.items() if k not in docs],
            taken,
        )
        for twin in found:
            session.add(TranslationRow(article_id=twin.a, twin_id=twin.b, score=twin.score))
            session.add(TranslationRow(article_id=twin.b, twin_id=twin.a, score=twin.score))
    carry = sorted({(t.a, t.b) for t in found} | known)
    if carry:
        session.flush()
        _carry(session, carry)


def forget(session: Session, article_id: str) -> set[str]:
    """Take out the events carried to or from an article; return the stories they were in.

    Called before the article's own analysis is deleted (its carried links refer to its
    events). The twin keeps its pairing; :func:`link` carries the new analysis over again.
    """
    own = select(EventRow.id).where(EventRow.article_id == article_id)
    links = list(
        session.execute(
            select(TwinEventRow.event_id, TwinEventRow.source_id).where(
                or_(TwinEventRow.event_id.in_(own), TwinEventRow.source_id.in_(own))
            )
        )
    )
    if not links:
        return set()
    ids = sorted({event for event, _source in links})
    session.execute(delete(TwinEventRow).where(TwinEventRow.event_id.in_(ids)))
    stories = set(
        session.scalars(
            select(EventRow.story_id).where(EventRow.id.in_(ids), EventRow.story_id.is_not(None))
        )
    )
    session.execute(delete(EvidenceRow).where(EvidenceRow.event_id.in_(ids)))
    session.execute(delete(EventRow).where(EventRow.id.in_(ids)))
    return stories


def twins_of(session: Session, article_id: str) -> list[tuple[str, float]]:
    """The twins of an article (ids) with their similarity, closest first."""
    query = (
        select(TranslationRow.twin_id, TranslationRow.score)
        .where(TranslationRow.article_id == article_id)
        .order_by(TranslationRow.score.desc(), TranslationRow.twin_id)
    )
    return [(twin, score) for twin, score in session.execute(query)]


def carried_from(session: Session, article_id: str) -> int:
    """How many of an article's events were carried over from its twin."""
    query = select(TwinEventRow.event_id).join(EventRow, EventRow.id == TwinEventRow.event_id)
    return len(list(session.scalars(query.where(EventRow.article_id == article_id))))


def twin_articles(engine: Engine, article_id: str) -> list[tuple[Article, float, int]]:
    """An article's twins for a page: each twin, the similarity, and the events carried from it.

    What the article page and ``communique show`` say of an article's versions.
    """
    with Session(engine) as session:
        found = []
        for twin, score in twins_of(session, article_id):
            row = session.get(ArticleRow, twin)
            if row is not None:
                found.append((to_record(Article, row), score, carried_from(session, article_id)))
        return found


def _record(session: Session, saved: Sequence[Saved]) -> None:
    """Add the articles not yet recorded to ``article_vectors`` (without a vector)."""
    ids = sorted({article.id for article, _a, _g in saved})
    query = select(ArticleVectorRow.article_id)
    held = {
        key
        for chunk in chunked(ids)
        for key in session.scalars(query.where(ArticleVectorRow.article_id.in_(chunk)))
    }
    for article, _analysis, group in saved:
        if article.id not in held:
            held.add(article.id)
            session.add(
                ArticleVectorRow(
                    article_id=article.id,
                    language=article.language,
                    published=article.published,
                    source=group,
                )
            )


def _sources(publisher: str | None, url: str | None, group: str | None) -> frozenset[str]:
    """The names of where an article came from: publisher, web host, source group."""
    names = set()
    if publisher:
        names.add(f"publisher:{publisher.casefold()}")
    host = urlsplit(url).hostname if url and "://" in url else None
    if host:
        names.add(f"host:{host.removeprefix('www.')}")
    if group:
        names.add(f"group:{group}")
    return frozenset(names)


def _doc(article: Article, analysis: Analysis, group: str) -> TwinDoc:
    codes = frozenset(c for m in analysis.mentions if m.kind != "place" for c in m.codes)
    return TwinDoc(
        id=article.id,
        language=article.language,
        published=article.published,
        sources=_sources(article.publisher, article.url, group),
        codes=codes,
    )


def _candidates(session: Session, new: Sequence[TwinDoc]) -> dict[str, TwinDoc]:
    """Stored articles in another language published within a day of a new one, by id.

    Looked up by (language, day) in the index of ``article_vectors``: for a store of one
    language the ranges are empty and nothing else is read. Their codes are not read here.
    """
    days: dict[str, set[date]] = defaultdict(set)
    for doc in new:
        if doc.language and doc.published:
            days[doc.language].update(
                doc.published + timedelta(days=shift)
                for shift in range(-TWIN_MAX_DAYS, TWIN_MAX_DAYS + 1)
            )
    fresh = {doc.id for doc in new}
    found: dict[str, TwinDoc] = {}
    for language, wanted in sorted(days.items()):
        for chunk in chunked(sorted(wanted)):
            query = (
                select(ArticleVectorRow, ArticleRow.publisher, ArticleRow.url)
                .join(ArticleRow, ArticleRow.id == ArticleVectorRow.article_id)
                .where(
                    or_(ArticleVectorRow.language < language, ArticleVectorRow.language > language),
                    ArticleVectorRow.published.in_(chunk),
                )
            )
            for row, publisher, url in session.execute(query):
                if row.article_id not in fresh:
                    found[row.article_id] = TwinDoc(
                        id=row.article_id,
                        language=row.language,
                        published=row.published,
                        sources=_sources(publisher, url, row.source),
                    )
    return found


def _codes(session: Session, ids: Sequence[str]) -> dict[str, set[str]]:
    codes: dict[str, set[str]] = defaultdict(set)
    for chunk in chunked(ids):
        query = select(MentionRow.article_id, MentionRow.codes).where(
            MentionRow.article_id.in_(chunk), MentionRow.kind != "place"
        )
        for article, joined in session.execute(query):
            codes[article].update(joined.split())
    return codes


def _vectors(session: Session, ids: Sequence[str]) -> dict[str, np.ndarray]:
    """The lead vectors of these articles: stored ones read, missing ones computed and stored."""
    rows = {
        row.article_id: row
        for chunk in chunked(ids)
        for row in session.scalars(
            select(ArticleVectorRow).where(ArticleVectorRow.article_id.in_(chunk))
        )
    }
    vectors = {key: embeddings.from_text(row.vector) for key, row in rows.items() if row.vector}
    missing = [key for key in ids if key not in vectors and key in rows]
    if missing:
        query = select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(missing))
        texts = {key: body for key, body in session.execute(query)}
        leads = {key: lead(texts[key]) for key in missing}
        flat = [sentence for key in missing for sentence in leads[key]]
        encoded = embeddings.encode(flat)
        start = 0
        for key in missing:
            count = len(leads[key])
            vector = document_vector(encoded[start : start + count])
            start += count
            if vector is not None:
                rows[key].vector = embeddings.to_text(vector)
                vectors[key] = embeddings.from_text(rows[key].vector)
    return vectors


def _known_pairs(session: Session, ids: Sequence[str]) -> set[tuple[str, str]]:
    """The stored pairs of these articles (re-analysed ones), as ``(a, b)`` with ``a < b``."""
    query = select(TranslationRow.article_id, TranslationRow.twin_id)
    return {
        (min(a, b), max(a, b))
        for chunk in chunked(sorted(ids))
        for a, b in session.execute(query.where(TranslationRow.article_id.in_(chunk)))
    }


def _paired(session: Session, ids: Sequence[str]) -> frozenset[str]:
    """Which of these articles have a twin already."""
    query = select(TranslationRow.article_id)
    return frozenset(
        key
        for chunk in chunked(ids)
        for key in session.scalars(query.where(TranslationRow.article_id.in_(chunk)))
    )


def _carry(session: Session, pairs: Iterable[tuple[str, str]]) -> None:
    """Carry each pair's unshared events over both ways, store them and merge their stories."""
    added: list[tuple[EventRow, str, Event, int]] = []
    for a, b in pairs:
        query = select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_([a, b]))
        bodies = {key: body for key, body in session.execute(query)}
        events = {key: _events(session, key) for key in (a, b)}
        spans = {key: sentence_spans(bodies[key]) for key in (a, b)}
        similarity: np.ndarray | None = None
        for source, target in ((a, b), (b, a)):
            mine = [event for _id, event in events[source]]
            theirs = [event for _id, event in events[target]]
            lonely = [events[source][i] for i in unmatched(mine, theirs)]
            if not lonely:
                continue
            if similarity is None:  # once per pair, only when an event is to be carried
                vectors = {
                    key: embeddings.encode([bodies[key][s:e] for s, e in spans[key]])
                    for key in (a, b)
                }
                similarity = vectors[a] @ vectors[b].T
            aligned = align(similarity if source == a else similarity.T)
            for source_id, event in lonely:
                moved = carry_over(event, spans[source], aligned, spans[target], bodies[target])
                if moved is not None:
                    row = to_row(EventRow, moved, article_id=target)
                    added.append((row, target, moved, source_id))
    if not added:
        return
    session.add_all(row for row, _article, _event, _source in added)
    session.flush()
    for row, _article, event, source_id in added:
        session.add(TwinEventRow(event_id=row.id, source_id=source_id))
        session.add_all(to_row(EvidenceRow, ev, event_id=row.id) for ev in event.evidence)
    derived.restory(session, [(row, article, event) for row, article, event, _source in added])


def _events(session: Session, article_id: str) -> list[tuple[int, Event]]:
    """An article's stored events with their ids, in the order they were stored."""
    rows = list(
        session.scalars(
            select(EventRow).where(EventRow.article_id == article_id).order_by(EventRow.id)
        )
    )
    reports = derived.reported(session, rows)
    return [(row.id, event) for row, (_doc, event) in zip(rows, reports, strict=True)]
