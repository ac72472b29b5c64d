"""Stage 7, store: the database, the only state shared between runs and stages.

One transaction per article and content-hash keys make re-ingesting the same input a no-op and
let a failed document leave nothing half-written. The schema version is recorded and checked so
a later release can migrate an older database instead of misreading it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..model import Article
from .tables import ArticleRow, ArticleSourceRow, Base, LineCountRow, MetaRow, SourceGroupRow

__all__ = ["SCHEMA_VERSION", "Store", "database_url"]

SCHEMA_VERSION = 1


def database_url(value: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as a SQLite file)."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Store:
    """A communique database: open it with :meth:`open`, then read and write records."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (creating if needed) the database at ``url`` and check its schema version."""
        url = database_url(url)
        try:
            engine = create_engine(url)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
            Base.metadata.create_all(engine)
            with Session(engine) as session, session.begin():
                row = session.get(MetaRow, "schema_version")
                if row is None:
                    session.add(MetaRow(key="schema_version", value=str(SCHEMA_VERSION)))
                elif int(row.value) > SCHEMA_VERSION:
                    raise StoreError("E401", url=url, found=row.value, known=SCHEMA_VERSION)
        except SQLAlchemyError as err:
            raise StoreError("E402", url=url, reason=err.args[0] if err.args else err) from err
        return cls(engine, url)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this content id is stored."""
        with Session(self.engine) as session:
            return session.get(ArticleRow, article_id) is not None

    def add_article(self, article: Article, *, group: str, fingerprints: Iterable[str]) -> bool:
        """Store an article in one transaction; return False if its content was already stored.

        An already-stored article only gains ``article.doc`` as another source name, so the same
        content under a second file name is one article with two sources.
        """
        with Session(self.engine) as session, session.begin():
            if session.get(ArticleRow, article.id) is not None:
                known = session.scalar(
                    select(ArticleSourceRow.id).where(
                        ArticleSourceRow.article_id == article.id,
                        ArticleSourceRow.doc == article.doc,
                    )
                )
                if known is None:
                    session.add(ArticleSourceRow(article_id=article.id, doc=article.doc))
                return False
            session.add(
                ArticleRow(
                    id=article.id,
                    doc=article.doc,
                    title=article.title,
                    published=article.published,
                    language=article.language,
                    publisher=article.publisher,
                    url=article.url,
                    text=article.text,
                    ingested_at=datetime.now(UTC).replace(tzinfo=None),
                )
            )
            session.add(ArticleSourceRow(article_id=article.id, doc=article.doc))
            group_row = session.get(SourceGroupRow, group) or SourceGroupRow(name=group, docs=0)
            group_row.docs += 1
            session.add(group_row)
            for fingerprint in set(fingerprints):
                row = session.get(LineCountRow, (group, fingerprint))
                if row is None:
                    session.add(LineCountRow(source=group, fingerprint=fingerprint, docs=1))
                else:
                    row.docs += 1
            return True

    def line_counts(self, group: str) -> tuple[dict[str, int], int]:
        """Lines seen more than once in a source's stored documents, and how many documents."""
        with Session(self.engine) as session:
            group_row = session.get(SourceGroupRow, group)
            rows = session.execute(
                select(LineCountRow.fingerprint, LineCountRow.docs).where(
                    LineCountRow.source == group, LineCountRow.docs > 1
                )
            )
            counts = {fingerprint: docs for fingerprint, docs in rows}
            return counts, group_row.docs if group_row else 0

    def articles(self) -> Iterator[Article]:
        """Every stored article, oldest publication first (undated last), then by source name."""
        with Session(self.engine) as session:
            query = select(ArticleRow).order_by(
                ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.doc
            )
            for row in session.scalars(query):
                yield _article(row)

    def count_articles(self) -> int:
        """How many articles are stored."""
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def find_article(self, key: str) -> Article | None:
        """Return the article that arrived under source name ``key``, else whose id starts so."""
        with Session(self.engine) as session:
            by_doc = select(ArticleSourceRow.article_id).where(ArticleSourceRow.doc == key)
            row = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(by_doc))).first()
            if row is None:
                by_id = ArticleRow.id.startswith(key, autoescape=True)
                row = session.scalars(
                    select(ArticleRow).where(by_id).order_by(ArticleRow.id)
                ).first()
            return _article(row) if row else None

    def docs_of(self, article_id: str) -> list[str]:
        """Every source name the article arrived under, first arrival first."""
        with Session(self.engine) as session:
            query = (
                select(ArticleSourceRow.doc)
                .where(ArticleSourceRow.article_id == article_id)
                .order_by(ArticleSourceRow.id)
            )
            return list(session.scalars(query))


def _article(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        doc=row.doc,
        text=row.text,
        title=row.title,
        published=row.published,
        language=row.language,
        publisher=row.publisher,
        url=row.url,
    )
