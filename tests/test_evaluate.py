"""The seeds, scored by ../shared/GOLD-FORMAT.md (skipped where ../shared is absent)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communique.evaluate import evaluate
from communique.pipeline import ingest
from communique.settings import Settings
from communique.store import Store

pytestmark = pytest.mark.shared


def test_eval_seeds_meta_and_clean_are_perfect(
    shared: Path, settings: Settings, store: Store
) -> None:
    report = ingest([str(shared / "seeds")], settings=settings, store=store)
    assert (report.new, report.failed) == (5, [])
    scores = evaluate(store, shared / "gold" / "seeds.jsonl").scores
    for name in ("title", "published", "language", "clean.keep", "clean.drop"):
        assert scores[name].share == 1.0, (name, scores[name].misses)
    # Issue 3: entity recall with the right country code and office.
    assert scores["entities"].share >= 0.95, scores["entities"].misses
    # Issue 4 floors: events F1 0.9, agreements F1 0.8, statements recall 0.8, evidence 0.9.
    assert scores["statements"].share >= 0.8, scores["statements"].misses
    assert scores["agreements"].share >= 0.8, scores["agreements"].misses
    assert scores["events.evidence"].share >= 0.9, scores["events.evidence"].misses
    assert scores["events"].share >= 0.9, scores["events"].misses


@pytest.mark.issue(2)
def test_eval_seeds_ingested_twice_leave_database_unchanged(
    shared: Path, settings: Settings, store: Store
) -> None:
    ingest([str(shared / "seeds")], settings=settings, store=store)
    path = settings.db.removeprefix("sqlite:///")

    def dump() -> list[tuple]:
        with sqlite3.connect(path) as conn:
            return (
                sorted(
                    conn.execute("SELECT id, doc, title, published, language, text FROM articles")
                )
                + sorted(conn.execute("SELECT * FROM line_counts"))
                + sorted(conn.execute("SELECT article_id, doc FROM article_sources"))
            )

    before = dump()
    report = ingest([str(shared / "seeds")], settings=settings, store=store)
    assert (report.new, report.unchanged) == (0, 5)
    assert dump() == before


def test_eval_on_an_empty_store_counts_everything_missed(shared: Path, store: Store) -> None:
    scores = evaluate(store, shared / "gold" / "seeds.jsonl").scores
    assert (scores["events"].tp, scores["events"].fp) == (0, 0) and scores["events"].fn > 0
    assert scores["entities"].hits == 0 and scores["entities"].total > 0
