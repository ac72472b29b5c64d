"""The JSON API: the records of ../shared/EXPORT-FORMAT.md, filtered as in the CLI, paginated."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from ..export import event_record, statement_record
from .deps import StoreDep

__all__ = ["router"]

router = APIRouter()


Page = Annotated[int, Query(ge=1, description="Page number, from 1.")]
Size = Annotated[int, Query(ge=1, le=500, description="Records per page (at most 500).")]


def _page(records: list[dict[str, Any]], page: int, size: int) -> dict[str, Any]:
    start = (page - 1) * size
    return {
        "ok": True,
        "total": len(records),
        "page": page,
        "size": size,
        "records": records[start : start + size],
    }


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise HTTPException(400, f"{name}: expected an ISO date, got {value!r}") from error


@router.get("/articles")
def articles(store: StoreDep, page: Page = 1, size: Size = 50) -> dict[str, Any]:
    """Stored articles, oldest publication first."""
    return _page([a.to_dict() for a in store.articles()], page, size)


@router.get("/events")
def events(
    store: StoreDep,
    actor: str | None = None,
    type_: Annotated[str | None, Query(alias="type", description="A PLOVER type.")] = None,
    since: str | None = None,
    until: str | None = None,
    page: Page = 1,
    size: Size = 50,
) -> dict[str, Any]:
    """Events, one per happening across sources; filters as ``communique events``."""
    low, high = _day(since, "since") or date.min, _day(until, "until") or date.max
    selected = [
        event_record(story)
        for story in store.stories()
        if (actor is None or actor in story.event.actor + story.event.recipient)
        and (type_ is None or story.event.event == type_.upper())
        and (story.when is None or (story.when.end >= low and story.when.start <= high))
    ]
    return _page(selected, page, size)


@router.get("/actors")
def actors(
    store: StoreDep, kind: str | None = None, page: Page = 1, size: Size = 50
) -> dict[str, Any]:
    """People, organisations and states with their mentions, most mentioned first."""
    found = [e.to_dict() for e in store.entities() if kind is None or e.kind == kind]
    return _page(found, page, size)


@router.get("/agreements")
def agreements(store: StoreDep, page: Page = 1, size: Size = 50) -> dict[str, Any]:
    """Named instruments with their history of actions."""
    return _page([a.to_dict() for a in store.agreements()], page, size)


@router.get("/statements")
def statements(
    store: StoreDep, speaker: str | None = None, page: Page = 1, size: Size = 50
) -> dict[str, Any]:
    """Direct quotations; ``speaker`` keeps those whose speaker's name contains it."""
    found = [
        statement_record(article, st)
        for article, st in store.statements()
        if speaker is None or speaker.casefold() in (st.speaker or "").casefold()
    ]
    return _page(found, page, size)
