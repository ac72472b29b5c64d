"""Agreements: named instruments, their kind, parties and the actions a document reports.

An instrument is a head noun from ``data/patterns/instruments.json`` ("Treaty", "Programme",
"road map", "joint statement", "MoU") that is named: capitalised, numbered ("Resolution 2417"),
led by a naming modifier or compound ("joint declaration", "ceasefire agreement"), or continued
by a complement that says what it is about ("a roadmap to expand rail links"). The title follows
the parse: the noun chunk, its prepositional complements (joined words, lists of names and a
"for 2025-2027" term included; a place, a time, a clause or a line break ends it), not a word
count. A plural names a counted set ("five memoranda on health and culture"), which is one
record unless a list that follows itemises it.

Each (instrument, action, date) is recorded once. The action comes from the verb or action noun
governing the name ("signed", "entered into force", "the signing of", "negotiations on"), from
a participle or dated relative clause on it ("…, signed in 1905"), from the set it is listed in
("The documents were signed. They include …"), or from a later "the treaty", "the document",
"it" with an action of its own; "plan to sign", "set to sign", "should be signed" are planned.
The date is the one the parse attaches to the acting verb (else the article's); a term ("until
2030") dates nothing.
Parties are the actors of the acting verb's subject.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import date

from spacy.attrs import LOWER, POS, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..ents import doc_text, entities_in, tokens_lowered
from ..model import Instrument, Mention, Span
from ..patterns import instruments
from .dates import (
    DateResolver,
    attached_dates,
    carried_date,
    date_phrases,
    heading_date,
    sequel_date,
    told_in_past,
)

__all__ = ["find_instruments", "instrument_titles"]

_TITLE_DEPS = {"compound", "amod", "nmod", "nummod", "npadvmod"}
_ADJACENT_PREPS = {"on", "for", "to", "between", "concerning", "regarding"}
_JOINERS = {"-", "–", "/"}
_SET_WINDOW = 3  # sentences a listed instrument looks back for the set's action
_BULLETS = ("-", "–", "—", "•", "*", "·")  # what opens the line of a list's item
_NAMING_WINDOW = 2  # sentences after "signed a treaty" within which the treaty's name may come
# The steps a chain of verbs on one instrument reports ("signed in 2019, ratified in 2021 and
# in force since May"); other verbs in such a chain restate the step before them.
_MILESTONES = {"signed", "ratified", "adopted", "entered_into_force"}
_NOUN_POS = frozenset({NOUN, PROPN})  # the part-of-speech ids a Doc's POS array holds
_PLURAL_TAGS = ("NNS", "NNPS")


@dataclasses.dataclass(frozen=True, slots=True)
class _Named:
    """A named instrument: its noun, kind, title and title token bounds.

    ``nested`` marks a name inside another's title ("an agreement to the Treaty of …"): it is
    its own instrument, but only its own clause ("…, signed in 2000") reports an action on it.
    ``plural`` marks a counted set named by its subject ("four memoranda on …").
    """

    noun: Token
    kind: str
    title: str
    left: int
    right: int
    nested: bool
    plural: bool


@dataclasses.dataclass(frozen=True, slots=True)
class _Act:
    """One action reported on an instrument: the action, the verb, the span that dates it.

    ``own_date`` marks an act that only its own span may date: "entered into force on 1 May
    after Chile ratified it" says when the treaty took effect, not when Chile ratified it. Such
    an act without a date of its own is not recorded: a timeline cannot place it, and the
    entry's record already reports the instrument.
    """

    action: str
    verb: Token | None
    scope: SpacySpan
    own_date: bool = False


# Where find_instruments keeps the character spans of a Doc's instrument titles (user data).
_TITLES_KEY = ("communique", "instrument titles")
# Where _nouns keeps the indices of a Doc's words that may name instruments (user data).
_NOUNS_KEY = ("communique", "instrument nouns")


def _kind(token: Token, table: dict) -> tuple[str | None, bool]:
    """The instrument kind of a noun and whether it is plural ("memoranda", "treaties").

    A "noun" with a subject of its own is a verb the tagger misread: "Chile and Peru plan to
    sign …" names no plan.
    """
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None, False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return None, False
    singular = table["plurals"].get(token.lower_)
    if singular is not None:
        return table["nouns"][singular], True
    if token.tag_ in {"NNS", "NNPS"}:
        return table["nouns"].get(token.lemma_.lower()), True
    return table["nouns"].get(token.lower_), False


def _nouns(doc: Doc, table: dict) -> Iterator[Token]:
    """The tokens that may name an instrument or a set of them, in order.

    Nouns and proper nouns spelt as an instrument noun or its plural, and every word tagged
    plural ("agreements", "the documents"): ``_kind`` finds a kind in no other word, and
    ``_set_actions`` asks only of the plurals. Read from the Doc's arrays (and kept with it:
    three passes ask), so the other words never become Token objects.
    """
    found = doc.user_data.get(_NOUNS_KEY)
    if found is None:
        strings = doc.vocab.strings
        plural = {strings[tag] for tag in _PLURAL_TAGS}
        spelt = {strings[word] for word in (*table["plurals"], *table["nouns"])}
        found = doc.user_data[_NOUNS_KEY] = tuple(
            i
            for i, (pos, tag, lower) in enumerate(doc.to_array([POS, TAG, LOWER]).tolist())
            if tag in plural or (pos in _NOUN_POS and lower in spelt)
        )
    return (doc[i] for i in found)


def _named_instruments(doc: Doc) -> list[_Named]:
    """Each named instrument in text order, names inside another's title included."""
    table = instruments()
    named: list[_Named] = []
    covered: set[int] = set()
    for token in _nouns(doc, table):
        kind, plural = _kind(token, table)
        if kind is None:
            continue
        if plural and _proper_plural(token):
            plural = False  # "the Oslo Accords", "the Minsk agreements": one named instrument
        if plural:
            if token.i in covered or not _counted_set(token, table):
                continue
        elif not _named(token, table):
            continue
        if _describes_a_name(token, table):
            continue  # "the Lima Accord, a pact on fisheries": one instrument, described
        left, right = _title_bounds(token, table)
        while plural and left < token.i and doc[left].tag_ in {"CD", "DT"}:
            left += 1  # "four memoranda on …": the count is not part of the name
        quoted = _quoted_title(token)
        title, right = quoted if quoted is not None else (doc[left:right].text, right)
        covered.update(range(left, right))
        named.append(
            _Named(
                token,
                kind,
                " ".join(title.split()).strip(" ,.;").lstrip("".join(_BULLETS) + " "),
                left,
                right,
                False,
                plural,
            )
        )
    # A name is nested when another's title holds its noun, whichever comes first: "the Digital
    # Economy Partnership Agreement" holds "Partnership" although that noun is read first.
    nested = [
        dataclasses.replace(
            n, nested=any(o.left <= n.noun.i < o.right for o in named if o is not n)
        )
        for n in named
    ]
    # ... but a partnership or framework a title is about ("a Declaration on Strategic
    # Partnership") is its subject, a relation between the sides, not a text of its own
    return [n for n in nested if not (n.nested and n.noun.lower_ in table["proper_only"])]


def _amended(item: _Named, named: list[_Named]) -> bool:
    """Whether a nested name is the instrument another's title is about, named in full.

    "A protocol amending the Convention on …", "the Annex to the Treaty of …": the second
    instrument stands after the first one's noun and is an instrument of its own, referenced
    where nothing is said of it. A word of the first title ("the Digital Economy Partnership
    Agreement" holds "Partnership") stands before that noun and is no instrument.
    """
    return any(
        o.left <= item.left < o.right
        and o.noun.i < item.left
        and _quoted_title(o.noun) is None  # the joint statement «Towards a … Charter»: one name
        for o in named
    )


def _titled_noun(noun: Token, table: dict) -> Token | None:
    """The instrument noun a name is given to: "the draft treaty, formally titled the Treaty …".

    The name stands as the object of a naming participle on that noun; what the sentence says
    was done to "the draft treaty" was done to the Treaty it names.
    """
    verb = noun.head
    if noun.dep_ not in {"dobj", "oprd", "attr"} or verb.dep_ != "acl":
        return None
    if verb.lemma_.lower() not in table["naming_verbs"]:
        return None
    return verb.head if _kind(verb.head, table)[0] is not None else None


