"""Score what is stored against a gold file, by the rules of ../shared/GOLD-FORMAT.md.

Kept apart from the CLI (as spaCy's ``evaluate`` is) so tests and benchmarks call it directly.
Sections the pipeline does not produce yet are scored honestly: their gold items all count as
missed, never skipped.

Events, agreements, statements and entities are matched one-to-one per document by a maximum
bipartite matching (scipy's assignment solver), so the figures never depend on the order in
which the store returns its records. Beyond recall, precision needs a decision on what counts
as one prediction in each section:

- events: every stored event of the document; one that matches only an ``optional`` gold event
  is excused (counts neither way), each optional gold event excusing at most one prediction.
- agreements: one predicted pair per distinct (title, action, date) of the document, however
  often the text mentions it; an unmatched ``referenced`` pair whose instrument gold does not
  list as referenced is neutral (GOLD-FORMAT.md).
- statements: every stored quotation; a ``continued`` piece (the rest of a quotation split by
  its attribution, or the next quote of the same speaker in the paragraph) may match gold, but
  unmatched it is neutral, for gold lists a quotation once by its first words and the head of
  the quotation is already counted.
- entities: the document's people and organisations resolved to a code (an unresolved name
  cannot match a gold entry, which always has a country, so precision stays about what the
  reader asserts), and its states where that document's gold lists any state: the gold sets
  so far list no states (states are scored through event participants), and counting every
  state mentioned against them would measure the annotation, not the reader. Gold lists the
  entities that must be recognised, not every name, so entity precision is a lower bound.

Every unmatched prediction and gold item is also kept as a :class:`Miss` with its sentence and
the reason it failed, found against its nearest counterpart (``communique eval --errors``);
every counted prediction leaves an :class:`Outcome` with its confidence, for reliability tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal, cast

import numpy as np
from scipy.optimize import linear_sum_assignment
from spacy.lang.en.stop_words import STOP_WORDS

from .errors import EvalError
from .kb import name_key
from .model import Article, Entity, Event, Instrument, Span, Statement
from .store import Store

__all__ = [
    "EvalReport",
    "Miss",
    "Outcome",
    "PredictedPair",
    "Prf",
    "Score",
    "agreement_matches",
    "agreement_pairs",
    "dates_agree",
    "entity_matches",
    "evaluate",
    "event_matches",
    "new_report",
    "score_document",
    "statement_matches",
    "titles_match",
]

TITLE_SHARE = 0.6  # of the gold title's content words the predicted title must hold
INSIDE_SHARE = 0.8  # of a shorter predicted name's content words that must be in the gold title
INSIDE_MIN_WORDS = 2  # a shorter name needs at least this many content words
ENTITY_KINDS = frozenset({"person", "organisation"})  # counted as predictions when resolved

Side = Literal["fn", "fp"]


@dataclass(slots=True)
class Score:
    """A count of hits out of a total, with the documents' misses for the report."""

    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Hits over total (1.0 when there was nothing to find)."""
        return self.hits / self.total if self.total else 1.0

    def add(self, ok: bool, miss: str) -> None:
        """Count one item; remember what was missed."""
        self.total += 1
        self.hits += ok
        if not ok:
            self.misses.append(miss)


@dataclass(slots=True)
class Prf:
    """Matched predictions (tp), unmatched predictions (fp) and unmatched gold items (fn).

    ``excused`` counts predictions that count neither way (matched to an optional gold event,
    an unlisted ``referenced`` pair, an unmatched continuation of a quotation).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    excused: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of predictions that match gold (1.0 with no predictions)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items matched (1.0 with none to find)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def share(self) -> float:
        """F1, the harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Miss:
    """One false negative (``fn``: gold unmatched) or false positive (``fp``) and why.

    ``reason`` names what differs from the nearest counterpart: for events ``type``,
    ``participants`` or ``date``; for agreements ``title``, ``action`` or ``date``; for
    statements ``speaker``, ``quote`` or ``unlisted``/``missing``; ``duplicate`` where a
    counterpart agrees in every respect but was matched to another item. ``sentence`` is the
    prediction's evidence, or the document's sentence holding the gold evidence.
    """

    section: str
    side: Side
    doc: str
    reason: str
    record: str
    sentence: str
    nearest: str | None = None

    def to_dict(self) -> dict[str, object]:
        """JSON shape for ``communique eval --errors --json``."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One counted prediction: its section, its confidence, and whether gold matched it."""

    section: str
    confidence: float
    correct: bool


