"""Following sources: fetch what each lists, and put its new articles through ``ingest``'s stages.

One run of a source: fetch its URL (conditionally: a 304 ends the run at once), read the feed,
sitemap (and the sitemaps an index names) or listing page (:mod:`communique.read.feeds`), keep
the entries the store has not recorded as done, and for each of them, in the listing's order
and at most ``watch_max_new`` per run: fetch the page, keep its bytes
(:class:`~communique.read.fetch.PageStore`), and clean, analyse and store it with
:func:`.local.ingest_documents`, the entry's title and date standing in where the page has none.
Only then is the entry recorded as done.

Failure stays with its source: an error ends that source's run with one line (its last error
in ``watch list``, one more failure in a row, and a later next run: the interval doubled for
each failure in a row, at most a day, or the time the site asked for), and the next source goes
on. The validators of a listing (ETag, Last-Modified) are kept only when every new entry it
listed was dealt with, so a run stopped or killed half-way reads the listing again next time
and goes on with the entries not yet done.

After an upgrade that changes what the language stages store, :meth:`Watcher.reanalyse` reads
the followed sources' articles again from their kept pages: the sites are not asked again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from spacy.language import Language

from ..errors import CommuniqueError, FetchError, InputError, WatchError, one_line
from ..model import RawDocument
from ..read.feeds import Entry, Listing, read_listing
from ..read.fetch import Fetcher, Page, PageStore, Stopped, page_text
from ..settings import Settings
from ..store import Source, Store
from .local import ANALYSIS_VERSION, IngestReport, ingest_documents, load_pipeline

__all__ = ["SourceRun", "Watcher", "parse_every", "utcnow"]

logger = logging.getLogger(__name__)

# The sitemaps one run of a sitemap index reads at most (its own included).
_MAX_SITEMAPS = 50
# A failing source is tried again after its interval doubled per failure in a row, up to this.
_MAX_BACKOFF = timedelta(days=1)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86_400}


def utcnow() -> datetime:
    """The time now, naive UTC (the store's times)."""
    return datetime.now(UTC).replace(tzinfo=None)


def parse_every(value: str) -> int:
    """Seconds of a duration such as ``30m``, ``2h``, ``1d`` or ``1h30m`` (E713 below a minute)."""
    text = value.strip().lower().replace(" ", "")
    total, number = 0, ""
    for char in text:
        if char.isdigit():
            number += char
        elif char in _UNITS and number:
            total += int(number) * _UNITS[char]
            number = ""
        else:
            raise WatchError("E713", value=value)
    if number or total < 60:
        raise WatchError("E713", value=value)
    return total


@dataclass(slots=True)
class SourceRun:
    """How one source's run went, as it goes (the live view shows it after every document)."""

    name: str
    state: str = "waiting"  # waiting, fetching, reading N new, unchanged, done, failed, stopped
    new: int = 0
    failed: int = 0
    error: str | None = None


class Watcher:
    """Runs followed sources, sharing one :class:`Fetcher` (its per-host waits) and one pipeline.

    ``stop`` is set (by Ctrl-C) to stop between documents: the document at hand is stored, the
    run of its source recorded, and nothing else is started. ``on_progress`` receives a
    source's :class:`SourceRun` each time it changes, ``on_error`` each error as one line
    naming the source.
    """

    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        stop: threading.Event | None = None,
        on_progress: Callable[[SourceRun], None] = lambda run: None,
        on_error: Callable[[str], None] = lambda line: None,
        nlp: Language | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.stop = stop or threading.Event()
        self.on_progress = on_progress
        self.on_error = on_error
        self.fetcher = Fetcher(settings, stop=self.stop)
        self.pages = PageStore(Path(settings.watch_pages).expanduser())
        self._nlp = nlp

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fetcher.close()

    def run(self, *, due_only: bool = True) -> list[SourceRun]:
        """Run each source that is due (or every source), the longest overdue first."""
        now = utcnow()
        sources = self.store.due_sources(now) if due_only else self.store.watched()
        runs = [SourceRun(name=source.name) for source in sources]
        for run in runs:
            self.on_progress(run)
        for source, run in zip(sources, runs, strict=True):
            if self.stop.is_set():
                break
            try:
                self.run_source(source, run)
            except (CommuniqueError, Stopped):
                raise
            except Exception as err:  # a bug of ours on one site's content: not the others' loss
                logger.exception("watch: %s", source.name)
                unexpected = FetchError(
                    "E715", url=source.url, kind=type(err).__name__, reason=one_line(err)
                )
                self._fail(source, run, unexpected, started=utcnow(), answered=False)
        return runs

    def run_source(self, source: Source, run: SourceRun) -> None:
        """One run of ``source``: its listing, then its new entries, recorded in the store."""
        started = utcnow()
        run.state = "fetching"
        self.on_progress(run)
        page: Page | None = None
        try:
            page = self.fetcher.get(
                source.url, etag=source.etag, last_modified=source.last_modified
            )
            listing = None if page.unchanged else self._listing(page)
        except Stopped:
            run.state = "stopped"
            self.on_progress(run)
            return
        except FetchError as err:  # the listing's request failed, or what it answered
            self._fail(source, run, err, started=started, answered=page is not None)
            return
        if listing is None:
            run.state = "unchanged"
            self.store.record_run(
                source.name,
                now=started,
                next_due=started + timedelta(seconds=source.every),
                etag=page.etag or source.etag,
                last_modified=page.last_modified or source.last_modified,
            )
            self.on_progress(run)
            return
        self._entries(source, run, page, listing, started=started)

    def _listing(self, page: Page) -> Listing:
        """The listing of ``page``; for a sitemap index, the entries of the sitemaps it names."""
        max_bytes = self.settings.max_bytes
        listing = read_listing(page, max_bytes=max_bytes)
        if not listing.sitemaps:
            return listing
        entries = list(listing.entries)
        queue, seen = list(listing.sitemaps), {page.url}
        while queue and len(seen) < _MAX_SITEMAPS:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            child = read_listing(self.fetcher.get(url), max_bytes=max_bytes)
            entries.extend(child.entries)
            queue.extend(child.sitemaps)
        # Newest first across the sitemaps (undated last): a run takes at most watch_max_new.
        entries.sort(key=lambda entry: -(entry.published or date.min).toordinal())
        return Listing(kind="sitemap", entries=tuple(entries))

    def _entries(
        self, source: Source, run: SourceRun, page: Page, listing: Listing, *, started: datetime
    ) -> None:
        """Fetch and store the entries of ``listing`` not yet done, then record the run."""
        by_url = {entry.url: entry for entry in listing.entries}
        waiting = self.store.unseen(source.name, by_url)
        todo = waiting[: max(0, self.settings.watch_max_new)]
        run.state = f"reading {len(todo)} new"
        self.on_progress(run)
        errors: list[CommuniqueError] = []
        complete = len(todo) == len(waiting)  # all that is new is dealt with in this run
        for url in todo:
            if self.stop.is_set():
                complete = False
                break
            try:
                done = self._entry(source, by_url[url])
            except Stopped:
                complete = False
                break
            except CommuniqueError as err:
                errors.append(err)
                run.failed += 1
                self.on_error(f"{source.name}: {err}")
                if isinstance(err, FetchError) and not err.permanent:
                    complete = False  # tried again next run: the listing must be read again
            else:
                run.new += done
            self.on_progress(run)
        error = None
        if errors:
            last = str(errors[-1])
            error = str(WatchError("E714", count=len(errors), total=len(todo), last=last))
        next_due = self._next_due(source, started, failed=error is not None)
        self.store.record_run(
            source.name,
            now=started,
            next_due=next_due,
            kind=listing.kind,
            etag=page.etag if complete else None,
            last_modified=page.last_modified if complete else None,
            stored=run.new,
            error=error,
        )
        run.error = error
        run.state = "stopped" if self.stop.is_set() else "failed" if error else "done"
        self.on_progress(run)

    def _entry(self, source: Source, entry: Entry) -> int:
        """Fetch, keep and store one entry's article; 1 if it is a new article, else 0.

        An entry robots.txt forbids is recorded as such and skipped. Other errors are raised,
        after recording the entry as done when asking again cannot help (a 404, a page without
        an article text).
        """
        try:
            page = self.fetcher.get(entry.url)
        except FetchError as err:
            if err.code == "E701":  # the site's wish, not a failure: noted, never asked again
                logger.info("%s: %s", source.name, err)
                self.store.mark_seen(source.name, entry.url, status="forbidden", now=utcnow())
                return 0
            if err.permanent:
                self.store.mark_seen(source.name, entry.url, status="failed", now=utcnow())
            raise
        digest = self.pages.put(page.content)
        seen = {"page": digest, "content_type": page.content_type, "now": utcnow()}
        try:
            raw = self._raw(source.name, page, entry.url, entry.title, entry.published)
        except InputError:  # empty, binary or undecodable: so it will stay
            self.store.mark_seen(source.name, entry.url, status="failed", **seen)
            raise
        report, failures = self._ingest(raw)
        if failures:
            self.store.mark_seen(source.name, entry.url, status="failed", **seen)
            raise failures[0]
        article = self.store.find_article(entry.url)
        article_id = article.id if article else None
        self.store.mark_seen(source.name, entry.url, status="stored", article_id=article_id, **seen)
        return report.new

    def _raw(
        self, name: str, page: Page, url: str, title: str | None, published: date | None
    ) -> RawDocument:
        """A fetched page as the pipeline reads it: ``title`` and ``published`` as fallbacks."""
        return RawDocument(
            doc=url,
            content=page_text(page, max_bytes=self.settings.max_bytes),
            format="text" if page.content_type.startswith("text/plain") else "html",
            group=name,
            url=url,
            where=url,
            fallback_title=title,
            fallback_published=published,
        )

    def reanalyse(self) -> int:
        """Analyse again, from their kept pages, the articles an older release analysed.

        After an upgrade that changes what the language stages store (``ANALYSIS_VERSION``),
        the followed sources' articles are brought up to date without a request: the pages
        kept when they were fetched are read again, with the article's stored title and date
        as fallbacks (a feed entry's, where the page had none). Returns how many were.
        """
        done = 0
        for kept in self.store.outdated_pages(ANALYSIS_VERSION):
            if self.stop.is_set():
                break
            content = self.pages.get(kept.page)
            if content is None:
                error = WatchError("E716", url=kept.url, path=self.pages.path(kept.page))
                self.on_error(f"{kept.source}: {error}")
                continue
            article = self.store.find_article(kept.article_id)
            page = Page(
                url=kept.url,
                status=200,
                content=content,
                content_type=kept.content_type or "",
                etag=None,
                last_modified=None,
            )
            raw = self._raw(
                kept.source,
                page,
                kept.url,
                article.title if article else None,
                article.published if article else None,
            )
            report, failures = self._ingest(raw)
            for failure in failures:
                self.on_error(f"{kept.source}: {failure}")
            if not failures:
                stored = self.store.find_article(kept.url)
                self.store.mark_seen(
                    kept.source,
                    kept.url,
                    status="stored",
                    page=kept.page,
                    content_type=kept.content_type,
                    article_id=stored.id if stored else kept.article_id,
                    now=utcnow(),
                )
            done += report.new + report.updated
        return done

    def _ingest(self, raw: RawDocument) -> tuple[IngestReport, list[CommuniqueError]]:
        """One page through ``ingest``'s stages; its failures returned, for the caller to record."""
        failures: list[CommuniqueError] = []
        report = ingest_documents(
            [raw],
            settings=self.settings,
            store=self.store,
            on_error=failures.append,
            nlp=self._pipeline(),
        )
        return report, failures

    def _pipeline(self) -> Language:
        """The pipeline, loaded at the first new article (a run with nothing new needs none)."""
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings, self.store)
        return self._nlp

    def _fail(
        self,
        source: Source,
        run: SourceRun,
        error: FetchError,
        *,
        started: datetime,
        answered: bool,
    ) -> None:
        """End a source's run on the error of its listing."""
        line = str(error)
        next_due = self._next_due(source, started, failed=True)
        if error.wait is not None:
            next_due = max(next_due, started + timedelta(seconds=error.wait))
        self.store.record_run(
            source.name, now=started, next_due=next_due, error=line, fetched=answered
        )
        run.state, run.error = "failed", line
        self.on_error(f"{source.name}: {line}")
        self.on_progress(run)

    @staticmethod
    def _next_due(source: Source, started: datetime, *, failed: bool) -> datetime:
        """The interval after a good run; after a failed one, doubled per failure in a row."""
        every = timedelta(seconds=source.every)
        if not failed:
            return started + every
        longer = every * 2 ** min(source.failures, 16)
        return started + max(every, min(longer, _MAX_BACKOFF))
