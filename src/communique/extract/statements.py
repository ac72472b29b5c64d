"""Statements: direct quotations with their speaker, quoted exactly, with offsets.

Layouts, tried in this order:

1. a transcript: the headline names whose words the whole text is ("Foreign Minister X's
   remarks at …"), so the body is one statement of X's;
2. transcript turns: ``SECRETARY X: …`` labels in capitals before each speaker's turn, a turn
   running over paragraphs until the next label;
3. a speaker line: ``Name, Title:`` on its own line, then the quotation in the next paragraph
   (the layout of agency sites);
4. an attribution after the quotation (``"…," said X``, ``"…," X told reporters``, ``"…,"
   according to X``), before it (``X said: "…"``), or around it, where the quoted words are
   part of the reporter's sentence (``X said the talks had "cleared the air"``, ``what X
   called a "turning point"``); a quotation without attribution that follows an attributed one
   in the same paragraph continues it. A quotation whose paragraph ends unclosed goes on in the
   next paragraph that opens with a quotation mark.

The speaker is the subject of the attribution's verb, read from the parse and resolved through
the actor mentions: a name ("Lavrov"), a title the article fills ("the Turkish minister", "the
Prime Minister": the person of that office and state the article names), a pronoun ("he said":
the person last named as a subject), an organisation ("the ministry said"), or a document
("the statement said": whoever issued it). Surnames resolve to the full name the article
writes, so "Lee" after "Lee Myung-bak" is him, not a namesake in the knowledge base.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from spacy.tokens import Doc, Token

from ..ents import Mentions, doc_text
from ..kb import name_key, rank_words
from ..model import Mention, Statement
from ..patterns import LABEL_WORDS, TURN_LABEL, floor_label, speech, transcript_headline
from .clauses import outside_modal_clause

__all__ = ["find_statements"]

# The attribution clause after a quotation is read up to here (tokens).
_CLAUSE_REACH = 30
# How many sentences back a pronoun's antecedent is looked for.
_ANTECEDENT_REACH = 6
# The most text an attribution may add after a quotation that ends its paragraph (characters).
_ATTRIBUTION_TAIL = 120
# A transcript's headline stands among the first lines and is no longer than a headline.
_HEADLINE_LINES = 6
_HEADLINE_CHARS = 300
# Shorter quoted strings are labels or scare quotes unless a person says them.
_MIN_QUOTE = 25
# Quoted words inside the reporter's sentence are a speaker's own from this many words on;
# shorter, they are the reporter's label ("called the plan "unrealistic"").
_MIN_EMBEDDED_WORDS = 3
# Dependents that open a clause of their own: not part of the speaker's name.
_CLAUSES = {"relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp", "conj", "cc", "punct"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_RELATIVES = {"WP", "WDT"}  # "who", "which", "that" opening a relative clause
_STOPS = {".", ";", "!", "?"}
# A speaker line names a speaker and their office, not more.
_SPEAKER_LINE_WORDS = 25
_LEADING_SPACE = re.compile(r"\s*")
# A stage direction opening a turn: "(In Spanish)", "(Via interpreter)".
_DIRECTION = re.compile(r"\([^)\n]{1,40}\)\s*")


@dataclasses.dataclass(frozen=True, slots=True)
class _Who:
    """A resolved speaker and how the text named them ("named", "title", "pronoun", "implied" …)."""

    mention: Mention
    how: str


def find_statements(doc: Doc, mentions: Sequence[Mention]) -> list[Statement]:
    """Every direct quotation in the Doc with its speaker, in text order."""
    text = doc_text(doc)
    speakers = _Speakers(doc, text, mentions)
    labels = _labels(text, speakers)
    turns = list(_turns(text, labels))
    if (headline := _transcript_headline(text)) is not None:
        speaker = speakers.headline(*headline)
        body = _body(text, headline[1])
        # the speaker's own words run to the first labelled turn (a question), or to the end
        end = len(text[: labels[0][0].start() if labels else len(text)].rstrip())
        if speaker is not None and body < end:
            opening = _statement(speaker, text, body, end, "transcript")
            return [opening, *(t for t in turns if t.start > end)]
    quotes = [q for q in _quotations(text) if not any(t.start <= q[0] < t.end for t in turns)]
    speakers.quote([(start, end) for start, end, _close in quotes])
    found: list[Statement] = []
    for start, end, close in quotes:
        who, layout = _speaker_line(text, start, speakers)
        tried = who is not None
        if who is None:
            who, tried = speakers.attribution(start, end, close)
            layout = "attributed"
        previous = found[-1] if found and _same_paragraph(text, found[-1].end, start) else None
        unattributed = who is None and not tried
        implied = who is not None and who.how == "implied"
        if previous is None and found and (unattributed or implied):
            previous = found[-1] if _next_paragraph(text, found[-1].end, start) else None
        if previous is not None and not _opens(text, start):
            if who is not None and _one_sentence(text, previous.end, start):
                continue  # the rest of a sentence the speaker began: one quotation, not two
            previous = None
        if who is None and (tried or previous is None):
            continue  # attributed to someone we cannot name, or not attributed at all
        if previous is not None and (who is None or previous.speaker == who.mention.name):
            # no attribution of its own, or one the previous quotation shares
            found.append(
                dataclasses.replace(
                    previous,
                    quote=text[start:end],
                    start=start,
                    end=end,
                    layout="continued",
                )
            )
        elif who is not None and (who.mention.kind == "person" or end - start >= _MIN_QUOTE):
            found.append(_statement(who, text, start, end, layout))
    return sorted(found + turns, key=lambda st: st.start)


def _transcript_headline(text: str) -> tuple[int, int] | None:
    """The headline that makes the text one speaker's words ("X's remarks at …"), if any.

    It is the first line of a clean text, but a page's masthead or menu may stand above it.
    """
    for number, line in enumerate(re.finditer(r"[^\n]+", text)):
        if number >= _HEADLINE_LINES:
            break
        words = line.group().strip()
        if len(words) > _HEADLINE_CHARS or words.endswith("."):
            continue
        if transcript_headline(words):
            return line.start(), line.end()
    return None


def _body(text: str, position: int) -> int:
    """Where a transcript's words begin after its headline: past the date, place and code lines.

    The words open with a sentence or an address ("Colleagues,"); a line that ends in neither
    punctuation is the page's, not the speaker's.
    """
    for line in re.finditer(r"[^\n]+", text[position:]):
        words = line.group().rstrip()
        if words.strip() and words.endswith((".", ",", ":", ";", "!", "?", '"', "”", "…")):
            return position + line.start() + len(line.group()) - len(line.group().lstrip())
    return len(text)


def _statement(who: _Who, text: str, start: int, end: int, layout: str) -> Statement:
    speaker = who.mention
    return Statement(
        speaker=speaker.name,
        code=speaker.code,
        office=speaker.office,
        quote=text[start:end],
        start=start,
        end=end,
        layout=layout,  # type: ignore[arg-type]
    )


def _quotations(text: str) -> list[tuple[int, int, int]]:
    """The insides of quotations: ``(start, end, closing mark or -1)``.

    A double quotation left open at the end of its paragraph goes on where the next paragraph
    opens with a quotation mark (the press convention for a quote over several paragraphs).
    Single marks double as apostrophes: a single quotation opens after a space and closes at
    a mark no letter follows ("the ministers’ talks" holds none), within its paragraph.
    """
    table = speech()
    closing = dict(table["quote_pairs"]) | dict(table["single_quote_pairs"])
    single = {o for o, _c in table["single_quote_pairs"]}
    pattern = re.compile("[" + "".join(re.escape(o) for o in closing) + "]")
    found = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = scan = match.end()
        mark = match.group()
        paragraph_end = text.find("\n\n", scan)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        if mark in single:
            close = _single_close(text, closing[mark], start, paragraph_end)
            if (match.start() > 0 and text[match.start() - 1].isalnum()) or close < 0:
                position = start
                continue
        else:
            close = text.find(closing[mark], scan)
        while not 0 <= close <= paragraph_end:
            after = _LEADING_SPACE.match(text, paragraph_end).end()  # type: ignore[union-attr]
            if after >= len(text) or text[after] not in closing or text[after] in single:
                close = -1
                break
            scan = after + 1  # the quotation goes on in the next paragraph
            paragraph_end = text.find("\n\n", scan)
            paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
            close = text.find(closing[mark], scan)
        end = close if close >= 0 else paragraph_end
        inside = text[start:end].rstrip()
        if any(c.isalpha() for c in inside):
            found.append((start, start + len(inside), close))
        position = max(end + 1, start)
    return found


def _single_close(text: str, mark: str, start: int, limit: int) -> int:
    """The closing single mark: one after a word's last letter or a stop, and before no letter."""
    position = start
    while 0 <= (close := text.find(mark, position)) < limit:
        after = text[close + 1 : close + 2]
        if not after.isalpha() and close > start and not text[close - 1].isspace():
            return close
        position = close + 1
    return -1


