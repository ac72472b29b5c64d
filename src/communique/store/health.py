"""The database checks of ``communique doctor``: a sound file, and rows the release can use.

The checks only read: the database is opened without the store's preparation (which would
create or upgrade tables), so a damaged or newer database is described, not changed. The
integrity, foreign-key and search-index checks are SQLite's own; on another database they say
so ("n/a") and are no problem, as that server keeps its files and keys itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, create_engine, func, inspect, make_url, select, text
from sqlalchemy.exc import SQLAlchemyError

from ..errors import Errors
from . import SCHEMA_VERSION, database_url, schema_version
from .tables import AnalysisRow, ArticleRow, Base

__all__ = ["Check", "Status", "database_checks", "problem"]

Status = Literal["ok", "warning", "problem", "n/a"]
# The SQLite search tables, the tables whose rows they index, and what those rows are.
_INDEXES = (("article_search", "articles", "articles"), ("quote_search", "statements", "quotes"))
_EXAMPLES = 3  # problems named in full; the rest are counted


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the doctor's report: what was checked, how it stands, and why."""

    name: str
    status: Status
    detail: str

    def to_dict(self) -> dict[str, str]:
        """The JSON form (``doctor --json``)."""
        return {"name": self.name, "status": self.status, "detail": self.detail}


def problem(name: str, code: str, **values: object) -> Check:
    """A problem, worded by its coded message so it can be looked up."""
    return Check(name, "problem", f"{getattr(Errors, code).format(**values)} [{code}]")


def database_checks(url: str, *, analysis_version: int) -> list[Check]:
    """Check the database at ``url``: it opens, its schema version, its files and its rows.

    ``analysis_version`` is the version of the language stages this release stores; articles
    analysed by an older one are a warning (ingesting again brings them up to date).
    """
    url = database_url(url)
    parsed = make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    path = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if path and path != ":memory:" and not Path(path).expanduser().exists():
        return [problem("database", "E402", url=shown, reason="no such file")]
    engine = create_engine(url)
    checks = [Check("database", "ok", f"{shown} ({engine.dialect.name})")]
    try:
        with engine.connect() as connection:
            found = schema_version(connection)
            checks.append(_schema(found))
            if found is None or found > SCHEMA_VERSION:
                return checks  # rows of an unknown layout are not ours to judge
            checks.append(_tables(connection))
            if checks[-1].status == "problem":
                return checks  # the checks below read every table
            if connection.dialect.name == "sqlite":
                checks += [_integrity(connection), _foreign_keys(connection)]
                checks += [_search(connection, *names) for names in _INDEXES]
                connection.rollback()  # the index checks are inserts that change nothing
            else:
                reason = f"not applicable to {connection.dialect.name}"
                for name in ("integrity", "foreign keys", "search index"):
                    checks.append(Check(name, "n/a", reason))
            checks.append(_analyses(connection, analysis_version))
    except SQLAlchemyError as err:
        reason = str(err.orig if getattr(err, "orig", None) else err).splitlines()[0]
        checks.append(problem("database", "E402", url=shown, reason=reason))
    finally:
        engine.dispose()
    return checks


def _schema(found: int | None) -> Check:
    if found is None:
        return problem("schema version", "E427")
    if found > SCHEMA_VERSION:
        return problem("schema version", "E428", found=found, known=SCHEMA_VERSION)
    if found < SCHEMA_VERSION:
        return problem("schema version", "E429", found=found, known=SCHEMA_VERSION)
    return Check("schema version", "ok", str(found))


def _tables(connection: Connection) -> Check:
    """How many rows each table holds (the tables of the models, so every one is listed)."""
    names = set(inspect(connection).get_table_names())
    counts = [
        f"{table.name} {connection.scalar(select(func.count()).select_from(table))}"
        for table in Base.metadata.sorted_tables
        if table.name in names
    ]
    missing = [table.name for table in Base.metadata.sorted_tables if table.name not in names]
    if missing:
        return problem("tables", "E438", table=missing[0])
    return Check("tables", "ok", ", ".join(counts))


def _integrity(connection: Connection) -> Check:
    """SQLite's own check of every page, index and constraint of the file."""
    found = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
    if found == ["ok"]:
        return Check("integrity", "ok", "PRAGMA integrity_check: ok")
    more = f" (and {len(found) - _EXAMPLES} more)" if len(found) > _EXAMPLES else ""
    return problem("integrity", "E430", reason="; ".join(found[:_EXAMPLES]) + more)


def _foreign_keys(connection: Connection) -> Check:
    """Rows whose parent row is gone (SQLite enforces keys only where a connection asks it to)."""
    found = list(connection.execute(text("PRAGMA foreign_key_check")))
    if not found:
        return Check("foreign keys", "ok", "every row's parent is there")
    table, row, parent, _key = found[0]
    return problem("foreign keys", "E431", count=len(found), table=table, row=row, parent=parent)


def _search(connection: Connection, index: str, rows: str, what: str) -> Check:
    """FTS5's own check of an index table, and that it holds one row per indexed row."""
    name = f"search index ({what})"
    if not inspect(connection).has_table(index):
        return problem(name, "E432", table=index, reason="it is missing")
    try:
        connection.execute(
            text(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
        )
    except SQLAlchemyError as err:
        reason = str(getattr(err, "orig", err))
        return problem(name, "E432", table=index, reason=reason)
    found = connection.scalar(text(f"SELECT count(*) FROM {index}"))
    want = connection.scalar(text(f"SELECT count(*) FROM {rows}"))
    if found != want:
        return problem(name, "E433", table=index, found=found, want=want, rows=rows)
    return Check(name, "ok", f"{index}: {found} rows, integrity-check ok")


def _analyses(connection: Connection, version: int) -> Check:
    """Articles stored without an analysis, or with one by an older version of the stages."""
    missing = select(ArticleRow.doc).outerjoin(AnalysisRow).where(AnalysisRow.article_id.is_(None))
    count = connection.scalar(select(func.count()).select_from(missing.subquery())) or 0
    if count:
        examples = ", ".join(connection.scalars(missing.order_by(ArticleRow.doc).limit(_EXAMPLES)))
        return problem("analysis", "E434", count=count, examples=examples)
    older = connection.scalar(
        select(func.count()).select_from(AnalysisRow).where(AnalysisRow.version < version)
    )
    total = connection.scalar(select(func.count()).select_from(ArticleRow)) or 0
    if older:
        message = Errors.E435.format(count=older)
        return Check("analysis", "warning", f"{message} [E435]")
    return Check("analysis", "ok", f"{total} articles, every one analysed by version {version}")
