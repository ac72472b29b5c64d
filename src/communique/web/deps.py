"""Dependencies the routers share (as ``Annotated`` aliases)."""

from __future__ import annotations

from threading import Lock
from typing import Annotated

from fastapi import Depends, Request

from ..store import Store

__all__ = ["StoreDep", "writer"]

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


StoreDep = Annotated[Store, Depends(_store)]
