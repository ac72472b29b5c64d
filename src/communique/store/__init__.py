"""Stage 7, store: the database, the only state shared between runs and stages.

One transaction per article and content-hash keys make re-ingesting the same input a no-op and
let a failed document leave nothing half-written. The schema is kept by Alembic migrations
(``migrations``): an older database is upgraded in place on its first writable open, one
process at a time, and a newer one is refused instead of misread.
"""

from __future__ import annotations

import hashlib
import math
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from time import monotonic, sleep
from typing import Any
from urllib.parse import quote

from sqlalchemy import URL, Engine, create_engine, event, func, make_url, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import QueryError, StoreError
from ..link import merge_events
from ..model import (
    Agreement,
    Analysis,
    Article,
    Entity,
    Event,
    Evidence,
    Instrument,
    Mention,
    Role,
    SearchKind,
    SearchResults,
    Span,
    Statement,
    Story,
)
from . import migrations
from .search import KINDS, fts_search, like_search, parse_query, ts_search
from .tables import (
    AnalysisRow,
    ArticleRow,
    ArticleSourceRow,
    EventRow,
    EvidenceRow,
    InstrumentRow,
    LearnedRoleRow,
    LineCountRow,
    MentionRow,
    SourceGroupRow,
    StatementRow,
)

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "database_url",
    "is_timeout",
    "schema_revision",
    "schema_version",
    "upgrade_schema",
]

# The schema's history is the migrations' (store/migrations/versions, one revision a version).
SCHEMA_VERSION = int(migrations.HEAD)
# Seconds a SQLite writer waits for another process's lock (Python's default is 5): a new
# database's first open waits for the process creating it, however loaded the machine.
_WRITER_WAIT = 60.0
# SQLite virtual-machine steps between two looks at the clock under a query time limit.
_CLOCK_STEPS = 1_000
# Undated articles first, as SQLite sorts NULL and PostgreSQL does not: one order on both.
_UNDATED_FIRST = (ArticleRow.published.is_not(None), ArticleRow.published)
# Rows per statement of upserts and id lists: SQLite and PostgreSQL bound its parameters.
_UPSERT_ROWS = 1_000
# The indexed search of each database kind; any other searches with LIKE.
_SEARCHES = {"sqlite": fts_search, "postgresql": ts_search}
# PostgreSQL's transaction lock on one article id, taken by every write of that article.
_ARTICLE_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")


def database_url(value: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as a SQLite file)."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def schema_version(connection: Connection) -> int | None:
    """The schema version a database records (None: it holds no communique schema).

    ``doctor`` and backups read the version through here only, so a change in how it is kept
    is made in one place.
    """
    return migrations.legacy_version(connection)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    """WAL with synchronous=NORMAL: SQLite's advice for WAL; a crash never corrupts the file.

    An article's transaction is then not flushed to disk at its commit, only at checkpoints,
    so a power cut may lose the last articles; re-ingesting stores them again.

    Switching a new file to WAL needs a moment alone with it, and SQLite answers "database is
    locked" at once, without waiting, when another process is opening it too: the switch is
    tried again for as long as a writer waits for a lock.
    """
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    deadline = monotonic() + _WRITER_WAIT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or monotonic() > deadline:
                raise
            sleep(0.02)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def is_timeout(error: BaseException) -> bool:
    """Whether a database error is a statement stopped by the query time limit."""
    orig = getattr(error, "orig", None)
    if isinstance(orig, sqlite3.OperationalError):
        return str(orig) == "interrupted"
    return "57014" in (getattr(orig, "pgcode", None), getattr(orig, "sqlstate", None))


