"""What a followed source lists: the article links of a feed, a sitemap or a listing page.

A source is judged by what it serves, not by its URL (a feed at ``/news``, a sitemap at
``/map.php``): the first element of the document says whether it is an RSS or Atom feed (read
with feedparser, which copes with the many dialects and with broken markup), a sitemap or
sitemap index (the sitemaps.org format, and the titles and dates of Google News sitemaps), or
an HTML page, whose links to articles on the same site are kept. A gzipped sitemap
(``.xml.gz``) is unpacked first.

URLs are normalised with courlan (lower-case host, default port and tracking parameters
dropped, query sorted) and lose their fragment, so that one article reached by two spellings
of its URL is one entry. Links on a listing page are filtered with courlan's rules for pages
that are not articles (navigation, tag and index pages, log-in forms, files that are not HTML).
"""

from __future__ import annotations

import dataclasses
import re
import zlib
from dataclasses import dataclass
from datetime import date
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

import courlan
from courlan.filters import extension_filter, path_filter, type_filter
from lxml import etree
from lxml import html as lxml_html

from ..errors import FetchError, InputError, one_line
from .fetch import Page, page_text

__all__ = ["Entry", "Listing", "normalise_url", "read_listing"]

Kind = Literal["feed", "sitemap", "page"]

# The first element of the document, after any XML declaration, doctype or comment.
_ROOT = re.compile(rb"<\s*(?:[\w.-]+:)?([A-Za-z][\w.-]*)[\s/>]")
_SKIPPED = re.compile(rb"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL | re.IGNORECASE)
_FEEDS = {"rss", "feed", "rdf"}
_SITEMAPS = {"urlset", "sitemapindex"}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Entry:
    """One article a source lists, with the title and date the listing gives it, if any."""

    url: str
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    """What one fetched listing holds: its kind, its entries, and the sitemaps an index names."""

    kind: Kind
    entries: tuple[Entry, ...]
    sitemaps: tuple[str, ...] = ()


def normalise_url(url: str, base: str | None = None) -> str | None:
    """``url`` (relative to ``base``) as the one spelling entries are known by; None if not web."""
    url = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    try:
        normal = courlan.normalize_url(url)
    except ValueError:
        return None
    scheme, netloc, path, query, _fragment = urlsplit(normal)
    return urlunsplit((scheme, netloc, path or "/", query, ""))


def read_listing(page: Page, *, max_bytes: int) -> Listing:
    """The entries of a fetched feed, sitemap or listing page (E709 when it is none of them)."""
    data = page.content
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, page.url, max_bytes)
    head = _SKIPPED.sub(b"", data[:4096].lstrip(b"\xef\xbb\xbf"), count=1)
    found = _ROOT.match(head)
    root = found.group(1).decode("ascii").lower() if found else ""
    if root in _SITEMAPS:
        return _sitemap(data, page.url)
    if root in _FEEDS:
        return _feed(data, page.url)
    if root in {"html", "head", "body"} or b"<a " in data[:max_bytes].lower():
        return _listing_page(dataclasses.replace(page, content=data), max_bytes=max_bytes)
    what = f"it begins with <{root}>" if root else "neither XML nor HTML"
    raise FetchError("E709", url=page.url, reason=what, permanent=True)


def _gunzip(data: bytes, url: str, max_bytes: int) -> bytes:
    """Unpack a gzipped sitemap, refusing to unpack more than ``max_bytes`` (a gzip bomb)."""
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = unpacker.decompress(data, max_bytes + 1)
    except zlib.error as err:
        raise FetchError("E709", url=url, reason=f"broken gzip: {err}", permanent=True) from err
    if len(out) > max_bytes:
        raise FetchError("E708", url=url, limit=max_bytes, permanent=True)
    return out


def _feed(data: bytes, url: str) -> Listing:
    """An RSS or Atom feed's items: link, title, and date (published, else updated)."""
    import feedparser  # only for a run that reads a feed

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries: list[Entry] = []
    for item in parsed.entries:
        link = item.get("link") or (
            item.get("id") if str(item.get("id", "")).startswith("http") else None
        )
        normal = normalise_url(link, url) if link else None
        if normal is None:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        title = _SPACE.sub(" ", item.get("title") or "").strip() or None
        entries.append(Entry(url=normal, title=title, published=published))
    if not entries and parsed.get("bozo"):
        reason = f"malformed feed: {one_line(parsed.get('bozo_exception', 'unknown error'))}"
        raise FetchError("E709", url=url, reason=reason, permanent=True)
    return Listing(kind="feed", entries=_unique(entries))


def _sitemap(data: bytes, url: str) -> Listing:
    """A sitemap's URLs (newest ``lastmod`` first), or a sitemap index's sitemaps."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        reason = f"malformed XML: {one_line(err)}"
        raise FetchError("E709", url=url, reason=reason, permanent=True) from err
    entries: list[Entry] = []
    sitemaps: list[str] = []
    for child in root:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        fields = _texts(child)
        normal = normalise_url(fields.get("loc", ""), url)
        if normal is None:
            continue
        if etree.QName(child).localname == "sitemap":
            sitemaps.append(normal)
            continue
        published = _iso_date(fields.get("publication_date") or fields.get("lastmod"))
        entries.append(Entry(url=normal, title=fields.get("title"), published=published))
    entries.sort(key=lambda entry: entry.published or date.min, reverse=True)
    return Listing(
        kind="sitemap", entries=_unique(entries), sitemaps=tuple(dict.fromkeys(sitemaps))
    )


def _texts(element: etree._Element) -> dict[str, str]:
    """The text of each descendant by its local name (``loc``, ``lastmod``, news ``title``)."""
    found: dict[str, str] = {}
    for node in element.iter():
        if isinstance(node.tag, str) and node.text and node.text.strip():
            found.setdefault(etree.QName(node).localname, _SPACE.sub(" ", node.text).strip())
    return found


def _iso_date(value: str | None) -> date | None:
    """The date of a W3C datetime (``2026-03-04``, ``2026-03-04T10:00:00+01:00``), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _listing_page(page: Page, *, max_bytes: int) -> Listing:
    """The links of an HTML page that lead to articles of the same site, with their text."""
    try:
        text = page_text(page, max_bytes=max_bytes)
        tree = lxml_html.document_fromstring(text)
    except (InputError, etree.ParserError, ValueError) as err:
        reason = err.message if isinstance(err, InputError) else f"unreadable HTML: {one_line(err)}"
        raise FetchError("E709", url=page.url, reason=reason, permanent=True) from err
    host = urlsplit(page.url).netloc.lower()
    here = normalise_url(page.url)
    entries: list[Entry] = []
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        normal = normalise_url(href, page.url) if href else None
        if normal is None or normal == here or urlsplit(normal).netloc != host:
            continue
        parts = urlsplit(normal)
        if parts.path in {"", "/"} and not parts.query:  # the site's home page
            continue
        if not (
            type_filter(normal, strict=True)
            and extension_filter(parts.path)
            and path_filter(parts.path, parts.query)
            and not courlan.is_navigation_page(normal)
        ):
            continue
        title = _SPACE.sub(" ", anchor.text_content()).strip() or None
        entries.append(Entry(url=normal, title=title))
    if not entries:
        raise FetchError("E709", url=page.url, reason="no links to articles", permanent=True)
    return Listing(kind="page", entries=_unique(entries))


def _unique(entries: list[Entry]) -> tuple[Entry, ...]:
    """The entries in order, each URL once (its first listing wins)."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        seen.setdefault(entry.url, entry)
    return tuple(seen.values())