def _describes_a_name(noun: Token, table: dict) -> bool:
    """Whether a common noun in apposition describes the proper name it stands beside."""
    head = noun.head
    return (
        noun.dep_ == "appos"
        and not noun.text[:1].isupper()
        and head.text[:1].isupper()
        and _kind(head, table)[0] is not None
    )


def _proper_plural(noun: Token) -> bool:
    """Whether a plural is a proper name: capitalised, or led by a proper noun ("Minsk")."""
    if noun.text[:1].isupper() and noun.i > noun.sent.start:
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.lefts)


def _counted_set(noun: Token, table: dict) -> bool:
    """A plural names a set of instruments when a complement says what it is about.

    "signed four memoranda of understanding on fisheries and tourism" is one record;
    "the agreements reached" or "13 bilateral agreements" name nothing.
    """
    right = _title_bounds(noun, table)[1]
    return any(t.lower_ in _ADJACENT_PREPS for t in noun.doc[noun.i + 1 : right])


def instrument_titles(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the instruments' titles.

    A date inside a title ("Plan … for 2026") is not the date of the sentence's news.
    """
    found = doc.user_data.get(_TITLES_KEY)  # kept by find_instruments, which reads them too
    if found is None:
        found = _title_spans(doc, _named_instruments(doc))
    return list(found)


def _title_spans(doc: Doc, named: list[_Named]) -> list[tuple[int, int]]:
    """Character spans of these instruments' titles."""
    return [(doc[n.left].idx, doc[n.right - 1].idx + len(doc[n.right - 1])) for n in named]


def find_instruments(
    doc: Doc, mentions: list[Mention], *, published: date | None, when: DateResolver
) -> list[Instrument]:
    """Every named instrument in the Doc with each action the text reports on it.

    One record per (instrument, action, date) in the Doc: the verb governing the name, a clause
    on the name ("…, which was adopted in 2021"), a nominal ("the signing of …"), the action
    of a set the name is listed in ("The documents were signed. They include …"), or a later
    definite mention ("the accord entered into force"). A name with none is referenced.
    """
    table = instruments()
    named = _named_instruments(doc)
    titles = _title_spans(doc, named)
    # Events ask for the titles too (instrument_titles): finding the names walks every token.
    doc.user_data[_TITLES_KEY] = tuple(titles)
    clauses = _clauses(named, table)
    sets = _set_actions(doc, table)
    sentences = _Sentences(doc)
    set_positions = [token.i for token, _act in sets]
    kept: list[tuple[Instrument, _Mark]] = []
    seen: set[tuple[frozenset[str], str, Span | None]] = set()

    def record(item: _Named, act: _Act, at: Token) -> None:
        """One record per distinct (instrument, action, date) in the document.

        "the Treaty on the Union" in the headline and "the Treaty on Union" in the body with
        the same action and date are one record, however often the text repeats it.
        """
        sent = at.sent
        dated = _dated(act, when, published, titles) if act.action != "referenced" else None
        if act.own_date and dated is None:
            return
        key = (_content_words(item.title), act.action, dated)
        if key in seen:
            return
        seen.add(key)
        new = Instrument(
            title=item.title,
            kind=item.kind,
            action=act.action,
            parties=_parties(act.verb, mentions, instrument=at),
            when=dated,
            start=sent.start_char,
            end=sent.start_char + len(sent.text.rstrip()),
            sentence=sent.text.rstrip(),
        )
        mark = _Mark(item.kind, key[0], _distinctive(item, table), _headline(sent))
        for index, (old, old_mark) in enumerate(kept):
            if _repeats(new, mark, old, old_mark):
                if _better(new, mark, old, old_mark):
                    kept[index] = (new, mark)
                return
        kept.append((new, mark))

    forward = _forward_acts(doc, named, table, sentences)
    renamed = {n.noun.i: d for n in named if (d := _titled_noun(n.noun, table)) is not None}
    descriptions = {d.i for d in renamed.values()}
    listed: set[int] = set()
    shared: tuple[_Named, list[_Act]] | None = None
    for item in named:
        if item.plural:
            continue  # a counted set is recorded with the sets below, unless a list itemises it
        if item.noun.i in descriptions:
            continue  # "the draft treaty, formally titled …": recorded under its name
        listing = not item.nested and _listed_in_sentence(item.noun, table)
        whole = None if item.nested else _itemising_set(item.noun, table)
        if (
            shared
            and shared[1]
            and shared[0].noun.sent == item.noun.sent
            and not listing
            and (item.noun.dep_ == "conj" or _next_in_list(shared[0], item))
        ):
            # "signed a roadmap … and a treaty …", "signed X, Y and Z": the first verb's
            acts = list(shared[1])
        else:
            # in "They include X; Y; Z" the parse of the items is unreliable: the set tells
            acts = [] if item.nested or listing else _governing_acts(item.noun, table)
        if not item.nested:
            shared = (item, [a for a in acts if a.verb is None or a.verb.i < item.noun.i])
        acts.extend(clauses.get(item.noun.i, []))
        if not acts and item.noun.i in renamed:
            acts = _governing_acts(renamed[item.noun.i], table)
        if not acts and whole is not None:
            for number, (token, act) in enumerate(sets):
                if token.i == whole.i:
                    listed.add(number)
                    acts.append(act)
        heading = None if acts or item.nested else _list_heading(item)
        if heading is not None:
            for number, (token, act) in enumerate(sets):
                if heading[0] <= token.idx < heading[1]:
                    listed.add(number)
                    acts.append(act)
        if not acts and listing:
            inherited = _nearest_set(sets, set_positions, item.noun, sentences)
            if inherited is not None:
                listed.add(inherited[0])
                acts.append(inherited[1])
        if not acts and item.nested and not _amended(item, named):
            continue  # a name inside another's title is recorded only when acted on itself
        if not acts and item.noun.i in forward:
            bare, ahead = forward[item.noun.i]
            for act in ahead:
                record(item, act, bare)  # the evidence is the act's sentence
            continue
        for act in acts or [_Act("referenced", None, item.noun.sent)]:
            record(item, act, item.noun)
    for index, (noun, act) in enumerate(sets):
        # a set that no list itemises is itself the record ("four memoranda on …")
        item = next((n for n in named if n.noun.i == noun.i and n.plural), None)
        if item is not None and index not in listed:
            record(item, act, item.noun)
    for noun, item, act in _coreferent_acts(doc, named, table, sentences):
        record(item, act, noun)
    found = [record for record, _mark in kept]
    return sorted(_retitled(found, table), key=lambda i: i.start)


def _retitled(found: list[Instrument], table: dict) -> list[Instrument]:
    """A described instrument acted on is the one of its kind the text names in full.

    "Ghana and Togo signed a friendship pact on Monday", and below only "The Pact of Friendly
    Relations binds both states …": the signing is of the named pact. A description
    ("friendship pact", its noun in lower case) takes the name where the text gives exactly
    one name of that kind that shares a word with it and that nothing else is said of.
    """
    named = [i for i in found if i.action == "referenced" and not _described(i.title, table)]
    retitled: list[Instrument] = []
    for item in found:
        if item.action != "referenced" and _described(item.title, table):
            names = {
                n.title for n in named if n.kind == item.kind and _akin(n.title, item.title, table)
            }
            if len(names) == 1 and not any(
                o.title in names and o.action != "referenced" for o in found
            ):
                item = dataclasses.replace(item, title=names.pop())
        retitled.append(item)
    return retitled


def _described(title: str, table: dict) -> bool:
    """Whether a title describes its instrument ("friendship treaty") rather than names it."""
    return not any(
        w[:1].isupper() and w.casefold() in table["nouns"] for w in re.findall(r"\w+", title)
    )


def _akin(name: str, description: str, table: dict) -> bool:
    """Whether a name and a description share a stem besides the instrument's noun.

    "Friendly" and "friendship", "Border" and "border": a crude stem, five letters, as both
    are English words of one family; "trade agreement" and "Agreement on Customs" share none.
    """

    def stems(title: str) -> set[str]:
        words = _content_words(title) - table["nouns"].keys() - table["plurals"].keys()
        return {w[:5] for w in words if len(w) > 3}

    return bool(stems(name) & stems(description))


@dataclasses.dataclass(frozen=True, slots=True)
class _Mark:
    """What tells a record's instrument from another's: kind, title words, where it stands.

    ``distinctive`` leaves out the instrument nouns and counts ("seven MoUs" has none);
    ``headline`` marks a record read from the document's headline.
    """

    kind: str
    words: frozenset[str]
    distinctive: frozenset[str]
    headline: bool


def _distinctive(item: _Named, table: dict) -> frozenset[str]:
    """The title's words that are neither instrument nouns, counts nor function words."""
    return frozenset(
        t.lower_
        for t in item.noun.doc[item.left : item.right]
        if t.is_alpha and not t.is_stop and not t.like_num and _kind(t, table)[0] is None
    )


def _headline(sent: SpacySpan) -> bool:
    """Whether a sentence opens the headline: a first line without a final stop.

    The parser may split a headline ("… sign accession treaty beneath | the Acropolis").
    """
    if sent.start != 0:
        return False
    doc = sent.doc
    end = next((t.i for t in doc if "\n" in t.text_with_ws), None)
    words = [t for t in doc[: end + 1] if not t.is_space] if end is not None else []
    return bool(words) and words[-1].text not in {".", "!", "?"}


def _repeats(new: Instrument, mark: _Mark, old: Instrument, old_mark: _Mark) -> bool:
    """Whether two records of a document report one act on one instrument.

    The same title words ("the Treaty on the Union", "Treaty on Union"), or a headline's short
    name for a body's instrument of the same kind ("sign accession treaty" over "signed the
    Treaty of Accession", "sign six MoUs" over the memoranda listed), with the same action and
    no two different stated dates (a headline's date is usually the publication's).
    """
    if new.action != old.action:
        return False
    stated = [r.when for r in (new, old) if r.when is not None and not r.when.from_publication]
    if len(stated) == 2 and (stated[0].start, stated[0].end) != (stated[1].start, stated[1].end):
        return False
    if mark.words == old_mark.words:
        return True
    if mark.headline == old_mark.headline or mark.kind != old_mark.kind:
        return False
    short = mark if mark.headline else old_mark
    other = old_mark if mark.headline else mark
    return not short.distinctive or bool(short.distinctive & other.distinctive)


def _better(new: Instrument, mark: _Mark, old: Instrument, old_mark: _Mark) -> bool:
    """Whether the later of two repeated records should stand: the body's, else a stated date."""
    if mark.headline != old_mark.headline:
        return old_mark.headline
    return (new.when is not None and not new.when.from_publication) and (
        old.when is None or old.when.from_publication
    )


def _content_words(title: str) -> frozenset[str]:
    """The words that tell one title from another, without case, articles and prepositions."""
    return frozenset(w.casefold() for w in re.findall(r"\w+", title)) - STOP_WORDS


def _dated(
    act: _Act, when: DateResolver, published: date | None, titles: list[tuple[int, int]]
) -> Span | None:
    """The date of the action: the one the parse attaches to its verb, as events take theirs.

    "The treaty, which the presidents signed in 2013, …": the clause's year, not the sentence's
    other dates; "signed on Friday the accord that ended the 1998 war": Friday, not 1998. A verb
    with no date of its own is the article's news; an act without a verb (a set, a nominal)
    takes its clause's date, else its sentence's.
    """
    sent = act.scope.sent
    # "will be signed", "is set to enter into force on 1 May": a date still to come
    planned = act.action == "planned" or (
        act.verb is not None and _still_due(act.verb, instruments())
    )
    inside = [span for span in titles if sent.start_char <= span[0] < sent.end_char]
    inside.extend(_terms(sent))
    if act.own_date:
        dated = when(act.scope, published, planned, inside)
        return None if dated is None or dated.from_publication else dated
    if act.verb is not None:
        verb = act.verb
        for phrase, _own, tense in attached_dates(verb, verb, date_phrases(sent, inside)):
            words = sent.doc[phrase.start : phrase.end]
            dated = when(words, published, planned or tense == "future", inside)
            if dated is not None and not dated.from_publication:
                return dated
        if published is not None and not planned:
            sequel = sequel_date(verb, published, when, inside)
            if sequel is not None:
                return sequel  # "took effect on 1 May, three months after Chile ratified it"
        heading = None if planned else heading_date(sent, published, when, inside)
        if heading is not None:
            return heading  # "September 2010 - The two governments sign a protocol …"
        if told_in_past(verb) and not planned and published is not None:
            # "The sides held talks on 3 May. They also signed …": the day the run began with
            carried = carried_date(sent, published, when, inside)
            if carried is not None:
                return carried
        return when(sent.doc[verb.i : verb.i + 1], published, planned, inside)
    if act.scope.start != sent.start or act.scope.end != sent.end:
        dated = when(act.scope, published, planned, inside)
        if dated is not None and not dated.from_publication:
            return dated
    return when(sent, published, planned, inside)


def _terms(sent: SpacySpan) -> list[tuple[int, int]]:
    """Character spans of the dates that bound an instrument's term ("until 2030").

    The parser often hangs such a phrase on the verb, outside the title; it still does not
    say when the act took place.
    """
    terms = instruments()["term_preps"]
    return [
        (ent.start_char, ent.end_char)
        for ent in entities_in(sent)
        if ent.label_ == "DATE" and ent.start > 0 and ent.doc[ent.start - 1].lower_ in terms
    ]


def _scope(verb: Token) -> SpacySpan:
    """The tokens of a verb's clause, within its sentence."""
    sent = verb.sent
    return verb.doc[max(verb.left_edge.i, sent.start) : min(verb.right_edge.i + 1, sent.end)]


def _governing_acts(noun: Token, table: dict) -> list[_Act]:
    """The action of the verb or action noun that governs the instrument's name.

    A habitual verb ("is regularly adopted") reports no single act.
    """
    action, verb = _action(noun, table)
    if action == "referenced" and _cited_source(noun, table):
        speech = noun.head.head
        return [_Act("adopted", speech if speech.pos_ in {"VERB", "AUX"} else None, noun.sent)]
    if action == "referenced":
        return _subject_acts(noun, table)
    if verb is not None and any(c.lower_ in table["habitual_adverbs"] for c in verb.children):
        return []
    scope = _scope(verb) if verb is not None else noun.sent
    acts = [_Act(action, verb, scope), *_subject_acts(noun, table)]
    if action == "entered_into_force" and verb is not None and noun.dep_ == "nsubj":
        acts.extend(_enabling_acts(verb, noun, table))
    return acts


def _enabling_acts(verb: Token, noun: Token, table: dict) -> list[_Act]:
    """Acts of consent named in the clause that put the instrument in force.

    "The treaty entered into force after Chile completed ratification", "With Peru's
    signature on Monday, the accord took effect": the ratification or signature is of the
    instrument the clause is about, though the text never says "of" it. An entry still to
    come ("will take effect once ratified") reports no act of consent yet, and a noun with an
    object of its own ("after the signing of the protocol") is that object's act.
    """
    if any(c.lower_ in table["future_aux"] for c in verb.children):
        return []
    subject = range(noun.left_edge.i, noun.right_edge.i + 1)
    acts: list[_Act] = []
    for token in _scope(verb):
        action = table["nouns_of_action"].get(token.lemma_.lower())
        if action not in _CONSENT or token.pos_ != "NOUN" or token.i in subject:
            continue
        if _own_object(token, table) or (
            token.dep_ == "pobj" and token.head.lower_ in table["unmet_preps"]
        ):
            continue
        if _at_once(token, verb, table):
            acts.append(_Act(action, verb, _scope(verb)))  # the entry's date is the act's
            continue
        carrier = token.head if token.dep_ == "dobj" and token.head.pos_ == "VERB" else None
        if carrier is not None:
            acts.append(_Act(action, carrier, _scope(carrier), own_date=True))
        else:
            phrase = verb.doc[token.left_edge.i : token.right_edge.i + 1]
            acts.append(_Act(action, None, phrase, own_date=True))
    return acts


def _at_once(noun: Token, verb: Token, table: dict) -> bool:
    """Whether the act and the entry into force are one moment ("with", "upon", "when").

    "came into force upon the exchange of ratifications" dates both by the entry; "after" or
    "following" puts the act before it, at a time the clause may not say.
    """
    token = noun
    while token.i != verb.i and token.head.i != token.i:
        if token.lower_ in table["simultaneous_markers"] or any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in table["simultaneous_markers"]
            for c in token.children
        ):
            return True
        token = token.head
    return False


