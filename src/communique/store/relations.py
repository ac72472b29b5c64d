"""One relationship between two sides, and what is new in the store since a moment.

A relationship is two codes (states such as ``BLR``, organisations such as ``IGO:EU``). Its
events are the stories whose merged event has one side among its actors and the other among
its recipients, in either direction: exactly the stories with a ``story_edges`` row for the
pair. They are found through ``story_actors``'s index on the code (the first side's stories,
one index range) and the edge's primary key, so a relationship costs its first side's
stories, not the corpus.

Agreements and quotations are found in the articles that mention both sides (``article_codes``,
indexed by code, which holds dated articles only) and in those reporting one of the
relationship's events (undated ones too). An agreement is between the sides when the parties
its actions name include both; a quotation is by one side about the other when its speaker's
code is one side and a mention inside the quote (not a place) resolves to the other.

"New since" uses ``articles.ingested_at``, the moment (UTC) an article was first stored: a
story is new when the first article reporting it was stored at or after the moment (a story
known before that gains a further source is not new), an agreement moved when one of its
actions comes from such an article, a quotation is new when its article is.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..errors import QueryError
from ..model import CONFLICT, QUADS, Agreement, Article, Instrument, Statement, Story
from . import Store, derived
from .engine import chunked
from .rows import to_record
from .tables import (
    ArticleCodeRow,
    ArticleRow,
    EntityNameRow,
    EntityRow,
    EventRow,
    InstrumentRow,
    MentionRow,
    StatementRow,
    StoryActorRow,
    StoryEdgeRow,
    StoryRow,
)

__all__ = [
    "QUAD_OF",
    "SINCE_MEANS",
    "Happening",
    "Moved",
    "Relation",
    "moved_agreements",
    "new_pairs",
    "new_quotes",
    "parse_moment",
    "relation",
    "resolve_side",
    "stories",
]

# What ``since`` means, said on the page and in the CLI's output.
SINCE_MEANS = (
    "added since {since} UTC: an event whose first report was stored then or later (an event "
    "known before that gains a new source is not listed), an agreement with an action read "
    "from an article stored then or later (new actions marked), a quotation from such an "
    "article. Stored means the time the article entered this database, not its publication."
)

# The PLOVER quad of each event type (model.QUADS read the other way).
QUAD_OF = {kind: quad for quad, kinds in QUADS.items() for kind in kinds}


@dataclass(frozen=True, slots=True)
class Happening:
    """A story of a relationship as its chart and filters need it, without merging it again."""

    id: str
    event: str  # PLOVER type
    date: date | None  # the reconciled start
    first_stored: datetime  # when the first article reporting it was stored (UTC)
    people: tuple[str, ...]  # named in any report

    @property
    def quad(self) -> str:
        """The PLOVER quad of the event type ("verbal cooperation" …)."""
        return QUAD_OF.get(self.event, "unknown")

    @property
    def month(self) -> str:
        """Its month as "YYYY-MM", or "undated"."""
        return self.date.isoformat()[:7] if self.date else "undated"


@dataclass(frozen=True, slots=True)
class Moved:
    """An agreement with, beside each of its actions, its article's id and whether it is new."""

    agreement: Agreement
    articles: tuple[str, ...]
    new: tuple[bool, ...]

    @property
    def lifecycle(self) -> tuple[str, ...]:
        """Its actions in order, each once ("signed", "ratified", "entered into force")."""
        return tuple(dict.fromkeys(item.action for _doc, item in self.agreement.actions))


@dataclass(frozen=True, slots=True)
class Relation:
    """What the store holds on one relationship (since a moment, when ``since`` is set)."""

    sides: tuple[str, str]
    since: datetime | None
    happenings: tuple[Happening, ...]  # dated newest first, then the undated
    agreements: tuple[Moved, ...]
    quotes: tuple[tuple[Article, Statement], ...]  # newest first
    names: dict[str, str] = field(default_factory=dict)  # code -> name, where known

    def months(self) -> list[tuple[str, str, int]]:
        """``(month, quad, stories)`` of the dated stories, oldest month first."""
        counts = Counter((h.month, h.quad) for h in self.happenings if h.date)
        return [(m, q, n) for (m, q), n in sorted(counts.items())]

    def balance(self) -> list[tuple[str, float]]:
        """Per month, (cooperation − conflict) / events: from -1 (all conflict) to 1."""
        tone: dict[str, Counter[bool]] = defaultdict(Counter)
        for h in self.happenings:
            if h.date:
                tone[h.month][h.event in CONFLICT] += 1
        return [
            (month, (c[False] - c[True]) / (c[False] + c[True]))
            for month, c in sorted(tone.items())
        ]

    def quads(self) -> Counter[str]:
        """Stories per quad, dated or not."""
        return Counter(h.quad for h in self.happenings)

    def people(self) -> list[tuple[str, int, int]]:
        """``(name, stories, quotations)`` of everyone involved, most involved first."""
        stories = Counter(p for h in self.happenings for p in h.people)
        quotes = Counter(st.speaker for _a, st in self.quotes if st.speaker)
        names = set(stories) | set(quotes)
        found = [(n, stories[n], quotes[n]) for n in names]
        return sorted(found, key=lambda p: (-(p[1] + p[2]), p[0]))


