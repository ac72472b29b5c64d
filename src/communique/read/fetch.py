"""Fetching pages as a site owner would accept it, and keeping each page fetched.

Followed sources are fetched on a schedule, for months, from sites that never asked to be: the
requests must be ones their owners have no reason to block. So every request here

- names the tool and its version in its User-Agent (and a contact, setting ``watch_contact``);
- asks robots.txt first (once a day per host, read by protego as RFC 9309 says: the longest
  matching rule wins, ``*`` and ``$`` in paths; :mod:`urllib.robotparser` takes the first
  matching rule and no wildcard, so ``Allow: /`` before ``Disallow: /private/`` would let
  everything through) and never fetches what it forbids; its ``Crawl-delay`` lengthens the
  wait between requests;
- waits ``watch_host_delay`` seconds after the previous answer from the same host;
- is conditional when the caller knows the ETag or Last-Modified of the last answer, so an
  unchanged feed costs a 304 and no body;
- is tried again only where that may help: after a 429, a 5xx, a timeout or a broken connection,
  waiting ``watch_backoff`` seconds doubled at each try, or the Retry-After the site asked for
  when it is within ``watch_retry_after_max``; never after another 4xx;
- follows a redirect as a request of its own (at most five in a row): to an http(s) URL only,
  asking that URL's robots.txt and waiting that host's turn, so a redirect can lead neither
  into a path robots.txt forbids nor to a ``file://`` or other scheme.

:class:`PageStore` keeps the bytes of each article page, compressed, named by their hash, so that
the articles can be analysed again (after an upgrade) without fetching them again.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
from protego import Protego

from ..errors import FetchError, one_line
from ..settings import Settings
from .files import decode_bytes

__all__ = ["Fetcher", "Page", "PageStore", "Stopped", "page_text", "user_agent"]

AGENT = "communique"
# robots.txt answers are kept this long (RFC 9309 asks crawlers not to keep them over a day).
_ROBOTS_TTL = 86_400.0
# Redirects followed in a row (RFC 9309 asks at least five for robots.txt; pages get as many).
_REDIRECTS = 5
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# An answer may take this many times ``watch_timeout`` in all: the timeout bounds each wait for
# bytes, so a server sending one byte at a time would otherwise hold the run for hours.
_WHOLE_ANSWER = 10


class Stopped(Exception):
    """The user asked to stop (Ctrl-C) while a request waited for its turn."""


@dataclass(frozen=True, slots=True)
class Page:
    """One answer: 200 with its bytes, or 304 (unchanged since the validators sent) without."""

    url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    retry_after: str | None = None
    location: str | None = None  # where a redirect (3xx) points, absolute

    @property
    def unchanged(self) -> bool:
        """Whether the site said the page has not changed since the validators sent (304)."""
        return self.status == 304


def user_agent(settings: Settings) -> str:
    """``communique/VERSION``, with the contact of setting ``watch_contact`` when there is one."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version(AGENT)
    except PackageNotFoundError:  # run from a checkout that was never installed
        release = "0+unknown"
    contact = settings.watch_contact.strip()
    return f"{AGENT}/{release} (+{contact})" if contact else f"{AGENT}/{release}"


