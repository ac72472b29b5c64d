"""Agreements: instrument titles, the action each sentence reports on them, and its date.

Texts are written for these tests, two differently worded examples per rule; the pinned model
parses them.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from communique.model import Article, Instrument
from communique.nlp import analyse

from .conftest import Pipelines

pytestmark = pytest.mark.model

DAY = date(2024, 7, 10)


@pytest.fixture(scope="module")
def nlp(pipelines: Pipelines) -> Language:
    """The packaged pipeline, fresh for this module (built once per session: see conftest)."""
    return pipelines.fresh()


def _instruments(nlp, text: str) -> list[Instrument]:
    article = Article(
        id="a", doc="a.txt", text=text, title=None, published=DAY, language="en", publisher=None
    )
    [(_article, analysis)] = list(analyse([article], nlp))
    return list(analysis.instruments)


def _pairs(nlp, text: str) -> set[tuple[str, str]]:
    return {(i.title, i.action) for i in _instruments(nlp, text)}


def _one(nlp, text: str, action: str) -> Instrument:
    found = [i for i in _instruments(nlp, text) if i.action == action]
    assert len(found) == 1, _instruments(nlp, text)
    return found[0]


# titles follow the parse


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Peru and Bolivia signed the Agreement on Visa-Free Travel in the Border Zone.",
            "Agreement on Visa-Free Travel",
        ),
        (
            "Oman ratified the Treaty of Amity, Commerce and Navigation with Portugal.",
            "Treaty of Amity, Commerce and Navigation",
        ),
    ],
)
def test_title_keeps_joined_words_and_lists_of_names(nlp, text: str, title: str) -> None:
    [instrument] = _instruments(nlp, text)
    assert instrument.title.startswith(title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Security Council unanimously adopted Resolution 2417 on Tuesday.", "Resolution 2417"),
        ("Resolution 1540 was carried without a vote.", "Resolution 1540"),
    ],
)
def test_a_number_after_the_noun_names_the_instrument(nlp, text: str, title: str) -> None:
    instrument = _one(nlp, text, "adopted")
    assert instrument.title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Senegal and Gambia signed a protocol on fisheries in Banjul.", "protocol on fisheries"),
        (
            "Chile and Peru agreed on a road map to settle their dispute in March 2022.",
            "road map to settle their dispute",
        ),
    ],
)
def test_title_stops_at_where_and_when(nlp, text: str, title: str) -> None:
    [instrument] = _instruments(nlp, text)
    assert instrument.title == title


def test_title_holds_no_line_break(nlp) -> None:
    text = "Vietnam and Cambodia sign Border Treaty\n\nHanoi and Phnom Penh signed it on Monday."
    titles = {i.title for i in _instruments(nlp, text)}
    assert all("\n" not in title for title in titles) and titles


@pytest.mark.parametrize(
    ("text", "title", "day"),
    [
        (
            "On 5 May 2023 the ministers adopted a road map for energy cooperation until 2030.",
            "road map for energy cooperation",
            date(2023, 5, 5),
        ),
        (
            "On 2 February 2024, Ghana approved the Action Plan for 2025-2027.",
            "Action Plan for 2025-2027",
            date(2024, 2, 2),
        ),
    ],
)
def test_a_term_is_part_of_the_title_not_the_date_of_the_act(
    nlp, text: str, title: str, day: date
) -> None:
    instrument = _one(nlp, text, "adopted")
    assert instrument.title == title and instrument.when.start == day


# the action far from the title


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        (
            "Relations rest on the Treaty of Perpetual Peace, which the two kings signed in 1905.",
            "Treaty of Perpetual Peace",
            1905,
        ),
        (
            "The Andes Accord, signed by Ecuador and Peru in 1998, still holds.",
            "Andes Accord",
            1998,
        ),
    ],
)
def test_a_clause_on_the_name_reports_its_action_and_date(nlp, text, title, year) -> None:
    instrument = _one(nlp, text, "signed")
    assert instrument.title == title and instrument.when.start.year == year


def test_an_undated_relative_clause_is_background(nlp) -> None:
    text = "Norway backs the Declaration on Arctic Shipping, which was signed at an earlier summit."
    assert {i.action for i in _instruments(nlp, text)} == {"referenced"}


@pytest.mark.parametrize(
    "text",
    [
        "It includes an additional protocol to the Convention on Inland Navigation, "
        "signed in Vienna on 4 May 1999, on river pilots.",
        "The set holds a supplementary agreement to the Convention on Inland Navigation, "
        "which was signed in Vienna "
        "on 4 May 1999, on lock fees.",
    ],
)
def test_a_clause_after_a_nested_name_belongs_to_it(nlp, text: str) -> None:
    instrument = _one(nlp, text, "signed")
    assert instrument.title == "Convention on Inland Navigation"
    assert instrument.when.start == date(1999, 5, 4)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Chile, Peru sign border treaty\nLIMA - The presidents of Chile and Peru on Monday signed "
         "a border treaty ending a long dispute. The Treaty on the State Border of Chile and Peru "
         "fixes the line at sea.", "Treaty on the State Border of Chile and Peru"),
        ("Ghana and Togo signed a friendship pact on Monday. The Pact of Friendly Relations "
         "commits both states to settle disputes peacefully.", "Pact of Friendly Relations"),
    ],
)  # fmt: skip
def test_a_described_instrument_acted_on_is_the_one_the_text_names(nlp, text, title) -> None:
    assert _one(nlp, text, "signed").title == title


def test_a_description_takes_no_name_it_shares_no_word_with(nlp) -> None:
    text = (
        "Kenya and Uganda signed a trade agreement on Tuesday. Both remain members of the "
        "Agreement on the East African Customs Union."
    )
    assert _one(nlp, text, "signed").title == "trade agreement"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The ratification of the Treaty of Quito by Peru's Congress on Friday cleared the way "
         "for its entry into force.", "Treaty of Quito"),
        ("Approval of the Convention on Cross-Border Rivers by Nigeria's Senate came on "
         "Thursday.", "Convention on Cross-Border Rivers"),
        ("Chile signed the Convention on the Carriage of Goods by Sea in 1990.",
         "Convention on the Carriage of Goods by Sea"),
    ],
)  # fmt: skip
def test_who_acted_on_an_instrument_is_not_part_of_its_title(nlp, text, title) -> None:
    assert {t for t, _action in _pairs(nlp, text)} == {title}


@pytest.mark.parametrize(
    ("text", "title", "action", "day"),
    [
        # a noun of approval by a legislature, or of entry into force
        ("Approval of the Convention on Cross-Border Rivers by Nigeria's Senate came on "
         "Thursday.", "Convention on Cross-Border Rivers", "ratified", date(2024, 7, 4)),
        ("The Senate's approval of the Treaty of Quito on Thursday was unanimous.",
         "Treaty of Quito", "ratified", date(2024, 7, 4)),
        ("The entry into force of the Treaty of Quito on 1 May ended the dispute.",
         "Treaty of Quito", "entered_into_force", date(2024, 5, 1)),
        ("Ghana celebrated the entry into force of the Pact on Coastal Fisheries on Friday.",
         "Pact on Coastal Fisheries", "entered_into_force", date(2024, 7, 5)),
        # a clause on a bare "the treaty" that names it again
        ("The Treaty of Quito fixes the border. The treaty, signed in Lima on Monday, also opens "
         "two crossings.", "Treaty of Quito", "signed", date(2024, 7, 8)),
        ("Kenya and Uganda back the Protocol on Lake Fisheries. The protocol, which both "
         "ratified in March, limits net sizes.", "Protocol on Lake Fisheries", "ratified",
         date(2024, 3, 1)),
    ],
)  # fmt: skip
def test_an_act_told_apart_from_the_name_acts_on_it(
    nlp, text: str, title: str, action: str, day: date
) -> None:
    """A noun of approval or of entry into force, or a clause on "the treaty" named before."""
    found = _one(nlp, text, action)
    assert (found.title, found.when.start) == (title, day)


def test_a_clause_on_the_bare_noun_saying_what_it_does_is_no_act(nlp) -> None:
    text = (
        "The Treaty of Quito fixes the border. The treaty, which sets out the line, also opens "
        "two crossings."
    )
    assert {i.action for i in _instruments(nlp, text)} == {"referenced"}


@pytest.mark.parametrize(
    ("text", "title", "first", "second"),
    [
        ("The Agreement on Grain Corridors, ratified in 2017, came into force in 2018.",
         "Agreement on Grain Corridors", ("ratified", 2017), ("entered_into_force", 2018)),
        ("The Protocol on Lake Fisheries, ratified last year, took effect in May.",
         "Protocol on Lake Fisheries", ("ratified", 2023), ("entered_into_force", 2024)),
    ],
)  # fmt: skip
def test_a_participle_set_off_by_commas_acts_on_the_name_the_parse_makes_its_subject(
    nlp, text: str, title: str, first: tuple, second: tuple
) -> None:
    found = {(i.title, i.action, i.when.start.year) for i in _instruments(nlp, text)}
    assert found == {(title, *first), (title, *second)}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The Treaty of Quito entered into force on 1 May, three months after Ecuador ratified "
         "it.", date(2024, 2, 1)),
        ("The Pact on Coastal Fisheries took effect on 4 May 2021, a week after Ghana signed it.",
         date(2021, 4, 27)),
    ],
)  # fmt: skip
def test_an_act_after_which_the_instrument_took_effect_is_dated_back_from_it(
    nlp, text: str, day: date
) -> None:
    [act] = [i for i in _instruments(nlp, text) if i.action != "entered_into_force"]
    assert act.when.start == day


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        ("Both sides hope to finish work soon on a protocol amending the Agreement on the "
         "Protection of Migratory Birds.",
         "protocol amending the Agreement on the Protection of Migratory Birds",
         "Agreement on the Protection of Migratory Birds"),
        ("Chile and Peru signed the Additional Protocol to the Treaty of Lima on Monday.",
         "Additional Protocol to the Treaty of Lima", "Treaty of Lima"),
    ],
)  # fmt: skip
def test_the_instrument_another_amends_is_referenced_too(nlp, text, outer, inner) -> None:
    pairs = _pairs(nlp, text)
    assert (inner, "referenced") in pairs and any(title == outer for title, _a in pairs)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("New Zealand and Chile signed the Digital Economy Partnership Agreement in 2020.",
         "Digital Economy Partnership Agreement"),
        ("The ministers endorsed the joint statement «Towards a New Charter of Friendship in the "
         "21st Century».", "Towards a New Charter of Friendship in the 21st Century"),
    ],
)  # fmt: skip
def test_a_word_of_a_title_or_a_quoted_name_is_no_second_instrument(nlp, text, title) -> None:
    assert {t for t, _action in _pairs(nlp, text)} == {title}


@pytest.mark.parametrize(
    ("text", "title", "action"),
    [
        ("Mexico welcomed the Treaty of Tlatelolco. The treaty's entry into force came in 1969.",
         "Treaty of Tlatelolco", "entered_into_force"),
        ("Talks focused on progress in the negotiations on the Andean Trade Pact.",
         "Andean Trade Pact", "drafted"),
        ("The ministers attended the signing of the Convention on Desert Locusts.",
         "Convention on Desert Locusts", "signed"),
        ("The State Duma approved the ratification of the treaty on the union state.",
         "treaty on the union state", "ratified"),
    ],
)  # fmt: skip
def test_a_nominal_action_governs_the_name(nlp, text, title, action) -> None:
    assert (title, action) in _pairs(nlp, text)


# the instrument referred to again


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Fiji and Tonga drew up the Pacific Fisheries Pact. The document was signed in May.",
         "signed"),
        ("Chile signed the Escazu Agreement in 2018 and ratified it in 2022.", "ratified"),
    ],
)  # fmt: skip
def test_a_later_mention_reports_on_the_named_instrument(nlp, text: str, action: str) -> None:
    titles = {i.title for i in _instruments(nlp, text) if i.action == action}
    assert len(titles) == 1 and next(iter(titles)) in text


@pytest.mark.parametrize(
    "text",
    [
        "It was agreed that the Pacific Fisheries Pact talks would resume in 2025.",
        "The Danube Charter is always renewed by the riparian states.",
    ],
)
def test_an_expletive_or_habitual_is_no_act(nlp, text: str) -> None:
    assert {i.action for i in _instruments(nlp, text)} <= {"referenced", "drafted"}


# sets of instruments


@pytest.mark.parametrize(
    "text",
    [
        "The texts were signed in Lima on 4 March 2023. They include an accord on fisheries; "
        "a memorandum on tourism; and a memorandum of understanding on mining in the north.",
        "Bolivia and Chile signed eleven documents on 4 March 2023. The package comprises an "
        "agreement on fisheries, a memorandum on tourism and a memorandum on mining.",
    ],
)
def test_listed_instruments_take_the_action_and_date_of_their_set(nlp, text: str) -> None:
    signed = [i for i in _instruments(nlp, text) if i.action == "signed"]
    assert len(signed) == 3
    assert {i.when.start for i in signed} == {date(2023, 3, 4)}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Japan and India signed five memoranda of understanding on health, transport and "
         "culture.", "memoranda of understanding on health, transport and culture"),
        ("Uganda and Rwanda concluded three agreements on customs and energy on Friday.",
         "agreements on customs and energy"),
    ],
)  # fmt: skip
def test_a_counted_set_without_a_list_is_one_record(nlp, text: str, title: str) -> None:
    instrument = _one(nlp, text, "signed")
    assert instrument.title == title


@pytest.mark.parametrize(
    "text",
    [
        "Nepal and Bhutan signed a transit agreement and a treaty on hydropower trade.",
        "The two presidents adopted the Thimphu Declaration and a joint plan on tourism.",
    ],
)
def test_conjoined_instruments_share_the_verb(nlp, text: str) -> None:
    actions = [i.action for i in _instruments(nlp, text)]
    assert len(actions) == 2 and len(set(actions)) == 1 and actions[0] != "referenced"


@pytest.mark.parametrize(
    "text",
    [
        "Iceland signed the Treaty on Fisheries Cooperation on 3 May 2024. Iceland and Norway "
        "signed the Treaty on Fisheries Cooperation on 3 May 2024 in Reykjavik.",
        "Iceland signed the Treaty on the Fisheries Cooperation on 3 May 2024, having signed "
        "the Treaty on Fisheries Cooperation on that day.",
    ],
)
def test_one_record_per_instrument_action_and_date(nlp, text: str) -> None:
    assert len([i for i in _instruments(nlp, text) if i.action == "signed"]) == 1


# lifecycle words


@pytest.mark.parametrize(
    "text",
    [
        "In a joint statement released after the talks, Chile and Argentina called for calm.",
        "According to the joint communique, Laos and Vietnam will expand rail links.",
    ],
)
def test_a_joint_statement_cited_as_a_source_was_issued(nlp, text: str) -> None:
    instrument = _one(nlp, text, "adopted")
    assert instrument.title.startswith("joint")


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria and Ghana are set to sign a trade pact next month.",
        "They agreed that the accord on river transport should be formalised during 2025.",
    ],
)
def test_set_to_and_should_are_planned(nlp, text: str) -> None:
    assert _one(nlp, text, "planned")


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The ceasefire agreement brokered by Qatar took effect on Sunday.",
         "entered_into_force"),
        ("The 12-point peace plan put forward by Brazil in May 2023 was welcomed.", "proposed"),
        ("The two leaders put their signatures to the Treaty of Asuncion.", "signed"),
        ("Delegations initialled the text of the Comprehensive Partnership Agreement.",
         "drafted"),
        ("Morocco joined the Abraham Accords in December 2020.", "signed"),
    ],
)  # fmt: skip
def test_the_verb_phrase_gives_the_action(nlp, text: str, action: str) -> None:
    assert _one(nlp, text, action)


@pytest.mark.parametrize(
    "text",
    [
        '"The friendship treaty will carry our ties forward," the president said.',
        "The envoys welcomed a proposal to accede to the Charter of Paris in due course.",
    ],
)
def test_no_act_where_the_text_is_the_doer_or_the_act_only_proposed(nlp, text: str) -> None:
    named = [i for i in _instruments(nlp, text) if "Charter" in i.title or "treaty" in i.title]
    assert named and {i.action for i in named} == {"referenced"}


@pytest.mark.parametrize(
    "text",
    [
        "They discussed conflict resolution within the framework of the partnership.",
        "Cooperation developed within the framework of the union.",
    ],
)
def test_common_phrases_name_no_instrument(nlp, text: str) -> None:
    assert _instruments(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Both sides praised the Indo-Pacific Economic Framework.",
         "Indo-Pacific Economic Framework"),
        ("Officials recalled the Oslo Accords.", "Oslo Accords"),
    ],
)  # fmt: skip
def test_capitalised_names_of_frameworks_and_plural_accords(nlp, text: str, title: str) -> None:
    assert (title, "referenced") in _pairs(nlp, text)


# dates and repeats


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Ghana, which hosted the 2019 summit, signed the Accra Fisheries Accord on Monday.",
            date(2024, 7, 8),
        ),
        (
            "After the 2016 referendum in Colombia, Ecuador adopted the Andean Water Charter "
            "on Friday.",
            date(2024, 7, 5),
        ),
    ],
)
def test_the_act_takes_the_date_attached_to_its_verb(nlp, text: str, day: date) -> None:
    [record] = [i for i in _instruments(nlp, text) if i.action != "referenced"]
    assert record.when is not None and record.when.start == record.when.end == day


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Mongolia, Japan sign transit pact on rail freight\nMongolia and Japan on Monday "
            "signed an agreement on the transit of rail freight across their borders.",
            "agreement on the transit of rail freight",
        ),
        (
            "Vietnam and Laos sign border treaty\nVietnam and Laos signed a treaty on their "
            "land border on Monday.",
            "treaty on their land border",
        ),
        (
            "Kenya and Uganda sign four MoUs worth $2 billion\nKenya and Uganda on Tuesday "
            "signed four memoranda of understanding on trade, energy and health.",
            "memoranda of understanding on trade, energy and health",
        ),
    ],
)
def test_a_headline_repeating_the_body_is_one_record(nlp, text: str, title: str) -> None:
    [record] = [i for i in _instruments(nlp, text) if i.action == "signed"]
    assert record.title == title and record.when is not None
    assert not record.when.from_publication


@pytest.mark.parametrize(
    "text",
    [
        "Every one of those demands is contained in the communiqué of last month's SADC "
        "summit in Gaborone.",
        "The conditions for lifting the sanctions were contained in the communique of the "
        "ministerial meeting of the Gulf states in Doha.",
    ],
)
def test_a_communique_named_by_its_meeting_and_cited_was_adopted(nlp, text: str) -> None:
    [record] = _instruments(nlp, text)
    assert record.kind == "statement" and record.action == "adopted"
    assert record.title.startswith("communiqu")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Diplomats from Chile and Peru were still working on the text of the Joint "
            "Declaration on Pacific Fisheries.",
            "Joint Declaration on Pacific Fisheries",
        ),
        (
            "Officials in Hanoi are working on the Joint Statement on Mekong Water Security "
            "ahead of the visit.",
            "Joint Statement on Mekong Water Security",
        ),
    ],
)
def test_working_on_a_text_is_drafting_it(nlp, text: str, title: str) -> None:
    assert _pairs(nlp, text) == {(title, "drafted")}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The draft of the Pacific Maritime Convention will be submitted to the leaders for "
            "approval in May.",
            "Pacific Maritime Convention",
        ),
        (
            "Kenya will submit the draft Protocol on Cross-Border Trade to parliament for "
            "ratification.",
            "Protocol on Cross-Border Trade",
        ),
    ],
)
def test_a_text_submitted_for_approval_is_planned(nlp, text: str, title: str) -> None:
    assert _pairs(nlp, text) == {(title, "planned")}


def test_a_text_submitted_for_no_act_is_proposed(nlp) -> None:
    text = "The government submitted the Fisheries Agreement with Norway to the committee."
    assert _pairs(nlp, text) == {("Fisheries Agreement with Norway", "proposed")}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The Treaty of Good-Neighbourliness and Friendly Cooperation, which runs for 15 "
            "years, binds the two states.",
            "Treaty of Good-Neighbourliness and Friendly Cooperation",
        ),
        (
            "Estonia and Latvia signed the Treaty of Amity and Friendly Relations on Monday.",
            "Treaty of Amity and Friendly Relations",
        ),
    ],
)
def test_a_proper_title_keeps_a_last_word_the_parser_hung_elsewhere(
    nlp, text: str, title: str
) -> None:
    assert title in {i.title for i in _instruments(nlp, text)}


def test_a_date_after_a_proper_title_is_not_part_of_it(nlp) -> None:
    text = "Peru signed the Lima Accord Monday and Chile the Santiago Protocol."
    assert ("Lima Accord", "signed") in _pairs(nlp, text)


# chains of acts, intentions, places (issue 10)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Turkmenistan joined the Energy Charter Treaty in 1998.", "Energy Charter Treaty"),
        (
            "Singapore and Chile signed off on the Digital Economy Partnership Agreement.",
            "Digital Economy Partnership Agreement",
        ),
    ],
)
def test_a_name_inside_a_later_title_is_not_a_second_instrument(nlp, text: str, title: str) -> None:
    """A capitalised word read before the title's head noun is part of it, not a reference."""
    assert {i.title for i in _instruments(nlp, text)} == {title}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Both sides expressed readiness to sign the Agreement on Visa Facilitation soon.",
            "Agreement on Visa Facilitation",
        ),
        (
            "The cabinet announced its decision to ratify the Convention on Legal Assistance.",
            "Convention on Legal Assistance",
        ),
    ],
)
def test_an_intention_to_sign_or_ratify_is_planned(nlp, text: str, title: str) -> None:
    assert _pairs(nlp, text) == {(title, "planned")}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Kyiv government has yet to ratify the Istanbul Convention.", "Istanbul Convention"),
        (
            "Morocco is yet to sign the Agreement on Fisheries Access.",
            "Agreement on Fisheries Access",
        ),
    ],
)
def test_an_act_still_due_is_planned(nlp, text: str, title: str) -> None:
    assert _pairs(nlp, text) == {(title, "planned")}


