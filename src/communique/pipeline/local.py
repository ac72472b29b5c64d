"""The whole pass in this process: paths in, stored articles out.

Stages, in order (each a module with one entry function, never reaching back):

1. ``read``: find inputs, decode them, split JSONL (:func:`communique.read.read_inputs`);
2. ``clean``: boilerplate out, metadata in (:func:`communique.clean.clean_document`), using the
   lines repeated across a source's documents, counted over this batch and the store;
3. ``nlp``: the spaCy pipeline over the articles not yet analysed (:func:`communique.nlp.analyse`);
4. ``actors``: mentions resolved to people, offices, states and organisations, inside that
   pipeline (:mod:`communique.actors`), with roles learned in earlier runs from the store;
5. ``extract``: events, agreements and statements, the pipeline's last component
   (:mod:`communique.extract`);
6. ``store``: articles and analyses a batch at a time (:meth:`communique.store.Store.save_many`).

Documents stream through these stages in batches (setting ``ingest_batch_size``): a batch is
read, cleaned, analysed and stored before the next is read, so memory stays the same whatever the
size of the corpus, and an interrupted run keeps every batch it finished.

Linking across articles (:mod:`communique.link`: one event across sources, story clusters)
reads what the store holds when it is asked for, so adding articles never rewrites stored
facts and needs no reprocessing of the corpus.
"""

from __future__ import annotations

import logging
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.language import Language

from ..clean import article_id, clean_document, iter_fingerprints
from ..errors import CommuniqueError, ConfigError, InputError
from ..model import Analysis, Article, RawDocument
from ..nlp import analyse, cached_pipeline
from ..read import STDIN, SUFFIXES, read_inputs
from ..settings import Settings, cache_dir
from ..store import Store

__all__ = [
    "ANALYSIS_VERSION",
    "IngestReport",
    "cache_dir",
    "count_inputs",
    "ingest",
    "ingest_documents",
    "load_pipeline",
    "processes",
]

# Bump when the language stages change what they store: re-ingesting then re-analyses articles.
# 2: the widened event lexicon and doers without codes (issue 4). 3: every event, instrument
# action and statement carries its confidence (issue 10).
ANALYSIS_VERSION = 3

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: counts, and each failure as a one-line message."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[CommuniqueError] = field(default_factory=list)


def ingest(
    paths: Iterable[str],
    *,
    settings: Settings,
    store: Store,
    on_start: Callable[[int | None], None] = lambda total: None,
    on_document: Callable[[RawDocument], None] = lambda raw: None,
    on_error: Callable[[CommuniqueError], None] = lambda err: None,
    nlp: Language | None = None,
) -> IngestReport:
    """Read, clean and store every document under ``paths``.

    A document that fails is reported through ``on_error`` and counted; the others go on.
    ``on_start`` receives the number of documents about to be read (:func:`count_inputs`; None
    when standard input is among them), ``on_document`` each one as it is done (for a progress
    bar). ``nlp`` is a pipeline from :func:`communique.nlp.build_pipeline`, loaded here from the
    settings when not given (benchmarks pass one to time steady work).
    """
    paths = list(paths)
    return ingest_documents(
        read_inputs(paths, max_bytes=settings.max_bytes),
        settings=settings,
        store=store,
        on_start=on_start,
        on_document=on_document,
        on_error=on_error,
        nlp=nlp,
        total=count_inputs(paths, max_bytes=settings.max_bytes),
    )


def count_inputs(paths: Iterable[str], *, max_bytes: int) -> int | None:
    """How many documents :func:`communique.read.read_inputs` will yield, roughly and quickly.

    A file counts one, a JSONL file one per non-blank line; nothing is decoded, so a progress
    bar can show an ETA before the first document is read. None for standard input.
    """
    total = 0
    for name in paths:
        if name == STDIN:
            return None
        path = Path(name)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for child in files:
            hidden = path.is_dir() and any(
                part.startswith(".") for part in child.relative_to(path).parts
            )
            kind = SUFFIXES.get(child.suffix.lower())
            if hidden or kind is None or not child.is_file():
                total += not path.is_dir()  # named explicitly: an error, one line of the bar
                continue
            if kind != "jsonl":
                total += 1
                continue
            try:
                if child.stat().st_size > max_bytes:
                    total += 1
                    continue
                total += sum(1 for line in child.read_bytes().splitlines() if line.strip())
            except OSError:
                total += 1
    return total


