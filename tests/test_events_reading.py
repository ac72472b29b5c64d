"""Event coding on unseen news (issue 10): participants, recall by type and precision.

Every rule has two differently worded examples of its own; texts are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from communique.model import Article
from communique.nlp import analyse

from .conftest import Pipelines

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp(pipelines: Pipelines) -> Language:
    """The packaged pipeline, fresh for this module (built once per session: see conftest)."""
    return pipelines.fresh()


def _events(nlp, text: str, day: date = date(2024, 7, 10)):
    article = Article(
        id="a", doc="a.txt", text=text, title=None, published=day, language="en", publisher=None
    )
    [(_article, analysis)] = list(analyse([article], nlp))
    return analysis.events


def _kinds(nlp, text: str) -> set[str]:
    return {e.event for e in _events(nlp, text)}


def _coded(nlp, text: str) -> list[tuple]:
    """Each event's type, actor and recipient, in text order."""
    return [(e.event, e.actor, e.recipient) for e in _events(nlp, text)]


def _one(nlp, text: str, kind: str):
    found = [e for e in _events(nlp, text) if e.event == kind]
    assert len(found) == 1, found
    return found[0]


# -- tense: a reported "would" is a promise or threat, an "if" clause is no event --------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ghana said on Monday that it would expel two Togolese diplomats.", "THREATEN"),
        ("The Thai minister vowed that Thailand would close its border with Myanmar.", "THREATEN"),
    ],
)
def test_reported_would_is_announced_not_hypothetical(nlp, text: str, kind: str) -> None:
    event = _one(nlp, text, kind)
    assert event.tense == "future"


@pytest.mark.parametrize(
    "text",
    [
        "Bhutan would sign the treaty if Nepal dropped its claims.",
        "If Malawi recalls its envoy, Zambia will expel the Malawian ambassador.",
    ],
)
def test_conditional_acts_are_hypothetical(nlp, text: str) -> None:
    events = _events(nlp, text)
    assert events and any(e.tense == "hypothetical" for e in events)


# -- participants ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "actor", "recipient"),
    [
        (
            "China accused Vietnam of dumping steel. Vietnam rejected the claims on Friday.",
            "REJECT",
            ("VNM",),
            ("CHN",),
        ),
        (
            "Israel annexed part of the valley on Monday. Jordan condemned the decision.",
            "ACCUSE",
            ("JOR",),
            ("ISR",),
        ),
    ],
)
def test_directed_act_without_target_takes_the_other_side(
    nlp, text: str, kind: str, actor: tuple, recipient: tuple
) -> None:
    event = _one(nlp, text, kind)
    assert (event.actor, event.recipient) == (actor, recipient)


@pytest.mark.parametrize(
    ("text", "kind", "pair"),
    [
        ("Chile and Peru expelled each other's ambassadors on Monday.", "SANCTION", {"CHL", "PER"}),
        ("Greece and Turkey accused one another of violating the truce.", "ACCUSE", {"GRC", "TUR"}),
    ],
)
def test_reciprocal_acts_go_each_way(nlp, text: str, kind: str, pair: set) -> None:
    events = [e for e in _events(nlp, text) if e.event == kind]
    assert {(e.actor, e.recipient) for e in events} == {
        ((a,), (b,)) for a in pair for b in pair if a != b
    }


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Latvia lodged a formal protest with Russia over the incident.", ("LVA",), ("RUS",)),
        ("Poland delivered a note of protest to Belarus on Tuesday.", ("POL",), ("BLR",)),
    ],
)
def test_diplomatic_protest_is_accuse_of_whom_it_is_lodged_with(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    event = _one(nlp, text, "ACCUSE")
    assert (event.actor, event.recipient) == (actor, recipient)


# -- recall by type ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "actor", "recipient"),
    [
        # a small clause names the object: "ordered X shut", "declared Y persona non grata"
        ("Peru ordered the Venezuelan consulate shut.", "SANCTION", ("PER",), ("VEN",)),
        (
            "Norway responded by declaring the Iranian ambassador persona non grata.",
            "SANCTION",
            ("NOR",),
            ("IRN",),
        ),
        ("Uruguay closed its embassy in Caracas on Monday.", "SANCTION", ("URY",), ("VEN",)),
        ("Ghana's president telephoned the Nigerian leader on Tuesday.", "CONSULT", ("GHA",), ()),
        ("The presidents of Chile and Argentina shook hands in Santiago.", "CONSULT", (), ()),
        ("Estonia holds Moscow responsible for the cyberattack.", "ACCUSE", ("EST",), ("RUS",)),
        (
            "Kenya said it held Somalia accountable for the raid on the border post.",
            "ACCUSE",
            ("KEN",),
            ("SOM",),
        ),
        # a statement of support reported in the present is a statement made
        ("Colombia reiterated that it backs the peace plan for Haiti.", "SUPPORT", ("COL",), ()),
        ("Mexico said it supports the Guatemalan proposal.", "SUPPORT", ("MEX",), ("GTM",)),
    ],
)
def test_recall_phrasings(nlp, text: str, kind: str, actor: tuple, recipient: tuple) -> None:
    event = _one(nlp, text, kind)
    assert set(actor) <= set(event.actor + event.recipient) if kind == "CONSULT" else True
    if kind != "CONSULT":
        assert event.actor == actor
        assert set(recipient) <= set(event.recipient)


def test_phone_call_and_handshake_name_both_sides(nlp) -> None:
    call = _one(nlp, "Ghana's president telephoned the Nigerian leader on Tuesday.", "CONSULT")
    assert (call.mode, set(call.actor + call.recipient)) == ("phone", {"GHA", "NGA"})
    hands = _one(nlp, "The presidents of Chile and Argentina shook hands in Santiago.", "CONSULT")
    assert set(hands.actor + hands.recipient) == {"CHL", "ARG"}


# -- precision ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # what is demanded, welcomed, refused or alleged is the topic, not a second event
        ("Kuwait demanded the release of the detained sailors.", "REQUEST", "RETREAT"),
        ("Zambia refused to meet the Malawian envoy on Friday.", "REJECT", "CONSULT"),
        ("Oman welcomed the new sanctions on the smugglers.", "SUPPORT", "COERCE"),
        ("Mali accused Senegal of plotting an invasion.", "ACCUSE", "ASSAULT"),
        ("The Austrian government rejected calls to lift the embargo.", "REJECT", "CONCEDE"),
    ],
)
def test_topic_of_an_act_is_no_event(nlp, text: str, kind: str, not_kind: str) -> None:
    kinds = _kinds(nlp, text)
    assert kind in kinds and not_kind not in kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Will Austria expel the Russian diplomats next week?", "SANCTION"),
        ("Did the Czech government really summon the Chinese ambassador?", "ACCUSE"),
    ],
)
def test_questions_state_no_event(nlp, text: str, kind: str) -> None:
    assert kind not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda ratified the Treaty of Friendship and Consultation on Monday.",
        "Ghana signed the Protocol on Meetings of Defence Ministers in May.",
    ],
)
def test_trigger_words_inside_an_instrument_title_are_no_event(nlp, text: str) -> None:
    assert "CONSULT" not in _kinds(nlp, text)


def test_caption_and_related_story_lines_below_the_headline_are_no_events(nlp) -> None:
    text = (
        "Peru and Chile sign fisheries accord\n\n"
        "Lima, 3 May. Peru and Chile signed a fisheries accord on Monday.\n\n"
        "Related articles\n\n"
        "Bolivia expels Brazilian diplomats over border row\n\n"
        "Leaders of Ecuador and Colombia meet in Quito\n"
    )
    kinds = _kinds(nlp, text)
    assert "SUPPORT" in kinds and not kinds & {"SANCTION", "CONSULT"}


# -- who "the ministry", "the summit", "he" are ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        (
            "Chile's foreign ministry summoned the Peruvian ambassador on Monday. "
            "The ministry also demanded that Peru explain the incident.",
            "REQUEST",
            ("CHL",),
        ),
        (
            "The extraordinary SADC summit opened in Harare on Friday. "
            "The summit condemned the coup in Lesotho.",
            "ACCUSE",
            ("IGO:SADC",),
        ),
        (
            "The UN Security Council met on Monday. The Council condemned the attack in Mali.",
            "ACCUSE",
            ("IGO:UN",),
        ),
    ],
)
def test_bare_noun_doer_is_the_last_phrase_with_that_noun(
    nlp, text: str, kind: str, actor: tuple
) -> None:
    assert _one(nlp, text, kind).actor == actor


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        (
            "President William Ruto spoke in Nairobi on Monday. "
            "He demanded that Ethiopia withdraw its troops from the border.",
            "REQUEST",
            ("KEN",),
        ),
        (
            "Austrian Chancellor Karl Nehammer arrived in Rome on Tuesday. "
            "She later criticised the Hungarian veto, and he condemned it as well.",
            "ACCUSE",
            ("AUT",),
        ),
    ],
)
def test_he_or_she_is_the_last_person_named(nlp, text: str, kind: str, actor: tuple) -> None:
    assert actor in {e.actor for e in _events(nlp, text) if e.event == kind}


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Serbia warned that it would recall its ambassador from Montenegro.", ("MNE",)),
        ("Iran warned on Sunday that any strike on its soil would meet a crushing response.", ()),
    ],
)
def test_warning_of_what_will_follow_is_a_threat(nlp, text: str, recipient: tuple) -> None:
    event = _one(nlp, text, "THREATEN")
    assert set(recipient) <= set(event.recipient)


def test_announced_mobilisation_is_a_threat(nlp) -> None:
    text = "Azerbaijan said it would deploy more troops to the Armenian border."
    assert "THREATEN" in _kinds(nlp, text) and "MOBILIZE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Laos and Vietnam disagree on the dam. The dispute must be settled through talks.",
        "Peru and Ecuador signed a border accord. Officials said the meeting was historic.",
    ],
)
def test_meeting_noun_naming_no_one_and_nowhere_is_no_event(nlp, text: str) -> None:
    assert "CONSULT" not in _kinds(nlp, text)


def test_meeting_noun_with_a_place_takes_the_states_in_play(nlp) -> None:
    text = (
        "Laos and Vietnam set up a working group on the Mekong dams. "
        "Its first meeting took place in Hanoi on Friday."
    )
    event = _one(nlp, text, "CONSULT")
    assert set(event.actor + event.recipient) == {"LAO", "VNM"}


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Sweden, Denmark and Norway all told the Russian envoys to leave within a week.",
            {"SWE", "DNK", "NOR"},
            ("RUS",),
        ),
        (
            "On Monday Canada ordered the Iranian diplomats to leave the country within five days.",
            {"CAN"},
            ("IRN",),
        ),
    ],
)
def test_telling_envoys_to_leave_is_an_expulsion_done_not_announced(
    nlp, text: str, actor: set, recipient: tuple
) -> None:
    event = _one(nlp, text, "SANCTION")
    assert (set(event.actor), event.recipient, event.mode) == (actor, recipient, "expel")
    assert event.tense == "past"


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Ecuador asked the Mexican ambassador to leave the country.", ("ECU",), ("MEX",)),
        ("Estonia has asked two Russian diplomats to depart within a week.", ("EST",), ("RUS",)),
    ],
)
def test_asking_envoys_to_leave_is_an_expulsion_not_a_request(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    event = _one(nlp, text, "SANCTION")
    assert (event.actor, event.recipient, event.mode) == (actor, recipient, "expel")
    assert "REQUEST" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Brazil is seeking to ease tensions with Argentina.",
        "Chile tried to mediate between Peru and Bolivia.",
    ],
)
def test_trying_or_seeking_to_act_is_neither_the_act_nor_a_request(nlp, text: str) -> None:
    assert _kinds(nlp, text) == set()


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Peru sought Chile's help in the search.", ("PER",), ("CHL",)),
        ("Kenya is seeking clarification from Uganda about the arrests.", ("KEN",), ("UGA",)),
    ],
)
def test_seeking_something_from_a_state_is_a_request(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    event = _one(nlp, text, "REQUEST")
    assert (event.actor, event.recipient) == (actor, recipient)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "In May 2019 Chile forced Peru to pull its consular staff out of Arica.",
            date(2019, 5, 1),
        ),
        ("Uruguay compelled Bolivia on 3 June to cut its embassy staff by half.", date(2024, 6, 3)),
    ],
)
def test_making_a_state_withdraw_its_envoys_is_an_expulsion_by_whoever_made_it(
    nlp, text: str, when: date
) -> None:
    event = _one(nlp, text, "SANCTION")
    assert (len(event.actor), len(event.recipient), event.mode) == (1, 1, "expel")
    assert event.actor != event.recipient and event.when.start == when
    assert "RETREAT" not in _kinds(nlp, text)  # "forced … to withdraw" is no pull-back of forces


@pytest.mark.parametrize(
    "text",
    [
        "Kenya pulled its diplomats out of Juba on Friday.",
        "Oman has pulled its embassy staff out of Sanaa.",
    ],
)
def test_pulling_diplomats_out_is_a_recall_not_a_retreat(nlp, text: str) -> None:
    event = _one(nlp, text, "SANCTION")
    assert event.mode == "withdraw" and len(event.actor) == 1
    assert "RETREAT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Japan sent food aid for flood victims in Bangladesh on Monday.", ("BGD",)),
        ("Germany donated medical supplies to hospitals in Gaza.", ("PSE",)),
    ],
)
def test_aid_goes_to_the_state_of_the_place_of_its_beneficiaries(
    nlp, text: str, recipient: tuple
) -> None:
    assert _one(nlp, text, "AID").recipient == recipient


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the premiers are due to fly to Lima for a meeting with the Chilean president.",
        "The Thai prime minister is to pay a visit to Cambodia next month.",
    ],
)
def test_a_meeting_someone_is_due_or_is_to_hold_is_announced(nlp, text: str) -> None:
    event = _one(nlp, text, "AGREE")
    assert event.tense == "future"
    assert "CONSULT" not in _kinds(nlp, text)


def test_being_the_last_to_visit_describes_and_does_not_announce(nlp) -> None:
    text = "Sharif was the last Pakistani premier to make a public trip to India."
    assert "AGREE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Norway will join the accord once it has been ratified by the parliament of Iceland.",
        "The pact takes effect in June, provided that it is ratified by the Peruvian congress.",
    ],
)
def test_an_act_set_as_a_condition_is_hypothetical(nlp, text: str) -> None:
    ratified = [e for e in _events(nlp, text) if e.actor in {("ISL",), ("PER",)}]
    assert ratified, _events(nlp, text)
    assert all(e.tense == "hypothetical" for e in ratified)


def test_a_condition_met_in_a_past_narrative_is_a_report(nlp) -> None:
    text = "Once the two ministers had met in Quito, Ecuador signed the accord with Peru."
    assert all(e.tense == "past" for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Iran rejected the plan on Monday. Its Supreme Council condemned the report and "
            "warned of retaliation.",
            "THREATEN",
        ),
        (
            "Venezuela recalled its envoy to Bogota. Its national assembly then denounced "
            "the Colombian government.",
            "ACCUSE",
        ),
    ],
)
def test_its_body_is_the_body_of_the_state_named_before(nlp, text: str, kind: str) -> None:
    assert _one(nlp, text, kind).actor[0] in {"IRN", "VEN"}


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers who took power in Bamako detained the president on Friday.",
        "The accord was ratified last year by the parliaments of the member states.",
    ],
)
def test_a_doer_that_points_back_is_not_kept_as_written(nlp, text: str) -> None:
    assert all(e.actor_text is None for e in _events(nlp, text))


def test_a_doer_named_for_the_first_time_is_kept_as_written(nlp) -> None:
    text = "Striking dock workers blocked the port of Mombasa on Tuesday."
    assert any(e.actor_text == "Striking dock workers" for e in _events(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Quito had proposed talks between the two foreign ministries, but the Peruvian side "
        "had refused.",
        "Lima called off a visit by a Peruvian trade delegation to Santiago.",
        "Colombia postponed its talks with Venezuela on Monday.",
    ],
)
def test_a_meeting_proposed_or_put_off_is_no_meeting(nlp, text: str) -> None:
    assert "CONSULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Azerbaijani units advanced into the border district on Monday. The OSCE chairman "
            "denounced the advance in a communique released in Vienna.",
            ("AZE",),
        ),
        (
            "Israel struck targets in Syria. Egypt's foreign minister condemned the strikes at "
            "a news conference in Amman.",
            ("ISR",),
        ),
    ],
)
def test_the_city_where_a_condemnation_is_voiced_is_not_its_target(
    nlp, text: str, target: tuple
) -> None:
    assert _one(nlp, text, "ACCUSE").recipient == target


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        (
            "Heads of state met in Addis Ababa on Sunday for an extraordinary African Union "
            "summit on Sudan. The leaders also imposed sanctions on the junta in Khartoum.",
            "COERCE",
            ("IGO:AU",),
        ),
        (
            "Ministers gathered in Minsk for a session of the CIS Council of Foreign Ministers. "
            "The participants first held talks behind closed doors.",
            "CONSULT",
            ("IGO:CIS",),
        ),
    ],
)
def test_the_participants_of_an_organisations_gathering_are_the_organisation(
    nlp, text: str, kind: str, actor: tuple
) -> None:
    assert _one(nlp, text, kind).actor == actor


def test_the_two_leaders_stay_a_pair(nlp) -> None:
    text = "Lula met Costa in Lisbon for the annual summit. The two leaders signed a treaty."
    assert set(_one(nlp, text, "SUPPORT").actor) == {"BRA", "PRT"}


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister will travel to Addis Ababa on May 3. It will be the first "
        "visit to Ethiopia by a Kenyan foreign minister since 2009.",
        "Modi went on later on Tuesday to meet Chinese President Xi Jinping in Kazan, the first "
        "formal talks between the two leaders since the border clash of 2020.",
    ],
)
def test_the_first_meeting_since_a_year_ranks_a_meeting_and_is_not_one(nlp, text: str) -> None:
    # no event is dated to the year the ranking counts from ("will travel … on May 3", said
    # in July 2024, is the next May)
    assert all(e.when is None or e.when.start.year >= 2024 for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Security Council met in New York on Friday at the request of Estonia.", ("EST",)),
        ("Troops were sent to the border at the demand of the Colombian government.", ("COL",)),
    ],
)
def test_at_the_request_of_x_x_asks(nlp, text: str, actor: tuple) -> None:
    assert _one(nlp, text, "REQUEST").actor == actor


# -- participants and negation on unseen news (issue 10, second pass) --------------------------


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("Chile, Peru sign trade pact", "SUPPORT", {"CHL", "PER"}),
        ("Ghana, Togo agree to reopen border crossing", "AGREE", {"GHA", "TGO"}),
    ],
)
def test_a_headline_listing_two_doers_with_a_comma_keeps_both(
    nlp, text: str, kind: str, actor: set
) -> None:
    assert set(_one(nlp, text, kind).actor) == actor


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru, which are small and suspended from the trade bloc, stayed away.",
        "Nepal and Bhutan, which are in arrears and expelled from the council, left early.",
    ],
)
def test_a_participle_sharing_a_passive_or_be_has_no_doer(nlp, text: str) -> None:
    assert not [e for e in _events(nlp, text) if {"CHL", "PER", "NPL", "BTN"} & set(e.actor)]


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "Drought hit Somalia again, and Somalia's harvest failed. Erdogan discussed the "
            "crisis with Kenyan President William Ruto by telephone on Monday.",
            "KEN",
        ),
        (
            "Floods in Libya killed hundreds, and Libya asked for help. Scholz discussed the "
            "crisis with Polish President Andrzej Duda by telephone on Friday.",
            "POL",
        ),
    ],
)
def test_discussing_a_topic_with_someone_makes_them_the_other_side(
    nlp, text: str, partner: str
) -> None:
    event = _one(nlp, text, "CONSULT")
    assert partner in event.actor + event.recipient


