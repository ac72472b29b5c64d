"""The whole pass on a Dask cluster: this process reads, the workers analyse and store.

``communique ingest --scheduler tcp://HOST:8786`` (or ``local`` for a ``LocalCluster`` of
``nlp_processes`` worker processes on this machine):

1. this process (the client) reads the inputs (:func:`communique.read.read_inputs`), so only it
   needs the files, and reports each input it cannot read as the local run does;
2. it sends the documents in chunks of about ``cluster_chunk_bytes`` (20 MB) of content, a few
   chunks ahead of the workers so its memory stays bounded. A chunk is large on purpose: a task
   then costs minutes of parsing against milliseconds of scheduling, and never one per sentence
   or document, as spaCy's maintainers advise for cluster runs;
3. a worker runs the local pass on its chunk (:func:`.local.ingest_documents`: clean, skip what
   the store holds, analyse, :meth:`~communique.store.Store.save_many` per batch) against the
   shared database, with a pipeline it loads once (:func:`_pipeline`), and sends back its counts
   and one-line errors, which this process shows as they come.

So the transactions and the checks that make a re-run store nothing are the local run's. What
differs is the order: chunks run side by side, so a chunk's boilerplate evidence and learned
roles are those the store held when it started (and what its worker learned before), as for
separate runs; within a chunk, documents are cleaned and analysed as a local run of that chunk
would.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from distributed import Client, Future, LocalCluster, as_completed
from spacy.language import Language

from ..errors import ClusterError, CommuniqueError, InputError
from ..model import RawDocument, Role
from ..nlp import person_patterns, pipeline_key
from ..read import read_inputs
from ..settings import Settings, load_settings
from ..store import Store
from .local import (
    IngestReport,
    _one_line,
    count_inputs,
    ingest_documents,
    load_pipeline,
    processes,
)

__all__ = ["LOCAL", "chunks", "ingest"]

# The scheduler setting that starts a LocalCluster on this machine for the run.
LOCAL = "local"
# Seconds to wait for a remote scheduler before saying it cannot be reached.
_CONNECT_TIMEOUT = 30
# Chunks sent ahead per worker thread: one running, one waiting, so no worker idles between.
_AHEAD = 2

logger = logging.getLogger(__name__)


def ingest(
    paths: Iterable[str],
    *,
    settings: Settings,
    store: Store,
    on_start: Callable[[int | None], None] = lambda total: None,
    on_document: Callable[[RawDocument], None] = lambda raw: None,
    on_error: Callable[[CommuniqueError], None] = lambda err: None,
) -> IngestReport:
    """Ingest ``paths`` on the cluster of ``settings.scheduler``, storing into ``store``'s database.

    The callbacks are :func:`communique.pipeline.ingest`'s; ``on_document`` is called for each
    document of a chunk when its worker is done with it. Raises :class:`ClusterError` before
    reading anything when the database is a SQLite file and the scheduler is remote (E601), or
    the scheduler cannot be reached (E602).
    """
    address = settings.scheduler.strip()
    if address != LOCAL and store.engine.dialect.name == "sqlite":
        raise ClusterError("E601", address=address, url=store.url)
    # What a worker needs: the database this process opened, and no processes of its own (a
    # worker runs as a daemon process, which may not start children; the cluster is the pool).
    # The default pipeline cache is the worker's user's, not a path of this machine ("").
    cache = settings.pipeline_cache if settings.sources.get("pipeline_cache") != "default" else ""
    remote = dataclasses.replace(
        settings, db=store.url, scheduler="", nlp_processes=1, pipeline_cache=cache
    )
    paths = list(paths)
    report = IngestReport()
    with _client(address, settings) as client:
        on_start(count_inputs(paths, max_bytes=settings.max_bytes))
        running: dict[Future, tuple[Future, list[RawDocument]]] = {}
        done = as_completed()

        def collect(limit: int) -> None:
            while len(running) > limit:
                future = next(done)
                data, chunk = running.pop(future)
                _collect(future, chunk, report, on_document, on_error)
                future.release()  # the chunk and its report leave the cluster's memory
                data.release()

        def fail(error: InputError) -> None:
            report.failed.append(error)
            on_error(error)

        for chunk in chunks(
            read_inputs(paths, max_bytes=settings.max_bytes), settings.cluster_chunk_bytes, fail
        ):
            # Straight to a worker, not inside the task through the scheduler: a chunk is large.
            [data] = client.scatter([chunk], hash=False)
            future = client.submit(_ingest_chunk, data, remote, pure=False)
            running[future] = (data, chunk)
            done.add(future)
            collect(_AHEAD * max(1, sum(client.nthreads().values())))  # workers may come and go
        collect(0)
    logger.info(
        "ingest on %s: %d new, %d unchanged, %d failed",
        address,
        report.new,
        report.unchanged,
        len(report.failed),
    )
    return report


def chunks(
    items: Iterable[RawDocument | InputError], size: int, fail: Callable[[InputError], None]
) -> Iterator[list[RawDocument]]:
    """The documents in input order, in lists of about ``size`` bytes of content each.

    A list is closed at the first document that brings it to ``size`` bytes (a document that
    large is one list of its own); each read error goes to ``fail`` as it comes.
    """
    chunk: list[RawDocument] = []
    held = 0
    for item in items:
        if isinstance(item, InputError):
            fail(item)
            continue
        chunk.append(item)
        held += len(item.content.encode("utf-8", "surrogatepass"))
        if held >= size:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


@contextmanager
def _client(address: str, settings: Settings) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a LocalCluster for the run (``local``).

    The LocalCluster has one single-threaded worker process per ``nlp_processes`` (every core by
    default) and no dashboard; it stops with the run. Dask's own log lines (workers coming and
    going) are shown with ``--verbose`` only.
    """
    chatter = logging.getLogger("distributed")
    level = chatter.level
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        chatter.setLevel(logging.ERROR)
    try:
        with _connect(address, settings) as client:
            yield client
    finally:
        chatter.setLevel(level)


