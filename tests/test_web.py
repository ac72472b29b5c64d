"""The JSON API, through FastAPI's in-process client, over a database of the sample corpus."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from communique.pipeline import ingest
from communique.settings import load_settings
from communique.store import Store
from communique.web import create_app

from .conftest import SAMPLE

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("web") / "web.db"
    settings = load_settings(environ={}, overrides=[f"db=sqlite:///{db}"])
    store = Store.open(settings.db)
    ingest([str(SAMPLE)], settings=settings, store=store)
    (Path(db).parent / "evil.txt").write_text(
        "Norway and Iceland signed a fisheries accord <script>alert(1)</script> in Oslo on Monday.",
        encoding="utf-8",
    )
    ingest([str(Path(db).parent / "evil.txt")], settings=settings, store=store)
    store.close()
    return TestClient(create_app(settings))


def test_web_events_have_the_export_fields_and_paginate(client: TestClient) -> None:
    first = client.get("/api/events", params={"size": 2}).json()
    assert first["ok"] and first["page"] == 1 and len(first["records"]) == 2
    assert first["total"] > 2
    record = first["records"][0]
    assert {"id", "event", "actor", "recipient", "evidence", "sources", "date"} <= set(record)
    second = client.get("/api/events", params={"size": 2, "page": 2}).json()
    assert second["records"][0]["id"] != record["id"]


def test_web_events_filter_by_type_and_actor(client: TestClient) -> None:
    records = client.get("/api/events", params={"type": "consult", "size": 500}).json()["records"]
    assert records and all(r["event"] == ["CONSULT"] for r in records)
    swedish = client.get("/api/events", params={"actor": "SWE", "size": 500}).json()["records"]
    assert all("SWE" in [a["code"] for a in r["actor"] + r["recipient"]] for r in swedish)


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/events?since=yesterday", 400), ("/api/events?size=0", 400), ("/nowhere", 404)],
)
def test_web_errors_have_one_shape(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_web_sends_a_content_security_policy(client: TestClient) -> None:
    response = client.get("/api/articles")
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_web_article_markup_is_data_not_markup(client: TestClient) -> None:
    texts = [a["text"] for a in client.get("/api/articles", params={"size": 500}).json()["records"]]
    assert any("<script>alert(1)</script>" in text for text in texts)
    assert client.get("/api/articles").headers["content-type"].startswith("application/json")


def test_web_other_resources_and_versions(client: TestClient) -> None:
    for path in ("/api/actors", "/api/agreements", "/api/statements"):
        body = client.get(path).json()
        assert body["ok"] and body["records"], path
    kristersson = client.get("/api/statements", params={"speaker": "Kristersson"}).json()
    assert all("Kristersson" in r["speaker"]["name"] for r in kristersson["records"])
    versions = client.get("/-/versions").json()
    assert "spacy" in versions["versions"] and "db" not in versions["settings"]


def test_web_pages_render_with_the_evidence_highlighted_and_markup_escaped(
    client: TestClient,
) -> None:
    assert "Latest events" in client.get("/").text
    timeline = client.get("/timeline")
    assert timeline.status_code == 200 and "timeline-data" in timeline.text
    events = client.get("/api/events", params={"size": 500}).json()["records"]
    evil = next(r for r in events if "<script>" in r["evidence"][0]["sentence"])
    page = client.get(f"/events/{evil['id']}").text
    assert '<mark class="evidence">' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert client.get("/static/plotly.min.js").status_code == 200
    assert client.get("/events/evt-nothing").json()["status"] == 404


def test_web_writing_is_off_without_a_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"id": "x", "text": "Envoys met."})
    assert response.status_code == 403 and response.json()["ok"] is False


def test_web_write_with_token_ingests_once(tmp_path: Path) -> None:
    settings = load_settings(environ={}, overrides=[f"db=sqlite:///{tmp_path / 'w.db'}"])
    writer = TestClient(create_app(settings, write_token="s3cret"))
    record = {
        "id": "wire-77",
        "published": "2024-02-02",
        "text": "The foreign ministers of Chile and Peru met in Lima on Friday for talks on trade.",
    }
    assert writer.post("/api/articles", json=record).status_code == 401
    bad = writer.post("/api/articles", json=record, headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    auth = {"Authorization": "Bearer s3cret"}
    first = writer.post("/api/articles", json=record, headers=auth)
    assert first.status_code == 201 and first.json()["new"] is True
    again = writer.post("/api/articles", json=record, headers=auth)
    assert again.json()["new"] is False and again.json()["id"] == first.json()["id"]
    assert writer.post("/api/articles", json={"id": "empty"}, headers=auth).status_code == 400
    assert writer.get("/api/articles").json()["total"] == 1


def test_web_refuses_oversized_requests(client: TestClient) -> None:
    response = client.post("/api/articles", content=b"x" * 2_000_001)
    assert response.status_code == 413 and response.json()["status"] == 413
