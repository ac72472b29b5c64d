"""The relationship page: ``/relations/A/B``, what the store holds between two sides.

The whole relationship (its stories' rows, agreements and quotations, and the chart) is read
once per store revision and kept in the cache (``cache.py``), like the timeline's counts; the
filters of the event list (month, quad, person) and of the quotations (speaker) cut that in
memory, and only the page of events shown is merged from its reports.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2.utils import htmlsafe_json_dumps

from ..errors import QueryError
from ..model import QUADS
from ..store import Store
from ..store.relations import SINCE_MEANS, Relation, parse_moment, relation, resolve_side, stories
from .deps import CacheDep, PageNumber, PageSize, StoreDep
from .figures import relation_figure
from .render import render

__all__ = ["router"]

router = APIRouter()
# Quotations shown before "all of them" is asked for.
_QUOTES = 20


@router.get("/relations", response_class=HTMLResponse)
def find_relation(store: StoreDep, a: str = "", b: str = "", since: str = "") -> Response:
    """The overview's search box: two codes or names lead to their relationship's page."""
    if not a.strip() and not b.strip():
        return HTMLResponse(render("relation_search.html", error=None))
    try:
        first, second = resolve_side(store, a), resolve_side(store, b)
        if since.strip():
            parse_moment(since)
    except QueryError as error:
        page = render("relation_search.html", error=error.message)
        return HTMLResponse(page, status_code=400)
    target = _path(first, second) + (f"?{urlencode({'since': since.strip()})}" if since else "")
    return RedirectResponse(target, status_code=303)


@router.get("/relations/{a}/{b}", response_class=HTMLResponse)
def relation_page(
    a: str,
    b: str,
    store: StoreDep,
    cache: CacheDep,
    since: str = "",
    month: str = "",
    quad: str = "",
    person: str = "",
    speaker: str = "",
    quotes: str = "",
    page: PageNumber = 1,
    size: PageSize = 25,
) -> HTMLResponse:
    """Events month by month by quad with the balance line, agreements, quotations, people.

    ``since`` (a date, or a UTC date and time) keeps only what was stored since then;
    ``month`` ("YYYY-MM" or "undated"), ``quad`` and ``person`` narrow the list of events,
    ``speaker`` the quotations; ``quotes=all`` lists every quotation.
    """
    try:
        moment = parse_moment(since) if since.strip() else None
        first, second = a.strip().upper(), b.strip().upper()
        found, figure = cache.get(
            store,
            ("relation", first, second, since.strip()),  # the links keep it as written
            lambda: _relation(store, first, second, moment, since.strip()),
        )
    except QueryError as error:
        raise HTTPException(400, error.message) from error

    def here(anchor: str = "", **params: str) -> str:
        """The link to this page with ``since`` kept and ``params`` set (blank ones left out)."""
        kept = {"since": since.strip(), **params}
        query = urlencode({k: v for k, v in kept.items() if v})
        return _path(first, second) + (f"?{query}" if query else "") + anchor

    chosen = [
        h
        for h in found.happenings
        if (not month or h.month == month)
        and (not quad or h.quad == quad)
        and (not person or person in h.people)
    ]
    start = (page - 1) * size
    shown = stories(store, [h.id for h in chosen[start : start + size]])
    said = [(ar, st) for ar, st in found.quotes if not speaker or st.speaker == speaker]
    last = max(1, -(-len(chosen) // size))
    filters = {"month": month, "quad": quad, "person": person}
    return HTMLResponse(
        render(
            "relation.html",
            rel=found,
            names=found.names,
            since=since.strip(),
            since_means=SINCE_MEANS.format(since=moment.isoformat(sep=" ")) if moment else "",
            figure=figure,
            quads=[(q, found.quads()[q]) for q in QUADS],
            undated=sum(1 for h in found.happenings if h.date is None),
            filters=filters,
            chosen=len(chosen),
            events=shown,
            page=page,
            last=last,
            previous=here("#events", **filters, page=str(page - 1)) if page > 1 else None,
            next=here("#events", **filters, page=str(page + 1)) if page < last else None,
            quotes=said if quotes == "all" else said[:_QUOTES],
            quotes_total=len(said),
            speaker=speaker,
            people=found.people(),
            here=here,
        )
    )


def _relation(
    store: Store, a: str, b: str, moment: datetime | None, since: str
) -> tuple[Relation, str]:
    """The relationship and its chart (JSON), kept until the store changes."""
    found: Relation = relation(store, a, b, since=moment)

    def link(**params: str) -> str:
        """The events behind a bar (month and quad) or a point of the balance line (month)."""
        query = {k: v for k, v in {"since": since, **params}.items() if v}
        return f"{_path(a, b)}?{urlencode(query)}#events"

    figure = relation_figure(found.months(), found.balance(), link)
    return found, htmlsafe_json_dumps(figure)


def _path(a: str, b: str) -> str:
    """The page's path; the colon of ``IGO:EU`` stays readable, anything else is quoted."""
    return f"/relations/{quote(a, safe=':')}/{quote(b, safe=':')}"
