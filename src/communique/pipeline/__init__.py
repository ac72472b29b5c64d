"""The whole pass, one entry function: paths in, stored articles out.

Two implementations stand behind :func:`ingest`, chosen by the setting ``scheduler``
(``ingest --scheduler``):

- :mod:`.local` (no scheduler): read, clean, analyse and store in this process, in batches,
  the parsing spread over ``nlp_processes`` processes;
- :mod:`.cluster` (``local`` or ``tcp://HOST:PORT``): this process reads the inputs and sends
  them in chunks to Dask workers, each of which runs :mod:`.local`'s batches on its chunk and
  stores into the shared database. Dask is imported only for such a run.

Both store through :meth:`communique.store.Store.save_many` with the same checks, so an article
stored by either is found by both, and running the same input again stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language

from ..errors import CommuniqueError
from ..model import RawDocument
from ..settings import Settings
from ..store import Store
from . import local
from .local import (
    ANALYSIS_VERSION,
    IngestReport,
    cache_dir,
    count_inputs,
    ingest_documents,
    load_pipeline,
    processes,
)

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
    """Read, clean, analyse and store every document under ``paths``.

    A document that fails is reported through ``on_error`` and counted; the others go on.
    ``on_start`` receives the number of documents about to be read (None when standard input is
    among them), ``on_document`` each one as it is done (for a progress bar). ``nlp``, a
    pipeline from :func:`communique.nlp.build_pipeline` (benchmarks pass one to time steady
    work), serves a run in this process; a cluster's workers load their own. With a
    ``scheduler`` setting the run goes to :func:`.cluster.ingest`, which raises
    :class:`~communique.errors.ClusterError` when the cluster cannot take it.
    """
    callbacks = {"on_start": on_start, "on_document": on_document, "on_error": on_error}
    if settings.scheduler.strip():
        from . import cluster  # dask and distributed: only for a cluster run

        return cluster.ingest(paths, settings=settings, store=store, **callbacks)
    return local.ingest(paths, settings=settings, store=store, nlp=nlp, **callbacks)
