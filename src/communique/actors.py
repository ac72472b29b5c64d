"""Stage 4, actors: resolve every mention to a person, an office, a state or an organisation.

Runs as the spaCy component ``communique_actors`` after the entity rulers and the NER. It reads
``doc.ents`` (PERSON, ORG, GPE, NORP from the model and the knowledge-base rulers, TITLE and
COLLECTIVE from our patterns) and writes ``doc._.mentions`` and ``doc._.learned``.

Resolution paths, in order of trust:

1. a name the knowledge base knows, with the role valid on the article's date;
2. a title in apposition with a name ("Russian Foreign Minister Sergey Lavrov", "Maxim Ryzhenkov,
   Minister of Foreign Affairs of Belarus"): the person gets that office for that state, and an
   unknown person's role is learned, with its document and sentence, for later documents;
3. a surname or initial form after the full name appeared in the same document;
4. a title without a name ("the Russian Foreign Minister"): the office's holder on that date;
5. collectives ("the sides", "the two countries") and first person in a speaker's words: the
   states in play, or the speaker's state.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Set
from datetime import date

from spacy.attrs import ENT_TYPE, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .ents import Mentions, doc_text, tokens_lowered
from .errors import ConfigError
from .kb import KnowledgeBase, Office, Organisation, Person, State, name_key
from .model import Mention, Reference, Role
from .patterns import LABEL_WORDS, TURN_LABEL, floor_label, transcript_headline

__all__ = ["ActorComponent", "ActorResolver"]

_LINKS = {"of", "the", "and", "for", "to"}
# Russian words that may stand between a title and its name: "посол России в Молдавии X",
# "министры иностранных дел России и Беларуси X и Y".
_LINKS_RU = {"и", "в", "во", "при"}
# Where an envoy is posted, in Russian: "посол России в Молдавии", "постпред при ООН".
_POSTED_RU = {"в", "во", "при"}
# Words joining two names that a plural title before them shares ("the foreign ministers X and Y").
_AND = {"and", "и"}
# How many tokens may stand between a title and the name in apposition: before the name ("the
# Minister … of the Republic of Chile, X") and after it ("X, Peru's ambassador").
_APPOSED_BEFORE = 8
_APPOSED_AFTER = 4
# Prepositions that make a city the place where something happens, not an actor.
_WHERE = {"in", "at", "near", "outside", "around", "across", "inside", "via", "through"}
# and those that make a name after them a place: "in Montenegro", not the person Montenegro.
_PLACED = {*_WHERE, "of", "to", "from", "into", "within", "throughout"}
# Offices held somewhere: "Ambassador to Chile", "Permanent Representative to the UN".
_ENVOYS = {"ambassador", "permanent_representative"}
# Offices whose post a body named beside the title does not make: envoys are posted to a state,
# spokespeople speak for a body in words of their own.
_UNQUALIFIED = {*_ENVOYS, "spokesperson"}
# The office of a minister whose portfolio has no office of its own: the text names the post.
_GENERIC_MINISTER = "minister"
# Offices whose holder is sent "for" a remit the text names: "special envoy for Arctic affairs".
_REMITTED = {"special_representative"}
# Words before "Minister" that rank the post rather than name its portfolio.
_TITLE_RANKS = {"Deputy", "First", "Senior", "Junior", "Acting", "Prime", "Vice", "Chief"}
_STATES = {"GPE", "NORP"}
# Sectors of the bodies through which a state acts: government, armed forces, parliament,
# courts, intelligence and police (the knowledge base's CAMEO sectors).
_STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP"}
# Languages whose knowledge-base entities are looked up by the id the ruler gave them (their
# names are matched on lemmas, the knowledge base is indexed in English): see ActorResolver._text.
_BY_ID = {"ru"}
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Lower-case particles inside names: "Lula da Silva", "Mohammed bin Salman", "Karel de Gucht".
_PARTICLES = {
    *("da", "de", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "bin", "ibn"),
}

# Words that make a title one held before: the text speaks of a former holder.
_FORMER = {"former", "ex", "ex-", "then", "бывший", "экс", "экс-"}
_FIRST_PERSON = {"we", "us", "our", "ours", "ourselves"}
_FIRST_PERSON_SINGULAR = {"i", "me", "my", "mine", "myself"}
_NOUNS = frozenset({NOUN, PROPN})  # the part-of-speech ids a Doc's POS array holds
# Whose words a stretch of text is: its start and end, the speaker (None: the floor's) and,
# for "we" at a joint event, the states the speaker speaks for together.
_Words = tuple[int, int, Mention | None, tuple[str, ...]]
# A headline that puts the speaker at a joint event of several states.
_JOINT = re.compile(r"\bjoint\b", re.IGNORECASE)
# Compiled once: every entity's text is looked up through them (a possessive ending dropped,
# "Chile-Peru" cut into its states).
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_STATE_JOINER = re.compile(r"\s*[-–/]\s*")


class ActorResolver:
    """Resolve the actors of one document at a time, learning roles as documents go by.

    People learned from an earlier document are found again by their full name or surname even
    where the model's NER misses them: the resolver keeps a phrase matcher of learned names.
    """

    def __init__(self, kb: KnowledgeBase, make_doc: Callable[[str], Doc]) -> None:
        self.kb = kb
        self.make_doc = make_doc
        self.learned_names = PhraseMatcher(make_doc("").vocab)
        self.shared_forms = _shared_forms(kb)

    def __call__(
        self, doc: Doc, *, day: date | None, source: str
    ) -> tuple[list[Mention], list[Role]]:
        """Return the document's mentions and the roles it taught."""
        self._mark_learned_names(doc)
        self._mark_label_names(doc)
        _mark_surnames_again(doc, self.kb.ranks)
        ents = _untagged_names(sorted(doc.ents, key=lambda e: e.start))
        ents = _Ents(_joined_names(ents, self.kb.ranks, self._longer_known), self.kb.ranks)
        mentions: list[Mention] = []
        learned: list[Role] = []
        in_doc: dict[str, str] = {}  # name key of a surname or full name -> canonical person
        stated: dict[str, Mention] = {}  # person -> the mention whose title the text stated
        titles = {e.start: e for e in ents if e.label_ == "TITLE"}
        attached: set[int] = set()
        places: list[Span] = []
        for ent in ents:
            if ent.label_ == "PERSON" or (self._unknown(ent) and _misread_name(ent, ents)):
                mention, title, role = self._person(
                    ent, ents, day=day, source=source, seen=in_doc, stated=stated
                )
                joint = self._joint(mention, title, ents)
                if joint is not mention and stated.get(mention.name or "") is mention:
                    stated[mention.name or ""] = joint  # the office the text stated, in full
                mention = joint
                mentions.append(mention)
                if title is not None:
                    attached.add(title.start)
                if role is not None:
                    learned.append(role)
                    self.kb.learn(role)
                    self._remember(role.person)
            elif ent.label_ in _PLACE_LABELS and not (
                _in_landform(ent, self.kb.landforms) or _region_prefixed(ent)
            ):
                states = self._states(ent)
                mentions.extend(states)
                named = self._named_after(ent, states)
                if named is not None:
                    mentions.append(named)
                if not states and ent.label_ != "NORP":
                    places.append(ent)
            elif ent.label_ in {"ORG", "FAC"}:
                mention = self._organisation(ent)
                if mention is not None:
                    mentions.append(mention)
            elif ent.label_ == "INSTITUTION":
                mentions.extend(self._institution(ent, ents))
        mentions = _organs_of(doc, [_as_stated(m, stated) for m in mentions])
        for start, title in titles.items():
            if start not in attached:
                mentions.extend(self._office(title, ents, day=day))
        in_play = {m.code for m in mentions if m.kind == "state"}
        # where the article names each organisation: a seat stands for the one named last
        named: dict[str | None, list[int]] = {}
        for m in mentions:
            if m.kind == "organisation":
                named.setdefault(m.code, []).append(m.start)
        mentions = [self._seated(doc, m, named) for m in mentions]
        for ent in places:
            mention = self._seat(ent, named) or self._place(ent, in_play)
            if mention is not None:
                mentions.append(mention)
        mentions.extend(self._domestic(doc, mentions))
        mentions.extend(self._named_again(doc, mentions))
        mentions.extend(self._collectives(ents, mentions))
        mentions.extend(self._first_person(doc, mentions))
        mentions = _in_context(mentions, self.shared_forms, self.kb)
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions, learned

    # -- people ---------------------------------------------------------------------------

    def _text(self, ent: Span) -> str:
        """The words to look an entity up by in the knowledge base, which is indexed in English.

        As written, in English; in a language whose names the Russian stage's ruler matched on
        lemmas, the canonical name of what it matched (its id), so "Беларуси" is looked up as
        "Belarus" and "С.В.Лаврова" as "Sergey Lavrov".
        """
        ident = ent.id_  # its own id: a span joined here over a known surname has none
        if ident and ent.doc.lang_ in _BY_ID:
            if ent.label_ in _STATES and ident in self.kb.states:
                return self.kb.states[ident].name
            if ent.label_ in {"TITLE", "INSTITUTION"} and ident in self.kb.offices:
                return self.kb.offices[ident].canonical
            if ent.label_ == "TITLE" and ident in self.kb.posts:
                return ident  # one post's English title ("Press Secretary of the President")
            if ent.label_ in {"PERSON", "ORG", "GPE", "LOC"}:
                return ident  # a person's, body's or city's name in English
        if ent.label_ == "PERSON" and ent.doc.lang_ in _BY_ID and _CYRILLIC.search(ent.text):
            # a name joined here from words the stage had not romanised ("Игорь Захаров")
            from .nlp.russian import romanised_name

            return romanised_name(ent) or ent.text
        return _strip_possessive(ent.text)

    def _unknown(self, ent: Span) -> bool:
        """Whether the knowledge base can say nothing of this entity's text."""
        text = self._text(ent)
        return self.kb.state(text) is None and self.kb.organisation(text) is None

    def _longer_known(self, span: Span) -> bool:
        """Whether a name one word longer is a known person ("Ana Luis Soto", not "Luis Soto")."""
        return bool(self.kb.find_people(span.text)) and span.doc.lang_ not in _BY_ID

    def _remember(self, person: str) -> None:
        forms = {person, person.split()[-1]}
        self.learned_names.add(person, [self.make_doc(form) for form in forms])

    def _mark_label_names(self, doc: Doc) -> None:
        """Label PERSON a known name a transcript writes in capitals: "MINISTER MAURO VIEIRA:".

        The model reads no name in capitals; the knowledge base knows it in any case. The
        longest run of the label's last words that names exactly one known person is the name.
        """
        spans = []
        for match in TURN_LABEL.finditer(doc.text):
            label = match.group(1).split("(")[0].rstrip()
            words = label.split()
            if not label.isupper() or not 1 <= len(words) <= LABEL_WORDS:
                continue
            for first in range(len(words)):
                name = " ".join(words[first:])
                people = self.kb.find_people(name)
                if len(people) == 1:
                    start = match.start(1) + label.rindex(name)
                    span = doc.char_span(
                        start, start + len(name), label="PERSON", span_id=people[0].name
                    )
                    if span is not None:
                        spans.append(span)
                    break
        if spans:
            _relabel_people(doc, spans)

    def _mark_learned_names(self, doc: Doc) -> None:
        """Label PERSON the full names and surnames of people learned from earlier documents."""
        if not len(self.learned_names):
            return
        _relabel_people(
            doc, [Span(doc, s, e, label="PERSON") for _id, s, e in self.learned_names(doc)]
        )

    def _person(
        self,
        ent: Span,
        ents: _Ents,
        *,
        day: date | None,
        source: str,
        seen: dict[str, str],
        stated: dict[str, Mention],
    ) -> tuple[Mention, Span | None, Role | None]:
        text = self._text(ent)
        title = _apposed_title(ent, ents)
        office, codes = self._title_meaning(title, ents) if title is not None else (None, ())
        if office is not None and not codes:
            codes = self._delegation_led(ent, ents)
        person = self._known_person(text, day=day, seen=seen)
        post = title.ent_id_ if title is not None and title.ent_id_ in self.kb.posts else None
        posted = (self._posted(title, office, ents) or post) if title is not None else None
        body = self._body_post(title, office, ents) if title is not None and not posted else None
        if body is not None:
            # "the Federal Police Commissioner X": the body's state is the person's, and the
            # post is the body's ("Commissioner of the Federal Police")
            codes = codes or (body[0].code,)
            posted = body[1]
        remit = _remit(title, ent.start) if title is not None and not posted else None
        if remit is not None and title is not None:
            # "special representative for Arctic affairs, X": the remit completes the post
            posted = _capitalised(t.text for t in (*title, *remit))
        ministry = _ministry(title) if title is not None and not posted else None
        if ministry is not None:
            posted = ministry  # "Minister of Fisheries", "Fisheries Minister"
        if title is not None and office is not None and not posted:
            posted = _spelt(title, office)  # "Secretary General", the text's own spelling
        spoken = self._spoken_for(title, office, ents) if title is not None else None
        if spoken is not None:
            posted = post = spoken
        learned = None
        if person is None and office is not None and len(codes) == 1 and _full_name(text):
            learned = Role(
                person=_canonical_name(text),
                office=office.id,
                code=codes[0],
                title=posted,
                doc=source,
                sentence=ent.sent.text,
            )
            person = learned.person
        if person is None and title is None and (head := self._head_of(ent, ents)) is not None:
            codes, posted = (head[0].code,), head[1]  # "X, the head of Chile's Mining Authority"
        if person is None:
            name = _canonical_name(text)
            if _full_name(text):
                _remember_surnames(seen, name)
            mention = self._mention(ent, "person", name, codes, office, label=posted)
            return mention, title, None
        seen[name_key(person)] = person
        _remember_surnames(seen, person)
        seen.setdefault(name_key(person).split()[0], person)  # "Mr Xi" after "Xi Jinping"
        known = self.kb.people.get(person)
        role = self.kb.role_on(known, day) if known else None
        held = (
            self._held_as(known, office.id, role, day)
            if known is not None and office is not None and not _former(title)
            else None
        )
        if held is not None and office is not None:
            # the text's title names one of the person's offices, the most senior held on the
            # day or another held at once ("Defence Minister X" who is also a deputy premier):
            # as that office's holder, under the post the title names ("official spokesperson",
            # not the role's other title), also for an office held before the day ("the then
            # foreign minister"); the role's title where it refines the post ("Chargé
            # d'Affaires of … in …")
            refines = bool(post and held.title and held.title.startswith(post))
            label = (None if refines else post) or held.title or office.canonical
            if label == office.canonical and (spelt := _spelt(title, office)):
                label = spelt  # the text's own spelling of the office's full name
            if body is not None and body[0].code == held.code and not held.title:
                label = body[1]  # the role's own title, where it has one, is the official one
            elif ministry is not None and not held.title:
                label = ministry
            mention = self._mention(ent, "person", person, (held.code,), office, label=label)
            stated.setdefault(person, mention)
            return mention, title, learned
        if role is not None:
            office, codes = self.kb.offices.get(role.office, office), (role.code,)
            label = role.title or (office.canonical if office else None)
            return self._mention(ent, "person", person, codes, office, label=label), title, learned
        former = self.kb.last_role(known, day) if known and not codes else None
        if former is not None:  # out of office: still acting for the same state
            held = self.kb.offices.get(former.office)
            post = former.title or (held.canonical if held else None)
            label = f"former {post}" if post else None
            mention = self._mention(ent, "person", person, (former.code,), label=label)
            return mention, title, learned
        return self._mention(ent, "person", person, codes, office, label=posted), title, learned

    def _joint(self, mention: Mention, title: Span | None, ents: _Ents) -> Mention:
        """A person named under two offices joined by "and" holds both, in the text's order.

        "First Vice-Premier and Economy Minister X" holds both posts together, under the names of
        the two offices in the text's order, not the second office alone.
        """
        if title is None or mention.office is None or title.start < 2:
            return mention
        doc = title.doc
        first = _ent_ending_at(ents, title.start - 1)
        if doc[title.start - 1].lower_ not in _AND or first is None or first.label_ != "TITLE":
            return mention
        office = self.kb.office(self._text(first))
        if office is None or _plural(first) or _former(first) or office.canonical in mention.office:
            return mention
        second = self.kb.office(self._text(title))
        if second is None or office.id == second.id:
            return mention  # one office named twice, or a title the table does not hold
        return dataclasses.replace(mention, office=f"{office.canonical} and {mention.office}")

    def _held_as(
        self, person: Person, office: str, role: Role | None, day: date | None
    ) -> Role | None:
        """The person's role of ``office`` that a title before or after their name speaks of.

        One held on the day (the most senior, ``role``, or one held at the same time); without
        any role on the day, the latest held before it.
        """
        if role is not None and role.office == office:
            return role
        held = [r for r in person.roles if r.office == office and r.valid_on(day)]
        if held:
            return max(held, key=lambda r: r.start or date.min)
        return self.kb.role_as(person, office, day) if role is None else None

    def _known_person(self, text: str, *, day: date | None, seen: dict[str, str]) -> str | None:
        key = name_key(text)
        tokens = key.split()
        if len(tokens) in {1, 2} and key in seen:
            return seen[key]  # "Lavrov", or "Vargas Ortiz" after "Alejandro Vargas Ortiz"
        if len(tokens) == 2 and len(tokens[0]) == 1 and tokens[1] in seen:
            return seen[tokens[1]]
        people = self.kb.find_people(text) or self._by_given_names(tokens)
        if len(people) > 1:
            people = [p for p in people if self.kb.role_on(p, day) is not None]
        if len(people) > 1:
            # One person recorded twice under two spellings holds the same office on the day.
            roles = {(r.office, r.code) for p in people if (r := self.kb.role_on(p, day))}
            people = people[:1] if len(roles) == 1 else people
        return people[0].name if len(people) == 1 else None

    def _by_given_names(self, tokens: list[str]) -> list[Person]:
        """Known people with this surname whose names hold every other word of the text.

        A name joined from a surname match ("Javad Zarif") is still the known "Mohammad Javad
        Zarif"; "Leszek Miller" shares no given name with a known Miller and stays unknown.
        """
        if len(tokens) < 2:
            return []
        found = []
        for person in self.kb.find_people(tokens[-1]):
            words = {w for v in (person.name, *person.aliases) for w in name_key(v).split()}
            if set(tokens[:-1]) <= words:
                found.append(person)
        return found

    # -- titles ---------------------------------------------------------------------------

    def _title_meaning(self, title: Span, ents: _Ents) -> tuple[object | None, tuple[str, ...]]:
        """The office a title names and the states it is for (before it, or after "of")."""
        office = self.kb.office(self._text(title))
        codes: list[str] = []
        before = _ent_ending_at(ents, _owner_end(title))
        if before is not None and before.label_ in {"GPE", "NORP"}:
            codes += self._codes_of(before)
        elif before is not None and before.label_ == "ORG":
            codes += self._served(before)
        elif before is not None and before.label_ == "INSTITUTION":
            # "Kenyan army spokesman": the state named before the institution
            owner = _ent_ending_at(ents, _owner_end(before))
            if owner is not None and owner.label_ in _STATES:
                codes += self._codes_of(owner)
        after = title.end
        doc = title.doc
        if doc.lang_ in _BY_ID:
            # Russian puts the owner after the title in the genitive, with no "of": "Министр
            # иностранных дел Республики Беларусь"; several joined by "и" ("России и Беларуси").
            # A national body there is where the holder serves ("председатель Совета
            # Республики"), not whose the title is; an international one is whose it is.
            owner = _ent_starting_at(ents, after)
            while owner is not None and owner.label_ in {"GPE", "NORP", "ORG"}:
                found = self._codes_of(owner)
                codes += [c for c in found if owner.label_ != "ORG" or c.startswith("IGO:")]
                joined = owner.end < len(doc) and doc[owner.end].lower_ in _AND
                owner = _ent_starting_at(ents, owner.end + 1) if joined else None
        while after < len(doc) and doc[after].lower_ in {"of", "for", "the", "and", ","}:
            nxt = _ent_starting_at(ents, after + (doc[after].lower_ in {"of", "for", "and", ","}))
            if doc[after].lower_ not in {"of", "for", "and", ","}:
                break
            if nxt is None or nxt.label_ not in {"GPE", "NORP", "ORG"}:
                nxt = (
                    _ent_starting_at(ents, after + 2)
                    if after + 1 < len(doc) and doc[after + 1].lower_ == "the"
                    else None
                )
            if nxt is None:
                break
            codes += self._codes_of(nxt)
            after = nxt.end
        return office, tuple(dict.fromkeys(codes))

    def _delegation_led(self, ent: Span, ents: _Ents) -> tuple[str, ...]:
        """The state whose delegation a titled person heads: theirs, when the title names none.

        "The Deputy Foreign Minister, Ana Ruiz, led the Chilean delegation to the talks": a
        release often names its own minister without the state; the delegation says whose.
        The person (or the title she stands in apposition to) is the subject of "lead" or
        "head", whose object is a delegation with one state before it.
        """
        token = ent.root
        while token.dep_ in {"appos", "compound"} and token.head.i != token.i:
            token = token.head
        verb = token.head
        if token.dep_ != "nsubj" or verb.lemma_.lower() not in {"lead", "head"}:
            return ()
        for noun in verb.children:
            if noun.dep_ != "dobj" or noun.lemma_.lower() != "delegation":
                continue
            owners = [
                e
                for e in (_ent_ending_at(ents, c.i + 1) for c in noun.children)
                if e is not None and e.label_ in _STATES and e.end <= noun.i
            ]
            codes = tuple(dict.fromkeys(c for e in owners for c in self._codes_of(e)))
            return codes if len(codes) == 1 else ()
        return ()

    def _served(self, body: Span) -> list[str]:
        """Whose a title named after a body is: the state or organisation the body is part of.

        "State Department spokesman", "Defence Ministry press secretary", "NATO spokeswoman": the
        holder speaks for the United States, or for NATO. A firm's or a party's spokesman
        ("Gazprom spokesman") speaks for no state.
        """
        org = self.kb.organisation(self._text(body))
        if org is None or not (org.code.startswith("IGO:") or org.sector in _STATE_SECTORS):
            return []
        return [org.code]

    def _posted(self, title: Span, office: Office | None, ents: _Ents) -> str | None:
        """An envoy's office with where the text says the envoy is posted: "Ambassador to Chile".

        "Ambassador to Santiago" is the ambassador to Chile; "envoy to the UN", the
        organisation. Other offices, or an envoy without "to", keep their plain name.
        """
        if office is None or office.id not in _ENVOYS:
            return None
        # a post's own title where the text names one ("Chargé d'Affaires to Latvia")
        base = title.ent_id_ if title.ent_id_ in self.kb.posts else office.canonical
        doc, i = title.doc, title.end
        if doc.lang_ in _BY_ID:
            # the sending state in the genitive, then where: "посол России в Молдавии"
            sender = _ent_starting_at(ents, i)
            i = sender.end if sender is not None and sender.label_ in _STATES else i
            host = _ent_starting_at(ents, i + 1)
            if i >= len(doc) or doc[i].lower_ not in _POSTED_RU or host is None:
                return None
        else:
            if i >= len(doc) or doc[i].lower_ != "to":
                return None
            host = _ent_starting_at(ents, i + 1) or _ent_starting_at(ents, i + 2)
            if host is None or (host.start > i + 1 and doc[i + 1].lower_ != "the"):
                return None
        if host.label_ in _STATES:
            codes = self._codes_of(host)
            state = self.kb.states.get(codes[0]) if len(codes) == 1 else None
            return f"{base} to {state.name}" if state else None
        org = self.kb.organisation(_strip_possessive(host.text)) if host.label_ == "ORG" else None
        return f"{base} to the {org.name}" if org and not org.body else None

    def _body_post(
        self, title: Span, office: Office | None, ents: _Ents
    ) -> tuple[Organisation, str] | None:
        """A post in a named body: "Police Commissioner", "President of the Regional Commission".

        The body stands right before the title (with at most two lower-case words between:
        "Police deputy commissioner") or after it, joined by "of (the)". It must be a state's
        own body or a principal body of an international organisation; the organisation
        itself ("UN Secretary-General") is the office's own owner, not a body within it.
        Spokespeople and envoys name their post otherwise.
        """
        doc = title.doc
        if office is None or office.institution or office.id in _UNQUALIFIED:
            return None
        if doc.lang_ in _BY_ID:
            return None  # Russian names the body after the title: see _title_meaning
        start = title.start
        while start > title.start - 3 and start > 0 and _modifier(doc[start - 1]):
            start -= 1
        found = _ent_ending_at(ents, start)
        words = doc[start : title.end]
        if found is None or found.label_ != "ORG":
            i = title.end
            if i + 1 < len(doc) and doc[i].lower_ == "of":
                i += 1 + (doc[i + 1].lower_ == "the")
                found = _ent_starting_at(ents, i)
            words = title
        if found is None or found.label_ != "ORG":
            return None
        post = " ".join(w.text if w.text[:1].isupper() else w.text.title() for w in words)
        return self._post_in(found, post)

    def _head_of(self, person: Span, ents: _Ents) -> tuple[Organisation, str] | None:
        """The body a name is said to lead, in apposition after it: "X, the chief of the RBP".

        A word that heads a body (``organisation-words.jsonl``), "of" and the body, a state's
        own or an organisation's principal body, with its state's possessive before it if
        any ("the head of Chile's Mining Authority"): the post is "Head of the <body>".
        """
        doc = person.doc
        i = person.end
        if doc.lang_ in _BY_ID or i + 3 >= len(doc) or doc[i].text != ",":
            return None
        i += 1 + (doc[i + 1].lower_ in {"the", "a"})
        if i + 2 >= len(doc) or doc[i].lower_ not in self.kb.org_leaders:
            return None
        leader, i = doc[i].text.capitalize(), i + 1
        if doc[i].lower_ != "of":
            return None
        i += 1 + (doc[i + 1].lower_ == "the")
        state = _ent_starting_at(ents, i)
        if state is not None and state.label_ in _STATES and state.end < len(doc):
            i = state.end + (doc[state.end].text in {"'s", "’s"})
        body = _ent_starting_at(ents, i)
        if body is None or body.label_ != "ORG":
            return None
        return self._post_in(body, leader)

    def _post_in(self, body: Span, post: str) -> tuple[Organisation, str] | None:
        """A post in a body the text names: the body, and "<post> of the <body's name>".

        Only a state's own body or an organisation's principal body: a post in any other
        organisation says nothing of whose the person is.
        """
        org = self.kb.organisation(_strip_possessive(self._text(body)))
        if org is None or (org.code.startswith("IGO:") and not org.body):
            return None
        name = re.sub(r"^the\s+", "", org.name, flags=re.IGNORECASE)
        return org, f"{post} of {'the ' if len(name.split()) > 1 else ''}{name}"

    def _spoken_for(self, title: Span, office: Office | None, ents: _Ents) -> str | None:
        """A spokesperson's post as the text words it, with what they speak for before it.

        "the Chilean Interior Ministry spokeswoman", "Navy press officer": the post is the
        words after the state ("Interior Ministry spokeswoman"), over the office's name or a
        known person's other title; "a spokesman for Chile's navy" is a "navy spokesman". A
        bare "spokesman" says no more than the office's name.
        """
        doc = title.doc
        if office is None or office.id != "spokesperson" or doc.lang_ in _BY_ID:
            return None  # Russian names the body after the post: see the posts of offices
        start = title.start
        while start > title.start - 2 and start > 0 and _modifier(doc[start - 1]):
            start -= 1
        body = _ent_ending_at(ents, start)
        if body is not None and body.label_ == "ORG":
            start = body.start
        words = [t for t in doc[start : title.end] if not t.is_punct]
        while words and (words[0].lower_ == "the" or self.kb.state(words[0].text)):
            words = words[1:]  # the state the post belongs to is not part of the post
        if len(words) >= 2:
            return doc[words[0].i : title.end].text
        # "a spokesman for Chile's navy": the state's institution spoken for, after "for"
        i = title.end
        state = _ent_starting_at(ents, i + 1) if i < len(doc) and doc[i].lower_ == "for" else None
        if state is None or state.label_ not in _STATES or state.end + 1 >= len(doc):
            return None
        body = _ent_starting_at(ents, state.end + 1)
        if doc[state.end].text not in {"'s", "’s"} or body is None:
            return None
        closed = body.end >= len(doc) or not doc[body.end].is_alpha
        return f"{body.text} {title.text}" if body.label_ == "INSTITUTION" and closed else None

    def _codes_of(self, ent: Span) -> list[str]:
        if ent.label_ in {"GPE", "NORP"}:
            codes = [c for m in self._states(ent) for c in m.codes]
            places = [] if codes else self.kb.places(self._text(ent))
            return codes or [places[0].code for _ in places[:1]]
        org = self.kb.organisation(self._text(ent))
        return [org.code] if org else []

    def _office(self, title: Span, ents: _Ents, *, day: date | None) -> list[Mention]:
        office, codes = self._title_meaning(title, ents)
        if office is None:
            return []
        found = []
        for code in codes or (None,):
            holder = self.kb.holder(office.id, code, day) if code and office.single_holder else None
            if holder is not None:
                person, role = holder
                label = role.title or office.canonical
                found.append(
                    self._mention(
                        title, "person", person.name, (code,), office, label=label, via="title"
                    )
                )
            else:
                codes_ = (code,) if code else ()
                found.append(
                    self._mention(title, "office", office.canonical, codes_, office, via="title")
                )
        return found

    def _institution(self, ent: Span, ents: _Ents) -> list[Mention]:
        """Resolve a state's institution named generically.

        "The Russian Foreign Ministry", "Mexican authorities", "the Armed Forces of Ukraine";
        without a state it stays unresolved.
        """
        office, codes = self._title_meaning(ent, ents)
        if office is None:
            return []
        found = []
        for code in codes:
            state = self.kb.states.get(code)
            name = f"{office.canonical} of {state.name}" if state else office.canonical
            name = (self._national_body(office, state) if state else None) or name
            mention = self._mention(ent, "organisation", name, (code,), office, via="title")
            found.append(dataclasses.replace(mention, office=None))
        return found

    def _national_body(self, office: Office, state: State) -> str | None:
        """The state's own body of that kind under its official name, where the KB lists it.

        "The Russian foreign ministry" is the Ministry of Foreign Affairs of the Russian
        Federation, as the ministry names itself, not a name built from the generic office.
        """
        for title in (office.canonical, *office.titles):
            forms = [f"{title} of {state.name}", f"{state.name}'s {title}"]
            for form in forms + [f"{adjective} {title}" for adjective in state.adjectives]:
                org = self.kb.organisation(form)
                if org is not None and org.code == state.code:
                    return org.name
        return None

    # -- states and organisations -----------------------------------------------------------

    def _states(self, ent: Span) -> list[Mention]:
        text = self._text(ent)
        code = self.kb.state(text)
        if code is not None:
            state = self.kb.states[code]
            # "Moscow", "the Kremlin": the state named by its seat, which is also a place;
            # written with or without its accents ("Brasilia")
            seat = _unaccented(text) == _unaccented(state.capital or "")
            via: Reference = "seat" if seat else "name"
            return [self._mention(ent, "state", state.name, (code,), via=via)]
        sharing = self.shared_forms.get(_strip_possessive(text).casefold())
        if sharing:
            # "Congolese", "Korean": a form the knowledge base gives to no one state is the
            # one of them the article names otherwise ("DR Congo", "Kinshasa"), if just one
            named = {self.kb.state(e.text) for e in ent.doc.ents if e.label_ in _PLACE_LABELS}
            meant = sharing & named
            if len(meant) != 1:
                return []
            state = self.kb.states[meant.pop()]
            return [self._mention(ent, "state", state.name, (state.code,))]
        parts = [self.kb.state(p) for p in _STATE_JOINER.split(text)]
        return [
            self._mention(ent, "state", self.kb.states[c].name, (c,))
            for c in dict.fromkeys(parts)
            if c is not None and len(parts) > 1
        ]

    def _seated(self, doc: Doc, mention: Mention, named: dict[str | None, list[int]]) -> Mention:
        """A capital that does not stand for its own state ("Brussels") may stand for a body."""
        if mention.kind != "state" or mention.reference != "seat":
            return mention
        state = self.kb.states.get(mention.code or "")
        if state is None or any(
            _plain_name(w) == _plain_name(mention.text) for w in state.metonyms
        ):
            return mention
        span = doc.char_span(mention.start, mention.end)
        return (self._seat(span, named) if span is not None else None) or mention

    def _seat(self, ent: Span, named: dict[str | None, list[int]]) -> Mention | None:
        """A city standing for the organisation seated there: "recalled its envoy from Brussels".

        Only where the article names that organisation, and not where the city is where
        something happens ("talks in Brussels"). Of several seated there that the article
        names (the EU and NATO), the one it named last before the city; named only after
        it, none.
        """
        seated = [o for o in self.kb.seated(self._text(ent)) if o.code in named]
        if len(seated) > 1:
            last = {
                o.code: max((at for at in named[o.code] if at < ent.start_char), default=-1)
                for o in seated
            }
            seated = [max(seated, key=lambda o: last[o.code])] if max(last.values()) >= 0 else []
        if len(seated) != 1:
            return None
        before = ent.doc[ent.start - 1].lower_ if ent.start else ""
        if before in _WHERE:
            return None
        org = seated[0]
        return dataclasses.replace(
            self._mention(ent, "organisation", org.name, (org.code,), via="seat"),
            sector=org.sector,
        )

    def _place(self, ent: Span, in_play: set[str | None]) -> Mention | None:
        """A city, from the offline gazetteer, in the state the text says it is in.

        "Somalia's Gedo" is in Somalia, whatever namesake the gazetteer knows elsewhere; among
        namesakes with no such word, the one in a state the text names.
        """
        found = self.kb.places(self._text(ent))
        if not found:
            return None
        owner = self._owner(ent)
        if owner is not None and all(p.code != owner for p in found):
            # "Somalia's Gedo region": the text says whose the place is, whatever namesake
            # the gazetteer knows elsewhere
            return self._mention(ent, "place", self._text(ent), (owner,))
        place = next((p for p in found if p.code == owner), None)
        place = place or next((p for p in found if p.code in in_play), found[0])
        return self._mention(ent, "place", place.name, (place.code,))

    def _organisation(self, ent: Span) -> Mention | None:
        text = self._text(ent)
        org = self.kb.organisation(text)
        owner = self._owner(ent)
        if org is not None:
            if owner is not None and not org.code.startswith("IGO:") and owner != org.code:
                # "Chile's Defense Department": the state named before a body's generic name
                # ("Department of Defense" is also the US one's) says whose it is
                mention = self._mention(ent, "organisation", f"{text} ({owner})", (owner,))
            else:
                mention = self._mention(ent, "organisation", org.name, (org.code,))
            return dataclasses.replace(mention, sector=org.sector)
        body = self._body_of_owner(ent, text)
        if body is not None:
            mention = self._mention(ent, "organisation", body.name, (body.code,))
            return dataclasses.replace(mention, sector=body.sector)
        code = self.kb.state(text)
        if code is not None:  # the model sometimes labels a state ORG ("the Russian Federation")
            return self._mention(ent, "state", self.kb.states[code].name, (code,))
        if len(ent) == 1 and (places := self.kb.places(text)):
            # ... and a city ORG ("a working visit to Gomel")
            return self._mention(ent, "place", places[0].name, (places[0].code,))
        # A national body named after its state or a city: "Moscow State University", "the US
        # Congress", "Kano State government"; or owned by the state named before it.
        words = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
        first = _strip_possessive(words.split()[0]) if words else ""
        code = self.kb.state(first) if first else None
        if code is None and first[:1].isupper():
            places = self.kb.places(first)
            code = places[0].code if places else None
        code = code or owner
        if code is not None and len(words.split()) > 1:
            return self._mention(ent, "organisation", words, (code,))
        return None

    def _named_after(self, ent: Span, states: list[Mention]) -> Mention | None:
        """A body or firm named after its state: "Kenya Airways", "the Chilean Mining Authority".

        The model often tags the state alone; capitalised words after it that no known entity
        holds (joined by "and", "of", "for" or a comma) and end in a word that ends
        organisations' names (``organisation-words.jsonl``) are the state's organisation.
        """
        if len(states) != 1 or ent.doc.lang_ in _BY_ID:
            return None
        doc = ent.doc
        if ent.start and doc[ent.start - 1].text in {"-", "–", "/"}:
            return None  # "the Chile-Peru Joint Commission" is both states' body
        end = last = ent.end
        while end < len(doc) and end - ent.end < 8:
            token = doc[end]
            if token.ent_type_ and (token.ent_type_ != "ORG" or token.ent_id_):
                break  # the model's own ORG over the name's tail may be part of it
            if token.is_title and token.is_alpha:
                end += 1
                if token.text in self.kb.org_heads:
                    last = end
            elif token.lower_ in {"and", "of", "for", ","} and end + 1 < len(doc):
                if not doc[end + 1].is_title or doc[end + 1].ent_id_:
                    break
                end += 1
            else:
                break
        if last == ent.end:
            return None
        span = doc[ent.start : last]
        return self._mention(span, "organisation", span.text, states[0].codes)

    def _body_of_owner(self, ent: Span, text: str) -> Organisation | None:
        """A principal body named after its organisation's possessive: "the AU's Assembly".

        The body is known under its organisation's name or acronym joined to its own ("AU
        Assembly", "Assembly of the African Union"); the possessive says which organisation.
        """
        doc = ent.doc
        i = ent.start - 1
        if i < 1 or doc[i].text not in {"'s", "’s"}:
            return None
        owner = _ent_ending_at_token(doc, i)
        parent = self.kb.organisation(self._text(owner)) if owner is not None else None
        if parent is None or parent.body:
            return None
        own = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
        for name in (parent.name, *parent.acronyms):
            for form in (f"{name} {own}", f"{own} of the {name}", f"{own} of {name}"):
                body = self.kb.organisation(form)
                if body is not None and body.body and body.code == parent.code:
                    return body
        return None

    def _owner(self, ent: Span) -> str | None:
        """The state named right before an entity: "Chile's", "the Russian", "a Thai firm"."""
        doc = ent.doc
        i = ent.start - 1
        if i >= 0 and doc[i].lower_ in self.kb.org_kinds:
            i -= 1  # "the Danish shipping firm X": what the text calls it, and how
            while i >= 0 and i > ent.start - 4 and _modifier(doc[i]):
                i -= 1
        if i >= 0 and doc[i].text in {"'s", "’s", "'"}:
            i -= 1
        if i < 0 or doc[i].ent_type_ not in {"GPE", "NORP"}:
            return None
        start = i
        while start > 0 and doc[start - 1].ent_iob_ == "I" and doc[start].ent_iob_ == "I":
            start -= 1
        return self.kb.state(doc[start : i + 1].text)

    # -- domestic actors ----------------------------------------------------------------------

    def _domestic(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Unnamed domestic actors tied to a state: "opposition parties in Kenya", "Malian rebels".

        PLOVER codes them with their state and a sector (``domestic-actors.jsonl``). The state
        must be tied to the phrase by the parse: an adjective or possessive ("Kenya's
        opposition"), or "in/of/from" a state or place, through "the north of" and "based in"
        ("a rights group based in Lagos"). A state merely named in the sentence is not enough.
        """
        if not self.kb.groups:
            return []
        at = {m.start: m for m in mentions if m.kind in {"state", "place"} and len(m.codes) == 1}
        heads = {words.rsplit(" ", 1)[-1] for words in self.kb.groups}  # cheap first test
        found = []
        for token in _untagged_nouns(doc):
            if token.lemma_.lower() not in heads:
                continue
            modifiers = [c for c in token.lefts if c.dep_ in {"compound", "amod"}]
            words = [*(c.lower_ for c in modifiers), token.lemma_.lower()]
            cut = next(
                (i for i in range(len(words)) if " ".join(words[i:]) in self.kb.groups), None
            )
            if cut is None:
                continue
            sector = self.kb.groups[" ".join(words[cut:])]
            state = _tied_state(token, at)
            if state is None:
                continue
            first = modifiers[cut] if cut < len(modifiers) else token
            span = doc[first.i : token.i + 1]
            state_name = self.kb.states[state.codes[0]].name if state.kind == "state" else None
            found.append(
                Mention(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    kind="organisation",
                    name=None,
                    codes=state.codes,
                    office=state_name and f"{span.text} of {state_name}",
                    sector=sector,
                    sentence=token.sent.start_char,
                    reference="group",
                )
            )
        return found

    def _named_again(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A body named again by the noun its name ends in: "the council", "the Board".

        Reports name an international body once in full ("the UN Human Rights Council", "the
        IAEA Board of Governors") and then by that noun alone, or with words of its name
        ("the Security Council"). Such a phrase, with "the" before it, is the body named last
        whose name ends in the noun (before "of", for "Board of Governors"). Only the nouns
        listed as "again" in ``organisation-words.jsonl`` are read so; a plural ("the
        councils") or a noun with its own "of" ("the Council of Europe") is not.
        """
        named = [
            m for m in mentions if m.kind == "organisation" and m.name and m.reference == "name"
        ]
        if not named:
            return []
        taken = [(m.start, m.end) for m in mentions]
        found = []
        for token in tokens_lowered(doc, self.kb.org_again):
            if token.tag_ in {"NNS", "NNPS"} or (
                token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of"
            ):
                continue
            if any(start <= token.idx < end for start, end in taken):
                continue
            body = next(
                (m for m in reversed(named) if m.end <= token.idx and _ends_in(m, token.lower_)),
                None,
            )
            if body is None:
                continue
            words = {w.lower() for w in re.findall(r"[\w.]+", f"{body.name} {body.text}")}
            first = token.i
            while first > 0 and doc[first - 1].lower_ in words and doc[first - 1].lower_ != "the":
                first -= 1
            if first == 0 or doc[first - 1].lower_ != "the":
                continue
            span = doc[first : token.i + 1]
            found.append(
                dataclasses.replace(
                    body,
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    sentence=token.sent.start_char,
                    reference="title",
                )
            )
        return found

    # -- collectives and first person ---------------------------------------------------------

    def _collectives(self, ents: _Ents, mentions: list[Mention]) -> list[Mention]:
        found = []
        for ent in ents:
            if ent.label_ == "COLLECTIVE" and ent.ent_id_.startswith("group:"):
                # "the three Baltic states" are the group's members, named or not; a count that
                # is not theirs ("the five Sahel states") means another grouping
                members = self.kb.state_groups[ent.ent_id_.removeprefix("group:")]
                if _count(ent) in {None, len(members)}:
                    found.append(self._mention(ent, "collective", None, members, via="group"))
        states = Counter(
            m.code
            for m in mentions
            if m.code and not m.code.startswith("IGO:") and m.kind != "office"
        )
        if not states:
            return found
        people = Mentions(m for m in mentions if m.kind == "person")
        states_at = Mentions(m for m in mentions if m.kind == "state")
        for ent in ents:
            if ent.ent_id_.startswith("group:"):
                continue
            if ent.ent_id_.startswith("form:"):
                state = self._of_form(ent, ent.ent_id_.removeprefix("form:"), mentions)
                if state is not None:
                    found.append(
                        self._mention(ent, "state", state.name, [state.code], via="pronoun")
                    )
                continue
            if ent.label_ == "COLLECTIVE" and not _named_within(ent, states_at):
                # "the two governments" are the states of the people its own sentence names,
                # then the article's most named: Sweden and Hungary after "Kristersson … talks
                # with Orbán", in an article that names the United States more often. Places
                # ("the South China Sea") and states named in passing do not act.
                sent = ent.sent
                local = Counter(
                    m.code
                    for m in people.starting_in(sent.start_char, sent.end_char)
                    if m.code in states
                )
                if len(local) < 2:
                    local.clear()  # one person (often the speaker) does not make a pair
                ranked = sorted(states, key=lambda code: (-local[code], -states[code]))
                count = 2 if ent.ent_id_ == "pair" else _count(ent)  # "the three governments"
                codes = tuple(sorted(ranked[:count] if count else ranked))
                if not local:  # a pair its own sentence names comes first
                    codes = _named_as_doers_before(ent, mentions) or codes
                found.append(self._mention(ent, "collective", None, codes, via="group"))
        return found

    def _of_form(self, ent: Span, form: str, mentions: list[Mention]) -> State | None:
        """The state "the kingdom" or "the sultanate" stands for: of that form, named most before.

        Only a state whose official name has the word can be so called, and only one named
        already: "Saudi Arabia expelled Canada's envoy ... Bahrain stood with the kingdom" is
        Saudi Arabia, named more often than Bahrain. Where two are named as often, the text
        does not say which.
        """
        named = Counter(
            m.code for m in mentions if m.kind == "state" and m.code and m.end <= ent.start_char
        )
        ranked = [
            (count, code)
            for code, count in named.most_common()
            if any(form in name.lower().split() for name in self.kb.states[code].names)
        ]
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None
        return self.kb.states[ranked[0][1]]

    def _first_person(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """First person in a speaker's words resolves to the speaker's state.

        A transcript's speaker is named in its headline ("Minister X's remarks at …"); a quotation
        under a ``Name, Title:`` line is that person's. Where the headline says the speaker
        speaks at a joint event of named states ("… at a joint session of the Kazakh and Uzbek
        governments"), "we" is those states together; "I" is always the speaker's own.
        """
        people = Mentions(m for m in mentions if m.kind == "person" and m.code)
        spans: list[_Words] = []
        text = doc_text(doc)
        first_line = text.split("\n", 1)[0]
        if transcript_headline(first_line):
            speaker = next((m for m in people if m.end <= len(first_line)), None)
            if speaker is not None:
                joint = _JOINT.search(first_line) is not None
                states = [
                    m.code for m in mentions if m.kind == "state" and m.end <= len(first_line)
                ]
                together = tuple(sorted(set(states))) if joint and len(set(states)) > 1 else ()
                spans.append((len(first_line), len(text), speaker, together))
        whole = len(spans)  # the transcript's span, if any, then the speaker lines' in order
        lines: list[_Words] = []
        for match in re.finditer(r"^([^\n]{3,120}):\n\n(\"|“)[^\n]+", text, re.MULTILINE):
            speaker = next(iter(people.starting_in(match.start(1), match.end(1))), None)
            if speaker is not None:
                lines.append((match.end(1), match.end(), speaker, ()))
        lines += _turns(text, people)
        spans += sorted(lines, key=lambda span: span[0])
        if not spans:
            return []  # nobody's own words: no pronoun to read
        # the speaker lines' words never overlap (they lie in separate matches): bisect them
        starts = [start for start, _end, _m, _together in spans[whole:]]
        found = []
        for token in tokens_lowered(doc, _FIRST_PERSON | _FIRST_PERSON_SINGULAR):
            plural = token.lower_ in _FIRST_PERSON
            owner = _owner_of(token.idx, spans, whole, starts)
            if owner:
                speaker, together = owner
                codes = together if plural and together else speaker.codes
                state = self.kb.states.get(codes[0]) if len(codes) == 1 else None
                found.append(
                    Mention(
                        start=token.idx,
                        end=token.idx + len(token.text),
                        text=token.text,
                        kind="state" if len(codes) == 1 else "collective",
                        name=state.name if state else None,
                        codes=codes,
                        sentence=token.sent.start_char,
                        reference="pronoun",
                    )
                )
        return found

    def _mention(
        self,
        span: Span,
        kind: str,
        name: str | None,
        codes: Iterable[str],
        office: Office | None = None,
        *,
        label: str | None = None,
        via: Reference = "name",
    ) -> Mention:
        return Mention(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            kind=kind,  # type: ignore[arg-type]
            name=name,
            codes=tuple(codes),
            office=label or (office.canonical if office is not None else None),
            sector=office.sector if office is not None else None,
            sentence=span.sent.start_char,
            reference=via,
        )


def _ends_in(mention: Mention, noun: str) -> bool:
    """Whether the body's name, or the text naming it, ends in ``noun`` (before any "of")."""
    for name in (mention.name or "", mention.text):
        words = name.lower().split(" of ", 1)[0].split()
        if words and words[-1] == noun:
            return True
    return False


def _modifier(token: Token) -> bool:
    """A lower-case word qualifying a title before it: "deputy", "acting", "chief"."""
    return (
        token.is_lower and token.is_alpha and token.pos_ in {"ADJ", "NOUN"} and not token.ent_type_
    )


def _former(title: Span | None) -> bool:
    """Whether the text calls the title's holder a former one ("former President", "экс-")."""
    if title is None:
        return False
    doc = title.doc
    words = [doc[title.start - 1]] if title.start else []
    return any(w.lower_ in _FORMER or w.lemma_.lower() in _FORMER for w in [*words, title[0]])


def _as_stated(mention: Mention, stated: dict[str, Mention]) -> Mention:
    """A person's mention with the office the text stated for them elsewhere in the article."""
    said = stated.get(mention.name or "") if mention.kind == "person" else None
    if said is None or said is mention:
        return mention
    return dataclasses.replace(mention, codes=said.codes, office=said.office, sector=said.sector)


def _turns(text: str, people: Mentions) -> list[_Words]:
    """A transcript's labelled turns ("Kulubaev: …", "Question (TASS): …") and whose they are.

    A turn runs from its label to the next one; the floor's turns (questions) are no one's, so
    "I" in a journalist's question is not the minister's. It takes two labels to make a
    transcript, one of them a person's.
    """
    labels = [
        (match.start(), match.end(), None if floor_label(match.group(1)) else speaker)
        for match in TURN_LABEL.finditer(text)
        if len(match.group(1).split()) <= LABEL_WORDS
        for speaker in (next(iter(people.starting_in(match.start(1), match.end(1))), None),)
        if speaker is not None or floor_label(match.group(1))
    ]
    if len(labels) < 2 or all(speaker is None for _start, _end, speaker in labels):
        return []
    stops = [start for start, _end, _speaker in labels[1:]] + [len(text)]
    return [
        (end, stop, speaker, ()) for (_start, end, speaker), stop in zip(labels, stops, strict=True)
    ]


def _owner_of(
    position: int,
    spans: list[_Words],
    whole: int,
    starts: list[int],
) -> tuple[Mention, tuple[str, ...]] | None:
    """Whose words hold ``position``: the speaker line's around it, else the transcript's.

    Inside a turn of the floor (a question) they are no one's.
    """
    index = whole + bisect_right(starts, position) - 1
    for start, end, speaker, together in (
        spans[index : index + 1] if index >= whole else []
    ) + spans[:whole]:
        if start <= position < end:
            return (speaker, together) if speaker is not None else None
    return None


def _surname_runs(ents: list[Span], body: int) -> tuple[list[Span], set[int]]:
    """Join one-word names that follow each other in running text into one unknown name.

    The knowledge-base ruler matches known surnames one word at a time, so "Aoun Diab
    Abdullah", Iraq's minister, came out as three known people; "Ali Hassan Omar" as two. Two
    people's names never touch in running text ("Putin and Xi"); in a headline they may.
    Returns the names and where the joined ones start (a joined Span still reports its root
    word's knowledge-base id, but names no one the knowledge base knows).
    """
    merged: list[Span] = []
    runs: set[int] = set()
    for ent in ents:
        last = merged[-1] if merged else None
        if (
            last is not None
            and ent.label_ == last.label_ == "PERSON"
            and len(ent) == 1
            and (len(last) == 1 or last.start in runs)
            and ent.start == last.end
            and 0 <= body < last.start_char
            # capitalised words both rulers took for names; the tagger may call the first a
            # noun at a sentence's start ("Tavares Lobo met …")
            and all(t.is_title and t.is_alpha for t in (*last, *ent))
        ):
            merged[-1] = Span(ent.doc, last.start, ent.end, label="PERSON")
            runs.add(last.start)
            continue
        merged.append(ent)
    return merged, runs


def _joined_names(
    ents: list[Span],
    ranks: frozenset[str] = frozenset(),
    longer_known: Callable[[Span], bool] = lambda _span: False,
) -> list[Span]:
    """Join a name the rulers split: "Cameron MacKay" is one person, not David Cameron.

    The knowledge-base ruler matches a known surname alone ("Miller", "Kumar") and runs before
    the model's NER, so an unknown person sharing it ("Leszek Miller", "Sanjay Kumar Verma")
    is cut to the surname and read as the known one. In running text, capitalised name words
    directly before or after a person's name belong to it. Not in a headline, which juxtaposes
    surnames ("Putin Xi talks"), never two names the knowledge base knows (except one-word
    surnames side by side, :func:`_surname_runs`), and never a rank or honorific
    (``ranks.jsonl``).
    """
    body = doc_text(ents[0].doc).find("\n") if ents else -1  # where the headline ends
    ents, runs = _surname_runs(ents, body)
    joined: list[Span] = []
    people = {ent.start for ent in ents if ent.label_ == "PERSON"}
    for ent in ents:
        last = joined[-1] if joined else None
        if last is not None and last.label_ == "PERSON" and ent.start < last.end:
            continue  # inside a name already joined
        doc = ent.doc
        if _common_noun(ent):
            continue  # "the King", "the Pope": an office, not the person who bears it as a name
        if ent.label_ == "PERSON" and _rank_of_next(ent, ranks, people):
            continue  # "King Philippe of Belgium", "Rear Admiral Tom Hollis": a rank, no name
        if _acronym_before(ent):
            # "the utility EDP Power": a known surname after an acronym names a firm, not them
            joined.append(Span(doc, ent.start - 1, ent.end, label="ORG"))
            continue
        if ent.label_ == "PERSON" and 0 <= body < ent.start_char:
            start, end = ent.start, ent.end
            # a full name the knowledge base matched is whole; a lone surname or the model's
            # guess may have lost its given names
            exact = bool(ent.ent_id_) and len(ent) > 1 and ent.start not in runs
            while (word := _name_word_before(doc, start)) is not None:
                if doc[word].text in ranks:
                    break  # "General", "Rear Admiral", "First Lady" stand before a name
                if exact and not longer_known(doc[word : ent.end]):
                    break  # ... unless the longer name is another known person's
                start = word
            if start < ent.start and _after_title_link(doc, start):
                # "Minister of Trade Ana Lima": "Trade" ends the title; one given name is kept
                start = ent.start - 1 if len(ent) == 1 and start < ent.start - 1 else ent.start
            known = bool(ent.ent_id_)
            while (word := _name_word_after(doc, end, known=known)) is not None:
                known = known or any(t.ent_id_ for t in doc[end:word])
                end = word
        else:
            start, end = ent.start, ent.end
        if ent.label_ == "PERSON" and not ent.ent_id_:
            # the model often takes the rank in: "General Ana Lima", "Rear Admiral Ana Lima",
            # or the title's last word: "Minister of Trade Ana Lima"
            while start < end - 1 and doc[start].text in ranks:
                start += 1
            if end - start >= 3 and _after_title_link(doc, start):
                start += 1
        if (start, end) != (ent.start, ent.end):
            ent = Span(doc, start, end, label="PERSON")
        joined.append(ent)
    return joined


def _rank_of_next(ent: Span, ranks: frozenset[str], people: set[int]) -> bool:
    """Whether an entity is only rank words, and more of them lead to a person's name.

    The model reads "Rear" of "press secretary Rear Admiral Tom Hollis" as a person of its
    own, and "King" of "King Philippe"; both are the rank of the name that follows.
    """
    if not all(t.text in ranks for t in ent):
        return False
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].text in ranks:
        end += 1
    return end in people


def _common_noun(ent: Span) -> bool:
    """Whether a lone known surname is a common noun after its article: "praised the King".

    "King" (Stephenson King), "Rice" or "Brown" are surnames the knowledge-base ruler matches
    alone; after "the" or "a" such a word names an office or a thing, never the person. Not
    so a name that modifies the noun after it: "the Trudeau government" is his.
    """
    if ent.label_ != "PERSON" or not ent.ent_id_ or len(ent) != 1 or ent.start == 0:
        return False
    doc = ent.doc
    modifies = ent.end < len(doc) and doc[ent.end].pos_ in {"NOUN", "PROPN"}
    return doc[ent.start - 1].lower_ in {"the", "a", "an"} and not modifies


def _in_landform(ent: Span, landforms: dict[str, frozenset[str]]) -> bool:
    """Whether a place's name is part of a lake's, river's or mountain's (``landforms.jsonl``).

    "Lake Managua", "Victoria Falls", "Lake Chad" name neither the city nor the state.
    """
    doc = ent.doc
    before = doc[ent.start - 1].text if ent.start else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    return before in landforms["before"] or after in landforms["after"]


# Prefixes that, joined by a hyphen, make a state's adjective a region's: "Inter-American".
_REGION_PREFIXES = {"inter", "pan"}


def _region_prefixed(ent: Span) -> bool:
    """Whether the name follows "Inter-" or "Pan-", which the tokenizer splits off.

    "The Inter-American Commission", "a Pan-American body" name no state.
    """
    doc, i = ent.doc, ent.start
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return False
    return doc[i - 2].lower_ in _REGION_PREFIXES


def _acronym_before(ent: Span) -> bool:
    """Whether a lone known surname follows an acronym no entity holds ("ACME Power")."""
    if ent.label_ != "PERSON" or not ent.ent_id_ or len(ent) != 1 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.is_upper and before.is_alpha and len(before) >= 2 and not before.ent_type_


def _after_title_link(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a title and "of"/"for": the title's own last word."""
    return i >= 2 and doc[i - 1].lower_ in {"of", "for"} and doc[i - 2].ent_type_ == "TITLE"


def _name_word(token: Token) -> bool:
    """A capitalised word a name can be made of ("Leszek", "Tae-young"), not a function word."""
    return token.pos_ == "PROPN" and token.is_title and token.is_alpha


def _name_word_before(doc: Doc, start: int) -> int | None:
    """Where a name word (with its particle: "da", "bin") right before ``start`` begins."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in _PARTICLES and not doc[i].ent_type_:
        i -= 1  # "Lula da | Silva": the particle belongs between two name words
    if i < 0 or doc[i].ent_type_ or not _name_word(doc[i]):
        return None
    return i


def _name_word_after(doc: Doc, end: int, *, known: bool) -> int | None:
    """Where a name word (or the model's person name) right after ``end`` ends."""
    i = end
    if i < len(doc) and doc[i].lower_ in _PARTICLES and not doc[i].ent_type_:
        i += 1
    if i >= len(doc):
        return None
    token = doc[i]
    if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
        if known and token.ent_id_:
            return None  # two names the knowledge base knows are two people
        stop = i + 1
        while stop < len(doc) and doc[stop].ent_iob_ == "I":
            stop += 1
        return stop
    if token.ent_type_ or not _name_word(token):
        return None
    stop = i + 1
    # "In-taek": a hyphenated given name written as three tokens
    while stop + 1 < len(doc) and doc[stop].text == "-" and not doc[stop - 1].whitespace_:
        if not doc[stop + 1].is_alpha or doc[stop].whitespace_:
            break
        stop += 2
    return stop


_REGIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
_REGIONS |= {"centre", "center", "part", "region", "province", "city", "capital", "border"}


def _tied_state(token: Token, at: dict[int, Mention]) -> Mention | None:
    """The state or place the parse ties a noun to (see ``ActorResolver._domestic``)."""
    for child in token.lefts:
        if child.dep_ in {"amod", "compound", "poss", "nmod"} and child.idx in at:
            return at[child.idx]
    heads = [token]
    heads += [c for c in token.rights if c.dep_ == "acl" and c.lemma_ in {"base", "operate"}]
    for head in heads:
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "of", "from"}:
                continue
            for place in (c for c in prep.children if c.dep_ == "pobj"):
                if place.idx in at:
                    return at[place.idx]
                start = place.left_edge.idx
                if start in at and at[start].end >= place.idx:
                    return at[start]
                if place.lower_ in _REGIONS:  # "in the north of Mali"
                    inner = [
                        g
                        for p in place.rights
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj"
                    ]
                    found = [at[_first(g)] for g in inner if _first(g) in at]
                    if found:
                        return found[0]
    return None


def _first(token: Token) -> int:
    """Where a multi-word proper name ending at ``token`` starts ("Burkina Faso")."""
    i = token.i
    while i > 0 and token.doc[i - 1].ent_iob_ == "I" and token.doc[i].ent_iob_ == "I":
        i -= 1
    return token.doc[i].idx


def _untagged_nouns(doc: Doc) -> Iterator[Token]:
    """The Doc's nouns and proper nouns outside every entity, in order, read from its arrays."""
    for i, (pos, ent_type) in enumerate(doc.to_array([POS, ENT_TYPE]).tolist()):
        if pos in _NOUNS and not ent_type:
            yield doc[i]


def _relabel_people(doc: Doc, spans: list[Span], *, over: Set[int] = frozenset()) -> None:
    """Label ``spans`` PERSON, over the model's guesses but not over knowledge-base ents.

    Entities from the knowledge-base ruler carry an id; the model's own do not, and the small
    model often reads an unfamiliar surname as an organisation, or as nothing. A
    knowledge-base entity starting at a token in ``over`` gives way too.
    """
    ents = list(doc.ents)
    owner: dict[int, int] = {}  # token -> the entity over it (a Doc's entities never overlap)
    for number, ent in enumerate(ents):
        owner.update(dict.fromkeys(range(ent.start, ent.end), number))
    dropped: set[int] = set()
    added: list[Span] = []
    for span in filter_spans(spans):
        near = dict.fromkeys(owner[i] for i in range(span.start, span.end) if i in owner)
        clash = [n for n in near if n not in dropped]
        if all(
            (not ents[n].ent_id_ or ents[n].start in over) and ents[n].label_ != "PERSON"
            for n in clash
        ):
            dropped.update(clash)
            added.append(span)
    keep = [ent for number, ent in enumerate(ents) if number not in dropped] + added
    doc.ents = sorted(keep, key=lambda e: e.start)


def _mark_surnames_again(doc: Doc, ranks: frozenset[str]) -> None:
    """Label PERSON a surname alone after the document named the person in full.

    "Javier Tello held talks … In the afternoon Tello met …": the model may not read the lone
    surname as a name, but the reader does, and resolution of it to the person named before
    needs it as an entity. A name's first word is its surname where the family name comes
    first ("Xi Jinping", "Yoon Suk Yeol"); alone, it is taken for one after a rank or
    courtesy title ("Mr Xi", "President Yoon"), or as the subject of a clause where no other
    full name starts with it: where news calls people by the first of their names ("Abiy
    Ahmed … Abiy said", "Retno Marsudi … Retno told"), that name is how they are called.

    A surname that is also a state's or city's name ("Luís Montenegro … Montenegro said") is
    the person's after the full name, save after a preposition of place ("in Montenegro") or
    as a possessive ("Montenegro's bid to join"), where the place is the likelier reading.
    """
    first: dict[str, int] = {}  # surname -> the end of the first full name that has it
    leading: dict[str, int] = {}  # a full name's first word -> the end of that name
    names: dict[str, set[str]] = {}  # a full name's first word -> the full names it starts
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        last, head = ent[-1], ent[0]
        if last.is_title and last.is_alpha:
            first.setdefault(last.text, ent.end)
        if head.is_title and head.is_alpha and head.text not in ranks:
            leading.setdefault(head.text, ent.end)
            names.setdefault(head.text, set()).add(ent.text)
    if not (first or leading):
        return
    # the words' ids, read as one array: the other words never become Token objects
    wanted = {doc.vocab.strings.add(word): end for word, end in first.items()}
    titled = {doc.vocab.strings.add(word): end for word, end in leading.items()}
    orth = doc.to_array(ORTH).tolist()
    spans = [
        Span(doc, i, i + 1, label="PERSON")
        for i, word in enumerate(orth)
        if (
            (word in wanted and i >= wanted[word])
            or (word in titled and i >= titled[word] and i and doc[i - 1].text in ranks)
            or (word in titled and i >= titled[word] and _called_so(doc[i], names))
        )
        and doc[i].ent_type_ != "PERSON"
    ]
    if spans:
        places = frozenset(
            span.start
            for span in spans
            if span.text in first
            and doc[first[span.text] - 2].lower_ != "of"  # "Philippe of Belgium": a title
            and doc[span.start].ent_type_ == "GPE"
            and not (span.start and doc[span.start - 1].lower_ in _PLACED)
            and not (span.end < len(doc) and doc[span.end].tag_ == "POS")
        )
        _relabel_people(doc, spans, over=places)


# The entity labels of names of states and places.
_PLACE_LABELS = {"GPE", "NORP", "LOC"}


def _shared_forms(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Forms several states share ("Congo", "Korea"), case-folded, with those states' codes."""
    shared: dict[str, set[str]] = {}
    for state in kb.states.values():
        for form in state.ambiguous:
            shared.setdefault(form.casefold(), set()).add(state.code)
    return shared


def _in_context(
    mentions: list[Mention], shared: dict[str, set[str]], kb: KnowledgeBase
) -> list[Mention]:
    """A state named by a form several states share ("Congo") is the one the article names.

    "Congo's foreign minister, Therese Kayikwamba Wagner": the minister, Kinshasa or "DRC"
    elsewhere in the article say which Congo is meant; where the article names neither or
    both, the knowledge base's reading of the form stands.
    """

    def form(mention: Mention) -> str:
        return re.sub(r"(?:'s|’s)$", "", mention.text).casefold()

    unsure = {i for i, m in enumerate(mentions) if m.kind == "state" and form(m) in shared}
    if not unsure:
        return mentions
    context = {
        code for i, m in enumerate(mentions) if i not in unsure and m.code for code in m.codes
    }
    settled = []
    for i, mention in enumerate(mentions):
        meant = sorted(shared[form(mention)] & context) if i in unsure else []
        if len(meant) == 1 and mention.codes != (meant[0],):
            state = kb.states[meant[0]]
            mention = dataclasses.replace(mention, codes=(state.code,), name=state.name)
        settled.append(mention)
    return settled


def _named_as_doers_before(ent: Span, mentions: list[Mention]) -> tuple[str, ...]:
    """The states the sentence before named as its doers: who "the ministers" or "both sides" are.

    "Foreign ministers of Australia, India, Japan and the United States met in Tokyo. The
    ministers called on China …": all four, not the article's most named pair; "the two
    ministers" or "both sides" are the two such doers, if the sentence before names two, and
    "the three governments" three.
    """
    if ent.sent.start == 0:
        return ()
    count = _count(ent)
    pair = count == 2
    doc = ent.doc
    before = doc[ent.sent.start - 1].sent
    root = before.root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    codes = _states_in(subjects, mentions)
    if pair and len(codes) == 1:
        # "X's minister spoke by phone with his Thai counterpart. Both sides agreed …": the
        # one the subject met or called is the other side
        met = [c for c in root.children if c.dep_ == "dobj"] + [
            g
            for c in root.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        codes |= _states_in(met, mentions)
    if count:
        return tuple(sorted(codes)) if len(codes) == count else ()
    return tuple(sorted(codes)) if len(codes) > 1 else ()


# How many a collective counts: "the two ministers", "both sides", "the three governments".
_COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _count(ent: Span) -> int | None:
    """The number a collective's own words give, if any."""
    return next((_COUNT_WORDS[t.lower_] for t in ent if t.lower_ in _COUNT_WORDS), None)


def _states_in(phrases: list[Token], mentions: list[Mention]) -> set[str]:
    """The states the mentions inside these phrases stand for; not a dateline's "LIMA".

    A person or an office stands for their state, as an official does in an event: after
    "Aldana met Peru's minister", "the two ministers" are Aldana's state and Peru.
    """
    spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in phrases]
    return {
        code
        for m in mentions
        if m.kind in {"state", "person", "office"}
        and any(lo <= m.start and m.end <= hi for lo, hi in spans)
        and not (m.reference == "seat" and m.text.isupper())
        for code in m.codes
    }


def _named_within(ent: Span, states: Mentions) -> bool:
    """Whether a collective's own "of" phrase names its states: "the ministers of Kenya and …".

    Those states are its members; the article's most named pair is not meant.
    """
    phrases = [p for p in ent.root.rights if p.dep_ == "prep" and p.lower_ == "of"]
    return any(
        states.inside(p.left_edge.idx, p.right_edge.idx + len(p.right_edge)) for p in phrases
    )


def _called_so(token: Token, names: dict[str, set[str]]) -> bool:
    """Whether a lone first word of one full name stands as a clause's subject: "Abiy said"."""
    return (
        token.dep_ in {"nsubj", "nsubjpass"}
        and len(names[token.text]) == 1
        and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "PROPN")
    )


def _untagged_names(ents: list[Span]) -> list[Span]:
    """Add the name the model left untagged right after a title: "Ambassador to Peru Ana Soto".

    The small model often tags no entity over an unfamiliar name; two to four capitalised name
    words right after a title (and after the "to/of State" that completes it) are a person.
    """
    if not ents:
        return ents
    doc = ents[0].doc
    body = doc_text(doc).find("\n")  # where the headline ends
    starts = {e.start: e for e in ents}
    added = []
    for title in (e for e in ents if e.label_ == "TITLE"):
        if not 0 <= body < title.start_char:
            continue  # a title-case headline: "Minister Holds Talks With …"
        i = title.end
        if i + 1 < len(doc) and doc[i].lower_ in {"to", "of"} and i + 1 in starts:
            i = starts[i + 1].end
        end = i
        while end - i < 4 and end < len(doc) and _untagged_word(doc[end]):
            end += 1
        if end - i >= 2 and (end == len(doc) or not _name_word(doc[end])):
            added.append(Span(doc, i, end, label="PERSON"))
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents


def _untagged_word(token: Token) -> bool:
    return not token.ent_type_ and not token.is_stop and _name_word(token)


def _unaccented(text: str) -> str:
    """The text case-folded with its accents dropped: "Brasília" and "Brasilia" are one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _plain_name(text: str) -> str:
    return _strip_possessive(text).casefold()


def _strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


def _full_name(text: str) -> bool:
    """At least a first name and a surname, neither an initial."""
    tokens = name_key(text).split()
    return len(tokens) >= 2 and all(len(t) > 1 for t in tokens)


def _canonical_name(text: str) -> str:
    """A person's name as written, without honorific, possessive or a Russian-style patronymic."""
    words = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+", "", _strip_possessive(text)).split()
    if len(words) == 3 and re.search(r"(?:vich|vna|ich|yevna|ovna|evna)$", words[1]):
        words = [words[0], words[2]]
    return " ".join(words)


def _owner_end(title: Span) -> int:
    """Where the state a title belongs to would end: right before it, or before what qualifies it.

    "the Russian Foreign Minister", "Russia's ambassador", "Egyptian presidential spokesman",
    "Canada's national security adviser": an article, a possessive and up to two lower-case
    modifiers may stand between the state and the title.
    """
    doc = title.doc
    i = title.start - (1 if title[0].lower_ == "the" else 0)
    if i >= 1 and doc[i - 1].lower_ == "the":
        i -= 1
    modifiers = 0
    while (
        modifiers < 2
        and i >= 2
        and doc[i - 1].is_lower
        and doc[i - 1].is_alpha
        and doc[i - 1].pos_ in {"ADJ", "NOUN"}
        and not doc[i - 1].ent_type_
    ):
        i -= 1
        modifiers += 1
    if i >= 1 and doc[i - 1].text in {"'s", "’s", "'", "’"}:
        return i - 1
    return i if modifiers == 0 or doc[i - 1].ent_type_ in _STATES else title.start


def _ent_ending_at_token(doc: Doc, end: int) -> Span | None:
    """The Doc's ORG entity that ends right before token ``end``, read off its tokens."""
    if end < 1 or doc[end - 1].ent_type_ != "ORG":
        return None
    start = end - 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start:end]


def _ent_ending_at(ents: _Ents, end: int) -> Span | None:
    return ents.ending.get(end)


def _ent_starting_at(ents: _Ents, start: int) -> Span | None:
    return ents.starting.get(start)


class _Ents(list[Span]):
    """A document's entities in order, with lookups by where they start and end, built once.

    Each lookup answers as the first entity in order that fits, as a scan would, but without
    scanning: a long report has tens of thousands of entities, and names and titles ask for
    their neighbours one by one. ``ranks`` are the words that stand before a name without
    being part of it (``ranks.jsonl``).
    """

    def __init__(self, ents: Iterable[Span], ranks: frozenset[str] = frozenset()) -> None:
        super().__init__(ents)
        self.ranks = ranks
        self.starting: dict[int, Span] = {}
        self.ending: dict[int, Span] = {}
        for ent in self:
            self.starting.setdefault(ent.start, ent)
            self.ending.setdefault(ent.end, ent)
        self.titles = [e for e in self if e.label_ == "TITLE"]
        self.title_ends = [t.end for t in self.titles]
        # titles come from the Doc's entities, which never overlap: by start is also by end
        self.titles_ordered = all(
            a.start <= b.start and a.end <= b.end for a, b in itertools.pairwise(self.titles)
        )

    def titles_near(self, start: int, end: int, before: int, after: int) -> list[Span]:
        """The titles, in order, that a name from ``start`` to ``end`` may stand in apposition to.

        Those ending at most ``before`` tokens before it and starting at most ``after`` after.
        """
        if not self.titles_ordered:
            return self.titles
        first = bisect_left(self.title_ends, start - before)
        found = []
        for title in self.titles[first:]:
            if title.start > end + after:
                break
            found.append(title)
        return found


def _misread_name(ent: Span, ents: _Ents) -> bool:
    """A name the model labelled ORG or GPE though a person's title stands in apposition.

    The small English model reads unfamiliar names ("Mihai Popsoi") as organisations; a name of
    two to four capitalised words beside "Minister of Foreign Affairs of …" is a person.
    """
    if ent.label_ not in {"ORG", "GPE", "FAC"} or ent.ent_id_ or not 2 <= len(ent) <= 4:
        return False
    if all(t.text in ents.ranks for t in ent):
        return False  # "spokesman Rear Admiral Selim Ozkan": the rank of the name after it
    if not all(t.is_alpha and t.is_title for t in ent):
        return False
    return _apposed_title(ent, ents) is not None


def _plural(title: Span) -> bool:
    """Whether a title names several holders ("ministers", "министры")."""
    root = title.root
    return root.tag_ in {"NNS", "NNPS"} or "Plur" in root.morph.get("Number")


def _portfolio(title: Span, end: int | None = None) -> Span | None:
    """A generic minister's portfolio after the title: "Minister for Rural Affairs".

    "of" or "for" and capitalised words that are no entity, up to ``end`` when given (the name
    the title stands before) or as far as they go.
    """
    doc = title.doc
    i = title.end
    if title.ent_id_ != _GENERIC_MINISTER or i >= len(doc) or doc[i].lower_ not in {"of", "for"}:
        return None
    stop = i + 1
    limit = len(doc) if end is None else end
    while stop < limit and (
        (_name_word(doc[stop]) and not doc[stop].ent_type_)
        or (doc[stop].lower_ == "and" and stop + 1 < limit and _name_word(doc[stop + 1]))
    ):
        stop += 1
    if stop == i + 1 or (end is not None and stop != end):
        return None
    return doc[i:stop]


def _remit(title: Span, end: int) -> Span | None:
    """A special envoy's remit between the title and the name: "envoy for Arctic affairs, X".

    "for", then up to six words (no person's) and a comma right before the name at ``end``.
    """
    doc = title.doc
    i = title.end
    if title.ent_id_ not in _REMITTED or i >= len(doc) or doc[i].lower_ != "for":
        return None
    if not 2 <= end - i <= 8 or doc[end - 1].text != ",":
        return None
    words = doc[i + 1 : end - 1]
    if not all(t.is_alpha and t.ent_type_ != "PERSON" for t in words):
        return None
    return doc[i : end - 1]


def _capitalised(words: Iterable[str]) -> str:
    """A post written as a title: each word capitalised, the small joining words not."""
    return " ".join(w if w.lower() in _LINKS else w[:1].upper() + w[1:] for w in words)


def _ministry(title: Span) -> str | None:
    """A generic minister's post as the text names it, in the "Minister of …" form.

    "Minister for Rural Affairs" and "Senior Minister of State for Fisheries" as written;
    "Fisheries Minister" as "Minister of Fisheries". Capitalised words before the title that
    no entity holds belong to it; a rank among them ("Deputy", "First") stays in front.
    """
    if title.ent_id_ != _GENERIC_MINISTER or title.text != "Minister":
        return None
    doc = title.doc
    start = title.start
    while start > title.start - 2 and start > 0 and _title_word(doc[start - 1]):
        start -= 1
    before = doc[start : title.start]
    portfolio = _portfolio(title)
    if portfolio is not None:
        return doc[start : portfolio.end].text
    if not before:
        return None
    ranks = [t for t in before if t.text in _TITLE_RANKS]
    if ranks:
        return None
    return f"Minister of {before.text}"


def _spelt(title: Span | None, office: Office) -> str | None:
    """The office's full name as the text spells it, where it spells it otherwise.

    "Secretary General" for "Secretary-General", "Minister for Foreign Affairs" for "Minister
    of Foreign Affairs": a capitalised title that differs from the office's name only in
    hyphens and in "for" for "of" is the state's own style. Other forms ("Foreign Minister")
    are the office's name.
    """
    if title is None or not title.text[:1].isupper() or title.text == office.canonical:
        return None

    def fold(text: str) -> str:
        words = text.replace("-", " ").casefold().split()
        return " ".join("of" if w == "for" else w for w in words)

    return title.text if fold(title.text) == fold(office.canonical) else None


def _title_word(token: Token) -> bool:
    """A capitalised word of a title's own ("Fisheries", "Coordinating"), no known entity's.

    The small model often labels a portfolio word ORG ("Fisheries Minister"); an ORG the
    knowledge base does not know may still be one.
    """
    if not (token.is_title and token.is_alpha) or token.is_stop:
        return False
    if token.ent_type_ and (token.ent_type_ != "ORG" or token.ent_id_):
        return False
    return token.pos_ in {"PROPN", "NOUN", "ADJ", "VERB"}


def _names_next(title: Span) -> bool:
    """Whether a name follows the title (past a portfolio): the title is that name's."""
    doc = title.doc
    portfolio = _portfolio(title)
    i = portfolio.end if portfolio is not None else title.end
    return i < len(doc) and doc[i].ent_type_ == "PERSON"


def _remember_surnames(seen: dict[str, str], name: str) -> None:
    """Keep the forms by which a full name may come back: its last word or two.

    After a given name, the last two words may be two surnames, as Spanish and Portuguese
    names have them: "Vargas Ortiz" is "Alejandro Vargas Ortiz" named again.
    """
    words = name_key(name).split()
    seen.setdefault(words[-1], name)
    if len(words) >= 3:
        seen.setdefault(" ".join(words[-2:]), name)


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def _organs_of(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """An organ named with whose it is is that organisation's: "the OAS General Assembly".

    "The General Assembly of the OAS" too. The knowledge base files "General Assembly" and
    "Economic and Social Council" under the UN, whose organs they are when no owner is said;
    another organisation named with them, after "of" or just before, says otherwise.
    """
    text = doc_text(doc)
    bodies = [m for m in mentions if m.kind == "organisation" and m.code]
    starts = {m.start: m for m in bodies}
    ends = {m.end: m for m in bodies}
    owned: list[Mention] = []
    for m in mentions:
        owner = None
        if m.kind == "organisation" and m.code:
            link = _OF_THE.match(text, m.end)
            owner = starts.get(link.end()) if link else None
            if owner is None and text[m.start - 1 : m.start] == " ":
                owner = ends.get(m.start - 1)
        if owner is not None and owner.code != m.code:
            span = text[min(m.start, owner.start) : max(m.end, owner.end)]
            m = dataclasses.replace(m, codes=owner.codes, name=span)
        owned.append(m)
    return owned


def _apposed_title(person: Span, ents: _Ents) -> Span | None:
    """Find the title in apposition with a name.

    Before it ("Foreign Minister X", "the Minister of … of Belarus, X") or after it
    ("X, Minister of …").
    """
    doc = person.doc
    for ent in ents.titles_near(person.start, person.end, _APPOSED_BEFORE, _APPOSED_AFTER):
        if ent.end <= person.start:
            between = doc[ent.end : person.start]
            while len(between) and between[-1].text in ents.ranks:
                between = between[:-1]  # "press secretary Rear Admiral Tom Hollis"
            links = _LINKS | _LINKS_RU if doc.lang_ in _BY_ID else _LINKS
            # a plural title is shared by the names joined after it: "the foreign ministers of
            # Chile and Peru, X and Y"
            shared = _plural(ent) and bool(between) and between[-1].lower_ in _AND
            # "of the Republic of Chile" may stand between the title and the name, and a
            # minister's portfolio: "Minister of Fisheries X"
            linking = all(
                t.text == ","
                or t.ent_type_ in {"GPE", "NORP", "ORG"}
                or t.lower_ in links
                or (shared and t.ent_type_ == "PERSON")
                for t in between
            ) or bool(_portfolio(ent, person.start) or _remit(ent, person.start))
            closed = (
                not between
                or between[-1].text == ","
                or between[-1].ent_type_ in _STATES
                or shared
                or bool(_portfolio(ent, person.start) or _remit(ent, person.start))
            )
            if linking and closed and len(between) <= _APPOSED_BEFORE:
                return ent
        elif person.end <= ent.start:
            after = doc[person.end : ent.start]
            # "X, Russia's ambassador", "X, a spokesman for …", "X, the Moldovan minister"
            if (
                1 <= len(after) <= _APPOSED_AFTER
                and after[0].text == ","
                and not _names_next(ent)
                and all(
                    t.text in {",", "'s", "’s"}
                    or t.lower_ in {"the", "a", "an"}
                    or t.ent_type_ in {"GPE", "NORP"}
                    for t in after
                )
            ):
                return ent
    return None


@Language.factory(
    "communique_actors",
    assigns=["doc._.mentions", "doc._.learned"],
    requires=["doc.ents", "doc.sents"],
    default_config={},
)
def make_actor_component(nlp: Language, name: str) -> ActorComponent:
    """Build the actor-resolution component; :meth:`ActorComponent.attach` gives it its data."""
    return ActorComponent(nlp, name)


class ActorComponent:
    """spaCy component around :class:`ActorResolver`; reads ``doc._.published``, ``._.source``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.make_doc = nlp.make_doc
        self.resolver: ActorResolver | None = None

    def attach(self, kb: KnowledgeBase) -> None:
        """Attach the knowledge base (with any user rows and roles learned in earlier runs)."""
        self.resolver = ActorResolver(kb, self.make_doc)

    def __call__(self, doc: Doc) -> Doc:
        """Resolve the Doc's actors into ``doc._.mentions`` and ``doc._.learned``."""
        if self.resolver is None:
            raise ConfigError("E304", component=self.name)
        mentions, learned = self.resolver(doc, day=doc._.published, source=doc._.source or "")
        doc._.mentions = mentions
        doc._.learned = learned
        return doc
