from __future__ import annotations

import sys
from datetime import date, datetime, timedelta

import dateparser
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from spacy.language import Language

from communique.extract import sentence_when
from communique.extract.dates import (
    When,
    _may_name_a_day,
    attached_dates,
    counted_on,
    counts_on,
    date_phrases,
    needs_anchor,
    resolve_when,
)
from communique.model import Article, Span
from communique.nlp import analyse

from .conftest import Pipelines

# Publication days the expressions are read against: a Tuesday late in the year, a Monday in
# February, a Wednesday in January (so "In March" is last year's) and a leap-year Friday.
TUE = date(2025, 11, 25)
MON = date(2025, 2, 10)
JAN = date(2026, 1, 14)
LEAP = date(2024, 3, 1)


def _span(when: When | None) -> tuple[date, date, str, bool] | None:
    return None if when is None else (when.start, when.end, when.precision, when.future)


def _day(d: date, *, future: bool = False) -> tuple[date, date, str, bool]:
    return (d, d, "day", future)


def _month(year: int, month: int, *, future: bool = False) -> tuple[date, date, str, bool]:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (date(year, month, 1), date.fromordinal(following.toordinal() - 1), "month", future)


def _year(first: int, last: int | None = None, *, future: bool = False):
    return (date(first, 1, 1), date(last or first, 12, 31), "year", future)


