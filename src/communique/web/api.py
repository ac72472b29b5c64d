"""The JSON API: the records of ../shared/EXPORT-FORMAT.md, filtered as in the CLI, paginated."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Query, Request

from ..errors import InputError, QueryError
from ..export import event_record, statement_record
from ..model import SearchKind
from ..read import read_record
from .deps import CacheDep, PageNumber, StoreDep, day, search_results, writer

__all__ = ["router"]

router = APIRouter()


Size = Annotated[int, Query(ge=1, le=500, description="Records per page (at most 500).")]
MinConfidence = Annotated[
    float | None, Query(ge=0, le=1, description="Only records at least this confident (0-1).")
]


def _paged(records: list[dict[str, Any]], total: int, page: int, size: int) -> dict[str, Any]:
    """The pagination shape, for a page the database has already cut."""
    return {"ok": True, "total": total, "page": page, "size": size, "records": records}


@router.post("/articles", status_code=201)
def add_article(request: Request, record: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
    """Ingest one article: a JSON object with the fields of a JSONL input line.

    Off unless the server was started with a write token, which the request must carry; the
    app's gate checks it, and the size of the body, before the body is read.
    """
    # The pipeline brings spaCy, seconds of import a server that only reads never needs.
    from ..pipeline import ingest_documents, load_pipeline

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
    found = store.articles(limit=size, offset=(page - 1) * size)
    return _paged([a.to_dict() for a in found], store.count_articles(), page, size)


@router.get("/events")
def events(
    store: StoreDep,
    cache: CacheDep,
    actor: str | None = None,
    type_: Annotated[str | None, Query(alias="type", description="A PLOVER type.")] = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: MinConfidence = None,
    page: PageNumber = 1,
    size: Size = 50,
) -> dict[str, Any]:
    """Events, one per happening across sources; filters as ``communique events``."""
    filters = {
        "actor": actor,
        "kind": type_,
        "since": day(since, "since"),
        "until": day(until, "until"),
        "min_confidence": min_confidence,
    }
    stories = store.stories(**filters, limit=size, offset=(page - 1) * size)
    total = cache.get(
        store, ("count_stories", *filters.values()), lambda: store.count_stories(**filters)
    )
    return _paged([event_record(story) for story in stories], total, page, size)


@router.get("/actors")
def actors(
    store: StoreDep, kind: str | None = None, page: PageNumber = 1, size: Size = 50
) -> dict[str, Any]:
    """People, organisations and states, most mentioned first.

    Each carries ``mention_count``, not its mentions: an entity of a large corpus has
    thousands (``/api/search`` and the article pages show them).
    """
    found, total = store.actors(kind, limit=size, offset=(page - 1) * size)
    return _paged([actor.to_dict() for actor in found], total, page, size)


@router.get("/agreements")
def agreements(
    store: StoreDep,
    cache: CacheDep,
    min_confidence: MinConfidence = None,
    page: PageNumber = 1,
    size: Size = 50,
) -> dict[str, Any]:
    """Named instruments with their history of actions (``min_confidence``: of each action)."""
    found = store.agreements(min_confidence=min_confidence, limit=size, offset=(page - 1) * size)
    total = cache.get(
        store,
        ("count_agreements", min_confidence),
        lambda: store.count_agreements(min_confidence=min_confidence),
    )
    return _paged([a.to_dict() for a in found], total, page, size)


@router.get("/statements")
def statements(
    store: StoreDep,
    cache: CacheDep,
    speaker: str | None = None,
    min_confidence: MinConfidence = None,
    page: PageNumber = 1,
    size: Size = 50,
) -> dict[str, Any]:
    """Direct quotations; ``speaker`` keeps those whose speaker's name contains it."""
    filters = {"speaker": speaker, "min_confidence": min_confidence}
    found = store.statements(**filters, limit=size, offset=(page - 1) * size)
    total = cache.get(
        store,
        ("count_statements", speaker, min_confidence),
        lambda: store.count_statements(**filters),
    )
    return _paged([statement_record(article, st) for article, st in found], total, page, size)


@router.get("/search")
def search(
    store: StoreDep,
    cache: CacheDep,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description='Words, "phrases", prefix*, OR.')
    ],
    kind: Annotated[SearchKind | None, Query(description="article or quote.")] = None,
    page: PageNumber = 1,
    size: Size = 50,
) -> dict[str, Any]:
    """Articles (title, text) and quotations (quote, speaker) matching ``q``, best first."""
    try:
        found = search_results(store, cache, q, kind, limit=size, offset=(page - 1) * size)
    except QueryError as error:
        raise HTTPException(400, error.message) from error
    return _paged([hit.to_dict() for hit in found.hits], found.total, page, size)
