"""The English model's rule-based components, made faster and giving their output.

Two of the model's components are plain Python rules, and on news text they cost as much as the
parser: the attribute ruler (tag to part of speech and features, 179 tag and word rules) and the
lemmatizer. Each is replaced by a subclass that answers the same and does less work per token
(:func:`use_faster_rules`); the tests compare both with spaCy's on random rules and real text.

- :class:`ColumnAttributeRuler`: spaCy's Matcher tries every rule at every token (1.6 s of
  spaCy's 8.5 s on 120 news articles). The rules only compare token attributes with values, sets
  of values or regular expressions, so here each rule is a few comparisons over the Doc's
  attribute columns, skipped at once when a value it needs is not in the Doc at all. Rules in any
  other form (operators, extension attributes) leave all matching to spaCy's Matcher.
- :class:`CachingLemmatizer`: spaCy's rule lemmatizer remembers a word's lemma only when its
  rules ran, not when the word was already in its base form (a singular noun, an infinitive),
  so three tokens in four are worked out again each time. Here every lemma is remembered by the
  word, part of speech and features it depends on, and the Doc's lemmas are set in one call.
  One choice differs: where spaCy's rules offer two known lemmas for a word in "-es" ("hop" and
  "hope" for "hopes") and take the first, English spelling picks (:func:`_inflected_from`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

__all__ = ["CachingLemmatizer", "ColumnAttributeRuler", "use_faster_rules"]

# Attributes a Doc's columns hold exactly as spaCy's Matcher reads them (SENT_START is not one:
# the Matcher reads it as a yes or no, Doc.to_array as -1, 0 or 1).
_STRING_ATTRS = frozenset(
    {"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "TAG", "POS", "DEP", "LEMMA"}
)


@dataclass(frozen=True, slots=True)
class _Test:
    """One comparison: the token ``offset`` into the pattern, an attribute, values it may take.

    The values are listed, or they are those whose string ``regex`` finds a match in; with
    ``negated`` (NOT_IN) the attribute must take none of the listed values.
    """

    offset: int
    attr: int
    values: frozenset[int] = frozenset()
    negated: bool = False
    regex: re.Pattern[str] | None = None

    def allowed(self, present: set[int], strings: StringStore) -> set[int]:
        """Which of the values present in a Doc's column pass (for a test not negated)."""
        if self.regex is None:
            return present & self.values
        return {value for value in present if self.regex.search(strings[value])}


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A pattern as comparisons: the ruler's key for it (index and hash) and its length."""

    index: int
    key: int
    length: int
    tests: tuple[_Test, ...]


def _attr_id(name: Any) -> int | None:
    """The attribute id the Matcher would read for a pattern's key, if a column holds it."""
    if not isinstance(name, str):
        return None
    name = name.upper()
    if name == "IS_SENT_START":
        return None
    if name in _STRING_ATTRS or name.startswith(("IS_", "LIKE_")):
        return IDS.get("ORTH" if name == "TEXT" else name)
    return None


def _natural(value: Any) -> bool:
    """Whether ``value`` is a number a column can hold (True and False count as 1 and 0)."""
    return isinstance(value, int) and value >= 0


def _compile(vocab: Vocab, index: int, key: int, pattern: list[dict[str, Any]]) -> _Pattern | None:
    """``pattern`` as comparisons, or None where spaCy's Matcher must read it.

    Values are hashed as the Matcher hashes them: a compared string added to the StringStore,
    a listed one only hashed.
    """
    tests: list[_Test] = []
    for offset, spec in enumerate(pattern):
        for name, value in spec.items():
            attr = _attr_id(name)
            if attr is None:
                return None
            if not isinstance(value, dict):
                if not (isinstance(value, str) or _natural(value)):
                    return None
                one = vocab.strings.add(value) if isinstance(value, str) else int(value)
                tests.append(_Test(offset, attr, frozenset((one,))))
                continue
            if len(value) != 1:
                return None
            ((operator, operand),) = value.items()
            if operator == "REGEX" and isinstance(operand, str) and name.upper() in _STRING_ATTRS:
                tests.append(_Test(offset, attr, regex=re.compile(operand)))
            elif operator in ("IN", "NOT_IN") and isinstance(operand, list | tuple):
                if not all(isinstance(v, str) or _natural(v) for v in operand):
                    return None
                values = frozenset(get_string_id(v) if isinstance(v, str) else v for v in operand)
                tests.append(_Test(offset, attr, values, negated=operator == "NOT_IN"))
            else:
                return None
    if not pattern:
        return None
    return _Pattern(index, key, len(pattern), tuple(tests))


