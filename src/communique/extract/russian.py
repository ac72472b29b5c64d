"""Events and agreements from a Russian Doc, read from its Universal Dependencies parse.

The English coders (:mod:`.events`, :mod:`.agreements`) read spaCy's English parse: a
preposition heads its noun ("with" -> "Lavrov"), and their conditions name English words
("with", "of", "each other", "will"). Russian marks the same roles with case and a preposition
that hangs from its noun (UD's ``case``), so the readings differ; what the two share is used as
is: the records (:class:`~communique.model.Event`, :class:`~communique.model.Instrument`), the
dates (the sentence's date phrase, read through the Russian date table), merging one happening's
sentences, placing a visit, and every confidence. The words are data:
``ru-events.jsonl`` (triggers by PLOVER type) and ``ru-instruments.json`` (instrument nouns and
the verbs and nouns of their lifecycle).

Roles from the parse:

- a verb's subject (``nsubj``, with its conjuncts) is the actor; a passive verb's is the patient,
  its agent the noun in the instrumental without a preposition ("был принят Президентом");
  rows marked ``reverse`` ("принять": receive) make the subject the host;
- the recipient is the object, or a noun with "с" (the counterpart), "в адрес", "против", "к";
- a noun trigger takes the subject of the verb it hangs from ("провел переговоры"), or its own
  genitive ("визит Президента") and "с" phrase;
- "в" + a place where a visit or meeting happens is its place, and for a visit its host;
- an act under a verb of agreeing or deciding ("договорились провести") is what was agreed, not
  a happening: the outer verb's row codes AGREE.

Where the sentence names no doer (passives without an agent, impersonal "решено"), the doer is
the state the article names most: a ministry's release speaks for its state.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from ..ents import Mentions
from ..model import Event, Evidence, Instrument, Mention, Span
from ..patterns import instruments_ru, jsonl_rows, speech, tables
from .confidence import rate_event
from .dates import needs_anchor
from .events import _merge, _salient, _states_in_play

__all__ = ["find_events_ru", "find_instruments_ru", "instrument_titles_ru"]

_SUBJECTS = {"nsubj", "nsubjpass"}
# How an instrument hangs from the verb that acts on it.
_GOVERNED = {"dobj", "nsubj", "nsubjpass", "obl"}
_PRONOUNS = {"PRON", "DET"}
_OBJECTS = {"dobj", "dative"}
_NOMINAL = {"obl", "nmod", "obl:agent"}
# Prepositions (lemmas) whose noun is whom an act is aimed at or done with.
_WITH = {"с", "со"}
_AIMED = {"против", "к", "перед", "при"}
_IN = {"в", "во", "на"}
# "в адрес X": an act aimed at X
_ADDRESS = "адрес"
# "со стороны X": an act done by X (the agent of a noun of action or of a reaction promised)
_SIDE = "сторона"
_PROMISED = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
_THREATENED = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}
_DIRECTED = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SANCTION", "COERCE", "PROTEST"}
# Dependents that open another clause or list item: not part of a phrase's own words.
_CLAUSES = {"acl", "acl:relcl", "advcl", "parataxis", "ccomp", "xcomp", "conj", "cc", "punct"}
# Where a phrase ends: at a clause, but not at a conjunct inside it ("министры Казахстана и
# Узбекистана" names both).
_PHRASE_ENDS = _CLAUSES - {"conj", "cc"}
_KINDS_OF_DOER = {"state", "person", "organisation", "office", "collective"}
# How many words up from a date phrase its trigger may be ("в среду" -> "объявила").
_DATE_REACH = 4
_STATE_CODE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z_]+)$")


@cache
def _triggers() -> dict[tuple[str, str], list[dict]]:
    """Trigger rows by (lemma, part of speech), rows with conditions first."""
    found: dict[tuple[str, str], list[dict]] = {}
    for name in tables("ru-events"):
        for row in jsonl_rows(name):
            found.setdefault((row["lemma"], row["pos"]), []).append(row)
    for rows in found.values():
        rows.sort(key=lambda r: not r.get("object"))
    return found


def _words(token: Token) -> set[str]:
    """The lemmas of a word's dependents and of the word it hangs from."""
    return {c.lemma_ for c in token.children} | {token.head.lemma_}


def _applies(token: Token, row: dict) -> bool:
    objects = row.get("object")
    found = _words(token) | (_phrase_words(token) if row.get("deep") else _grandchildren(token))
    if objects and not found & set(objects):
        return False
    if row.get("negated") and not _negated(token, token):
        return False
    return not row.get("passive") or _passive(token)