ABSOLUTE = [
    ("June 9-10, 2025", (date(2025, 6, 9), date(2025, 6, 10), "day", False)),
    ("9-10 June 2025", (date(2025, 6, 9), date(2025, 6, 10), "day", False)),
    ("9 to 10 June 2025", (date(2025, 6, 9), date(2025, 6, 10), "day", False)),
    ("25 November 2025", _day(date(2025, 11, 25))),
    ("November 25, 2025", _day(date(2025, 11, 25))),
    ("Nov. 25, 2025", _day(date(2025, 11, 25))),
    ("the 25th of November 2025", _day(date(2025, 11, 25))),
    ("Tuesday, 25 November 2025", _day(date(2025, 11, 25))),
    ("2025-11-25", _day(date(2025, 11, 25))),
    ("2025-11-25T14:26:00Z", _day(date(2025, 11, 25))),
    ("25.11.2025", _day(date(2025, 11, 25))),
    ("26 November 202014:26", _day(date(2020, 11, 26))),
    ("30 December 2024 - 2 January 2025", (date(2024, 12, 30), date(2025, 1, 2), "day", False)),
    ("30 December - 2 January 2025", (date(2024, 12, 30), date(2025, 1, 2), "day", False)),
    ("March 2025", _month(2025, 3)),
    ("in March of 2025", _month(2025, 3)),
    ("March-April 2025", (date(2025, 3, 1), date(2025, 4, 30), "month", False)),
    ("the first half of 2025", (date(2025, 1, 1), date(2025, 6, 30), "month", False)),
    ("Q4 2024", (date(2024, 10, 1), date(2024, 12, 31), "month", False)),
    ("2024", _year(2024)),
    ("in 2024", _year(2024)),
    ("at the end of 2024", _year(2024)),
    ("summer 2024", _year(2024)),
    ("the 1990s", _year(1990, 1999)),
    ("2023-24", _year(2023, 2024)),
    ("2020-2022", _year(2020, 2022)),
    ("from 2020 to 2022", _year(2020, 2022)),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
@pytest.mark.parametrize("published", [TUE, JAN, None])
def test_absolute_dates_do_not_depend_on_publication(text, expected, published) -> None:
    assert _span(resolve_when(text, published=published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("2026-2030", TUE, _year(2026, 2030, future=True)),
        ("2026-2030", None, _year(2026, 2030)),
        ("2026–2030", TUE, _year(2026, 2030, future=True)),
        ("3 December 2025", TUE, _day(date(2025, 12, 3), future=True)),
        ("25 November 2025", TUE, _day(TUE)),
        ("2025", TUE, _year(2025)),
    ],
)
def test_absolute_dates_after_publication_are_future(text, published, expected) -> None:
    assert _span(resolve_when(text, published=published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("In March", TUE, _month(2025, 3)),
        ("March", TUE, _month(2025, 3)),
        ("In March", MON, _month(2024, 3)),
        ("In March", JAN, _month(2025, 3)),
        ("in March", LEAP, _month(2024, 3)),
        ("in December", JAN, _month(2025, 12)),
        ("in December", date(2025, 12, 10), _month(2025, 12)),
        ("in June", TUE, _month(2025, 6)),
        ("mid-June", JAN, _month(2025, 6)),
        ("late November", TUE, _month(2025, 11)),
        ("last March", TUE, _month(2025, 3)),
        ("last November", TUE, _month(2024, 11)),
        ("next March", TUE, _month(2026, 3, future=True)),
        ("September 26", TUE, _day(date(2025, 9, 26))),
        ("on 26 September", TUE, _day(date(2025, 9, 26))),
        ("on 26 September", date(2025, 9, 20), _day(date(2024, 9, 26))),
        ("September 26", date(2025, 9, 26), _day(date(2025, 9, 26))),
        ("on the 3rd of December", JAN, _day(date(2025, 12, 3))),
        ("29 February", TUE, _day(date(2024, 2, 29))),
        ("9-10 June", JAN, (date(2025, 6, 9), date(2025, 6, 10), "day", False)),
        ("30 December - 2 January", JAN, (date(2025, 12, 30), date(2026, 1, 2), "day", False)),
        ("between March and May", TUE, (date(2025, 3, 1), date(2025, 5, 31), "month", False)),
        ("the first quarter", TUE, (date(2025, 1, 1), date(2025, 3, 31), "month", False)),
    ],
)
def test_partial_dates_take_the_latest_not_after_publication(text, published, expected) -> None:
    assert _span(resolve_when(text, published=published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("3 December", TUE, _day(date(2025, 12, 3), future=True)),
        ("on 3 December", date(2025, 12, 5), _day(date(2026, 12, 3), future=True)),
        ("November 25", TUE, _day(TUE, future=True)),
        ("In March", TUE, _month(2026, 3, future=True)),
        ("In March", MON, _month(2025, 3, future=True)),
        ("in December", JAN, _month(2026, 12, future=True)),
        ("in December", date(2025, 12, 10), _month(2025, 12, future=True)),
        ("on Monday", TUE, _day(date(2025, 12, 1), future=True)),
        ("on Monday", MON, _day(MON, future=True)),
        ("yesterday", TUE, _day(date(2025, 11, 24))),
        ("2024", TUE, _year(2024)),
    ],
)
def test_future_hint_takes_the_next_on_or_after_publication(text, published, expected) -> None:
    assert _span(resolve_when(text, published=published, future_hint=True)) == expected


RELATIVE = [
    ("today", TUE, _day(TUE)),
    ("Today", JAN, _day(JAN)),
    ("this morning", TUE, _day(TUE)),
    ("tonight", MON, _day(MON)),
    ("earlier today", TUE, _day(TUE)),
    ("later today", TUE, _day(TUE, future=True)),
    ("yesterday", TUE, _day(date(2025, 11, 24))),
    ("yesterday evening", date(2026, 1, 1), _day(date(2025, 12, 31))),
    ("last night", JAN, _day(date(2026, 1, 13))),
    ("the day before yesterday", TUE, _day(date(2025, 11, 23))),
    ("tomorrow", TUE, _day(date(2025, 11, 26), future=True)),
    ("on Monday", TUE, _day(date(2025, 11, 24))),
    ("Monday", TUE, _day(date(2025, 11, 24))),
    ("on Monday", MON, _day(MON)),
    ("on Monday", JAN, _day(date(2026, 1, 12))),
    ("Friday evening", JAN, _day(date(2026, 1, 9))),
    ("last Monday", MON, _day(date(2025, 2, 3))),
    ("next Monday", MON, _day(date(2025, 2, 17), future=True)),
    ("last week", TUE, (date(2025, 11, 17), date(2025, 11, 23), "day", False)),
    ("last week", JAN, (date(2026, 1, 5), date(2026, 1, 11), "day", False)),
    ("this week", TUE, (date(2025, 11, 24), date(2025, 11, 30), "day", False)),
    ("over the weekend", TUE, (date(2025, 11, 22), date(2025, 11, 23), "day", False)),
    ("three days ago", TUE, _day(date(2025, 11, 22))),
    ("a week ago", JAN, _day(date(2026, 1, 7))),
    ("the past few days", TUE, (date(2025, 11, 18), date(2025, 11, 24), "day", False)),
    ("this year", TUE, _year(2025)),
    ("this year", JAN, _year(2026)),
    ("earlier this year", JAN, _year(2026)),
    ("later this year", TUE, _year(2025, future=True)),
    ("last year", TUE, _year(2024)),
    ("last year", JAN, _year(2025)),
    ("late last year", JAN, _year(2025)),
    ("at the end of 2024", JAN, _year(2024)),
    ("at the beginning of the year", TUE, _year(2025)),
    ("at the beginning of the year", JAN, _year(2026)),
    ("by the end of the year", TUE, _year(2025)),
    ("in October of this year", TUE, _month(2025, 10)),
    ("in October of this year", JAN, _month(2026, 10, future=True)),
    ("in October last year", JAN, _month(2025, 10)),
    ("in a few days", TUE, (date(2025, 11, 26), date(2025, 12, 2), "day", True)),
    ("in a few days' time", JAN, (date(2026, 1, 15), date(2026, 1, 21), "day", True)),
    # "next week" is the calendar week after publication's, as "last week" the one before
    ("next week", TUE, (date(2025, 12, 1), date(2025, 12, 7), "day", True)),
    ("early next week", date(2024, 6, 16), (date(2024, 6, 17), date(2024, 6, 23), "day", True)),
    ("the coming week", TUE, (date(2025, 11, 26), date(2025, 12, 2), "day", True)),
    ("in the coming days", TUE, (date(2025, 11, 26), date(2025, 12, 2), "day", True)),
    ("in the next few days", MON, (date(2025, 2, 11), date(2025, 2, 17), "day", True)),
    ("in two weeks", TUE, _day(date(2025, 12, 9), future=True)),
    ("next month", TUE, _month(2025, 12, future=True)),
    ("next month", date(2025, 12, 10), _month(2026, 1, future=True)),
    ("last month", JAN, _month(2025, 12)),
    ("next year", TUE, _year(2026, future=True)),
    ("next year", JAN, _year(2027, future=True)),
    ("earlier this month", TUE, _month(2025, 11)),
    ("earlier this month", JAN, _month(2026, 1)),
    ("later this month", TUE, _month(2025, 11, future=True)),
]


@pytest.mark.parametrize(("text", "published", "expected"), RELATIVE)
def test_relative_dates_count_from_publication(text, published, expected) -> None:
    assert _span(resolve_when(text, published=published)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "today",
        "yesterday",
        "on Monday",
        "In March",
        "September 26",
        "last week",
        "this year",
        "next month",
        "in a few days",
        "in October of this year",
        "03/04",
    ],
)
def test_without_publication_only_dates_with_a_year_resolve(text) -> None:
    assert resolve_when(text, published=None) is None


