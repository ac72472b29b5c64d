"""Events: PLOVER 2.0 records from trigger words matched on the dependency parse.

Triggers are data (``data/patterns/events*.jsonl``): a verb ("sign", "expel", "call on") or a
noun ("visit", "talks", "meeting"), with conditions on its object where the word is ambiguous.
Participants come from the parse, not from word order:

- a verb's subject is the actor, found through coordination, control ("agreed to …"), relative
  clauses and reported speech ("X said it would …"); a passive verb's agent is the actor;
  "host", "receive" and "welcome" reverse the roles;
- the recipient is the object, "with …", "to …", and for every type but CONSULT whom the act
  is aimed at ("a ban on X", "expelled diplomats from X", "refused to meet X");
- a noun takes the subject of its light verb ("X paid a visit", "X held talks") or its own
  complements ("talks between X and Y", "a visit to Z", "Russia's invasion of Ukraine");
- a doer the knowledge base cannot place ("striking workers", "a local court") is kept as
  written (``Event.actor_text``) rather than dropped.

Where the text names participants indirectly: an act aimed at someone but naming no target
takes the other side in the news ("Hanoi rejected the claims"); "each other" codes the act
each way; "the ministry", "the Council" or "the summit" is the last phrase with that noun that
names its owner, "he" or "she" the last person named; aid goes to the state where its
beneficiaries are. What an act is about ("demanded the release of …", "refused to meet …",
"accused X of invading …") is its topic, not a second event; nor are questions, words inside
an instrument's title, or caption and related-story lines below the headline.

PLOVER rules applied: visitor = actor, host = recipient (a meeting on one participant's soil
is a visit to it); a meeting, signing or other cooperation announced for later is AGREE, and
coercion or mobilisation announced for later is THREATEN ("said it would …" is announced, not
hypothetical); negated and hypothetical events are flagged, and scoring leaves them out. A
CONSULT that names fewer than two sides takes the states in play. Within one article, records
of the same type, sides and dates are one event with several evidence sentences (the visit and
the talks of that visit).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from functools import cache
from itertools import islice

from spacy.attrs import ENT_TYPE, LEMMA, POS
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..ents import Mentions, doc_text
from ..kb import seated_in
from ..model import Event, Evidence, Mention, Span, Statement
from ..patterns import doers, event_words, instruments, jsonl_rows, speech, tables
from .clauses import outside_modal_clause
from .confidence import rate_event
from .dates import (
    NEWS_WINDOW,
    DateResolver,
    attached_dates,
    background,
    carried_date,
    date_phrases,
    dateline_end,
    heading_date,
    heading_phrase,
    sequel_date,
    told_in_past,
)

__all__ = ["find_events"]


def _listed(name: str) -> frozenset[str]:
    """A word list of ``event-words.json``: the words live with the tables' other vocabulary."""
    return frozenset(event_words()[name])


_FUTURE_AUX = {"will", "shall", "'ll"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should"}
_REPORTED_FUTURE_AUX = {"would"}
# Verbs of committing to a later act: what they govern is announced, not done.
_PROMISING = _listed("promising")
_FUTURE_HEADS = {
    "plan",
    "intend",
    "expect",
    "agree",
    "hope",
    "aim",
    "prepare",
    "schedule",
    "willing",
    "ready",
    "prepared",
    "set",
    "going",
    "determined",
    "eager",
    "due",
}
# Verbs of wanting: the act they govern is wished for, not done ("wants Uganda to attack").
_WISHING = _listed("wishing")
# Verbs whose object is made to do what their infinitive says ("forced Kenya to reopen …"):
# the act is done. After any other verb with an object ("expects Kenya to …", "needs Kenya
# to …") or a subject of its own, the infinitive is asked or awaited, not reported.
_CAUSING = _listed("causing")
# Conjunctions that make a clause a condition of another: "… once it is ratified", "provided
# that it is approved"; the act they introduce is hypothetical unless the main clause is past.
_CONDITION_MARKS = {"once", "until"}
_CONDITION_PREPS = {"provided", "providing"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# PLOVER: cooperation announced for later is a promise (AGREE), force announced a threat.
_PROMISED = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
_THREATENED = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}
# Giving way: withheld with "not" ("will not lift the ban"), it is a refusal.
_CONCESSIONS = {"CONCEDE", "RETREAT"}
_PARTICIPANT_PREPS = {"between", "of", "with", "among"}
# Acts aimed at someone: where the sentence names no target, the other side in the news is it.
_DIRECTED = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SANCTION", "COERCE", "CONCEDE", "SUPPORT"}


# Row keys that narrow when a trigger applies; such rows are tried before a general one.
_CONDITIONS = (
    "object",
    "prep",
    "transitive",
    "complement_aux",
    "judgement",
    "controls",
    "complement",
    "blame",
    "complement_self",
    "complement_condition",
    "courtesy",
    "guest",
    "verdict",
    "infinitive",
)


@cache
def _triggers() -> dict[tuple[str, str], list[dict]]:
    """Trigger rows by (lemma, part of speech), in file order, ``events.jsonl`` first.

    One word may carry several rows told apart by their objects ("withdrew its troops" is a
    RETREAT, "withdrew its ambassador" a SANCTION); the first row that applies codes the event.
    """
    found: dict[tuple[str, str], list[dict]] = {}
    for name in tables("events"):
        for row in jsonl_rows(name):
            found.setdefault((row["lemma"], row["pos"]), []).append(_with_word_lists(row))
    for rows in found.values():  # a row with conditions before the word's general row
        rows.sort(key=lambda r: not any(r.get(k) for k in _CONDITIONS))
    return found


def _with_word_lists(row: dict) -> dict:
    """The row with each "@name" in its object lists replaced by the words of that list.

    Verbs of one kind ("send", "supply", "deliver" aid) then share one vocabulary
    (``event-words.json``), and a word added there reaches every one of them.
    """
    lists = event_words()
    expanded = dict(row)
    for key in ("object", "not_object", "not_head", "judgement"):
        if key in row:
            words: list[str] = []
            for word in row[key]:
                words.extend(lists[word[1:]] if word.startswith("@") else [word])
            expanded[key] = words
    return expanded


def find_events(
    doc: Doc,
    mentions: Sequence[Mention],
    *,
    published: date | None,
    when: DateResolver,
    titles: list[tuple[int, int]] | None = None,
    quotes: Sequence[Statement] = (),
) -> list[Event]:
    """Every event the Doc states, merged within the Doc.

    ``quotes`` are the Doc's quotations: "we" or "I" inside one is its speaker.
    """
    mentions = Mentions(m for m in mentions if not _named_in_a_title(m, titles or []))
    voices = [(q.start, q.end, q.code) for q in quotes if q.code]
    credits = [(s.start_char, end) for s in doc.sents if (end := dateline_end(s)) > s.start_char]
    reported = [m for m in mentions if not any(lo <= m.start < hi for lo, hi in credits)]
    in_play = _states_in_play(reported)  # not the agency credited in a dateline
    salient = _salient(reported)
    dateline = _dateline(doc, mentions)
    found: list[Event] = []
    matched: dict[int, list[dict]] = {}
    for token, key in _candidates(doc):
        rules = [r for r in _triggers()[key] if _applies(token, r)]
        if rules:
            matched[token.i] = rules
    every_title = _Titles(titles or [])
    acted: Counter[str] = Counter()  # who has done something so far: whose "move" is meant
    acted_here: Counter[str] = Counter()  # and in the paragraph at hand, who is meant first
    text, seen = doc_text(doc), 0  # how far the paragraphs have been read
    attackers: list[str] = []  # who has attacked so far, in the text's order
    accusers: list[str] = []  # and who has accused
    for i, rules in matched.items():
        token = doc[i]
        sent = token.sent
        if "\n" in text[seen : sent.start_char]:
            acted_here = Counter()  # a roundup's next item, a report's next turn: its own doers
        seen = max(seen, sent.start_char)
        near = every_title.overlapping(sent.start_char, sent.end_char)  # all the sentence sees
        if (
            _embedded(token, matched)
            or _not_a_report(token, near)
            or _manner(token)
            or _backdrop(token, rules, mentions)
            or (_grievance(token) and not _names_its_doer(token, mentions))
            or _demarche(token, rules)
            or _terms_of_instrument(token)
        ):
            continue
        # the first row that applies and finds its participants codes the event: "welcomed
        # the minister" is a visit, "welcomed the sanctions" (no one to host) support
        event = None
        partners = [code for code, _n in acted.most_common()] + salient
        for rule in rules:
            event = _code(
                token,
                rule,
                mentions,
                in_play,
                # whom an act is aimed at: the doers of this paragraph first; who "we" are
                # beside the speaker: the article's
                salient=[code for code, _n in acted_here.most_common()] + partners,
                partners=partners,
                published=published,
                when=when,
                titles=near,
                dateline=dateline,
                voices=voices,
                attackers=attackers,
                accusers=accusers,
            )
            if event is not None:
                break
        if event is not None and event.event == "THREATEN" and _failure_threatened(token):
            event = _at_the_asked(event, found, token.sent)
        if event is not None:
            mutual = rule.get("mutual") and not event.recipient  # "X and Y exchanged fire"
            if mutual or _reciprocal(token):
                found.extend(_each_way(event))
            elif _separately(token):
                found.extend(_each_doer(event))
            else:
                found.extend(_each_partner(event) if _one_each(token) else [event])
            acted.update(event.actor if not event.negated else ())
            acted_here.update(event.actor if not event.negated else ())
            if event.event in _HOSTILE and not event.negated and event.tense == "past":
                attackers.extend(event.actor)
            if event.event == "ACCUSE" and not event.negated:
                accusers.extend(event.actor)
    places = _Localities(mentions)
    return [_localise(event, places) for event in _merge(found)]


_TIMES = {"DATE", "TIME"}
# The part of speech a trigger row names, by the token's coarse tag; other words trigger nothing.
# "be" is the parse's auxiliary even where it stands alone: "the minister was in Vilnius"
_TRIGGER_POS = {VERB: "VERB", AUX: "AUX", NOUN: "NOUN", PROPN: "NOUN"}


def _candidates(doc: Doc) -> Iterator[tuple[Token, tuple[str, str]]]:
    """The tokens whose lemma and part of speech some trigger row names, with that key.

    Read from the Doc's arrays, so the words no row names (most of a report) never become
    Token objects; a word inside a date or time phrase ("In March") is no trigger either.
    """
    strings = doc.vocab.strings
    times = {strings[label] for label in _TIMES}
    lowered: dict[int, str] = {}  # lemma hash -> lower-case lemma, once per distinct lemma
    for i, (lemma, pos, ent_type) in enumerate(doc.to_array([LEMMA, POS, ENT_TYPE]).tolist()):
        kind = _TRIGGER_POS.get(pos)
        if kind is None or ent_type in times:
            continue
        word = lowered.get(lemma)
        if word is None:
            word = lowered[lemma] = strings[lemma].lower()
        if (word, kind) in _triggers():
            yield doc[i], (word, kind)


def _named_in_a_title(mention: Mention, titles: list[tuple[int, int]]) -> bool:
    """Whether a city or place is only part of an instrument's name.

    "The Addis Ababa Declaration" or "the Minsk agreements" involve no one there.
    """
    place = mention.kind == "place" or mention.reference == "seat"
    return place and any(lo <= mention.start and mention.end <= hi for lo, hi in titles)


class _Titles:
    """The character spans of the instruments' titles, found by where they lie.

    A trigger and its date need only the titles over their own sentence; handing each sentence
    every title of a long report would cost the number of titles for every trigger.
    """

    def __init__(self, titles: list[tuple[int, int]]) -> None:
        self._titles = titles
        self._by_start = sorted(range(len(titles)), key=lambda i: titles[i][0])
        self._starts = [titles[i][0] for i in self._by_start]
        self._longest = max((hi - lo for lo, hi in titles), default=0)

    def overlapping(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The titles overlapping the characters ``lo`` to ``hi``, in their given order."""
        first = bisect_left(self._starts, lo - self._longest)
        last = bisect_left(self._starts, hi)
        found = sorted(i for i in self._by_start[first:last] if self._titles[i][1] > lo)
        return [self._titles[i] for i in found]


def _not_a_report(token: Token, titles: list[tuple[int, int]]) -> bool:
    """Whether the trigger stands where the text states no happening.

    A question ("will the minister ask …?") asks; a word inside an instrument's title ("the
    Treaty of Friendship and Consultation") names the instrument; a line without a final
    stop below the headline is a caption or a link to another story.
    """
    if any(lo <= token.idx < hi for lo, hi in titles):
        return True
    if _ranked_restatement(token):
        return True
    sent = token.sent
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None:
        return True
    if last.text == "?":
        return True
    return sent.start > 0 and _bare_line(sent)


def _ranked_restatement(token: Token) -> bool:
    """Whether a noun only ranks a happening the text names otherwise.

    "It will be the first visit since 2009", "…met Xi in Kazan, the first formal talks
    since 2020".

    As an apposition or a copula's attribute, an event noun with an ordinal says how the
    happening compares with the past; counted again, it would take the date it compares to.
    """
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ not in {"appos", "attr"}:
        return False
    return any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in token.children) or any(
        c.dep_ == "amod" and c.lower_ in {"first", "last"} for c in token.children
    )


def _bare_line(sent: SpacySpan) -> bool:
    """A sentence that is a whole line and ends without a stop: a headline or a caption."""
    doc = sent.doc
    starts_line = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    ends_line = (
        sent.end == len(doc) or "\n" in doc[sent.end - 1].text_with_ws or doc[sent.end - 1].is_space
    )
    if not (starts_line and ends_line):
        return False  # most sentences: their last words need not be read
    last = islice((t for t in reversed(sent) if not t.is_space), 2)
    return not any(t.text in _STOPS for t in last)


def _reciprocal(token: Token) -> bool:
    """Whether the act is aimed back at its doers: "expelled each other's diplomats"."""
    words = [t for c in token.children if c.dep_ in {"dobj", "prep", "dative"} for t in c.subtree]
    pairs = {("each", "other"), ("one", "another")}
    return any(t.i > 0 and (t.doc[t.i - 1].lower_, t.lower_) in pairs for t in words)


# Words that make plural meetings one with each partner: "held bilateral meetings with X, Y".
_EACH = _listed("each")


def _one_each(token: Token) -> bool:
    """Whether a plural gathering noun is one meeting with each partner it names "with"."""
    return (
        token.tag_ in {"NNS", "NNPS"}
        and any(c.dep_ == "amod" and c.lower_ in _EACH for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
    )


def _each_partner(event: Event) -> list[Event]:
    """One event per partner: "bilateral meetings with Ukraine, Moldova and Uzbekistan"."""
    if len(event.recipient) < 2:
        return [event]
    return [dataclasses.replace(event, recipient=(code,)) for code in event.recipient]


def _each_way(event: Event) -> list[Event]:
    """One event per doer, aimed at the others: two states expelling each other's envoys."""
    if len(event.actor) < 2 or event.event == "CONSULT":
        return [event]
    return [
        dataclasses.replace(
            event, actor=(code,), recipient=tuple(c for c in event.actor if c != code)
        )
        for code in event.actor
    ]


# Words for not doing what was asked: "failure to do so will bring consequences".
_FAILURES = _listed("failures")


def _failure_threatened(token: Token) -> bool:
    """Whether a threat is the price of not doing something: "failure to do so will cost"."""
    clauses = [token, *(c for c in token.children if c.dep_ == "ccomp")]
    return any(
        g.dep_ in _SUBJECTS and g.lemma_.lower() in _FAILURES
        for clause in clauses
        for g in clause.children
    )


def _at_the_asked(threat: Event, found: list[Event], sent: SpacySpan) -> Event:
    """The threat is aimed at whom its doer last asked, in this sentence or the one before.

    "Kenya demanded that Somalia withdraw its troops. 'Failure to comply will bring a firm
    response'": the failure is Somalia's; who else the story names does not matter.
    """
    doc = sent.doc
    since = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    for event in reversed(found):
        if event.evidence and event.evidence[0].start < since:
            break
        if event.event == "REQUEST" and event.actor == threat.actor and event.recipient:
            return dataclasses.replace(threat, recipient=event.recipient)
    return threat


# Words that make joint doers act one by one: "each issued statements", "separately condemned".
_APART = _listed("apart")


def _separately(token: Token) -> bool:
    """Whether the doers of the clause a trigger stands in acted one by one.

    "X and Y each issued statements standing with Z", "separately condemned", "voiced support
    in separate statements": two statements are two acts, each its own doer's. "Both" and a
    joint communiqué stay one act of all of them. The words are read on the trigger and the
    words it hangs on, up to the clause that names the doers, and on those doers.
    """
    clause = token
    for _step in range(4):
        for child in clause.children:
            if (
                child.dep_ in {"advmod", "dep", "appos", "npadvmod", "nsubj"}
                and child.lower_ in _APART
            ):
                return True  # "each issued", "separately condemned"
            if child.dep_ == "prep" and child.lower_ == "in" and _apart_noun(child):
                return True  # "in separate statements"
            if child.dep_ == "nsubj" and any(
                g.dep_ == "appos" and g.lower_ in _APART for g in child.children
            ):
                return True  # "Norway and Sweden each condemned"
        if clause.dep_ == "ROOT" or any(c.dep_ in _SUBJECTS for c in clause.children):
            return False
        clause = clause.head
    return False


def _apart_noun(prep: Token) -> bool:
    """Whether a preposition's object is one of several made apart: "in separate statements"."""
    return any(
        g.dep_ == "pobj" and any(a.dep_ == "amod" and a.lower_ in _APART for a in g.children)
        for g in prep.children
    )


def _each_doer(event: Event) -> list[Event]:
    """One event per doer, each aimed where the joint one was: "X and Y each backed Z".

    A meeting of the doers alone (no one else named) stays one: "held separate talks" is no
    meeting of each with nobody.
    """
    if len(event.actor) < 2 or (event.event == "CONSULT" and not event.recipient):
        return [event]
    return [dataclasses.replace(event, actor=(code,)) for code in event.actor]


# Acts whose complement names an act asked for, refused, alleged or promised, not one done:
# "demanded the release of …", "refused to meet …", "accused X of invading …".
_GOVERNING = {"REQUEST", "REJECT", "ACCUSE", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"}


# How a word hangs in what a verb or noun is about: its object, complement or "of …" phrase.
_CARRIED = {"dobj", "nsubjpass", "xcomp", "ccomp", "acl", "pcomp"}


# Words whose object is an act not (yet) done: "proposed talks", "postponed the visit",
# "called off a visit", "preparations for the summit", "sought to ease tensions", "tried to
# mediate". The act is neither reported nor, at this point, promised; the word itself codes an
# event only where its own row says so.
_UNDONE = _listed("undone")
_UNDONE_PHRASAL = {("call", "off"), ("put", "off")}
# Words and the preposition after which an act is foretold or feared, not done: "warned of a
# new offensive", "hinted at fresh strikes", "fears of an invasion".
_FORETOLD = {("warn", "of"), ("hint", "at"), ("fear", "of")}
# Verbs saying that talks or a process have stopped getting anywhere: no meeting is reported.
_STALLED = _listed("stalled")


def _undone(token: Token) -> bool:
    """Whether the trigger is what is proposed, put off, prepared, kept from happening or shunned.

    Or what has stalled: "talks between X and Y have stalled", "negotiations collapsed"; or an
    act of no one in particular: "would respond to any attack", "every incursion".
    """
    if token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"any", "every"} for c in token.children
    ):
        return True
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_.lower() in _STALLED:
        return True
    if token.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ == "of" and head.head.dep_ in {"dobj", "nsubjpass"}:
            head = head.head  # "discussed a package of sanctions": what the package holds
        elif head.lower_ != "for":
            return False
        head = head.head  # "preparations for the state visit"
    elif token.dep_ not in {"dobj", "nsubjpass", "xcomp"}:
        return False
    lemma = head.lemma_.lower()
    particles = {(lemma, c.lower_) for c in head.children if c.dep_ == "prt"}
    return lemma in _UNDONE or bool(particles & _UNDONE_PHRASAL)


def _negated_alternative(verb: Token) -> list[Token]:
    """The negation an "or" shares with the verb before it: "not to threaten or use force".

    "Neither accepted nor declined the proposal" negates both verbs.
    """
    neither = [c for c in verb.children if c.dep_ == "preconj" and c.lower_ == "neither"]
    if neither:
        return neither
    head = verb.head
    if verb.dep_ != "conj" or not any(
        c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in head.children
    ):
        return []
    return [
        c
        for c in head.children
        if c.dep_ == "neg" or (c.dep_ == "preconj" and c.lower_ == "neither")
    ]


def _from_phrases(verb: Token) -> list[Token]:
    """The objects of a verb's "from" phrases: ECOWAS in "suspended Mali from ECOWAS"."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _judged_as(token: Token, matched: dict[int, list[dict]]) -> bool:
    """Whether the trigger is what a judging verb calls something: "described it as a threat".

    "Called the move a provocation" or "described the incursion as a threat to our
    integrity" censures the move (a judgement row codes it); no threat or provocation is made.
    Nor is one where a censure says what it finds the act to be: "condemned the launch as a
    threat to peace", "rejected the plan as a provocation".
    """
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
        censures = {"ACCUSE", "REJECT"}
    elif token.dep_ == "oprd":
        censures = set()
    else:
        return False
    return any(
        rule.get("judgement") or rule["event"] in censures for rule in matched.get(head.i, ())
    )


def _foretold(token: Token) -> bool:
    """Whether the trigger is what someone warned of or hinted at: foretold, not done."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.dep_ == "prep"
        and (head.head.lemma_.lower(), head.lower_) in _FORETOLD
    )