@contextmanager
def _connect(address: str, settings: Settings) -> Iterator[Client]:
    """The client of :func:`_client`, and its LocalCluster."""
    if address == LOCAL:
        with (
            LocalCluster(
                n_workers=processes(settings),
                threads_per_worker=1,
                processes=True,
                # No dashboard, and the scheduler's health page on any free port, not 8787.
                scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(address, timeout=_CONNECT_TIMEOUT)
    except (OSError, ValueError, TypeError) as error:
        raise ClusterError("E602", address=address, reason=_one_line(error)) from error
    with client:
        yield client


def _collect(
    future: Future,
    documents: list[RawDocument],
    report: IngestReport,
    on_document: Callable[[RawDocument], None],
    on_error: Callable[[CommuniqueError], None],
) -> None:
    """Add a finished chunk's counts and errors to the run's; a failed task fails its documents.

    A task fails as a whole when its worker died (Dask retries it elsewhere first) or cannot
    run communique at all; each of its documents then gets its line, naming the file.
    """
    try:
        result: IngestReport = future.result()
    except Exception as error:  # whatever broke the task, the run goes on with the others
        reason = _one_line(error)
        for raw in documents:
            failure = InputError("E603", path=raw.where or raw.doc, doc=raw.doc, reason=reason)
            report.failed.append(failure)
            on_error(failure)
            on_document(raw)
        return
    report.new += result.new
    report.updated += result.updated
    report.unchanged += result.unchanged
    for failure in result.failed:
        report.failed.append(failure)
        on_error(failure)
    for raw in documents:
        on_document(raw)


# -- on a worker ---------------------------------------------------------------------------------

# A worker's pipelines, by what they were built from, loaded at its first chunk and kept for
# the next ones. A worker may run tasks on several threads: one pipeline is used by one at a time.
_PIPELINES: dict[tuple[str, str, str], Language] = {}
_LOCK = threading.Lock()


def _ingest_chunk(documents: list[RawDocument], settings: Settings) -> IngestReport:
    """Run on a worker: the local pass over one chunk, stored into the shared database."""
    if not settings.pipeline_cache:  # the default: this machine's user cache (or its setting)
        settings = dataclasses.replace(settings, pipeline_cache=load_settings().pipeline_cache)
    with _LOCK:
        store = Store.open(settings.db)
        try:
            nlp = _pipeline(settings, store)
            return ingest_documents(documents, settings=settings, store=store, nlp=nlp)
        finally:
            store.close()


def _pipeline(settings: Settings, store: Store) -> Language:
    """The pipeline for ``settings`` on this worker, loaded once, with the roles the store learned.

    Loaded (from the worker machine's pipeline cache, or built there once) at the first chunk;
    before each later chunk it learns the roles other workers and runs stored since, as a
    pipeline loaded afresh would (:func:`communique.nlp.cached_pipeline`).
    """
    actors = Path(settings.actors_file) if settings.actors_file else None
    key = (settings.model, settings.actors_file, pipeline_key(settings.model, actors))
    nlp = _PIPELINES.get(key)
    if nlp is None:
        nlp = _PIPELINES[key] = load_pipeline(settings, store)
        return nlp
    _learn(nlp, store.learned_roles())
    return nlp


def _learn(nlp: Language, roles: Iterable[Role]) -> None:
    """Teach a loaded pipeline the stored roles it does not hold yet.

    A role this worker learned itself comes back from the store without its title and dates:
    the same role, recognised by who, which office, where and from which sentence.
    """
    kb = nlp.get_pipe("communique_actors").resolver.kb
    known = set(kb.people)
    for role in roles:
        person = kb.people.get(role.person)
        if person is None or not any(_same(held, role) for held in person.roles):
            kb.learn(role)
    newcomers = [person for name, person in kb.people.items() if name not in known]
    if newcomers:
        names = nlp.get_pipe("communique_names")
        names.add_patterns([p for person in newcomers for p in person_patterns(kb, person)])


def _same(held: Role, stored: Role) -> bool:
    """Whether a role the knowledge base holds is one read back from the store."""
    return (held.person, held.office, held.code, held.doc, held.sentence) == (
        stored.person,
        stored.office,
        stored.code,
        stored.doc,
        stored.sentence,
    )