def _opens(text: str, start: int) -> bool:
    """Whether a quotation opens a sentence of its own (a fragment inside one continues none)."""
    stop = _stripped_end(text, start - 1)
    closing = {c for _o, c in speech()["quote_pairs"]}
    return not stop or text[stop - 1] in ".!?:\n" or text[stop - 1] in closing


def _one_sentence(text: str, left: int, right: int) -> bool:
    """Whether a quotation goes on with the sentence the previous one broke off.

    ("…," she said, "…") is one quotation split by its attribution.
    """
    stop = _stripped_end(text, right - 1)
    if not stop or text[stop - 1] != ",":
        return False  # words quoted inside the reporter's own clause ("…, adding it was "…"")
    ended = text[left - 1 : left] in {".", "!", "?"}
    return not ended and re.search(r"[.!?]\s", text[left:right]) is None


def _next_paragraph(text: str, left: int, right: int) -> bool:
    """Whether a quotation opens the paragraph after one that ends with a speaker's quotation.

    A paragraph of quoted words alone, after a paragraph that quotes someone, is more of what
    they said: the press leaves out a second attribution.
    """
    between = text[left : right - 1]
    tail, _sep, head = between.partition("\n\n")
    return bool(_sep) and not head.strip() and "\n\n" not in tail and len(tail) <= _ATTRIBUTION_TAIL


