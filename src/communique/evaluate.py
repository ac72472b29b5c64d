"""Score what is stored against a gold file, by the rules of ../shared/GOLD-FORMAT.md.

Kept apart from the CLI (as spaCy's ``evaluate`` is) so tests and benchmarks call it directly.
Sections the pipeline does not produce yet are scored honestly: their gold items all count as
missed, never skipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from .errors import EvalError
from .kb import name_key
from .model import Article, Entity, Event, Instrument, Span, Statement
from .store import Store

__all__ = ["EvalReport", "Prf", "Score", "evaluate"]


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
    """Matched predictions (tp), unmatched predictions (fp) and unmatched gold items (fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
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


@dataclass(slots=True)
class EvalReport:
    """Every score of one evaluation, keyed as in the gold format."""

    documents: int = 0
    missing_documents: list[str] = field(default_factory=list)
    scores: dict[str, Score | Prf] = field(default_factory=dict)
    event_types: dict[str, Prf] = field(default_factory=dict)  # per PLOVER type

    def to_dict(self) -> dict[str, object]:
        """JSON shape for ``communique eval --json``."""
        return {
            "documents": self.documents,
            "missing_documents": self.missing_documents,
            "scores": {name: _score_dict(score) for name, score in self.scores.items()},
            "event_types": {name: _score_dict(s) for name, s in sorted(self.event_types.items())},
        }


def _score_dict(score: Score | Prf) -> dict[str, object]:
    data: dict[str, object] = {**asdict(score), "share": round(score.share, 4)}
    if isinstance(score, Prf):
        data |= {"precision": round(score.precision, 4), "recall": round(score.recall, 4)}
    return data


def evaluate(store: Store, gold_path: Path) -> EvalReport:
    """Score the stored articles against every document in the gold file."""
    report = EvalReport()
    names = [
        "title",
        "published",
        "language",
        "clean.keep",
        "clean.drop",
        "entities",
        "statements",
        "events.mode",
        "events.direction",
        "events.location",
        "events.evidence",
    ]
    report.scores = {name: Score() for name in names}
    report.scores["agreements"] = Prf()
    events_score = report.scores["events"] = Prf()
    for gold in _read_gold(gold_path):
        report.documents += 1
        doc = gold["doc"]
        article = store.find_article(doc)
        if article is None:
            report.missing_documents.append(doc)
        _score_meta(report, doc, gold.get("meta", {}), article)
        _score_clean(report, doc, gold.get("clean", {}), article)
        entities = store.entities(article.id) if article else []
        for item in gold.get("entities", []):
            ok = any(_entity_matches(item, entity) for entity in entities)
            report.scores["entities"].add(ok, f"{doc}: {_describe(item)}")
        quotes = [st for _a, st in store.statements(article.id)] if article else []
        for item in gold.get("statements", []):
            ok = any(_statement_matches(item, st) for st in quotes)
            report.scores["statements"].add(
                ok, f"{doc}: missed {item['speaker']}: {item['starts']}"
            )
        actions = [item for _a, item in store.instruments(article.id)] if article else []
        _score_agreements(report.scores["agreements"], doc, gold.get("agreements", []), actions)
        # a negated or hypothetical act is stored (flagged) but is no event to score
        events = [
            event
            for _a, event in (store.events(article.id) if article else [])
            if not event.negated and event.tense != "hypothetical"
        ]
        _score_events(report, events_score, doc, gold.get("events", []), events)
    return report


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


def _same_name(gold: str, entity: Entity) -> bool:
    """Whether a gold name is the entity's canonical name or one of the forms it appeared in."""
    if entity.kind == "person":
        return name_key(gold) == name_key(entity.name)
    wanted = _plain(gold)
    return wanted in {_plain(entity.name), *(_plain(alias) for alias in entity.aliases)}


def _plain(text: str) -> str:
    text = " ".join(text.split()).casefold()
    return text.removeprefix("the ")


def _entity_matches(gold: dict, entity: Entity) -> bool:
    """GOLD-FORMAT.md: same resolved name (or code, for a state) and country; same office."""
    if gold.get("kind") and gold["kind"] != entity.kind:
        return False
    if entity.code != gold.get("country"):
        return False
    if gold.get("kind") != "state" and not _same_name(gold["name"], entity):
        return False
    return not gold.get("office") or gold["office"] == entity.office


def _describe(gold: dict) -> str:
    office = f", {gold['office']}" if gold.get("office") else ""
    return f"missed {gold['name']} ({gold.get('kind')}, {gold.get('country')}{office})"


def _statement_matches(gold: dict, statement: Statement) -> bool:
    """GOLD-FORMAT.md: the speaker resolves to the same person; the quote starts as given."""
    if not statement.speaker or name_key(statement.speaker) != name_key(gold["speaker"]):
        return False
    return " ".join(statement.quote.split()).startswith(" ".join(gold["starts"].split()))


def _content_words(text: str) -> set[str]:
    words = {w.casefold() for w in re.findall(r"[\w]+", text)}
    return words - STOP_WORDS


def _dates_agree(gold: str | None, when: Span | None) -> bool:
    """GOLD-FORMAT.md: the predicted interval overlaps the gold one widened by a day each side."""
    if gold is None:
        return True
    if when is None:
        return False
    span = Span.parse(gold)
    day = timedelta(days=1)
    return when.start <= span.end + day and span.start - day <= when.end


def _agreement_matches(gold: dict, item: Instrument) -> bool:
    """Titles share 60% of the gold title's content words; same action; dates agree."""
    wanted = _content_words(gold["title"])
    shared = len(wanted & _content_words(item.title)) / len(wanted) if wanted else 0.0
    return (
        shared >= 0.6
        and gold["action"] == item.action
        and _dates_agree(gold.get("date"), item.when)
    )


def _score_agreements(score: Prf, doc: str, gold: list[dict], predicted: list[Instrument]) -> None:
    """Match predictions to gold one-to-one, in gold order, and count."""
    left = list(predicted)
    for item in gold:
        match = next((p for p in left if _agreement_matches(item, p)), None)
        if match is None:
            score.fn += 1
            score.misses.append(f"{doc}: missed {item['action']} {item['title']!r}")
        else:
            score.tp += 1
            left.remove(match)
    score.fp += len(left)
    score.misses.extend(f"{doc}: extra {p.action} {p.title!r}" for p in left)


def _listed(value: object) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [str(value)]


def _event_matches(gold: dict, event: Event) -> bool:
    """GOLD-FORMAT.md: type, participants (as a set for CONSULT), and dates."""
    if event.event not in _listed(gold["event"]):
        return False
    actor, recipient = set(gold.get("actor", [])), set(gold.get("recipient", []))
    if event.event == "CONSULT":
        if set(event.actor) | set(event.recipient) != actor | recipient:
            return False
    elif set(event.actor) != actor or (recipient and set(event.recipient) != recipient):
        return False
    return _dates_agree(gold.get("date"), event.when)


def _score_events(
    report: EvalReport, score: Prf, doc: str, gold: list[dict], predicted: list[Event]
) -> None:
    """Match one-to-one; a prediction matching only an optional gold event counts neither way."""
    left = list(predicted)

    def by_type(kind: str) -> Prf:
        return report.event_types.setdefault(kind, Prf())

    for item in (g for g in gold if not g.get("optional")):
        kind = _listed(item["event"])[0]
        match = next((p for p in left if _event_matches(item, p)), None)
        if match is None:
            score.fn += 1
            by_type(kind).fn += 1
            score.misses.append(f"{doc}: missed {item['event']} {item.get('actor')}")
            continue
        score.tp += 1
        by_type(match.event).tp += 1
        left.remove(match)
        _score_pair(report, doc, item, match)
    for event in left:
        if not any(_event_matches(g, event) for g in gold if g.get("optional")):
            score.fp += 1
            by_type(event.event).fp += 1
            score.misses.append(f"{doc}: extra {event.event} {list(event.actor)}")


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