def _threat(token: Token, matched: dict[int, list[dict]]) -> bool:
    """Whether the trigger is itself a threat: "warned of retaliation" threatens it."""
    return any(rule["event"] == "THREATEN" for rule in matched.get(token.i, ()))


# Prepositions whose object is what an act is about: "called for …", "warned against …".
_ABOUT = {"for", "of", "on", "against"}


def _embedded(token: Token, matched: dict[int, list[dict]]) -> bool:
    """Whether a trigger only names what another trigger is about, not a happening of its own.

    "Welcomed the sanctions", "called for the release of X", "rejected calls to lift the
    embargo", "urged Y to withdraw", "suspended aid to Z": the outer act is the event; the inner
    word is its topic. A place where the outer act happens ("signed at the summit") is not its
    topic, and an act with its own doer ("condemned Russia's invasion") is one that happened.
    """
    if _undone(token) or (_foretold(token) and not _threat(token, matched)):
        return True
    if token.dep_ == "conj" and _asked_for(token.head, matched):
        return True  # "asked Mali to expel the mercenaries and cut ties": both are asked for
    if token.dep_ == "acl" and token.lemma_.lower() in _MEDIATED and token.head.i in matched:
        return True  # "talks mediated by Iraq": the talks' mediator (see _mediators)
    if _judged_as(token, matched):
        return True  # "described the incursion as a threat": the judgement, not a threat made
    head = token.head
    # A sanction's object is what it cuts off: "suspended talks with …", "froze aid to …",
    # "loans were halted", "stopped funding …". The talks or the aid did not happen.
    if token.dep_ in {"dobj", "nsubjpass", "xcomp"} and any(
        rule["event"] == "SANCTION" for rule in matched.get(head.i, ())
    ):
        return True
    if any(c.dep_ == "poss" for c in token.children):
        return False
    if token.dep_ in {"pobj", "pcomp"} and head.dep_ == "prep" and head.lower_ in _ABOUT:
        # "called for the release", "the lifting of sanctions", "agreed on …", "accused them
        # of meeting the opposition", "warned against an assault"
        head = head.head
    elif token.dep_ not in {"dobj", "nsubjpass", "xcomp", "ccomp", "acl"} and not _purpose(token):
        return False
    for _ in range(3):  # "rejected calls to lift …", "accused X of plotting an invasion"
        if any(
            rule["event"] in _GOVERNING and not rule.get("thanks")
            for rule in matched.get(head.i, ())
        ):
            return True
        if head.dep_ not in _CARRIED or head.head.i == head.i:
            break
        head = head.head
        if head.dep_ == "prep":
            head = head.head
    return False


def _asked_for(clause: Token, matched: dict[int, list[dict]]) -> bool:
    """Whether a clause is what a request asks for: "asked Mali to expel …"."""
    return (clause.dep_ in {"xcomp", "ccomp"} or _purpose(clause)) and any(
        rule["event"] == "REQUEST" for rule in matched.get(clause.head.i, ())
    )


def _manner(token: Token) -> bool:
    """Whether a noun says in what spirit another act was done: "recalled its envoy in protest".

    A bare singular noun after "in" ("in protest at …", "in retaliation", "in solidarity") is
    the manner of the act it hangs on, not an event of its own; "in talks with", plural, "in
    consultation with" a party, and "in a protest outside the embassy", with its article, are.
    """
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and token.dep_ == "pobj"
        and token.head.lower_ == "in"
        and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in token.children)
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
    )


# Prepositions that set a clause's act against what else went on: "left amid the fighting",
# "recalled its envoy after the attack", "raised tariffs despite the protests".
_BACKDROP = {"amid", "amidst", "during", "despite", "following", "after", "before", "since"}


# Kinds of instrument (instruments.json "nouns") that say things rather than bind to terms.
_SPEAKING_KINDS = {"declaration", "statement", "address", "resolution"}


def _terms_of_instrument(token: Token) -> bool:
    """Whether a trigger only tells what an instrument provides, in a clause on its noun.

    "Signed an agreement under which Canada will provide $12 million", "the Ankara Declaration,
    pledging to respect each other's integrity": the signing is the event; what the text
    provides is not an act of its own.
    """
    clause = token
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    while clause.dep_ in {"xcomp", "ccomp"} and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head  # "a deal that will see Chile send …"
    if clause.dep_ not in {"relcl", "acl"}:
        return False
    table = instruments()
    # "the treaty Chile signed on Monday" is a signing: an act done to the text, not in it
    lifecycle = clause.lemma_.lower() in table["verbs"]
    # and a declaration or statement speaks for its parties: "a joint statement calling on
    # Caracas to …", "a declaration in which the leaders condemned …" are their acts
    kind = table["nouns"].get(clause.head.lemma_.lower())
    return not lifecycle and kind is not None and kind not in _SPEAKING_KINDS


def _backdrop(token: Token, rules: list[dict], mentions: Mentions) -> bool:
    """Whether a noun only says against what the clause's act happened, by no one it names.

    "Evacuated its citizens amid the fighting": the fighting is not the evacuating state's,
    and the text does not say whose it is. A noun that names its doer ("amid Russian strikes",
    "after Chad's protest", "after attacks by Chad's army") is coded from them as before; talks
    and visits ("after talks with Peru") are ones the clause's subject usually took part in.
    """
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ not in _BACKDROP:
        return False
    if token.head.head.pos_ not in {"VERB", "AUX"} or any(r["event"] == "CONSULT" for r in rules):
        return False
    return not _names_its_doer(token, mentions)


def _names_its_doer(noun: Token, mentions: Mentions) -> bool:
    """Whether an act's noun names whose act it is.

    "Chad's raid", "the Chadian raid", "a raid by Chad's army" do; "by armed men" does not.
    """
    return bool(_agents(noun)) or any(
        child.dep_ in {"poss", "amod", "compound", "nmod"}
        and mentions.starting_in(child.idx, child.idx + len(child))
        for child in noun.children
    )


# Prepositions that name what a complaint answers: "protested over the raid", "outrage at the
# killings", "a protest against the arrests", "concern about the detentions".
_GRIEVANCE_PREPS = {"over", "against", "at", "about"}


def _grievance(noun: Token) -> bool:
    """Whether a noun names the act a complaint answers, which is not the complainer's.

    "Kenya protested over the seizure of a boat", "summoned the envoy to protest against the
    raid", "lodged a protest with Chad over the arrests": the seizure, raid and arrests are
    what Kenya complains of. Whose they are, the noun says ("the Chadian raid") or the text
    leaves open; the complainer's subject never is. So with a reprisal "over" an act:
    "recalled its ambassador over the shelling", "pulled out of the forum over the attacks".
    """
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in _GRIEVANCE_PREPS:
        return False
    governor = noun.head.head  # "protested over", "outrage at", "lodged … over" (a protest)
    if noun.head.lower_ == "over" and governor.pos_ == "VERB" and _reprisal(governor):
        return True
    objects = [c for c in governor.children if c.dep_ == "dobj"]
    near = [governor, *objects]
    near += [  # what the object is: "handed a protest note", "sent a letter of complaint"
        g
        for c in objects
        for g in (*c.children, *(g for p in c.children if p.lower_ == "of" for g in p.children))
        if g.dep_ in {"compound", "pobj"}
    ]
    return _complains(near)


# What a state does in answer to another's act: a reprisal "over" an act answers it.
_REPRISALS = {"SANCTION", "RETREAT", "REJECT", "ACCUSE"}


def _reprisal(verb: Token) -> bool:
    """Whether some row of the verb codes a reprisal ("recall", "expel", "pull out", "suspend")."""
    rows = _triggers().get((verb.lemma_.lower(), "VERB"), ())
    return any(row["event"] in _REPRISALS for row in rows)


def _demarche(verb: Token, rules: list[dict]) -> bool:
    """Whether receiving or meeting an envoy was the occasion of a complaint, not a consultation.

    "Received the Chadian ambassador and lodged a protest", "met the envoy and voiced concern
    over …": the meeting is how the protest was made, and the protest is the event.
    """
    if verb.pos_ != "VERB" or not any(r["event"] == "CONSULT" for r in rules):
        return False
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in _ENVOYS for c in verb.children):
        return False
    acts = [verb, *verb.conjuncts]
    near = [*acts, *(c for act in acts for c in act.children if c.dep_ == "dobj")]
    return _complains(t for t in near if t.i != verb.i)


def _complains(words: Iterable[Token]) -> bool:
    """Whether one of the words is a word of complaint ("protest", "concern", "summon")."""
    return any(t.lemma_.lower() in event_words()["grievances"] for t in words)


# What a side issues, sends or adopts: a relative clause on one says what its issuer does.
_DOCUMENTS = _listed("documents")
# Verbs of one side meeting another: "they" after one are both sides.
_ENCOUNTERS = _listed("encounters")
# Who represents a state abroad: meeting one is how a complaint to that state is delivered.
_ENVOYS = _listed("envoys")


def _purpose(token: Token) -> bool:
    """Whether a verb is an infinitive the parse reads as a purpose ("called on X … to free").

    Under a request or a refusal it is what is asked or refused, as its complement would be.
    """
    return token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


class _Localities:
    """The article's state names and, by state, its cities: read once, asked for each event."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.state_names: set[str] = set()
        self.cities: dict[tuple[str, ...], Counter[str]] = {}
        for m in mentions:
            if m.kind == "state" and m.reference == "name":
                self.state_names.add(m.text)
            if m.kind == "place" or m.reference == "seat":
                self.cities.setdefault(m.codes, Counter())[m.text] += 1


def _localise(event: Event, places: _Localities) -> Event:
    """Name a visit's city where the sentences give only the host state.

    "Paid an official visit to the Russian Federation" places the visit in a state; the
    article's own "during his stay in Moscow", or a dateline, names the city.
    """
    host = event.recipient[0] if event.mode == "visit" and len(event.recipient) == 1 else None
    coarse = event.place is not None and event.place in places.state_names
    if host is None or not coarse or event.place_code != host:
        return event
    cities = places.cities.get((host,))
    if not cities:
        return event
    city = cities.most_common(1)[0][0]
    return dataclasses.replace(event, place=city, place_code=host)


def _applies(token: Token, rule: dict) -> bool:
    plural = token.pos_ != "VERB" and token.tag_ in {"NNS", "NNPS"}
    if plural and not rule.get("plural") and not (rule["event"] == "CONSULT" and _one_each(token)):
        return False
    if rule.get("negated") and not any(c.dep_ == "neg" for c in token.children):
        return False  # "did not rule out strikes" threatens; "ruled out strikes" does not
    if rule.get("prep") and not any(
        (  # a particle the parse may label a predicate or an adverb ("was called in",
            # "brushed aside")
            (c.dep_ in {"prep", "prt", "advmod"} or c.tag_ == "RP")
            and c.lower_ == rule["prep"]
            and not _names_a_time(c)
        )
        or (
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ == rule["prep"] for m in c.children)
        )
        for c in token.children
    ):
        # "called on Tuesday" is no "call on"; "a call for Chile to leave" is a call for
        return False
    if rule.get("transitive") or rule.get("intransitive"):
        has_object = any(c.dep_ in {"dobj", "nsubjpass"} for c in token.children)
        if rule.get("transitive") and not has_object:
            return False  # "returned the paintings to …", not "returned to Moscow"
        if rule.get("intransitive") and has_object:
            return False  # "demonstrated outside the embassy", not "demonstrated resolve"
    if rule.get("complement_self") and not _own_or_any_act(token):
        return False  # "warned that it would close the border", not "that prices would rise"
    if rule.get("blame") and not _blamed(token):
        return False  # "said Uganda was behind the attack", not "said Uganda was ready"
    if rule.get("verdict") and not _condemned(token):
        return False  # "said Uganda's decision was illegal", not "said the talks were useful"
    if rule.get("journey") and token.dep_ == "relcl":
        return False  # "X, who flew to New York to present the draft, told …": background
    if rule.get("guest") and not _a_guest(token):
        return False  # "welcomed his counterpart" hosts; "welcomed the resumption of talks" not
    if rule.get("complement") and not any(c.dep_ == "ccomp" for c in token.children):
        return False  # "charged that Chile had armed the rebels", not "charged the battery"
    if rule.get("controls") and not _controls(token):
        return False  # "pressed Kenya to lift the ban", not "pressed ahead with the plan"
    wanted_acts = rule.get("infinitive")
    if wanted_acts and not any(
        _to_do(c, wanted_acts)
        for c in (*token.children, *(g for o in _objects_of(token) for g in o.children))
    ):
        return False  # "gave the envoy 48 hours to leave" expels; "gave the envoy a letter" not
    unwanted_acts = rule.get("not_infinitive")
    if unwanted_acts and any(_to_do(c, unwanted_acts) for c in token.children):
        return False  # "invited Peru to send observers" asks; "invited Peru to visit" not
    wanted_aux = rule.get("complement_aux")
    if wanted_aux and not any(
        c.dep_ == "ccomp"
        and any(a.dep_ == "aux" and a.lower_ in wanted_aux for a in c.children)
        and (
            rule["event"] == "THREATEN"
            or not any(a.dep_ == "nsubj" and a.lower_ in {"we", "i"} for a in c.children)
        )
        for c in token.children
    ):
        # "said that X must …" is a demand of X; "said that X had …" is not, nor "we must …";
        # but "warned that we will respond" threatens
        return False
    if rule.get("courtesy") and not _courtesy_call(token):
        return False  # "called on the minister to resign" asks; "called on the minister" visits
    if rule.get("complement_condition") and _said_threat(token) is None:
        return False  # "said it would attend if invited" is no threat
    consequences = rule.get("complement_object")
    if consequences and not any(
        c.lemma_.lower() in rule.get("complement_verb", ())
        and any(
            t.lemma_.lower() in consequences
            for g in _objects_of(c)
            for t in (g, *(a for a in g.children if a.dep_ == "amod"))
        )
        and not any(g.dep_ == "neg" for g in c.children)
        for c in token.children
        if c.dep_ == "ccomp"
    ):
        # "said X would face consequences" or "we will take retaliatory measures" warns X;
        # "said X would come", "… would not use force" or "… the sanctions would have
        # consequences" (a forecast) does not
        return False
    if (
        rule.get("speculation")
        and token.tag_ == "NN"
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    ):
        return False  # "dismissed talk of an economic war": hearsay; "a round of talks" is not
    reactions = rule.get("not_with")
    if reactions and any(
        g.lemma_.lower() in reactions
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ):
        return False  # "the plan was met with scepticism" answers the plan; no one met
    judged = rule.get("judgement")
    if judged and not _judgement(token) & set(judged):
        return False  # "called the move a provocation" censures it; "called the minister" not
    answers = rule.get("not_head")
    if answers and _answered(token, answers):
        return False  # "rejected the request", "responded to the appeal": made before
    wanted, unwanted = rule.get("object"), rule.get("not_object")
    if not (wanted or unwanted):
        return True
    if rule.get("direct"):
        # "met the demands" yields; "met protesters over their demands" is a meeting
        near = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    else:
        near = _near(token)
    words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near} | _hyphenated(near)
    if unwanted and words & set(unwanted):
        return False  # "released a statement" is not a release
    if wanted and rule["event"] in {"REJECT", "ACCUSE"} and _pronoun_judged_as(token):
        return True  # "dismissed it as window dressing": what was said or offered, judged
    return not wanted or bool(words & set(wanted))


def _to_do(clause: Token, verbs: list[str]) -> bool:
    """Whether a clause under a verb (or its object) is a "to" infinitive of one of ``verbs``.

    "Invited Peru to send observers", "gave the envoy 48 hours to leave". An entry of two
    words is the verb with a word under it: "go home" ("asked the envoy to go home").
    """
    return (
        clause.dep_ in {"xcomp", "advcl", "acl", "relcl"}
        and any(_does(clause, verb) for verb in verbs)
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
    )


def _does(clause: Token, verb: str) -> bool:
    """Whether a clause's verb is ``verb``, or, for "go home", that verb with that word under it."""
    lemma, _space, word = verb.partition(" ")
    if clause.lemma_.lower() != lemma:
        return False
    return not word or any(c.lower_ == word for c in clause.children)