@pytest.mark.parametrize(
    "text",
    [
        "The Pacific Islands Forum summit began in Tonga on Monday. After the summit, Fiji said "
        "it would expel an Australian diplomat.",
        "The Arab League summit opened in Jeddah on Friday. On the sidelines of the summit, "
        "Egypt's president criticised Ethiopia.",
    ],
)
def test_the_summit_named_again_in_a_phrase_of_time_or_place_is_no_new_meeting(
    nlp, text: str
) -> None:
    consults = [e for e in _events(nlp, text) if e.event == "CONSULT"]
    assert len(consults) == 1
    sides = consults[0].actor + consults[0].recipient
    assert all(code.startswith("IGO:") or code in {"TON", "SAU"} for code in sides)


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "Fiji's prime minister flew home on Monday after the Pacific Islands Forum summit "
            "opened.",
            "IGO:PIF",
        ),
        (
            "Samoa's foreign minister said on Monday that the Pacific Islands Forum summit had "
            "been a success.",
            "IGO:PIF",
        ),
    ],
)
def test_an_organisations_gathering_is_not_padded_with_states(
    nlp, text: str, organisation: str
) -> None:
    event = _one(nlp, text, "CONSULT")
    assert set(event.actor + event.recipient) == {organisation}


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Armenia condemned the shelling of Georgian villages by Azerbaijan.", "ACCUSE", ("AZE",)),
        (
            "Ecuador denounced the detention of Colombian fishermen by Venezuela on Monday.",
            "ACCUSE",
            ("VEN",),
        ),
        # the agent of a participle on the object, each of several
        ("Kenya welcomed the ceasefire brokered by Qatar and Egypt.", "SUPPORT", ("QAT", "EGY")),
        (
            "Ghana praised the relief sent by Norway and Denmark after the floods.",
            "SUPPORT",
            ("NOR", "DNK"),
        ),
    ],
)
def test_the_doer_of_a_judged_act_is_its_target(nlp, text: str, kind: str, target: tuple) -> None:
    assert _one(nlp, text, kind).recipient == target


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Laos held no talks with Cambodia this year.", "CONSULT"),
        ("No meeting between the Kenyan and Somali foreign ministers took place.", "CONSULT"),
    ],
)
def test_no_before_the_act_negates_it(nlp, text: str, kind: str) -> None:
    assert _one(nlp, text, kind).negated


@pytest.mark.parametrize(
    "text",
    [
        "Japan deployed a new radar system last year, a step that Seoul and Beijing both oppose.",
        "Ministers discussed the pipeline, which Warsaw and Vilnius strongly reject, at length.",
    ],
)
def test_a_view_held_in_a_present_relative_clause_is_no_event(nlp, text: str) -> None:
    assert "REJECT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Floods hit Malawi again. Zambia's president said on Tuesday that Lusaka welcomed the "
        "growth of cross-border trade.",
        "Kenya's foreign ministry said Nairobi supported steps to calm the border region.",
    ],
)
def test_a_reported_approval_of_a_thing_no_one_is_named_for_is_no_support_event(
    nlp, text: str
) -> None:
    assert "SUPPORT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Uganda's president met Kenya's leader on Monday. Officials said afterwards that "
            "Kampala sought a delay of the vote.",
            "REQUEST",
        ),
        (
            "Ghana hosted Togo's foreign minister on Monday. The minister said later that Accra "
            "rejected the idea of a new levy.",
            "REJECT",
        ),
    ],
)
def test_a_reported_stance_on_a_thing_is_not_aimed_at_the_other_side(
    nlp, text: str, kind: str
) -> None:
    assert kind not in _kinds(nlp, text)


def test_signing_a_text_stays_support_without_a_named_counterpart(nlp) -> None:
    text = "Chile and Peru signed a fisheries agreement on Monday."
    assert set(_one(nlp, text, "SUPPORT").actor) == {"CHL", "PER"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "President Dina Boluarte spoke in Lima on Monday. The talks had failed, the "
            "president told reporters. She demanded that Bolivia hand over the suspects.",
            ("PER",),
        ),
        (
            'Chancellor Olaf Scholz spoke to reporters in Berlin. "This cannot go on," the '
            "chancellor said. He urged Hungary to lift its veto.",
            ("DEU",),
        ),
    ],
)
def test_he_or_she_points_back_to_the_person_named_earlier_in_the_paragraph(
    nlp, text: str, actor: tuple
) -> None:
    assert _one(nlp, text, "REQUEST").actor == actor


def test_he_or_she_does_not_reach_into_the_last_paragraph(nlp) -> None:
    text = (
        "Chancellor Olaf Scholz spoke to reporters in Berlin.\n"
        '"This cannot go on," the chancellor said. He urged Hungary to lift its veto.'
    )
    assert "REQUEST" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        (
            "Armenia shelled villages in Azerbaijan on Monday. The shells hit three towns in "
            "Azerbaijan, and schools across Azerbaijan closed. The European Union condemned the "
            "attack.",
            "ACCUSE",
            ("ARM",),
        ),
        (
            "Serbia expelled a Croatian journalist on Friday. The reporter had worked in Croatia "
            "and Bosnia for years, and Croatia's press union protested. The Council of Europe "
            "criticised the decision.",
            "ACCUSE",
            ("SRB",),
        ),
    ],
)
def test_condemning_the_move_aims_at_whoever_has_acted_not_the_most_named(
    nlp, text: str, kind: str, target: tuple
) -> None:
    condemned = [e for e in _events(nlp, text) if e.event == kind and e.actor[0].startswith("IGO")]
    assert [e.recipient for e in condemned] == [target]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            'Foreign Minister Ana Brnabic spoke in Belgrade on Monday. "We ask Kosovo to stop '
            'its provocations," she said.',
            ("SRB",),
            ("XKX",),
        ),
        (
            '"We demand that Ethiopia withdraw its troops," Somali President Hassan Sheikh '
            "Mohamud told parliament.",
            ("SOM",),
            ("ETH",),
        ),
    ],
)
def test_we_in_quoted_words_is_the_speakers_state(
    nlp, text: str, actor: tuple, target: tuple
) -> None:
    event = _one(nlp, text, "REQUEST")
    assert (event.actor, event.recipient) == (actor, target)


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        (
            "Chile's foreign minister held talks with his Peruvian counterpart in Lima on Friday. "
            "The two sides agreed to hold more meetings.",
            "AGREE",
            {"CHL", "PER"},
        ),
        (
            "Prime Minister Kristersson met Prime Minister Orban in Budapest. The two prime "
            "ministers signed a defence accord.",
            "SUPPORT",
            {"SWE", "HUN"},
        ),
    ],
)
def test_the_two_sides_and_the_two_prime_ministers_are_the_pair(
    nlp, text: str, kind: str, actor: set
) -> None:
    assert set(_one(nlp, text, kind).actor) == actor


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's president met Togo's leader in Accra on Monday. Ghana's president said border "
        "disputes must be settled through dialogue.",
        "Peru's prime minister flew to Quito on Friday. She told reporters that fishing quotas "
        "must be set by science.",
    ],
)
def test_saying_a_thing_must_be_done_asks_no_one(nlp, text: str) -> None:
    assert "REQUEST" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Norway's prime minister visited Lisbon on Monday. He said the government must resign.",
        "Peru's foreign minister met Chile's envoy on Monday. She said any blockade of Bolivia "
        "must be avoided.",
    ],
)
def test_saying_an_agent_or_an_act_on_a_state_must_change_is_a_request(nlp, text: str) -> None:
    assert "REQUEST" in _kinds(nlp, text)


def test_saying_a_state_must_act_still_asks_it(nlp) -> None:
    text = (
        "Kenya's foreign minister visited Uganda on Tuesday. He said Uganda must reopen the border."
    )
    assert _one(nlp, text, "REQUEST").recipient == ("UGA",)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "QUITO (Reuters) -- Ecuador's president and Peru's leader on Monday signed a border "
            "accord.",
            {"ECU", "PER"},
        ),
        ("LIMA, May 2 (EFE) - Peru and Chile signed a fisheries pact on Monday.", {"PER", "CHL"}),
    ],
)
def test_the_agency_credited_in_a_dateline_takes_no_part(nlp, text: str, actor: set) -> None:
    event = _one(nlp, text, "SUPPORT")
    assert set(event.actor) == actor
    assert event.recipient == ()


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "ACCRA (AP) -- Ghana's president and Togo's leader ended a long dispute on Monday, "
            "signing a border treaty.",
            {"GHA", "TGO"},
        ),
        (
            "HANOI (AFP) -- Vietnam's prime minister and his Lao counterpart closed a decade of "
            "disputes on Tuesday, signing a water-sharing pact.",
            {"VNM", "LAO"},
        ),
    ],
)
def test_a_dateline_is_never_the_subject(nlp, text: str, actor: set) -> None:
    assert set(_one(nlp, text, "SUPPORT").actor) == actor


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "Kenya's foreign ministry on Friday released a statement urging Somalia to reopen "
            "the border.",
            ("KEN",),
            ("SOM",),
        ),
        (
            "Chile sent Bolivia a letter calling for new talks on water rights.",
            ("CHL",),
            ("BOL",),
        ),
    ],
)
def test_a_note_or_statement_asking_something_is_its_senders_request(
    nlp, text: str, actor: tuple, target: tuple
) -> None:
    event = _one(nlp, text, "REQUEST")
    assert (event.actor, event.recipient) == (actor, target)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Chile and Peru threatened on Monday to close their ports to the foreign fleet. They "
            "further criticised the new fishing quotas.",
            {"CHL", "PER"},
        ),
        (
            "Ghana and Togo signed a border accord in Lome on Friday. They also condemned the "
            "attack on a customs post.",
            {"GHA", "TGO"},
        ),
    ],
)
def test_they_continue_the_several_doers_of_the_sentence_before(nlp, text: str, actor: set) -> None:
    assert set(_one(nlp, text, "ACCUSE").actor) == actor


def test_they_after_one_state_is_not_that_state(nlp) -> None:
    text = "Chile recalled its ambassador on Monday. They also criticised the new fishing quotas."
    assert "ACCUSE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        (
            "NAIROBI, Kenya -- A Ugandan army patrol has shelled a border village in Kenya, "
            "officials said on Tuesday.",
            "ASSAULT",
            ("UGA",),
        ),
        (
            "GENEVA, Switzerland -- A UN war crimes investigator on Friday accused a former "
            "Sudanese general of ordering attacks on villages.",
            "ACCUSE",
            ("IGO:UN",),
        ),
    ],
)
def test_the_subject_hung_on_a_dateline_still_acts(nlp, text: str, kind: str, actor: tuple) -> None:
    assert _one(nlp, text, kind).actor == actor


@pytest.mark.parametrize(
    "text",
    [
        "The Netherlands recalled its ambassador from Caracas for consultations.",
        "Turkey recalled its envoy to Vienna for consultations after the vote.",
    ],
)
def test_an_envoy_recalled_for_consultations_is_no_meeting(nlp, text: str) -> None:
    """ "For consultations" says why the envoy goes home; the recall is the news."""
    assert [e.event for e in _events(nlp, text)] == ["SANCTION"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile called on the authorities in Caracas to release the detained journalists.",
        "Sweden called on the government in Tehran to release the two detained aid workers.",
    ],
)
def test_an_act_asked_for_in_a_purpose_clause_is_not_done(nlp, text: str) -> None:
    """The parse may read "to release" after "called on X in Y" as a purpose; it is asked."""
    assert [e.event for e in _events(nlp, text)] == ["REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Mexico recalled its ambassador from Quito in protest.",
        "Peru recalled its ambassador from Caracas in protest against the ruling.",
    ],
)
def test_in_protest_is_the_manner_of_an_act_not_a_protest(nlp, text: str) -> None:
    assert [e.event for e in _events(nlp, text)] == ["SANCTION"]


def test_a_protest_staged_is_still_a_protest(nlp) -> None:
    text = "Thousands of people staged a protest outside the Chinese embassy in Manila."
    assert [e.event for e in _events(nlp, text)] == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "The Netherlands suspended development aid to Burundi on Friday.",
        "Loans to Zimbabwe were frozen by Japan after the disputed vote.",
        "Norway stopped funding the reconstruction fund in Sudan last month.",
        "Ecuador broke off talks with Colombia over the border incident.",
        "Kenya suspended its negotiations with Somalia on Monday.",
    ],
)
def test_what_a_sanction_cuts_off_is_not_an_act_of_its_own(nlp, text: str) -> None:
    """Aid suspended or talks broken off: the sanction happened, the aid or the talks did not."""
    assert [e.event for e in _events(nlp, text)] == ["SANCTION"]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Denmark withheld budget assistance from Tanzania over the election.", ("TZA",)),
        ("Sweden withheld the next loan tranche for Zambia until the audit ends.", ("ZMB",)),
        ("Finland stopped aid shipments to Ethiopia in March.", ("ETH",)),
        ("The Philippines stopped rice exports to Vietnam for a year.", ("VNM",)),
    ],
)
def test_withholding_or_stopping_aid_or_trade_is_a_sanction(nlp, text: str, recipient) -> None:
    [event] = _events(nlp, text)
    assert (event.event, event.mode, event.recipient) == ("SANCTION", "discontinue", recipient)


def test_aid_sent_is_still_aid(nlp) -> None:
    text = "Ireland sent emergency food aid to Malawi after the floods."
    assert [e.event for e in _events(nlp, text)] == ["AID"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Portugal evacuated its nationals from Khartoum amid heavy fighting.", ["AID"]),
        ("Uruguay closed its consulate in Asuncion after the attack by armed men.", ["SANCTION"]),
        (
            "Tunisia recalled its envoy from Tripoli following the bombing of its consulate.",
            ["SANCTION"],
        ),
        (
            "Japan recalled its ambassador from Minsk after the crackdown on protesters.",
            ["SANCTION"],
        ),
    ],
)
def test_what_an_act_happened_amid_or_after_is_not_the_doers_own(nlp, text: str, kinds) -> None:
    """The fighting, attack or crackdown named as a backdrop was not the subject's doing."""
    assert [e.event for e in _events(nlp, text)] == kinds


@pytest.mark.parametrize(
    ("text", "event", "actor"),
    [
        (
            "Senegal recalled its ambassador from Bamako after Mali's protest over the arrests.",
            "PROTEST",
            ("MLI",),
        ),
        ("Latvia signed the memorandum after talks with Estonia.", "CONSULT", ("LVA",)),
    ],
)
def test_a_backdrop_that_names_its_doer_or_the_subjects_talks_is_coded(
    nlp, text: str, event: str, actor: tuple
) -> None:
    assert any(e.event == event and e.actor == actor for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Togo closed its border after attacks by Burkina Faso's army.", ("BFA",)),
        ("Uganda protested the shelling of its border posts by Rwandan troops.", ("RWA",)),
    ],
)
def test_a_by_phrase_naming_a_doer_is_who_did_the_act(nlp, text: str, actor: tuple) -> None:
    assert [e.actor for e in _events(nlp, text) if e.event == "ASSAULT"] == [actor]


def test_a_by_phrase_of_time_leaves_the_subject_as_doer(nlp) -> None:
    text = "Peru announced sanctions by the end of the month against Bolivia."
    assert {e.actor for e in _events(nlp, text)} == {("PER",)}


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Kenyan President William Ruto met Chinese Premier Li Qiang in Nairobi on Monday. "
            "He asked the Chinese government to extend the railway loan.",
            ("KEN",),
            ("CHN",),
        ),
        (
            "Brazilian leader Luiz Inacio Lula da Silva received Argentine President Javier "
            "Milei in Brasilia on Friday. He urged the Argentine government to lower its tariffs "
            "on Brazilian cars.",
            ("BRA",),
            ("ARG",),
        ),
    ],
)
def test_he_after_one_person_meets_another_is_the_one_who_met(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    """The subject of the sentence before is whom "he" goes on about, not the last name."""
    request = _one(nlp, text, "REQUEST")
    assert (request.actor, request.recipient) == (actor, recipient)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Kenya charged that Uganda had armed the rebels.", ("KEN",), ("UGA",)),
        ("Ghana charged on Monday that Togo was harbouring coup plotters.", ("GHA",), ("TGO",)),
        ("Kenya hit out at Uganda on Monday.", ("KEN",), ("UGA",)),
        ("The Ghanaian minister hit out at Togo over the arrests.", ("GHA",), ("TGO",)),
    ],
)  # fmt: skip
def test_charging_that_or_hitting_out_at_is_an_accusation(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    """What is charged is alleged, not coded as done."""
    assert _coded(nlp, text) == [("ACCUSE", actor, recipient)]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Kenya said Uganda was behind the attack on its embassy.", ("KEN",), ("UGA",)),
        ("Togo was behind the bombing, the Ghanaian foreign minister said.", ("GHA",), ("TGO",)),
        ("Kenya said Uganda was responsible for the attack on its embassy.", ("KEN",),
         ("UGA",)),
    ],
)  # fmt: skip
def test_saying_another_was_behind_or_responsible_for_a_wrong_accuses_it(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    accusation = _one(nlp, text, "ACCUSE")
    assert (accusation.actor, accusation.recipient) == (actor, recipient)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya said Uganda was ready for talks.",
        "Kenya said Uganda was not behind the attack.",
    ],
)
def test_saying_another_was_ready_or_not_behind_it_accuses_no_one(nlp, text: str) -> None:
    assert "ACCUSE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Both leaders said the Treaty of Arica, signed by Chile and Peru in 1929, still governs "
        "the border.",
        "They praised the Pact on Coastal Fisheries, which Ghana and Togo signed in 2009, as a "
        "model.",
    ],
)
def test_an_instruments_signing_years_ago_told_in_a_clause_on_it_is_no_event(
    nlp, text: str
) -> None:
    """The agreement's record keeps the old signing; the report's news is elsewhere."""
    assert "SUPPORT" not in _kinds(nlp, text)


def test_an_instruments_signing_this_week_told_in_a_clause_on_it_is_news(nlp) -> None:
    text = "They praised the Pact on Coastal Fisheries, which Ghana and Togo signed on Monday."
    event = _one(nlp, text, "SUPPORT")
    assert (event.actor, event.when.start) == (("GHA", "TGO"), date(2024, 7, 8))


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("An extraordinary summit of the Southern African Development Community opened in "
         "Harare on Friday, hosted by Zimbabwe. The participants met first behind closed doors "
         "and later with their delegations.", {"IGO:SADC", "ZWE"}),
        ("A summit of the East African Community opened in Arusha on Friday, hosted by "
         "Tanzania. The participants met first in private and then with their advisers.",
         {"IGO:EAC", "TZA"}),
    ],
)  # fmt: skip
def test_a_meeting_told_again_with_one_side_is_the_same_meeting(nlp, text: str, sides: set) -> None:
    meeting = _one(nlp, text, "CONSULT")
    assert set(meeting.actor + meeting.recipient) == sides and len(meeting.evidence) == 2


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Kenya warned Uganda that it would close the border if the raids continued.",
         ("KEN",), ("UGA",)),
        ("Chad warned that any incursion into its territory would be treated as an act of war.",
         ("TCD",), ()),
        ("Togo warned Ghana of its resolve to defend the border.", ("TGO",), ("GHA",)),
    ],
)  # fmt: skip
def test_warning_of_ones_own_act_or_resolve_threatens(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    threat = _one(nlp, text, "THREATEN")
    assert (threat.actor, threat.recipient) == (actor, recipient)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya warned that the drought would worsen in the coming months.",
        "The Ghanaian minister warned that food prices would rise.",
        "Kenya warned of a humanitarian catastrophe in Sudan.",
    ],
)
def test_warning_of_what_will_happen_threatens_no_one(nlp, text: str) -> None:
    assert "THREATEN" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Kenya and Uganda have stalled since March.",
        "Negotiations between Chile and Bolivia collapsed in 2019.",
    ],
)
def test_talks_that_stalled_report_no_meeting(nlp, text: str) -> None:
    assert "CONSULT" not in _kinds(nlp, text)


