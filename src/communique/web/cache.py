"""Values and answers the pages compute over the store, kept while the store stays as it is.

The overview's counts, the network's layout and the timeline's monthly counts read many rows
(or, for the layout, cost a spring layout's iterations), and twenty clients ask for them again
and again. Each is kept under the store's revision, which changes whenever something is
written, so a page never shows what the database no longer holds: one cheap read per request
instead of the work. Each server process (``serve --workers N``) keeps its own.

:class:`Cache` keeps values a route computes (the counts of every page of a list);
:class:`Answers` keeps whole answers, so a page asked again is not even rendered again.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any, TypeVar

from anyio import to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store import Store

__all__ = ["Answers", "Cache"]

T = TypeVar("T")


class Cache:
    """At most ``size`` values by key, the least recently used dropped first.

    A value is computed once even when several requests ask for it at the same moment: each
    key has a lock, and the requests behind the first wait for its answer instead of doing the
    same work again on the same two cores.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._locks: dict[Hashable, Lock] = {}
        self._lock = Lock()

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        """The value of ``key`` for the store as it is now, computed if not kept."""
        full = (store.revision(), key)
        with self._lock:
            if full in self._values:
                self._values.move_to_end(full)
                return self._values[full]
            lock = self._locks.setdefault(full, Lock())
        with lock:
            with self._lock:
                if full in self._values:
                    return self._values[full]
            value = compute()
            with self._lock:
                self._values[full] = value
                self._locks.pop(full, None)
                while len(self._values) > self.size:
                    self._values.popitem(last=False)
        return value


class Answers:
    """Whole answers to GET requests, kept per store revision: an ASGI layer before the routes.

    The pages and the API are functions of the store and the request's path and query: while
    the store's revision stays the same, the same request gets the same bytes. An analyst's
    morning is the overview, a relationship, the network, again and again, and twenty clients
    on two cores wait behind each other's queries; a kept answer costs one revision read. Only
    complete 200 answers of at most ``largest`` bytes are kept, ``budget`` bytes in all, the least
    recently used dropped first; requests for one answer at the same moment wait for the
    first instead of running its queries again.
    """

    def __init__(self, app: ASGIApp, *, budget: int = 64_000_000, largest: int = 2_000_000) -> None:
        self.app = app
        self.budget = budget
        self.largest = largest
        self._bytes = 0
        self._kept: OrderedDict[Hashable, tuple[int, list[tuple[bytes, bytes]], bytes]] = (
            OrderedDict()
        )
        self._pending: dict[Hashable, asyncio.Lock] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a GET from what is kept for the store's revision, or through the routes."""
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        store: Store = scope["app"].state.store
        revision = await to_thread.run_sync(store.revision)
        key = (revision, scope["path"], scope["query_string"])
        lock = self._pending.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                kept = self._kept.get(key)
                if kept is None:
                    await self._answer_and_keep(key, scope, receive, send)
                    return
                self._kept.move_to_end(key)
        finally:
            if not lock.locked() and self._pending.get(key) is lock:
                del self._pending[key]
        status, headers, body = kept
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _answer_and_keep(
        self, key: Hashable, scope: Scope, receive: Receive, send: Send
    ) -> None:
        """Answer through the routes, passing every message on, and keep the answer if it may."""
        start: Message = {}
        parts: list[bytes] = []
        size = 0

        async def passing(message: Message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and size <= self.largest:
                parts.append(message.get("body", b""))
                size += len(parts[-1])
            await send(message)

        await self.app(scope, receive, passing)
        if start.get("status") == 200 and size <= self.largest:
            self._kept[key] = (200, list(start.get("headers", [])), b"".join(parts))
            self._bytes += size
            while self._bytes > self.budget:
                _key, (_status, _headers, body) = self._kept.popitem(last=False)
                self._bytes -= len(body)
