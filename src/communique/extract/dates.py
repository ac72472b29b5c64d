"""Dates an article states: a date expression resolved to a span of days.

Part of the event stage. News writes most dates relative to the article ("on Monday", "last
week", "in March", "next year"), so every expression is read against the publication date and
never against today's date: the same article gives the same dates whenever it is processed. Our
own patterns cover the English forms diplomatic news uses and the numeric forms of any language;
dateparser reads the rest. Durations ("two hours"), counts ("80th anniversary") and eras ("the
21st Century") name no span of days and resolve to None.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..ents import doc_text, entities_in, tokens_lowered
from ..model import Span
from ..patterns import dates_ru, speech

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "NEWS_WINDOW",
    "DatePhrase",
    "DateResolver",
    "Precision",
    "Tense",
    "When",
    "attached_dates",
    "background",
    "carried_date",
    "counted_from",
    "counted_on",
    "counts_on",
    "date_phrases",
    "heading_date",
    "heading_phrase",
    "names_month",
    "needs_anchor",
    "reference_date",
    "resolve_when",
    "russian_date_matches",
    "sequel_date",
    "told_in_past",
]

Precision = Literal["day", "month", "year"]
# How the extractors ask for a sentence's date: (sentence, published, future tense, character
# spans to leave out) -> its span of days; ``extract.sentence_when`` is the one in use.
DateResolver = Callable[[SpacySpan, date | None, bool, list[tuple[int, int]]], Span | None]
_Mode = Literal["past", "future", "last", "next"]
Tense = Literal["past", "present", "future"]


@dataclass(frozen=True, slots=True, kw_only=True)
class When:
    """The span of days a date expression names, read against the publication date.

    ``end`` is inclusive and equals ``start`` for a single day. ``precision`` says whether the
    text named days, months or years (a range keeps the precision of its ends: "2026-2030" is a
    span of years). ``future`` marks a span the text places after the publication date.
    """

    start: date
    end: date
    precision: Precision
    text: str
    future: bool = False


class _Span(NamedTuple):
    """A resolved span before it is checked and given its text."""

    start: date
    end: date
    precision: Precision
    future: bool = False


class _Parts(NamedTuple):
    """What one side of a date expression states: day, month and year, any of them missing."""

    day: int | None
    month: int | None
    year: int | None


# Longer than any date expression a sentence holds: not worth reading.
_MAX_CHARS = 120
# How many years either side of publication a partial date ("29 February") may fall in.
_PARTIAL_YEARS = 9
# Spans the vague English counts stand for: "a few days" is a week, "recent weeks" four.
_FEW_DAYS = 7
_FEW_WEEKS = 4
# The months "in the coming months" reaches after the current one.
_COMING_MONTHS = 3

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)} | {
    name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)
}
_MONTHS["sept"] = 9
_WEEKDAYS = {name: i for i, name in enumerate(_WEEKDAY_NAMES)}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?:" + "|".join(_WEEKDAY_NAMES) + ")"
_YEAR_NUM = r"(?:1\d{3}|2[01]\d{2})"
_NUM = r"(?:\d{1,4}|" + "|".join(_NUMBERS) + ")"
_VAGUE = r"(?:a few|few|several|a couple of|a couple|couple of)"
_UNIT = r"(?P<unit>day|week|month|year)s?"


def _full(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.ASCII)


# --- Normalising: lower case, no times, no punctuation but the hyphens and dots of numbers. ---

# A four-digit year glued to a time: "202014:26" is the year 2020 at 14:26.
_GLUED_TIME = _full(r"\b(\d{4})(\d{1,2}:\d{2})\b")
_ISO_TIME = _full(
    r"\b(\d{4}-\d{1,2}-\d{1,2})t\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?"
)
_TIME = _full(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.?m\b\.?)?|\b\d{1,2}(?:\.\d{2})? ?(?:[ap]\.m\.|[ap]m\b)"
    r"|\b(?:gmt|utc|cet|cest|eet|eest|msk|bst|est|edt|pst|pdt)\b(?: ?[+-]\d{1,2})?"
    r"|\blocal time\b|\bo'clock\b"
)
_POSSESSIVE = _full(r"(?<=[a-z])'s\b")
_DECADE_APOSTROPHE = _full(r"\b(\d{3}0)'s\b")
_ORDINAL = _full(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_PUNCTUATION = _full(r"[,;:!?()\[\]{}\"'“”«»]|(?<!\d)\.|\.(?!\d)")
_JOINED_MODIFIER = _full(r"\b(mid|early|late|end|start|beginning)-(?=[a-z0-9])")
_EARLY_HOURS = _full(r"\b(?:the )?(?:early|small|wee) hours of\b")

# Words that make the expression something other than a span of days.
_REJECT = _full(
    r"\b(?:anniversar\w*|centur\w*|decades?|millenni\w*|annual\w*|biannual\w*|yearly|weekly"
    r"|daily|monthly|every|each|per|once|twice|times|ages?|old|long|lifetime|generations?"
    r"|prior|ahead of|(?:before|after)(?! (?:yesterday|tomorrow)\b))\b"
)
# Words that place or round a span without changing the days it names.
_FILLER = (
    frozenset({"the", "of", "in", "on", "at", "by", "since", "from", "between", "during"})
    | {"throughout", "around", "about", "circa", "approximately", "roughly", "some", "as"}
    | {"close", "turn", "early", "mid", "late", "earlier", "later", "end", "beginning"}
    | {"start", "middle", "morning", "afternoon", "evening", "night", "noon", "midnight"}
)
_LEADING_SEPARATOR = _full(r"^(?:(?:to|until|till|through|and)\b ?)+")
_RANGE_SEPARATOR = _full(r" ?- ?| (?:to|until|till|through|and) ")

# --- Numeric forms, read in any language. ---

_ISO = _full(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})/(\d{1,2})/(\d{1,2})")
_DOTTED = _full(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_YEAR = _full(_YEAR_NUM)
_YEAR_RANGE = _full(rf"({_YEAR_NUM}) ?[-/] ?({_YEAR_NUM}|\d{{2}})")
_ANY_YEAR = _full(rf"\b({_YEAR_NUM})s?\b")
_DECADE = _full(r"(1\d\d|2[01]\d)0s")

# --- English relative forms, read against the publication date. ---

_PREP = r"(?:(?:on|in|at|during|over|for|by|since|of|throughout) )?"
_TODAY = _full(
    rf"{_PREP}(?:(?P<mod>earlier|later) )?"
    r"(?:today|tonight|this (?:morning|afternoon|evening))(?: (?:morning|afternoon|evening))?"
)
_YESTERDAY = _full(rf"{_PREP}(?:yesterday(?: (?:morning|afternoon|evening|night))?|last night)")
_BEFORE_YESTERDAY = _full(rf"{_PREP}(?:the )?day before yesterday")
_TOMORROW = _full(rf"{_PREP}tomorrow(?: (?:morning|afternoon|evening|night))?")
_AFTER_TOMORROW = _full(rf"{_PREP}(?:the )?day after tomorrow")
_AGO = _full(rf"{_PREP}(?P<n>{_NUM}|{_VAGUE}) {_UNIT} ago")
_IN_UNITS = _full(rf"(?:in|within) (?:the next )?(?P<n>{_NUM}|{_VAGUE}) {_UNIT}(?: time)?")
_COMING_DAYS = _full(
    rf"{_PREP}(?:(?:the )?(?:next|coming) (?:{_VAGUE} )?days|(?:the )?days (?:ahead|to come)"
    r"|(?:the )?coming week|the next week)|within days"
)
_COMING_WEEKS = _full(
    rf"{_PREP}(?:(?:the )?(?:next|coming) (?:{_VAGUE} )?weeks|(?:the )?weeks (?:ahead|to come)"
    r")|within weeks"
)
_COMING_MONTHS_RE = _full(
    rf"{_PREP}(?:(?:the )?(?:next|coming) (?:{_VAGUE} )?months|(?:the )?months (?:ahead|to come))"
)
_PAST_WINDOW = _full(
    rf"{_PREP}(?:(?:the |this )?(?:past|last) (?:(?P<n>{_NUM}|{_VAGUE}) )?(?P<unit>day|week)s?"
    r"|recent (?P<recent>day|week)s)"
)
# "last week" alone is the calendar week before publication's, Monday to Sunday; "next
# week", the one after it ("the next week" and "the coming week" are the seven days ahead).
_LAST_WEEK = _full(rf"{_PREP}(?:(?:early|late) )?last week")
_NEXT_WEEK = _full(rf"{_PREP}(?:(?:early|late) )?next week")
_THIS_WEEK = _full(rf"{_PREP}(?:(?P<mod>earlier|later) )?(?:(?:this|the current) week|in the week)")
_WEEKEND = _full(rf"{_PREP}(?:(?P<which>last|next|this past|this|the) )?weekend")
# The night before publication (or, in a sentence about what comes, the night after it).
_PART = "morning|afternoon|evening|night"
_OVERNIGHT = _full(rf"{_PREP}overnight")
# A day of the month alone ("on the 12th"): the month is publication's, or the one before.
_DAY_OF_MONTH = _full(rf"{_PREP}the (?P<day>\d{{1,2}})(?: of (?:the|this) month)?")
# Days counted from another date the text gave ("the previous day", "two days later"): read
# against that anchor, not the publication date.
_ANAPHORIC = _full(
    rf"{_PREP}(?:(?:later|earlier) (?:on |in )?)?"
    rf"(?:the (?P<rel>previous|preceding|following|next|same) (?P<unit>day|week|{_PART})"
    r"|the day (?P<side>before|after)|that (?:same )?(?P<that>day)"
    rf"|(?P<n>{_NUM}) (?P<count_unit>day|week)s? (?P<dir>earlier|later|before|after))"
    rf"(?: (?:{_PART}))?"
)

# Time counted on from the date the text named last, whatever its precision: "days later",
# "two weeks later", "a month later", "a year earlier" (a day named last: see _ANAPHORIC).
_LATER = _full(
    rf"{_PREP}(?:(?P<n>{_NUM}|an?|{_VAGUE}) )?(?P<unit>day|week|month|year)s? "
    r"(?P<dir>later|earlier)"
)

# Days counted from a date stated with them: "the day after 6 May", "two weeks before March 3".
_COUNTED_FROM = _full(
    rf"(?P<count>the day|{_NUM} (?:day|week)s?) (?P<side>before|after) (?:the )?(?P<date>.+)"
)

# Year and month words replaced by the year and month they name.
_YEAR_WORDS = (
    (_full(r"\b(?:this|the current|the present) year\b"), 0),
    (_full(r"\blast year\b"), -1),
    (_full(r"\b(?:next|the coming) year\b"), 1),
)
_THE_YEAR = _full(r"\b(of|in) the year\b")
_MONTH_WORDS = (
    (_full(r"\b(?:this|the current|the present) month\b"), 0),
    (_full(r"\blast month\b"), -1),
    (_full(r"\b(?:next|the coming) month\b"), 1),
)
_THE_MONTH = _full(r"\b(of|in) the month\b")

# --- English absolute and partial forms, once the filler is gone. ---

_PERIOD = _full(
    r"(?:(?P<ord>first|second|third|fourth|[1-4]) (?P<kind>quarter|half)|(?P<q>[qh])(?P<n>[1-4]))"
    r"(?: (?P<year>\d{4}))?"
)
_SEASON = _full(
    r"(?:spring|summer|autumn|fall|winter) (?P<year>\d{4})|this (?:spring|summer|autumn|fall)"
)
_RELATIVE_WORD = _full(r"(?P<which>last|past|next|coming|this) (?P<rest>.+)")
_WEEKDAY_ALONE = _full(rf"(?P<weekday>{_WEEKDAY})")
_SIDES = (
    _full(rf"(?P<day>\d{{1,2}}) (?P<month>{_MONTH})(?: (?P<year>{_YEAR_NUM}))?"),
    _full(rf"(?P<month>{_MONTH})(?: (?P<day>\d{{1,2}}))?(?: (?P<year>{_YEAR_NUM}))?"),
    _full(rf"(?P<day>\d{{1,2}})(?: (?P<year>{_YEAR_NUM}))?"),
    _full(rf"(?P<year>{_YEAR_NUM})"),
)
_LEADING_WEEKDAY = _full(rf"^{_WEEKDAY} (?=\d|{_MONTH}\b)")

# What the dateparser fallback needs to see before it is asked: a month, weekday, year or numbers.
_MONTH_NAME = _full(rf"\b{_MONTH}\b")
# Languages whose date words the Russian table reads (Belarusian goes through the Russian stage).
_RUSSIAN_LANGUAGES = {"ru", "be"}
_DATELIKE = _full(rf"\b(?:{_MONTH}|{_WEEKDAY})\b|\b{_YEAR_NUM}\b|\b\d{{1,2}}[/.]\d{{1,2}}\b")


def resolve_when(
    text: str,
    *,
    published: date | None,
    language: str = "en",
    future_hint: bool = False,
    anchor: date | None = None,
) -> When | None:
    """Resolve a date expression (the text of a spaCy DATE entity, or a phrase) to a span of days.

    Relative and partial dates are read against ``published``, never today's date; without it
    only absolute dates with a year resolve. ``future_hint`` says the sentence is in the future
    tense ("will meet on 3 December"), so a partial date is the next one on or after publication.
    ``anchor`` is the day the text last named, which "the previous day" or "two days later"
    count from; without one they resolve to None (see :func:`needs_anchor`).
    Returns None for text that names no span of days (durations, anniversaries, centuries).
    """
    try:
        span = _resolve(text, published, language, future_hint, anchor)
    except (ValueError, OverflowError):
        return None
    if span is None or span.start > span.end:
        return None
    future = published is not None and (
        span.future or span.start > published or (future_hint and span.end >= published)
    )
    return When(
        start=span.start,
        end=span.end,
        precision=span.precision,
        text=text.strip(),
        future=future,
    )


def names_month(text: str) -> bool:
    """Whether the expression names a month ("May 4", "in March"), not only a weekday or count."""
    return _MONTH_NAME.search(_readable(text).lower()) is not None


def counts_on(text: str) -> bool:
    """Whether the expression counts on from a date named before ("days later", "a year later")."""
    return len(text) <= _MAX_CHARS and _LATER.fullmatch(_normalise(text)) is not None


def counted_on(text: str, base: When) -> When | None:
    """The days, month or year ``text`` names, counted from ``base``, the date named before.

    "The dispute flared in December 2023 … Ali and Maduro met days later": some days after
    December, so early in the month after at the latest. A count of months or years keeps that
    unit ("a month later" is the month after); "months later" says too little to date.
    """
    match = _LATER.fullmatch(_normalise(text))
    if match is None:
        return None
    sign = -1 if match["dir"] == "earlier" else 1
    word, unit = match["n"] or "", match["unit"]
    exact = word.isdigit() or word in _NUMBERS or word in {"a", "an"}
    count = 1 if word in {"a", "an"} else _count(word, unit) if exact else 0
    if unit in {"month", "year"}:
        if not exact:
            return None
        if unit == "year":
            span = _year_span(base.start.year + sign * count)
        else:
            span = _month_span(*_shift_month(base.start.year, base.start.month, sign * count))
    else:
        size = 7 if unit == "week" else 1
        least, most = (count, count) if exact else (1, _FEW_WEEKS if unit == "week" else _FEW_DAYS)
        near, far = timedelta(days=least * size), timedelta(days=most * size)
        if sign > 0:
            span = _Span(base.start + near, base.end + far, "day")
        else:
            span = _Span(base.start - far, base.end - near, "day")
    return When(start=span.start, end=span.end, precision=span.precision, text=text.strip())


def needs_anchor(text: str) -> bool:
    """Whether the expression counts from a date the text gave before ("the following day")."""
    if len(text) > _MAX_CHARS:
        return False
    return _ANAPHORIC.fullmatch(_normalise(_readable(text))) is not None


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_RUSSIAN_WORD = re.compile(r"[\w.]+|[^\w\s]")


def _readable(text: str) -> str:
    """The expression in the words the English reader knows: Russian ones are put in English."""
    return _from_russian(text) if _CYRILLIC.search(text) else text


@cache
def _russian_words() -> tuple[dict[str, str], dict[str, str], frozenset[str], re.Pattern[str]]:
    """The Russian date table as lookups: words, phrases (longest first), weekdays, phrase regex."""
    table = dates_ru()
    words: dict[str, str] = dict(table["words"])
    weekdays: set[str] = set()
    for english, forms in table["months"].items():
        words |= dict.fromkeys(forms, english)
    for english, forms in table["weekdays"].items():
        words |= dict.fromkeys(forms, english)
        weekdays.update(forms)
    for english, stem in table.get("month_adjectives", {}).items():
        # "майского визита": the visit in May
        words |= {stem + ending: f"in {english}" for ending in table["adjective_endings"]}
    words |= {numeral: f"the {ordinal}" for numeral, ordinal in table["quarters"].items()}
    phrases = table["relative"] | table["year_words"]
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return words, phrases, frozenset(weekdays), re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@lru_cache(maxsize=4096)
def _from_russian(text: str) -> str:
    """A Russian date expression in English words: "в марте текущего года" -> "in march this year".

    The English reader then resolves it, so both languages share one set of rules; a weekday
    after "в" is read "on" ("в понедельник": "on monday").
    """
    words, phrases, weekdays, phrase = _russian_words()
    lowered = text.lower().replace("ё", "е")
    for dash in "–—‒−":
        lowered = lowered.replace(dash, "-")
    lowered = phrase.sub(lambda m: f" {phrases[m.group(0)]} ", lowered)
    out: list[str] = []
    tokens = _RUSSIAN_WORD.findall(lowered)
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in {"в", "во"} and following in weekdays:
            out.append("on")
            continue
        out.append(words.get(token, words.get(token.rstrip("."), token)))
    return " ".join(" ".join(out).split())


@cache
def _russian_date_pattern() -> re.Pattern[str]:
    """The shapes of Russian date expressions, built from the Russian date table's words."""
    table = dates_ru()
    months = "|".join(sorted((f for fs in table["months"].values() for f in fs), key=len)[::-1])
    days = "|".join(f for fs in table["weekdays"].values() for f in fs)
    years = "|".join(re.escape(w) for w in table["year_words"])
    relative = "|".join(re.escape(p) for p in sorted(table["relative"], key=len, reverse=True))
    quarters = "|".join(q.upper() if q.isascii() else q for q in table["quarters"])
    year = r"\d{4}(?:\s*(?:г\.|года|году|год)(?!\w))?"
    day = r"\d{1,2}(?:\s*[-–—]\s*\d{1,2})?"
    stems = "|".join(table.get("month_adjectives", {}).values())
    endings = "|".join(sorted(table.get("adjective_endings", []), key=len, reverse=True))
    shapes = [
        rf"(?:с\s+)?{day}(?:\s+по\s+\d{{1,2}})?\s+(?:{months})(?:\s+{year})?",
        r"\d{1,2}\.\d{1,2}\.\d{4}(?:\s*г\.)?",
        rf"в\s+(?:{months})(?:\s+(?:{years})|\s+{year})?",
        rf"во?\s+(?:{days})",
        rf"в\s+(?:{quarters})\s+квартале\s+(?:{years}|{year})",
        r"в\s+\d{4}(?:\s*[-–—]\s*\d{4})?\s+(?:году|годах)",
        relative,
    ]
    if stems:
        shapes.append(rf"(?:{stems})(?:{endings})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(shapes)})(?!\w)", re.IGNORECASE)


