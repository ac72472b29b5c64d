"""Issue 12, item 7: the synthetic corpus, its analyses, and the store's batch write."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pytest

from communique.kb import load_kb
from communique.link import merge_events
from communique.model import Analysis, Article
from communique.store import Store

from .conftest import load_benchmark

pytestmark = pytest.mark.issue(12)


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    return load_benchmark("make_corpus")


@pytest.fixture(scope="module")
def generated(corpus: ModuleType) -> list:
    """A sparse corpus: 120 articles over eleven years, so offices change hands within it."""
    return list(corpus.generate(120, seed=5, per_day=0.03))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_same_seed_writes_the_same_bytes_and_another_seed_does_not(
    corpus: ModuleType, tmp_path: Path
) -> None:
    for name, seed in (("one", 8), ("two", 8), ("three", 9)):
        corpus.main(["60", "--seed", str(seed), "--out", str(tmp_path / name)])
        corpus.main(["25", "--seed", str(seed), "--gold", str(tmp_path / f"{name}.jsonl")])
    one, two, three = (_files(tmp_path / name) for name in ("one", "two", "three"))
    assert one == two
    assert one != three
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    kinds = {Path(name).suffix for name in one}
    assert kinds == {".txt", ".html", ".jsonl"}  # scraped text, pages and a feed


def test_every_offset_points_at_the_characters_it_names(generated: list) -> None:
    for item in generated:
        text = item.article.text
        for mention in item.analysis.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert text[mention.sentence :].startswith(text[mention.sentence : mention.start])
        for statement in item.analysis.statements:
            assert text[statement.start : statement.end] == statement.quote
        for event in item.analysis.events:
            for evidence in event.evidence:
                assert text[evidence.start : evidence.end] == evidence.sentence
        for instrument in item.analysis.instruments:
            assert text[instrument.start : instrument.end] == instrument.sentence


def test_people_are_named_only_on_days_they_held_an_office_of_their_state(
    generated: list,
) -> None:
    kb = load_kb()
    for item in generated:
        for event in item.analysis.events:
            day = event.when.start
            people = [m for m in item.analysis.mentions if m.kind == "person"]
            for mention in people:
                roles = kb.people[mention.name].roles
                assert any(r.code == mention.code and r.valid_on(day) for r in roles), (
                    mention.name,
                    day,
                )


@pytest.mark.parametrize(("count", "per_day"), [(300, 25.0), (90, 2.0), (40, 0.1)])
def test_happenings_come_in_date_order_at_the_density_asked(
    corpus: ModuleType, count: int, per_day: float
) -> None:
    items = list(corpus.generate(count, seed=3, per_day=per_day))
    days = [item.article.published for item in items]
    # An outlet publishes up to two days after the happening, so order holds to within two days.
    assert all(later >= earlier - timedelta(days=2) for earlier, later in pairwise(days))
    span = (max(days) - corpus.FIRST_DAY).days
    # The last happening starts at most four articles (one story's outlets) before the end.
    assert (count - 4) / per_day - 1 <= span <= count / per_day + 2
    signed = {
        i.title: item.article.published
        for item in items
        for i in item.analysis.instruments
        if i.action == "signed"
    }
    for item in items:
        for instrument in item.analysis.instruments:
            if instrument.action == "ratified" and instrument.title in signed:
                assert item.article.published >= signed[instrument.title] + timedelta(days=30)


def test_the_corpus_is_varied_and_outlets_share_happenings(generated: list) -> None:
    types = {e.event for item in generated for e in item.analysis.events}
    assert {"CONSULT", "SUPPORT", "ACCUSE", "COERCE"} <= types
    actions = {i.action for item in generated for i in item.analysis.instruments}
    assert actions == {"signed", "ratified"}
    assert sum(bool(item.analysis.statements) for item in generated) > len(generated) / 3
    reports = [(item.article.doc, e) for item in generated for e in item.analysis.events]
    stories = merge_events(reports)
    assert len(stories) < len(reports)  # several outlets report one happening
    assert max(len(story.sources) for story in stories) >= 3
    assert len({item.article.id for item in generated}) == len(generated)


def test_analysed_corpus_goes_through_the_store_and_reads_back(
    corpus: ModuleType, generated: list, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    assert corpus.write_store(iter(generated[:50]), url, batch=20) == 50
    store = Store.open(url)
    try:
        assert store.count_articles() == 50
        stored = list(store.events())
        assert len(stored) == sum(len(item.analysis.events) for item in generated[:50])
        for article, event in stored:
            evidence = event.evidence[0]
            assert article.text[evidence.start : evidence.end] == evidence.sentence
        assert {a.doc for a, _st in store.statements()} <= {i.article.doc for i in generated}
        assert store.search("sanctions").total > 0
        histories = [{item.action for _doc, item in a.actions} for a in store.agreements()]
        assert {"signed", "ratified"} in histories  # one instrument, signed then ratified
    finally:
        store.close()


def test_the_command_writes_analysed_articles_and_says_how_fast(
    corpus: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert corpus.main(["12", "--seed", "6", "--analysed", "--db", url]) == 0
    assert "12 analysed articles written" in capsys.readouterr().out
    store = Store.open(url)
    try:
        assert store.count_articles() == 12
    finally:
        store.close()


def test_save_many_is_one_transaction_and_counts_the_new(store: Store) -> None:
    first = Article(
        id="a1",
        doc="one.txt",
        text="Estonia and Chile held talks.",
        title=None,
        published=date(2020, 3, 4),
        language="en",
        publisher=None,
    )
    second = Article(
        id="a2",
        doc="two.txt",
        text="Kenya and Peru spoke by phone.",
        title=None,
        published=date(2021, 5, 6),
        language="en",
        publisher=None,
    )
    items = [(a, Analysis(article_id=a.id), "wire", ["line"]) for a in (first, second)]
    assert store.save_many(items, version=3) == 2
    assert store.save_many(items[:1], version=3) == 0  # stored already: updated, not new
    assert store.count_articles() == 2
    assert store.line_counts("wire") == ({"line": 2}, 2)
    twice = (_renamed(first, "a5"), Analysis(article_id="a5"), "wire", [])
    assert store.save_many([twice, twice], version=3) == 1  # the same article twice in a batch
    assert store.count_articles() == 3
    with pytest.raises(AttributeError):  # the second item has no analysis
        store.save_many(
            [
                (_renamed(first, "a3"), Analysis(article_id="a3"), "wire", []),
                (_renamed(first, "a4"), None, "wire", []),  # type: ignore[list-item]
            ],
            version=3,
        )
    assert store.count_articles() == 3  # nothing of the failed batch stays


def _fields(article: Article) -> dict:
    return {name: getattr(article, name) for name in article.__slots__}  # type: ignore[attr-defined]


def _renamed(article: Article, new_id: str) -> Article:
    return Article(**{**_fields(article), "id": new_id, "doc": f"{new_id}.txt"})


def test_gold_records_name_each_documents_events(corpus: ModuleType, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    corpus.main(["15", "--seed", "4", "--gold", str(gold)])
    records = [json.loads(line) for line in gold.read_text("utf-8").splitlines()]
    assert len(records) == 15
    assert all(r["meta"]["published"] and r["meta"]["title"] for r in records)
    assert sum(len(r["events"]) for r in records) >= 10


@pytest.mark.parametrize("per_day", ["0", "-3"])
def test_a_density_of_no_articles_a_day_is_refused_in_one_line(
    corpus: ModuleType, per_day: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        corpus.main(["10", "--per-day", per_day, "--out", str(tmp_path / "out")])
    assert stopped.value.code == 2
    assert "--per-day must be a positive number" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