@pytest.mark.parametrize(
    ("text", "title", "action"),
    [
        (
            "Chile and Peru promised to complete negotiations on the Treaty on Fisheries "
            "Cooperation by December.",
            "Treaty on Fisheries Cooperation",
            "planned",
        ),
        (
            "Kenya and Ghana will hold the signing of the Agreement on Visa Exemption in Accra.",
            "Agreement on Visa Exemption",
            "planned",
        ),
        (
            "Chile and Peru concluded negotiations on the Treaty on Fisheries Cooperation.",
            "Treaty on Fisheries Cooperation",
            "drafted",
        ),
    ],
)
def test_an_act_a_noun_names_is_planned_when_its_verb_is_still_to_come(
    nlp, text: str, title: str, action: str
) -> None:
    assert _pairs(nlp, text) == {(title, action)}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Brazil signed a fisheries protocol in Lisbon on Tuesday.", "fisheries protocol"),
        ("Italy and Albania signed a migration protocol in Rome.", "migration protocol"),
    ],
)
def test_where_an_instrument_was_signed_is_not_its_title(nlp, text: str, title: str) -> None:
    assert _pairs(nlp, text) == {(title, "signed")}


@pytest.mark.parametrize(
    "text",
    [
        "The senate of Uruguay gave its consent to the Treaty on Extradition with Spain.",
        "Parliament granted consent to the Treaty on Extradition on Wednesday.",
    ],
)
def test_a_legislature_consenting_to_a_treaty_ratifies_it(nlp, text: str) -> None:
    assert ("Treaty on Extradition", "ratified") in {
        (i.title.removesuffix(" with Spain"), i.action) for i in _instruments(nlp, text)
    }


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        (
            "The Agreement on Tourism, which was adopted in 2016 and ratified by the Senate "
            "in 2018, lapsed.",
            {("adopted", date(2016, 1, 1)), ("ratified", date(2018, 1, 1))},
        ),
        (
            "The Convention on Road Safety, which was signed in 2012 and ratified by the "
            "assembly in 2014, is still in force.",
            {("signed", date(2012, 1, 1)), ("ratified", date(2014, 1, 1))},
        ),
        (
            "The Protocol on River Navigation was adopted in March and came into force in June.",
            {("adopted", date(2024, 3, 1)), ("entered_into_force", date(2024, 6, 1))},
        ),
        (
            "The Agreement on Cultural Cooperation was signed in 2015 and entered into force "
            "in 2016.",
            {("signed", date(2015, 1, 1)), ("entered_into_force", date(2016, 1, 1))},
        ),
        (
            "Signed in Accra in 2021 and ratified in March, the Agreement on Labour Mobility "
            "took effect on Friday.",
            {
                ("signed", date(2021, 1, 1)),
                ("ratified", date(2024, 3, 1)),
                ("entered_into_force", date(2024, 7, 5)),
            },
        ),
        (
            "Ratified by both chambers in April, the Treaty on Air Defence took effect on Monday.",
            {("ratified", date(2024, 4, 1)), ("entered_into_force", date(2024, 7, 8))},
        ),
    ],
)
def test_each_step_of_a_chain_of_acts_is_a_record(nlp, text: str, acts: set) -> None:
    """Coordinated and fronted participles on one instrument each report their own step."""
    assert {(i.action, i.when.start if i.when else None) for i in _instruments(nlp, text)} == acts