def _own_object(noun: Token, table: dict) -> bool:
    """Whether an action noun names what it acts on ("the signing of the protocol").

    "Peru's ratification on Monday" names only its date.
    """
    return any(
        c.dep_ == "prep"
        and c.lower_ in table["action_preps"]
        and not any(o.ent_type_ in {"DATE", "TIME"} for o in c.children)
        for c in noun.children
    )


def _subject_acts(noun: Token, table: dict) -> list[_Act]:
    """Acts of the other verbs the instrument is the subject of.

    "The accord was signed in 2015 and entered into force in 2016" reports two acts, as does
    "Signed in 2021 and ratified in May, the accord took effect on Friday". Only the
    milestones count, and only a passive participle signs or ratifies its subject; "enters
    into force" needs no passive.
    """
    verb = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
        return []
    due = _due(verb, table)
    if due is not None:
        # "is set to enter into force on 1 May" dates the entry into force, as "will enter" does
        step, action = due
        return [_Act(action if action == "entered_into_force" else "planned", step, _scope(step))]
    fronted = [
        c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN" and not _has_subject(c)
    ]
    others = [*_shared_conjuncts(verb)]
    for clause in fronted:
        others += [clause, *_shared_conjuncts(clause)]
    acts: list[_Act] = []
    for other in others:
        action = _verb_action(other, table)
        if action == "entered_into_force" and not _mentions_force(other):
            continue
        if action not in _MILESTONES or (action != "entered_into_force" and other.tag_ != "VBN"):
            continue
        acts.append(_Act(action, other, _scope(other)))
    return acts


