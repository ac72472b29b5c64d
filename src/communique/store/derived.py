"""The derived tables: stories, the network, actors' counts and article links, kept at ingest.

A page that lists happenings, draws the network or ranks actors reads these tables through
their indexes. Recomputing them from every event and mention on each request took seconds at a
few hundred articles and would take hours at a million. They are updated in the transaction
that writes the articles they come from, for the stories those articles touch only, so they
always hold what a recomputation from scratch gives; :func:`rebuild` is that recomputation
(for the migration that creates them, and to repair them).

Stories: events of different ``link.happening_key`` are never one happening, and an event only
merges with events dated inside its ``link.merge_window``. So a new event's candidates are the
stored events of its key in its window (one indexed query), and the stories it can change are
theirs. Merging the new events with every member of those stories gives the stories a merge of
the whole corpus would give, because merging is transitive grouping and only the new events
bring new links (``link.merge_events``). Replacing an article's analysis drops its events: the
stories they were in are merged again from their remaining members.

Article links: a new article's near-copy candidates are the stored articles sharing one of its
LSH band keys, and its story-cluster candidates the few published within a week of it that
share most of its actors' codes, with the rest of their clusters (:func:`link_articles`),
compared on what ``article_features`` keeps of each (date, codes, packed word bags) rather
than on their texts analysed again. Clusters found so depend on the order articles arrive in,
as any online clustering does; ``link.story_clusters`` regroups a whole batch and stays the
measure on ECB+ (``benchmarks/clustering.py`` scores both).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from importlib import import_module
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    bindparam,
    cast,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from ..link import (
    LinkDoc,
    assign_stories,
    duplicate_pairs,
    happening_key,
    merge_events,
    merge_window,
    pack_views,
    signature,
)
from ..link.stories import STORY_MAX_DAYS
from ..model import CONFLICT, Actor, Article, Event, Evidence, Mention, Story
from .engine import ROWS_PER_STATEMENT, chunked
from .rows import to_record
from .tables import (
    ArticleCodeRow,
    ArticleFeatureRow,
    ArticleKeyRow,
    ArticleRow,
    ArticleStoryRow,
    EntityNameRow,
    EntityRow,
    EventRow,
    EvidenceRow,
    MentionRow,
    NearCopyRow,
    NetworkCountRow,
    StatementRow,
    StoryActorRow,
    StoryEdgeRow,
    StoryRow,
)

__all__ = [
    "add_features",
    "count_mentions",
    "date_statements",
    "entity_id",
    "link_articles",
    "link_doc",
    "network_edges",
    "person_codes",
    "rebuild",
    "rebuild_stories",
    "recode",
    "restory",
    "upsert_counts",
]

# Rows per statement of upserts and id lists (SQLite and PostgreSQL bound the parameters).
CHUNK = ROWS_PER_STATEMENT
# Stored articles a new one is compared with for its story cluster (with the other members of
# their clusters): the reports of one happening in the first few days of coverage are a handful
# (four outlets at most in the generated corpus, seldom ten in ECB+), so 32 keeps them all and
# bounds the work where a busy week holds thousands of candidates.
STORY_CANDIDATES = 32
# Mentions of these kinds with a canonical name are entities; offices without a known holder
# and collectives are mentions only.
_ENTITY_KINDS = frozenset({"person", "organisation", "state"})
# PostgreSQL's transaction lock on one happening key: two writers adding events of one key wait
# for each other, so the second sees the first's story and joins it instead of making its own.
_KEY_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 1))")

Report = tuple[EventRow, str, Event]  # an event's row, its article's id, the event


def restory(
    session: Session,
    new: Sequence[Report],
    stale: Iterable[str] = (),
) -> None:
    """Merge ``new`` events (flushed, without a story) into the stories, and redo ``stale`` ones.

    ``stale`` names stories that lost members (their article was analysed again).
    """
    keys = sorted({key for _row, _article, event in new if (key := happening_key(event))})
    if session.get_bind().dialect.name == "postgresql":
        for key in keys:
            session.execute(_KEY_LOCK, {"key": key})
    touched = set(stale)
    windows: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for row, _article, event in new:
        row.merge_key = happening_key(event)
        window = merge_window(event)
        if row.merge_key is not None and window is not None:
            windows[row.merge_key].append(window)
    touched.update(_stories_within(session, windows))
    members = [
        row
        for ids in chunked(sorted(touched))
        for row in session.scalars(select(EventRow).where(EventRow.story_id.in_(ids)))
    ]
    reports = [
        (row, doc, event)
        for row, (doc, event) in zip(members, reported(session, members), strict=True)
    ]
    _drop_stories(session, touched)
    _add_stories(session, [*new, *reports])


def _stories_within(session: Session, windows: Mapping[str, list[tuple[date, date]]]) -> set[str]:
    """The stories holding a stored event of one of the keys whose dates reach into its window.

    A stored event of a key, dated ``start`` to ``end``, reaches into the window ``(lo, hi)``
    when ``start <= hi`` and ``end >= lo``. One query per chunk of keys, the windows tested
    here: a batch of new events costs a round trip or two, not one each.
    """
    found: set[str] = set()
    for chunk in chunked(sorted(windows)):
        query = select(
            EventRow.merge_key, EventRow.date, EventRow.enddate, EventRow.story_id
        ).where(EventRow.merge_key.in_(chunk), EventRow.story_id.is_not(None))
        for key, start, end, story in session.execute(query):
            if start is None or end is None:
                continue
            if any(start <= high and end >= low for low, high in windows[key]):
                found.add(story)
    return found


def _add_stories(session: Session, reports: Sequence[Report]) -> None:
    """Merge the reports into stories and write them, their sides, edges and network counts."""
    rows = {id(event): row for row, _article, event in reports}
    stories = merge_events([(article, event) for _row, article, event in reports])
    people = person_codes(session, {p for s in stories for p in s.event.people})
    network: Counter[tuple[str, str, str]] = Counter()
    found: dict[type, list[dict[str, Any]]] = {StoryRow: [], StoryActorRow: [], StoryEdgeRow: []}
    for story in stories:
        event = story.event
        when = {
            "undated": story.when is None,
            "date": story.when.start if story.when else None,
        }  # also on the story's actors, where pages of one actor read them
        found[StoryRow].append(
            {
                **when,
                "id": story.id,
                "event": event.event,
                "enddate": story.when.end if story.when else None,
                "confidence": event.confidence,
                "sources": len(story.sources),
            }
        )
        found[StoryActorRow] += (
            {**when, "story_id": story.id, "code": code}
            for code in dict.fromkeys(event.actor + event.recipient)
        )
        for (a, b), tone in network_edges(story, people).items():
            found[StoryEdgeRow].append({"story_id": story.id, "a": a, "b": b, "tone": tone})
            network[(a, b, tone)] += 1
        for _article, reported in story.reports:
            rows[id(reported)].story_id = story.id
    session.flush()
    for table, values in found.items():  # stories first: the other two refer to them
        for start in range(0, len(values), CHUNK):
            session.execute(insert(table.__table__), values[start : start + CHUNK])
    upsert_counts(session, NetworkCountRow, ("a", "b", "tone"), "stories", network)


def _drop_stories(session: Session, ids: set[str]) -> None:
    """Delete stories (their members are merged again by the caller) and their network share."""
    network: Counter[tuple[str, str, str]] = Counter()
    for chunk in chunked(sorted(ids)):
        for a, b, tone in session.execute(
            select(StoryEdgeRow.a, StoryEdgeRow.b, StoryEdgeRow.tone).where(
                StoryEdgeRow.story_id.in_(chunk)
            )
        ):
            network[(a, b, tone)] -= 1
        for table in (StoryEdgeRow, StoryActorRow):
            session.execute(delete(table).where(table.story_id.in_(chunk)))
        session.execute(delete(StoryRow).where(StoryRow.id.in_(chunk)))
        session.execute(update(EventRow).where(EventRow.story_id.in_(chunk)).values(story_id=None))
    upsert_counts(session, NetworkCountRow, ("a", "b", "tone"), "stories", network)


def network_edges(story: Story, people: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """The pairs of participants a story ties, actor side × recipient, with its tone.

    Codes (states, ``IGO:`` organisations) always take part. A named person (``people`` maps a
    name to its code) takes part on the side whose code matches the person's, so two ministers
    who met get an edge of their own beside their states' edge. Pairs are sorted: the network
    is undirected.
    """
    event = story.event
    tone = "conflict" if event.event in CONFLICT else "cooperation"
    named = [p for p in event.people if p in people]
    pairs = {(a, r) for a in event.actor for r in event.recipient}
    pairs |= {
        (a, r)
        for a in named
        for r in named
        if people[a] in event.actor and people[r] in event.recipient
    }
    return {(min(a, r), max(a, r)): tone for a, r in pairs if a != r}


def person_codes(session: Session, names: Iterable[str]) -> dict[str, str]:
    """Each named person's code: a name resolved to several codes keeps its most mentioned."""
    names = set(names)
    codes: dict[str, str] = {}
    for chunk in chunked(sorted(names)):
        query = (
            select(EntityRow.name, EntityRow.code)
            .where(EntityRow.kind == "person", EntityRow.code.is_not(None))
            .where(EntityRow.name.in_(chunk))
            .order_by(EntityRow.mentions.desc(), EntityRow.code)
        )
        for name, code in session.execute(query):
            codes.setdefault(name, code)
    return codes


