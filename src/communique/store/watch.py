"""The followed sources (``communique watch``) and the entries of each that are done with.

A source's row holds what its next run needs (the validators of its last answer, when it is
due) and what ``watch list`` shows (last fetch, last new article, failures in a row, last
error). An entry is recorded only once its article is stored (or it is known to give none), in
the same order as the pipeline stores: a run killed between the two fetches that entry again
and finds its article stored, so nothing is lost and nothing stored twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError, WatchError
from .engine import chunked
from .tables import AnalysisRow, WatchEntryRow, WatchSourceRow

__all__ = ["KeptPage", "Source", "Watching"]

# Entry statuses: stored (its article is in the store), failed (the page gives no article, or
# the site refuses it for good), forbidden (robots.txt).
STATUSES = frozenset({"stored", "failed", "forbidden"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A followed source and the state of its fetching; times are naive UTC."""

    name: str
    url: str
    kind: str | None
    every: int
    added_at: datetime
    etag: str | None
    last_modified: str | None
    last_fetch: datetime | None
    last_new: datetime | None
    articles: int
    failures: int
    last_error: str | None
    last_error_at: datetime | None
    next_due: datetime


@dataclass(frozen=True, slots=True)
class KeptPage:
    """A stored entry's kept page: where it came from, its digest, and its article."""

    source: str
    url: str
    page: str
    content_type: str | None
    article_id: str


def _source(row: WatchSourceRow) -> Source:
    """A row as the record callers get: detached, so it outlives its session."""
    return Source(**{f.name: getattr(row, f.name) for f in fields(Source)})


class Watching:
    """The store's followed sources: add, list, remove, and what each run records."""

    engine: Engine
    url: str

    @contextmanager
    def _watch_session(self) -> Iterator[Session]:
        """One transaction; a database error becomes E403, a taken name is left to add_watch."""
        try:
            with Session(self.engine) as session, session.begin():
                yield session
        except IntegrityError:  # a name taken meanwhile: the caller's to report (E711)
            raise
        except SQLAlchemyError as err:
            raise StoreError("E403", url=self.url, reason=err.args[0] if err.args else err) from err

    def add_watch(self, name: str, url: str, *, every: int, now: datetime) -> Source:
        """Follow ``url`` as ``name``, due at once; E711 if the name is taken."""
        row = WatchSourceRow(
            name=name,
            url=url,
            kind=None,
            every=every,
            added_at=now,
            articles=0,
            failures=0,
            next_due=now,
        )
        try:
            with self._watch_session() as session:
                known = session.get(WatchSourceRow, name)
                if known is not None:
                    raise WatchError("E711", name=name, url=known.url)
                session.add(row)
                session.flush()
                return _source(row)
        except IntegrityError as err:  # another process added the name meanwhile
            raise WatchError("E711", name=name, url=url) from err

    def watched(self) -> list[Source]:
        """Every followed source, by name."""
        with Session(self.engine) as session:
            rows = session.scalars(select(WatchSourceRow).order_by(WatchSourceRow.name))
            return [_source(row) for row in rows]

    def due_sources(self, now: datetime) -> list[Source]:
        """The sources due at ``now``, the longest overdue first."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(WatchSourceRow)
                .where(WatchSourceRow.next_due <= now)
                .order_by(WatchSourceRow.next_due, WatchSourceRow.name)
            )
            return [_source(row) for row in rows]

    def remove_watch(self, name: str) -> None:
        """Stop following ``name`` (E712 if no source has it); its stored articles stay."""
        with self._watch_session() as session:
            if session.get(WatchSourceRow, name) is None:
                raise WatchError("E712", name=name)
            session.execute(delete(WatchEntryRow).where(WatchEntryRow.source == name))
            session.execute(delete(WatchSourceRow).where(WatchSourceRow.name == name))

    def unseen(self, name: str, urls: Iterable[str]) -> list[str]:
        """Those of ``urls`` that source ``name`` has not recorded as done, in their order."""
        urls = list(dict.fromkeys(urls))
        seen: set[str] = set()
        with Session(self.engine) as session:
            for chunk in chunked(urls):
                seen.update(
                    session.scalars(
                        select(WatchEntryRow.url).where(
                            WatchEntryRow.source == name, WatchEntryRow.url.in_(chunk)
                        )
                    )
                )
        return [url for url in urls if url not in seen]

    def mark_seen(
        self,
        name: str,
        url: str,
        *,
        status: str,
        now: datetime,
        page: str | None = None,
        content_type: str | None = None,
        article_id: str | None = None,
    ) -> None:
        """Record that ``url`` of source ``name`` is done with (see :data:`STATUSES`).

        Recording it again (its kept page analysed anew) replaces what was recorded.
        """
        if status not in STATUSES:
            raise ValueError(f"unknown entry status {status!r}")
        with self._watch_session() as session:
            row = session.get(WatchEntryRow, (name, url))
            if row is None:
                row = WatchEntryRow(source=name, url=url)
                session.add(row)
            row.status, row.page, row.content_type = status, page, content_type
            row.article_id, row.seen_at = article_id, now

    def outdated_pages(self, version: int) -> list[KeptPage]:
        """The kept pages of stored entries whose article an older analysis version read."""
        query = (
            select(
                WatchEntryRow.source,
                WatchEntryRow.url,
                WatchEntryRow.page,
                WatchEntryRow.content_type,
                WatchEntryRow.article_id,
            )
            .join(AnalysisRow, AnalysisRow.article_id == WatchEntryRow.article_id)
            .where(AnalysisRow.version < version, WatchEntryRow.page.is_not(None))
            .order_by(WatchEntryRow.seen_at)
        )
        with Session(self.engine) as session:
            return [KeptPage(*row) for row in session.execute(query)]

    def record_run(
        self,
        name: str,
        *,
        now: datetime,
        next_due: datetime,
        kind: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        stored: int = 0,
        error: str | None = None,
        fetched: bool = True,
    ) -> None:
        """Record how one run of ``name`` went: what was fetched, stored, or the error.

        ``error`` counts a failure in a row and becomes the source's last error; a run without
        one sets the failures back to 0 (its last error stays on show, with its time).
        Validators are replaced only by a fetch that answered (``fetched``).
        """
        with self._watch_session() as session:
            row = session.get(WatchSourceRow, name)
            if row is None:  # removed while it ran
                return
            row.next_due = next_due
            if fetched:
                row.last_fetch = now
                row.etag, row.last_modified = etag, last_modified
            if kind is not None:
                row.kind = kind
            if stored:
                row.last_new = now
                row.articles += stored
            if error is None:
                row.failures = 0
            else:
                row.failures += 1
                row.last_error, row.last_error_at = error, now