def _same_paragraph(text: str, left: int, right: int) -> bool:
    return "\n\n" not in text[left:right]


def _speaker_line(text: str, start: int, speakers: _Speakers) -> tuple[_Who | None, str]:
    """``Name, Title:`` alone on the line before the line the quotation opens."""
    stop = _stripped_end(text, start - 1, " \t")
    if stop and text[stop - 1] != "\n":
        return None, ""
    line_end = _stripped_end(text, start - 1)
    line_start = text.rfind("\n", 0, line_end) + 1
    line = text[line_start:line_end]
    if not line.endswith(":") or len(line.split()) > _SPEAKER_LINE_WORDS:
        return None, ""
    person = next(iter(speakers.people.starting_in(line_start, line_end)), None)
    if person is None:
        return None, ""
    return _Who(speakers.full(person), "speaker_line"), "speaker_line"


def _labels(text: str, speakers: _Speakers) -> list[tuple[re.Match[str], _Who | None]]:
    """The labels of a transcript's turns, each with the person it names (None: the floor).

    A label opens a paragraph: a person's name or title ("SECRETARY KERRY:", "Sergey Lavrov:")
    or the floor's ("QUESTION:"); it takes two labels to make a transcript.
    """
    labels: list[tuple[re.Match[str], _Who | None]] = []
    for label in TURN_LABEL.finditer(text):
        words = label.group(1).split()
        if len(words) > LABEL_WORDS or any(c.isdigit() for c in label.group(1)):
            continue
        if floor_label(label.group(1)):
            labels.append((label, None))
        elif (who := speakers.label(label.start(1), label.end(1))) is not None:
            labels.append((label, who))
    return labels if len(labels) >= 2 else []


def _turns(text: str, labels: list[tuple[re.Match[str], _Who | None]]) -> Iterator[Statement]:
    """Each labelled turn of a person, as one statement.

    A turn runs over the paragraphs after its label up to the next label; a paragraph that does
    not end a sentence (a footer, a link) ends it. The floor's turns are no one's statements.
    """
    for number, (label, who) in enumerate(labels):
        if who is None:
            continue
        limit = labels[number + 1][0].start() if number + 1 < len(labels) else len(text)
        start = label.end()
        if direction := _DIRECTION.match(text, start):
            start = direction.end()
        end = start
        for paragraph in re.finditer(r"[^\n]+", text[start:limit]):
            line = paragraph.group().rstrip()
            if not line.endswith((".", "?", "!", '"', "”", ")")):
                break
            end = start + paragraph.start() + len(line)
        if end > start:
            yield _statement(who, text, start, end, "speaker_line")


@cache
def _rank_parts() -> frozenset[str]:
    """Each word of the ranks and honorifics that stand before a name ("Rear", "Admiral")."""
    return frozenset(word for rank in rank_words() for word in rank.split())