@pytest.mark.parametrize(
    "text",
    [
        "two hours",
        "three days",
        "80th anniversary",
        "the 80th anniversary of the victory in 1945",
        "the 21st Century",
        "decades",
        "annually",
        "every March",
        "weekly",
        "the same day",
        "the following day",
        "recently",
        "before March 2025",
        "",
        "   ",
    ],
)
@pytest.mark.parametrize("published", [TUE, None])
def test_expressions_naming_no_span_of_days_give_none(text, published) -> None:
    assert resolve_when(text, published=published) is None


def test_when_keeps_the_words_it_was_read_from() -> None:
    when = resolve_when("  on Monday ", published=TUE)
    assert when is not None
    assert when.text == "on Monday"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("hier", "fr", _day(date(2025, 11, 24))),
        ("le 3 mars 2025", "fr", _day(date(2025, 3, 3))),
        ("2025-11-25", "de", _day(TUE)),
        ("2026-2030", "ru", _year(2026, 2030, future=True)),
        ("deux heures", "fr", None),
        ("hier", "not-a-language", None),
    ],
)
def test_other_languages_go_to_dateparser(text, language, expected) -> None:
    assert _span(resolve_when(text, published=TUE, language=language)) == expected


class _FrozenClock(datetime):
    """A datetime whose now() and today() answer a fixed instant, swapped in for dateparser's."""

    instant = datetime(1971, 6, 15, 12, 0)

    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return cls.instant if tz is None else cls.instant.replace(tzinfo=tz)

    @classmethod
    def today(cls):  # type: ignore[override]
        return cls.instant

    @classmethod
    def utcnow(cls):  # type: ignore[override]
        return cls.instant


# Expressions read against publication days far from any real today, including "03/04", which
# only dateparser reads.
CLOCK_CASES = [
    ("In March", date(1998, 2, 10), _month(1997, 3)),
    ("September 26", date(2041, 9, 20), _day(date(2040, 9, 26))),
    ("on Monday", date(2041, 9, 20), _day(date(2041, 9, 16))),
    ("last week", date(1998, 2, 10), (date(1998, 2, 2), date(1998, 2, 8), "day", False)),
    ("this year", date(2041, 9, 20), _year(2041)),
    ("in a few days", date(1998, 2, 10), (date(1998, 2, 11), date(1998, 2, 17), "day", True)),
    ("03/04", date(2011, 6, 15), _day(date(2011, 3, 4))),
    ("03/04", date(2041, 2, 1), _day(date(2040, 3, 4))),
    ("March 3rd at noon", date(1998, 2, 10), _day(date(1997, 3, 3))),
    ("25 November 2025", None, _day(date(2025, 11, 25))),
]


@pytest.mark.parametrize(
    "instant", [None, datetime(1971, 6, 15, 12, 0), datetime(2093, 12, 31, 23, 59)]
)
def test_result_never_depends_on_todays_date(monkeypatch, instant) -> None:
    if instant is not None:
        monkeypatch.setattr(_FrozenClock, "instant", instant)
        # Every dateparser module that asks datetime for now() or today(); conf and date only
        # check types, and would reject the stand-in.
        for name, module in list(sys.modules.items()):
            if (
                name.startswith("dateparser")
                and name not in ("dateparser.conf", "dateparser.date")
                and getattr(module, "datetime", None) is datetime
            ):
                monkeypatch.setattr(module, "datetime", _FrozenClock)
        frozen = dateparser.parse("yesterday")
        assert frozen is not None and frozen.date() == (instant - timedelta(days=1)).date()
    for text, published, expected in CLOCK_CASES:
        assert _span(resolve_when(text, published=published)) == expected, text


