"""Backup and restore of the whole store: one JSON Lines file per table and a manifest.

The tables are those of the SQLAlchemy models (``Base.metadata``), in dependency order, so a
table added later is backed up without a change here. Each file holds every column of every
row, ordered by primary key, one JSON object a line; the manifest records the schema version,
the release, and each file's row count and sha256. Restoring checks all of that before it
writes anything, so a truncated, edited or newer backup is refused with one line, and the
database is left as it was. The SQLite search index is not in the backup: its triggers rebuild
it from the restored rows. Nor are the derived tables (stories, network, actors' counts): the
restore recomputes them from the rows it leaves, in the same transaction.

An article (keyed by the hash of its content) is the unit of a merge: one the database already
holds keeps what it has, and the backup's rows that belong to it (through ``article_id``, or an
event's evidence through its event) are skipped; a new one comes with all its rows, under new
row ids where the database has its own. Rows keyed by their own values (meta, cleaning counts)
are added where the key is missing and otherwise left as the database has them: adding two
counts would count twice any document both databases hold, and an inflated boilerplate count
would cut real lines out of later articles.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, UniqueConstraint, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError
from . import SCHEMA_VERSION, Store, derived, schema_version
from .tables import DERIVED, ArticleRow, Base

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "Manifest",
    "RestoreReport",
    "TableEntry",
    "communique_version",
    "export_all",
    "read_backup",
    "restore",
]

FORMAT = "communique-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
_CHUNK = 1_000  # rows per read and per insert: memory stays flat whatever the table's size


@dataclass(frozen=True, slots=True)
class TableEntry:
    """One table's file in a backup: its name, columns, row count and content hash."""

    table: str
    file: str
    columns: tuple[str, ...]
    rows: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a backup directory holds, as its ``manifest.json`` says."""

    path: Path
    schema_version: int
    communique_version: str
    created: str
    tables: tuple[TableEntry, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form written as ``manifest.json``."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_version": self.schema_version,
            "communique_version": self.communique_version,
            "created": self.created,
            "tables": [
                {
                    "table": entry.table,
                    "file": entry.file,
                    "columns": list(entry.columns),
                    "rows": entry.rows,
                    "sha256": entry.sha256,
                }
                for entry in self.tables
            ],
        }


@dataclass(slots=True)
class RestoreReport:
    """What a restore did: rows added and rows skipped (already held) per table."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    kept_ids: bool = True  # whether row ids are those of the backup (an empty database)


def communique_version() -> str:
    """The installed release, for the manifest (``unknown`` when run from a bare checkout)."""
    try:
        return version("communique")
    except PackageNotFoundError:
        return "unknown"


