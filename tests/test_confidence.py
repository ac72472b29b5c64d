"""Confidence: each feature of the evidence moves the score the way its meaning says.

Sentences are written for these tests; each effect is shown on two differently worded pairs.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date

import pytest
from spacy.language import Language
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from communique.extract import confidence
from communique.model import Analysis, Article, Event, Evidence, Instrument, Span, Statement
from communique.nlp import analyse
from communique.store import Store

from .conftest import Pipelines


@pytest.fixture(scope="module")
def nlp(pipelines: Pipelines) -> Language:
    """The packaged pipeline, fresh for this module (built once per session: see conftest)."""
    return pipelines.fresh()


def _event(nlp, text: str, kind: str) -> tuple[Event, list[str]]:
    """The one event of ``kind`` in the text, and the features its sentence was scored on."""
    article = Article(
        id="a",
        doc="a.txt",
        text=text,
        title=None,
        published=date(2024, 7, 10),
        language="en",
        publisher=None,
    )
    with confidence.logged() as log:
        [(_article, analysis)] = list(analyse([article], nlp))
    [event] = [e for e in analysis.events if e.event == kind]
    best = max(
        (entry for entry in log if entry["event"] == kind),
        key=lambda entry: confidence.score("events", entry["features"]),
    )
    assert 0.0 < event.confidence < 1.0
    return event, best["features"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("stated", "inferred"),
    [
        (
            "Chile expelled two Bolivian diplomats on 3 March 2024.",
            "Chile expelled two Bolivian diplomats.",
        ),
        (
            "Mali expelled the French ambassador on Monday.",
            "Mali expelled the French ambassador, the ministry said.",
        ),
    ],
)
def test_confidence_a_stated_date_beats_one_taken_from_publication(
    nlp, stated: str, inferred: str
) -> None:
    explicit, features = _event(nlp, stated, "SANCTION")
    implicit, weaker = _event(nlp, inferred, "SANCTION")
    assert "date_publication" not in features and "date_publication" in weaker
    assert implicit.when is not None and implicit.when.from_publication
    assert explicit.confidence > implicit.confidence


@pytest.mark.model
@pytest.mark.parametrize(
    ("named", "in_play"),
    [
        (
            "The Foreign Minister of Senegal met the Foreign Minister of Gambia on 2 July 2024.",
            "Senegal and Gambia are neighbours. A meeting took place in Banjul on 2 July 2024.",
        ),
        (
            "The President of Croatia met the Prime Minister of Slovenia in Zagreb on 3 July 2024.",
            "Croatia and Slovenia have close ties. The consultations in Zagreb on 3 July 2024 "
            "were described as useful.",
        ),
    ],
)
def test_confidence_a_subject_doer_beats_the_states_in_play(nlp, named: str, in_play: str) -> None:
    subject, features = _event(nlp, named, "CONSULT")
    context, weaker = _event(nlp, in_play, "CONSULT")
    assert not any(f.startswith("doer_") for f in features)
    assert "doer_context" in weaker
    assert subject.confidence > context.confidence


@pytest.mark.model
@pytest.mark.parametrize(
    ("plain", "doubtful", "feature"),
    [
        (
            "Peru recalled its ambassador from Ecuador on Monday.",
            "Peru did not recall its ambassador from Ecuador on Monday.",
            "negated",
        ),
        (
            "Mali expelled the French ambassador on Monday.",
            "Mali has not expelled the French ambassador, the ministry said on Monday.",
            "negated",
        ),
        (
            "Peru recalled its ambassador from Ecuador on Monday.",
            "Peru could recall its ambassador from Ecuador if talks fail.",
            "tense_hypothetical",
        ),
        (
            "Chile expelled two Bolivian diplomats on 3 March 2024.",
            "Chile might expel two Bolivian diplomats, a minister warned on 3 March 2024.",
            "tense_hypothetical",
        ),
    ],
)
def test_confidence_negated_and_hypothetical_events_score_lower(
    nlp, plain: str, doubtful: str, feature: str
) -> None:
    kind = "SANCTION"
    sure, _features = _event(nlp, plain, kind)
    unsure, weaker = _event(nlp, doubtful, kind)
    assert feature in weaker
    assert sure.confidence > unsure.confidence


@pytest.mark.model
@pytest.mark.parametrize(
    ("own", "governed"),
    [
        (
            "Peru recalled its ambassador from Ecuador on Monday.",
            "Peru decided to recall its ambassador from Ecuador on Monday.",
        ),
        (
            "Chile expelled two Bolivian diplomats on 3 March 2024.",
            "Chile announced that it had expelled two Bolivian diplomats on 3 March 2024.",
        ),
    ],
)
def test_confidence_a_doer_reached_through_another_clause_scores_lower(
    nlp, own: str, governed: str
) -> None:
    direct, _features = _event(nlp, own, "SANCTION")
    indirect, weaker = _event(nlp, governed, "SANCTION")
    assert "doer_governed" in weaker
    assert direct.confidence > indirect.confidence


def _coded(sentences: int, *, day: Span | None) -> Event:
    evidence = tuple(
        Evidence(start=i * 50, end=i * 50 + 40, sentence=f"sentence {i}") for i in range(sentences)
    )
    return Event(
        event="AID",
        mode=None,
        context=None,
        actor=("NOR",),
        recipient=("MOZ",),
        people=(),
        when=day,
        place=None,
        place_code=None,
        negated=False,
        tense="past",
        evidence=evidence,
        confidence=0.4,
    )


@pytest.mark.parametrize("day", [None, Span.parse("2024-05-02")])
def test_confidence_grows_with_the_sentences_stating_an_event_up_to_a_cap(
    day: Span | None,
) -> None:
    cap = int(confidence.weights()["events"]["extra_evidence_cap"])
    scores = [confidence.with_evidence(_coded(n, day=day)).confidence for n in range(1, cap + 3)]
    assert scores[0] == 0.4  # one sentence keeps its own score
    assert scores[0] < scores[1] <= scores[cap]
    assert scores[cap] == scores[cap + 1]  # further sentences beyond the cap add nothing


def test_confidence_a_trigger_rows_weight_shifts_the_odds() -> None:
    plain = confidence.score("events", ["noun_trigger"])
    halved = confidence.score("events", ["noun_trigger"], math.log(0.5))
    odds = plain / (1 - plain)
    assert halved / (1 - halved) == pytest.approx(odds / 2)


def _quote(layout: str, code: str | None, office: str | None) -> Statement:
    return Statement(
        speaker="Aino Virtanen",
        code=code,
        office=office,
        quote="The border stays open to trade.",
        start=0,
        end=31,
        layout=layout,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("layout", ["attributed", "speaker_line"])
def test_confidence_a_placed_speaker_beats_an_unplaced_one(layout: str) -> None:
    placed = confidence.rate_statement(_quote(layout, "FIN", "foreign_minister"))
    unplaced = confidence.rate_statement(_quote(layout, None, None))
    assert "speaker_uncoded" in confidence.statement_features(unplaced)
    assert placed.confidence > unplaced.confidence


@pytest.mark.parametrize(("code", "office"), [("FIN", "foreign_minister"), ("EST", None)])
def test_confidence_a_transcript_beats_a_quote_beside_a_speech_verb(
    code: str, office: str | None
) -> None:
    transcript = confidence.rate_statement(_quote("transcript", code, office))
    attributed = confidence.rate_statement(_quote("attributed", code, office))
    assert transcript.confidence > attributed.confidence


def _action(action: str, parties: tuple[str, ...], when: Span | None) -> Instrument:
    return Instrument(
        title="Agreement on Joint Border Patrols",
        kind="agreement",
        action=action,
        parties=parties,
        when=when,
        start=0,
        end=60,
        sentence="…",
    )


@pytest.mark.parametrize("parties", [("EST", "LVA"), ()])
def test_confidence_an_action_verb_beats_a_bare_reference(parties: tuple[str, ...]) -> None:
    day = Span.parse("2024-06-04")
    signed = confidence.rate_instrument(_action("signed", parties, day))
    referenced = confidence.rate_instrument(_action("referenced", parties, None))
    assert "referenced" in confidence.instrument_features(referenced)
    assert signed.confidence > referenced.confidence


@pytest.mark.parametrize("action", ["signed", "ratified"])
def test_confidence_an_instruments_stated_date_beats_none(action: str) -> None:
    dated = confidence.rate_instrument(_action(action, ("EST",), Span.parse("2024-06")))
    undated = confidence.rate_instrument(_action(action, ("EST",), None))
    assert "date_none" in confidence.instrument_features(undated)
    assert dated.confidence > undated.confidence


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Estonia and Latvia signed the Agreement on Joint Border Patrols on 4 June 2024.",
        "The Treaty on Fisheries was ratified by Iceland and Norway in May 2024.",
    ],
)
def test_confidence_every_record_of_the_pipeline_has_a_score(nlp, text: str) -> None:
    article = Article(
        id="b",
        doc="b.txt",
        text=text,
        title=None,
        published=date(2024, 7, 10),
        language="en",
        publisher=None,
    )
    [(_article, analysis)] = list(analyse([article], nlp))
    records = [*analysis.instruments, *analysis.events, *analysis.statements]
    assert analysis.instruments
    assert all(0.0 < r.confidence < 1.0 for r in records)


def _stored_article() -> Article:
    return Article(
        id="c0ffee",
        doc="border.txt",
        text="Estonia and Latvia signed a border accord. “It holds,” said the minister.",
        title=None,
        published=date(2024, 6, 4),
        language="en",
        publisher=None,
    )


def test_confidence_is_stored_and_read_back(store) -> None:
    day = Span.parse("2024-06-04")
    event = dataclasses.replace(_coded(2, day=day), confidence=0.6123)
    instrument = dataclasses.replace(_action("signed", ("EST", "LVA"), day), confidence=0.7)
    statement = dataclasses.replace(_quote("attributed", "EST", None), confidence=0.35)
    analysis = Analysis(
        article_id="c0ffee", events=(event,), instruments=(instrument,), statements=(statement,)
    )
    store.save(_stored_article(), analysis, version=1, group="test", fingerprints=())
    [(_a, back)] = list(store.events())
    [(_a, item)] = list(store.instruments())
    [(_a, quote)] = list(store.statements())
    assert (back.confidence, item.confidence, quote.confidence) == (0.6123, 0.7, 0.35)
    # one source: the merged event keeps its report's confidence; the filters use it
    assert [s.event.confidence for s in store.stories()] == [0.6123]
    assert store.stories(min_confidence=0.61) and not store.stories(min_confidence=0.62)
    assert store.agreements(min_confidence=0.7) and not store.agreements(min_confidence=0.71)


def test_confidence_columns_are_added_to_an_older_database(store, db_settings) -> None:
    analysis = Analysis(article_id="c0ffee", events=(_coded(1, day=None),))
    store.save(_stored_article(), analysis, version=1, group="test", fingerprints=())
    with Session(store.engine) as session, session.begin():
        for table in ("events", "instruments", "statements"):
            session.execute(sql(f"ALTER TABLE {table} DROP COLUMN confidence"))
        session.execute(sql("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))
        session.execute(sql("DROP TABLE alembic_version"))  # as before migrations
    store.close()
    reopened = Store.open(db_settings.db)
    [(_a, event)] = list(reopened.events())
    assert event.confidence == 1.0  # unknown until the article is analysed again
    reopened.close()