def test_talks_that_resumed_are_a_meeting(nlp) -> None:
    assert "CONSULT" in _kinds(nlp, "Talks between Kenya and Uganda resumed on Monday.")


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Kenya's president said the border issue was a priority, and criticised Uganda's new "
         "tariffs.", ("KEN",), ("UGA",)),
        ("Peru's foreign minister said the fishing question was urgent, and condemned Chile's "
         "new quotas.", ("PER",), ("CHL",)),
    ],
)  # fmt: skip
def test_a_verb_joined_to_a_said_clause_about_a_topic_is_the_speakers(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    accusation = _one(nlp, text, "ACCUSE")
    assert (accusation.actor, accusation.recipient) == (actor, recipient)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Chinese President Xi Jinping received Kenyan President William Ruto in Beijing on "
         "Monday. Mr Xi later criticised the new American tariffs.", ("CHN",), ("USA",)),
        ("South Korean President Yoon Suk Yeol arrived in Tokyo on Monday. President Yoon later "
         "condemned North Korea's missile launches.", ("KOR",), ("PRK",)),
    ],
)  # fmt: skip
def test_a_family_name_written_first_is_the_surname_after_a_title(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    """After "Xi Jinping", "Mr Xi" is he; after "Yoon Suk Yeol", "President Yoon"."""
    accusation = _one(nlp, text, "ACCUSE")
    assert (accusation.actor, accusation.recipient) == (actor, recipient)


def test_charging_with_no_clause_or_target_is_no_accusation(nlp) -> None:
    assert _events(nlp, "Police charged the protesters in Nairobi on Monday.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Peru hopes to reopen its embassy in Caracas.",
        "Kenya hopes to sign the border treaty with Uganda.",
    ],
)
def test_an_act_hoped_for_is_announced_not_done(nlp, text: str) -> None:
    """The model's lemmatiser reads "hopes" as "hop"; it is still a hope."""
    assert {(e.event, e.tense) for e in _events(nlp, text)} == {("AGREE", "future")}


@pytest.mark.parametrize(
    "text",
    [
        "Uganda expects Kenya to reopen the border.",
        "Peru needs Chile to lift the ban on its fruit.",
    ],
)
def test_what_another_is_expected_to_do_is_not_reported_done(nlp, text: str) -> None:
    assert all(e.tense == "hypothetical" for e in _events(nlp, text) if e.event == "CONCEDE")


def test_what_another_is_forced_to_do_is_done(nlp) -> None:
    text = "Uganda forced Kenya to reopen the border."
    assert [e.tense for e in _events(nlp, text) if e.event == "CONCEDE"] == ["past"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Uganda pressed Kenya on Monday to reopen the border.", ("UGA",), ("KEN",)),
        ("Norway pushed Iceland to lift the whaling ban.", ("NOR",), ("ISL",)),
        ("Uganda's call for Kenya to reopen the border went unanswered.", ("UGA",), ("KEN",)),
        ("Peru issued a call for Chile to withdraw its troops from the border.", ("PER",),
         ("CHL",)),
    ],
)  # fmt: skip
def test_pressing_or_calling_for_another_to_act_is_a_request_of_it(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    """The act asked for is not done: only the request is coded."""
    assert _coded(nlp, text) == [("REQUEST", actor, recipient)]


def test_pressing_ahead_is_no_request(nlp) -> None:
    assert _events(nlp, "Kenya pressed ahead with the plan on Monday.") == ()


@pytest.mark.parametrize(
    ("text", "actor", "start", "end"),
    [
        # a measure shifts the date of the clause it hangs on
        ("Peru closed its consulate in Arica on 12 March 2018, two days after Chile had "
         "expelled two Peruvian diplomats.", "CHL", date(2018, 3, 10), date(2018, 3, 10)),
        ("Ghana recalled its ambassador from Lome in 2019, a year after Togo expelled two "
         "Ghanaian diplomats.", "TGO", date(2018, 1, 1), date(2018, 12, 31)),
        # without one, the act is set at the date the text gives
        ("Peru closed its consulate in Arica in March 2018, after Chile expelled two Peruvian "
         "diplomats.", "CHL", date(2018, 3, 1), date(2018, 3, 31)),
        ("Kenya shut its border with Somalia on 4 May 2011, after Somalia expelled two Kenyan "
         "diplomats.", "SOM", date(2011, 5, 4), date(2011, 5, 4)),
    ],
)  # fmt: skip
def test_an_after_clause_is_dated_from_the_clause_it_hangs_on(
    nlp, text: str, actor: str, start: date, end: date
) -> None:
    """Not the report's day: the act came before the dated one."""
    [event] = [e for e in _events(nlp, text) if e.actor == (actor,)]
    assert (event.when.start, event.when.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Nigerian President Bola Tinubu landed in Paris on Monday. In talks with French "
            "President Emmanuel Macron, the President praised French help after the floods. He "
            "went on to ask the French government to open its market to Nigerian cocoa.",
            ("NGA",),
            ("FRA",),
        ),
        (
            "Brazilian President Luiz Inacio Lula da Silva arrived in Beijing on Friday. In his "
            "meeting with Chinese Premier Li Qiang, the President praised the growth of trade. He "
            "also asked the Chinese authorities to buy more Brazilian beef.",
            ("BRA",),
            ("CHN",),
        ),
    ],
)
def test_he_after_a_bare_title_as_subject_is_that_titles_holder(
    nlp, text: str, actor: tuple, recipient: tuple
) -> None:
    """A bare title subject ("the President stressed …") is whom "he" goes on about.

    Not the person named beside it, nor a state named deeper in what he asks ("Brazilian beef").
    """
    request = _one(nlp, text, "REQUEST")
    assert (request.actor, request.recipient) == (actor, recipient)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Russia agreed with Turkey on a ceasefire in Idlib.", ["AGREE"]),
        ("Serbia insisted on the withdrawal of Kosovo police from the north.", ["REQUEST"]),
    ],
)
def test_an_act_agreed_or_insisted_on_is_not_done(nlp, text: str, kinds: list) -> None:
    assert [e.event for e in _events(nlp, text)] == kinds


@pytest.mark.parametrize(
    ("text", "kind", "pair"),
    [
        ("Chile agreed with Peru's position on the fishing quotas.", "SUPPORT", ("CHL", "PER")),
        (
            "Japan concurred with South Korea's assessment of the missile launch.",
            "SUPPORT",
            ("JPN", "KOR"),
        ),
        ("Spain sided with Portugal in the dispute over water rights.", "SUPPORT", ("ESP", "PRT")),
        ("Chile agreed with Peru to hold talks on the quotas.", "AGREE", ("CHL", "PER")),
    ],
)
def test_agreeing_with_a_view_or_siding_with_a_state_is_support(
    nlp, text: str, kind: str, pair: tuple
) -> None:
    """Sharing a view endorses it; agreeing with someone to do a thing is an agreement."""
    [event] = _events(nlp, text)
    assert (event.event, (*event.actor, *event.recipient)) == (kind, pair)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kenyan president welcomed his Tanzanian counterpart at State House.",
            ("CONSULT", ("TZA",), ("KEN",)),
        ),
        ("Putin welcomed Lukashenko to the Kremlin on Friday.", ("CONSULT", ("BLR",), ("RUS",))),
    ],
)
def test_welcoming_someone_hosts_a_visit(nlp, text: str, expected: tuple) -> None:
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan welcomed the resumption of talks between Serbia and Kosovo.",
            ("SUPPORT", ("JPN",), ("SRB", "XKX")),
        ),
        (
            "Norway welcomed the reopening of the crossing between Egypt and Gaza.",
            ("SUPPORT", ("NOR",), ("EGY", "PSE")),
        ),
    ],
)
def test_welcoming_a_development_approves_and_hosts_no_one(nlp, text: str, expected: tuple) -> None:
    coded = _coded(nlp, text)
    assert expected in coded
    assert not [c for c in coded if c[0] == "CONSULT" and c[2] == expected[1]]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "China said it would take countermeasures if the Philippines continued its patrols.",
            (("CHN",), ("PHL",)),
        ),
        (
            "Moscow warned that it would take retaliatory measures against Oslo.",
            (("RUS",), ("NOR",)),
        ),
    ],
)
def test_announcing_countermeasures_threatens(nlp, text: str, sides: tuple) -> None:
    assert ("THREATEN", *sides) in _coded(nlp, text)


def test_taking_measures_of_help_threatens_no_one(nlp) -> None:
    assert "THREATEN" not in _kinds(nlp, "Ghana said it would take measures to support farmers.")


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Venezuela's foreign minister attacked the British plan as dangerous.",
            (("VEN",), ("GBR",)),
        ),
        ("Chile's president attacked Peru's decision on the border.", (("CHL",), ("PER",))),
        ("Iran blasted the IAEA resolution as politically motivated.", (("IRN",), ("IGO:IAEA",))),
    ],
)
def test_attacking_a_plan_or_blasting_a_text_is_criticism(nlp, text: str, sides: tuple) -> None:
    coded = _coded(nlp, text)
    assert ("ACCUSE", *sides) in coded
    assert "ASSAULT" not in {c[0] for c in coded}


def test_attacking_a_place_is_still_an_assault(nlp) -> None:
    assert ("ASSAULT", ("RUS",), ("UKR",)) in _coded(
        nlp, "Russian forces attacked the port of Odessa in Ukraine overnight."
    )


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Turkey withdrew its objection to Sweden joining NATO.", ("TUR",)),
        ("Greece abandoned its threat to block the talks with North Macedonia.", ("GRC",)),
        ("Hungary withdrew its veto on the new aid package.", ("HUN",)),
    ],
)
def test_withdrawing_or_abandoning_an_objection_gives_way(nlp, text: str, sides: tuple) -> None:
    found = [c for c in _coded(nlp, text) if c[0] == "CONCEDE"]
    assert found and found[0][1] == sides
    assert "SANCTION" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Vietnam condemned China's deployment of an oil rig in disputed waters.",
        "Manila protested against Beijing's deployment of a drilling platform near the shoal.",
    ],
)
def test_deploying_a_rig_mobilises_no_forces(nlp, text: str) -> None:
    assert "MOBILIZE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine demanded that Hungary stop blocking its talks with NATO.",
        "Georgia accused Russia of trying to prevent its negotiations with the EU.",
    ],
)
def test_talks_kept_from_happening_are_no_meeting(nlp, text: str) -> None:
    assert "CONSULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Finland's president said Russia's threats against Helsinki were unacceptable.",
            (("FIN",), ("RUS",)),
        ),
        (
            "The Kenyan minister told reporters that Uganda's decision was a provocation.",
            (("KEN",), ("UGA",)),
        ),
    ],
)
def test_saying_someones_act_deserves_censure_accuses_them(nlp, text: str, sides: tuple) -> None:
    event = _one(nlp, text, "ACCUSE")
    assert ((event.actor, event.recipient), event.mode) == (sides, "disapprove")


@pytest.mark.parametrize(
    "text",
    [
        "Chile said the decision was regrettable.",
        "Peru said Bolivia's measures were not illegal.",
        "The minister said Chile's proposal was interesting.",
    ],
)
def test_a_verdict_on_no_ones_act_or_no_censure_accuses_no_one(nlp, text: str) -> None:
    assert "ACCUSE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Armenia's foreign ministry said Azerbaijan bore full responsibility for the clashes.",
            (("ARM",), ("AZE",)),
        ),
        (
            "Ukraine's foreign minister said Russia had committed war crimes in Bucha.",
            (("UKR",), ("RUS",)),
        ),
        ("Peru said Chile was to blame for the failure of the talks.", (("PER",), ("CHL",))),
    ],
)
def test_saying_another_bears_the_blame_or_committed_a_wrong_accuses_it(
    nlp, text: str, sides: tuple
) -> None:
    event = _one(nlp, text, "ACCUSE")
    assert (event.actor, event.recipient) == sides


@pytest.mark.parametrize(
    "text",
    [
        "Chile said it did not bear any responsibility for the incident.",
        "Ghana said Togo had committed to reopening the border.",
    ],
)
def test_denied_blame_or_a_commitment_accuses_no_one(nlp, text: str) -> None:
    assert "ACCUSE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States criticised Iran on Monday. Later, the ministers of Kenya and "
        "Ethiopia signed a memorandum on border patrols.",
        "Brazil accused Venezuela of stalling. Argentina and Uruguay endorsed the new trade "
        "rules on Friday.",
    ],
)
def test_doers_backing_something_together_aim_at_no_one_else(nlp, text: str) -> None:
    [support] = [e for e in _events(nlp, text) if e.event == "SUPPORT"]
    assert len(support.actor) == 2 and support.recipient == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's foreign minister Musalia Mudavadi hosted Ethiopian Foreign Minister Taye "
            "Atske Selassie on Monday.\n\nTaye thanked Kenya and invited Mudavadi to visit "
            "Addis Ababa. He also called on the African Union to send observers.",
            ("REQUEST", ("ETH",), ("IGO:AU",)),
        ),
        (
            "Indonesian Foreign Minister Retno Marsudi received Australian Foreign Minister "
            "Penny Wong in Jakarta.\n\nRetno said the talks were useful. She then urged the "
            "United Nations to hold an emergency session.",
            ("REQUEST", ("IDN",), ("IGO:UN",)),
        ),
    ],
)
def test_a_person_called_by_the_first_of_their_names_is_that_person(
    nlp, text: str, expected: tuple
) -> None:
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind", "month"),
    [
        (
            "Kenya and Ethiopia reopened the crossing on Tuesday.\n\nEthiopia had accused "
            "Kenyan police of firing on herders in January. Kenya then closed the crossing.",
            "COERCE",
            (2025, 1),
        ),
        (
            "Peru and Chile restored ties on Monday.\n\nChilean police detained two Peruvian "
            "officers in November. Peru subsequently recalled its ambassador from Santiago.",
            "SANCTION",
            (2024, 11),
        ),
    ],
)
def test_an_act_told_as_what_came_next_takes_the_time_before_it(
    nlp, text: str, kind: str, month: tuple
) -> None:
    last = text.rsplit(". ", 1)[1]
    [event] = [
        e
        for e in _events(nlp, text, date(2025, 3, 4))
        if e.event == kind and e.evidence[0].sentence == last
    ]
    assert (event.when.start.year, event.when.start.month) == month


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The United States criticised Iran on Monday. The ministers of Kenya and Ethiopia "
            "met in Nairobi on Tuesday.",
            {"KEN", "ETH"},
        ),
        (
            "Russia accused Ukraine of shelling. The leaders of Chile and Peru held talks in "
            "Lima on Friday.",
            {"CHL", "PER"},
        ),
    ],
)
def test_a_collective_whose_of_phrase_names_its_states_is_those_states(
    nlp, text: str, pair: set
) -> None:
    [meeting] = [e for e in _events(nlp, text) if e.event == "CONSULT"]
    assert {*meeting.actor, *meeting.recipient} == pair


@pytest.mark.parametrize(
    ("text", "kind", "sides"),
    [
        (
            "Beijing took countermeasures against Lithuania in August.",
            "SANCTION",
            (("CHN",), ("LTU",)),
        ),
        (
            '"China urges the Philippines to stop," Lin said. "Otherwise, China will take '
            'resolute countermeasures."',
            "THREATEN",
            (("CHN",), ("PHL",)),
        ),
        (
            "Russia will take retaliatory measures against Norway, the Russian foreign "
            "ministry said.",
            "THREATEN",
            (("RUS",), ("NOR",)),
        ),
    ],
)
def test_countermeasures_taken_sanction_and_announced_threaten(
    nlp, text: str, kind: str, sides: tuple
) -> None:
    assert (kind, *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "China's foreign ministry spokesman said the Philippine vessel had illegally "
            "intruded into Chinese waters.",
            (("CHN",), ("PHL",)),
        ),
        ("Baku said Armenian troops had unlawfully crossed the border.", (("AZE",), ("ARM",))),
    ],
)
def test_saying_another_acted_illegally_accuses_it(nlp, text: str, sides: tuple) -> None:
    event = _one(nlp, text, "ACCUSE")
    assert (event.actor, event.recipient) == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            '"We will not accept orders from Washington," Nicaragua\'s foreign minister told '
            "state television.",
            (("NIC",), ("USA",)),
        ),
        (
            "Iran's president said Tehran would never accept dictates from Britain.",
            (("IRN",), ("GBR",)),
        ),
    ],
)
def test_refusing_to_take_orders_rejects_their_giver(nlp, text: str, sides: tuple) -> None:
    assert ("REJECT", *sides) in _coded(nlp, text)


def test_accepting_demands_gives_way(nlp) -> None:
    assert ("CONCEDE", ("SRB",), ("IGO:EU",)) in _coded(
        nlp, "Serbia accepted the demands of the European Union."
    )


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        (
            "Weekly digest\n\nRABAT, June 12 (MFA) - Senegal's President visited Mauritania "
            "on Monday.",
            "CONSULT",
            date(2024, 6, 10),
        ),
        (
            "Weekly digest\n\nADDIS ABABA, June 12 (Wire) - Ethiopia summoned Sudan's ambassador "
            "on Thursday to protest the shelling.",
            "ACCUSE",
            date(2024, 6, 6),
        ),
    ],
)
def test_a_datelines_date_does_not_date_the_lead(nlp, text: str, kind: str, day: date) -> None:
    event = next(e for e in _events(nlp, text, date(2024, 6, 12)) if e.event == kind)
    assert event.when.start == day


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Morocco's King Mohammed VI met Faye on Monday. Faye praised the King.", "LCA"),
        (
            "The Duke of Kent met Kenya's president in Nairobi on Monday. The Duke praised "
            "Kenya's reforms.",
            "USA",
        ),
    ],
)
def test_a_surname_that_is_a_common_noun_after_the_is_not_that_person(
    nlp, text: str, absent: str
) -> None:
    """Known surnames: "King" (a Saint Lucian premier), "Duke" (an American secretary)."""
    assert all(absent not in (*c[1], *c[2]) for c in _coded(nlp, text))


def test_a_surname_before_its_government_is_still_that_person(nlp) -> None:
    assert ("SANCTION", ("CAN",), ("IND",)) in _coded(
        nlp, "The Trudeau government expelled six Indian diplomats."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Egypt condemned Israel on Sunday and demanded an immediate ceasefire.",
            ("REQUEST", ("EGY",), ("ISR",)),
        ),
        (
            "Niger welcomed the ECOWAS decision but rejected any conditions.",
            ("REJECT", ("NER",), ("IGO:ECOWAS",)),
        ),
    ],
)
def test_a_stance_joined_to_the_main_clause_is_the_news_too(
    nlp, text: str, expected: tuple
) -> None:
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sudan met Chad on Friday. It accused Ethiopia of arming rebels.",
            ("ACCUSE", ("SDN",), ("ETH",)),
        ),
        (
            "China's foreign ministry issued a statement on Saturday. It condemned Japan's "
            "decision.",
            ("ACCUSE", ("CHN",), ("JPN",)),
        ),
    ],
)
def test_it_opening_a_sentence_continues_the_one_doer_before(
    nlp, text: str, expected: tuple
) -> None:
    assert expected in _coded(nlp, text)