def count_mentions(session: Session, mentions: Iterable[Mention], sign: int = 1) -> None:
    """Add (``sign`` 1) or take away (-1) mentions from the entities' counts.

    An entity is a kind, a canonical name and a code; its aliases are the texts of the
    mentions that name it (or its seat), its office the one those mentions give most often
    (any mention's, when none names it). Entities left with no mention are deleted.
    """
    entities: Counter[tuple[str, str, str, str]] = Counter()
    names: Counter[tuple[str, str, str]] = Counter()
    for mention in mentions:
        if mention.kind not in _ENTITY_KINDS or not mention.name:
            continue
        key = entity_id(mention.kind, mention.name, mention.code)
        entities[(key, mention.kind, mention.name, mention.code or "")] += sign
        if mention.office:
            names[(key, "any-office", mention.office)] += sign
        if mention.reference in {"name", "seat"}:
            names[(key, "alias", mention.text)] += sign
            if mention.office:
                names[(key, "office", mention.office)] += sign
    if not entities:
        return
    upsert_counts(
        session, EntityRow, ("id", "kind", "name", "code"), "mentions", entities, nulls={"code"}
    )
    upsert_counts(session, EntityNameRow, ("entity_id", "field", "value"), "mentions", names)
    if sign < 0:
        gone = [key for key, *_rest in entities]
        for chunk in chunked(gone):
            session.execute(
                delete(EntityNameRow).where(
                    EntityNameRow.entity_id.in_(chunk), EntityNameRow.mentions <= 0
                )
            )
            gone_rows = delete(EntityRow).where(EntityRow.id.in_(chunk), EntityRow.mentions <= 0)
            session.execute(gone_rows)