def parse_moment(value: str) -> datetime:
    """``2026-12-01`` (that day's 00:00 UTC) or ``2026-12-01T08:30`` as a naive UTC datetime.

    A time with an offset is converted to UTC; ``articles.ingested_at`` is naive UTC.
    """
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise QueryError("E451", value=value) from error
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def resolve_side(store: Store, text: str) -> str:
    """The code a user means: a code as stored (``BLR``, ``igo:eu``), or a name or alias.

    A name is looked up among the states and organisations the store has seen (``Belarus``,
    ``European Union``, ``EU``), the most mentioned first. Raises :class:`QueryError` when
    nothing matches.
    """
    wanted = text.strip()
    if not wanted:
        raise QueryError("E452", side=text, reason="empty: a code or a name is needed")
    kinds = EntityRow.kind.in_(("state", "organisation"))
    with Session(store.engine) as session:
        code = wanted.upper()
        known = select(StoryActorRow.code).where(StoryActorRow.code == code).limit(1)
        if session.scalar(known) or session.scalar(  # kinds: the entities' kind index
            select(EntityRow.code).where(kinds, EntityRow.code == code).limit(1)
        ):
            return code
        ranked = (EntityRow.mentions.desc(), EntityRow.code)
        by_name = select(EntityRow.code).where(
            kinds, EntityRow.code.is_not(None), func.lower(EntityRow.name) == wanted.lower()
        )
        found = session.scalar(by_name.order_by(*ranked).limit(1))
        if found is None:
            by_alias = (
                select(EntityRow.code)
                .join(EntityNameRow, EntityNameRow.entity_id == EntityRow.id)
                .where(kinds, EntityRow.code.is_not(None), EntityNameRow.field == "alias")
                .where(func.lower(EntityNameRow.value) == wanted.lower())
            )
            found = session.scalar(by_alias.order_by(*ranked).limit(1))
    if found is None:
        reason = "no state or organisation by that code, name or alias in this database"
        raise QueryError("E452", side=text, reason=reason)
    return found


def relation(store: Store, a: str, b: str, *, since: datetime | None = None) -> Relation:
    """The events, agreements and quotations between ``a`` and ``b`` (new since ``since``)."""
    a, b = a.strip().upper(), b.strip().upper()
    if not a or not b or a == b:
        raise QueryError("E450", a=a, b=b, reason="two different sides are needed")
    with Session(store.engine) as session:
        happenings = _happenings(session, a, b)
        articles = _pair_articles(session, a, b, [h.id for h in happenings])
        happenings = [h for h in happenings if since is None or h.first_stored >= since]
        agreements = [
            found.at(since)
            for found in _agreements(session, articles, {a, b})
            if since is None or any(found.at(since).new)
        ]
        quotes = _quotes(session, articles, a, b, since)
        names = _names(session, (a, b))
    happenings.sort(key=lambda h: (h.date is None, -(h.date or date.min).toordinal(), h.id))
    return Relation(
        sides=(a, b),
        since=since,
        happenings=tuple(happenings),
        agreements=tuple(agreements),
        quotes=tuple(quotes),
        names=names,
    )


def stories(store: Store, ids: Sequence[str]) -> list[Story]:
    """The stories of ``ids`` merged from their members, in that order (a page of events)."""
    with Session(store.engine) as session:
        return derived.stories_by_id(session, ids)


def new_pairs(store: Store, since: datetime) -> dict[tuple[str, str], list[Happening]]:
    """Every pair of states or organisations with stories first stored at or after ``since``.

    Pairs are sorted codes; named people's edges are left out (their state's edge is there).
    The articles stored since are a range of ``articles.ingested_at``'s index (schema 11).
    """
    with Session(store.engine) as session:
        fresh = _fresh_articles(session, since)
        ids = _values(session, EventRow.story_id, EventRow.article_id, fresh)
        happenings = {h.id: h for h in _described(session, ids) if h.first_stored >= since}
        edges: dict[tuple[str, str], list[Happening]] = defaultdict(list)
        for chunk in chunked(sorted(happenings)):
            query = select(StoryEdgeRow.story_id, StoryEdgeRow.a, StoryEdgeRow.b)
            for story, x, y in session.execute(query.where(StoryEdgeRow.story_id.in_(chunk))):
                edges[(x, y)].append(happenings[story])
        people = derived.person_codes(session, {node for pair in edges for node in pair})
    pairs = {pair: found for pair, found in edges.items() if not people.keys() & set(pair)}
    for found in pairs.values():
        found.sort(key=lambda h: (h.date is None, h.date or date.min, h.id))
    return dict(sorted(pairs.items(), key=lambda item: (-len(item[1]), item[0])))


