"""Plotly figures shared by the web pages and the briefing, so both draw the same charts.

Each function returns a plain ``{"data": ..., "layout": ...}`` dict: the web pages pass it to a
static script as JSON, the briefing inlines it; neither needs Plotly's Python objects.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlencode

import networkx as nx

from ..model import QUADS, Entity, Story
from ..store.derived import network_edges as story_edges

__all__ = [
    "COLOURS",
    "month_figure",
    "network_edges",
    "network_figure",
    "pairs_figure",
    "relation_figure",
    "timeline_figure",
]

COLOURS = {
    "verbal cooperation": "#2e7d32",
    "material cooperation": "#0277bd",
    "verbal conflict": "#f9a825",
    "material conflict": "#c62828",
}
# Edge colour by which side of the PLOVER divide most of a pair's events fall on.
_TONES = {"cooperation": "#2e7d32", "conflict": "#c62828", "mixed": "#9e9e9e"}
_NODE_COLOURS = {"state": "#455a64", "organisation": "#6a1b9a", "person": "#ef6c00"}
_AFFILIATION = "#cfd8dc"


def timeline_figure(stories: list[Story]) -> dict[str, Any]:
    """A Plotly figure: one point per event, by date and type, coloured by PLOVER quad."""
    data = []
    for quad, kinds in QUADS.items():
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
                        _plain(f"{'+'.join(s.event.who)} → {'+'.join(s.event.recipient)}")
                        for s in chosen
                    ],
                    "marker": {"size": 12, "color": COLOURS[quad]},
                }
            )
    layout = {"margin": {"l": 100, "r": 20, "t": 20, "b": 40}, "hovermode": "closest"}
    return {"data": data, "layout": layout}


def month_figure(
    months: Iterable[tuple[str, str, int]], filters: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """A Plotly figure: stories per month as bars stacked by PLOVER quad.

    ``months`` holds ``(month "YYYY-MM", PLOVER type, stories)``. One point per story is
    unreadable, and too heavy to send, once a corpus holds tens of thousands of them; counts
    per month stay a few hundred numbers. Clicking a bar opens the timeline of that month
    (``customdata`` holds the link), with ``filters`` (actor, type) kept.
    """
    quads = {kind: quad for quad, kinds in QUADS.items() for kind in kinds}
    counts: Counter[tuple[str, str]] = Counter()
    for month, kind, n in months:
        if kind in quads:
            counts[(quads[kind], month)] += n
    shown = sorted({month for _quad, month in counts})
    data = []
    for quad in QUADS:
        chosen = [m for m in shown if counts[(quad, m)]]
        if chosen:
            data.append(
                {
                    "type": "bar",
                    "name": quad,
                    "x": [f"{m}-01" for m in chosen],
                    "y": [counts[(quad, m)] for m in chosen],
                    "customdata": [_month_link(m, filters or {}) for m in chosen],
                    "marker": {"color": COLOURS[quad]},
                }
            )
    layout = {
        "barmode": "stack",
        "margin": {"l": 50, "r": 20, "t": 20, "b": 40},
        "hovermode": "closest",
        "yaxis": {"title": {"text": "events"}},
    }
    return {"data": data, "layout": layout}


def _month_link(month: str, filters: Mapping[str, str]) -> str:
    """The timeline of one month ("YYYY-MM"), other filters kept."""
    year, number = (int(part) for part in month.split("-"))
    last = calendar.monthrange(year, number)[1]
    period = {
        "since": date(year, number, 1).isoformat(),
        "until": date(year, number, last).isoformat(),
    }
    return "/timeline?" + urlencode({**{k: v for k, v in filters.items() if v}, **period})


def network_edges(
    stories: list[Story], people: Iterable[Entity] = ()
) -> dict[tuple[str, str], Counter[str]]:
    """Count cooperation and conflict events per pair of participants, actor side × recipient.

    Codes (states, ``IGO:`` organisations) always take part. A named person takes part on the
    side whose code matches the person's, so two ministers who met get an edge of their own
    beside their states' edge; a person whose code is on neither side is left out.
    """
    codes = {name: person.code for name, person in _people(people).items() if person.code}
    edges: dict[tuple[str, str], Counter[str]] = {}
    for story in stories:
        for pair, tone in story_edges(story, codes).items():
            edges.setdefault(pair, Counter())[tone] += 1
    return edges


def network_figure(
    edges: Mapping[tuple[str, str], Counter[str]],
    people: Mapping[str, tuple[str | None, str | None]] | None = None,
) -> dict[str, Any]:
    """A Plotly figure of the actor network (``network_edges``): states, organisations, people.

    ``people`` gives each person node its ``(code, office)``. Edge width grows with the
    number of events between two actors; its colour says whether most were cooperation or
    conflict. A person is tied to their state or organisation by a thin grey line that counts
    no events. Clicking a node opens the events (a code) or the quotations (a person) behind
    it: ``customdata`` holds that link.
    """
    if not edges:
        return {"data": [], "layout": {}}
    graph = nx.Graph()
    graph.add_edges_from(edges)
    offices = dict(people or {})
    affiliations = [(n, offices[n][0]) for n in sorted(graph.nodes) if n in offices]
    graph.add_edges_from((n, code) for n, code in affiliations if code in graph)
    # Twice the default spacing: labels of people beside their state otherwise overlap.
    position = nx.spring_layout(graph, seed=0, k=2 / graph.number_of_nodes() ** 0.5)
    data: list[dict[str, Any]] = [
        _lines([(n, code) for n, code in affiliations if code in graph], position, _AFFILIATION, 1)
    ]
    # One trace per tone and weight, not per edge: a large network stays a few dozen traces.
    grouped: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for pair, counts in sorted(edges.items()):
        grouped.setdefault((_tone(counts), counts.total()), []).append(pair)
    shown: set[str] = set()
    for (tone, weight), pairs in sorted(grouped.items()):
        trace = _lines(pairs, position, _TONES[tone], 1 + 1.5 * min(weight, 8))
        trace.update(name=tone, legendgroup=tone, showlegend=tone not in shown)
        shown.add(tone)
        data.append(trace)
    # Invisible points midway along the edges carry the counts as hover text.
    middles = sorted(edges.items())
    data.append(
        {
            "type": "scatter",
            "mode": "markers",
            "x": [(position[a][0] + position[b][0]) / 2 for (a, b), _c in middles],
            "y": [(position[a][1] + position[b][1]) / 2 for (a, b), _c in middles],
            "text": [
                _plain(f"{a} – {b}: {c['cooperation']} cooperation, {c['conflict']} conflict")
                for (a, b), c in middles
            ],
            "hoverinfo": "text",
            "marker": {"size": 8, "opacity": 0},
            "showlegend": False,
        }
    )
    degree: Counter[str] = Counter()
    for (a, b), counts in edges.items():
        degree[a] += counts.total()
        degree[b] += counts.total()
    for kind, colour in _NODE_COLOURS.items():
        nodes = [n for n in sorted(graph.nodes) if _kind(n, offices) == kind]
        if not nodes:
            continue
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": kind,
                "x": [position[n][0] for n in nodes],
                "y": [position[n][1] for n in nodes],
                "text": [_plain(n) for n in nodes],
                "hovertext": [_plain(_label(n, offices, degree[n])) for n in nodes],
                "hoverinfo": "text",
                "customdata": [_link(n, offices) for n in nodes],
                "textposition": "top center",
                "marker": {"size": [10 + 2 * min(degree[n], 10) for n in nodes], "color": colour},
            }
        )
    axis = {"visible": False}
    layout = {"xaxis": axis, "yaxis": axis, "margin": {"t": 10}, "hovermode": "closest"}
    return {"data": data, "layout": layout}


def _people(people: Iterable[Entity]) -> dict[str, Entity]:
    """People with a code by name; a name resolved to several codes keeps its most mentioned."""
    chosen: dict[str, Entity] = {}
    for person in sorted(people, key=lambda p: -len(p.mentions)):
        if person.kind == "person" and person.code:
            chosen.setdefault(person.name, person)
    return chosen


def _tone(counts: Counter[str]) -> str:
    if counts["cooperation"] == counts["conflict"]:
        return "mixed"
    return "cooperation" if counts["cooperation"] > counts["conflict"] else "conflict"


def _lines(
    pairs: list[tuple[str, str]], position: dict[str, Any], colour: str, width: float
) -> dict[str, Any]:
    """One trace drawing every pair as a segment (``None`` breaks the line between pairs)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for a, b in pairs:
        xs += [position[a][0], position[b][0], None]
        ys += [position[a][1], position[b][1], None]
    return {
        "type": "scatter",
        "mode": "lines",
        "x": xs,
        "y": ys,
        "line": {"width": width, "color": colour},
        "hoverinfo": "none",
        "showlegend": False,
    }