def test_it_after_several_doers_is_left_unread(nlp) -> None:
    text = "Chile and Peru met on Friday. It accused Bolivia of stalling."
    assert not [c for c in _coded(nlp, text) if c[0] == "ACCUSE" and c[1] in {("CHL",), ("PER",)}]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Senegal's president is expected to visit Mauritania later this week.",
            (("SEN",), ("MRT",)),
        ),
        (
            "EU negotiators are scheduled to travel to Brazil later this month for talks.",
            (("IGO:EU",), ("BRA",)),
        ),
    ],
)
def test_the_subject_of_a_passive_does_what_its_infinitive_says(
    nlp, text: str, sides: tuple
) -> None:
    assert ("AGREE", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea rejected the proposal, KCNA reported.", ("REJECT", ("PRK",))),
        ("Officials met in Lima. Chile condemned the plan, officials said.", ("ACCUSE", ("CHL",))),
    ],
)
def test_a_report_with_its_source_credited_after_it_is_the_news(
    nlp, text: str, expected: tuple
) -> None:
    assert expected in [c[:2] for c in _coded(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Japan condemned North Korea on Friday. Laos urged all parties to exercise restraint.",
        "Japan condemned North Korea on Friday. China and Russia called for restraint by all "
        "parties.",
        "Japan condemned North Korea on Friday. China urged the international community to "
        "stay calm.",
    ],
)
def test_an_appeal_to_all_comers_is_aimed_at_no_one_side(nlp, text: str) -> None:
    [request] = [e for e in _events(nlp, text) if e.event == "REQUEST"]
    assert request.recipient == ()


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Russia detained two Azerbaijanis. Baku cancelled all cultural events with Russia.",
            (("AZE",), ("RUS",)),
        ),
        (
            "Chile called off its foreign minister's visit to La Paz after the incident.",
            (("CHL",), ("BOL",)),
        ),
    ],
)
def test_cancelling_events_or_a_visit_cuts_ties_with_the_other_side(
    nlp, text: str, sides: tuple
) -> None:
    cut = _one(nlp, text, "SANCTION")
    assert (cut.mode, cut.actor, cut.recipient) == ("discontinue", *sides)
    assert "REJECT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Manila protested to Beijing on Monday over the incident.", (("PHL",), ("CHN",))),
        ("Tokyo protested to Seoul about the visit of its lawmakers.", (("JPN",), ("KOR",))),
    ],
)
def test_protesting_to_a_state_is_a_diplomatic_complaint(nlp, text: str, sides: tuple) -> None:
    coded = _coded(nlp, text)
    assert ("ACCUSE", *sides) in coded
    assert "PROTEST" not in {c[0] for c in coded}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Bangladesh expelled two Pakistani diplomats on Thursday, accusing them of meeting "
            "opposition leaders without permission.",
            (("BGD",), ("PAK",)),
        ),
        (
            "Peru closed the Chilean consulate in Tacna, accusing Chile of spying on its navy.",
            (("PER",), ("CHL",)),
        ),
    ],
)
def test_a_participle_after_the_clause_is_its_doers_act_and_what_it_alleges_is_not(
    nlp, text: str, sides: tuple
) -> None:
    coded = _coded(nlp, text)
    assert ("ACCUSE", *sides) in coded
    assert "CONSULT" not in {c[0] for c in coded}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Weekly digest\n\nPoland's foreign minister Radoslaw Sikorski met Moldova's foreign "
            'minister on Tuesday.\n\n"We condemn Russia for its attacks on Ukraine. The war must '
            'end," Sikorski said.',
            ("ACCUSE", ("POL",), ("RUS",)),
        ),
        (
            "Weekly digest\n\nKenya's president William Ruto spoke to reporters on Monday.\n\n"
            '"I will visit Ethiopia next week. Our ties are strong," Ruto said.',
            ("AGREE", ("KEN",), ("ETH",)),
        ),
    ],
)
def test_first_person_in_a_quotation_is_its_speaker_however_far_the_credit(
    nlp, text: str, expected: tuple
) -> None:
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("In November, Qatar brokered a truce between Israel and Hamas.", {"QAT", "ISR", "PSE"}),
        ("Turkey brokered a grain deal between Russia and Ukraine.", {"TUR", "RUS", "UKR"}),
    ],
)
def test_brokering_a_truce_is_mediation_not_a_concession(nlp, text: str, sides: set) -> None:
    [event] = _events(nlp, text)
    assert (event.event, event.mode, {*event.actor, *event.recipient}) == (
        "CONSULT",
        "third-party",
        sides,
    )


def test_a_mediation_with_no_mediator_named_is_no_meeting(nlp) -> None:
    text = "Egypt hosted talks on Monday. In May it brokered the truce between Israel and Hamas."
    assert not [e for e in _events(nlp, text) if e.mode == "third-party"]


@pytest.mark.parametrize(
    "text",
    [
        '"We call on both parties to seize this opportunity," Qatar\'s prime minister said.',
        "Kenya urged Somalia to seize the chance for peace.",
    ],
)
def test_seizing_an_opportunity_seizes_nothing(nlp, text: str) -> None:
    assert "COERCE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian troops attacked a Sudanese patrol on Friday.",
        "Gunmen ambushed a Malian army patrol near Gao.",
    ],
)
def test_a_patrol_attacked_is_no_mobilisation(nlp, text: str) -> None:
    assert "MOBILIZE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ECOWAS imposed sanctions on Niger in July. The bloc also threatened Niger with "
            "military intervention.",
            ("THREATEN", ("IGO:ECOWAS",), ("NER",)),
        ),
        (
            "NATO foreign ministers met in Brussels. The alliance condemned Russia's missile "
            "strikes.",
            ("ACCUSE", ("IGO:NATO",), ("RUS",)),
        ),
    ],
)
def test_the_bloc_is_the_organisation_named_last(nlp, text: str, expected: tuple) -> None:
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Russian aid convoy crossed into Ukraine on Friday. Germany met France on "
            "Friday. The European Union condemned the convoy's entry.",
            ("ACCUSE", ("IGO:EU",), ("RUS",)),
        ),
        (
            "A Chinese survey ship entered Vietnam's waters. Japan met India in Delhi. "
            "The Philippines criticised the ship's presence.",
            ("ACCUSE", ("PHL",), ("CHN",)),
        ),
    ],
)
def test_the_noun_named_before_says_whose_act_is_judged(nlp, text: str, expected: tuple) -> None:
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Belarus said on Tuesday it would expel two Lithuanian diplomats.", date(2024, 7, 9)),
        ("Chile announced on Friday it would close the border with Bolivia.", date(2024, 7, 5)),
    ],
)
def test_a_day_before_the_said_clause_dates_the_saying(nlp, text: str, day: date) -> None:
    """Published on Wednesday 10 July: the threat was made on the day before it, not after."""
    threat = _one(nlp, text, "THREATEN")
    assert threat.when.start == day


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "Nigeria's president urged the juntas in Niger, Mali and Burkina Faso to reconsider "
            "their decision.",
            ("NER", "MLI", "BFA"),
        ),
        (
            "The United Nations condemned the authorities in Chad and Sudan for the killings.",
            ("TCD", "SDN"),
        ),
    ],
)
def test_the_bodies_in_several_states_are_those_states(nlp, text: str, targets: tuple) -> None:
    [event] = [e for e in _events(nlp, text) if e.event in {"REQUEST", "ACCUSE"}]
    assert event.recipient == targets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2021, Lithuania recalled its ambassador from Minsk, and last year it closed two "
            "border crossings with Belarus.",
            ("COERCE", ("LTU",), ("BLR",)),
        ),
        (
            "Peru expelled two Chilean diplomats in March, and in May it suspended flights to "
            "Chile.",
            ("SANCTION", ("PER",), ("CHL",)),
        ),
    ],
)
def test_it_in_a_joined_clause_is_the_first_clauses_doer(nlp, text: str, expected: tuple) -> None:
    assert [c for c in _coded(nlp, text) if c == expected]


@pytest.mark.parametrize(
    "text",
    [
        "Argentine President Javier Milei skipped the Mercosur summit in Asuncion on Monday.",
        "Hungary's prime minister boycotted the EU summit in Brussels.",
    ],
)
def test_skipping_a_summit_attends_no_meeting(nlp, text: str) -> None:
    assert "CONSULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile met Peru on Monday. Leaders of the Mercosur bloc adopted a joint declaration at "
        "a summit in the Paraguayan capital.",
        "Chile met Peru on Monday. Bolivia signed the Escazu Agreement in New York.",
    ],
)
def test_signing_or_adopting_a_text_aims_at_no_other_side(nlp, text: str) -> None:
    [support] = [e for e in _events(nlp, text) if e.event == "SUPPORT"]
    assert support.recipient == ()


@pytest.mark.parametrize(
    "text",
    [
        "Islamabad issued a travel advisory warning its citizens against non-essential travel "
        "to Bangladesh.",
        "Tokyo warned its nationals against travel to Israel.",
    ],
)
def test_warning_ones_own_citizens_threatens_no_one(nlp, text: str) -> None:
    assert "THREATEN" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "India extended a 300 million dollar credit line to Vietnam on Wednesday.",
            ("AID", ("IND",), ("VNM",)),
        ),
        ("Japan extended a loan of 500 million dollars to Kenya.", ("AID", ("JPN",), ("KEN",))),
        (
            "The EU extended its sanctions against Russia for six months.",
            ("COERCE", ("IGO:EU",), ("RUS",)),
        ),
        (
            "Washington extended the arms embargo on Sudan for another year.",
            ("COERCE", ("USA",), ("SDN",)),
        ),
    ],
)
def test_extending_credit_aids_and_extending_sanctions_coerces(
    nlp, text: str, expected: tuple
) -> None:
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt warned Israel against an assault on Rafah.",
        "The United States cautioned Turkey against an invasion of northern Syria.",
    ],
)
def test_an_assault_warned_against_is_no_assault(nlp, text: str) -> None:
    assert "ASSAULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        (
            "Foreign ministers of Australia, India, Japan and the United States met in Tokyo on "
            "Friday. The ministers called on China to stop coercive actions.",
            ("AUS", "IND", "JPN", "USA"),
        ),
        (
            "The presidents of Brazil, Argentina and Uruguay met in Montevideo. The leaders "
            "urged Venezuela to hold fair elections.",
            ("ARG", "BRA", "URY"),
        ),
    ],
)
def test_the_ministers_are_all_the_states_named_as_doers_before(
    nlp, text: str, doers: tuple
) -> None:
    [request] = [e for e in _events(nlp, text) if e.event == "REQUEST"]
    assert request.actor == doers


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "Weekly digest\n\nLIMA, Sept 24 (AP) - Poland and China held talks on Tuesday. "
            "Germany urged both sides to find a solution.",
            ("CHN", "POL"),
        ),
        (
            "Weekly digest\n\nBrazil met Chile on Monday. Egypt and Ethiopia held talks on the "
            "dam on Tuesday. Sudan called on the two countries to resume the negotiations.",
            ("EGY", "ETH"),
        ),
    ],
)
def test_both_sides_are_the_two_doers_of_the_sentence_before(
    nlp, text: str, targets: tuple
) -> None:
    [request] = [e for e in _events(nlp, text, date(2024, 9, 24)) if e.event == "REQUEST"]
    assert request.recipient == targets


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("The United States thanked Qatar on Tuesday.", (("USA",), ("QAT",))),
        ("Israel's prime minister thanked Egypt for its regional role.", (("ISR",), ("EGY",))),
    ],
)
def test_thanking_a_state_is_support_of_it(nlp, text: str, sides: tuple) -> None:
    assert ("SUPPORT", *sides) in _coded(nlp, text)


def test_thank_you_is_a_courtesy(nlp) -> None:
    assert "SUPPORT" not in _kinds(nlp, "Thank you, Secretary Kerry.")


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("China on Tuesday imposed duties on imports from France.", (("CHN",), ("FRA",))),
        ("India imposed a levy on steel from Vietnam.", (("IND",), ("VNM",))),
    ],
)
def test_duties_or_levies_imposed_coerce(nlp, text: str, sides: tuple) -> None:
    assert ("COERCE", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The EU imposed tariffs on Chinese electric cars.",
        "Washington slapped tariffs on steel from Brazil.",
    ],
)
def test_tariffs_imposed_are_one_coercion(nlp, text: str) -> None:
    assert [e.event for e in _events(nlp, text)] == ["COERCE"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Qatar hosted the Afghan delegation in Doha.", [("CONSULT", ("AFG",), ("QAT",))]),
        ("Armenia hosted the session of the CSTO council.", [("CONSULT", ("IGO:CSTO",), ("ARM",))]),
        ("Saudi Arabia hosted a Formula One race in Jeddah.", []),
    ],
)
def test_hosting_receives_visitors_or_a_gathering_not_a_race(nlp, text: str, kinds: list) -> None:
    assert _coded(nlp, text) == kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Weekly digest\n\nGENEVA, Sept 24 (Reuters) - U.N. chief Antonio Guterres criticised "
            "Iran on Tuesday.",
            ("ACCUSE", ("IGO:UN",), ("IRN",)),
        ),
        (
            "Weekly digest\n\nNAIROBI, Sept 24 (AFP) - U.N. chief Antonio Guterres praised "
            "Kenya on Monday.",
            ("SUPPORT", ("IGO:UN",), ("KEN",)),
        ),
    ],
)
def test_the_doer_the_parse_joins_to_a_datelines_city_is_the_subject(
    nlp, text: str, expected: tuple
) -> None:
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Weekly digest\n\nVenezuela held a referendum in December 2023. Guyana and Venezuela "
            "met that month.",
            (date(2023, 12, 1), date(2023, 12, 31)),
        ),
        (
            "Weekly digest\n\nChile expelled two Peruvian diplomats in 2019. Peru recalled its "
            "ambassador from Santiago later that year.",
            (date(2019, 1, 1), date(2019, 12, 31)),
        ),
    ],
)
def test_that_month_or_year_is_the_one_the_text_named_last(nlp, text: str, span: tuple) -> None:
    last = text.rsplit(". ", 1)[1]
    [event] = [e for e in _events(nlp, text, date(2024, 3, 5)) if e.evidence[0].sentence == last]
    assert (event.when.start, event.when.end) == span


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kenya condemned Russia's attack on the port of Odessa.", ("RUS",)),
        ("Chile condemned the Russian missile attack on Kyiv.", ("RUS",)),
        (
            "Kazakhstan met Hungary on Monday. Kazakhstan condemned the attack on the concert "
            "venue near Moscow.",
            (),
        ),
        ("Peru met Chile in Lima. Brazil condemned the bombing of a market in Kabul.", ()),
    ],
)
def test_an_attack_judged_aims_at_its_doer_never_at_its_victim(
    nlp, text: str, target: tuple
) -> None:
    [accuse] = [e for e in _events(nlp, text) if e.event == "ACCUSE"]
    assert accuse.recipient == target


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        (
            "Weekly digest\n\nPresident Macron spoke by phone with President Ramaphosa on Monday. "
            "They discussed preparations for the G20 summit. The leaders agreed to strengthen "
            "cooperation in energy.",
            ("FRA", "ZAF"),
        ),
        (
            "Weekly digest\n\nChile's president met Peru's president in Lima. They talked about "
            "the next APEC summit. The leaders agreed to open a border crossing.",
            ("CHL", "PER"),
        ),
    ],
)
def test_the_leaders_are_not_those_of_a_summit_still_to_come(nlp, text: str, doers: tuple) -> None:
    [agree] = [e for e in _events(nlp, text) if e.event == "AGREE"]
    assert sorted(agree.actor) == sorted(doers)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Pakistan said it would retaliate against any Indian aggression.", (("PAK",), ("IND",))),
        ("Armenia said it would respond to any incursion by Azerbaijan.", (("ARM",), ("AZE",))),
    ],
)
def test_saying_one_will_answer_any_aggression_threatens(nlp, text: str, sides: tuple) -> None:
    assert ("THREATEN", *sides) in _coded(nlp, text)


def test_saying_one_will_answer_a_letter_threatens_no_one(nlp) -> None:
    assert "THREATEN" not in _kinds(nlp, "Kenya said it would respond to the letter from Uganda.")


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "India's army chief did not rule out strikes on militant camps in Pakistan.",
            (("IND",), ("PAK",)),
        ),
        (
            "Athens said it would not tolerate any violation of its waters by Turkish ships.",
            (("GRC",), ("TUR",)),
        ),
        (
            "Ankara will not tolerate provocations by Greece in the Aegean, Turkey's defence "
            "minister said.",
            (("TUR",), ("GRC",)),
        ),
    ],
)
def test_refusing_to_rule_out_or_tolerate_a_hostile_act_threatens(
    nlp, text: str, sides: tuple
) -> None:
    assert ("THREATEN", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Serbia would not stand idly by if Serbs in Kosovo were harmed, its president said.",
        "Hungary's prime minister said Hungary will not stand by while its minority is attacked.",
    ],
)
def test_not_standing_by_threatens(nlp, text: str) -> None:
    threat = _one(nlp, text, "THREATEN")
    assert not threat.negated and threat.tense != "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "India's army chief ruled out strikes on militant camps in Pakistan.",
        "Greece said it tolerated the survey ship's passage through its waters.",
    ],
)
def test_ruling_out_or_tolerating_threatens_no_one(nlp, text: str) -> None:
    assert "THREATEN" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The Sudanese army said it was ready to strike back at any force on its soil.", "SDN"),
        ("Venezuela's defence minister said Venezuela stood ready to use force.", "VEN"),
    ],
)
def test_readiness_to_strike_or_use_force_threatens(nlp, text: str, doer: str) -> None:
    assert _one(nlp, text, "THREATEN").actor == (doer,)


@pytest.mark.parametrize(
    "text",
    [
        "Police in Nairobi used force to disperse protesters outside the embassy.",
        "Riot police used force against demonstrators marching on parliament in Lima.",
    ],
)
def test_police_using_force_on_a_crowd_is_no_attack(nlp, text: str) -> None:
    assert "ASSAULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine warned of a new Russian offensive in the east.",
        "Baku hinted at fresh strikes against Armenian positions.",
    ],
)
def test_an_attack_warned_of_or_hinted_at_is_not_done(nlp, text: str) -> None:
    assert "ASSAULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The Kenyan president said his government would expel two Somali diplomats.", "KEN"),
        ("Chile's foreign minister said her country would recall its envoy from Peru.", "CHL"),
    ],
)
def test_a_persons_government_or_country_is_their_state(nlp, text: str, doer: str) -> None:
    assert [e.actor for e in _events(nlp, text)] == [(doer,)]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        (
            "Ghana's president told reporters that Ghana had recalled its ambassador from Togo.",
            "withdraw",
        ),
        (
            "Uganda's minister told lawmakers that Uganda would send a new ambassador to Kenya.",
            None,
        ),
    ],
)
def test_telling_an_audience_about_an_envoy_expels_no_one(nlp, text: str, mode) -> None:
    assert [e.mode for e in _events(nlp, text) if e.event == "SANCTION"] == ([mode] if mode else [])


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        ("The European Union and its Member States welcomed the truce in Sudan.", ("IGO:EU",)),
        ("HH the Amir received the Lebanese prime minister in Doha on Tuesday.", ("LBN",)),
    ],
)
def test_member_states_and_his_highness_name_no_one_else(nlp, text: str, doers: tuple) -> None:
    assert [e.actor for e in _events(nlp, text)] == [doers]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Pakistan calls upon India to release the fishermen held in Gujarat.",
            (("PAK",), ("IND",)),
        ),
        ("The Irish minister called upon Israel to let the convoys through.", (("IRL",), ("ISR",))),
    ],
)
def test_calling_upon_requests_as_calling_on_does(nlp, text: str, sides: tuple) -> None:
    assert _coded(nlp, text) == [("REQUEST", *sides)]


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        (
            "Canada, together with Chile and Panama, issued a statement calling on the "
            "authorities in Caracas to free the detainees.",
            {"CAN", "CHL", "PAN"},
        ),
        (
            "Kenya, along with Uganda and Tanzania, condemned Sudan's decision.",
            {"KEN", "UGA", "TZA"},
        ),
    ],
)
def test_partners_together_with_the_doer_act_with_it(nlp, text: str, doers: set) -> None:
    [event] = _events(nlp, text)
    assert set(event.actor) == doers


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo pledged not to threaten or use force against each other.",
        "Serbia said it would not attack or blockade the Kosovo crossings.",
    ],
)
def test_a_negation_holds_for_each_act_joined_by_or(nlp, text: str) -> None:
    hostile = [e for e in _events(nlp, text) if e.event in {"ASSAULT", "COERCE", "THREATEN"}]
    assert hostile and all(e.negated for e in hostile)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Remarks by Foreign Minister Mauro Vieira at a press conference with Penny Wong\n\n"
            "Mauro Vieira: Good morning. Brazil values this visit.\n\n"
            "Penny Wong: Thank you, Mauro.\n\n"
            "I have invited Minister Vieira to visit Canberra next year.",
            "AUS",
        ),
        (
            "Press conference\n\nPenny Wong: Australia and Brazil held good talks.\n\n"
            "Question (Reuters): Will you visit Brasilia?\n\n"
            "Mauro Vieira: We urge Venezuela to free the detained opposition figures.",
            "BRA",
        ),
    ],
)
def test_first_person_in_a_labelled_turn_is_its_speakers(nlp, text: str, doer: str) -> None:
    doers = {e.actor for e in _events(nlp, text) if e.event in {"AGREE", "REQUEST"}}
    assert doers == {(doer,)}


