"""Write stored records in the export contract of ../shared/EXPORT-FORMAT.md.

One writer per format; each takes plain dicts, so every record kind shares them.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from .kb import find_place
from .model import CONFLICT, Article, Event, Statement, Story
from .store import Store

__all__ = [
    "AGREEMENT_FIELDS",
    "ARTICLE_FIELDS",
    "ENTITY_FIELDS",
    "EVENT_FIELDS",
    "FORMATS",
    "KINDS",
    "NETWORK_FORMATS",
    "STATEMENT_FIELDS",
    "event_record",
    "export",
    "export_network",
    "export_parquet",
    "statement_record",
]

ARTICLE_FIELDS = ["id", "doc", "title", "published", "language", "publisher", "text", "url"]
KINDS = ("articles", "entities", "events", "agreements", "statements")
ENTITY_FIELDS = ["id", "name", "kind", "code", "office", "aliases", "mentions"]
STATEMENT_FIELDS = ["id", "speaker", "quote", "date", "doc", "start", "end", "confidence"]
AGREEMENT_FIELDS = ["id", "title", "kind", "parties", "actions"]
EVENT_FIELDS = [
    "id",
    "event",
    "mode",
    "context",
    "date",
    "enddate",
    "precision",
    "actor",
    "recipient",
    "event_loc",
    "evidence",
    "sources",
    "negated",
    "tense",
    "confidence",
]
FORMATS = ("jsonl", "csv", "parquet")
NETWORK_FORMATS = ("gexf", "graphml")


def export(store: Store, kind: str, *, fmt: str, out: IO[str]) -> int:
    """Write every record of ``kind`` to ``out`` in ``fmt``; return how many were written."""
    records, fields = _records(store, kind)
    if fmt == "csv":
        return _write_csv(records, fields, out)
    return _write_jsonl(records, out)


def export_parquet(store: Store, kind: str, path: Path) -> int:
    """Write every record of ``kind`` to a Parquet file (nested fields as JSON text, as in CSV)."""
    import pyarrow as pa  # imported here: every command loads this module, few write Parquet
    import pyarrow.parquet as pq

    records, fields = _records(store, kind)
    rows = [_flat(record) for record in records]
    table = pa.Table.from_pylist(rows, schema=pa.schema([(f, pa.string()) for f in fields]))
    pq.write_table(table, path)
    return len(rows)


def export_network(store: Store, *, fmt: str, path: Path) -> int:
    """Write the actor network (GEXF or GraphML): actors as nodes, events as weighted edges.

    Each edge counts the events between two actors, split into cooperation and conflict by
    PLOVER quad, so tools such as Gephi can colour it. Returns the number of edges.
    """
    import networkx as nx  # a quarter of a second to import: only for this export

    graph = nx.Graph()
    for story in store.stories():
        event = story.event
        conflict = event.event in CONFLICT
        for actor in event.actor:
            for recipient in event.recipient:
                if actor == recipient:
                    continue
                for node in (actor, recipient):
                    graph.add_node(node, label=node)
                data = graph.get_edge_data(actor, recipient) or {
                    "weight": 0,
                    "cooperation": 0,
                    "conflict": 0,
                }
                data["weight"] += 1
                data["conflict" if conflict else "cooperation"] += 1
                graph.add_edge(actor, recipient, **data)
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    else:
        nx.write_gexf(graph, path)
    return graph.number_of_edges()


def _records(store: Store, kind: str) -> tuple[Iterable[dict[str, Any]], list[str]]:
    """The records of one kind in export shape, and the fields every one of them has."""
    if kind == "entities":
        records: Iterable[dict[str, Any]] = (e.to_dict() for e in store.entities())
        fields = ENTITY_FIELDS
    elif kind == "events":
        records = (event_record(story) for story in store.stories())
        fields = EVENT_FIELDS
    elif kind == "agreements":
        records = (agreement.to_dict() for agreement in store.agreements())
        fields = AGREEMENT_FIELDS
    elif kind == "statements":
        records = (statement_record(a, st) for a, st in store.statements())
        fields = STATEMENT_FIELDS
    else:
        records = (article.to_dict() for article in store.articles())
        fields = ARTICLE_FIELDS
    return records, fields


def event_record(story: Story) -> dict[str, Any]:
    """The export shape of an event (PLOVER 2.0, extended): one record per happening.

    An event reported by several sources lists them all, with one evidence entry per source
    sentence; sources that date it differently are listed under ``disagreements``. Its
    ``confidence`` counts every source (``link.corroborated``).
    """
    event = story.event
    when = story.when.to_dict() if story.when else dict.fromkeys(("date", "enddate", "precision"))
    return {
        "id": story.id,
        "event": [event.event],
        "mode": [event.mode] if event.mode else [],
        "context": [event.context] if event.context else [],
        **when,
        "actor": [{"code": code} for code in event.actor]
        + ([{"code": None, "name": event.actor_text}] if event.actor_text else []),
        "recipient": [{"code": code} for code in event.recipient],
        "people": list(event.people),
        "event_loc": _location(event),
        "evidence": [
            {"doc": doc, "sentence": e.sentence, "start": e.start, "end": e.end}
            for doc, reported in story.reports
            for e in reported.evidence
        ],
        "sources": list(story.sources),
        "corroboration": len(story.sources),
        "disagreements": [{"doc": doc, "date": value} for doc, value in story.disagreements],
        "negated": event.negated,
        "tense": event.tense,
        "confidence": event.confidence,
    }


def _location(event: Event) -> dict[str, Any] | None:
    """Where the event happened, with coordinates where the place is a city we know."""
    if not event.place:
        return None
    city = find_place(event.place, event.place_code)
    return {
        "name": event.place,
        "country_code": event.place_code,
        "lat": round(city.lat, 2) if city else None,
        "lon": round(city.lon, 2) if city else None,
    }


def statement_record(article: Article, statement: Statement) -> dict[str, Any]:
    """The export shape of a quotation: dated by its article, placed by its offsets."""
    key = f"{article.id}:{statement.start}".encode()
    return {
        "id": "st-" + hashlib.sha1(key).hexdigest()[:12],
        **statement.to_dict(),
        "date": article.published.isoformat() if article.published else None,
        "doc": article.doc,
    }


def _write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(records: Iterable[dict[str, Any]], fields: list[str], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(_flat(record))
        count += 1
    return count


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """Lists and objects as JSON text, one cell each; other values as text (None stays)."""
    return {
        k: json.dumps(v, ensure_ascii=False)
        if isinstance(v, list | dict)
        else (None if v is None else str(v))
        for k, v in record.items()
    }