def _negated(clause: Token, token: Token) -> bool:
    """Whether "не" negates the trigger or its verb (or stands just before it)."""
    before = [token.doc[token.i - 1]] if token.i > token.sent.start else []
    return any(c.lemma_ == "не" for c in (*clause.children, *token.children, *before))


def _phrase_words(token: Token) -> set[str]:
    """The lemmas of every word in a verb's phrases, not in the clauses hanging on it.

    A judgement may sit deep in the complement ("расценили намерение … как недружественный
    поступок").
    """
    found, stack = set(), list(token.children)
    while stack:
        word = stack.pop()
        found.add(word.lemma_)
        stack.extend(c for c in word.children if c.dep_ not in _CLAUSES)
    return found


def _grandchildren(token: Token) -> set[str]:
    return {g.lemma_ for c in token.children for g in c.children}


def _passive(token: Token) -> bool:
    """A passive verb or participle: "был принят", "вызван", "принимается"."""
    return "Pass" in token.morph.get("Voice") or any(c.dep_ == "nsubjpass" for c in token.children)


def _case_of(token: Token) -> str:
    """The preposition of a noun phrase (its ``case`` dependent), "" without one."""
    return next((c.lemma_ for c in token.children if c.dep_ == "case"), "")


def _core(token: Token, *, own: bool = False) -> tuple[int, int]:
    """Character bounds of a phrase's own words (without clauses hanging on it).

    A dependent set off by a comma opens a clause of its own ("…, в ходе которого …") unless
    it is a list's next item. ``own``: nor its prepositional phrases ("посол России в
    Молдавии": Moldova is where the envoy is, not whose).
    """
    stack, lo, hi = [token], token.idx, token.idx + len(token)
    while stack:
        word = stack.pop()
        lo, hi = min(lo, word.idx), max(hi, word.idx + len(word))
        stack.extend(
            c
            for c in word.children
            if c.dep_ not in _PHRASE_ENDS
            and not (own and _prepositional(c))
            and not (c.dep_ != "conj" and c.i > token.i and _after_comma(c))
        )
    return lo, hi


def _after_comma(word: Token) -> bool:
    first = word.left_edge.i
    return first > 0 and word.doc[first - 1].text == ","


def _prepositional(token: Token) -> bool:
    return token.dep_ != "case" and bool(_case_of(token))


def _nested_with(tokens: list[Token]) -> list[Token]:
    """The "с" phrases inside a doer's phrase: "переговоры X с Y" names Y as the other side."""
    found = []
    for token in tokens:
        for word in token.subtree:
            if word is not token and word.dep_ in _NOMINAL and _case_of(word) in _WITH:
                found.extend(_with_conjuncts(word))
    return found


def _describing(word: Token) -> bool:
    """A participle describing a noun, after it ("санкции, введённые …") or before it."""
    return word.dep_ == "acl" or (word.dep_ == "amod" and "Part" in word.morph.get("VerbForm"))


def _agent(word: Token) -> bool:
    """A noun in the instrumental without a preposition: a passive's doer."""
    return word.dep_ in _NOMINAL and not _case_of(word) and "Ins" in word.morph.get("Case")


def _with_conjuncts(token: Token) -> list[Token]:
    found, stack = [], [token]
    while stack:
        word = stack.pop()
        found.append(word)
        stack.extend(c for c in word.children if c.dep_ == "conj")
    return found