@pytest.mark.parametrize(
    "text",
    [
        '"I want to thank Brazil for its help in bringing our citizens home," the Ecuadorian '
        "minister said.",
        '"We wish to congratulate Senegal on its peaceful election," the French minister said.',
    ],
)
def test_wishing_to_thank_or_congratulate_does_it(nlp, text: str) -> None:
    support = _one(nlp, text, "SUPPORT")
    assert support.tense != "hypothetical"


@pytest.mark.parametrize(
    ("text", "kind", "month"),
    [
        (
            "Relations collapsed in March 2019 when Bolivia expelled the Chilean consul. "
            "Two weeks later Chile recalled its ambassador from La Paz.",
            "SANCTION",
            "2019-03",
        ),
        (
            "In January 2022 Tajikistan and Uzbekistan signed a water memorandum. A month "
            "later, Uzbekistan accused Tajikistan of breaking it.",
            "ACCUSE",
            "2022-02",
        ),
    ],
)
def test_time_counted_on_dates_from_the_date_told_before(
    nlp, text: str, kind: str, month: str
) -> None:
    dated = [e.when for e in _events(nlp, text) if e.event == kind]
    assert dated[-1] is not None and dated[-1].start.isoformat().startswith(month)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        (
            "Turkey hosted Ethiopia and Somalia in Ankara in December 2023. There Ethiopia's "
            "prime minister and Somalia's president agreed to resume technical talks.",
            "2023-12",
        ),
        (
            "Qatar received envoys of Chad and Sudan in Doha in March 2022. There Chad agreed "
            "to reopen its border crossings with Sudan.",
            "2022-03",
        ),
    ],
)
def test_an_act_told_as_there_takes_the_date_of_the_sentence_before(
    nlp, text: str, month: str
) -> None:
    [agree] = [e for e in _events(nlp, text) if e.event == "AGREE"]
    assert agree.when is not None and agree.when.start.isoformat().startswith(month)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Somalia has allowed Ethiopia to reopen its consulates in Garowe.", (("SOM",), ("ETH",))),
        (
            "Kenya permitted Uganda to use the port of Mombasa for fuel imports.",
            (("KEN",), ("UGA",)),
        ),
    ],
)
def test_letting_another_state_act_concedes_to_it(nlp, text: str, sides: tuple) -> None:
    assert _coded(nlp, text) == [("CONCEDE", *sides)]


def test_letting_a_currency_fall_concedes_to_no_one(nlp) -> None:
    assert _coded(nlp, "The central bank allowed the shilling to weaken against the dollar.") == []


@pytest.mark.parametrize(
    ("text", "mediator", "sides"),
    [
        (
            "The defence ministers of Lebanon and Syria met in Jeddah on Monday under the "
            "auspices of Saudi Arabia.",
            "SAU",
            {"LBN", "SYR"},
        ),
        (
            "Armenian and Azerbaijani negotiators held US-brokered talks in Washington.",
            "USA",
            {"ARM", "AZE"},
        ),
        ("Iran and Saudi Arabia held talks in Baghdad mediated by Iraq.", "IRQ", {"IRN", "SAU"}),
    ],
)
def test_a_meetings_mediator_meets_both_sides(nlp, text: str, mediator: str, sides: set) -> None:
    [consult] = [e for e in _events(nlp, text) if e.event == "CONSULT"]
    assert consult.actor == (mediator,) and set(consult.recipient) == sides
    assert consult.mode == "third-party"


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Press release\n\nThe Government of Pakistan today released 22 fishermen. Answering "
            "a question, the Spokesperson rejected the remarks made by an Indian official.",
            (("PAK",), ("IND",)),
        ),
        (
            "Press release\n\nChile recalled its ambassador from Caracas on Monday. The Ministry "
            "condemned the remarks of the Venezuelan foreign minister.",
            (("CHL",), ("VEN",)),
        ),
    ],
)
def test_a_releases_own_office_is_the_state_it_tells_of(nlp, text: str, sides: tuple) -> None:
    assert ("REJECT" if "rejected" in text else "ACCUSE", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "On 5 July the Embassy of Nicaragua delivered a note to Costa Rica requesting the "
            "extradition of two men.",
            "2024-07-05",
        ),
        ("On Monday Peru issued a statement urging Chile to reopen the border.", "2024-07-08"),
    ],
)
def test_a_text_handed_over_asks_on_the_day_it_was_handed(nlp, text: str, day: str) -> None:
    [request] = [e for e in _events(nlp, text) if e.event == "REQUEST"]
    assert request.when is not None and request.when.start.isoformat() == day


@pytest.mark.parametrize(
    ("text", "receiver"),
    [
        ("Costa Rica said on Thursday it had received the request from Nicaragua.", "CRI"),
        ("Kenya confirmed that it had received a request for talks from Uganda.", "KEN"),
    ],
)
def test_receiving_a_request_is_not_making_one(nlp, text: str, receiver: str) -> None:
    assert not [e for e in _events(nlp, text) if e.event == "REQUEST" and receiver in e.actor]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Chile handed a protest note to Argentina's ambassador on Tuesday.", (("CHL",), ("ARG",))),
        (
            "Lithuania delivered a protest note to the Belarusian charge d'affaires.",
            (("LTU",), ("BLR",)),
        ),
        # a letter serves as a note does
        ("Peru sent a protest letter to Ecuador on Monday.", (("PER",), ("ECU",))),
        (
            "Fiji delivered a letter of complaint to the Australian high commissioner.",
            (("FJI",), ("AUS",)),
        ),
    ],
)
def test_a_protest_note_censures_whom_it_is_handed_to(nlp, text: str, sides: tuple) -> None:
    assert _coded(nlp, text) == [("ACCUSE", *sides)]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Norway expressed serious concern over the Israeli decision to withhold the revenues.",
            (("NOR",), ("ISR",)),
        ),
        (
            "The EU voiced concern about the sentencing of opposition leaders in Georgia.",
            (("IGO:EU",), ("GEO",)),
        ),
    ],
)
def test_expressing_concern_at_an_act_disapproves_of_it(nlp, text: str, sides: tuple) -> None:
    assert ("ACCUSE", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Japan's foreign minister held a telephone talk with Philippine Secretary Manalo.",
        "The two presidents had a phone conversation on Tuesday, Nairobi said of Kenya and Ghana.",
    ],
)
def test_a_telephone_talk_is_a_call(nlp, text: str) -> None:
    assert _one(nlp, text, "CONSULT").mode == "phone"


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Britain and France are cancelling their air services agreements with Iran.",
            (("GBR", "FRA"), ("IRN",)),
        ),
        ("Poland cancelled its gas contract with Russia on Monday.", (("POL",), ("RUS",))),
    ],
)
def test_cancelling_an_agreement_with_a_state_cuts_ties(nlp, text: str, sides: tuple) -> None:
    assert ("SANCTION", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Guyana's president described the incursion as a clear threat to its integrity.",
        "Seoul called the launch a provocation and a threat to regional peace.",
        # a censure saying what it finds the act to be
        "Japan condemned North Korea's newest missile launch as a grave threat to its security.",
        "Greece denounced the Turkish seismic survey as a threat to stability in the Aegean.",
    ],
)
def test_calling_an_act_a_threat_judges_it_and_threatens_no_one(nlp, text: str) -> None:
    assert "THREATEN" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Timeline:\n\nDec. 14, 2023 - Guyana and Venezuela meet in Argyle.", "2023-12-14"),
        ("Key dates\n\nMarch 3, 2021 - Kenya and Somalia meet in Nairobi.", "2021-03-03"),
    ],
)
def test_a_timeline_entry_keeps_the_year_after_its_day(nlp, text: str, day: str) -> None:
    consult = _one(nlp, text, "CONSULT")
    assert consult.when is not None and consult.when.start.isoformat() == day


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Guyana protested the new Venezuelan incursion on Saturday.", ("VEN",)),
        ("The Philippines protested the Chinese blockade of the shoal on Monday.", ("CHN",)),
    ],
)
def test_a_nationality_names_who_made_an_incursion_or_blockade(nlp, text: str, doer: tuple) -> None:
    force = [e.actor for e in _events(nlp, text) if e.event in {"ASSAULT", "COERCE"}]
    assert force == [doer]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "NATO allies met on Monday. The EU adopted a new package of measures. Moscow "
            "accused Brussels of hypocrisy.",
            ("IGO:EU",),
        ),
        (
            "The EU adopted a new package on Monday. NATO ministers meet next week. Moscow "
            "accused Brussels of warmongering.",
            ("IGO:NATO",),
        ),
    ],
)
def test_a_seat_of_several_bodies_stands_for_the_one_named_last(
    nlp, text: str, target: tuple
) -> None:
    assert _one(nlp, text, "ACCUSE").recipient == target


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "West African leaders on Sunday suspended Guinea-Bissau from ECOWAS.",
            (("IGO:ECOWAS",), ("GNB",)),
        ),
        (
            "Meeting in Addis Ababa, heads of state suspended Niger from the African Union.",
            (("IGO:AU",), ("NER",)),
        ),
    ],
)
def test_suspending_a_state_from_a_body_is_the_bodys_act(nlp, text: str, sides: tuple) -> None:
    assert ("SANCTION", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Brussels keeps shooting itself in the foot with every new package, Lavrov said.",
        "By refusing the deal, Lima shot itself in the foot, the Chilean minister said.",
    ],
)
def test_shooting_oneself_in_the_foot_is_no_shooting(nlp, text: str) -> None:
    assert "ASSAULT" not in _kinds(nlp, text)


_TALKS = (
    "Talks in Tbilisi\n\nIlia Darchiashvili: Today I welcomed Jeyhun Bayramov to Tbilisi. {}"
    "\n\nJeyhun Bayramov: Thank you for the warm welcome."
)


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("We agreed to hold the next session of the commission in Baku.", "AGREE"),
        ("We also signed a memorandum of understanding on digital cooperation.", "SUPPORT"),
    ],
)
def test_we_agreeing_or_signing_after_talks_is_both_sides(nlp, said: str, kind: str) -> None:
    [joint] = [e for e in _events(nlp, _TALKS.format(said)) if e.event == kind]
    assert set(joint.actor) == {"GEO", "AZE"}


def test_we_condemning_is_the_speakers_state_alone(nlp) -> None:
    text = _TALKS.format("We condemn the attack on the aid convoy in Sudan.")
    assert [e.actor for e in _events(nlp, text) if e.event == "ACCUSE"] == [("GEO",)]


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        (
            "African Union leaders adopted the Addis Ababa Declaration on Debt on Sunday.",
            ("IGO:AU",),
        ),
        (
            "Mercosur leaders adopted the Brasilia Declaration on Trade on Friday.",
            ("IGO:MERCOSUR",),
        ),
    ],
)
def test_a_city_in_an_instruments_name_is_no_party(nlp, text: str, doers: tuple) -> None:
    [support] = [e for e in _events(nlp, text) if e.event == "SUPPORT"]
    assert support.actor == doers and support.recipient == ()


@pytest.mark.parametrize(
    "text",
    [
        "Ruto spoke by phone with Somalia's president Hassan Sheikh Mohamud. The Somali leader "
        "is on a state visit to Kenya this week.",
        "Lula and Petro held a phone call on Monday. Petro is in Brazil on a visit that began "
        "on Monday.",
    ],
)
def test_a_call_and_a_visit_are_two_meetings(nlp, text: str) -> None:
    modes = sorted(e.mode or "" for e in _events(nlp, text) if e.event == "CONSULT")
    assert modes == ["phone", "visit"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Turkey delivered 500 tonnes of food aid to Somalia's Gedo region on Monday.", ("SOM",)),
        ("Japan sent relief supplies to Peru's Piura region after the floods.", ("PER",)),
    ],
)
def test_a_place_the_text_says_is_a_states_is_in_that_state(nlp, text: str, target: tuple) -> None:
    assert [e.recipient for e in _events(nlp, text) if e.event == "AID"] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "The European Union is discussing yet another package of sanctions against Russia.",
        "Japan is considering sanctions on the Iranian shipping firm.",
    ],
)
def test_sanctions_discussed_or_considered_are_not_imposed(nlp, text: str) -> None:
    assert not {"COERCE", "SANCTION"} & _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "China's ambassador paid a courtesy call on Tonga's prime minister on Monday.",
            {"CHN", "TON"},
        ),
        (
            "The new Indian envoy made a courtesy call on the Nepali foreign minister.",
            {"IND", "NPL"},
        ),
    ],
)
def test_a_courtesy_call_is_a_meeting(nlp, text: str, sides: set) -> None:
    consult = _one(nlp, text, "CONSULT")
    assert set(consult.actor + consult.recipient) == sides and consult.mode != "phone"


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "West African leaders on Sunday demanded the release of Guinea-Bissau's president "
            "at an ECOWAS summit in Abuja.",
            "IGO:ECOWAS",
        ),
        (
            "Southeast Asian foreign ministers urged Myanmar's junta to halt air strikes, "
            "ASEAN said.",
            "IGO:ASEAN",
        ),
    ],
)
def test_a_regions_leaders_are_the_body_whose_name_holds_the_region(
    nlp, text: str, doer: str
) -> None:
    assert _one(nlp, text, "REQUEST").actor == (doer,)


def test_a_region_no_named_body_holds_stays_unread(nlp) -> None:
    events = _events(nlp, "European leaders condemned the strike on Kyiv.")
    assert not any(e.actor for e in events)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Costa Rica's foreign minister spoke by phone with his Guatemalan counterpart on "
            "Tuesday. Both ministers agreed to coordinate their positions at the OAS.",
            {"CRI", "GTM"},
        ),
        (
            "Kenya's president met Ghana's president in Nairobi on Monday. Both presidents "
            "agreed to open direct flights between the two capitals.",
            {"KEN", "GHA"},
        ),
    ],
)
def test_both_ministers_are_the_two_who_just_met(nlp, text: str, sides: set) -> None:
    assert set(_one(nlp, text, "AGREE").actor) == sides


@pytest.mark.parametrize(
    "text",
    [
        "Chile's Senate could ratify the Lauca Water Accord with Bolivia next year.",
        "Peru's president might visit Ecuador next month, officials in Lima said.",
    ],
)
def test_an_act_that_could_come_later_stays_hypothetical(nlp, text: str) -> None:
    events = _events(nlp, text)
    assert events and all(e.tense == "hypothetical" for e in events)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("EU foreign policy chief Kaja Kallas urged Tbilisi to release the journalists.", "IGO:EU"),
        ("NATO Secretary General Mark Rutte urged Hungary to approve the package.", "IGO:NATO"),
    ],
)
def test_a_person_named_in_a_bodys_office_acts_for_the_body(nlp, text: str, doer: str) -> None:
    assert _one(nlp, text, "REQUEST").actor == (doer,)


def test_a_body_and_a_person_joined_by_and_are_two_doers(nlp) -> None:
    text = "ECOWAS and Nigerian President Bola Tinubu condemned the coup in Niger."
    assert set(_one(nlp, text, "ACCUSE").actor) == {"IGO:ECOWAS", "NGA"}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Kenya warned Somalia that continued meddling would have consequences for trade.",
            (("KEN",), ("SOM",)),
        ),
        (
            "Chile said that any further incursion would carry a heavy cost for Bolivia.",
            (("CHL",), ()),
        ),
        ("Egypt stressed that a second dam would entail a firm response.", (("EGY",), ())),
    ],
)
def test_an_act_said_to_carry_or_have_consequences_is_a_threat(
    nlp, text: str, sides: tuple
) -> None:
    threat = _one(nlp, text, "THREATEN")
    assert (threat.actor, threat.recipient[: len(sides[1])]) == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Washington told Moscow to pull its troops back from the frontier.", ("USA", "RUS")),
        ("Abuja told the junta in Niamey to free the ousted president.", ("NGA", "NER")),
    ],
)
def test_telling_a_state_to_act_is_a_request(nlp, text: str, sides: tuple) -> None:
    request = _one(nlp, text, "REQUEST")
    assert (*request.actor, *request.recipient) == sides


def test_telling_reporters_what_to_expect_is_no_request(nlp) -> None:
    assert "REQUEST" not in _kinds(nlp, "The envoy told reporters to expect a reply on Friday.")


@pytest.mark.parametrize(
    ("text", "doer", "target"),
    [
        (
            "Portuguese Prime Minister Luis Montenegro held talks in Madrid on Friday. "
            "Montenegro later called on Morocco to resume the ferry links.",
            "PRT",
            "MAR",
        ),
        (
            "Maltese Prime Minister Joseph Muscat met the Tunisian president on Monday. "
            "Muscat later urged Libya to curb the departures of migrant boats.",
            "MLT",
            "LBY",
        ),
    ],
)
def test_a_surname_that_names_a_place_is_the_person_named_before(
    nlp, text: str, doer: str, target: str
) -> None:
    assert ("REQUEST", (doer,), (target,)) in _coded(nlp, text)


def test_a_place_surname_after_a_preposition_of_place_stays_the_place(nlp) -> None:
    text = (
        "Portuguese Prime Minister Luis Montenegro arrived in Podgorica on Friday. In "
        "Montenegro, he urged Serbia to reopen the rail link."
    )
    [request] = [e for e in _events(nlp, text) if e.event == "REQUEST"]
    assert (request.actor, request.recipient) == (("PRT",), ("SRB",))
    assert "Montenegro" not in request.people


@pytest.mark.parametrize(
    "text",
    [
        "King Philippe of Belgium visited Nairobi on Monday.",
        "King Abdullah II of Jordan visited Nairobi on Monday.",
    ],
)
def test_a_rank_before_a_known_name_is_no_person_of_its_own(nlp, text: str) -> None:
    visit = _one(nlp, text, "CONSULT")
    assert len(visit.actor) == 1 and visit.recipient == ("KEN",)


