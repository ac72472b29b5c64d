"""The JSON API and pages, through FastAPI's in-process client, over the sample corpus.

Every database here exists on each backend (SQLite, PostgreSQL): see ``tests/conftest.py``.
"""

from __future__ import annotations

import json
import re
import warnings
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.pipeline import ingest
from communique.settings import Settings, load_settings
from communique.store import Store
from communique.web import create_app
from communique.web.highlight import Mark, Run, runs

from .conftest import BACKENDS, Databases

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module", params=BACKENDS)
def client(
    request: pytest.FixtureRequest,
    databases: Databases,
    tmp_path_factory: pytest.TempPathFactory,
) -> TestClient:
    """The sample corpus and a text with markup, on each backend."""
    settings = load_settings(environ={}, overrides=[f"db={databases.sample(request.param)}"])
    evil = tmp_path_factory.mktemp("web") / "evil.txt"
    evil.write_text(
        "Norway and Iceland signed a fisheries accord <script>alert(1)</script> in Oslo on Monday.",
        encoding="utf-8",
    )
    store = Store.open(settings.db)
    ingest([str(evil)], settings=settings, store=store)
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


def test_web_min_confidence_filters_events_quotes_and_agreement_actions(
    client: TestClient,
) -> None:
    every = client.get("/api/events", params={"size": 500}).json()["records"]
    scores = sorted(r["confidence"] for r in every)
    middle = scores[len(scores) // 2]
    kept = client.get("/api/events", params={"size": 500, "min_confidence": middle}).json()
    assert kept["total"] == sum(c >= middle for c in scores) < len(every)
    assert all(r["confidence"] >= middle for r in kept["records"])
    quotes = client.get("/api/statements", params={"min_confidence": 1}).json()
    assert quotes["total"] == 0
    acts = client.get("/api/agreements", params={"size": 500, "min_confidence": 0.5}).json()
    assert all(a["confidence"] >= 0.5 for r in acts["records"] for a in r["actions"])
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 400


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


def test_web_write_with_token_ingests_once(db_settings: Settings) -> None:
    settings = db_settings
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


def _event_texts(html: str) -> list[str]:
    return re.findall(r'<a class="event-link" href="/events/[^"]+">([^<]+)</a>', html)


def _edges(html: str) -> dict[str, tuple[int, int, int]]:
    rows = re.findall(
        r'<tr class="edge"><td>([^<]+)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>', html
    )
    return {pair: (int(n), int(co), int(cf)) for pair, n, co, cf in rows}


def _speakers(html: str) -> list[str]:
    return re.findall(r'<section class="speaker">\s*<h2>([^<]+)</h2>', html)


@st.composite
def _marked_texts(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(alphabet='ab <&"é\n', max_size=40))
    offsets = st.integers(-2, len(text) + 2)
    kinds = st.sampled_from(["entity", "evidence", "quote"])
    titles = st.none() | st.sampled_from(["RUS", "IGO:EU", "<b>"])
    marks = draw(st.lists(st.builds(Mark, offsets, offsets, kinds, titles), max_size=8))
    return text, marks


@given(_marked_texts())
def test_web_highlight_runs_give_back_the_text_with_each_character_under_its_marks(
    case: tuple[str, list[Mark]],
) -> None:
    text, marks = case
    found = runs(text, marks)
    assert "".join(run.text for run in found) == text
    assert all(run.text for run in found)
    position = 0
    for run in found:
        for offset in range(position, position + len(run.text)):
            assert set(run.kinds) == {m.kind for m in marks if m.start <= offset < m.end}
        position += len(run.text)
    assert all((a.kinds, a.title) != (b.kinds, b.title) for a, b in pairwise(found))


def test_web_highlight_overlapping_marks_become_flat_runs() -> None:
    marks = [Mark(0, 14, "evidence"), Mark(0, 4, "entity", "PER"), Mark(9, 14, "entity", "CHL")]
    marks.append(Mark(5, 15, "quote"))  # crosses the evidence's end: cannot nest
    assert runs("Peru met Chile.", marks) == [
        Run("Peru", ("entity", "evidence"), "PER"),
        Run(" ", ("evidence",)),
        Run("met ", ("evidence", "quote")),
        Run("Chile", ("entity", "evidence", "quote"), "CHL"),
        Run(".", ("quote",)),
    ]


def test_web_nav_links_every_page(client: TestClient) -> None:
    home = client.get("/").text
    for path in ("/timeline", "/network", "/articles", "/agreements", "/quotes"):
        assert f'href="{path}"' in home, path
        assert client.get(path).status_code == 200, path


def test_web_timeline_filters_narrow_the_events(client: TestClient) -> None:
    everything = _event_texts(client.get("/timeline").text)
    blank = {"actor": "", "type": "", "since": "", "until": ""}  # an untouched form
    assert _event_texts(client.get("/timeline", params=blank).text) == everything
    consult = _event_texts(client.get("/timeline", params={**blank, "type": "CONSULT"}).text)
    assert consult and len(consult) < len(everything)
    assert all(" CONSULT " in text for text in consult)
    swedish = _event_texts(client.get("/timeline", params={"actor": "swe"}).text)
    assert swedish and len(swedish) < len(everything) and all("SWE" in t for t in swedish)
    period = {"since": "2023-01-01", "until": "2023-06-30"}
    spring = _event_texts(client.get("/timeline", params=period).text)
    assert spring and len(spring) < len(everything)
    assert all(text.split()[0] <= "2023-06-30" and "undated" not in text for text in spring)
    assert "2024-03-07" not in " ".join(spring)
    assert client.get("/timeline", params={"since": "soon"}).status_code == 400


def test_web_network_page_weights_edges_by_events_and_filters_by_period(
    client: TestClient,
) -> None:
    page = client.get("/network").text
    assert '<script src="/static/chart.js"></script>' in page
    found = re.search(
        r'<script id="network-data" type="application/json" data-chart="network">(.*?)</script>',
        page,
    )
    assert found is not None
    traces = {trace.get("name") for trace in json.loads(found.group(1))["data"]}
    assert {"state", "organisation", "person", "cooperation", "conflict"} <= traces
    edges = _edges(page)
    assert all(n == co + cf and n > 0 for n, co, cf in edges.values())
    assert edges["IGO:EU – RUS"][2] >= 1  # the sanctions package: conflict
    assert "Mevlüt Çavuşoğlu – Sergey Lavrov" in edges  # people meet beside their states
    later = _edges(client.get("/network", params={"since": "2024-01-01", "until": ""}).text)
    assert later and set(later) < set(edges) and "IGO:EU – RUS" not in later
    assert _edges(client.get("/network", params={"since": "2031-01-01"}).text) == {}
    assert "Plotly.newPlot" in client.get("/static/chart.js").text
    assert client.get("/static/secrets.js").status_code == 404


def test_web_article_page_marks_mentions_and_evidence_and_escapes_markup(
    client: TestClient,
) -> None:
    records = client.get("/api/articles", params={"size": 500}).json()["records"]
    listing = client.get("/articles").text
    assert all(f'href="/articles/{r["id"]}"' in listing for r in records)
    evil = next(r for r in records if "<script>" in r["text"])
    page = client.get(f"/articles/{evil['id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    lavrov = next(r for r in records if "Lavrov" in (r["title"] or ""))
    page = client.get(f"/articles/{lavrov['id']}").text
    assert re.search(r'<mark class="entity[^"]*" title="RUS · Sergey Lavrov · Minister', page)
    assert re.search(r'<mark class="evidence">[^<]+</mark>', page)
    assert '<mark class="quote">' in page
    assert page.count("<mark") == page.count("</mark>")
    assert not re.search(r"<mark[^>]*>[^<]*<mark", page)  # flat, never nested
    assert "2022-06-08" in page and lavrov["doc"] in page
    events = re.findall(r'<a class="event-link" href="(/events/[^"]+)"', page)
    assert events and "Sergey Lavrov" in client.get(events[0]).text
    assert client.get(f"/articles/{lavrov['doc']}").text == page  # by source name too
    assert client.get("/articles/no-such-article").status_code == 404


def test_web_event_page_names_people_with_offices_and_links_its_articles(
    client: TestClient,
) -> None:
    events = client.get("/api/events", params={"size": 500}).json()["records"]
    talks = next(
        r
        for r in events
        if [a["code"] for a in r["actor"]] == ["RUS"]
        and [a["code"] for a in r["recipient"]] == ["TUR"]
    )
    page = client.get(f"/events/{talks['id']}").text
    row = "<td>person</td><td>Sergey Lavrov</td><td>RUS</td><td>Minister of Foreign Affairs</td>"
    assert row in page
    link = re.search(r'<a class="article-link" href="(/articles/[0-9a-f]+)">', page)
    assert link is not None
    assert f'href="/events/{talks["id"]}"' in client.get(link.group(1)).text


def test_web_agreements_registry_shows_kind_parties_and_dated_actions(
    client: TestClient,
) -> None:
    page = client.get("/agreements").text
    assert "<h2>Reciprocal Access Agreement</h2>" in page
    assert "<p>agreement; parties: JPN, PHL</p>" in page
    assert re.search(r"<td>signed</td>\s*<td>2024-07-08</td>", page)
    source = re.search(
        r'<a class="article-link" href="(/articles/[0-9a-f]+)">2024-07-08-japan-philippines', page
    )
    assert source is not None and "Manila" in client.get(source.group(1)).text


def test_web_quotes_are_grouped_by_speaker_and_filtered(client: TestClient) -> None:
    everyone = _speakers(client.get("/quotes").text)
    assert len(everyone) > 1 and len(set(everyone)) == len(everyone)
    page = client.get("/quotes", params={"speaker": "kristersson"}).text
    assert _speakers(page) == ["Ulf Kristersson"]
    assert "Prime Minister, SWE" in page and re.search(r'href="/articles/[0-9a-f]+"', page)
    assert "No quotations" in client.get("/quotes", params={"speaker": "nobody"}).text


@pytest.fixture(scope="module", params=BACKENDS)
def linked(
    request: pytest.FixtureRequest,
    databases: Databases,
    tmp_path_factory: pytest.TempPathFactory,
) -> TestClient:
    """Two outlets' reports of one meeting, the first also arriving under a second name."""
    folder = tmp_path_factory.mktemp("linked")
    texts = {
        "lima-a.txt": "Chile and Peru hold trade talks in Lima\n\nThe foreign minister of Chile"
        " met the foreign minister of Peru in Lima on 2 February 2024 for talks on trade.\n",
        "lima-b.txt": "Andean neighbours discuss border trade\n\nOn 2 February 2024 the foreign"
        " ministers of Chile and Peru held talks in Lima about trade and their border.\n",
    }
    texts["lima-a-again.txt"] = texts["lima-a.txt"]
    (folder / "in").mkdir()
    for name, text in texts.items():
        (folder / "in" / name).write_text(text, encoding="utf-8")
    settings = load_settings(environ={}, overrides=[f"db={databases.empty(request.param)}"])
    store = Store.open(settings.db)
    ingest([str(folder / "in")], settings=settings, store=store)
    store.close()
    return TestClient(create_app(settings))


def test_web_article_page_lists_copies_and_articles_on_the_same_events(
    linked: TestClient,
) -> None:
    records = linked.get("/api/articles").json()["records"]
    first = next(r for r in records if r["doc"].startswith("lima-a"))
    other = next(r for r in records if r["doc"] == "lima-b.txt")
    page = linked.get(f"/articles/{first['id']}").text
    assert "lima-a-again.txt; lima-a.txt" in page  # one text, two arrivals
    related = re.search(r'<ul id="related">(.*?)</ul>', page, re.S)
    assert related is not None and f'href="/articles/{other["id"]}"' in related.group(1)


def test_web_blank_dates_mean_no_limit_on_pages_and_api(client: TestClient) -> None:
    everything = client.get("/api/events", params={"size": 500}).json()["total"]
    blank = client.get("/api/events", params={"size": 500, "since": "", "until": ""}).json()
    assert blank["total"] == everything


def test_web_lists_are_paged_with_totals_and_links(client: TestClient) -> None:
    everything = client.get("/api/articles", params={"size": 500}).json()
    first = client.get("/api/articles", params={"size": 2}).json()
    second = client.get("/api/articles", params={"size": 2, "page": 2}).json()
    assert first["total"] == second["total"] == len(everything["records"]) > 4
    assert [r["id"] for r in first["records"] + second["records"]] == [
        r["id"] for r in everything["records"][:4]
    ]
    listing = client.get("/articles", params={"size": 2}).text
    assert f"{first['total']} articles; 1 to 2 shown (page 1 of" in listing
    assert 'rel="next" href="/articles?page=2&amp;size=2"' in listing
    assert 'rel="prev"' not in listing
    later = client.get("/articles", params={"size": 2, "page": 2}).text
    assert 'rel="prev" href="/articles?page=1&amp;size=2"' in later
    assert f'href="/articles/{second["records"][0]["id"]}"' in later
    timeline = client.get("/timeline", params={"actor": "rus", "size": 1}).text
    assert "actor=RUS&amp;page=2&amp;size=1" in timeline  # the filters stay on the next page
    assert len(_event_texts(timeline)) == 1
    for path in ("/api/statements", "/api/actors", "/api/events", "/api/agreements"):
        _assert_pages_cut_the_whole_list(client, path)


def _assert_pages_cut_the_whole_list(client: TestClient, path: str) -> None:
    """Page N of size 1 is the N-th record of the whole list, and the totals agree."""
    whole = client.get(path, params={"size": 500}).json()
    assert whole["total"] == len(whole["records"]) > 2, path
    for page in (1, 2, 3):
        one = client.get(path, params={"size": 1, "page": page}).json()
        assert one["total"] == whole["total"], path
        assert one["records"] == whole["records"][page - 1 : page], (path, page)


def test_web_actors_carry_a_mention_count_not_the_mentions(client: TestClient) -> None:
    records = client.get("/api/actors", params={"size": 500}).json()["records"]
    assert records and all("mentions" not in r and r["mention_count"] >= 1 for r in records)
    counts = [r["mention_count"] for r in records]
    assert counts == sorted(counts, reverse=True)
    states = client.get("/api/actors", params={"kind": "state", "size": 500}).json()
    assert states["records"] and {r["kind"] for r in states["records"]} == {"state"}
    assert states["total"] < len(records)


def test_web_timeline_bars_count_events_per_month_and_open_that_month(client: TestClient) -> None:
    page = client.get("/timeline").text
    found = re.search(
        r'<script id="timeline-data" type="application/json" data-chart="timeline">(.*?)</script>',
        page,
    )
    assert found is not None
    bars = [trace for trace in json.loads(found.group(1))["data"] if trace["type"] == "bar"]
    total = re.search(r'<p class="pager">(\d+) events', page)
    assert total is not None and int(total.group(1)) >= len(_event_texts(page))
    assert bars and sum(sum(trace["y"]) for trace in bars) <= int(total.group(1))
    trace = bars[0]
    link, count = trace["customdata"][0], trace["y"][0]
    month = trace["x"][0][:7]
    shown = _event_texts(client.get(link.replace("&amp;", "&")).text)
    shown = [text for text in shown if text.startswith(month)]
    assert len(shown) >= count  # stories of that month in that quad, and maybe of others


def test_web_kept_answers_are_the_fresh_ones_until_the_store_changes(db_settings: Settings) -> None:
    writer = TestClient(create_app(db_settings, write_token="k3pt"))
    auth = {"Authorization": "Bearer k3pt"}
    before = [writer.get(path) for path in ("/api/articles", "/", "/api/articles")]
    assert before[0].json()["total"] == 0 and before[2].content == before[0].content
    assert before[2].headers["content-security-policy"]  # a kept answer passes the gate too
    record = {
        "id": "wire-91",
        "published": "2023-09-14",
        "text": "Envoys of Ghana and Togo met in Accra on Thursday to discuss border crossings.",
    }
    assert writer.post("/api/articles", json=record, headers=auth).status_code == 201
    # The write moved the store's revision: the same requests are answered anew.
    assert writer.get("/api/articles").json()["total"] == 1
    assert writer.get("/").text != before[1].text
    second = {**record, "id": "wire-92", "text": "Kenya and Uganda signed a rail accord on Monday."}
    assert writer.post("/api/articles", json=second, headers=auth).status_code == 201
    assert writer.get("/api/articles").json()["total"] == 2


def test_web_answers_that_are_not_200_are_not_kept(client: TestClient) -> None:
    for _ in range(2):
        answer = client.get("/events/no-such-event")
        assert answer.status_code == 404 and answer.json()["ok"] is False
