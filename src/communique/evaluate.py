"""Score what is stored against a gold file, by the rules of ../shared/GOLD-FORMAT.md.

Kept apart from the CLI (as spaCy's ``evaluate`` is) so tests and benchmarks call it directly.
Sections the pipeline does not produce yet are scored honestly: their gold items all count as
missed, never skipped.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import EvalError
from .kb import name_key
from .model import Article, Entity, Statement
from .store import Store

__all__ = ["EvalReport", "Score", "evaluate"]

# Sections of a gold document that later issues produce (issue 4).
PENDING = ("events", "agreements")


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
class EvalReport:
    """Every score of one evaluation, keyed as in the gold format."""

    documents: int = 0
    missing_documents: list[str] = field(default_factory=list)
    scores: dict[str, Score] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """JSON shape for ``communique eval --json``."""
        return {
            "documents": self.documents,
            "missing_documents": self.missing_documents,
            "scores": {
                name: {**asdict(score), "share": round(score.share, 4)}
                for name, score in self.scores.items()
            },
        }


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
        *PENDING,
    ]
    report.scores = {name: Score() for name in names}
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
        for section in PENDING:
            for item in gold.get(section, []):
                if not item.get("optional"):
                    report.scores[section].add(False, f"{doc}: not produced yet")
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
