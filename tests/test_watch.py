"""Following sources (issue 14): a real web server on 127.0.0.1, the real CLI, the real store.

The server serves feeds, a sitemap index with a gzipped sitemap, a listing page, article pages
written for these tests, and sources that fail in each way a site fails (a 500, a 429 that never
ends, a 429 once, an answer that never comes, malformed XML). It records every request with its
arrival time, headers and the status it answered, so the tests can check what a site owner
would see: robots.txt obeyed, the delay between requests, conditional requests answered 304.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from communique.cli import app
from communique.errors import FetchError, WatchError
from communique.pipeline import ANALYSIS_VERSION
from communique.pipeline.watch import parse_every
from communique.read.feeds import normalise_url, read_listing
from communique.read.fetch import Fetcher, Page, PageStore
from communique.settings import load_settings
from communique.store import Store

runner = CliRunner()

DELAY = 0.25  # seconds between two requests to the server (setting watch_host_delay)
TIMEOUT = 0.5  # setting watch_timeout; the hanging page answers after HANG seconds
HANG = 3.0

# Articles, in our own words, about invented meetings: (path, headline, date, paragraphs).
ARTICLES = {
    "/news/lima-water-talks.html": (
        "Peru and Bolivia agree to share data on Lake Titicaca",
        "2026-03-02",
        [
            "The foreign ministers of Peru and Bolivia met in Lima on Monday and agreed to set "
            "up a joint commission that will publish water level readings for Lake Titicaca "
            "every month, officials from both delegations told reporters after the talks.",
            "The ministers said the commission would hold its first session in La Paz before "
            "the end of the rainy season and would invite experts from both universities.",
            "Both governments described the meeting as constructive and said further talks "
            "on river pollution along the shared border would follow later in the year.",
        ],
    ),
    "/news/oslo-fisheries.html": (
        "Norway and Iceland hold fisheries consultations in Oslo",
        "2026-03-03",
        [
            "Delegations from Norway and Iceland held two days of consultations in Oslo on "
            "quotas for the coming fishing season, the Norwegian foreign ministry said.",
            "The two sides discussed the migration of mackerel stocks further north and "
            "agreed to exchange survey results from their research vessels each quarter.",
            "A further round of consultations is planned in Reykjavik in the autumn, when "
            "scientists from both countries are expected to present a joint assessment.",
        ],
    ),
    "/news/hanoi-visit.html": (
        "Vietnamese minister visits Canberra for trade talks",
        "2026-03-04",
        [
            "The foreign minister of Vietnam arrived in Canberra on Wednesday for a three-day "
            "visit focused on agricultural trade and student exchanges, his office said.",
            "During talks with her Australian counterpart, the minister welcomed plans to "
            "open two new consulates and to extend direct flights between the two countries.",
            "The ministers also signed a memorandum on cooperation in vocational training "
            "and agreed to meet again in Hanoi next year to review its implementation.",
        ],
    ),
    "/updates/accra-summit.html": (
        "Ghana hosts regional summit on coastal security",
        "2026-02-20",
        [
            "Leaders from Ghana, Togo and Benin gathered in Accra on Friday for a summit on "
            "piracy and illegal fishing in the Gulf of Guinea, the host government said.",
            "They agreed to run joint naval patrols and to share radar data between their "
            "coast guards, according to a statement read out at the close of the meeting.",
            "The summit also called on international partners to fund training for port "
            "officials and promised to meet again in Lome within six months.",
        ],
    ),
    "/updates/tbilisi-visa.html": (
        "Georgia and Armenia ease visa rules for students",
        "2026-02-21",
        [
            "Georgia and Armenia announced on Saturday that students from either country "
            "will be able to study at the other's universities without a visa from autumn.",
            "The foreign ministers said the change followed a year of talks between their "
            "education ministries and would be reviewed after two academic years.",
            "Officials in Tbilisi said they expected several thousand students to use the "
            "new rules and welcomed the decision as a sign of closer neighbourly ties.",
        ],
    ),
    "/archive/2026/santiago-energy.html": (
        "Chile and Argentina sign a grid connection accord",
        "2026-01-15",
        [
            "Chile and Argentina signed an accord in Santiago on Thursday to connect their "
            "electricity grids across the Andes, the Chilean foreign ministry announced.",
            "The agreement foresees a new transmission line that will allow either country "
            "to import power during droughts or cold spells, engineers explained.",
            "Ministers from both sides said construction should begin next year once "
            "environmental studies along the planned route are complete.",
        ],
    ),
    "/archive/2026/nairobi-rail.html": (
        "Kenya and Uganda review progress on the railway extension",
        "2026-01-16",
        [
            "Transport and foreign affairs officials from Kenya and Uganda met in Nairobi on "
            "Friday to review the extension of the standard gauge railway to the border.",
            "They agreed on a timetable for land surveys and said customs officers of both "
            "countries would share one inspection post at the new terminal.",
            "The two delegations will report to their presidents before a joint summit that "
            "is planned for the middle of the year in Kampala.",
        ],
    ),
    "/desk/rabat-ports.html": (
        "Morocco and Senegal agree on port cooperation",
        "2026-04-01",
        [
            "Morocco and Senegal agreed in Rabat on Wednesday to train harbour pilots "
            "together and to simplify paperwork for ships calling at both countries' ports.",
            "The agreement was reached during a visit by the Senegalese foreign minister, "
            "who also met business leaders from the shipping and fishing industries.",
            "Both governments said the first joint training course would open in Dakar in "
            "the summer and would be followed by exchanges of customs staff.",
        ],
    ),
    "/desk/quito-health.html": (
        "Ecuador and Colombia plan joint vaccination campaign",
        "2026-04-02",
        [
            "Health and foreign ministry officials from Ecuador and Colombia met in Quito on "
            "Thursday and agreed to run a joint vaccination campaign in border provinces.",
            "The campaign will send mobile clinics to villages on both sides of the border "
            "and will be paid for by both governments in equal shares, officials said.",
            "A committee of doctors from both countries will meet each month to follow the "
            "campaign and to publish its results at the end of the year.",
        ],
    ),
    "/later/dhaka-river.html": (
        "Bangladesh and Nepal discuss river navigation",
        "2026-05-05",
        [
            "Officials from Bangladesh and Nepal met in Dhaka on Tuesday to discuss cargo "
            "navigation on shared rivers and the use of ports by landlocked traders.",
            "They agreed to study a new transit route and to meet again within three months "
            "to compare the findings of their engineers and customs services.",
            "Business groups from both countries welcomed the talks and asked for lower "
            "fees on goods carried by river barges between the two markets.",
        ],
    ),
}
# A page that answers but holds no article text.
EMPTY_PAGE = "/updates/photo-gallery.html"
# A page whose HTML says neither its headline nor its date: the feed entry's stand in.
BARE_PAGE = "/news/lima-water-talks.html"
FORBIDDEN = "/private/draft-communique.html"
ORIGIN = "http://127.0.0.1"  # + the server's port
# A page sent a byte every TRICKLE_GAP seconds: no wait times out, the whole answer must.
TRICKLE = "/slow/drip.html"
TRICKLE_GAP = 0.05
# Redirects: (path -> Location): to a feed, into the path robots.txt forbids, to a local file,
# and to itself (a loop).
REDIRECTS = {
    "/moved.xml": "/feed.xml",
    "/into-private.xml": "/private/listing.xml",
    "/to-file.xml": "file:///etc/hostname",
    "/loop.xml": "/loop.xml",
}


def _article_html(path: str) -> str:
    title, day, paragraphs = ARTICLES[path]
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    if path == BARE_PAGE:
        return f"<html><body><div class='text'>{body}</div></body></html>"
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{day}T09:00:00+00:00"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/tag/diplomacy'>Diplomacy</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>All rights reserved by the Example Herald.</footer></body></html>"
    )


def _rss(base: str) -> str:
    items = []
    for path in ("/news/lima-water-talks.html", "/news/oslo-fisheries.html", FORBIDDEN):
        title, day, _ = ARTICLES.get(path, ("A draft not for publication", "2026-03-05", []))
        stamp = format_datetime(datetime.fromisoformat(day).replace(hour=8, tzinfo=UTC))
        items.append(
            f"<item><title>{title}</title><link>{base}{path}?utm_source=rss</link>"
            f"<pubDate>{stamp}</pubDate></item>"
        )
    items.append(  # the same article again under a fragment: one entry
        f"<item><title>Vietnam visit</title><link>{base}/news/hanoi-visit.html#top</link></item>"
    )
    items.append(f"<item><title>Vietnam</title><link>{base}/news/hanoi-visit.html</link></item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Example Herald</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    )


def _atom(base: str) -> str:
    entries = []
    for path in ("/updates/accra-summit.html", "/updates/tbilisi-visa.html", EMPTY_PAGE):
        title, day, _ = ARTICLES.get(path, ("Pictures of the week", "2026-02-22", []))
        entries.append(
            f'<entry><title>{title}</title><link rel="alternate" href="{base}{path}"/>'
            f"<id>{base}{path}</id><updated>{day}T10:00:00Z</updated></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Regional desk</title><id>{base}/atom.xml</id>"
        f"<updated>2026-02-22T10:00:00Z</updated>{''.join(entries)}</feed>"
    )


def _sitemap_index(base: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemaps/archive-2026.xml.gz</loc></sitemap></sitemapindex>"
    )


def _sitemap(base: str) -> bytes:
    urls = "".join(
        f"<url><loc>{base}{path}</loc><lastmod>{ARTICLES[path][1]}</lastmod></url>"
        for path in ("/archive/2026/santiago-energy.html", "/archive/2026/nairobi-rail.html")
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )
    return gzip.compress(text.encode("utf-8"))


def _listing() -> str:
    return (
        "<html><head><title>Desk</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/page/2'>Older</a> <a href='/login'>Sign in</a>"
        " <a href='/tag/ports'>Ports</a></nav><ul>"
        "<li><a href='/desk/rabat-ports.html'>Port cooperation</a></li>"
        "<li><a href='/desk/quito-health.html'>Vaccination campaign</a></li>"
        "<li><a href='https://elsewhere.example.org/story.html'>Elsewhere</a></li>"
        "</ul></body></html>"
    )


@dataclass
class Hit:
    """One request the server received."""

    at: float
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class Site:
    """What the test server serves, and what it saw."""

    port: int = 0
    interrupt_at: str | None = None  # send this process SIGINT at the first such path
    robots_status: int = 200
    robots_extra: str = ""  # more rules for every user agent (a Crawl-delay)
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"{ORIGIN}:{self.port}"

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()
            self.counts.clear()
            self.interrupt_at = None
            self.robots_status = 200
            self.robots_extra = ""

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def answer(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for ``path`` (the request's query dropped)."""
        with self.lock:
            count = self.counts[path] = self.counts.get(path, 0) + 1
            if self.interrupt_at and path.startswith(self.interrupt_at):
                self.interrupt_at = None
                os.kill(os.getpid(), signal.SIGINT)  # the user's Ctrl-C, in the CLI's process
        xml = {"Content-Type": "application/xml; charset=utf-8"}
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt" and self.robots_status != 200:
            return self.robots_status, {"Content-Type": "text/plain"}, b"unavailable"
        if path == "/robots.txt":
            rules = (  # "Allow: /" first: the longest matching rule must still win
                "User-agent: *\nAllow: /\nDisallow: /private/\nDisallow: /*.pdf$\n"
                f"{self.robots_extra}\n"
                "User-agent: greedy-bot\nDisallow: /\n"
            )
            return 200, {"Content-Type": "text/plain"}, rules.encode()
        if path == "/feed.xml":
            return 200, xml, _rss(self.base).encode()
        if path == "/atom.xml":
            return 200, {"Content-Type": "application/atom+xml"}, _atom(self.base).encode()
        if path == "/sitemap-index.xml":
            return 200, xml, _sitemap_index(self.base).encode()
        if path == "/sitemaps/archive-2026.xml.gz":
            return 200, {"Content-Type": "application/gzip"}, _sitemap(self.base)
        if path == "/desk/":
            return 200, html, _listing().encode()
        if path in REDIRECTS:
            return 302 if path != "/moved.xml" else 301, {"Location": REDIRECTS[path]}, b""
        if path == "/broken.xml":
            return 500, html, b"<h1>Internal error</h1>"
        if path == "/busy.xml":
            return 429, {"Retry-After": "1"}, b"slow down"
        if path == "/later.xml":
            return 503, {"Retry-After": "3600"}, b"maintenance"
        if path == "/once-busy.xml":
            if count == 1:
                return 429, {"Retry-After": "1"}, b"slow down"
            link = f"{self.base}/later/dhaka-river.html"
            item = f"<item><title>River talks</title><link>{link}</link></item>"
            return 200, xml, f"<rss version='2.0'><channel>{item}</channel></rss>".encode()
        if path == "/bad.xml":
            return 200, xml, b"<?xml version='1.0'?><rss><channel><item><title>Cut"
        if path == "/slow.xml":
            time.sleep(HANG)
            return 200, xml, _rss(self.base).encode()
        if path == TRICKLE:
            return 200, html, b""  # the handler sends the body itself, a byte at a time
        if path == EMPTY_PAGE:  # a page that its scripts fill in a browser: no text here
            shell = "<div id='app'></div><script src='/static/gallery.js'></script>"
            return 200, html, f"<html><body>{shell}</body></html>".encode()
        if path in ARTICLES:
            return 200, html, _article_html(path).encode()
        return 404, html, b"<h1>Not found</h1>"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            hit = Hit(time.monotonic(), path, 0, dict(self.headers.items()))
            with site.lock:  # on arrival: a hanging answer must not land in a later test's log
                site.hits.append(hit)
            status, headers, body = site.answer(path)
            if status == 200:
                etag = f'"{zlib.crc32(body):08x}"'
                headers = {
                    **headers,
                    "ETag": etag,
                    "Last-Modified": "Mon, 02 Mar 2026 08:00:00 GMT",
                }
                if self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
            hit.status = status
            if path == TRICKLE:
                self._trickle(b"<html><body>" + b"." * 200 + b"</body></html>")
                return
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def _trickle(self, body: bytes) -> None:
            """Each byte well within the timeout of the one before, the whole far beyond it."""
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(TRICKLE_GAP)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the site records its requests itself."""

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up on the hanging page closed the connection: not an error here."""


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    served = Site()
    server = _Server(("127.0.0.1", 0), _handler(served))
    served.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def cli(tmp_path: Path, site: Site):
    """The CLI on a new SQLite store, with small waits and a pages folder of the test's own."""
    site.reset()
    db = f"sqlite:///{tmp_path / 'watch.db'}"
    options = [
        "--db", db,
        "--set", f"watch_pages={tmp_path / 'pages'}",
        "--set", f"watch_host_delay={DELAY}",
        "--set", f"watch_timeout={TIMEOUT}",
        "--set", "watch_retries=1",
        "--set", "watch_backoff=0.05",
        "--set", "watch_retry_after_max=2",
    ]  # fmt: skip

    def invoke(*args: str):
        return runner.invoke(app, [*options, *args])

    invoke.db = db  # type: ignore[attr-defined]
    return invoke


