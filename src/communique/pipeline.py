"""The whole pass, one function: paths in, stored articles out.

Stages, in order (each a module with one entry function, never reaching back):

1. ``read``: find inputs, decode them, split JSONL (:func:`communique.read.read_inputs`);
2. ``clean``: boilerplate out, metadata in (:func:`communique.clean.clean_document`), using the
   lines repeated across a source's documents, counted over this batch and the store;
3. ``nlp``: the spaCy pipeline over the articles not yet analysed (:func:`communique.nlp.analyse`);
4. ``actors``: mentions resolved to people, offices, states and organisations, inside that
   pipeline (:mod:`communique.actors`), with roles learned in earlier runs from the store;
5. ``extract``: events, agreements and statements, the pipeline's last component
   (:mod:`communique.extract`);
6. ``store``: article and analysis in one transaction (:meth:`communique.store.Store.save`).

Linking across articles (:mod:`communique.link`: one event across sources, story clusters)
reads what the store holds when it is asked for, so adding articles never rewrites stored
facts and needs no reprocessing of the corpus.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from .clean import article_id, clean_document, iter_fingerprints
from .errors import CommuniqueError, InputError
from .kb import load_kb
from .model import Article, RawDocument
from .nlp import analyse, build_pipeline
from .read import read_inputs
from .settings import Settings
from .store import Store

__all__ = ["ANALYSIS_VERSION", "IngestReport", "ingest", "ingest_documents"]

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
    on_start: Callable[[int], None] = lambda total: None,
    on_document: Callable[[RawDocument], None] = lambda raw: None,
    on_error: Callable[[CommuniqueError], None] = lambda err: None,
    nlp: Language | None = None,
) -> IngestReport:
    """Read, clean and store every document under ``paths``.

    A document that fails is reported through ``on_error`` and counted; the others go on.
    ``on_start`` receives the number of documents found, ``on_document`` each one as it is done
    (for a progress bar). ``nlp`` is a pipeline from :func:`communique.nlp.build_pipeline`,
    built here from the settings when not given (benchmarks pass one to time steady work).
    """
    return ingest_documents(
        read_inputs(paths, max_bytes=settings.max_bytes),
        settings=settings,
        store=store,
        on_start=on_start,
        on_document=on_document,
        on_error=on_error,
        nlp=nlp,
    )


def ingest_documents(
    items: Iterable[RawDocument | InputError],
    *,
    settings: Settings,
    store: Store,
    on_start: Callable[[int], None] = lambda total: None,
    on_document: Callable[[RawDocument], None] = lambda raw: None,
    on_error: Callable[[CommuniqueError], None] = lambda err: None,
    nlp: Language | None = None,
) -> IngestReport:
    """Clean, analyse and store documents already read (or the errors that replaced them)."""
    report = IngestReport()
    documents: list[RawDocument] = []
    for item in items:
        if isinstance(item, InputError):
            report.failed.append(item)
            on_error(item)
        else:
            documents.append(item)
    repeated = _repeated_lines(documents, settings=settings, store=store)
    on_start(len(documents))
    pending: list[tuple[Article, RawDocument]] = []
    repeats: list[Article] = []  # the same content again under another name, in this batch
    for raw in documents:
        try:
            article = clean_document(raw, settings=settings, repeated=repeated[raw.group])
            if not article.text.strip():
                raise InputError("E107", path=raw.where or raw.doc)
        except CommuniqueError as err:
            report.failed.append(err)
            on_error(err)
            on_document(raw)
            continue
        if store.analysed(article.id) == ANALYSIS_VERSION:
            store.add_source(article.id, article.doc)
            report.unchanged += 1
            on_document(raw)
        elif all(article.id != other.id for other, _raw in pending):
            pending.append((article, raw))
        else:
            repeats.append(article)
            report.unchanged += 1
            on_document(raw)
    if pending:
        raws = {article.id: raw for article, raw in pending}
        if nlp is None:
            actors_file = Path(settings.actors_file) if settings.actors_file else None
            nlp = build_pipeline(settings.model, load_kb(actors_file, store.learned_roles()))

        def failed(article: Article, error: Exception) -> None:
            raw = raws[article.id]
            where = raw.where or raw.doc
            err = InputError("E112", path=where, doc=raw.doc, reason=_one_line(error))
            report.failed.append(err)
            on_error(err)
            on_document(raw)

        analysed = analyse(
            (article for article, _raw in pending),
            nlp,
            batch_size=settings.nlp_batch_size,
            n_process=settings.nlp_processes,
            piece_chars=settings.nlp_piece_chars,
            on_error=failed,
        )
        for article, analysis in analysed:
            raw = raws[article.id]
            new = store.save(
                article,
                analysis,
                version=ANALYSIS_VERSION,
                group=raw.group,
                fingerprints=iter_fingerprints(raw),
            )
            report.new += new
            report.updated += not new
            on_document(raw)
    for article in repeats:
        store.add_source(article.id, article.doc)
    logger.info(
        "ingest: %d new, %d unchanged, %d failed", report.new, report.unchanged, len(report.failed)
    )
    return report


def _one_line(error: Exception) -> str:
    """An exception as one short line: its type and the first line of its message."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:200]}" if text else type(error).__name__


def _repeated_lines(
    documents: list[RawDocument], *, settings: Settings, store: Store
) -> dict[str, frozenset[str]]:
    """Per source, the lines that recur in enough of its documents to be boilerplate.

    Counts the new text documents of this batch on top of what the store has seen, so the
    evidence grows as a source's documents arrive, across runs as well as within one.
    """
    batch: dict[str, Counter[str]] = defaultdict(Counter)
    batch_docs: Counter[str] = Counter()
    seen: set[str] = set()
    for raw in documents:
        key = article_id(raw.content)
        if raw.format == "html" or key in seen or store.has_article(key):
            continue
        seen.add(key)
        batch[raw.group].update(iter_fingerprints(raw))
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
