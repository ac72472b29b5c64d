"""The briefing: one self-contained HTML file with the timeline, network, agreements and quotes.

Analysts send it to people who have no communique: the Plotly bundle from the installed package
is inlined, so it opens and draws its charts offline.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import plotly

from .store import Store
from .web.figures import network_edges, network_figure, timeline_figure
from .web.render import render

__all__ = ["write_report"]


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
    html = render(
        "report.html",
        actor=actor,
        since=since,
        stories=stories,
        agreements=agreements[:30],
        quotes=quotes[:30],
        timeline=timeline_figure(stories),
        network=network_figure(network_edges(stories)),
        plotly_js=bundle.read_text("utf-8"),
    )
    path.write_text(html, encoding="utf-8")
    return len(stories)