def _sources(cli) -> dict[str, dict]:
    listed = cli("watch", "list", "--json")
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    return {row["name"]: row for row in rows}


def _articles(db: str) -> dict[str, object]:
    store = Store.open(db)
    try:
        return {article.url: article for article in store.articles()}
    finally:
        store.close()


def _gaps(hits: list[Hit]) -> list[float]:
    times = sorted(hit.at for hit in hits)
    return [later - earlier for earlier, later in pairwise(times)]


@pytest.mark.model
def test_a_feed_is_stored_once_then_costs_a_304_and_is_never_fetched_again(cli, site: Site) -> None:
    added = cli("watch", "add", f"{site.base}/feed.xml", "--name", "herald", "--every", "30m")
    assert added.exit_code == 0, added.output

    first = cli("watch", "run", "--once")
    assert first.exit_code == 0, first.output
    stored = _articles(cli.db)
    wanted = {f"{site.base}{path}" for path in ARTICLES if path.startswith("/news/")}
    assert set(stored) == wanted  # the three allowed items, the repeated one once
    assert "3 new articles" in first.output
    # The page without a headline or date took the feed entry's.
    bare = stored[f"{site.base}{BARE_PAGE}"]
    assert bare.title == ARTICLES[BARE_PAGE][0]
    assert bare.published == date(2026, 3, 2)
    # Robots.txt first, the forbidden path never, and the delay between any two requests.
    assert site.paths()[0] == "/robots.txt"
    assert FORBIDDEN not in site.paths()
    assert min(_gaps(site.hits)) >= DELAY * 0.9
    assert all(hit.headers["User-Agent"].startswith("communique/") for hit in site.hits)

    site.reset()
    second = cli("watch", "run", "--once")
    assert second.exit_code == 0, second.output
    assert "0 new articles" in second.output and "1 unchanged" in second.output
    assert _articles(cli.db).keys() == stored.keys()
    [feed] = [hit for hit in site.hits if hit.path == "/feed.xml"]
    assert feed.status == 304 and feed.headers.get("If-None-Match")
    assert feed.headers.get("If-Modified-Since") == "Mon, 02 Mar 2026 08:00:00 GMT"
    assert not [path for path in site.paths() if path.startswith("/news/")]

    row = _sources(cli)["herald"]
    assert row["kind"] == "feed" and row["articles"] == 3 and row["failures"] == 0
    assert row["last_new"] and row["last_fetch"] and row["last_error"] is None

    # After an upgrade of the language stages, the kept pages are analysed again: no request.
    engine = create_engine(cli.db)
    with engine.begin() as connection:  # as if an older release had analysed them
        connection.execute(text("UPDATE analyses SET version = version - 1"))
    site.reset()
    upgraded = cli("watch", "run", "--once", "--due")
    assert upgraded.exit_code == 0, upgraded.output
    assert "3 analysed again from kept pages" in upgraded.output
    assert site.paths() == [] and _articles(cli.db).keys() == stored.keys()
    with engine.connect() as connection:
        versions = set(connection.scalars(text("SELECT version FROM analyses")))
    engine.dispose()
    assert versions == {ANALYSIS_VERSION}