@pytest.mark.parametrize(
    "text",
    [
        "Norway signed the Agreement on Port Services in May. It took effect in September.",
        "Ecuador ratified the Agreement on Port Services, and it entered into force at once.",
    ],
)
def test_it_entering_into_force_refers_to_the_instrument_before(nlp, text: str) -> None:
    assert ("Agreement on Port Services", "entered_into_force") in _pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "A draft memorandum on food security was prepared and sent to the ministries for comment.",
        "The Agreement on Fisheries was drafted by experts and submitted for consideration.",
    ],
)
def test_a_chain_without_a_milestone_reports_only_its_first_step(nlp, text: str) -> None:
    assert {i.action for i in _instruments(nlp, text)} == {"drafted"}


@pytest.mark.parametrize(
    ("text", "title", "day"),
    [
        (
            "Estonia and Finland signed a treaty on Monday that sets out their sea border. "
            "The Treaty on the Delimitation of Maritime Zones replaces an accord of 1996.",
            "Treaty on the Delimitation of Maritime Zones",
            date(2024, 7, 8),
        ),
        (
            "Kenya and Uganda signed an agreement on Tuesday to build a rail link. Under the "
            "Agreement on the Standard Gauge Railway, each side pays for its own section.",
            "Agreement on the Standard Gauge Railway",
            date(2024, 7, 9),
        ),
    ],
)
def test_an_act_on_an_unnamed_instrument_goes_to_the_name_that_follows(
    nlp, text: str, title: str, day: date
) -> None:
    [instrument] = _instruments(nlp, text)
    assert (instrument.title, instrument.action) == (title, "signed")
    assert instrument.when is not None and instrument.when.start == day
    assert len(instrument.parties) == 2
    assert "signed" in instrument.sentence  # the evidence is the act's sentence


