"""Issue 12, item 6: the derived tables kept at ingest equal a recomputation from scratch."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, timedelta
from types import ModuleType

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from communique.link import merge_events, pack_views
from communique.model import Analysis, Article, Mention, Story
from communique.store import Store, derived
from communique.store.tables import ArticleCodeRow, ArticleFeatureRow
from communique.web.figures import network_edges

from .conftest import load_benchmark

pytestmark = pytest.mark.issue(12)


@pytest.fixture(scope="module")
def generated() -> list:
    corpus: ModuleType = load_benchmark("make_corpus")
    return list(corpus.generate(90, seed=11))


def _save(store: Store, items: list, *, version: int = 1) -> None:
    store.save_many(
        ((item.article, item.analysis, "corpus", ()) for item in items), version=version
    )


def _scratch(store: Store) -> list[Story]:
    """The stories a merge of every stored event gives: what the tables must hold.

    Merged by article id, as the store merges, and read with each source named by its doc.
    """
    stored = list(store.events())
    docs = {article.id: article.doc for article, _event in stored}
    return [
        dataclasses.replace(
            story,
            reports=tuple(sorted(((docs[k], e) for k, e in story.reports), key=lambda r: r[0])),
            disagreements=tuple(sorted((docs[k], w) for k, w in story.disagreements)),
        )
        for story in merge_events([(article.id, event) for article, event in stored])
    ]


def _shape(stories: list[Story]) -> list[tuple]:
    return [(s.id, s.sources, s.when, s.event.confidence) for s in stories]


def _entity_counts(store: Store) -> dict[str, int]:
    return {entity.id: len(entity.mentions) for entity in store.entities()}


def _assert_derived_match(store: Store) -> None:
    assert _shape(store.stories()) == _shape(_scratch(store))
    actors, total = store.actors(limit=10_000)
    assert {a.id: a.mentions for a in actors} == _entity_counts(store)
    assert total == len(actors)


def test_batches_in_any_grouping_give_the_stories_of_one_merge(
    store: Store, generated: list
) -> None:
    # Outlets of the corpus report shared happenings, so later batches join earlier stories.
    _save(store, generated[:7])
    _save(store, generated[7:40])
    for item in generated[40:60]:
        _save(store, [item])
    _save(store, generated[60:])
    _assert_derived_match(store)
    assert any(len(story.sources) > 1 for story in store.stories())


def test_analysing_an_article_again_redoes_the_stories_it_was_in(
    store: Store, generated: list
) -> None:
    _save(store, generated)
    joined = next(s for s in store.stories() if len(s.sources) > 1)
    doc = joined.sources[0]
    item = next(i for i in generated if i.article.doc == doc)
    # The new analysis of that article drops its events and half of its mentions.
    thinner = dataclasses.replace(item.analysis, events=(), mentions=item.analysis.mentions[::2])
    store.save(item.article, thinner, version=2, group="corpus", fingerprints=())
    _assert_derived_match(store)
    assert doc not in {d for s in store.stories() for d in s.sources}


def test_filters_and_pages_read_the_tables(store: Store, generated: list) -> None:
    _save(store, generated)
    everything = store.stories()
    code = Counter(c for s in everything for c in s.event.actor).most_common(1)[0][0]
    with_code = [s for s in everything if code in s.event.actor + s.event.recipient]
    assert store.stories(actor=code) == with_code
    assert store.count_stories(actor=code) == len(with_code)
    assert store.stories(actor=code, limit=3, offset=2) == with_code[2:5]
    first = with_code[0]
    assert store.story(first.id) == first
    assert store.story(first.id[:8]) == first
    assert store.story("evt-nothing") is None


def test_network_counts_the_stories_of_each_pair(store: Store, generated: list) -> None:
    _save(store, generated)
    stories = store.stories()
    expected = network_edges(stories, store.entities())
    assert store.network() == expected
    assert any(":" not in a + b for a, b in expected)  # states, not only people
    year = next(s.when.start.year for s in stories if s.when)
    since, until = date(year, 1, 1), date(year, 12, 31)
    within = store.stories(since=since, until=until)
    assert store.network(since, until) == network_edges(within, store.entities())


def test_an_empty_analysis_leaves_no_derived_rows(store: Store, generated: list) -> None:
    item = generated[0]
    _save(store, [item])
    store.save(
        item.article,
        Analysis(article_id=item.article.id),
        version=2,
        group="corpus",
        fingerprints=(),
    )
    assert store.stories() == []
    assert store.actors() == ([], 0)
    assert store.network() == {}


def test_two_events_of_one_sentence_are_two_stories_and_a_repeat_is_one(
    store: Store, generated: list
) -> None:
    item = next(i for i in generated if i.analysis.events)
    event = item.analysis.events[0]
    elsewhere = dataclasses.replace(event, place="Montevideo", place_code="URY")
    analysis = dataclasses.replace(item.analysis, events=(event, elsewhere, event))
    store.save(item.article, analysis, version=1, group="corpus", fingerprints=())
    stories = store.stories()
    assert len(stories) == 2 and len({s.id for s in stories}) == 2
    assert sorted(s.event.place or "" for s in stories) == sorted([event.place or "", "Montevideo"])


@pytest.mark.parametrize(
    ("doc", "groups"),
    [
        ("statement.txt", ("corpus", "corpus")),  # a file edited and read again
        ("index.html", ("site/2019", "site/2021")),  # two folders' pages of one name
    ],
)
def test_two_articles_of_one_doc_reporting_alike_are_both_stored(
    store: Store, generated: list, doc: str, groups: tuple[str, str]
) -> None:
    # Stories once keyed their reports by doc: the second article, whose events equal the
    # first's in every field, made a story of an id already stored and could not be saved.
    item = next(i for i in generated if i.analysis.events)
    dated = item.analysis.events[0]
    undated = dataclasses.replace(dated, when=None, event="SUPPORT")
    analysis = dataclasses.replace(item.analysis, events=(dated, undated))
    first = dataclasses.replace(item.article, doc=doc)
    second = dataclasses.replace(first, id=first.id[::-1], text=first.text + "\n\nMore.")
    for article, group in zip((first, second), groups, strict=True):
        store.save(article, analysis, version=1, group=group, fingerprints=())
    stories = store.stories()
    # The dated reports are one happening from two articles, the undated ones a story each.
    assert sorted((s.event.event, len(s.reports)) for s in stories) == [
        (dated.event, 2),
        ("SUPPORT", 1),
        ("SUPPORT", 1),
    ]
    assert {s.sources for s in stories} == {(doc,)}
    _assert_derived_match(store)


def test_an_article_joins_a_cluster_only_with_articles_naming_one_of_its_codes(
    store: Store, generated: list
) -> None:
    _save(store, generated[:30])
    _save(store, generated[30:])
    codes = {
        item.article.id: {c for m in item.analysis.mentions if m.kind != "place" for c in m.codes}
        for item in generated
    }
    joined = [c.articles for c in store.article_clusters() if len(c.articles) > 1]
    assert joined
    for members in joined:
        for article in members:
            others = set().union(*(codes[a.id] for a in members if a.id != article.id))
            assert codes[article.id] & others, article.doc


def _crowded_week(store: Store, generated: list, day: date) -> dict[str, set[str]]:
    """Store the generated articles as if all were published within three days of ``day``."""
    moved = [
        dataclasses.replace(
            item,
            article=dataclasses.replace(item.article, published=day.replace(day=day.day + k % 3)),
        )
        for k, item in enumerate(generated)
    ]
    _save(store, moved)
    return {
        item.article.id: {c for m in item.analysis.mentions if m.kind != "place" for c in m.codes}
        for item in moved
    }


def test_a_crowded_week_gives_at_most_the_capped_number_of_candidate_clusters(
    store: Store, generated: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(derived, "STORY_CANDIDATES", 8)  # the 90 articles hold 8 many times
    codes = _crowded_week(store, generated, date(2021, 3, 8))
    every = frozenset().union(*codes.values())  # a code set that every article shares
    with Session(store.engine) as session:
        found = derived._story_candidates(session, date(2021, 3, 9), every)
        stories = {story for _doc, story in found}
        assert len(stories) <= derived.STORY_CANDIDATES
        assert len(stories) < len(store.article_clusters())
        # Far from the week: nothing.
        assert derived._story_candidates(session, date(2021, 6, 1), every) == []


def _stored_at(store: Store, plan: list[tuple[str, date, tuple[str, ...]]]) -> None:
    """Store one short article per ``(id, published, codes)``, each on a topic of its own."""
    topics = [
        "The rice harvest fell after floods in the delta.",
        "Cobalt miners struck for higher wages.",
        "Tuna boats came home early because of storms.",
        "Lithium brine projects drew foreign investors.",
        "Wheat farmers sowed late after a cold April.",
        "Coffee roasters raised their retail prices.",
    ]
    for (article_id, day, codes), text in zip(plan, topics, strict=True):
        article = Article(
            id=article_id,
            doc=f"{article_id}.txt",
            text=text,
            title=None,
            published=day,
            language="en",
            publisher=None,
        )
        mentions = tuple(
            Mention(start=0, end=3, text=code, kind="state", name=code, codes=(code,))
            for code in codes
        )
        analysis = Analysis(article_id=article_id, mentions=mentions)
        store.save(article, analysis, version=1, group="corpus", fingerprints=())


def _ranked(store: Store, day: date, codes: frozenset[str]) -> list[str]:
    with Session(store.engine) as session:
        return sorted(doc.id for doc, _story in derived._story_candidates(session, day, codes))


def test_candidates_sharing_more_codes_come_first_then_the_nearest_in_date(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(derived, "STORY_CANDIDATES", 3)
    # "z-both" shares two codes with the new article, the others one each.
    _stored_at(
        store,
        [
            ("a-far", date(2022, 5, 3), ("PER",)),
            ("b-near", date(2022, 5, 10), ("PER",)),
            ("c-next", date(2022, 5, 11), ("CHL",)),
            ("z-both", date(2022, 5, 16), ("CHL", "PER")),
            ("d-next", date(2022, 5, 9), ("CHL",)),
            ("e-other", date(2022, 5, 10), ("BOL",)),
        ],
    )
    # "c-next" and "d-next" are a day away each way: the smaller id goes first.
    assert _ranked(store, date(2022, 5, 10), frozenset({"CHL", "PER"})) == [
        "b-near",
        "c-next",
        "z-both",
    ]
    # An article naming no code is compared with the window's nearest, whatever they name:
    # "c-next" two days away, then three of three days away, the smaller ids first.
    assert _ranked(store, date(2022, 5, 13), frozenset()) == ["b-near", "c-next", "e-other"]
    assert _ranked(store, date(2022, 6, 1), frozenset({"PER"})) == []


def _codes(analysis: Analysis) -> str:
    return " ".join(sorted({c for m in analysis.mentions if m.kind != "place" for c in m.codes}))


def _features(store: Store) -> dict[str, tuple]:
    with Session(store.engine) as session:
        rows = session.execute(
            select(
                ArticleFeatureRow.article_id,
                ArticleFeatureRow.published,
                ArticleFeatureRow.codes,
                ArticleFeatureRow.views,
            )
        )
        return {
            article: (published, codes, bytes(views)) for article, published, codes, views in rows
        }


def test_every_stored_article_keeps_its_date_codes_and_views(store: Store, generated: list) -> None:
    # Stored alone or in a batch, each article gets the row its candidates are compared on.
    _save(store, generated[:1])
    _save(store, generated[1:20])
    assert _features(store) == {
        item.article.id: (
            item.article.published,
            _codes(item.analysis),
            pack_views(item.article.text),
        )
        for item in generated[:20]
    }


def test_an_article_analysed_again_is_looked_up_and_compared_by_its_new_codes(
    store: Store, generated: list
) -> None:
    _save(store, generated[:20])
    item = next(
        i for i in generated[:20] if len(_codes(i.analysis).split()) > 1 and i.article.published
    )
    kept = next(m for m in item.analysis.mentions if m.kind != "place" and m.codes)
    fewer = dataclasses.replace(item.analysis, mentions=(kept,))
    # read again with another date: the stored article, and its features, keep the first
    day = item.article.published
    later = dataclasses.replace(item.article, published=day + timedelta(days=1))
    store.save(later, fewer, version=2, group="corpus", fingerprints=())
    published, codes, views = _features(store)[item.article.id]
    assert codes == " ".join(sorted(kept.codes)) != _codes(item.analysis)
    assert (published, views) == (day, pack_views(item.article.text))
    with Session(store.engine) as session:
        looked_up = session.execute(
            select(ArticleCodeRow.code, ArticleCodeRow.published).where(
                ArticleCodeRow.article_id == item.article.id
            )
        )
        assert sorted(looked_up) == [(code, day) for code in sorted(kept.codes)]
    _assert_derived_match(store)
