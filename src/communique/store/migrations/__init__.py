"""Schema migrations: Alembic revisions that communique runs itself, one process at a time.

There is no alembic.ini: the script directory is this package and the connection is the
store's. A database is brought to the newest revision on its first writable open (and by
``communique db upgrade``). The whole upgrade is one transaction holding a lock, so processes
opening a new or older database at once take turns: the first upgrades it, the others wait,
then find it current and do nothing. On SQLite the lock is the transaction itself (BEGIN
EXCLUSIVE); on PostgreSQL, where DDL cannot lock a table that does not exist yet, a
transaction-level advisory lock.

Revision ids are schema versions ("0005" is version 5), and every upgrade also writes its
version to ``meta.schema_version``: releases from before Alembic read only that row, so they
still refuse a newer database (E401) instead of misreading it. Their databases have no
``alembic_version`` table; such a database is stamped at the revision of its recorded version
and upgraded from there. Upgrades only, no downgrades: back a database up before upgrading.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    insert,
    inspect,
    select,
    text,
    update,
)

from ...errors import StoreError
from ..tables import Base, MetaRow

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "HEAD",
    "LEGACY",
    "current",
    "has_column",
    "include_name",
    "legacy_version",
    "missing",
    "upgrade",
]

# The newest revision; a test checks it is the script directory's head.
HEAD = "0013"
# The revision a database from before Alembic is stamped at, by its meta.schema_version.
# Version 2 covers several releases whose tables grew without a new number, so it is stamped
# at revision 1 and revision 2 creates whichever of its tables are missing. Version 3 was never
# released (2 went to 4), but its revision exists, and a database claiming it is taken at it.
LEGACY = {1: "0001", 2: "0001", 3: "0003", 4: "0004", 5: "0005"}
_HERE = Path(__file__).parent
_WAIT_MS = 600_000  # how long a SQLite process waits for another's upgrade to finish
_PG_LOCK_KEY = 0x636F6D6D756E  # pg_advisory_xact_lock key: "commun" in ASCII


def current(connection: Connection) -> str | None:
    """The database's revision, or None if it has none (new, or from before Alembic)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.scalar(text("SELECT version_num FROM alembic_version"))


def legacy_version(connection: Connection) -> int | None:
    """The schema version a database from before Alembic recorded (None: a new database)."""
    if not inspect(connection).has_table("meta"):
        return None
    value = connection.scalar(select(MetaRow.value).where(MetaRow.key == "schema_version"))
    return int(value) if value is not None and value.strip().isdigit() else None


def upgrade(engine: Engine, url: str) -> str | None:
    """Bring the database to :data:`HEAD` unless it is there; return the revision it had.

    That is None for a new database, and for one from before Alembic the revision it was
    stamped at. A database newer than this release (a revision or version it does not know)
    raises E401 and is left as it is.
    """
    with engine.connect() as connection:
        found = current(connection)
        connection.rollback()
        if found == HEAD:
            return found
        waited = _lock(connection)
        try:
            found = current(connection)
            if found != HEAD:
                found = _migrate(connection, url, found)
            connection.commit()
        finally:
            if waited is not None:
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {waited}")
    return found


def _lock(connection: Connection) -> int | None:
    """Begin the upgrade's transaction, waiting for any other process's to end.

    Returns the SQLite busy timeout to restore afterwards (None elsewhere): a waiting process
    may need to wait as long as an upgrade takes, longer than the usual few seconds.
    """
    if connection.dialect.name == "sqlite":
        usual = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {_WAIT_MS}")
        connection.exec_driver_sql("BEGIN EXCLUSIVE")
        return int(usual or 0)
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    return None


def _migrate(connection: Connection, url: str, found: str | None) -> str | None:
    """Make a new database, or stamp one from before Alembic and run the missing revisions.

    Records the version either way; returns the revision the upgrade started from.
    """
    version = legacy_version(connection) if found is None else None
    if found is None and version is None and inspect(connection).has_table("articles"):
        version = 1  # tables but no version: an old release's first open, cut short
    if found is None and version is None:
        _create(connection)
    else:
        from alembic import command
        from alembic.script import ScriptDirectory

        config = _config(connection)
        if version is not None:
            if version not in LEGACY:
                raise StoreError("E401", url=url, found=version, known=int(HEAD))
            found = LEGACY[version]
            command.stamp(config, found)
        elif found not in {
            s.revision for s in ScriptDirectory.from_config(config).walk_revisions()
        }:
            raise StoreError(
                "E401", url=url, found=int(found) if found.isdigit() else found, known=int(HEAD)
            )
        command.upgrade(config, HEAD)
    recorded = connection.execute(
        update(MetaRow).where(MetaRow.key == "schema_version").values(value=str(int(HEAD)))
    )
    if not recorded.rowcount:
        connection.execute(insert(MetaRow).values(key="schema_version", value=str(int(HEAD))))
    return found


# Alembic's own record of a database's revision, as its migration context creates it.
_VERSION_TABLE = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def _create(connection: Connection) -> None:
    """Make a new database at :data:`HEAD` at once: the models' tables and the search index.

    Alembic's recipe for a database built from scratch (``create_all``, then stamp the newest
    revision), without importing Alembic, which loads every SQL dialect it knows: a new store
    opens several times faster than running each revision. The revisions and the models
    describe one schema (the upgrade tests compare them), and the search index is made by the
    functions revisions 3 and 6 call.
    """
    from ..search import create_fts_index, create_ts_index

    Base.metadata.create_all(connection)
    if connection.dialect.name == "sqlite":
        create_fts_index(connection)
    elif connection.dialect.name == "postgresql":
        create_ts_index(connection)
    _VERSION_TABLE.create(connection)
    connection.execute(insert(_VERSION_TABLE).values(version_num=HEAD))


def _config(connection: Connection) -> Config:
    """Alembic's configuration, made here: this package's scripts, the given connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.attributes["connection"] = connection
    return config


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Compare only what the models describe, not the search index, which revisions make in SQL.

    That is SQLite's FTS tables (and their shadow tables) and, on PostgreSQL, a table's
    ``search_vector`` column and its ``<table>_search`` index.
    """
    if type_ == "table":
        return name in Base.metadata.tables
    if type_ == "column":
        return name != "search_vector"
    return not (type_ == "index" and name and name.endswith("_search"))


def missing(table: str) -> bool:
    """Whether ``table`` is absent, in a revision run by Alembic.

    Revisions up to 5 are written for databases that open-time patches brought partly up to
    date (see :data:`LEGACY`): they add only what is missing.
    """
    from alembic import op

    return not inspect(op.get_bind()).has_table(table)


def has_column(table: str, column: str) -> bool:
    """Whether ``table`` has ``column``, in a revision run by Alembic (see :func:`missing`)."""
    from alembic import op

    return column in {c["name"] for c in inspect(op.get_bind()).get_columns(table)}


def has_index(table: str, index: str) -> bool:
    """Whether ``table`` has an index named ``index``, in a revision run by Alembic."""
    from alembic import op

    return index in {i["name"] for i in inspect(op.get_bind()).get_indexes(table)}
