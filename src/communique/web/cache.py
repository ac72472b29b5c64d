"""Values the pages compute over the whole store, kept while the store stays as it is.

The overview's counts, the network's layout and the timeline's monthly counts read many rows
(or, for the layout, cost a spring layout's iterations), and twenty clients ask for them again
and again. Each is kept under the store's revision, which changes whenever something is
written, so a page never shows what the database no longer holds: one cheap read per request
instead of the work. Each server process (``serve --workers N``) keeps its own.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any, TypeVar

from ..store import Store

__all__ = ["Cache"]

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
