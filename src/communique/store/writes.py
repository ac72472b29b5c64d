"""Writing the store: an article and its analysis in one transaction, and the line counts.

One transaction per article and content-hash keys make re-ingesting the same input a no-op and
let a failed document leave nothing half-written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..model import Analysis, Article, Mention
from . import derived, translations
from .derived import upsert_counts
from .rows import title_key, to_record, to_row, to_values
from .tables import (
    AnalysisRow,
    ArticleRow,
    ArticleSourceRow,
    Base,
    EventRow,
    EvidenceRow,
    InstrumentRow,
    LearnedRoleRow,
    LineCountRow,
    MentionRow,
    SourceGroupRow,
    StatementRow,
)

__all__ = ["Writes"]

# PostgreSQL's transaction lock on one article id, taken by every write of that article.
_ARTICLE_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")


class Writes:
    """The store's writes: :meth:`save`, :meth:`save_many` and :meth:`add_source`."""

    engine: Engine
    url: str

    @contextmanager
    def _writing(self, articles: Iterable[str] = ()) -> Iterator[Session]:
        """A write transaction whose database errors (a reader's, say) are store errors.

        A save reads whether the article is stored, then inserts, and another process must not
        insert it in between. On SQLite the transaction takes the write lock before its first
        read (BEGIN IMMEDIATE); on PostgreSQL, where writers run side by side, it takes a
        transaction lock per article id in ``articles`` (in sorted order, so two writers of
        overlapping batches never deadlock).
        """
        try:
            with Session(self.engine) as session, session.begin():
                dialect = self.engine.dialect.name
                if dialect == "sqlite":
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                elif dialect == "postgresql":
                    for key in sorted(set(articles)):
                        session.execute(_ARTICLE_LOCK, {"key": key})
                yield session
        except SQLAlchemyError as err:
            raise StoreError("E403", url=self.url, reason=err.args[0] if err.args else err) from err

    def add_source(self, article_id: str, doc: str) -> bool:
        """Record that a stored article also arrived under ``doc``; return whether that is new."""
        with self._writing([article_id]) as session:
            return self._add_source(session, article_id, doc)

    @staticmethod
    def _add_source(session: Session, article_id: str, doc: str) -> bool:
        known = session.scalar(
            select(ArticleSourceRow.id).where(
                ArticleSourceRow.article_id == article_id, ArticleSourceRow.doc == doc
            )
        )
        if known is None:
            session.add(ArticleSourceRow(article_id=article_id, doc=doc))
        return known is None

    def save(
        self,
        article: Article,
        analysis: Analysis,
        *,
        version: int,
        group: str,
        fingerprints: Iterable[str],
    ) -> bool:
        """Store an article and its analysis in one transaction; return whether it was new.

        An article stored before under an older analysis version keeps its row and gets the new
        analysis in place of the old one; either way nothing is stored twice.
        """
        with self._writing([article.id]) as session:
            new = self._save(
                session, article, analysis, version=version, group=group, fingerprints=fingerprints
            )
            translations.link(session, [(article, analysis, group)])
            return new

    def save_many(
        self, items: Iterable[tuple[Article, Analysis, str, Iterable[str]]], *, version: int
    ) -> int:
        """Store several ``(article, analysis, group, fingerprints)`` in one transaction.

        What :meth:`save` stores for each, written for the whole batch at once (one flush for
        the events' ids, one query for the lines already counted), so that a bulk load (the
        benchmark corpus of issue 12) costs rows, not round trips. An article stored before, or
        twice in the batch, takes :meth:`save`'s path after the others. Returns how many were
        new.
        """
        items = list(items)
        with self._writing(article.id for article, *_rest in items) as session:
            ids = {article.id for article, *_rest in items}
            seen = set(session.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(ids))))
            fresh, again = [], []
            for item in items:
                (again if item[0].id in seen else fresh).append(item)
                seen.add(item[0].id)
            docs: Counter[str] = Counter()
            lines: Counter[tuple[str, str]] = Counter()
            session.add_all(_article_row(article) for article, *_rest in fresh)
            session.flush()  # the articles first: the other rows refer to them
            for article, _analysis, group, fingerprints in fresh:
                session.add(ArticleSourceRow(article_id=article.id, doc=article.doc))
                session.add(AnalysisRow(article_id=article.id, version=version))
                docs[group] += 1
                lines.update((group, fingerprint) for fingerprint in set(fingerprints))
            events = _add_analyses(session, [(a, an) for a, an, *_rest in fresh])
            _count_lines(session, docs, lines)
            session.flush()  # once, for the events' ids
            _add_evidence(session, events)
            derived.count_mentions(session, (m for _a, an, *_r in fresh for m in an.mentions))
            derived.restory(session, events)
            derived.link_articles(
                session, [derived.link_doc(a, an.mentions) for a, an, *_r in fresh]
            )
            new = len(fresh) + sum(
                self._save(session, article, analysis, version=version, group=group, fingerprints=f)
                for article, analysis, group, f in again
            )
            translations.link(session, [(a, an, group) for a, an, group, _f in items])
            return new

    def _save(
        self,
        session: Session,
        article: Article,
        analysis: Analysis,
        *,
        version: int,
        group: str,
        fingerprints: Iterable[str],
    ) -> bool:
        """One article and its analysis, inside the caller's transaction."""
        new = session.get(ArticleRow, article.id) is None
        stale: set[str] = set()
        if new:
            session.add(_article_row(article))
            session.add(ArticleSourceRow(article_id=article.id, doc=article.doc))
            lines = Counter((group, fingerprint) for fingerprint in set(fingerprints))
            _count_lines(session, Counter({group: 1}), lines)
        else:
            self._add_source(session, article.id, article.doc)
            stale = _drop_analysis(session, article.id)
        session.merge(AnalysisRow(article_id=article.id, version=version))
        events = _add_analyses(session, [(article, analysis)])
        session.flush()  # once, for the events' ids
        _add_evidence(session, events)
        derived.count_mentions(session, analysis.mentions)
        derived.restory(session, events, stale)
        if new:
            derived.link_articles(session, [derived.link_doc(article, analysis.mentions)])
        else:
            derived.recode(session, derived.link_doc(article, analysis.mentions))
        return new