class ColumnAttributeRuler(AttributeRuler):
    """An :class:`AttributeRuler` whose patterns are matched over the Doc's attribute columns.

    Everything but :meth:`match` is spaCy's: patterns are added, saved and loaded as there, and
    the matches it returns are those of spaCy's Matcher, in the order spaCy's ruler sorts them.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **config: Any) -> None:
        self._compiled: list[_Pattern] | None = []
        self._columns: list[int] = []
        super().__init__(vocab, name, **config)

    def clear(self) -> None:
        """Reset all patterns."""
        super().clear()
        self._compiled, self._columns = [], []

    def add(self, patterns: Any, attrs: dict, index: int = 0) -> None:
        """Add patterns as spaCy's ruler does, and as comparisons where they can be."""
        position = len(self.attrs)
        super().add(patterns, attrs, index)
        if self._compiled is None:
            return
        key = self.vocab.strings[str(position)]
        for pattern in patterns:
            compiled = _compile(self.vocab, position, key, pattern)
            if compiled is None:
                self._compiled = None  # spaCy's Matcher reads them all from now on
                return
            self._compiled.append(compiled)
            for test in compiled.tests:
                if test.attr not in self._columns:
                    self._columns.append(test.attr)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(pattern index, key, start, end) of every match, sorted as spaCy's ruler sorts them."""
        if self._compiled is None:
            return super().match(doc)
        n = len(doc)
        if not n:
            return []
        columns: dict[int, np.ndarray] = {}
        if self._columns:  # none when every rule is of tokens of any kind ([{}])
            table = doc.to_array(self._columns).reshape(n, len(self._columns))
            columns = {attr: table[:, i] for i, attr in enumerate(self._columns)}
        present = {attr: set(column.tolist()) for attr, column in columns.items()}
        strings = self.vocab.strings
        found: set[tuple[int, int, int, int]] = set()
        for pattern in self._compiled:
            starts = n - pattern.length + 1
            if starts <= 0:
                continue
            # Which values pass each test in this Doc, first: most patterns end here, on a
            # word the Doc does not have.
            passing: list[tuple[_Test, set[int] | None]] = []
            for test in pattern.tests:
                allowed = None if test.negated else test.allowed(present[test.attr], strings)
                if allowed is not None and not allowed:
                    break
                passing.append((test, allowed))
            else:
                hits = np.ones(starts, dtype=bool)
                for test, allowed in passing:
                    window = columns[test.attr][test.offset : test.offset + starts]
                    if allowed is None:
                        listed = np.fromiter(test.values, dtype=np.uint64, count=len(test.values))
                        hits &= np.isin(window, listed, invert=True)
                    elif len(allowed) == 1:
                        hits &= window == np.uint64(next(iter(allowed)))
                    else:
                        hits &= np.isin(window, np.fromiter(allowed, dtype=np.uint64))
                for start in np.flatnonzero(hits).tolist():
                    found.add((pattern.index, pattern.key, start, start + pattern.length))
        return sorted(found)


@Language.factory(
    "communique_attribute_ruler",
    default_config={
        "validate": False,
        "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"},
    },
)
def make_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Any = attribute_ruler_score
) -> ColumnAttributeRuler:
    """Build a :class:`ColumnAttributeRuler` (registered, so a saved pipeline loads it)."""
    return ColumnAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def _inflected_from(token: Token, lemmas: list[str]) -> str:
    """Of the lemmas spaCy's rules offer, the one English spelling makes the word from.

    For "hopes" the rules offer "hop" and "hope", both known verbs, and spaCy takes the first.
    English adds "-es" only after a hissing sound or an "o" ("fixes", "goes"), so "hopes" is
    "hope" + "s", as "copes" is "cope"'s; "fixes" stays "fix".
    """
    word = token.lower_
    if len(lemmas) > 1 and word.endswith("es"):
        bare = word[:-2]
        if not bare.endswith(_TAKES_ES) and word[:-1] in lemmas:
            return word[:-1]
    return lemmas[0]


# Endings after which English spells a plural or third person "-es" rather than "-s".
_TAKES_ES = ("s", "x", "z", "ch", "sh", "o")


class CachingLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer, remembering every lemma it works out (in rule mode).

    Of two lemmas its rules offer for a word in "-es", it keeps the one English spelling makes
    the word from ("hopes" is "hope", not "hop"): the event rows name verbs by lemma.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token without one (of every token, with ``overwrite``)."""
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            table = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = table[:, 3].copy()
            known = self._lemmas
            for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
                if lemma and not self.overwrite:
                    continue
                found = known.get((orth, pos, morph))
                if found is None:
                    found = self.vocab.strings.add(_inflected_from(doc[i], self.lemmatize(doc[i])))
                    if pos:  # without a part of speech spaCy warns each time: so do we
                        known[orth, pos, morph] = found
                lemmas[i] = found
            if len(doc):
                doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as error:
            error_handler(self.name, self, [doc], error)
            return doc


@English.factory(
    "communique_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Any
) -> CachingLemmatizer:
    """Build a :class:`CachingLemmatizer` (registered, so a saved pipeline loads it)."""
    return CachingLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def use_faster_rules(nlp: Language) -> None:
    """Swap the model's attribute ruler and English lemmatizer for ours, with their rules."""
    if "attribute_ruler" in nlp.pipe_names:
        rules = nlp.get_pipe("attribute_ruler").patterns
        nlp.replace_pipe("attribute_ruler", "communique_attribute_ruler").add_patterns(rules)
    if "lemmatizer" in nlp.pipe_names:
        stock = nlp.get_pipe("lemmatizer")
        if type(stock) is EnglishLemmatizer:
            config = {"mode": stock.mode, "overwrite": stock.overwrite}
            nlp.replace_pipe(
                "lemmatizer", "communique_lemmatizer", config=config
            ).lookups = stock.lookups
