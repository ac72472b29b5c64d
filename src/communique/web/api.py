"""The JSON API: the records of ../shared/EXPORT-FORMAT.md, filtered as in the CLI, paginated."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Query, Request

from ..errors import InputError, QueryError
from ..export import event_record, statement_record
from ..model import SearchKind
from ..pipeline import ingest_documents, load_pipeline
from ..read import read_record
from .deps import PageNumber, StoreDep, day, writer

__all__ = ["router"]

router = APIRouter()


Size = Annotated[int, Query(ge=1, le=500, description="Records per page (at most 500).")]
MinConfidence = Annotated[
    float | None, Query(ge=0, le=1, description="Only records at least this confident (0-1).")
]


def _page(records: list[dict[str, Any]], page: int, size: int) -> dict[str, Any]:
    start = (page - 1) * size
    return _paged(records[start : start + size], len(records), page, size)


def _paged(records: list[dict[str, Any]], total: int, page: int, size: int) -> dict[str, Any]:
    """The pagination shape, for a page the database has already cut."""
    return {"ok": True, "total": total, "page": page, "size": size, "records": records}


@router.post("/articles", status_code=201)
def add_article(request: Request, record: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
    """Ingest one article: a JSON object with the fields of a JSONL input line.

    Off unless the server was started with a write token, which the request must carry; the
    app's gate checks it, and the size of the body, before the body is read.
    """
    try:
        raw = read_record(json.dumps(record), source="request", line=1, group="api")
    except InputError as error:
        raise HTTPException(400, error.message) from error
    settings = request.app.state.settings
    store = writer(request)
    if request.app.state.nlp is None:
        request.app.state.nlp = load_pipeline(settings, store)
    report = ingest_documents([raw], settings=settings, store=store, nlp=request.app.state.nlp)
    if report.failed:
        raise HTTPException(400, report.failed[0].message)
    article = store.find_article(raw.doc)
    return {"ok": True, "new": report.new == 1, "id": article.id if article else None}


@router.get("/articles")
def articles(store: StoreDep, page: PageNumber = 1, size: Size = 50) -> dict[str, Any]:
    """Stored articles, oldest publication first."""
    return _page([a.to_dict() for a in store.articles()], page, size)


@router.get("/events")
def events(
    store: StoreDep,
    actor: str | None = None,
    type_: Annotated[str | None, Query(alias="type", description="A PLOVER type.")] = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: MinConfidence = None,
    page: PageNumber = 1,
    size: Size = 50,
) -> dict[str, Any]:
    """Events, one per happening across sources; filters as ``communique events``."""
    stories = store.stories(
        actor=actor,
        kind=type_,
        since=day(since, "since"),
        until=day(until, "until"),
        min_confidence=min_confidence,
    )
    return _page([event_record(story) for story in stories], page, size)


@router.get("/actors")
def actors(
    store: StoreDep, kind: str | None = None, page: PageNumber = 1, size: Size = 50
) -> dict[str, Any]:
    """People, organisations and states with their mentions, most mentioned first."""
    found = [e.to_dict() for e in store.entities() if kind is None or e.kind == kind]
    return _page(found, page, size)


@router.get("/agreements")
def agreements(
    store: StoreDep, min_confidence: MinConfidence = None, page: PageNumber = 1, size: Size = 50
) -> dict[str, Any]:
    """Named instruments with their history of actions (``min_confidence``: of each action)."""
    found = store.agreements(min_confidence=min_confidence)
    return _page([a.to_dict() for a in found], page, size)


@router.get("/statements")
def statements(
    store: StoreDep,
    speaker: str | None = None,
    min_confidence: MinConfidence = None,
    page: PageNumber = 1,
    size: Size = 50,
) -> dict[str, Any]:
    """Direct quotations; ``speaker`` keeps those whose speaker's name contains it."""
    found = [
        statement_record(article, st)
        for article, st in store.statements()
        if (speaker is None or speaker.casefold() in (st.speaker or "").casefold())
        and (min_confidence is None or st.confidence >= min_confidence)
    ]
    return _page(found, page, size)


@router.get("/search")
def search(
    store: StoreDep,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description='Words, "phrases", prefix*, OR.')
    ],
    kind: Annotated[SearchKind | None, Query(description="article or quote.")] = None,
    page: PageNumber = 1,
    size: Size = 50,
) -> dict[str, Any]:
    """Articles (title, text) and quotations (quote, speaker) matching ``q``, best first."""
    try:
        found = store.search(q, kind, limit=size, offset=(page - 1) * size)
    except QueryError as error:
        raise HTTPException(400, error.message) from error
    return _paged([hit.to_dict() for hit in found.hits], found.total, page, size)