def _pronoun_judged_as(verb: Token) -> bool:
    """Whether a verb's object is a pronoun it judges "as" something: "dismissed it as a ploy".

    The pronoun stands for what another side said or offered, which the row's object list
    would name if the text repeated it; the "as" of a judgement says the verb is not the
    other sense of the word ("dismissed them from their posts").
    """
    pronoun = any(c.dep_ == "dobj" and c.lower_ in _JUDGED_PRONOUNS for c in verb.children)
    return pronoun and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


# Pronouns that stand for something said or offered: "dismissed it as", "rejected this as".
_JUDGED_PRONOUNS = {"it", "this", "that", "them", "these", "those"}
_PERSONAL = {"him", "her", "them", "us", "me", "you"}


@cache
def _guests() -> frozenset[str]:
    """Nouns a verb of hosting receives: doers, attendees, guests and gatherings (doers.json)."""
    table = doers()
    return frozenset(table["agents"] + table["attendees"] + table["guests"] + table["gatherings"])


def _a_guest(verb: Token) -> bool:
    """Whether what a verb of hosting takes is someone: a name, a person, a body, a pronoun.

    "Welcomed Lukashenko", "welcomed his counterpart", "welcomed them" receive a visitor,
    "hosted the session" its participants; "welcomed the resumption of talks between Serbia
    and Kosovo" or "the ruling" approves of a thing, whoever the phrase under it names.
    """
    taken = _participle_patient(verb) + [
        c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
    ]
    return any(
        g.pos_ == "PROPN" or g.lower_ in _PERSONAL or g.lemma_.lower() in _guests()
        for c in taken
        for g in (_counted(c),)
    )


def _participle_patient(verb: Token) -> list[Token]:
    """The noun a passive participle hangs on, which undergoes what it says.

    "The minister, received by the president on Monday, …": the minister is received. The
    parse may tag such a participle as a past tense; its "by" phrase still marks it passive.
    """
    passive = verb.tag_ == "VBN" or any(c.dep_ == "agent" for c in verb.children)
    return [verb.head] if verb.dep_ == "acl" and passive else []


def _judgement(verb: Token) -> set[str]:
    """The words of what a verb calls its object: "called X a provocation", "described X as …".

    The verdict may stand as the verb's predicate, as a second object the tagger misreads, or
    in an "as" phrase on the verb or on its object.
    """
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    verdicts = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "attr"}] + objects[1:]
    verdicts += _small_clauses(verb)  # "branded [the decision illegal]"
    verdicts += [  # "described it as illegal", "… as unfair", which the parse may hang on "as"
        g
        for t in (verb, *objects)
        for p in t.children
        if p.dep_ == "prep" and p.lower_ == "as"
        for g in p.children
        if g.dep_ in {"pobj", "amod", "acomp"}
    ]
    verdicts += [  # "called the move unjustified", read as a clause on the object
        c for o in objects[:1] for c in o.children if c.dep_ in {"acl", "amod"} and c.i > o.i
    ]
    return {t.lemma_.lower() for v in verdicts for t in (v, *v.children)}


def _small_clauses(verb: Token) -> list[Token]:
    """A verdict the parse reads as a clause of its own: "branded [the decision illegal]"."""
    return [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in {"ADJ", "NOUN"}]


def _censured(verb: Token) -> list[Token]:
    """What a verb of censure judges: its object, or the subject of its small clause."""
    found = [c for c in verb.children if c.dep_ == "dobj"][:1]
    return found or [g for c in _small_clauses(verb) for g in c.children if g.dep_ == "nsubj"]


def _answered(noun: Token, verbs: list[str]) -> bool:
    """Whether a noun is what one of ``verbs`` acts on: "rejected the request", "replied to it".

    A particle the parse takes for a preposition counts as the verb's: "brushed off the
    criticism".
    """
    head = noun.head
    if noun.dep_ == "pobj" and (head.lower_ == "to" or head.tag_ == "RP"):
        head = head.head
    elif noun.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return head.lemma_.lower() in verbs


def _near(token: Token) -> list[Token]:
    """The words an object condition reads.

    The object and its words, the noun the trigger hangs on, the objects of its prepositions
    and of the clause it governs: "ordered the closure of the consulate" is about a consulate.
    """
    near = [c for c in token.children if c.dep_ not in _NOT_NEAR and not _complementiser(c)]
    if not (token.pos_ == "VERB" and token.head.pos_ == "VERB") and not _set_in(token):
        # the noun a word hangs on ("the ambassador, who was recalled"), but not the verb
        # governing a verb: "forced X to withdraw" is no withdrawal of forces
        near.append(token.head)
    if token.dep_ == "pobj":
        near.append(token.head.head)  # "a note of protest": the noun the phrase hangs on
    near += [  # a small clause: "ordered the consulate shut", "declared him persona non grata"
        g
        for c in token.children
        if c.dep_ in {"ccomp", "oprd"} and c.pos_ in {"NOUN", "ADJ", "VERB"}
        for g in (c, *c.children)
        if g is c or g.dep_ in {"nsubj", "dobj"}
    ]
    near += [g for c in token.children if c.dep_ == "prep" for g in c.children]
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    envoy = _envoy_undergoing(token) if token.pos_ == "VERB" else None
    if envoy is not None and envoy.dep_ == "nsubj":  # a headline's "Envoy summoned"
        objects.append(envoy)
        near.append(envoy)
    near += [g for c in objects for g in c.children]
    near += [  # what the object is of: "ordered the closure of the consulate"
        g for c in objects for p in c.children if p.lower_ == "of" for g in p.children
    ]
    near += [  # what an act the verb makes someone do is about: "forced X to pull its envoys out"
        g for c in token.children if c.dep_ == "xcomp" for g in c.children if g.dep_ == "dobj"
    ]
    return near


def _set_in(verb: Token) -> bool:
    """Whether a relative clause says where or when its act happened, not what it acted on.

    In "the capital, where X took over the chairmanship" or "the week when troops took over
    the port" the noun is the clause's place or time: "took over" the capital would be a
    seizure.
    """
    return verb.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in verb.children
    )


def _complementiser(word: Token) -> bool:
    """Whether "that" opens the clause, though the parse calls it an adverb of the verb.

    "said that Washington backed X": read as an object, "that" would be a pronoun ("backed
    that") and the support no support.
    """
    return word.lower_ == "that" and word.dep_ == "advmod" and word.i < word.head.i


def _hyphenated(tokens: list[Token]) -> set[str]:
    """Words the tokenizer split at a hyphen, whole again: "cease-fire", "sit-in"."""
    if not tokens:
        return set()
    doc = tokens[0].doc
    return {
        f"{doc[t.i - 2].lower_}-{t.lower_}"
        for t in tokens
        if t.i >= 2
        and doc[t.i - 1].text == "-"
        and not doc[t.i - 2].whitespace_
        and not doc[t.i - 1].whitespace_
    }


def _objects_of(verb: Token) -> list[Token]:
    """A verb's direct objects and the objects of its prepositions: "result in losses"."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    found += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return found


def _names_a_time(prep: Token) -> bool:
    """Whether a preposition's object is a date or time: "on Tuesday", "for two hours".

    Not a span of something: "for two days of talks" asks for the talks.
    """
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(
        g.ent_type_ in _TIMES and not any(c.lower_ == "of" for c in g.children) for g in objects
    )


# Children that say who acts and how the clause is built, not what the act is about: "it
# backs the plan" is not a "not_object" match on "it", nor "that" in "said that …".
_STOPS = {".", "!", "?", "…", ":", ";"}
_NOT_NEAR = {"nsubj", "mark", "aux", "neg", "punct"}

_PHRASE_DEPS = {
    "det",
    "amod",
    "compound",
    "nmod",
    "nummod",
    "poss",
    "case",
    "conj",
    "cc",
    "appos",
    "pobj",
}
_PHRASE_PREPS = {"of", "between", "from", "and"}


# Words that make "with" add partners to a doer: "Canada, together with Chile and Peru, …".
_COMPANY = _listed("company")


def _in_company(prep: Token) -> bool:
    """Whether a "with" phrase names more doers: "together with X", "along with X"."""
    if prep.lower_ in _COMPANY:
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in prep.children)
    return prep.lower_ == "with" and any(c.lower_ in _COMPANY for c in prep.children)


def _phrase(token: Token) -> list[Token]:
    """The noun phrase a participant is: the noun with its modifiers, "of …" and conjuncts.

    Not its whole subtree: "the parties, including observers from X" or a relative clause
    names other things than the participants.
    """
    found = {token.i}
    stack = [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in _PHRASE_DEPS or (
                child.dep_ == "prep" and (child.lower_ in _PHRASE_PREPS or _in_company(child))
            ):
                found.add(child.i)
                stack.append(child)
                found.update(g.i for g in child.children if g.lower_ in _COMPANY)
    # Keep the unbroken run around the noun (a comma may separate conjuncts): a misparse can
    # hang words from far away on the phrase.
    doc = token.doc
    lo = hi = token.i
    while lo - 1 in found or (lo - 2 in found and doc[lo - 1].is_punct):
        lo -= 1
    while hi + 1 in found or (hi + 2 in found and doc[hi + 1].is_punct):
        hi += 1
    return list(doc[lo : hi + 1])


# Acts a state's own agents do at home, coded with the state where the text puts them.
_DOMESTIC = {"COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}


# Dependents that open another clause, or the subject: not the words of a clause's own act.
_OTHER_CLAUSES = {"conj", "relcl", "advcl", "ccomp", "xcomp", "acl", "parataxis", "nsubj", "csubj"}


def _places_in(clause: Token) -> list[Token]:
    """The objects of "in" within a clause's own words: "banned rallies in Harare".

    Not in another clause joined to it ("… and referred the situation in Libya to …"), nor in
    its subject.
    """
    found: list[Token] = []
    stack = [c for c in clause.children if c.dep_ not in _OTHER_CLAUSES]
    while stack:
        token = stack.pop()
        if token.dep_ == "pobj" and token.head.lower_ == "in":
            found.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _OTHER_CLAUSES)
    return found


def _acted_where(
    place: tuple[str, str] | None, clause: Token, mentions: Mentions
) -> tuple[str, str] | None:
    """Where an act took place: the place its own phrases state, else any "in" of its clause."""
    return place or _place(_places_in(clause), mentions)


def _agents_only(subjects: list[Token]) -> bool:
    """Whether the doers are nouns for agents ("authorities", "police"), not names."""
    return bool(subjects) and all(_counted(t).lemma_.lower() in doers()["agents"] for t in subjects)


def _reacting_seats(verb: Token, mentions: Mentions) -> list[str]:
    """The states whose seats a reaction without a doer is placed in: "was welcomed in Kyiv".

    News tells a government's reaction by its capital: "the verdict was condemned in Ankara
    and Cairo", "the move was welcomed in Nairobi". A passive verb of stance with no agent,
    placed "in" capitals, is those governments' act; a city that is no seat says where, not who.
    """
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    if any(c.dep_ == "agent" for c in verb.children):
        return []
    codes: list[str] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            for word in (noun, *noun.conjuncts):
                codes += [
                    code
                    for m in mentions.inside_or_covering(word.idx, word.idx + len(word), word.idx)
                    if m.kind == "state" and m.reference == "seat"
                    for code in m.codes
                ]
    return list(dict.fromkeys(codes))


def _codes(tokens: Iterable[Token], mentions: Mentions, *, places: bool) -> list[str]:
    """Codes of the mentions inside the given tokens' noun phrases."""
    codes: list[str] = []
    for token in tokens:
        phrase = _phrase(token)
        lo = min(t.idx for t in phrase)
        hi = max(t.idx + len(t) for t in phrase)
        # or the mention holds the word itself: a misparse may cut "Sergey" off "Lavrov"
        found = list(mentions.inside_or_covering(lo, hi, token.idx))
        for before, mention in zip([None, *found], found, strict=False):
            if _in_office_of(mention, before, token.doc):
                continue  # "NATO Secretary General Mark Rutte": NATO's, not the Netherlands'
            if places or mention.kind != "place":
                codes.extend(mention.codes)
    return list(dict.fromkeys(codes))


def _in_office_of(person: Mention, before: Mention | None, doc: Doc) -> bool:
    """Whether a person is named right after the organisation whose office the text gives.

    "EU foreign policy chief Kaja Kallas", "NATO Secretary General Mark Rutte": the person
    acts for the organisation here, whatever state the knowledge base places them in; not in
    "ECOWAS and President Tinubu", two doers.
    """
    if person.kind != "person" or before is None or before.kind != "organisation":
        return False
    between = doc_text(doc)[before.end : person.start]
    joined = "," in between or " and " in f" {between} " or " with " in f" {between} "
    return not joined and any(c.startswith("IGO:") for c in before.codes)


def _counted(token: Token) -> Token:
    """The noun a count or group names: "tens of thousands of people" → people."""
    for _ in range(4):
        if token.lemma_.lower() not in doers()["counted"]:
            break
        inner = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if not inner:
            break
        token = inner[0]
    return token


def _located(subjects: list[Token], mentions: Mentions) -> list[str]:
    """The state of an agent placed by "in": "police in Lyon", "the authorities in Chad"."""
    codes: list[str] = []
    for token in map(_counted, subjects):
        if token.lemma_.lower() not in doers()["agents"]:
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                codes += _codes(prep.children, mentions, places=True)
    return list(dict.fromkeys(codes))


_LOOKBACK = 600  # tokens: an antecedent further back than a few paragraphs is not meant


def _antecedent(subjects: list[Token], mentions: Mentions) -> list[str]:
    """Whose "the ministry", "the Council" or "the summit" a bare noun doer is.

    A definite noun that names an agent again ("The ministry said …" after "India's foreign
    ministry") refers to the last phrase with the same noun that names its owner.
    """
    for token in subjects:
        head = _counted(token)
        if head.pos_ not in {"NOUN", "PROPN"} or not any(c.lower_ == "the" for c in head.children):
            continue
        lemma = head.lemma_.lower()
        if lemma not in doers()["agents"] and lemma not in doers()["gatherings"]:
            continue
        doc = head.doc
        found = (
            codes
            for i in range(head.i - 1, max(-1, head.i - _LOOKBACK), -1)
            if doc[i].lemma_.lower() == lemma
            and (codes := _codes([_titled(doc[i])], mentions, places=False))
        )
        if head.ent_type_ != "TITLE":
            codes = next(found, [])
        else:
            # "The President later received …" after "President X met the President of the
            # development bank": a bare title is a state's office-holder, not a body's
            every = list(found)
            codes = next((c for c in every if all(len(code) == 3 for code in c)), None)
            codes = codes or (every[0] if every else [])
        if codes:
            return codes
    return []


def _titled(title: Token) -> Token:
    """The name a title stands before ("President Joko Widodo"), else the title itself."""
    head = title.head
    return head if title.dep_ == "compound" and head.ent_type_ == "PERSON" else title


def _gathered(subjects: list[Token], mentions: Mentions) -> list[str]:
    """The organisation whose gathering "the participants" or "the leaders" attended.

    After "the extraordinary ECOWAS summit", "the leaders imposed sanctions" is the bloc
    acting, not the states most named in the article. Only a gathering that names an
    organisation counts; "the two leaders" is a pair, left to the collectives.
    """
    for token in subjects:
        head = _counted(token)
        if head.tag_ != "NNS" or head.lemma_.lower() not in doers()["attendees"]:
            continue
        if not any(c.lower_ == "the" for c in head.children) or any(
            c.dep_ == "nummod" for c in head.children
        ):
            continue
        doc = head.doc
        for i in range(head.i - 1, max(-1, head.i - _LOOKBACK), -1):
            if doc[i].lemma_.lower() in doers()["gatherings"] and not _still_ahead(doc[i]):
                codes = _codes([doc[i]], mentions, places=False)
                if codes and all(c.startswith("IGO:") for c in codes):
                    return codes
    return []


def _still_ahead(gathering: Token) -> bool:
    """Whether a gathering is one to come: "preparations for the G20 summit", "next summit".

    Its leaders are not the ones the text is about: "They discussed preparations for the G20
    summit. The leaders agreed …" are the two who spoke.
    """
    if any(c.lower_ in {"upcoming", "next", "forthcoming", "coming"} for c in gathering.children):
        return True
    head = gathering.head
    return (
        gathering.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.lemma_.lower() in {"preparation", "prepare", "plan", "agenda"}
    )


def _aimed_at(objects: list[Token], trigger: Token) -> list[Token]:
    """The objects a trigger itself takes, each not named by an owner.

    "Asked the Japanese authorities to open the market to Kenyan tea": the authorities (the
    object, or the subject of the clause asked for), not the tea further down, nor "Peru's
    neighbours", whose owner is someone else.
    """
    return [
        t
        for t in objects
        if not any(c.dep_ == "poss" for c in t.children)
        and (t.head.i == trigger.i or (t.head.dep_ == "prep" and t.head.head.i == trigger.i))
    ]


def _person_before(
    subjects: list[Token], mentions: Mentions, unlike: Sequence[str] = ()
) -> list[str]:
    """The state of "he" or "she": the person last named before, in the last few sentences.

    Within a paragraph a speaker is often named once ("President X said …") and then only
    quoted or called by a surname the knowledge base cannot place, so the search goes back
    up to three sentences; a new paragraph's "he" has no antecedent the search can trust. Of
    the persons that sentence names, its subject is the one a "he" goes on about: "X met Y on
    Monday. He asked …" is X asking, though Y was named last. Nor is "he" of the state his act
    is aimed at (``unlike``): "He urged the Chilean authorities …" is not the Chilean host.
    """
    for token in subjects:
        if token.lower_ not in {"he", "she"}:
            continue
        start = _paragraph_back(token.sent, _PRONOUN_REACH)
        named = [m for m in mentions.starting_in(start, token.idx) if m.kind == "person" and m.code]
        named = [m for m in named if m.code not in unlike] or named
        if named:
            last = max(named, key=lambda m: m.start)
            person = _subject_person(token.doc, last, named)
            if person is None:
                # "During talks with Chancellor Scholz, the President thanked …. He urged …":
                # the subject a bare title names again, not the person named beside it
                titled = _antecedent(_root_subjects(token.doc, last), mentions)
                if titled and not set(titled) & set(unlike):
                    return titled
            return [(person or last).code or ""]
    return []