def _due(verb: Token, table: dict) -> tuple[Token, str] | None:
    """The milestone a subject is expected to reach, and its action: "is expected to be signed".

    The instrument is the subject of the expecting, not of the signing, which is still to come.
    """
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    for head in heads:
        if head.lemma_.lower() not in table["future_verbs"]:
            continue
        for step in head.children:
            action = _verb_action(step, table) if step.dep_ == "xcomp" else None
            if action in _MILESTONES:
                return step, action
    return None


def _shared_conjuncts(verb: Token) -> list[Token]:
    """The verbs coordinated after this one that have no subject of their own, so share its."""
    return [
        c
        for c in verb.conjuncts
        if c.i > verb.i and c.pos_ in {"VERB", "AUX"} and not _has_subject(c)
    ]


def _has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children)


def _cited_source(noun: Token, table: dict) -> bool:
    """Whether a joint statement is cited as what the sides said: "in a joint statement, …".

    Citing it reports that the sides issued it, as "issued a joint statement" does.
    """
    kind, _plural = _kind(noun, table)
    return (
        kind in table["source_kinds"]
        and noun.dep_ == "pobj"
        and noun.head.lower_ in table["source_preps"]
        and (noun.head.lower_ != "to" or noun.head.head.lower_ == "according")
        and noun.head.head.pos_ in {"VERB", "AUX", "ADV"}
    )


def _clauses(named: list[_Named], table: dict) -> dict[int, list[_Act]]:
    """Actions reported by participles and relative clauses on an instrument's name.

    "…, signed by both sides in 1972", "a statement issued after the talks", "…, which was
    adopted in 2021". The parser often hangs such a clause on the outer noun of a nested
    title or on a phrase right after the title; the clause belongs to the name it follows.
    """
    acts: dict[int, list[_Act]] = {}
    by_sentence: dict[SpacySpan, list[_Named]] = {}
    for n in named:
        by_sentence.setdefault(n.noun.sent, []).append(n)
    by_left = sorted(range(len(named)), key=lambda number: named[number].left)
    lefts = [named[number].left for number in by_left]
    for sent, here in by_sentence.items():
        for verb in sent:
            if _fresh_participle(verb, table):
                # "the newly signed Treaty on …": the participle is on the name it precedes
                owner = next((n for n in here if n.noun.i == verb.head.i), None)
                action = table["clause_verbs"][verb.lemma_.lower()]
                if owner is not None:
                    acts.setdefault(owner.noun.i, []).append(_Act(action, verb, _scope(verb)))
                continue
            if verb.dep_ not in {"acl", "relcl"}:
                continue
            # "…, which was signed in 2019 and ratified last year": each verb, one act
            members = (verb, *_shared_conjuncts(verb))
            found = [a for m in members if (a := _clause_act(verb, m, table)) is not None]
            owner = _clause_owner(verb, here, named, by_left, lefts) if found else None
            if owner is not None:
                acts.setdefault(owner.noun.i, []).extend(found)
    return acts


def _lifecycle_participle(token: Token, table: dict) -> bool:
    """Whether a word before a name is a participle of its lifecycle ("the signed accord")."""
    return (
        token.dep_ == "amod"
        and token.tag_ == "VBN"
        and token.lemma_.lower() in table["clause_verbs"]
    )


def _fresh_participle(token: Token, table: dict) -> bool:
    """Whether such a participle reports news: "the newly signed …", "a just-ratified …".

    Without a word of recency ("the signed accord") it may be any time, so reports no act.
    """
    return _lifecycle_participle(token, table) and any(
        c.lower_ in table["recent_adverbs"] for c in token.children
    )


def _clause_act(verb: Token, member: Token, table: dict) -> _Act | None:
    """The act a clause on a name (``verb``) or a verb coordinated in it (``member``) reports."""
    action = _phrasal(member, table) or table["clause_verbs"].get(member.lemma_.lower())
    if member is not verb and action not in _MILESTONES:
        return None  # "… was drafted and submitted for review": the drafting is the news
    if action == "entered_into_force":
        if not _mentions_force(member):
            return None  # the instrument is the subject of "entered into force"
    elif action is None or not _patient_clause(verb):
        return None
    if verb.dep_ == "relcl" and not _dates_itself(member):
        return None  # "…, which was signed at an earlier meeting": background, undated
    return _Act(action, member, _scope(member))


def _clause_owner(
    verb: Token, here: list[_Named], named: list[_Named], by_left: list[int], lefts: list[int]
) -> _Named | None:
    """The name a clause follows: the outermost title holding the word the clause hangs on."""
    head = verb.head
    # the word itself, or the preposition of a phrase right after the title ("… in Baku,
    # signed …"); "under the Agreement …, signed …" hangs on the name inside the phrase
    anchors = (
        {head.i, head.head.i} if head.dep_ == "pobj" and head.head.dep_ == "prep" else {head.i}
    )
    owners = [
        n
        for n in here
        if n.right <= verb.left_edge.i and any(n.left <= a <= n.right for a in anchors)
    ]
    # names nested in an owner's title start within it
    within = sorted(
        number
        for o in owners
        for number in by_left[bisect_left(lefts, o.left) : bisect_right(lefts, o.right)]
    )
    owners.extend(
        n
        for n in (named[number] for number in dict.fromkeys(within))
        if any(o.left <= n.left and n.right <= o.right for o in owners) and n not in owners
    )
    return max(owners, key=lambda n: (n.right, n.left)) if owners else None


def _dates_itself(verb: Token) -> bool:
    """Whether a clause names its own time ("…, signed in 2001", "issued on Monday")."""
    return any(t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree)