@pytest.mark.model
def test_ctrl_c_stops_between_documents_and_the_next_run_goes_on(cli, site: Site) -> None:
    assert cli("watch", "add", f"{site.base}/feed.xml", "--name", "herald").exit_code == 0
    site.interrupt_at = "/news/"  # Ctrl-C as the first article is fetched
    stopped = cli("watch", "run")  # until Ctrl-C
    assert stopped.exit_code == 0, stopped.output
    assert "stopping after this document" in stopped.output and "; stopped" in stopped.output
    first = set(_articles(cli.db))
    assert len(first) == 1  # the document at hand was stored, and no other started
    assert _sources(cli)["herald"]["etag"] is None  # the feed must be read again

    site.reset()
    rest = cli("watch", "run", "--once")
    assert rest.exit_code == 0, rest.output
    assert "2 new articles" in rest.output and len(_articles(cli.db)) == 3
    fetched = {f"{site.base}{path}" for path in site.paths()}
    assert not fetched & first  # what the stopped run stored is not fetched again


@pytest.mark.model
def test_failing_sources_get_one_line_each_and_the_others_are_stored(cli, site: Site) -> None:
    sources = {
        "broken": "/broken.xml",
        "busy": "/busy.xml",
        "later": "/later.xml",
        "slow": "/slow.xml",
        "malformed": "/bad.xml",
        "once-busy": "/once-busy.xml",
        "regional": "/atom.xml",
        "archive": "/sitemap-index.xml",
        "desk": "/desk/",
    }
    for name, path in sources.items():
        assert cli("watch", "add", f"{site.base}{path}", "--name", name).exit_code == 0

    run = cli("watch", "run", "--once")
    assert run.exit_code == 1, run.output
    rows = _sources(cli)
    expected = {
        "broken": ("E703", "HTTP 500"),
        "busy": ("E703", "HTTP 429"),
        "later": ("E706", "HTTP 503"),
        "slow": ("E704", f"no answer within {TIMEOUT} s"),
        "malformed": ("E709", "malformed feed"),
        "regional": ("E714", "E107"),  # one entry is a page without an article
    }
    for name, (code, words) in expected.items():
        error = rows[name]["last_error"]
        assert error and code in error and words in error, (name, error)
        assert "\n" not in error and rows[name]["failures"] == 1
        assert f"error: {name}: " in run.output
    # A site asking for an hour is not asked again before then.
    later = rows["later"]
    wait = datetime.fromisoformat(later["next_due"]) - datetime.fromisoformat(later["added_at"])
    assert wait.total_seconds() >= 3600
    # The others are stored: after a retry, from an Atom feed, a gzipped sitemap, a page.
    for name in ("once-busy", "archive", "desk"):
        assert rows[name]["failures"] == 0 and rows[name]["last_error"] is None, rows[name]
    urls = set(_articles(cli.db))
    wanted = {
        "/later/dhaka-river.html",
        "/updates/accra-summit.html",
        "/updates/tbilisi-visa.html",
        "/archive/2026/santiago-energy.html",
        "/archive/2026/nairobi-rail.html",
        "/desk/rabat-ports.html",
        "/desk/quito-health.html",
    }
    assert urls == {f"{site.base}{path}" for path in wanted}
    assert rows["archive"]["kind"] == "sitemap" and rows["desk"]["kind"] == "page"
    # Retries only where they may help: 500 and 429 twice (watch_retries=1), 404s never.
    assert site.counts["/broken.xml"] == 2 and site.counts["/busy.xml"] == 2
    assert site.counts["/later.xml"] == 1 and site.counts["/once-busy.xml"] == 2
    assert min(_gaps(site.hits)) >= DELAY * 0.9

    listed = cli("watch", "list").stdout.splitlines()
    for name, (code, _words) in expected.items():  # one line each, below the table
        assert sum(line.startswith(f"{name}: {code} ") for line in listed) == 1, listed
    assert not [line for line in listed if line.startswith(("desk: ", "archive: "))]
    # The entry that gave no article is not fetched again; the failing sources are not due.
    site.reset()
    again = cli("watch", "run", "--once", "--due")
    assert again.exit_code == 0, again.output
    assert site.paths() == []


