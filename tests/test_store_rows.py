"""The one record<->row mapping of the store, and the story reads the CLI prints (issue 12)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from communique.model import (
    Analysis,
    Article,
    Event,
    Evidence,
    Instrument,
    Mention,
    Role,
    Span,
    Statement,
)
from communique.store import Store, title_key
from communique.store.rows import to_record, to_row, to_values
from communique.store.tables import EventRow, EvidenceRow, InstrumentRow, LearnedRoleRow

TEXT = (
    "The foreign ministers of Chile and Peru met in Lima on Monday to discuss fisheries. "
    "They signed the Pacific Fisheries Accord and agreed to meet again in the spring."
)


def _article(doc: str, text: str = TEXT) -> Article:
    return Article(
        id=f"id-{doc}",
        doc=doc,
        text=text,
        title="Ministers meet",
        published=date(2025, 3, 3),
        language="en",
        publisher=None,
    )


def _event(*, when: Span | None) -> Event:
    return Event(
        event="CONSULT",
        mode="meet",
        context=None,
        actor=("CHL", "PER"),
        recipient=(),
        people=("Ana Rojas", "Luis Vega"),
        when=when,
        place="Lima",
        place_code="PER",
        negated=False,
        tense="past",
        evidence=(Evidence(start=0, end=84, sentence=TEXT[:84]),),
        actor_text=None,
        confidence=0.75,
    )


def test_rows_round_trip_tuples_and_spans() -> None:
    inferred = Span(
        start=date(2025, 3, 3), end=date(2025, 3, 3), precision="day", from_publication=True
    )
    for when in (inferred, None):
        event = _event(when=when)
        row = to_row(EventRow, event, article_id="a")
        assert (row.actor, row.people, row.from_publication) == (
            "CHL PER",
            "Ana Rojas|Luis Vega",
            when is not None,
        )
        assert to_record(Event, row, evidence=event.evidence) == event


def test_rows_keep_only_what_a_table_has_columns_for() -> None:
    month = Span(start=date(2024, 6, 1), end=date(2024, 6, 30), precision="month")
    item = Instrument(
        title="The Pacific Fisheries Accord",
        kind="agreement",
        action="signed",
        parties=("CHL", "PER"),
        when=month,
        start=85,
        end=150,
        sentence=TEXT[85:],
    )
    row = to_row(InstrumentRow, item, article_id="a", key=title_key(item.title))
    assert row.key == "pacific fisheries accord"
    assert to_record(Instrument, row) == item
    role = Role(person="Ana Rojas", office="foreign_minister", code="CHL", start=date(2024, 1, 1))
    stored = to_record(Role, to_row(LearnedRoleRow, role, article_id="a", doc="d", sentence=""))
    assert (stored.start, stored.doc, stored.person) == (None, "d", "Ana Rojas")


def test_row_values_follow_each_record_not_the_first_of_its_type() -> None:
    """The per-type plan of ``to_values`` is worked out once; the values stay each record's."""
    dated = Span(start=date(2023, 9, 4), end=date(2023, 9, 5), precision="day")
    first = dataclasses.replace(_event(when=dated), actor=("NOR",), people=("Kari Berg",))
    second = dataclasses.replace(_event(when=None), actor=("SWE", "FIN"), people=())
    values = [
        to_values(EventRow, event, article_id=name) for name, event in (("x", first), ("y", second))
    ]
    assert [
        (v["article_id"], v["actor"], v["people"], v["date"], v["enddate"]) for v in values
    ] == [
        ("x", "NOR", "Kari Berg", date(2023, 9, 4), date(2023, 9, 5)),
        ("y", "SWE FIN", "", None, None),
    ]
    assert values[1]["from_publication"] is False
    # the columns come in the record's field order, the caller's columns last
    assert list(to_values(EventRow, first)) == [key for key in values[0] if key != "article_id"]
    # another record type keeps its own table's columns only
    assert set(to_values(EvidenceRow, first.evidence[0], event_id=1)) == {
        "event_id",
        "start",
        "end",
        "sentence",
    }