def russian_date_matches(text: str) -> list[tuple[int, int]]:
    """Character spans of the Russian date expressions in ``text``, for the Russian Doc's DATEs.

    slovnet's recogniser finds no dates; these shapes (a day and month with or without a year,
    dotted dates, a month or weekday after "в", quarters, years, relative words) give the spans
    the date stage then reads as in English.
    """
    return [match.span() for match in _russian_date_pattern().finditer(text)]


def _resolve(
    text: str, published: date | None, language: str, future_hint: bool, anchor: date | None
) -> _Span | None:
    """Try our patterns in turn, then dateparser; None when nothing reads the text as a date.

    A Russian expression is first put in English words (:func:`_from_russian`) and read by the
    English rules; dateparser reads it in Russian where they cannot.
    """
    if len(text) > _MAX_CHARS:
        return None
    if language.lower().split("-")[0] in _RUSSIAN_LANGUAGES:
        span = _resolve(_from_russian(text), published, "en", future_hint, anchor)
        if span is not None:
            return span
    cleaned = _GLUED_TIME.sub(r"\1 \2", " ".join(text.split()))
    norm = _normalise(cleaned)
    if match := _COUNTED_FROM.fullmatch(norm):
        return _counted_from_date(match, published, language)
    if match := _ANAPHORIC.fullmatch(norm):
        return _counted_from_anchor(match, anchor) if anchor is not None else None
    if not norm or _REJECT.search(norm):
        return None
    if published is None and not _ANY_YEAR.search(norm):
        return None
    english = language.lower().split("-")[0] == "en"
    span = _numeric(norm)
    if span is None and english:
        span = _english(norm, published, future_hint)
    if span is None and (not english or _DATELIKE.search(norm)):
        span = _dateparser(cleaned, published, language, future_hint)
    return span


