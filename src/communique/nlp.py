"""Stage 3, nlp: the spaCy pipeline, with the knowledge base turned into entity patterns.

The pinned English model (setting ``model``) parses and finds names; an ``entity_ruler`` placed
before its NER makes every state, organisation, person and office title the knowledge base knows
one whole entity (so "the Collective Security Treaty Organization" and "Minister of Foreign
Affairs" are never split or mislabelled), and ``communique_actors`` resolves them (see
:mod:`communique.actors`). Articles go through ``nlp.pipe`` in batches, each with its publication
date and source on the Doc, because roles and "yesterday" depend on them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import actors, extract  # noqa: F401  (register the communique_* components)
from .errors import Errors
from .kb import KnowledgeBase
from .model import Analysis, Article
from .patterns import jsonl_rows

__all__ = ["analyse", "build_pipeline", "kb_patterns", "split_pieces", "title_patterns"]

_TITLE_CASE_INITIAL = r"^[A-Z]\.[A-Z][a-z]+$"
_HONORIFICS = ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.")
_MIN_SURNAME = 4
# Where a long text is cut, best first: a paragraph break, a line break, a sentence end, a space.
_SEPARATORS = ("\n\n", "\n", ". ", " ")
_LARGE_CITY = 1_000_000
# Surnames that are also the calendar's words ("Friday", "May") name a day far more often.
_CALENDAR = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])


def _register_extensions() -> None:
    extensions = (
        "published",
        "source",
        "mentions",
        "learned",
        "statements",
        "instruments",
        "events",
    )
    for name in extensions:
        default = None if name in {"published", "source"} else []
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@Language.component("communique_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, before the parser runs.

    A headline, a salutation ("Colleagues,") or a speaker line has no final full stop; the
    parser would run it into the next paragraph, and evidence would quote the wrong sentence.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        blank = previous.text.strip() == "" and "\n" in previous.text
        if blank or "\n\n" in previous.text_with_ws:
            token.is_sent_start = True
    return doc


def _plural(title: str) -> str:
    """Pluralise a title's head word: "Foreign Minister" -> "Foreign Ministers"."""
    words = title.split()
    head = words.index("of") - 1 if "of" in words else len(words) - 1
    word = words[head]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        words[head] = word[:-1] + "ies"
    elif word.endswith(("s", "sh", "ch")):
        words[head] = word + "es"
    else:
        words[head] = word + "s"
    return " ".join(words)


def kb_patterns(kb: KnowledgeBase) -> list[dict]:
    """Entity-ruler patterns for every name the knowledge base knows.

    Names are matched as written: case matters ("Turkey" the state, not the bird).
    """
    patterns: list[dict] = []
    for state in kb.states.values():
        # "the US" is matched as "US": the article is not part of the name, and a longer name
        # that starts with it ("US Congress") must be able to win
        names = dict.fromkeys(re.sub(r"^the\s+", "", word) for word in state.names)
        patterns += [{"label": "GPE", "pattern": word, "id": state.code} for word in names]
        # Datelines and headlines write names in capitals: "MOSCOW, 25 November (TASS)".
        patterns += [
            {"label": "GPE", "pattern": word.upper(), "id": state.code}
            for word in (state.name, state.capital or "")
            if len(word) > 3 and not word.isupper()
        ]
        patterns += [{"label": "NORP", "pattern": w, "id": state.code} for w in state.adjectives]
    # Regions and waters named after a state ("British Columbia", "the South China Sea") are
    # matched whole, so the state inside the name is not read as the state.
    patterns += [{"label": "LOC", "pattern": name} for name, _place in kb.regions.values()]
    for org in kb.organisations:
        for word in (*org.names, *org.acronyms):
            patterns.append({"label": "ORG", "pattern": word, "id": org.code})
    for person in kb.people.values():
        for word in (person.name, *person.aliases):
            patterns.append({"label": "PERSON", "pattern": word, "id": person.name})
        surname = person.name.split()[-1]
        # A surname alone names the person once the full name appeared, or when only one person
        # by that name held office on the day; too short a surname is too often something else.
        if len(surname) >= _MIN_SURNAME and not _common_word(kb, surname):
            patterns.append({"label": "PERSON", "pattern": surname, "id": person.name})
            patterns += [
                {"label": "PERSON", "pattern": f"{honorific} {surname}", "id": person.name}
                for honorific in _HONORIFICS
            ]
    patterns.append({"label": "PERSON", "pattern": [{"TEXT": {"REGEX": _TITLE_CASE_INITIAL}}]})
    return patterns


def _common_word(kb: KnowledgeBase, surname: str) -> bool:
    """A surname that alone names something else far more often.

    A state or its capital ("Jordan"), a day or month ("Friday", "May"), or a large city
    ("Lagos", the Chilean president's surname and Nigeria's largest city).
    """
    if kb.state(surname) is not None or surname in _CALENDAR:
        return True
    return any(p.population >= _LARGE_CITY for p in kb.places(surname))


def title_patterns(kb: KnowledgeBase) -> list[dict]:
    """Phrase patterns for office titles and institutions, singular and plural.

    Matched case-insensitively by their own ruler, since texts write "foreign ministers" as
    often as "Foreign Minister". Phrase patterns, not token patterns: thousands of token
    patterns make spaCy's Matcher the slowest part of the pipeline.
    """
    return [
        {
            "label": "INSTITUTION" if office.institution else "TITLE",
            "pattern": form,
            "id": office.id,
        }
        for title, office in kb.titles()
        for form in dict.fromkeys((title, _plural(title)))
    ]


