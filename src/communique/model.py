"""The typed records that flow from one stage to the next.

Every stage takes and returns these frozen records, never ORM rows or spaCy objects, so a stage can
be tested, replaced or run elsewhere on its own. ``to_dict``/``from_dict`` give the JSON shapes of
../shared/EXPORT-FORMAT.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Self

__all__ = [
    "CONFLICT",
    "QUADS",
    "Actor",
    "Agreement",
    "Analysis",
    "Article",
    "ArticleCluster",
    "Entity",
    "Event",
    "Evidence",
    "Instrument",
    "Mention",
    "RawDocument",
    "Role",
    "SearchHit",
    "SearchResults",
    "Span",
    "Statement",
    "Story",
]

Format = Literal["text", "html"]
Kind = Literal["person", "organisation", "state", "office", "collective", "place"]
Reference = Literal["name", "title", "pronoun", "group", "seat"]
SearchKind = Literal["article", "quote"]

# PLOVER 2.0's quads: every event type is verbal or material, cooperation or conflict.
QUADS: dict[str, tuple[str, ...]] = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
CONFLICT = frozenset(QUADS["verbal conflict"] + QUADS["material conflict"])


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """One input as read: its source name, its content, and any metadata the input carried.

    ``doc`` is what users cite (file name, URL or JSONL id); ``group`` is the source that
    repeated-line evidence is counted within (publisher, else the folder the file came from);
    ``where`` is the place it was read from (path, and ``:line`` for a JSONL record), which
    error messages name. ``title`` and ``published`` are the input's word and win over what the
    content says; ``fallback_title`` and ``fallback_published`` (a feed entry's, for a fetched
    page) are used only where the content says nothing.
    """

    doc: str
    content: str
    format: Format
    group: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    where: str = ""
    fallback_title: str | None = None
    fallback_published: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article: the text every later offset refers to, and its metadata."""

    id: str
    doc: str
    text: str
    title: str | None
    published: date | None
    language: str | None
    publisher: str | None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the export shape (``published`` as ``YYYY-MM-DD``)."""
        return {
            "id": self.id,
            "doc": self.doc,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "publisher": self.publisher,
            "text": self.text,
            "url": self.url,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build an Article from its export shape."""
        published = data.get("published")
        return cls(
            id=data["id"],
            doc=data["doc"],
            text=data["text"],
            title=data.get("title"),
            published=date.fromisoformat(published) if published else None,
            language=data.get("language"),
            publisher=data.get("publisher"),
            url=data.get("url"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One mention of an actor in an article, resolved as far as the text and knowledge allow.

    ``codes`` holds one code for a person, office, state or organisation (ISO alpha-3 or
    ``IGO:<ACRONYM>``) and several for a collective ("the two countries"). ``start``/``end`` are
    character offsets in the article text; ``sentence`` is the offset of the sentence's start.
    ``reference`` says how the text refers: by name, by title ("the Russian Foreign Minister"),
    by pronoun ("we" in a minister's words, "the kingdom" for the kingdom named before), as a
    group ("the sides"), or by its capital ("Moscow", which is also where things happen).
    """

    start: int
    end: int
    text: str
    kind: Kind
    name: str | None
    codes: tuple[str, ...] = ()
    office: str | None = None
    sector: str | None = None
    sentence: int = 0
    reference: Reference = "name"

    @property
    def code(self) -> str | None:
        """The single code of a non-collective mention."""
        return self.codes[0] if len(self.codes) == 1 else None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "name": self.name,
            "codes": list(self.codes),
            "office": self.office,
            "sector": self.sector,
            "sentence": self.sentence,
            "reference": self.reference,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build a Mention from :meth:`to_dict`'s shape."""
        return cls(**{**data, "codes": tuple(data.get("codes", ()))})


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    """An office a person holds for a state or organisation, over a span of days.

    Roles come from the packaged knowledge base, from a user's ``--actors`` file, or are learned
    from a text that names a person beside a title; ``doc`` and ``sentence`` keep where.
    """

    person: str
    office: str
    code: str
    title: str | None = None
    start: date | None = None
    end: date | None = None
    doc: str | None = None
    sentence: str | None = None

    def valid_on(self, day: date | None) -> bool:
        """Whether the role was held on ``day`` (any role counts when the day is unknown)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """A direct quotation and who said it; ``start``/``end`` bound the quote in the text.

    ``quote`` is exactly ``text[start:end]`` of the article, so it can always be shown in place.
    """

    speaker: str | None
    code: str | None
    office: str | None
    quote: str
    start: int
    end: int
    layout: Literal["transcript", "speaker_line", "attributed", "continued"]
    confidence: float = 1.0  # how firmly the text supports the record, in [0, 1]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "speaker": {"name": self.speaker, "code": self.code, "office": self.office},
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "layout": self.layout,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A day interval with the precision the text supports (``start <= end``, both inclusive)."""

    start: date
    end: date
    precision: Literal["day", "month", "year"]
    from_publication: bool = False  # the text gave no date; the article's date stands in

    @classmethod
    def parse(cls, value: str) -> Self:
        """Read ``2025``, ``2025-06``, ``2025-06-10`` or an interval ``a/b`` as its days."""
        first, _sep, last = value.partition("/")
        low, high = _bounds(first), _bounds(last or first)
        return cls(start=low[0], end=high[1], precision=low[2])

    def to_dict(self) -> dict[str, Any]:
        """Return the export fields ``date``, ``enddate``, ``precision``."""
        return {
            "date": self.start.isoformat(),
            "enddate": self.end.isoformat(),
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Instrument:
    """One action on a named agreement, treaty, programme … as one sentence reports it.

    The same instrument named in several sentences or documents is one agreement whose actions
    form its history; the store groups them by normalised title.
    """

    title: str
    kind: str
    action: str
    parties: tuple[str, ...]
    when: Span | None
    start: int  # of the sentence
    end: int
    sentence: str
    confidence: float = 1.0  # how firmly the text supports the record, in [0, 1]


@dataclass(frozen=True, slots=True, kw_only=True)
class Agreement:
    """A named instrument across the corpus, with every action reported on it, oldest first."""

    id: str
    title: str
    kind: str
    parties: tuple[str, ...]
    actions: tuple[tuple[str, Instrument], ...]  # (doc, instrument action)

    def to_dict(self) -> dict[str, Any]:
        """Return the export shape of ../shared/EXPORT-FORMAT.md."""
        actions = []
        for doc, item in self.actions:
            when = (
                item.when.to_dict()
                if item.when
                else dict.fromkeys(("date", "enddate", "precision"))
            )
            actions.append(
                {
                    "action": item.action,
                    **when,
                    "doc": doc,
                    "sentence": item.sentence,
                    "start": item.start,
                    "end": item.end,
                    "confidence": item.confidence,
                }
            )
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "parties": list(self.parties),
            "actions": actions,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """The sentence that states an event: offsets into its article's text."""

    start: int
    end: int
    sentence: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A PLOVER 2.0 event coded from one article, with every sentence that states it.

    ``actor`` holds codes. Where the text names a doer the knowledge base cannot place
    ("striking dock workers", a local court), ``actor`` is empty and ``actor_text`` keeps the
    doer as written: the event is still a fact an analyst wants, with an unknown code.
    """

    event: str
    mode: str | None
    context: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    people: tuple[str, ...]
    when: Span | None
    place: str | None
    place_code: str | None
    negated: bool
    tense: Literal["past", "present", "future", "hypothetical"]
    evidence: tuple[Evidence, ...]
    actor_text: str | None = None
    confidence: float = 1.0  # how firmly the text supports the record, in [0, 1]

    @property
    def who(self) -> tuple[str, ...]:
        """The doer for display: its codes, or the doer as written where it has none."""
        return self.actor or ((self.actor_text,) if self.actor_text else ())


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """One happening across sources: the events that report it, each with its article's doc.

    ``when`` is the reconciled date; ``disagreements`` keep each source whose own date differs,
    as ``(doc, date)``, so that a discrepancy between sources is shown, not hidden.
    """

    id: str
    event: Event
    when: Span | None
    reports: tuple[tuple[str, Event], ...]
    disagreements: tuple[tuple[str, str], ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """The docs that report the happening, each once, in the order of the reports."""
        return tuple(dict.fromkeys(doc for doc, _event in self.reports))


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleCluster:
    """Articles reporting the same happening, and the stories they share with other sources.

    ``copies`` runs beside ``articles``: the docs each article is a near-copy of.
    """

    articles: tuple[Article, ...]
    copies: tuple[tuple[str, ...], ...]
    stories: tuple[Story, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """What the language stages found in one article."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    learned: tuple[Role, ...] = ()
    statements: tuple[Statement, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """An actor across the corpus: every mention resolved to the same name and code.

    ``mentions`` pairs each mention with the source name (``doc``) of its article.
    """

    id: str
    name: str
    kind: Kind
    code: str | None
    office: str | None
    aliases: tuple[str, ...]
    mentions: tuple[tuple[str, Mention], ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the export shape of ../shared/EXPORT-FORMAT.md."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "code": self.code,
            "office": self.office,
            "aliases": list(self.aliases),
            "mentions": [
                {"doc": doc, "start": m.start, "end": m.end, "text": m.text}
                for doc, m in self.mentions
            ],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """An entity as a ranking shows it: who it is and how often it is mentioned.

    The :class:`Entity` without its mentions, which a page listing actors does not show and a
    corpus of a million articles could not send.
    """

    id: str
    name: str
    kind: Kind
    code: str | None
    office: str | None
    aliases: tuple[str, ...]
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: the export's entity shape with a count for its mentions."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "code": self.code,
            "office": self.office,
            "aliases": list(self.aliases),
            "mention_count": self.mentions,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """One search result: an article, or a quotation in one, with a snippet around the match.

    ``snippet`` is a run of ``(text, marked)`` pieces rather than markup, so a page escapes all
    the text and wraps only the marked pieces: article text never passes as HTML.
    """

    kind: SearchKind
    article_id: str
    doc: str
    title: str | None
    published: date | None
    speaker: str | None
    snippet: tuple[tuple[str, bool], ...]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: the snippet as text, its matches as offsets into it."""
        text, highlights = "", []
        for piece, marked in self.snippet:
            if marked:
                highlights.append([len(text), len(text) + len(piece)])
            text += piece
        return {
            "kind": self.kind,
            "article_id": self.article_id,
            "doc": self.doc,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "speaker": self.speaker,
            "snippet": text,
            "highlights": highlights,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchResults:
    """One page of search hits, best first, and how many there are in all."""

    total: int
    hits: tuple[SearchHit, ...]


def _bounds(value: str) -> tuple[date, date, Literal["day", "month", "year"]]:
    parts = [int(p) for p in value.strip().split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
    if len(parts) == 2:
        start = date(parts[0], parts[1], 1)
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, date.fromordinal(following.toordinal() - 1), "month"
    day = date(parts[0], parts[1], parts[2])
    return day, day, "day"