def _travellers(subjects: list[Token], mentions: Mentions) -> bool:
    """Whether who travelled is someone who pays visits: a person, an official, a delegation.

    A named person or office ("the Egyptian foreign minister"), "he", "she", "I" or "we", or
    an attendee ("the delegation"); not troops, a plane or a convoy, whose arrival is no visit.
    """
    for subject in subjects:
        if subject.lower_ in {"he", "she", "i", "we"}:
            return True
        phrase = _phrase(subject)
        lo, hi = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        if any(m.kind in {"person", "office"} for m in mentions.inside(lo, hi)):
            return True
        if subject.lemma_.lower() in doers()["attendees"]:
            return True
    return False


def _the_several(objects: list[Token], mentions: Mentions, actor: list[str]) -> list[str]:
    """Who "them", "both" or "the two governments" are: the parties last named together.

    "Welcomed the deal between Kenya and Somalia and urged them to …", "criticised Peru and
    Bolivia over the dam. It asked them to …": the words name several and no one in
    particular, and the last phrase joining names with "and" (in this sentence or the one
    before) says who.
    """
    for token in objects:
        counted = {c.lower_ for c in token.children if c.dep_ in {"det", "nummod", "predet"}}
        if token.lower_ not in {"them", "both"} and not counted & {"both", "two"}:
            continue
        doc = token.doc
        start = token.sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        for i in range(token.i - 1, start - 1, -1):
            joined = doc[i]
            if joined.dep_ != "conj" or joined.head.i > joined.i:
                continue
            codes = [c for c in _codes([joined.head], mentions, places=False) if c not in actor]
            if len(codes) > 1:
                return codes
    return []


def _paired_pronouns(subjects: list[Token]) -> list[Token]:
    """A "he" or "she" joined by "and" to another doer: "He and his Estonian counterpart …".

    The other doer is named and gives its code, so the chain that codes the subjects stops
    there; the pronoun's person (:func:`_person_before`) is the second doer.
    """
    found = []
    for subject in subjects:
        joined = [c for c in subject.children if c.dep_ == "conj"]
        if not joined:
            continue
        found += [t for t in (subject, *joined) if t.lower_ in {"he", "she"}]
    return found