@dataclass(frozen=True, slots=True)
class PredictedPair:
    """One distinct (title, action, date) of a document, as agreements are scored."""

    title: str
    action: str
    when: Span | None
    sentence: str
    confidence: float


@dataclass(slots=True)
class EvalReport:
    """Every score of one evaluation, keyed as in the gold format."""

    documents: int = 0
    missing_documents: list[str] = field(default_factory=list)
    scores: dict[str, Score | Prf] = field(default_factory=dict)
    event_types: dict[str, Prf] = field(default_factory=dict)  # per PLOVER type
    errors: list[Miss] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    def to_dict(self, *, errors: bool = False) -> dict[str, object]:
        """JSON shape for ``communique eval --json``; ``errors`` adds the misses by reason."""
        data: dict[str, object] = {
            "documents": self.documents,
            "missing_documents": self.missing_documents,
            "scores": {name: _score_dict(score) for name, score in self.scores.items()},
            "event_types": {name: _score_dict(s) for name, s in sorted(self.event_types.items())},
        }
        if errors:
            data["errors"] = {
                f"{section} {reason}": [m.to_dict() for m in misses]
                for (section, reason), misses in self.errors_by_reason().items()
            }
        return data

    def errors_by_reason(self) -> dict[tuple[str, str], list[Miss]]:
        """The misses grouped by (section, reason), sections and reasons in a stable order."""
        groups: dict[tuple[str, str], list[Miss]] = {}
        for miss in sorted(self.errors, key=lambda m: (m.section, m.reason, m.doc, m.side)):
            groups.setdefault((miss.section, miss.reason), []).append(miss)
        return groups

    def prf(self, name: str) -> Prf:
        """The precision/recall score ``name`` (one of ``PRF_NAMES``), typed as such."""
        return cast(Prf, self.scores[name])

    def error_lines(self) -> Iterator[tuple[bool, str]]:
        """The misses as text for a terminal: ``(is_heading, line)``, grouped by reason.

        One layout for ``communique eval --errors`` and ``make bench-dev``'s error list.
        """
        for (section, reason), misses in self.errors_by_reason().items():
            yield True, f"{section}: {reason} ({len(misses)})"
            for miss in misses:
                side = "missed" if miss.side == "fn" else "extra "
                yield False, f"  {side} {miss.doc}: {miss.record}"
                if miss.nearest:
                    yield False, f"    nearest: {miss.nearest}"
                if miss.sentence:
                    yield False, f"    sentence: {miss.sentence}"


def _score_dict(score: Score | Prf) -> dict[str, object]:
    data: dict[str, object] = {**asdict(score), "share": round(score.share, 4)}
    if isinstance(score, Prf):
        data |= {"precision": round(score.precision, 4), "recall": round(score.recall, 4)}
    return data


SCORE_NAMES = (
    "title",
    "published",
    "language",
    "clean.keep",
    "clean.drop",
    "events.mode",
    "events.direction",
    "events.location",
    "events.evidence",
)
PRF_NAMES = ("entities", "statements", "agreements", "events")


def new_report() -> EvalReport:
    """An empty report with every section present, so that nothing scored reads as missing."""
    report = EvalReport()
    report.scores = {name: Score() for name in SCORE_NAMES}
    report.scores |= {name: Prf() for name in PRF_NAMES}
    return report