class _Speakers:
    """Who says a quotation: the attribution read from the parse, resolved to mentions."""

    def __init__(self, doc: Doc, text: str, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.text = text
        self.mentions = Mentions.of(mentions)
        self.people = Mentions(m for m in mentions if m.kind == "person" and m.name)
        self._people_by_end: dict[int, Mention] = {}
        for person in self.people:
            self._people_by_end.setdefault(person.end, person)
        # organisations by the words of their names, for "the ministry said" (see ``who``)
        bodies: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.kind == "organisation" and m.name:
                for word in dict.fromkeys(m.name.casefold().split()):
                    bodies.setdefault(word, []).append(m)
        self._bodies = {word: Mentions(found) for word, found in bodies.items()}
        self.starts = doc.to_array("IDX").tolist()  # in C: a Python loop over tokens is slow
        self.sentences = [(s.start, s.end) for s in doc.sents]
        self.sentence_starts = [s for s, _e in self.sentences]
        # the quotations' starts, and the furthest end among those opening up to each
        self._quote_starts: list[int] = []
        self._quote_reach: list[int] = []
        self.last: Mention | None = None  # the speaker of the last attributed quotation
        table = speech(doc.lang_)
        self.verbs = set(table["speech_verbs"])
        self.framing = set(table["framing_verbs"])
        self.judging = set(table.get("judging_verbs", ()))
        self.quoting = set(table["quoting_verbs"])
        self.relative = set(table.get("relative_pronouns", ()))
        self.phrases = [p.split() for p in table["attribution_phrases"]]
        self.leader_nouns = set(table["leader_nouns"])
        self.role_nouns = set(table["speaker_nouns"]) | self.leader_nouns
        self.statement_nouns = set(table["statement_nouns"])
        self.person_pronouns = set(table["person_pronouns"])
        self.thing_pronouns = set(table["thing_pronouns"])
        self.any_mention = bool(table.get("antecedent_any_mention"))
        self.min_embedded = int(table.get("min_embedded_words", _MIN_EMBEDDED_WORDS))
        self.possessives = set(table.get("possessive_pronouns", ()))
        self.naming = set(table.get("naming_words", ()))
        self.manner = set(table.get("manner_adjectives", ()))
        self.phrase_embedded = bool(table.get("phrase_attributes_embedded"))
        self.opening = {o for o, _c in table["quote_pairs"]} | {c for _o, c in table["quote_pairs"]}
        self.opening |= {o for o, _c in table["single_quote_pairs"]}
        self._names = self._full_names()
        # each word of the article's full names -> those names (see ``_by_surname``)
        self._surnames = _holding_words(
            m
            for m in (self.full(p) for p in self.people)
            if len(m.name.split()) > 1  # type: ignore[union-attr]
        )
        self._mentioned = Counter(self.full(p).name for p in self.people)

    # -- the attribution ----------------------------------------------------------------------

    def attribution(self, start: int, end: int, close: int) -> tuple[_Who | None, bool]:
        """The quotation's speaker, and whether the text attributes it at all.

        A quotation with an attribution that names no one we can resolve does not continue the
        previous speaker's words: someone else is speaking.
        """
        tried = False
        for rule in (self._after, self._before, self._around, self._preceding):
            head, how = rule(start, end, close)
            if head is None:
                continue
            tried = True
            who = self.who(head)
            if who is not None and (how == "named" or who.mention.kind == "person"):
                self.last = who.mention
                return (who if how == "named" else _Who(who.mention, how)), True
        return None, tried

    def _after(self, start: int, end: int, close: int) -> tuple[Token | None, str]:
        """``"…," said X`` / ``"…," X said`` / ``"…," according to X``."""
        if close < 0:
            return None, ""
        rest = self.text[close + 1 : close + 3].lstrip(" ")
        last = self.text[end - 1]
        if last not in ",?!—–-…" and not rest.startswith(",") and not rest[:1].islower():
            return None, ""  # a full stop inside the marks ends the sentence
        clause = self._clause_after(close + 1)
        if (phrase := self._phrase(clause)) is not None:
            return phrase, "named"
        lead = next((t for t in clause if not t.is_punct), None)
        for verb in clause:
            if self._is_verb(verb, self.quoting):
                # "…," the agency quoted him as saying; "…," he was quoted as saying
                return self._subject(verb), "named"
            if self._is_verb(verb, self.verbs):
                subjects = [
                    t
                    for t in verb.children
                    if t.dep_ in _SUBJECTS and t in clause and t.tag_ not in _RELATIVES
                ]
                if subjects:
                    return subjects[0], "named"
                if verb is not lead:
                    continue  # a verb of a clause inside the attribution ("who told …")
                # "said the minister", where the parse gave the verb no subject
                named = [t for t in clause if t.i > verb.i]
                heads = [t for t in named if t.head not in named and not t.is_punct]
                return (heads[0] if heads else None), "named"
        return None, ""

    def _before(self, start: int, end: int, close: int) -> tuple[Token | None, str]:
        """``X said: "…"``, ``X told reporters, "…"``, ``According to X, "…"``."""
        stop = _stripped_end(self.text, start - 1)
        if not stop or self.text[stop - 1] not in {":", ","}:
            return None, ""
        last = self._token_at(stop - 1)
        if last is None:
            return None, ""
        sentence = self.doc[self.sentences[self._sentence_of(last.i)][0] : last.i]
        clause = [t for t in sentence if not self._in_quote(t.idx)]
        if (phrase := self._phrase(clause)) is not None:
            return phrase, "named"
        for verb in reversed(clause):
            if self._is_verb(verb, self.verbs | self.quoting):
                return self._subject(verb), "named"
        if self.text[stop - 1] == ":" and clause:
            # a name and a colon, as headlines quote: "Minister X: "…""
            person = self._people_by_end.get(stop - 1)
            if person is not None:
                return self._token_at(person.end - 1), "named"
        return None, ""

    def _around(self, start: int, end: int, close: int) -> tuple[Token | None, str]:
        """Quoted words inside the reporter's sentence, governed by a verb of saying.

        Where the language's table says so, an attribution phrase before them in the sentence
        attributes them too ("По его оценке, соседи «упускают время»").
        """
        words = len(self.text[start:end].split())
        inside = self._tokens(start, end)
        if words < self.min_embedded or not inside:
            return None, ""
        tops = [t for t in inside if not start <= t.head.idx < end]
        if self._named(tops, start, words):
            return None, ""
        for top in tops:
            token = top
            for _step in range(8):
                if token.head is token:
                    break
                token = token.head
                if self._is_verb(token, self.verbs | self.framing) and not (
                    start <= token.idx < end
                ):
                    return self._subject(token), "embedded"
                judged = token.dep_ == "prep" and token.lower_ == "as"
                if judged and self._is_verb(token.head, self.judging):  # "welcomed it as "…""
                    return self._subject(token.head), "embedded"
                aside = next(
                    (
                        c
                        for c in token.children
                        if c.dep_ == "parataxis" and c.idx < start and self._is_verb(c, self.verbs)
                    ),
                    None,
                )
                if aside is not None:  # "Afghanistan, he said, had "the right …""
                    return self._subject(aside), "embedded"
        if self.phrase_embedded:
            lo = self.sentences[self._sentence_of(inside[0].i)][0]
            clause = [t for t in self.doc[lo : inside[0].i] if not self._in_quote(t.idx)]
            if (phrase := self._phrase(clause)) is not None:
                return phrase, "embedded"
        return None, ""

    def _named(self, tops: list[Token], start: int, words: int) -> bool:
        """Whether quoted words are a name, not speech, by the language's table of naming words.

        A "so-called" before them ("так называемом «форуме …»"), a preposition outside the marks
        ("к «зеленому коридору»"), or, below the English minimum of words, a capital letter.
        """
        if not self.naming:
            return False
        if words < _MIN_EMBEDDED_WORDS and self.text[start : start + 1].isupper():
            return True
        mark = bisect_left(self.starts, start - 1)  # the opening mark's token
        if 0 < mark < len(self.doc) and self.doc[mark - 1].pos_ == "ADP":
            return True  # the parse may hang the preposition elsewhere
        return any(
            c.lemma_ in self.naming or (c.dep_ == "case" and c.idx < start)
            for top in tops
            for c in top.children
        )

    def _preceding(self, start: int, end: int, close: int) -> tuple[Token | None, str]:
        """A quotation standing alone after a sentence that reports someone speaking.

        "Lavrov told reporters the talks had gone well. "We agreed on the main points."": the
        quoted sentence is the speaker's, though no verb attributes it.
        """
        if not _opens(self.text, start):
            return None, ""
        last = self._token_at(_stripped_end(self.text, start - 1) - 1)
        if last is None or self.text[last.idx : start - 1].count("\n\n") > 1:
            return None, ""
        lo, hi = self.sentences[self._sentence_of(last.i)]
        verbs = [
            t
            for t in self.doc[lo:hi]
            if self._is_verb(t, self.verbs) and not self._in_quote(t.idx) and t.idx < start
        ]
        verbs.sort(key=_depth)
        if not verbs:
            # "Soto was blunt. "…"": a sentence that says how someone spoke
            verbs = [
                t.head
                for t in self.doc[lo:hi]
                if t.dep_ == "acomp" and t.lemma_.lower() in self.manner and t.head.lemma_ == "be"
            ]
        return (self._subject(verbs[0]) if verbs else None), "implied"

    # -- the speaker --------------------------------------------------------------------------

    def who(self, head: Token | None, *, chain: bool = True) -> _Who | None:
        """Resolve a subject to a speaker: a person, an office's holder, an organisation."""
        if head is None:
            return None
        core = self._core(head)
        lo, hi = min(t.idx for t in core), max(t.idx + len(t) for t in core)
        inside = [m for m in self.mentions.starting_in(lo, hi) if self._covers(core, m)]
        lemma = head.lower_
        people = [m for m in inside if m.kind == "person" and m.name]
        if people:
            own = [m for m in people if m.start <= head.idx < m.end]
            person = (own or people)[-1]
            return _Who(self.full(person), "title" if person.reference == "title" else "named")
        for appos in (c for c in head.children if c.dep_ == "appos"):
            # "a spokesman for the ministry, Pablo Ruiz, said": the name the role stands beside
            if (written := self._written_name(appos)) is not None:
                return _Who(written, "named")
        if lemma in self.person_pronouns | self.thing_pronouns:
            if not chain:
                return None
            kinds = {"person"} if lemma in self.person_pronouns else {"organisation"}
            found = self._antecedent(head, kinds)
            return _Who(found.mention, "pronoun") if found else None
        # "the Kazakh leader", "the UN chief": the state or organisation the title is for
        kinds = {"state", "office", "organisation"}
        codes = {c for m in inside if m.kind in kinds for c in m.codes}
        offices = [m for m in inside if m.kind == "office"]
        if offices or head.lemma_.lower() in self.role_nouns:
            office = offices[-1].office if offices else None
            holder = self._holder(office, head.lemma_.lower(), codes, head.idx)
            if holder is not None:
                return _Who(holder, "title")
            if self.any_mention and not inside and chain:  # "– подчеркнул министр"
                found = self._antecedent(head, {"person"})
                if found is not None:
                    return _Who(found.mention, "title")
        organisations = [m for m in inside if m.kind == "organisation" and m.name]
        if organisations:
            return _Who(organisations[-1], "organisation")
        if head.lemma_.lower() in self.statement_nouns and chain:
            # "говорится в заявлении": the body named before issued it, ahead of a person
            first = self._antecedent(head, {"organisation"}) if self.any_mention else None
            found = first or self._antecedent(head, {"person", "organisation"})
            return _Who(found.mention, found.how) if found else None
        if head.text[:1].isupper() and (person := self._by_surname(head.text)) is not None:
            return _Who(person, "named")  # a surname the model did not take for a name
        if (written := self._written_name(head)) is not None:
            return _Who(written, "named")
        if head.pos_ in {"NOUN", "PROPN"}:
            bodies = self._bodies.get(head.lemma_.lower())
            named = bodies.starting_in(0, head.idx) if bodies is not None else []
            return _Who(named[-1], "organisation") if named else None
        return None

    def headline(self, start: int, end: int) -> _Who | None:
        """Whose words a transcript's headline announces: a person, an office's holder, a body.

        "Statement by the Spokesperson on …" is the words of the spokesperson the article
        names; a ministry's statement, the ministry's.
        """
        inside = [m for m in self.mentions if start <= m.start < end]
        person = next((m for m in inside if m.kind == "person" and m.name), None)
        if person is not None:
            return _Who(self.full(person), "transcript")
        for office in (m for m in inside if m.kind == "office"):
            noun = (office.text.split() or [""])[-1].casefold()
            holder = self._holder(office.office, noun, set(office.codes), office.start)
            if holder is not None:
                return _Who(holder, "transcript")
        body = next((m for m in inside if m.kind == "organisation" and m.name), None)
        return _Who(body, "transcript") if body is not None else None

    def label(self, start: int, end: int) -> _Who | None:
        """The person a transcript label names, by mention or by surname in capitals."""
        person = next(iter(self.people.starting_in(start, end)), None)
        if person is not None:
            return _Who(self.full(person), "transcript")
        for word in reversed(self.text[start:end].split()):
            if found := self._by_surname(word):
                return _Who(found, "transcript")
        written = self._label_name(start, end)
        return _Who(written, "transcript") if written is not None else None

    def _label_name(self, start: int, end: int) -> Mention | None:
        """The name a label writes after its title where the model found no person in it.

        "Official Spokesperson, Shri Arvind Kumar:": the words after the last comma, ranks
        and honorifics set aside, when an office comes before the comma and two or more
        capitalised words remain.
        """
        label = self.text[start:end]
        cut = label.rfind(",")
        if cut < 0:
            return None
        if not any(m.kind == "office" for m in self.mentions if start <= m.start < start + cut):
            return None  # "Official Spokesperson, …" names an office before the name
        words = [
            (start + cut + 1 + m.start(), m.group()) for m in re.finditer(r"\S+", label[cut + 1 :])
        ]
        while words and words[0][1].rstrip(".") in _rank_parts():
            words.pop(0)
        if len(words) < 2 or not all(
            w[:1].isupper() and w.replace("-", "").isalpha() for _at, w in words
        ):
            return None
        name = " ".join(w for _at, w in words)
        at, last = words[0][0], words[-1]
        return Mention(
            start=at,
            end=last[0] + len(last[1]),
            text=name,
            kind="person",
            name=name,
            sentence=start,
        )

    def full(self, person: Mention) -> Mention:
        """The person as the article names them in full."""
        return self._names.get(person.start, person)

    def _full_names(self) -> dict[int, Mention]:
        """Each person mention with the fullest name the article writes for them.

        A name the model cut ("Omar Alieu" of "Omar Alieu Touray") takes back the capitalised
        words beside it; a surname alone takes the one full name in the article that holds it,
        which may be written surname first ("Lee" of "Lee Myung-bak").
        """
        written: dict[int, Mention] = {}
        for person in self.people:
            tokens = self._tokens(person.start, person.end)
            if not tokens:
                continue
            first, last = tokens[0].i, tokens[-1].i
            while first > 0 and self._bare_name(self.doc[first - 1]):
                first -= 1
            while last + 1 < len(self.doc) and self._bare_name(self.doc[last + 1]):
                last += 1
            if (first, last) != (tokens[0].i, tokens[-1].i):
                name = re.sub(r"(?:'s|’s)$", "", self.doc[first : last + 1].text)
                written[person.start] = dataclasses.replace(person, name=name)
        full = [
            written.get(m.start, m)
            for m in self.people
            if len(written.get(m.start, m).name.split()) > 1  # type: ignore[union-attr]
            and len(m.text.split()) > 1
        ]
        names: dict[int, Mention] = dict(written)
        by_word = _holding_words(full)
        for person in self.people:
            if len(person.text.split()) != 1 or person.start in written:
                continue
            key = name_key(re.sub(r"(?:'s|’s)$", "", person.text))
            holders = _holders(by_word, key)
            if len(holders) == 1:
                [match] = holders.values()
                names[person.start] = dataclasses.replace(
                    person,
                    name=match.name,
                    codes=match.codes or person.codes,
                    office=match.office or person.office,
                )
        return names

    def _bare_name(self, token: Token) -> bool:
        """A capitalised proper noun no entity or title claims: a part of a name left out."""
        return (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and token.is_alpha
            and not token.ent_type_
            and not token.is_sent_start
            and token.lower_ not in self.role_nouns
            and token.text not in _rank_parts()  # "Admiral" of "Rear Admiral Tom Becker"
            and not self.mentions.covering(token.idx)
        )

    def _written_name(self, head: Token) -> Mention | None:
        """A person's name the model did not recognise: two or more bare capitalised words.

        "said Abdoulaye Diop" where no entity covers the name; a name with a state, an
        organisation or a title in it is not a person's.
        """
        if head.pos_ != "PROPN" or head.ent_type_ not in {"", "PERSON"}:
            return None
        words = [c for c in head.children if c.dep_ == "compound" and c.i < head.i] + [head]
        words = [t for t in self.doc[words[0].i : head.i + 1]]
        if len(words) < 2 or not all(
            t.pos_ == "PROPN"
            and t.is_alpha
            and t.text[:1].isupper()
            and t.ent_type_ in {"", "PERSON"}
            and t.lower_ not in self.role_nouns
            for t in words
        ):
            return None
        return Mention(
            start=words[0].idx,
            end=head.idx + len(head),
            text=self.doc[words[0].i : head.i + 1].text,
            kind="person",
            name=self.doc[words[0].i : head.i + 1].text,
            sentence=head.sent.start_char,
        )

    def _by_surname(self, word: str) -> Mention | None:
        """The one person of the article whose name holds this word."""
        key = name_key(re.sub(r"(?:'s|’s)$", "", word))
        if not key:
            return None
        found = _holders(self._surnames, key)
        return next(iter(found.values())) if len(found) == 1 else None

    def _holder(self, office: str | None, noun: str, codes: set[str], at: int) -> Mention | None:
        """The person the article names in an office or role, for the states the title gives.

        An office ("the spokesman", "the Turkish minister") is held by a person the article
        gives that office; a role of any office ("the Kazakh leader") by any person of the
        state. Among several: the one who holds the office exactly, then the last speaker, then the
        most mentioned, then the nearest before.
        """
        wanted = set(re.findall(r"\w+", (office or "").casefold())) - {"of", "the", "and"}
        counts = self._mentioned
        ranked = []
        for person in (self.full(p) for p in self.people):
            held = person.office or ""
            words = set(re.findall(r"\w+", held.casefold()))
            if codes and not set(person.codes) & codes:
                continue
            exact = bool(office) and held.casefold() == office.casefold()  # type: ignore[union-attr]
            fits = exact or (wanted and wanted <= words) or noun in words
            if not fits and not (codes and noun in self.leader_nouns):
                continue  # "the spokesman" is a spokesman; "the Kazakh leader", any Kazakh
            last = self.last is not None and self.last.name == person.name
            ranked.append(
                (
                    (not exact, not fits, not last, -counts[person.name], abs(at - person.start)),
                    person,
                )
            )
        return min(ranked, key=lambda r: r[0])[1] if ranked else None

    def _antecedent(self, pronoun: Token, kinds: set[str]) -> _Who | None:
        """The speaker a pronoun stands for: the nearest subject before it of the kind wanted.

        Subjects of main clauses come before those of subordinate ones; words inside quotations
        are someone's speech, not the reporter's, and do not count.
        """
        index = self._sentence_of(pronoun.i)
        for number in range(index, max(-1, index - _ANTECEDENT_REACH), -1):
            lo, hi = self.sentences[number]
            subjects = [
                t
                for t in self.doc[lo:hi]
                if t.dep_ in _SUBJECTS and t.i < pronoun.i and not self._in_quote(t.idx)
            ]
            subjects.sort(key=lambda t: (_depth(t), -t.i))
            for subject in subjects:
                found = self.who(subject, chain=False)
                if found is not None and found.mention.kind in kinds:
                    return found
        if self.any_mention:
            # a language whose reports name the speaker in an oblique case ("в комментарии
            # Марии Захаровой"): the last one named before, outside quotations
            lo = self.sentences[max(0, index - _ANTECEDENT_REACH + 1)][0]
            named = [
                m
                for m in self.mentions.starting_in(self.doc[lo].idx, pronoun.idx)
                if m.kind in kinds and m.name and not self._in_quote(m.start)
            ]
            if named:
                return _Who(
                    self.full(named[-1]) if named[-1].kind == "person" else named[-1], "pronoun"
                )
        return None

    # -- the parse ----------------------------------------------------------------------------

    def _subject(self, verb: Token) -> Token | None:
        """A verb's subject, or that of the verb it continues ("called it … and said …")."""
        for _step in range(4):
            if outside_modal_clause(verb):
                verb = verb.head.head  # "said Russia would respond and accused …": the speaker
                continue
            quoted = [t for t in verb.children if t.dep_ == "dobj"]
            if quoted and self._is_verb(verb, self.quoting):
                return quoted[0]  # the agency quoted the minister as saying
            subjects = [t for t in verb.children if t.dep_ in _SUBJECTS]
            if subjects and subjects[0].lower_ in self.relative and verb.dep_ == "relcl":
                return verb.head  # "Japarov, who told reporters that …": Japarov
            if subjects:
                return subjects[0]
            if verb.dep_ not in {"conj", "xcomp", "advcl"} or verb.head is verb:
                return None
            verb = verb.head
        return None

    def _phrase(self, clause: Iterable[Token]) -> Token | None:
        """The head of the speaker after "according to", "quoted by"."""
        tokens = list(clause)
        words = [t.lower_ for t in tokens]
        for phrase in self.phrases:
            for i in range(len(words) - len(phrase) + 1):
                if words[i : i + len(phrase)] == phrase and i + len(phrase) < len(tokens):
                    following = tokens[i + len(phrase) :]
                    heads = [t for t in following if t.head not in following or t.head is t]
                    return heads[0] if heads else None
                if self._possessive(words, i, phrase):
                    return tokens[i + 1]  # "по его оценке": the pronoun is the speaker
        return None

    def _possessive(self, words: list[str], i: int, phrase: list[str]) -> bool:
        """A two-word phrase with a possessive pronoun inside it ("по его словам")."""
        return (
            len(phrase) == 2
            and i + 2 < len(words)
            and words[i] == phrase[0]
            and words[i + 1] in self.possessives
            and words[i + 2] == phrase[1]
        )

    def _clause_after(self, position: int) -> list[Token]:
        first = bisect_left(self.starts, position)
        clause: list[Token] = []
        for token in self.doc[first : first + _CLAUSE_REACH]:
            if (
                "\n" in token.text
                or token.text in self.opening
                or token.text in {".", ";", "!", "?"}
            ):
                break
            clause.append(token)
        return clause

    def _is_verb(self, token: Token, lemmas: set[str]) -> bool:
        return token.lemma_.lower() in lemmas and token.tag_.startswith("VB")

    def _core(self, head: Token) -> list[Token]:
        """A subject's own words: without the clauses hanging on it."""
        core, stack = [], [head]
        while stack:
            token = stack.pop()
            core.append(token)
            stack.extend(c for c in token.children if c.dep_ not in _CLAUSES)
        return core

    def _covers(self, core: list[Token], mention: Mention) -> bool:
        return any(mention.start <= t.idx < mention.end for t in core)

    def _tokens(self, start: int, end: int) -> list[Token]:
        return list(self.doc[bisect_left(self.starts, start) : bisect_left(self.starts, end)])

    def _token_at(self, position: int) -> Token | None:
        index = bisect_right(self.starts, position) - 1
        return self.doc[index] if index >= 0 else None

    def _sentence_of(self, index: int) -> int:
        return bisect_right(self.sentence_starts, index) - 1

    def quote(self, quoted: list[tuple[int, int]]) -> None:
        """Note where the quotations are: words inside them are not the reporter's."""
        spans = sorted(quoted)
        self._quote_starts = [lo for lo, _hi in spans]
        self._quote_reach = list(itertools.accumulate((hi for _lo, hi in spans), max))

    def _in_quote(self, position: int) -> bool:
        index = bisect_right(self._quote_starts, position) - 1
        return index >= 0 and position < self._quote_reach[index]


def _stripped_end(text: str, end: int, chars: str | None = None) -> int:
    """``len(text[:end].rstrip(chars))``, without copying the text before ``end``.

    Asked for every quotation: copying a long report's text up to each one would cost its
    length squared.
    """
    stop = slice(None, end).indices(len(text))[1]
    while stop and (text[stop - 1].isspace() if chars is None else text[stop - 1] in chars):
        stop -= 1
    return stop


def _holding_words(people: Iterable[Mention]) -> dict[str, dict[str, Mention]]:
    """Each word of the people's folded names -> the folded names holding it, with their mention.

    As a filter over the people would give them: names in first-seen order, each with the last
    mention written that way. Built once, so resolving a surname does not walk every person.
    """
    found: dict[str, dict[str, Mention]] = {}
    for person in people:
        key = name_key(person.name)  # type: ignore[arg-type]
        for word in key.split():
            found.setdefault(word, {})[key] = person
    return found


def _holders(by_word: dict[str, dict[str, Mention]], key: str) -> dict[str, Mention]:
    """The names holding every word of a folded surname, from :func:`_holding_words`.

    A surname is one word as written but may fold to several: "EL-MANSOURI" and "el-Mansouri"
    to "al mansouri", "Abu-Zeid" to "abu zeid"; the full name must hold each of them.
    """
    words = key.split()
    if len(words) <= 1:
        return by_word.get(key, {})
    found = by_word.get(words[0], {})
    return {name: m for name, m in found.items() if all(name in by_word.get(w, {}) for w in words)}


def _depth(token: Token) -> int:
    depth = 0
    while token.head is not token and depth < 20:
        token, depth = token.head, depth + 1
    return depth