def _normalise(text: str) -> str:
    """Lower-case the text and drop times, ordinal suffixes and punctuation but numeric dots."""
    text = text.lower()
    for dash in "–—‒−":
        text = text.replace(dash, "-")
    text = text.replace("’", "'").replace("‘", "'")
    text = _ISO_TIME.sub(r"\1", text)
    text = _TIME.sub(" ", text)
    text = _DECADE_APOSTROPHE.sub(r"\1s", text)
    text = _POSSESSIVE.sub("", text)
    text = _ORDINAL.sub(r"\1", text)
    text = _PUNCTUATION.sub(" ", text)
    text = _JOINED_MODIFIER.sub(r"\1 ", text)
    text = _EARLY_HOURS.sub(" ", text)
    return " ".join(text.split())


def _numeric(text: str) -> _Span | None:
    """Read the forms made of numbers alone: ISO and dotted dates, years and spans of years."""
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups() if g is not None)
        return _day_span(date(year, month, day))
    if match := _DOTTED.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        return _day_span(date(year, month, day))
    if _YEAR.fullmatch(text):
        return _year_span(int(text))
    if match := _YEAR_RANGE.fullmatch(text):
        first = int(match.group(1))
        last = int(match.group(2))
        if last < 100:  # "2025-26": the second year's last two digits
            last += first - first % 100
        return _year_span(first, last) if last > first else None
    if match := _DECADE.fullmatch(text):
        first = int(match.group(1)) * 10
        return _year_span(first, first + 9)
    return None


def _english(text: str, published: date | None, future_hint: bool) -> _Span | None:
    """Read the English forms: relative words first, then what is left once filler is gone."""
    if published is not None:
        if span := _relative(text, published, future_hint):
            return span
        text = _replace_year_and_month(text, published)
    words = text.split()
    later = "later" in words
    text = _LEADING_SEPARATOR.sub("", " ".join(w for w in words if w not in _FILLER))
    span = _numeric(text) or _period(text, published, future_hint)
    if span is None and (match := _RELATIVE_WORD.fullmatch(text)):
        span = _relative_word(match["which"], match["rest"], published, future_hint)
    if span is None and (match := _WEEKDAY_ALONE.fullmatch(text)) and published is not None:
        mode: _Mode = "future" if future_hint else "past"
        span = _weekday(_WEEKDAYS[match["weekday"]], published, mode)
    if span is None:
        span = _range(text, published, "future" if future_hint else "past")
    if span is not None and later and published is not None and span.end >= published:
        span = span._replace(future=True)
    return span


def _relative(text: str, published: date, future_hint: bool) -> _Span | None:
    """Read the words that count days, weeks and months from the publication day."""
    p = published
    if match := _TODAY.fullmatch(text):
        return _day_span(p, future=match["mod"] == "later")
    if _YESTERDAY.fullmatch(text):
        return _day_span(p - timedelta(days=1))
    if _BEFORE_YESTERDAY.fullmatch(text):
        return _day_span(p - timedelta(days=2))
    if _TOMORROW.fullmatch(text):
        return _day_span(p + timedelta(days=1), future=True)
    if _AFTER_TOMORROW.fullmatch(text):
        return _day_span(p + timedelta(days=2), future=True)
    if match := _AGO.fullmatch(text):
        return _count_from(p, match["n"], match["unit"], sign=-1)
    if match := _IN_UNITS.fullmatch(text):
        return _count_from(p, match["n"], match["unit"], sign=1)
    if _COMING_DAYS.fullmatch(text):
        return _Span(p + timedelta(days=1), p + timedelta(days=_FEW_DAYS), "day", True)
    if _COMING_WEEKS.fullmatch(text):
        return _Span(p + timedelta(days=1), p + timedelta(weeks=_FEW_WEEKS), "day", True)
    if _COMING_MONTHS_RE.fullmatch(text):
        first = _month_span(*_shift_month(p.year, p.month, 1))
        last = _month_span(*_shift_month(p.year, p.month, _COMING_MONTHS))
        return _Span(first.start, last.end, "month", True)
    if _LAST_WEEK.fullmatch(text):
        monday = p - timedelta(days=p.weekday() + 7)
        return _Span(monday, monday + timedelta(days=6), "day")
    if _NEXT_WEEK.fullmatch(text):
        monday = p + timedelta(days=7 - p.weekday())
        return _Span(monday, monday + timedelta(days=6), "day", True)
    if match := _PAST_WINDOW.fullmatch(text):
        unit = match["unit"] or match["recent"]
        days = _count(match["n"] or ("few" if match["recent"] else "1"), unit)
        days *= 7 if unit == "week" else 1
        return _Span(p - timedelta(days=days), p - timedelta(days=1), "day")
    if match := _THIS_WEEK.fullmatch(text):
        # "earlier this week" ends with publication, "later this week" starts there
        monday = p - timedelta(days=p.weekday())
        start = p if match["mod"] == "later" else monday
        end = p if match["mod"] == "earlier" else monday + timedelta(days=6)
        return _Span(start, end, "day", match["mod"] == "later")
    if match := _WEEKEND.fullmatch(text):
        return _weekend(match["which"], p, future_hint)
    if _OVERNIGHT.fullmatch(text):
        night = p if future_hint else p - timedelta(days=1)
        return _Span(night, night + timedelta(days=1), "day", future_hint)
    if match := _DAY_OF_MONTH.fullmatch(text):
        return _day_of_month(int(match["day"]), p, future_hint)
    return None


def _day_of_month(day: int, p: date, future_hint: bool) -> _Span | None:
    """The latest such day of a month on or before publication, or the next one on or after."""
    step = 1 if future_hint else -1
    year, month = p.year, p.month
    for _ in range(3):  # the 31st may skip a month or two
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and (found >= p if future_hint else found <= p):
            return _day_span(found, future=found > p)
        year, month = _shift_month(year, month, step)
    return None


