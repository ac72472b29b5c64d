"""The HTML pages: overview, timeline, events, articles, network, agreements, quotations.

Jinja2 with autoescape; text from articles is data, never markup. Charts are drawn by static
scripts from JSON the page carries, since the Content-Security-Policy forbids inline scripts.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, cast

import plotly
from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from ..errors import QueryError
from ..model import QUADS, Article, Mention, SearchKind, Statement, Story
from ..store import Store
from .deps import PageNumber, StoreDep, day
from .figures import network_edges, network_figure, timeline_figure
from .highlight import Mark, runs

__all__ = ["router"]

router = APIRouter()
_templates = Environment(
    loader=PackageLoader("communique.web", "templates"), autoescape=select_autoescape(["html"])
)
# Scripts under static/ the pages load; nothing else there is served.
_SCRIPTS = ("timeline.js", "network.js")


def _render(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(_templates.get_template(name).render(**context))


@router.get("/", response_class=HTMLResponse)
def overview(store: StoreDep) -> HTMLResponse:
    """Corpus counts, latest events, most active dyads."""
    stories = store.stories()
    counts = {pair: n.total() for pair, n in network_edges(stories).items()}
    return _render(
        "overview.html",
        articles=store.count_articles(),
        events=sorted(stories, key=lambda s: s.when.start if s.when else date.min, reverse=True),
        agreements=len(store.agreements()),
        statements=sum(1 for _ in store.statements()),
        dyads=sorted(counts.items(), key=lambda d: (-d[1], d[0]))[:10],
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    store: StoreDep,
    actor: str | None = None,
    type_: Annotated[str | None, Query(alias="type")] = None,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    """Events over time by type, narrowed by actor, type and period; a point opens its event."""
    code = (actor or "").strip().upper() or None  # codes are upper case: RUS, IGO:EU
    stories = store.stories(
        actor=code, kind=type_ or None, since=day(since, "since"), until=day(until, "until")
    )
    return _render(
        "timeline.html",
        events=stories,
        figure=timeline_figure(stories),
        kinds=sorted(kind for kinds in QUADS.values() for kind in kinds),
        chosen={"actor": code or "", "type": type_ or "", "since": since, "until": until},
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, store: StoreDep) -> HTMLResponse:
    """One event: who took part (with offices), every source with its evidence highlighted."""
    story = next((s for s in store.stories() if s.id == event_id), None)
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
def articles(store: StoreDep) -> HTMLResponse:
    """Every stored article, oldest first, each opening its page."""
    return _render("articles.html", articles=list(store.articles()))


@router.get("/articles/{key}", response_class=HTMLResponse)
def article_page(key: str, store: StoreDep) -> HTMLResponse:
    """One article: metadata, text with mentions, evidence and quotes marked, its events.

    ``key`` is an article id (or its start) or a source name. Near-duplicates and story
    clusters are computed over the whole corpus (``communique stories``), too slow for a page;
    the articles whose events merged with this one's are the cheap stand-in, and exact copies
    show as the article's several source names.
    """
    article = store.find_article(key)
    if article is None:
        raise HTTPException(404, f"no article {key}")
    own = article.id
    marks = [Mark(m.start, m.end, "entity", _mention_title(m)) for _a, m in store.mentions(own)]
    marks += [Mark(e.start, e.end, "evidence") for _a, ev in store.events(own) for e in ev.evidence]
    marks += [Mark(st.start, st.end, "quote") for _a, st in store.statements(own)]
    stories = [s for s in store.stories() if article.doc in s.sources]
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
    )


def _mention_title(mention: Mention) -> str:
    """The tooltip of a marked mention: its code(s) first, then whom it resolves to."""
    parts = (" ".join(mention.codes), mention.name, mention.office, mention.kind)
    return " · ".join(dict.fromkeys(p for p in parts if p))


@router.get("/network", response_class=HTMLResponse)
def network(store: StoreDep, since: str | None = None, until: str | None = None) -> HTMLResponse:
    """The actor network over a period: edges weighted by events, cooperation or conflict."""
    stories = store.stories(since=day(since, "since"), until=day(until, "until"))
    people = [e for e in store.entities() if e.kind == "person"]
    edges = network_edges(stories, people)
    return _render(
        "network.html",
        figure=network_figure(edges, people),
        edges=sorted(edges.items(), key=lambda i: (-i[1].total(), i[0])),
        events=len(stories),
        chosen={"since": since, "until": until},
    )


@router.get("/agreements", response_class=HTMLResponse)
def agreements(store: StoreDep) -> HTMLResponse:
    """The registry: each instrument with its kind, parties and dated actions, with sources."""
    found = store.agreements()
    docs = {doc for agreement in found for doc, _item in agreement.actions}
    return _render("agreements.html", agreements=found, ids=_article_ids(store, docs))


@router.get("/quotes", response_class=HTMLResponse)
def quotes(store: StoreDep, speaker: str | None = None) -> HTMLResponse:
    """Quotations grouped by speaker, most quoted first; ``speaker`` keeps matching names."""
    needle = (speaker or "").strip().casefold()
    grouped: dict[str, list[tuple[Article, Statement]]] = defaultdict(list)
    speakers: set[str] = set()
    for article, statement in store.statements():
        name = statement.speaker or "unattributed"
        speakers.add(name)
        if needle in name.casefold():
            grouped[name].append((article, statement))
    groups = sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))
    return _render("quotes.html", groups=groups, speakers=sorted(speakers), speaker=speaker or "")


def _article_ids(store: Store, docs: set[str]) -> dict[str, str]:
    """The article id of each source name, for links; a name no longer stored is left out."""
    found = {doc: store.find_article(doc) for doc in docs}
    return {doc: article.id for doc, article in found.items() if article is not None}


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
            results = store.search(q, chosen, limit=_SEARCH_PAGE, offset=offset)
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