def test_a_site_whose_robots_txt_cannot_be_had_is_not_fetched(cli, site: Site) -> None:
    assert cli("watch", "add", f"{site.base}/feed.xml", "--name", "herald").exit_code == 0
    site.robots_status = 503  # RFC 9309: unreachable rules forbid everything
    failed = cli("watch", "run", "--once")
    assert failed.exit_code == 1 and "E707" in failed.output
    assert set(site.paths()) == {"/robots.txt"}
    site.robots_status = 404  # no rules: everything allowed
    site.hits.clear()
    # A source whose robots.txt is missing (a 404) is fetched; the feed's articles need the
    # model, so only the listing is checked here: it answers and is read.
    assert cli("watch", "add", f"{site.base}/nowhere.xml", "--name", "gone").exit_code == 0
    gone = cli("watch", "run", "--once", "--due")
    assert "E702" in gone.output and "HTTP 404" in gone.output
    assert site.paths() == ["/robots.txt", "/nowhere.xml"]


def test_redirects_are_asked_hop_by_hop_with_robots_txt_and_only_to_the_web(site: Site) -> None:
    site.reset()
    overrides = [f"watch_host_delay={DELAY}", f"watch_timeout={TIMEOUT}", "watch_retries=0"]
    with Fetcher(load_settings(environ={}, overrides=overrides)) as fetcher:
        page = fetcher.get(f"{site.base}/moved.xml")
        assert page.status == 200 and page.url == f"{site.base}/feed.xml"
        assert b"<rss" in page.content
        refused = {"/into-private.xml": "E701", "/to-file.xml": "E717", "/loop.xml": "E718"}
        for path, code in refused.items():
            with pytest.raises(FetchError) as caught:
                fetcher.get(f"{site.base}{path}")
            assert caught.value.code == code and caught.value.permanent, caught.value
            assert "\n" not in str(caught.value)
    assert not [path for path in site.paths() if path.startswith("/private/")]
    assert site.counts["/loop.xml"] == 6  # the first request and five redirects
    assert min(_gaps(site.hits)) >= DELAY * 0.9  # each hop waits the host's turn


