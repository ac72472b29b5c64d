"""The faster rule components answer as spaCy's attribute ruler and lemmatizer do.

The lemmatizer differs in one choice, tested on its own: a word in "-es" whose rules offer two
known lemmas ("hopes": "hop", "hope").
"""

from __future__ import annotations

import random
from typing import Any

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from communique.nlp.rules import CachingLemmatizer, ColumnAttributeRuler, use_faster_rules

from .conftest import MODEL

WORDS = ["The", "envoy", "met", "ENVOYS", "in", "Port", "Selva", "'s", "talks", "n't", ",", " "]
TAGS = ["DT", "NN", "VBD", "NNS", "IN", "NNP", "POS", "RB", ",", "_SP"]
DEPS = ["det", "nsubj", "ROOT", "prep", "pobj", "compound", "neg", "punct", "dep"]


def _token_spec(rng: random.Random) -> dict[str, Any]:
    """One token of a pattern: a few attributes, each compared in one of the Matcher's ways."""
    spec: dict[str, Any] = {}
    for _ in range(rng.randint(0, 2)):
        attr, pool = rng.choice(
            [("ORTH", WORDS), ("LOWER", [w.lower() for w in WORDS]), ("TAG", TAGS), ("DEP", DEPS)]
        )
        form = rng.randrange(4)
        if form == 0:
            spec[attr] = rng.choice(pool)
        elif form == 1:
            spec[attr] = {"IN": rng.sample(pool, rng.randint(0, 3))}
        elif form == 2:
            spec[attr] = {"NOT_IN": rng.sample(pool, rng.randint(0, 2))}
        else:
            spec[attr] = {"REGEX": rng.choice(["^n", "s$", "^[A-Z]", "'", "^ROOT$", "N"])}
    if rng.random() < 0.2:
        spec[rng.choice(["IS_SPACE", "IS_PUNCT", "IS_TITLE"])] = rng.random() < 0.5
    return spec


def _rules(rng: random.Random) -> list[dict[str, Any]]:
    """Attribute-ruler patterns: groups of one- to three-token patterns, each with its index."""
    rules = []
    for _ in range(30):
        patterns = [
            [_token_spec(rng) for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(1, 3))
        ]
        rules.append({"patterns": patterns, "attrs": {"POS": "X"}, "index": 0})
    return rules


def _doc(rng: random.Random, vocab: Any) -> Doc:
    """A Doc of random words with random tags and labels, as a parsed one would carry them."""
    size = rng.randint(0, 25)
    doc = Doc(vocab, words=rng.choices(WORDS, k=size), tags=rng.choices(TAGS, k=size))
    for token in doc:
        token.dep_ = rng.choice(DEPS)
    return doc


def _both(rules: list[dict[str, Any]]) -> tuple[AttributeRuler, ColumnAttributeRuler]:
    nlp = spacy.blank("en")
    theirs, ours = AttributeRuler(nlp.vocab), ColumnAttributeRuler(nlp.vocab)
    theirs.add_patterns(rules)
    ours.add_patterns(rules)
    return theirs, ours


@pytest.mark.parametrize("seed", range(8))
def test_random_rules_give_spacys_matches_in_spacys_order(seed: int) -> None:
    rng = random.Random(seed)
    theirs, ours = _both(_rules(rng))
    assert ours._compiled is not None  # every form above is read column by column
    for _ in range(25):
        doc = _doc(rng, ours.vocab)
        assert ours.match(doc) == theirs.match(doc)


