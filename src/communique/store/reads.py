"""Reading the store: articles and what was found in them, as the model's records.

Rows become records through :mod:`.rows` only. Stories (events merged across articles), the
actor network and the actors' counts come from the derived tables (:mod:`.derived`).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import Session

from ..errors import QueryError
from ..model import (
    Actor,
    Agreement,
    Article,
    ArticleCluster,
    Entity,
    Event,
    Evidence,
    Instrument,
    Mention,
    Role,
    SearchKind,
    SearchResults,
    Statement,
    Story,
)
from . import derived
from .engine import chunked
from .rows import to_record
from .search import KINDS, fts_search, like_search, parse_query, ts_search
from .tables import (
    AnalysisRow,
    ArticleRow,
    ArticleSourceRow,
    ArticleStoryRow,
    EventRow,
    EvidenceRow,
    InstrumentRow,
    LearnedRoleRow,
    LineCountRow,
    MentionRow,
    NearCopyRow,
    SourceGroupRow,
    StatementRow,
    StoryRow,
)

__all__ = ["Reads"]

# Undated articles first, as SQLite sorts NULL and PostgreSQL does not: one order on both.
# The highest ids of the three tables that every write adds rows to (``Reads.revision``).
_REVISION = select(
    select(func.max(ArticleSourceRow.id)).scalar_subquery(),
    select(func.max(MentionRow.id)).scalar_subquery(),
    select(func.max(EventRow.id)).scalar_subquery(),
)
_UNDATED_FIRST = (ArticleRow.published.is_not(None), ArticleRow.published)
# The indexed search of each database kind; any other searches with LIKE.
_SEARCHES = {"sqlite": fts_search, "postgresql": ts_search}


class Reads:
    """The store's reads: every method returns model records, never rows."""

    engine: Engine
    url: str

    @property
    def full_text(self) -> bool:
        """Whether search uses an index (SQLite's FTS5, PostgreSQL's tsvector), not plain LIKE."""
        return self.engine.dialect.name in _SEARCHES

    def search(
        self, query: str, kind: SearchKind | None = None, *, limit: int = 20, offset: int = 0
    ) -> SearchResults:
        """Articles (title and text) and quotations (quote and speaker) matching ``query``.

        The query language is words (all must match), "quoted phrases", prefix* and OR; a query
        that cannot be understood raises :class:`QueryError`, whose message is for the user.
        ``kind`` keeps articles or quotations only.
        """
        if kind is not None and kind not in KINDS:
            raise QueryError("E404", query=query, reason=f"kind must be one of {', '.join(KINDS)}")
        clauses = parse_query(query)
        find = _SEARCHES.get(self.engine.dialect.name, like_search)
        with Session(self.engine) as session:
            return find(session, clauses, (kind,) if kind else KINDS, limit=limit, offset=offset)

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this content id is stored."""
        with Session(self.engine) as session:
            return session.get(ArticleRow, article_id) is not None

    def stored_articles(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these content ids are stored: :meth:`has_article` for a batch in one query.

        One query per thousand ids, as :meth:`analysed` asks: a round trip per document was a
        noticeable part of cleaning a batch.
        """
        found: set[str] = set()
        with Session(self.engine) as session:
            for chunk in chunked(sorted(set(article_ids))):
                found.update(session.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(chunk))))
        return found

    def analysed(self, article_ids: Iterable[str]) -> dict[str, int]:
        """The analysis version each of these articles was stored with (absent: not analysed).

        One query per thousand ids: an ingest asks it of a whole batch before analysing any.
        """
        found: dict[str, int] = {}
        with Session(self.engine) as session:
            for chunk in chunked(sorted(set(article_ids))):
                query = select(AnalysisRow.article_id, AnalysisRow.version)
                rows = session.execute(query.where(AnalysisRow.article_id.in_(chunk)))
                found.update((article_id, version) for article_id, version in rows)
        return found

    def learned_roles(self) -> list[Role]:
        """Every role learned from stored texts, oldest first, for the knowledge base."""
        with Session(self.engine) as session:
            rows = session.scalars(select(LearnedRoleRow).order_by(LearnedRoleRow.id))
            return [to_record(Role, row) for row in rows]

    def mentions(self, article_id: str | None = None) -> Iterator[tuple[Article, Mention]]:
        """Every stored mention with its article (of one article when ``article_id`` is given)."""
        order = (*_UNDATED_FIRST, ArticleRow.id, MentionRow.start, MentionRow.id)
        with Session(self.engine) as session:
            for article_row, row in _with_articles(session, MentionRow, article_id, order):
                yield to_record(Article, article_row), to_record(Mention, row)

    def instruments(self, article_id: str | None = None) -> Iterator[tuple[Article, Instrument]]:
        """Every stored instrument action with its article, oldest publication first."""
        order = (*_UNDATED_FIRST, ArticleRow.id, InstrumentRow.start, InstrumentRow.id)
        with Session(self.engine) as session:
            for article_row, row in _with_articles(session, InstrumentRow, article_id, order):
                yield to_record(Article, article_row), to_record(Instrument, row)

    def events(self, article_id: str | None = None) -> Iterator[tuple[Article, Event]]:
        """Every stored event with its article, in order of the event's date."""
        order = (EventRow.date.is_(None), EventRow.date, ArticleRow.id, EventRow.id)
        with Session(self.engine) as session:
            pairs = _with_articles(session, EventRow, article_id, order)
            evidence: dict[int, list[Evidence]] = defaultdict(list)
            ids = [row.id for _a, row in pairs]
            for ev in session.scalars(
                select(EvidenceRow).where(EvidenceRow.event_id.in_(ids)).order_by(EvidenceRow.id)
            ):
                evidence[ev.event_id].append(to_record(Evidence, ev))
            for article_row, row in pairs:
                yield (
                    to_record(Article, article_row),
                    to_record(Event, row, evidence=tuple(evidence[row.id])),
                )

    def stories(
        self,
        *,
        actor: str | None = None,
        kind: str | None = None,
        since: date | None = None,
        until: date | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> list[Story]:
        """Happenings, each once, with the events of every article that reports it.

        The filters are those of ``communique events``, the API and the briefing: an actor or
        recipient code, a PLOVER type, a date range (undated events only without one), and
        the least confidence of the merged event (its sources' corroboration included). Dated
        stories come first in order of date (``newest_first``: the latest first), then the
        undated; ``limit`` and ``offset`` page.
        """
        where = derived.story_filter(
            kind=kind, since=since, until=until, min_confidence=min_confidence
        )
        with Session(self.engine) as session:
            return derived.stories(
                session, where, actor=actor, limit=limit, offset=offset, newest_first=newest_first
            )

    def count_stories(
        self,
        *,
        actor: str | None = None,
        kind: str | None = None,
        since: date | None = None,
        until: date | None = None,
        min_confidence: float | None = None,
    ) -> int:
        """How many stories :meth:`stories` gives with the same filters."""
        where = derived.story_filter(
            kind=kind, since=since, until=until, min_confidence=min_confidence
        )
        with Session(self.engine) as session:
            return derived.count_stories(session, where, actor)

    def story_months(
        self,
        *,
        actor: str | None = None,
        kind: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[tuple[str, str, int]]:
        """Stories per month and type: a timeline's bars, ``("YYYY-MM", type, count)``.

        Of the dated stories :meth:`stories` gives with the same filters, by month then type.
        """
        where = derived.story_filter(kind=kind, since=since, until=until)
        with Session(self.engine) as session:
            return derived.story_months(session, where, actor)

    def person_codes(self, names: Iterable[str]) -> dict[str, str]:
        """Each named person's code: a name resolved to several codes keeps its most mentioned."""
        with Session(self.engine) as session:
            return derived.person_codes(session, names)

    def story(self, key: str) -> Story | None:
        """The story whose id is ``key`` or starts with it (the first such, by id)."""
        with Session(self.engine) as session:
            query = select(StoryRow.id).where(StoryRow.id.startswith(key, autoescape=True))
            found = session.scalars(query.order_by(StoryRow.id).limit(1)).first()
            return derived.stories_by_id(session, [found])[0] if found else None

    def stories_of(self, article_id: str) -> list[Story]:
        """The stories an article reports, in the order of :meth:`stories`."""
        with Session(self.engine) as session:
            ids = select(EventRow.story_id).where(EventRow.article_id == article_id)
            return derived.stories(session, [StoryRow.id.in_(ids)])

    def network(
        self, since: date | None = None, until: date | None = None
    ) -> dict[tuple[str, str], Counter[str]]:
        """Stories per pair of participants (sorted) and tone, over a period or all time.

        A tone is "cooperation" or "conflict". States and organisations take part by code;
        named people on the side of their code (as of when the story was stored).
        """
        with Session(self.engine) as session:
            return derived.network(session, since, until)

    def actors(
        self, kind: str | None = None, *, limit: int = 50, offset: int = 0
    ) -> tuple[list[Actor], int]:
        """A page of entities, most mentioned first, and how many entities there are."""
        with Session(self.engine) as session:
            return derived.actors(session, kind, limit=limit, offset=offset)

    def article_clusters(self) -> list[ArticleCluster]:
        """Articles that report the same happening, with near-copies and shared stories.

        The clusters and near-copies are those found as each article was stored (see
        :func:`.derived.link_articles`). A cluster's stories are the merged events that one of
        its articles reports and at least one other source reports too.
        """
        articles = {a.id: a for a in self.articles()}
        with Session(self.engine) as session:
            placed = dict(
                (a, s)
                for a, s in session.execute(
                    select(ArticleStoryRow.article_id, ArticleStoryRow.story)
                )
            )
            copies: dict[str, list[str]] = defaultdict(list)
            for a, b in session.execute(
                select(NearCopyRow.a, NearCopyRow.b).order_by(NearCopyRow.a, NearCopyRow.b)
            ):
                copies[a].append(articles[b].doc)
                copies[b].append(articles[a].doc)
        grouped: dict[str, list[str]] = defaultdict(list)
        for article_id in sorted(articles):
            grouped[placed.get(article_id, article_id)].append(article_id)
        stories = [s for s in self.stories() if len(s.sources) > 1]
        clusters = []
        for members in sorted(grouped.values()):
            found = tuple(articles[i] for i in members)
            names = {a.doc for a in found}
            clusters.append(
                ArticleCluster(
                    articles=found,
                    copies=tuple(tuple(copies.get(a.id, ())) for a in found),
                    stories=tuple(s for s in stories if names & set(s.sources)),
                )
            )
        return clusters

    def agreements(
        self,
        *,
        min_confidence: float | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Agreement]:
        """Each named instrument once, its actions from every article forming its history.

        Most actions first, then by normalised title. ``min_confidence`` keeps only the actions
        at least that confident (and the instruments that still have one); ``limit`` and
        ``offset`` page.
        """
        where = _confident(InstrumentRow, min_confidence)
        with Session(self.engine) as session:
            query = (
                select(InstrumentRow.key)
                .where(*where)
                .group_by(InstrumentRow.key)
                .order_by(func.count().desc(), InstrumentRow.key)
                .offset(offset)
            )
            keys = list(session.scalars(query if limit is None else query.limit(limit)))
            grouped: dict[str, list[tuple[Article, Instrument]]] = defaultdict(list)
            order = (*_UNDATED_FIRST, ArticleRow.id, InstrumentRow.start, InstrumentRow.id)
            for chunk in chunked(keys):
                rows = _with_articles(
                    session, InstrumentRow, None, order, [*where, InstrumentRow.key.in_(chunk)]
                )
                for article_row, row in rows:
                    grouped[row.key].append(
                        (to_record(Article, article_row), to_record(Instrument, row))
                    )
        found = []
        for key in keys:
            items = sorted(grouped[key], key=lambda p: p[1].when.start if p[1].when else date.max)
            title = max((i.title for _a, i in items), key=len)
            parties = tuple(dict.fromkeys(c for _a, i in items for c in i.parties))
            found.append(
                Agreement(
                    id="agr-" + hashlib.sha1(key.encode()).hexdigest()[:12],
                    title=title,
                    kind=items[0][1].kind,
                    parties=parties,
                    actions=tuple((a.doc, i) for a, i in items),
                )
            )
        return found  # in the database's order, so that pages agree with the whole list

    def count_agreements(self, *, min_confidence: float | None = None) -> int:
        """How many instruments :meth:`agreements` gives with the same filter."""
        keys = select(InstrumentRow.key).where(*_confident(InstrumentRow, min_confidence))
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(keys.distinct().subquery())) or 0

    def article_ids(self, docs: Iterable[str]) -> dict[str, str]:
        """The article id of each source name that is stored, by source name."""
        found: dict[str, str] = {}
        with Session(self.engine) as session:
            for chunk in chunked(sorted(set(docs))):
                query = select(ArticleSourceRow.doc, ArticleSourceRow.article_id)
                rows = session.execute(query.where(ArticleSourceRow.doc.in_(chunk)))
                found.update((doc, key) for doc, key in rows)
        return found

    def statements(
        self,
        article_id: str | None = None,
        *,
        speaker: str | None = None,
        exact: bool = False,
        min_confidence: float | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[tuple[Article, Statement]]:
        """Stored quotations with their articles, in order of publication and position.

        ``speaker`` keeps a speaker's quotations: any whose name contains it (any case), or
        with ``exact`` the name as stored. ``min_confidence`` and the page as elsewhere.
        """
        order = (
            StatementRow.dated,
            StatementRow.published,
            StatementRow.article_id,
            StatementRow.start,
        )  # the article's date as copied on each quotation: one index (``ix_statements_when``)
        where = _statement_filter(speaker, exact, min_confidence)
        with Session(self.engine) as session:
            rows = _with_articles(
                session, StatementRow, article_id, order, where, limit=limit, offset=offset
            )
            for article_row, row in rows:
                yield to_record(Article, article_row), to_record(Statement, row)

    def count_statements(
        self, *, speaker: str | None = None, min_confidence: float | None = None
    ) -> int:
        """How many quotations :meth:`statements` gives with the same filters."""
        where = _statement_filter(speaker, False, min_confidence)
        with Session(self.engine) as session:
            query = select(func.count()).select_from(StatementRow).where(*where)
            return session.scalar(query) or 0

    def speakers(
        self, *, contains: str | None = None, limit: int = 50, offset: int = 0
    ) -> tuple[list[tuple[str | None, int]], int]:
        """Speakers (None: unattributed) with their quotation counts, most quoted first.

        ``contains`` keeps the names containing it (any case). Returns a page and how many
        speakers match in all.
        """
        where = _statement_filter(contains, False, None)
        with Session(self.engine) as session:
            grouped = select(StatementRow.speaker, func.count().label("n")).where(*where)
            grouped = grouped.group_by(StatementRow.speaker)
            total = session.scalar(select(func.count()).select_from(grouped.subquery())) or 0
            page = grouped.order_by(func.count().desc(), StatementRow.speaker)
            found = [(name, n) for name, n in session.execute(page.limit(limit).offset(offset))]
        return found, total

    def entities(self, article_id: str | None = None) -> list[Entity]:
        """People, organisations and states mentioned, each with all its mentions, most first.

        A mention belongs to the entity of its kind, canonical name and code; offices without a
        known holder and collectives are mentions only, not entities.
        """
        grouped: dict[tuple[str, str, str | None], list[tuple[Article, Mention]]] = defaultdict(
            list
        )
        for article, mention in self.mentions(article_id):
            if mention.kind in {"person", "organisation", "state"} and mention.name:
                grouped[(mention.kind, mention.name, mention.code)].append((article, mention))
        found = []
        for (kind, name, code), items in grouped.items():
            # A person's office as the mentions of the name give it; a title alone ("special
            # representatives") may name one of several offices the person holds.
            named = [m for _a, m in items if m.reference in {"name", "seat"}]
            named = named or [m for _a, m in items]
            offices = Counter(m.office for m in named if m.office)
            texts = (m.text for m in named if m.reference in {"name", "seat"})
            found.append(
                Entity(
                    id=derived.entity_id(kind, name, code),
                    name=name,
                    kind=kind,  # type: ignore[arg-type]
                    code=code,
                    office=offices.most_common(1)[0][0] if offices else None,
                    aliases=tuple(dict.fromkeys(texts)),
                    mentions=tuple((a.doc, m) for a, m in items),
                )
            )
        return sorted(found, key=lambda e: (-len(e.mentions), e.name))

    def line_counts(self, group: str) -> tuple[dict[str, int], int]:
        """Lines seen more than once in a source's stored documents, and how many documents."""
        with Session(self.engine) as session:
            group_row = session.get(SourceGroupRow, group)
            rows = session.execute(
                select(LineCountRow.fingerprint, LineCountRow.docs).where(
                    LineCountRow.source == group, LineCountRow.docs > 1
                )
            )
            counts = {fingerprint: docs for fingerprint, docs in rows}
            return counts, group_row.docs if group_row else 0

    def articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Stored articles, oldest publication first (undated last), then by source name."""
        with Session(self.engine) as session:
            query = select(ArticleRow).order_by(
                ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.doc
            )
            query = query.offset(offset) if limit is None else query.limit(limit).offset(offset)
            for row in session.scalars(query):
                yield to_record(Article, row)

    def revision(self) -> str:
        """A value that changes whenever articles or analyses are written: a key for caches.

        New articles add source rows, and a new analysis adds mentions or events; ids only
        grow, so the three highest ids tell (three index lookups). Asked before every answer
        the web app keeps, so it is one plain statement on a pooled connection, no session.
        """
        with self.engine.connect() as connection:
            found = connection.execute(_REVISION).one()
        return ":".join(str(value or 0) for value in found)

    def count_articles(self) -> int:
        """How many articles are stored."""
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def find_article(self, key: str) -> Article | None:
        """Return the article that arrived under source name ``key``, else whose id starts so."""
        with Session(self.engine) as session:
            by_doc = select(ArticleSourceRow.article_id).where(ArticleSourceRow.doc == key)
            row = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(by_doc))).first()
            if row is None:
                by_id = ArticleRow.id.startswith(key, autoescape=True)
                row = session.scalars(
                    select(ArticleRow).where(by_id).order_by(ArticleRow.id)
                ).first()
            return to_record(Article, row) if row else None

    def docs_of(self, article_id: str) -> list[str]:
        """Every source name the article arrived under, first arrival first."""
        with Session(self.engine) as session:
            query = (
                select(ArticleSourceRow.doc)
                .where(ArticleSourceRow.article_id == article_id)
                .order_by(ArticleSourceRow.id)
            )
            return list(session.scalars(query))


def _with_articles(
    session: Session,
    table: type,
    article_id: str | None,
    order: tuple,
    where: Sequence[ColumnElement[bool]] = (),
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[tuple[ArticleRow, Any]]:
    """Rows of a per-article table with their article (of one article when ``article_id``).

    Each article is read once, not once per row: a 1.5 MB transcript with ten thousand
    mentions would otherwise bring its text over ten thousand times before the rows are mapped.
    """
    query = select(table).join(ArticleRow, table.article_id == ArticleRow.id).where(*where)
    if article_id is not None:
        query = query.where(ArticleRow.id == article_id)
    query = query.order_by(*order).offset(offset)
    rows = list(session.scalars(query if limit is None else query.limit(limit)))
    wanted = sorted({row.article_id for row in rows})
    articles: dict[str, ArticleRow] = {}
    for chunk in chunked(wanted):
        articles.update(
            (a.id, a) for a in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk)))
        )
    return [(articles[row.article_id], row) for row in rows]


def _confident(table: type, least: float | None) -> list[ColumnElement[bool]]:
    return [] if least is None else [table.confidence >= least]


def _statement_filter(
    speaker: str | None, exact: bool, least: float | None
) -> list[ColumnElement[bool]]:
    """The conditions on quotations of a speaker (a part of the name, or all of it) and a floor."""
    where = _confident(StatementRow, least)
    if speaker is not None and exact:
        where.append(StatementRow.speaker == speaker)
    elif speaker is not None:
        where.append(func.lower(StatementRow.speaker).contains(speaker.lower(), autoescape=True))
    return where
