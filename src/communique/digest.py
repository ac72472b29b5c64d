"""What is new since a moment, and one relationship, for the terminal and as one HTML file.

``communique relation A B`` and ``communique digest`` print the tables built here; ``digest
--out`` writes the same content as one self-contained HTML file (Plotly and the styles inlined,
no address outside the file), for the analyst who reads it once a day, offline or by mail.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import plotly
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from .model import QUADS, Article, Statement, Story
from .store import Store
from .store.relations import (
    Happening,
    Moved,
    Relation,
    moved_agreements,
    new_pairs,
    new_quotes,
    relation,
    stories,
)
from .web.figures import pairs_figure
from .web.render import render

__all__ = ["CHART_PAIRS", "Digest", "digest", "digest_tables", "relation_tables", "write_digest"]

# Relationships the digest's chart draws (one bar each): the table below lists every one.
CHART_PAIRS = 30


@dataclass(frozen=True, slots=True)
class Digest:
    """What was stored since ``since``: new events by pair of sides, agreements, quotations."""

    since: datetime
    pairs: dict[tuple[str, str], list[Happening]]  # most new events first
    stories: dict[str, Story]  # the merged events of ``pairs``, by id
    agreements: list[Moved]
    quotes: list[tuple[Article, Statement]]

    @property
    def events(self) -> int:
        """How many new events, each counted once (an event ties one or more pairs)."""
        return len(self.stories)


def digest(store: Store, since: datetime, relations: Sequence[tuple[str, str]] = ()) -> Digest:
    """What is new since ``since``: in every relationship, or in ``relations`` only.

    With ``relations``, each is read as the relationship page reads it (events between the two
    sides, agreements naming both, quotations by one side about the other); without, every
    pair of states or organisations with a new event, every agreement with a new action and
    every new quotation.
    """
    if relations:
        read = [relation(store, a, b, since=since) for a, b in relations]
        pairs = {rel.sides: list(rel.happenings) for rel in read if rel.happenings}
        agreements = list({m.agreement.id: m for rel in read for m in rel.agreements}.values())
        quotes = list(
            {(ar.id, st.start): (ar, st) for rel in read for ar, st in rel.quotes}.values()
        )
    else:
        pairs = new_pairs(store, since)
        agreements = moved_agreements(store, since)
        quotes = new_quotes(store, since)
    ids = list(dict.fromkeys(h.id for found in pairs.values() for h in found))
    merged = {story.id: story for story in stories(store, ids)}
    return Digest(since=since, pairs=pairs, stories=merged, agreements=agreements, quotes=quotes)


def write_digest(found: Digest, path: Path) -> None:
    """Write the digest as one HTML file that opens offline: every byte it needs is inside."""
    bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    drawn = dict(list(found.pairs.items())[:CHART_PAIRS])  # those with the most new events
    figure = pairs_figure(
        {pair: [h.quad for h in happenings] for pair, happenings in drawn.items()}
    )
    html = render(
        "digest.html",
        digest=found,
        figure=figure,
        drawn=len(drawn),
        plotly_js=bundle.read_text("utf-8"),
    )
    path.write_text(html, encoding="utf-8")


def digest_tables(found: Digest) -> list[RenderableType]:
    """The digest for the terminal: a table of new events per pair, agreements, quotations."""
    parts: list[RenderableType] = [
        Text(
            f"New since {found.since.isoformat(sep=' ')} UTC: {_n(found.events, 'event')} in "
            f"{_n(len(found.pairs), 'relationship')}, {_n(len(found.agreements), 'agreement')} "
            f"moved, {_n(len(found.quotes), 'quotation')}."
        )
    ]
    for (a, b), happenings in found.pairs.items():
        chosen = [found.stories[h.id] for h in happenings if h.id in found.stories]
        parts.append(_events_table(chosen, title=f"{a} – {b}: {_n(len(chosen), 'new event')}"))
    if found.agreements:
        parts.append(_agreements_table(found.agreements, "Agreements that moved"))
    if found.quotes:
        parts.append(_quotes_table(found.quotes, "New quotations"))
    return parts


def relation_tables(rel: Relation, shown: Iterable[Story]) -> list[RenderableType]:
    """One relationship for the terminal: months by quad, events, agreements, quotes, people."""
    a, b = rel.sides
    names = f"{rel.names.get(a, a)} ({a}) – {rel.names.get(b, b)} ({b})"
    parts: list[RenderableType] = [Text(names, style="bold")]
    months = Table("month", *QUADS, "balance", title="events per month by quad")
    counts = {(m, q): n for m, q, n in rel.months()}
    for month, share in rel.balance():
        months.add_row(month, *(str(counts.get((month, q), 0)) for q in QUADS), f"{share:+.2f}")
    undated = Counter(h.quad for h in rel.happenings if h.date is None)
    if undated:
        months.add_row("undated", *(str(undated[q]) for q in QUADS), "")
    parts += [
        months,
        _events_table(list(shown), title=_n(len(rel.happenings), "event")),
        _agreements_table(rel.agreements, _n(len(rel.agreements), "agreement")),
        _quotes_table(
            rel.quotes, f"{_n(len(rel.quotes), 'quotation')} by one side about the other"
        ),
    ]
    people = Table("name", "events", "quotations", title="people involved")
    for name, events, said in rel.people():
        _row(people, name, str(events), str(said))
    parts.append(people)
    return parts


def _events_table(chosen: Sequence[Story], title: str) -> Table:
    """Merged events, one row each, with their first evidence sentence to judge them by."""
    table = Table("id", "date", "event", "who → whom", "where", "sources", "evidence", title=title)
    for story in chosen:
        event = story.event
        _row(
            table,
            story.id,
            story.when.start.isoformat() if story.when else "undated",
            event.event,
            f"{'+'.join(event.who)} → {'+'.join(event.recipient) or '·'}",
            event.place or "",
            str(len(story.sources)),
            event.evidence[0].sentence[:100] if event.evidence else "",
        )
    return table


def _agreements_table(moved: Sequence[Moved], title: str) -> Table:
    """Agreements with every action in one cell, the new ones starred (what moved)."""
    table = Table("agreement", "kind", "parties", "lifecycle (* new)", title=title)
    for item in moved:
        agreement = item.agreement
        steps = [
            f"{'*' if new else ''}{action.action} "
            f"{action.when.start.isoformat() if action.when else 'undated'} ({doc})"
            for (doc, action), new in zip(agreement.actions, item.new, strict=True)
        ]
        _row(table, agreement.title, agreement.kind, " ".join(agreement.parties), "\n".join(steps))
    return table


def _quotes_table(quotes: Sequence[tuple[Article, Statement]], title: str) -> Table:
    """Quotations with their speaker's side and source, the quote on one line (cut at 300)."""
    table = Table("speaker", "side", "published", "source", "quotation", title=title)
    for article, st in quotes:
        _row(
            table,
            st.speaker or "unattributed",
            st.code or "?",
            article.published.isoformat() if article.published else "undated",
            article.doc,
            " ".join(st.quote.split())[:300],
        )
    return table


def _row(table: Table, *cells: str) -> None:
    """A row of plain text: names and quotations from articles are never read as markup."""
    table.add_row(*(Text(cell) for cell in cells))


def _n(count: int, noun: str) -> str:
    """``1 event``, ``2 events``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
