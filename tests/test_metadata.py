"""Metadata the text states: header dates beside furniture, wire datelines, headlines by place.

Every example is invented (outlets, states, people); each rule has two differently worded cases.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import py3langid
import pytest

from communique.clean import clean_document
from communique.metadata import (
    body_start,
    dateline_date,
    detect_language,
    find_title,
    header_dates,
    is_byline,
    is_prose,
    language_identifier,
    rights_year,
)
from communique.model import RawDocument
from communique.settings import Settings
from communique.tablecache import cached_table

BODY = (
    "The foreign ministers of Valdoria and Merovia met in Lusk on Thursday to discuss river "
    "shipping and the reopening of two border crossings.\n"
    "They agreed to set up a joint commission that will report to both governments before the "
    "end of the year, the Valdorian ministry said.\n"
)
OTHER_BODY = (
    "Tarlandia and Oskaria signed a protocol on grain transit in Vell on Monday, ending a "
    "dispute that had closed the main rail link for a month.\n"
    "The two prime ministers said the agreement would be reviewed every six months by a group "
    "of experts from both sides.\n"
)


def _clean(text: str, settings: Settings):
    raw = RawDocument(doc="t.txt", content=text, format="text", group="tests")
    return clean_document(raw, settings=settings)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a label before the date, a time after it
        ("Published: 9 June 2021, 14:05 GMT", date(2021, 6, 9)),
        ("Last updated 14:05, June 9, 2021", date(2021, 6, 9)),
        # a section or the time in another item of the line
        ("Diplomacy | 08:30 October 2, 2017", date(2017, 10, 2)),
        ("Thursday, 2 October 2014 | 17:20", date(2014, 10, 2)),
        # a byline holding the date
        ("By Ilse Varga, Chief Correspondent, Lusk, 4 February 2020", date(2020, 2, 4)),
        ("By the Herald's diplomatic desk | 4.02.2020", date(2020, 2, 4)),
        # numbers with dots or hyphens are day first; ISO with a time; year first
        ("Posted 05-11-2018", date(2018, 11, 5)),
        ("Date: 2018-11-05T10:15:00+01:00", date(2018, 11, 5)),
        ("Issued 2016/07/21", date(2016, 7, 21)),
        # slashes too are day first, unless the first number cannot be a month
        ("Updated 04/02/2020 10:15", date(2020, 2, 4)),
        ("Published: 11/10/2019", date(2019, 10, 11)),
        ("Published: 10/25/2019", date(2019, 10, 25)),
        # so they are on a short line read whole, wherever the numbers stand in it
        ("Date of publication: 12.03.2019", date(2019, 3, 12)),
        ("Tue 07.08.2018", date(2018, 8, 7)),
        ("Issued on: 12/03/2019 - 09:41", date(2019, 3, 12)),
        ("Posted 05/14/2021", date(2021, 5, 14)),
        # a time's half of the day and its zone are part of the time, not words beside the date
        ("June 12, 2025 4:37 PM GMT+2 Updated 2 hours ago", date(2025, 6, 12)),
        ("3 March 2024 11:05 a.m. CET Last updated 1 hour ago", date(2024, 3, 3)),
    ],
)
def test_header_date_beside_furniture(line: str, expected: date) -> None:
    assert header_dates([line, *BODY.splitlines()], "en") == {0: expected}


def test_header_date_ignores_headlines_and_body_dates() -> None:
    # A headline ending in a date has too many other words to be a date line.
    headline = "Valdorian envoy's remarks at talks with the Merovian delegation, Lusk, 4 May 2022"
    assert header_dates([headline, *BODY.splitlines()], "en") == {}
    # Below the header a date inside a line is about what the line reports.
    lines = [*BODY.splitlines(), "The previous round took place in Vell on 3 March 2019 (Friday)"]
    assert header_dates(lines, "en") == {}
    other = [*OTHER_BODY.splitlines(), "Ministers last met on 12 August 2015 in Porta"]
    assert header_dates(other, "en") == {}


def test_labelled_or_signed_off_date_line_counts_at_the_foot() -> None:
    lines = [*BODY.splitlines(), "Published on 7 April 2021"]
    assert header_dates(lines, "en") == {2: date(2021, 4, 7)}
    lines = [*OTHER_BODY.splitlines(), "Last modified: 30.09.2013"]
    assert header_dates(lines, "en") == {2: date(2013, 9, 30)}
    # a place and a date sign a release off
    assert header_dates([*BODY.splitlines(), "Lusk, 7 April 2021"], "en") == {2: date(2021, 4, 7)}
    lines = [*OTHER_BODY.splitlines(), "Vell City, September 30, 2013"]
    assert header_dates(lines, "en") == {2: date(2013, 9, 30)}
    # a related story with its date is no sign-off
    assert header_dates([*BODY.splitlines(), "Merovia names army chief, 5 May 2021"], "en") == {}


@pytest.mark.parametrize(
    ("line", "year", "expected"),
    [
        ("LUSK, June 9 (VNA) - The minister arrived on Thursday.", 2021, date(2021, 6, 9)),
        ("Vell, 14 November -- Grain trains resumed on Monday.", 2016, date(2016, 11, 14)),
        ("PORTA/LUSK, Aug. 3, 2012 (Wire) — Talks ended.", None, date(2012, 8, 3)),
        # agencies that close the dateline with a full stop and slashes or their bare name
        ("LUSK, June 9. /VNA/. The minister arrived on Thursday.", 2021, date(2021, 6, 9)),
        ("VELL. 14 November. OSKWIRE - Grain trains resumed.", 2016, date(2016, 11, 14)),
        ("LUSK, June 9 (VNA) - The minister arrived on Thursday.", None, None),
        ("Vell, 14 November -- Grain trains resumed on Monday.", None, None),
        ("LUSK (VNA) - The minister arrived on Thursday.", 2021, None),
        ("In Lusk, talks began on Thursday - the first in a year.", 2021, None),
        # place, agency and a full date in any order before the first dash or colon
        ("(OskWire) March 12, 2019 — Grain trains resumed on Monday.", None, date(2019, 3, 12)),
        ("12 March 2019 — The minister arrived on Thursday.", None, date(2019, 3, 12)),
        ("LUSK (VNA) 12 March 2019 - The minister arrived on Thursday.", None, date(2019, 3, 12)),
        ("Vell, 12.03.2019 - Grain trains resumed on Monday.", None, date(2019, 3, 12)),
        ("Lusk, Tuesday 12 March 2019: The minister arrived.", None, date(2019, 3, 12)),
        # a date inside the first clause of prose is what the prose reports, not a dateline
        ("Talks held on 12 March 2019 between the sides ended: quotas were agreed.", None, None),
        (
            "The ministers said on 12 March 2019 that the treaty - signed in Lusk - holds.",
            None,
            None,
        ),
    ],
)
def test_wire_dateline(line: str, year: int | None, expected: date | None) -> None:
    assert dateline_date(line, "en", year) == expected


def test_rights_year_is_the_latest_year_of_the_notice() -> None:
    assert rights_year(["Body.", "Copyright 1998 - 2016 Lusk Tribune"]) == 2016
    assert rights_year(["Body.", "Vell Courier 2011. All rights reserved."]) == 2011
    assert rights_year(["Talks were held in 2011.", "Contact us"]) is None


def test_dateline_takes_the_year_of_the_rights_notice(settings: Settings) -> None:
    text = (
        "Valdoria and Merovia reopen border crossings\n"
        "LUSK, June 9 (VNA) - " + BODY + "\n© 2021 Lusk Tribune. All rights reserved.\n"
    )
    assert _clean(text, settings).published == date(2021, 6, 9)
    assert _clean(text.replace("© 2021", "Lusk Tribune"), settings).published is None


def test_body_start_and_prose() -> None:
    lines = ["Valdorian Herald", "Home | World", "Valdoria and Merovia talk", *BODY.splitlines()]
    assert body_start(lines) == 3
    # A standfirst stands alone above the date: the body starts below it.
    standfirst = "Both sides hope the commission will settle the old quarrel over tolls."
    assert body_start(["Headline here now", standfirst, "9 June 2021", *BODY.splitlines()]) == 3
    assert is_prose("Ministers met in Lusk on Thursday to discuss shipping.")
    assert not is_prose("Will Tarlandia and Oskaria ever settle their grain dispute?")
    assert not is_prose("Valdoria and Merovia agree to reopen the border")


def test_byline_shape() -> None:
    assert is_byline("By Ilse Varga")
    assert is_byline("BY MARKO LENT, Staff Writer")
    assert not is_byline("By")
    assert not is_byline("By the end of the week both delegations had left Lusk for talks in Vell")


def test_headline_past_standfirst_byline_and_furniture(settings: Settings) -> None:
    text = (
        "Valdoria and Merovia agree on river shipping talks\n"
        "The deal ends a two-year quarrel over tolls on the lower river, officials said.\n"
        "By Ilse Varga\n"
        "9 June 2021\n" + BODY
    )
    article = _clean(text, settings)
    assert article.title == "Valdoria and Merovia agree on river shipping talks"
    assert article.published == date(2021, 6, 9)
    assert "By Ilse Varga" not in article.text
    text = "Tarlandia reopens grain link to Oskaria\nSource: Vell Wire\n21.03.2016\n" + OTHER_BODY
    article = _clean(text, settings)
    assert article.title == "Tarlandia reopens grain link to Oskaria"
    assert article.published == date(2016, 3, 21)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted on March 12, 2019 by Staff Writer", date(2019, 3, 12)),
        ("First published on Tue 12 Mar 2019 09.41 GMT", date(2019, 3, 12)),
    ],
)
def test_a_publication_label_is_no_word_beside_the_date(
    line: str, expected: date, settings: Settings
) -> None:
    """The label's words do not count against a date line, so no label line is a headline."""
    assert header_dates([line, *BODY.splitlines()], "en") == {0: expected}
    article = _clean(f"Valdoria and Merovia agree on shipping talks\n{line}\n{BODY}", settings)
    assert (article.title, article.published) == (
        "Valdoria and Merovia agree on shipping talks",
        expected,
    )


