"""Dependencies the routers share (as ``Annotated`` aliases)."""

from __future__ import annotations

from datetime import date
from threading import Lock
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from ..store import Store
from .cache import Cache

__all__ = ["CacheDep", "PageNumber", "PageSize", "StoreDep", "day", "writer"]

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