# Words and numbers date expressions are made of, for the property test to combine.
PIECES = [
    piece
    for group in (
        "January March June September December Jan Sept Nov. May",
        "Monday Friday Sunday today yesterday tomorrow tonight weekend",
        "1 3 9 10 26 29 30 31 0 99 2024 2025 1999 2200 0000 202014:26",
        "2025-11-25 25.11.2025 03/04 2023-24 1990s Q1 H2 14:26 10am",
        "- – to and of the in on at last next this past coming earlier later",
        "a few several days weeks months years ago week month year",
        "first half quarter end beginning mid- summer hours anniversary",
    )
    for piece in group.split()
]


@hsettings(deadline=None, max_examples=300)
@given(
    text=st.text(max_size=80) | st.lists(st.sampled_from(PIECES), max_size=7).map(" ".join),
    published=st.none() | st.dates(),
    language=st.sampled_from(["en", "fr", "de", "zz"]),
    future_hint=st.booleans(),
)
def test_resolve_when_never_raises_and_keeps_start_before_end(
    text, published, language, future_hint
) -> None:
    when = resolve_when(text, published=published, language=language, future_hint=future_hint)
    if when is not None:
        assert when.start <= when.end
        assert when.precision in ("day", "month", "year")
        assert when.text == text.strip()
        if published is None:
            assert not when.future


# --- Forms added for unseen news: days of the month, the night, weeks, anaphoric days. ---


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        ("on the 12th", TUE, False, _day(date(2025, 11, 12))),
        ("the 28th", TUE, False, _day(date(2025, 10, 28))),
        ("on the 3rd of the month", JAN, False, _day(date(2026, 1, 3))),
        ("the 30th", TUE, True, _day(date(2025, 11, 30), future=True)),
        ("on the 2nd", TUE, True, _day(date(2025, 12, 2), future=True)),
    ],
)
def test_a_day_of_the_month_alone_is_this_months_or_the_last(
    text, published, future, expected
) -> None:
    assert _span(resolve_when(text, published=published, future_hint=future)) == expected


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        ("overnight", TUE, False, (date(2025, 11, 24), TUE, "day", False)),
        ("during overnight", MON, False, (date(2025, 2, 9), MON, "day", False)),
        ("overnight", TUE, True, (TUE, date(2025, 11, 26), "day", True)),
    ],
)
def test_overnight_is_the_night_before_publication_or_after_it(
    text, published, future, expected
) -> None:
    assert _span(resolve_when(text, published=published, future_hint=future)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("this past weekend", TUE, (date(2025, 11, 22), date(2025, 11, 23), "day", False)),
        ("over this past weekend", JAN, (date(2026, 1, 10), date(2026, 1, 11), "day", False)),
        ("this past week", TUE, (date(2025, 11, 18), date(2025, 11, 24), "day", False)),
        ("earlier this week", TUE, (date(2025, 11, 24), TUE, "day", False)),
        ("earlier in the week", JAN, (date(2026, 1, 12), JAN, "day", False)),
        ("later this week", TUE, (TUE, date(2025, 11, 30), "day", True)),
        ("late last week", MON, (date(2025, 2, 3), date(2025, 2, 9), "day", False)),
    ],
)
def test_weeks_and_weekends_are_intervals_of_days(text, published, expected) -> None:
    assert _span(resolve_when(text, published=published)) == expected


ANCHOR = date(2025, 11, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the previous day", _day(date(2025, 11, 19))),
        ("a day earlier", _day(date(2025, 11, 19))),
        ("the day before", _day(date(2025, 11, 19))),
        ("the following day", _day(date(2025, 11, 21))),
        ("two days later", _day(date(2025, 11, 22))),
        ("the next morning", _day(date(2025, 11, 21))),
        ("the same day", _day(ANCHOR)),
        ("Later the same day", _day(ANCHOR)),
        ("earlier that day", _day(ANCHOR)),
        ("on that day", _day(ANCHOR)),
        ("the following week", (date(2025, 11, 24), date(2025, 11, 30), "day", False)),
    ],
)
def test_anaphoric_days_count_from_the_anchor_not_publication(text, expected) -> None:
    assert needs_anchor(text)
    assert _span(resolve_when(text, published=TUE, anchor=ANCHOR)) == expected
    assert resolve_when(text, published=TUE) is None


@pytest.mark.parametrize("text", ["on Monday", "last week", "in 2019", "the 12th"])
def test_dates_of_their_own_need_no_anchor(text) -> None:
    assert not needs_anchor(text)


# --- Which date an event takes: the one attached to its verb in the parse. ---


@pytest.fixture(scope="module")
def nlp(pipelines: Pipelines) -> Language:
    """The packaged pipeline, fresh for this module (built once per session: see conftest)."""
    return pipelines.fresh()