def evaluate(store: Store, gold_path: Path) -> EvalReport:
    """Score the stored articles against every document in the gold file."""
    report = new_report()
    for gold in _read_gold(gold_path):
        article = store.find_article(gold["doc"])
        if article is None:
            report.missing_documents.append(gold["doc"])
            score_document(report, gold, None, [], [], [], [])
            continue
        score_document(
            report,
            gold,
            article,
            store.entities(article.id),
            [st for _a, st in store.statements(article.id)],
            [item for _a, item in store.instruments(article.id)],
            # a negated or hypothetical act is stored, flagged, but states no event to score
            [
                event
                for _a, event in store.events(article.id)
                if not event.negated and event.tense != "hypothetical"
            ],
        )
    return report


def score_document(
    report: EvalReport,
    gold: dict,
    article: Article | None,
    entities: Sequence[Entity],
    statements: Sequence[Statement],
    instruments: Sequence[Instrument],
    events: Sequence[Event],
) -> None:
    """Add one gold document's scores, given what was predicted for it (none if not stored)."""
    report.documents += 1
    doc = gold["doc"]
    text = article.text if article else ""
    _score_meta(report, doc, gold.get("meta", {}), article)
    _score_clean(report, doc, gold.get("clean", {}), article)
    _score_entities(report, doc, gold.get("entities", []), entities)
    people = {name_key(e.name): _person_forms(e) for e in entities if e.kind == "person"}
    _score_statements(report, doc, gold.get("statements", []), statements, text, people)
    _score_agreements(report, doc, gold.get("agreements", []), instruments, text)
    _score_events(report, doc, gold.get("events", []), events, text)


def _read_gold(path: Path) -> list[dict]:
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as err:
        raise EvalError("E501", path=path, reason=err.strerror or err) from err
    gold = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise EvalError("E501", path=path, reason=f"line {number}: {err.msg}") from err
        if not isinstance(record, dict) or "doc" not in record:
            raise EvalError("E501", path=path, reason=f"line {number}: no 'doc' field")
        gold.append(record)
    return gold


def _assign(weights: list[list[int]]) -> dict[int, int]:
    """Maximum-weight one-to-one matching: prediction index -> gold index (weight > 0 only).

    With every weight 1 it is a maximum bipartite matching; a larger weight makes some gold
    items (the non-optional events) win over others whatever the order of the rows.
    """
    if not weights or not weights[0]:
        return {}
    matrix = np.array(weights, dtype=np.int64)
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return {int(r): int(c) for r, c in zip(rows, cols, strict=True) if matrix[r, c] > 0}


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _sentence_of(text: str, phrase: str) -> str:
    """The sentence of ``text`` holding ``phrase`` (case and spacing aside), else ``""``.

    Where the phrase is not there word for word (a gold title in other words), the sentence
    sharing most of its content words, if it shares at least half of them.
    """
    wanted = _flat(phrase).casefold()
    if not wanted:
        return ""
    sentences = _SENTENCE_END.split(_flat(text))
    for sentence in sentences:
        if wanted in sentence.casefold():
            return sentence
    words = _content_words(wanted)
    best = max(sentences, key=lambda s: len(words & _content_words(s)), default="")
    return best if words and len(words & _content_words(best)) * 2 >= len(words) else ""


def _gold_sentence(text: str, phrases: Sequence[str]) -> str:
    """The sentence holding the first gold phrase found, else the phrases as gold gives them."""
    for phrase in phrases:
        if found := _sentence_of(text, phrase):
            return found
    return " | ".join(phrases) + " (not found in the text)" if phrases else ""


# --- metadata and cleaning ------------------------------------------------------------------


def _score_meta(report: EvalReport, doc: str, meta: dict, article: Article | None) -> None:
    predicted = {
        "title": article.title if article else None,
        "published": article.published.isoformat() if article and article.published else None,
        "language": article.language if article else None,
    }
    for key in ("title", "published", "language"):
        if key in meta:
            want, got = meta[key], predicted[key]
            if key == "title" and want and got:
                want, got = " ".join(want.split()), " ".join(got.split())
            ok = article is not None and want == got
            report.scores[key].add(ok, f"{doc}: expected {meta[key]!r}, got {predicted[key]!r}")