def _article_row(article: Article) -> ArticleRow:
    return to_row(ArticleRow, article, ingested_at=datetime.now(UTC).replace(tzinfo=None))


def _drop_analysis(session: Session, article_id: str) -> set[str]:
    """Delete an article's analysis and its share of the counts; return the stories it was in."""
    carried = translations.forget(session, article_id)  # first: they refer to its events
    mentions = select(MentionRow).where(MentionRow.article_id == article_id)
    derived.count_mentions(
        session, (to_record(Mention, row) for row in session.scalars(mentions)), -1
    )
    old = select(EventRow.id).where(EventRow.article_id == article_id)
    stories = select(EventRow.story_id).where(EventRow.article_id == article_id)
    stale = carried | {story for story in session.scalars(stories) if story is not None}
    session.query(EvidenceRow).filter(EvidenceRow.event_id.in_(old)).delete()
    for table in (MentionRow, LearnedRoleRow, StatementRow, InstrumentRow, EventRow):
        session.query(table).filter(table.article_id == article_id).delete()
    return stale


def _add_analyses(
    session: Session, analysed: Sequence[tuple[Article, Analysis]]
) -> list[derived.Report]:
    """Add analyses' rows; return their events with their rows (evidence needs their ids).

    The events go through the ORM, which gives them their ids; the rest, whose ids nothing
    reads back, are bulk inserts: an article has a few events but dozens of mentions. Each
    table's rows of every article go in one statement, in the articles' order (so they get the
    ids one statement per article would give): a batch costs one round trip per table, not
    one per table and article.
    """
    rows: dict[type[Base], list[dict[str, Any]]] = {
        MentionRow: [],
        StatementRow: [],
        InstrumentRow: [],
        LearnedRoleRow: [],
    }
    events: list[derived.Report] = []
    for article, analysis in analysed:
        article_id = article.id
        rows[MentionRow] += (
            to_values(MentionRow, m, article_id=article_id) for m in analysis.mentions
        )
        when = {"dated": article.published is not None, "published": article.published}
        rows[StatementRow] += (
            to_values(StatementRow, st, article_id=article_id, **when) for st in analysis.statements
        )
        rows[InstrumentRow] += (
            to_values(InstrumentRow, item, article_id=article_id, key=title_key(item.title))
            for item in analysis.instruments
        )
        # An event stated twice alike (same sentence, same everything) is one event: its story
        # id could not tell the two apart.
        events += (
            (to_row(EventRow, event, article_id=article_id), article_id, event)
            for event in dict.fromkeys(analysis.events)
        )
        rows[LearnedRoleRow] += (
            to_values(
                LearnedRoleRow,
                role,
                article_id=article_id,
                doc=role.doc or article.doc,
                sentence=role.sentence or "",
            )
            for role in analysis.learned
        )
    session.add_all(row for row, _doc, _event in events)
    for table, values in rows.items():
        _insert(session, table, values)
    return events


def _add_evidence(session: Session, events: list[derived.Report]) -> None:
    """The evidence of events whose rows have been flushed (and so have ids)."""
    _insert(
        session,
        EvidenceRow,
        (
            to_values(EvidenceRow, evidence, event_id=row.id)
            for row, _doc, record in events
            for evidence in record.evidence
        ),
    )


def _insert(session: Session, table: type[Base], rows: Iterable[dict[str, Any]]) -> None:
    """Insert rows in one statement with many parameter sets, inside the session's transaction.

    A Core insert into the table: the ORM's bulk path adds per-row bookkeeping that rows whose
    ids nothing reads back have no use for.
    """
    values = list(rows)
    if values:
        session.execute(insert(table.__table__), values)


def _count_lines(session: Session, docs: Counter[str], lines: Counter[tuple[str, str]]) -> None:
    """Add new documents per source group and the lines each counts (``(group, fingerprint)``)."""
    upsert_counts(session, SourceGroupRow, ("name",), "docs", {(g,): n for g, n in docs.items()})
    upsert_counts(session, LineCountRow, ("source", "fingerprint"), "docs", lines)