def ingest_documents(
    items: Iterable[RawDocument | InputError],
    *,
    settings: Settings,
    store: Store,
    on_start: Callable[[int | None], None] = lambda total: None,
    on_document: Callable[[RawDocument], None] = lambda raw: None,
    on_error: Callable[[CommuniqueError], None] = lambda err: None,
    nlp: Language | None = None,
    total: int | None = None,
) -> IngestReport:
    """Clean, analyse and store documents already read (or the errors that replaced them).

    Documents go in batches of ``settings.ingest_batch_size``: each batch is cleaned, analysed
    and stored (every article in its own transaction) before the next one is read, so a run
    holds one batch in memory however many documents it reads. ``total`` is passed to
    ``on_start`` (the number of items when they are a list).

    Boilerplate is judged per source from the documents stored before and those of the batch
    at hand (:func:`_repeated_lines`): a batch sees what earlier batches stored, exactly as a
    run sees what earlier runs stored. A source whose documents of this run all fall in one
    batch is cleaned exactly as in one pass over the whole run, and one the store already
    holds many documents of is judged on that evidence whatever the batch; only the first
    documents of a new source spread over several batches are cleaned with less evidence than
    the later ones, as if they had arrived over several runs.
    """
    if total is None and isinstance(items, Sized):
        total = len(items)
    on_start(total)
    run = _Run(settings=settings, store=store, on_document=on_document, on_error=on_error, nlp=nlp)
    for batch in _batches(items, settings.ingest_batch_size, run):
        run.batch(batch)
    report = run.report
    logger.info(
        "ingest: %d new, %d unchanged, %d failed", report.new, report.unchanged, len(report.failed)
    )
    return report


def _batches(
    items: Iterable[RawDocument | InputError], size: int, run: _Run
) -> Iterator[list[RawDocument]]:
    """The documents in lists of ``size``; each read error goes to the run as it comes."""
    batch: list[RawDocument] = []
    for item in items:
        if isinstance(item, InputError):
            run.fail(item)
            continue
        batch.append(item)
        if len(batch) >= max(1, size):
            yield batch
            batch = []
    if batch:
        yield batch


def processes(settings: Settings) -> int:
    """The worker processes setting ``nlp_processes`` asks for: 0 means every core."""
    if settings.nlp_processes < 0:
        raise ConfigError("E307", value=settings.nlp_processes)
    if settings.nlp_processes:
        return settings.nlp_processes
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def load_pipeline(settings: Settings, store: Store) -> Language:
    """The pipeline of these settings, with the roles ``store`` learned, from the cache if built."""
    return cached_pipeline(
        settings.model,
        actors_file=Path(settings.actors_file) if settings.actors_file else None,
        learned=store.learned_roles(),
        cache_dir=cache_dir(settings),
    )


