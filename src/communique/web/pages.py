"""The HTML pages: overview, timeline, events, articles, network, agreements, quotations.

Jinja2 with autoescape; text from articles is data, never markup. Charts are drawn by static
scripts from JSON the page carries, since the Content-Security-Policy forbids inline scripts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, cast
from urllib.parse import urlencode

import plotly
from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import FileResponse, HTMLResponse
from jinja2.utils import htmlsafe_json_dumps

from ..errors import QueryError
from ..model import QUADS, Article, Mention, SearchKind, Statement, Story
from ..store import Store, translations
from .cache import Cache
from .deps import CacheDep, PageNumber, PageSize, StoreDep, day, search_results
from .figures import month_figure, network_figure
from .highlight import Mark, runs
from .render import render

__all__ = ["router"]

router = APIRouter()
# Scripts under static/ the pages load; nothing else there is served.
_SCRIPTS = ("chart.js",)


def _render(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(name, **context))


@dataclass(frozen=True, slots=True)
class Pages:
    """Where a page of a list stands: its rows' numbers, the total, links to its neighbours."""

    page: int
    last: int
    first_row: int
    last_row: int
    total: int
    previous: str | None
    next: str | None


def _pages(path: str, params: dict[str, str], page: int, size: int, total: int) -> Pages:
    """The paging of ``path``: ``params`` (the page's filters, blank ones left out) are kept."""
    kept = {k: v for k, v in params.items() if v}

    def link(number: int) -> str:
        return f"{path}?{urlencode({**kept, 'page': number, 'size': size})}"

    last = max(1, -(-total // size))
    first_row = min(total, (page - 1) * size + 1)
    return Pages(
        page=page,
        last=last,
        first_row=first_row,
        last_row=min(total, page * size),
        total=total,
        previous=link(min(page - 1, last)) if page > 1 else None,
        next=link(page + 1) if page < last else None,
    )


@router.get("/", response_class=HTMLResponse)
def overview(store: StoreDep, cache: CacheDep) -> HTMLResponse:
    """Corpus counts, latest events, most active dyads: kept until the store changes."""
    return HTMLResponse(cache.get(store, "overview", lambda: _overview(store)))


# Rows of the overview's tables.
_LATEST = 20
_DYADS = 10


def warm(store: Store, cache: Cache) -> None:
    """Compute the overview and the all-time network before anyone asks for them.

    They read the whole network table (tens of thousands of pairs at 100,000 articles) and lay
    the graph out: seconds when twenty visitors' requests share the cores, so a server process
    does it as it starts, not in its first visitors' requests.
    """
    cache.get(store, "overview", lambda: _overview(store))
    cache.get(store, ("network", None, None), lambda: _network(store, None, None))


def _overview(store: Store) -> str:
    latest = store.stories(since=date.min, limit=_LATEST, newest_first=True)  # dated ones
    edges = store.network()
    people = store.person_codes({node for pair in edges for node in pair})
    dyads = sorted(
        ((pair, counts.total()) for pair, counts in edges.items() if not people.keys() & set(pair)),
        key=lambda d: (-d[1], d[0]),
    )
    return render(
        "overview.html",
        articles=store.count_articles(),
        events=store.count_stories(),
        latest=latest,
        agreements=store.count_agreements(),
        statements=store.count_statements(),
        dyads=dyads[:_DYADS],
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    store: StoreDep,
    cache: CacheDep,
    actor: str | None = None,
    type_: Annotated[str | None, Query(alias="type")] = None,
    since: str | None = None,
    until: str | None = None,
    page: PageNumber = 1,
    size: PageSize = 25,
) -> HTMLResponse:
    """Events per month by quad, and a page of the events, narrowed by actor, type and period.

    A bar opens the timeline of its month; an event in the list opens its page.
    """
    code = (actor or "").strip().upper() or None  # codes are upper case: RUS, IGO:EU
    kind = (type_ or "").strip().upper() or None
    low, high = day(since, "since"), day(until, "until")
    filters = {"actor": code, "kind": kind, "since": low, "until": high}

    def counts() -> tuple[int, str]:
        months = store.story_months(**filters)
        figure = month_figure(months, {"actor": code or "", "type": kind or ""})
        return store.count_stories(**filters), htmlsafe_json_dumps(figure)

    total, figure = cache.get(store, ("timeline", code, kind, low, high), counts)
    chosen = {"actor": code or "", "type": kind or "", "since": since or "", "until": until or ""}
    return _render(
        "timeline.html",
        events=store.stories(**filters, limit=size, offset=(page - 1) * size),
        figure=figure,
        kinds=sorted(kind for kinds in QUADS.values() for kind in kinds),
        chosen=chosen,
        pages=_pages("/timeline", chosen, page, size, total),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, store: StoreDep) -> HTMLResponse:
    """One event: who took part (with offices), every source with its evidence highlighted."""
    story = store.story(event_id)
    if story is None:
        raise HTTPException(404, f"no event {event_id}")
    sources = []
    mentions: list[Mention] = []
    for doc in story.sources:
        article = store.find_article(doc)
        if article is not None:
            marks = [
                Mark(e.start, e.end, "evidence")
                for reporter, event in story.reports
                if reporter == doc
                for e in event.evidence
            ]
            sources.append((doc, article, runs(article.text, marks)))
            mentions += [m for _a, m in store.mentions(article.id)]
    return _render(
        "event.html", story=story, sources=sources, participants=_participants(story, mentions)
    )


def _participants(
    story: Story, mentions: list[Mention]
) -> list[tuple[str, str, str | None, str | None]]:
    """``(role, name, code, office)`` for the event's actors, recipients and named people.

    Names and offices come from the source articles' mentions: the office is the one the texts
    give the person at the time, which the event itself does not carry.
    """
    names = {m.code: m.name for m in mentions if m.kind in {"state", "organisation"} and m.name}
    found: list[tuple[str, str, str | None, str | None]] = [
        (role, names.get(code, code), code, None)
        for role, codes in (("actor", story.event.actor), ("recipient", story.event.recipient))
        for code in codes
    ]
    people = dict.fromkeys(p for _doc, event in story.reports for p in event.people)
    for person in people:
        own = [m for m in mentions if m.kind == "person" and person in {m.name, m.text}]
        office = next((m.office for m in own if m.office), None)
        code = next((m.code for m in own if m.code), None)
        found.append(("person", person, code, office))
    return found


@router.get("/articles", response_class=HTMLResponse)
def articles(store: StoreDep, page: PageNumber = 1, size: PageSize = 50) -> HTMLResponse:
    """A page of the stored articles, oldest first, each opening its page."""
    return _render(
        "articles.html",
        articles=list(store.articles(limit=size, offset=(page - 1) * size)),
        pages=_pages("/articles", {}, page, size, store.count_articles()),
    )


@router.get("/articles/{key}", response_class=HTMLResponse)
def article_page(key: str, store: StoreDep) -> HTMLResponse:
    """One article: metadata, text with mentions, evidence and quotes marked, its events.

    ``key`` is an article id (or its start) or a source name. The stories the article reports
    come from the store's story tables; the other articles in them are listed as articles on
    the same events, and exact copies show as the article's several source names.
    """
    article = store.find_article(key)
    if article is None:
        raise HTTPException(404, f"no article {key}")
    own = article.id
    marks = [Mark(m.start, m.end, "entity", _mention_title(m)) for _a, m in store.mentions(own)]
    marks += [Mark(e.start, e.end, "evidence") for _a, ev in store.events(own) for e in ev.evidence]
    marks += [Mark(st.start, st.end, "quote") for _a, st in store.statements(own)]
    stories = store.stories_of(own)
    shared: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        for doc in story.sources:
            if doc != article.doc:
                shared[doc].append(story)
    related = [(doc, store.find_article(doc), items) for doc, items in sorted(shared.items())]
    return _render(
        "article.html",
        article=article,
        docs=store.docs_of(own),
        link=article.url if (article.url or "").startswith(("http://", "https://")) else None,
        runs=runs(article.text, marks),
        stories=stories,
        related=related,
        twins=translations.twin_articles(store.engine, own),
    )


def _mention_title(mention: Mention) -> str:
    """The tooltip of a marked mention: its code(s) first, then whom it resolves to."""
    parts = (" ".join(mention.codes), mention.name, mention.office, mention.kind)
    return " · ".join(dict.fromkeys(p for p in parts if p))


# Edges drawn in the network figure: the strongest by stories. The spring layout of every pair a
# large corpus holds takes seconds and draws a tangle; the table lists every pair, page by page.
DRAWN_EDGES = 150


@router.get("/network", response_class=HTMLResponse)
def network(
    store: StoreDep,
    cache: CacheDep,
    since: str | None = None,
    until: str | None = None,
    page: PageNumber = 1,
    size: PageSize = 50,
) -> HTMLResponse:
    """The actor network over a period: edges weighted by events, cooperation or conflict.

    The figure draws the strongest pairs only; its layout is kept until the store changes.
    """
    low, high = day(since, "since"), day(until, "until")
    events, ranked, figure = cache.get(
        store, ("network", low, high), lambda: _network(store, low, high)
    )
    chosen = {"since": since or "", "until": until or ""}
    start = (page - 1) * size
    return _render(
        "network.html",
        figure=figure,
        edges=ranked[start : start + size],
        drawn=min(DRAWN_EDGES, len(ranked)),
        events=events,
        chosen=chosen,
        pages=_pages("/network", chosen, page, size, len(ranked)),
    )


def _network(
    store: Store, since: date | None, until: date | None
) -> tuple[int, list[tuple[tuple[str, str], Counter[str]]], str]:
    """The stories of the period, every pair ranked by stories, the figure of the first (JSON)."""
    edges = store.network(since, until)
    ranked = sorted(edges.items(), key=lambda item: (-item[1].total(), item[0]))
    drawn = dict(ranked[:DRAWN_EDGES])
    codes = store.person_codes({node for pair in drawn for node in pair})
    people = {name: (code, None) for name, code in codes.items()}  # offices are not kept
    events = store.count_stories(since=since, until=until)
    return events, ranked, htmlsafe_json_dumps(network_figure(drawn, people))


@router.get("/agreements", response_class=HTMLResponse)
def agreements(
    store: StoreDep, cache: CacheDep, page: PageNumber = 1, size: PageSize = 20
) -> HTMLResponse:
    """The registry: each instrument with its kind, parties and dated actions, with sources."""
    found = store.agreements(limit=size, offset=(page - 1) * size)
    docs = {doc for agreement in found for doc, _item in agreement.actions}
    total = cache.get(store, "agreements", store.count_agreements)
    return _render(
        "agreements.html",
        agreements=found,
        ids=store.article_ids(docs),
        pages=_pages("/agreements", {}, page, size, total),
    )


# Quotations shown under each speaker of /quotes; the speaker's filter shows the rest.
_QUOTES_EACH = 5


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    store: StoreDep, speaker: str | None = None, page: PageNumber = 1, size: PageSize = 20
) -> HTMLResponse:
    """Speakers, most quoted first, each with their first quotations; ``speaker`` narrows them.

    ``speaker`` keeps the speakers whose name contains it (any case).
    """
    needle = (speaker or "").strip() or None
    names, total = store.speakers(contains=needle, limit=size, offset=(page - 1) * size)
    groups = []
    for name, count in names:
        items: list[tuple[Article, Statement]] = []
        if name is not None:
            items = list(store.statements(speaker=name, exact=True, limit=_QUOTES_EACH))
        groups.append((name or "unattributed", count, items))
    chosen = {"speaker": speaker or ""}
    return _render(
        "quotes.html",
        groups=groups,
        speaker=speaker or "",
        pages=_pages("/quotes", chosen, page, size, total),
    )


@router.get("/static/plotly.min.js")
def plotly_js() -> FileResponse:
    """Plotly, from the installed package: the pages work offline."""
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return FileResponse(path, media_type="application/javascript")


@router.get("/static/{name}")
def script(name: str) -> FileResponse:
    """The pages' own scripts, which draw the charts from the JSON each page carries."""
    if name not in _SCRIPTS:
        raise HTTPException(404, f"no script {name}")
    path = resources.files("communique.web").joinpath("static", name)
    return FileResponse(str(path), media_type="application/javascript")


# Search results per page of /search.
_SEARCH_PAGE = 20


@router.get("/search", response_class=HTMLResponse)
def search_page(
    store: StoreDep,
    cache: CacheDep,
    q: Annotated[str, Query(max_length=500)] = "",
    kind: str = "",
    page: PageNumber = 1,
) -> HTMLResponse:
    """Search articles and quotations; each result opens its article, the match marked.

    A query that cannot be understood is shown on the page (status 400), not as a JSON error.
    """
    offset = (page - 1) * _SEARCH_PAGE
    results, error = None, None
    if q.strip():
        try:
            chosen = cast("SearchKind | None", kind or None)  # the store checks it
            results = search_results(store, cache, q, chosen, limit=_SEARCH_PAGE, offset=offset)
        except QueryError as err:
            error = err.message
    response = _render(
        "search.html",
        q=q,
        kind=kind,
        page=page,
        size=_SEARCH_PAGE,
        offset=offset,
        results=results,
        error=error,
    )
    if error:
        response.status_code = 400
    return response