def _score_clean(report: EvalReport, doc: str, clean: dict, article: Article | None) -> None:
    text = " ".join(article.text.split()) if article else ""
    for phrase in clean.get("keep", []):
        ok = article is not None and " ".join(phrase.split()) in text
        report.scores["clean.keep"].add(ok, f"{doc}: lost {phrase!r}")
    for phrase in clean.get("drop", []):
        ok = article is not None and " ".join(phrase.split()) not in text
        report.scores["clean.drop"].add(ok, f"{doc}: kept {phrase!r}")


# --- entities -------------------------------------------------------------------------------


def _same_name(gold: str, entity: Entity) -> bool:
    """Whether a gold name is the entity's canonical name or one of the forms it appeared in."""
    if entity.kind == "person":
        return name_key(gold) in _person_forms(entity)
    wanted = _plain(gold)
    return wanted in {_plain(entity.name), *(_plain(alias) for alias in entity.aliases)}


def _person_forms(entity: Entity) -> set[str]:
    """The folded names a person resolves from: the canonical one and those the text wrote.

    "Resolves to the same person" (GOLD-FORMAT.md): a gold coder who writes the name the
    article gives in full ("Rafael Mariano Grossi") means the person the knowledge base knows by
    a shorter canonical name ("Rafael Grossi").
    """
    return {name_key(name) for name in (entity.name, *entity.aliases)}


def _plain(text: str) -> str:
    text = " ".join(text.split()).casefold()
    return text.removeprefix("the ")


def entity_matches(gold: dict, entity: Entity) -> bool:
    """GOLD-FORMAT.md: same resolved name (or code, for a state) and country; same office.

    An office is the same whatever its case: the text's "Foreign Ministry spokeswoman" is a
    gold "Foreign Ministry Spokeswoman".
    """
    if gold.get("kind") and gold["kind"] != entity.kind:
        return False
    if entity.code != gold.get("country"):
        return False
    if gold.get("kind") != "state" and not _same_name(gold["name"], entity):
        return False
    return not gold.get("office") or _plain(gold["office"]) == _plain(entity.office or "")


def _predicted_entity(entity: Entity, *, states: bool) -> bool:
    """Whether an entity counts as a prediction (a state only where gold lists states)."""
    if entity.kind == "state":
        return states
    return entity.kind in ENTITY_KINDS and entity.code is not None


def _describe_entity(gold: dict) -> str:
    office = f", {gold['office']}" if gold.get("office") else ""
    return f"{gold['name']} ({gold.get('kind')}, {gold.get('country')}{office})"


def _score_entities(
    report: EvalReport, doc: str, gold: list[dict], entities: Sequence[Entity]
) -> None:
    score = report.prf("entities")
    states = any(g.get("kind") == "state" for g in gold)
    predicted = sorted(
        (e for e in entities if _predicted_entity(e, states=states)),
        key=lambda e: (e.kind, e.name, e.code or ""),
    )
    pairs = _assign([[int(entity_matches(g, e)) for g in gold] for e in predicted])
    matched = set(pairs.values())
    score.tp += len(pairs)
    for index, entity in enumerate(predicted):
        if index not in pairs:
            score.fp += 1
            score.misses.append(f"{doc}: extra {entity.name} ({entity.kind}, {entity.code})")
    for index, item in enumerate(gold):
        if index not in matched:
            score.fn += 1
            score.misses.append(f"{doc}: missed {_describe_entity(item)}")


# --- statements -----------------------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


def _same_speaker(
    gold: dict, statement: Statement, people: dict[str, set[str]] | None = None
) -> bool:
    """Whether the gold speaker is the statement's, by any name the article resolved to them."""
    if not statement.speaker:
        return False
    speaker = name_key(statement.speaker)
    return name_key(gold["speaker"]) in (people or {}).get(speaker, {speaker})