class _Reader:
    """One Doc's mentions, asked for the codes and people inside each phrase."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.mentions = Mentions.of(mentions)
        self.salient = [c for c in _salient(self.mentions) if _STATE_CODE.match(c)]
        self.in_play = _states_in_play(self.mentions)
        table = speech(doc.lang_)
        self.person_pronouns = set(table["person_pronouns"])
        self.speech_verbs = set(table["speech_verbs"])
        self.latter_words = set(table.get("latter_words", ()))
        self.phrases = [p.split() for p in table["attribution_phrases"]]
        self.possessives = set(table.get("possessive_pronouns", ()))

    def antecedent(self, pronoun: Token) -> Mention | None:
        """The person a personal pronoun stands for: the last one named before it, nearby."""
        if pronoun.lemma_ not in self.person_pronouns:
            return None
        sent = pronoun.sent
        lo = self.doc[max(0, sent.start - 1)].sent.start_char if sent.start else 0
        named = [
            m for m in self.mentions.starting_in(lo, pronoun.idx) if m.kind == "person" and m.name
        ]
        return named[-1] if named else None

    def judged(self, verb: Token) -> list[str]:
        """Whom a judgement without a subject of its own is about ("но последняя деградировала").

        The parse may hang the subject on another verb: the nominative subject just before the
        verb in its clause (back to a comma or quotation mark) is taken; "последняя" (the latter)
        is the state or organisation named last before it.
        """
        for word in reversed(verb.doc[verb.sent.start : verb.i]):
            if word.is_punct:
                break
            if word.dep_ not in _SUBJECTS or "Nom" not in word.morph.get("Case"):
                continue
            if word.lemma_ not in self.latter_words:
                return self.codes([word], own=True)[0]
            named = [
                m
                for m in self.mentions.starting_in(word.sent.start_char, word.idx)
                if m.kind in {"state", "organisation"} and m.codes
            ]
            return [c for c in named[-1].codes if _STATE_CODE.match(c)] if named else []
        return []

    def bodies(self, tokens: list[Token]) -> list[str]:
        """The codes of the organisations phrases name ("в хорватский МИД"), not of the states.

        A compound preposition ("в связи с мерами ЕС") gives a reason, not a place.
        """
        codes: list[str] = []
        for token in tokens:
            if any(
                c.dep_ == "case" and any(f.dep_ == "fixed" for f in c.children)
                for c in token.children
            ):
                continue
            lo, hi = _core(token, own=True)
            codes += [
                c
                for m in self.mentions.starting_in(lo, hi)
                if m.kind == "organisation" and m.end <= hi
                for c in m.codes
                if c and _STATE_CODE.match(c)
            ]
        return list(dict.fromkeys(codes))

    def speaker(self, token: Token) -> tuple[list[str], list[str]]:
        """Who says the sentence a trigger stands in: the codes and people of its speaker.

        The subject of a verb of saying ("«…», – заявил министр"), the one an attribution phrase
        names ("По словам министра", "По его словам"), or the name a headline opens with
        ("Министр: такие шаги не останутся без ответа").
        """
        sent = token.sent
        for word in sent:
            if word.pos_ == "VERB" and word.lemma_ in self.speech_verbs:
                found = self.codes([c for c in word.children if c.dep_ in _SUBJECTS], own=True)
                if found[0]:
                    return found
        words = [w.lower_ for w in sent]
        for phrase in self.phrases:
            for i in range(len(words) - len(phrase)):
                if words[i : i + len(phrase)] == phrase:
                    named = sent[i + len(phrase)]
                elif (
                    len(phrase) == 2
                    and words[i] == phrase[0]
                    and words[i + 1] in self.possessives
                    and words[i + 2 : i + 3] == phrase[1:]
                ):
                    named = sent[i + 1]
                else:
                    continue
                found = self.codes([named], own=True)
                if found[0]:
                    return found
        root = sent.root
        if root.pos_ == "PROPN" and root.i + 1 < sent.end and self.doc[root.i + 1].text == ":":
            return self.codes([root], own=True)
        return [], []

    def codes(self, tokens: list[Token], *, own: bool = False) -> tuple[list[str], list[str]]:
        """The codes and people the phrases headed by ``tokens`` name.

        ``own``: only the phrase's own words, not its prepositional phrases ("посол России в
        Молдавии" is Russia's envoy: Moldova is where, not who).
        """
        codes: list[str] = []
        people: list[str] = []
        for token in tokens:
            if token.pos_ in _PRONOUNS and (person := self.antecedent(token)) is not None:
                codes += [c for c in person.codes if c and _STATE_CODE.match(c)]
                people.append(person.name or person.text)
                continue
            lo, hi = _core(token, own=own)
            aside = [
                _core(w) for w in token.subtree if own and w is not token and _prepositional(w)
            ]
            for m in self.mentions.starting_in(lo, hi):
                if m.end > hi or m.kind not in _KINDS_OF_DOER:
                    continue
                if any(a <= m.start < b for a, b in aside):
                    continue
                codes += [c for c in m.codes if c and _STATE_CODE.match(c)]
                if m.kind == "person" and m.name:
                    people.append(m.name)
        return list(dict.fromkeys(codes)), list(dict.fromkeys(people))

    def _city_name(self, mention: Mention) -> str:
        """A city's English name: the gazetteer's, or the one the name ruler matched."""
        if mention.kind == "place" and mention.name:
            return mention.name
        span = self.doc.char_span(mention.start, mention.end)
        return (span.ent_id_ if span is not None and span.ent_id_ else "") or mention.text

    def localise(self, event: Event) -> Event:
        """A visit placed in its host state is placed in the host's city the article names most.

        "Визит в Республику Беларусь" names the state; "в Минске", elsewhere in the article,
        the city (as :func:`.events._localise` does for English, by the English names here).
        """
        host = event.recipient[0] if event.mode == "visit" and len(event.recipient) == 1 else None
        if host is None or event.place_code != host:
            return event
        cities = Counter(
            self._city_name(m)
            for m in self.mentions
            if (m.kind == "place" or m.reference == "seat") and m.code == host
        )
        if not cities or event.place in cities:
            return event
        return dataclasses.replace(event, place=cities.most_common(1)[0][0])

    def place(self, tokens: list[Token]) -> tuple[str | None, str | None]:
        """A place a phrase names: a city, else a state (name, code)."""
        for token in tokens:
            lo, hi = _core(token)
            found = [m for m in self.mentions.starting_in(lo, hi) if m.end <= hi]
            # by the canonical (English) name: the text's form is inflected ("в Минске")
            for m in found:
                if m.kind == "place" or m.reference == "seat":
                    return self._city_name(m), m.code
            for m in found:
                if m.kind == "state":
                    return m.name or m.text, m.code
        return None, None


def _clause(token: Token) -> Token:
    """The verb a noun trigger hangs from ("провел переговоры", "переговоры прошли")."""
    if token.pos_ == "VERB":
        return token
    head = token.head
    if (
        head is not token
        and head.pos_ in {"VERB", "AUX"}
        and token.dep_
        in {
            *_SUBJECTS,
            *_OBJECTS,
            "obl",
        }
    ):
        return head
    return token


def _agreed(token: Token, rows: list[dict]) -> bool:
    """Whether the trigger is what another act is about, not a happening of its own.

    What a verb of agreeing, asking or rejecting governs ("договорились провести встречу",
    "отверг обвинения"): that verb's row codes the event. A meeting or other cooperation that
    a decision sets ("решено провести заседание") is the decision's promise (AGREE); an act it
    decides ("решили ограничить число дипломатов") is the act.
    """
    for word in (token, token.head):
        head = word.head
        if head is word or word.dep_ not in {"xcomp", "ccomp", "csubj", "dobj", "nsubjpass"}:
            continue
        above = _rows_of(head)
        if any(r.get("governs") for r in above):
            return True
        promised = all(r["event"] in _PROMISED for r in rows)
        if promised and any(r["event"] == "AGREE" for r in above):
            return True
    return False


def _rows_of(token: Token) -> list[dict]:
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in {"NOUN", "PROPN"} else ""
    return _triggers().get((token.lemma_, pos), [])


def _tense(clause: Token) -> str:
    """Past, present or future, from the verb's features and auxiliaries."""
    if "Fut" in clause.morph.get("Tense") or any(
        c.lemma_ == "быть" and "Fut" in c.morph.get("Tense") for c in clause.children
    ):
        return "future"
    if "Pres" in clause.morph.get("Tense"):
        return "present"
    return "past"


