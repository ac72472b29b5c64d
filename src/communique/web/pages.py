"""The HTML pages: overview, timeline, event. Jinja2 with autoescape; text from articles is data."""

from __future__ import annotations

from collections import Counter
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import plotly
from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Story
from .deps import StoreDep

__all__ = ["router"]

router = APIRouter()
_templates = Environment(
    loader=PackageLoader("communique.web", "templates"), autoescape=select_autoescape(["html"])
)
# PLOVER quads: verbal cooperation, material cooperation, verbal conflict, material conflict.
_QUADS = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
_COLOURS = {
    "verbal cooperation": "#2e7d32",
    "material cooperation": "#0277bd",
    "verbal conflict": "#f9a825",
    "material conflict": "#c62828",
}


def _render(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(_templates.get_template(name).render(**context))


@router.get("/", response_class=HTMLResponse)
def overview(store: StoreDep) -> HTMLResponse:
    """Corpus counts, latest events, most active dyads."""
    stories = store.stories()
    dyads = Counter(
        tuple(sorted((a, r)))
        for s in stories
        for a in s.event.actor
        for r in s.event.recipient
        if a != r
    )
    return _render(
        "overview.html",
        articles=store.count_articles(),
        events=sorted(stories, key=lambda s: s.when.start if s.when else date.min, reverse=True),
        agreements=len(store.agreements()),
        statements=sum(1 for _ in store.statements()),
        dyads=dyads.most_common(10),
    )


def timeline_figure(stories: list[Story]) -> dict[str, Any]:
    """A Plotly figure: one point per event, by date and type, coloured by PLOVER quad."""
    data = []
    for quad, kinds in _QUADS.items():
        chosen = [s for s in stories if s.when and s.event.event in kinds]
        if chosen:
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": quad,
                    "x": [s.when.start.isoformat() for s in chosen if s.when],
                    "y": [s.event.event for s in chosen],
                    "customdata": [s.id for s in chosen],
                    "text": [
                        f"{'+'.join(s.event.actor)} → {'+'.join(s.event.recipient)}" for s in chosen
                    ],
                    "marker": {"size": 12, "color": _COLOURS[quad]},
                }
            )
    layout = {"margin": {"l": 100, "r": 20, "t": 20, "b": 40}, "hovermode": "closest"}
    return {"data": data, "layout": layout}


@router.get("/timeline", response_class=HTMLResponse)
def timeline(store: StoreDep) -> HTMLResponse:
    """Events over time by type; each point links to its event."""
    stories = store.stories()
    return _render("timeline.html", events=stories, figure=timeline_figure(stories))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, store: StoreDep) -> HTMLResponse:
    """One event: every source with its evidence sentence highlighted in the article text."""
    story = next((s for s in store.stories() if s.id == event_id), None)
    if story is None:
        raise HTTPException(404, f"no event {event_id}")
    spans: dict[str, set[tuple[int, int]]] = {}
    for doc, event in story.reports:
        spans.setdefault(doc, set()).update((e.start, e.end) for e in event.evidence)
    sources = []
    for doc, marked in spans.items():
        article = store.find_article(doc)
        if article is not None:
            sources.append((doc, _segments(article.text, sorted(marked))))
    return _render("event.html", story=story, sources=sources)


def _segments(text: str, marked: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Cut the text into plain and highlighted runs, each evidence sentence highlighted once."""
    runs: list[tuple[str, bool]] = []
    position = 0
    for start, end in marked:
        if start < position:
            continue
        runs += [(text[position:start], False), (text[start:end], True)]
        position = end
    runs.append((text[position:], False))
    return [run for run in runs if run[0]]


@router.get("/static/plotly.min.js")
def plotly_js() -> FileResponse:
    """Plotly, from the installed package: the pages work offline."""
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return FileResponse(path, media_type="application/javascript")


@router.get("/static/timeline.js")
def timeline_js() -> FileResponse:
    """The timeline's click handler."""
    path = resources.files("communique.web").joinpath("static/timeline.js")
    return FileResponse(str(path), media_type="application/javascript")