def _starts_so(gold: dict, statement: Statement) -> bool:
    return _flat(statement.quote).startswith(_flat(gold["starts"]))


def statement_matches(
    gold: dict, statement: Statement, people: dict[str, set[str]] | None = None
) -> bool:
    """GOLD-FORMAT.md: the speaker resolves to the same person; the quote starts as given.

    ``people`` maps each person's folded canonical name to the folded names they resolved from
    in the article (:func:`_person_forms`).
    """
    return _same_speaker(gold, statement, people) and _starts_so(gold, statement)


def _describe_statement(statement: Statement) -> str:
    quote = _flat(statement.quote)
    return f"{statement.speaker or '(no speaker)'}: {quote[:60]}{'…' if len(quote) > 60 else ''}"


def _score_statements(
    report: EvalReport,
    doc: str,
    gold: list[dict],
    statements: Sequence[Statement],
    text: str,
    people: dict[str, set[str]],
) -> None:
    """Match quotations one-to-one; an unmatched continuation of a quotation is excused."""
    score = report.prf("statements")
    predicted = sorted(statements, key=lambda s: (s.start, s.end))
    pairs = _assign([[int(statement_matches(g, s, people)) for g in gold] for s in predicted])
    for index, statement in enumerate(predicted):
        if index in pairs:
            score.tp += 1
            report.outcomes.append(Outcome("statements", statement.confidence, True))
        elif statement.layout == "continued":
            score.excused += 1
        else:
            score.fp += 1
            report.outcomes.append(Outcome("statements", statement.confidence, False))
            reason, nearest = _statement_reason(statement, gold, people)
            label = _describe_statement(statement)
            score.misses.append(f"{doc}: extra {label}")
            report.errors.append(
                Miss("statements", "fp", doc, reason, label, _flat(statement.quote), nearest)
            )
    matched = set(pairs.values())
    for index, item in enumerate(gold):
        if index in matched:
            continue
        score.fn += 1
        label = f"{item['speaker']}: {item['starts']}"
        score.misses.append(f"{doc}: missed {label}")
        reason, nearest = _gold_statement_reason(item, predicted, people)
        sentence = _gold_sentence(text, [item["starts"]])
        report.errors.append(Miss("statements", "fn", doc, reason, label, sentence, nearest))


def _gold_statement_reason(
    item: dict, predicted: Sequence[Statement], people: dict[str, set[str]]
) -> tuple[str, str | None]:
    """Why no prediction matched a gold quotation, against the nearest prediction."""
    same_start = [s for s in predicted if _starts_so(item, s)]
    if any(_same_speaker(item, s, people) for s in same_start):
        return "duplicate", _describe_statement(same_start[0])
    if same_start:
        return "speaker", _describe_statement(same_start[0])
    same_speaker = [s for s in predicted if _same_speaker(item, s, people)]
    if same_speaker:
        return "quote", _describe_statement(same_speaker[0])
    return "missing", None


def _statement_reason(
    statement: Statement, gold: list[dict], people: dict[str, set[str]]
) -> tuple[str, str | None]:
    """Why a predicted quotation matched nothing, against the nearest gold quotation."""
    same_start = [g for g in gold if _starts_so(g, statement)]
    if any(_same_speaker(g, statement, people) for g in same_start):
        return "duplicate", f"{same_start[0]['speaker']}: {same_start[0]['starts']}"
    if same_start:
        return "speaker", f"{same_start[0]['speaker']}: {same_start[0]['starts']}"
    same_speaker = [g for g in gold if _same_speaker(g, statement, people)]
    if same_speaker:
        return "quote", f"{same_speaker[0]['speaker']}: {same_speaker[0]['starts']}"
    return "unlisted", None


# --- agreements -----------------------------------------------------------------------------


def _content_words(text: str) -> set[str]:
    words = {w.casefold() for w in re.findall(r"[\w]+", text)}
    return words - STOP_WORDS