def _counted_from_anchor(match: re.Match[str], anchor: date) -> _Span:
    """The day or week an anaphoric expression names, counted from the anchor day."""
    if match["rel"] == "same" or match["that"]:
        return _day_span(anchor)
    if match["side"]:
        return _day_span(anchor + timedelta(days=-1 if match["side"] == "before" else 1))
    if match["rel"]:
        sign = -1 if match["rel"] in {"previous", "preceding"} else 1
        if match["unit"] != "week":
            return _day_span(anchor + timedelta(days=sign))
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=sign)
        return _Span(monday, monday + timedelta(days=6), "day")
    sign = -1 if match["dir"] in {"earlier", "before"} else 1
    days = _count(match["n"], "day") * (7 if match["count_unit"] == "week" else 1)
    return _day_span(anchor + timedelta(days=sign * days))


def _counted_from_date(match: re.Match[str], published: date | None, language: str) -> _Span | None:
    """The day a count before or after a stated day names: "the day after 6 May" is 7 May."""
    base = _resolve(match["date"], published, language, False, None)
    counted = _ANAPHORIC.fullmatch(f"{match['count']} {match['side']}")
    if base is None or base.precision != "day" or counted is None:
        return None
    return _counted_from_anchor(counted, base.start)


def _count(word: str, unit: str) -> int:
    """The number a count word or a vague count ("a few") stands for."""
    if word.isdigit():
        return int(word)
    if word in _NUMBERS:
        return _NUMBERS[word]
    return _FEW_DAYS if unit == "day" else _FEW_WEEKS


def _count_from(p: date, word: str, unit: str, *, sign: int) -> _Span | None:
    """The day, month or year a count of units before (-1) or after (+1) publication names."""
    future = sign > 0
    if not word.isdigit() and word not in _NUMBERS:  # a vague count: a window of days
        if unit not in ("day", "week"):
            return None
        days = _count(word, unit) * (7 if unit == "week" else 1)
        near, far = p + timedelta(days=sign), p + timedelta(days=sign * days)
        return _Span(min(near, far), max(near, far), "day", future)
    n = _count(word, unit)
    if unit == "day":
        return _day_span(p + timedelta(days=sign * n), future=future)
    if unit == "week":
        return _day_span(p + timedelta(weeks=sign * n), future=future)
    if unit == "month":
        return _month_span(*_shift_month(p.year, p.month, sign * n))._replace(future=future)
    return _year_span(p.year + sign * n)._replace(future=future)


def _weekend(which: str | None, p: date, future_hint: bool) -> _Span:
    """The Saturday and Sunday a weekend word names: the last one, the next one, or the nearest."""
    if which in {"last", "this past"}:
        sunday = p - timedelta(days=(p.weekday() + 1) % 7 or 7)
    elif which == "next":
        sunday = p + timedelta(days=(5 - p.weekday()) % 7 or 7) + timedelta(days=1)
    elif future_hint:
        sunday = p + timedelta(days=(6 - p.weekday()) % 7)
    else:
        sunday = p - timedelta(days=(p.weekday() - 5) % 7) + timedelta(days=1)
    return _Span(sunday - timedelta(days=1), sunday, "day", which == "next")


def _replace_year_and_month(text: str, p: date) -> str:
    """Write "this year", "last month" and the like as the year or month they name."""
    for pattern, shift in _YEAR_WORDS:
        text = pattern.sub(str(p.year + shift), text)
    text = _THE_YEAR.sub(rf"\1 {p.year}", text)
    for pattern, shift in _MONTH_WORDS:
        year, month = _shift_month(p.year, p.month, shift)
        text = pattern.sub(f"{_MONTH_NAMES[month - 1]} {year}", text)
    return _THE_MONTH.sub(rf"\1 {_MONTH_NAMES[p.month - 1]} {p.year}", text)


def _period(text: str, published: date | None, future_hint: bool) -> _Span | None:
    """Read quarters, halves and seasons of a year ("the first half of 2025", "summer 2024")."""
    if match := _PERIOD.fullmatch(text):
        kind = match["kind"] or ("quarter" if match["q"] == "q" else "half")
        index = _ORDINALS[match["ord"] or match["n"]]
        width = 3 if kind == "quarter" else 6
        if width * index > 12:
            return None
        first, last = width * (index - 1) + 1, width * index

        def build(year: int) -> _Span:
            return _Span(_month_span(year, first).start, _month_span(year, last).end, "month")

        if match["year"]:
            return build(int(match["year"]))
        if published is None:
            return None
        return _partial(build, published, "future" if future_hint else "past")
    if match := _SEASON.fullmatch(text):
        if match["year"]:
            return _year_span(int(match["year"]))
        return _year_span(published.year) if published is not None else None
    return None


def _relative_word(
    which: str, rest: str, published: date | None, future_hint: bool
) -> _Span | None:
    """Read "last", "next" or "this" before a weekday or a date without its year."""
    if published is None:
        return None
    mode: _Mode = {"last": "last", "past": "last", "next": "next", "coming": "next"}.get(
        which, "future" if future_hint else "past"
    )
    if which == "this" and rest in _MONTHS:
        return _month_span(published.year, _MONTHS[rest])
    if rest in _WEEKDAYS:
        span = _weekday(_WEEKDAYS[rest], published, mode)
    else:
        span = _range(rest, published, mode)
        if span is not None and _ANY_YEAR.search(rest):
            return None  # "last March 2024" says its year twice
    if span is not None and mode == "next":
        span = span._replace(future=True)
    return span


def _weekday(weekday: int, p: date, mode: _Mode) -> _Span:
    """The weekday nearest publication: on or before, on or after, strictly before or after."""
    back = (p.weekday() - weekday) % 7
    ahead = (weekday - p.weekday()) % 7
    if mode == "last":
        day = p - timedelta(days=back or 7)
    elif mode == "next":
        day = p + timedelta(days=ahead or 7)
    elif mode == "future":
        day = p + timedelta(days=ahead)
    else:
        day = p - timedelta(days=back)
    return _day_span(day, future=mode == "next")


def _range(text: str, published: date | None, mode: _Mode) -> _Span | None:
    """Read one date or a range of two ("9-10 June 2025", "March to May"), each end as precise.

    An end takes the month and year it leaves out from the other end; a range with no year at
    all is placed by ``mode`` around the publication date.
    """
    sides = _RANGE_SEPARATOR.split(text)
    if len(sides) > 2:
        return None
    left, right = _side(sides[0]), _side(sides[-1])
    if left is None or right is None:
        return None
    if left.day is not None and left.month is None:
        left = left._replace(month=right.month)
    if right.day is not None and right.month is None:
        right = right._replace(month=left.month)
    precision = _precision(left)
    if precision is None or precision != _precision(right):
        return None
    if precision == "day" and (left.month is None or right.month is None):
        return None
    # A range that runs past December ("30 December - 2 January") ends in the following year.
    wraps = int((right.month or 0, right.day or 0) < (left.month or 0, left.day or 0))

    def build(year: int) -> _Span:
        start = _parts_span(left, year, precision).start
        end = _parts_span(right, year + wraps, precision).end
        return _Span(start, end, precision)

    if left.year is not None and right.year is not None:
        start = _parts_span(left, left.year, precision).start
        return _Span(start, _parts_span(right, right.year, precision).end, precision)
    if left.year is not None:
        return build(left.year)
    if right.year is not None:
        return build(right.year - wraps)
    if published is None:
        return None
    return _partial(build, published, mode)


def _side(text: str) -> _Parts | None:
    """Read one end of a range: a day, month and year, some left out; a weekday is ignored."""
    text = _LEADING_WEEKDAY.sub("", text)
    for pattern in _SIDES:
        if match := pattern.fullmatch(text):
            groups = match.groupdict()
            return _Parts(
                day=int(groups["day"]) if groups.get("day") else None,
                month=_MONTHS[groups["month"]] if groups.get("month") else None,
                year=int(groups["year"]) if groups.get("year") else None,
            )
    return None


def _precision(parts: _Parts) -> Precision | None:
    if parts.day is not None:
        return "day"
    if parts.month is not None:
        return "month"
    return "year" if parts.year is not None else None


def _parts_span(parts: _Parts, year: int, precision: Precision) -> _Span:
    """The day, month or year one end of a range names, in the given year."""
    month, day = parts.month, parts.day
    if precision == "year":
        return _year_span(year)
    if month is None:
        raise ValueError("a day or a month needs its month")
    if precision == "month":
        return _month_span(year, month)
    if day is None:
        raise ValueError("a day needs its day of the month")
    return _day_span(date(year, month, day))