@pytest.mark.parametrize(
    "header",
    [
        "Title: Tarlandia reopens grain link to Oskaria\nDate: 21 March 2016\n",
        "Headline: Tarlandia reopens grain link to Oskaria\n21.03.2016\n",
    ],
)
def test_a_headline_label_is_no_part_of_the_title(header: str, settings: Settings) -> None:
    assert _clean(header + OTHER_BODY, settings).title == "Tarlandia reopens grain link to Oskaria"


def test_longer_headline_below_a_short_label(settings: Settings) -> None:
    text = "Foreign Affairs Desk\n9 June 2021\nValdoria and Merovia agree on shipping talks\n"
    assert _clean(text + BODY, settings).title == "Valdoria and Merovia agree on shipping talks"
    text = "World and Region\n21 March 2016\nTarlandia reopens its grain link with Oskaria\n"
    assert _clean(text + OTHER_BODY, settings).title == (
        "Tarlandia reopens its grain link with Oskaria"
    )


@pytest.mark.parametrize(
    "headline",
    [
        "12 states back the Valdorian river accord",
        "“We will not give way,” says Merovian minister",
        "(UPDATE) Valdoria recalls its envoy from Lusk",
        "Will Tarlandia and Oskaria ever settle their grain dispute?",
    ],
)
def test_headline_openings_and_endings(headline: str, settings: Settings) -> None:
    article = _clean(f"Lusk Tribune\n{headline}\n9 June 2021\n{BODY}", settings)
    assert article.title == headline