def titles_match(gold: str, predicted: str) -> bool:
    """GOLD-FORMAT.md: the same instrument by title.

    The predicted title holds 60% of the gold title's content words, or it is a shorter name
    wholly inside the gold one: at least two content words, 80% of them in the gold title.
    """
    wanted, got = _content_words(gold), _content_words(predicted)
    if not wanted or not got:
        return False
    shared = len(wanted & got)
    if shared / len(wanted) >= TITLE_SHARE:
        return True
    return len(got) >= INSIDE_MIN_WORDS and shared / len(got) >= INSIDE_SHARE


def dates_agree(gold: str | None, when: Span | None) -> bool:
    """GOLD-FORMAT.md: the predicted interval overlaps the gold one widened by a day each side."""
    if gold is None:
        return True
    if when is None:
        return False
    span = Span.parse(gold)
    day = timedelta(days=1)
    return when.start <= span.end + day and span.start - day <= when.end


def agreement_matches(gold: dict, pair: PredictedPair) -> bool:
    """Titles name the same instrument; same action; dates agree."""
    return (
        titles_match(gold["title"], pair.title)
        and gold["action"] == pair.action
        and dates_agree(gold.get("date"), pair.when)
    )


def agreement_pairs(instruments: Sequence[Instrument]) -> list[PredictedPair]:
    """One pair per distinct (title, action, date), however often the text mentions it.

    Titles are compared with whitespace collapsed and case folded; the first mention gives the
    pair its sentence, the most confident mention its confidence.
    """
    pairs: dict[tuple, PredictedPair] = {}
    for item in sorted(instruments, key=lambda i: (i.start, i.end, i.title, i.action)):
        when = (item.when.start, item.when.end) if item.when else None
        key = (_plain(item.title), item.action, when)
        known = pairs.get(key)
        confidence = max(item.confidence, known.confidence) if known else item.confidence
        pairs[key] = PredictedPair(
            title=known.title if known else _flat(item.title),
            action=item.action,
            when=item.when,
            sentence=known.sentence if known else _flat(item.sentence),
            confidence=confidence,
        )
    return sorted(pairs.values(), key=lambda p: (_plain(p.title), p.action, str(p.when)))


def _when(span: Span | None) -> str:
    if span is None:
        return "no date"
    if span.start == span.end:
        return span.start.isoformat()
    return f"{span.start.isoformat()}/{span.end.isoformat()}"


def _describe_pair(pair: PredictedPair) -> str:
    return f"{pair.action} {pair.title!r} ({_when(pair.when)})"


def _describe_gold_pair(item: dict) -> str:
    return f"{item['action']} {item['title']!r} ({item.get('date') or 'no date'})"


def _score_agreements(
    report: EvalReport, doc: str, gold: list[dict], instruments: Sequence[Instrument], text: str
) -> None:
    """Match distinct predicted pairs to gold pairs one-to-one (maximum matching) and count."""
    score = report.prf("agreements")
    predicted = agreement_pairs(instruments)
    pairs = _assign([[int(agreement_matches(g, p)) for g in gold] for p in predicted])
    referenced = [g for g in gold if g["action"] == "referenced"]
    for index, pair in enumerate(predicted):
        if index in pairs:
            score.tp += 1
            report.outcomes.append(Outcome("agreements", pair.confidence, True))
            continue
        if pair.action == "referenced" and not any(
            titles_match(g["title"], pair.title) for g in referenced
        ):
            score.excused += 1
            continue
        score.fp += 1
        report.outcomes.append(Outcome("agreements", pair.confidence, False))
        label = _describe_pair(pair)
        score.misses.append(f"{doc}: extra {label}")
        reason, near = _nearest([(g, pair) for g in gold], AGREEMENT_STEPS)
        nearest = _describe_gold_pair(gold[near[0]]) if near and reason != "title" else None
        report.errors.append(Miss("agreements", "fp", doc, reason, label, pair.sentence, nearest))
    matched = set(pairs.values())
    for index, item in enumerate(gold):
        if index in matched:
            continue
        score.fn += 1
        label = _describe_gold_pair(item)
        score.misses.append(f"{doc}: missed {label}")
        reason, near = _nearest([(item, p) for p in predicted], AGREEMENT_STEPS)
        nearest = _describe_pair(predicted[near[0]]) if near and reason != "title" else None
        sentence = _gold_sentence(text, [item["title"]])
        report.errors.append(Miss("agreements", "fn", doc, reason, label, sentence, nearest))