def entity_id(kind: str, name: str, code: str | None) -> str:
    """The stable id of the entity of a kind, canonical name and code."""
    return "ent-" + hashlib.sha1(f"{kind}|{name}|{code}".encode()).hexdigest()[:12]


def upsert_counts(
    session: Session,
    table: type,
    names: tuple[str, ...],
    column: str,
    counts: Mapping[tuple[str, ...], int],
    *,
    nulls: frozenset[str] | set[str] = frozenset(),
) -> None:
    """Add ``counts`` to ``column`` of the rows of ``table`` keyed by ``names`` (new rows too).

    Upserts: writers in several processes (a PostgreSQL store shared by workers) never lose an
    increment or collide on a new key. Keys go in sorted order, so two writers lock shared
    rows in the same order (no deadlock).
    ``nulls`` names key columns given as "" that are stored as NULL.
    """
    # The engine's own dialect (SQLite or PostgreSQL), loaded with it: a SQLite run never
    # imports PostgreSQL's, about 20 ms of every start.
    upsert = import_module(f"sqlalchemy.dialects.{session.get_bind().dialect.name}").insert
    core = table.__table__
    statement = upsert(core)
    statement = statement.on_conflict_do_update(
        index_elements=list(core.primary_key.columns),
        set_={column: core.c[column] + statement.excluded[column]},
    )
    values = []
    for key in sorted(key for key, value in counts.items() if value):
        row = dict(zip(names, key, strict=True))
        row.update({name: None for name in nulls if row[name] == ""})
        values.append({**row, column: counts[key]})
    # One statement, the rows as its parameters: compiled once, not once per thousand rows.
    for start in range(0, len(values), CHUNK):
        session.execute(statement, values[start : start + CHUNK])


