"""Issue 13, item 6: Russian text leaves the store as it is (UTF-8), labelled in English.

Records are written through the store's API, as the Russian stage will write them: the text,
evidence, quotations and titles in Cyrillic, the event types, codes and canonical names in
English. Every way out (JSON Lines and CSV exports, the CLI's files, the API and the pages)
must give the Cyrillic back character for character, never as ``\\u`` escapes or mojibake.
Two articles in our own words, worded differently.
"""

from __future__ import annotations

import csv
import html
import io
import json
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.export import export
from communique.model import (
    Analysis,
    Article,
    Event,
    Evidence,
    Instrument,
    Mention,
    Span,
    Statement,
)
from communique.settings import load_settings
from communique.store import Store
from communique.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.issue(13)


@dataclass(frozen=True)
class Case:
    """A Russian article and the pieces of it the records point at."""

    key: str
    text: str
    event: str  # the sentence stating the event
    quote: str  # a quotation inside «…»
    title: str  # an instrument's title as the text names it
    alias: str  # how the text names a person
    person: str  # the canonical English name
    code: str
    other: str  # the other side's code
    kind: str  # the PLOVER type


CASES = (
    Case(
        key="ru-talks",
        text=(
            "Переговоры министров иностранных дел Казахстана и Монголии\n\n"
            "14 мая в Улан-Баторе Министр иностранных дел Казахстана Е.Б.Сарсенов провёл "
            "переговоры с монгольским коллегой. Стороны подписали Меморандум о сотрудничестве "
            "в области геологии. «Наши страны связывает давняя дружба, и мы ценим её», — "
            "подчеркнул министр. Ёмкие итоги встречи опубликованы на сайте ведомства."
        ),
        event="14 мая в Улан-Баторе Министр иностранных дел Казахстана Е.Б.Сарсенов провёл "
        "переговоры с монгольским коллегой.",
        quote="Наши страны связывает давняя дружба, и мы ценим её",
        title="Меморандум о сотрудничестве в области геологии",
        alias="Е.Б.Сарсенов",
        person="Erlan Sarsenov",
        code="KAZ",
        other="MNG",
        kind="CONSULT",
    ),
    Case(
        key="ru-protest",
        text=(
            "О вызове посла Чили в МИД Перу\n\n"
            "В пятницу в Лиме чилийскому послу была вручена нота протеста в связи с "
            "задержанием рыболовецкого судна. По словам официального представителя "
            "министерства Х.Р.Пардо, «подобные действия недопустимы и требуют объяснений». "
            "Соглашение о рыболовстве 1998 года, напомнили в ведомстве, остаётся в силе."
        ),
        event="В пятницу в Лиме чилийскому послу была вручена нота протеста в связи с "
        "задержанием рыболовецкого судна.",
        quote="подобные действия недопустимы и требуют объяснений",
        title="Соглашение о рыболовстве 1998 года",
        alias="Х.Р.Пардо",
        person="Jorge Pardo",
        code="PER",
        other="CHL",
        kind="PROTEST",
    ),
)
DAY = date(2024, 5, 14)


def _records(case: Case) -> tuple[Article, Analysis]:
    text = case.text
    article = Article(
        id=f"{abs(hash(case.key)):016x}"[:16],
        doc=f"{case.key}.txt",
        text=text,
        title=text.split("\n", 1)[0],
        published=DAY,
        language="ru",
        publisher="МИД",
    )
    sentence = text.index(case.event)
    quote = text.index(case.quote)
    title = text.index(case.title)
    alias = text.index(case.alias)
    when = Span(start=DAY, end=DAY, precision="day")
    analysis = Analysis(
        article_id=article.id,
        mentions=(
            Mention(
                start=alias,
                end=alias + len(case.alias),
                text=case.alias,
                kind="person",
                name=case.person,
                codes=(case.code,),
                office="foreign_minister",
                sentence=sentence,
            ),
        ),
        statements=(
            Statement(
                speaker=case.person,
                code=case.code,
                office="foreign_minister",
                quote=case.quote,
                start=quote,
                end=quote + len(case.quote),
                layout="attributed",
            ),
        ),
        instruments=(
            Instrument(
                title=case.title,
                kind="memorandum",
                action="signed",
                parties=(case.code, case.other),
                when=when,
                start=title,
                end=title + len(case.title),
                sentence=case.title,
            ),
        ),
        events=(
            Event(
                event=case.kind,
                mode=None,
                context=None,
                actor=(case.code,),
                recipient=(case.other,),
                people=(case.person,),
                when=when,
                place=None,
                place_code=None,
                negated=False,
                tense="past",
                evidence=(
                    Evidence(start=sentence, end=sentence + len(case.event), sentence=case.event),
                ),
            ),
        ),
    )
    return article, analysis