class Fetcher:
    """An HTTP client that waits its turn per host, obeys robots.txt and retries with restraint.

    One fetcher serves a whole ``watch run`` (its robots.txt answers and the time of the last
    request to each host live as long as it does). ``stop`` is set to stop between requests: a
    wait for a host's turn or a retry then raises :class:`Stopped` instead of going on.
    """

    def __init__(self, settings: Settings, *, stop: threading.Event | None = None) -> None:
        self.settings = settings
        self.agent = user_agent(settings)
        self._stop = stop or threading.Event()
        self._client = httpx.Client(
            headers={"User-Agent": self.agent},
            timeout=httpx.Timeout(settings.watch_timeout),
            follow_redirects=False,  # a page's redirects are checked hop by hop (see get)
            max_redirects=_REDIRECTS,
        )
        self._last: dict[str, float] = {}  # host -> monotonic time its last answer ended
        self._robots: dict[str, tuple[float, Protego | FetchError]] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """Fetch ``url`` if robots.txt allows it: a 200 with its bytes, or a 304.

        Each redirect is a request of its own, checked as the first was (an http(s) URL, its
        robots.txt, its host's turn): httpx following them itself would ask no robots.txt and
        wait no turn on the host they lead to. Raises :class:`~communique.errors.FetchError`
        with the reason (robots.txt, an HTTP status, a timeout, a redirect refused) once the
        retries allowed are spent, and :class:`Stopped` when asked to stop while waiting.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        first, asked = url, url
        for _hop in range(_REDIRECTS + 1):
            parts = urlsplit(url)
            if parts.scheme not in {"http", "https"} or not parts.netloc:
                if url == first:
                    raise FetchError("E710", url=url, permanent=True)
                raise FetchError("E717", url=asked, target=url, permanent=True)
            if not self._robots_for(parts.scheme, parts.netloc).can_fetch(url, AGENT):
                raise FetchError("E701", url=url, permanent=True)
            page = self._request(url, headers)
            if page.location is None:
                return page
            asked, url = url, page.location
        raise FetchError("E718", url=first, limit=_REDIRECTS, permanent=True)

    def _robots_for(self, scheme: str, host: str) -> Protego:
        """The robots.txt rules of ``host``, fetched once a day (raising E707 if unreachable).

        RFC 9309: a robots.txt answered with a 4xx allows everything; one that cannot be had
        (a 5xx, no answer) forbids everything until it can.
        """
        now = time.monotonic()
        known = self._robots.get(host)
        if known is None or now - known[0] > _ROBOTS_TTL:
            url = urlunsplit((scheme, host, "/robots.txt", "", ""))
            try:
                page = self._request(url, {}, robots=True)
                # A 4xx, or an empty file: no rules (protego allows everything).
                text = _robots_text(page.content) if page.status == 200 else ""
                found: Protego | FetchError = Protego.parse(text)
            except FetchError as err:
                found = FetchError("E707", url=url, reason=err.message)
            self._robots[host] = known = (now, found)
        if isinstance(known[1], FetchError):
            raise known[1]
        return known[1]

    def _request(self, url: str, headers: dict[str, str], *, robots: bool = False) -> Page:
        """GET with the waits and retries of the module's rules.

        A redirect is returned as an answer (its ``location`` set) for :meth:`get` to check.
        For robots.txt (``robots``) httpx follows the redirects (RFC 9309 asks it), and any 4xx
        is an answer (no rules), not a failure.
        """
        settings = self.settings
        host = urlsplit(url).netloc
        tries = 0
        while True:
            self._wait_turn(host)
            tries += 1
            wait = settings.watch_backoff * 2 ** (tries - 1)
            try:
                page = self._once(url, headers, follow=robots)
            except httpx.TimeoutException:
                failure = FetchError("E704", url=url, timeout=settings.watch_timeout, tries=tries)
            except httpx.TooManyRedirects as err:
                raise FetchError("E718", url=url, limit=_REDIRECTS, permanent=True) from err
            except httpx.TransportError as err:
                failure = FetchError("E705", url=url, tries=tries, reason=one_line(err))
            else:
                status = page.status
                if 200 <= status < 300 or status == 304 or page.location is not None:
                    return page
                if robots and 400 <= status < 500 and status != 429:
                    return page
                reason = _phrase(status)
                if status != 429 and status < 500:
                    raise FetchError("E702", url=url, status=status, reason=reason, permanent=True)
                asked = _retry_after(page)
                if asked is not None and asked > settings.watch_retry_after_max:
                    limit = settings.watch_retry_after_max
                    raise FetchError("E706", url=url, status=status, wait=asked, limit=limit)
                wait = max(wait, asked or 0.0)
                failure = FetchError("E703", url=url, status=status, reason=reason, tries=tries)
            if tries > settings.watch_retries:
                raise failure
            self._pause(wait)

    def _once(self, url: str, headers: dict[str, str], *, follow: bool = False) -> Page:
        """One GET (following redirects if ``follow``), the body read up to ``max_bytes``.

        E708 past ``max_bytes``; E719 when the whole answer takes longer than its share.
        """
        limit = self.settings.max_bytes
        whole = self.settings.watch_timeout * _WHOLE_ANSWER
        host = urlsplit(url).netloc
        began = time.monotonic()
        try:
            with self._client.stream(
                "GET", url, headers=headers, follow_redirects=follow
            ) as response:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError("E708", url=url, limit=limit, permanent=True)
                    if time.monotonic() - began > whole:
                        raise FetchError("E719", url=url, limit=whole, times=_WHOLE_ANSWER)
                    chunks.append(chunk)
                target = response.headers.get("location")
                redirect = response.status_code in _REDIRECT_STATUSES and target
                return Page(
                    url=str(response.url),
                    status=response.status_code,
                    content=b"".join(chunks),
                    content_type=response.headers.get("content-type", ""),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                    retry_after=response.headers.get("retry-after"),
                    location=urljoin(str(response.url), target) if redirect else None,
                )
        finally:
            self._last[host] = time.monotonic()

    def _wait_turn(self, host: str) -> None:
        """Wait until ``watch_host_delay`` (or robots.txt's Crawl-delay) has passed for ``host``.

        A Crawl-delay counts up to ``watch_crawl_delay_max``: sources are fetched one after
        another, and an hour between two pages of one site would hold every run for hours.
        """
        last = self._last.get(host)
        if last is None:
            return
        delay = self.settings.watch_host_delay
        known = self._robots.get(host)
        if known is not None and isinstance(known[1], Protego):
            asked = float(known[1].crawl_delay(AGENT) or 0)
            delay = max(delay, min(asked, self.settings.watch_crawl_delay_max))
        self._pause(last + delay - time.monotonic())

    def _pause(self, seconds: float) -> None:
        """Sleep ``seconds``, waking at once to raise :class:`Stopped` when asked to stop."""
        if seconds > 0 and self._stop.wait(seconds):
            raise Stopped
        if self._stop.is_set():
            raise Stopped


def _robots_text(content: bytes) -> str:
    """robots.txt as text: RFC 9309 says UTF-8, and a byte that is not is no rule of ours."""
    return content.decode("utf-8", errors="replace")


def _phrase(status: int) -> str:
    """The reason phrase of an HTTP status ('' for one httpx does not name)."""
    try:
        return httpx.codes(status).phrase
    except ValueError:
        return ""


def _retry_after(page: Page) -> float | None:
    """The seconds a 429 or 503's Retry-After header asks for (a number or an HTTP date)."""
    value = page.retry_after
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def page_text(page: Page, *, max_bytes: int) -> str:
    """A page's bytes as text: in the charset its Content-Type names, else as a file is read.

    A file's reading (byte-order marks, UTF-8, then the likeliest legacy charset) covers pages
    whose server names no charset; the ``<meta charset>`` of such a page is trafilatura's to
    honour only when it gets bytes, and the pipeline gives it text.
    """
    message = Message()
    message["content-type"] = page.content_type
    charset = message.get_content_charset()
    if charset:
        try:
            return page.content.decode(charset, errors="replace")
        except LookupError:  # a charset Python does not know
            pass
    return decode_bytes(page.content, page.url, max_bytes)


class PageStore:
    """Fetched pages kept on disk, gzip-compressed, named by the SHA-256 of their bytes.

    The same bytes fetched twice (two URLs of one page, a page fetched again) are kept once.
    Writes go to a temporary file renamed into place, so a killed run never leaves half a page.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, digest: str) -> Path:
        """Where the page of ``digest`` is kept (a folder per first two hex digits)."""
        return self.folder / digest[:2] / f"{digest}.gz"

    def put(self, content: bytes) -> str:
        """Keep ``content`` and return its digest (nothing is written if it is kept already)."""
        digest = hashlib.sha256(content).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(gzip.compress(content, mtime=0))
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest

    def get(self, digest: str) -> bytes | None:
        """The bytes kept under ``digest``, or None if they are not (or no longer) here."""
        try:
            return gzip.decompress(self.path(digest).read_bytes())
        except (OSError, EOFError):
            return None