def rebuild(session: Session) -> None:
    """Recompute every derived table from the events and mentions stored."""
    for table in (
        EntityNameRow,
        ArticleKeyRow,
        NearCopyRow,
        ArticleStoryRow,
        ArticleCodeRow,
        ArticleFeatureRow,
    ):
        session.execute(delete(table))
    session.execute(delete(EntityRow))
    ids = list(
        session.scalars(
            select(ArticleRow.id).order_by(
                ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id
            )
        )
    )
    for start in range(0, len(ids), CHUNK):  # in order of publication, as they might arrive
        link_articles(session, _link_docs(session, ids[start : start + CHUNK]))
    mentions = session.scalars(select(MentionRow).order_by(MentionRow.id)).yield_per(CHUNK)
    for chunk in mentions.partitions():
        count_mentions(session, [to_record(Mention, row) for row in chunk])
    rebuild_stories(session)


def rebuild_stories(session: Session) -> None:
    """Merge every stored event into stories again, and recount the network from them."""
    for table in (StoryEdgeRow, StoryActorRow, StoryRow, NetworkCountRow):
        session.execute(delete(table))
    session.execute(update(EventRow).values(story_id=None, merge_key=None))
    rows = list(session.scalars(select(EventRow).order_by(EventRow.id)))
    reports = [
        (row, article, event)
        for row, (article, event) in zip(rows, reported(session, rows), strict=True)
    ]
    for row, _article, event in reports:
        row.merge_key = happening_key(event)
    _add_stories(session, reports)
    session.flush()


def date_statements(session: Session) -> None:
    """Give every quotation its article's date.

    Restored rows from a backup made before quotations carried it (schema 10) have none. Not
    part of :func:`rebuild`, which the migration that creates the derived tables runs on a
    schema older than these columns.
    """
    article_date = select(ArticleRow.published).where(ArticleRow.id == StatementRow.article_id)
    session.execute(update(StatementRow).values(published=article_date.scalar_subquery()))
    session.execute(update(StatementRow).values(dated=StatementRow.published.is_not(None)))


def reported(session: Session, rows: Sequence[EventRow]) -> list[tuple[str, Event]]:
    """Event rows as the reports merging takes: their article's id and the event.

    The article's id, not its doc: two articles may share a doc (a file edited and read again,
    two folders' ``index.html``), and a story must tell their reports apart, both to join them
    and to key itself. :func:`stories_by_id` names the sources by their docs for the reader.
    """
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    for chunk in chunked([row.id for row in rows]):
        query = select(EvidenceRow).where(EvidenceRow.event_id.in_(chunk)).order_by(EvidenceRow.id)
        for found in session.scalars(query):
            evidence[found.event_id].append(to_record(Evidence, found))
    return [
        (row.article_id, to_record(Event, row, evidence=tuple(evidence[row.id]))) for row in rows
    ]


def _by_doc(session: Session, stories: Sequence[Story]) -> list[Story]:
    """The stories with each source named by its article's doc, as readers know it.

    The sources are listed in the order of their docs (a story's own order is by article id,
    which a reader cannot follow); two reports of one doc keep their order.
    """
    docs: dict[str, str] = {}
    ids = {key for story in stories for key, _event in story.reports}
    for chunk in chunked(sorted(ids)):
        query = select(ArticleRow.id, ArticleRow.doc).where(ArticleRow.id.in_(chunk))
        docs.update((key, doc) for key, doc in session.execute(query))
    return [
        dataclasses.replace(
            story,
            reports=tuple(sorted(((docs[k], e) for k, e in story.reports), key=itemgetter(0))),
            disagreements=tuple(sorted(((docs[k], w) for k, w in story.disagreements))),
        )
        for story in stories
    ]