class _Run:
    """One ingest run: its report, its callbacks and the pipeline, loaded at first need."""

    def __init__(
        self,
        *,
        settings: Settings,
        store: Store,
        on_document: Callable[[RawDocument], None],
        on_error: Callable[[CommuniqueError], None],
        nlp: Language | None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.on_document = on_document
        self.on_error = on_error
        self.nlp = nlp
        self.processes = processes(settings)
        self.report = IngestReport()

    def fail(self, error: CommuniqueError, raw: RawDocument | None = None) -> None:
        """Count and report a failure (and advance the bar for a document that was read)."""
        self.report.failed.append(error)
        self.on_error(error)
        if raw is not None:
            self.on_document(raw)

    def pipeline(self) -> Language:
        """The pipeline, loaded once per run with the roles the store learned before it."""
        if self.nlp is None:
            self.nlp = load_pipeline(self.settings, self.store)
        return self.nlp

    def batch(self, documents: list[RawDocument]) -> None:
        """Clean, analyse and store one batch of documents."""
        settings, store, report = self.settings, self.store, self.report
        # A document's line fingerprints serve twice, for the repeated lines and when it is
        # stored: hashed once per batch.
        fingerprints = cache(iter_fingerprints)
        repeated = _repeated_lines(
            documents, settings=settings, store=store, fingerprints=fingerprints
        )
        cleaned: list[tuple[Article, RawDocument]] = []
        for raw in documents:
            try:
                article = clean_document(raw, settings=settings, repeated=repeated[raw.group])
                if not article.text.strip():
                    raise InputError("E107", path=raw.where or raw.doc)
            except CommuniqueError as err:
                self.fail(err, raw)
                continue
            cleaned.append((article, raw))
        versions = store.analysed(article.id for article, _raw in cleaned)
        pending: dict[str, tuple[Article, RawDocument]] = {}
        repeats: list[Article] = []  # the same content again under another name, in this batch
        for article, raw in cleaned:
            if versions.get(article.id) == ANALYSIS_VERSION:
                store.add_source(article.id, article.doc)
                report.unchanged += 1
                self.on_document(raw)
            elif article.id not in pending:
                pending[article.id] = (article, raw)
            else:
                repeats.append(article)
                report.unchanged += 1
                self.on_document(raw)
        if pending:
            self._analyse(pending, fingerprints)
        for article in repeats:
            store.add_source(article.id, article.doc)

    def _analyse(
        self,
        pending: dict[str, tuple[Article, RawDocument]],
        fingerprints: Callable[[RawDocument], Iterable[str]],
    ) -> None:
        """Analyse the batch's new articles and store each with its analysis."""
        settings = self.settings

        def failed(article: Article, error: Exception) -> None:
            raw = pending[article.id][1]
            where = raw.where or raw.doc
            self.fail(InputError("E112", path=where, doc=raw.doc, reason=_one_line(error)), raw)

        # Worker processes pay off over several spaCy batches, not for one article.
        chunks = -(-len(pending) // max(1, settings.nlp_batch_size))
        analysed = analyse(
            (article for article, _raw in pending.values()),
            self.pipeline(),
            batch_size=settings.nlp_batch_size,
            n_process=min(self.processes, chunks),
            piece_chars=settings.nlp_piece_chars,
            on_error=failed,
        )
        done: list[tuple[Article, Analysis]] = []
        for item in analysed:
            done.append(item)
            if len(done) >= settings.nlp_batch_size:
                self._store(done, pending, fingerprints)
                done = []
        if done:
            self._store(done, pending, fingerprints)

    def _store(
        self,
        done: list[tuple[Article, Analysis]],
        pending: dict[str, tuple[Article, RawDocument]],
        fingerprints: Callable[[RawDocument], Iterable[str]],
    ) -> None:
        """Store analysed articles together, in one transaction (a round trip per table).

        A kill loses at most these articles, which the next run stores again; the progress bar
        moves when they are stored.
        """
        raws = [pending[article.id][1] for article, _analysis in done]
        new = self.store.save_many(
            [
                (article, analysis, raw.group, fingerprints(raw))
                for (article, analysis), raw in zip(done, raws, strict=True)
            ],
            version=ANALYSIS_VERSION,
        )
        self.report.new += new
        self.report.updated += len(done) - new
        for raw in raws:
            self.on_document(raw)


def _one_line(error: Exception) -> str:
    """An exception as one short line: its type and the first line of its message."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:200]}" if text else type(error).__name__


def _repeated_lines(
    documents: list[RawDocument],
    *,
    settings: Settings,
    store: Store,
    fingerprints: Callable[[RawDocument], Iterable[str]],
) -> dict[str, frozenset[str]]:
    """Per source, the lines that recur in enough of its documents to be boilerplate.

    Counts the new text documents of this batch on top of what the store has seen, so the
    evidence grows as a source's documents arrive, across runs as well as within one.
    ``fingerprints`` gives a document's line fingerprints (:func:`iter_fingerprints`).
    """
    batch: dict[str, Counter[str]] = defaultdict(Counter)
    batch_docs: Counter[str] = Counter()
    seen: set[str] = set()
    texts = [(raw, article_id(raw.content)) for raw in documents if raw.format != "html"]
    stored = store.stored_articles(key for _raw, key in texts)
    for raw, key in texts:
        if key in seen or key in stored:
            continue
        seen.add(key)
        batch[raw.group].update(fingerprints(raw))
        batch_docs[raw.group] += 1
    repeated: dict[str, frozenset[str]] = defaultdict(frozenset)
    for group, counts in batch.items():
        stored, stored_docs = store.line_counts(group)
        total = batch_docs[group] + stored_docs
        floor = max(settings.clean_repeat_min_docs, settings.clean_repeat_min_share * total)
        repeated[group] = frozenset(
            fp for fp, n in (counts + Counter(stored)).items() if n >= floor
        )
    return repeated
