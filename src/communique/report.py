"""The briefing: one self-contained HTML file with the timeline, network, agreements and quotes.

Analysts send it to people who have no communique: the Plotly bundle from the installed package
is inlined, so it opens and draws its charts offline.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import plotly
from jinja2 import Environment, PackageLoader, select_autoescape

from .export import CONFLICT
from .model import Story
from .store import Store
from .web.pages import timeline_figure

__all__ = ["write_report"]

_templates = Environment(
    loader=PackageLoader("communique.web", "templates"), autoescape=select_autoescape(["html"])
)


def network_figure(stories: list[Story]) -> dict[str, Any]:
    """A Plotly figure of the actor network: edges weighted by events, green or red by quad."""
    graph = nx.Graph()
    tone: Counter[tuple[str, str]] = Counter()
    for story in stories:
        for actor in story.event.actor:
            for recipient in story.event.recipient:
                if actor != recipient:
                    edge = tuple(sorted((actor, recipient)))
                    graph.add_edge(*edge)
                    tone[edge] += -1 if story.event.event in CONFLICT else 1
    if not graph:
        return {"data": [], "layout": {}}
    position = nx.spring_layout(graph, seed=0)
    data: list[dict[str, Any]] = []
    for (a, b), score in sorted(tone.items()):
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [position[a][0], position[b][0]],
                "y": [position[a][1], position[b][1]],
                "line": {"width": 1 + abs(score), "color": "#2e7d32" if score >= 0 else "#c62828"},
                "hoverinfo": "none",
                "showlegend": False,
            }
        )
    nodes = sorted(graph.nodes)
    data.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "x": [position[n][0] for n in nodes],
            "y": [position[n][1] for n in nodes],
            "text": nodes,
            "textposition": "top center",
            "marker": {"size": 14, "color": "#455a64"},
            "showlegend": False,
        }
    )
    axis = {"visible": False}
    return {"data": data, "layout": {"xaxis": axis, "yaxis": axis, "margin": {"t": 10}}}


def write_report(
    store: Store, path: Path, *, actor: str | None = None, since: date | None = None
) -> int:
    """Write the briefing for the selected events; return how many events it shows."""
    stories = store.stories(actor=actor, since=since)
    docs = {doc for s in stories for doc in s.sources}
    agreements = [
        a for a in store.agreements() if actor is None or not a.parties or actor in a.parties
    ]
    quotes = [
        (article, st)
        for article, st in store.statements()
        if (actor is None or st.code == actor) and (since is None or article.doc in docs)
    ]
    bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    html = _templates.get_template("report.html").render(
        actor=actor,
        since=since,
        stories=stories,
        agreements=agreements[:30],
        quotes=quotes[:30],
        timeline=timeline_figure(stories),
        network=network_figure(stories),
        plotly_js=bundle.read_text("utf-8"),
    )
    path.write_text(html, encoding="utf-8")
    return len(stories)
