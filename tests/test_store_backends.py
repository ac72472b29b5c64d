"""The store on SQLite and PostgreSQL alike (issue 12, item 4): same records, shared writers."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.model import Analysis, Article, Statement
from communique.store import Store

from .conftest import Databases

pytestmark = pytest.mark.issue(12)


def _export(url: str, kind: str) -> str:
    result = CliRunner().invoke(app, ["--db", url, "export", kind])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.model
def test_store_sample_exports_are_the_same_on_sqlite_and_postgresql(databases: Databases) -> None:
    sqlite, postgres = databases.sample("sqlite"), databases.sample("postgresql")
    for kind in ("articles", "events", "agreements", "statements", "entities"):
        assert _export(sqlite, kind) == _export(postgres, kind), kind


def _article(n: int, published: date | None) -> Article:
    return Article(
        id=f"{n:032x}",
        doc=f"wire-{n}.txt",
        text=f"Envoys of the two states met for the {n}th round of talks.",
        title=None,
        published=published,
        language="en",
        publisher=None,
    )


def test_store_line_counts_add_up_under_concurrent_writers(databases: Databases) -> None:
    """Writers sharing a PostgreSQL store (workers of one run) each count their documents."""
    store = Store.open(databases.empty("postgresql"))
    writers = 16

    def save(n: int) -> bool:
        article = _article(n, None)
        analysis = Analysis(article_id=article.id)
        lines = ["footer", "share-row", f"own-{n}"]
        return store.save(article, analysis, version=1, group="wire", fingerprints=lines)

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(save, range(writers)))
    counts, docs = store.line_counts("wire")
    store.close()
    assert docs == writers
    assert counts == {"footer": writers, "share-row": writers}  # lines seen more than once


def test_store_keeps_one_copy_when_writers_save_the_same_article_at_once(
    databases: Databases,
) -> None:
    """Two workers that read the same file (or one story twice) race to store one article."""
    store = Store.open(databases.empty("postgresql"))

    def save(n: int) -> bool:
        article = _article(n % 3, None)  # three articles, each saved by four writers
        analysis = Analysis(article_id=article.id)
        return store.save(article, analysis, version=1, group="wire", fingerprints=["footer"])

    with ThreadPoolExecutor(max_workers=12) as pool:
        new = list(pool.map(save, range(12)))
    batch = [(_article(n, None), Analysis(article_id=_article(n, None).id)) for n in (1, 5)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        added = list(
            pool.map(
                lambda _: store.save_many(
                    [(article, analysis, "wire", ["footer"]) for article, analysis in batch],
                    version=1,
                ),
                range(4),
            )
        )
    articles = [article.id for article in store.articles()]
    _counts, docs = store.line_counts("wire")
    store.close()
    assert sum(new) == 3 and sum(added) == 1  # article 5 is new once; article 1 was stored
    assert sorted(articles) == sorted({f"{n:032x}" for n in (0, 1, 2, 5)})
    assert docs == 4


def test_store_reads_order_undated_articles_alike_on_both_backends(store: Store) -> None:
    """SQLite sorts NULL first and PostgreSQL last: the store says which, so both agree."""
    for n, published in enumerate([date(2024, 5, 2), None, date(2023, 1, 9)]):
        article = _article(n, published)
        quote = Statement(
            speaker="An envoy",
            code=None,
            office=None,
            quote="talks",
            start=0,
            end=5,
            layout="attributed",
        )
        analysis = Analysis(article_id=article.id, statements=(quote,))
        store.save(article, analysis, version=1, group="g", fingerprints=[])
    assert [a.published for a in store.articles()] == [date(2023, 1, 9), date(2024, 5, 2), None]
    quoted = [a.published for a, _s in store.statements()]
    assert quoted == [None, date(2023, 1, 9), date(2024, 5, 2)]