def _patient_clause(verb: Token) -> bool:
    """Whether the instrument is what the clause acts on (passive, or the relative object)."""
    if verb.dep_ == "acl":
        return verb.tag_ in {"VBN", "VBD"}  # the tagger often reads "put forward by" as past
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if any(
        c.dep_ == "dobj" and (c.tag_ in {"WDT", "WP"} or c.lower_ in _RELATIVE_WORDS)
        for c in verb.children
    ):
        return True  # "the treaty that both signed": the tagger may read "that" as IN
    # "the accord they signed on Monday": no relative word, and the verb's object is the name
    return (
        verb.dep_ == "relcl"
        and _has_subject(verb)
        and not any(c.dep_ == "dobj" or c.tag_ in {"WDT", "WP", "WRB"} for c in verb.children)
    )


# Relative words that may stand as a clause's object: "the treaty that both signed".
_RELATIVE_WORDS = {"that", "which", "whom"}
# What may stand between the names of a list: "X, the Y and the Z", "X as well as Y".
_LIST_GLUE = {",", ";", "and", "as", "well", "the", "a", "an"}


def _next_in_list(before: _Named, item: _Named) -> bool:
    """Whether a name follows the one before as the next item of a list, whatever the parse."""
    if item.noun.dep_ in {"nsubj", "nsubjpass"}:
        return False  # "After the signing of X, the Y entered into force": a clause of its own
    between = item.noun.doc[before.right : item.left]
    return len(between) > 0 and all(t.lower_ in _LIST_GLUE for t in between)


def _listed_in_sentence(noun: Token, table: dict) -> bool:
    """Whether the name stands in a list opened by "include", "comprise" … before it.

    The parser may end a sentence at a list's semicolon; the list still runs on. A passive
    ("the terms were contained in the communique") names the container, not a list.
    """
    doc = noun.doc
    start = noun.sent.start
    while start > 0 and doc[start - 1].text == ";":
        start = doc[start - 1].sent.start
    return any(
        t.pos_ in {"VERB", "AUX"}
        and t.lemma_.lower() in table["list_verbs"]
        and not any(c.dep_ == "auxpass" for c in t.children)
        for t in doc[start : noun.i]
    )


def _set_actions(doc: Doc, table: dict) -> list[tuple[Token, _Act]]:
    """Actions on sets of instruments: "signed seven memoranda", "the documents were signed".

    A participle on the set counts as its act too: "the agreements signed on Monday include …".
    """
    sets: list[tuple[Token, _Act]] = []
    for token in _nouns(doc, table):
        if not _is_set(token, table):
            continue
        acts = _governing_acts(token, table)
        if not acts or all(act.action == "referenced" for act in acts):
            acts = [
                act
                for clause in token.children
                if clause.dep_ == "acl" and (act := _clause_act(clause, clause, table)) is not None
            ]
        sets.extend((token, act) for act in acts)
    return sets


def _is_set(token: Token, table: dict) -> bool:
    """Whether a noun stands for several instruments ("seven memoranda", "the documents")."""
    kind, plural = _kind(token, table)
    if kind is not None and plural and not _proper_plural(token):
        return True
    return token.tag_ in {"NNS", "NNPS"} and token.lemma_.lower() in table["set_nouns"]


def _itemising_set(noun: Token, table: dict) -> Token | None:
    """The set a name is one item of, where the sentence says so by its structure.

    "signed the following documents: the Agreement on …, the Memorandum on …", "twelve
    documents were signed, among them the Treaty on …", "the Treaty on … was among the
    documents signed". The parser hangs later items of a list on the earlier ones, so the
    way up may pass through their titles; an apposition on the way makes the name an item.
    """
    token, apposed = noun, False
    while True:
        if _among_them(token, table):
            # "signed seven agreements, among them a deal on …": the set named just before
            before = token.doc[token.sent.start : token.i]
            return next((t for t in reversed(before) if _is_set(t, table)), None)
        if token.dep_ not in {"appos", "conj", "pobj", "prep"} or token.head.i == token.i:
            break
        apposed |= token.dep_ == "appos"
        token = token.head
        if apposed and _is_set(token, table):
            return token
    if token.dep_ in {"nsubj", "attr"} and token.head.lemma_ == "be":
        # "among the documents signed were X and Y": every item of the list, the first's head
        for prep in token.head.children:
            if prep.dep_ == "prep" and prep.lower_ in table["member_preps"]:
                return next((o for o in prep.children if _is_set(o, table)), None)
    return None


def _list_heading(item: _Named) -> tuple[int, int] | None:
    """The line a bulleted item belongs under: the last line before its list, if a colon ends it.

    "The following documents were signed:" then "- Agreement on …;" and "- Memorandum on …",
    each on a line of its own and so a sentence of its own: the heading says what was done to
    every item. The item's line holds a bullet and at most an article before the name.
    """
    doc = item.noun.doc
    text = doc_text(doc)
    first = item.left
    while first < item.noun.i and doc[first].text in _BULLETS:
        first += 1  # the parse may read the bullet into the title
    left = doc[first].idx
    start = text.rfind("\n", 0, left) + 1
    opening = text[start:left].split()
    if not opening or opening[0] not in _BULLETS or len(opening) > 2:
        return None
    if len(opening) == 2 and opening[1].lower() not in {"a", "an", "the"}:
        return None
    end = start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end].strip()
        if line and not line.startswith(_BULLETS):
            return (begin, end) if line.endswith(":") else None
        end = begin - 1  # a blank line, or an item before this one
    return None