def find_events_ru(
    doc: Doc,
    mentions: Sequence[Mention],
    *,
    published: date | None,
    titles: list[tuple[int, int]] | None = None,
) -> list[Event]:
    """Every event a Russian Doc states, merged within the Doc."""
    reader = _Reader(doc, mentions)
    titles = titles or []
    found: list[tuple[Event, bool]] = []
    for token in doc:
        if token.ent_type_ == "DATE" or any(lo <= token.idx < hi for lo, hi in titles):
            continue
        rows = [r for r in _rows_of(token) if _applies(token, r)]
        if not rows or _agreed(token, rows):
            continue
        for row in rows:
            event = _code(token, row, reader, published=published, titles=titles)
            if event is not None:
                found.append((event, bool(row.get("apart"))))
                break
    # acts of one type but different modes are different acts (a recall and an expulsion on one
    # day); a visit and its talks are one happening whatever their modes, but a reception by
    # the host's leader is a meeting of its own
    groups: dict[tuple[str | None, bool], list[Event]] = {}
    for event, apart in found:
        mode = None if event.event == "CONSULT" and not apart else event.mode
        groups.setdefault((mode, apart), []).append(event)
    merged = [event for group in groups.values() for event in _merge(group)]
    merged.sort(key=lambda e: e.evidence[0].start)
    return [reader.localise(event) for event in merged]