def test_instrument_nouns_are_read_from_the_docs_arrays() -> None:
    """Only instrument nouns and words tagged plural reach the instrument tests, in order."""
    import spacy
    from spacy.tokens import Doc

    from communique.extract.agreements import _nouns
    from communique.patterns import instruments

    table = instruments()
    vocab = spacy.blank("en").vocab  # English lexical attributes: the lower-case forms
    words = ["Laos", "and", "Nepal", "ratified", "two", "accords", "quickly", "and", "it", "lapsed"]
    pos = ["PROPN", "CCONJ", "PROPN", "VERB", "NUM", "NOUN", "ADV", "CCONJ", "PRON", "VERB"]
    tags = ["NNP", "CC", "NNP", "VBD", "CD", "NNS", "RB", "CC", "PRP", "VBD"]
    tags[6] = "NNS"  # a plural tag on a word the tagger called something else still counts
    doc = Doc(vocab, words=words, pos=pos, tags=tags)
    assert [t.text for t in _nouns(doc, table)] == ["accords", "quickly"]
    # A singular instrument noun counts in any case; a noun of another kind does not.
    words = ["the", "Treaty", "on", "the", "border", "and", "a", "protocol", "lapsed"]
    pos = ["DET", "PROPN", "ADP", "DET", "NOUN", "CCONJ", "DET", "NOUN", "VERB"]
    tags = ["DT", "NNP", "IN", "DT", "NN", "CC", "DT", "NN", "VBD"]
    doc = Doc(vocab, words=words, pos=pos, tags=tags)
    assert [t.text for t in _nouns(doc, table)] == ["Treaty", "protocol"]
    assert list(_nouns(Doc(vocab, words=[]), table)) == []


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("The customs protocol between Uruguay and Paraguay became operative on 2 May.",
         date(2024, 5, 2)),
        ("The fisheries treaty between Fiji and Tonga became effective in March 2021.",
         date(2021, 3, 1)),
    ],
)  # fmt: skip
def test_becoming_effective_or_operative_is_entry_into_force(nlp, text: str, when: date) -> None:
    found = _one(nlp, text, "entered_into_force")
    assert found.when is not None and found.when.start == when