def _partial(build: Callable[[int], _Span], p: date, mode: _Mode) -> _Span | None:
    """Place a date stated without its year in the year ``mode`` asks for around publication.

    "past" takes the latest that starts on or before publication, "future" the earliest that ends
    on or after it, "last" and "next" the latest wholly before and the earliest wholly after.
    """
    candidates = []
    for year in range(p.year - _PARTIAL_YEARS, p.year + _PARTIAL_YEARS + 1):
        try:
            candidates.append(build(year))
        except ValueError:  # 29 February in a common year, or beyond the calendar
            continue
    if mode == "past":
        return max((c for c in candidates if c.start <= p), default=None)
    if mode == "last":
        return max((c for c in candidates if c.end < p), default=None)
    if mode == "next":
        return min((c for c in candidates if c.start > p), default=None)
    return min((c for c in candidates if c.end >= p), default=None)


def _dateparser(
    text: str, published: date | None, language: str, future_hint: bool
) -> _Span | None:
    """Ask dateparser for a form our patterns do not read, keeping the period it found.

    Without a publication date the base is the first day of the latest year the text states, and
    the answer must fall in a stated year, so no part of it comes from today's date.
    """
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    if published is not None:
        base = datetime.combine(published, time())
    elif years:
        base = datetime(max(years), 1, 1)
    else:
        return None
    try:
        data = _parser(language, base, "future" if future_hint else "past").get_date_data(text)
    except (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError):
        return None
    found = data.date_obj
    if found is None or (published is None and found.year not in years):
        return None
    # Hours or minutes before publication ("two hours"): a duration, not a date.
    if found.time() != time() and base - timedelta(days=1) < found.replace(tzinfo=None) < base:
        return None
    if data.period == "year":
        return _year_span(found.year)
    if data.period == "month":
        return _month_span(found.year, found.month)
    return _day_span(found.date())


@lru_cache(maxsize=64)
def _parser(language: str, base: datetime, prefer: str) -> DateDataParser:
    """A dateparser parser per language, base and direction, built once and reused.

    Building one costs far more than using it, and an ingest run has few publication dates.
    dateparser itself takes a tenth of a second to import: only a text our patterns cannot
    read pays for it.
    """
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer}
    return DateDataParser(languages=[language], settings=settings)


def _day_span(day: date, *, future: bool = False) -> _Span:
    return _Span(day, day, "day", future)


def _month_span(year: int, month: int) -> _Span:
    start = date(year, month, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return _Span(start, following - timedelta(days=1), "month")


def _year_span(first: int, last: int | None = None) -> _Span:
    return _Span(date(first, 1, 1), date(last or first, 12, 31), "year")


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """The year and month ``by`` months after (or before) the given one."""
    total = year * 12 + month - 1 + by
    return total // 12, total % 12 + 1


# --- Date phrases on the parse: which words of a sentence state a date, and whose date. ---

# Dependencies by which a date modifies a noun ("Tuesday's talks", "the 2014 accord").
_NOUN_MODIFIERS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})
# How a clause without a date of its own takes the date of the clause that governs it: "said
# on Monday it had expelled", "went on Monday to meet", "are due on Wednesday to travel".
_GOVERNED = frozenset({"xcomp", "ccomp", "advcl", "acomp"})
# Subordinate clauses set at another time than their governor ("before the war began").
_OTHER_TIME = frozenset({"before", "after", "since", "until", "till", "once"})
# Prepositions and modifiers that make a word a temporal modifier of the word they hang on.
_TEMPORAL_PREPS = frozenset({"on", "in", "at", "during", "by", "since", "from", "until", "over"})
_TEMPORAL_DEPS = frozenset({"npadvmod", "tmod", "obl", "advmod"})
# Words naming a day that the entity recogniser sometimes leaves untagged ("had on Friday
# demanded", "struck overnight"); "May" only as a proper noun.
_NAMED_DAYS = frozenset(_WEEKDAY_NAMES) | frozenset(_MONTH_NAMES) | {"overnight", "yesterday"}
_DIGITS = _full(r"\d+")
_WILL = frozenset({"will", "shall", "'ll"})


class DatePhrase(NamedTuple):
    """Tokens ``start:end`` of a Doc that state a date; ``noun``, the noun it modifies, if any."""

    start: int
    end: int
    noun: int | None = None


# Where date_phrases keeps what it found in a Doc, by span and excluded titles (user data).
_PHRASES_KEY = ("communique", "date phrases")
# Where _calendar_days keeps the indices of a Doc's month names (user data).
_MONTHS_KEY = ("communique", "month words")


def date_phrases(span: SpacySpan, exclude: list[tuple[int, int]] | None = None) -> list[DatePhrase]:
    """The phrases of a span that state a date, in text order.

    DATE and TIME entities, and day words the recogniser missed where they modify a word ("had
    on Friday demanded"); not numbers in names ("resolution 1970") or counts ("1963 people"),
    baselines of comparisons ("the first visit since 1945", "the worst crisis since 2008"),
    dates inside ``exclude`` (character spans of titles such as "Plan … for 2026"), nor the
    date of a dateline ("RABAT, June 12 (MFA) - …"), which dates the report, not its news.

    Kept with the Doc: every event trigger of a sentence asks for the sentence's phrases.
    """
    known = span.doc.user_data.setdefault(_PHRASES_KEY, {})
    key = (span.start, span.end, tuple(exclude) if exclude else ())
    if key not in known:
        known[key] = tuple(_date_phrases(span, exclude))
    return list(known[key])


# A dateline opens a wire report: "LIMA (Reuters) -- …", "QUITO, May 2 (EFE) - …".
_DATELINE_DASHES = {"--", "—", "–", "-", ":"}
_DASH_CHARACTERS = set("".join(_DATELINE_DASHES))
_DATELINE_WORDS = 12  # a dateline's dash stands among a sentence's first words


def dateline_end(sent: SpacySpan) -> int:
    """Where a sentence's opening dateline ends (its dash), or its start if it has none.

    Asked of every sentence: one whose opening characters hold no dash has none, and is
    answered from the text without making a Token of each of its first words.
    """
    doc = sent.doc
    last = doc[min(sent.start + _DATELINE_WORDS, sent.end) - 1]
    if _DASH_CHARACTERS.isdisjoint(doc_text(doc)[sent.start_char : last.idx + len(last)]):
        return sent.start_char
    words = list(sent[:_DATELINE_WORDS])
    dash = next((t for t in words if t.text in _DATELINE_DASHES and _spaced(t)), None)
    if dash is None:
        return sent.start_char
    head = doc[sent.start : dash.i]
    # a city in capitals ("LIMA"), not a month so written: "AUG 8, 2025 - …" heads an entry of
    # a chronology, whose date is the news's own
    if any(t.text == "(" for t in head) or any(
        t.is_upper and len(t) > 2 and t.is_alpha and t.lower_ not in _MONTHS for t in head
    ):
        return dash.idx
    return sent.start_char


def _spaced(token: Token) -> bool:
    """Whether a dash stands apart ("LIMA - Peru …"), not inside a compound ("US-China")."""
    doc = token.doc
    before = token.text == ":" or token.i == 0 or bool(doc[token.i - 1].whitespace_)
    return bool(token.whitespace_) and before


def _date_phrases(span: SpacySpan, exclude: list[tuple[int, int]] | None) -> list[DatePhrase]:
    """The date phrases of :func:`date_phrases`, found from the span's entities and words."""
    found = _calendar_days(span, exclude)
    taken = {i for phrase in found for i in range(phrase.start, phrase.end)}
    for ent in _entities_over(span):
        if ent.start in taken:
            continue  # a year already read with the day before it
        dated = ent.label_ in {"DATE", "TIME"}
        if dated or len(ent) > 1:  # a lone "Friday" may be mistaken for a person's name
            taken.update(range(ent.start, ent.end))
        if not dated or _excluded(ent, exclude) or _is_number(ent) or _baseline(ent.root):
            continue
        if ent.label_ == "DATE" and ent.end_char <= dateline_end(ent.sent):
            continue  # "RABAT, June 12 (MFA) - … visited Mauritania last week": the report's day
        cut = _cut_tail(ent)
        end = cut if cut < ent.end else _with_year(ent)
        start = _with_day(ent)
        if start < span.start or end > span.end:
            continue
        taken.update(range(ent.end, end))
        found.append(DatePhrase(start, end, _modified_noun(ent.root, start, end)))
    found += _days_counted_on(span, taken, exclude)
    if not _may_name_a_day(span):
        return sorted(found)
    for token in span:
        if token.i in taken or token.lower_ not in _NAMED_DAYS:
            continue
        if token.lower_ == "may" and token.pos_ != "PROPN":
            continue
        temporal = token.dep_ in _TEMPORAL_DEPS or (
            token.dep_ == "pobj" and token.head.lower_ in _TEMPORAL_PREPS
        )
        phrase = span.doc[token.left_edge.i : token.right_edge.i + 1]
        if temporal and not _excluded(phrase, exclude) and not _baseline(token):
            found.append(DatePhrase(phrase.start, phrase.end))
    return sorted(found)