def export_all(store: Store, out: Path) -> Manifest:
    """Write every table of ``store`` to the directory ``out`` (new or empty), then the manifest.

    The manifest comes last: a directory without one is an interrupted backup, refused by
    :func:`read_backup`.
    """
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise StoreError("E425", path=out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with store.engine.connect() as connection:
            _snapshot(connection)
            found = schema_version(connection)
            entries = tuple(
                _dump(connection, table, out)
                for table in Base.metadata.sorted_tables
                if table.name not in DERIVED
            )
        manifest = Manifest(
            path=out,
            schema_version=found if found is not None else SCHEMA_VERSION,
            communique_version=communique_version(),
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            tables=entries,
        )
        (out / MANIFEST).write_text(
            json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    except OSError as err:
        raise StoreError("E426", path=out, reason=err.strerror or err) from err
    return manifest


def _snapshot(connection: Connection) -> None:
    """Read every table as of one moment, so an ingest running meanwhile cannot split a backup.

    Python's sqlite3 starts a transaction only before a write, so each read would see the
    database as it then is; PostgreSQL's default isolation takes a snapshot per statement.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN")
    elif connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="REPEATABLE READ")


def _dump(connection: Connection, table: Table, out: Path) -> TableEntry:
    """Write one table as JSON Lines, in primary-key order, hashing as it goes."""
    name = f"{table.name}.jsonl"
    digest = hashlib.sha256()
    rows = 0
    query = select(table).order_by(*table.primary_key.columns)
    with (out / name).open("w", encoding="utf-8", newline="\n") as handle:
        result = connection.execution_options(yield_per=_CHUNK).execute(query)
        for row in result.mappings():
            line = json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False) + "\n"
            handle.write(line)
            digest.update(line.encode("utf-8"))
            rows += 1
    return TableEntry(
        table=table.name,
        file=name,
        columns=tuple(c.name for c in table.columns),
        rows=rows,
        sha256=digest.hexdigest(),
    )


def _encode(value: object) -> object:
    """A column value as JSON: dates and times in ISO form, everything else as it is."""
    return value.isoformat() if isinstance(value, date) else value


def read_backup(path: Path) -> Manifest:
    """Read and check a backup directory: its manifest, schema version, tables and file hashes.

    Nothing is written anywhere; every refusal is a :class:`StoreError` naming what is wrong.
    """
    try:
        data = json.loads((path / MANIFEST).read_text("utf-8"))
    except FileNotFoundError as err:
        raise StoreError("E420", path=path, reason=f"no {MANIFEST} in it") from err
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise StoreError("E420", path=path, reason=f"{MANIFEST}: {err}") from err
    try:
        if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"format is not {FORMAT} version {FORMAT_VERSION}")
        manifest = Manifest(
            path=path,
            schema_version=int(data["schema_version"]),
            communique_version=str(data.get("communique_version", "unknown")),
            created=str(data.get("created", "")),
            tables=tuple(
                TableEntry(
                    table=str(t["table"]),
                    file=str(t["file"]),
                    columns=tuple(map(str, t["columns"])),
                    rows=int(t["rows"]),
                    sha256=str(t["sha256"]),
                )
                for t in data["tables"]
            ),
        )
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        raise StoreError("E420", path=path, reason=f"{MANIFEST}: {err}") from err
    if manifest.schema_version > SCHEMA_VERSION:
        raise StoreError(
            "E421",
            path=path,
            found=manifest.schema_version,
            release=manifest.communique_version,
            known=SCHEMA_VERSION,
        )
    tables = Base.metadata.tables
    for entry in manifest.tables:
        if entry.table not in tables:
            raise StoreError("E423", path=path, what=f"table {entry.table!r}")
        unknown = set(entry.columns) - set(tables[entry.table].columns.keys())
        if unknown:
            raise StoreError("E423", path=path, what=f"column {entry.table}.{sorted(unknown)[0]}")
        if Path(entry.file).name != entry.file:
            raise StoreError("E422", path=path, file=entry.file, reason="not a plain file name")
        _check_file(path, entry)
    return manifest


def _check_file(path: Path, entry: TableEntry) -> None:
    """Compare a table file with the manifest: its sha256 and number of lines."""
    digest = hashlib.sha256()
    lines = 0
    try:
        with (path / entry.file).open("rb") as handle:
            for line in handle:
                digest.update(line)
                lines += 1
    except OSError as err:
        reason = err.strerror or str(err)
        raise StoreError("E422", path=path, file=entry.file, reason=reason) from err
    if digest.hexdigest() != entry.sha256:
        raise StoreError(
            "E422", path=path, file=entry.file, reason="its sha256 differs from the manifest's"
        )
    if lines != entry.rows:
        raise StoreError(
            "E422",
            path=path,
            file=entry.file,
            reason=f"{lines} rows where the manifest says {entry.rows}",
        )


def restore(store: Store, manifest: Manifest, *, merge: bool = False) -> RestoreReport:
    """Load a checked backup into ``store``, in one transaction (all of it or nothing).

    Into a database without articles the backup is restored exactly, row ids included. Into
    one that holds articles, only with ``merge``, unless the database already holds every
    article of the backup, when there is nothing to add (importing twice changes nothing).
    """
    entries = {entry.table: entry for entry in manifest.tables}
    report = RestoreReport()
    try:
        with store.engine.begin() as connection:
            if connection.dialect.name == "sqlite":
                # Hold the write lock from the first read: what is held decides what is added.
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            held = connection.scalar(select(func.count()).select_from(ArticleRow)) or 0
            if held and not merge:
                new = _new_articles(connection, manifest, entries.get(ArticleRow.__tablename__))
                if new:
                    raise StoreError("E424", url=store.url, held=held, new=new)
            report.kept_ids = not any(
                connection.scalar(select(func.count()).select_from(table))
                for table in Base.metadata.sorted_tables
                if _surrogate(table)
            )
            _Loader(connection, manifest, report).run(entries)
            derived.date_statements(Session(bind=connection))
            derived.rebuild(Session(bind=connection))
            if report.kept_ids and connection.dialect.name == "postgresql":
                _advance_sequences(connection)
    except SQLAlchemyError as err:
        raise StoreError("E403", url=store.url, reason=err.args[0] if err.args else err) from err
    return report


def _new_articles(connection: Connection, manifest: Manifest, entry: TableEntry | None) -> int:
    """How many of the backup's articles the database does not hold."""
    if entry is None:
        return 0
    held = set(connection.scalars(select(ArticleRow.id)))
    return sum(row.get("id") not in held for row in _rows(manifest.path, entry))


def _surrogate(table: Table) -> bool:
    """Whether a table is keyed by a generated integer id (which two databases both use)."""
    keys = list(table.primary_key.columns)
    return len(keys) == 1 and keys[0].autoincrement is True


class _Loader:
    """Insert a backup's tables in dependency order, skipping and renumbering as needed."""

    def __init__(self, connection: Connection, manifest: Manifest, report: RestoreReport) -> None:
        self.connection = connection
        self.path = manifest.path
        self.report = report
        # Per table: keys of the backup's rows not inserted (held already, or their parent
        # was), and for renumbered rows their new id by their old one.
        self.skipped: dict[str, set[Any]] = {}
        self.renumbered: dict[str, dict[Any, Any]] = {}
        self.referenced = {
            fk.column.table.name
            for table in Base.metadata.sorted_tables
            for fk in table.foreign_keys
        }

    def run(self, entries: dict[str, TableEntry]) -> None:
        """Load every table the backup holds, parents before the tables that refer to them."""
        for table in Base.metadata.sorted_tables:
            entry = entries.get(table.name)
            if entry is not None:
                self._load(table, entry)

    def _load(self, table: Table, entry: TableEntry) -> None:
        """Insert one table's rows, skipping those already held and those of skipped parents.

        Ids are renumbered unless the restore is exact. Rows another table refers to are then
        inserted one by one, for their new ids; the others in chunks.
        """
        keys = list(table.primary_key.columns)
        key = keys[0].name if len(keys) == 1 else None
        dates = _date_columns(table)
        surrogate = _surrogate(table)
        renumber = surrogate and not self.report.kept_ids
        one_by_one = renumber and table.name in self.referenced
        links = [
            (fk.parent.name, fk.column.table.name)
            for fk in table.foreign_keys
            if fk.column.table.name in self.skipped
        ]
        taken = self._taken(table, surrogate)
        # Only a single-column key can be referenced; a composite one is not recorded.
        skipped = self.skipped.setdefault(table.name, set()) if key else set()
        renumbered = self.renumbered.setdefault(table.name, {})
        added, held, batch = 0, 0, []
        for row in _rows(self.path, entry):
            for name in dates.keys() & row.keys():
                if isinstance(row[name], str):
                    row[name] = dates[name](row[name])
            old = row.get(key) if key is not None else None
            if any(row.get(column) in self.skipped[parent] for column, parent in links):
                skipped.add(old)
                held += 1
                continue
            for column, parent in links:
                if column in row:
                    row[column] = self.renumbered[parent].get(row[column], row[column])
            values = [tuple(row.get(c) for c in columns) for columns in taken]
            if any(v in seen for v, seen in zip(values, taken.values(), strict=True)):
                skipped.add(old)
                held += 1
                continue
            for v, seen in zip(values, taken.values(), strict=True):
                seen.add(v)
            if renumber:
                row.pop(key, None)  # type: ignore[arg-type]
            if one_by_one:
                result = self.connection.execute(insert(table).values(row))
                renumbered[old] = result.inserted_primary_key[0]
            else:
                batch.append(row)
                if len(batch) >= _CHUNK:
                    self.connection.execute(insert(table), batch)
                    batch = []
            added += 1
        if batch:
            self.connection.execute(insert(table), batch)
        self.report.added[table.name] = added
        self.report.skipped[table.name] = held

    def _taken(self, table: Table, surrogate: bool) -> dict[tuple[str, ...], set[tuple]]:
        """The values the database already holds for each unique key a row must not repeat.

        A generated id is not one of them: a renumbered row gets a new one, and an exact
        restore goes into tables without rows.
        """
        keys = [
            tuple(c.name for c in u.columns)
            for u in table.constraints
            if isinstance(u, UniqueConstraint)
        ]
        if not surrogate:
            keys.append(tuple(c.name for c in table.primary_key.columns))
        return {
            columns: set(
                map(tuple, self.connection.execute(select(*(table.c[c] for c in columns))))
            )
            for columns in keys
        }


def _rows(path: Path, entry: TableEntry) -> Iterator[dict[str, Any]]:
    """The rows of a table file, as JSON objects (the file was checked against its hash)."""
    with (path / entry.file).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                reason = f"line {number}: {err.msg}"
                raise StoreError("E422", path=path, file=entry.file, reason=reason) from err
            if not isinstance(row, dict):
                reason = f"line {number}: not a JSON object"
                raise StoreError("E422", path=path, file=entry.file, reason=reason)
            yield row


def _date_columns(table: Table) -> dict[str, Any]:
    """The columns holding dates or times, each with the parser of its ISO text."""
    parsers = {datetime: datetime.fromisoformat, date: date.fromisoformat}
    return {
        column.name: parsers[column.type.python_type]
        for column in table.columns
        if column.type.python_type in parsers
    }


def _advance_sequences(connection: Connection) -> None:
    """Move PostgreSQL's id sequences past the restored ids, so the next insert gets a new one."""
    for table in Base.metadata.sorted_tables:
        if _surrogate(table):
            (key,) = table.primary_key.columns
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key.name}'), "
                    f"coalesce(max({key.name}), 1), max({key.name}) IS NOT NULL) FROM {table.name}"
                )
            )