def _participants(
    token: Token, clause: Token, row: dict
) -> tuple[list[Token], list[Token], list[Token], list[Token]]:
    """Subject, object and place phrases of a trigger: (doers, targets, places, owners).

    ``owners``: a noun trigger's own genitive ("встреча президентов Турции и Грузии"), which names
    its participants before the subject of the verb it hangs from does.
    """
    owners: list[Token] = []
    doers: list[Token] = []
    targets: list[Token] = []
    places: list[Token] = []
    agents: list[Token] = []
    heads = [token] if clause is token else [clause, token]
    passive = _passive(clause)
    for head in heads:
        for child in head.children:
            case = _case_of(child)
            if child.dep_ in _SUBJECTS and head is clause:
                (targets if passive else doers).extend(_with_conjuncts(child))
            elif child.dep_ in _OBJECTS and child is not token:
                if head.i == clause.i != token.i != child.i and _rows_of(child):
                    continue  # another happening the verb reports ("провел разговор … встречи")
                targets.extend(_with_conjuncts(child))
            elif child.dep_ in _NOMINAL:
                if case in _WITH and child.lemma_ == _SIDE and "Gen" in child.morph.get("Case"):
                    # "с венгерской стороны" (a verb's doer), "деятельность со стороны Хорватии"
                    # (the doer of what the noun names, judged where the row is reversed)
                    (doers if head is token and token.pos_ != "VERB" else agents).append(child)
                elif case in _WITH:
                    targets.extend(_with_conjuncts(child))
                elif case in _AIMED or (case == "в" and child.lemma_ == _ADDRESS):
                    targets.extend(
                        _with_conjuncts(child) if case in _AIMED else list(child.children)
                    )
                elif case in _IN:
                    places.extend(_with_conjuncts(child))
                elif not case and "Ins" in child.morph.get("Case") and passive:
                    doers.extend(_with_conjuncts(child))  # the agent of a passive
                elif (
                    not case
                    and "Gen" in child.morph.get("Case")
                    and head is token
                    and token.pos_ != "VERB"
                ):
                    owners.extend(_with_conjuncts(child))  # "визит Президента"
            elif child.dep_ in {"det", "nmod:poss"} and head is token and child.pos_ in _PRONOUNS:
                doers.append(child)  # "его переговоры": his talks
            elif _describing(child) and head is token and token.pos_ != "VERB":
                # "санкции, введённые Евросоюзом": the participle's agent
                doers += [g for g in child.children if _agent(g) or g.dep_ in _SUBJECTS]
    doers += owners
    if not doers and not passive and clause.dep_ == "conj" and not _passive(clause.head):
        # "… осудили … и предложили консулу покинуть страну": the first verb's subject
        doers = [c for c in clause.head.children if c.dep_ == "nsubj"]
    if row.get("reverse"):
        doers, targets, owners = targets, doers, []
    doers += agents
    targets += [t for t in _nested_with(doers) if t not in targets]
    return doers, targets, places, owners


def _referenced(token: Token) -> bool:
    """A noun trigger in the genitive of another noun ("итоги переговоров"), without a preposition.

    Without participants of its own it names a happening told elsewhere, or none in particular.
    """
    return token.pos_ != "VERB" and token.dep_ == "nmod" and not _case_of(token)


def _addressees(clause: Token) -> list[Token]:
    """Whom the document an act is stated in was handed to.

    "Посольству направлено письмо, в котором … предложено покинуть страну": the act in a
    relative clause of a noun is aimed at the dative or object of the verb that noun hangs from.
    """
    if clause.dep_ != "acl:relcl" or clause.head.head is clause.head:
        return []
    noun = clause.head
    return [c for c in noun.head.children if c.dep_ in _OBJECTS and c is not noun]