def _kind(node: str, people: dict[str, tuple[str | None, str | None]]) -> str:
    if node in people:
        return "person"
    return "organisation" if node.startswith("IGO:") else "state"


def _plain(text: str) -> str:
    """Text for a Plotly label, which reads a little HTML: names from articles stay text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _label(node: str, people: dict[str, tuple[str | None, str | None]], events: int) -> str:
    if node in people:
        code, office = people[node]
        node = f"{node} ({', '.join(p for p in (office, code) if p)})"
    return f"{node}: {events} event{'' if events == 1 else 's'}"


def _link(node: str, people: dict[str, tuple[str | None, str | None]]) -> str:
    if node in people:
        return "/quotes?" + urlencode({"speaker": node})
    return "/timeline?" + urlencode({"actor": node})


def relation_figure(
    months: Iterable[tuple[str, str, int]],
    balance: Iterable[tuple[str, float]],
    link: Callable[..., str] | None = None,
) -> dict[str, Any]:
    """A Plotly figure of one relationship: events per month stacked by quad, and the balance.

    ``months`` holds ``(month "YYYY-MM", quad, stories)`` and ``balance`` ``(month, share)``,
    the share being (cooperation − conflict) / events, drawn as a line on a right-hand axis
    from -1 (all conflict) to 1 (all cooperation). ``link(month=..., quad=...)`` gives the
    page of the events behind a bar or a point of the line (``customdata``); without it (the
    digest, a file read offline) nothing links.
    """
    counts = {(quad, month): n for month, quad, n in months}
    data: list[dict[str, Any]] = []
    for quad in QUADS:
        chosen = sorted(month for q, month in counts if q == quad)
        if chosen:
            trace = {
                "type": "bar",
                "name": quad,
                "x": [f"{m}-01" for m in chosen],
                "y": [counts[(quad, m)] for m in chosen],
                "marker": {"color": COLOURS[quad]},
                **_MONTHLY,
            }
            if link is not None:
                trace["customdata"] = [link(month=m, quad=quad) for m in chosen]
            data.append(trace)
    points = list(balance)
    if points:
        line = {
            "type": "scatter",
            "mode": "lines+markers",
            "name": "balance",
            "x": [f"{m}-01" for m, _share in points],
            "y": [round(share, 3) for _m, share in points],
            "yaxis": "y2",
            "line": {"color": "#212121", "width": 2},
            "hovertemplate": "%{x|%Y-%m}: balance %{y}<extra></extra>",
            **_MONTHLY,
        }
        if link is not None:
            line["customdata"] = [link(month=m) for m, _share in points]
        data.append(line)
    shown = sorted({month for _quad, month in counts} | {month for month, _share in points})
    layout: dict[str, Any] = {
        "barmode": "stack",
        "margin": {"l": 50, "r": 60, "t": 20, "b": 40},
        "hovermode": "closest",
        "xaxis": {
            "type": "date",
            "tickformat": "%b %Y",
            "dtick": _month_ticks(shown),
            "ticklabelmode": "period",  # a month's label under its bar, not at its first day
        },
        "yaxis": {"title": {"text": "events"}, "rangemode": "tozero"},
        "yaxis2": {
            "title": {"text": "cooperation − conflict"},
            "overlaying": "y",
            "side": "right",
            "range": [-1.05, 1.05],
            "tickvals": [-1, -0.5, 0, 0.5, 1],
            "zeroline": True,
            "showgrid": False,
        },
        "legend": {"orientation": "h"},
    }
    months_total: Counter[str] = Counter()
    for (_quad, month), n in counts.items():
        months_total[month] += n
    if max(months_total.values(), default=0) <= 10:
        layout["yaxis"]["dtick"] = 1  # counts: no tick at half an event
    return {"data": data, "layout": layout}


# A month's bar and balance point stand in the middle of the month they count.
_MONTHLY = {"xperiod": "M1", "xperiodalignment": "middle"}


def _month_ticks(months: list[str]) -> str:
    """A tick every month over a year and a half, every quarter over four years, else yearly."""
    if not months:
        return "M1"
    first, last = (int(m[:4]) * 12 + int(m[5:7]) for m in (months[0], months[-1]))
    span = last - first + 1
    return "M1" if span <= 18 else "M3" if span <= 48 else "M12"


def pairs_figure(pairs: Mapping[tuple[str, str], Iterable[str]]) -> dict[str, Any]:
    """A Plotly figure: one horizontal bar per pair of sides, its events stacked by quad.

    ``pairs`` gives each pair the quads of its events (the digest's new events).
    """
    labels = [f"{a} – {b}" for a, b in pairs]
    counted = [Counter(quads) for quads in pairs.values()]
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "name": quad,
            "y": labels,
            "x": [counts[quad] for counts in counted],
            "marker": {"color": COLOURS[quad]},
        }
        for quad in QUADS
        if any(counts[quad] for counts in counted)
    ]
    layout: dict[str, Any] = {
        "barmode": "stack",
        "margin": {"l": 140, "r": 20, "t": 40, "b": 40},
        "yaxis": {"autorange": "reversed", "type": "category"},
        "xaxis": {"title": {"text": "new events"}},
        "legend": {"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom"},
        "showlegend": True,  # the quads' colours, even when one quad is drawn
        "height": 120 + 28 * len(labels),
    }
    if max((counts.total() for counts in counted), default=0) <= 10:
        layout["xaxis"]["dtick"] = 1  # counts: no tick at a fifth of an event
    return {"data": data, "layout": layout}