# Reading: what pages ask of the derived tables. Each answer is a page of rows found through an
# index; the stories of a page are merged again from their members (a few rows each), which
# gives exactly the stored story without storing the merged event twice.


def link_articles(session: Session, new: Sequence[LinkDoc]) -> None:
    """Find the near-copies and the story cluster of each new article among the stored ones.

    Near-copies: the stored articles sharing an LSH band key with a new one are its only
    candidates (``link.duplicate_pairs``). Story clusters (``link.assign_stories``), one new
    article at a time in order of publication: its candidates are the articles published
    within ``link.STORY_MAX_DAYS`` of it that mention one of its codes (every article of the
    window when it has none), at most :data:`STORY_CANDIDATES` of them, those sharing most
    codes first, with every member of their clusters. The codes are blocking, as record linkage
    calls it: two reports of one happening name its parties, and a week of a large corpus
    holds far more articles than share one of them; the cap keeps the work per article the
    same as the corpus grows. Candidates come as the rows ``article_features`` keeps (date,
    codes, packed views), so their texts are neither read nor analysed again. An undated
    article is compared with the undated new articles of its own batch only, as a window
    around no date would be the whole corpus.
    """
    if not new:
        return
    new = _keep_features(session, new)
    fresh = {doc.id for doc in new}
    keys = {doc.id: signature(doc.text) for doc in new}
    wanted = sorted({key for found in keys.values() for key in found})
    copies = {
        article
        for chunk in chunked(wanted)
        for article in session.scalars(
            select(ArticleKeyRow.article_id).where(ArticleKeyRow.key.in_(chunk))
        )
    }
    pairs = duplicate_pairs(new, _link_docs(session, sorted(copies - fresh)))
    rows = {
        ArticleKeyRow: [
            {"key": k, "article_id": a} for a, found in keys.items() for k in set(found)
        ],
        NearCopyRow: [{"a": a, "b": b} for a, b in pairs],
    }
    for table, values in rows.items():
        for start in range(0, len(values), CHUNK):
            session.execute(insert(table.__table__), values[start : start + CHUNK])
    dated = [(doc.published, doc) for doc in new if doc.published]
    for day, doc in sorted(dated, key=lambda pair: (pair[0], pair[1].id)):
        stored = _story_candidates(session, day, doc.codes)  # the batch's earlier ones too
        story = assign_stories([doc], [pair for pair in stored if pair[0].id != doc.id])[doc.id]
        session.execute(insert(ArticleStoryRow.__table__), {"article_id": doc.id, "story": story})
        codes = [{"code": c, "published": day, "article_id": doc.id} for c in doc.codes]
        if codes:
            session.execute(insert(ArticleCodeRow.__table__), codes)
    undated = assign_stories([doc for doc in new if not doc.published], [])
    if undated:
        session.execute(
            insert(ArticleStoryRow.__table__),
            [{"article_id": a, "story": story} for a, story in undated.items()],
        )


def _keep_features(session: Session, docs: Sequence[LinkDoc]) -> list[LinkDoc]:
    """Write the ``article_features`` rows of new articles; return them with their views."""
    docs = [
        doc if doc.views is not None else dataclasses.replace(doc, views=pack_views(doc.text))
        for doc in docs
    ]
    values = [
        {
            "article_id": doc.id,
            "published": doc.published,
            "codes": " ".join(sorted(doc.codes)),
            "views": doc.views,
        }
        for doc in docs
    ]
    for start in range(0, len(values), CHUNK):
        session.execute(insert(ArticleFeatureRow.__table__), values[start : start + CHUNK])
    return docs


def add_features(session: Session) -> None:
    """Keep the ``article_features`` row of every stored article that has none (schema 13)."""
    kept = select(ArticleFeatureRow.article_id)
    ids = list(session.scalars(select(ArticleRow.id).where(ArticleRow.id.not_in(kept))))
    for start in range(0, len(ids), CHUNK):
        _keep_features(session, _link_docs(session, ids[start : start + CHUNK]))


