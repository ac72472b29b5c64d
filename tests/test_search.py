"""Full-text search, the read-only web reader and its query time limit (issues 6 and 12).

Each test runs on SQLite (FTS5) and PostgreSQL (tsvector), see ``tests/conftest.py``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from communique.errors import QueryError, StoreError
from communique.model import Analysis, Article
from communique.pipeline import ingest
from communique.settings import Settings, load_settings
from communique.store import SCHEMA_VERSION, Store
from communique.store.search import fts_search, like_search, parse_query, ts_search
from communique.web import create_app

from .conftest import BACKENDS, Databases

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "search-test-token"
# A short article of our own with one attributed quotation, and markup that must stay text.
HARBOUR = (
    "Norway and Chile agree to share fisheries data\n\n"
    "The foreign ministers of Norway and Chile met in Oslo on 3 May 2024 to discuss cooperation "
    "on fisheries and ocean science <script>alert(7)</script> in the Barents region. "
    '"We will open our harbour records to Chilean researchers before the winter," Norwegian '
    "Foreign Minister Espen Barth Eide said after the talks.\n"
)


def _settings(db: str, *overrides: str) -> Settings:
    return load_settings(environ={}, overrides=[f"db={db}", *overrides])


def _write_harbour(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    return folder


@pytest.fixture(scope="module", params=BACKENDS)
def db(
    request: pytest.FixtureRequest,
    databases: Databases,
    tmp_path_factory: pytest.TempPathFactory,
) -> str:
    """The sample corpus and the harbour article, on each backend."""
    settings = _settings(databases.sample(request.param))
    store = Store.open(settings.db)
    ingest([str(_write_harbour(tmp_path_factory.mktemp("search")))], settings=settings, store=store)
    store.close()
    return settings.db


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(_settings(db), write_token=TOKEN))


def _search(client: TestClient, **params: object) -> dict:
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_search_finds_a_sample_word_with_the_match_marked(client: TestClient) -> None:
    body = _search(client, q="diamonds")
    assert body["ok"] and body["total"] >= 1 and body["page"] == 1
    hit = body["records"][0]
    assert hit["kind"] == "article" and "diamonds" in hit["title"]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end].lower().startswith("diamond")


def test_search_finds_quotations_by_their_speaker(client: TestClient) -> None:
    records = _search(client, q="Kristersson", kind="quote")["records"]
    assert records and {r["speaker"] for r in records} == {"Ulf Kristersson"}
    # Accents fold: a speaker's name typed without them still matches.
    accented = _search(client, q="Cavusoglu", kind="quote")["records"]
    assert [r["speaker"] for r in accented] == ["Mevlüt Çavuşoğlu"]


def test_search_kind_filter_and_pages(client: TestClient) -> None:
    both = _search(client, q="Sweden", size=500)
    articles = _search(client, q="Sweden", kind="article", size=500)
    quotes = _search(client, q="Sweden", kind="quote", size=500)
    assert {r["kind"] for r in articles["records"]} == {"article"}
    assert {r["kind"] for r in quotes["records"]} == {"quote"}
    assert both["total"] == articles["total"] + quotes["total"] == len(both["records"])
    first, second = (_search(client, q="Sweden", size=1, page=p) for p in (1, 2))
    assert first["total"] == second["total"] == both["total"]
    assert first["records"] != second["records"]


def test_search_query_language(client: TestClient) -> None:
    assert _search(client, q='"Black Sea" grain')["total"] >= 1
    assert _search(client, q='"Sea Black"')["total"] == 0
    assert _search(client, q="Swed*", kind="article")["total"] >= 1
    either = _search(client, q="Borrell OR Kristersson", kind="quote")["records"]
    assert {r["speaker"] for r in either} == {"Josep Borrell", "Ulf Kristersson"}
    # Input that would be FTS5 syntax is taken as words, never a server error.
    for q in ("foo-bar", "Xi's", "speaker:Lavrov", "NEAR(", "title:x AND"):
        assert client.get("/api/search", params={"q": q}).status_code == 200, q


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unbalanced quote'},
        {"q": "OR Sweden"},
        {"q": "Sweden OR"},
        {"q": "*** ..."},
        {"q": ""},
        {"q": "Sweden", "kind": "everything"},
        {"q": "\x00"},  # control characters are spaces: nothing is left to search for
        {"q": " ".join(f"word{n}" for n in range(17))},  # over MAX_TERMS
        {"q": "Sweden", "page": "999999999999999999999"},
    ],
)
def test_search_bad_queries_are_400s_with_the_error_shape(
    client: TestClient, params: dict[str, str]
) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["status"] == 400 and body["error"]


def test_search_page_marks_matches_and_escapes_text(client: TestClient) -> None:
    page = client.get("/search", params={"q": "fisheries"})
    assert page.status_code == 200
    assert '<a href="/search">search</a>' in page.text
    assert "<mark>fisheries</mark>" in page.text
    markup = client.get("/search", params={"q": "alert"}).text
    assert "&lt;script&gt;<mark>alert</mark>" in markup
    assert "<script>alert" not in markup
    article_id = _search(client, q="fisheries", kind="article")["records"][0]["article_id"]
    assert f'href="/articles/{article_id}"' in page.text
    bad = client.get("/search", params={"q": '"open'})
    assert bad.status_code == 400 and "not closed" in bad.text
    assert "<form" in client.get("/search").text


def test_search_reingest_and_reanalysis_add_no_hits(tmp_path: Path, db_settings: Settings) -> None:
    settings = db_settings
    folder = _write_harbour(tmp_path / "in")
    store = Store.open(settings.db)
    ingest([str(folder)], settings=settings, store=store)
    before = (store.search("harbour").total, store.search("Eide", kind="quote").total)
    assert before == (2, 1)
    ingest([str(folder)], settings=settings, store=store)
    with Session(store.engine) as session, session.begin():
        session.execute(text("UPDATE analyses SET version = 0"))  # force a re-analysis
    report = ingest([str(folder)], settings=settings, store=store)
    assert report.updated == 1
    assert (store.search("harbour").total, store.search("Eide", kind="quote").total) == before
    store.close()


def test_search_index_is_built_when_an_older_database_opens(
    tmp_path: Path, db_settings: Settings, backend: str
) -> None:
    settings = db_settings
    store = Store.open(settings.db)
    ingest([str(_write_harbour(tmp_path / "in"))], settings=settings, store=store)
    with Session(store.engine) as session, session.begin():
        if backend == "sqlite":
            for name in ("article_search", "quote_search"):
                session.execute(text(f"DROP TABLE {name}"))
            for (trigger,) in session.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            ):
                session.execute(text(f"DROP TRIGGER {trigger}"))
        else:
            for table in ("articles", "statements"):
                session.execute(text(f"ALTER TABLE {table} DROP COLUMN search_vector"))
            session.execute(text("DROP TEXT SEARCH CONFIGURATION communique"))
        session.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
        session.execute(text("DROP TABLE alembic_version"))  # as before migrations
    store.close()
    reopened = Store.open(settings.db)
    assert reopened.search("Barents").total == 1
    assert reopened.search("Eide", kind="quote").total == 1
    with Session(reopened.engine) as session:
        version = session.scalar(text("SELECT value FROM meta WHERE key = 'schema_version'"))
    assert version == str(SCHEMA_VERSION)
    reopened.close()


def test_search_like_fallback_finds_what_the_index_finds(db: str) -> None:
    store = Store.open(db, read_only=True)
    search = fts_search if db.startswith("sqlite") else ts_search
    with Session(store.engine) as session:
        for query in ("diamonds", "Kristersson", '"Black Sea" OR harbour'):
            clauses = parse_query(query)
            kinds = ("article", "quote")
            indexed = search(session, clauses, kinds, limit=50, offset=0)
            plain = like_search(session, clauses, kinds, limit=50, offset=0)
            assert plain.total == indexed.total
            assert sorted((h.kind, h.article_id) for h in plain.hits) == sorted(
                (h.kind, h.article_id) for h in indexed.hits
            )
        (hit,) = like_search(session, parse_query("diamonds"), ["article"], limit=5, offset=0).hits
        assert ("diamonds", True) in hit.snippet
    store.close()


def test_search_store_refuses_unknown_kinds(db: str) -> None:
    store = Store.open(db, read_only=True)
    with pytest.raises(QueryError):
        store.search("Sweden", "everything")  # type: ignore[arg-type]
    store.close()


def test_reader_store_refuses_writes(db: str) -> None:
    reader = Store.open(db, read_only=True)
    article = Article(
        id="0" * 32,
        doc="note.txt",
        text="Envoys met.",
        title=None,
        published=None,
        language="en",
        publisher=None,
    )
    with pytest.raises(StoreError) as caught:
        reader.save(article, Analysis(article_id=article.id), version=1, group="g", fingerprints=[])
    assert caught.value.code == "E403"
    with pytest.raises(StoreError):
        reader.add_source(reader.find_article("harbour.txt").id, "copy.txt")  # type: ignore[union-attr]
    assert not reader.has_article(article.id)
    reader.close()


def test_web_write_goes_through_the_writer_and_is_searchable(client: TestClient) -> None:
    record = {
        "id": "wire-search-1",
        "published": "2024-04-04",
        "text": "The foreign ministers of Kenya and Uruguay met in Nairobi on Thursday to discuss "
        "coffee tariffs and a new consular office in Montevideo.",
    }
    state = client.app.state  # type: ignore[attr-defined]
    assert state.writer is None  # reads alone never open a writable connection
    posted = client.post("/api/articles", json=record, headers={"Authorization": f"Bearer {TOKEN}"})
    assert posted.status_code == 201, posted.text
    assert isinstance(state.writer, Store) and state.writer is not state.store
    found = _search(client, q="coffee Montevideo")
    assert [r["article_id"] for r in found["records"]] == [posted.json()["id"]]


def test_web_time_limit_stops_a_slow_query_with_503(db: str) -> None:
    app = create_app(_settings(db, "query_time_limit=0.05"))
    store: Store = app.state.store

    @app.get("/slow")
    def slow() -> dict[str, int]:
        with store.engine.connect() as connection:
            count = connection.scalar(
                text(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    "WHERE i < 1000000000) SELECT count(*) FROM n"
                )
            )
        return {"count": count or 0}

    client = TestClient(app)
    response = client.get("/slow")
    assert response.status_code == 503
    body = response.json()
    assert body["ok"] is False and body["status"] == 503 and "query_time_limit" in body["error"]
    # The reader's connection is reusable after the stop.
    assert _search(client, q="diamonds")["total"] >= 1


def test_search_repeated_terms_count_once() -> None:
    assert (
        parse_query("harbour harbour")
        == parse_query("harbour")
        == parse_query("harbour OR harbour")
    )