def _code(
    token: Token,
    row: dict,
    reader: _Reader,
    *,
    published: date | None,
    titles: list[tuple[int, int]],
) -> Event | None:
    """The event one trigger codes, or None where it finds no one to code it for."""
    clause = _clause(token)
    doers, targets, places, owners = _participants(token, clause, row)
    if not doers + targets and _referenced(token):
        return None  # "итоги переговоров", "обсудили итоги встречи": a happening named, not told
    actor, people = reader.codes(owners, own=True)
    if not actor:
        actor, people = reader.codes(doers, own=True)
    # the one an act is done to is whose, not where ("посол Сербии в Хорватии" is Serbia's)
    subjects = [t for t in targets if t.dep_ in _SUBJECTS]
    recipient, named = reader.codes(subjects, own=True)
    more, also = reader.codes([t for t in targets if t not in subjects])
    recipient, named = list(dict.fromkeys(recipient + more)), named + also
    place, place_code = reader.place(places)
    kind = row["event"]
    mode = row.get("mode")
    if not actor and row.get("place_doer"):
        # "был вызван в МИД Румынии": the ministry one is summoned to summons
        actor = reader.bodies(places)
    if row.get("speaker"):
        # "«… деградировала», – заявил министр": the one who says so judges
        said, spoken = reader.speaker(token)
        if said:
            actor, people = said, people + spoken
    if not recipient and row.get("speaker"):
        recipient = reader.judged(token)
    if not recipient and kind in _DIRECTED:
        recipient, more = reader.codes(_addressees(clause), own=True)
        named += more
    if row.get("needs_recipient") and not recipient:
        return None
    if row.get("needs_person") and not people + named:
        return None  # "решение принято": a thing received is no meeting
    if not actor and kind == "AGREE":
        actor = reader.in_play  # "решено", "условились": a joint release's sides agreed
    if not actor and kind != "CONSULT":
        # no doer named ("был вызван посол"): the side the article names most, not the target
        actor = [c for c in reader.salient if c not in recipient][:1]
    recipient = [c for c in recipient if c not in actor]
    if mode == "visit" and not recipient and place_code and place_code not in actor:
        recipient = [place_code]
    if kind == "CONSULT" and len(set(actor) | set(recipient)) < 2:
        others = [c for c in reader.in_play if c not in actor]
        if not actor:
            actor = [c for c in reader.in_play if c not in recipient][:1]
            others = [c for c in reader.in_play if c not in actor]
        recipient = recipient or others[:1]
    if kind in _DIRECTED and not recipient:
        # the other side in the news: the states and organisations the article names most
        recipient = [c for c in reader.salient if c not in actor][:1]
    sides = [*actor, *recipient]
    if kind == "CONSULT" and mode == "meet" and len(set(sides)) == 2 and place_code in sides:
        # PLOVER: a meeting on one participant's soil is a visit to it
        mode, recipient = "visit", [place_code]
        actor = [c for c in sides if c != place_code]
    if not actor:
        return None
    tense = _tense(clause)
    if tense == "future" and kind in _PROMISED:
        kind, mode = "AGREE", None
    elif tense == "future" and kind in _THREATENED:
        kind, mode = "THREATEN", None
    # "не останутся без ответа": the negation is the trigger's own words
    negated = _negated(clause, token) and not row.get("negated")
    sent = token.sent
    stated = _attached_date(token, clause, published, tense == "future", titles)
    if kind == "AGREE" and published and stated and stated.start > published:
        # the date of what was agreed ("провести в 2022 году"), not of the agreeing
        stated = Span(start=published, end=published, precision="day", from_publication=True)
    evidence = Evidence(start=sent.start_char, end=sent.end_char, sentence=sent.text.strip())
    coded = Event(
        event=kind,
        mode=mode,
        context=row.get("context"),
        actor=tuple(actor),
        recipient=tuple(recipient),
        people=tuple(dict.fromkeys(people + named)),
        when=stated,
        place=place,
        place_code=place_code,
        negated=negated,
        tense=tense,  # type: ignore[arg-type]
        evidence=(evidence,),
    )
    facts: dict[str, Any] = {"subjects": doers, "objects": targets, "rule": row}
    return rate_event(coded, trigger=token, clause=clause, mentions=reader.mentions, **facts)


def _governor(word: Token) -> Token:
    """The verb a noun phrase hangs from through phrases only ("подписано … по итогам переговоров").

    Its date dates what the phrase names too; a noun in a clause of its own keeps its own.
    """
    for _step in range(_DATE_REACH):
        if word.head is word or word.dep_ in _CLAUSES:
            return word
        word = word.head
        if word.pos_ in {"VERB", "AUX"}:
            return word
    return word


def _governing(verb: Token) -> list[Token]:
    """A verb and the verbs whose complement it is ("объявил …, что … решили ограничить")."""
    found = [verb]
    for _step in range(_DATE_REACH):
        if verb.dep_ not in {"xcomp", "ccomp"} or verb.head is verb:
            break
        verb = verb.head
        found.append(verb)
    return found