def _root_subjects(doc: Doc, mention: Mention) -> list[Token]:
    """The subjects of the main clause of the sentence naming ``mention``."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return []
    return [c for c in span.sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _subject_person(doc: Doc, last: Mention, named: list[Mention]) -> Mention | None:
    """The person named as the subject of the main clause of the sentence naming ``last``."""
    for subject in _root_subjects(doc, last):
        lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
        inside = [m for m in named if lo <= m.start and m.end <= hi]
        if inside:
            return inside[-1]
    return None


def _subjects_before(sent: SpacySpan) -> tuple[Token, list[Token]]:
    """The main verb of the sentence before and its subjects: whom "they" or "it" continue."""
    root = sent.doc[sent.start - 1].sent.root
    return root, [c for c in root.children if c.dep_ in _SUBJECTS]


def _they_before(subjects: list[Token], mentions: Mentions) -> list[str]:
    """Who "they" are: the several doers the last sentence's main clause named.

    "Chile and Peru warned … They also denounced …": a plural pronoun continues the subject
    of the sentence before, as "he" continues a person; where that subject names one state,
    "they" are more likely its people or officials, so it is not taken, unless that clause
    had it meet another: after "Chile's minister met her Peruvian counterpart", "they" are
    both.
    """
    for token in subjects:
        sent = token.sent
        if token.lower_ != "they" or sent.start == 0:
            continue
        root, named = _subjects_before(sent)
        if root.lemma_.lower() in _ENCOUNTERS:
            named += [
                g
                for c in root.children
                for g in ([c] if c.dep_ == "dobj" else c.children if c.lower_ == "with" else [])
                if g.dep_ in {"dobj", "pobj"}
            ]
        codes = _codes(named, mentions, places=False)
        if len(codes) > 1:  # "they" are several: one state named before is someone else
            return codes
    return []


def _named_before(objects: list[Token], mentions: Mentions) -> list[str]:
    """Whose "the convoy" is: the state the text gave the same noun when it first said it.

    "A Russian aid convoy crossed the border. … The EU condemned the convoy's entry": the
    entry is the convoy's, and "the convoy" is the Russian one named before. The object, or
    the possessor of the object, is read back to the last phrase with its noun that names
    an owner (a few paragraphs at most).
    """
    for token in objects:
        owners = [c for c in token.children if c.dep_ == "poss"]
        for noun in (*owners, token):
            if noun.pos_ != "NOUN" or not any(c.lower_ == "the" for c in noun.children):
                continue
            lemma = noun.lemma_.lower()
            doc = noun.doc
            for i in range(noun.i - 1, max(-1, noun.i - _LOOKBACK), -1):
                if doc[i].lemma_.lower() == lemma and doc[i].pos_ == "NOUN":
                    codes = _codes([doc[i]], mentions, places=False)
                    if codes:
                        return codes
    return []


# Nouns by which news names an organisation again without naming it: "the bloc said …".
_BODIES = _listed("bodies")


def _the_body(nouns: list[Token], mentions: Mentions) -> list[str]:
    """Which organisation "the bloc" or "the alliance" is: the one the text last named.

    "ECOWAS imposed sanctions on Niger. The bloc also threatened …", "… warned the bloc": the
    noun names no one itself and no earlier phrase with it says whose it is, but an
    organisation named just before is meant (within a few paragraphs).
    """
    for token in nouns:
        if token.lemma_.lower() not in _BODIES or not any(
            c.lower_ == "the" for c in token.children
        ):
            continue
        lo = token.doc[max(0, token.i - _LOOKBACK)].idx
        named = [
            m
            for m in mentions.starting_in(lo, token.idx)
            if m.kind != "place" and m.codes and all(c.startswith("IGO:") for c in m.codes)
        ]
        if named:
            return list(named[-1].codes)
    return []


# Offices a release names without saying whose: "the Spokesperson", "the Ministry", and with a
# capital, "the Government".
_OWN_OFFICES = _listed("own_offices")
_OWN_CAPITALISED = _listed("own_capitalised")


def _the_office(subjects: list[Token], mentions: Mentions) -> list[str]:
    """Whose "the Spokesperson" or "the Ministry" is: the state last named as a doer.

    A ministry's release says "The Government of Pakistan today released … the Spokesperson
    rejected …": the office is the issuing state's, the one whose acts the text has been
    telling. An organisation's or a person's with no single state does not place it.
    """
    for token in subjects:
        lemma = token.lemma_.lower()
        own = lemma in _OWN_OFFICES or (lemma in _OWN_CAPITALISED and token.text[:1].isupper())
        if not own or not any(c.lower_ == "the" for c in token.children):
            continue
        if any(c.dep_ in {"poss", "compound", "amod", "prep"} for c in token.children):
            continue  # "the foreign ministry of Peru", "the Kenyan minister": said whose
        for word in reversed(token.doc[max(0, token.i - _LOOKBACK) : token.i]):
            if word.dep_ != "nsubj" or word.pos_ == "PRON" or word.head.pos_ not in {"VERB", "AUX"}:
                continue  # a doer, not "holds the Indian authorities responsible"
            codes = _codes([word], mentions, places=False)
            if codes:
                return codes if len(codes) == 1 and not codes[0].startswith("IGO:") else []
    return []


# Nouns for the members of a regional body: "West African leaders", "Southeast Asian ministers".
_MEMBERS = _listed("members")


def _regional(subjects: list[Token], mentions: Mentions) -> list[str]:
    """The body whose members a regional phrase names: "West African leaders" are ECOWAS's.

    The words before the noun must all stand in the full name of an organisation the
    article names (ASEAN's holds "Southeast Asian"); "European leaders" with no such body
    named, or words no body's name holds, stay unread.
    """
    for token in subjects:
        if token.lemma_.lower() not in _MEMBERS:
            continue
        words = {
            t.lower_
            for t in token.doc[token.left_edge.i : token.i]
            if t.is_alpha and t.pos_ in {"ADJ", "PROPN"} and t.text[0].isupper()
        }
        if len(words) < 2:
            continue  # "African leaders", "Gulf states": too broad to name one body
        bodies = {
            m.codes[0]
            for m in mentions
            if m.kind == "organisation"
            and len(m.codes) == 1
            and m.codes[0].startswith("IGO:")
            and words <= set((m.name or "").lower().split())
        }
        if len(bodies) == 1:
            return list(bodies)
    return []


def _speaking(subjects: list[Token], voices: Sequence[tuple[int, int, str]]) -> list[str]:
    """The state of "we" or "I" inside a quotation: its speaker's, however far the credit is.

    '"We condemn the attacks. The war must end," Sikorski said': the first sentence is not
    the one the parse hangs on "said", but the quotation is his.
    """
    for token in subjects:
        if token.lower_ in {"we", "i"}:
            found = [code for lo, hi, code in voices if lo <= token.idx < hi]
            if found:
                return found[:1]
    return []


def _it_before(subjects: list[Token], mentions: Mentions) -> list[str]:
    """What "it" is: the one state or body the sentence before, or the clause it joins, names.

    "Sudan met Chad on Friday. It accused Ethiopia …", "ECOWAS met in Abuja. It also
    demanded …": as "they" continues several doers, "it" continues one; a subject naming
    several, or none the knowledge base places, leaves "it" unread.
    """
    for token in subjects:
        sent = token.sent
        if token.lower_ != "it":
            continue
        verb = token.head
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            # "Lithuania recalled its envoy, and last year it closed two crossings"
            named = [c for c in verb.head.children if c.dep_ in _SUBJECTS]
        elif token.i == sent.start and sent.start > 0:
            _root, named = _subjects_before(sent)
        else:
            continue
        codes = _codes(named, mentions, places=False)
        if len(codes) == 1:
            return codes
    return []


def _regime_before(subjects: list[Token], mentions: Mentions, aimed: list[str]) -> list[str]:
    """Whose "the junta" or "the interim government" is: the last sentence's one state subject.

    "Fiji expelled the envoy. The interim government accused Canberra …": a government of a
    kind only one state of the story has is that state's, as "it" would be. Only when the act
    names whom it is aimed at, and that is someone else: after "France suspended its aid to
    Mali", "the junta accused Paris" is Mali's junta, which the sentence before does not have
    as its subject; "the regime condemned the move" says too little to tell. A plain "the
    government" is not read so at all: a report on two states names either one's.
    """
    if not aimed:
        return []
    for token in subjects:
        head = _counted(token)
        sent = head.sent
        marked = head.lemma_.lower() in _REGIMES or (
            head.lemma_.lower() in _RULERS
            and any(c.dep_ == "amod" and c.lower_ in _INTERIM for c in head.children)
        )
        if not marked or any(c.dep_ == "poss" for c in head.children) or sent.start == 0:
            continue
        _root, named = _subjects_before(sent)
        codes = [c for c in _codes(named, mentions, places=False) if not c.startswith("IGO:")]
        if len(codes) == 1 and codes[0] not in aimed:
            return codes
    return []


def _quoting(subjects: list[Token], mentions: Mentions) -> list[str]:
    """The state of "we" or "I" in quoted words: that of whoever is said to speak them.

    '"We ask Chile to stop," the minister said': the first person is the speaker, found as
    the doer of the verb of saying that the quoted clause hangs on.
    """
    for token in subjects:
        if token.lower_ not in {"we", "i"}:
            continue
        clause = token.head
        while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
            clause = clause.head
        said = clause.head
        saying = set(speech()["speech_verbs"]) | _PROMISING
        if clause.dep_ != "ccomp" or said.lemma_.lower() not in saying:
            continue
        speakers = _doers(said)
        codes = _codes(speakers, mentions, places=False) or _person_before(speakers, mentions)
        if codes:
            return codes
    return []


_PRONOUN_REACH = 3  # sentences before the pronoun's own that "he" or "she" may point back to


def _paragraph_back(sent: SpacySpan, count: int) -> int:
    """Where the text ``count`` sentences before ``sent`` starts, not before its paragraph."""
    doc = sent.doc
    for _ in range(count):
        if sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws:
            break
        sent = doc[sent.start - 1].sent
    return sent.start_char


_BACK_POSSESSIVES = {"its", "their"}
# What a person's "his" or "her" makes their state's: "the minister said his government …".
_PERSONAL_POSSESSIVES = {"his", "her"}
_STATE_NOUNS = _listed("state_nouns")
# Governments only one state of a story has: "the junta", "the interim government".
_REGIMES = _listed("regimes")
_INTERIM = _listed("interim")
_RULERS = _STATE_NOUNS | {"authority", "ruler", "leadership"}  # "the transitional authorities"
_BACK_DETERMINERS = {"the", "this", "these", "that", "those", "its", "their"}


def _owner(subjects: list[Token], mentions: Mentions) -> list[str]:
    """Whose "its commission" or "their parliaments" a doer is: the last subject named before.

    "Iran rejected the plan. Its parliament voted …": the owner is the state or body that was
    the subject of this or the last sentence, the one "its" or "their" points back to. A
    person's "his government" or "her country" is the state of the person named before.
    """
    for token in subjects:
        head = _counted(token)
        owners = _BACK_POSSESSIVES
        if head.lemma_.lower() in _STATE_NOUNS:
            owners = owners | _PERSONAL_POSSESSIVES
        if not any(c.dep_ == "poss" and c.lower_ in owners for c in head.children):
            continue
        sent = head.sent
        start = sent.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for i in range(head.i - 1, start - 1, -1):
            word = head.doc[i]
            if word.dep_ not in _SUBJECTS or word.pos_ == "PRON":
                continue
            codes = _codes([word], mentions, places=False)  # a state or body, not a place
            if codes:
                return codes
    return []


def _refers_back(token: Token) -> bool:
    """Whether a doer is written as someone named before: "the soldiers", "its commission".

    Such a phrase names no new doer; where it cannot be resolved to whom it points back to,
    keeping it as written would store a record no one can place.
    """
    head = _counted(token)
    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(c.dep_ in {"det", "poss"} and c.lower_ in _BACK_DETERMINERS for c in head.children)


def _people(tokens: Iterable[Token], mentions: Mentions) -> list[str]:
    names = []
    for token in tokens:
        lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        names += [m.name for m in mentions.starting_in(lo, hi) if m.kind == "person" and m.name]
    return list(dict.fromkeys(names))


_THIRD_PERSON = {"he", "she", "it", "they"}
_RELATIVE = {"who", "which", "that"}


def _thanked(noun: Token) -> list[Token]:
    """Whom the text thanks for the act a noun names: "thanked X for", "gratitude to X for"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    owner = noun.head.head
    if owner.lemma_.lower() not in event_words()["thanks"]:
        return []
    if owner.pos_ == "VERB":
        return [c for c in owner.children if c.dep_ == "dobj"]
    return [g for c in owner.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]


def _invited_to(objects: list[Token]) -> list[Token]:
    """Where an accepted invitation asks the guest to go: Riga in "an invitation to visit Riga".

    The host who invited is that place's state.
    """
    return [
        g
        for noun in objects
        if noun.lemma_.lower() == "invitation"
        for clause in noun.children
        if clause.dep_ == "acl"
        for w in (clause, *(c for c in clause.children if c.dep_ == "prep"))
        for g in w.children
        if g.dep_ in {"dobj", "pobj"}
    ]


def _detainers(held: list[Token]) -> list[Token]:
    """Who the phrase says holds the people in it: "fishermen detained by Fiji's navy"."""
    detaining = set(event_words()["detentions"])
    return [
        g
        for person in held
        for clause in person.children
        if clause.dep_ in {"acl", "relcl"} and clause.lemma_.lower() in detaining
        for c in clause.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _allegation_before(objects: list[Token], mentions: Mentions) -> bool:
    """Whether a refusal's object points back to an accusation: "that claim", "the charges".

    Only where the phrase names no one of its own ("Russia's claim" is Russia's).
    """
    allegations = set(event_words()["allegations"])
    for token in objects:
        if token.lemma_.lower() not in allegations or not _refers_back(token):
            continue
        lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        if not any(m.code for m in mentions.inside(lo, hi)):
            return True
    return False


def _addressed(subject: Token) -> Token:
    """The subject a question names after addressing someone: "Minister Eide, Moscow accused …".

    A person or title opening the sentence ("Minister, …"), set off by a comma from a place's
    name that the parse hangs on them as an apposition, is whom the question is put to; the
    place does the act. No person is a city or a state, so true appositions are not such.
    """
    if subject.ent_type_ not in {"PERSON", "TITLE"} or subject.sent.start != subject.left_edge.i:
        return subject
    place = next((c for c in subject.children if c.dep_ == "appos"), None)
    if place is None or place.ent_type_ != "GPE" or len(list(place.subtree)) > 2:
        return subject
    comma = subject.doc[place.i - 1]
    return place if comma.text == "," and comma.head == subject else subject


def _doers(verb: Token, depth: int = 0) -> list[Token]:
    """Who does what ``verb`` says: its subject, or the agent of a passive.

    Where the clause has none of its own, the doer is found through the parse: "we plan to
    sign", "met and discussed", "sent a letter warning …" take the governing verb's subject;
    a relative clause ("X, which expelled …") takes the noun it hangs on; a third-person
    pronoun in reported speech ("X said it would …") is the speaker.
    """
    subjects = [
        _addressed(s)
        for c in verb.children
        if c.dep_ == "nsubj"
        for s in ([c] if not _in_dateline(c) else _after_dateline(c))
    ]
    subjects += _listed_before(verb, subjects)
    if subjects:
        # "Kenya, along with Uganda and Tanzania, condemned …": the parse may hang the
        # partners on the verb
        subjects += [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.i < verb.i and _in_company(c)
            for w in (c, *c.children)
            if w.lower_ == "with"
            for g in w.children
            if g.dep_ == "pobj"
        ]
    subjects += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    if depth > 3:
        return subjects
    if not subjects and _shared_passive(verb):
        return []  # "which are poor and cut off from aid": the subject is the patient
    if not subjects and verb.dep_ in {"xcomp", "conj", "advcl", "acomp"} and verb.head.i != verb.i:
        shared = _doers(verb.head, depth + 1)
        head = verb.head
        if not shared and verb.dep_ == "xcomp":
            # "the president is expected to visit …", "was asked to leave": the passive's
            # subject does what the infinitive says
            shared = [c for c in head.children if c.dep_ == "nsubjpass"]
        if _misjoined_to_said(verb) or outside_modal_clause(verb):
            return _doers(head.head, depth + 1) or shared
        return shared
    if (
        not subjects
        and verb.dep_ == "pcomp"
        and verb.head.dep_ == "prep"
        and verb.head.lower_ in _GERUND_PREPS
        and verb.head.head.pos_ in {"VERB", "AUX"}
    ):
        # "responded by expelling …", "after meeting Ruto, Macron said …": the clause's doer
        return _doers(verb.head.head, depth + 1)
    if not subjects and _misread_relative(verb):
        return [verb.head]
    if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBG":
        carrier = _holder(verb.head)
        if carrier is not None:
            return _doers(carrier, depth + 1)  # "issued a statement urging …"
    if (
        not subjects
        and verb.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        # "Washington's decision to lift its sanctions", "Kenya's bid to join": whose the
        # decision is does what it decides; "took the opportunity to thank": who took it
        occasion = verb.head
        if occasion.dep_ == "dobj" and _means_used(occasion.head):
            return _doers(occasion.head, depth + 1)
        return [c for c in occasion.children if c.dep_ == "poss"] + _agents(occasion)
    if verb.dep_ == "relcl" and subjects and all(t.lower_ in _RELATIVE for t in subjects):
        holder = _holder(verb.head) if verb.head.lemma_.lower() in _DOCUMENTS else None
        if holder is not None:
            return _doers(holder, depth + 1)  # "sent a note that asked X …": its sender asks
        return [verb.head]
    if subjects and all(t.lower_ in _THIRD_PERSON for t in subjects):
        clause = verb
        while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
            clause = clause.head
        said = clause.head
        if clause.dep_ == "ccomp" and said.lemma_.lower() in speech()["speech_verbs"]:
            return _doers(said, depth + 1) or subjects
    return subjects


def _misjoined_to_said(verb: Token) -> bool:
    """Whether the parse joins a verb to a said clause about a topic, not to the saying.

    "Xi said the Taiwan question was a red line, and criticised …": a topic does not
    criticise, the speaker does, in a second clause of the main sentence. So too after a said
    clause that only describes a thing no one is named in ("said education policy was an
    internal matter and rejected …", "said the quota was unfair and condemned …").
    """
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or head.dep_ != "ccomp":
        return False
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    subjects = _doers(head, 4)  # the said clause's own subjects (past the depth limit)
    if _topics_only(subjects):
        return True
    described = head.lemma_ == "be" and bool(subjects)
    return described and all(
        t.pos_ == "NOUN" and not any(w.ent_type_ or w.pos_ == "PROPN" for w in t.subtree)
        for t in subjects
    )


def _topics_only(subjects: list[Token]) -> bool:
    """Whether every subject names what is talked about ("the Taiwan question"), no doer."""
    return bool(subjects) and all(t.lemma_.lower() in doers()["topics"] for t in subjects)


def _misread_relative(verb: Token) -> bool:
    """Whether a verb the parse hangs on a subject as its relative is that subject's act.

    "The bloc's meeting denounced in harsh words the shelling, urged …, and said …": the
    small parser reads "denounced" and "urged" as clauses describing "the meeting". A reduced
    relative is passive ("the envoy appointed in May") and takes no object, and never the
    simple past; one with an object, or a finite past, is the subject's own verb.
    """
    if verb.dep_ != "acl" or verb.head.dep_ not in {"nsubj", "ROOT"} or verb.i < verb.head.i:
        return False
    return verb.tag_ == "VBD" or any(c.dep_ == "dobj" for c in verb.children)


# Prepositions whose gerund shares the doer of the clause it hangs on.
_GERUND_PREPS = {"by", "after", "before", "while", "upon", "since"}


def _in_dateline(token: Token) -> bool:
    """Whether a word belongs to a dateline: "LIMA (Reuters) -- …", "QUITO, May 2 (EFE) - …".

    The city and the agency before the dash open the report; the parse may take them for the
    first verb's subject, and an agency would then act for its home state.
    """
    return token.idx < dateline_end(token.sent)


def _after_dateline(token: Token) -> list[Token]:
    """The real subject the parse hangs on a dateline: "LIMA -- A Peruvian court ruled …".

    As an apposition or, as often, a conjunct of the dateline's city.
    """
    return [
        t
        for t in token.subtree
        if t.dep_ in {"appos", "conj"} and _in_dateline(t.head) and not _in_dateline(t)
    ]


def _listed_before(verb: Token, subjects: list[Token]) -> list[Token]:
    """The first of two doers a headline lists with a comma: "Chile, Peru sign trade pact".

    The parse hangs the name before the comma on the verb as an adverb, leaving only the
    second as the subject; in a headline (a line without a stop) both act.
    """
    if not subjects or not _bare_line(verb.sent):
        return []
    first = min(subjects, key=lambda t: t.left_edge.i).left_edge
    doc = verb.doc
    return [
        c
        for c in verb.children
        if c.dep_ in {"npadvmod", "intj", "dep"}
        and c.pos_ == "PROPN"
        and c.right_edge.i == first.i - 2
        and doc[first.i - 1].text == ","
        and c.left_edge.i == verb.sent.start
    ]


def _holder(noun: Token) -> Token | None:
    """The verb whose object a noun is, directly or in a phrase: "sent a letter", "in a note"."""
    if noun.dep_ in {"dobj", "dative"} and noun.head.pos_ == "VERB":
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "VERB":
        return prep.head
    return None


def _shared_passive(verb: Token) -> bool:
    """Whether a participle joined to a "be" or a passive, or to a clause it opens, is passive.

    In "were arrested and expelled" or "which are landlocked and barred from the bloc" the
    second participle shares the first verb's subject, which undergoes the act: it is no doer.
    So does the subject of a clause a participle opens: "When asked about the dam, the
    spokesman said …", "Invited to comment, the minister declined".
    """
    head = verb.head
    if verb.dep_ not in {"conj", "advcl"} or verb.tag_ != "VBN" or head.i == verb.i:
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False  # "… and has expelled": a verb with an auxiliary of its own
    if verb.dep_ == "advcl":
        return not any(c.dep_ == "dobj" for c in verb.children)
    if head.dep_ == "acomp":  # "which are small and cut off": joined to the adjective
        head = head.head
    return head.lemma_ == "be" or any(c.dep_ == "auxpass" for c in head.children)


def _envoy_undergoing(verb: Token) -> Token | None:
    """The envoy a verb acts on: its passive subject, or a headline's bare subject.

    "The ambassador was summoned"; "Kenyan Ambassador summoned over arrest of fishermen", a
    headline the parse reads as if the envoy summoned (a participle without auxiliary or
    object, its subject an envoy, on a line of its own without a stop).
    """
    subject = None
    for child in verb.children:
        if child.dep_ in {"nsubjpass", "nsubj"} and child.lemma_.lower() in _ENVOYS:
            if child.dep_ == "nsubjpass":
                return child
            subject = child
    if subject is None or verb.tag_ not in {"VBD", "VBN"}:
        return None
    if any(c.dep_ in {"dobj", "aux", "auxpass"} for c in verb.children):
        return None
    return subject if _bare_line(verb.sent) else None


def _host(verb: Token, envoy: Token) -> list[Token]:
    """Who acted on an envoy that a passive names without saying by whom: the host state.

    "The Chinese ambassador to Australia was summoned", "the British envoy in Harare was called
    in", "was summoned to the Zimbabwean foreign ministry", "… to the ministry in Tallinn": an
    envoy is summoned or expelled by the government they serve with, which the envoy's own
    "to" or "in" phrase or the ministry they were called to names; failing those, a state
    that reports it ("Iran said Austria's envoy had been summoned") did it. ``envoy`` is the
    verb's envoy, as :func:`_envoy_undergoing` finds it.
    """
    ministries = [
        g
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for g in p.children
        if g.dep_ == "pobj" and g.lemma_.lower() == "ministry"
    ]
    named = [
        c for m in ministries for c in m.children if c.dep_ in {"amod", "compound"} and c.ent_type_
    ]
    hosts = named + [
        g
        for t in (envoy, *ministries)
        for p in t.children
        if p.dep_ == "prep" and p.lower_ in ({"to", "in"} if t is envoy else {"in"})
        for g in p.children
        if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "NORP"}
    ]
    said = verb.head
    if not hosts and verb.dep_ == "ccomp" and said.lemma_.lower() in speech()["speech_verbs"]:
        return _doers(said)  # "Iran said Austria's envoy had been summoned": Iran did
    return hosts


# Acts a government reports having done in the passive, without saying by whom: "sanctions
# were imposed on …", "a protest note was delivered to …", "aid was sent to …, the ministry said";
# of the coercive acts only sanctions (COERCE in the restrict mode), not arrests or seizures.
_OWN_ACTS = {"SANCTION", "ACCUSE", "PROTEST", "REQUEST", "AID", ("COERCE", "restrict")}


def _own_act(rule: dict) -> bool:
    """Whether the rule codes an act a reporter of an agentless passive did (``_OWN_ACTS``)."""
    return rule["event"] in _OWN_ACTS or (rule["event"], rule.get("mode")) in _OWN_ACTS


def _reporters(verb: Token) -> list[Token]:
    """Who reports an agentless passive: the doer of the acts it reports of itself.

    "Sanctions were imposed on three banks, the Foreign Office said", "according to the
    Japanese embassy, aid was sent to Malawi": a ministry that announces a measure without
    naming who took it took it. An active verb, or a passive with its own "by" phrase, names its
    doer and has no reporter here.
    """
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    if not passive or any(c.dep_ == "agent" for c in verb.children):
        return []
    said = verb.head
    if verb.dep_ == "ccomp" and said.lemma_.lower() in speech()["speech_verbs"]:
        return _doers(said)
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "according"
        for to in c.children
        if to.lower_ == "to"
        for g in to.children
        if g.dep_ == "pobj"
    ]


def _agents(token: Token) -> list[Token]:
    """Who a "by" phrase says did the act, when it names someone.

    "Attacks by Chad's army", "the expulsion of the envoy by Peru", a passive's "was announced
    by Moldova"; not "by Friday", "by phone" or "by armed men", which name no one the text can
    code.
    """
    return [
        g
        for c in token.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
        for g in c.children
        if g.dep_ == "pobj" and any(t.ent_type_ and t.ent_type_ not in _TIMES for t in g.subtree)
    ]


def _roles(token: Token, rule: dict) -> tuple[list[Token], list[Token], list[Token], Token]:
    """Subject side, object side and place phrases of a trigger, and the clause's verb."""
    clause = token
    subjects: list[Token] = []
    objects: list[Token] = []
    if token.pos_ in {"VERB", "AUX"}:
        envoy = _envoy_undergoing(token)
        if envoy is not None and envoy.dep_ == "nsubj":  # a headline's "Envoy summoned"
            return _host(token, envoy), [envoy], [], clause
        subjects = _doers(token) or (_host(token, envoy) if envoy is not None else [])
        if not subjects and rule["event"] == "MOBILIZE":
            # "Thai army units were placed on high alert": forces made ready are their state's
            subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        if not subjects and _own_act(rule):
            subjects = _reporters(token)
        objects = _targets(token, rule, wide=rule["event"] != "CONSULT")
    else:
        # "talks between X and Y", "a meeting of X and Y": both sides; but in "the arrest of
        # X" or "Russia's invasion of Ukraine" the "of" phrase is the target
        # the other side of a directed act is its target: "a protest with X", "a deal with Y"
        consult = rule["event"] == "CONSULT"
        sides = _PARTICIPANT_PREPS if consult else {"between", "among"}
        own = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in sides
            for g in c.children
            if g.dep_ == "pobj"
        ]
        own += [c for c in token.children if c.dep_ == "poss"]
        if consult:  # "the SADC summit", "a G20 meeting": whose gathering it is
            own += [c for c in token.children if c.dep_ in {"compound", "amod"}]
        patients = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of" and rule["event"] != "CONSULT"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        objects = patients + [
            g
            for c in token.children
            if c.dep_ == "prep"
            and (
                c.lower_ in {"to", "against", "on"}
                or (c.lower_ == "with" and not consult)
                or (c.lower_ == "for" and rule["event"] == "AID")
            )
            for g in c.children
            if g.dep_ == "pobj"
        ]  # "a visit to X", "sanctions against X", "an attack on X", "a protest with X",
        # "military support for X"
        head = token.head
        carrier = _carrier(token)
        possessor = rule["event"] != "CONSULT" and any(c.dep_ == "poss" for c in token.children)
        agents = [] if rule["event"] == "CONSULT" else _agents(token)
        if not agents and rule["event"] in _FORCE and token.pos_ == "NOUN":
            # "protested the Venezuelan incursion": whose forces made it
            agents = [c for c in token.children if c.dep_ == "amod" and c.ent_type_ == "NORP"]
        thanked = _thanked(token)
        defended = (
            token.dep_ == "dobj"
            and head.lemma_.lower() in event_words()["defences"]
            and rule["event"] in _HOSTILE
        ) or (
            # "the village came under attack", "was under fire": its subject was attacked
            token.dep_ == "pobj"
            and head.lower_ == "under"
            and head.head.lemma_.lower() in {"come", "be", "remain"}
            and rule["event"] in _HOSTILE
        )
        if thanked:
            # "thanked Japan for the support", "gratitude to Peru for the aid": Japan and Peru
            # gave it, to whoever thanks them
            subjects = thanked
            objects = _doers(token.head.head) if token.head.head.pos_ == "VERB" else []
            if not objects and token.head.head.dep_ == "dobj":
                objects = _doers(token.head.head.head)
        elif possessor:
            subjects = own  # "condemned Russia's invasion": Russia invaded, not the critic
        elif defended:
            # "repelled a drone attack", "foiled a Russian attack": made on the one who
            # repelled it, by whoever the attack's own words name
            clause = head if token.dep_ == "dobj" else head.head
            subjects = agents
            objects = _doers(clause) + objects
        elif agents:
            subjects = agents  # "condemned attacks by Chad's army": Chad attacked, not the critic
        elif token.dep_ == "dobj" and head.lemma_.lower() in _RECEIVING and not consult:
            # "received a plea from Peru": the receiver is asked, the sender asks
            clause = head
            subjects = own
            objects = _doers(head) + objects
        elif token.dep_ in {"dobj", "attr"} and head.pos_ in {"VERB", "AUX"}:
            clause = head  # "paid a visit", "held talks"
            subjects = _doers(head) + own
            if rule["event"] != "CONSULT":
                objects += [c for c in head.children if c.dep_ == "dative"]  # "gave X a …"
            if rule["event"] == "ASSAULT":
                objects += [  # "opened fire at X", "launched strikes on X"
                    g
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ in {"at", "on", "against"}
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
        elif _grievance(token):
            # "protested over the Chadian raid": the raid is Chad's, not the protester's
            subjects = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}]
        elif token.dep_ == "pobj" and head.lower_ in event_words()["circumstances"]:
            # "kept the talks alive despite the Hungarian veto": the veto is Hungary's, what
            # the noun's own words say, never the clause's subject's
            subjects = own + [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}]
        elif token.dep_ == "pobj" and head.head.pos_ in {"VERB", "AUX"}:
            clause = head.head  # "is in Moscow on a return visit"
            subjects = _doers(clause) + own
        elif carrier is not None:
            clause = carrier  # "provided $2 million in assistance to …"
            subjects = _doers(carrier) + own
            objects += [
                g
                for c in carrier.children
                if c.dep_ == "prep" and c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        else:
            subjects = own
            if token.dep_ in _SUBJECTS and head.pos_ in {"VERB", "AUX"}:
                clause = head  # "a meeting … was held in Moscow"
            if token.dep_ == "nsubjpass" and head.pos_ == "VERB" and not own and not consult:
                subjects = _agents(head)  # "the closure … was announced by Moldova"
                if not subjects and _own_act(rule):
                    # "a note of protest was handed to Peru's envoy, the ministry said"
                    subjects = _reporters(head)
                    objects += [
                        g
                        for c in head.children
                        if c.dep_ == "prep" and c.lower_ in {"to", "with", "on", "against"}
                        for g in c.children
                        if g.dep_ == "pobj"
                    ]
        asker = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in {"of", "from"}
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if rule.get("of_doer") and asker and not possessor:
            # "met at the request of Lithuania", "acting on a plea from Chad": who asked, not
            # whom, and not who met
            subjects = asker
            objects = [t for t in objects if t not in asker]
        elif rule["event"] in _SOURCED and not possessor and not agents:
            # "prompting a warning from Washington", "aid from Japan": the source is the doer
            source = [t for t in asker if t.head.lower_ == "from"]
            subjects = source or subjects
            objects = [t for t in objects if t not in source]
    places = [
        g
        for c in (*clause.children, *token.children)
        if c.dep_ == "prep" and c.lower_ in {"in", "to"}
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return subjects, objects, places, clause


# Acts of force a nationality before their noun names the doer of: "the Ugandan raid".
_FORCE = {"ASSAULT", "COERCE", "MOBILIZE"}


# Verbs whose subject is on the receiving end of the act their object names.
_RECEIVING = _listed("receiving")


# Prepositions that name whom an act is aimed at: "sanctions against X", "a ban on X",
# "expelled diplomats from X", "an inquiry into X"; "for" only in cooperation ("support for
# X"), since in conflict it gives the cause ("arrested for …", "fighting for …").
_TARGET_PREPS = {"against", "on", "into", "from", "to", "with"}
# Acts a noun names whose "from" phrase is their source: "a warning from X", "aid from Y".
_SOURCED = {"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "AID"}
_FOR_WHOM = {"SUPPORT", "AID", "AGREE", "COOPERATE", "CONCEDE", "RETREAT"}


def _targets(verb: Token, rule: dict, *, wide: bool) -> list[Token]:
    """The recipient side of a verb: its object, "with …" and "to …", and the rule's particle.

    ``wide`` (every type but CONSULT, whose sides are scored as a set) also takes whom the
    object is aimed at ("lifted the ban on X"), an indirect object ("gave X a deadline") and
    the object of a verb it governs ("refused to meet X", "agreed to lift sanctions on X").
    """
    objects = (
        [] if rule.get("topic") else [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    )
    preps = {"with", "to", rule.get("prep")} | (_TARGET_PREPS if wide else set())
    if wide and rule.get("event") in _FOR_WHOM:
        preps.add("for")
    if wide and rule.get("event") == "ASSAULT":
        preps.add("at")  # "opened fire at Armenian positions"
    # whom the object is aimed at, unless it says whose it is: "endorsed Morocco's plan for
    # Western Sahara" supports Morocco
    heads = [verb, *(o for o in objects if not _owned(o))] if wide else [verb]
    if wide:
        objects += [c for c in verb.children if c.dep_ == "dative"]
    objects += [
        g
        for head in heads
        for c in head.children
        if c.dep_ in {"prep", "prt"} and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if rule.get("topic"):
        # "discussed the crisis with X": the parse may hang the partner on the topic
        objects += [
            g
            for topic in verb.children
            if topic.dep_ == "dobj"
            for c in topic.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    if wide and rule.get("event") == "REQUEST":
        # "demanded that X apologise", "said X must leave": X is asked
        objects += [
            g
            for c in verb.children
            if c.dep_ == "ccomp"
            for g in c.children
            if g.dep_ in {"nsubj", "nsubjpass"}
        ]
    # "urged Russia to lift its blockade of Ukraine's ports": who is asked is the recipient,
    # not whom the act asked for is aimed at; "asked to lift sanctions on Iran" names no one else
    asked = rule.get("event") == "REQUEST" and bool(objects)
    if wide and not asked:
        for clause in verb.children:
            if clause.dep_ == "xcomp" and clause.pos_ == "VERB":
                objects += _targets(clause, {"event": rule.get("event")}, wide=True)
    return objects


def _owned(noun: Token) -> bool:
    """Whether a noun says whose it is with a name: "Morocco's plan", not "its plan"."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children)


# Acts that judge what another did: its target is who did it, where the object says so.
_JUDGED = {"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "REQUEST"}


def _judged_doers(verb: Token) -> list[Token]:
    """Who did the act a verb judges: "condemned the shelling of X's towns by Y" aims at Y.

    The "by" phrase of the object names the doer of what is condemned, welcomed or rejected;
    the object's other names are its victims or setting. The parse may hang "by" on the verb
    itself; an active verb with an object has no agent of its own, so it is the object's.
    """
    if any(c.dep_ == "auxpass" for c in verb.children):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return []
    # "by" heads a prepositional phrase, or the agent of a participle on the object: "welcomed
    # the aid provided by Japan"
    preps = [t for o in objects for t in o.subtree if t.dep_ in {"prep", "agent"}]
    preps += [c for c in verb.children if c.dep_ == "prep"]
    return [
        g
        for p in preps
        if p.lower_ == "by"
        for g in p.children
        if g.dep_ == "pobj" and g.pos_ in {"PROPN", "NOUN"}
    ]


def _attack_owners(verb: Token) -> list[Token] | None:
    """The words naming whose attack a verb judges; None where it judges no attack.

    "Condemned Russia's attack on Odessa", "the Russian missile attack on Kyiv": Russia is
    judged, the city is the victim. "Condemned the attack on the concert hall near Moscow"
    names no doer (an empty list): the place and its people are not whom it is aimed at.
    """
    attacks = [
        c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in doers()["means"]
    ]
    if not attacks:
        return None
    return [
        g
        for c in attacks
        for g in c.children
        if g.dep_ == "poss" or (g.dep_ in {"amod", "compound"} and g.ent_type_)
    ]


def _placed(objects: list[Token]) -> list[Token]:
    """Where the beneficiaries or the thing given are.

    "Aid for flood victims in Malawi" is aid to Malawi; "a training centre in Nairobi" is
    cooperation with Kenya.
    """
    found: list[Token] = []
    for token in objects:
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "of"}:
                pobjs = [g for g in c.children if g.dep_ == "pobj"]
                # "the building of a school in Chad": the thing is where its "of" phrase is
                found += pobjs if c.lower_ == "in" else _placed(pobjs)
    return found


def _carrier(noun: Token) -> Token | None:
    """The verb whose object carries a nominal trigger: "gave $5 million in aid" (aid → gave).

    Only through "in", "of" and "for" under the verb's direct object, so that a trigger
    named in passing elsewhere in the sentence does not take the sentence's subject.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in {"in", "of", "for"}:
        return None
    holder = prep.head
    if holder.dep_ == "dobj" and holder.head.pos_ == "VERB":
        return holder.head
    return None


# The modifiers that say whose an agent is: "opposition leaders", "Western governments".
_WHOSE = {"compound", "amod", "nmod", "poss", "prep"}


def _unknown_doer(subjects: list[Token], mentions: Mentions) -> str | None:
    """The doer as written, where the text names one the knowledge base cannot place.

    Only names of people and bodies, and nouns for agents ("protesters", "a court"): a
    place the gazetteer knows ("Europe") or a thing ("the report") is not an unknown doer.
    """
    table = doers()
    for token in subjects:
        if _refers_back(token):
            continue
        phrase = _phrase(token)
        lo, hi = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        if mentions.inside(lo, hi):
            continue  # it names something known, only not as a doer (a place, an office)
        head = _counted(token)
        named = head.pos_ == "PROPN" and head.ent_type_ in table["entity_types"]
        noun = head.lemma_.lower() if head.pos_ == "NOUN" else ""
        if noun in table["stand_ins"] and not any(c.dep_ in _WHOSE for c in head.children):
            continue  # "both parliaments", "some delegations": states the text leaves unsaid
        if named or noun in table["agents"] or noun in table["means"]:
            return doc_text(token.doc)[lo:hi]
    return None


def _reported(verb: Token) -> bool:
    """Whether ``verb`` is what someone said, vowed or warned in the past ("said it would …").

    In reported speech "would" is the future of a past statement, not a condition.
    """
    clause = verb
    while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    return (
        clause.dep_ == "ccomp"
        and head.tag_ in {"VBD", "VBN"}
        and head.lemma_.lower() in set(speech()["speech_verbs"]) | _PROMISING
    )


def _tense(token: Token, clause: Token) -> str:
    # "will meet in Quito to discuss the border": the purpose is as future as the meeting
    served = (clause.head,) if _purpose(clause) and clause.head.i != clause.i else ()
    for verb in dict.fromkeys((token, clause, *served)):
        aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if any(c.dep_ == "mark" and c.lower_ in _OPEN_MARKS for c in verb.children):
            return "hypothetical"  # "if …", "unless …"; "whether …" asks, it does not state
        head = verb.head
        if verb.dep_ == "xcomp" and (
            head.lemma_.lower() in _UNCERTAIN
            or any(c.dep_ == "mark" and c.lower_ in _OPEN_MARKS for c in head.children)
        ):
            return "hypothetical"  # "is unlikely to pull out", "if X were to send warships"
        if _conditional(verb):
            return "hypothetical"
        if aux & _REPORTED_FUTURE_AUX and _reported(verb):
            return "future"  # "said it would expel …": a promise or threat made in the past
        if aux & _HYPOTHETICAL_AUX:
            return "hypothetical"
        if aux & _FUTURE_AUX:
            return "future"
        wished = verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in _WISHING
        if wished and not _performed(verb):
            return "hypothetical"  # "Kenya wants Uganda to attack the rebels": a wish
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_HEADS:
            return "future"
        if verb.i == token.i and "to" in aux and _asked_of_another(verb):
            # "Uganda expects Kenya to reopen the border"; but in "urged Chile to help the
            # inquiry" the inquiry is under way, whatever Chile does
            return "hypothetical"
        if verb.dep_ == "xcomp" and _plan_copula(verb.head) and "to" in aux:
            return "future"  # "the president is to visit …": a fixed plan, not a report
    return "present" if clause.tag_ in {"VBZ", "VBP", "VBG"} else "past"


# Words opening a clause that states no act: a condition, or the question "whether" asks.
_OPEN_MARKS = {"if", "unless", "whether"}
# Words that make the act of their "to" clause a guess: "is unlikely to pull its troops out".
_UNCERTAIN = {"likely", "unlikely"}
# Acts done by saying that one wishes to do them: "I want to thank …", "we wish to welcome …".
_PERFORMATIVE = _listed("performative")


def _performed(verb: Token) -> bool:
    """Whether "I want to" or "we would like to" does the act it names: thanking, welcoming.

    The speaker thanks by saying so; "Kenya wants Uganda to attack" or "I want to visit" wish.
    Told in reported speech the act is done too: "said he wanted to thank Ghana for …".
    """
    wish = verb.head
    if verb.dep_ != "xcomp" or verb.lemma_.lower() not in _PERFORMATIVE:
        return False
    speaker = any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in wish.children)
    said = wish.dep_ == "ccomp" and wish.head.lemma_.lower() in speech()["speech_verbs"]
    return speaker or (said and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in wish.children))


def _own_or_any_act(verb: Token) -> bool:
    """Whether what a verb says is the speaker's own act or any act of others.

    "Warned that it would close the border" (a pronoun: the speaker), "that any incursion
    would mean war" (an act not yet done, whoever does it); not "that prices would rise".
    """
    return any(
        g.dep_ in _SUBJECTS and (g.pos_ == "PRON" or any(d.lower_ in _ANY for d in g.children))
        for c in verb.children
        if c.dep_ == "ccomp"
        for g in c.children
    )


def _blamed(verb: Token) -> list[Token]:
    """Whom a verb of saying holds to blame: Uganda in "said Uganda was behind the attack".

    The said clause, not negated, puts someone "behind" a wrong, calls them "responsible for"
    or "to blame" for it, has them "bear responsibility" for it, "commit" it ("said Russia
    had committed war crimes") or act "illegally"; the parse may also make the saying hang on
    that clause ("Uganda was behind it, the minister said").
    """
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.dep_ in {"ccomp", "parataxis"} and verb.head.i != verb.i:
        clauses.append(verb.head)
    return [
        subject
        for clause in clauses
        if not any(c.dep_ == "neg" for c in clause.children) and _blames(clause)
        for subject in _clause_subjects(clause)
    ]


def _condemned(verb: Token) -> list[Token]:
    """The act a verb of saying condemns: "said Russia's threats were unacceptable".

    The said clause, not negated, gives its subject a verdict of censure ("illegal", "a
    provocation"); the subject names whose act it is ("Russia's threats", "Uganda's
    decision"). "Said the decision was regrettable" names no one to censure.
    """
    censure = set(event_words()["censure"])
    return [
        subject
        for clause in (c for c in verb.children if c.dep_ == "ccomp")
        if clause.lemma_ == "be"
        and not any(c.dep_ == "neg" for c in clause.children)
        and any(
            c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in censure for c in clause.children
        )
        for subject in clause.children
        if subject.dep_ == "nsubj" and any(g.dep_ == "poss" for g in subject.children)
    ]


def _clause_subjects(clause: Token) -> list[Token]:
    """A clause's subjects, or the name the parse hangs before its verb in their place.

    "Said Azerbaijan bore responsibility" may come out with "Azerbaijan" as a modifier of
    "bore"; a proper name left of a verb with no subject is that verb's subject.
    """
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    return subjects or [
        c for c in clause.lefts if c.dep_ in {"nmod", "npadvmod", "dep"} and c.pos_ == "PROPN"
    ]


def _blames(clause: Token) -> bool:
    """Whether a clause lays a wrong at its subject's door (see ``_blamed``)."""
    lemma = clause.lemma_.lower()
    objects = {c.lemma_.lower() for c in clause.children if c.dep_ == "dobj"}
    if lemma == "be":
        return any(
            (c.dep_ == "prep" and c.lower_ == "behind")
            or (c.dep_ == "acomp" and c.lower_ in _TO_BLAME)
            or (c.dep_ == "xcomp" and c.lower_ == "blame")
            for c in clause.children
        )
    if lemma in {"bear", "carry"}:
        return bool(objects & {"responsibility", "blame"})
    if any(c.dep_ == "advmod" and c.lower_ in {"illegally", "unlawfully"} for c in clause.children):
        return True  # "said the vessel had illegally intruded into its waters"
    return lemma in {"commit", "perpetrate"} and bool(objects & _WRONGS)


# Determiners of an act not yet done, whoever does it: "any attack would mean war".
_ANY = {"any", "every", "further", "another"}
# What a said clause calls someone who did a wrong: "was responsible for the attack".
_TO_BLAME = _listed("to_blame")
# Wrongs one is said to have committed: "had committed war crimes".
_WRONGS = _listed("wrongs")


def _instrument_history(
    verb: Token, dated: Span | None, published: date | None, titles: list[tuple[int, int]]
) -> bool:
    """Whether a clause on an instrument's name tells its history, not the news.

    "The ABM Treaty, signed by the two powers in 1972, …", "the treaty, which our presidents
    signed in 2013, …": the signing years before the report describes the treaty, and the
    agreement's own record keeps it; it is no event of the report. A clause dated within the
    report's weeks ("the accord they signed on Monday") is news.
    """
    if verb.dep_ not in {"acl", "relcl"} or dated is None or dated.from_publication:
        return False
    if published is None or published - dated.end <= NEWS_WINDOW:
        return False
    head = verb.head  # the instrument's noun, or the last word of its title
    named = any(lo <= head.idx < hi for lo, hi in titles)
    return named or (head.pos_ == "NOUN" and head.lemma_.lower() in instruments()["nouns"])


def _controls(verb: Token) -> bool:
    """Whether a verb has an object and an infinitive saying what the object is to do.

    The parse makes the infinitive a purpose clause where a date stands between ("pressed
    Kenya on Monday to reopen …"); it is still what Kenya is pressed to do.
    """
    return bool(_infinitive_subjects(verb)) or (
        any(c.dep_ == "dobj" for c in verb.children)
        and any(
            c.dep_ in {"xcomp", "advcl"}
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
    )


# Nouns of a third party's good offices: "under the auspices of X", "at the invitation of X".
_GOOD_OFFICES = _listed("good_offices")
# Participles that make a meeting a third party's work: "US-brokered talks", "talks hosted by X".
_MEDIATED = _listed("mediated")


def _mediators(token: Token, clause: Token) -> list[Token]:
    """Who brought the sides of a meeting together, as the meeting's words say.

    "Met under the auspices of Saudi Arabia", "at the invitation of Brazil", "under Qatari
    mediation", "US-brokered talks", "talks mediated by Oman", "met in talks facilitated by
    Angola".
    """
    found: list[Token] = []
    held = [c for c in clause.children if c.dep_ == "dobj"]  # "held talks mediated by Oman"
    # "met in talks facilitated by Angola"; not "met at a summit hosted by Iran": the host of
    # a gathering the sides met at did not bring them together
    within = [
        g
        for p in clause.children
        if p.dep_ == "prep" and p.lower_ in {"in", "at"}
        for g in p.children
        if g.dep_ == "pobj"
    ]
    for word in dict.fromkeys((token, clause, *held, *within)):
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"under", "at", "through"}:
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or not {noun.lower_, noun.lemma_.lower()} & _GOOD_OFFICES:
                    continue
                found += [g for g in noun.children if g.dep_ in {"poss", "amod", "compound"}]
                found += [g for p in noun.children if p.lower_ == "of" for g in p.children]
        for made in word.children:
            if made.lemma_.lower() not in _MEDIATED or made.tag_ != "VBN":
                continue
            if word in within and word is not token and made.lemma_.lower() == "host":
                continue
            found += [g for g in made.children if g.dep_ in {"npadvmod", "compound", "nmod"}]
            found += [g for a in made.children if a.dep_ == "agent" for g in a.children]
    return found


def _infinitive_subjects(verb: Token) -> list[Token]:
    """Who a verb lets or tells to act, where the parse makes them the infinitive's subject.

    "Somalia allowed Ethiopia to reopen …" may be read as "allowed [Ethiopia to reopen …]".
    """
    return [
        g
        for c in verb.children
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for g in c.children
        if g.dep_ == "nsubj"
    ]


def _asked_of_another(verb: Token) -> bool:
    """Whether an infinitive says what someone other than the governing subject is to do.

    "Expects Kenya to reopen", "needs Kenya to reopen" (an object, or a subject of the
    infinitive's own), but not "forced Kenya to reopen", where it was done.
    """
    head = verb.head
    if verb.dep_ not in {"xcomp", "ccomp"} or head.i == verb.i or head.pos_ != "VERB":
        return False
    if head.lemma_.lower() in _CAUSING or _means_used(head):
        return False
    controlled = any(c.dep_ == "dobj" for c in head.children) and verb.dep_ == "xcomp"
    return controlled or any(c.dep_ == "nsubj" for c in verb.children)


# Occasions taken to act: "took the opportunity to thank …", "seized the moment to …".
_OCCASIONS = _listed("occasions")


def _means_used(verb: Token) -> bool:
    """Whether a verb's object is the means or the occasion of its subject's own next act.

    "Used the summit to condemn the attack", "took the opportunity to thank Japan": the
    summit and the opportunity do nothing; the subject condemned and thanked.
    """
    lemma = verb.lemma_.lower()
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
    if lemma == "use":
        return bool(objects)
    return lemma in {"take", "seize", "grasp"} and any(o in _OCCASIONS for o in objects)


def _plan_copula(verb: Token) -> bool:
    """Whether ``verb`` is the bare "be" of a plan ("X is to visit …").

    With a complement of its own ("was the last leader to visit …") it describes, not plans.
    """
    return verb.lemma_ == "be" and not any(c.dep_ in {"attr", "acomp"} for c in verb.children)


def _conditional(verb: Token) -> bool:
    """Whether ``verb`` heads a condition on an act still to come, not a report.

    "The pact takes effect once it has been ratified", "provided that the assemblies approve
    it": the ratifying has not happened. After a past main clause ("once they had met, they
    signed") the condition is a report of its own.
    """
    if verb.dep_ in {"ccomp", "pcomp"} and verb.head.lower_ in _CONDITION_PREPS:
        return True
    marked = any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children)
    return marked and verb.dep_ == "advcl" and verb.head.tag_ != "VBD"


def _code(
    token: Token,
    rule: dict,
    mentions: Mentions,
    in_play: list[str],
    *,
    salient: list[str],
    partners: list[str],
    published: date | None,
    when: DateResolver,
    titles: list[tuple[int, int]],
    dateline: tuple[str, str] | None,
    voices: Sequence[tuple[int, int, str]] = (),
    attackers: Sequence[str] = (),
    accusers: Sequence[str] = (),
) -> Event | None:
    if _named_again(token, rule, mentions):
        return None
    subjects, objects, place_args, clause = _roles(token, rule)
    if rule.get("guest"):
        # "the minister, received by the president, …": the guest is the noun, not an object
        objects = [t for t in _participle_patient(token) if t not in objects] + objects
    if rule.get("journey") and not _travellers(subjects, mentions):
        return None  # "peacekeepers arrived in Juba", "forced the plane to land in Jaipur"
    if rule.get("judgement"):
        # "termed the launch a violation of UN resolutions": the launch is judged, not the UN
        objects = _censured(token)
    if rule.get("blame"):
        objects = _blamed(token)  # "said Uganda was behind the attack": Uganda is accused
    if rule.get("verdict"):
        objects = _condemned(token)  # "said Uganda's decision was illegal": Uganda's act
    actor = (
        _gathered(subjects, mentions)
        or _codes(subjects, mentions, places=False)
        or _located(subjects, mentions)
        or _antecedent(subjects, mentions)
        or _the_body(subjects, mentions)
        or _the_office(subjects, mentions)
        or _regional(subjects, mentions)
        or _person_before(
            subjects, mentions, _codes(_aimed_at(objects, token), mentions, places=False)
        )
        or _owner(subjects, mentions)
        or _quoting(subjects, mentions)
        or _speaking(subjects, voices)
        or _they_before(subjects, mentions)
        or _it_before(subjects, mentions)
        or _regime_before(
            subjects, mentions, _codes(_aimed_at(objects, token), mentions, places=False)
        )
    )
    if not actor and rule["event"] == "SUPPORT" and token.lemma_.lower() in _SIGNING:
        # "the treaty between Kenya and Ethiopia was signed in Nairobi": its parties signed it
        actor = _parties_named(token, mentions)
    if actor and (paired := _paired_pronouns(subjects)):
        # "He and the Lithuanian minister signed …": "he" is a doer beside the one named
        aimed = _codes(_aimed_at(objects, token), mentions, places=False)
        actor = list(dict.fromkeys([*_person_before(paired, mentions, aimed), *actor]))
    place = _place(place_args, mentions)
    if not actor and rule["event"] in _STANCES and token.pos_ == "VERB" and not _signs(token):
        actor = _reacting_seats(token, mentions)  # not "the treaty was signed in Astana"
    if (
        not actor
        and rule["event"] in _DOMESTIC
        and clause.dep_ != "relcl"
        and _agents_only(subjects)
    ):
        # "authorities banned rallies in Harare": the state's own police, courts, crowds; not
        # "the officers who took charge in X", which says who they are
        where = _acted_where(place, clause, mentions)
        actor = [where[1]] if where is not None else []
    if rule["event"] in {"RETREAT", "CONCEDE"} and token.pos_ == "VERB":
        # "fishermen detained by Fiji's navy were freed": who held them frees them, and the
        # state whose nationals they are is the other side
        held = [c for c in token.children if c.dep_ == "nsubjpass"]
        actor = actor or _codes(_detainers(held), mentions, places=False)
        objects = held + objects
    if rule["event"] == "AGREE":
        objects = objects + _invited_to(objects)
    recipient = [c for c in _codes(objects, mentions, places=True) if c not in actor]
    if not recipient:
        # "praised Rwanda and Congo and urged them to …"
        recipient = _the_several(objects, mentions, actor)
    if not recipient:
        # "urged the juntas in Niger, Mali and Burkina Faso", "warned the bloc": whose they are
        named = _located(objects, mentions) or _the_body(objects, mentions)
        recipient = [c for c in named if c not in actor]
    if not recipient and rule["event"] in _FOR_WHOM and not _signs(token):
        # where the beneficiaries or the thing given are, else where the giving took place:
        # "sent aid for flood victims in Mozambique"
        placed = _placed(objects) or _placed([clause] if rule["event"] == "AID" else [])
        recipient = [c for c in _codes(placed, mentions, places=True) if c not in actor]
    if rule.get("journey"):
        # "travelled to Kampala" visits Uganda; a trip to an organisation's seat ("flew to
        # Brussels") is no visit to a state, and what was done there says whom it concerned
        recipient = [c for c in recipient if not c.startswith("IGO:")]
        if not recipient:
            return None  # the place reached is the visit's other side, or there is none
    stated_place = place
    sent = token.sent
    tense = _tense(token, clause)
    dated = _clause_date(token, clause, sent, published, tense == "future", when, titles)
    if _instrument_history(token, dated, published, titles):
        return None
    if place is None and dateline is not None and (dated is None or dated.from_publication):
        place = dateline  # the day's news happens where the headline or dateline puts it
    if rule.get("reverse"):
        actor, recipient = recipient, actor
    unowned = False  # an attack judged whose doer the text does not name
    # "did not accept the claims made by X" refuses X's claims, as "rejected" them would
    if {rule["event"], rule.get("negated_event")} & _JUDGED and token.pos_ == "VERB":
        judged = [c for c in _codes(_judged_doers(token), mentions, places=False) if c not in actor]
        owners = _attack_owners(token)
        if not judged and owners is not None:
            # "condemned Russia's attack on Odessa" aims at Russia, not at the city it hit
            judged = [c for c in _codes(owners, mentions, places=False) if c not in actor]
            if not judged:
                # "Israel struck targets in Syria. Egypt condemned the strikes": the last
                # attacker the text told of, if any; never the victims
                judged = [c for c in reversed(attackers) if c not in actor][:1]
            unowned = not judged
            recipient = judged
        recipient = judged or recipient
    if rule["event"] == "REJECT" and not recipient and _allegation_before(objects, mentions):
        # "EIDE: We reject that claim.": the claim is the last accuser's
        recipient = [c for c in reversed(accusers) if c not in actor][:1]
    nots = [c for c in (*token.children, *clause.children) if c.dep_ == "neg"] + _failed(clause)
    nots += _intent_denied(token)
    nots += _negated_alternative(clause)
    if rule.get("negated"):
        nots = []  # the row's meaning is the negated phrase ("would not stand idly by")
    # "failed to reach a deal" refuses one; it is no stance on a thing
    stance = rule["event"] in _STANCES and not (nots and rule.get("negated_event"))
    if not recipient and actor and stance and _about_a_thing(token, mentions):
        return None
    if rule.get("complement_aux"):
        # "said the Council must stay out of Haiti's elections": the Council is asked, not Haiti
        asked = [g for g in _complement_subjects(token) if g.dep_ == "nsubj" and g.pos_ != "PRON"]
        named = _codes(asked, mentions, places=False) or _antecedent(asked, mentions)
        acting = _acting_complement(token)
        threat = _said_threat(token) if rule.get("complement_condition") else None
        if threat is not None:
            # "said Vanuatu would go to the UN unless Paris clarified them": Vanuatu threatens
            # (or the speaker, as "it"), Paris is threatened
            said, condition = threat
            doers = [g for g in said.children if g.dep_ == "nsubj" and g.pos_ != "PRON"]
            actor = _codes(doers, mentions, places=False) or actor
            blamed = [g for g in condition.children if g.dep_ in {"nsubj", "nsubjpass"}]
            threatened = _codes(blamed, mentions, places=False)
            recipient = [c for c in threatened or recipient if c not in actor]
        elif acting is not None:
            # "China will take resolute countermeasures if the United States …, the ministry
            # said": China threatens (or the speaker, as "it"), the condition's subject is
            # threatened
            doers = [g for g in acting.children if g.dep_ == "nsubj" and g.pos_ != "PRON"]
            actor = _codes(doers, mentions, places=False) or actor
            threatened = _codes(_conditioned(token, acting), mentions, places=False)
            recipient = [c for c in threatened or recipient if c not in actor]
        else:
            recipient = [c for c in named if c not in actor] or recipient
    if rule.get("controls") and not recipient:
        # "allowed [Ethiopia to reopen …]": the one let or told to act
        told = _codes(_infinitive_subjects(token), mentions, places=False)
        recipient = [c for c in told if c not in actor]
    principle = rule.get("complement_aux") and not _asked_someone(token, mentions)
    if not recipient and rule["event"] == "REQUEST" and principle:
        return None  # "said disputes must be settled peacefully": a principle, asked of no one
    if not recipient and actor and rule["event"] in _DIRECTED:
        recipient = [c for c in _named_before(objects, mentions) if c not in actor]
    if (
        not recipient
        and actor
        and (rule["event"] in _DIRECTED or _armed_against(token, rule))
        and not _together(rule, actor, token)
        and not _anyone(objects, token)
        and not unowned
    ):
        recipient = _counterpart(sent, actor, mentions, salient)
    if not recipient and rule["event"] == "ASSAULT":
        # "struck targets in southern Lebanon": an attack abroad is on the state it hits
        where = _acted_where(stated_place, clause, mentions)
        recipient = [where[1]] if where is not None and where[1] not in actor else []
    if rule["event"] == "SUPPORT" and actor and token.lemma_.lower() in _SIGNING:
        # "Egypt signed a peace treaty with Israel": both are parties, neither the target;
        # a text ratified or adopted "with" someone is ratified or adopted by one side
        cosigners = _codes(_signed_with(token), mentions, places=False)
        actor = actor + [c for c in cosigners if c not in actor]
        recipient = [c for c in recipient if c not in cosigners]
    if _we_together(rule, token, subjects, actor, recipient):
        # "We agreed to hold the next session in Baku", "we signed a memorandum", said by
        # one minister of talks with another: both sides agreed or signed
        actor = actor + _counterpart(sent, actor, mentions, partners)[:1]
    if rule["event"] == "SANCTION" and token.pos_ == "VERB":
        # "suspended Guinea-Bissau from ECOWAS": the body acts, through whoever the text says
        bodies = _codes(_from_phrases(token), mentions, places=False)
        bodies = [c for c in bodies if c.startswith("IGO:")]
        recipient = [c for c in recipient if c not in bodies]
        actor = actor or bodies
    event, mode = rule["event"], rule.get("mode")
    ahead = dated is not None and published is not None and dated.start > published
    later = ahead and dated.end > published + timedelta(days=1)
    if later and clause.tag_ != "VBD" and tense != "hypothetical":
        # "in a few days, the council will meet"; a report dated on the eve of its news
        # ("on May 4 the minister is in Rome", published on the 3rd) is not future, nor
        # a past act with a deadline ("told them to leave within a week")
        tense = "future"
    actor_text = None
    if not actor and event != "CONSULT":
        actor_text = _unknown_doer(subjects, mentions)
    named_doer = subjects and not all(t.pos_ == "PRON" for t in subjects)
    if named_doer and not actor and actor_text is None and token.pos_ == "VERB":
        return None  # a doer the text names but we cannot place is not the states in play
    if mode == "third-party" and not actor:
        return None  # "it brokered the truce between X and Y": a mediation is its mediator's
    if event == "CONSULT" and not (actor or recipient) and token.pos_ != "VERB":
        actor = _antecedent([token], mentions)  # "the summit" named before as "the SADC summit"
    if event == "CONSULT":
        sides = list(dict.fromkeys(actor + recipient))
        if not sides and token.pos_ != "VERB" and stated_place is None:
            # "solved through talks", "the meeting had significance": no one named, nowhere
            return None
        if len(sides) < 2 and sides and all(c.startswith("IGO:") for c in sides):
            # an organisation's own gathering is many-sided: its host, if any, is the other;
            # at its own seat ("NATO ministers met in Brussels") no state hosts it, unless the
            # text says one did ("opened in Arusha, hosted by Tanzania")
            at_home = place is not None and bool(seated_in(place[0]) & set(sides))
            hosted = any(t.lemma_.lower() == "host" for t in token.sent)
            if place is not None and place[1] not in sides and (hosted or not at_home):
                sides += [place[1]]
        elif len(sides) < 2:
            sides = list(dict.fromkeys(sides + in_play))[: max(2, len(sides))]
        mediators = _codes(_mediators(token, clause), mentions, places=False)
        mediators = [c for c in mediators if c not in sides]
        if mediators and len(sides) > 1:
            # "met in Jeddah under the auspices of Saudi Arabia", "US-brokered talks": the
            # mediator's meeting with both sides, as "brokered talks between X and Y" is
            actor, recipient, mode = mediators, sides, "third-party"
        elif place is not None and place[1] in sides and len(sides) > 1 and not rule.get("journey"):
            # a meeting on one side's soil is a visit to it: the host is the recipient
            recipient = [place[1]]
            actor = [c for c in sides if c != place[1]]
            mode = mode or "visit"
        elif not recipient:
            actor, recipient = sides[:1], sides[1:]
    mutual = rule.get("mutual") and len(actor) > 1 and not recipient  # "X and Y clashed"
    if not (actor or actor_text) or (rule.get("needs_recipient") and not recipient and not mutual):
        return None
    said_now = token.tag_ in {"VBZ", "VBP"} and _reported(token)  # "reiterated that it backs"
    if rule.get("past") and (tense != "past" or token.tag_ not in {"VBD", "VBN"}) and not said_now:
        return None  # "the two countries support each other" is a habit, not an event
    if _standing_view(token) or _habit(token, clause):
        return None
    negated = bool(nots) or _none_of(token, clause)
    if negated and rule.get("negated_event"):
        # "will not accept the plan", "does not recognise the vote": a refusal, not no event
        event, mode, negated = rule["negated_event"], None, False
    elif nots and event in _CONCESSIONS and not _still_pending(token, clause):
        # "will not lift the embargo", "did not release the crew": a concession withheld is a
        # refusal (PLOVER REJECT), said of now or of later
        event, mode, negated = "REJECT", None, False
    elif nots and tense == "future" and event in _PROMISED:
        # "would not send aid", "will not meet the envoy": the promise refused
        event, mode, negated = "REJECT", None, False
    if tense == "future" and event in _PROMISED:
        event, mode = "AGREE", None  # PLOVER: a planned meeting or signing is an agreement
    elif tense == "future" and event in _THREATENED and not negated:
        # a coercive act announced for later is a threat; "would not use force" is none
        event, mode = "THREATEN", None
    # the Doc's text, not ``sent.text``, which makes a Token of every word to join them
    sentence = doc_text(token.doc)[sent.start_char : sent.end_char].rstrip()
    coded = Event(
        event=event,
        mode=mode,
        context=rule.get("context"),
        actor=tuple(actor),
        recipient=tuple(recipient),
        people=tuple(_people([*subjects, *objects], mentions)),
        when=dated,
        place=place[0] if place else None,
        place_code=place[1] if place else None,
        negated=negated,
        tense=tense,  # type: ignore[arg-type]
        actor_text=actor_text,
        evidence=(
            Evidence(
                start=sent.start_char,
                end=sent.start_char + len(sentence),
                sentence=sentence,
            ),
        ),
    )
    facts = {"subjects": subjects, "objects": objects, "rule": rule, "mentions": mentions}
    return rate_event(coded, trigger=token, clause=clause, **facts)  # extract/confidence.py


# Acts of force: whose "attack" or "strikes" a later condemnation means.
_HOSTILE = {"ASSAULT", "COERCE", "MOBILIZE"}
# Acts of taking a stance: told of a thing no party is named for, they state a position.
_STANCES = {"SUPPORT", "REQUEST", "REJECT", "ACCUSE"}


def _about_a_thing(token: Token, mentions: Mentions) -> bool:
    """Whether a reported or subordinate stance is about a thing whose owner goes unnamed.

    "Said Beijing supported steps to calm the region", "adding that the two would upgrade
    their ties", "although Delhi had pressed for another site": a stance told inside another
    clause, about something no one is named for, describes a position, not an act aimed at a
    party. The main clause's "X welcomed the decision" is itself the news, and signing or
    adopting a text is an act of its own.
    """
    if token.pos_ != "VERB" or token.lemma_.lower() in instruments()["verbs"]:
        return False
    misjoined = _misjoined_to_said(token) or outside_modal_clause(token)
    main = token.head.head if misjoined else token
    if main.dep_ == "xcomp" and _means_used(main.head):
        main = main.head  # "used the summit to urge …": the urging is the main act
    while _joined(main):
        # "condemned Israel and demanded a ceasefire", "expelled the envoys, accusing them of
        # spying": acts of the main clause too
        main = main.head
    if main.dep_ == "ROOT" or _misread_relative(token) or _credited(main):
        return False
    objects = [c for c in token.children if c.dep_ in {"dobj", "ccomp"}]
    return bool(objects) and not any(
        mentions.inside(o.left_edge.idx, o.right_edge.idx + len(o.right_edge)) for o in objects
    )


def _joined(verb: Token) -> bool:
    """Whether a verb is joined to the clause above it as an act of its own doer.

    A second verb of the same subject ("… and demanded …"), or a participle set after the
    clause with no conjunction ("…, accusing them of …").
    """
    if verb.head.i == verb.i:
        return False
    if verb.dep_ == "conj":
        return True
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and not any(c.dep_ in {"mark", "nsubj"} for c in verb.children)
    )


def _credited(clause: Token) -> bool:
    """Whether a clause is the report itself, its source credited after it.

    "North Korea rejected the proposal, KCNA reported", "China condemned the plan, officials
    said": the parse hangs the clause on the verb of saying that follows it, but the clause
    is what the report tells, as if the credit were not there.
    """
    said = clause.head
    return (
        clause.dep_ == "ccomp"
        and clause.i < said.i
        and (said.lemma_.lower() in speech()["speech_verbs"] or said.lemma_.lower() == "report")
        and not any(c.dep_ == "mark" for c in clause.children)
    )


# Verbs of a said clause whose subject makes the threat: "X will take measures", "X will
# respond"; in "X would face consequences" the subject is the one threatened.
_ACTING = _listed("acting")


def _acting_complement(verb: Token) -> Token | None:
    """What a verb says where it is its subject's own act: "said China would take measures"."""
    return next(
        (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in _ACTING), None
    )


def _conditioned(verb: Token, acting: Token) -> list[Token]:
    """The subjects of the conditions on a said act: X in "… would respond if X continues"."""
    clauses = [c for c in acting.children if c.dep_ == "advcl"]
    clauses += [c for c in verb.children if c.dep_ == "ccomp" and c is not acting]
    return [
        g
        for clause in clauses
        if _conditional_clause(clause)
        for g in clause.children
        if g.dep_ in {"nsubj", "nsubjpass"}
    ]


def _courtesy_call(verb: Token) -> bool:
    """Whether "called on" names only whom it visited: a person or an office, asked nothing.

    "Called on Prime Minister Amarasuriya" pays a call; "called on the minister to resign",
    "called on Chile for restraint" or "called on all parties" ask.
    """
    if any(c.dep_ in {"xcomp", "ccomp", "advcl"} for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return False
    visited = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
        for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ not in _TIMES  # not "on Tuesday"
    ]
    return bool(visited) and all(
        g.ent_type_ in {"PERSON", "TITLE"}
        and not any(a.dep_ in {"acl", "relcl"} for a in g.children)
        for g in visited
    )


# Words that make a condition the renewal or persistence of an act: "if they strike again".
_PERSISTING = _listed("persisting")


def _said_threat(verb: Token) -> tuple[Token, Token] | None:
    """What a verb says under a condition that makes it a threat, with that condition."""
    for said in verb.children:
        if said.dep_ == "ccomp" and (condition := _threat_condition(said)) is not None:
            return said, condition
    return None


def _threat_condition(clause: Token) -> Token | None:
    """The condition that makes what a clause says a threat, if it has one.

    "… unless Paris clarified them", "… if the listing was not reversed", "… if they strike
    again": a condition on the other side's act or failure to act; not "… if invited".
    """
    for condition in clause.children:
        if condition.dep_ != "advcl" or not _conditional_clause(condition):
            continue
        marks = {c.lower_ for c in condition.children if c.dep_ == "mark"}
        words = {t.lemma_.lower() for t in condition.subtree}
        negated = any(c.dep_ == "neg" for c in condition.children)
        if "unless" in marks or negated or words & _PERSISTING:
            return condition
    return None


def _conditional_clause(clause: Token) -> bool:
    """An "if" or "unless" clause, or one set as a condition by "should" before its subject."""
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children):
        return True
    subjects = [c.i for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        c.dep_ == "aux" and c.lower_ == "should" and subjects and c.i < min(subjects)
        for c in clause.children
    )


def _complement_subjects(verb: Token) -> list[Token]:
    """The subjects of what a verb says: X in "said that X must …"."""
    return [
        g
        for c in verb.children
        if c.dep_ == "ccomp"
        for g in c.children
        if g.dep_ in {"nsubj", "nsubjpass"}
    ]


def _asked_someone(verb: Token, mentions: Mentions) -> bool:
    """Whether "said that … must …" concerns someone: a name, a pronoun, an agent noun.

    "The government must resign" asks a party the knowledge base may not place, and "an
    intervention in X must be avoided" concerns X; "disputes must be settled" asks no one.
    """
    subjects = _complement_subjects(verb)
    return any(
        t.pos_ in {"PRON", "PROPN"}
        or _counted(t).lemma_.lower() in doers()["agents"]
        or mentions.inside(t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
        for t in subjects
    )


def _standing_view(token: Token) -> bool:
    """Whether a present-tense verb in a relative clause describes a noun, not an act.

    "The shield that Hanoi and Manila oppose", "the plan, which Chile backs": a view held
    (or a text's standing content) names what the noun is, not something done that day.
    """
    return token.dep_ == "relcl" and token.tag_ in {"VBP", "VBZ"} and not _reported(token)


# Adverbs that make an act a habit: "routinely holds drills", "regularly meet".
_HABITUAL = _listed("habitual")


def _habit(token: Token, clause: Token) -> bool:
    """Whether an adverb of frequency makes the act a habit described, not a happening.

    "The navy routinely holds drills", "the two ministers regularly meet": no one drill or
    meeting is told. "Repeatedly" still counts acts that happened.
    """
    verbs = {token, clause, clause.head if _purpose(clause) else clause}
    return any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for v in verbs for c in v.children)


# Verbs of intent whose "to" clause is the act intended: "did not intend to cut ties" denies it.
_INTENT = _listed("intending")


def _intent_denied(verb: Token) -> list[Token]:
    """The negation of the intent a verb is the object of: "did not intend to cut ties".

    "Said it did not plan to expel anyone", "does not want to block the package": the act is
    denied with the intent. "Did not hesitate to expel" still expels: "hesitate" is not a verb
    of intent.
    """
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in _INTENT:
        return []
    return [c for c in head.children if c.dep_ == "neg"]


def _failed(clause: Token) -> list[Token]:
    """The "failed" of "failed to agree", "failed to release them": it says "not" as well.

    So does a refusal of the act: "declined to send an envoy to the summit", "refused to sign".
    """
    head = clause.head
    refusing = head.lemma_ in {"fail", "decline", "refuse"}
    return [head] if clause.dep_ == "xcomp" and refusing else []


def _still_pending(token: Token, clause: Token) -> bool:
    """Whether "not" only says the concession has not come yet: "has not yet lifted the ban"."""
    return any(c.lower_ in {"yet", "still"} for c in (*token.children, *clause.children))


def _none_of(token: Token, clause: Token) -> bool:
    """Whether "no" denies the act: "held no talks", "no meeting took place", "sent no envoy".

    The determiner on the trigger noun, or on the object of the verb that carries it, says
    the act did not happen, as "not" does on the verb.
    """
    nouns = [token, *(c for c in clause.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"})]
    return any(d.dep_ in {"det", "neg"} and d.lower_ == "no" for n in nouns for d in n.children)


def _named_again(token: Token, rule: dict, mentions: Mentions) -> bool:
    """Whether a gathering noun in a phrase of time or place only points back to one named before.

    "After the summit, X said …", "on the margins of the meeting": once the text has named the
    gathering with its owner ("the ASEAN summit"), a bare "the summit" in such a phrase sets
    the scene for another act; the gathering was coded where it was named.
    """
    if rule["event"] != "CONSULT" or token.pos_ == "VERB" or token.dep_ != "pobj":
        return False
    if _codes([token], mentions, places=False):
        return False  # "at the Delhi summit" names whose gathering it is
    return bool(_antecedent([token], mentions))


_DAY = timedelta(days=1)


def _clause_date(
    token: Token,
    clause: Token,
    sent: SpacySpan,
    published: date | None,
    future: bool,
    when: DateResolver,
    titles: list[tuple[int, int]],
) -> Span | None:
    """The date attached to the trigger and its verb in the parse, so two events keep theirs.

    "Talks held on Monday on the treaty signed in 1997" are Monday's; a background date in a
    relative or other clause never dates the event. Without a date of its own, the event is the
    article's news, dated by publication, unless the clause tells what had happened before.
    """
    # a chronology's entry tells its days against the entry's date, not the report's:
    # "July-August 2023 - … the AU suspended Niger on 22 August"
    heading = heading_date(sent, published, when, titles) if published is not None else None
    base = heading.end if heading is not None else published
    phrases = date_phrases(sent, titles)
    if heading is not None and len(phrases) > 1:
        # "March 2021 - Kenya recalled its envoy on 14 March": the day, not the entry's month
        heads = heading_phrase(sent, titles)
        phrases = [p for p in phrases if p != heads]
    for phrase, own, tense in attached_dates(token, clause, phrases):
        ahead = (future and own) or tense == "future"
        words = sent.doc[phrase.start : phrase.end]
        found = when(words, base, ahead, titles)
        if found is None or found.from_publication:
            continue
        if tense == "present" and not ahead and base is not None:
            # "arrives on Thursday": the Thursday nearest the report, before or after it
            later = when(words, base, True, titles)
            if later is not None and later.start - base < base - found.end:
                found = later
        if ahead and base is not None and found.end < base:
            continue  # what will happen is not dated before the report ("since 1945")
        if not ahead and clause.tag_ == "VBD" and base and found.start > base + _DAY:
            continue  # nor what was done after it: "discussed the chair it takes next year"
        return found
    if published is None:
        return None
    sequel = sequel_date(clause, published, when, titles)
    if sequel is not None:
        return sequel
    if background(clause) or background(token):
        return None
    if heading is not None:
        return heading
    if told_in_past(clause) and not future:
        carried = carried_date(sent, published, when, titles)
        if carried is not None:
            return carried
    return Span(start=published, end=published, precision="day", from_publication=True)


def _dateline(doc: Doc, mentions: Mentions) -> tuple[str, str] | None:
    """The one city the first line names ("…, Lusaka, March 3, 2021"), if exactly one."""
    text = doc_text(doc)
    end = text.find("\n") if "\n" in text else len(text)
    cities = {
        (m.text, m.code)
        for m in mentions
        if m.end <= end and m.code and (m.kind == "place" or m.reference == "seat")
    }
    return cities.pop() if len(cities) == 1 else None


def _place(args: list[Token], mentions: Mentions) -> tuple[str, str] | None:
    for token in args:
        lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        for mention in mentions.inside(lo, hi):
            if mention.kind in {"place", "state"} and mention.code:
                return mention.text, mention.code
    return None


# Nouns for those an act may be aimed at, all of them at once: "all parties", "any state".
_PARTIES = _listed("parties")


def _anyone(objects: list[Token], trigger: Token) -> bool:
    """Whether an act is aimed at all comers: "urged all parties to …", "the world".

    "Called for restraint by all parties", "urged all members to enforce the sanctions",
    "appealed to the international community": no one side in the news is meant.
    """
    objects = objects + [  # "called for restraint by all parties"
        g
        for o in (trigger, *objects)
        for p in o.children
        if p.dep_ == "prep" and p.lower_ in {"by", "from"}
        for g in p.children
        if g.dep_ == "pobj"
    ]
    for token in objects:
        words = {c.lower_ for c in token.children if c.dep_ in {"det", "amod", "predet"}}
        if token.lower_ in {"everyone", "everybody"}:
            return True
        if words & {"all", "every", "any"} and token.lemma_.lower() in _PARTIES:
            return True  # "all parties", "every member"; not "all cultural events"
        if token.lemma_.lower() in {"community", "world"} and "international" in words:
            return True
    return False


def _we_together(
    rule: dict, trigger: Token, subjects: list[Token], actor: list[str], recipient: list[str]
) -> bool:
    """Whether "we" agreeing or signing with no one named is the speaker with the other side.

    A minister's "we agreed to …" or "we signed …" after talks is a joint act; "we condemn" or
    "we will send aid" is the speaker's state's alone.
    """
    mutual = rule["event"] == "AGREE" or (rule["event"] == "SUPPORT" and _signs(trigger))
    return mutual and len(actor) == 1 and not recipient and any(t.lower_ == "we" for t in subjects)


def _together(rule: dict, actor: list[str], trigger: Token) -> bool:
    """Whether doers back or sign something jointly, or sign or adopt a text.

    "The two ministers signed a memorandum", "the leaders adopted a declaration": the act
    aims at no other side in the news; joint warnings or accusations still do.
    """
    return rule["event"] == "SUPPORT" and (len(actor) > 1 or _signs(trigger))


# Verbs of putting a name to a text with another party (the trigger rows of signing).
_SIGNING = _listed("signing")


def _signed_with(verb: Token) -> list[Token]:
    """The other parties a signing names with "with": on the verb or on the text signed."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [
        g
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _parties_named(verb: Token, mentions: Mentions) -> list[str]:
    """The parties an instrument signed without a named signer names itself.

    "The agreement between Ghana and Togo, signed in Lome", "the treaty between Kenya and
    Ethiopia was signed on Friday": the text signed is the passive's subject or the noun the
    participle hangs on, and the states its phrase names ("between A and B") signed it. Fewer
    than two states is no pair of parties: "the agreement with Ghana" leaves the doer unknown.
    """
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        texts = [verb.head]
    else:
        texts = [c for c in verb.children if c.dep_ == "nsubjpass"]
    kinds = instruments()["nouns"]
    for text in texts:
        if text.lemma_.lower() not in kinds:
            continue
        codes = list(
            dict.fromkeys(
                m.code
                for t in _phrase(text)
                for m in mentions.inside(t.idx, t.idx + len(t))
                if m.kind == "state" and m.code
            )
        )
        if len(codes) > 1:
            return codes
    return []


def _signs(trigger: Token) -> bool:
    """Whether a trigger is a verb of acting on a text: "signed", "adopted", "ratified"."""
    return trigger.pos_ == "VERB" and trigger.lemma_.lower() in instruments()["verbs"]


def _counterpart(
    sent: SpacySpan, actor: list[str], mentions: Mentions, salient: list[str]
) -> list[str]:
    """Whom a directed act without a named target is aimed at: the other side in the news.

    "Hanoi rejected the claims", "the alliance condemned the move": the target is the one
    other actor the sentence names, or else whoever has done most so far in the article (the
    claims or the move are someone's acts), or else its most named actor beside the doer.
    ``salient`` lists the doers so far, most active first, then the most named.
    """
    lo, hi = dateline_end(sent), sent.end_char  # not the agency credited in a dateline
    near = {
        code
        for m in mentions.starting_in(lo, hi)
        if m.kind != "place" and not _where(sent, m)
        for code in m.codes
        if code not in actor
    }
    if len(near) == 1:
        return list(near)
    return next(([code] for code in salient if code not in actor), [])


def _armed_against(token: Token, rule: dict) -> bool:
    """Whether a trigger tells of forces readied, which face the other side in the news.

    "Thai units were placed on high alert" in a report of a border quarrel with Cambodia
    readies them against Cambodia, as the counterpart of a directed act is found. Police or
    peacekeepers sent somewhere face no state: "deployed riot police in the capital".
    """
    if rule["event"] != "MOBILIZE" or rule.get("context") != "military":
        return False
    sent = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    return not any(c.lemma_.lower() in _KEEPERS for c in sent)


# Forces that keep order or peace, sent to face no one: "deployed riot police", "peacekeepers".
_KEEPERS = _listed("keepers")


def _where(sent: SpacySpan, mention: Mention) -> bool:
    """Whether a mention only says where something was said or done, not at whom.

    "A statement issued in Brussels", "condemned the strikes at a news conference in Amman"
    aim at no one in that city.
    """
    span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in {"amod", "compound", "poss", "nmod"} and root.head.i != root.i:
        root = root.head  # "at a summit in the Paraguayan capital"
    return root.dep_ == "pobj" and root.head.lower_ in {"in", "at"}


def _salient(mentions: Iterable[Mention]) -> list[str]:
    """States and organisations by how often the article names them, most named first."""
    counts = Counter(code for m in mentions if m.kind != "place" for code in m.codes if m.code)
    return [code for code, _n in counts.most_common()]


def _states_in_play(mentions: Iterable[Mention]) -> list[str]:
    counts = Counter(
        m.code for m in mentions if m.kind in {"state", "person"} and m.code and len(m.code) == 3
    )
    return [code for code, _n in counts.most_common(2)]


def _merge(events: list[Event]) -> list[Event]:
    """One record per happening: same type, same sides, overlapping dates."""
    merged: list[Event] = []
    # Only records of one type, sides, negation and unknown doer can be one event, and a merge
    # keeps all four: comparing within such a group spares a long article's quadratic scan.
    groups: dict[tuple, list[int]] = {}
    for event in events:
        key = (event.event, _sides(event), event.negated, event.actor_text)
        group = groups.setdefault(key, [])
        index = next((i for i in group if _same(merged[i], event)), None)
        if index is None:
            group.append(len(merged))
            merged.append(event)
            continue
        same = merged[index]
        first, other = (same, event) if same.mode or not event.mode else (event, same)
        merged[index] = dataclasses.replace(
            first,
            recipient=first.recipient or other.recipient,
            people=tuple(dict.fromkeys(same.people + event.people)),
            place=first.place or other.place,
            place_code=first.place_code or other.place_code,
            when=_narrower(same.when, event.when),
            evidence=tuple(dict.fromkeys(same.evidence + event.evidence)),
            confidence=max(same.confidence, event.confidence),  # the best sentence's
        )
    return _absorb_one_sided(merged)


def _absorb_one_sided(events: list[Event]) -> list[Event]:
    """A meeting told with one side only joins the meeting of that side on the same days.

    "A SADC summit opened in Harare, hosted by Zimbabwe. The participants met first behind
    closed doors": the second sentence names only the bloc, and is the same session.
    """
    meetings = [e for e in events if e.event == "CONSULT" and not e.negated and e.when]
    grown: dict[int, Event] = {}  # by the id of the meeting that took others in
    kept: list[Event] = []
    for event in events:
        sides = _sides(event)
        host = None
        if event in meetings and len(sides) == 1:
            host = next(
                (
                    other
                    for other in meetings
                    if sides < _sides(other)
                    and other.when.start <= event.when.end
                    and event.when.start <= other.when.end
                ),
                None,
            )
        if host is None:
            kept.append(event)
            continue
        base = grown.get(id(host), host)
        grown[id(host)] = dataclasses.replace(
            base, evidence=tuple(dict.fromkeys(base.evidence + event.evidence))
        )
    return [grown.get(id(e), e) for e in kept]


def _sides(event: Event) -> frozenset[str]:
    if event.event == "CONSULT":
        return frozenset(event.actor + event.recipient)
    return frozenset(event.actor)


# Acts whose modes are measures of their own: a recall and an expulsion, a threat of force and
# one of trade curbs, an arrest and a blockade are each an event, though taken the same day.
_MEASURES = {"SANCTION", "THREATEN", "COERCE"}


def _same(a: Event, b: Event) -> bool:
    if a.event != b.event or _sides(a) != _sides(b) or a.negated != b.negated:
        return False
    if a.actor_text != b.actor_text:
        return False
    if a.mode == b.mode == "visit" and a.recipient != b.recipient:
        return False  # a visit and the return visit
    if "phone" in {a.mode, b.mode} and a.mode and b.mode and a.mode != b.mode:
        return False  # a call and a visit or summit are two meetings, however near in time
    if a.event in _MEASURES and a.mode and b.mode and a.mode != b.mode:
        return False  # "recalled its envoy and expelled theirs": two measures, one day
    if a.event == "CONSULT" and _other_principals(a.people, b.people):
        return False  # the minister met the president, and later the same day the premier
    if a.when is None or b.when is None:
        return True  # a sentence without its own date goes with the dated one it continues
    if a.when.from_publication or b.when.from_publication:
        # ... when that one is the news of the report's weeks: an act dated years before
        # ("a border deal of 2008") is background, not what the report tells
        news, other = (a.when, b.when) if a.when.from_publication else (b.when, a.when)
        return other.end >= news.start - NEWS_WINDOW and other.start <= news.end + NEWS_WINDOW
    return a.when.start <= b.when.end and b.when.start <= a.when.end


def _other_principals(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two meetings share a principal but each names someone the other does not.

    One meeting told again names the same people or some of them; the visitor's second meeting
    on the same day ("met the foreign minister …, and later the president") keeps the visitor
    and names another host.
    """
    first, second = set(a), set(b)
    return bool(first & second) and not (first <= second or second <= first)


def _narrower(a: Span | None, b: Span | None) -> Span | None:
    """The date the text states over one inferred, then the more precise."""
    if a is None or b is None:
        return a or b
    order = {"day": 0, "month": 1, "year": 2}
    return min((a, b), key=lambda s: (s.from_publication, order[s.precision]))