def test_a_word_the_doc_lacks_rules_a_pattern_out_before_any_column_is_compared() -> None:
    rules = [
        {"patterns": [[{"LOWER": "talks"}, {"TAG": "IN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "NNP"}], [{"LOWER": {"IN": ["selva", "port"]}}]], "attrs": {}},
    ]
    theirs, ours = _both(rules)
    words = ["Talks", "in", "Port", "Selva", "ended"]
    doc = Doc(ours.vocab, words=words, tags=["NNS", "IN", "NNP", "NNP", "VBD"])
    # Pattern 1 matches "Port" and "Selva" twice over (tag and word): once each, as in spaCy.
    assert [(i, s, e) for i, _key, s, e in ours.match(doc)] == [(0, 0, 2), (1, 2, 3), (1, 3, 4)]
    assert ours.match(doc) == theirs.match(doc)
    other = Doc(ours.vocab, words=["Envoys", "met"], tags=["NNS", "VBD"])
    assert ours.match(other) == theirs.match(other) == []


def test_a_rule_of_any_token_matches_every_token_as_in_spacy() -> None:
    rules = [{"patterns": [[{}], [{}, {}]], "attrs": {"POS": "X"}}]
    theirs, ours = _both(rules)
    doc = Doc(ours.vocab, words=["Envoys", "met", "twice"], tags=["NNS", "VBD", "RB"])
    assert ours.match(doc) == theirs.match(doc)
    assert len(ours.match(doc)) == 5  # three tokens and two pairs


def test_rules_in_a_form_it_does_not_read_leave_all_matching_to_spacy() -> None:
    rules = [
        {"patterns": [[{"TAG": "NNP", "OP": "+"}]], "attrs": {"POS": "PROPN"}},  # an operator
        {"patterns": [[{"LOWER": "talks"}]], "attrs": {"POS": "NOUN"}},
    ]
    theirs, ours = _both(rules)
    assert ours._compiled is None
    doc = Doc(ours.vocab, words=["Port", "Selva", "talks"], tags=["NNP", "NNP", "NNS"])
    assert ours.match(doc) == theirs.match(doc)
    assert len(ours.match(doc)) == 4  # Port, Selva, "Port Selva" and talks


TEXTS = [
    "The envoys weren't told why; y'all know nothin' of it, the minister said.",
    "Talks ain't over: the delegations got to Lima late and there were two more rounds.",
    "She gets the note of protest on Tuesday and hands it back.  It was ignored.",
    "The envoys met again; the envoy's notes were signed, and the talks got going.",
]


@pytest.mark.model
def test_the_models_rules_tag_and_lemmatise_as_spacys_own_components_do() -> None:
    stock = spacy.load(MODEL)
    ours = spacy.load(MODEL)
    use_faster_rules(ours)
    ruler = ours.get_pipe("attribute_ruler")
    assert isinstance(ruler, ColumnAttributeRuler) and ruler._compiled is not None
    assert len(ruler.patterns) == len(stock.get_pipe("attribute_ruler").patterns)
    assert isinstance(ours.get_pipe("lemmatizer"), CachingLemmatizer)
    # Twice: the second time every lemma comes from what the first one remembered.
    for _ in range(2):
        for theirs, mine in zip(stock.pipe(TEXTS), ours.pipe(TEXTS), strict=True):
            assert [(t.pos_, str(t.morph), t.lemma_, t.dep_) for t in mine] == [
                (t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs
            ]
    stock_ruler = stock.get_pipe("attribute_ruler")
    for doc in ours.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert ruler.match(doc) == stock_ruler.match(doc)


@pytest.mark.model
def test_the_lemmatizer_keeps_lemmas_already_set_unless_told_to_overwrite_them() -> None:
    nlp = spacy.load(MODEL, exclude=["ner"])
    use_faster_rules(nlp)
    lemmatizer = nlp.get_pipe("lemmatizer")
    for overwrite in (False, True):
        lemmatizer.overwrite = overwrite
        stock = spacy.load(MODEL, exclude=["ner"])
        stock.get_pipe("lemmatizer").overwrite = overwrite
        for text in TEXTS:
            mine, theirs = nlp(text, disable=["lemmatizer"]), stock(text, disable=["lemmatizer"])
            for doc in (mine, theirs):
                doc[1].lemma_ = "preset"  # as a rule before the lemmatizer may set one
            assert [t.lemma_ for t in lemmatizer(mine)] == [
                t.lemma_ for t in stock.get_pipe("lemmatizer")(theirs)
            ]
            assert (mine[1].lemma_ == "preset") is not overwrite


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Kenya hopes to reopen the border.", "hope"),
        ("Peru copes with the floods.", "cope"),
        ("Chile fixes the date of the talks.", "fix"),
        ("Kenya goes to the polls.", "go"),
    ],
)
def test_a_word_in_es_is_lemmatised_as_english_spells_it(text: str, lemma: str) -> None:
    """English spells "-es" only after a hissing sound or an "o": "hopes" is "hope" + "s"."""
    nlp = spacy.load(MODEL, exclude=["ner"])
    use_faster_rules(nlp)
    assert nlp(text)[1].lemma_ == lemma