@pytest.mark.parametrize(
    "text",
    [
        "Brazil sent armoured vehicles and additional troops to its northern border on Monday.",
        "Ethiopia dispatched tanks and two battalions to the frontier town on Friday.",
    ],
)
def test_sending_troops_is_a_mobilisation_though_goods_go_with_them(nlp, text: str) -> None:
    assert _kinds(nlp, text) == {"MOBILIZE"}


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met at a two-day retreat outside Oslo on Friday.",
        "Myanmar sent no minister to the foreign ministers' retreat in Langkawi.",
    ],
)
def test_a_retreat_that_is_a_gathering_is_no_withdrawal(nlp, text: str) -> None:
    assert "RETREAT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine confirmed the retreat of its troops from Avdiivka.",
        "Armenian forces began a retreat from the three border villages on Sunday.",
    ],
)
def test_a_retreat_of_forces_or_from_a_place_is_a_withdrawal(nlp, text: str) -> None:
    assert "RETREAT" in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kuwait neither accepted nor declined the Iraqi proposal.",
        "Hungary neither condemned nor welcomed the Russian strikes.",
    ],
)
def test_neither_nor_denies_both_acts(nlp, text: str) -> None:
    assert all(e.negated for e in _events(nlp, text))
    assert _events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Quito insisted they did not intend to cut trade links with Mexico.",
        "Sweden said it does not plan to expel any Russian diplomats.",
    ],
)
def test_a_denied_intent_announces_no_act(nlp, text: str) -> None:
    events = _events(nlp, text)
    assert events and all(e.negated and e.event != "THREATEN" for e in events)


def test_an_intent_stated_is_still_announced(nlp) -> None:
    text = "Ecuador intends to cut its trade links with Mexico."
    assert [e.event for e in _events(nlp, text) if not e.negated] == ["THREATEN"]


@pytest.mark.parametrize(
    ("text", "doer", "body"),
    [
        ("Myanmar declined to send a representative to the ASEAN summit.", "MMR", "IGO:ASEAN"),
        ("Mali refused to send a delegation to the ECOWAS summit in Abuja.", "MLI", "IGO:ECOWAS"),
    ],
)
def test_refusing_to_attend_a_gathering_rejects_it_and_attends_nothing(
    nlp, text: str, doer: str, body: str
) -> None:
    events = _events(nlp, text)
    assert ("REJECT", (doer,), (body,)) in [(e.event, e.actor, e.recipient) for e in events]
    assert all(e.negated for e in events if e.event == "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "Both parliaments ratified the treaty within days.",
        "Some delegations criticised the draft declaration.",
    ],
)
def test_states_the_text_leaves_unsaid_code_no_event(nlp, text: str) -> None:
    assert not _events(nlp, text)


def test_an_agent_that_says_whose_it_is_stays_an_unknown_doer(nlp) -> None:
    [event] = _events(nlp, "Western governments condemned the coup in Niamey.")
    assert (event.actor, event.actor_text) == ((), "Western governments")


@pytest.mark.parametrize(
    "text",
    [
        "Kenya released a readout of the call on Monday.",
        "The two ministries released a joint communique after the talks in Accra.",
    ],
)
def test_releasing_a_text_frees_no_one(nlp, text: str) -> None:
    assert "RETREAT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "China will take resolute countermeasures if the United States continues to sell "
            "arms to Taiwan, the ministry said.",
            (("CHN",), ("USA",)),
        ),
        (
            "Should the Philippines keep sending ships to the shoal, China will take firm "
            "measures, the spokesman said.",
            (("CHN",), ("PHL",)),
        ),
        (
            "Beijing said it would take decisive measures should Manila send more ships to the "
            "shoal.",
            (("CHN",), ("PHL",)),
        ),
    ],
)
def test_a_said_measure_of_ones_own_threatens_whom_its_condition_names(
    nlp, text: str, sides: tuple
) -> None:
    threat = _one(nlp, text, "THREATEN")
    assert (threat.actor, threat.recipient) == sides


def test_measures_against_no_one_are_no_threat(nlp) -> None:
    text = "The government will take firm measures to curb inflation, the minister said."
    assert "THREATEN" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Azerbaijani units opened fire at Armenian combat positions on Sunday night.",
            ("AZE", "ARM"),
        ),
        ("Indian troops opened fire on Pakistani posts along the Line of Control.", ("IND", "PAK")),
        ("Pakistani jets struck Afghan border posts in Khost province on Tuesday.", ("PAK", "AFG")),
    ],
)
def test_fire_opened_at_or_strikes_on_a_states_posts_assault_that_state(
    nlp, text: str, sides: tuple
) -> None:
    attack = _one(nlp, text, "ASSAULT")
    assert (*attack.actor, *attack.recipient) == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Minister Eide, Moscow last week accused Norway of breaching the fisheries treaty.",
            ("RUS", "NOR"),
        ),
        (
            "Mr Lavrov, Washington has accused Russia of supplying drones to Iran.",
            ("USA", "RUS"),
        ),
        ("Minister, Beijing yesterday accused Australia of spying.", ("CHN", "AUS")),
    ],
)
def test_a_person_addressed_before_a_place_is_not_the_doer(nlp, text: str, sides: tuple) -> None:
    accusation = _one(nlp, text, "ACCUSE")
    assert (*accusation.actor, *accusation.recipient) == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Press briefing\n\nQUESTION (NTB): Minister Eide, Moscow last week accused Norway of "
            "breaching the fisheries treaty.\n\nEIDE: We reject that claim.",
            ("NOR", "RUS"),
        ),
        (
            "Kenya accused Uganda of arming the rebels on Monday. Uganda denied the "
            "allegations on Tuesday.",
            ("UGA", "KEN"),
        ),
    ],
)
def test_refusing_an_accusation_named_before_answers_the_accuser(
    nlp, text: str, sides: tuple
) -> None:
    refusal = _one(nlp, text, "REJECT")
    assert (*refusal.actor, *refusal.recipient) == sides


@pytest.mark.parametrize(
    "text",
    [
        '"We remember our friends," the President told the Chilean envoy, recalling that Chile '
        "was the first to recognise Viet Nam.",
        "Kenya told the Ugandan ambassador to convey its displeasure to Kampala.",
    ],
)
def test_telling_an_envoy_something_expels_no_one(nlp, text: str) -> None:
    assert "SANCTION" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Estonia told two Russian diplomats to quit the country by Friday.",
        "Sweden told the Russian envoys to leave within a week.",
    ],
)
def test_telling_envoys_to_leave_or_quit_expels_them(nlp, text: str) -> None:
    assert _one(nlp, text, "SANCTION").mode == "expel"


@pytest.mark.parametrize(
    "text",
    [
        "Sudan's army said it had repelled a drone attack on Kosti.",
        "Israeli forces intercepted a missile attack on Eilat on Sunday.",
    ],
)
def test_who_repels_an_attack_did_not_make_it(nlp, text: str) -> None:
    assert not any(e.event == "ASSAULT" and e.actor for e in _events(nlp, text))


def test_an_attack_warded_off_was_made_on_the_one_who_warded_it_off(nlp) -> None:
    attack = _one(nlp, "Ukraine foiled a Russian sabotage attack on the plant.", "ASSAULT")
    assert (attack.actor, attack.recipient) == (("RUS",), ("UKR",))


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Kenya's new ambassador presented his credentials to President Samia Suluhu Hassan "
            "in Dar es Salaam on Tuesday.",
            {"KEN", "TZA"},
        ),
        (
            "The Chilean ambassador, Ana Soto, presented her letters of credence to King Felipe "
            "VI at the Royal Palace.",
            {"CHL", "ESP"},
        ),
    ],
)
def test_presenting_credentials_to_a_head_of_state_is_a_meeting(nlp, text: str, sides: set) -> None:
    meeting = _one(nlp, text, "CONSULT")
    assert {*meeting.actor, *meeting.recipient} == sides


def test_presenting_a_letter_or_a_budget_is_no_meeting(nlp) -> None:
    text = "Kenya presented a letter to the UN Secretary-General on Monday."
    assert "CONSULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Canada and Chile signed an agreement under which Canada will provide 12 million "
        "dollars to the observation missions.",
        "Chile and Peru signed a deal that will see Chile send 200 tonnes of vaccines to Peru.",
    ],
)
def test_what_a_signed_agreement_provides_is_no_act_of_its_own(nlp, text: str) -> None:
    assert _kinds(nlp, text) == {"SUPPORT"}


def test_what_a_joint_statement_says_is_its_parties_act(nlp) -> None:
    text = (
        "Canada and Chile issued a joint statement calling on Venezuela to release the prisoners."
    )
    request = _one(nlp, text, "REQUEST")
    assert (set(request.actor), request.recipient) == ({"CAN", "CHL"}, ("VEN",))


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Chile and Peru traded accusations on Monday.\n\nCambodia's foreign minister spoke "
            "by phone with his Thai counterpart. Both sides agreed to reopen the crossings.",
            {"KHM", "THA"},
        ),
        (
            "Kenya and Somalia met in May.\n\nGhana's president met the Togolese foreign "
            "minister in Accra. The two sides agreed to resume joint patrols.",
            {"GHA", "TGO"},
        ),
    ],
)
def test_both_sides_are_the_subject_and_whom_it_met_in_the_sentence_before(
    nlp, text: str, sides: set
) -> None:
    agreement = _one(nlp, text, "AGREE")
    assert {*agreement.actor, *agreement.recipient} == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Chile's foreign minister, Rosa Aldana, accused Bolivia on Tuesday of diverting the "
            "river. Chile and Bolivia have argued over it for decades.\n\nOn Monday, Aldana met "
            "the Minister of Foreign Affairs of Peru, Tomas Quispe. The two ministers agreed to "
            "reopen the Tacna border crossing in August.",
            {"CHL", "PER"},
        ),
        (
            "Kenya's foreign minister, Peter Odhiambo, told Somalia that the dispute must be "
            "settled by talks. Kenya and Somalia have quarrelled over the sea boundary for "
            "years.\n\nLater, Odhiambo received Tanzania's foreign minister at his office. Both "
            "ministers pledged to speed up work on the new road.",
            {"KEN", "TZA"},
        ),
    ],
)
def test_the_two_ministers_are_the_person_named_before_and_whom_they_met(
    nlp, text: str, sides: set
) -> None:
    """A doer named by name stands for their state: not the article's most named pair."""
    agreement = _one(nlp, text, "AGREE")
    assert {*agreement.actor, *agreement.recipient} == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "The foreign minister said Vanuatu would take the matter to the UN decolonisation "
            "committee unless Paris clarified the remarks.",
            (("VUT",), ("FRA",)),
        ),
        (
            "Algiers has said it may review the whole agreement if the EU court rules against it "
            "again.",
            (("DZA",), ("IGO:EU",)),
        ),
        (
            "Tokyo warned that it would take the dispute to the WTO if Beijing did not lift the "
            "curbs.",
            (("JPN",), ("CHN",)),
        ),
    ],
)
def test_what_one_would_do_unless_the_other_acts_is_a_threat(nlp, text: str, sides: tuple) -> None:
    threat = _one(nlp, text, "THREATEN")
    assert (threat.actor, threat.recipient) == sides


@pytest.mark.parametrize(
    "text",
    [
        "The minister said Kenya would attend the summit if invited.",
        "Chile said it would reopen the border if Peru lifted the tariffs.",
    ],
)
def test_an_offer_on_a_condition_is_no_threat(nlp, text: str) -> None:
    assert "THREATEN" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Three Tongan fishermen detained by Fiji's navy in November were freed on Sunday.",
            ("FJI", "TON"),
        ),
        (
            "The two Indians arrested by Bangladeshi police in Chittagong were released on bail.",
            ("BGD", "IND"),
        ),
    ],
)
def test_people_held_by_a_state_are_freed_by_it(nlp, text: str, sides: tuple) -> None:
    release = _one(nlp, text, "RETREAT")
    assert (*release.actor, *release.recipient) == sides


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        (
            "The Finnish minister held bilateral meetings with the foreign ministers of Ukraine "
            "and Moldova.",
            {("UKR",), ("MDA",)},
        ),
        (
            "On the sidelines, Kenya's president had separate meetings with the leaders of Ghana, "
            "Senegal and Togo.",
            {("GHA",), ("SEN",), ("TGO",)},
        ),
    ],
)
def test_bilateral_meetings_with_several_are_one_with_each(nlp, text: str, partners: set) -> None:
    assert {e.recipient for e in _events(nlp, text) if e.event == "CONSULT"} == partners


def test_requests_for_bilateral_meetings_are_no_meetings(nlp) -> None:
    text = "Indonesia had received some 18 requests for bilateral meetings on the margins."
    assert "CONSULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Press conference\n\nMINISTER MAURO VIEIRA: I signed a memorandum on trade with "
            "Chile today.\n\nQUESTION (Folha): Will you meet the French president?\n\n"
            "MINISTER MAURO VIEIRA: Not this week.",
            "BRA",
        ),
        (
            "Briefing\n\nQUESTION (Kyodo): Will you go to Seoul?\n\nFOREIGN MINISTER PENNY WONG: "
            "I signed a memorandum on fisheries with Japan this morning.",
            "AUS",
        ),
    ],
)
def test_a_known_name_a_transcript_writes_in_capitals_speaks_its_turn(
    nlp, text: str, doer: str
) -> None:
    assert doer in _one(nlp, text, "SUPPORT").actor


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Fiji regrets the decision by Kiribati to suspend the memorandum.", ("FJI", "KIR")),
        ("Pretoria regretted the unilateral measures taken by Tanzania.", ("ZAF", "TZA")),
    ],
)
def test_regretting_anothers_act_disapproves_of_it(nlp, text: str, sides: tuple) -> None:
    disapproval = _one(nlp, text, "ACCUSE")
    assert (*disapproval.actor, *disapproval.recipient) == sides


def test_regretting_a_loss_is_no_accusation(nlp) -> None:
    text = "Chile regrets the loss of life in the earthquake in Peru."
    assert "ACCUSE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "The Maldivian minister called on Prime Minister Harini Amarasuriya of Sri Lanka.",
            {"MDV", "LKA"},
        ),
        (
            "The visiting Kenyan minister called on President Museveni in Entebbe on Tuesday.",
            {"KEN", "UGA"},
        ),
    ],
)
def test_calling_on_a_person_asked_nothing_is_a_courtesy_call(nlp, text: str, sides: set) -> None:
    assert _kinds(nlp, text) == {"CONSULT"}
    meeting = _one(nlp, text, "CONSULT")
    assert {*meeting.actor, *meeting.recipient} == sides


@pytest.mark.parametrize(
    "text",
    [
        "Kenya called on President Museveni to release the opposition leader.",
        "Chile called on Peru for restraint.",
    ],
)
def test_calling_on_someone_to_act_asks_them(nlp, text: str) -> None:
    assert _kinds(nlp, text) == {"REQUEST"}


@pytest.mark.parametrize(
    "text",
    [
        "Somalia's foreign minister said his government would study the request.",
        "The ministry will examine the Kenyan request for extradition.",
    ],
)
def test_studying_a_request_made_before_asks_nothing_new(nlp, text: str) -> None:
    assert "REQUEST" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "In 2022, when the territory of Armenia came under attack, the CSTO failed to act.",
        "Kenyan border posts were under fire on Monday night.",
    ],
)
def test_what_came_under_attack_did_not_attack(nlp, text: str) -> None:
    assert not any(e.event == "ASSAULT" and e.actor for e in _events(nlp, text))


def test_an_attack_a_place_came_under_is_made_on_its_state(nlp) -> None:
    attack = _one(
        nlp, "The Ukrainian city of Kharkiv came under Russian attack on Friday.", "ASSAULT"
    )
    assert (attack.actor, attack.recipient) == (("RUS",), ("UKR",))


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "The Finnish minister accepted an invitation to visit Riga in the spring.",
            ("FIN", "LVA"),
        ),
        ("Kenya accepted an invitation to come to Addis Ababa for talks.", ("KEN", "ETH")),
    ],
)
def test_accepting_an_invitation_to_a_capital_agrees_with_its_state(
    nlp, text: str, sides: tuple
) -> None:
    agreement = _one(nlp, text, "AGREE")
    assert (*agreement.actor, *agreement.recipient) == sides


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Congo's foreign minister, Therese Kayikwamba Wagner, urged the council to sanction "
            "Rwanda.",
            "COD",
        ),
        ("Officials in Kinshasa said Congo has accused Rwanda of backing the rebels.", "COD"),
        ("Congo and Gabon signed a fisheries accord in Brazzaville on Monday.", "COG"),
    ],
)
def test_a_name_two_states_share_is_the_one_the_article_names_otherwise(
    nlp, text: str, doer: str
) -> None:
    events = _events(nlp, text)
    other = "COG" if doer == "COD" else "COD"
    assert doer in {code for e in events for code in e.actor}
    assert all(other not in (*e.actor, *e.recipient) for e in events)


@pytest.mark.parametrize(
    ("text", "kind", "doer"),
    [
        (
            "The European Commission has tried to keep the talks alive despite the Hungarian veto.",
            "REJECT",
            "HUN",
        ),
        (
            "Trade between the two countries grew amid Chinese sanctions on Lithuanian goods.",
            "COERCE",
            "CHN",
        ),
    ],
)
def test_an_act_named_after_despite_or_amid_is_done_by_whom_its_own_words_name(
    nlp, text: str, kind: str, doer: str
) -> None:
    assert _one(nlp, text, kind).actor == (doer,)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "The Chinese ambassador to Australia was summoned on Monday over the cyber attacks.",
            (("AUS",), ("CHN",)),
        ),
        (
            "The top British diplomat in Harare was summoned to the Zimbabwean foreign ministry.",
            (("ZWE",), ("GBR",)),
        ),
        (
            "The Russian chargé d'affaires was called in to the ministry in Tallinn on Friday.",
            (("EST",), ("RUS",)),
        ),
    ],
)
def test_an_envoy_summoned_without_an_agent_was_summoned_by_the_host(
    nlp, text: str, sides: tuple
) -> None:
    summons = _one(nlp, text, "ACCUSE")
    assert (summons.actor, summons.recipient) == sides


@pytest.mark.parametrize(
    "text",
    [
        "Latvia called in the Belarusian ambassador on Thursday over the border incident.",
        "On Friday Ghana's foreign ministry called in the Nigerian envoy.",
    ],
)
def test_calling_in_an_envoy_is_a_summons(nlp, text: str) -> None:
    assert _one(nlp, text, "ACCUSE").mode == "disapprove"


def test_calling_in_experts_is_no_summons(nlp) -> None:
    assert "ACCUSE" not in _kinds(nlp, "Peru called in experts to study the damaged bridge.")


@pytest.mark.parametrize(
    "text",
    [
        "Iran's foreign ministry said Austria's ambassador had been summoned to hear a protest.",
        "Ghana said on Friday that the Togolese envoy was summoned over the border closure.",
    ],
)
def test_a_state_reporting_an_envoy_summoned_did_the_summoning(nlp, text: str) -> None:
    summons = _one(nlp, text, "ACCUSE")
    assert summons.actor == (("IRN",) if text.startswith("Iran") else ("GHA",))
    assert summons.recipient == (("AUT",) if text.startswith("Iran") else ("TGO",))


@pytest.mark.parametrize(
    ("text", "kind", "sides"),
    [
        (
            "Reporters asked about Washington's decision to lift its sanctions on Syria.",
            "CONCEDE",
            (("USA",), ("SYR",)),
        ),
        (
            "Beijing's move to ban imports of Japanese seafood angered Tokyo.",
            "COERCE",
            (("CHN",), ("JPN",)),
        ),
    ],
)
def test_whose_decision_or_move_it_is_does_what_it_decides(
    nlp, text: str, kind: str, sides: tuple
) -> None:
    event = _one(nlp, text, kind)
    assert (event.actor, event.recipient) == sides


@pytest.mark.parametrize(
    "text",
    [
        "India brushed aside the objection a day later.",
        "Russia shrugged off the new sanctions on its banks.",
    ],
)
def test_brushing_aside_or_shrugging_off_rejects(nlp, text: str) -> None:
    assert _one(nlp, text, "REJECT").actor in {("IND",), ("RUS",)}