def _date_path(word: Token) -> list[Token]:
    """The words above a date phrase, through phrases only, that it may date.

    A date beside another ("На следующий день, в пятницу") hangs as its conjunct.
    """
    path = []
    for _step in range(_DATE_REACH):
        if word.head is word or (
            word.dep_ in _CLAUSES and not (word.dep_ == "conj" and word.head.ent_type_ == "DATE")
        ):
            break
        word = word.head
        path.append(word)
    return path


def _attached_date(
    token: Token,
    clause: Token,
    published: date | None,
    future: bool,
    titles: list[tuple[int, int]],
) -> Span | None:
    """The date of the trigger's own clause, else the article's.

    A date phrase counts where it hangs from the trigger or its verb through phrases only
    ("24–25 июня … находился", "визит … 19 января"); one inside a relative or complement clause
    ("…, которого поздравил с избранием в марте", "решено провести в 2022 году") dates another
    happening, and the sentence reports its news on the day of publication.
    """
    from . import _anchor, phrase_when  # the package's date readers (it imports this module)

    doc = token.doc
    # a participle describing the event dates it ("переговоров, прошедших в минувший четверг"),
    # before the verb a noun trigger hangs from ("провел разговор в понедельник")
    own = {token} | {c for c in token.children if _describing(c)}
    owners = own | {clause, *_governing(_governor(clause))}
    # a stated day, month or year before a weekday or relative word ("Во вторник, 3 марта
    # 2020 г., откроется …": the 3rd), and a weekday before a phrase counting from another date
    # ("На следующий день, в пятницу, …": the Friday, whichever day was named before)
    dates = sorted(
        (e for e in token.sent.ents if e.label_ == "DATE"),
        key=lambda e: (not any(c.isdigit() for c in e.text), needs_anchor(e.text)),
    )
    paths = {ent.start: _date_path(ent.root) for ent in dates}
    for ent in sorted(dates, key=lambda e: not own & set(paths[e.start])):
        if any(lo <= ent.start_char < hi for lo, hi in titles):
            continue
        if any(w in owners for w in paths[ent.start]):
            found = phrase_when(doc, ent.start, ent.end, published, future)
            if found is not None:
                return Span(start=found.start, end=found.end, precision=found.precision)
    if published is None:
        # an undated report: the sentence's own date, where it states one, else the day the
        # sentences just before it named (its news goes on from theirs)
        for ent in dates:
            found = phrase_when(doc, ent.start, ent.end, published, future)
            if found is not None:
                return Span(start=found.start, end=found.end, precision=found.precision)
        day = _anchor(doc, token.sent.start, None)
        return Span(start=day, end=day, precision="day") if day is not None else None
    return Span(start=published, end=published, precision="day", from_publication=True)


# -- instruments ---------------------------------------------------------------------------


def _instrument_nouns(token: Token) -> str | None:
    """The kind of instrument a noun names, where its modifiers make it one."""
    table = instruments_ru()
    kind = table["nouns"].get(token.lemma_)
    if kind is None:
        return None
    needs = table["needs_modifier"].get(token.lemma_)
    if needs and not any(c.lemma_ in needs for c in token.children if c.i < token.i):
        return None
    named = token.text[:1].isupper() and token.i > token.sent.start
    described = any(
        c.dep_ in {"nmod", "amod", "nummod"}
        and (c.i > token.i or c.lemma_ in table["naming_modifiers"])
        for c in token.children
    )
    return kind if named or described or needs else None


def _title_bounds(token: Token) -> tuple[int, int]:
    """Token bounds of an instrument's title: its modifiers before it and its complements after."""
    left = token.i
    naming = set(instruments_ru()["naming_modifiers"])
    for child in reversed(list(token.lefts)):
        # a name's own modifiers ("Совместное", "Евразийской"), not a description of it
        named = child.text[:1].isupper() or child.lemma_ in naming
        if child.dep_ in {"amod", "nummod"} and child.i == left - 1 and named:
            left = child.i
    right = token.i + 1
    stack = [c for c in token.rights if c.dep_ not in _CLAUSES]
    while stack:
        word = stack.pop()
        right = max(right, word.i + 1)
        # deeper in, a conjunct belongs to the title ("между Сербией и Венгрией"); only the
        # head noun's own conjunct is another instrument ("Программу … и постановление")
        stack.extend(c for c in word.children if c.dep_ not in _PHRASE_ENDS and c.i > token.i)
    doc = token.doc
    while right > token.i + 1 and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    return left, right