def recode(session: Session, doc: LinkDoc) -> None:
    """Give a stored article that was analysed again the codes of its new analysis.

    Its candidates are looked up by these (``article_codes``) and compared on them
    (``article_features``); its text and date, and so its views, are those it was stored with.
    """
    query = select(ArticleFeatureRow.codes, ArticleFeatureRow.published)
    stored = session.execute(query.where(ArticleFeatureRow.article_id == doc.id)).first()
    codes = " ".join(sorted(doc.codes))
    if stored is None or stored.codes == codes:
        return
    session.execute(
        update(ArticleFeatureRow).where(ArticleFeatureRow.article_id == doc.id).values(codes=codes)
    )
    day = stored.published
    if day is None:
        return  # article_codes holds dated articles only
    session.execute(
        delete(ArticleCodeRow).where(
            ArticleCodeRow.code.in_(stored.codes.split()),
            ArticleCodeRow.published == day,
            ArticleCodeRow.article_id == doc.id,
        )
    )
    if doc.codes:
        session.execute(
            insert(ArticleCodeRow.__table__),
            [{"code": c, "published": day, "article_id": doc.id} for c in doc.codes],
        )


def _story_candidates(
    session: Session, day: date, codes: frozenset[str]
) -> list[tuple[LinkDoc, str]]:
    """The stored articles an article of ``day`` mentioning ``codes`` may share a story with.

    The :data:`STORY_CANDIDATES` articles of the window that share most of its codes, the
    nearest in date first among equals, then by id (all articles of the window, by date, when
    it has no code), with every member of their clusters, each with its story. A report of the
    same happening names the same parties on about the same day, so it ranks first; the cap
    keeps the work per article the same when a week of the corpus holds thousands of articles
    naming a busy state. One statement, built once: the database ranks the window's rows
    through the index of codes and dates, and only the chosen clusters' rows come back.
    """
    window = timedelta(days=STORY_MAX_DAYS)
    values = {"day": day, "low": day - window, "high": day + window, "limit": STORY_CANDIDATES}
    if codes:
        rows = session.execute(_candidates(True), {**values, "codes": sorted(codes)})
    else:
        rows = session.execute(_candidates(False), values)
    return [
        (
            LinkDoc(
                id=article,
                text="",
                published=published,
                codes=frozenset(joined.split()),
                views=bytes(views),
            ),
            story,
        )
        for article, published, joined, views, story in rows
    ]


@functools.cache
def _candidates(by_codes: bool) -> Select[Any]:
    """The statement of :func:`_story_candidates`, with or without codes to share."""
    day = bindparam("day", type_=Date)
    if by_codes:
        near = (
            select(ArticleCodeRow.article_id)
            .where(
                ArticleCodeRow.code.in_(bindparam("codes", expanding=True)),
                ArticleCodeRow.published.between(bindparam("low"), bindparam("high")),
            )
            .group_by(ArticleCodeRow.article_id, ArticleCodeRow.published)
            .order_by(
                func.count().desc(),
                DaysApart(ArticleCodeRow.published, day),
                ArticleCodeRow.article_id,
            )
        )
    else:
        near = (
            select(ArticleRow.id)
            .where(ArticleRow.published.between(bindparam("low"), bindparam("high")))
            .order_by(DaysApart(ArticleRow.published, day), ArticleRow.id)
        )
    nearest = near.limit(bindparam("limit"))
    stories = select(ArticleStoryRow.story).where(ArticleStoryRow.article_id.in_(nearest))
    return (
        select(
            ArticleFeatureRow.article_id,
            ArticleFeatureRow.published,
            ArticleFeatureRow.codes,
            ArticleFeatureRow.views,
            ArticleStoryRow.story,
        )
        .join(ArticleStoryRow, ArticleStoryRow.article_id == ArticleFeatureRow.article_id)
        .where(ArticleStoryRow.story.in_(stories))
    )


class DaysApart(FunctionElement[int]):
    """Whole days between two dates, either way round, in the dialect's own date arithmetic."""

    type = Integer()
    inherit_cache = True
    name = "days_apart"


