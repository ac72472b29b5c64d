"""Stage 7, store: the database, the only state shared between runs and stages.

One transaction per article and content-hash keys make re-ingesting the same input a no-op and
let a failed document leave nothing half-written. The schema is kept by Alembic migrations
(``migrations``): an older database is upgraded in place on its first writable open, one
process at a time, and a newer one is refused instead of misread.

The package, by what each file holds: ``engine`` (URLs, engines, SQLite pragmas, the query
time limit, the schema's version and upgrades), ``writes`` and ``reads`` (the two halves of
:class:`Store`), ``rows`` (the one mapping between records and rows), ``tables`` (the rows),
``search``, ``backup``, ``health``, ``migrations``, and ``watch`` (the followed sources).
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from . import migrations
from .engine import (
    SCHEMA_VERSION,
    database_url,
    is_timeout,
    open_engine,
    schema_revision,
    schema_version,
    upgrade_for_reader,
    upgrade_schema,
)
from .reads import Reads
from .rows import title_key
from .watch import Source, Watching
from .writes import Writes

__all__ = [
    "SCHEMA_VERSION",
    "Source",
    "Store",
    "database_url",
    "is_timeout",
    "schema_revision",
    "schema_version",
    "title_key",
    "upgrade_schema",
]


class Store(Reads, Writes, Watching):
    """A communique database: open it with :meth:`open`, then read and write records."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

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
            engine = open_engine(url, read_only=read_only, time_limit=time_limit)
            if read_only:
                upgrade_for_reader(engine, url)
            else:
                migrations.upgrade(engine, url)
        except SQLAlchemyError as err:
            raise StoreError("E402", url=url, reason=err.args[0] if err.args else err) from err
        return cls(engine, url)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()