def _named_instruments(doc: Doc) -> list[tuple[Token, str, int, int]]:
    found = []
    taken: set[int] = set()
    for token in doc:
        if token.i in taken:
            continue
        kind = _instrument_nouns(token)
        if kind is None:
            continue
        left, right = _title_bounds(token)
        if right - left < 2 and kind not in instruments_ru()["single_word"]:
            continue
        taken.update(range(left, right))
        found.append((token, kind, left, right))
    return found


def _with_coreferents(
    doc: Doc, named: list[tuple[Token, str, int, int]]
) -> list[tuple[Token, str, int, int, str]]:
    """The named instruments with their titles, and the words that stand for one named before.

    "Соглашение было подписано …", "ратифицировала документ": a bare noun of the table's
    ``coreferent_nouns`` is the last instrument of its kind (any kind, for "документ") named
    before it; its bounds are empty, as it names no title of its own.
    """
    nouns = instruments_ru()["coreferent_nouns"]
    titles = {token.i: (token, kind, left, right) for token, kind, left, right in named}
    inside = {i for _t, _k, left, right in named for i in range(left, right)}
    last: dict[str | None, str] = {}
    found = []
    for token in doc:
        if token.i in titles:
            _t, kind, left, right = titles[token.i]
            title = doc[left:right].text
            last[kind] = last[None] = title
            found.append((token, kind, left, right, title))
        elif token.i not in inside and token.lemma_ in nouns:
            kind = nouns[token.lemma_]
            title = last.get(kind)
            if title is not None:
                found.append((token, kind or "agreement", token.i, token.i, title))
    return found


def instrument_titles_ru(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of a Russian Doc's instrument titles (their words code no events)."""
    return [
        (doc[left].idx, doc[right - 1].idx + len(doc[right - 1]))
        for _t, _k, left, right in _named_instruments(doc)
    ]


def _action(token: Token) -> str:
    """What the sentence says was done with the instrument: the word governing it.

    A verb it is the object or subject of ("подписали Программу", "Соглашение вступает в
    силу"), a noun of action it completes ("ход выполнения Программы"), or a participle
    describing it ("программ, утвержденных …"); conjuncts share their first's ("подписали
    Программу и постановление"). An instrument deeper in a phrase ("на основании статей
    Конвенции") is only referenced.
    """
    table = instruments_ru()
    word = token
    while word.dep_ == "conj" and word.head is not word:
        word = word.head
    head = word.head
    if head is not word and head.pos_ in {"VERB", "AUX"} and word.dep_ in _GOVERNED:
        action = table["verbs"].get(head.lemma_)
        forced = any(c.lemma_ in table["force_words"] for c in head.children)
        if action and (action != "entered_into_force" or forced):
            return action
    if head is not word and word.dep_ == "nmod":
        action = table["nouns_of_action"].get(head.lemma_)
        if action is not None:
            return action
    for child in word.children:
        if child.dep_ == "acl" and (action := table["verbs"].get(child.lemma_)):
            return action
    return "referenced"


def find_instruments_ru(
    doc: Doc,
    mentions: Sequence[Mention],
    *,
    published: date | None,
) -> list[Instrument]:
    """Every action on a named instrument a Russian Doc states, one per sentence and title."""
    reader = _Reader(doc, mentions)
    found: list[Instrument] = []
    for token, kind, left, right, title in _with_coreferents(doc, _named_instruments(doc)):
        sent = token.sent
        action = _action(token)
        if left == right and action == "referenced":
            continue  # "документ" alone, doing nothing: no record
        states = [
            c
            for c in dict.fromkeys(
                m.code
                for m in reader.mentions.starting_in(sent.start_char, sent.end_char)
                if m.kind in {"state", "person"} and m.code and len(m.code) == 3
            )
        ]
        parties = tuple(states or reader.in_play)
        span = (doc[left].idx, doc[right - 1].idx + len(doc[right - 1])) if right > left else (0, 0)
        stated: Span | None = None
        if action != "referenced":
            future = _tense(token.head) == "future"
            stated = _attached_date(token, token.head, published, future, [span])
        found.append(
            Instrument(
                title=title,
                kind=kind,
                action=action,
                parties=parties,
                when=stated,
                start=sent.start_char,
                end=sent.end_char,
                sentence=sent.text.strip(),
            )
        )
    return found
