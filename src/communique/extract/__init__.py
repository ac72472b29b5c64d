"""Stage 5, extract: events, agreements and statements from a parsed Doc.

Runs as the spaCy component ``communique_extract`` after ``communique_actors``, reading the
actor mentions it left on the Doc and the article's publication date (``doc._.published``),
the base against which every relative date is resolved.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..ents import entities_in
from ..model import Span
from .agreements import find_instruments, instrument_titles
from .confidence import rate_instrument, rate_statement, with_evidence
from .dates import DateResolver, When, resolve_when
from .events import find_events
from .statements import find_statements

__all__ = ["find_events", "find_instruments", "find_statements", "sentence_when"]


def sentence_when(
    sent: SpacySpan,
    published: date | None,
    future: bool,
    exclude: list[tuple[int, int]] | None = None,
) -> Span | None:
    """The date a sentence gives its news: its first resolvable DATE entity.

    A sentence without one reports the article's own news, dated by its publication. Dates
    inside ``exclude`` (character spans of titles such as "Plan … for 2026") do not count.
    """
    for ent in entities_in(sent):
        inside = any(lo <= ent.start_char and ent.end_char <= hi for lo, hi in exclude or ())
        if ent.label_ == "DATE" and not inside:
            # "in a few days": the preposition makes a duration a date
            before = ent.doc[ent.start - 1].text if ent.start > sent.start else ""
            found = (
                _nearest(f"{before} {ent.text}", published, future)
                if before.lower() in {"in", "within", "for", "since"}
                else None
            ) or _nearest(ent.text, published, future)
            if found is not None:
                return Span(start=found.start, end=found.end, precision=found.precision)
    if published is None:
        return None
    return Span(start=published, end=published, precision="day", from_publication=True)


def _nearest(text: str, published: date | None, future: bool) -> When | None:
    """Resolve a date; a day without a year ("on May 4") is the one nearest publication.

    A report dated 3 May that says "on May 4 the minister is in Rome" means the
    next day, not the same day a year before; months ("in March") stay in the past.
    """
    past = resolve_when(text, published=published, future_hint=future)
    if future or past is None or published is None or past.precision != "day":
        return past
    if not any(c.isdigit() for c in text):
        return past  # "on Friday" in a past-tense sentence is the last Friday, however near

    ahead = resolve_when(text, published=published, future_hint=True)
    if ahead is None or ahead.precision != "day":
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
    instruments = find_instruments(doc, doc._.mentions, published=doc._.published, when=when)
    events = find_events(
        doc,
        doc._.mentions,
        published=doc._.published,
        when=when,
        titles=instrument_titles(doc),
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
