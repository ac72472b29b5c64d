"""Readings of the small parser's clauses that event coding and quotation attribution share."""

from __future__ import annotations

from spacy.tokens import Token

# Auxiliaries that take a bare infinitive: "would respond", never "would accused".
_MODALS = {"would", "will", "could", "can", "should", "must", "might", "may", "'ll", "wo", "ca"}


def outside_modal_clause(verb: Token) -> bool:
    """Whether a finite verb the parse joins to a modal clause belongs to the clause above.

    "Zakharova said Russia would respond in kind and accused the Baltic states of …", "the
    minister said Peru would study the offer and thanked Chile": "would" cannot govern
    "accused" or "thanked", so the second verb is a second act of the speaker, joined to
    "said", not to the said clause.
    """
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in {"VBD", "VBZ"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
        and head.dep_ == "ccomp"
        and head.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in head.children)
    )