def test_store_reads_back_what_it_saved(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "rows.db"))
    article = _article("lima.txt")
    mention = Mention(
        start=4,
        end=21,
        text="foreign ministers",
        kind="collective",
        name=None,
        codes=("CHL", "PER"),
        reference="group",
    )
    quote = Statement(
        speaker="Ana Rojas",
        code="CHL",
        office=None,
        quote="fisheries",
        start=74,
        end=83,
        layout="attributed",
        confidence=0.5,
    )
    event = _event(when=Span(start=date(2025, 3, 3), end=date(2025, 3, 3), precision="day"))
    analysis = Analysis(
        article_id=article.id, mentions=(mention,), statements=(quote,), events=(event,)
    )
    store.save(article, analysis, version=1, group="test", fingerprints=())
    assert list(store.mentions()) == [(article, mention)]
    assert list(store.statements()) == [(article, quote)]
    assert list(store.events()) == [(article, event)]
    assert store.find_article("id-li") == store.find_article("lima.txt") == article
    store.close()


def test_a_batch_stores_each_articles_rows_and_says_which_ids_are_stored(tmp_path: Path) -> None:
    """save_many writes each table's rows of every article at once; reads find them per article."""
    store = Store.open(str(tmp_path / "batch.db"))
    oslo = _article("oslo.txt", "Norway and Iceland signed a fisheries pact in Oslo on Friday.")
    quito = _article("quito.txt", "Ecuador's envoy met the Colombian minister in Quito.")
    saved = {}
    for article, code, (start, end) in ((oslo, "NOR", (0, 6)), (quito, "ECU", (0, 7))):
        mention = Mention(
            start=start,
            end=end,
            text=article.text[start:end],
            kind="state",
            name=article.text[start:end],
            codes=(code,),
        )
        saved[article.id] = (article, Analysis(article_id=article.id, mentions=(mention,)))
    items = [(article, analysis, "test", ()) for article, analysis in saved.values()]
    assert store.save_many(items, version=1) == 2
    assert sorted(store.mentions(), key=lambda pair: pair[0].doc) == [
        (article, analysis.mentions[0]) for article, analysis in saved.values()
    ]
    assert store.stored_articles([oslo.id, "id-nowhere", quito.id]) == {oslo.id, quito.id}
    assert store.stored_articles([]) == set()
    store.close()


def test_store_story_and_clusters_are_what_the_cli_prints(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "stories.db"))
    event = _event(when=Span(start=date(2025, 3, 3), end=date(2025, 3, 3), precision="day"))
    for doc, text in (("wire.txt", TEXT), ("repost.txt", TEXT + " Photos: agency.")):
        article = _article(doc, text)
        analysis = Analysis(article_id=article.id, events=(event,))
        store.save(article, analysis, version=1, group="test", fingerprints=())
    [story] = store.stories()
    assert store.story(story.id[:7]) == story
    assert store.story("evt-none") is None
    [cluster] = store.article_clusters()
    assert [a.doc for a in cluster.articles] == ["repost.txt", "wire.txt"]
    assert cluster.copies == (("wire.txt",), ("repost.txt",))
    assert cluster.stories == (story,)
    store.close()


def test_quotations_come_undated_first_then_by_their_articles_dates(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'quotes.db'}")
    said = Statement(
        speaker="Ines Duarte",
        code="PRT",
        office=None,
        quote="We keep the ports open",
        start=0,
        end=22,
        layout="attributed",
    )
    for name, day in (
        ("late.txt", date(2024, 5, 2)),
        ("none.txt", None),
        ("early.txt", date(2019, 1, 8)),
    ):
        article = Article(
            id=name.split(".")[0],
            doc=name,
            title=None,
            published=day,
            language="en",
            publisher=None,
            url=None,
            text="We keep the ports open, Ines Duarte said.",
        )
        analysis = Analysis(article_id=article.id, statements=(said,))
        store.save(article, analysis, version=1, group="quotes", fingerprints=())
    assert [a.id for a, _s in store.statements()] == ["none", "early", "late"]
    assert [a.id for a, _s in store.statements(limit=1, offset=1)] == ["early"]
    store.close()


def test_a_sqlite_store_reads_a_large_store_through_a_page_cache_of_its_own(
    tmp_path: Path,
) -> None:
    """32 MB of pages per connection (``engine._sqlite_pragmas``), not SQLite's 2 MB."""
    store = Store.open(f"sqlite:///{tmp_path / 'cache.db'}")
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -32768
    finally:
        store.close()