def moved_agreements(store: Store, since: datetime) -> list[Moved]:
    """Agreements with an action read from an article stored at or after ``since``."""
    with Session(store.engine) as session:
        fresh = _fresh_articles(session, since)
        keys = _values(session, InstrumentRow.key, InstrumentRow.article_id, fresh)
        found = _agreements_of(session, keys)
    return [moved for f in found if any((moved := f.at(since)).new)]


def new_quotes(store: Store, since: datetime) -> list[tuple[Article, Statement]]:
    """Quotations from articles stored at or after ``since``, newest article first."""
    with Session(store.engine) as session:
        fresh = _fresh_articles(session, since)
        return _statements(session, fresh, [])


# What follows reads; every query goes through an index (named beside it) except
# _fresh_articles.


def _happenings(session: Session, a: str, b: str) -> list[Happening]:
    """The stories tying ``a`` and ``b``: story_actors (code index), story_edges (key)."""
    low, high = sorted((a, b))
    query = (
        select(StoryActorRow.story_id)
        .join(
            StoryEdgeRow,
            and_(
                StoryEdgeRow.story_id == StoryActorRow.story_id,
                StoryEdgeRow.a == low,
                StoryEdgeRow.b == high,
            ),
        )
        .where(StoryActorRow.code == a)
    )
    return _described(session, list(session.scalars(query)))


def _described(session: Session, ids: Sequence[str]) -> list[Happening]:
    """Stories as happenings: their row (key), and members' people and articles (indexes)."""
    rows: dict[str, tuple[str, date | None]] = {}
    first: dict[str, datetime] = {}
    people: dict[str, dict[str, None]] = defaultdict(dict)
    for chunk in chunked(sorted(set(ids))):
        query = select(StoryRow.id, StoryRow.event, StoryRow.date).where(StoryRow.id.in_(chunk))
        rows.update((key, (kind, day)) for key, kind, day in session.execute(query))
        members = (
            select(EventRow.story_id, EventRow.people, ArticleRow.ingested_at)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(EventRow.story_id.in_(chunk))
            .order_by(EventRow.id)
        )
        for story, named, stored in session.execute(members):
            first[story] = min(stored, first.get(story, stored))
            people[story].update(dict.fromkeys(p for p in named.split("|") if p))
    return [
        Happening(
            id=key,
            event=kind,
            date=day,
            first_stored=first[key],
            people=tuple(people[key]),
        )
        for key, (kind, day) in rows.items()
        if key in first
    ]


def _pair_articles(session: Session, a: str, b: str, stories: Sequence[str]) -> list[str]:
    """Articles mentioning both sides (article_codes' key), or reporting one of ``stories``.

    ``article_codes`` holds dated articles only; an undated article comes in through the
    events it reports (events' story index).
    """
    both = (
        select(ArticleCodeRow.article_id)
        .where(ArticleCodeRow.code == a)
        .intersect(select(ArticleCodeRow.article_id).where(ArticleCodeRow.code == b))
    )
    found = set(session.scalars(both))
    found.update(_values(session, EventRow.article_id, EventRow.story_id, stories))
    return sorted(found)


def _values(session: Session, column: Any, key: Any, wanted: Sequence[str]) -> list[str]:
    """The distinct values of ``column`` on the rows whose ``key`` is one of ``wanted``.

    One index range of ``key`` a slice of ids: the stories of some articles, the articles of
    some stories, the agreements acted on in some articles.
    """
    found: set[str] = set()
    for chunk in chunked(sorted(wanted)):
        query = select(column).where(key.in_(chunk), column.is_not(None))
        found.update(session.scalars(query))
    return sorted(found)


def _fresh_articles(session: Session, since: datetime) -> list[str]:
    """Articles stored at or after ``since`` (a range of the ``ingested_at`` index)."""
    return sorted(session.scalars(select(ArticleRow.id).where(ArticleRow.ingested_at >= since)))


@dataclass(frozen=True, slots=True)
class _Found:
    """An agreement as read, with each action's article and the moment it was stored."""

    agreement: Agreement
    articles: tuple[str, ...]
    stored: tuple[datetime, ...]

    def at(self, since: datetime | None) -> Moved:
        """The agreement with its actions from articles stored since ``since`` marked new."""
        new = tuple(since is not None and moment >= since for moment in self.stored)
        return Moved(agreement=self.agreement, articles=self.articles, new=new)