def _engine(url: str, *, read_only: bool, time_limit: float | None) -> Engine:
    """An engine for ``url``; a reader cannot write, and a time limit stops long statements.

    A SQLite reader opens the file with ``mode=ro`` and sets no pragmas: the writer made the
    file WAL (a lasting property of the file), and setting journal_mode would be a write.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":  # SQLAlchemy's default there is psycopg2
            parsed = parsed.set(drivername="postgresql+psycopg")
        options = ["-c default_transaction_read_only=on"] if read_only else []
        if time_limit:
            options.append(f"-c statement_timeout={math.ceil(time_limit * 1000)}")
        return create_engine(parsed, connect_args={"options": " ".join(options)} if options else {})
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url)
    if read_only and parsed.database:
        path = quote(str(Path(parsed.database).expanduser()), safe="/:\\")
        engine = create_engine(
            URL.create(
                parsed.drivername, database=f"file:{path}", query={"mode": "ro", "uri": "true"}
            )
        )
    else:
        engine = create_engine(url, connect_args={"timeout": _WRITER_WAIT})
        event.listen(engine, "connect", _sqlite_pragmas)
    if time_limit:
        _limit_time(engine, time_limit)
    return engine


def _limit_time(engine: Engine, seconds: float) -> None:
    """Stop any SQLite statement of ``engine`` still running ``seconds`` after it started.

    SQLite calls a progress handler every few thousand steps and abandons the statement
    ("interrupted") when it answers true; each execution sets the deadline the handler reads,
    and returning the connection to the pool clears it.
    """

    def arm(dbapi_connection: Any, record: Any) -> None:
        info = record.info
        dbapi_connection.set_progress_handler(
            lambda: int(monotonic() > info.get("deadline", math.inf)), _CLOCK_STEPS
        )

    def start(connection: Any, *_args: Any) -> None:
        connection.info["deadline"] = monotonic() + seconds

    def clear(_dbapi_connection: Any, record: Any, _reset_state: Any) -> None:
        record.info.pop("deadline", None)

    event.listen(engine, "connect", arm)
    event.listen(engine, "before_cursor_execute", start)
    event.listen(engine, "reset", clear)


class Store:
    """A communique database: open it with :meth:`open`, then read and write records."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        # The merged stories and the state of the events table they were computed from.
        self._stories: tuple[tuple[int, int | None], list[Story]] | None = None

    @classmethod
    def open(cls, url: str, *, read_only: bool = False, time_limit: float | None = None) -> Store:
        """Open (creating if needed) the database at ``url``, upgrading an older schema.

        ``read_only`` gives a store that cannot write, for serving the public: whatever a
        request gets the server to run, the data stays as it is. A new or outdated database is
        still created or upgraded first, as users expect the server to simply work; where it
        cannot be written, E407 says to run ``communique db upgrade``. ``time_limit`` (seconds)
        stops any statement that runs longer (see :func:`is_timeout`): one expensive request
        must not hold the server.
        """
        url = database_url(url)
        try:
            engine = _engine(url, read_only=read_only, time_limit=time_limit)
            if read_only:
                _upgrade_for_reader(engine, url)
            else:
                migrations.upgrade(engine, url)
        except SQLAlchemyError as err:
            raise StoreError("E402", url=url, reason=err.args[0] if err.args else err) from err
        return cls(engine, url)

    @property
    def full_text(self) -> bool:
        """Whether search uses an index (SQLite's FTS5, PostgreSQL's tsvector), not plain LIKE."""
        return self.engine.dialect.name in _SEARCHES

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

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

    def analysed(self, article_id: str) -> int | None:
        """The analysis version an article was stored with (None: not stored or not analysed)."""
        with Session(self.engine) as session:
            row = session.get(AnalysisRow, article_id)
            return row.version if row else None

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
            return self._save(
                session, article, analysis, version=version, group=group, fingerprints=fingerprints
            )

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
            events: list[tuple[EventRow, Event]] = []
            session.add_all(_article_row(article) for article, *_rest in fresh)
            session.flush()  # the articles first: the other rows refer to them
            for article, analysis, group, fingerprints in fresh:
                session.add(ArticleSourceRow(article_id=article.id, doc=article.doc))
                session.add(AnalysisRow(article_id=article.id, version=version))
                docs[group] += 1
                lines.update((group, fingerprint) for fingerprint in set(fingerprints))
                events += _add_analysis(session, article, analysis)
            _count_lines(session, docs, lines)
            session.flush()  # once, for the events' ids
            session.add_all(_evidence_rows(events))
            return len(fresh) + sum(
                self._save(session, article, analysis, version=version, group=group, fingerprints=f)
                for article, analysis, group, f in again
            )

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
        if new:
            session.add(_article_row(article))
            session.add(ArticleSourceRow(article_id=article.id, doc=article.doc))
            lines = Counter((group, fingerprint) for fingerprint in set(fingerprints))
            _count_lines(session, Counter({group: 1}), lines)
        else:
            self._add_source(session, article.id, article.doc)
            old = select(EventRow.id).where(EventRow.article_id == article.id)
            session.query(EvidenceRow).filter(EvidenceRow.event_id.in_(old)).delete()
            for table in (MentionRow, LearnedRoleRow, StatementRow, InstrumentRow, EventRow):
                session.query(table).filter(table.article_id == article.id).delete()
        session.merge(AnalysisRow(article_id=article.id, version=version))
        events = _add_analysis(session, article, analysis)
        session.flush()  # once, for the events' ids
        session.add_all(_evidence_rows(events))
        return new

    def learned_roles(self) -> list[Role]:
        """Every role learned from stored texts, oldest first, for the knowledge base."""
        with Session(self.engine) as session:
            rows = session.scalars(select(LearnedRoleRow).order_by(LearnedRoleRow.id))
            return [
                Role(person=r.person, office=r.office, code=r.code, doc=r.doc, sentence=r.sentence)
                for r in rows
            ]

    def mentions(self, article_id: str | None = None) -> Iterator[tuple[Article, Mention]]:
        """Every stored mention with its article (of one article when ``article_id`` is given)."""
        order = (*_UNDATED_FIRST, ArticleRow.id, MentionRow.start, MentionRow.id)
        with Session(self.engine) as session:
            for article_row, row in _with_articles(session, MentionRow, article_id, order):
                yield _article(article_row), _mention(row)

    def instruments(self, article_id: str | None = None) -> Iterator[tuple[Article, Instrument]]:
        """Every stored instrument action with its article, oldest publication first."""
        order = (*_UNDATED_FIRST, ArticleRow.id, InstrumentRow.start, InstrumentRow.id)
        with Session(self.engine) as session:
            for article_row, row in _with_articles(session, InstrumentRow, article_id, order):
                yield _article(article_row), _instrument(row)

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
                evidence[ev.event_id].append(
                    Evidence(start=ev.start, end=ev.end, sentence=ev.sentence)
                )
            for article_row, row in pairs:
                yield _article(article_row), _event(row, tuple(evidence[row.id]))

    def stories(
        self,
        *,
        actor: str | None = None,
        kind: str | None = None,
        since: date | None = None,
        until: date | None = None,
        min_confidence: float | None = None,
    ) -> list[Story]:
        """Every happening once, with the events of every article that reports it.

        The filters are those of ``communique events``, the API and the briefing: an actor or
        recipient code, a PLOVER type, a date range (undated events only without one), and
        the least confidence of the merged event (its sources' corroboration included).
        """
        stories = self._merged()
        low, high = since or date.min, until or date.max
        return [
            story
            for story in stories
            if (actor is None or actor in story.event.actor + story.event.recipient)
            and (kind is None or story.event.event == kind.upper())
            and (min_confidence is None or story.event.confidence >= min_confidence)
            and (
                (story.when is None and since is None and until is None)
                or (story.when is not None and story.when.end >= low and story.when.start <= high)
            )
        ]

    def _merged(self) -> list[Story]:
        """All stories, merged again only when the events table changed since the last call.

        Events are only ever inserted or replaced (new ids), so their count and highest id
        tell whether anything changed; a page view then costs one small query.
        """
        with Session(self.engine) as session:
            count, last = session.execute(
                select(func.count(EventRow.id), func.max(EventRow.id))
            ).one()
        if self._stories is None or self._stories[0] != (count, last):
            merged = merge_events([(article.doc, event) for article, event in self.events()])
            self._stories = ((count, last), merged)
        return self._stories[1]

    def agreements(self, *, min_confidence: float | None = None) -> list[Agreement]:
        """Each named instrument once, its actions from every article forming its history.

        ``min_confidence`` keeps only the actions at least that confident (and the
        instruments that still have one).
        """
        grouped: dict[str, list[tuple[Article, Instrument]]] = defaultdict(list)
        for article, item in self.instruments():
            if min_confidence is not None and item.confidence < min_confidence:
                continue
            grouped[title_key(item.title)].append((article, item))
        found = []
        for key, items in grouped.items():
            items.sort(key=lambda pair: pair[1].when.start if pair[1].when else date.max)
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
        return sorted(found, key=lambda a: (-len(a.actions), a.title))

    def statements(self, article_id: str | None = None) -> Iterator[tuple[Article, Statement]]:
        """Every stored quotation with its article, in order of publication and position."""
        order = (*_UNDATED_FIRST, ArticleRow.id, StatementRow.start)
        with Session(self.engine) as session:
            for article_row, row in _with_articles(session, StatementRow, article_id, order):
                yield _article(article_row), _statement(row)

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
            key = f"{kind}|{name}|{code}".encode()
            found.append(
                Entity(
                    id="ent-" + hashlib.sha1(key).hexdigest()[:12],
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

    def articles(self) -> Iterator[Article]:
        """Every stored article, oldest publication first (undated last), then by source name."""
        with Session(self.engine) as session:
            query = select(ArticleRow).order_by(
                ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.doc
            )
            for row in session.scalars(query):
                yield _article(row)

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
            return _article(row) if row else None

    def docs_of(self, article_id: str) -> list[str]:
        """Every source name the article arrived under, first arrival first."""
        with Session(self.engine) as session:
            query = (
                select(ArticleSourceRow.doc)
                .where(ArticleSourceRow.article_id == article_id)
                .order_by(ArticleSourceRow.id)
            )
            return list(session.scalars(query))


def schema_revision(url: str) -> tuple[str | None, int | None]:
    """The database's migration revision and, from before migrations, its schema version."""
    url = database_url(url)
    engine = _engine(url, read_only=True, time_limit=None)
    try:
        with engine.connect() as connection:
            return migrations.current(connection), migrations.legacy_version(connection)
    except SQLAlchemyError as err:
        raise StoreError("E402", url=url, reason=err.args[0] if err.args else err) from err
    finally:
        engine.dispose()


def upgrade_schema(url: str) -> str | None:
    """Create or upgrade the database at ``url``; return the revision it had (None: new)."""
    url = database_url(url)
    engine = _engine(url, read_only=False, time_limit=None)
    try:
        return migrations.upgrade(engine, url)
    except SQLAlchemyError as err:
        raise StoreError("E402", url=url, reason=err.args[0] if err.args else err) from err
    finally:
        engine.dispose()


def _upgrade_for_reader(engine: Engine, url: str) -> None:
    """Make sure a reader's database exists at the current schema, upgrading it if need be.

    An outdated database the reader can read but not write is E407, naming the command that
    upgrades it; one it cannot even read (no such file yet, say) is left to the writer to open.
    """
    try:
        with engine.connect() as connection:
            found = migrations.current(connection)
            legacy = migrations.legacy_version(connection) if found is None else None
    except SQLAlchemyError:
        found, legacy, readable = None, None, False
    else:
        readable = True
    if found == migrations.HEAD:
        return
    writer = _engine(url, read_only=False, time_limit=None)
    try:
        migrations.upgrade(writer, url)
    except SQLAlchemyError as err:
        if not readable:
            raise
        reason = err.args[0] if err.args else err
        raise StoreError(
            "E407", url=url, found=found or legacy or "none", known=migrations.HEAD, reason=reason
        ) from err
    finally:
        writer.dispose()
    engine.connect().close()  # fail here, not on the first request


def _count(
    session: Session,
    table: type[SourceGroupRow | LineCountRow],
    names: tuple[str, ...],
    counts: Mapping[tuple[str, ...], int],
) -> None:
    """Add ``counts`` to the ``docs`` of the rows of ``table`` keyed by ``names`` (new rows too).

    Upserts: writers in several processes (a PostgreSQL store shared by workers) never lose an
    increment or collide on a new key, and a batch's lines take a round trip per thousand.
    Keys go in sorted order, so two writers lock shared rows in the same order (no deadlock).
    """
    upsert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    ordered = sorted(counts)
    for start in range(0, len(ordered), _UPSERT_ROWS):
        statement = upsert(table).values(
            [
                {**dict(zip(names, key, strict=True)), "docs": counts[key]}
                for key in ordered[start : start + _UPSERT_ROWS]
            ]
        )
        session.execute(
            statement.on_conflict_do_update(
                index_elements=list(names), set_={"docs": table.docs + statement.excluded.docs}
            )
        )


def _article_row(article: Article) -> ArticleRow:
    return ArticleRow(
        id=article.id,
        doc=article.doc,
        title=article.title,
        published=article.published,
        language=article.language,
        publisher=article.publisher,
        url=article.url,
        text=article.text,
        ingested_at=datetime.now(UTC).replace(tzinfo=None),
    )


def _add_analysis(
    session: Session, article: Article, analysis: Analysis
) -> list[tuple[EventRow, Event]]:
    """Add an analysis's rows; return its event rows (their evidence needs their ids)."""
    session.add_all(_mention_row(article.id, m) for m in analysis.mentions)
    session.add_all(
        StatementRow(
            article_id=article.id,
            speaker=st.speaker,
            code=st.code,
            office=st.office,
            quote=st.quote,
            start=st.start,
            end=st.end,
            layout=st.layout,
            confidence=st.confidence,
        )
        for st in analysis.statements
    )
    session.add_all(_instrument_row(article.id, item) for item in analysis.instruments)
    events = [(_event_row(article.id, event), event) for event in analysis.events]
    session.add_all(row for row, _event in events)
    session.add_all(
        LearnedRoleRow(
            article_id=article.id,
            person=role.person,
            office=role.office,
            code=role.code,
            doc=role.doc or article.doc,
            sentence=role.sentence or "",
        )
        for role in analysis.learned
    )
    return events


def _evidence_rows(events: list[tuple[EventRow, Event]]) -> Iterator[EvidenceRow]:
    """The evidence of events whose rows have been flushed (and so have ids)."""
    for row, record in events:
        for e in record.evidence:
            yield EvidenceRow(event_id=row.id, start=e.start, end=e.end, sentence=e.sentence)


def _count_lines(session: Session, docs: Counter[str], lines: Counter[tuple[str, str]]) -> None:
    """Add new documents per source group and the lines each counts (``(group, fingerprint)``)."""
    _count(session, SourceGroupRow, ("name",), {(group,): n for group, n in docs.items()})
    _count(session, LineCountRow, ("source", "fingerprint"), lines)


def _article(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        doc=row.doc,
        text=row.text,
        title=row.title,
        published=row.published,
        language=row.language,
        publisher=row.publisher,
        url=row.url,
    )


def _mention_row(article_id: str, mention: Mention) -> MentionRow:
    return MentionRow(
        article_id=article_id,
        start=mention.start,
        end=mention.end,
        text=mention.text,
        kind=mention.kind,
        name=mention.name,
        codes=" ".join(mention.codes),
        office=mention.office,
        sector=mention.sector,
        sentence=mention.sentence,
        reference=mention.reference,
    )


def _mention(row: MentionRow) -> Mention:
    return Mention(
        start=row.start,
        end=row.end,
        text=row.text,
        kind=row.kind,  # type: ignore[arg-type]
        name=row.name,
        codes=tuple(row.codes.split()),
        office=row.office,
        sector=row.sector,
        sentence=row.sentence,
        reference=row.reference,  # type: ignore[arg-type]
    )


def title_key(title: str) -> str:
    """Normalise an instrument's title so its namings across texts meet: case, articles, space."""
    words = re.findall(r"[\w-]+", title.casefold())
    return " ".join(w for w in words if w not in {"the", "a", "an"})


def _instrument_row(article_id: str, item: Instrument) -> InstrumentRow:
    return InstrumentRow(
        article_id=article_id,
        key=title_key(item.title),
        title=item.title,
        kind=item.kind,
        action=item.action,
        parties=" ".join(item.parties),
        date=item.when.start if item.when else None,
        enddate=item.when.end if item.when else None,
        precision=item.when.precision if item.when else None,
        start=item.start,
        end=item.end,
        sentence=item.sentence,
        confidence=item.confidence,
    )


def _instrument(row: InstrumentRow) -> Instrument:
    when = None
    if row.date is not None and row.enddate is not None:
        when = Span(start=row.date, end=row.enddate, precision=row.precision)  # type: ignore[arg-type]
    return Instrument(
        title=row.title,
        kind=row.kind,
        action=row.action,
        parties=tuple(row.parties.split()),
        when=when,
        start=row.start,
        end=row.end,
        sentence=row.sentence,
        confidence=row.confidence,
    )


def _event_row(article_id: str, event: Event) -> EventRow:
    return EventRow(
        article_id=article_id,
        event=event.event,
        mode=event.mode,
        context=event.context,
        actor=" ".join(event.actor),
        recipient=" ".join(event.recipient),
        people="|".join(event.people),
        date=event.when.start if event.when else None,
        enddate=event.when.end if event.when else None,
        precision=event.when.precision if event.when else None,
        from_publication=event.when.from_publication if event.when else False,
        place=event.place,
        place_code=event.place_code,
        negated=event.negated,
        tense=event.tense,
        actor_text=event.actor_text,
        confidence=event.confidence,
    )


def _event(row: EventRow, evidence: tuple[Evidence, ...]) -> Event:
    when = None
    if row.date is not None and row.enddate is not None:
        when = Span(
            start=row.date,
            end=row.enddate,
            precision=row.precision,  # type: ignore[arg-type]
            from_publication=row.from_publication,
        )
    return Event(
        event=row.event,
        mode=row.mode,
        context=row.context,
        actor=tuple(row.actor.split()),
        recipient=tuple(row.recipient.split()),
        people=tuple(p for p in row.people.split("|") if p),
        when=when,
        place=row.place,
        place_code=row.place_code,
        negated=row.negated,
        tense=row.tense,  # type: ignore[arg-type]
        evidence=evidence,
        actor_text=row.actor_text,
        confidence=row.confidence,
    )


def _with_articles(
    session: Session, table: type, article_id: str | None, order: tuple
) -> list[tuple[ArticleRow, Any]]:
    """Rows of a per-article table with their article (of one article when ``article_id``).

    Each article is read once, not once per row: a 1.5 MB transcript with ten thousand
    mentions would otherwise bring its text over ten thousand times before the rows are mapped.
    """
    query = select(table).join(ArticleRow, table.article_id == ArticleRow.id)
    if article_id is not None:
        query = query.where(ArticleRow.id == article_id)
    rows = list(session.scalars(query.order_by(*order)))
    wanted = sorted({row.article_id for row in rows})
    articles: dict[str, ArticleRow] = {}
    for start in range(0, len(wanted), _UPSERT_ROWS):
        chunk = wanted[start : start + _UPSERT_ROWS]
        articles.update(
            (a.id, a) for a in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk)))
        )
    return [(articles[row.article_id], row) for row in rows]


def _statement(row: StatementRow) -> Statement:
    return Statement(
        speaker=row.speaker,
        code=row.code,
        office=row.office,
        quote=row.quote,
        start=row.start,
        end=row.end,
        layout=row.layout,  # type: ignore[arg-type]
        confidence=row.confidence,
    )
