"""The database engine: URLs, SQLite pragmas, the query time limit and the schema's version.

The store opens its engines with :func:`open_engine`: a writer's SQLite file is
WAL and waits for another process's lock, a reader's cannot write, and a time limit stops
long statements on both database kinds.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from time import monotonic, sleep
from typing import Any, TypeVar
from urllib.parse import quote

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from . import migrations

__all__ = [
    "ROWS_PER_STATEMENT",
    "SCHEMA_VERSION",
    "chunked",
    "database_url",
    "is_timeout",
    "open_engine",
    "schema_revision",
    "schema_version",
    "upgrade_for_reader",
    "upgrade_schema",
]

# The schema's history is the migrations' (store/migrations/versions, one revision a version).
SCHEMA_VERSION = int(migrations.HEAD)
# Rows per statement of upserts and id lists: SQLite and PostgreSQL bound its parameters.
ROWS_PER_STATEMENT = 1_000
_T = TypeVar("_T")
# Seconds a SQLite writer waits for another process's lock (Python's default is 5): a new
# database's first open waits for the process creating it, however loaded the machine.
_WRITER_WAIT = 60.0
# SQLite virtual-machine steps between two looks at the clock under a query time limit.
_CLOCK_STEPS = 1_000


def chunked(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    """``items`` in slices of :data:`ROWS_PER_STATEMENT`, one ``IN (...)`` list a statement.

    SQLite and PostgreSQL bound a statement's parameters, so a list of ids of any length is
    asked for a slice at a time.
    """
    for start in range(0, len(items), ROWS_PER_STATEMENT):
        yield items[start : start + ROWS_PER_STATEMENT]


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
    """WAL with synchronous=NORMAL, and a page cache of 32 MB instead of SQLite's 2 MB.

    WAL with synchronous=NORMAL is SQLite's advice for WAL; a crash never corrupts the file.
    An article's transaction is then not flushed to disk at its commit, only at checkpoints,
    so a power cut may lose the last articles; re-ingesting stores them again.

    Switching a new file to WAL needs a moment alone with it, and SQLite answers "database is
    locked" at once, without waiting, when another process is opening it too: the switch is
    tried again for as long as a writer waits for a lock.

    The cache: new articles land all over the indexes of a large store (their ids are hashes,
    their dates any day), and with 2 MB of pages the index pages each write needs were read
    again and again: 2,000 articles of any date took 15.6 s to add to a store of 110,000 and
    9.7 s with 32 MB (4.2 s to an empty store). The cache is per connection and filled only as
    pages are read, so a small store never takes it.
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
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.close()


def is_timeout(error: BaseException) -> bool:
    """Whether a database error is a statement stopped by the query time limit."""
    orig = getattr(error, "orig", None)
    if isinstance(orig, sqlite3.OperationalError):
        return str(orig) == "interrupted"
    return "57014" in (getattr(orig, "pgcode", None), getattr(orig, "sqlstate", None))


def open_engine(url: str, *, read_only: bool, time_limit: float | None) -> Engine:
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


def schema_revision(url: str) -> tuple[str | None, int | None]:
    """The database's migration revision and, from before migrations, its schema version."""
    url = database_url(url)
    engine = open_engine(url, read_only=True, time_limit=None)
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
    engine = open_engine(url, read_only=False, time_limit=None)
    try:
        return migrations.upgrade(engine, url)
    except SQLAlchemyError as err:
        raise StoreError("E402", url=url, reason=err.args[0] if err.args else err) from err
    finally:
        engine.dispose()


def upgrade_for_reader(engine: Engine, url: str) -> None:
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
    writer = open_engine(url, read_only=False, time_limit=None)
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