def _days_counted_on(
    span: SpacySpan, taken: set[int], exclude: list[tuple[int, int]] | None
) -> list[DatePhrase]:
    """Days counted from another that the recogniser missed: "rejected it the following day".

    The small recogniser dates "the next day" but not always "the following day", "the
    previous day" or "the day after", least of all after a verb's object. A "day" or "week"
    that modifies a verb, or follows a preposition of time, and whose phrase reads as a count
    from another date (:data:`_ANAPHORIC`) is one; that date is found where the text gave it.
    """
    found = []
    for token in span:
        if token.i in taken or token.lower_ not in {"day", "week"}:
            continue
        temporal = token.dep_ in _TEMPORAL_DEPS or (
            token.dep_ == "pobj" and token.head.lower_ in _TEMPORAL_PREPS
        )
        first = token.left_edge.i
        if token.dep_ == "pobj":
            first = token.head.i  # "on the following day"
        phrase = span.doc[first : token.right_edge.i + 1]
        if (
            temporal
            and span.start <= phrase.start
            and phrase.end <= span.end
            and _ANAPHORIC.fullmatch(_normalise(phrase.text))
            and not _excluded(phrase, exclude)
        ):
            taken.update(range(phrase.start, phrase.end))
            found.append(DatePhrase(phrase.start, phrase.end))
    return found


def _calendar_days(span: SpacySpan, exclude: list[tuple[int, int]] | None) -> list[DatePhrase]:
    """Days the recogniser missed: a month's name beside a day in figures.

    Chronologies head their entries so: "AUG 8, 2025 - …", "JAN 13-14, 2026 - …", "12 May - …".
    The small recogniser reads a month in capitals as a name or a law, or leaves the day out,
    and takes a day before a month without a year for a number. The day, a range of days and a
    year after a comma (month first) or after the month (day first) are read with it here. A
    month the recogniser dated is left to it, unless written in capitals.
    """
    doc = span.doc
    months = doc.user_data.get(_MONTHS_KEY)
    if months is None:  # found once per Doc: every trigger's sentence asks
        forms = {*_MONTHS, *(f"{name}." for name in _MONTHS)}
        months = doc.user_data[_MONTHS_KEY] = [t.i for t in tokens_lowered(doc, forms)]
    found: list[DatePhrase] = []
    for i in months[bisect_left(months, span.start) : bisect_left(months, span.end)]:
        token = doc[i]
        if not (token.text[:1].isupper() and len(token) > 2):
            continue
        if token.lower_.rstrip(".") not in _MONTHS or (
            token.ent_type_ == "DATE" and not token.is_upper
        ):
            continue
        start, end = token.i, token.i + 1
        if start > span.start and _a_day(doc[start - 1]) and doc[start - 1].ent_type_ != "DATE":
            start -= 1  # "12 May", "12 May 2025"
            if end < span.end and _YEAR.fullmatch(doc[end].text):
                end += 1
        elif end < span.end and _a_day(doc[end]):
            end += 1  # "AUG 8", "JAN 13-14", "NOV 10, 2020"
            if end + 1 < span.end and doc[end].text in {"-", "–"} and _a_day(doc[end + 1]):
                end += 2
            if end + 1 < span.end and doc[end].text == "," and _YEAR.fullmatch(doc[end + 1].text):
                end += 2
        else:
            continue
        if not _excluded(doc[start:end], exclude):
            found.append(DatePhrase(start, end))
    return found


def _a_day(token: Token) -> bool:
    """Whether a word is a day of the month in figures."""
    return token.text.isdigit() and 1 <= int(token.text) <= 31


def _entities_over(span: SpacySpan) -> list[SpacySpan]:
    """The entities of the span's sentences that overlap it.

    A date phrase may be narrower than the entity it comes from ("12 July 2022" of "July 2022
    - Forty-nine", see :func:`_cut_tail`): asked again for the phrase alone, the entity must
    still be found.
    """
    if not len(span):
        return []
    doc = span.doc
    whole = doc[span[0].sent.start : span[-1].sent.end]
    return [ent for ent in entities_in(whole) if ent.end > span.start and ent.start < span.end]


def _with_year(ent: SpacySpan) -> int:
    """Where a day's phrase ends with its year, which the recogniser may have cut off.

    "Dec. 14, 2023 - Ali and Maduro meet …": the recogniser reads "Dec. 14" and "2023 - Ali";
    "22 September 2021 - Algeria closes …": "September" and "2021" apart. The day is of 2023
    or 2021, not the last such day before the report.
    """
    doc = ent.doc
    end = ent.end
    if any(_YEAR_TOKEN.fullmatch(t.text) for t in ent) or not _MONTH_NAME.search(ent.text.lower()):
        return end
    comma = end + 1 < len(doc) and doc[end].text == ","
    if comma and _YEAR_TOKEN.fullmatch(doc[end + 1].text):
        return end + 2
    if end < len(doc) and _YEAR_TOKEN.fullmatch(doc[end].text):
        return end + 1
    return end


_YEAR_TOKEN = re.compile(_YEAR_NUM)


def _with_day(ent: SpacySpan) -> int:
    """Where a day's phrase starts with its day's number, which the recogniser may have left.

    "10 July 2022 - Soldiers are arrested …": at the head of a line the recogniser reads "July
    2022 - Soldiers"; the number before the month is the day.
    """
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > ent.sent.start else None
    if (
        before is not None
        and before.text.isdigit()
        and 1 <= int(before.text) <= 31
        and _MONTH_NAME.match(ent[0].lower_)
    ):
        return ent.start - 1
    return ent.start


def _cut_tail(ent: SpacySpan) -> int:
    """Where a date entity ends before words the recogniser ran on into after a comma or dash.

    "In December 2023, ending years of frosty ties": the entity may hold "December 2023,
    ending years"; what follows the comma names no date (no number, month or day word). So
    may a timeline's line: "July 2022 - Forty-nine soldiers".
    """
    for token in ent:
        line = token.text in _DATELINE_DASHES and _spaced(token)  # not "8-9 December"
        if (token.text == "," or line) and token.i > ent.start:
            rest = ent.doc[token.i + 1 : ent.end]
            counts = token.text == ","  # "Forty-nine soldiers" after a line's dash is no day
            if not any((counts and t.like_num) or _DATELIKE.search(t.text.lower()) for t in rest):
                return token.i
    return ent.end


def _may_name_a_day(span: SpacySpan) -> bool:
    """Whether the span's text holds a day word at all ("friday" also inside "Fridays").

    Most sentences hold none: read from the text, they make no Token of each word.
    """
    text = doc_text(span.doc)[span.start_char : span.end_char].lower()
    return any(word in text for word in _NAMED_DAYS)


def counted_from(phrase: SpacySpan) -> str | None:
    """A count of days with the day it counts from, when the words after it state that day.

    "the day" followed by "after the 6 May vote", or "two weeks" by "before the March 3
    election": the recogniser tags the count alone, or buries the day in the name of what
    happened on it. Gives "the day after 6 May" to resolve; None where no day follows.
    """
    doc = phrase.doc
    if phrase.end >= len(doc) or doc[phrase.end].lower_ not in {"before", "after"}:
        return None
    side = doc[phrase.end]
    run: list[str] = []
    for token in side.subtree:
        if token.i <= side.i:
            continue
        if token.lower_ in _MONTHS or (_DIGITS.fullmatch(token.text) and len(token.text) <= 4):
            run.append(token.text)
        elif run:
            break
    return f"{phrase.text} {side.lower_} {' '.join(run)}" if run else None


def attached_dates(
    trigger: Token, clause: Token, phrases: list[DatePhrase]
) -> list[tuple[DatePhrase, bool, Tense]]:
    """The date phrases that date a trigger's event, the most attached first.

    First the trigger's own ("Tuesday's talks", "a visit to Hanoi in March") and its clause's:
    a temporal modifier of the verb ("on Monday", "in 2019") before a date deeper in the
    clause; then those of verbs it shares its subject with ("met and signed on Friday"); then,
    going up, those of the clause that governs it ("said on Monday it had expelled", "are due
    on Wednesday to travel"). Dates in relative and other clauses, and on other nouns ("the
    treaty signed in 1997", "the 2014 accord"), date other happenings and are left out. Each
    phrase comes with whether it is the event's own (False: a governing clause's), and the
    tense of the word it hangs on: a future verb reads its date forward ("will meet in a few
    days, followed by …"), a present one ("arrives on Thursday") either way.
    """
    chain = list(dict.fromkeys((trigger, clause)))
    chain += [c for c in trigger.children if c.dep_ == "acl"]  # "talks held on Monday"
    chain += [c for c in clause.children if c.dep_ == "conj" and _shares_subject(c)]
    carrier = clause.head
    if clause.dep_ == "acl" and clause.tag_ == "VBG" and carrier.dep_ in {"dobj", "nsubjpass"}:
        chain.append(carrier.head)  # "on 5 May delivered a note requesting …": one act
    head = clause
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head  # a noun trigger that no verb carries: the clause it sits in
    if head is not clause:
        chain.append(head)
    chain += _occasions(head)
    own = len(chain)
    while _governed_by(head):
        head = head.head
        while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head  # "one week to release", "due to travel": on to the verb
        chain.append(head)
        chain += _occasions(head)
    order = {token.i: rank for rank, token in enumerate(chain)}
    doc = clause.doc
    ranked = []
    for phrase in phrases:
        rank = _rank(phrase, doc, order)
        if rank is not None and _fronted_in_conjunct(phrase, chain[rank], clause):
            continue
        rank = next((r for r, t in enumerate(chain[:own]) if _when_of(phrase, t)), rank)
        if rank is not None:
            owner = chain[rank]
            saying = _said_when(phrase, owner)
            if saying is not None:
                # "said on Tuesday it would expel …": the parse hangs the day on the said
                # clause, but it dates the saying
                rank = order.get(saying.i, len(chain))
                owner = saying
            direct = _direct(doc[phrase.start : phrase.end], owner.i)
            tense = _verb_tense(owner)
            ranked.append(((rank, not direct, phrase.start), phrase, rank < own, tense))
    return [(phrase, mine, tense) for _key, phrase, mine, tense in sorted(ranked)]