def test_robots_txt_is_read_by_its_longest_rule_and_its_wildcards(site: Site) -> None:
    site.reset()
    overrides = [f"watch_host_delay={DELAY}", "watch_retries=0"]
    with Fetcher(load_settings(environ={}, overrides=overrides)) as fetcher:
        for path in (FORBIDDEN, "/files/annual-report.pdf"):
            with pytest.raises(FetchError) as caught:
                fetcher.get(f"{site.base}{path}")
            assert caught.value.code == "E701", path
        assert fetcher.get(f"{site.base}/feed.xml").status == 200  # "Allow: /"
    assert site.paths() == ["/robots.txt", "/feed.xml"]


@pytest.mark.parametrize(
    ("asked", "cap", "least"),
    [
        ("1", 2.0, 1.0),  # under the cap: the site's delay
        ("30", 0.6, 0.6),  # more than the cap asked: the cap (30 s: a broken cap fails, not hangs)
    ],
)
def test_a_crawl_delay_is_honoured_up_to_its_cap(
    site: Site, asked: str, cap: float, least: float
) -> None:
    site.reset()
    site.robots_extra = f"Crawl-delay: {asked}\n"
    overrides = [f"watch_host_delay={DELAY}", f"watch_crawl_delay_max={cap}", "watch_retries=0"]
    with Fetcher(load_settings(environ={}, overrides=overrides)) as fetcher:
        for _ in range(2):
            assert fetcher.get(f"{site.base}/feed.xml").status == 200
    pages = [hit for hit in site.hits if hit.path == "/feed.xml"]
    assert len(pages) == 2
    gap = _gaps(pages)[0]
    assert least * 0.9 <= gap < least + 3.0