@pytest.fixture
def russian(store: Store) -> Store:
    store.save_many(
        [(*_records(case), "mfa", ()) for case in CASES],
        version=1,
    )
    return store


def _exported(store: Store, kind: str, fmt: str) -> str:
    out = io.StringIO()
    export(store, kind, fmt=fmt, out=out)
    return out.getvalue()


@pytest.mark.parametrize("case", CASES, ids=[c.key for c in CASES])
def test_json_lines_keep_cyrillic_exact_and_label_in_english(russian: Store, case: Case) -> None:
    articles = _exported(russian, "articles", "jsonl")
    assert case.text.split("\n", 1)[0] in articles  # as characters, not \\u escapes
    [article] = [r for r in map(json.loads, articles.splitlines()) if r["doc"].startswith(case.key)]
    assert article["text"] == case.text and article["language"] == "ru"
    assert article["publisher"] == "МИД"
    events = [json.loads(line) for line in _exported(russian, "events", "jsonl").splitlines()]
    [event] = [e for e in events if e["sources"] == [f"{case.key}.txt"]]
    assert event["event"] == [case.kind] and event["actor"] == [{"code": case.code}]
    assert event["evidence"][0]["sentence"] == case.event
    assert event["people"] == [case.person]
    statements = _exported(russian, "statements", "jsonl").splitlines()
    [said] = [s for s in map(json.loads, statements) if s["quote"] == case.quote]
    assert said["speaker"] == {"name": case.person, "code": case.code, "office": "foreign_minister"}
    agreements = [
        json.loads(line) for line in _exported(russian, "agreements", "jsonl").split("\n") if line
    ]
    assert any(a["title"] == case.title and a["kind"] == "memorandum" for a in agreements)
    entities = [json.loads(line) for line in _exported(russian, "entities", "jsonl").splitlines()]
    [person] = [e for e in entities if e["name"] == case.person]
    assert person["aliases"] == [case.alias] and person["code"] == case.code


@pytest.mark.parametrize("case", CASES, ids=[c.key for c in CASES])
def test_csv_cells_keep_cyrillic_exact(russian: Store, case: Case) -> None:
    rows = list(csv.DictReader(io.StringIO(_exported(russian, "articles", "csv"))))
    [row] = [r for r in rows if r["doc"] == f"{case.key}.txt"]
    assert row["text"] == case.text and row["title"] == case.text.split("\n", 1)[0]
    events = list(csv.DictReader(io.StringIO(_exported(russian, "events", "csv"))))
    [event] = [e for e in events if json.loads(e["sources"]) == [f"{case.key}.txt"]]
    assert json.loads(event["event"]) == [case.kind]
    assert json.loads(event["evidence"])[0]["sentence"] == case.event
    assert case.event in event["evidence"]  # the JSON inside the cell is not escaped either
    quotes = list(csv.DictReader(io.StringIO(_exported(russian, "statements", "csv"))))
    assert case.quote in {q["quote"] for q in quotes}


def test_cli_export_files_are_utf8_whatever_the_locale(
    russian: Store, db_url: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"articles.{fmt}"
        command = ["--db", db_url, "export", "articles", "--format", fmt, "--out", str(out)]
        done = runner.invoke(app, command, env={"LANG": "C", "LC_ALL": "C"})
        assert done.exit_code == 0, done.output
        written = out.read_bytes().decode("utf-8")  # strict: any other encoding would fail
        for case in CASES:
            assert case.quote in written and case.title in written


@pytest.mark.parametrize("case", CASES, ids=[c.key for c in CASES])
def test_pages_and_api_show_russian_as_written(russian: Store, db_url: str, case: Case) -> None:
    client = TestClient(create_app(load_settings(environ={}, overrides=[f"db={db_url}"])))
    page = client.get(f"/articles/{case.key}.txt")
    assert page.status_code == 200 and "charset=utf-8" in page.headers["content-type"]
    shown = html.unescape(page.text)
    assert case.quote in shown and case.alias in shown
    assert f"{case.kind} {case.code}" in shown  # the event labelled by its type and codes
    assert case.code in shown and "language</th><td>ru" in page.text
    quotes = html.unescape(client.get("/quotes").text)
    assert case.quote in quotes and case.person in quotes
    agreements = html.unescape(client.get("/agreements").text)
    assert case.title in agreements
    response = client.get("/api/statements")
    assert case.quote.encode() in response.content  # UTF-8 bytes on the wire, not escapes
    assert any(item["quote"] == case.quote for item in response.json()["records"])