def test_becoming_something_else_is_no_entry_into_force(nlp) -> None:
    text = "The border treaty of 1998 became a model for the whole region."
    assert all(i.action != "entered_into_force" for i in _instruments(nlp, text))


@pytest.mark.parametrize(
    ("text", "action", "when"),
    [
        (
            "The Accord on Fisheries came into force on Friday when the two sides exchanged "
            "instruments of ratification.",
            "ratified",
            date(2024, 7, 5),
        ),
        (
            "With Ecuador's ratification on Monday, the Convention on River Basins came into "
            "force.",
            "ratified",
            date(2024, 7, 8),
        ),
        (
            "The Treaty on Polar Research took effect on 1 June, thirty days after Chile "
            "deposited its ratification on 2 May.",
            "ratified",
            date(2024, 5, 2),
        ),
        (
            "The Accord on Fisheries entered into force in May, following ratification by the "
            "Senate of Chile in March.",
            "ratified",
            date(2024, 3, 1),
        ),
        (
            "Upon Samoa's signature on Tuesday, the Protocol on Reef Protection took effect.",
            "signed",
            date(2024, 7, 9),
        ),
    ],
)
def test_the_act_that_puts_an_instrument_in_force_is_an_act_on_it(
    nlp, text: str, action: str, when: date
) -> None:
    """The consent the entry clause names is on the instrument, dated at once or by its own."""
    found = _one(nlp, text, action)
    assert found.when is not None and found.when.start == when
    assert "entered_into_force" in {i.action for i in _instruments(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        # the entry is dated, the ratification before it is not
        "The Treaty on Polar Research entered into force on 1 May after Chile completed "
        "ratification.",
        "The Accord on Fisheries came into force on Friday, after ratification by the "
        "parliaments of both countries.",
        # still to come, or never done
        "The Agreement on Seed Banks will enter into force once both parliaments complete "
        "ratification.",
        "The Convention on Wetlands entered into force in 1975 without ratification by the "
        "larger states.",
        # the noun names an instrument of its own
        "After the signing of the Protocol on Rivers, the Convention on Lakes entered into force.",
    ],
)
def test_no_act_of_consent_where_the_entry_clause_cannot_date_or_place_it(nlp, text: str) -> None:
    pairs = _pairs(nlp, text)
    assert all(
        action != "ratified" and (action != "signed" or title == "Protocol on Rivers")
        for title, action in pairs
    ), pairs


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("A signing ceremony for the Agreement on Air Services was held in Manila on Monday.",
         "signed"),
        ("The ministers attended the signing ceremony of the Treaty on Water Sharing.", "signed"),
        ("Leaders gathered on Friday for the ratification ceremony of the Pact on Regional "
         "Grids.", "ratified"),
        ("A signing ceremony for the Agreement on Air Services will be held next week.",
         "planned"),
    ],
)  # fmt: skip
def test_a_ceremony_for_an_act_reports_the_act(nlp, text: str, action: str) -> None:
    assert {a for _title, a in _pairs(nlp, text)} == {action}


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The signing of the Agreement on Air Services was postponed.", "planned"),
        ("A signing ceremony for the Treaty on Water Sharing was delayed until August.",
         "planned"),
        ("Officials cancelled the signing of the Treaty on Water Sharing.", "referenced"),
        ("A court blocked the ratification of the Agreement on Air Services.", "referenced"),
    ],
)  # fmt: skip
def test_an_act_put_off_is_still_due_and_one_called_off_is_not_done(
    nlp, text: str, action: str
) -> None:
    assert {a for _title, a in _pairs(nlp, text)} == {action}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Under the Agreement on Energy Transit signed on Monday, gas will flow from 2026.",
         date(2024, 7, 8)),
        ("Exports rose under the Protocol on Tariffs adopted in 2019 by both sides.",
         date(2019, 1, 1)),
    ],
)  # fmt: skip
def test_a_participle_on_a_name_inside_a_phrase_is_an_act_on_it(nlp, text: str, when: date) -> None:
    [found] = _instruments(nlp, text)
    assert found.action in {"signed", "adopted"}
    assert found.when is not None and found.when.start == when


@pytest.mark.parametrize(
    ("text", "titles", "when"),
    [
        (
            "The sides signed the following documents: the Agreement on Energy Transit, the "
            "Memorandum on Water Management and the Protocol on Customs.",
            {
                "Agreement on Energy Transit",
                "Memorandum on Water Management",
                "Protocol on Customs",
            },
            DAY,
        ),
        (
            "Twelve documents were signed, among them the Agreement on Energy Transit.",
            {"Agreement on Energy Transit"},
            DAY,
        ),
        (
            "Among the documents signed on Monday was the Treaty on River Navigation.",
            {"Treaty on River Navigation"},
            date(2024, 7, 8),
        ),
        (
            "The Convention on Seed Banks was among the texts adopted at the session on "
            "Tuesday, alongside a budget.",
            {"Convention on Seed Banks"},
            date(2024, 7, 9),
        ),
        (
            "The agreements signed on Monday include the Memorandum on Water Management and "
            "the Agreement on Energy Transit.",
            {"Memorandum on Water Management", "Agreement on Energy Transit"},
            date(2024, 7, 8),
        ),
    ],
)
def test_an_item_of_a_set_shares_the_sets_act(nlp, text: str, titles: set, when: date) -> None:
    """A colon list, an apposition, "among" or a participle on the set: the items share its act."""
    found = _instruments(nlp, text)
    assert {i.title for i in found} == titles
    assert {i.action for i in found} <= {"signed", "adopted"} and len(
        {i.action for i in found}
    ) == 1
    assert all(i.when is not None and i.when.start == when for i in found)