def _occasions(verb: Token) -> list[Token]:
    """The verb's participle clauses that tell the occasion of its act, and so share its date.

    A present participle set off by a comma, without a subject of its own, happens with the
    main verb ("Meeting in Nairobi on Tuesday, the ministers agreed …"), as does a participle
    opened by "when" or "while" ("When asked about it in May, the spokesman said …"). Another
    past participle ("having signed in 1997", "founded in 1945") tells what came before, and a
    clause with its own subject another act.
    """
    found = []
    for child in verb.children:
        if child.dep_ != "advcl" or child.tag_ not in {"VBG", "VBN"}:
            continue
        words = {c.lower_ for c in child.children if c.dep_ in {"mark", "advmod"}}
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children):
            continue
        if (child.tag_ == "VBG" and not words and _set_off(child)) or words & {"when", "while"}:
            found.append(child)
    return found


def _set_off(clause: Token) -> bool:
    """Whether a comma sets the clause off from the rest of the sentence, before or after it.

    A participle the parse misplaces inside a phrase ("thanked Norway for its part in air
    policing last year") has none.
    """
    doc = clause.doc
    after, before = clause.right_edge.i + 1, clause.left_edge.i - 1
    return any(0 <= i < len(doc) and doc[i].text == "," for i in (after, before))


