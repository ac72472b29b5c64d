"""Cross-source merging: one happening, several sources, disagreements kept (issue 5)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from communique.export import event_record
from communique.link import merge_events
from communique.model import Event, Evidence, Span
from communique.pipeline import ingest
from communique.settings import Settings
from communique.store import Store


def _event(
    kind: str, actor: tuple, recipient: tuple, day: date, *, inferred: bool = False, mode=None
):
    return Event(
        event=kind,
        mode=mode,
        context="diplomatic",
        actor=actor,
        recipient=recipient,
        people=(),
        when=Span(start=day, end=day, precision="day", from_publication=inferred),
        place=None,
        place_code=None,
        negated=False,
        tense="past",
        evidence=(Evidence(start=0, end=10, sentence="Talks held."),),
    )


def test_merge_events_joins_sources_and_keeps_the_disagreement() -> None:
    reports = [
        ("agency.txt", _event("CONSULT", ("ARM",), ("GEO",), date(2024, 3, 4), inferred=True)),
        ("ministry.txt", _event("CONSULT", ("GEO",), ("ARM",), date(2024, 3, 5))),
        ("paper.txt", _event("CONSULT", ("ARM", "GEO"), (), date(2024, 3, 5))),
        ("other.txt", _event("CONSULT", ("ARM",), ("AZE",), date(2024, 3, 5))),
    ]
    stories = merge_events(reports)
    [joint] = [s for s in stories if len(s.sources) > 1]
    assert set(joint.sources) == {"agency.txt", "ministry.txt", "paper.txt"}
    assert joint.when.start == date(2024, 3, 5)
    assert joint.disagreements == (("agency.txt", "2024-03-04"),)
    assert len(stories) == 2


def test_merge_events_keeps_a_visit_and_the_return_visit_apart() -> None:
    there = _event("CONSULT", ("ARM",), ("GEO",), date(2024, 3, 5), mode="visit")
    back = _event("CONSULT", ("GEO",), ("ARM",), date(2024, 3, 5), mode="visit")
    assert len(merge_events([("a.txt", there), ("b.txt", back)])) == 2


def test_merge_events_does_not_depend_on_order() -> None:
    reports = [
        (f"{i}.txt", _event("SUPPORT", ("FRA", "DEU"), (), date(2024, 5, 1 + i % 3)))
        for i in range(6)
    ]
    expected = [(s.id, s.sources, s.when) for s in merge_events(reports)]
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert [(s.id, s.sources, s.when) for s in merge_events(shuffled)] == expected


@pytest.mark.shared
@pytest.mark.issue(5)
def test_stories_seeds_collegium_meeting_is_one_event(
    shared: Path, db_settings: Settings, store: Store
) -> None:
    ingest([str(shared / "seeds")], settings=db_settings, store=store)
    meetings = [
        s
        for s in store.stories()
        if s.event.event == "CONSULT" and s.when and s.when.start == date(2025, 11, 25)
    ]
    [meeting] = meetings
    assert [doc[:3] for doc in meeting.sources] == ["001", "002", "003"]
    assert meeting.when.end == date(2025, 11, 25)
    assert [(doc[:3], day) for doc, day in meeting.disagreements] == [("002", "2025-11-24")]
    visits = [
        s
        for s in store.stories()
        if s.event.event == "CONSULT" and s.when and s.when.start == date(2025, 6, 9)
    ]
    assert len(visits) == 1 and visits[0].sources == ("000_7e919b225f1e385a.txt",)
    assert all(len(s.sources) == 1 for s in store.stories() if s.id != meeting.id)


@pytest.mark.shared
@pytest.mark.issue(5)
def test_stories_seeds_in_another_order_give_the_same_events(
    shared: Path, tmp_path: Path, settings: Settings
) -> None:
    def run(order: list[Path], name: str) -> list[tuple]:
        store = Store.open(f"sqlite:///{tmp_path / name}")
        for path in order:
            ingest([str(path)], settings=settings, store=store)
        found = [(s.event.event, s.sources, s.when, s.disagreements) for s in store.stories()]
        store.close()
        return found

    files = sorted((shared / "seeds").glob("*.txt"))
    assert run(files, "forward.db") == run(files[::-1], "backward.db")


@pytest.mark.model
def test_stories_doer_without_code_is_stored_and_exported(
    tmp_path: Path, db_settings: Settings, store: Store
) -> None:
    source = tmp_path / "strike.txt"
    source.write_text(
        "Dock strike spreads\n\nStriking dock workers blocked the port of Antwerp on Monday.\n",
        encoding="utf-8",
    )
    ingest([str(source)], settings=db_settings, store=store)
    [story] = [s for s in store.stories() if s.event.event == "PROTEST"]
    assert event_record(story)["actor"] == [{"code": None, "name": "Striking dock workers"}]
    # A database from before schema 4 gains the column on open and keeps its events.
    with Session(store.engine) as session, session.begin():
        session.execute(sql("ALTER TABLE events DROP COLUMN actor_text"))
        session.execute(sql("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
        session.execute(sql("DROP TABLE alembic_version"))  # as before migrations
    store.close()
    reopened = Store.open(db_settings.db)
    [story] = [s for s in reopened.stories() if s.event.event == "PROTEST"]
    assert story.event.actor_text is None and story.event.actor == ()
    reopened.close()


@pytest.mark.model
def test_stories_ids_are_unique_over_the_sample(sample_url: str) -> None:
    store = Store.open(sample_url)
    ids = [story.id for story in store.stories()]
    store.close()
    assert ids and len(ids) == len(set(ids))


@pytest.mark.model
def test_stories_follow_new_articles_through_the_cache(
    tmp_path: Path, db_settings: Settings, store: Store
) -> None:
    first = tmp_path / "first.txt"
    first.write_text("Talks\n\nChile and Peru held talks in Lima on 3 May 2024.\n", "utf-8")
    ingest([str(first)], settings=db_settings, store=store)
    before = store.stories()
    assert store.stories() == before  # unchanged table, same answer
    second = tmp_path / "second.txt"
    second.write_text(
        "Norway expels diplomats\n\nNorway expelled two Danish diplomats on 5 May 2024, the "
        "foreign ministry in Oslo said, after a dispute over fishing rights in the North Sea.\n",
        "utf-8",
    )
    ingest([str(second)], settings=db_settings, store=store)
    assert len(store.stories()) > len(before)