@pytest.mark.parametrize(
    ("text", "title", "action"),
    [
        ("The newly signed Agreement on Energy Transit sets tariffs for ten years.",
         "Agreement on Energy Transit", "signed"),
        ("Diplomats praised the recently ratified Treaty on Border Rivers.",
         "Treaty on Border Rivers", "ratified"),
        # without a word of recency the participle may be old news: no act, still no title
        ("The signed Agreement on Energy Transit sets tariffs for ten years.",
         "Agreement on Energy Transit", "referenced"),
    ],
)  # fmt: skip
def test_a_participle_before_a_name_is_what_became_of_it(
    nlp, text: str, title: str, action: str
) -> None:
    assert _pairs(nlp, text) == {(title, action)}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("The Agreement on Energy Transit they signed on Monday sets tariffs.", date(2024, 7, 8)),
        ("The Agreement on Grain Corridors the ministers initialled in May expires in 2030.",
         date(2024, 5, 1)),
        ("The Treaty of Quito that Ecuador and Peru signed on Monday fixes the border.",
         date(2024, 7, 8)),
        ("Under the Lima Accord that the two ministers initialled in May, fishing boats may cross "
         "the line.", date(2024, 5, 1)),
    ],
)  # fmt: skip
def test_a_relative_clause_with_the_name_as_its_object_acts_on_it(
    nlp, text: str, when: date
) -> None:
    """With no relative word, or a "that" the tagger reads as a preposition."""
    [found] = [i for i in _instruments(nlp, text) if i.action != "referenced"]
    assert found.when is not None and found.when.start == when


@pytest.mark.parametrize(
    ("text", "action", "party"),
    [
        ("Jordan became a signatory to the Convention on Desert Protection on Friday.",
         "signed", "JOR"),
        ("Last year Bhutan became the 90th party to the Treaty on Mountain Glaciers.",
         "signed", "BTN"),
        ("Nepal will become a party to the Treaty on Mountain Glaciers in March.",
         "planned", "NPL"),
        ("Peru is a party to the Treaty on Mountain Glaciers.", "referenced", None),
        ("Both ministers penned the Agreement on Energy Transit in Baku.", "signed", None),
    ],
)  # fmt: skip
def test_becoming_a_party_or_signatory_is_joining(
    nlp, text: str, action: str, party: str | None
) -> None:
    [found] = _instruments(nlp, text)
    assert found.action == action
    assert party is None or found.parties == (party,)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Chile and Peru held talks in Lima on 3 July. They also signed the Agreement on "
         "Fisheries Control.", date(2024, 7, 3)),
        ("Last week the two presidents met in Quito. Their ministers ratified the Treaty on "
         "Border Rivers.", date(2024, 7, 1)),
    ],
)  # fmt: skip
def test_an_undated_act_continues_the_date_of_the_sentence_before(
    nlp, text: str, when: date
) -> None:
    [found] = _instruments(nlp, text)
    assert found.when is not None and found.when.start == when


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru held talks in Lima on 3 July.\n\nThey signed the Agreement on Fisheries.",
        "Kenya and Uganda on 3 July signed seven agreements.\n\nThe documents were signed at"
        " State House. They include the Agreement on Fisheries.",
    ],
)
def test_an_undated_act_in_a_later_paragraph_is_of_the_day_the_lead_dates(nlp, text: str) -> None:
    found = [i for i in _instruments(nlp, text) if i.title == "Agreement on Fisheries"]
    assert [i.when and i.when.start for i in found] == [date(2024, 7, 3)]


def test_an_undated_act_after_a_report_without_a_dated_lead_is_the_reports_news(nlp) -> None:
    text = "Chile and Peru held talks in Lima.\n\nThey signed the Agreement on Fisheries."
    [found] = _instruments(nlp, text)
    assert found.when is not None and found.when.start == DAY


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Chile and Peru signed a deal on Monday, known as the Agreement on Fisheries Control.",
         "Agreement on Fisheries Control"),
        ("Ghana and Togo signed a deal on Friday. The Accord on Cross-Border Trade cuts duties.",
         "Accord on Cross-Border Trade"),
    ],
)  # fmt: skip
def test_a_deal_signed_takes_the_name_that_follows(nlp, text: str, title: str) -> None:
    assert _pairs(nlp, text) == {(title, "signed")}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The two leaders signed the Lima Accord, a pact on fisheries, on Monday.", "Lima Accord"),
        ("The ministers adopted the Quito Declaration, a statement on migration.",
         "Quito Declaration"),
        ("The foreign ministers signed the so-called Lima Accord on Monday.", "Lima Accord"),
    ],
)  # fmt: skip
def test_a_description_or_a_hedge_beside_a_name_is_no_instrument_or_title(
    nlp, text: str, title: str
) -> None:
    assert {t for t, _action in _pairs(nlp, text)} == {title}


@pytest.mark.parametrize(
    ("text", "title", "when"),
    [
        ("Chile and Peru plan to sign an Agreement on Digital Trade in June.",
         "Agreement on Digital Trade", date(2025, 6, 1)),
        ("Ghana and Togo plan to adopt a Protocol on Border Markets next month.",
         "Protocol on Border Markets", date(2024, 8, 1)),
    ],
)  # fmt: skip
def test_plan_read_as_a_noun_with_a_subject_is_the_verb_of_planning(
    nlp, text: str, title: str, when: date
) -> None:
    """The tagger may read "plan" in "X and Y plan to sign" as a noun; no plan is named."""
    found = _instruments(nlp, text)
    assert [(i.title, i.action, i.when and i.when.start) for i in found] == [
        (title, "planned", when)
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Agreement on Digital Trade is expected to be signed in June.",
         "Agreement on Digital Trade"),
        ("The Treaty on Maritime Boundaries is due to be ratified by the Peruvian Congress next"
         " month.", "Treaty on Maritime Boundaries"),
    ],
)  # fmt: skip
def test_an_instrument_expected_to_be_signed_is_planned(nlp, text: str, title: str) -> None:
    assert _pairs(nlp, text) == {(title, "planned")}


