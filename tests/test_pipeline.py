"""Streaming ingest (batches, boilerplate evidence across them) and parallel parsing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.export import export
from communique.nlp import cached_pipeline
from communique.pipeline import cache_dir, count_inputs, ingest
from communique.settings import Settings, load_settings
from communique.store import Store

from .conftest import SAMPLE

# A footer every page of one fictional site carries: prose, so only repetition marks it.
FOOTER = "The Lakeside Courier has been printed by the Riverbank Press Cooperative since 1921."
STORIES = (
    "Uruguay and Mongolia signed a memorandum on wool exports in Montevideo on Tuesday.",
    "The foreign ministers of Peru and Finland met in Lima to discuss research vessels.",
    "Ghana recalled its ambassador from Portugal after a dispute over fishing licences.",
    "Nepal and Chile agreed to open direct consular services in both capitals next year.",
    "Tunisia hosted a delegation from Canada for talks on renewable energy investment.",
    "Mexico and Vietnam announced a joint commission on coffee trade at a summit in Hanoi.",
)


def _site(folder: Path) -> Path:
    """Six articles of one source, each ending with the site's footer."""
    folder.mkdir(parents=True)
    for number, story in enumerate(STORIES, start=1):
        text = f"Regional news {number}\n\n{story} Officials confirmed the plans.\n\n{FOOTER}\n"
        (folder / f"story-{number}.txt").write_text(text, encoding="utf-8")
    return folder


def _settings(tmp_path: Path, name: str, *overrides: str) -> Settings:
    return load_settings(environ={}, overrides=[f"db=sqlite:///{tmp_path / name}", *overrides])


def _exports(store: Store) -> dict[str, str]:
    """Every kind of record the store exports, as JSONL text."""
    found = {}
    for kind in ("articles", "entities", "events", "agreements", "statements"):
        out = io.StringIO()
        export(store, kind, fmt="jsonl", out=out)
        found[kind] = out.getvalue()
    return found


def test_count_inputs_counts_files_and_jsonl_records(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One text.", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    assert count_inputs([str(tmp_path)], max_bytes=1000) == 3
    assert count_inputs([str(tmp_path / "a.txt"), "-"], max_bytes=1000) is None


@pytest.mark.model
def test_one_and_two_processes_store_the_same_records(tmp_path: Path) -> None:
    exported = []
    for count in (1, 2):
        settings = _settings(tmp_path, f"{count}.db", f"nlp_processes={count}", "nlp_batch_size=2")
        store = Store.open(settings.db)
        try:
            report = ingest([str(SAMPLE)], settings=settings, store=store)
            assert report.new == 10 and not report.failed
            exported.append(_exports(store))
        finally:
            store.close()
    one, two = exported
    assert one["events"] and one["entities"] and one["statements"]
    assert one == two


@pytest.mark.model
def test_batches_store_each_document_and_report_progress(tmp_path: Path) -> None:
    settings = _settings(tmp_path, "b.db", "ingest_batch_size=4", "nlp_processes=1")
    seen: list[str] = []
    totals: list[int | None] = []
    store = Store.open(settings.db)
    try:
        report = ingest(
            [str(SAMPLE)],
            settings=settings,
            store=store,
            on_start=totals.append,
            on_document=lambda raw: seen.append(raw.doc),
        )
        assert report.new == 10 and store.count_articles() == 10
        assert totals == [10] and len(seen) == 10
        again = ingest([str(SAMPLE)], settings=settings, store=store)
        assert again.unchanged == 10 and again.new == 0
    finally:
        store.close()


@pytest.mark.model
def test_boilerplate_evidence_accumulates_across_batches(tmp_path: Path) -> None:
    """A batch is cleaned with what earlier batches stored, as a run is after earlier runs."""
    site = _site(tmp_path / "site")
    kept: dict[int, list[bool]] = {}
    for size in (10, 2):
        settings = _settings(tmp_path, f"s{size}.db", f"ingest_batch_size={size}")
        store = Store.open(settings.db)
        try:
            ingest([str(site)], settings=settings, store=store)
            by_doc = {a.doc: a.text for a in store.articles()}
        finally:
            store.close()
        kept[size] = [FOOTER in by_doc[f"story-{n}.txt"] for n in range(1, 7)]
    # One batch holds the whole source: the footer is seen six times and dropped everywhere.
    assert kept[10] == [False] * 6
    # Batches of two: the first pair alone is too little evidence (three documents needed);
    # from the second batch on, the stored pair and the batch together show the repetition.
    assert kept[2] == [True, True, False, False, False, False]


@Language.component("test_fails_on_a_word")
def _fails_on_a_word(doc: Doc) -> Doc:
    """A sentence-level component that breaks on one document, in a worker process."""
    if "Vanuatu" in doc.text:
        raise RuntimeError("cannot cope with this document")
    return doc


@pytest.mark.model
def test_a_failure_in_a_worker_process_fails_that_document_alone(tmp_path: Path) -> None:
    lines = [
        "Estonia and Kenya opened an embassy each in the other's capital, diplomats said.",
        "Officials from Vanuatu met envoys from Norway on Friday to discuss fishing rights.",
        "Jordan and Brazil agreed to hold annual consultations on water management.",
        "Iceland condemned the missile test and summoned the ambassador of the sender.",
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(f'{{"id": "item-{n}", "text": "{text}"}}\n' for n, text in enumerate(lines)),
        encoding="utf-8",
    )
    settings = _settings(tmp_path, "w.db", "nlp_processes=2", "nlp_batch_size=1")
    nlp = cached_pipeline(settings.model, cache_dir=cache_dir(settings))
    nlp.add_pipe("test_fails_on_a_word", before="parser")
    errors = []
    store = Store.open(settings.db)
    try:
        report = ingest(
            [str(feed)], settings=settings, store=store, nlp=nlp, on_error=errors.append
        )
        assert report.new == 3
        assert [e.code for e in errors] == ["E112"]
        assert "item-1" in str(errors[0]) and "RuntimeError: cannot cope" in str(errors[0])
        assert {a.doc for a in store.articles()} == {"item-0", "item-2", "item-3"}
    finally:
        store.close()