def build_pipeline(model: str, kb: KnowledgeBase) -> Language:
    """Load the model and add the knowledge-base ruler and the actor resolver."""
    _register_extensions()
    nlp = spacy.load(model)
    nlp.add_pipe("communique_paragraphs", before="parser")
    names = nlp.add_pipe("entity_ruler", name="communique_names", before="ner")
    # After the names, so a body such as the CSTO "Council of Foreign Ministers" stays whole.
    titles = nlp.add_pipe(
        "entity_ruler",
        name="communique_titles",
        after="communique_names",
        config={"phrase_matcher_attr": "LOWER"},
    )
    # Phrase patterns need only tokens: with the tagger and parser on, spaCy would parse all
    # ~50,000 of them at every start (16 s measured against well under a second).
    with nlp.select_pipes(enable=["communique_names", "communique_titles"]):
        names.add_patterns([*kb_patterns(kb), *jsonl_rows("collectives.jsonl")])
        titles.add_patterns(title_patterns(kb))
    nlp.add_pipe("communique_actors", last=True)
    nlp.get_pipe("communique_actors").attach(kb)
    nlp.add_pipe("communique_extract", last=True)
    return nlp


def split_pieces(text: str, size: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``size`` characters that join back to it.

    spaCy refuses a text over its ``max_length`` (E088) and its parser's memory grows with a
    Doc's length, so a long report or transcript is analysed in pieces. Each cut falls after a
    paragraph break where one lies in the second half of the window, else after a line break,
    a sentence's full stop or a space; a piece then ends in whitespace, so no token and no
    entity straddles two pieces, and the joined Doc keeps every character offset.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = len(window)  # no separator at all: a hard cut, still joined back exactly
        for separator in _SEPARATORS:
            at = window.rfind(separator)
            if at >= size // 2:
                cut = at + len(separator)
                break
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _whole_doc_stages(nlp: Language) -> list[str]:
    """The components that read the whole article, run once on the joined Doc.

    Actor resolution (a surname after the full name, roles learned earlier in the text) and
    extraction (quotes over paragraphs) look across paragraphs; the model's components and the
    rulers look no further than a sentence and run on the pieces.
    """
    names = nlp.pipe_names
    return names[names.index("communique_actors") :] if "communique_actors" in names else []


def _parse(
    articles: list[Article], nlp: Language, *, whole: list[str], settings: _PipeSettings
) -> list[list[Doc]]:
    """Run the sentence-level components over the articles' pieces, in batches."""
    size = min(settings.piece_chars, nlp.max_length)
    counts: list[int] = []
    texts: list[str] = []
    for article in articles:
        pieces = split_pieces(article.text, size)
        counts.append(len(pieces))
        texts += pieces
    docs = iter(
        nlp.pipe(
            (nlp.make_doc(text) for text in texts),
            batch_size=settings.batch_size,
            n_process=settings.n_process,
            disable=whole,
        )
    )
    return [[next(docs) for _ in range(count)] for count in counts]


def _finish(article: Article, pieces: list[Doc], nlp: Language, whole: list[str]) -> Analysis:
    """Join an article's pieces into one Doc, run the whole-article stages, read the result."""
    if len(pieces) == 1:
        doc = pieces[0]
    else:
        # The pieces end in whitespace (split_pieces), so nothing is inserted between them.
        doc = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])
        if doc.text != article.text:
            raise ValueError(Errors.E113.format(got=len(doc.text), want=len(article.text)))
    doc._.published = article.published
    doc._.source = article.doc
    for name in whole:
        doc = nlp.get_pipe(name)(doc)
    return Analysis(
        article_id=article.id,
        mentions=tuple(doc._.mentions),
        learned=tuple(doc._.learned),
        statements=tuple(doc._.statements),
        instruments=tuple(doc._.instruments),
        events=tuple(doc._.events),
    )


@dataclass(frozen=True, slots=True)
class _PipeSettings:
    batch_size: int
    n_process: int
    piece_chars: int


def analyse(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    piece_chars: int = 100_000,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[tuple[Article, Analysis]]:
    """Run the pipeline over articles, in order, and turn each Doc into an Analysis record.

    Texts longer than ``piece_chars`` are parsed in pieces (:func:`split_pieces`) and joined
    into one Doc before the whole-article stages, so offsets always refer to the article text.
    With ``on_error``, an article whose analysis raises is handed to it and left out, and the
    others go on: a batch that fails is parsed again one article at a time to find which one
    it was. Without ``on_error`` the exception propagates.
    """
    whole = _whole_doc_stages(nlp)
    settings = _PipeSettings(batch_size, n_process, piece_chars)
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= batch_size * max(1, n_process):
            yield from _analyse_chunk(chunk, nlp, whole=whole, settings=settings, on_error=on_error)
            chunk = []
    if chunk:
        yield from _analyse_chunk(chunk, nlp, whole=whole, settings=settings, on_error=on_error)


def _analyse_chunk(
    chunk: list[Article],
    nlp: Language,
    *,
    whole: list[str],
    settings: _PipeSettings,
    on_error: Callable[[Article, Exception], None] | None,
) -> Iterator[tuple[Article, Analysis]]:
    """Analyse a few articles together; a failure then costs only its own article."""
    parsed: list[list[Doc]] | None
    try:
        parsed = _parse(chunk, nlp, whole=whole, settings=settings)
    except Exception:
        if on_error is None:
            raise
        parsed = None  # one of them broke the batch: parse each alone below
    for index, article in enumerate(chunk):
        try:
            if parsed is None:
                pieces = _parse([article], nlp, whole=whole, settings=settings)[0]
            else:
                pieces = parsed[index]
            analysis = _finish(article, pieces, nlp, whole)
        except Exception as error:
            if on_error is None:
                raise
            on_error(article, error)
            continue
        yield article, analysis