def test_an_instrument_set_to_enter_into_force_takes_the_date_to_come(nlp) -> None:
    found = _one(nlp, "The Protocol on Customs is set to enter into force on 1 January.",
                 "entered_into_force")  # fmt: skip
    assert found.when is not None and found.when.start == date(2025, 1, 1)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Peru and Chile extended the Agreement on Fisheries for five years.",
         "Agreement on Fisheries"),
        ("Chile renewed the Memorandum on Tourism for another decade.", "Memorandum on Tourism"),
        ("The ministers signed the Programme of Cooperation for 2025-2027 on Monday.",
         "Programme of Cooperation for 2025-2027"),
    ],
)  # fmt: skip
def test_a_length_of_time_is_no_part_of_a_title_but_a_period_is(nlp, text: str, title: str) -> None:
    assert [i.title for i in _instruments(nlp, text)] == [title]


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean Senate on Monday gave its final approval to the Treaty on Maritime Borders.",
        "The Agreement on Fisheries was approved by the Peruvian Congress on Tuesday.",
        "Moldovan deputies endorsed the Association Agreement with Romania.",
    ],
)
def test_a_treaty_a_legislature_approves_is_ratified(nlp, text: str) -> None:
    """A parliament's approval of a treaty is its consent to be bound: news says both."""
    assert [i.action for i in _instruments(nlp, text)] == ["ratified"]


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean government approved the Agreement on Fisheries on Tuesday.",
        "The National Assembly adopted a Resolution on Climate on Monday.",
    ],
)
def test_a_government_approval_or_a_resolution_stays_adopted(nlp, text: str) -> None:
    assert [i.action for i in _instruments(nlp, text)] == ["adopted"]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # names "among them" are items of the set just named
        ("Kenya and Uganda on Tuesday signed seven agreements, among them a deal on a crude oil"
         " pipeline and a memorandum on the railway.",
         ["deal on a crude oil pipeline", "memorandum on the railway"]),
        ("Ghana and Togo signed five documents on Monday, among them the Protocol on Border"
         " Markets.", ["Protocol on Border Markets"]),
        # each name of a list shares the first one's act, whatever the parse
        ("Chile and Peru signed on Monday the Agreement on Fisheries, the Protocol on Customs and"
         " the Memorandum on Tourism.",
         ["Agreement on Fisheries", "Protocol on Customs", "Memorandum on Tourism"]),
        ("The two ministers also signed the Memorandum on Tourism, as well as the Protocol on"
         " Customs.", ["Memorandum on Tourism", "Protocol on Customs"]),
    ],
)  # fmt: skip
def test_items_of_a_set_or_a_list_share_its_act(nlp, text: str, titles: list[str]) -> None:
    assert [(i.title, i.action) for i in _instruments(nlp, text)] == [
        (title, "signed") for title in titles
    ]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Chile and Peru signed the Agreement on Fisheries in 2019; it was ratified by Peru in"
         " 2021.", date(2021, 1, 1)),
        ("Ghana and Togo signed the Treaty on Border Markets in May. It was ratified by Togo in"
         " June.", date(2024, 6, 1)),
    ],
)  # fmt: skip
def test_it_as_the_subject_of_a_past_milestone_refers_back(nlp, text: str, when: date) -> None:
    found = _one(nlp, text, "ratified")
    assert found.when is not None and found.when.start == when


@pytest.mark.parametrize(
    "text",
    [
        "The Agreement on Fisheries was signed in May. It was agreed that talks would resume.",
        "The Convention on Migratory Species was adopted in 1979. It is signed by most states.",
    ],
)
def test_it_of_a_clause_or_of_a_present_state_refers_to_no_instrument(nlp, text: str) -> None:
    assert len(_instruments(nlp, text)) == 1


@pytest.mark.parametrize(
    ("text", "title", "action"),
    [
        ("Chile, Peru sign Treaty on Maritime Boundaries", "Treaty on Maritime Boundaries",
         "signed"),
        ("Kenya, Uganda ratify Treaty on Oil Pipeline", "Treaty on Oil Pipeline", "ratified"),
    ],
)  # fmt: skip
def test_a_headline_verb_acts_on_its_object_even_when_tagged_as_a_noun(
    nlp, text: str, title: str, action: str
) -> None:
    assert _pairs(nlp, text) == {(title, action)}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Chile and Peru on Monday signed the long-awaited Agreement on Fisheries.",
         "Agreement on Fisheries"),
        ("Ghana ratified the landmark Treaty on Border Markets.", "Treaty on Border Markets"),
        ("The two leaders adopted a Joint Declaration on Climate.", "Joint Declaration on Climate"),
    ],
)  # fmt: skip
def test_a_lower_case_word_before_a_proper_title_is_no_part_of_it(
    nlp, text: str, title: str
) -> None:
    assert [i.title for i in _instruments(nlp, text)] == [title]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "In 2014, the two countries signed a Declaration on Strategic Partnership.",
            "Declaration on Strategic Partnership",
        ),
        (
            "Chile and Peru adopted a Joint Statement on the Comprehensive Strategic Partnership.",
            "Joint Statement on the Comprehensive Strategic Partnership",
        ),
    ],
)
def test_a_partnership_a_title_is_about_is_no_instrument_of_its_own(
    nlp, text: str, title: str
) -> None:
    assert [i.title for i in _instruments(nlp, text)] == [title]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Mercosur signed the Free Trade Agreement between Mercosur and the European Free "
            "Trade Association on Monday.",
            "Free Trade Agreement between Mercosur and the European Free Trade Association",
        ),
        (
            "The sides signed the Programme of Cooperation between the Ministry of Foreign "
            "Affairs of Chile and the Ministry of Foreign Affairs of Peru.",
            "Programme of Cooperation between the Ministry of Foreign Affairs of Chile and the "
            "Ministry of Foreign Affairs of Peru",
        ),
    ],
)
def test_the_and_between_the_parties_stays_in_the_title(nlp, text: str, title: str) -> None:
    assert [i.title for i in _instruments(nlp, text)] == [title]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "France urged Azerbaijan to sign the Baku Peace Accord without delay.",
            "Baku Peace Accord",
        ),
        ("The EU called on Serbia to ratify the Ohrid Agreement.", "Ohrid Agreement"),
        (
            "Kenya will reopen the border unless Somalia signs the Mandera Protocol.",
            "Mandera Protocol",
        ),
        (
            "If Bolivia ratifies the Andes Water Treaty, Chile will lift the tariff.",
            "Andes Water Treaty",
        ),
    ],
)
def test_a_signing_asked_for_or_made_a_condition_is_only_named(nlp, text: str, title: str) -> None:
    assert _pairs(nlp, text) == {(title, "referenced")}


@pytest.mark.parametrize(
    "text",
    [
        "The ministers issued a joint statement calling on Caracas to free the detainees.",
        "The summit adopted a joint declaration urging Israel to allow aid into Gaza.",
    ],
)
def test_a_text_asking_something_is_not_named_by_what_it_asks(nlp, text: str) -> None:
    [instrument] = _instruments(nlp, text)
    assert instrument.title.split()[-1] in {"statement", "declaration"}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("At Thursday's meeting the two ministers signed the Lima Trade Protocol.", "2024-07-04"),
        ("During Monday's visit Chile and Peru signed the Arica Water Accord.", "2024-07-08"),
    ],
)
def test_the_day_of_the_occasion_dates_what_was_signed_at_it(nlp, text: str, day: str) -> None:
    [instrument] = _instruments(nlp, text)
    assert instrument.when is not None and instrument.when.start.isoformat() == day


