"""Agreements: named instruments, their kind, parties and the action a sentence reports.

An instrument is a head noun from ``data/patterns/instruments.json`` ("Treaty", "Programme",
"roadmap", "joint statement") that is named: capitalised, or continued by a complement that says
what it is about ("a roadmap to expand rail links", "Agreement on Visa-Free Travel for
Citizens …"). Plurals and bare mentions ("the agreements reached") are not named
instruments. The action comes from the verb that governs the noun ("signed", "entered into
force", "we plan to sign" → planned); with none, the instrument is only referenced. Parties are
the actors of that verb's subject.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from spacy.tokens import Doc, Token

from ..model import Instrument, Mention
from ..patterns import instruments
from .dates import DateResolver

__all__ = ["find_instruments", "instrument_titles"]

_TITLE_DEPS = {"compound", "amod", "nmod", "nummod", "npadvmod"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_ADJACENT_PREPS = {"on", "for", "to", "between", "concerning", "regarding"}


def _named_instruments(doc: Doc) -> list[tuple[Token, str, str, int, int]]:
    """Each named instrument's noun, kind, title and title token bounds, in text order."""
    table = instruments()
    named: list[tuple[Token, str, str, int, int]] = []
    covered: set[int] = set()
    for token in doc:
        kind = table["nouns"].get(token.lower_)
        if kind is None or token.pos_ not in {"NOUN", "PROPN"} or token.i in covered:
            continue
        if token.tag_ in {"NNS", "NNPS"} or not _named(token, table):
            continue
        left, right = _title_bounds(token, table)
        quoted = _quoted_title(token)
        title, right = quoted if quoted is not None else (doc[left:right].text, right)
        covered.update(range(left, right))
        named.append((token, kind, title.strip(" ,.;"), left, right))
    return named