def _verb_date(nlp, text: str, verb: str, published: date = TUE) -> tuple[str, Span | None]:
    """The words and the span of days an event on ``verb`` takes: its first that resolves."""
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    for phrase, _own, _tense in attached_dates(token, token, date_phrases(token.sent)):
        when = sentence_when(doc[phrase.start : phrase.end], published, False)
        if when is not None and not when.from_publication:
            return doc[phrase.start : phrase.end].text, when
    return "", None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        (
            "The two states, which broke off relations in 2016, reopened embassies on Thursday.",
            "reopened",
            "Thursday",
        ),
        ("Officials who had met in March signed the accord on 4 June.", "signed", "4 June"),
        ("Officials who had met in March signed the accord on 4 June.", "met", "March"),
        (
            "Chile recalled its envoy last week, a step that followed the closure of a mission "
            "in 2019.",
            "recalled",
            "last week",
        ),
    ],
)
def test_an_event_takes_its_own_verbs_date_not_a_relative_clauses(
    nlp, text, verb, expected
) -> None:
    assert _verb_date(nlp, text, verb)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        (
            "The council passed the text on 12 April, and on 20 April the assembly suspended "
            "the member.",
            "suspended",
            "20 April",
        ),
        (
            "The council passed the text on 12 April, and on 20 April the assembly suspended "
            "the member.",
            "passed",
            "12 April",
        ),
        ("Peru ratified the pact in May and Chile signed it in October.", "signed", "October"),
    ],
)
def test_a_conjunct_with_its_own_subject_keeps_its_own_date(nlp, text, verb, expected) -> None:
    assert _verb_date(nlp, text, verb)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The ministry said on Monday that it had expelled the attaché.", "expelled", "Monday"),
        ("The envoy went to Lima on Friday to meet the president.", "meet", "Friday"),
        ("Norway condemned the raid and recalled its consul on Sunday.", "condemned", "Sunday"),
    ],
)
def test_a_clause_without_a_date_takes_the_governing_or_shared_one(
    nlp, text, verb, expected
) -> None:
    assert _verb_date(nlp, text, verb)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The council adopted resolution 1963 on the embargo.",
        "Police detained 1963 people at the protest.",
        "This is the first summit of the two neighbours since 1976.",
        "Ties are at their lowest point since 2008, the minister said.",
        "It was the first meeting of the two premiers in 11 years.",
        "It marked the first visit by a Peruvian minister in six years.",
    ],
)
def test_numbers_in_names_counts_and_baselines_date_nothing(nlp, text) -> None:
    doc = nlp(text)
    assert date_phrases(doc[:]) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The union had on Friday demanded that the junta step down.", date(2025, 11, 21)),
        ("Drones struck the port overnight, the governor said.", date(2025, 11, 24)),
    ],
)
def test_day_words_the_recogniser_missed_still_date_the_verb(nlp, text, expected) -> None:
    words, when = _verb_date(nlp, text, "demanded" if "demanded" in text else "struck")
    assert words and when is not None and when.start == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoys met in Doha on 3 October. The following day, Qatar announced a truce.",
            date(2025, 10, 4),
        ),
        (
            "On Sunday 9 November the ministers talked by phone. Two days later the accord "
            "was signed.",
            date(2025, 11, 11),
        ),
        # after the verb's object, where the recogniser often leaves the phrase undated
        (
            "Peru protested to Chile on 14 October. Santiago rejected the note the following day.",
            date(2025, 10, 15),
        ),
        (
            "The envoys met in Lome on 12 November. Togo freed the sailors on the following day.",
            date(2025, 11, 13),
        ),
    ],
)
def test_anaphoric_days_count_from_the_day_the_text_last_named(nlp, text, expected) -> None:
    doc = nlp(text)
    second = list(doc.sents)[1]
    when = sentence_when(second, TUE, False)
    assert when is not None and not when.from_publication and when.start == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a past-tense weekday is the latest one, even when the next one is nearer
        ("Ghana expelled the attaché on Monday.", date(2025, 11, 28), date(2025, 11, 24)),
        ("Talks resumed on Tuesday in Geneva.", date(2025, 11, 30), date(2025, 11, 25)),
        # a day without a year just after publication is that one; far after, last year's
        ("The summit opens on 4 May in Accra.", date(2025, 5, 3), date(2025, 5, 4)),
        ("The board approved the plan on 26 February.", date(2025, 11, 28), date(2025, 2, 26)),
    ],
)
def test_sentence_dates_read_weekdays_back_and_days_near_publication(
    nlp, text, published, expected
) -> None:
    when = sentence_when(next(nlp(text).sents), published, False)
    assert when is not None and when.start == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru-Chile border talks on Monday", date(2025, 11, 24)),
        ("Summit of Andean leaders in Quito, 3 November", date(2025, 11, 3)),
    ],
)
def test_a_headline_without_a_verb_has_its_dates_too(nlp, text, expected) -> None:
    doc = nlp(text)
    root = next(iter(doc.sents)).root
    [(_phrase, own, _tense)] = attached_dates(root, root, date_phrases(doc[:]))
    assert own
    when = sentence_when(doc[:], TUE, False)
    assert when is not None and when.start == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Ties improved after the premier's state visit to Hanoi in March, the ministry said.",
            "visit",
            "March",
        ),
        ("Talks with the rebels in Doha on Saturday ended without a deal.", "Talks", "Saturday"),
    ],
)
def test_a_noun_trigger_takes_the_dates_it_carries(nlp, text, trigger, expected) -> None:
    assert _verb_date(nlp, text, trigger)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("On Monday the two kings are due to travel to Amman.", "travel", "Monday"),
        ("The bloc on Friday gave the junta ten days to free the president.", "free", "Friday"),
        ("On Tuesday Prime Minister Rutte had condemned the vote.", "condemned", "Tuesday"),
    ],
)
def test_governing_dates_reach_through_adjectives_nouns_and_misparsed_titles(
    nlp, text, verb, expected
) -> None:
    assert _verb_date(nlp, text, verb)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("The envoys will meet again in two weeks.", True, date(2025, 12, 9)),
        ("The parliament will vote within ten days.", True, date(2025, 12, 5)),
        ("The ceasefire collapsed in two weeks.", False, None),
        ("Talks ended within ten days.", False, None),
    ],
)
def test_in_a_count_of_days_is_a_date_only_in_the_future_tense(nlp, text, future, expected) -> None:
    when = sentence_when(next(nlp(text).sents), TUE, future)
    assert when is not None
    assert (None if when.from_publication else when.start) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "In a few days the envoys will convene in Rabat, followed by a meeting between "
            "presidents.",
            "meeting",
            date(2025, 11, 26),
        ),
        (
            "Within two weeks the envoys will gather in Oslo, followed by talks in Bergen.",
            "talks",
            date(2025, 12, 9),
        ),
    ],
)
def test_a_governing_future_verb_reads_its_date_forward(nlp, text, trigger, expected) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    found = [
        sentence_when(doc[p.start : p.end], TUE, tense == "future")
        for p, _own, tense in attached_dates(token, token, date_phrases(token.sent))
    ]
    assert any(w is not None and not w.from_publication and w.start == expected for w in found)


