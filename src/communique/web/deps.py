"""Dependencies the routers share (as ``Annotated`` aliases)."""

from __future__ import annotations

from datetime import date
from threading import Lock
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from ..model import SearchKind, SearchResults
from ..store import Store
from .cache import Cache

__all__ = ["CacheDep", "PageNumber", "PageSize", "StoreDep", "day", "search_results", "writer"]

# Pages beyond this are refused (400) rather than turned into offsets SQLite cannot hold.
PageNumber = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
# Rows per HTML page: a page is read by a person, and rendering costs per row.
PageSize = Annotated[int, Query(ge=1, le=200, description="Rows per page (at most 200).")]

_opening = Lock()


def _store(request: Request) -> Store:
    return request.app.state.store


def writer(request: Request) -> Store:
    """The app's writable store, opened on the first write (reads go through a read-only one).

    Opened only after a write is authorised, so a server that is never written to never holds
    a writable connection.
    """
    state = request.app.state
    with _opening:
        if state.writer is None:
            state.writer = Store.open(state.settings.db)
        return state.writer


def _cache(request: Request) -> Cache:
    return request.app.state.cache


StoreDep = Annotated[Store, Depends(_store)]
CacheDep = Annotated[Cache, Depends(_cache)]


def day(value: str | None, name: str) -> date | None:
    """A date from the query string; an empty value (a blank form field) means no limit."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise HTTPException(400, f"{name}: expected a date YYYY-MM-DD, got {value!r}") from error


def search_results(
    store: Store, cache: Cache, query: str, kind: SearchKind | None, *, limit: int, offset: int
) -> SearchResults:
    """A page of search results, kept until the store changes.

    Ranking (BM25, ts_rank) scores every match before the first page can be cut, so a common
    word costs in proportion to the corpus; the queries people repeat are answered once per
    revision. A query that cannot be understood raises :class:`QueryError` and is not kept.
    """
    key = ("search", query, kind, limit, offset)
    return cache.get(store, key, lambda: store.search(query, kind, limit=limit, offset=offset))