def _said_when(phrase: DatePhrase, owner: Token) -> Token | None:
    """The verb of saying a date phrase belongs to, where the parse gave it the said clause.

    In "Belarus said on Tuesday it would expel …" the day stands between "said" and the said
    clause's subject: it tells when the words were said, not when the act will be.
    """
    said = owner.head
    if owner.dep_ != "ccomp" or said.i >= phrase.start or said.i == owner.i:
        return None
    subjects = [c for c in owner.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or phrase.end > subjects[0].left_edge.i:
        return None
    return said if said.lemma_.lower() in speech()["speech_verbs"] else None


def _fronted_in_conjunct(phrase: DatePhrase, owner: Token, clause: Token) -> bool:
    """A date set before a later conjunct's verb, which dates that verb alone.

    "Met on Monday and signed on Friday" or "met and signed on Friday" share what follows the
    second verb; "condemned the raid and, on Friday, recalled its envoy" puts Friday on the
    recall only.
    """
    return owner.dep_ == "conj" and owner.head.i == clause.i and clause.i < phrase.start < owner.i


def _verb_tense(word: Token) -> Tense:
    """Future with "will", present for a present-tense verb of action, else past.

    Present-tense verbs of saying ("says on Monday") report what was said: past.
    """
    if any(c.dep_ == "aux" and c.lower_ in _WILL for c in word.children):
        return "future"
    if word.tag_ in {"VBZ", "VBP"} and word.lemma_.lower() not in speech()["speech_verbs"]:
        return "present"
    return "past"


def _governed_by(clause: Token) -> bool:
    """Whether a clause takes the date of the one above it when it states none."""
    if clause.head.i == clause.i or _other_time(clause):
        return False
    if clause.dep_ == "conj":
        return _shares_subject(clause) or _past_sequel(clause)
    if clause.dep_ == "pcomp" and clause.head.lower_ == "by":
        return True  # "answered by expelling": the means is the act itself
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    return clause.dep_ in _GOVERNED or (clause.dep_ == "acl" and infinitive)


def _when_of(phrase: DatePhrase, word: Token) -> bool:
    """Whether the word opens a "when" clause or a "during" phrase right after the date phrase.

    "Ties froze in March 2019, when the envoy was recalled", "on 2 May, during a visit to
    Quito": what follows the date is set at it, whatever word the parse hangs it on.
    """
    doc = word.doc
    when = next((c for c in word.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
    if when is not None and when.i == word.left_edge.i:
        opening = when.i
    elif word.dep_ == "pobj" and word.head.lower_ == "during":
        opening = word.head.i
    else:
        return False
    before = opening - 1
    while before >= 0 and doc[before].is_punct:
        before -= 1
    return before == phrase.end - 1


def _past_sequel(conjunct: Token) -> bool:
    """A past-tense verb joined to a past one: a sequel told at the same time.

    "In 2009 Chile recalled its envoy and Peru answered in kind": the answer has no date of its
    own but the first verb's; a present one ("and Peru still demands") is not dated by it.
    """
    return conjunct.tag_ == "VBD" and conjunct.head.tag_ in {"VBD", "VBN"}


# Prepositions that set an act at an occasion: "at Thursday's meeting", "during the visit".
_OCCASION_PREPS = {"at", "during"}


def _rank(phrase: DatePhrase, doc: Doc, order: dict[int, int]) -> int | None:
    """The place in the chain of the word the phrase dates; None for a word outside it.

    A date on the occasion an act took place at dates the act: "at Thursday's meeting the
    ministers signed …", "during Monday's visit they agreed …".
    """
    if phrase.noun is not None:
        noun = doc[phrase.noun]
        occasion = noun.head
        if noun.dep_ == "pobj" and occasion.lower_ in _OCCASION_PREPS:
            return order.get(phrase.noun, order.get(occasion.head.i))
        return order.get(phrase.noun)
    token = doc[phrase.start : phrase.end].root.head
    while token.i not in order:
        if token.pos_ in {"VERB", "AUX"} or token.head.i == token.i:
            return None  # the date of another clause
        token = token.head
    return order[token.i]


def _modified_noun(root: Token, start: int, end: int) -> int | None:
    """The noun a date modifies ("Tuesday's meeting", "the 2014 accord"), whose date it is.

    A common noun only: "On Sunday President X said" is a misparse, not a Sunday president.
    """
    head = root.head
    if (
        root.dep_ in _NOUN_MODIFIERS
        and not start <= head.i < end
        and (head.pos_ == "NOUN" or root.dep_ == "poss")
        and head.ent_type_ not in {"DATE", "TIME"}
    ):
        return head.i
    return None


def _baseline(root: Token) -> bool:
    """The baseline of a comparison, which dates no happening.

    "Since" under a noun ("the worst crisis since 2008"), or "in" and "for" under a first, last
    or superlative one ("the first visit in 11 years", "the highest level for a decade").
    """
    prep = root.head
    noun = prep.head
    if root.dep_ != "pobj" or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    if prep.lower_ == "since":
        return True
    ranked = any(
        c.dep_ == "amod" and (c.lower_ in {"first", "last"} or c.tag_ == "JJS")
        for c in noun.children
    )
    return prep.lower_ in {"in", "for"} and ranked


def _direct(phrase: SpacySpan, owner: int) -> bool:
    """Whether the phrase hangs on its owner itself: "met on Monday", "met Monday"."""
    root = phrase.root
    if root.head.i == owner:
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i == owner


def _shares_subject(verb: Token) -> bool:
    return verb.pos_ in {"VERB", "AUX"} and not any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children
    )


def _other_time(clause: Token) -> bool:
    """A clause set at another time than the one it hangs on ("after the talks ended")."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _OTHER_TIME for c in clause.children
    )


def _excluded(span: SpacySpan, exclude: list[tuple[int, int]] | None) -> bool:
    return any(lo <= span.start_char and span.end_char <= hi for lo, hi in exclude or ())


def _is_number(ent: SpacySpan) -> bool:
    """A bare number that is no date: a number in a name or a count.

    The number follows its noun ("resolution 1970", "Flight 1963") or counts a plural one ("1963
    people"); "the 2014 accord" stays a date, of the accord.
    """
    if not _DIGITS.fullmatch(ent.text.strip()):
        return False
    head = ent.root.head
    if ent.start <= head.i < ent.end or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return head.i < ent.start or head.tag_ in {"NNS", "NNPS"}


def background(clause: Token) -> bool:
    """Whether a clause tells what had happened before the news ("had signed", "had cut").

    The past perfect places an act before the reported one: without a date of its own, it is
    not dated to the article.
    """
    return clause.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in clause.children
    )


def carried_date(
    sent: SpacySpan, published: date, when: DateResolver, titles: list[tuple[int, int]]
) -> Span | None:
    """The date the sentence before, in the same paragraph, gave its own main clause.

    A report tells one day's acts in a run of sentences and dates only the first: "Chile and
    Peru held talks on Monday. The two sides also agreed to reopen a crossing." A past act with
    no date of its own continues that date, not the day of publication, when the date is of
    the report's weeks (:data:`NEWS_WINDOW`): after an act of years before ("signed a border
    accord in 2008"), an undated act is the report's own news; but an act told as what came
    next ("then", "subsequently") takes whatever date the sentence before gives, of any age.
    In a later paragraph, or after a sentence with no such date, it is the news of the day the
    lead dates (:func:`_lead_date`).
    """
    doc = sent.doc
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if "\n\n" in doc_text(doc)[before.start_char : sent.start_char]:
        return _lead_date(doc, published, when, titles)  # another paragraph
    if _follows_on(sent):
        # "… had fired on herders in January. Kenya then closed the crossing": the act comes
        # next in that account, at the last time the sentence before gives, of whatever age
        stated = (
            found
            for phrase in reversed(date_phrases(before, titles))
            if (found := when(doc[phrase.start : phrase.end], published, False, titles))
            and not found.from_publication
            and found.end <= published
        )
        sequel = next(stated, None)
        if sequel is not None:
            return sequel
    phrases = _main_dates(before, titles)
    if phrases:  # the sentence before's own date, unless it is of another time
        return _in_news(phrases, published, when, titles)
    return _lead_date(doc, published, when, titles)


def heading_date(
    sent: SpacySpan, published: date | None, when: DateResolver, titles: list[tuple[int, int]]
) -> Span | None:
    """The date a timeline's entry opens with, for the acts its lines tell without their own.

    "10 July 2022 - Soldiers are arrested at the airport. The government accuses them of …":
    both acts are of 10 July 2022, though a chronology tells them in the present, in a report
    of years later. An entry is a line (or paragraph) whose first words are a date and a
    spaced dash; every sentence of it takes that date where its own clause names none.
    """
    phrase = heading_phrase(sent, titles)
    if phrase is None:
        return None
    found = when(sent.doc[phrase.start : phrase.end], published, False, titles)
    return None if found is None or found.from_publication else found


def heading_phrase(sent: SpacySpan, titles: list[tuple[int, int]]) -> DatePhrase | None:
    """The date phrase heading the entry a sentence belongs to (see :func:`heading_date`)."""
    doc = sent.doc
    text = doc_text(doc)
    first = sent
    while first.start > 0:
        before = doc[first.start - 1].sent
        if text[before.start_char : first.start_char].rstrip(" \t").endswith("\n"):
            break
        first = before
    phrases = date_phrases(first, titles)
    if not phrases or phrases[0].start != first.start or phrases[0].end >= first.end:
        return None
    dash = doc[phrases[0].end]
    return phrases[0] if dash.text in _DATELINE_DASHES and _spaced(dash) else None


# Adverbs that set a sentence's act next in, or at the place of, the account the sentence
# before gives: "Kenya then closed …", "There the two leaders signed …".
_NEXT = {"then", "thereupon", "subsequently", "afterwards", "afterward", "there"}


def _follows_on(sent: SpacySpan) -> bool:
    """Whether a sentence's main clause tells what came next: "Kenya then closed …"."""
    return any(c.dep_ == "advmod" and c.lower_ in _NEXT for c in sent.root.children)


def sequel_date(
    clause: Token, published: date, when: DateResolver, titles: list[tuple[int, int]]
) -> Span | None:
    """The date of an "after" or "before" clause, from the date of the clause it hangs on.

    "Peru closed its consulate in March 2018, a week after Chile expelled two diplomats": the
    expulsion is a week before the closure, not the report's news. A measure ("a week", "two
    days", "a year") shifts the governing date; without one the act is set at that date as the
    text gives it, the nearest it says. None where the governing clause has no date of its own.
    """
    mark = next(
        (c.lower_ for c in clause.children if c.dep_ == "mark" and c.lower_ in _SEQUEL_SIGN),
        None,
    )
    if clause.dep_ != "advcl" or mark is None:
        return None
    governor = clause.head
    sent = clause.sent
    phrases = attached_dates(governor, governor, date_phrases(sent, titles))
    dated = next(
        (
            found
            for phrase, own, _tense in phrases
            if own
            and (found := when(sent.doc[phrase.start : phrase.end], published, False, titles))
            and not found.from_publication
        ),
        None,
    )
    if dated is None:
        return None
    measures = [c for c in clause.children if c.dep_ == "npadvmod"]
    if not measures:
        return dated
    shift = _measure(measures[0])
    if shift is None:
        return None
    count, unit = shift
    sign = _SEQUEL_SIGN[mark]
    if unit in {"day", "week"}:
        step = timedelta(days=sign * count * (7 if unit == "week" else 1))
        return Span(start=dated.start + step, end=dated.end + step, precision=dated.precision)
    months = sign * count * (12 if unit == "year" else 1)
    precision: Literal["month", "year"] = "year" if unit == "year" else "month"
    return Span.parse(_shifted(dated.start, months, precision))


# "after" sets a clause's act before the date of the clause it hangs on, "before" after it.
_SEQUEL_SIGN = {"after": -1, "before": 1}
_UNITS = {"day", "week", "month", "year"}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _measure(noun: Token) -> tuple[int, str] | None:
    """A length of time as a count and a unit: "a week" (1, week), "two days" (2, day)."""
    unit = noun.lemma_.lower()
    if unit not in _UNITS:
        return None
    counts = [c for c in noun.children if c.dep_ in {"det", "nummod"}]
    if not counts:
        return None
    word = counts[0].lower_
    count = int(word) if word.isdigit() else _COUNTS.get(word)
    return (count, unit) if count else None


def _shifted(day: date, months: int, precision: Literal["month", "year"]) -> str:
    """The month or year ``months`` from ``day``'s, as an ISO month or year."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return f"{year}" if precision == "year" else f"{year}-{month + 1:02d}"


def told_in_past(verb: Token) -> bool:
    """Whether a verb reports a past act: "signed", or the passive "were signed"."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in {"was", "were"} for c in verb.children
    )


def _main_dates(sent: SpacySpan, titles: list[tuple[int, int]]) -> list[SpacySpan]:
    """The date phrases the parse attaches to a sentence's main clause, but for those to come."""
    root = sent.root
    return [
        sent.doc[phrase.start : phrase.end]
        for phrase, _own, tense in attached_dates(root, root, date_phrases(sent, titles))
        if tense != "future"
    ]


def _in_news(
    phrases: list[SpacySpan], published: date, when: DateResolver, titles: list[tuple[int, int]]
) -> Span | None:
    """The first of these date phrases that falls in the report's weeks."""
    for words in phrases:
        found = when(words, published, False, titles)
        if found is None or found.from_publication or found.end > published:
            continue
        if found.end >= published - NEWS_WINDOW:
            return found
    return None


# How many sentences open a report: the headline, the dateline and the lead.
_LEAD_SENTENCES = 3
# Where _lead_date keeps the lead's date in a Doc, by publication day and excluded titles.
_LEAD_KEY = ("communique", "lead date")


def _lead_date(
    doc: Doc, published: date, when: DateResolver, titles: list[tuple[int, int]]
) -> Span | None:
    """The day of the report's news as its lead dates it: "Kenya and Uganda on Tuesday signed …".

    The paragraphs after the lead tell the same day's happening without repeating its date.
    Kept with the Doc: every undated act after the lead asks for it.
    """
    known = doc.user_data.setdefault(_LEAD_KEY, {})
    key = (published, tuple(titles))
    if key not in known:
        known[key] = next(
            (
                found
                for sent in itertools.islice(doc.sents, _LEAD_SENTENCES)
                if (found := _in_news(_main_dates(sent, titles), published, when, titles))
            ),
            None,
        )
    return known[key]


# How far before publication a date still tells the report's news: about two months, the reach
# of a report's account ("the visit of 3 June" in a report of July); acts of years before are
# background.
NEWS_WINDOW = timedelta(days=62)


def reference_date(doc: Doc) -> date | None:
    """The day a report without a publication date speaks from: the latest day it names.

    A transcript or a release scraped without its header ("The pact came into force on 3 May
    2021 … we met this morning …") still tells its day: news names the day of its events, and
    background lies before it. Only days with their year count, and not those a clause still
    to come names ("will take effect on 1 January 2026").
    """
    days = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or _still_to_come(ent):
            continue
        found = resolve_when(ent.text, published=None, language=doc.lang_)
        if found is not None and found.precision == "day" and found.start == found.end:
            days.append(found.start)
    return max(days, default=None)


def _still_to_come(date_phrase: SpacySpan) -> bool:
    """Whether a date names a day still to come: "will enter into force on 1 May", "until …"."""
    doc = date_phrase.doc
    if date_phrase.start > 0 and doc[date_phrase.start - 1].lower_ in {"until", "till", "by"}:
        return True
    verb = date_phrase.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in _STILL_TO_COME for c in verb.children)


# Auxiliaries of a clause still to come, seen from the report: "will", and "would" of a plan.
_STILL_TO_COME = _WILL | {"would", "wo"}
