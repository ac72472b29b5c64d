"""Highlighting spans of an article's text without nesting marks.

Entity mentions, event evidence and quotations overlap freely (a mention inside an evidence
sentence, a quote crossing two sentences), and overlapping ``<mark>`` elements cannot nest in
HTML. So the text is cut at every span boundary into flat runs, each carrying the classes of all
the spans that cover it; the template wraps a run in one ``<mark>`` and Jinja escapes its text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["Mark", "Run", "runs"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: character offsets, a CSS class, and an optional tooltip."""

    start: int
    end: int
    kind: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text under the same marks: ``kinds`` empty means plain text."""

    text: str
    kinds: tuple[str, ...] = ()
    title: str = ""


def runs(text: str, marks: Iterable[Mark]) -> list[Run]:
    """Cut ``text`` into runs at every mark boundary; the runs concatenated give ``text`` back.

    Marks are clipped to the text and empty ones dropped, so a stale offset cannot break the
    page. Adjacent runs under the same marks are joined to keep the markup short.
    """
    kept = [
        Mark(max(m.start, 0), min(m.end, len(text)), m.kind, m.title)
        for m in marks
        if min(m.end, len(text)) > max(m.start, 0)
    ]
    opening: dict[int, list[Mark]] = defaultdict(list)
    closing: dict[int, list[Mark]] = defaultdict(list)
    for mark in kept:
        opening[mark.start].append(mark)
        closing[mark.end].append(mark)
    cuts = sorted({0, len(text), *opening, *closing})
    active: list[Mark] = []
    found: list[Run] = []
    for low, high in pairwise(cuts):
        closed = closing[low]
        active = [m for m in active if m not in closed] + opening[low]
        kinds = tuple(sorted({m.kind for m in active}))
        title = "; ".join(dict.fromkeys(m.title for m in active if m.title))
        if found and found[-1].kinds == kinds and found[-1].title == title:
            found[-1] = Run(found[-1].text + text[low:high], kinds, title)
        else:
            found.append(Run(text[low:high], kinds, title))
    return found