def test_brushing_off_criticism_is_no_criticism_of_ones_own(nlp) -> None:
    assert "ACCUSE" not in _kinds(nlp, "India brushed off the criticism on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan's army vowed to respond to the missile strikes.",
        "Tehran vowed to respond to the strike on its consulate.",
    ],
)
def test_vowing_to_respond_threatens(nlp, text: str) -> None:
    assert _one(nlp, text, "THREATEN").actor in {("PAK",), ("IRN",)}


def test_a_roundup_items_target_is_the_doer_of_that_item(nlp) -> None:
    text = (
        "Somalia recalled its envoy from Nairobi. Kenya's ambassador was summoned to the "
        "foreign ministry in Mogadishu on Thursday.\n"
        "A cargo ship was seized by Djibouti's coast guard on Sunday. Eritrea demanded the "
        "release of the crew."
    )
    demand = _one(nlp, text, "REQUEST")
    assert (demand.actor, demand.recipient) == (("ERI",), ("DJI",))


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Russia closed the Polish consulate in Kaliningrad on Monday. Poland's foreign "
            "ministry called the move expected and unjustified.",
            (("POL",), ("RUS",)),
        ),
        (
            "The United States raised duties on Canadian lumber. Canada described the new duties "
            "as unfair and discriminatory.",
            (("CAN",), ("USA",)),
        ),
    ],
)
def test_a_verdict_the_parse_hangs_on_the_object_or_on_as_still_censures(
    nlp, text: str, sides: tuple
) -> None:
    censure = _one(nlp, text, "ACCUSE")
    assert (censure.actor, censure.recipient) == sides


def test_a_headlines_envoy_summoned_is_summoned_by_the_host(nlp) -> None:
    text = "Chinese envoy in Canberra summoned over cyber attacks\n\nThe talks went on."
    summons = _one(nlp, text, "ACCUSE")
    assert (summons.actor, summons.recipient) == (("AUS",), ("CHN",))


def test_a_headlines_envoy_summoned_does_not_summon_or_ask(nlp) -> None:
    text = "Kenyan Ambassador summoned over arrest of fishermen\n\nThe talks went on."
    assert not any("KEN" in e.actor for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "thanked"),
    [
        (
            "A day earlier Guatemala, El Salvador and Costa Rica had issued a joint communique on "
            "the count. Honduras thanked the three governments on Friday.",
            ("CRI", "GTM", "SLV"),
        ),
        (
            "Kenya, Uganda, Rwanda and Burundi signed the customs protocol in Arusha. Tanzania "
            "congratulated the four countries.",
            ("BDI", "KEN", "RWA", "UGA"),
        ),
    ],
)
def test_the_three_governments_are_the_three_named_before(nlp, text: str, thanked) -> None:
    support = next(e for e in _events(nlp, text) if e.event == "SUPPORT" and e.recipient)
    assert tuple(sorted(support.recipient)) == thanked


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("China lodged solemn representations with Japan over the listings.", ("CHN", "JPN")),
        ("Beijing made stern representations to Washington on Friday.", ("CHN", "USA")),
        ("Germany delivered a demarche to Iran over the executions.", ("DEU", "IRN")),
    ],
)
def test_representations_or_a_demarche_lodged_with_a_state_protest(
    nlp, text: str, sides: tuple
) -> None:
    protest = _one(nlp, text, "ACCUSE")
    assert (protest.actor, protest.recipient) == ((sides[0],), (sides[1],))


def test_the_representation_of_women_is_no_protest(nlp) -> None:
    text = "Kenya's reform improves the representation of women in parliament."
    assert "ACCUSE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "When asked about the dam in May, a Chinese spokesman said only that China supported Laos.",
        "Invited to comment on Monday, the Kenyan president praised Uganda for its help.",
    ],
)
def test_the_subject_of_a_clause_a_participle_opens_undergoes_the_participle(
    nlp, text: str
) -> None:
    """Asked or invited, the speaker requested nothing and agreed to nothing: only the support."""
    assert [e.event for e in _events(nlp, text)] == ["SUPPORT"]


@pytest.mark.parametrize(
    ("text", "kind", "recipient"),
    [
        # asked to act: a request
        ("Chile invited Brazil and Argentina to send observers to the vote.", "REQUEST",
         ("BRA", "ARG")),
        ("Ghana has invited Nigeria to share the cost of the new border post.", "REQUEST",
         ("NGA",)),
        # asked to come: an invitation to meet, as before
        ("Kenya invited the president of Uganda to visit Nairobi in May.", "AGREE", ("UGA",)),
        ("Japan invited Australia to the forum.", "AGREE", ("AUS",)),
    ],
)  # fmt: skip
def test_an_invitation_to_act_is_a_request_and_one_to_come_an_invitation(
    nlp, text: str, kind: str, recipient: tuple
) -> None:
    [event] = _events(nlp, text)
    assert (event.event, event.recipient) == (kind, recipient)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is asked, in a second conjunct as in the first: no sanction is done
        ("France asked Mali to expel the mercenaries and cut ties with the group.", ["REQUEST"]),
        ("Chile urged Peru to free the fishermen and to suspend aid to the rebels.",
         ["REQUEST"]),
        # a second act of the doer's own stays an act
        ("Peru condemned the raid and recalled its ambassador from Chile.",
         ["ACCUSE", "SANCTION"]),
    ],
)  # fmt: skip
def test_a_later_conjunct_of_an_act_asked_for_is_asked_for_too(
    nlp, text: str, expected: list[str]
) -> None:
    assert [e.event for e in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Portugal said on Monday it was freezing budget support to the government in Bissau.",
        "The European Union halted budget support to Niger after the coup.",
    ],
)
def test_freezing_or_halting_support_is_a_sanction(nlp, text: str) -> None:
    assert [e.event for e in _events(nlp, text)] == ["SANCTION"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Norway froze all trade with Iceland on Monday.", ("ISL",)),
        ("Beijing froze imports of Lithuanian beef on Friday.", ("LTU",)),
    ],
)
def test_freezing_trade_is_a_sanction_of_its_own(nlp, text: str, target: tuple) -> None:
    """A measure of its own mode: beside an expulsion the same day it is a second sanction."""
    [sanction] = _events(nlp, text)
    assert (sanction.event, sanction.mode) == ("SANCTION", "discontinue")
    assert sanction.recipient == target


def test_an_expulsion_and_a_trade_freeze_the_same_day_are_two_sanctions(nlp) -> None:
    text = "Oslo gave Iceland's ambassador two days to leave and froze all trade with Reykjavik."
    assert sorted(e.mode for e in _events(nlp, text)) == ["discontinue", "expel"]


def test_freezing_investment_at_home_is_no_sanction(nlp) -> None:
    assert not _events(nlp, "The central bank froze investment in new plants on Monday.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reporter of an agentless passive did what it reports of itself
        ("A formal protest has been lodged with the Indian high commission, Pakistan's foreign "
         "office said.", ("ACCUSE", ("PAK",), ("IND",))),
        ("According to the Japanese embassy, emergency aid worth $5 million was sent to Malawi "
         "on Friday.", ("AID", ("JPN",), ("MWI",))),
        ("Sanctions were imposed on three Iranian banks on Monday, the Foreign Office said.",
         ("COERCE", ("GBR",), ("IRN",))),
        ("Two Syrian firms were sanctioned last week, the British government announced.",
         ("COERCE", ("GBR",), ("SYR",))),
    ],
)  # fmt: skip
def test_who_reports_a_measure_in_the_passive_took_it(nlp, text: str, expected: tuple) -> None:
    assert _coded(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # arrests and attacks a state reports are not its own acts
        "Iran said two of its citizens had been arrested in Germany last week.",
        "Two Nigerian soldiers were attacked near the border, Nigeria's army said.",
    ],
)
def test_a_reported_passive_of_force_is_not_the_reporters_act(nlp, text: str) -> None:
    assert [e for e in _events(nlp, text) if e.actor == (text.split()[0],)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parse joins the act to a said clause that only describes a thing: the speaker acts
        ("The foreign ministry in Kabul said education policy was an internal matter and "
         "rejected what it described as interference.", [("REJECT", ("AFG",))]),
        ("Chile said the new quota was unfair and condemned the Argentine decision.",
         [("ACCUSE", ("CHL",))]),
        ("The Nigerien junta said the deadline was unacceptable and rejected the ultimatum.",
         [("REJECT", ("NER",))]),
    ],
)  # fmt: skip
def test_an_act_joined_to_a_said_description_is_the_speakers(
    nlp, text: str, expected: list
) -> None:
    assert [(e.event, e.actor) for e in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morocco's foreign minister expressed his deep gratitude to the Emir of Kuwait for the "
         "decision to open a consulate.", [("SUPPORT", ("MAR",), ("KWT",))]),
        ("Ghana's president expressed gratitude to Norway for its help during the floods.",
         [("SUPPORT", ("GHA",), ("NOR",))]),
        # the speech's courtesy, not a thanks given: "I would like to express my gratitude"
        ("I would like to express my gratitude to our Kenyan friends for their cooperation.", []),
    ],
)  # fmt: skip
def test_gratitude_expressed_to_someone_is_support(nlp, text: str, expected: list) -> None:
    assert _coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thanks or congratulation "he wanted" to give, told in reported speech, was given
        ("Libya's foreign minister said he wanted to thank Saudi Arabia for this decision.",
         [("SUPPORT", "past")]),
        ("The Kenyan president said he would like to congratulate Ghana on the peaceful "
         "election.", [("SUPPORT", "past")]),
        # a wish to travel is still a wish
        ("The minister said he wanted to visit Tokyo next year.", []),
    ],
)  # fmt: skip
def test_a_reported_wish_to_thank_is_a_thanks(nlp, text: str, expected: list) -> None:
    assert [(e.event, e.tense) for e in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "would" cannot govern a past verb: the second act is the speaker's, not the clause's
        ("Kenya's foreign minister said Uganda would face consequences and accused Kampala of "
         "arming the rebels.", ("ACCUSE", ("KEN",), ("UGA",))),
        ("Chile's foreign minister said Bolivia would lose the case and condemned La Paz for "
         "its silence.", ("ACCUSE", ("CHL",), ("BOL",))),
    ],
)  # fmt: skip
def test_a_past_verb_joined_to_a_would_clause_is_the_speakers(
    nlp, text: str, expected: tuple
) -> None:
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the summit or the opportunity is the means: the subject acted
        ("Kenya's president used the summit to condemn the attack on Uganda.", "ACCUSE"),
        ("The Ghanaian minister took the opportunity to thank Japan for its support.", "SUPPORT"),
        ("The WHO chief used his closing remarks to urge member states to finish the text.",
         "REQUEST"),
    ],
)  # fmt: skip
def test_an_act_done_through_a_means_or_an_occasion_was_done(nlp, text: str, kind: str) -> None:
    assert [e.tense for e in _events(nlp, text) if e.event == kind] == ["past"]


def test_an_act_expected_of_another_is_still_hypothetical(nlp) -> None:
    [event] = _events(nlp, "Uganda expects Kenya to reopen the border.")
    assert event.tense == "hypothetical"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a promise to answer in kind warns; the "any" act it answers has not happened
        ("Iran said it would respond in kind to any attack by Israel.",
         [("THREATEN", ("IRN",), ("ISR",))]),
        ("Russia's foreign ministry said Moscow would respond in kind to the expulsions.",
         [("THREATEN", ("RUS",), ())]),
    ],
)  # fmt: skip
def test_saying_one_will_respond_in_kind_is_a_threat(nlp, text: str, expected: list) -> None:
    assert _coded(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenya said every incursion by Somali militants would be punished.",
        "Venezuela said it would defend itself against any invasion by Guyana.",
    ],
)
def test_an_act_of_no_one_in_particular_did_not_happen(nlp, text: str) -> None:
    assert not {"ASSAULT", "COERCE", "MOBILIZE"} & {e.event for e in _events(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whoever a text is signed with is a party to the signing, not its target
        ("Saudi Arabia signed an agreement with Libya on Monday.", ("SUPPORT", ("SAU", "LBY"), ())),
        ("India signed a defence framework with the United States last month.",
         ("SUPPORT", ("IND", "USA"), ())),
    ],
)  # fmt: skip
def test_the_party_a_text_is_signed_with_signs_too(nlp, text: str, expected: tuple) -> None:
    assert _coded(nlp, text) == [expected]


def test_a_text_ratified_with_another_is_ratified_by_one_side(nlp) -> None:
    text = "Tajikistan's parliament ratified the loan agreement with the Saudi fund on Monday."
    assert [e.actor for e in _events(nlp, text) if e.event == "SUPPORT"] == [("TJK",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's foreign minister Ana Rojas landed in Lima on Monday. She and her Peruvian "
         "counterpart signed a memorandum on border crossings.", ("CHL", "PER")),
        ("Ghanaian Foreign Minister Kofi Mensah reached Abuja on Tuesday. He and the Nigerian "
         "trade minister signed an accord on customs.", ("GHA", "NGA")),
    ],
)  # fmt: skip
def test_a_pronoun_joined_to_a_named_doer_is_a_doer_too(nlp, text: str, expected: tuple) -> None:
    # "he" or "she" beside a named doer is the person named before, not dropped
    assert [e.actor for e in _events(nlp, text) if e.event == "SUPPORT"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's foreign minister Ana Rojas landed in Lima on Monday.",
         [("CONSULT", ("CHL",), ("PER",))]),
        ("The Ghanaian trade minister flew to Abuja on Tuesday.",
         [("CONSULT", ("GHA",), ("NGA",))]),
        ("A Kenyan delegation travelled to Addis Ababa last week.",
         [("CONSULT", ("KEN",), ("ETH",))]),
    ],
)  # fmt: skip
def test_an_official_travelling_to_a_foreign_city_visits_its_state(
    nlp, text: str, expected: list
) -> None:
    found = [e for e in _events(nlp, text) if e.event == "CONSULT"]
    assert [(e.event, e.actor, e.recipient) for e in found] == expected
    assert found[0].mode == "visit"


@pytest.mark.parametrize(
    "text",
    [
        # troops, planes and refugees arrive; they pay no visits
        "Some two hundred Chinese peacekeepers arrived in South Sudan on Thursday.",
        "Indian jets forced a cargo plane to land in Jaipur on Friday.",
        # background in a relative clause, and a trip to an organisation's seat
        "The Peruvian minister, who flew to Geneva to present the report, spoke first.",
    ],
)
def test_an_arrival_that_is_no_visit_codes_none(nlp, text: str) -> None:
    assert "CONSULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("The African Union welcomed the truce between Sudan and Chad and urged them to pull "
         "their troops back from the border.", "REQUEST", ("SDN", "TCD")),
        ("Talks between Armenia and Azerbaijan resumed in Geneva. The EU urged the two sides to "
         "sign the treaty before the summer.", "REQUEST", ("ARM", "AZE")),
        ("Brazil criticised Peru and Bolivia over the dam. It asked them to halt the works.",
         "REQUEST", ("PER", "BOL")),
    ],
)  # fmt: skip
def test_them_or_both_after_a_pair_is_the_pair(nlp, text: str, kind: str, expected) -> None:
    # "them", "both" or "the two sides" name no one: the parties last joined by "and" do
    assert _one(nlp, text, kind).recipient == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty between Kenya and Ethiopia on the shared border was signed in Nairobi on "
         "Friday.", [("SUPPORT", ("KEN", "ETH"), ())]),
        ("On Monday a memorandum between Peru and Chile on fisheries was signed at the foreign "
         "ministry.", [("SUPPORT", ("PER", "CHL"), ())]),
        ("The accord between Ghana and Togo, signed on Monday in Lome, runs for ten years.",
         [("SUPPORT", ("GHA", "TGO"), ())]),
        # one state named is no pair of parties: who signed is not said
        ("An agreement with Ghana on customs was signed on Monday.", []),
    ],
)  # fmt: skip
def test_a_text_signed_without_a_signer_is_signed_by_the_parties_it_names(
    nlp, text: str, expected: list
) -> None:
    assert _coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # received by the host: named guests, or a guest a participle hangs on
        ("Aliyev and Pashinyan were received at the White House by President Donald Trump on "
         "Friday.", (("AZE", "ARM"), ("USA",))),
        ("Ruto was received in Beijing by Xi Jinping on Monday.", (("KEN",), ("CHN",))),
        ("The Peruvian foreign minister, received by Chilean President Gabriel Boric in "
         "Santiago on Monday, discussed migration.", (("PER",), ("CHL",))),
    ],
)  # fmt: skip
def test_someone_received_by_a_host_visits_the_host(nlp, text: str, expected: tuple) -> None:
    found = [e for e in _events(nlp, text) if e.event == "CONSULT"]
    assert [(e.actor, e.recipient) for e in found] == [expected]
    assert found[0].mode == "visit"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya's foreign minister spoke with her Ugandan counterpart on Friday.",
         [("CONSULT", ("KEN",), ("UGA",))]),
        ("The Thai prime minister talked with Cambodian Prime Minister Hun Manet on Sunday.",
         [("CONSULT", ("THA",), ("KHM",))]),
        # no one of another side: no consultation
        ("The Chinese minister spoke with reporters in Beijing on Monday.", []),
        ("Putin received a letter from the Mongolian president on Monday.",
         [("SUPPORT", ("MNG",), ("RUS",))]),
    ],
)  # fmt: skip
def test_speaking_with_another_sides_official_consults_them(nlp, text: str, expected) -> None:
    assert _coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany's defence minister Boris Pistorius was in Vilnius on Wednesday.",
         [("CONSULT", ("DEU",), ("LTU",))]),
        ("Last week the Egyptian foreign minister was in Ankara for two days.",
         [("CONSULT", ("EGY",), ("TUR",))]),
        # being at home, in talks, or "in no way" anything is no visit
        ("The Kenyan minister was in Nairobi on Monday.", []),
        ("Thousands of refugees were in Poland by the end of the week.", []),
        ("The Georgian president said the release was in no way a response to pressure.", []),
    ],
)  # fmt: skip
def test_an_official_who_was_in_a_foreign_city_visited_it(nlp, text: str, expected) -> None:
    assert _coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The presidents of Kenya and Uganda exchanged instruments of ratification of the border "
         "treaty on Monday.", [("SUPPORT", ("KEN", "UGA"), ())]),
        ("Peru and Chile exchanged the instruments of ratification of the fisheries agreement in "
         "Lima on Tuesday.", [("SUPPORT", ("PER", "CHL"), ())]),
        ("Peru and Chile exchanged views on the fisheries agreement in Lima on Tuesday.", []),
    ],
)  # fmt: skip
def test_exchanging_instruments_of_ratification_is_both_sides_support(
    nlp, text: str, expected: list
) -> None:
    assert [c for c in _coded(nlp, text) if c[0] == "SUPPORT"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France stands firmly alongside Armenia in defending its borders.",
         [("SUPPORT", ("FRA",), ("ARM",))]),
        ("Norway has stood by Ukraine since the first day, the minister said.",
         [("SUPPORT", ("NOR",), ("UKR",))]),
        # standing somewhere is no stance
        ("The ministers stood by the memorial for a minute of silence.", []),
    ],
)  # fmt: skip
def test_standing_alongside_or_by_a_state_supports_it(nlp, text: str, expected: list) -> None:
    assert _coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ships blocking another side's vessels seize them, in the active or the passive
        ("Chinese coast guard ships blocked a Philippine supply boat near the shoal on Sunday.",
         [("COERCE", ("CHN",), ("PHL",))]),
        ("A Vietnamese fishing boat was blocked by two Chinese coast guard ships near the reef.",
         [("COERCE", ("CHN",), ("VNM",))]),
        # handing detained people back releases them
        ("Mauritania handed back twelve Senegalese fishermen on Wednesday.",
         [("RETREAT", ("MRT",), ("SEN",))]),
        ("Iran handed back the fifteen British sailors on Wednesday.",
         [("RETREAT", ("IRN",), ("GBR",))]),
        # a gift to a state is aid, whatever is given
        ("Japan gifted one million vaccine doses to Vietnam on Monday.",
         [("AID", ("JPN",), ("VNM",))]),
        ("India gifted two patrol boats to the Maldives.", [("AID", ("IND",), ("MDV",))]),
        # blocking a text is no seizure
        ("Russia blocked the resolution at the Security Council.", [("REJECT", ("RUS",), ())]),
    ],
)  # fmt: skip
def test_blocking_vessels_handing_back_detainees_and_gifts(nlp, text: str, expected) -> None:
    assert _coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway summoned the Iranian ambassador on Monday. The Government calls on the "
         "Iranian authorities to release the detained sailors.",
         ("REQUEST", ("NOR",), ("IRN",))),
        ("Burundi rejected the resolution on Wednesday. The Government expresses its deep "
         "gratitude to China and Cuba for their solidarity.",
         ("SUPPORT", ("BDI",), ("CHN", "CUB"))),
    ],
)  # fmt: skip
def test_a_releases_capitalised_government_is_the_issuing_states(
    nlp, text: str, expected: tuple
) -> None:
    assert expected in _coded(nlp, text)