def test_an_answer_sent_a_byte_at_a_time_is_given_up(site: Site) -> None:
    site.reset()
    overrides = ["watch_timeout=0.3", "watch_retries=0"]  # the whole answer: at most 3 s
    with Fetcher(load_settings(environ={}, overrides=overrides)) as fetcher:
        began = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetcher.get(f"{site.base}{TRICKLE}")
        took = time.monotonic() - began
    assert caught.value.code == "E719" and not caught.value.permanent
    assert took < 8.0  # the body would take about 11 s


def test_a_kept_page_is_found_by_its_hash_and_written_once(tmp_path: Path) -> None:
    pages = PageStore(tmp_path / "pages")
    first = pages.put(b"<html><body>Envoys met in Quito.</body></html>")
    again = pages.put(b"<html><body>Envoys met in Quito.</body></html>")
    assert first == again and len(list((tmp_path / "pages").rglob("*.gz"))) == 1
    assert pages.get(first) == b"<html><body>Envoys met in Quito.</body></html>"
    assert gzip.decompress(pages.path(first).read_bytes()).startswith(b"<html>")
    assert pages.get("0" * 64) is None


def test_listings_are_read_by_what_they_serve_not_their_url() -> None:
    def page(content: bytes, url: str = "http://news.example.org/x") -> Page:
        return Page(
            url=url, status=200, content=content, content_type="", etag=None, last_modified=None
        )

    rdf = (
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns="http://purl.org/rss/1.0/"><item rdf:about="http://news.example.org/a">'
        b"<title>Envoys meet</title><link>http://news.example.org/a</link></item></rdf:RDF>"
    )
    assert [e.url for e in read_listing(page(rdf), max_bytes=10_000).entries] == [
        "http://news.example.org/a"
    ]
    news = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        b"<loc>http://news.example.org/b</loc><news:news><news:publication_date>2026-06-01"
        b"</news:publication_date><news:title>Ministers sign a water accord</news:title>"
        b"</news:news></url></urlset>"
    )
    [entry] = read_listing(page(news), max_bytes=10_000).entries
    assert entry.title == "Ministers sign a water accord" and entry.published == date(2026, 6, 1)
    for content in (b"%PDF-1.7 binary", b"<svg><rect/></svg>"):
        with pytest.raises(FetchError) as caught:
            read_listing(page(content), max_bytes=10_000)
        assert caught.value.code == "E709"
    bomb = gzip.compress(b"<urlset>" + b" " * 50_000 + b"</urlset>")
    with pytest.raises(FetchError) as caught:
        read_listing(page(bomb), max_bytes=10_000)
    assert caught.value.code == "E708"