@compiles(DaysApart)
def _days_apart(element: DaysApart, compiler: SQLCompiler, **kw: Any) -> str:
    """PostgreSQL's: a date minus a date is a number of days."""
    first, second = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"abs({first} - {second})"


@compiles(DaysApart, "sqlite")
def _days_apart_sqlite(element: DaysApart, compiler: SQLCompiler, **kw: Any) -> str:
    """SQLite's: dates are ISO text, which ``julianday`` reads."""
    first, second = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"abs(julianday({first}) - julianday({second}))"


def _link_docs(session: Session, ids: Sequence[str]) -> list[LinkDoc]:
    """Stored articles as the link stage sees them: text, date and the codes they mention."""
    codes: dict[str, set[str]] = defaultdict(set)
    docs = []
    for chunk in chunked(ids):
        query = select(MentionRow.article_id, MentionRow.codes).where(
            MentionRow.article_id.in_(chunk), MentionRow.kind != "place"
        )
        for article, joined in session.execute(query):
            codes[article].update(joined.split())
        query = select(ArticleRow.id, ArticleRow.text, ArticleRow.published)
        for article, body, published in session.execute(query.where(ArticleRow.id.in_(chunk))):
            docs.append(
                LinkDoc(id=article, text=body, published=published, codes=frozenset(codes[article]))
            )
    return docs


def link_doc(article: Article, mentions: Iterable[Mention]) -> LinkDoc:
    """A new article as the link stage sees it, with the codes of its analysis's mentions."""
    codes = frozenset(code for m in mentions if m.kind != "place" for code in m.codes)
    return LinkDoc(id=article.id, text=article.text, published=article.published, codes=codes)


def story_filter(
    *,
    kind: str | None = None,
    since: date | None = None,
    until: date | None = None,
    min_confidence: float | None = None,
) -> list[ColumnElement[bool]]:
    """The conditions on ``stories`` of the filters of ``communique events`` and the API.

    Without a date range undated stories are kept; with one, only stories whose reconciled
    span overlaps it. The actor filter is a join (:func:`_matching`), not a condition.
    """
    where: list[ColumnElement[bool]] = []
    if kind is not None:
        where.append(StoryRow.event == kind.upper())
    if min_confidence is not None:
        where.append(StoryRow.confidence >= min_confidence)
    if since is not None or until is not None:
        where.append(StoryRow.undated.is_(False))
    if since is not None:
        where.append(StoryRow.enddate >= since)
    if until is not None:
        where.append(StoryRow.date <= until)
    return where


def _matching(
    actor: str | None, where: Sequence[ColumnElement[bool]], *columns: Any
) -> tuple[Select[Any], tuple[Any, Any, Any]]:
    """A select of ``columns`` over the stories matching, and the columns of their order.

    With an actor, the stories come through ``story_actors``, whose copy of each story's date
    is indexed after the code: a page of one actor's stories is an index range, not a walk
    over every story looking for the actor's.
    """
    query = select(*columns).select_from(StoryRow).where(*where)
    if actor is None:
        return query, (StoryRow.undated, StoryRow.date, StoryRow.id)
    query = query.join(StoryActorRow, StoryActorRow.story_id == StoryRow.id)
    query = query.where(StoryActorRow.code == actor)
    return query, (StoryActorRow.undated, StoryActorRow.date, StoryActorRow.story_id)