def _events(nlp, text: str, published: date):
    article = Article(
        id="a",
        doc="a.txt",
        text=text,
        title=None,
        published=published,
        language="en",
        publisher=None,
    )
    [(_article, analysis)] = list(analyse([article], nlp))
    return analysis.events


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Polish foreign minister arrives in Kyiv on Thursday for talks with his "
            "Ukrainian counterpart.",
            date(2025, 11, 27),
        ),
        ("The Kenyan president visits Tanzania on Friday.", date(2025, 11, 28)),
        # a present verb of saying reports what was said: the latest Monday
        ("Chile says on Monday it expelled two Bolivian diplomats.", date(2025, 11, 24)),
    ],
)
def test_a_present_tense_weekday_is_the_one_nearest_the_report(nlp, text, expected) -> None:
    [event] = _events(nlp, text, TUE)
    assert event.when is not None and event.when.start == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("It was on 3 March that Chile recalled its ambassador.", "recalled", "3 March"),
        ("It was last October that the two sides signed the accord.", "signed", "last October"),
    ],
)
def test_a_cleft_sentence_dates_its_that_clause(nlp, text, verb, expected) -> None:
    assert _verb_date(nlp, text, verb)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the day after 6 May", _day(date(2025, 5, 7))),
        ("two days before the October 9", _day(date(2025, 10, 7))),
        ("a week after March 3", _day(date(2025, 3, 10))),
    ],
)
def test_a_count_from_a_stated_day_is_read_from_that_day(text, expected) -> None:
    assert _span(resolve_when(text, published=TUE)) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        (
            "In March 2009 Chile recalled its ambassador, and Peru answered in kind.",
            "answered",
            "March 2009",
        ),
        (
            "In March 2009 Chile recalled its ambassador, and Peru answered by expelling the "
            "Chilean consul.",
            "expelling",
            "March 2009",
        ),
        (
            "Back in 2017 Kenya banned the imports and Uganda retaliated with tariffs.",
            "retaliated",
            "2017",
        ),
        # a present-tense sequel is not dated by the past act before it
        ("In 2016 Chile recalled its envoy, and Peru still demands an apology.", "demands", ""),
    ],
)
def test_a_past_sequel_with_its_own_subject_takes_the_first_verbs_date(
    nlp, text, verb, expected
) -> None:
    assert _verb_date(nlp, text, verb)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Norway condemned the raid and, on Sunday, recalled its consul.", "condemned", ""),
        ("Norway condemned the raid and, on Sunday, recalled its consul.", "recalled", "Sunday"),
        (
            "Ecuador criticised the ruling and in May 2022 expelled the ambassador.",
            "criticised",
            "",
        ),
        (
            "Ecuador criticised the ruling and in May 2022 expelled the ambassador.",
            "expelled",
            "May 2022",
        ),
    ],
)
def test_a_date_set_before_a_later_conjunct_dates_that_conjunct_alone(
    nlp, text, verb, expected
) -> None:
    assert _verb_date(nlp, text, verb)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "The feud goes back to 2019, when Bolivia expelled the Peruvian consul.",
            "expelled",
            "2019",
        ),
        (
            "Trade has been frozen since the spring of 2018, when Ecuador shut its embassy "
            "in Lima.",
            "shut",
            "the spring of 2018",
        ),
        (
            "The minister had angered Lima by declaring on 8 June, during talks with Bolivia, "
            "that the border was closed.",
            "talks",
            "8 June",
        ),
        (
            "The king drew protests for remarking on 12 July, during a trip to Morocco, that the "
            "deal was over.",
            "trip",
            "12 July",
        ),
    ],
)
def test_a_when_clause_or_during_phrase_after_a_date_is_set_at_it(
    nlp, text, trigger, expected
) -> None:
    assert _verb_date(nlp, text, trigger)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        (
            "Chile called Peru the day after the March 3 election to congratulate him.",
            "called",
            date(2025, 3, 4),
        ),
        ("Two days after the 12 May vote, Peru recalled its envoy.", "recalled", date(2025, 5, 14)),
        ("Kenya protested the day after the June 14 raid.", "protested", date(2025, 6, 15)),
    ],
)
def test_a_count_of_days_reads_from_the_day_stated_after_it(nlp, text, verb, expected) -> None:
    words, when = _verb_date(nlp, text, verb)
    assert words and when is not None and when.start == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The ministers discussed Chile's presidency of the bloc next year.",
        "The two leaders discussed Kenya's chairmanship of the bloc next year.",
    ],
)
def test_a_past_act_is_not_dated_after_the_report(nlp, text) -> None:
    [event] = _events(nlp, text, TUE)
    assert event.when is not None and event.when.start == TUE


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the undated recall is the report's news, not the one of 2012
        (
            "Chile first recalled its ambassador to Peru in 2012. Chile has recalled its "
            "ambassador to Peru, officials said.",
            [date(2012, 1, 1), TUE],
        ),
        (
            "Ghana and Togo signed a border accord in 2008. Ghana and Togo signed a trade accord, "
            "officials said.",
            [date(2008, 1, 1), TUE],
        ),
        # a dated act of the report's weeks takes the undated sentence that continues it
        (
            "Ghana and Togo signed a border accord last week. Ghana and Togo signed the accord, "
            "officials said.",
            [date(2025, 11, 17)],
        ),
    ],
)
def test_an_undated_sentence_joins_only_a_recent_act_of_the_same_kind(nlp, text, expected) -> None:
    events = _events(nlp, text, TUE)
    assert sorted(e.when.start for e in events if e.when is not None) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoys from Laos met on a Sunday.", True),
        ("Marching bands greeted the Fijian delegation.", True),  # only a filter: "march" inside
        ("The envoys from Laos met at the border.", False),
        ("Officials in Oslo signed the accord.", False),
    ],
)
def test_a_span_may_name_a_day_only_where_its_text_holds_a_day_word(
    nlp, text: str, expected: bool
) -> None:
    doc = nlp(text)
    assert _may_name_a_day(doc[:]) is expected