def _among_them(token: Token, table: dict) -> bool:
    """Whether a name is introduced as one of a set just named: "among them the Treaty on …"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in table["member_preps"]
        and any(o.lower_ in {"them", "these", "those", "which"} for o in c.children)
        for c in token.children
    )


def _nearest_set(
    sets: list[tuple[Token, _Act]], positions: list[int], noun: Token, sentences: _Sentences
) -> tuple[int, _Act] | None:
    """The closest set action before the name, within a few sentences.

    The sets are in text order, and the nearer a set, the fewer sentences lie between: the last
    one before the name is the one, if any is.
    """
    index = bisect_left(positions, noun.i) - 1
    if index < 0 or sentences.between(sets[index][0], noun) > _SET_WINDOW:
        return None
    return index, sets[index][1]


class _Sentences:
    """How many sentences start up to each token of a Doc, counted once.

    Asking how far apart two words are then costs nothing, where counting the sentence starts
    between them costs the distance: over a long report, the square of its length.
    """

    def __init__(self, doc: Doc) -> None:
        starts = (flag == 1 for flag in doc.to_array("SENT_START").tolist())
        self._counts = list(itertools.accumulate(starts))

    def between(self, first: Token, second: Token) -> int:
        """How many sentence starts lie after the first token's sentence, up to the second's."""
        low, high = first.sent.start, second.sent.start
        return self._counts[high] - self._counts[low] if high > low else 0


def _coreferent_acts(
    doc: Doc, named: list[_Named], table: dict, sentences: _Sentences
) -> list[tuple[Token, _Named, _Act]]:
    """Actions on "the treaty", "the document", "it" … that refer back to a named instrument.

    A bare definite noun of the instrument's kind (or a generic "document") after the name,
    with an action of its own: "The accord was ratified in May" reports on the accord named
    before it. "It" refers back only to a name in its own or the previous sentence, and only
    as what a lifecycle verb acts on ("circulated it", "it was ratified").
    """
    acts: list[tuple[Token, _Named, _Act]] = []
    singles = [n for n in named if not n.plural]
    titled = {i for n in named for i in range(n.left, n.right)}
    # The last single name (in list order) ending before each word, of any kind and by kind:
    # kept up to date as the words go by, so no word looks back over every name.
    ending = sorted(range(len(singles)), key=lambda number: singles[number].right)
    passed = 0
    last: int | None = None
    last_of: dict[str, int] = {}
    words = {*table["coreferent_pronouns"], *table["coreferent_nouns"]}
    for token in tokens_lowered(doc, words):
        while passed < len(ending) and singles[ending[passed]].right <= token.i:
            number = ending[passed]
            last = number if last is None else max(last, number)
            last_of[singles[number].kind] = max(last_of.get(singles[number].kind, -1), number)
            passed += 1
        # "circulated it", "it entered into force"; not "it was agreed that …", where "it"
        # stands for the clause
        pronoun = token.lower_ in table["coreferent_pronouns"] and (
            token.dep_ == "dobj"
            or (token.dep_ == "nsubj" and _enters_force(token.head, table))
            # "it was ratified in 2021": a milestone done to it; not "it was agreed that …"
            or (
                token.dep_ == "nsubjpass"
                and told_in_past(token.head)
                and _verb_action(token.head, table) in _MILESTONES
                and not any(c.dep_ == "ccomp" and c.i > c.head.i for c in token.head.children)
            )
        )
        if not pronoun and not _bare_definite(token, table):
            continue
        if token.i in titled:
            continue
        kind = None if pronoun else table["coreferent_nouns"][token.lower_]
        found = last if kind is None else last_of.get(kind)
        if found is None:
            continue
        before = singles[found]
        if pronoun and sentences.between(before.noun, token) > 1:
            continue
        for act in [*_governing_acts(token, table), *_own_clause_acts(token, table)]:
            acts.append((token, before, act))
    return acts


def _own_clause_acts(noun: Token, table: dict) -> list[_Act]:
    """Acts a clause on a bare "the treaty" reports: "The treaty, signed on Monday, …"."""
    return [
        act
        for verb in noun.children
        if verb.dep_ in {"acl", "relcl"}
        for member in (verb, *_shared_conjuncts(verb))
        if (act := _clause_act(verb, member, table)) is not None
    ]


def _forward_acts(
    doc: Doc, named: list[_Named], table: dict, sentences: _Sentences
) -> dict[int, tuple[Token, list[_Act]]]:
    """Acts on "a treaty" that the text names just after: the name's noun -> "treaty", acts.

    News reports the act first and the name after it: "Chile and Peru signed a treaty on
    Monday. The Treaty on the Maritime Boundary replaces …". The act goes to the first name
    of the same kind within :data:`_NAMING_WINDOW` sentences, if that name has none of its own.
    """
    singles = [n for n in named if not n.plural and not n.nested]
    found: dict[int, tuple[Token, list[_Act]]] = {}
    for token in _nouns(doc, table):
        kind, plural = _kind(token, table)
        if kind is None or plural or token.lower_ not in table["coreferent_nouns"]:
            continue
        if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
            continue
        if _named(token, table):
            continue
        acts = _governing_acts(token, table)
        later = next((n for n in singles if n.noun.i > token.i and n.kind == kind), None)
        if acts and later is not None and sentences.between(token, later.noun) <= _NAMING_WINDOW:
            found.setdefault(later.noun.i, (token, acts))
    return found


def _bare_definite(token: Token, table: dict) -> bool:
    """Whether a token is "the treaty", "this document": an instrument noun with no name.

    Also a capitalised one, as releases write it after the full title: "the Agreement".
    """
    if token.tag_ not in {"NN", "NNP"} or token.lower_ not in table["coreferent_nouns"]:
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in token.children):
        return False
    return not any(c.dep_ in _TITLE_DEPS or c.dep_ == "prep" for c in token.children)


def _named(noun: Token, table: dict) -> bool:
    """Whether the noun names one instrument rather than a kind of document."""
    if noun.lower_ in table["proper_only"]:
        return noun.text[:1].isupper() and noun.i > noun.sent.start
    needed = table["needs_modifier"].get(noun.lower_)
    modifiers = [c for c in noun.lefts if c.dep_ in _TITLE_DEPS]
    if needed is not None:
        return any(c.text in needed for c in modifiers) or _issued_by_meeting(noun, table)
    if any(c.text in table["naming_modifiers"] for c in modifiers):
        return True  # "a joint declaration": one text the sides agreed
    if noun.lower_ in table["compound_named"] and any(
        c.dep_ == "compound"
        and c.pos_ == "NOUN"
        and not any(g.like_num for g in c.children)
        and f"{c.lower_} {noun.lower_}" not in table["idioms"]
        for c in modifiers
    ):
        return True  # "a ceasefire agreement", "the peace treaty": what it settles names it
    if _numbered(noun):
        return True
    if _bare_definite(noun, table) and _title_bounds(noun, table) == (noun.i, noun.i + 1):
        return False  # "the Agreement" alone: the one named in full before (_coreferent_acts)
    if noun.text[0].isupper() and noun.i > noun.sent.start:
        return True
    if any(c.text[:1].isupper() and c.dep_ in {"compound", "nmod", "amod"} for c in modifiers):
        return True
    return _title_bounds(noun, table)[1] > noun.i + 1


def _issued_by_meeting(noun: Token, table: dict) -> bool:
    """Whether a statement is named by the meeting that issued it: "the communique of the summit".

    A meeting issues one such text, so "of" and the meeting name it as "joint" would.
    """
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(
            o.dep_ == "pobj" and o.lemma_.lower() in table["meeting_nouns"] for o in prep.children
        )
        for prep in noun.rights
    )


def _numbered(noun: Token) -> bool:
    """A number right after the noun names one instrument: "Resolution 2231", "resolution 68"."""
    after = noun.i + 1
    return (
        after < len(noun.doc)
        and noun.doc[after].tag_ == "CD"
        and noun.doc[after].head == noun
        and noun.doc[after].dep_ in {"nummod", "appos", "npadvmod", "compound"}
    )


def _continues_title(child: Token, table: dict) -> bool:
    """Whether a complement says what the instrument is ("on fisheries"), not when it is.

    Nor where it was signed: "a fisheries protocol in Lisbon" is the protocol, signed in
    Lisbon, as :func:`_title_edge` cuts a place deeper in the title.
    """
    if child.dep_ == "prep" and child.lower_ in table["complement_preps"]:
        if _where_phrase(child) or _agent_phrase(child):
            return False
        return any(c.dep_ == "pobj" and not _when_phrase(c) for c in child.children)
    # "a roadmap to promote …", "a resolution establishing …"; not "a statement calling on
    # Chile to …", which is its authors asking, not the text's name
    return (
        child.dep_ == "acl"
        and child.tag_ in {"VBG", "VB"}
        and child.lemma_.lower() not in table["asking_verbs"]
    )


def _agent_phrase(prep: Token) -> bool:
    """Whether a "by" phrase names who acted on the instrument, not how goods go ("by sea").

    "The ratification of the Treaty of Quito by Peru's Congress": a state, body or person
    after "by", or a noun someone owns, is who ratified; "the Convention on Carriage by Sea"
    and "the Agreement on Transport by Road" keep their "by".
    """
    return prep.lower_ == "by" and any(
        c.dep_ == "pobj"
        and (c.ent_type_ in _AGENT_ENTITIES or any(g.dep_ == "poss" for g in c.children))
        for c in prep.children
    )


_AGENT_ENTITIES = {"GPE", "ORG", "NORP", "PERSON"}


def _title_bounds(noun: Token, table: dict) -> tuple[int, int]:
    """Token bounds of the title: title-like modifiers, the noun, and its complements.

    A complement the parser attached to the verb instead ("signed a joint letter | to the
    foreign ministers …") still continues the title when it follows the noun directly.
    """
    doc = noun.doc
    left = noun.i
    for child in reversed(list(noun.lefts)):
        words = doc[child.left_edge.i : child.i + 1].text.lower()  # "so-called": three tokens
        if _lifecycle_participle(child, table) or words in table["hedges"]:
            break  # "the recently ratified Treaty on …", "the so-called …": not its name
        if noun.text[0].isupper() and _common_word(child.left_edge, table):
            break  # "the long-awaited Agreement on …": a proper name starts with a capital
        if child.dep_ in _TITLE_DEPS or (child.dep_ == "punct" and child.text == "-"):
            left = min(left, child.left_edge.i)
        else:
            break
    while left < noun.i and any(t.is_space for t in doc[left : noun.i]):
        left += 1  # a headline's line break ends a title
    right = noun.i + 2 if _numbered(noun) else noun.i + 1
    for child in noun.rights:
        if _continues_title(child, table):
            right = max(right, _title_edge(child))
        elif child.dep_ == "punct" or child.dep_ in {"relcl", "conj", "cc", "appos"}:
            break
        elif child.dep_ == "prep" and _dated_phrase(child):
            break  # "an agreement on Tuesday to build …": no title holds when it was signed
    if right == noun.i + 1 and right < len(doc) and right < noun.sent.end:
        following = doc[right]
        objects = [c for c in following.children if c.dep_ == "pobj"]
        if (
            following.lower_ in _ADJACENT_PREPS
            and following.dep_ == "prep"
            and not any(_when_phrase(c) for c in objects)
        ):
            right = _title_edge(following)
        elif following.lower_ == "to" and following.head.tag_ == "VB":
            right = _title_edge(following.head)
    if noun.text[0].isupper() and right < noun.sent.end:
        # a proper name's period the parser hung on the verb: "the Plan … for 2025-2027"
        following = doc[right]
        if (
            following.lower_ in table["proper_continuations"]
            and following.dep_ == "prep"
            and not _duration(following)
        ):
            right = _title_edge(following)
    while (
        noun.text[0].isupper() and right < noun.sent.end and _capital_tail(doc[right], noun, left)
    ):
        right += 1  # "Treaty of Amity and Friendly | Cooperation": a word hung on the noun
    while right > noun.i + 1 and (doc[right - 1].is_punct or doc[right - 1].dep_ == "cc"):
        right -= 1
    return left, right


def _duration(prep: Token) -> bool:
    """Whether a phrase is a length of time ("for five years"), which no title holds.

    A period named by its years ("for 2025-2027") stays in the title.
    """
    return any(
        c.dep_ == "pobj"
        and c.lemma_.lower() in {"year", "month", "week", "day", "decade"}
        and any(g.dep_ == "nummod" or g.lower_ in {"a", "another"} for g in c.children)
        for c in prep.children
    )


def _common_word(token: Token, table: dict) -> bool:
    """A lower-case word before a proper title, other than "joint" or "common" that name it."""
    return token.is_alpha and token.is_lower and token.text not in table["naming_modifiers"]


def _capital_tail(token: Token, noun: Token, left: int) -> bool:
    """Whether a capitalised word right after a proper title still belongs to it.

    The parser may hang the last word of a long name on the head noun or on its verb ("the
    Treaty of Amity and Friendly | Cooperation"); a date ("… Accord Monday") or a word hung
    elsewhere does not.
    """
    return (
        token.is_alpha
        and token.text[0].isupper()
        and token.doc[token.i - 1].text[:1].isupper()
        and token.ent_type_ not in {"DATE", "TIME"}
        and (left <= token.head.i < token.i or token.head == noun.head)
    )


def _when_phrase(token: Token) -> bool:
    """Whether a prepositional object is a time ("on Tuesday"), which no title holds."""
    return token.ent_type_ in {"DATE", "TIME"}


def _where_phrase(prep: Token) -> bool:
    """Whether a phrase says where the act took place ("in Accra"), which no title holds."""
    return prep.lower_ in {"in", "at"} and any(
        c.dep_ == "pobj" and c.ent_type_ in {"GPE", "LOC", "FAC"} for c in prep.children
    )


def _dated_phrase(prep: Token) -> bool:
    """Whether a phrase says when the act took place ("in March 2023"), not the text's term.

    "for 2024-2026" and "until 2030" are the period an instrument covers and stay in its title.
    """
    table = instruments()
    return prep.lower_ not in table["term_preps"] and any(
        c.dep_ == "pobj" and _when_phrase(c) for c in prep.children
    )


def _title_edge(start: Token) -> int:
    """End of a title complement: its subtree, cut where the title gives way to the sentence.

    Cut at a clause ("which …", "drafted by …"), at a line break, at punctuation other than
    a joining hyphen ("Good-Neighbourliness", "2025-2027") or a comma inside a list of
    capitalised words ("Friendship, Cooperation and Consultation"), and at an "and" that
    joins another phrase rather than words of the title.
    """
    doc = start.doc
    end = start.right_edge.i + 1
    for token in doc[start.i + 1 : end]:
        if token.is_space:
            return token.i
        if token.dep_ == "punct" and not _joins(token):
            return token.i
        if token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ == "VBN"):
            return token.i
        if token.dep_ == "prep" and (_where_phrase(token) or _dated_phrase(token)):
            return token.i
        if token.dep_ == "cc" and not _joins_words(token):
            return token.i
    return end


def _joins_words(cc: Token) -> bool:
    """Whether "and" joins words of the title rather than another phrase of the sentence.

    "Justice and Internal Affairs", "minerals and mining", "between X and the Y" stay; "… and
    the minister said", "… and a protocol" end the title.
    """
    doc = cc.doc
    after = doc[cc.i + 1] if cc.i + 1 < len(doc) else None
    if after is None or after.is_space:
        return False
    if cc.head.dep_ == "pobj" and cc.head.head.lower_ in {"between", "among"}:
        return True  # "between Mercosur and the European Free Trade Association": the parties
    if after.text[:1].isupper():
        return True
    if after.pos_ in {"DET", "PRON", "VERB", "AUX", "ADV", "NUM"}:
        return False
    return _kind(after, instruments())[0] is None


def _joins(punct: Token) -> bool:
    """Whether a punctuation mark joins the words of one name rather than ending it."""
    doc = punct.doc
    if punct.i == 0 or punct.i + 1 >= len(doc):
        return False
    before, after = doc[punct.i - 1], doc[punct.i + 1]
    if punct.text in _JOINERS:
        return not before.whitespace_ and not punct.whitespace_
    # a comma inside a list of the title's own words: "on fisheries, mining and tourism"
    return (
        punct.text == ","
        and after.dep_ == "conj"
        and after.head.i < punct.i
        and after.pos_ in {"NOUN", "PROPN", "ADJ"}
    )


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
    """The lifecycle action of the verb or action noun governing the noun, and that verb."""
    head = noun
    # A conjunct ("a roadmap … and a Joint Statement …") shares its first conjunct's verb.
    while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    while (
        head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.lemma_.lower() in table["text_nouns"]
    ):
        head = head.head.head  # "approved the text of the treaty": done to its text
    governor = None
    if head.dep_ == "pobj" and head.head.lower_ in table["action_preps"]:
        governor = head.head.head  # "the signing of …", "negotiations on …"
    elif head.dep_ == "poss":
        governor = head.head  # "the treaty's entry into force"
    joined = _joined(head, table)
    if joined is not None:
        return joined
    if (
        governor is None
        and head.dep_ == "pobj"
        and head.head.lower_ == "for"
        and head.head.head.lemma_.lower() in table["occasion_nouns"]
    ):
        governor = head.head.head  # "a signing ceremony for the accord"
    forced = governor is not None and governor.lower_ == "force" and governor.head.lower_ == "into"
    if forced:
        # "the entry into force of the treaty"; the parse may hang "into" on the verb instead
        into = governor.head
        governor = into.doc[into.i - 1] if into.i > 0 else into.head
    if governor is not None:
        action = table["nouns_of_action"].get(_occasion_act(governor, table).lemma_.lower())
        if action == "entered_into_force" and not (forced or _mentions_force(governor)):
            action = None
        if (
            action == "adopted"
            and _by_legislature(governor, table)
            and _kind(noun, table)[0] in table["ratified_kinds"]
        ):
            action = "ratified"  # "the Senate's approval of the treaty"
        if action is not None:
            carrier = governor.head if governor.head.pos_ == "VERB" else None
            if carrier is not None and action in _DUE_ACTIONS and _still_due(carrier, table):
                action = "planned"  # "promised to finish talks on a charter"
            if carrier is not None and action in _DUE_ACTIONS:
                # "the signing was postponed": still to come; "… was called off": not done
                action = table["deferring_verbs"].get(carrier.lemma_.lower(), action)
            return action, carrier
    verb = head.head if head.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} else None
    if head.dep_ == "pobj" and head.head.dep_ in {"agent", "prep", "dative"}:
        verb = head.head.head  # "Guided by the Programme …", "gave its consent to the Treaty"
    if verb is not None and verb.dep_ in {"acl", "xcomp"}:
        # "an initiative to develop a Charter": the initiative is what is reported
        action = table["nouns_of_action"].get(verb.head.lemma_.lower())
        if action is not None:
            return action, None
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "readiness to sign …", "a decision to ratify …": an act the sides mean to do
            if verb.head.lemma_.lower() in table["intent_nouns"]:
                action = _verb_action(verb, table)
                if action in _CONSENT:
                    return "planned", verb
            return "referenced", None  # "a proposal to accede to …": not done yet
    if verb is None or (verb.pos_ not in {"VERB", "AUX"} and head.dep_ != "dobj"):
        # a word with an object is a verb, whatever the tagger says ("Chile, Peru sign Treaty
        # on …" in a headline)
        return "referenced", None
    action = _verb_action(verb, table)
    if action is None:
        return "referenced", verb
    if action == "entered_into_force" and not _mentions_force(verb):
        return "referenced", verb
    if action != "entered_into_force" and head.dep_ == "nsubj" and not _set_off(verb):
        return "referenced", verb  # a text does not sign or adopt: "the treaty will carry …"
    if (
        action == "adopted"
        and _by_legislature(verb, table)
        and _kind(noun, table)[0] in table["ratified_kinds"]
    ):
        action = "ratified"  # "the Senate approved the accord": its consent to be bound
    if (action in _CONSENT or action == "entered_into_force") and _unsure(verb, table):
        return "referenced", verb
    due = action in _CONSENT and _still_due(verb, table)
    return ("planned" if due else action), verb


def _unsure(verb: Token, table: dict) -> bool:
    """Whether a verb of consent is asked of someone, made a condition or possible, not done.

    "Urged Serbia to ratify the agreement", "unless Armenia signs the treaty" or "the treaty
    can be signed only after …" name the act without reporting it, or planning it: no one said
    they would. Nor is an act denied or refused done: "did not sign", "refused to sign", nor
    one a clause of time tells in the present: "takes effect once Chile ratifies it".
    """
    if any(c.dep_ == "mark" and c.lower_ in table["condition_marks"] for c in verb.children):
        return True
    if verb.tag_ in {"VBP", "VBZ"} and any(
        c.dep_ == "mark" and c.lower_ in table["temporal_marks"] for c in verb.children
    ):
        return True  # "once Chile ratifies it": a time still to come
    if any(c.dep_ == "aux" and c.lower_ in table["possible_aux"] for c in verb.children):
        return True  # "can be signed only after …": possible, not done nor planned
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    governing = verb.head.lemma_.lower()
    return verb.dep_ == "xcomp" and (
        governing in table["asking_verbs"] or governing in table["refusing_verbs"]
    )


def _set_off(verb: Token) -> bool:
    """Whether a verb the parse gives the instrument as subject is a participle set off.

    "The Treaty of Quito, ratified in 2019, entered into force in 2020": a past form with no
    object right after a comma says what was done to the name before it.
    """
    doc = verb.doc
    return (
        verb.tag_ in {"VBD", "VBN"}
        and verb.i > 0
        and doc[verb.i - 1].text == ","
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _by_legislature(verb: Token, table: dict) -> bool:
    """Whether a legislature or its members do what a verb or noun says.

    "Congress approved …", "approved by the Senate", and of a noun "the Senate's approval of
    …", "approval of … by the Diet".
    """
    doers = [c for c in verb.children if c.dep_ in {"nsubj", "poss"}]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if verb.pos_ != "VERB":
        doers += [
            g
            for t in verb.subtree
            if t.dep_ == "prep" and t.lower_ == "by"
            for g in t.children
            if g.dep_ == "pobj"
        ]
    return any(
        t.lemma_.lower() in table["legislatures"]
        for doer in doers
        for t in doer.subtree
        if t.i <= doer.i
    )


def _joined(head: Token, table: dict) -> tuple[str, Token] | None:
    """The act of becoming a signatory or party to an instrument: "became a party to …"."""
    if head.dep_ != "pobj" or head.head.lower_ != "to":
        return None
    status = head.head.head
    if status.lemma_.lower() == "become":  # the parser may hang "to …" on the verb
        status = next((c for c in status.children if c.dep_ == "attr"), status)
    action = table["status_nouns"].get(status.lemma_.lower())
    verb = status.head
    if action is None or status.dep_ != "attr" or verb.lemma_.lower() != "become":
        return None  # "Peru is a party to …" states where it stands, not an act
    return ("planned" if _still_due(verb, table) else action), verb


def _occasion_act(noun: Token, table: dict) -> Token:
    """The act an occasion is held for ("the signing ceremony": signing), else the noun itself."""
    if noun.lemma_.lower() in table["occasion_nouns"]:
        acts = table["nouns_of_action"]
        for child in noun.children:
            if child.dep_ in {"compound", "amod"} and child.lemma_.lower() in acts:
                return child
    return noun


# Acts of consent that a verb still to come makes planned: "will sign", "agreed to ratify".
_CONSENT = frozenset({"signed", "adopted", "ratified"})
# Where a noun names the act, its drafting too: "promised to finish talks on …".
_DUE_ACTIONS = _CONSENT | {"drafted"}


def _still_due(verb: Token, table: dict) -> bool:
    """Whether a verb tells an act to come: "will sign", "plans to ratify", "has yet to sign"."""
    return any(c.lower_ in table["future_aux"] for c in verb.children) or (
        verb.dep_ == "xcomp"
        and (
            verb.head.lemma_.lower() in table["future_verbs"]
            # "has yet to ratify", "is still to sign": not done, still due
            or any(c.lower_ in table["pending_adverbs"] for c in verb.head.children)
        )
    )


def _verb_action(verb: Token, table: dict) -> str | None:
    """The action of a verb, read from the whole verb phrase.

    A phrasal verb ("put forward", "carry out"), an object, a preposition or a complement that
    says what the verb does to the text ("put their signatures to", "took effect", "worked on
    the text of", "became effective") comes before the verb alone; a text handed on "for
    approval" is planned.
    """
    lemma = verb.lemma_.lower()
    phrasal = _phrasal(verb, table)
    if phrasal is not None:
        return phrasal
    if lemma in table["submit_verbs"] and any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(o.lemma_.lower() in table["purpose_nouns"] for o in c.children)
        for c in verb.children
    ):
        return "planned"  # "submitted for approval": the approval is still to come
    for child in verb.children:
        if child.dep_ == "dobj":
            action = table["verb_objects"].get(lemma, {}).get(child.lemma_.lower())
            if action is not None:
                return action
        if child.dep_ == "prep":
            action = table["verb_preps"].get(lemma, {}).get(child.lower_)
            if action is not None:
                return action  # "working on the text of": drafting it
        if child.dep_ == "acomp":
            action = table["verb_complements"].get(lemma, {}).get(child.lower_)
            if action is not None:
                return action  # "became effective": it entered into force
    return table["verbs"].get(lemma)


def _phrasal(verb: Token, table: dict) -> str | None:
    """The action of a phrasal verb ("put forward", "carry out"), if the verb is one."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        # the parser reads the particle as "prt" or, as often, "advmod" ("put forward by")
        if child.dep_ in {"prt", "advmod"} and f"{lemma} {child.lower_}" in table["phrasal_verbs"]:
            return table["phrasal_verbs"][f"{lemma} {child.lower_}"]
    return None


def _enters_force(verb: Token, table: dict) -> bool:
    """Whether a verb says its subject entered into force ("came into force", "took effect")."""
    return (
        verb.pos_ in {"VERB", "AUX"}
        and _verb_action(verb, table) == "entered_into_force"
        and _mentions_force(verb)
    )


def _mentions_force(token: Token) -> bool:
    """Whether "force" or "effect" completes an entry ("entered into force", "took effect")."""
    words = instruments()["force_words"]
    return any(t.lower_ in words for t in token.subtree)


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