def instrument_titles(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the instruments' titles.

    A date inside a title ("Plan … for 2026") is not the date of the sentence's news.
    """
    return [
        (doc[left].idx, doc[right - 1].idx + len(doc[right - 1]))
        for *_rest, left, right in _named_instruments(doc)
    ]


def find_instruments(
    doc: Doc, mentions: list[Mention], *, published: date | None, when: DateResolver
) -> list[Instrument]:
    """Every named instrument in the Doc with the action its sentence reports."""
    table = instruments()
    named = _named_instruments(doc)
    titles = instrument_titles(doc)
    found: list[Instrument] = []
    for token, kind, title, _left, _right in named:
        sent = token.sent
        previous = found[-1] if found else None
        if token.dep_ == "conj" and previous is not None and previous.start == sent.start_char:
            # "signed a roadmap … and a Joint Statement …": a conjunct shares the first verb
            found.append(dataclasses.replace(previous, title=title, kind=kind))
            continue
        action, verb = _action(token, table)
        inside = [span for span in titles if sent.start_char <= span[0] < sent.end_char]
        dated = when(sent, published, action == "planned", inside)
        found.append(
            Instrument(
                title=title,
                kind=kind,
                action=action,
                parties=_parties(verb, mentions, instrument=token),
                when=dated if action != "referenced" else None,
                start=sent.start_char,
                end=sent.start_char + len(sent.text.rstrip()),
                sentence=sent.text.rstrip(),
            )
        )
    return found


def _named(noun: Token, table: dict) -> bool:
    """Whether the noun names one instrument rather than a kind of document."""
    needed = table["needs_modifier"].get(noun.lower_)
    modifiers = [c for c in noun.lefts if c.dep_ in _TITLE_DEPS]
    if needed is not None:
        return any(c.text in needed for c in modifiers)
    if noun.text[0].isupper() and noun.i > noun.sent.start:
        return True
    if any(c.text[:1].isupper() and c.dep_ in {"compound", "nmod", "amod"} for c in modifiers):
        return True
    if any(_continues_title(c, table) for c in noun.rights):
        return True
    return _title_bounds(noun, table)[1] > noun.i + 1


def _continues_title(child: Token, table: dict) -> bool:
    if child.dep_ == "prep" and child.lower_ in table["complement_preps"]:
        return any(c.dep_ == "pobj" for c in child.children)
    # "a roadmap to promote …", "a resolution establishing …"
    return child.dep_ in {"acl", "relcl"} and child.tag_ in {"VBG", "VB"} and child.dep_ == "acl"


def _title_bounds(noun: Token, table: dict) -> tuple[int, int]:
    """Token bounds of the title: title-like modifiers, the noun, and its complements.

    A complement the parser attached to the verb instead ("signed a joint letter | to the
    foreign ministers …") still continues the title when it follows the noun directly.
    """
    doc = noun.doc
    left = noun.i
    for child in reversed(list(noun.lefts)):
        if child.dep_ in _TITLE_DEPS or (child.dep_ == "punct" and child.text == "-"):
            left = min(left, child.left_edge.i)
        else:
            break
    right = noun.i + 1
    for child in noun.rights:
        if _continues_title(child, table):
            right = max(right, _title_edge(child))
        elif child.dep_ == "punct" or child.dep_ in {"relcl", "conj", "cc", "appos"}:
            break
    if right == noun.i + 1 and right < len(doc) and right < noun.sent.end:
        following = doc[right]
        if following.lower_ in _ADJACENT_PREPS and following.dep_ == "prep":
            right = _title_edge(following)
        elif following.lower_ == "to" and following.head.tag_ == "VB":
            right = _title_edge(following.head)
    while right > noun.i + 1 and (doc[right - 1].is_punct or doc[right - 1].dep_ == "cc"):
        right -= 1
    return left, right


def _title_edge(start: Token) -> int:
    """End of a title complement: its subtree, cut where the title gives way to the sentence.

    Cut at a clause ("which …", "drafted by …"), at punctuation, and at "and" unless a
    capitalised word follows ("Ministries of Justice and Internal Affairs").
    """
    doc = start.doc
    end = start.right_edge.i + 1
    for token in doc[start.i + 1 : end]:
        if token.dep_ in {"relcl", "punct"} or (token.dep_ == "acl" and token.tag_ == "VBN"):
            return token.i
        if token.dep_ == "cc":
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if after is None or not after.text[:1].isupper():
                return token.i
    return end


def _quoted_title(noun: Token) -> tuple[str, int] | None:
    """A title in guillemets or quotes right after the noun: the joint statement «Towards …».

    Returns the title and the token index after the closing mark.
    """
    doc = noun.doc
    after = noun.i + 1
    if after < len(doc) and doc[after].text in {"«", "“", '"'}:
        closing = {"«": "»", "“": "”", '"': '"'}[doc[after].text]
        for j in range(after + 1, min(len(doc), after + 40)):
            if doc[j].text == closing:
                return doc[after + 1 : j].text, j + 1
    return None


def _action(noun: Token, table: dict) -> tuple[str, Token | None]:
    """The lifecycle action of the verb governing the noun, and that verb."""
    head = noun
    # A conjunct ("a roadmap … and a Joint Statement …") shares its first conjunct's verb.
    while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        governor = head.head.head
        action = table["nouns_of_action"].get(governor.lemma_.lower())
        if action is not None:
            return action, governor.head if governor.head.pos_ == "VERB" else None
    verb = head.head if head.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} else None
    if head.dep_ == "pobj" and head.head.dep_ in {"agent", "prep"}:
        verb = head.head.head  # "Guided by the Programme …"
    if verb is not None and verb.dep_ in {"acl", "xcomp"}:
        # "an initiative to develop a Charter": the initiative is what is reported
        action = table["nouns_of_action"].get(verb.head.lemma_.lower())
        if action is not None:
            return action, None
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return "referenced", None
    action = table["verbs"].get(verb.lemma_.lower())
    if action is None:
        return "referenced", verb
    if action == "entered_into_force" and not any(t.lower_ == "force" for t in verb.subtree):
        return "referenced", verb
    future = any(c.lower_ in _FUTURE_AUX for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in table["future_verbs"]
    )
    return ("planned" if future and action in {"signed", "adopted", "ratified"} else action), verb


def _parties(verb: Token | None, mentions: list[Mention], *, instrument: Token) -> tuple[str, ...]:
    """Codes of the actors in the verb's subject (the signatories, the adopting body)."""
    if verb is None:
        return ()
    subjects = [
        c for c in verb.children if c.dep_ in {"nsubj", "agent"} and instrument not in c.subtree
    ]
    if not subjects and verb.dep_ == "xcomp":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    codes: list[str] = []
    for subject in subjects:
        lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
        for mention in mentions:
            if lo <= mention.start and mention.end <= hi and mention.kind != "place":
                codes.extend(mention.codes)
    return tuple(dict.fromkeys(codes))