@pytest.mark.parametrize(
    ("text", "base", "span"),
    [
        ("days later", ("2023-12-01", "2023-12-31"), ("2023-12-02", "2024-01-07")),
        ("two weeks later", ("2019-03-01", "2019-03-31"), ("2019-03-15", "2019-04-14")),
        ("a month later", ("2022-01-01", "2022-01-31"), ("2022-02-01", "2022-02-28")),
        ("a year earlier", ("2020-05-04", "2020-05-04"), ("2019-01-01", "2019-12-31")),
        ("weeks later", ("2021-06-10", "2021-06-10"), ("2021-06-17", "2021-07-08")),
    ],
)
def test_time_counted_on_from_the_date_named_before(text: str, base: tuple, span: tuple) -> None:
    start, end = (date.fromisoformat(d) for d in base)
    named = When(start=start, end=end, precision="day", text="before")
    assert counts_on(text)
    found = counted_on(text, named)
    assert found is not None and (found.start.isoformat(), found.end.isoformat()) == span


def test_months_later_says_too_little_to_date() -> None:
    named = When(start=date(2022, 1, 1), end=date(2022, 1, 31), precision="month", text="x")
    assert counts_on("months later") and counted_on("months later", named) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a chronology tells each entry in the present; its line's date dates every sentence
        (
            "Timeline\n\n10 July 2022 - Forty-nine Chadian soldiers are arrested by Nigerien "
            "police. The Nigerien government accuses Chad of sending mercenaries.\n\n"
            "14 July 2022 - Chad denies the charge.",
            [date(2022, 7, 10), date(2022, 7, 10), date(2022, 7, 14)],
        ),
        (
            "Milestones\n\n2 March 2024 - Tunisia hosts Libyan officials in Tunis. The two "
            "sides agree to reopen the border post.\n\n5 May 2024 - Libya recalls its envoy.",
            [date(2024, 3, 2), date(2024, 3, 2), date(2024, 5, 5)],
        ),
    ],
)
def test_a_chronologys_entry_is_dated_by_the_day_its_line_opens_with(nlp, text, expected) -> None:
    events = _events(nlp, text, JAN)
    assert sorted(e.when.start for e in events if e.when is not None) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month in capitals heads the entry; it is neither a dateline's city nor a name
        (
            "Background\n\nNOV 10, 2020 - Chile and Peru sign a border protocol in Lima.\n\n"
            "AUG 8, 2025 - Ghana expels two Togolese diplomats.",
            [(date(2020, 11, 10), date(2020, 11, 10)), (date(2025, 8, 8), date(2025, 8, 8))],
        ),
        (
            "Key dates\n\nSEPT 1, 2023 - Kenya recalls its envoy from Kinshasa.\n\n"
            "JAN 13-14, 2024 - Kenya and Congo hold talks in Nairobi.",
            [(date(2023, 9, 1), date(2023, 9, 1)), (date(2024, 1, 13), date(2024, 1, 14))],
        ),
    ],
)
def test_a_chronologys_day_with_its_month_in_capitals(nlp, text, expected) -> None:
    events = _events(nlp, text, JAN)
    assert sorted((e.when.start, e.when.end) for e in events if e.when is not None) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Timeline\n\n12 May - Ghana recalls its ambassador from Lomé.\n\n"
        "14 May - Togo expels two Ghanaian diplomats.",
        "Diary\n\n12 May - The British foreign secretary speaks by phone with the Indian "
        "foreign minister.\n\n14 May - Pakistan closes its airspace to Indian airlines.",
    ],
)
def test_a_chronologys_day_and_month_without_a_year_date_the_entry(nlp, text) -> None:
    events = _events(nlp, text, date(2025, 6, 20))
    days = {e.when.start for e in events if e.when is not None}
    assert days == {date(2025, 5, 12), date(2025, 5, 14)}