def test_news_lower_case_government_is_not_read_as_the_last_doers(nlp) -> None:
    # "the government" of news may be any state's: here Malawi's, not Kenya's
    text = "Kenya sent aid to Malawi on Monday. The government thanked Nairobi for the support."
    assert [c for c in _coded(nlp, text) if c[0] == "SUPPORT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Peru has been tense since March, when rallies against the new tax were met with a harsh "
        "crackdown.",
        "Thailand's decision to close the crossing was met with anger in Phnom Penh.",
    ],
)
def test_what_an_act_was_met_with_is_a_reaction_not_a_meeting(nlp, text: str) -> None:
    assert not [e for e in _events(nlp, text) if e.event in {"CONSULT", "AGREE"}]


def test_a_meeting_with_a_counterpart_is_still_a_meeting(nlp) -> None:
    text = "Ghana's foreign minister met with her Togolese counterpart in Lome on Tuesday."
    assert _coded(nlp, text) == [("CONSULT", ("GHA",), ("TGO",))]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "The EU's foreign policy chief urged Russia to lift its blockade of Ukraine's ports.",
            (("IGO:EU",), ("RUS",)),
        ),
        (
            "The German and French ministers called on Serbia to withdraw its police from "
            "northern Kosovo.",
            (("DEU", "FRA"), ("SRB",)),
        ),
    ],
)
def test_a_request_is_addressed_to_whom_it_asks_not_to_whom_the_act_concerns(
    nlp, text: str, sides: tuple
) -> None:
    assert [(e.actor, e.recipient) for e in _events(nlp, text) if e.event == "REQUEST"] == [sides]


@pytest.mark.parametrize(
    "text",
    [
        "Talks in Accra\n\nGhana's foreign minister met her Togolese counterpart on Monday. They "
        "agreed to set up a joint commission on the border.",
        "Talks in Lima\n\nThe Peruvian minister spoke with Bolivia's foreign minister by phone on "
        "Friday. They agreed to reopen the Desaguadero crossing.",
    ],
)
def test_they_after_a_meeting_are_both_sides(nlp, text: str) -> None:
    agreed = [e for e in _events(nlp, text) if e.event == "AGREE"]
    assert len(agreed) == 1 and len(set(agreed[0].actor) | set(agreed[0].recipient)) == 2


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Talks in Accra\n\nGhana's foreign minister spoke with the Nigerian foreign minister "
            "on Thursday. Both officials agreed to set up a working group on trade.",
            {"GHA", "NGA"},
        ),
        (
            "Talks in Lima\n\nPeru's envoy met the Chilean ambassador on Monday. The two envoys "
            "agreed to meet again in March.",
            {"PER", "CHL"},
        ),
    ],
)
def test_both_officials_are_the_two_sides(nlp, text: str, sides: set) -> None:
    agreed = [e for e in _events(nlp, text) if e.event == "AGREE"]
    assert agreed and set(agreed[-1].actor) | set(agreed[-1].recipient) == sides


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Thai army units near the temple were placed on high alert on Wednesday.", ("THA",)),
        ("Pakistan's air force was put on maximum alert on Tuesday.", ("PAK",)),
    ],
)
def test_forces_put_on_alert_are_mobilised_by_their_state(nlp, text: str, doer: tuple) -> None:
    assert _coded(nlp, text) == [("MOBILIZE", doer, ())]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Thailand and Cambodia have quarrelled over the temple for decades. Thai army units "
            "near it were placed on high alert on Wednesday.",
            (("THA",), ("KHM",)),
        ),
        (
            "India accused Pakistan on Monday of shelling border villages. On Tuesday the "
            "Indian army sent reinforcements to the frontier.",
            (("IND",), ("PAK",)),
        ),
    ],
)
def test_forces_readied_face_the_other_side_in_the_news(nlp, text: str, sides: tuple) -> None:
    [mobilised] = [e for e in _events(nlp, text) if e.event == "MOBILIZE"]
    assert (mobilised.actor, mobilised.recipient) == sides


def test_police_sent_into_the_capital_face_no_state(nlp) -> None:
    text = (
        "Kenya and Uganda argued over fishing rights on Monday. Kenya deployed riot police in "
        "Nairobi on Tuesday as protests over taxes grew."
    )
    [mobilised] = [e for e in _events(nlp, text) if e.event == "MOBILIZE"]
    assert mobilised.recipient == ()


@pytest.mark.parametrize(
    "text",
    [
        "Ankara dismissed talk of an economic war with the Netherlands on Monday.",
        "In Nairobi there was renewed talk of a trade war with Tanzania.",
    ],
)
def test_talk_of_something_is_speculation_not_talks(nlp, text: str) -> None:
    assert "CONSULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The first round of talks between Kenya and Uganda ended in Kampala on Monday.",
        "A new round of talks between Chile and Bolivia opened in La Paz on Tuesday.",
    ],
)
def test_a_round_of_talks_is_still_talks(nlp, text: str) -> None:
    assert "CONSULT" in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign ministry refused to comment on the Ugandan report.",
        "Peru's foreign ministry declined to comment on the Chilean proposal on Monday.",
    ],
)
def test_declining_to_comment_refuses_no_one(nlp, text: str) -> None:
    assert "REJECT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile declined to confirm whether its ambassador to Peru had been recalled.",
        "It was not clear whether Kenya had closed its border with Somalia.",
    ],
)
def test_what_whether_asks_is_not_stated(nlp, text: str) -> None:
    stated = [e for e in _events(nlp, text) if e.tense != "hypothetical" and not e.negated]
    assert not stated, stated


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Ghana sent Togo a note that asked Lome to reopen the border crossing at once.",
            (("GHA",), ("TGO",)),
        ),
        (
            "Ottawa issued a statement on Friday which urged the Saudi authorities to free the "
            "jailed activists.",
            (("CAN",), ("SAU",)),
        ),
    ],
)
def test_a_document_that_asks_is_its_issuer_asking(nlp, text: str, sides: tuple) -> None:
    assert ("REQUEST", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say Kenya is unlikely to pull its troops out of Somalia this year.",
        "Diplomats said that if Caracas were to send warships into the block, drilling would stop.",
    ],
)
def test_a_guess_or_a_supposition_states_no_act(nlp, text: str) -> None:
    stated = [e for e in _events(nlp, text) if e.tense != "hypothetical" and not e.negated]
    assert not stated, stated


@pytest.mark.parametrize(
    "text",
    [
        "Jakarta has long restricted foreign journalists' access to Papua.",
        "Morocco has long opposed a referendum on independence for Western Sahara.",
    ],
)
def test_what_a_state_has_long_done_is_a_standing_policy(nlp, text: str) -> None:
    assert not _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "A State Department spokesman said the same day that Washington backed Guyana's "
            "right to develop its oil fields.",
            (("USA",), ("GUY",)),
        ),
        (
            "A Kenyan government spokesman said the same week that Nairobi backed Somalia's "
            "right to hold elections.",
            (("KEN",), ("SOM",)),
        ),
    ],
)
def test_that_opening_a_reported_clause_is_not_its_object(nlp, text: str, sides: tuple) -> None:
    assert ("SUPPORT", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Senegal endorsed Morocco's autonomy plan for Western Sahara.", (("SEN",), ("MAR",))),
        ("France endorsed Germany's aid package for Ukraine.", (("FRA",), ("DEU",))),
    ],
)
def test_backing_a_states_proposal_supports_that_state_only(nlp, text: str, sides: tuple) -> None:
    assert [e for e in _coded(nlp, text) if e[0] == "SUPPORT"] == [("SUPPORT", *sides)]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("India deployed thousands of soldiers along the Line of Control.", ("IND",)),
        ("Kenya ordered additional army units to the border on Friday.", ("KEN",)),
        ("Ghana deployed two warships off its eastern coast on Monday.", ("GHA",)),
    ],
)
def test_forces_deployed_or_ordered_forward_are_mobilised(nlp, text: str, doer: tuple) -> None:
    assert [e.actor for e in _events(nlp, text) if e.event == "MOBILIZE"] == [doer]


def test_troops_ordered_back_are_not_mobilised(nlp) -> None:
    text = "Kenya ordered its troops to withdraw from the border on Friday."
    assert "MOBILIZE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Kenya recalled its ambassador to Somalia on Saturday. The African Union's chief "
            "appealed to both neighbours on Sunday to exercise restraint.",
            {"KEN", "SOM"},
        ),
        (
            "Serbia expelled a Croatian diplomat on Friday. The European Union urged the two "
            "rivals to calm tensions.",
            {"SRB", "HRV"},
        ),
    ],
)
def test_both_neighbours_and_the_two_rivals_are_the_pair(nlp, text: str, asked: set) -> None:
    requests = [e for e in _events(nlp, text) if e.event == "REQUEST"]
    assert len(requests) == 1 and set(requests[0].recipient) == asked


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Fiji row\n\nFiji expelled Australia's high commissioner on Tuesday. The interim "
            "government accused Canberra of meddling in the courts.",
            (("FJI",), ("AUS",)),
        ),
        (
            "Niger row\n\nNiger closed its airspace on Sunday. The junta accused ECOWAS of "
            "preparing an invasion.",
            (("NER",), ("IGO:ECOWAS",)),
        ),
    ],
)
def test_the_junta_is_the_state_the_story_was_about(nlp, text: str, sides: tuple) -> None:
    assert ("ACCUSE", *sides) in _coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Sahel row\n\nFrance suspended its development aid to Mali on Friday. The junta accused "
        "Paris of interference.",
        "Syria row\n\nThe United States imposed new sanctions on Damascus. The regime condemned "
        "the move.",
    ],
)
def test_the_junta_after_another_states_act_is_not_that_state(nlp, text: str) -> None:
    first = _events(nlp, text)[0].actor
    assert not [e for e in _events(nlp, text)[1:] if e.actor == first], _coded(nlp, text)


def test_a_plain_government_after_another_state_is_not_read_as_it(nlp) -> None:
    text = (
        "Fiji row\n\nFiji expelled Australia's high commissioner on Tuesday. The government "
        "accused Canberra of meddling in the courts."
    )
    assert "ACCUSE" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "The European Union announced on Sunday an extra 40 million euros for the African "
            "Union's peace missions.",
            (("IGO:EU",), ("IGO:AU",)),
        ),
        (
            "Norway's minister announced an additional contribution of 30 million dollars to "
            "Brazil's forest fund.",
            (("NOR",), ("BRA",)),
        ),
    ],
)
def test_money_announced_for_another_is_aid(nlp, text: str, sides: tuple) -> None:
    assert ("AID", *sides) in _coded(nlp, text)


def test_money_named_in_a_deal_is_no_aid(nlp) -> None:
    text = "Kenya announced a 2 billion dollar trade deal with China on Monday."
    assert "AID" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Nigeria's president dispatched a special envoy to Pretoria on Thursday to convey "
            "his concern.",
            {"NGA", "ZAF"},
        ),
        ("Kenya sent an envoy to Addis Ababa on Monday with a message.", {"KEN", "ETH"}),
    ],
)
def test_an_envoy_sent_to_a_capital_visits_its_state(nlp, text: str, sides: set) -> None:
    visits = [e for e in _events(nlp, text) if e.event == "CONSULT"]
    assert len(visits) == 1 and set(visits[0].actor) | set(visits[0].recipient) == sides


def test_a_letter_sent_to_an_envoy_is_no_visit(nlp) -> None:
    assert "CONSULT" not in _kinds(nlp, "Ghana sent a letter to the Ugandan envoy on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "Leaders gathered in the Ethiopian capital, where Kenya's president took over the "
        "rotating African Union chairmanship from his Ugandan counterpart.",
        "Ministers met at the port city on Friday, when Peru's foreign minister took over the "
        "forum's presidency from Chile.",
    ],
)
def test_a_place_where_someone_took_over_a_post_was_not_seized(nlp, text: str) -> None:
    assert "ASSAULT" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Armenia complained on Monday about the village that Azerbaijani troops took over in May.",
        "Ukraine vowed to recover the airport, which Russian forces took over in March.",
    ],
)
def test_a_place_that_someone_took_over_was_seized(nlp, text: str) -> None:
    assert "ASSAULT" in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Latvia and Lithuania voiced support for Tallinn in separate statements on Thursday.",
            [("SUPPORT", ("LVA",), ("EST",)), ("SUPPORT", ("LTU",), ("EST",))],
        ),
        (
            "Norway and Sweden each condemned Russia's strikes on Ukraine.",
            [("ACCUSE", ("NOR",), ("RUS",)), ("ACCUSE", ("SWE",), ("RUS",))],
        ),
        (
            "The ministers of Kenya and Uganda separately met the Ethiopian prime minister on "
            "Monday.",
            [("CONSULT", ("KEN",), ("ETH",)), ("CONSULT", ("UGA",), ("ETH",))],
        ),
    ],
)
def test_doers_acting_one_by_one_are_an_event_each(nlp, text: str, expected: list) -> None:
    assert _coded(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo both accused Burkina Faso of harbouring militants.",
        "Mali and Niger condemned the sanctions on Guinea in a joint communique.",
    ],
)
def test_doers_acting_together_are_one_event(nlp, text: str) -> None:
    [(_kind, actor, _recipient)] = _coded(nlp, text)
    assert len(actor) == 2


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Peru gave the Mexican envoy three days to depart, the foreign ministry said.",
            (("PER",), ("MEX",)),
        ),
        (
            "Kenya on Friday gave Somalia's ambassador 72 hours to leave the country.",
            (("KEN",), ("SOM",)),
        ),
        (
            "Kenya on Saturday asked the Somali envoy to go home.",
            (("KEN",), ("SOM",)),
        ),
        (
            "Ghana told the Togolese ambassador on Monday to go back to Lome.",
            (("GHA",), ("TGO",)),
        ),
    ],
)
def test_an_envoy_given_hours_to_leave_or_asked_to_go_home_is_expelled(
    nlp, text: str, sides: tuple
) -> None:
    expelled = _one(nlp, text, "SANCTION")
    assert (expelled.mode, expelled.actor, expelled.recipient) == ("expel", *sides)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's government gave the protesters two hours to leave the square.",
        "Chile gave Bolivia's ambassador a letter for his president.",
        "The ministry asked the ambassador to go to the foreign ministry on Monday.",
        "The president told the crowd to go home.",
    ],
)
def test_others_leaving_or_an_envoy_sent_elsewhere_is_no_expulsion(nlp, text: str) -> None:
    assert "SANCTION" not in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "The African Union met in Addis Ababa. Kenya demanded that Somalia withdraw its "
            'troops from the border. "Failure to do so will bring a firm response," Kenya\'s '
            "foreign minister said.",
            (("KEN",), ("SOM",)),
        ),
        (
            "The European Union discussed the crisis. Britain demanded that Iran release the "
            'tanker. "Refusal to comply would bring serious consequences," British Foreign '
            "Secretary Jeremy Hunt said.",
            (("GBR",), ("IRN",)),
        ),
    ],
)
def test_the_price_of_failing_is_threatened_to_whom_was_asked(nlp, text: str, sides: tuple) -> None:
    threat = _one(nlp, text, "THREATEN")
    assert (threat.actor, threat.recipient) == sides


@pytest.mark.parametrize(
    ("text", "body", "city"),
    [
        ("The African Union met in Addis Ababa on Monday.", "IGO:AU", "Addis Ababa"),
        ("NATO defence ministers held talks in Brussels on Tuesday.", "IGO:NATO", "Brussels"),
    ],
)
def test_an_organisation_meeting_at_its_seat_is_hosted_by_no_state(
    nlp, text: str, body: str, city: str
) -> None:
    meeting = _one(nlp, text, "CONSULT")
    assert (meeting.actor, meeting.recipient, meeting.place) == ((body,), (), city)


def test_an_organisation_meeting_away_from_its_seat_is_hosted(nlp) -> None:
    meeting = _one(nlp, "CSTO foreign ministers met in Yerevan on Monday.", "CONSULT")
    assert (meeting.actor, meeting.recipient) == (("IGO:CSTO",), ("ARM",))


def test_an_organisation_meeting_at_its_seat_and_hosted_by_its_state_is_hosted(nlp) -> None:
    text = "An African Union summit opened in Addis Ababa on Sunday, hosted by Ethiopia."
    meeting = _one(nlp, text, "CONSULT")
    assert set(meeting.actor + meeting.recipient) == {"IGO:AU", "ETH"}


@pytest.mark.parametrize(
    ("text", "mediator", "sides"),
    [
        (
            "The presidents of Rwanda and Uganda met in talks facilitated by Angola on Saturday.",
            ("AGO",),
            ("RWA", "UGA"),
        ),
        (
            "The foreign ministers of Armenia and Azerbaijan met in Geneva in talks mediated by "
            "Switzerland.",
            ("CHE",),
            ("ARM", "AZE"),
        ),
    ],
)
def test_sides_meeting_in_talks_a_third_party_brought_about_meet_it(
    nlp, text: str, mediator: tuple, sides: tuple
) -> None:
    [meeting] = [e for e in _events(nlp, text) if e.event == "CONSULT"]
    assert (meeting.mode, meeting.actor, meeting.recipient) == ("third-party", mediator, sides)


@pytest.mark.parametrize(
    ("text", "modes"),
    [
        (
            "India withdrew its ambassador from Ottawa on Monday and expelled six Canadian "
            "diplomats.",
            {"withdraw", "expel"},
        ),
        (
            "Saudi Arabia gave Canada's ambassador 24 hours to leave on Monday. The Saudi "
            "ministry said it was also recalling its own ambassador from Ottawa.",
            {"expel", "withdraw"},
        ),
    ],
)
def test_two_measures_taken_the_same_day_are_two_events(nlp, text: str, modes: set) -> None:
    measures = [e for e in _events(nlp, text) if e.event == "SANCTION"]
    assert {e.mode for e in measures} == modes and len(measures) == 2


def test_one_measure_told_twice_is_one_event(nlp) -> None:
    text = (
        "Saudi Arabia expelled Canada's ambassador on Monday. The Saudi ministry said it had "
        "ordered the envoy out."
    )
    assert len([e for e in _events(nlp, text) if e.event == "SANCTION"]) == 1


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("India withdrew its High Commissioner from Ottawa on Monday.", (("IND",), ("CAN",))),
        ("Fiji recalled its high commissioner from Canberra on Tuesday.", (("FJI",), ("AUS",))),
    ],
)
def test_a_high_commissioner_is_an_envoy(nlp, text: str, sides: tuple) -> None:
    recall = _one(nlp, text, "SANCTION")
    assert (recall.mode, recall.actor, recall.recipient) == ("withdraw", *sides)