def test_headline_without_date_is_the_longest_header_line(settings: Settings) -> None:
    text = "Ministry of Foreign Affairs of Valdoria\nPress releases\n"
    text += "Valdoria and Merovia agree on a new round of shipping talks\n" + BODY
    article = _clean(text, settings)
    assert article.title == "Valdoria and Merovia agree on a new round of shipping talks"
    assert article.published is None
    text = "Vell Courier\nTarlandia and Oskaria settle their grain transit quarrel\n" + OTHER_BODY
    assert (
        _clean(text, settings).title == "Tarlandia and Oskaria settle their grain transit quarrel"
    )


def test_story_date_is_the_date_line_nearest_the_headline(settings: Settings) -> None:
    text = (
        "Friday, 12 July 2019\nLusk Tribune\nHome | World | Region\n"
        "Valdoria and Merovia agree on shipping talks\n9 July 2019\n" + BODY
    )
    assert _clean(text, settings).published == date(2019, 7, 9)
    text = (
        "Today: 3 May 2016\nVell Courier\nTarlandia reopens grain link\n"
        "Published: 21 April 2016 | 10:02\n" + OTHER_BODY
    )
    assert _clean(text, settings).published == date(2016, 4, 21)


def test_find_title_skips_menu_rows() -> None:
    lines = ["Home | News | Region | Opinion", "9 June 2021", *BODY.splitlines()]
    assert find_title(lines, date_lines={1}) is None
    lines = ["Start · Politics · Economy · Sport", "21 March 2016", *OTHER_BODY.splitlines()]
    assert find_title(lines, date_lines={1}) is None


LANGUAGE_SAMPLES = (
    "The delegation of Norland arrived in the capital on Tuesday for talks on fishing rights.",
    "La délégation du Norland est arrivée mardi dans la capitale pour des pourparlers.",
    "Die Delegation aus Norland traf am Dienstag zu Gesprächen über Fischereirechte ein.",
    "Делегация Норланда прибыла в столицу во вторник для переговоров о рыболовстве.",
)


@pytest.mark.parametrize("text", LANGUAGE_SAMPLES)
def test_language_is_what_py3langid_says(text: str) -> None:
    assert detect_language(text) == py3langid.classify(text)[0]
    assert language_identifier().classify(text) == py3langid.classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana backs Peruvian stance\n\nGhanaian Foreign Minister expressed support for Peru on "
        "fisheries on Monday.",
        "Mali, Niger review ties at Niamey meeting\n\nOn Friday, the President of Mali met the "
        "President of Niger in Niamey.",
        "Ruto and Tinubu speak by phone\n\nKenyan President William Ruto spoke by phone with "
        "Nigerian President Bola Tinubu on 2 May. Nigeria has an embassy in Nairobi.",
    ],
)
def test_short_english_items_are_english_not_a_creole_without_a_two_letter_code(
    text: str,
) -> None:
    """py3langid ranks these first as Nigerian Pidgin ("pcm"); the answer is an ISO 639-1 code."""
    assert py3langid.rank(text)[0][0] == "pcm"
    assert detect_language(text) == "en"


def test_the_cached_identifier_classifies_as_the_packaged_one(tmp_path: Path) -> None:
    """The identifier as the cache holds it (mapped, loaded back) gives the same scores."""
    identifier = language_identifier()
    cached_table(tmp_path, "langid", lambda: "k", lambda: identifier, codec="mapped")
    loaded = cached_table(tmp_path, "langid", lambda: "k", lambda: None, codec="mapped")
    assert loaded is not None and loaded is not identifier
    for text in LANGUAGE_SAMPLES:
        assert loaded.classify(text) == py3langid.classify(text)