def _agreements(session: Session, articles: Sequence[str], sides: set[str]) -> list[_Found]:
    """Agreements acted on in ``articles`` whose parties include both ``sides``."""
    keys = {
        row.key
        for chunk in chunked(articles)
        for row in session.scalars(select(InstrumentRow).where(InstrumentRow.article_id.in_(chunk)))
        if sides & set(row.parties.split())
    }
    found = _agreements_of(session, sorted(keys))
    return [f for f in found if sides <= set(f.agreement.parties)]


def _agreements_of(session: Session, keys: Sequence[str]) -> list[_Found]:
    """The agreements of normalised titles ``keys``, each action with its article (key index).

    Built as :meth:`Reads.agreements` builds them (same id, title, parties and order of
    actions), with each action's article id and stored moment beside it.
    """
    grouped: dict[str, list[tuple[ArticleRow, InstrumentRow]]] = defaultdict(list)
    order = (
        ArticleRow.published.is_not(None),
        ArticleRow.published,
        ArticleRow.id,
        InstrumentRow.start,
        InstrumentRow.id,
    )
    for chunk in chunked(keys):
        query = (
            select(ArticleRow.id, ArticleRow.doc, ArticleRow.ingested_at, InstrumentRow)
            .join(ArticleRow, ArticleRow.id == InstrumentRow.article_id)
            .where(InstrumentRow.key.in_(chunk))
            .order_by(*order)
        )
        for article_id, doc, stored, row in session.execute(query):
            grouped[row.key].append(((article_id, doc, stored), row))  # type: ignore[arg-type]
    found = []
    for key in keys:
        items = [
            (meta, to_record(Instrument, row))
            for meta, row in grouped[key]  # type: ignore[misc]
        ]
        items.sort(key=lambda pair: pair[1].when.start if pair[1].when else date.max)
        agreement = Agreement(
            id="agr-" + hashlib.sha1(key.encode()).hexdigest()[:12],
            title=max((i.title for _m, i in items), key=len),
            kind=items[0][1].kind,
            parties=tuple(dict.fromkeys(c for _m, i in items for c in i.parties)),
            actions=tuple((meta[1], i) for meta, i in items),
        )
        found.append(
            _Found(
                agreement=agreement,
                articles=tuple(meta[0] for meta, _i in items),
                stored=tuple(meta[2] for meta, _i in items),
            )
        )
    return found


def _quotes(
    session: Session, articles: Sequence[str], a: str, b: str, since: datetime | None
) -> list[tuple[Article, Statement]]:
    """Quotations by one side that mention the other inside the quote (mentions: article index)."""
    where = [StatementRow.code.in_((a, b))]
    if since is not None:
        where.append(ArticleRow.ingested_at >= since)
    found = _statements(session, articles, where)
    inside: dict[str, list[tuple[int, int, set[str]]]] = defaultdict(list)
    quoted = sorted({article.id for article, _st in found})
    for chunk in chunked(quoted):
        query = select(MentionRow.article_id, MentionRow.start, MentionRow.end, MentionRow.codes)
        query = query.where(MentionRow.article_id.in_(chunk), MentionRow.kind != "place")
        for article_id, start, end, codes in session.execute(query):
            inside[article_id].append((start, end, set(codes.split())))
    other = {a: b, b: a}
    return [
        (article, st)
        for article, st in found
        if any(
            st.start <= start and end <= st.end and other[st.code or ""] in codes
            for start, end, codes in inside[article.id]
        )
    ]


def _statements(
    session: Session, articles: Sequence[str], where: Sequence[Any]
) -> list[tuple[Article, Statement]]:
    """Quotations of ``articles`` (statements' article index), newest article first."""
    rows: list[tuple[ArticleRow, StatementRow]] = []
    for chunk in chunked(articles):
        query = (
            select(ArticleRow, StatementRow)
            .join(StatementRow, StatementRow.article_id == ArticleRow.id)
            .where(ArticleRow.id.in_(chunk), *where)
        )
        rows += [(article, st) for article, st in session.execute(query)]
    rows.sort(
        key=lambda pair: (
            pair[0].published is None,
            -(pair[0].published or date.min).toordinal(),
            -pair[0].ingested_at.timestamp(),
            pair[0].id,
            pair[1].start,
        )
    )
    return [(to_record(Article, article), to_record(Statement, st)) for article, st in rows]


def _names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """The most mentioned state or organisation name of each code (entities)."""
    query = (
        select(EntityRow.code, EntityRow.name)
        .where(
            EntityRow.code.in_(list(codes)),
            or_(EntityRow.kind == "state", EntityRow.kind == "organisation"),
        )
        .order_by(EntityRow.mentions)
    )
    return {code: name for code, name in session.execute(query)}  # the most mentioned last