@pytest.mark.model
def test_a_chronologys_date_does_not_reach_past_its_entry(nlp) -> None:
    text = (
        "Timeline\n\n3 March 2021 - Chile closes the crossing.\n\nPeru protested, officials said."
    )
    dates = sorted(e.when.start for e in _events(nlp, text, TUE) if e.when is not None)
    assert dates == [date(2021, 3, 3), TUE]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "month"),
    [
        (
            "The row goes back to September 2023, when Iraq's court struck down the law that "
            "had ratified the 2012 agreement. Kuwait summoned the Iraqi ambassador days later.",
            (2023, 9),
        ),
        (
            "The quarrel began in March 2021, when Chile revoked its 2015 accord with Peru. "
            "Peru recalled its ambassador days later.",
            (2021, 3),
        ),
    ],
)
def test_a_year_that_names_a_thing_is_no_date_to_count_on_from(nlp, text, month) -> None:
    [event] = [e for e in _events(nlp, text, TUE) if e.event in {"ACCUSE", "SANCTION"}]
    assert event.when is not None and (event.when.start.year, event.when.start.month) == month


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Timeline\n\nDecember 8-9, 2025 - Indonesia and Vietnam hold talks in Jakarta.",
            (date(2025, 12, 8), date(2025, 12, 9)),
        ),
        (
            "Key dates\n\nMarch 3-4, 2024 - Chile and Peru hold talks in Lima.",
            (date(2024, 3, 3), date(2024, 3, 4)),
        ),
    ],
)
def test_a_range_of_days_heading_an_entry_is_read_whole(nlp, text, span) -> None:
    [event] = _events(nlp, text, JAN)
    assert event.when is not None and (event.when.start, event.when.end) == span


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Timeline\n\nJuly-August 2023 - Niger and Gabon. After the coup, the AU suspended "
            "Niger on 22 August.",
            date(2023, 8, 22),
        ),
        (
            "Timeline\n\nMarch 2021 - Kenya recalled its ambassador from Somalia on 14 March.",
            date(2021, 3, 14),
        ),
    ],
)
def test_a_day_in_a_chronologys_entry_is_of_the_entrys_year(nlp, text, day) -> None:
    [event] = [e for e in _events(nlp, text, JAN) if e.event == "SANCTION"]
    assert event.when is not None and event.when.start == day


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the recogniser reads "September" and "2021" apart: the year is still the day's
        ("22 September 2021 - Algeria closed its airspace to all Moroccan aircraft.",
         date(2021, 9, 22)),
        # or "28 April" without its year
        ("28 April 2021 - Chad closed its border with Sudan.",
         date(2021, 4, 28)),
    ],
)  # fmt: skip
def test_a_day_first_date_keeps_the_year_the_recogniser_read_apart(nlp, text, day) -> None:
    [event] = _events(nlp, text, date(2024, 7, 10))
    assert event.when is not None and event.when.start == day
