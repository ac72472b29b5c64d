"""One happening across sources: events from different articles merged into stories.

Two reports are one happening when they have the same PLOVER type, negation and sides and their
dates are at most a day or two apart. Only reports with the same :func:`happening_key` can ever
merge, so the merge partitions the reports by key and, inside a partition, sweeps them by date:
each report is compared with a few earlier reports whose end date (plus the slack) still reaches
its start, never with the whole corpus. The same two facts let a store merge incrementally: it
looks up, for each new report, the stored reports with its key inside :func:`merge_window`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import cache
from importlib import resources

from ..errors import DataFileError
from ..model import Event, Span, Story

# Cross-source merge: how far apart two sources' dates for one happening may be. A report dated
# on the eve or the morrow of its news ("a meeting is taking place", published the day before
# the ministry's transcript) is the same happening; checked on ../shared/seeds (issue 5).
_SAME_DAY_SLACK = timedelta(days=1)
_PUBLICATION_SLACK = timedelta(days=2)  # the widest slack: the sweep and the window use it


def merge_events(reports: Sequence[tuple[str, Event]]) -> list[Story]:
    """Group events from different articles that report the same happening.

    Two reports are one happening when they have the same PLOVER type and sides (for CONSULT
    the set of participants; for a visit also its host), the same negation, and dates at most
    a day apart (two when one date only stands in for its article's); two reports from one
    article are never joined directly. Grouping is transitive and computed over the reports in
    a canonical order (by doc, date, type, evidence, then every other field), so the result
    depends on the set of reports, not their order. The reconciled date is the one stated in
    the text by the most sources at the finest precision; every source whose date differs is
    kept as a disagreement. The merged event's confidence grows with its sources
    (:func:`corroborated`).

    Near-linear: reports are compared only within one :func:`happening_key` and, there, with
    the earlier reports whose dates still reach theirs (see :func:`_join_partition`).

    Incremental use: a story is a function of its members alone, and a new report can only join
    stories with a member of its key inside its :func:`merge_window`. So, given the stories of
    a set of stored reports and some new reports, ``merge_events(new + members of every stored
    story with a member of the same key inside the window of a new report)`` together with the
    other stored stories, unchanged, equals ``merge_events(stored + new)``.
    """
    items = sorted(reports, key=_report_order)
    parent = list(range(len(items)))
    partitions: dict[str, list[int]] = {}
    for index, (_doc, event) in enumerate(items):
        key = happening_key(event)
        if key is not None:
            partitions.setdefault(key, []).append(index)
    for indices in partitions.values():
        _join_partition(items, indices, parent)
    groups: dict[int, list[tuple[str, Event]]] = {}
    for index, item in enumerate(items):
        groups.setdefault(_find(parent, index), []).append(item)
    stories = [_story(members) for members in groups.values()]
    return sorted(stories, key=lambda s: (s.when.start if s.when else date.max, s.id))


def happening_key(event: Event) -> str | None:
    """The partition key of an event: events with different keys are never one happening.

    The key is the PLOVER type, the negation and the sides (for CONSULT every participant, else
    the actors), as a stable string a store can index. An equal key is needed for a merge, not
    enough: the dates, and the hosts of two visits, decide. ``None`` when the event can never
    merge with another (it has no coded side or no date): it is always a story of its own.
    """
    sides = _sides(event)
    if not sides or event.when is None:
        return None
    return f"{event.event}|{'not' if event.negated else 'is'}|{'+'.join(sorted(sides))}"


def merge_window(event: Event) -> tuple[date, date] | None:
    """The days ``(lo, hi)`` a stored event's dates must reach to possibly merge with this one.

    A stored event of the same :func:`happening_key` can merge only if ``start <= hi`` and
    ``end >= lo``: the event's own dates widened by the largest slack. ``None`` when the event
    never merges (its key is ``None``).
    """
    if happening_key(event) is None or event.when is None:
        return None
    return event.when.start - _PUBLICATION_SLACK, event.when.end + _PUBLICATION_SLACK


def _report_order(report: tuple[str, Event]) -> tuple:
    """A total order of reports: equal keys only for equal reports, so ties cannot reorder."""
    doc, event = report
    return (doc, _sort_key(event), repr(event))


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _join_partition(items: list[tuple[str, Event]], indices: list[int], parent: list[int]) -> None:
    """Union, in ``parent``, the reports of one key that are one happening.

    A sweep by start date. Beside the date, whether two reports of one key merge depends only on
    their class: whether the date stands in for the article's, and the host if it is a visit. So
    the reports seen so far are kept as ``live`` entries, one per (group, class), each holding
    the report with the latest end and the one with the latest end from another doc (two reports
    of one doc never join directly). A new report is checked against the first report of each
    entry that is not from its own doc: if that one's dates do not reach it, no other report of
    the entry's does either, as the later start of the new report only leaves the end to check.
    Entries whose end plus the largest slack falls before the current start are dropped, as no
    later report can reach them. Reports of one (group, class) always join when their dates
    overlap (unless both come from one doc), so few entries stay live at once: the cost is the
    sort plus a check or two per live entry at each report, unless one doc holds many same-key
    reports of one day.
    """
    order = sorted(indices, key=lambda i: (items[i][1].when.start, i))  # type: ignore[union-attr]
    live: dict[tuple[int, tuple], list[int]] = {}
    for j in order:
        doc, event = items[j]
        start = event.when.start  # type: ignore[union-attr]
        for reps in live.values():
            other = next((i for i in reps if items[i][0] != doc), None)
            if other is not None and _same_happening(items[other][1], event):
                parent[_find(parent, other)] = _find(parent, j)
        merged: dict[tuple[int, tuple], list[int]] = {}
        for (root, group_class), reps in live.items():
            if items[reps[0]][1].when.end + _PUBLICATION_SLACK >= start:  # type: ignore[union-attr]
                merged.setdefault((_find(parent, root), group_class), []).extend(reps)
        merged.setdefault((_find(parent, j), _class(event)), []).append(j)
        live = {key: _latest(items, reps) for key, reps in merged.items()}


def _class(event: Event) -> tuple:
    """What, beside the key and the dates, decides whether two reports merge."""
    assert event.when is not None
    return (event.when.from_publication, event.recipient if event.mode == "visit" else None)


def _latest(items: list[tuple[str, Event]], reps: list[int]) -> list[int]:
    """The report with the latest end, and the latest from another doc (at most two)."""
    ranked = sorted(reps, key=lambda i: (items[i][1].when.end, -i), reverse=True)  # type: ignore[union-attr]
    first = ranked[0]
    second = next((i for i in ranked if items[i][0] != items[first][0]), None)
    return [first] if second is None else [first, second]


def _sort_key(event: Event) -> tuple:
    first = event.evidence[0].start if event.evidence else 0
    return (event.when.start if event.when else date.max, event.event, first)


def _sides(event: Event) -> frozenset[str]:
    if event.event == "CONSULT":
        return frozenset(event.actor + event.recipient)
    return frozenset(event.actor)


def _same_happening(a: Event, b: Event) -> bool:
    if a.event != b.event or a.negated != b.negated or _sides(a) != _sides(b) or not _sides(a):
        return False
    if a.mode == b.mode == "visit" and a.recipient != b.recipient:
        return False
    if a.when is None or b.when is None:
        return False
    slack = (
        _PUBLICATION_SLACK
        if a.when.from_publication or b.when.from_publication
        else (_SAME_DAY_SLACK)
    )
    return a.when.start <= b.when.end + slack and b.when.start <= a.when.end + slack


def _story(members: list[tuple[str, Event]]) -> Story:
    events = [event for _doc, event in members]
    lead = max(events, key=lambda e: (e.mode == "visit", e.place is not None, len(e.evidence)))
    when = _reconciled([e.when for e in events if e.when is not None])
    disagreements = tuple(
        (doc, _iso(event.when))
        for doc, event in members
        if when is not None
        and event.when is not None
        and event.when.precision == "day"
        and (event.when.start, event.when.end) != (when.start, when.end)
    )
    places = Counter(e.place for e in events if e.place)
    place = places.most_common(1)[0][0] if places else lead.place
    code = next((e.place_code for e in events if e.place == place), lead.place_code)
    modes = Counter(e.mode for e in events if e.mode)
    merged = Event(
        event=lead.event,
        mode=modes.most_common(1)[0][0] if modes else None,
        context=lead.context,
        actor=lead.actor,
        recipient=lead.recipient,
        people=tuple(dict.fromkeys(p for e in events for p in e.people)),
        when=when,
        place=place,
        place_code=code,
        negated=lead.negated,
        tense=lead.tense,
        actor_text=lead.actor_text,
        evidence=tuple(ev for e in events for ev in e.evidence),
        confidence=corroborated((doc, event.confidence) for doc, event in members),
    )
    # Every field of every member is part of the key: two events of one sentence that differ
    # in anything (sides, mode, place) are two stories, and the store keys stories by this id.
    key = "|".join(f"{doc}:{event!r}" for doc, event in members)
    return Story(
        id="evt-" + hashlib.sha1(key.encode()).hexdigest()[:12],
        event=merged,
        when=when,
        reports=tuple(members),
        disagreements=disagreements,
    )


def _reconciled(spans: list[Span]) -> Span | None:
    """The date most sources state, at the finest precision the text gives."""
    stated = [s for s in spans if not s.from_publication] or spans
    if not stated:
        return None
    order = {"day": 0, "month": 1, "year": 2}
    finest = min(order[s.precision] for s in stated)
    votes = Counter((s.start, s.end) for s in stated if order[s.precision] == finest)
    (start, end), _n = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    return next(s for s in stated if (s.start, s.end) == (start, end))


def _iso(span: Span) -> str:
    if span.start == span.end:
        return span.start.isoformat()
    return f"{span.start.isoformat()}/{span.end.isoformat()}"


def corroborated(reports: Iterable[tuple[str, float]]) -> float:
    """One happening's confidence from its reports, given as ``(source, confidence)``.

    Each source counts once, with its most confident report. The most confident source counts
    in full and every other one at the ``discount`` of ``confidence.json``'s ``corroboration``:
    ``1 - (1 - c1) * prod(1 - discount * ci)``. Independent witnesses would make the discount
    1 (noisy-or), but wires copy and rewrite each other, so agreement between sources is weaker
    evidence than independence would suggest; a single source keeps its own confidence.
    """
    best: dict[str, float] = {}
    for source, value in reports:
        best[source] = max(value, best.get(source, 0.0))
    if not best:
        return 0.0
    ranked = sorted(best.values(), reverse=True)
    doubt = 1.0 - ranked[0]
    for value in ranked[1:]:
        doubt *= 1.0 - _discount() * value
    return round(1.0 - doubt, 4)


@cache
def _discount() -> float:
    """The corroboration discount of ``data/patterns/confidence.json``.

    Read here rather than through ``extract.confidence``, whose package loads spaCy: reading
    stories from a store (the web app, ``communique events``) needs no parser.
    """
    name = "confidence.json"
    text = resources.files("communique").joinpath(f"data/patterns/{name}").read_text("utf-8")
    try:
        return float(json.loads(text)["corroboration"]["discount"])
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
        raise DataFileError("E201", path=name, reason=str(err)) from err