AGREEMENT_STEPS: tuple[tuple[str, Callable[[dict, PredictedPair], bool]], ...] = (
    ("title", lambda g, p: titles_match(g["title"], p.title)),
    ("action", lambda g, p: g["action"] == p.action),
    ("date", lambda g, p: dates_agree(g.get("date"), p.when)),
)


def _nearest(
    couples: Sequence[tuple[Any, Any]], steps: Sequence[tuple[str, Callable[[Any, Any], bool]]]
) -> tuple[str, list[int]]:
    """What an unmatched item differs in from its nearest counterparts, and which they are.

    ``couples`` pair the gold and predicted side of the item with each candidate counterpart.
    The checks of ``steps`` narrow the candidates in turn; the reason is the first check no
    candidate passes, and the counterparts (by index) are those that passed every check before
    it. Where all pass, the counterpart was taken by another item: ``duplicate``.
    """
    alive = list(range(len(couples)))
    for name, agrees in steps:
        passing = [i for i in alive if agrees(*couples[i])]
        if not passing:
            return name, alive
        alive = passing
    return "duplicate", alive


# --- events ---------------------------------------------------------------------------------


def _listed(value: object) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [str(value)]


def type_agrees(gold: dict, event: Event) -> bool:
    """GOLD-FORMAT.md rule 1: the type is the gold type or one of its alternatives."""
    return event.event in _listed(gold["event"])


def participants_agree(gold: dict, event: Event) -> bool:
    """GOLD-FORMAT.md rule 2: the set of both sides for CONSULT, else actor (and recipient)."""
    actor, recipient = set(gold.get("actor") or []), set(gold.get("recipient") or [])
    if event.event == "CONSULT":
        return set(event.actor) | set(event.recipient) == actor | recipient
    return set(event.actor) == actor and (not recipient or set(event.recipient) == recipient)


def event_matches(gold: dict, event: Event) -> bool:
    """GOLD-FORMAT.md: type, participants, and dates all agree."""
    return (
        type_agrees(gold, event)
        and participants_agree(gold, event)
        and dates_agree(gold.get("date"), event.when)
    )


EVENT_STEPS: tuple[tuple[str, Callable[[dict, Event], bool]], ...] = (
    ("type", type_agrees),
    ("participants", participants_agree),
    ("date", lambda g, e: dates_agree(g.get("date"), e.when)),
)


def _event_key(event: Event) -> tuple:
    """A canonical order for predictions, so that the matching never sees the store's order."""
    first = event.evidence[0].start if event.evidence else -1
    return (event.event, event.actor, event.recipient, _when(event.when), first, event.mode or "")


def _describe_event(event: Event) -> str:
    actor = ",".join(event.who) or "?"
    recipient = ",".join(event.recipient) or "-"
    return f"{event.event} {actor} -> {recipient} ({_when(event.when)})"


def _describe_gold_event(gold: dict) -> str:
    kind = "|".join(_listed(gold["event"]))
    actor = ",".join(gold.get("actor") or []) or "?"
    recipient = ",".join(gold.get("recipient") or []) or "-"
    optional = ", optional" if gold.get("optional") else ""
    return f"{kind} {actor} -> {recipient} ({gold.get('date') or 'no date'}{optional})"


def _overlap(gold: dict, event: Event) -> tuple[int, int, int]:
    """How near two events are: shared codes, whether the actor agrees, then the days apart."""
    wanted = set(gold.get("actor") or []) | set(gold.get("recipient") or [])
    got = set(event.actor) | set(event.recipient)
    same_actor = int(set(gold.get("actor") or []) == set(event.actor))
    return len(wanted & got), same_actor, -_days_apart(gold.get("date"), event.when)