@pytest.mark.parametrize(
    ("text", "month"),
    [
        (
            "Greece and Turkey signed the Athens Declaration on friendly relations in December "
            "2023, ending years of frosty ties.",
            "2023-12",
        ),
        (
            "Chile and Bolivia signed the Lauca Water Accord in March 2019, closing a long "
            "dispute over the river.",
            "2019-03",
        ),
    ],
)
def test_a_date_keeps_clear_of_the_clause_after_its_comma(nlp, text: str, month: str) -> None:
    [instrument] = _instruments(nlp, text)
    assert instrument.when is not None and instrument.when.start.isoformat().startswith(month)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The Baku Peace Treaty can be signed only after Armenia changes its constitution.",
            "Baku Peace Treaty",
        ),
        ("The Lauca Water Accord could be ratified by the Bolivian Senate.", "Lauca Water Accord"),
    ],
)
def test_a_signing_that_can_or_could_happen_is_only_named(nlp, text: str, title: str) -> None:
    assert _pairs(nlp, text) == {(title, "referenced")}


@pytest.mark.parametrize(
    "text",
    [
        "Poland refused to sign the Joint Declaration on Migration on Friday.",
        "The two sides failed to sign the Agreement on Visa Facilitation.",
        "Hungary did not sign the Joint Statement on Energy Security.",
        "Chile declined to ratify the Treaty on Fisheries Cooperation.",
    ],
)
def test_an_act_of_consent_refused_or_denied_is_only_named(nlp, text: str) -> None:
    assert {action for _title, action in _pairs(nlp, text)} == {"referenced"}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Timeline\n\nSeptember 2010 - The two governments sign a protocol extending the "
            "pipeline agreement for fifteen years.",
            date(2010, 9, 1),
        ),
        (
            "Key dates\n\n22 April 2024 - The president visits Baghdad. The two sides sign a "
            "framework agreement on water.",
            date(2024, 4, 22),
        ),
    ],
)
def test_a_signing_in_a_chronologys_entry_is_of_the_entrys_date(nlp, text: str, day: date) -> None:
    [signed] = [i for i in _instruments(nlp, text) if i.action == "signed"]
    assert signed.when is not None and signed.when.start == day


@pytest.mark.parametrize(
    "text",
    [
        "The Treaty on Fisheries Cooperation may enter into force next year.",
        "The Agreement on Visa Waiver could enter into force before the end of the year.",
    ],
)
def test_an_entry_into_force_that_only_may_come_is_only_named(nlp, text: str) -> None:
    assert {action for _title, action in _pairs(nlp, text)} == {"referenced"}


@pytest.mark.parametrize(
    "text",
    [
        "Norway and Iceland initialled the Agreement on Maritime Search and Rescue on Thursday.",
        "The negotiators initialed the Treaty on the Delimitation of the Maritime Boundary.",
    ],
)
def test_an_initialled_text_is_drafted_not_signed(nlp, text: str) -> None:
    assert {action for _title, action in _pairs(nlp, text)} == {"drafted"}


@pytest.mark.parametrize(
    ("text", "title", "action"),
    [
        (
            "The Agreement between Fiji and Tonga on the Waiver of Visa Requirements entered "
            "into force on Monday. Signed in Nukualofa in August 2023, the Agreement lets "
            "citizens stay ninety days.",
            "Agreement between Fiji and Tonga on the Waiver of Visa Requirements",
            "signed",
        ),
        (
            "Fiji sent Vanuatu a draft Memorandum of Understanding on Labour Mobility. The "
            "Memorandum was proposed by the Prime Minister in November 2023.",
            "Memorandum of Understanding on Labour Mobility",
            "proposed",
        ),
    ],
)
def test_a_capitalised_bare_noun_after_a_full_title_is_that_instrument(
    nlp, text: str, title: str, action: str
) -> None:
    pairs = _pairs(nlp, text)
    assert (title, action) in pairs
    assert all(len(found.split()) > 1 for found, _action in pairs)


@pytest.mark.parametrize(
    "text",
    [
        "The Treaty on Fisheries Cooperation can take effect once Chile ratifies it.",
        "The Agreement on Visa Waiver will apply only after both parliaments approve it.",
    ],
)
def test_consent_a_clause_of_time_tells_in_the_present_is_still_to_come(nlp, text: str) -> None:
    assert not {"ratified", "adopted"} & {action for _title, action in _pairs(nlp, text)}


def test_consent_a_clause_of_time_tells_in_the_past_was_given(nlp) -> None:
    text = "Chile ratified the Treaty on Fisheries Cooperation in May, after Peru ratified it."
    assert {action for _title, action in _pairs(nlp, text)} == {"ratified"}


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "Following the talks, the following documents were signed:\n"
            "- Agreement on the Avoidance of Double Taxation;\n"
            "- Memorandum of Understanding on Cooperation in Fisheries;\n"
            "- Programme of Cultural Exchanges for 2025-2027.",
            {
                "Agreement on the Avoidance of Double Taxation",
                "Memorandum of Understanding on Cooperation in Fisheries",
                "Programme of Cultural Exchanges for 2025-2027",
            },
        ),
        (
            "Three instruments were signed in the presence of the two presidents:\n\n"
            "• a Loan Agreement for the Port of Suva Project\n\n"
            "• the Memorandum of Understanding on Seasonal Workers",
            {
                "Loan Agreement for the Port of Suva Project",
                "Memorandum of Understanding on Seasonal Workers",
            },
        ),
    ],
)
def test_each_item_of_a_bulleted_list_takes_the_action_its_heading_reports(
    nlp, text: str, titles: set[str]
) -> None:
    assert _pairs(nlp, text) == {(title, "signed") for title in titles}


def test_a_bulleted_list_under_a_heading_without_a_colon_is_no_list(nlp) -> None:
    text = (
        "The ministers signed a statement.\n"
        "- Agreement on the Avoidance of Double Taxation\n"
        "- Memorandum of Understanding on Fisheries"
    )
    assert ("Agreement on the Avoidance of Double Taxation", "signed") not in _pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Among the other documents signed on Monday were an agreement on air services and a "
        "memorandum on tourism.",
        "Among the texts adopted at the summit were a declaration on water security and an "
        "action plan on drought.",
    ],
)
def test_every_item_listed_among_the_documents_signed_takes_the_action(nlp, text: str) -> None:
    pairs = _pairs(nlp, text)
    assert len(pairs) == 2 and {action for _title, action in pairs} <= {"signed", "adopted"}
    assert "referenced" not in {action for _title, action in pairs}


@pytest.mark.parametrize(
    ("text", "action", "title"),
    [
        (
            "The two ministers also initialled the draft treaty, formally titled the Treaty on "
            "Good Neighbourliness and Friendship.",
            "drafted",
            "Treaty on Good Neighbourliness and Friendship",
        ),
        (
            "Parliament ratified the accord, officially called the Agreement on Fisheries "
            "Cooperation, on Tuesday.",
            "ratified",
            "Agreement on Fisheries Cooperation",
        ),
    ],
)
def test_an_instrument_given_its_name_by_titled_or_called_takes_its_actions(
    nlp, text: str, action: str, title: str
) -> None:
    assert _pairs(nlp, text) == {(title, action)}
