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
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import actors, extract  # noqa: F401  (register the communique_* components)
from .kb import KnowledgeBase
from .model import Analysis, Article
from .patterns import jsonl_rows

__all__ = ["analyse", "build_pipeline", "kb_patterns", "title_patterns"]

_TITLE_CASE_INITIAL = r"^[A-Z]\.[A-Z][a-z]+$"
_HONORIFICS = ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.")
_MIN_SURNAME = 4
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


def analyse(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[Article, Analysis]]:
    """Run the pipeline over articles, in order, and turn each Doc into an Analysis record."""
    queue: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.published = article.published
            doc._.source = article.doc
            queue.append(article)
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        article = queue.pop(0)
        analysis = Analysis(
            article_id=article.id,
            mentions=tuple(doc._.mentions),
            learned=tuple(doc._.learned),
            statements=tuple(doc._.statements),
            instruments=tuple(doc._.instruments),
            events=tuple(doc._.events),
        )
        yield article, analysis