def stories(
    session: Session,
    where: Sequence[ColumnElement[bool]],
    *,
    actor: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> list[Story]:
    """The stories matching: dated in order of date (or newest first), then undated."""
    query, (undated, day, key) = _matching(actor, where, StoryRow.id)
    order = (day.desc(), key.desc()) if newest_first else (day, key)
    query = query.order_by(undated, *order).offset(offset)
    ids = list(session.scalars(query if limit is None else query.limit(limit)))
    return stories_by_id(session, ids)


def count_stories(
    session: Session, where: Sequence[ColumnElement[bool]], actor: str | None = None
) -> int:
    """How many stories match."""
    query, _order = _matching(actor, where, func.count())
    return session.scalar(query) or 0


def stories_by_id(session: Session, ids: Sequence[str]) -> list[Story]:
    """The stories of ``ids``, in that order, merged again from their member events."""
    members = [
        row
        for chunk in chunked(sorted(set(ids)))
        for row in session.scalars(select(EventRow).where(EventRow.story_id.in_(chunk)))
    ]
    merged = {story.id: story for story in merge_events(reported(session, members))}
    return _by_doc(session, [merged[i] for i in ids if i in merged])


def story_months(
    session: Session, where: Sequence[ColumnElement[bool]], actor: str | None = None
) -> list[tuple[str, str, int]]:
    """``(month "YYYY-MM", PLOVER type, stories)`` of the dated stories matching.

    With an actor, the months come from the actor's copy of each story's date, so that the
    query starts from the index of that actor's rows rather than from every dated story.
    """
    when = StoryRow if actor is None else StoryActorRow
    month = func.substr(cast(when.date, String), 1, 7)
    dated = [when.undated.is_(False), *where]
    query, _order = _matching(actor, dated, month, StoryRow.event, func.count())
    query = query.group_by(month, StoryRow.event).order_by(month, StoryRow.event)
    return [(m, kind, n) for m, kind, n in session.execute(query)]


def network(
    session: Session, since: date | None = None, until: date | None = None
) -> dict[tuple[str, str], Counter[str]]:
    """Stories per pair of participants and tone, over a period (all time without one)."""
    if since is None and until is None:
        rows = session.execute(
            select(NetworkCountRow.a, NetworkCountRow.b, NetworkCountRow.tone)
            .add_columns(NetworkCountRow.stories)
            .where(NetworkCountRow.stories > 0)
        )
    else:
        rows = session.execute(
            select(StoryEdgeRow.a, StoryEdgeRow.b, StoryEdgeRow.tone, func.count())
            .join(StoryRow, StoryRow.id == StoryEdgeRow.story_id)
            .where(*story_filter(since=since, until=until))
            .group_by(StoryEdgeRow.a, StoryEdgeRow.b, StoryEdgeRow.tone)
        )
    edges: dict[tuple[str, str], Counter[str]] = {}
    for a, b, tone, count in rows:
        edges.setdefault((a, b), Counter())[tone] += count
    return edges


def actors(
    session: Session, kind: str | None = None, *, limit: int = 50, offset: int = 0
) -> tuple[list[Actor], int]:
    """Entities of a kind (all kinds without one), most mentioned first, and how many there are.

    An entity's office is the one its mentions by name give most often (any mention's when no
    mention names it); its aliases are the texts that name it, most frequent first.
    """
    where = [EntityRow.kind == kind] if kind else []
    total = session.scalar(select(func.count()).select_from(EntityRow).where(*where)) or 0
    rows = list(
        session.scalars(
            select(EntityRow)
            .where(*where)
            .order_by(EntityRow.mentions.desc(), EntityRow.name, EntityRow.id)
            .limit(limit)
            .offset(offset)
        )
    )
    return _actors(session, rows), total


def _actors(session: Session, rows: Sequence[EntityRow]) -> list[Actor]:
    """Entity rows as records, with their office and aliases from ``entity_names``."""
    names: dict[str, dict[str, list[str]]] = {row.id: {} for row in rows}
    query = (
        select(EntityNameRow.entity_id, EntityNameRow.field, EntityNameRow.value)
        .where(EntityNameRow.entity_id.in_(list(names)), EntityNameRow.mentions > 0)
        .order_by(EntityNameRow.mentions.desc(), EntityNameRow.value)
    )
    for entity, field, value in session.execute(query):
        names[entity].setdefault(field, []).append(value)
    found = []
    for row in rows:
        offices = names[row.id].get("office") or names[row.id].get("any-office") or [None]
        found.append(
            Actor(
                id=row.id,
                name=row.name,
                kind=row.kind,  # type: ignore[arg-type]
                code=row.code,
                office=offices[0],
                aliases=tuple(names[row.id].get("alias", ())),
                mentions=row.mentions,
            )
        )
    return found
