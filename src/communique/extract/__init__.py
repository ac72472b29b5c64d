"""Stage 5, extract: events, agreements and statements from a parsed Doc.

Runs as the spaCy component ``communique_extract`` after ``communique_actors``, reading the
actor mentions it left on the Doc and the article's publication date (``doc._.published``),
the base against which every relative date is resolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import Span
from .agreements import find_instruments, instrument_titles
from .confidence import rate_instrument, rate_statement, with_evidence
from .dates import (
    DateResolver,
    When,
    counted_from,
    counted_on,
    counts_on,
    date_phrases,
    names_month,
    needs_anchor,
    reference_date,
    resolve_when,
)
from .events import find_events
from .russian import find_events_ru, find_instruments_ru, instrument_titles_ru
from .statements import find_statements

__all__ = ["find_events", "find_instruments", "find_statements", "sentence_when"]


def sentence_when(
    sent: SpacySpan,
    published: date | None,
    future: bool,
    exclude: list[tuple[int, int]] | None = None,
) -> Span | None:
    """The date a span gives its news: its first date phrase that resolves.

    A span without one reports the article's own news, dated by its publication. Dates inside
    ``exclude`` (character spans of titles such as "Plan … for 2026") do not count, nor numbers
    in names ("resolution 1970"). Events ask for the one phrase attached to their verb.
    """
    for phrase in date_phrases(sent, exclude):
        found = phrase_when(sent.doc, phrase.start, phrase.end, published, future)
        if found is not None:
            return Span(start=found.start, end=found.end, precision=found.precision)
    if published is None:
        return None
    return Span(start=published, end=published, precision="day", from_publication=True)


def phrase_when(
    doc: Doc, start: int, end: int, published: date | None, future: bool
) -> When | None:
    """Resolve the date phrase ``doc[start:end]`` in the Doc's language.

    "in a few days" (in the future tense only: else "in 11 years" is a duration): the
    preposition before it makes a duration a date. "The following day"
    counts from the single day the text last named (see :func:`_anchor`).
    """
    text = doc[start:end].text
    if unit := _that_period(text):
        return _period_before(doc, start, published, unit)
    base = next(_stated_before(doc, start, published), None) if counts_on(text) else None
    if base is not None and (base.precision != "day" or not needs_anchor(text)):
        return counted_on(text, base)  # "days later" after "in December 2023"
    anchor = _anchor(doc, start, published) if needs_anchor(text) else None
    before = doc[start - 1].lower_ if start > doc[start].sent.start else ""
    found = None
    if counted := counted_from(doc[start:end]):  # "the day" + "after the 6 May vote"
        found = _nearest(counted, published, future, anchor, doc.lang_)
    if found is None and (before in {"since", "for"} or (future and before in {"in", "within"})):
        found = _nearest(f"{before} {text}", published, future, anchor, doc.lang_)
    return found or _nearest(text, published, future, anchor, doc.lang_)


# How many sentences before an anaphoric date ("the previous day") its anchor may stand.
_ANCHOR_SENTENCES = 2
# "That month", "that same year": the month or year of the date the text named last.
_THAT_PERIOD = re.compile(r"(?:(?:in|during|of|later|earlier) )?that (?:same )?(month|year)", re.I)


def _that_period(text: str) -> str | None:
    """The unit ("month" or "year") a "that month"-like phrase points back to, if it is one."""
    match = _THAT_PERIOD.fullmatch(text.strip())
    return match[1].lower() if match else None


def _period_before(doc: Doc, start: int, published: date | None, unit: str) -> When | None:
    """The month or year of the last date the text named before token ``start``.

    "Venezuela held a referendum in December 2023. Guyana and Venezuela met that month": the
    meeting is of December 2023, not of the report's day.
    """
    for found in _stated_before(doc, start, published):
        if unit == "month" and found.precision == "year":
            continue
        period = f"{found.start:%Y-%m}" if unit == "month" else f"{found.start:%Y}"
        return resolve_when(period, published=published)
    return None


def _stated_before(doc: Doc, start: int, published: date | None) -> Iterator[When]:
    """The dates the text stated in the few sentences before token ``start``, the last first.

    Dates told relative to another ("the next day", "days later", "that month") are left out:
    they are what looks back on these; so is a year that names a thing ("the 2012 agreement"),
    not a time the account stands at.
    """
    for phrase in reversed(date_phrases(doc[_window_start(doc, start) : start])):
        text = doc[phrase.start : phrase.end].text
        if needs_anchor(text) or counts_on(text) or _that_period(text):
            continue
        found = _nearest(text, published, False, None, doc.lang_)
        if found is not None and not (phrase.noun is not None and found.precision == "year"):
            yield found


def _window_start(doc: Doc, start: int) -> int:
    """The first token of the few sentences before token ``start`` that an anaphor looks back on."""
    first = doc[start].sent.start
    for _ in range(_ANCHOR_SENTENCES):
        if first > 0:
            first = doc[first - 1].sent.start
    return first


def _anchor(doc: Doc, start: int, published: date | None) -> date | None:
    """The single day the text named last before token ``start``, within a few sentences.

    News counts "the next day" from the day it just told of; where it told of none nearby, from
    the day of the report itself.
    """
    days = (
        found.start for found in _stated_before(doc, start, published) if found.start == found.end
    )
    return next(days, published)


# How far after publication a day stated without its year may fall in a sentence not in the
# future tense ("the talks open on May 4", in a report of 1 May); further on, it is last year's.
_EVE = timedelta(days=31)


@lru_cache(maxsize=4096)
def _nearest(
    text: str, published: date | None, future: bool, anchor: date | None, language: str
) -> When | None:
    """Resolve a date; a day without a year ("on May 4") is the one nearest publication.

    A report dated 3 May that says "on May 4 the minister is in Rome" means the
    next day, not the same day a year before; months ("in March") and weekdays ("on Monday":
    the latest Monday) stay in the past.
    Cached: the same words recur across an article's sentences and events, and dateparser is
    the costly part of the stage.
    """
    past = resolve_when(
        text, published=published, language=language, future_hint=future, anchor=anchor
    )
    if future or past is None or published is None or past.precision != "day":
        return past
    if not names_month(text):
        return past
    ahead = resolve_when(
        text, published=published, language=language, future_hint=True, anchor=anchor
    )
    if ahead is None or ahead.precision != "day" or ahead.start > published + _EVE:
        return past
    return min((past, ahead), key=lambda w: abs((w.start - published).days))


@Language.component(
    "communique_extract",
    assigns=["doc._.statements", "doc._.instruments", "doc._.events"],
    requires=["doc._.mentions", "doc.sents"],
)
def extract_component(doc: Doc) -> Doc:
    """Find the Doc's statements, instruments and events from its actor mentions."""
    when = _remembered()  # instruments and several event triggers ask for one sentence's date
    statements = find_statements(doc, doc._.mentions)
    published = doc._.published or reference_date(doc)
    if doc.lang_ == "ru":  # read from a Universal Dependencies parse with the Russian tables
        # each record dated by the phrase attached to its own words (extract/russian.py)
        instruments = find_instruments_ru(doc, doc._.mentions, published=published)
        events = find_events_ru(
            doc, doc._.mentions, published=published, titles=instrument_titles_ru(doc)
        )
    else:
        instruments = find_instruments(doc, doc._.mentions, published=published, when=when)
        events = find_events(
            doc,
            doc._.mentions,
            published=published,
            when=when,
            titles=instrument_titles(doc),
            quotes=statements,
        )
    # each record with its confidence (extract/confidence.py); an event's sentences are merged
    doc._.statements = [rate_statement(st) for st in statements]
    doc._.instruments = [rate_instrument(item) for item in instruments]
    doc._.events = [with_evidence(event) for event in events]
    return doc


def _remembered() -> DateResolver:
    """``sentence_when`` answering each question once per Doc: date parsing is the costly part."""
    answers: dict[tuple, Span | None] = {}

    def resolve(
        sent: SpacySpan, published: date | None, future: bool, exclude: list[tuple[int, int]]
    ) -> Span | None:
        key = (sent.start, sent.end, published, future, tuple(exclude))
        if key not in answers:
            answers[key] = sentence_when(sent, published, future, exclude)
        return answers[key]

    return resolve