def _days_apart(gold: str | None, when: Span | None) -> int:
    """Days between the gold interval and the predicted one (0 when they overlap or lack one)."""
    if gold is None or when is None:
        return 0
    span = Span.parse(gold)
    return max((when.start - span.end).days, (span.start - when.end).days, 0)


def _score_events(
    report: EvalReport, doc: str, gold: list[dict], events: Sequence[Event], text: str
) -> None:
    """Match one-to-one; a prediction matching only an optional gold event counts neither way.

    Matching a non-optional gold event weighs more than all optional matches together, so the
    matching first finds the most true positives, then excuses what it can.
    """
    score = report.prf("events")
    predicted = sorted(events, key=_event_key)
    heavy = len(gold) + 1
    weights = [
        [(1 if g.get("optional") else heavy) * event_matches(g, e) for g in gold] for e in predicted
    ]
    pairs = _assign(weights)

    def by_type(kind: str) -> Prf:
        return report.event_types.setdefault(kind, Prf())

    for index, event in enumerate(predicted):
        if index in pairs and gold[pairs[index]].get("optional"):
            score.excused += 1
        elif index in pairs:
            score.tp += 1
            by_type(event.event).tp += 1
            report.outcomes.append(Outcome("events", event.confidence, True))
            _score_pair(report, doc, gold[pairs[index]], event)
        else:
            score.fp += 1
            by_type(event.event).fp += 1
            report.outcomes.append(Outcome("events", event.confidence, False))
            label = _describe_event(event)
            score.misses.append(f"{doc}: extra {label}")
            reason, near = _nearest([(g, event) for g in gold], EVENT_STEPS)
            best = max(near, key=lambda i: _overlap(gold[i], event), default=None)
            if reason == "type" and best is not None and _overlap(gold[best], event)[0] == 0:
                best = None
            nearest = _describe_gold_event(gold[best]) if best is not None else None
            sentence = _flat(event.evidence[0].sentence) if event.evidence else ""
            report.errors.append(Miss("events", "fp", doc, reason, label, sentence, nearest))
    matched = set(pairs.values())
    for index, item in enumerate(gold):
        if index in matched or item.get("optional"):
            continue
        score.fn += 1
        by_type(_listed(item["event"])[0]).fn += 1
        label = _describe_gold_event(item)
        score.misses.append(f"{doc}: missed {label}")
        reason, near = _nearest([(item, e) for e in predicted], EVENT_STEPS)
        best = max(near, key=lambda i: _overlap(item, predicted[i]), default=None)
        if reason == "type" and best is not None and _overlap(item, predicted[best])[0] == 0:
            best = None
        nearest = _describe_event(predicted[best]) if best is not None else None
        sentence = _gold_sentence(text, item.get("evidence") or [])
        report.errors.append(Miss("events", "fn", doc, reason, label, sentence, nearest))


def _score_pair(report: EvalReport, doc: str, gold: dict, event: Event) -> None:
    """Mode, direction, location and evidence of a matched pair."""
    label = f"{doc}: {gold['event']}"
    if gold.get("mode"):
        report.scores["events.mode"].add(event.mode in _listed(gold["mode"]), f"{label} mode")
    if event.event == "CONSULT" and gold.get("recipient"):
        same = set(event.recipient) == set(gold["recipient"])
        report.scores["events.direction"].add(same, f"{label} direction")
    if gold.get("location"):
        place = gold["location"].casefold()
        names = {(event.place or "").casefold(), (event.place_code or "").casefold()}
        report.scores["events.location"].add(place in names, f"{label} location {event.place}")
    phrases = [p.casefold() for p in gold.get("evidence", [])]
    found = any(p in e.sentence.casefold() for e in event.evidence for p in phrases)
    report.scores["events.evidence"].add(found or not phrases, f"{label} evidence")
