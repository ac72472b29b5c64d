"""The whole pass, one function: paths in, stored articles out.

Stages, in order (each a module with one entry function, never reaching back):

1. ``read``: find inputs, decode them, split JSONL (:func:`communique.read.read_inputs`);
2. ``clean``: boilerplate out, metadata in (:func:`communique.clean.clean_document`), using the
   lines repeated across a source's documents, counted over this batch and the store;
3. ``store``: one transaction per article (:meth:`communique.store.Store.add_article`).

Later stages (nlp, actors, extract, link) slot in between 2 and 3 as their issues land.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .clean import article_id, clean_document, iter_fingerprints
from .errors import CommuniqueError, InputError
from .model import RawDocument
from .read import read_inputs
from .settings import Settings
from .store import Store

__all__ = ["IngestReport", "ingest"]

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: counts, and each failure as a one-line message."""

    new: int = 0
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
) -> IngestReport:
    """Read, clean and store every document under ``paths``.

    A document that fails is reported through ``on_error`` and counted; the others go on.
    ``on_start`` receives the number of documents found, ``on_document`` each one as it is done
    (for a progress bar).
    """
    report = IngestReport()
    documents: list[RawDocument] = []
    for item in read_inputs(paths, max_bytes=settings.max_bytes):
        if isinstance(item, InputError):
            report.failed.append(item)
            on_error(item)
        else:
            documents.append(item)
    repeated = _repeated_lines(documents, settings=settings, store=store)
    on_start(len(documents))
    for raw in documents:
        try:
            article = clean_document(raw, settings=settings, repeated=repeated[raw.group])
            if not article.text.strip():
                raise InputError("E107", path=raw.doc)
            added = store.add_article(article, group=raw.group, fingerprints=iter_fingerprints(raw))
        except CommuniqueError as err:
            report.failed.append(err)
            on_error(err)
        else:
            report.new += added
            report.unchanged += not added
        on_document(raw)
    logger.info(
        "ingest: %d new, %d unchanged, %d failed", report.new, report.unchanged, len(report.failed)
    )
    return report


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