def test_urls_are_normalised_to_one_spelling() -> None:
    one = normalise_url("HTTP://News.Example.org:80/a/b.html?utm_source=x&id=3#comments")
    two = normalise_url("b.html?id=3", "http://news.example.org/a/index.html")
    assert one == two == "http://news.example.org/a/b.html?id=3"
    assert normalise_url("mailto:press@example.org") is None
    assert normalise_url("javascript:void(0)", "http://news.example.org/") is None


@pytest.mark.parametrize(
    ("text", "seconds"), [("30m", 1800), ("2h", 7200), ("1d", 86_400), ("1h30m", 5400)]
)
def test_intervals_are_read_as_durations(text: str, seconds: int) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "30", "10s", "soon", "5x", "m"])
def test_intervals_that_are_not_durations_are_refused(text: str) -> None:
    with pytest.raises(WatchError) as caught:
        parse_every(text)
    assert caught.value.code == "E713"


def test_sources_are_added_listed_and_removed(db_url: str) -> None:
    def run(*args: str):
        return runner.invoke(app, ["--db", db_url, *args])

    assert run("watch", "add", "https://www.mfa.example.org/rss/", "--every", "2h").exit_code == 0
    assert run("watch", "add", "http://127.0.0.1:9/map.xml.gz", "--name", "map").exit_code == 0
    taken = run("watch", "add", "http://127.0.0.1:9/other.xml", "--name", "map")
    assert taken.exit_code == 1 and "E711" in taken.output
    assert "E710" in run("watch", "add", "ftp://files.example.org/list").output
    assert "E713" in run("watch", "add", "http://127.0.0.1:9/a.xml", "--every", "5s").output
    listed = run("watch", "list")
    assert "mfa.example.org/rss" in listed.stdout and "2h" in listed.stdout
    assert run("watch", "remove", "map").exit_code == 0
    missing = run("watch", "remove", "map")
    assert missing.exit_code == 1 and "E712" in missing.output
    names = [
        json.loads(line)["name"] for line in run("watch", "list", "--json").stdout.splitlines()
    ]
    assert names == ["mfa.example.org/rss"]
