"""The knowledge-base rulers' phrase matcher answers exactly as spaCy's PhraseMatcher does."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.attrs import LOWER, ORTH
from spacy.matcher import PhraseMatcher

from communique.nlp import PhraseTrie, _preshed_order

WORDS = ["Port", "Selva", "Minister", "of", "Trade", "Talks", "in", "the", "Amber", "Coast", "."]


def _both(attr: int, rows: list[tuple[str, list[str]]]) -> tuple[PhraseMatcher, PhraseTrie]:
    """spaCy's matcher and ours, given the same phrases under the same keys, in the same order."""
    nlp = spacy.blank("en")
    theirs = PhraseMatcher(nlp.vocab, attr=attr)
    ours = PhraseTrie(attr)
    for key, phrases in rows:
        docs = [nlp.make_doc(phrase) for phrase in phrases]
        theirs.add(key, docs)
        ours.add(nlp.vocab.strings.add(key), [[int(v) for v in d.to_array(attr)] for d in docs])
    return theirs, ours


@pytest.mark.parametrize("attr", [ORTH, LOWER])
@pytest.mark.parametrize("seed", range(6))
def test_random_phrases_give_the_same_matches_in_the_same_order(attr: int, seed: int) -> None:
    rng = random.Random(seed)
    phrases = [" ".join(rng.choices(WORDS, k=rng.randint(1, 3))) for _ in range(40)]
    # Many keys share a phrase, as people who share a surname do: their order is preshed's.
    rows = [
        (f"PERSON||p{rng.randint(0, 60)}", rng.sample(phrases, rng.randint(1, 4)))
        for _ in range(90)
    ]
    theirs, ours = _both(attr, rows)
    nlp = spacy.blank("en")
    for _ in range(20):
        doc = nlp.make_doc(" ".join(rng.choices([*WORDS, "port", "COAST"], k=rng.randint(0, 30))))
        assert ours(doc) == theirs(doc)


def test_one_phrase_under_many_keys_comes_back_in_the_hash_maps_order() -> None:
    rows = [(f"ORG||body {n}", ["Amber Coast Council"]) for n in range(25)]
    theirs, ours = _both(ORTH, rows)
    doc = spacy.blank("en").make_doc("The Amber Coast Council met in Port Selva.")
    found = ours(doc)
    assert found == theirs(doc) and len(found) == 25
    assert [key for key, _start, _end in found] != sorted(key for key, _s, _e in found)


def test_preshed_order_keeps_small_maps_by_low_bits_and_grows_them() -> None:
    assert _preshed_order([11, 2]) == (2, 11)  # cells 3 and 2 of 8: by cell, not by insertion
    assert _preshed_order([9, 2, 17]) == (9, 2, 17)  # 17 finds cell 1 taken, then 2, takes 3
    keys = list(range(2, 40))
    assert sorted(_preshed_order(keys)) == keys  # every key once, after the table doubled
